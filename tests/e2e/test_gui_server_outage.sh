#!/usr/bin/env bash
# The clinic server goes away while the window is open, and comes back, twice.
# First the person only reads: with the server stopped they pick the other
# client in the list and open a history view. The window stays open and
# answers (no frame waits for the server), says it couldn't read this
# client's sessions, and keeps what it had (the first client's details are
# not thrown away); once the server is back the picked client's sessions
# appear without anything clicked. Then a knot logged while the server is
# stopped again is not lost and not half-written: the window says the change
# is not saved yet (the waiting-saves line of the test report, the "Not saved
# yet" pill) and saves it once the server answers again, through a new
# connection. The server is this test's own (it is stopped and started), in a
# temporary folder, on a private port.
# Usage: test_gui_server_outage.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
root=$(cd "$(dirname "$0")/../.." && pwd)

server_dir=$(mktemp -d /tmp/knotmap-pg-outage.XXXXXX)
base=$("$root/scripts/test-postgres" start "$server_dir")
stop_server() { "$root/scripts/test-postgres" stop "$server_dir" >/dev/null 2>&1 || true; }
psql -X -q "$base" -c "CREATE DATABASE outage" >/dev/null
db="${base/dbname=postgres/dbname=outage}"
observations() { psql -X -q -t -A "$db" -c "SELECT count(*) FROM observation"; }

# Two clients: the window then shows the client list.
run demo --db "$db" --clients 2 --days 5 --seed 3
assert_eq 0 "$RC" "demo on the server ($ERR)"
before=$(observations)

