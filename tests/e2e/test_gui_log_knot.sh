#!/usr/bin/env bash
# Logs a knot the way a person does: on a new database, click the middle of
# a region on the body map, press 7 for the pain, change it to 3 and undo
# that, then quit with Ctrl+Q. The export must hold one observation of that
# region with pain 7, for the client "Me" the first click created.
# Usage: test_gui_log_knot.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

region=back.upper_trapezius.left
# The default place (XDG_DATA_HOME): a new database elsewhere is created
# only after the window asks.
export XDG_DATA_HOME="$WORK/data"
db="$XDG_DATA_HOME/knotmap/knotmap.db"
report="$WORK/report.txt"

read -r view label_x label_y < <(region_label_point "$region")
[[ -n "${label_x:-}" ]] || fail "the atlas has no region $region"

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
wait_for report_has "^canvas $view " || fail "the window never reported where the $view view is"
# The first frames lay out before fonts and sizes settle: wait for a report
# that stays the same for half a second.
wait_for report_settled || fail "the body map never settled on screen"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X and Y

# Window position + the canvas' rectangle + the label point within it.
read -r click_x click_y < <(awk -v view="$view" -v lx="$label_x" -v ly="$label_y" \
    -v wx="$X" -v wy="$Y" '$1 == "canvas" && $2 == view {
        printf "%d %d\n", wx + $3 + lx * ($5 - $3), wy + $4 + ly * ($6 - $4) }' "$report")

xdotool mousemove --sync "$click_x" "$click_y"
sleep 0.3
xdotool click 1
wait_for report_has "^editor open" || fail "clicking the body did not open the knot editor"
press 7
press 3
press ctrl+z
sleep 0.5
press ctrl+q

status=0
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || status=$?
if [[ $status -ne 0 ]]; then
    cat "$WORK/gui.out" "$WORK/gui.err" >&2
    fail "the window exited with $status, expected 0"
fi

run export --db "$db"
assert_eq 0 "$RC" "knotmap export exit code"
python3 - "$WORK/stdout" "$region" <<'PY' || fail "the export does not hold the logged knot: $OUT"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 1, f"expected one observation, got {len(rows)}"
row = rows[0]
assert row["client_name"] == "Me", row["client_name"]
assert row["region_code"] == sys.argv[2], row["region_code"]
assert row["pain"] == "7", row["pain"]
assert row["kind"] == "active_trigger_point", row["kind"]
PY
pass "a click on $region and the key 7 logged a knot with pain 7 for Me"
