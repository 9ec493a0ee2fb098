#!/usr/bin/env bash
# One screen of the screen-size tests (test_gui_screen_sizes*.sh), run on a
# virtual screen of that size: the window fills it, shows each history view
# in turn (Ctrl+1..7), and every probed control must lie inside the window
# and the needed ones be drawn whole (no "clipped" line in the report).
# A screenshot of each view goes to SHOTS.
# Usage: screen_check.sh KNOTMAP WIDTH HEIGHT individual|therapist DB SHOTS
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
width=$2 height=$3 mode=$4 db=$5 shots=$6
source "$here/lib.sh" "$1"
source "$here/gui_lib.sh"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
report="$WORK/report.txt"
therapist=$([[ $mode == therapist ]] && echo true || echo false)
# The window as a person left it: filling the screen.
mkdir -p "$KNOTMAP_CONFIG_DIR"
cat >"$KNOTMAP_CONFIG_DIR/settings.json" <<EOF
{"therapist_mode": $therapist,
 "window": {"x": 0, "y": 0, "width": $width, "height": $height, "maximized": false}}
EOF
cp "$db" "$WORK/screen.db"
"$KNOTMAP" --db "$WORK/screen.db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT
window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
wait_for report_has "^item treatments-tab " || fail "$mode ${width}x$height: no session shown"
wait_for report_settled || fail "$mode ${width}x$height: the window never settled"
eval "$(xdotool getwindowgeometry --shell "$window")" # WIDTH, HEIGHT
assert_eq "${width}x$height" "${WIDTH}x$HEIGHT" "the window's size on a ${width}x$height screen"
xdotool mousemove --sync $((width / 2)) $((height - 5))

report_value() { awk -v key="$1" '$1 == key { print $2; exit }' "$report" 2>/dev/null || true; }
report_value_is() { [[ "$(report_value "$1")" == "$2" ]]; }
names=(body-map knot-history overview heat compare treatments symptoms)
for number in 0 1 2 3 4 5 6; do
    press "ctrl+$((number + 1))"
    wait_for report_value_is history-tab "$number" ||
        fail "$mode ${width}x$height: Ctrl+$((number + 1)) did not show view $number"
    wait_for report_value_is history-busy 0 || fail "$mode ${width}x$height: view $number never finished"
    wait_for report_settled || fail "$mode ${width}x$height: view $number never settled"
    # cat, not cp: the window replaces the report (a rename) every frame, and
    # cp gives up on a file replaced while it copies; cat reads the one it opened.
    cat "$report" >"$WORK/view.txt"
    shot="$shots/${width}x$height-$mode-$((number + 1))-${names[number]}.png"
    import -window root "$shot"
    python3 "$here/screen_layout_check.py" "$WORK/view.txt" "$width" "$height" "$number" ||
        fail "$mode ${width}x$height, view $((number + 1)) (${names[number]}): see above; screenshot $shot"
done
press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
status=0
wait "$app" || status=$?
assert_eq 0 "$status" "the window's exit code"
pass "$mode at ${width}x$height: all seven views fit"