region=front.pectoralis_major.left
report="$WORK/report.txt"
read -r view label_x label_y < <(region_label_point "$region")
[[ -n "${label_x:-}" ]] || fail "the atlas has no region $region"

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
trap 'kill "$app" 2>/dev/null || true; stop_server; cleanup' EXIT
window=$(xdotool search --sync --onlyvisible --pid "$app" --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^canvas $view " || fail "the window never reported the $view view"
wait_for report_settled || fail "the window never settled"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X and Y

# A one-word report line's value ("shown-pain-max 8" -> 8), empty if none.
report_value() { awk -v key="$1" '$1 == key { print $2; exit }' "$report" 2>/dev/null || true; }
report_value_is() { [[ "$(report_value "$1")" == "$2" ]]; } # key expected
# The client list's rows, top to bottom: the window opens on the first.
mapfile -t rows < <(awk '$1 == "item" && $2 ~ /^client-row-/ { print $2 }' "$report")
[[ ${#rows[@]} -eq 2 ]] || fail "expected the client list to show 2 clients, got ${#rows[@]}"
other=${rows[1]}
other_born=$(psql -X -q -t -A "$db" -c "SELECT birth_year FROM client WHERE id = ${other#client-row-}")
[[ -n "$other_born" ]] || fail "the demo's client ${other#client-row-} has no birth year to tell it by"
# The session table's header is drawn only when the client's sessions are.
sessions_shown() { report_has "^item sessions-treatments-column "; }
sessions_shown || fail "the first client's sessions are not on screen before the outage"
pain_before=$(report_value shown-pain-max)

# 1. Reading while the server is stopped.
"$root/scripts/test-postgres" pause "$server_dir"
click_item "$other"
# The picked client's facts (from the list, read before the outage) show
# at once; "value client-born YEAR" tells which client is on screen.
other_picked() {
    awk -v want="$other_born" '$1 == "value" && $2 == "client-born" && $3 == want { found = 1 }
        END { exit !found }' "$report"
}
wait_for other_picked || fail "clicking the other client with the server stopped did not show that client"
wait_for report_has "^notice Knotmap couldn't read this client's sessions" ||
    fail "with the server stopped, picking a client gave no notice ($(grep '^notice' "$report"))"
# A history view reads on a worker, through its own connection.
if report_has "^item tab-overview "; then click_item tab-overview; else press ctrl+3; fi
wait_for report_value_is history-tab 2 ||
    fail "with the server stopped, the Overview view did not open (history-tab '$(report_value history-tab)')"
wait_for report_value_is history-busy 0 || fail "the Overview view kept waiting for the stopped server"
wait_for report_has "^value history-error 1" || fail "with the server stopped, the Overview view showed no error"
# The banner's text names the server, in plain words.
report_has "^notice-text .*server $server_dir" ||
    fail "the notice does not name the server ($(grep '^notice-text' "$report"))"
if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/server-gone-reading.png"; fi
# Long enough for the window to try the server again (every 2 s): the
# slowest recent frame shows whether a try held the window up.
sleep 4.5
kill -0 "$app" 2>/dev/null || fail "the window closed when a read met the stopped server"
slowest=$(awk '$1 == "frame-ms" { print $4 }' "$report")
awk -v ms="$slowest" 'BEGIN { exit !(ms < 2000) }' ||
    fail "a frame took $slowest ms while the server was stopped: the window waited for it"
assert_eq "$pain_before" "$(report_value shown-pain-max)" "the first client's highest pain kept in the window"
# Nothing of the picked client could be read: any sessions shown under its
# name would be the first client's.
sessions_shown && fail "with the server stopped, sessions were shown under the picked client's name"
# ... and where they would be, the window says why they are not.
report_has "^item sessions-unread " ||
    fail "with the server stopped, nothing in place of the picked client's sessions said why"
pass "with the server gone, picking a client and a history view keep the window answering, with a notice"

"$root/scripts/test-postgres" resume "$server_dir"
wait_for sessions_shown ||
    fail "after the server came back, the picked client's sessions never appeared by themselves"
other_picked || fail "after the server came back the window no longer shows the picked client"
report_has "^item sessions-unread " && fail "the sessions are back, but the 'could not be read' line stayed"
wait_for report_has "^notice none" ||
    fail "after the server came back the notice stayed ($(grep '^notice' "$report"))"
# The history view asks again by itself (a failure is kept a few seconds).
no_history_error() { ! grep -q "^value history-error" "$report"; }
wait_for no_history_error || fail "after the server came back the Overview view kept its error"
pass "once the server answers again the picked client's sessions appear without a click"

# 2. Saving while the server is stopped, on the body map.
press ctrl+1
wait_for report_value_is history-tab 0 || fail "Ctrl+1 did not go back to the body map"
wait_for report_has "^canvas $view " || fail "the body map did not show the $view view again"
wait_for report_settled || fail "the window never settled on the body map"
"$root/scripts/test-postgres" pause "$server_dir"
read -r click_x click_y < <(awk -v view="$view" -v lx="$label_x" -v ly="$label_y" \
    -v wx="$X" -v wy="$Y" '$1 == "canvas" && $2 == view {
        printf "%d %d\n", wx + $3 + lx * ($5 - $3), wy + $4 + ly * ($6 - $4) }' "$report")
# Shift+click places a new knot even beside a demo knot: the save is one
# command, which waits, where logging an existing knot must read it first.
xdotool mousemove --sync "$click_x" "$click_y"
sleep 0.3
xdotool keydown shift click 1 keyup shift
wait_for report_has "^waiting-saves [1-9]" ||
    fail "with the server stopped, the new knot was not kept waiting ($(grep '^waiting' "$report"))"
if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/server-gone.png"; fi
if ! kill -0 "$app" 2>/dev/null; then
    status=0
    wait "$app" || status=$?
    fail "the window closed (status $status) when the server went away"
fi
pass "with the server gone, the change waits in the window, marked as not saved"

"$root/scripts/test-postgres" resume "$server_dir"
wait_for report_has "^waiting-saves 0" || fail "the waiting knot was not saved after the server came back"
after=$(observations)
[[ "$after" -gt "$before" ]] || fail "no new rating on the server ($before before, $after after)"
assert_eq "$region" "$(psql -X -q -t -A "$db" -c "SELECT k.region_code FROM observation o
  JOIN knot k ON k.id = o.knot_id ORDER BY o.id DESC LIMIT 1")" "the newest rating's region"
grep -q "Couldn" "$WORK/gui.err" && fail "a save was reported as failed: $(cat "$WORK/gui.err")"
pass "once the server answers again the knot is saved, through a new connection"

press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
status=0
wait "$app" || status=$?
assert_eq 0 "$status" "exit status after the outage ($(cat "$WORK/gui.err"))"
pass "the window closes cleanly after the outage"
