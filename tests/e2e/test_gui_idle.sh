#!/usr/bin/env bash
# Idle means idle: the window draws a frame only when something changes.
# On a demo history, after each history view has been opened, a window left
# alone draws no frames for three seconds, nor with a dialog open; moving
# the pointer over the client list draws frames but does not render the body
# map again (its cached image is shown); hovering the map renders it again; the heat view's
# Play animates without any input and stops drawing once it ends; a change
# saved by another program wakes the window and is shown without input.
# The idle CPU figure itself is the benchmark's (scripts/window-benchmark).
# Usage: test_gui_idle.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

db="$WORK/idle.db"
report="$WORK/report.txt"

run demo --db "$db" --clients 2 --days 40 --seed 5
assert_eq 0 "$RC" "knotmap demo exit code"

mkdir -p "$KNOTMAP_CONFIG_DIR"
echo '{"window": {"x": 0, "y": 0, "width": 1280, "height": 800, "maximized": false}}' \
    >"$KNOTMAP_CONFIG_DIR/settings.json"
"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

report_value() { awk -v key="$1" '$1 == key { print $2; exit }' "$report" 2>/dev/null || true; }
report_value_is() { [[ "$(report_value "$1")" == "$2" ]]; }
frames() { report_value frames; }
renders() { report_value body-map-renders; }

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^item tab-knot-history " || fail "the window never drew the history tabs"
wait_for report_settled || fail "the window never settled on screen"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH and HEIGHT

# Every view once, ending on the body map, each left to finish computing.
for key in 2 3 4 5 6 7 1; do
    press "ctrl+$key"
    wait_for report_value_is history-busy 0 || fail "view $key never finished computing"
done

# 1. Left alone: no frame for three seconds (a frame in flight may land first).
sleep 1
before=$(frames)
sleep 3
after=$(frames)
[[ -n "$before" && "$before" == "$after" ]] ||
    fail "the idle window drew $((after - before)) frames in 3 s (frames $before -> $after)"
pass "left alone, the window drew no frame in 3 s (frames stayed at $after)"

# 1b. A dialog open (a popup, over the main screen) rests the same way. (One
# whose text field has the keyboard blinks its cursor: Import CSV's has not.)
press ctrl+i
wait_for report_has "^item import-path " || fail "Ctrl+I did not open the import dialog"
sleep 1
before=$(frames)
sleep 3
after=$(frames)
[[ "$before" == "$after" ]] ||
    fail "with a dialog open the window drew $((after - before)) frames in 3 s"
press Escape
wait_for bash -c "! grep -q '^item import-path ' '$report'" || fail "Escape left the dialog open"
pass "with the import dialog open, the window drew no frame in 3 s either"

# 2. The pointer over the client list: frames, but the map's image is reused.
first_row=$(awk '$1 == "item" && $2 ~ /^client-row-/ { print $2; exit }' "$report")
[[ -n "$first_row" ]] || fail "the report names no client row"
read -r lx0 ly0 lx1 ly1 <<<"$(item_rect "$first_row")"
renders_before=$(renders)
frames_before=$(frames)
for step in 0 1 2 3 4 5 6 7 8 9; do
    xdotool mousemove --sync $((X + lx0 + 10 + step * (lx1 - lx0 - 20) / 9)) \
        $((Y + ly0 + (step % 2) * (ly1 - ly0) * 3 / 2 + 4))
    sleep 0.1
done
sleep 0.5
(($(frames) > frames_before)) || fail "moving the pointer over the client list drew no frame"
[[ "$(renders)" == "$renders_before" ]] ||
    fail "the pointer over the client list rendered the body map again ($renders_before -> $(renders))"
pass "the pointer over the list drew $(($(frames) - frames_before)) frames and reused the map's image"

# 3. Hovering the body map changes what it shows: it is rendered again.
read -r mx0 my0 mx1 my1 <<<"$(awk '$1 == "canvas" { printf "%d %d %d %d\n", $3, $4, $5, $6; exit }' "$report")"
[[ -n "${my1:-}" ]] || fail "the report names no body map canvas"
for step in 1 2 3 4 5; do
    xdotool mousemove --sync $((X + (mx0 + mx1) / 2)) $((Y + my0 + (my1 - my0) * step / 6))
    sleep 0.15
done
sleep 0.5
(($(renders) > renders_before)) || fail "hovering the body map never rendered it again"
pass "hovering the map rendered it again ($renders_before -> $(renders) renders)"

# 4. Play animates with no input, and the window rests again when it ends.
xdotool mousemove --sync $((X + 5)) $((Y + HEIGHT - 5))
press ctrl+4
wait_for report_value_is history-busy 0 || fail "the heat view never finished computing"
click_item heat-play
session_is_number() { [[ "$(report_value heat-session)" =~ ^[0-9]+$ ]]; }
wait_for session_is_number || fail "Play did not step the heat map"
first=$(report_value heat-session)
moved_on() { session_is_number && [[ "$(report_value heat-session)" != "$first" ]]; }
wait_for moved_on || fail "the heat animation stayed on session $first without input"
resting() {
    local seen
    seen=$(frames)
    sleep 1.5
    [[ "$(frames)" == "$seen" ]]
}
WAIT_SECONDS=30 wait_for resting || fail "the window kept drawing after the animation"
pass "Play stepped from session $first without input, then the window rested"

# 5. Another program's change wakes the window: the count of clients grows.
press ctrl+1
wait_for report_settled || fail "the window never settled back on the body map"
sleep 1
asleep_at=$(frames)
wanda=$(sqlite3 "$db" "INSERT INTO client(name, created_utc) VALUES ('Wanda Woken', 1767225600);
    SELECT last_insert_rowid();") || fail "sqlite3 could not add a client"
WAIT_SECONDS=5 wait_for report_has "^item client-row-$wanda " ||
    fail "a client added by another program (id $wanda) was not shown without input"
(($(frames) > asleep_at)) || fail "the frame count did not move"
pass "a client added by sqlite3 woke the sleeping window and was shown"

press ctrl+q
wait "$app" || fail "the window exited with $?"
trap cleanup EXIT
pass "Ctrl+Q closed the window"
