#!/usr/bin/env bash
# Adds clients the way a person does: an individual's window has no client
# list; File > New client... opens it with a name field. Type "Sam Lee" and
# Enter, undo and redo that, add "Ana Souza", undo it, and quit. The
# database must hold the demo client and Sam Lee, and no Ana Souza.
# Usage: test_gui_clients.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
PRESS_PAUSE=0.5
# Therapist mode off, whatever the user running the tests chose.
export KNOTMAP_CONFIG_DIR="$WORK/config"

db="$WORK/clients.db"
report="$WORK/report.txt"
run demo --db "$db" --clients 1 --days 7
assert_eq 0 "$RC" "demo exit code"
demo_client=$(sqlite3 "$db" "SELECT name FROM client")

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
wait_for report_has "^canvas " || fail "the window never drew the body map"
wait_for report_settled || fail "the window never settled"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X and Y

click_at() { # window coordinates at 96 dpi
    xdotool mousemove --sync $((X + $1)) $((Y + $2))
    sleep 0.3
    xdotool click 1
    sleep 0.6
}
clients() { sqlite3 "$db" "SELECT group_concat(name, '|') FROM (SELECT name FROM client ORDER BY name)"; }
# The menu bar's File menu, then its first item, "New client...".
new_client() {
    click_at 113 16
    click_at 150 56
    xdotool type --delay 60 "$1"
    sleep 0.3
    press Return
}

new_client "Sam Lee"
wait_for bash -c "[[ \"\$(sqlite3 '$db' \"SELECT count(*) FROM client WHERE name = 'Sam Lee'\")\" == 1 ]]" ||
    fail "File > New client... and Enter did not create Sam Lee"
press ctrl+z
wait_for bash -c "[[ \"\$(sqlite3 '$db' 'SELECT count(*) FROM client')\" == 1 ]]" ||
    fail "Ctrl+Z did not take back the new client"
press ctrl+shift+z
wait_for bash -c "[[ \"\$(sqlite3 '$db' 'SELECT count(*) FROM client')\" == 2 ]]" ||
    fail "Ctrl+Shift+Z did not bring the new client back"
new_client "Ana Souza"
wait_for bash -c "[[ \"\$(sqlite3 '$db' 'SELECT count(*) FROM client')\" == 3 ]]" ||
    fail "the second client was not created"
press ctrl+z
press ctrl+q

status=0
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || status=$?
if [[ $status -ne 0 ]]; then
    cat "$WORK/gui.out" "$WORK/gui.err" >&2
    fail "the window exited with $status, expected 0"
fi
expected=$(printf '%s\n%s\n' "$demo_client" "Sam Lee" | LC_ALL=C sort | paste -sd '|')
assert_eq "$expected" "$(clients)" "clients after quitting"
pass "clients are created from the File menu, and undo and redo take them back and forth"
