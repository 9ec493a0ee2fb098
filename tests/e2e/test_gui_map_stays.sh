#!/usr/bin/env bash
# The map keeps its place under the pointer when the first knot is logged:
# on a new database the history tabs are not there yet (there is no history),
# and they appear once the knot is saved. Their row is held from the start,
# so the body map's canvases (the report's "canvas VIEW X0 Y0 X1 Y1" lines)
# are where they were before the click. Before, the map jumped ~35 px down
# under the pointer right after the click.
# Usage: test_gui_map_stays.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

region=back.upper_trapezius.left
export XDG_DATA_HOME="$WORK/data" # the default place: created without asking
db="$XDG_DATA_HOME/knotmap/knotmap.db"
report="$WORK/report.txt"

read -r view label_x label_y < <(region_label_point "$region")
[[ -n "${label_x:-}" ]] || fail "the atlas has no region $region"

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
trap 'kill "$app" 2>/dev/null || true; cleanup' EXIT
window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
wait_for report_has "^canvas $view " || fail "the window never showed the $view view"
wait_for report_settled || fail "the body map never settled"
report_has "^item tab-body-map \|^item history-view " && fail "history tabs before any knot"
canvases() { grep '^canvas ' "$report"; }
before=$(canvases)
eval "$(xdotool getwindowgeometry --shell "$window")"
read -r click_x click_y < <(awk -v view="$view" -v lx="$label_x" -v ly="$label_y" \
    -v wx="$X" -v wy="$Y" '$1 == "canvas" && $2 == view {
        printf "%d %d\n", wx + $3 + lx * ($5 - $3), wy + $4 + ly * ($6 - $4) }' "$report")
click_at "$click_x" "$click_y"
wait_for report_has "^editor open" || fail "clicking the body did not open the knot editor"
wait_for report_has "^item tab-body-map \|^item history-view " ||
    fail "the history tabs did not appear once the first knot was saved"
wait_for report_settled || fail "the window never settled after the first knot"
after=$(canvases)
[[ "$after" == "$before" ]] || fail "the map moved when the tabs appeared:
before: $before
after:  $after"
pass "the map's canvases stayed put when the first knot brought the history tabs: $(echo $after)"
press Escape
press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
