#!/usr/bin/env bash
# `knotmap copy`: a demo history with a signed visit, its amendments and a
# coordinate SQLite reads back one ulp off from its shortest text goes file ->
# server -> file and server -> server -> file; `export --all` of the first
# and the last files are byte-identical, and psql and sqlite3 (independent
# readers) count the same rows. Copies into a database with records, onto
# the source itself, from a missing source and from a schema copy does not
# know are refused with exit 1, leaving the destination as it was and no new
# file behind; a bad command line exits 2. The server is this test's own, in
# a temporary folder, on a private port.
# Usage: test_cli_copy.sh /path/to/knotmap
source "$(dirname "$0")/lib.sh" "$1"
root=$(cd "$(dirname "$0")/../.." && pwd)

server_dir=$(mktemp -d /tmp/knotmap-pg.XXXXXX)
stop_server() { "$root/scripts/test-postgres" stop "$server_dir" >/dev/null 2>&1 || true; }
trap 'stop_server; cleanup' EXIT
base=$("$root/scripts/test-postgres" start "$server_dir")
server_db() { # NAME: a new empty database on the server, as a connection string
  psql -X -q "$base" -v ON_ERROR_STOP=1 -c "CREATE DATABASE $1" >/dev/null
  echo "${base/dbname=postgres/dbname=$1}"
}
psql_value() { psql -X -q -t -A "$1" -c "$2"; }
tables="client symptom treatment_kind trigger_cause session session_trigger knot observation
        observation_symptom observation_referral treatment session_amendment
        observation_amendment treatment_amendment"
sqlite_counts() { for t in $tables; do echo "$t $(rows "$1" "$t")"; done; }
server_counts() { for t in $tables; do echo "$t $(psql_value "$1" "SELECT count(*) FROM $t")"; done; }
# x and y with 17 significant digits: enough to tell any two doubles apart
# (the CSV export may round them).
coordinates() { sqlite3 "$1" "SELECT id, printf('%.17g', x), printf('%.17g', y) FROM knot ORDER BY id"; }

# --- a history worth copying --------------------------------------------------
source_db="$WORK/source.db"
run demo --db "$source_db" --clients 3 --days 60 --seed 4 --end 2026-03-31
assert_eq 0 "$RC" "demo ($ERR)"
visit=$(sqlite3 "$source_db" "SELECT min(s.id) FROM session s JOIN observation o ON o.session_id = s.id
                              JOIN treatment t ON t.session_id = s.id
                              WHERE s.kind = 'therapy_visit' AND t.minutes IS NOT NULL")
[[ -n "$visit" ]] || fail "the demo has no therapy visit with ratings and treatments"
rating=$(sqlite3 "$source_db" "SELECT min(id) FROM observation WHERE session_id = $visit")
treatment=$(sqlite3 "$source_db" "SELECT min(id) FROM treatment WHERE session_id = $visit
                                  AND minutes IS NOT NULL")
knot=$(sqlite3 "$source_db" "SELECT knot_id FROM observation WHERE id = $rating")
# Before signing: a rated knot keeps its place once the visit is signed.
sqlite3 "$source_db" "UPDATE knot SET x = 0.4649209885665955, y = 0.46531929687499995 WHERE id = $knot"
sqlite3 "$source_db" "UPDATE session SET signed_by = 'J. Rivera', signed_utc = started_utc + 3600
                      WHERE id = $visit"
# Two amendments of one rating's pain in a row, one of its symptoms, one of
# the treatment's minutes; each original_value is the value held then.
amend_rating() { # FIELD NEW_VALUE_SQL
  sqlite3 "$source_db" "INSERT INTO observation_amendment (observation_id, field, original_value,
      new_value, author, amended_utc, reason)
    SELECT $rating, '$1', CASE '$1' WHEN 'pain' THEN CAST(pain AS TEXT) ELSE
      (SELECT json_group_array(code) FROM (SELECT y.code FROM observation_symptom os
       JOIN symptom y ON y.id = os.symptom_id WHERE os.observation_id = $rating ORDER BY y.code)) END,
      $2, 'J. Rivera', 1775000000, 'misheard' FROM observation WHERE id = $rating"
}
amend_rating pain "CASE WHEN pain = 10 THEN '9' ELSE CAST(pain + 1 AS TEXT) END"
amend_rating pain "'0'"
amend_rating symptoms "'[\"aching\",\"burning\"]'"
sqlite3 "$source_db" "INSERT INTO treatment_amendment (treatment_id, field, original_value, new_value,
    author, amended_utc, reason)
  SELECT $treatment, 'minutes', CAST(minutes AS TEXT), NULL, 'J. Rivera', 1775000100, 'not timed'
  FROM treatment WHERE id = $treatment"
