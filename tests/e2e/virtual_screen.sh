# A virtual screen of a chosen size for window tests that need several
# sizes in one run. Source after lib.sh. Xvfb picks a free display number
# itself (-displayfd), which stays reliable when other tests start screens
# at the same moment (xvfb-run -a can race for the same number).

# start_screen WxH: starts the screen and points DISPLAY at it.
start_screen() {
    : >"$WORK/display"
    # Its output away from the test's: an open pipe would keep ctest waiting.
    Xvfb -displayfd 3 -screen 0 "${1}x24" -nolisten tcp -noreset 3>"$WORK/display" >/dev/null \
        2>"$WORK/xvfb.err" &
    screen_pid=$!
    # Stopped however the test ends, a failure included.
    trap 'stop_screen; cleanup' EXIT
    local waited=0
    until [[ -s "$WORK/display" ]]; do
        ((waited++ < 100)) || fail "Xvfb did not start a ${1} screen: $(cat "$WORK/xvfb.err")"
        sleep 0.1
    done
    export DISPLAY=":$(tr -d '[:space:]' <"$WORK/display")"
}

# stop_screen: ends the screen start_screen started.
stop_screen() {
    kill "$screen_pid" 2>/dev/null || true
    wait "$screen_pid" 2>/dev/null || true
}
