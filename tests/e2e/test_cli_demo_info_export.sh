#!/usr/bin/env bash
# demo, info and export on a real database (a file, or a database on the
# test server in the PostgreSQL run), figures checked against the sqlite3
# shell or psql and Python's csv module as independent readers.
source "$(dirname "$0")/lib.sh" "$1"

db=$(new_database demo)
run demo --db "$db" --clients 3 --days 60 --seed 11 --end 2026-03-31
assert_eq 0 "$RC" "demo exit code ($ERR)"
if files_only "a new database file's mode"; then
  assert_eq 600 "$(file_mode "$db")" "new database mode"
fi
clients=$(rows "$db" client); sessions=$(rows "$db" session); knots=$(rows "$db" knot)
observations=$(rows "$db" observation); treatments=$(rows "$db" treatment)
assert_contains "$OUT" "$clients clients, $sessions sessions, $knots knots, $observations observations, $treatments treatments" "demo summary"
assert_eq 3 "$clients" "clients written"
(( sessions >= 3 * 55 && sessions <= 3 * 75 )) || fail "sessions for 3 clients x 60 days: $sessions"
(( observations >= sessions * 2 )) || fail "too few observations: $observations for $sessions sessions"
last=$(sql "$db" "SELECT $(sql_local_time "$db" "max(started_utc + utc_offset_min * 60)" date) FROM session")
assert_eq 2026-03-31 "$last" "demo history ends on --end"
pass "demo wrote $clients clients, $sessions sessions, $observations observations"

run demo --db "$db" --seed 12
assert_eq 1 "$RC" "demo into a database with data"
assert_contains "$ERR" "$(db_label "$db"): already holds data" "refusal message"
assert_eq "$observations" "$(rows "$db" observation)" "observations after refused demo"
run demo --db "$db" --clients 1 --days 5 --seed 12 --force
assert_eq 0 "$RC" "demo --force"
(( $(rows "$db" client) == 4 )) || fail "--force should add a fourth client"
pass "demo refuses to mix into existing data unless --force"

db2=$(new_database same); db3=$(new_database other)
"$KNOTMAP" demo --db "$db2" --clients 3 --days 60 --seed 11 --end 2026-03-31 >/dev/null
"$KNOTMAP" demo --db "$db3" --clients 3 --days 60 --seed 99 --end 2026-03-31 >/dev/null

run info --db "$db2"
assert_eq 0 "$RC" "info exit code"
assert_contains "$OUT" "database        $(db_label "$db2")" "info names the database"
assert_contains "$OUT" "schema version  $(schema_version "$db2")" "info schema version"
if on_server; then
  assert_contains "$OUT" "server          PostgreSQL $(psql_on "$db2" "SHOW server_version")" "info: server version"
  assert_contains "$OUT" "integrity check ok (constraints, triggers and indexes valid)" "info: the server's checks"
else
  assert_contains "$OUT" "integrity check ok" "info integrity"
  [[ "$OUT" != *"server "* ]] || fail "info on a file names a server: $OUT"
fi
assert_contains "$OUT" "$(printf '  %-22s %s' observation "$observations")" "info observation count"
assert_contains "$OUT" "$(printf '  %-22s %s' session "$sessions")" "info session count"
first=$(sql "$db2" "SELECT $(sql_local_time "$db2" "min(started_utc) + (SELECT utc_offset_min FROM session ORDER BY started_utc LIMIT 1) * 60" second) FROM session")
assert_contains "$OUT" "sessions from   $first" "info first session"
assert_contains "$OUT" "sessions to     2026-03-31T" "info last session"
pass "info reports version, counts, date range and integrity"

run export --db "$db2" -o "$WORK/a.csv"
assert_eq 0 "$RC" "export exit code"
assert_contains "$ERR" "Exported $observations observations" "export message"
"$KNOTMAP" export --db "$db2" >"$WORK/stdout.csv"
cmp -s "$WORK/a.csv" "$WORK/stdout.csv" || fail "export to -o and to stdout differ"
"$KNOTMAP" export --db "$db3" -o "$WORK/c.csv" 2>/dev/null
cmp -s "$WORK/a.csv" "$WORK/c.csv" && fail "different seeds gave identical exports"
"$KNOTMAP" export --db "$db" -o "$WORK/first.csv" 2>/dev/null
head -n "$((observations + 1))" "$WORK/first.csv" | cmp -s - "$WORK/a.csv" \
  || fail "the same seed and options did not give the same history"
pass "same seed gives a byte-identical export; another seed differs"

python3 - "$WORK/a.csv" "$observations" <<'PY'
import csv, re, sys
path, expected = sys.argv[1], int(sys.argv[2])
raw = open(path, 'rb').read()
assert raw.endswith(b'\r\n'), 'rows must end with CRLF'
with open(path, newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
header = rows[0]
assert header == ['client_id', 'client_name', 'session_id', 'session_time', 'session_kind',
                  'knot_id', 'knot_label', 'view', 'region_code', 'region_name', 'side',
                  'choir_code', 'x', 'y', 'pain', 'kind',
                  'symptoms', 'referred_regions', 'treatments', 'notes'], header
data = rows[1:]
assert len(data) == expected, (len(data), expected)
assert all(len(r) == len(header) for r in data), 'ragged rows'
pains = [int(r[14]) for r in data]
assert min(pains) >= 0 and max(pains) <= 10
assert {r[4] for r in data} == {'self_checkin', 'therapy_visit'}, {r[4] for r in data}
assert all(0 <= float(r[12]) <= 1 and 0 <= float(r[13]) <= 1 for r in data)
assert all(r[9] and r[10] in ('left', 'right') and re.match(r'^[fb]\d\d$', r[11]) for r in data), 'region name, side and CHOIR code'
import re
iso = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$')
assert all(iso.match(r[3]) for r in data), 'session_time must be ISO 8601 with offset'
assert any(r[16] for r in data) and any(r[18] for r in data), 'symptoms and treatments appear'
print(f'ok - csv module reads {len(data)} rows x {len(header)} columns')
PY

echo '"a"' >"$WORK/keep.csv"
# A file where a folder should be: the export cannot be written there.
run export --db "$db2" -o "$WORK/keep.csv/out.csv"
assert_eq 1 "$RC" "export to an unwritable path"
assert_contains "$ERR" "$WORK/keep.csv/out.csv" "export error message names the file"
assert_eq '"a"' "$(cat "$WORK/keep.csv")" "the file in the way is untouched"
missing=$(missing_database x)
run export --db "$missing" -o "$WORK/out.csv"
assert_eq 1 "$RC" "export from a database that does not exist"
assert_contains "$ERR" "$(no_database_message "$missing")" "missing database message"
[[ ! -e "$WORK/missing-folder" && ! -e "$WORK/out.csv" ]] || fail "a failed export created files"
pass "export to an impossible path, or from a missing database, fails with a clear message"