assert_eq 0 "$(sqlite3 "$source_db" "SELECT pain FROM observation WHERE id = $rating")" \
  "the amendments applied in the source"
expected_counts=$(sqlite_counts "$source_db")

# --- file -> server -> file ---------------------------------------------------
server=$(server_db copy_target)
run copy --from "$source_db" --to "$server"
assert_eq 0 "$RC" "copy file -> server exit code ($ERR)"
assert_contains "$OUT" "Copied" "copy summary"
assert_contains "$OUT" "to server $server_dir:" "the summary names the server"
assert_contains "$OUT" "3 clients" "the summary counts the clients"
assert_eq "" "$ERR" "no progress on stderr when it is not a terminal"
assert_eq "$expected_counts" "$(server_counts "$server")" "rows on the server (psql)"
# The copy was followed by ANALYZE and VACUUM: the planner has statistics
# and every page is marked all-visible at once, not when autovacuum comes (it
# would not visit tables this small at all). Without them, reads on a fresh
# copy were 4 to 38 times slower.
assert_eq "$(rows "$source_db" observation) true" \
  "$(psql_value "$server" "SELECT reltuples::bigint || ' ' || (relallvisible = relpages)
    FROM pg_class WHERE relname = 'observation'")" \
  "the server's statistics of the copied ratings"
assert_eq "J. Rivera" "$(psql_value "$server" "SELECT signed_by FROM session WHERE id = $visit")" \
  "the visit is signed on the server"
# The identity sequences moved past the copied ids: a new client gets a new id.
psql_value "$server" "INSERT INTO client (name, created_utc) VALUES ('After the copy', 0)" >/dev/null \
  || fail "a new row on the server after the copy"
psql_value "$server" "DELETE FROM client WHERE name = 'After the copy'" >/dev/null

copy_db="$WORK/copy.db"
run copy --from "$server" --to "$copy_db"
assert_eq 0 "$RC" "copy server -> file exit code ($ERR)"
assert_eq "$expected_counts" "$(sqlite_counts "$copy_db")" "rows in the copied file (sqlite3)"
assert_eq 600 "$(file_mode "$copy_db")" "the new file's mode"

run export --db "$source_db" --all "$WORK/export-source"
assert_eq 0 "$RC" "export of the source ($ERR)"
run export --db "$copy_db" --all "$WORK/export-copy"
assert_eq 0 "$RC" "export of the copy ($ERR)"
diff -r "$WORK/export-source" "$WORK/export-copy" >/dev/null \
  || fail "export --all of the source and of its copy through the server differ"
[[ $(cat "$WORK/export-source/observations.csv" | wc -l) -gt 500 ]] || fail "the export is too small to say much"
assert_eq "$(coordinates "$source_db")" "$(coordinates "$copy_db")" "every knot's x and y to the bit"
dump_table() { sqlite3 "$1" "SELECT * FROM $2 ORDER BY 1"; }
for table in observation_amendment treatment_amendment observation_symptom session; do
  assert_eq "$(dump_table "$source_db" "$table")" "$(dump_table "$copy_db" "$table")" "$table rows"
done
pass "file -> server -> file: exports byte-identical, every table's rows, the signed visit and its amendments"

# --- server -> server -> file -------------------------------------------------
second=$(server_db copy_second)
run copy --from "$server" --to "$second"
assert_eq 0 "$RC" "copy server -> server exit code ($ERR)"
run copy --from "$second" --to "$WORK/copy2.db"
assert_eq 0 "$RC" "copy server -> file exit code ($ERR)"
run export --db "$WORK/copy2.db" --all "$WORK/export-copy2"
diff -r "$WORK/export-source" "$WORK/export-copy2" >/dev/null \
  || fail "export --all after server -> server -> file differs"
