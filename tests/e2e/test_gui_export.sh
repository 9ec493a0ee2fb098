#!/usr/bin/env bash
# CSV export from the window: on a demo history of three clients, press
# Ctrl+E, choose everyone, type a file name (with a space) and press Return;
# the worker's file must be byte for byte what `knotmap export` writes for
# the same choices. Then File > Export CSV again for the sessions table from
# a date on, with the byte order mark, compared the same way, after a bad
# date that must show a message about its field. Quit with
# A last export to the dialog's default path for the current client: the
# file name carries the client's id and initials, never the name. Under
# umask 022 every file written is 0600 and the folder the window makes 0700.
# Quit with Ctrl+Q: exit 0 and nothing reported on stderr.
# Usage: test_gui_export.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
umask 022
# The dialog's default path is under ~/Documents: keep it in the test's folder.
export HOME="$WORK/home"
mkdir -p "$HOME/Documents"

db="$WORK/export.db"
report="$WORK/report.txt"
observations="$WORK/my exports/all observations.csv"
sessions="$WORK/my exports/sessions from june.csv"
run demo --db "$db" --clients 3 --days 120 --seed 5 --end 2026-08-31
assert_eq 0 "$RC" "knotmap demo exit code"
run export --db "$db" -o "$WORK/cli-observations.csv"
assert_eq 0 "$RC" "knotmap export (observations) exit code"
run export --db "$db" --table sessions --from 2026-06-01 --bom -o "$WORK/cli-sessions.csv"
assert_eq 0 "$RC" "knotmap export (sessions) exit code"

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^frame-ms " || fail "the window never reported a frame"
wait_for report_settled || fail "the window never settled on screen"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH and HEIGHT

# Replaces the text of a reported field with $2.
type_into() {
    click_item "$1"
    press ctrl+a
    xdotool type --delay 30 "$2"
    sleep 0.3
}

# Waits for the dialog to close after a successful export.
dialog_closed() { ! report_has "^item export-path "; }

press ctrl+e
wait_for report_has "^item export-path " || fail "Ctrl+E did not open the export dialog"
click_item export-everyone
# Return in the path field starts the export, as the Export button does.
type_into export-path "$observations"
press Return
WAIT_SECONDS=60 wait_for test -s "$observations" || fail "the dialog wrote nothing at $observations"
cmp "$WORK/cli-observations.csv" "$observations" ||
    fail "the window's observations differ from knotmap export's"
rows=$(($(wc -l <"$observations") - 1))
((rows > 100)) || fail "only $rows observations were exported"
WAIT_SECONDS=10 wait_for dialog_closed || fail "the dialog stayed open after the export"
assert_eq "all observations.csv" "$(ls -A "$WORK/my exports")" "files in the export folder"
assert_eq 600 "$(file_mode "$observations")" "mode of the window's export"
assert_eq 700 "$(file_mode "$WORK/my exports")" "mode of the folder the window made"
pass "Ctrl+E exported $rows observations of everyone (0600, folder 0700), as knotmap export does"

# The menu this time: File, then its Export CSV item.
click_item menu-file
click_item menu-export-csv
wait_for report_has "^item export-path " || fail "File > Export CSV did not open the dialog"
click_item export-table
click_item export-table-sessions
type_into export-from "2026-13-01"
wait_for report_has "^item export-date-error-from " ||
    fail "a bad From date gave no message about that field"
type_into export-from "2026-06-01"
wait_for bash -c "! grep -q '^item export-date-error-' '$report'" || fail "the date message stayed"
click_item export-bom
type_into export-path "$sessions"
click_item export-start
WAIT_SECONDS=60 wait_for test -s "$sessions" || fail "the dialog wrote nothing at $sessions"
cmp "$WORK/cli-sessions.csv" "$sessions" ||
    fail "the window's sessions from June differ from knotmap export --from 2026-06-01 --bom"
pass "File > Export CSV wrote sessions from a date with a byte order mark, as the CLI does"

WAIT_SECONDS=10 wait_for dialog_closed || fail "the dialog stayed open after the second export"
assert_eq 600 "$(file_mode "$sessions")" "mode of the second export"

# The default path, for the client shown: id and initials, not the name.
press ctrl+e
wait_for report_has "^item export-path " || fail "Ctrl+E did not open the export dialog again"
click_item export-client
click_item export-start
WAIT_SECONDS=60 wait_for bash -c "ls -A '$HOME/Documents' | grep -q '\\.csv\$'" ||
    fail "the dialog wrote nothing at its default path in $HOME/Documents"
WAIT_SECONDS=10 wait_for dialog_closed || fail "the dialog stayed open after the third export"
# Only the finished file: the temporary one beside it was renamed.
WAIT_SECONDS=10 wait_for bash -c "[[ \$(ls -A '$HOME/Documents' | wc -l) -eq 1 ]]" ||
    fail "more than one file in Documents: $(ls -A "$HOME/Documents")"
default_name=$(ls -A "$HOME/Documents")
[[ "$default_name" =~ ^knotmap-sessions-client-([0-9]+)-(.+)-[0-9]{4}-[0-9]{2}-[0-9]{2}\.csv$ ]] ||
    fail "unexpected default export name '$default_name'"
client_id=${BASH_REMATCH[1]}
client_name=$(sqlite3 "$db" "SELECT name FROM client WHERE id = $client_id")
[[ -n "$client_name" ]] || fail "no client $client_id, named by the default file '$default_name'"
initials=$(python3 -c '
import sys
out, start = "", True
for c in sys.argv[1]:
    letter = ord(c) >= 0x80 or (c.isascii() and c.isalnum())
    if letter and start and len(out) < 4:
        out += c.upper() if c.isascii() else c
    start = not letter
print(out)' "$client_name")
assert_eq "${BASH_REMATCH[2]}" "$initials" "initials of $client_name in '$default_name'"
while read -r name; do
    for word in $name; do
        [[ "$default_name" != *"$word"* ]] || fail "the default file '$default_name' names '$word'"
    done
done < <(sqlite3 "$db" "SELECT name FROM client")
assert_eq 600 "$(file_mode "$HOME/Documents/$default_name")" "mode of the default export"
pass "the default export file is $default_name: client $client_id's id and initials, no name"

press ctrl+q
status=0
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || status=$?
[[ $status -eq 0 ]] || fail "the window exited with $status, expected 0"
if grep -q '^knotmap:' "$WORK/gui.err"; then
    fail "the window reported errors on stderr: $(grep '^knotmap:' "$WORK/gui.err")"
fi
pass "Ctrl+Q closed the window cleanly after three exports"
