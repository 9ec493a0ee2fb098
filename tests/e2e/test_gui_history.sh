#!/usr/bin/env bash
# The history views the way a person browses them: on a demo history with two
# clients, click each of the six history tabs above the body map in turn and
# wait for each view to finish reading (the views compute on worker threads),
# jump back to the body map with Ctrl+1 and to the heat view with Ctrl+4, press
# Play on the heat view and watch the map step through the sessions, then on
# the Knot view save a PNG through its "Save PNG…" popup into the test's
# folder and check the file is a real picture of the view. Quit with Ctrl+Q:
# the window exits 0 and says nothing went wrong.
# Widgets are found through --test-report's item lines (ui/test_probe.h); the
# report's history-tab, heat-session and history-busy lines say which view is
# shown, the heat animation's session and whether a view is still computing.
# Usage: test_gui_history.sh /path/to/knotmap
set -euo pipefail

# xdotool needs a display: without one, run this whole script on a virtual one.
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
fi

source "$(dirname "$0")/lib.sh" "$1"
source "$(dirname "$0")/gui_lib.sh"
# See test_gui_starts.sh: Mesa's leaks are not Knotmap's.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

db="$WORK/history.db"
report="$WORK/report.txt"
png="$WORK/knot.png"

run demo --db "$db" --clients 2 --days 60 --seed 11
assert_eq 0 "$RC" "knotmap demo exit code"

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT
# On failure, show what the window last reported and said.
fail() {
    echo "FAIL: $*" >&2
    echo "--- last test report:" >&2
    cat "$report" >&2 2>/dev/null || true
    echo "--- window's stderr:" >&2
    cat "$WORK/gui.err" >&2 2>/dev/null || true
    exit 1
}

click_at() { # screen x, y: move there, let the window see the hover, then click
    # mousemove --sync waits for the pointer to move, for long when it is
    # there already (Pause is where Play was).
    local at
    at=$(xdotool getmouselocation --shell | awk -F= '$1 == "X" || $1 == "Y" { printf "%s ", $2 }')
    if [[ "$at" != "$1 $2 " ]]; then
        xdotool mousemove --sync "$1" "$2"
    fi
    sleep 0.3
    xdotool mousedown 1
    sleep 0.1
    xdotool mouseup 1
    sleep 0.4
}

# The value of a one-word report line ("history-tab 3" -> 3), empty if none.
report_value() { awk -v key="$1" '$1 == key { print $2; exit }' "$report" 2>/dev/null || true; }
report_value_is() { [[ "$(report_value "$1")" == "$2" ]]; } # key expected

# True once the widgets stopped moving for half a second. Only the item and
# canvas lines count: the heat animation changes heat-session every few
# frames without moving anything.
layout_settled() {
    [[ -s "$report" ]] || return 1
    local previous
    previous=$(grep -E '^(item|canvas) ' "$report" || true)
    [[ -n "$previous" ]] || return 1
    sleep 0.5
    [[ "$(grep -E '^(item|canvas) ' "$report" || true)" == "$previous" ]]
}

# Where a widget the window reported is ("item NAME MINX MINY MAXX MAXY"), as
# whole window pixels. Waits for it to be drawn and for the layout to settle.
item_rect() {
    wait_for report_has "^item $1 " || fail "the window never drew the widget '$1'"
    wait_for layout_settled || fail "the window never settled after '$1' appeared"
    awk -v name="$1" '$1 == "item" && $2 == name {
        printf "%d %d %d %d\n", $3, $4, $5, $6; exit }' "$report"
}
click_item() { # clicks the middle of a reported widget
    local x0 y0 x1 y1
    read -r x0 y0 x1 y1 <<<"$(item_rect "$1")"
    click_at $((X + (x0 + x1) / 2)) $((Y + (y0 + y1) / 2))
}