pass "server -> server -> file: exports byte-identical"

# --- refusals -----------------------------------------------------------------
hash_of() { sha256sum "$1" | cut -d' ' -f1; }
before=$(hash_of "$copy_db")
run copy --from "$source_db" --to "$copy_db"
assert_eq 1 "$RC" "copy into a file with records: exit code"
assert_contains "$ERR" "knotmap copy: $copy_db already holds records; copy only into a new file or an empty database" \
  "copy into a file with records: message"
assert_eq "$before" "$(hash_of "$copy_db")" "the refused file is unchanged"

run copy --from "$source_db" --to "$server"
assert_eq 1 "$RC" "copy into a server database with records: exit code"
assert_contains "$ERR" "knotmap copy: server $server_dir:" "the refusal names the server"
assert_contains "$ERR" "database copy_target already holds records; copy only into a new file or an empty database" \
  "copy into a server database with records: message"
assert_eq "$expected_counts" "$(server_counts "$server")" "the refused server database is unchanged"
pass "a destination with records is refused and left as it was"

run copy --from "$source_db" --to "$source_db"
assert_eq 1 "$RC" "copy onto itself: exit code"
assert_contains "$ERR" "is the source database itself" "copy onto itself: message"
mkdir -p "$WORK/sub"
run copy --from "$source_db" --to "$WORK/sub/../source.db"
assert_eq 1 "$RC" "copy onto itself by another path: exit code"
assert_contains "$ERR" "is the source database itself" "copy onto itself by another path: message"
run copy --from "$server" --to "$server connect_timeout=10"
assert_eq 1 "$RC" "copy of a server database onto itself: exit code"
assert_contains "$ERR" "is the source database itself" "copy of a server database onto itself: message"
pass "a database is not copied onto itself"

run copy --from "$WORK/missing.db" --to "$WORK/never.db"
assert_eq 1 "$RC" "copy from a missing file: exit code"
assert_contains "$ERR" "$WORK/missing.db" "copy from a missing file names it"
[[ ! -e "$WORK/missing.db" && ! -e "$WORK/never.db" ]] || fail "a missing source made a file"

# A table copy does not know (someone's own, or a newer Knotmap's): refused
# once the new file exists, which goes again with its companions.
odd=$(server_db copy_odd)
run copy --from "$source_db" --to "$odd"
assert_eq 0 "$RC" "copy into copy_odd ($ERR)"
psql_value "$odd" "CREATE TABLE practice_notes (note text)" >/dev/null
run copy --from "$odd" --to "$WORK/new.db"
assert_eq 1 "$RC" "copy of a schema with another table: exit code"
assert_contains "$ERR" "cannot copy (practice_notes)" "the refusal names the table"
leftovers=$(find "$WORK" -maxdepth 1 -name 'new.db*')
assert_eq "" "$leftovers" "no file left behind by the failed copy"
# Into an empty server database: its schema goes with the refused copy.
untouched=$(server_db copy_untouched)
run copy --from "$odd" --to "$untouched"
assert_eq 1 "$RC" "copy of a schema with another table onto a server: exit code"
assert_contains "$ERR" "cannot copy (practice_notes)" "the server copy's refusal names the table"
assert_eq 0 "$(psql_value "$untouched" "SELECT count(*) FROM information_schema.tables
                                        WHERE table_schema = 'public'")" \
  "tables left in the empty server database by the failed copy"
pass "a failed copy leaves nothing behind"

run copy --from "$source_db"
assert_eq 2 "$RC" "copy without --to: exit code"
assert_contains "$ERR" "--to" "copy without --to: message"
pass "a bad command line exits 2"

# On a terminal the rows copied so far are shown on stderr.
if command -v script >/dev/null; then
  script -qec "'$KNOTMAP' copy --from '$source_db' --to '$WORK/tty.db'" /dev/null >"$WORK/tty.out" 2>&1 \
    || fail "copy on a terminal: $(cat "$WORK/tty.out")"
  grep -qE "Copying .* 100%  [0-9,]+ of [0-9,]+ rows" "$WORK/tty.out" || fail "no progress on a terminal: $(cat "$WORK/tty.out")"
  pass "progress is shown on a terminal"
fi
