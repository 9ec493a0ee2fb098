#!/usr/bin/env bash
# `knotmap audit` (docs/audit-trail.md): the lines it prints for a known
# history and known edits (made by `knotmap import` and by the sqlite3 shell
# or psql, which the database's triggers record all the same), --client,
# --from/--to at local-day boundaries, the CSV with the whole rows, -o, and
# the refusals; and that the trail itself refuses UPDATE and DELETE.
source "$(dirname "$0")/lib.sh" "$1"

# Local days and times in a zone of the test's own, with its summer-time
# change on 2026-03-29: knotmap and `date` read the same TZ.
export TZ=Europe/Berlin
local_time() { date -d "@$1" '+%Y-%m-%d %H:%M:%S'; }
epoch() { date -d "$1" +%s; } # "2026-03-29 00:00:00" in TZ

db=$(new_database audit)
# Who the trail names: for a file the local user who opened it for writing,
# on the server the login (psql connects as the same one).
if on_server; then me=$(sql "$db" "" "SELECT session_user"); else me=$(id -un); fi

# --- a known history, written by knotmap import ------------------------------
printf 'date,region,pain,notes\n2026-03-02,b07,6,stiff\n2026-03-02,back.upper_trapezius.left,5,\n2026-03-09,b07,4,better\n' >"$WORK/vera.csv"
printf 'date,region,pain\n2026-03-03,back.upper_trapezius.right,3\n' >"$WORK/omar.csv"
run import --db "$db" "$WORK/vera.csv" --client "Vera Nelson"
assert_eq 0 "$RC" "import of Vera's ratings ($ERR)"
run import --db "$db" "$WORK/omar.csv" --client "Omar Haddad"
assert_eq 0 "$RC" "import of Omar's rating ($ERR)"
# Vera: the client, 2 visits, 2 knots, 3 ratings; Omar: 1 of each.
assert_eq 12 "$(rows "$db" audit_event)" "events after the imports"
assert_eq "insert|12|$me" "$(sql "$db" "SELECT group_concat(DISTINCT action), count(*), group_concat(DISTINCT person) FROM audit_event" \
                                    "SELECT string_agg(DISTINCT action, ','), count(*), string_agg(DISTINCT person, ',') FROM audit_event")" \
  "the imports' events: inserts by $me"
vera=$(sql "$db" "SELECT id FROM client WHERE name = 'Vera Nelson'")
omar=$(sql "$db" "SELECT id FROM client WHERE name = 'Omar Haddad'")
rated6=$(sql "$db" "SELECT id FROM observation WHERE pain = 6")
rated5=$(sql "$db" "SELECT id FROM observation WHERE pain = 5")
rated4=$(sql "$db" "SELECT id FROM observation WHERE pain = 4")
event_at() { sql "$1" "SELECT at_utc FROM audit_event WHERE $2"; }

run audit --db "$db"
assert_eq 0 "$RC" "audit exit code ($ERR)"
assert_eq 12 "$(grep -c . <<<"$OUT")" "lines for the imports' events"
created=$(sql "$db" "SELECT created_utc FROM client WHERE id = $vera")
at=$(event_at "$db" "table_name = 'client' AND row_id = $vera")
assert_eq "$(local_time "$at")  $me added client $vera of Vera Nelson: id $vera; name \"Vera Nelson\"; archived 0; created utc $created" \
  "$(sed -n 1p <<<"$OUT")" "the first line: Vera added"
IFS='|' read -r session knot <<<"$(sql "$db" "SELECT session_id, knot_id FROM observation WHERE id = $rated6")"
at=$(event_at "$db" "table_name = 'observation' AND row_id = $rated6")
expected="$(local_time "$at")  $me added rating $rated6 of Vera Nelson: id $rated6; session id $session; knot id $knot; pain 6; kind \"active_trigger_point\"; notes \"stiff\""
assert_eq 1 "$(grep -cxF "$expected" <<<"$OUT")" "the line of the rating added with pain 6 (got: $OUT)"
pass "an import's records are listed as added, by $me, with their values and local times"

