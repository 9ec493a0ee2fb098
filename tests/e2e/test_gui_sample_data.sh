#!/usr/bin/env bash
# The first-run welcome's "Load sample data": on a new database, click it;
# the window must switch to a separate sample database (<name>-sample.db)
# full of demo sessions while the user's own database stays empty; "Back to
# my database" switches back, and Ctrl+Q quits cleanly.
# Usage: test_gui_sample_data.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
WAIT_SECONDS=60 # writing the sample takes a while under sanitizers

# The default place (XDG_DATA_HOME): a new database elsewhere is created
# only after the window asks.
export XDG_DATA_HOME="$WORK/data"
db="$XDG_DATA_HOME/knotmap/knotmap.db"
sample="$XDG_DATA_HOME/knotmap/knotmap-sample.db"
report="$WORK/report.txt"

# Clicks the middle of a button the window reported.
click_button() {
    local name=$1 x y
    read -r x y < <(awk -v name="$name" -v wx="$X" -v wy="$Y" '$1 == "button" && $2 == name {
        printf "%d %d\n", wx + ($3 + $5) / 2, wy + ($4 + $6) / 2 }' "$report")
    [[ -n "${x:-}" ]] || fail "the window did not report the button $name"
    xdotool mousemove --sync "$x" "$y"
    sleep 0.3
    xdotool click 1
}

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
wait_for report_has "^button load-sample " || fail "the welcome never showed Load sample data"
sleep 1 # let fonts and sizes settle
report_has "^button load-sample " || fail "Load sample data went away"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X and Y

click_button load-sample
wait_for report_has "^database $sample\$" || fail "the window did not switch to $sample"
wait_for report_has "^button back-to-own " || fail "no Back to my database button"
sessions=$(rows "$sample" session)
((sessions > 100)) || fail "the sample database holds only $sessions sessions"
assert_eq 0 "$(rows "$db" session)" "sessions in the user's own database"
assert_eq 0 "$(rows "$db" client)" "clients in the user's own database"
pass "Load sample data wrote $sessions sessions into $(basename "$sample") and switched to it"

sleep 0.5
click_button back-to-own
wait_for report_has "^database $db\$" || fail "Back to my database did not switch back"
wait_for report_has "^button load-sample " || fail "the own, empty database should show the welcome"
press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
status=0
wait "$app" || status=$?
if [[ $status -ne 0 ]]; then
    cat "$WORK/gui.out" "$WORK/gui.err" >&2
    fail "the window exited with $status, expected 0"
fi
assert_eq 0 "$(rows "$db" session)" "sessions in the user's own database after quitting"
pass "Back to my database showed the own, untouched database again"
