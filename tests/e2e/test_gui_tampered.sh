#!/usr/bin/env bash
# The window never shows a row that breaks Knotmap's rules as data. A pain of
# 11 written around the CHECK (the latest rating of a knot, so its marker
# would show it) opens read-only with a notice naming observation and its id,
# and the client on screen shows no pain above 10. A CHECK removed through
# PRAGMA writable_schema opens read-only with the table named. Nothing is
# written to either file.
# Usage: test_gui_tampered.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

db="$WORK/tampered.db"
report="$WORK/report.txt"
run demo --db "$db" --clients 1 --days 20 --seed 8 --end 2026-06-30
assert_eq 0 "$RC" "demo exit code ($ERR)"
# The newest observation is its knot's latest rating: the map colours the
# knot's marker by it.
id=$(sqlite3 "$db" "SELECT max(id) FROM observation")
sqlite3 "$db" "PRAGMA ignore_check_constraints = 1; UPDATE observation SET pain = 11 WHERE id = $id"
sum_before=$(sha256sum "$db" | cut -d' ' -f1)

start_window() { # database
    rm -f "$report"
    "$KNOTMAP" --db "$1" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
    app=$!
    xdotool search --sync --onlyvisible --pid "$app" --name '^Knotmap$' >/dev/null
    wait_for report_has "^canvas " || fail "the window never reported its body map"
    wait_for report_settled || fail "the window never settled"
}
stop_window() {
    press ctrl+q
    wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
    wait "$app" || fail "the window exited with an error"
}
trap 'kill "${app:-0}" 2>/dev/null || true; cleanup' EXIT

start_window "$db"
report_has "^read-only 1" || fail "the window did not open the database read-only"
report_has "^findings 0 1$" || fail "the window did not report one bad row"
report_has "^notice Opened read-only: this database breaks Knotmap's rules$" ||
    fail "the window shows no notice about the bad row"
shown=$(awk '$1 == "shown-pain-max" { print $2 }' "$report")
[[ "$shown" =~ ^[0-9]+$ ]] || fail "the window shows no rating at all ($shown)"
((shown <= 10)) || fail "the window shows the pain-$shown rating as data"
grep -q "observation id $id (CHECK constraint failed: pain BETWEEN 0 AND 10)" "$WORK/gui.err" ||
    fail "the window did not name observation id $id"
if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/tampered.png"; fi
stop_window
assert_eq "$sum_before" "$(sha256sum "$db" | cut -d' ' -f1)" "the database after the window"
pass "pain 11: read-only, notice naming observation id $id, highest pain shown $shown"

# --- the CHECK removed from the schema --------------------------------------
nocheck="$WORK/no-check.db"
run demo --db "$nocheck" --clients 1 --days 10 --seed 9 --end 2026-06-30
sqlite3 "$nocheck" "PRAGMA writable_schema = 1;
    UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (pain BETWEEN 0 AND 10)', '')
    WHERE name = 'observation';"
start_window "$nocheck"
report_has "^read-only 1" || fail "a tampered schema did not open read-only"
report_has "^findings 1 0$" || fail "the window did not report the schema difference"
grep -q "table observation differs from Knotmap's schema" "$WORK/gui.err" ||
    fail "the window did not name the table observation"
stop_window
pass "a CHECK removed: read-only, table observation named"
