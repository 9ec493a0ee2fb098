#!/usr/bin/env bash
# CSV export from the window: on a demo history of three clients, press
# Ctrl+E, choose everyone, type a file name (with a space) and press Return;
# the worker's file must be byte for byte what `knotmap export` writes for
# the same choices. Then File > Export CSV again for the sessions table from
# a date on, with the byte order mark, compared the same way, after a bad
# date that must show a message about its field. Then an export to the
# dialog's default path for the current client: the file name carries the
# client's id and initials, never the name. Then FHIR from the same dialog:
# a Bundle of everyone from a date at the default path (.json), byte for byte
# what `knotmap export --format fhir --from` writes, a Patient per client, valid for the
# independent validators (tests/fhir/validate-fhir), and the banner saying
# how many resources went where; and NDJSON into a folder, as
# `--format fhir-ndjson --all` writes it. Under umask 022 every file written
# is 0600 and the folders the window makes 0700.
# Quit with Ctrl+Q: exit 0 and nothing reported on stderr.
# Usage: test_gui_export.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
umask 022
validate="$(dirname "$0")/../fhir/validate-fhir"
# The validators' cache stays in the real home: installed once, not per run.
export KNOTMAP_NPM_CACHE="${KNOTMAP_NPM_CACHE:-${HOME:-/tmp}/.cache/knotmap-test-tools}"
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
run export --db "$db" --format fhir --from 2026-06-01 -o "$WORK/cli-bundle.json"
assert_eq 0 "$RC" "knotmap export --format fhir exit code"
run export --db "$db" --format fhir-ndjson --from 2026-06-01 --all "$WORK/cli-ndjson"
assert_eq 0 "$RC" "knotmap export --format fhir-ndjson exit code"

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

# The value the window reported for a field ("value NAME TEXT").
reported_value() { sed -n "s/^value $1 //p" "$report" | head -n 1; }

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

# --- FHIR: a Bundle of everyone from a date, at the default path -------------
press ctrl+e
wait_for report_has "^item export-path " || fail "Ctrl+E did not open the export dialog for FHIR"
click_item export-format-fhir
click_item export-everyone
# The dates filter FHIR as they do CSV (the dialog kept this one; typed
# again so the test does not lean on that).
type_into export-from "2026-06-01"
# FHIR carries every record type: no table to choose, no CSV options.
for item in export-table export-all-tables export-bom export-neutralise export-encrypt; do
    wait_for bash -c "! grep -q '^item $item ' '$report'" || fail "FHIR still offers $item"
done
bundle_path=$(reported_value export-path)
[[ "$bundle_path" =~ ^"$HOME/Documents/knotmap-fhir-"[0-9]{4}-[0-9]{2}-[0-9]{2}\.json$ ]] ||
    fail "unexpected default FHIR Bundle path '$bundle_path'"
click_item export-start
WAIT_SECONDS=60 wait_for test -s "$bundle_path" || fail "the dialog wrote no Bundle at $bundle_path"
WAIT_SECONDS=10 wait_for dialog_closed || fail "the dialog stayed open after the FHIR export"
cmp "$WORK/cli-bundle.json" "$bundle_path" ||
    fail "the window's Bundle differs from knotmap export --format fhir's"
assert_eq 600 "$(file_mode "$bundle_path")" "mode of the window's Bundle"
clients=$(sqlite3 "$db" "SELECT count(*) FROM client")
read -r resource_type patients resources < <(python3 -c '
import json, sys
bundle = json.load(open(sys.argv[1]))
types = [e["resource"]["resourceType"] for e in bundle.get("entry", [])]
print(bundle["resourceType"], types.count("Patient"), f"{len(types):,}")' "$bundle_path") ||
    fail "the window's Bundle is not valid JSON"
assert_eq Bundle "$resource_type" "resourceType of the window's FHIR file"
assert_eq "$clients" "$patients" "Patients in the Bundle (clients in the database)"
"$validate" "$bundle_path" >"$WORK/validate.out" 2>&1 || {
    cat "$WORK/validate.out" >&2
    fail "the independent validators refused the window's Bundle"
}
echo "# $(tail -n 1 "$WORK/validate.out")"
wait_for report_has "^notice-text Exported $resources FHIR resources in one Bundle to: | $bundle_path\$" ||
    fail "the banner did not say how many FHIR resources went where"
pass "the dialog exported a FHIR Bundle of $patients clients ($resources resources, 0600, valid)"

# --- FHIR NDJSON into a typed folder, same choices ----------------------------
ndjson="$WORK/fhir ndjson/everyone"
press ctrl+e
wait_for report_has "^item export-path " || fail "Ctrl+E did not open the export dialog for NDJSON"
click_item export-format-fhir-ndjson
wait_for bash -c "grep -q '^value export-path $HOME/Documents/knotmap-fhir-[0-9-]*\$' '$report'" ||
    fail "the default NDJSON path is not a folder: $(reported_value export-path)"
type_into export-path "$ndjson"
click_item export-start
WAIT_SECONDS=60 wait_for test -s "$ndjson/Patient.ndjson" || fail "the dialog wrote no NDJSON in $ndjson"
WAIT_SECONDS=10 wait_for dialog_closed || fail "the dialog stayed open after the NDJSON export"
diff -r "$WORK/cli-ndjson" "$ndjson" >&2 ||
    fail "the window's NDJSON differs from knotmap export --format fhir-ndjson's"
for file in "$ndjson"/*.ndjson; do
    assert_eq 600 "$(file_mode "$file")" "mode of $file"
done
assert_eq 700 "$(file_mode "$WORK/fhir ndjson")" "mode of the folder the window made for NDJSON"
files=$(ls "$ndjson" | wc -l)
pass "the dialog exported FHIR NDJSON as $files files (0600, folders 0700), as the CLI does"

press ctrl+q
status=0
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || status=$?
[[ $status -eq 0 ]] || fail "the window exited with $status, expected 0"
if grep -q '^knotmap:' "$WORK/gui.err"; then
    fail "the window reported errors on stderr: $(grep '^knotmap:' "$WORK/gui.err")"
fi
pass "Ctrl+Q closed the window cleanly after five exports"