# --- edits with the database's own shell: the triggers record them -----------
sql "$db" "UPDATE observation SET pain = 4 WHERE id = $rated6"
sql "$db" "UPDATE client SET birth_year = 1980, notes = 'prefers mornings' WHERE id = $omar"
IFS='|' read -r session knot <<<"$(sql "$db" "SELECT session_id, knot_id FROM observation WHERE id = $rated5")"
sql "$db" "DELETE FROM observation WHERE id = $rated5"
assert_eq 15 "$(rows "$db" audit_event)" "events after three edits"
edits=$(printf '%s\n' \
  "$(local_time "$(event_at "$db" "table_name = 'observation' AND row_id = $rated6 AND action = 'update'")")  $me changed rating $rated6 of Vera Nelson: pain 6 → 4" \
  "$(local_time "$(event_at "$db" "table_name = 'client' AND row_id = $omar AND action = 'update'")")  $me changed client $omar of Omar Haddad: birth year none → 1980; notes \"\" → \"prefers mornings\"" \
  "$(local_time "$(event_at "$db" "table_name = 'observation' AND row_id = $rated5 AND action = 'delete'")")  $me deleted rating $rated5 of Vera Nelson: id $rated5; session id $session; knot id $knot; pain 5; kind \"active_trigger_point\"")
run audit --db "$db"
assert_eq 0 "$RC" "audit after the edits ($ERR)"
assert_eq 15 "$(grep -c . <<<"$OUT")" "lines after the edits"
assert_eq "$edits" "$(tail -n 3 <<<"$OUT")" "the three edits, last, oldest first"
pass "changes made with $(on_server && echo psql || echo 'the sqlite3 shell') are listed: who, what, whose, \"pain 6 → 4\""

# --- events of known times ---------------------------------------------------
# The trail refuses changes, not additions: the tables' owner (here, and
# whoever writes a file) can append an event, which gives events at known
# moments around Berlin's change to summer time (2026-03-29, 02:00 → 03:00).
t1=$(epoch "2026-03-28 12:00:00")      # +01:00
t2=$(epoch "2026-03-29 23:59:59")      # +02:00, the last second of the 29th
t3=$(epoch "2026-03-30 00:00:00")      # the first of the 30th
t4=$(epoch "2026-03-30 08:15:00")
append() { # at person table row action client before after
  sql "$db" "INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
             VALUES ($1, '$2', '$3', $4, '$5', $6, $7, $8)"
}
append "$t1" dana observation "$rated4" update "$vera" "'{\"id\":$rated4,\"pain\":5}'" "'{\"id\":$rated4,\"pain\":4}'"
append "$t2" dana observation "$rated4" update "$vera" "'{\"id\":$rated4,\"notes\":\"\"}'" "'{\"id\":$rated4,\"notes\":\"better\"}'"
append "$t3" dana client "$omar" update "$omar" "'{\"id\":$omar,\"archived\":0}'" "'{\"id\":$omar,\"archived\":1}'"
append "$t4" bob knot 99 delete NULL "'{\"id\":99,\"label\":\"old\"}'" NULL
total=19
assert_eq "$total" "$(rows "$db" audit_event)" "events after the four appended"
run audit --db "$db"
assert_eq "2026-03-28 12:00:00  dana changed rating $rated4 of Vera Nelson: pain 5 → 4
2026-03-29 23:59:59  dana changed rating $rated4 of Vera Nelson: notes \"\" → \"better\"
2026-03-30 00:00:00  dana changed client $omar of Omar Haddad: archived 0 → 1
2026-03-30 08:15:00  bob deleted knot 99: id 99; label \"old\"" "$(tail -n 4 <<<"$OUT")" "the appended events"
pass "local times across a summer-time change; an event without a client names none"

