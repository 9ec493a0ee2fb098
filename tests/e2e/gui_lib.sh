# Helpers for the window tests, which drive the real window with xdotool.
# Source after lib.sh; `report` names the file given to --test-report.

# Retries a command until it succeeds, for up to WAIT_SECONDS (default 20).
wait_for() {
    local deadline=$((SECONDS + ${WAIT_SECONDS:-20}))
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

report_has() { [[ -f "$report" ]] && grep -q -- "$1" "$report"; }

# True once the window's layout stopped changing for half a second: the
# first frames lay out before fonts and sizes settle. The frame-ms line
# (frame timings) changes every frame and is not part of the layout.
report_settled() {
    [[ -s "$report" ]] || return 1
    local previous
    previous=$(grep -v '^frame-ms ' "$report")
    sleep 0.5
    [[ "$(grep -v '^frame-ms ' "$report")" == "$previous" ]]
}

# A key held briefly, as a person's key presses are, then a pause of
# PRESS_PAUSE seconds (default 0.4) for the window to draw the result.
press() {
    xdotool keydown "$1"
    sleep 0.1
    xdotool keyup "$1"
    sleep "${PRESS_PAUSE:-0.4}"
}