# The tab bar scrolls when its tabs do not fit: the last tabs may be partly
# hidden under the bar's scroll arrows at its right end, or under a widget
# drawn in the tab row (a "Save PNG…" button). A tab is clicked in the middle
# of its part left of those, less the gap ImGui keeps before such a widget
# (as wide as the gap between two tabs). The arrows end at the column's right
# edge, where the right-aligned "Save PNG…" buttons end too; the two arrows
# are together about as wide as a tab is high. Selecting a tab scrolls the
# bar so that a bit of the next one shows.
click_tab() { # probe name
    local x0 y0 x1 y1 visible
    read -r x0 y0 x1 y1 <<<"$(item_rect "$1")"
    visible=$(awk -v name="$1" -v x0="$x0" -v y0="$y0" -v x1="$x1" -v y1="$y1" '
        BEGIN { limit = x1; gap = 0 }
        $1 == "item" && $2 == "save-png" && (edge == "" || $5 > edge) { edge = $5 }
        $1 == "item" && $2 == "tab-knot-history" { gap = $3 - body_map_end }
        $1 == "item" && $2 == "tab-body-map" { body_map_end = $5 }
        # Another widget in the tab row, starting over this tab: drawn on top.
        $1 == "item" && $2 != name && $2 !~ /^tab-/ && $4 < y1 && $6 > y0 &&
            $3 > x0 && $3 - gap < limit { limit = $3 - gap }
        END {
            if (edge != "" && edge - (y1 - y0) < limit) limit = edge - (y1 - y0)
            printf "%d\n", limit
        }' "$report")
    ((visible - x0 >= 6)) ||
        fail "the tab '$1' ($x0-$x1) is hidden behind the tab bar's scroll arrows or another widget (shows up to $visible)"
    click_at $((X + (x0 + visible) / 2)) $((Y + (y0 + y1) / 2))
}

# Waits until the report shows history tab $1 with nothing left computing.
wait_for_tab() { # number what
    wait_for report_value_is history-tab "$1" ||
        fail "$2 did not show history tab $1 (the report says history-tab '$(report_value history-tab)')"
    wait_for report_value_is history-busy 0 ||
        fail "$2: the view never finished computing (history-busy stays '$(report_value history-busy)')"
}

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^item tab-knot-history " || fail "the window never drew the history tabs"
# The first frames lay out before fonts and sizes settle.
wait_for layout_settled || fail "the window never settled on screen"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH and HEIGHT
report_value_is history-tab 0 ||
    fail "the window did not open on the body map (history-tab '$(report_value history-tab)')"

# 1. Each history view in turn, clicked on its tab.
tabs=(tab-body-map tab-knot-history tab-overview tab-heat tab-compare tab-treatments tab-symptoms)
for number in 1 2 3 4 5 6; do
    click_tab "${tabs[number]}"
    wait_for_tab "$number" "clicking the tab '${tabs[number]}'"
done
pass "clicking each history tab showed its view (history-tab 1..6) and it finished computing"

# 2. Ctrl+1 goes back to the body map, Ctrl+4 to the heat view.
press ctrl+1
wait_for_tab 0 "Ctrl+1"
press ctrl+4
wait_for_tab 3 "Ctrl+4"
pass "Ctrl+1 showed the body map and Ctrl+4 the heat view"

# 3. Play walks the heat map through the range's sessions.
report_value_is heat-session none ||
    fail "the heat view starts on session '$(report_value heat-session)', expected the whole range (none)"
click_item heat-play
session_is_number() { [[ "$(report_value heat-session)" =~ ^[0-9]+$ ]]; }
wait_for session_is_number ||
    fail "Play did not step the heat map to a session (heat-session '$(report_value heat-session)')"
first=$(report_value heat-session)
session_moved_on() { session_is_number && [[ "$(report_value heat-session)" != "$first" ]]; }
wait_for session_moved_on || fail "the heat animation stayed on session $first"
pass "Play stepped the heat map from session $first to $(report_value heat-session)"
# Pause, and let the heat view collect the frames it asked for: a frame still
# computing when the view is left counts as busy (history-busy 1) until the
# heat view is drawn again (ui/async_cache.h collects results only in get()).
# Pressed after the animation ended, the button plays it again; either way it
# comes to rest.
click_item heat-play
session_stopped() {
    local before
    before=$(report_value heat-session)
    sleep 1
    [[ "$(report_value heat-session)" == "$before" ]]
}
wait_for session_stopped || fail "Pause did not stop the heat animation"
wait_for report_value_is history-busy 0 || fail "the heat view never finished computing after Pause"

# 4. The Knot view saved as a PNG through its popup.
click_tab tab-knot-history
wait_for_tab 1 "clicking the Knot tab again"
click_item save-png
wait_for report_has "^item png-path " || fail "Save PNG… did not open the popup with its path field"
# The field has the keyboard focus and a default path: replace it.
press ctrl+a
xdotool type --delay 30 "$png"
sleep 0.3
press Return
# The window writes the file under another name and renames it when whole.
WAIT_SECONDS=10 wait_for test -s "$png" || fail "Return in the Save PNG popup wrote no file at $png"
python3 - "$png" "$WIDTH" "$HEIGHT" <<'PY' || fail "the saved file is not a PNG of the view"
import struct, sys
path, window_width, window_height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", f"no PNG signature: {data[:8]!r}"
length, kind = struct.unpack(">I4s", data[8:16])
assert kind == b"IHDR" and length == 13, f"the first chunk is {kind!r} ({length} bytes), not IHDR"
width, height = struct.unpack(">II", data[16:24])
assert 200 < width <= window_width, f"width {width} not in 201..{window_width}"
assert 200 < height <= window_height, f"height {height} not in 201..{window_height}"
assert data[-8:-4] == b"IEND", "the file does not end with an IEND chunk"
print(f"{path}: {width}x{height}")
PY
pass "Save PNG… on the Knot view wrote a PNG of the view to the typed path"

# 5. Quit.
press ctrl+q
status=0
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || status=$?
if [[ $status -ne 0 ]]; then
    cat "$WORK/gui.out" "$WORK/gui.err" >&2
    fail "the window exited with $status, expected 0"
fi
if grep -q '^knotmap:' "$WORK/gui.err"; then
    fail "the window reported errors on stderr: $(grep '^knotmap:' "$WORK/gui.err")"
fi
pass "Ctrl+Q closed the window cleanly after browsing the history views"
