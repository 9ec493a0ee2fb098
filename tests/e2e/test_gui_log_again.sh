#!/usr/bin/env bash
# Logging the same knot again later the same day, as a person does it:
# 1. a click on the body makes a knot, 6 rates it;
# 2. a click on its marker reopens that rating and offers "Log again now";
#    nothing new is written until the person chooses;
# 3. L (Log again now) makes a second rating in a new check-in, prefilled
#    with 6; 4 changes only the new one;
# 4. N starts a third check-in; the knot stays on the map and a click just
#    beside its marker logs that knot (no second knot on top); 6 rates it;
# 5. the editor's treatment row: a click on "Foam roller", 10, Enter, 3,
#    Enter saves "foam roller for 10 minutes, 6 -> 3" (five interactions);
# 6. Shift+click beside the marker places a new knot deliberately.
# Usage: test_gui_log_again.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

region=back.upper_trapezius.left
export XDG_DATA_HOME="$WORK/data"
db="$XDG_DATA_HOME/knotmap/knotmap.db"
report="$WORK/report.txt"
shot() { if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/$1.png"; fi; }

run --db "$db" --frames 5
assert_eq 0 "$RC" "the window's exit code (creates the database at the default place)"
# Last week's session with a foam roller treatment: a kind this person uses,
# so the editor's treatment row offers it first.
sqlite3 "$db" "INSERT INTO client (name, created_utc) VALUES ('Me', 0);
    INSERT INTO session (client_id, started_utc, utc_offset_min, kind)
        VALUES (1, strftime('%s', 'now') - 7 * 86400, 0, 'self_checkin');
    INSERT INTO treatment (session_id, kind_id, minutes)
        SELECT 1, id, 15 FROM treatment_kind WHERE code = 'foam_roller';"

read -r view label_x label_y < <(region_label_point "$region")
[[ -n "${label_x:-}" ]] || fail "the atlas has no region $region"

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT
sql() { sqlite3 "$db" "$1"; }
sql_is() { [[ "$(sql "$2")" == "$1" ]]; } # expected query

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^canvas $view " || fail "the window never reported where the $view view is"
wait_for report_settled || fail "the body map never settled on screen"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH and HEIGHT

# The region's label point on screen, from the canvas the window reports now.
knot_point() {
    awk -v view="$view" -v lx="$label_x" -v ly="$label_y" -v wx="$X" -v wy="$Y" \
        '$1 == "canvas" && $2 == view {
            printf "%d %d\n", wx + $3 + lx * ($5 - $3), wy + $4 + ly * ($6 - $4); exit }' "$report"
}

# 1. A knot, rated 6.
read -r kx ky < <(knot_point)
click_at "$kx" "$ky"
wait_for report_has "^editor open" || fail "clicking the body did not open the knot editor"
press 6
wait_for sql_is 6 "SELECT group_concat(pain) FROM observation" || fail "6 did not rate the new knot"
press Escape
wait_for report_has "^editor closed" || fail "Esc did not close the editor"
wait_for report_settled || fail "the window never settled after Esc"

# 2. Its marker again: the morning's rating, with the offer. Nothing written.
read -r kx ky < <(knot_point)
click_at "$kx" "$ky"
wait_for report_has "^editor open" || fail "clicking the marker did not open the editor"
wait_for report_has "^item log-again " || fail "the editor did not offer Log again now"
shot log-again-offer
sql_is 1 "SELECT count(*) FROM observation" || fail "opening the marker wrote a rating"

# 3. L: a second rating in a new check-in, prefilled from the first.
press l
wait_for sql_is 2 "SELECT count(*) FROM observation" || fail "L did not log the knot again"
sql_is 3 "SELECT count(*) FROM session" || fail "Log again now did not start a new check-in"
sql_is "6,6" "SELECT group_concat(pain) FROM (SELECT pain FROM observation ORDER BY id)" ||
    fail "the new rating did not start from the last one's pain 6"
wait_for bash -c "! grep -q '^item log-again ' '$report'" || fail "the offer stayed after logging again"
press 4
wait_for sql_is "6,4" "SELECT group_concat(pain) FROM (SELECT pain FROM observation ORDER BY id)" ||
    fail "4 did not rate only the new rating: $(sql 'SELECT group_concat(pain) FROM observation')"
sql_is 1 "SELECT count(DISTINCT session_id) FROM observation WHERE pain = 4" || fail "no session"
press Escape
wait_for report_has "^editor closed" || fail "Esc did not close the editor"

# 4. N: a third check-in. The knot is still on the map; a click 10 px beside
# its marker logs it (the same knot, in the new check-in).
press n
wait_for sql_is 4 "SELECT count(*) FROM session" || fail "N did not start a check-in"
wait_for report_settled || fail "the window never settled after N"
shot new-checkin-map
read -r kx ky < <(knot_point)
click_at $((kx + 10)) "$ky"
wait_for report_has "^editor open" || fail "a click beside the marker did not open the editor"
wait_for sql_is 3 "SELECT count(*) FROM observation" || fail "the click beside the marker logged nothing"
sql_is 1 "SELECT count(*) FROM knot" || fail "the click beside the marker made a second knot"
sql_is 3 "SELECT count(DISTINCT session_id) FROM observation" || fail "not logged in the new check-in"
press 6
wait_for sql_is 6 "SELECT pain FROM observation ORDER BY id DESC LIMIT 1" || fail "6 did not rate it"

# 5. Treated it: Foam roller, 10, Enter, 3, Enter.
click_item treat-kind-foam_roller
xdotool type --delay 80 "10"
press Return
xdotool type --delay 80 "3"
press Return
wait_for sql_is 2 "SELECT count(*) FROM treatment" || fail "the treatment row saved nothing"
sql_is "foam_roller|10|6|3|1" "SELECT k.code, t.minutes, t.pain_before, t.pain_after,
    t.knot_id = (SELECT id FROM knot) AND t.session_id = (SELECT max(id) FROM session)
    FROM treatment t JOIN treatment_kind k ON k.id = t.kind_id WHERE t.session_id > 1" ||
    fail "the treatment is not foam roller 10 min 6 -> 3 on the knot: $(sql 'SELECT * FROM treatment')"
wait_for report_settled || fail "the window never settled after the treatment"
shot treated-it
# Ctrl+Z undoes it like any other step.
press ctrl+z
wait_for sql_is 1 "SELECT count(*) FROM treatment" || fail "Ctrl+Z did not undo the treatment"
press ctrl+shift+z
wait_for sql_is 2 "SELECT count(*) FROM treatment" || fail "Ctrl+Shift+Z did not redo the treatment"
press Escape
wait_for report_has "^editor closed" || fail "Esc did not close the editor"

# 6. Shift+click beside the marker: a second knot, deliberately.
read -r kx ky < <(knot_point)
xdotool keydown shift
click_at $((kx + 10)) "$ky"
xdotool keyup shift
wait_for sql_is 2 "SELECT count(*) FROM knot" || fail "Shift+click did not place a new knot"
press Escape
wait_for report_has "^editor closed" || fail "Esc did not close the editor"
wait_for report_settled || fail "the window never settled"
shot timeline-times
press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
status=0
wait "$app" || status=$?
assert_eq 0 "$status" "the window's exit code"
pass "log again (L), a click beside a marker after N, a five-step treatment and Shift+click"
