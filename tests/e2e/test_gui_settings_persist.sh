#!/usr/bin/env bash
# Settings persist between runs: with a fresh config folder, start the window,
# open Settings with Ctrl+, and pick the dark theme with the keyboard-free
# path a person takes (click "Dark"), quit with Ctrl+Q; settings.json must say
# dark, and a second start must come up dark (seen through --test-report).
# A damaged settings.json must be reported in the window and left untouched.
# Usage: test_gui_settings_persist.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

export KNOTMAP_CONFIG_DIR="$WORK/config"
settings="$KNOTMAP_CONFIG_DIR/settings.json"
# The default place (XDG_DATA_HOME): a new database elsewhere is created
# only after the window asks.
export XDG_DATA_HOME="$WORK/data"
db="$XDG_DATA_HOME/knotmap/knotmap.db"
report="$WORK/report.txt"


app=""
stop_app() { [[ -n "$app" ]] && kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

start_app() {
    rm -f "$report"
    "$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
    app=$!
    window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
    wait_for report_has "^theme " || fail "the window never reported its theme"
    sleep 1 # let fonts and sizes settle before clicking
    eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH, HEIGHT
}

quit_app() {
    press ctrl+q
    wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
    local status=0
    wait "$app" || status=$?
    app=""
    if [[ $status -ne 0 ]]; then
        cat "$WORK/gui.out" "$WORK/gui.err" >&2
        fail "the window exited with $status, expected 0"
    fi
}

# 1. First run: no file yet, light theme; Ctrl+, then a click on "Dark".
start_app
report_has "^theme light" || fail "a first run should be light: $(cat "$report")"
[[ ! -e "$settings" ]] || fail "just starting must not write $settings"
press ctrl+comma
# The Settings window is centred: its theme control's right half is "Dark"
# (at 100%, 480 px wide, the control sits 150 px above the centre).
xdotool mousemove --sync $((X + WIDTH / 2 + 110)) $((Y + HEIGHT / 2 - 102))
sleep 0.3
xdotool click 1
wait_for report_has "^theme dark" || fail "clicking Dark did not switch the theme"
press Escape
quit_app
[[ -f "$settings" ]] || fail "no $settings after changing the theme"
theme=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["theme"])' "$settings")
assert_eq dark "$theme" "theme in settings.json"
partials=$(find "$(dirname "$settings")" -name "$(basename "$settings").partial*" | wc -l)
[[ "$partials" == 0 ]] || fail "a partial settings file was left behind"
[[ "$(file_mode "$settings")" == 600 ]] || fail "the settings file is not 0600"
pass "the dark theme was saved to settings.json"

# 2. Restart: the window comes up dark.
start_app
report_has "^theme dark" || fail "the second start is not dark: $(cat "$report")"
quit_app
pass "the second start is dark"

# 3. A damaged file: defaults, a message naming the file, the file untouched.
printf '{"theme": "purple", "font_scale_percent": 100}\n' >"$settings"
cp "$settings" "$WORK/damaged.json"
start_app
report_has "^theme light" || fail "a bad theme should fall back to light"
quit_app
assert_contains "$(cat "$WORK/gui.err")" "$settings: theme:" "the message names the file and field"
cmp -s "$settings" "$WORK/damaged.json" || fail "the damaged settings file was overwritten"
pass "a damaged settings.json is reported and left as it was"