# --- --from and --to: local days, both ends included -------------------------
count_between() { # FROM_EPOCH TO_EPOCH (either may be empty): the stored times, by SQL
  sql "$db" "SELECT count(*) FROM audit_event WHERE 1 = 1 ${1:+AND at_utc >= $1} ${2:+AND at_utc < $2}"
}
check_days() { # expected-count from to
  local args=(audit --db "$db")
  [[ -z $2 ]] || args+=(--from "$2")
  [[ -z $3 ]] || args+=(--to "$3")
  run "${args[@]}"
  assert_eq 0 "$RC" "audit --from '$2' --to '$3' ($ERR)"
  assert_eq "$1" "$(grep -c . <<<"$OUT" || true)" "events --from '$2' --to '$3'"
  local from='' to=''
  [[ -z $2 ]] || from=$(epoch "$2 00:00:00")
  [[ -z $3 ]] || to=$(epoch "$(date -d "$3 + 1 day" +%F) 00:00:00")
  assert_eq "$1" "$(count_between "$from" "$to")" "SQL count of at_utc in [$2, $3]"
}
check_days 1 2026-03-29 2026-03-29
assert_eq "2026-03-29 23:59:59  dana changed rating $rated4 of Vera Nelson: notes \"\" → \"better\"" "$OUT" "the one event of the 29th"
check_days 2 "" 2026-03-29
check_days 2 2026-03-30 2026-03-30
check_days 1 2026-03-28 2026-03-28
check_days 0 2026-03-31 2026-04-01
check_days $((total - 2)) 2026-03-30 ""
# The edits of today: from the local day of the latest live event on, and
# nothing from the day after it.
today=$(date -d "@$(sql "$db" "SELECT max(at_utc) FROM audit_event")" +%F)
check_days "$(count_between "$(epoch "$today 00:00:00")" "")" "$today" ""
check_days 0 "$(date -d "$today + 1 day" +%F)" ""
pass "--from/--to keep the events of those local days, as counted by SQL on at_utc"

run audit --db "$db" --client "Vera Nelson" --from 2026-03-29 --to 2026-03-29
assert_eq "2026-03-29 23:59:59  dana changed rating $rated4 of Vera Nelson: notes \"\" → \"better\"" "$OUT" "--client with a day"

for bad in "--from 2026-02-30" "--to yesterday" "--from 2026-3-1"; do
  read -r option value <<<"$bad"
  run audit --db "$db" "$option" "$value"
  assert_eq 2 "$RC" "audit $bad: a bad command line"
  assert_eq "knotmap audit: $option: expected a date like 2026-03-14, got '$value'" "$ERR" "audit $bad message"
  assert_eq "" "$OUT" "audit $bad prints no event"
done
run audit --db "$db" --from 2026-03-30 --to 2026-03-29
assert_eq 2 "$RC" "--from after --to"
assert_eq "knotmap audit: --from: 2026-03-30 is after --to 2026-03-29" "$ERR" "--from after --to message"
run audit --db "$db" --format xml
assert_eq 2 "$RC" "--format xml"
assert_contains "$ERR" "--format: xml not in {text,csv}" "--format xml message"
pass "a bad date, --from after --to and an unknown format exit 2 naming the option"

# --- --client ----------------------------------------------------------------
run audit --db "$db"
all=$OUT
for name in "Vera Nelson" "Omar Haddad"; do
  id=$(sql "$db" "SELECT id FROM client WHERE name = '$name'")
  run audit --db "$db" --client "$name"
  assert_eq 0 "$RC" "--client '$name' ($ERR)"
  n=$(sql "$db" "SELECT count(*) FROM audit_event WHERE client_id = $id")
  [[ $n -gt 3 ]] || fail "too few events of $name to test with: $n"
  assert_eq "$n" "$(grep -c . <<<"$OUT")" "--client '$name': one line per event of client_id $id"
  assert_eq "$(grep -F " of $name" <<<"$all")" "$OUT" "--client '$name': the lines of the whole trail naming $name, in order"
