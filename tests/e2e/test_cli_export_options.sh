#!/usr/bin/env bash
# `knotmap export` options: --all, --client, --from/--to, --bom and the
# spreadsheet-formula neutralisation, checked against the sqlite3 shell (psql
# in the PostgreSQL run) and Python's csv module as independent readers.
source "$(dirname "$0")/lib.sh" "$1"

db=$(new_database demo)
"$KNOTMAP" demo --db "$db" --clients 3 --days 40 --seed 11 --end 2026-03-31 >/dev/null
# Offsets far from UTC make a session's local date differ from its UTC date,
# so the date filter must use the local one: +13:45 for client 1, -09:30 for 2.
sql "$db" "UPDATE session SET utc_offset_min = 825 WHERE client_id = 1;
               UPDATE session SET utc_offset_min = -570 WHERE client_id = 2"
# Text a spreadsheet would run as a formula, in a note, a name and a label.
sql "$db" "UPDATE observation SET notes = '=HYPERLINK(\"http://x.example\",\"y\")'
                 WHERE id = (SELECT min(id) FROM observation);
               UPDATE client SET notes = '-5 kg since May', name = '@Robin' WHERE id = 3;
               UPDATE knot SET label = '+left' WHERE id = (SELECT min(id) FROM knot)"

tables="observations sessions treatments knots clients"
table_of() { # export name -> SQL table
  case "$1" in
    observations) echo observation ;; sessions) echo session ;; treatments) echo treatment ;;
    knots) echo knot ;; clients) echo client ;;
  esac
}
# Data rows of a CSV file, counted by a real CSV reader (notes may hold line breaks).
csv_rows() {
  python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig"))) - 1)' "$1"
}
header() { head -n 1 "$1" | tr -d '\r'; }

# --- --all ------------------------------------------------------------------
run export --db "$db" --all "$WORK/new/folder"
assert_eq 0 "$RC" "export --all exit code"
for table in $tables; do
  [[ -f "$WORK/new/folder/$table.csv" ]] || fail "--all did not write $table.csv"
  run export --db "$db" --table "$table" -o "$WORK/single-$table.csv"
  cmp -s "$WORK/new/folder/$table.csv" "$WORK/single-$table.csv" ||
    fail "--all's $table.csv differs from --table $table"
  assert_eq "$(rows "$db" "$(table_of "$table")")" "$(csv_rows "$WORK/new/folder/$table.csv")" \
    "--all $table.csv rows"
done
assert_eq "client_id,client_name,birth_year,notes,archived" "$(header "$WORK/new/folder/clients.csv")" \
  "clients.csv header"
assert_eq "client_id,client_name,knot_id,label,view,region_code,x,y,status,first_seen,last_seen" \
  "$(header "$WORK/new/folder/knots.csv")" "knots.csv header"
[[ -z $(find "$WORK/new/folder" -name '*.partial-*') ]] || fail "--all left temporary files"
pass "--all writes five files (folder created) with every table's header and rows"

# --- bad usages: exit 2 with a message naming the problem -------------------
run export --db "$db" --all "$WORK/x" -o "$WORK/x.csv"
assert_eq 2 "$RC" "--all with -o exit code"
assert_contains "$ERR" "--all" "--all with -o message"
assert_contains "$ERR" "--output" "--all with -o message"
run export --db "$db" --all "$WORK/x" --table knots
assert_eq 2 "$RC" "--all with --table exit code"
assert_contains "$ERR" "--table" "--all with --table message"
[[ ! -e "$WORK/x" ]] || fail "a refused --all created its folder"
for bad in 2026-02-30 2026-3-01 yesterday 2026-03-01T00:00; do
  run export --db "$db" --from "$bad"
  assert_eq 2 "$RC" "--from $bad exit code"
  assert_contains "$ERR" "--from" "--from $bad message"
  assert_contains "$ERR" "'$bad'" "--from $bad message"
done
run export --db "$db" --to 2026-13-01
assert_eq 2 "$RC" "--to 2026-13-01 exit code"
assert_contains "$ERR" "--to: expected a date like 2026-03-14, got '2026-13-01'" "--to message"
run export --db "$db" --from 2026-03-10 --to 2026-03-01
assert_eq 2 "$RC" "--from after --to exit code"
assert_contains "$ERR" "is after --to" "--from after --to message"
pass "bad combinations and dates are refused with exit 2 and a message"

# --- --client -----------------------------------------------------------------
second=$(sql "$db" "SELECT name FROM client WHERE id = 2")
shouted=$(printf '%s' "$second" | LC_ALL=C tr 'a-z' 'A-Z') # ASCII letters only: the rest stays as it is
run export --db "$db" --client "$shouted" --all "$WORK/client2"
assert_eq 0 "$RC" "--client exit code"
for pair in "observations:SELECT count(*) FROM observation o JOIN session s ON s.id = o.session_id WHERE s.client_id = 2" \
            "sessions:SELECT count(*) FROM session WHERE client_id = 2" \
            "treatments:SELECT count(*) FROM treatment t JOIN session s ON s.id = t.session_id WHERE s.client_id = 2" \
            "knots:SELECT count(*) FROM knot WHERE client_id = 2" \
            "clients:SELECT 1"; do
  table=${pair%%:*}
  expected=$(sql "$db" "${pair#*:}")
  [[ "$expected" -gt 0 ]] || fail "the demo has no $table for client 2"
  assert_eq "$expected" "$(csv_rows "$WORK/client2/$table.csv")" "--client $table rows"
  others=$(python3 -c 'import csv, sys; print(sum(1 for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")) if r["client_id"] != "2"))' "$WORK/client2/$table.csv")
  assert_eq 0 "$others" "--client $table rows of other clients"
