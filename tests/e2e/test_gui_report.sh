#!/usr/bin/env bash
# The client report from the window: on a demo history, press Ctrl+P, type a
# file name (with a space) into the dialog's field, press Return, and wait for
# the PDF the worker writes: pdfinfo must read A4 pages (the default paper)
# and pdftotext must find the client's name. Then Ctrl+P and Return at once:
# the default path is ~/Documents/knotmap-report-client-ID-INITIALS-DATE.pdf,
# never the client's name. Check-ins are summarised per week unless "In full"
# is clicked in the dialog. Under umask 022 both PDFs are 0600. Quit with
# Ctrl+Q: exit 0 and nothing reported on stderr.
# Usage: test_gui_report.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
umask 022
# The dialog's default path is under ~/Documents: keep it in the test's folder.
export HOME="$WORK/home"
mkdir -p "$HOME/Documents"

db="$WORK/report.db"
report="$WORK/report.txt"
pdf="$WORK/client report.pdf"
run demo --db "$db" --clients 1 --days 30 --seed 3
assert_eq 0 "$RC" "knotmap demo exit code"
client=$(sqlite3 "$db" "SELECT name FROM client")
# A check-in note of our own: only a report with the check-ins in full shows it.
note="Marker note: woke with a stiff neck"
sqlite3 "$db" "UPDATE session SET notes = '$note' WHERE id = (SELECT id FROM session
    WHERE kind = 'self_checkin' ORDER BY started_utc LIMIT 1)"

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_settled || fail "the window never settled on screen"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH and HEIGHT

press ctrl+p
wait_for report_has "^item report-path " || fail "Ctrl+P did not open the report dialog"
# The field has the keyboard focus and a default path: replace it.
press ctrl+a
xdotool type --delay 30 "$pdf"
sleep 0.3
press Return
WAIT_SECONDS=60 wait_for test -s "$pdf" || fail "the dialog wrote no report at $pdf"
info=$(pdfinfo "$pdf" 2>/dev/null) || fail "pdfinfo cannot read $pdf"
pages=$(awk '/^Pages:/ { print $2 }' <<<"$info")
((pages >= 1)) || fail "the report has no pages: $info"
grep -q '^Page size:.*(A4)' <<<"$info" || fail "the report is not A4 (the default): $info"
text=$(pdftotext -enc UTF-8 "$pdf" - 2>/dev/null) || fail "pdftotext cannot read $pdf"
grep -qF "$client" <<<"$text" || fail "the report does not name $client"
assert_eq 600 "$(file_mode "$pdf")" "mode of the report"
grep -qF "Self check-ins: weekly summary" <<<"$text" ||
    fail "the report does not summarise the check-ins per week (the default)"
if grep -qF "$note" <<<"$text"; then
    fail "the weekly report lists a check-in's notes"
fi
pass "Ctrl+P wrote a $pages-page report on $client to the typed path (0600), check-ins weekly"

# The check-in choice: its middle segment is "In full"; then back to the
# file field for a new name and Return.
full_pdf="$WORK/full.pdf"
press ctrl+p
wait_for report_has "^item report-checkins " || fail "the report dialog has no check-in choice"
click_item report-checkins
sleep 0.3
click_item report-path
press ctrl+a
xdotool type --delay 30 "$full_pdf"
sleep 0.3
press Return
WAIT_SECONDS=60 wait_for test -s "$full_pdf" || fail "the dialog wrote no report at $full_pdf"
WAIT_SECONDS=30 wait_for pdfinfo "$full_pdf" >/dev/null 2>&1 || fail "pdfinfo cannot read $full_pdf"
full_text=$(pdftotext -enc UTF-8 "$full_pdf" - 2>/dev/null)
grep -qF "Self check-ins" <<<"$full_text" || fail "the full report has no check-ins section"
if grep -qF "weekly summary" <<<"$full_text"; then
    fail "choosing In full still wrote the weekly summary"
fi
grep -qF "$note" <<<"$full_text" || fail "the full report does not show the check-in's notes"
pass "choosing In full in the dialog lists every check-in with its notes"


press ctrl+p
wait_for report_has "^item report-path " || fail "Ctrl+P did not open the report dialog again"
press Return
WAIT_SECONDS=60 wait_for bash -c "ls -A '$HOME/Documents' | grep -q '\\.pdf\$'" ||
    fail "the dialog wrote no report at its default path in $HOME/Documents"
# Only the finished file: the temporary one beside it was renamed.
WAIT_SECONDS=10 wait_for bash -c "[[ \$(ls -A '$HOME/Documents' | wc -l) -eq 1 ]]" ||
    fail "more than one file in Documents: $(ls -A "$HOME/Documents")"
default_name=$(ls -A "$HOME/Documents")
client_id=$(sqlite3 "$db" "SELECT id FROM client")
[[ "$default_name" =~ ^knotmap-report-client-$client_id-[^-]+-[0-9]{4}-[0-9]{2}-[0-9]{2}\.pdf$ ]] ||
    fail "unexpected default report name '$default_name'"
for word in $client; do
    [[ "$default_name" != *"$word"* ]] || fail "the default report '$default_name' names '$word'"
done
WAIT_SECONDS=30 wait_for pdfinfo "$HOME/Documents/$default_name" >/dev/null 2>&1 ||
    fail "pdfinfo cannot read $default_name"
assert_eq 600 "$(file_mode "$HOME/Documents/$default_name")" "mode of the default report"
pass "Ctrl+P, Return wrote $default_name (0600): the client's id and initials, no name"

press ctrl+q
status=0
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || status=$?
[[ $status -eq 0 ]] || fail "the window exited with $status, expected 0"
if grep -q '^knotmap:' "$WORK/gui.err"; then
    fail "the window reported errors on stderr: $(grep '^knotmap:' "$WORK/gui.err")"
fi
pass "Ctrl+Q closed the window cleanly after writing the report"