done
run audit --db "$db" --client "omar haddad"
assert_eq "$(grep -F " of Omar Haddad" <<<"$all")" "$OUT" "--client ignoring case"
run audit --db "$db" --client "Nobody"
assert_eq 1 "$RC" "an unknown client"
assert_eq "knotmap: no client named 'Nobody' in $(db_label "$db") (clients: 'Omar Haddad', 'Vera Nelson')" "$ERR" "unknown client message"
assert_eq "" "$OUT" "an unknown client prints no event"
pass "--client keeps exactly that client's events; an unknown name is refused listing the clients"

# --- CSV into a file ---------------------------------------------------------
out="$WORK/out/trail.csv"
mkdir -p "$WORK/out"
echo "an older file" >"$out"
chmod 644 "$out"
run audit --db "$db" --format csv -o "$out"
assert_eq 0 "$RC" "audit --format csv -o ($ERR)"
assert_eq "" "$OUT" "nothing on standard output with -o"
assert_eq "Wrote $total audit events to $out" "$ERR" "the summary on stderr"
assert_eq 600 "$(file_mode "$out")" "mode of the audit file (it replaced a 0644 one)"
[[ -z $(find "$WORK/out" -mindepth 1 ! -name trail.csv) ]] || fail "left beside the audit file: $(ls -A "$WORK/out")"
# What SQL says, one file per column list, for the check below.
sql "$db" "SELECT e.id, e.at_utc, e.person, e.table_name, e.row_id, e.action, coalesce(e.client_id, -1), coalesce(c.name, '')
           FROM audit_event e LEFT JOIN client c ON c.id = e.client_id ORDER BY e.id" >"$WORK/events.txt"
sql "$db" "SELECT coalesce(before, '') FROM audit_event ORDER BY id" >"$WORK/before.txt"
sql "$db" "SELECT coalesce(after, '') FROM audit_event ORDER BY id" >"$WORK/after.txt"
pain_event=$(sql "$db" "SELECT id FROM audit_event WHERE table_name = 'observation' AND row_id = $rated6 AND action = 'update'")
python3 - "$out" "$WORK/events.txt" "$WORK/before.txt" "$WORK/after.txt" "$pain_event" <<'PY' || fail "the CSV does not match the trail"
import csv, sys, time
path, events, befores, afters, pain_event = sys.argv[1:]
with open(path, newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
header = ['id', 'at_utc', 'at_local', 'person', 'person_name', 'table', 'row_id', 'action',
          'client_id', 'client_name', 'changes', 'before', 'after']
assert rows[0] == header, f'header {rows[0]}'
rows = rows[1:]
expected = [line.split('|') for line in open(events, encoding='utf-8').read().splitlines()]
before = open(befores, encoding='utf-8').read().splitlines()
after = open(afters, encoding='utf-8').read().splitlines()
assert len(rows) == len(expected) == len(before) == len(after), \
    f'{len(rows)} CSV rows, {len(expected)} events'
for row, (id_, at, person, table, row_id, action, client, name), b, a in zip(rows, expected, before, after):
    want = [id_, at, time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(int(at))), person, person,
            table, row_id, action, '' if client == '-1' else client, name]
    assert row[:10] == want, f'row {row[:10]} != {want}'
    assert row[11] == b and row[12] == a, f'event {id_}: before/after {row[11:]} != {[b, a]}'
    assert (row[11] != '') == (action != 'insert') and (row[12] != '') == (action != 'delete'), row
pain = [row for row in rows if row[0] == pain_event]
assert len(pain) == 1 and pain[0][10] == 'pain 6 → 4', pain
PY
pass "--format csv -o: header, one row per event with the stored rows before and after, 0600, replacing the old file"

run audit --db "$db" --format csv --client "Omar Haddad" -o -
assert_eq 0 "$RC" "csv to standard output ($ERR)"
assert_eq $(( $(sql "$db" "SELECT count(*) FROM audit_event WHERE client_id = $omar") + 1 )) \
  "$(python3 -c 'import csv, sys; print(len(list(csv.reader(sys.stdin))))' <<<"$OUT")" "CSV rows of Omar's events with the header"