done
pass "--client (any case) restricts every table to that client"

run export --db "$db" --client "Nobody Here"
assert_eq 1 "$RC" "unknown client exit code"
assert_contains "$ERR" "no client named 'Nobody Here'" "unknown client message"
assert_contains "$ERR" "$second" "unknown client message lists the names"
pass "an unknown client is refused with exit 1, listing the known names"

# --- --from / --to: the session's local date, both ends included --------------
# After the first client's week in Tokyo (the demo's traveller, 7-12 March
# with this seed): at home their check-ins fall late enough in the UTC day for
# +13:45 to carry them into the next local date.
from=2026-03-16
to=2026-03-18
local_date=$(sql_local_time "$db" "s.started_utc + s.utc_offset_min * 60" date)
utc_date=$(sql_local_time "$db" "s.started_utc" date)
run export --db "$db" --from "$from" --to "$to" --all "$WORK/dates"
assert_eq 0 "$RC" "--from/--to exit code"
expected_obs=$(sql "$db" "SELECT count(*) FROM observation o JOIN session s ON s.id = o.session_id
                              WHERE $local_date BETWEEN '$from' AND '$to'")
expected_sessions=$(sql "$db" "SELECT count(*) FROM session s WHERE $local_date BETWEEN '$from' AND '$to'")
expected_treatments=$(sql "$db" "SELECT count(*) FROM treatment t JOIN session s ON s.id = t.session_id
                                     WHERE $local_date BETWEEN '$from' AND '$to'")
utc_differs=$(sql "$db" "SELECT count(*) FROM session s WHERE $local_date BETWEEN '$from' AND '$to'
                         AND $utc_date NOT BETWEEN '$from' AND '$to'")
[[ "$utc_differs" -gt 0 ]] || fail "the test data has no session whose UTC date is outside the range"
assert_eq "$expected_obs" "$(csv_rows "$WORK/dates/observations.csv")" "--from/--to observations"
assert_eq "$expected_sessions" "$(csv_rows "$WORK/dates/sessions.csv")" "--from/--to sessions"
assert_eq "$expected_treatments" "$(csv_rows "$WORK/dates/treatments.csv")" "--from/--to treatments"
assert_eq "$(rows "$db" knot)" "$(csv_rows "$WORK/dates/knots.csv")" "knots are not date-filtered"
assert_eq "$(rows "$db" client)" "$(csv_rows "$WORK/dates/clients.csv")" "clients are not date-filtered"
python3 - "$WORK/dates" "$from" "$to" <<'PY'
import csv, sys
folder, first, last = sys.argv[1:]
for table in ('observations', 'sessions', 'treatments'):
    with open(f'{folder}/{table}.csv', newline='', encoding='utf-8') as f:
        days = {row['session_time'][:10] for row in csv.DictReader(f)}
    assert min(days) == first and max(days) == last, (table, sorted(days))
    print(f'ok - {table}: local dates {min(days)} to {max(days)}, both ends included')
PY
run export --db "$db" --table sessions --to "$from"
assert_eq "$(sql "$db" "SELECT count(*) FROM session s WHERE $local_date <= '$from'")" \
  "$(csv_rows "$WORK/stdout")" "--to alone"
pass "--from/--to restrict the session-based tables by local date, inclusive"

# --- --bom --------------------------------------------------------------------
run export --db "$db" --table clients --bom -o "$WORK/bom.csv"
assert_eq "efbbbf" "$(head -c 3 "$WORK/bom.csv" | od -An -tx1 | tr -d ' \n')" "--bom first bytes"
assert_eq "cli" "$(head -c 3 "$WORK/new/folder/clients.csv")" "no BOM by default"
"$KNOTMAP" export --db "$db" --table clients --bom | head -c 3 | od -An -tx1 | tr -d ' \n' >"$WORK/bom-stdout"
assert_eq "efbbbf" "$(cat "$WORK/bom-stdout")" "--bom on standard output"
pass "--bom starts the file with EF BB BF"

# --- spreadsheet-formula neutralisation ----------------------------------------
run export --db "$db" --all "$WORK/raw" --no-neutralise
assert_eq 0 "$RC" "--no-neutralise exit code"
python3 - "$WORK/new/folder" "$WORK/raw" <<'PY'
import csv, sys
safe, raw = sys.argv[1:]
def read(folder, table):
    with open(f'{folder}/{table}.csv', newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))
formula = '=HYPERLINK("http://x.example","y")'
assert read(safe, 'observations')[0]['notes'] == "'" + formula, read(safe, 'observations')[0]
assert read(raw, 'observations')[0]['notes'] == formula
robin = [r for r in read(safe, 'clients') if r['client_id'] == '3'][0]
assert robin['client_name'] == "'@Robin" and robin['notes'] == "'-5 kg since May", robin
robin = [r for r in read(raw, 'clients') if r['client_id'] == '3'][0]
assert robin['client_name'] == '@Robin' and robin['notes'] == '-5 kg since May', robin
label = read(safe, 'knots')[0]['label']
assert label == "'+left", label
assert read(raw, 'knots')[0]['label'] == '+left'
# Only text changes: every other cell is the same with and without.
for table in ('observations', 'sessions', 'treatments', 'knots', 'clients'):
    a, b = read(safe, table), read(raw, table)
    changed = {k for x, y in zip(a, b) for k in x if x[k] != y[k]}
    assert changed <= {'notes', 'client_name', 'label', 'knot_label'}, (table, changed)
print('ok - formulas get a leading apostrophe; numbers, ids, times and codes never do')
PY
pass "text starting with = + - @ is neutralised by default and raw with --no-neutralise"
