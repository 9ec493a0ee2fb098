#!/usr/bin/env bash
# A save that meets another program's lock is never dropped: while a second
# process holds the database's write lock for several seconds, a knot clicked
# in the window stays on screen as "Saving…" (the report's waiting-saves line)
# and lands once the lock is released; pain typed meanwhile lands too.
# Then a read-only copy opens read-only: the window says so and offers no
# editing (a click on the body adds nothing).
# Usage: test_gui_saving_waits.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

region=back.upper_trapezius.left
db="$WORK/waits.db"
report="$WORK/report.txt"
run demo --db "$db" --clients 1 --days 5 --seed 4
assert_eq 0 "$RC" "demo exit code"
knots_before=$(sqlite3 "$db" "SELECT count(*) FROM knot")

read -r view label_x label_y < <(region_label_point "$region")
[[ -n "${label_x:-}" ]] || fail "the atlas has no region $region"

start_window() { # database
    rm -f "$report"
    "$KNOTMAP" --db "$1" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
    app=$!
    window=$(xdotool search --sync --onlyvisible --pid "$app" --name '^Knotmap$' | head -n 1)
    wait_for report_has "^canvas $view " || fail "the window never reported the $view view"
    wait_for report_settled || fail "the body map never settled"
    eval "$(xdotool getwindowgeometry --shell "$window")"
    read -r click_x click_y < <(awk -v view="$view" -v lx="$label_x" -v ly="$label_y" \
        -v wx="$X" -v wy="$Y" '$1 == "canvas" && $2 == view {
        printf "%d %d\n", wx + $3 + lx * ($5 - $3), wy + $4 + ly * ($6 - $4) }' "$report")
}
stop_app() { kill "$app" 2>/dev/null || true; kill "${locker:-0}" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

start_window "$db"

# Another program takes the write lock and keeps it for 8 seconds: the
# sqlite3 shell runs each statement from its input as soon as it is
# complete, so it holds BEGIN IMMEDIATE while the input sleeps (and, unlike
# Python's sqlite3 module, it opens the encrypted run's files too). -bail:
# a BEGIN that fails ends it before it says it holds the lock.
{
    echo ".timeout 5000"
    echo "BEGIN IMMEDIATE;"
    echo ".shell touch '$WORK/locked'"
    sleep 8
    echo "COMMIT;"
} | sqlite3 -bail "$db" &
locker=$!
wait_for test -f "$WORK/locked" || fail "the locking process never took the lock"

# Shift+click: a new knot there, although the demo has one close by (a plain
# click beside a marker logs that knot).
xdotool mousemove --sync "$click_x" "$click_y"
sleep 0.3
xdotool keydown shift
xdotool click 1
xdotool keyup shift
wait_for report_has "^waiting-saves 1" || fail "the click on the body was not kept as a waiting save"
[[ "$(sqlite3 "$db" "SELECT count(*) FROM knot")" == "$knots_before" ]] ||
    fail "the knot was written although another program held the lock"
if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/saving.png"; fi
pass "a save that meets a lock waits, shown as Saving…"

WAIT_SECONDS=30 wait_for report_has "^waiting-saves 0" || fail "the waiting save never landed"
wait_for report_has "^editor open" || fail "the knot's editor did not open once it was saved"
press 8
sleep 0.5
press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || fail "the window exited with an error"
wait "$locker" || true
grep -q "Couldn" "$WORK/gui.err" && fail "the window reported a failed save: $(cat "$WORK/gui.err")"
[[ "$(sqlite3 "$db" "SELECT count(*) FROM knot")" == "$((knots_before + 1))" ]] ||
    fail "the knot clicked while the database was locked is not in the file"
pain=$(sqlite3 "$db" "SELECT o.pain FROM observation o JOIN knot k ON k.id = o.knot_id
    WHERE k.region_code = '$region' ORDER BY k.id DESC, o.id DESC LIMIT 1")
assert_eq 8 "$pain" "the pain typed after the save landed"
pass "the waiting knot landed once the lock was released, with its pain"

# --- a database the person may only read: opened read-only -----------------
cp "$db" "$WORK/readonly.db"
chmod 0400 "$WORK/readonly.db"
start_window "$WORK/readonly.db"
wait_for report_has "^read-only 1" || fail "the window did not say the database is read-only"
if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/read-only.png"; fi
xdotool mousemove --sync "$click_x" "$click_y"
sleep 0.3
xdotool click 1
sleep 1
report_has "^editor open" && fail "a click on a read-only database opened the knot editor"
press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the read-only window"
wait "$app" || fail "the read-only window exited with an error"
assert_eq "$(sqlite3 "$db" "SELECT count(*) FROM knot")" \
    "$(sqlite3 "$WORK/readonly.db" "SELECT count(*) FROM knot")" "knots in the read-only copy"
pass "a read-only database opens read-only and offers no editing"
