#!/usr/bin/env bash
# The history views the way a person browses them: on a demo history with two
# clients, click each of the six history tabs above the body map in turn and
# wait for each view to finish reading (the views compute on worker threads),
# jump back to the body map with Ctrl+1 and to the heat view with Ctrl+4, press
# Play on the heat view and watch the map step through the sessions, then on
# the Knot view save a PNG through its "Save PNG…" popup into the test's
# folder and check the file is a real picture of the view. Quit with Ctrl+Q:
# the window exits 0 and says nothing went wrong.
# Widgets are found through --test-report's item lines (ui/shell/test_probe.h); the
# report's history-tab, heat-session and history-busy lines say which view is
# shown, the heat animation's session and whether a view is still computing.
# Usage: test_gui_history.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

db="$WORK/history.db"
report="$WORK/report.txt"
png="$WORK/knot.png"

run demo --db "$db" --clients 2 --days 60 --seed 11
assert_eq 0 "$RC" "knotmap demo exit code"

# The window filling the 1280x800 screen, where the seven tabs fit beside
# the client list (narrower, a View combo takes their place: docs/window.md).
mkdir -p "$KNOTMAP_CONFIG_DIR"
echo '{"window": {"x": 0, "y": 0, "width": 1280, "height": 800, "maximized": false}}' \
    >"$KNOTMAP_CONFIG_DIR/settings.json"
"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

# The value of a one-word report line ("history-tab 3" -> 3), empty if none.
report_value() { awk -v key="$1" '$1 == key { print $2; exit }' "$report" 2>/dev/null || true; }
report_value_is() { [[ "$(report_value "$1")" == "$2" ]]; } # key expected

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
wait_for report_settled || fail "the window never settled on screen"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH and HEIGHT
report_value_is history-tab 0 ||
    fail "the window did not open on the body map (history-tab '$(report_value history-tab)')"

# 1. Each history view in turn, clicked on its tab.
tabs=(tab-body-map tab-knot-history tab-overview tab-heat tab-compare tab-treatments tab-symptoms)
for number in 1 2 3 4 5 6; do
    click_item "${tabs[number]}"
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
# heat view is drawn again (ui/history/async_cache.h collects results only in get()).
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
click_item tab-knot-history
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
