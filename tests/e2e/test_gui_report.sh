#!/usr/bin/env bash
# The client report from the window: on a demo history, press Ctrl+P, type a
# file name (with a space) into the dialog's field, press Return, and wait for
# the PDF the worker writes: pdfinfo must read A4 pages (the default paper)
# and pdftotext must find the client's name. Quit with Ctrl+Q: exit 0 and
# nothing reported on stderr.
# Usage: test_gui_report.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

db="$WORK/report.db"
report="$WORK/report.txt"
pdf="$WORK/client report.pdf"
run demo --db "$db" --clients 1 --days 30 --seed 3
assert_eq 0 "$RC" "knotmap demo exit code"
client=$(sqlite3 "$db" "SELECT name FROM client")

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
pass "Ctrl+P wrote a $pages-page report on $client to the typed path"

press ctrl+q
status=0
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || status=$?
[[ $status -eq 0 ]] || fail "the window exited with $status, expected 0"
if grep -q '^knotmap:' "$WORK/gui.err"; then
    fail "the window reported errors on stderr: $(grep '^knotmap:' "$WORK/gui.err")"
fi
pass "Ctrl+Q closed the window cleanly after writing the report"
