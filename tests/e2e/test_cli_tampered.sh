#!/usr/bin/env bash
# The schema is checked, not trusted. A pain of 11 written around the CHECK
# (PRAGMA ignore_check_constraints in the sqlite3 shell) is listed by `info`
# by table and id, and export, report, screenshot, import and demo refuse the
# file naming that row, writing nothing. A CHECK removed through PRAGMA
# writable_schema is named by table. A healthy demo database raises no alarm.
# Usage: test_cli_tampered.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/lib.sh" "$1"
whole_test_files_only "the tampering goes around the checks through SQLite's own PRAGMAs (ignore_check_constraints, writable_schema) on the file"

db="$WORK/knotmap.db"
run demo --db "$db" --clients 2 --days 30 --seed 5 --end 2026-06-30
assert_eq 0 "$RC" "demo exit code ($ERR)"

# --- a healthy database: no false alarm ------------------------------------
run info --db "$db"
assert_eq 0 "$RC" "info on a healthy demo database ($OUT)"
assert_contains "$OUT" "schema          Knotmap's own" "info: schema line"
assert_contains "$OUT" "constraints     ok" "info: constraints line"
run export --db "$db" -o "$WORK/healthy.csv"
assert_eq 0 "$RC" "export of a healthy database ($ERR)"
pass "a healthy demo database passes info and export"

# --- pain 11 written around the CHECK ---------------------------------------
client=$(sqlite3 "$db" "SELECT name FROM client ORDER BY name LIMIT 1")
id=$(sqlite3 "$db" "SELECT max(o.id) FROM observation o JOIN session s ON s.id = o.session_id
    JOIN client c ON c.id = s.client_id WHERE c.name = '$client'")
sqlite3 "$db" "PRAGMA ignore_check_constraints = 1; UPDATE observation SET pain = 11 WHERE id = $id"
assert_eq 11 "$(sqlite3 "$db" "SELECT pain FROM observation WHERE id = $id")" "pain 11 written"
sum_before=$(sha256sum "$db" | cut -d' ' -f1)
row="observation id $id (CHECK constraint failed: pain BETWEEN 0 AND 10)"

run info --db "$db"
assert_eq 1 "$RC" "info exit code on pain 11"
assert_contains "$OUT" "constraints     1 row breaks Knotmap's constraints" "info: count"
assert_contains "$OUT" "  observation id $id: CHECK constraint failed: pain BETWEEN 0 AND 10" \
    "info names the row"
pass "info lists observation id $id"

refused() { # what output-file
    assert_eq 1 "$RC" "$1 exit code on pain 11 ($OUT)"
    assert_contains "$ERR" "knotmap: $db: refused, nothing was written: 1 row breaks Knotmap's constraints: $row" "$1 message"
    assert_contains "$ERR" "knotmap info --db $db" "$1 points to info"
    if [[ -n "${2:-}" ]]; then
        [[ ! -e "$2" ]] || fail "$1 wrote $2 although the database breaks the rules"
    fi
    pass "$1 refuses, naming observation id $id"
}
run export --db "$db" -o "$WORK/out.csv"
refused export "$WORK/out.csv"
run export --db "$db" -o -
refused "export to standard output"
[[ "$OUT" != *",11,"* ]] || fail "export printed the pain-11 row: $OUT"
run report --db "$db" --client "$client" -o "$WORK/out.pdf"
refused report "$WORK/out.pdf"
run screenshot --db "$db" --width 640 --height 400 -o "$WORK/out.png"
refused screenshot "$WORK/out.png"
run import --db "$db" "$WORK/healthy.csv"
refused import
run demo --db "$db" --force
refused demo
assert_eq "$sum_before" "$(sha256sum "$db" | cut -d' ' -f1)" "the database after the refusals"
pass "the refused database is unchanged"

# --- the CHECK removed from the schema (then reopened) ----------------------
tampered="$WORK/no-check.db"
run demo --db "$tampered" --clients 1 --days 10 --seed 6 --end 2026-06-30
sqlite3 "$tampered" "PRAGMA writable_schema = 1;
    UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (pain BETWEEN 0 AND 10)', '')
    WHERE name = 'observation';"
assert_eq ok "$(sqlite3 "$tampered" "PRAGMA integrity_check")" "SQLite alone sees nothing wrong"
difference="table observation differs from Knotmap's schema (a CHECK, foreign key or other constraint was changed)"
run info --db "$tampered"
assert_eq 1 "$RC" "info exit code on a removed CHECK"
assert_contains "$OUT" "schema          not Knotmap's own (1 difference)" "info: schema line"
assert_contains "$OUT" "  $difference" "info names the table"
run export --db "$tampered" -o "$WORK/no-check.csv"
assert_eq 1 "$RC" "export exit code on a removed CHECK"
assert_contains "$ERR" "its schema is not Knotmap's own: $difference" "export names the table"
[[ ! -e "$WORK/no-check.csv" ]] || fail "export wrote a file from a tampered schema"
pass "a CHECK removed through writable_schema is named by info and export"

# Pain 11 now goes in without any trick: still found, by the schema's own rule.
sqlite3 "$tampered" "UPDATE observation SET pain = 11 WHERE id = 1"
run info --db "$tampered"
assert_contains "$OUT" "  observation id 1: CHECK constraint failed: pain BETWEEN 0 AND 10" \
    "info names the row the missing CHECK let in"
pass "rows the missing CHECK let in are listed by id"
