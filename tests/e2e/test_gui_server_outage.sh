#!/usr/bin/env bash
# The clinic server goes away while the window is open, and comes back: a
# knot logged meanwhile is not lost and not half-written. The window keeps
# what it shows, says the change is not saved yet (the waiting-saves line of
# the test report, the "Not saved yet" pill), and saves it once the server
# answers again, through a new connection. The server is this test's own
# (it is stopped and started), in a temporary folder, on a private port.
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

run demo --db "$db" --clients 1 --days 5 --seed 3
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