pass "-o - writes the CSV to standard output"

if files_only "the database file itself as -o"; then
  before=$(db_fingerprint "$db")
  run audit --db "$db" -o "$db"
  assert_eq 1 "$RC" "-o naming the database"
  assert_eq "knotmap: $db: is the database $db (or its companion), not an audit file" "$ERR" "-o naming the database: message"
  assert_eq "$before" "$(db_fingerprint "$db")" "the database after -o naming it"
  pass "-o naming the database itself is refused and the database is left as it was"
fi

# --- the trail refuses changes, whoever asks ---------------------------------
refused=("UPDATE audit_event SET person = 'someone else'" "DELETE FROM audit_event WHERE id = 1")
if on_server; then refused+=("TRUNCATE audit_event"); fi
for statement in "${refused[@]}"; do
  set +e
  sql_err=$(sql "$db" "$statement" 2>&1)
  sql_rc=$?
  set -e
  [[ $sql_rc -ne 0 ]] || fail "the database took: $statement"
  assert_contains "$sql_err" "audit_event: the audit trail cannot be changed or deleted" "refusal of: $statement"
done
assert_eq "$total|$me" "$(sql "$db" "SELECT (SELECT count(*) FROM audit_event), person FROM audit_event WHERE id = 1")" "the trail after the refusals"
pass "UPDATE and DELETE (on a server TRUNCATE too) of audit_event are refused by the database"

# --- a demo history is no record of care: not recorded -----------------------
demo=$(new_database demo)
"$KNOTMAP" demo --db "$demo" --clients 1 --days 5 --seed 3 --end 2026-03-31 >/dev/null
run audit --db "$demo"
assert_eq 0 "$RC" "audit of a demo ($ERR)"
assert_eq "" "$OUT" "the trail of a demo"
assert_eq 0 "$(rows "$demo" audit_event)" "audit_event of a demo"
pass "knotmap demo writes nothing into the trail"

# --- a day of a zone far east of UTC -----------------------------------------
# Kiritimati is UTC+14: a local day begins at 10:00 UTC of the day before, so
# its first hours are another UTC day; --from D --to D keeps all of local day
# D and nothing of the days either side. (Into the demo's empty trail.)
export TZ=Pacific/Kiritimati
append_at() { # at row
  sql "$demo" "INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
               VALUES ($1, 'dana', 'knot', $2, 'delete', NULL, '{\"id\":$2}', NULL)"
}
append_at "$(epoch "2026-03-09 23:59:59")" 1 # the last second of the 9th
append_at "$(epoch "2026-03-10 00:00:00")" 2 # 2026-03-09 10:00 UTC
append_at "$(epoch "2026-03-10 09:00:00")" 3 # 2026-03-09 19:00 UTC
append_at "$(epoch "2026-03-10 23:59:59")" 4 # the last second of the 10th
append_at "$(epoch "2026-03-11 00:00:00")" 5 # the first of the 11th
run audit --db "$demo" --from 2026-03-10 --to 2026-03-10
assert_eq 0 "$RC" "audit --from/--to in UTC+14 ($ERR)"
assert_eq "2026-03-10 00:00:00  dana deleted knot 2: id 2
2026-03-10 09:00:00  dana deleted knot 3: id 3
2026-03-10 23:59:59  dana deleted knot 4: id 4" "$OUT" "the events of local day 2026-03-10 in UTC+14"
run audit --db "$demo" --from 2026-03-11
assert_eq "2026-03-11 00:00:00  dana deleted knot 5: id 5" "$OUT" "--from the 11th in UTC+14"
run audit --db "$demo" --to 2026-03-09
assert_eq "2026-03-09 23:59:59  dana deleted knot 1: id 1" "$OUT" "--to the 9th in UTC+14"
pass "in UTC+14 (Kiritimati) --from and --to keep exactly the events of those local days"
