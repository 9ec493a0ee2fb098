#!/usr/bin/env bash
# The built-in file chooser, as Export CSV's Choose… opens it on a desktop
# without a session bus (Xvfb has none): it starts in ~/Documents, a double
# click opens a folder, the CSV filter hides other files until "All files"
# is chosen, a name typed without its extension gets ".csv", and the export
# is written there (0600). The next chooser starts in that folder; a typed
# path moves it; an existing file is only replaced after a question, and
# "Keep it" keeps it. Cancel leaves the dialog's path as it was and writes
# nothing. Ctrl+Q then closes the window with exit 0 and a quiet stderr.
# Usage: test_gui_file_chooser.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
umask 022
export HOME="$WORK/home"
# No bus, no portal: the built-in chooser, whatever the machine running the
# test has.
unset DBUS_SESSION_BUS_ADDRESS
export XDG_RUNTIME_DIR="$WORK/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
target="$HOME/Documents/clinic exports"
mkdir -p "$target" "$HOME/Documents/archive"
printf 'old,data\n' >"$target/existing.csv"
printf 'notes\n' >"$target/notes.txt"

db="$WORK/chooser.db"
report="$WORK/report.txt"
run demo --db "$db" --clients 1 --days 30 --seed 3 --end 2026-08-31
assert_eq 0 "$RC" "knotmap demo exit code"

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^frame-ms " || fail "the window never reported a frame"
wait_for report_settled || fail "the window never settled on screen"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH and HEIGHT

# What the window last reported as value NAME (the rest of the line).
reported_value() { awk -v name="$1" '$1 == "value" && $2 == name {
    sub(/^value [^ ]+ /, ""); print; exit }' "$report"; }
value_is() { [[ "$(reported_value "$1")" == "$2" ]]; }
chooser_open() { report_has "^item chooser-name "; }
chooser_closed() { ! report_has "^item chooser-"; }
type_into() {
    click_item "$1"
    press ctrl+a
    xdotool type --delay 30 "$2"
    sleep 0.3
}

press ctrl+e
wait_for report_has "^item export-choose " || fail "the export dialog has no Choose… button"
default_path=$(reported_value export-path)
[[ "$default_path" == "$HOME/Documents/knotmap-observations-"*.csv ]] ||
    fail "unexpected default export path '$default_path'"
click_item export-choose
wait_for chooser_open || fail "Choose… opened no chooser"
wait_for value_is chooser-folder "$HOME/Documents" ||
    fail "the chooser started in '$(reported_value chooser-folder)', not ~/Documents"
# Folders first: both are listed whatever the filter.
wait_for report_has "^item chooser-row-archive " || fail "the folder 'archive' is not listed"
# A click selects the row, Return opens it (the list's own keys).
click_item chooser-row-clinic_exports
press Return
wait_for value_is chooser-folder "$target" ||
    fail "Return on the row 'clinic exports' did not open it: $(reported_value chooser-folder)"
wait_for report_has "^item chooser-row-existing.csv " || fail "existing.csv is not listed"
! report_has "^item chooser-row-notes.txt " || fail "the CSV filter shows notes.txt"
# Picks type N from the combo, then waits until CHECK holds; on failure the
# chooser's rows and combo items last reported go to stderr.
choose_type() { # N CHECK...
    local type=$1
    shift
    click_item chooser-filter
    click_item "chooser-filter-$type"
    wait_for "$@" && return 0
    grep -E '^item chooser-(filter|row)' "$report" >&2 || true
    return 1
}
choose_type 1 report_has "^item chooser-row-notes.txt " || fail "All files does not show notes.txt"
# The combo's list must be gone before the combo is opened again.
wait_for bash -c "! grep -q '^item chooser-filter-0 ' '$report'" || fail "the type list stayed open"
notes_hidden() { ! grep -q '^item chooser-row-notes.txt ' "$report"; }
choose_type 0 notes_hidden || fail "back on CSV files, notes.txt is still listed"
pass "the chooser opened in ~/Documents, went into a folder with the keyboard and filtered by type"

# A name without its extension: the CSV filter adds it.
type_into chooser-name "chosen visits"
press Return
wait_for chooser_closed || fail "Return on a new name did not close the chooser"
wait_for value_is export-path "$target/chosen visits.csv" ||
    fail "the dialog's path is '$(reported_value export-path)' after choosing"
click_item export-start
WAIT_SECONDS=60 wait_for test -s "$target/chosen visits.csv" ||
    fail "nothing was exported to the chosen file"
WAIT_SECONDS=10 wait_for bash -c "! grep -q '^item export-path ' '$report'" ||
    fail "the dialog stayed open after the export"
head -n 1 "$target/chosen visits.csv" | grep -q "pain" || fail "the chosen file holds no observations"
assert_eq 600 "$(file_mode "$target/chosen visits.csv")" "mode of the chosen export"
pass "the export went to the chosen file, named with .csv added, mode 0600"

# The next chooser starts where the last one ended; a typed path moves it.
press ctrl+e
wait_for report_has "^item export-choose " || fail "Ctrl+E did not open the dialog again"
click_item export-choose
wait_for chooser_open || fail "Choose… opened no chooser the second time"
wait_for value_is chooser-folder "$target" ||
    fail "the second chooser started in '$(reported_value chooser-folder)', not the last folder"
type_into chooser-name "~/Documents/archive"
press Return
wait_for value_is chooser-folder "$HOME/Documents/archive" ||
    fail "a typed folder path did not open it: $(reported_value chooser-folder)"
type_into chooser-name "$target/existing.csv"
press Return
wait_for report_has "^item chooser-replace-question " ||
    fail "no question before replacing existing.csv"
click_item chooser-keep
wait_for report_has "^item chooser-name " || fail "Keep it did not return to the chooser"
click_item chooser-cancel
wait_for chooser_closed || fail "Cancel did not close the chooser"
wait_for report_has "^item export-path " || fail "cancelling the chooser closed the dialog too"
value_is export-path "$default_path" ||
    fail "Cancel changed the dialog's path to '$(reported_value export-path)'"
click_item export-close
wait_for bash -c "! grep -q '^item export-path ' '$report'" || fail "Close left the dialog open"
assert_eq "old,data" "$(cat "$target/existing.csv")" "existing.csv after Keep it and Cancel"
assert_eq "chosen visits.csv
existing.csv
notes.txt" "$(ls -A "$target")" "files in the chosen folder"
[[ -z "$(ls -A "$HOME/Documents/archive")" ]] || fail "something was written into archive"
[[ -z "$(ls -A "$HOME/Documents" | grep -v -e '^clinic exports$' -e '^archive$')" ]] ||
    fail "something was written into Documents: $(ls -A "$HOME/Documents")"
pass "the last folder was remembered, a typed path moved the chooser, Keep it and Cancel wrote nothing"

press ctrl+q
status=0
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || status=$?
[[ $status -eq 0 ]] || fail "the window exited with $status, expected 0"
if grep -q '^knotmap:' "$WORK/gui.err"; then
    fail "the window reported errors on stderr: $(grep '^knotmap:' "$WORK/gui.err")"
fi
pass "Ctrl+Q closed the window cleanly"
