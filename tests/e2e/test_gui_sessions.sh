#!/usr/bin/env bash
# Starts sessions from the keyboard the way a person does: on a demo history
# with one client, press N twice (two self check-ins), undo the second with
# Ctrl+Z, step through the timeline with Up and Down, then quit with Ctrl+Q.
# The file must hold exactly one new self check-in, started around now.
# Usage: test_gui_sessions.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

db="$WORK/sessions.db"
report="$WORK/report.txt"
run demo --db "$db" --clients 1 --days 14 --seed 7
assert_eq 0 "$RC" "knotmap demo exit code"
before=$(rows "$db" session)
started=$(date +%s)

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT


window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_settled || fail "the window never settled"

press n
press n
press ctrl+z
press Down
press Down
press Up
press ctrl+q

status=0
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || status=$?
if [[ $status -ne 0 ]]; then
    cat "$WORK/gui.out" "$WORK/gui.err" >&2
    fail "the window exited with $status, expected 0"
fi

assert_eq "$((before + 1))" "$(rows "$db" session)" "sessions after N, N and Ctrl+Z"
newest=$(sqlite3 "$db" "SELECT kind || ' ' || started_utc FROM session ORDER BY id DESC LIMIT 1")
read -r kind at <<<"$newest"
assert_eq self_checkin "$kind" "the new session's kind"
((at >= started - 5 && at <= $(date +%s) + 5)) || fail "the new session started at $at, not now"
pass "N started a self check-in, Ctrl+Z took back the second, Up/Down left the data alone"
