# Helpers for the window tests, which drive the real window with xdotool.
# Source after lib.sh; `report` names the file given to --test-report.

# Retries a command until it succeeds, for WAIT_SECONDS (20 unless given)
# times KNOTMAP_TEST_WAIT_SCALE (3 in the sanitizer build, which runs slower).
wait_for() {
    local deadline=$((SECONDS + ${WAIT_SECONDS:-20} * ${KNOTMAP_TEST_WAIT_SCALE:-1}))
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

report_has() { [[ -f "$report" ]] && grep -q -- "$1" "$report"; }

# The report without the lines that change while nothing moves: frame
# timings and counts, the heat animation's frame, whether a view is computing
# and how far an import is.
report_layout() {
    grep -Ev '^(frame-ms|frames|body-map-renders|heat-session|history-busy|import-progress) ' "$report" || true
}

# True once the window's layout stopped changing for half a second: the
# first frames lay out before fonts and sizes settle.
report_settled() {
    [[ -s "$report" ]] || return 1
    local previous
    previous=$(report_layout)
    sleep 0.5
    [[ "$(report_layout)" == "$previous" ]]
}

# Stops the test showing what the window last reported and said on stderr
# (tests send it to $WORK/gui.err); replaces lib.sh's plain fail.
fail() {
    echo "FAIL: $*" >&2
    echo "--- last test report:" >&2
    cat "$report" >&2 2>/dev/null || true
    echo "--- window's stderr:" >&2
    cat "$WORK/gui.err" >&2 2>/dev/null || true
    exit 1
}

# Screen x, y: move there, let the window see the hover, then click like a
# person (press, short hold, release). mousemove --sync waits long when the
# pointer is there already, so an unneeded move is skipped.
click_at() {
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

# Where a widget the window reported is ("item NAME MINX MINY MAXX MAXY"), as
# whole window pixels. Waits for it to be drawn and for the layout to settle.
item_rect() {
    wait_for report_has "^item $1 " || fail "the window never drew the widget '$1'"
    wait_for report_settled || fail "the window never settled after '$1' appeared"
    awk -v name="$1" '$1 == "item" && $2 == name {
        printf "%d %d %d %d\n", $3, $4, $5, $6; exit }' "$report"
}

# Clicks the middle of a reported widget; X and Y are the window's position
# on screen (xdotool getwindowgeometry --shell).
click_item() {
    local x0 y0 x1 y1
    read -r x0 y0 x1 y1 <<<"$(item_rect "$1")"
    click_at $((X + (x0 + x1) / 2)) $((Y + (y0 + y1) / 2))
}

# A key held briefly, as a person's key presses are, then a pause of
# PRESS_PAUSE seconds (default 0.4) for the window to draw the result.
press() {
    xdotool keydown "$1"
    sleep 0.1
    xdotool keyup "$1"
    sleep "${PRESS_PAUSE:-0.4}"
}

# The region's view and label point (diagram coordinates, a point well
# inside it) from `knotmap atlas`: "VIEW X Y", nothing for an unknown code.
region_label_point() {
    "$KNOTMAP" atlas --format csv | python3 -c '
import csv, sys
for row in csv.DictReader(sys.stdin):
    if row["code"] == sys.argv[1]:
        print(row["view"], row["label_x"], row["label_y"])
' "$1"
}
