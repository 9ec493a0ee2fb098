#!/usr/bin/env bash
# The window on a PostgreSQL database, tried as a therapist would, with psql
# reading the server after each step: (1) log a knot (a click on a region, a
# digit for its pain) and undo it with Ctrl+Z; (2) start a therapy visit
# with "+ New session", rate a knot in it, sign it through "Sign visit…",
# then find that knot's rating read-only (a digit changes nothing); (3) open
# the Knot and Overview history views, whose workers read the server on
# connections of their own. Then the same database once more, given as a
# postgresql:// URI over TCP with a password: the window names that server
# and a knot logged there reaches it.
# Usage: test_gui_server_visit.sh /path/to/knotmap (CTest gives it the test
# server through KNOTMAP_TEST_POSTGRES_DIR)
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

server=$(new_server_database gui_visit)
dbname=${server##*dbname=}
report="$WORK/report.txt"
run demo --db "$server" --clients 1 --days 5 --seed 3
assert_eq 0 "$RC" "demo on the server ($ERR)"
# psql's answer to one query, for the checks below.
sql() { psql_on "$server" "$1"; }

# Regions the demo left without knots: a click there adds a new knot.
new_region=back.upper_trapezius.left
uri_region=front.deltoid.right
for region in "$new_region" "$uri_region"; do
    assert_eq 0 "$(sql "SELECT count(*) FROM knot WHERE region_code = '$region'")" \
        "knots the demo put in $region (the test needs it empty)"
done

# The window filling the 1280x800 screen, so the session details have room.
mkdir -p "$KNOTMAP_CONFIG_DIR"
echo '{"window": {"x": 0, "y": 0, "width": 1280, "height": 800, "maximized": false}}' \
    >"$KNOTMAP_CONFIG_DIR/settings.json"

# Starts the window on $1 and waits until it has drawn the body map and
# settled; sets app, and X and Y (the window's place on screen).
start_window() {
    rm -f "$report"
    "$KNOTMAP" --db "$1" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
    app=$!
    local window
    window=$(xdotool search --sync --onlyvisible --pid "$app" --name '^Knotmap$' | head -n 1)
    xdotool windowactivate --sync "$window" 2>/dev/null || true
    wait_for report_has "^canvas back " || fail "the window on $1 never drew the body map"
    wait_for report_settled || fail "the window on $1 never settled"
    eval "$(xdotool getwindowgeometry --shell "$window")" # sets X and Y
}
# The X server resets when its last client leaves, and a window started
# during the reset cannot connect: a client of the test's own holds the
# display open between the two windows.
xprop -root -spy >/dev/null 2>&1 &
display_keeper=$!
trap 'kill "${app:-}" "$display_keeper" 2>/dev/null || true; cleanup' EXIT

# Ctrl+Q, then the window must exit 0 with nothing on stderr from Knotmap.
quit_window() {
    press ctrl+q
    wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
    local status=0
    wait "$app" || status=$?
    ((status == 0)) || fail "the window exited with $status, expected 0"
    if grep -q '^knotmap:' "$WORK/gui.err"; then
        fail "the window reported errors on stderr: $(grep '^knotmap:' "$WORK/gui.err")"
    fi
}

# Screen point of a diagram point (x, y in 0..1) on the canvas of a view.
canvas_point() { # view x y
    awk -v view="$1" -v px="$2" -v py="$3" -v wx="$X" -v wy="$Y" \
        '$1 == "canvas" && $2 == view {
            printf "%d %d\n", wx + $3 + px * ($5 - $3), wy + $4 + py * ($6 - $4); exit }' "$report"
}
click_region() { # region code: a click on its label point
    local view lx ly cx cy
    read -r view lx ly < <(region_label_point "$1")
    [[ -n "${lx:-}" ]] || fail "the atlas has no region $1"
    read -r cx cy < <(canvas_point "$view" "$lx" "$ly")
    [[ -n "${cy:-}" ]] || fail "the window did not report the $view view for $1"
    click_at "$cx" "$cy"
}
click_knot() { # knot id: a click on its marker, where the server says it is
    local view kx ky cx cy
    IFS='|' read -r view kx ky <<<"$(sql "SELECT view, x, y FROM knot WHERE id = $1")"
    read -r cx cy < <(canvas_point "$view" "$kx" "$ky")
    click_at "$cx" "$cy"
}
# Waits until psql's answer to a query is the expected one.
sql_is() { [[ "$(sql "$1")" == "$2" ]]; } # query expected
wait_for_sql() { # query expected what
    wait_for sql_is "$1" "$2" || fail "$3: expected '$2' on the server, psql says '$(sql "$1")'"
}
report_value() { awk -v key="$1" '$1 == key { print $2; exit }' "$report" 2>/dev/null || true; }
report_value_is() { [[ "$(report_value "$1")" == "$2" ]]; }

start_window "$server"
described=$(sed -n 's/^database //p' "$report")
[[ "$described" == "server "*", database $dbname" ]] ||
    fail "the window does not name the server and database $dbname: '$described'"
pass "the window opened on $described"

# 1. A knot logged on a new region, its pain typed, then undone.
sessions_before=$(sql "SELECT count(*) FROM session")
observations_before=$(sql "SELECT count(*) FROM observation")
new_knot_pain="SELECT string_agg(o.pain::text, ',') FROM observation o
    JOIN knot k ON k.id = o.knot_id WHERE k.region_code = '$new_region'"
click_region "$new_region"
wait_for report_has "^editor open" || fail "clicking $new_region did not open the knot editor"
press 7
wait_for_sql "$new_knot_pain" 7 "the pain of the knot logged on $new_region after pressing 7"
assert_eq "$((observations_before + 1))" "$(sql "SELECT count(*) FROM observation")" \
    "observations after logging one knot"
pass "a click on $new_region and the key 7 saved an observation with pain 7 on the server"

# The digit is one undo step and the new knot another: two Ctrl+Z take both.
press ctrl+z
wait_for_sql "$new_knot_pain" 5 "the knot's pain after one Ctrl+Z (the new knot's default)"
press ctrl+z
wait_for_sql "SELECT count(*) FROM knot WHERE region_code = '$new_region'" 0 \
    "knots on $new_region after the second Ctrl+Z"
assert_eq "$observations_before" "$(sql "SELECT count(*) FROM observation")" \
    "observations after undoing the knot"
assert_eq "$sessions_before" "$(sql "SELECT count(*) FROM session")" \
    "sessions after undoing the knot (its check-in goes with it)"
pass "Ctrl+Z took back the pain, then the knot and its observation, on the server"

# 2. A therapy visit through "+ New session", a knot rated in it, signed.
click_item new-session
click_item new-session-visit
visit_query="SELECT id FROM session WHERE kind = 'therapy_visit'
    AND abs(started_utc - extract(epoch FROM now())::bigint) < 120"
wait_for_sql "SELECT count(*) FROM ($visit_query) v" 1 "therapy visits started now"
visit=$(sql "$visit_query")
knot=$(sql "SELECT min(id) FROM knot")
rating="SELECT string_agg(pain::text, ',') FROM observation WHERE session_id = $visit AND knot_id = $knot"
press Escape # the editor of the undone knot, if still open
click_knot "$knot"
wait_for report_has "^editor open" || fail "clicking knot $knot did not open the knot editor"
wait_for_sql "SELECT count(*) FROM observation WHERE session_id = $visit" 1 \
    "ratings in the new visit after clicking knot $knot"
press 2
wait_for_sql "$rating" 2 "knot $knot's rating in the visit after pressing 2"
pass "+ New session started therapy visit $visit on the server, and knot $knot was rated 2 in it"

# The session column comes back when the knot editor closes. "Sign visit…"
# sits at the foot of the visit's details: wheel the details (pointer under
# their tab row) until the button is wholly shown.
press Escape
wait_for report_has "^editor closed" || fail "Escape did not close the knot editor"
read -r tx0 _ _ ty1 <<<"$(item_rect treatments-tab)"
xdotool mousemove --sync $((X + tx0 + 10)) $((Y + ty1 + 80)) # once: see click_at
sleep 0.2
for _ in $(seq 20); do
    wait_for report_has "^item sign-visit " || fail "the visit's details have no Sign visit… button"
    report_has "^clipped sign-visit$" || break
    xdotool click 5
    sleep 0.3
done
! report_has "^clipped sign-visit$" || fail "could not scroll Sign visit… into view"
click_item sign-visit
wait_for report_has "^item sign-visit-signer " || fail "Sign visit… opened no dialog with the signer's name"
# The name field has the keyboard focus; the new visit names no therapist.
xdotool type --delay 30 "Dana Lee"
sleep 0.3
click_item sign-visit-confirm
wait_for_sql "SELECT signed_by FROM session WHERE id = $visit" "Dana Lee" "the visit's signer"
assert_eq 1 "$(sql "SELECT count(*) FROM session WHERE id = $visit
    AND abs(signed_utc - extract(epoch FROM now())::bigint) < 120")" "visits signed now"
wait_for bash -c "! grep -q '^item sign-visit ' '$report'" || fail "the signed visit still offers Sign visit…"
wait_for report_settled || fail "the window never settled after signing"
if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/server-signed-visit.png"; fi
pass "Sign visit… and the dialog signed visit $visit as Dana Lee at now, on the server"

# The knot rated in the signed visit opens read-only: a digit changes nothing.
press Escape
click_knot "$knot"
wait_for report_has "^item rating-amend " ||
    fail "clicking knot $knot did not open its signed rating read-only (no Amend rating button)"
observations_signed=$(sql "SELECT count(*) FROM observation")
press 9
sleep 1
assert_eq 2 "$(sql "$rating")" "knot $knot's signed rating after pressing 9"
assert_eq "$observations_signed" "$(sql "SELECT count(*) FROM observation")" \
    "observations after pressing 9 on a signed rating"
pass "knot $knot's signed rating opened read-only and the key 9 changed nothing on the server"

# 3. History views: their workers read the server on connections of their own.
press Escape
for step in "tab-knot-history 1" "tab-overview 2"; do
    read -r tab number <<<"$step"
    click_item "$tab"
    wait_for report_value_is history-tab "$number" ||
        fail "clicking $tab did not show history tab $number (history-tab '$(report_value history-tab)')"
    wait_for report_value_is history-busy 0 ||
        fail "$tab never finished reading the server (history-busy '$(report_value history-busy)')"
done
report_has "^item overview-pain-title " || fail "the Overview view drew no pain chart"
pass "the Knot and Overview views loaded from the server"
quit_window
pass "Ctrl+Q closed the window on the server cleanly"

# 4. The same database as a postgresql:// URI, over TCP with a password
# (scripts/test-postgres: role knotmap_password, "correct horse").
port=$(sed 's/.*port=\([0-9]*\).*/\1/' <<<"$server")
uri="postgresql://knotmap_password@127.0.0.1:$port/$dbname"
PGPASSWORD='correct horse' start_window "$uri"
described=$(sed -n 's/^database //p' "$report")
assert_eq "server 127.0.0.1:$port, database $dbname" "$described" "the window's database line for the URI"
click_region "$uri_region"
wait_for report_has "^editor open" || fail "clicking $uri_region did not open the knot editor"
press 4
wait_for_sql "SELECT string_agg(o.pain::text, ',') FROM observation o
    JOIN knot k ON k.id = o.knot_id WHERE k.region_code = '$uri_region'" 4 \
    "the knot logged on $uri_region through the URI"
if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/server-uri.png"; fi
quit_window
pass "opened as $uri the window named 127.0.0.1:$port and saved a knot with pain 4 there"

# 5. The same server and role as libpq keywords, with no password anywhere
# libpq looks: the window asks for it in a dialog naming the server; a wrong
# one is refused there, the right one opens the database. Neither is in the
# test report or the window's output.
keywords="host=127.0.0.1 port=$port user=knotmap_password dbname=$dbname"
rm -f "$report"
env -u PGPASSWORD PGPASSFILE="$WORK/no-pgpass" "$KNOTMAP" --db "$keywords" --test-report "$report" \
    >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
window=$(xdotool search --sync --onlyvisible --pid "$app" --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^item server-password " || fail "the window did not ask for the server's password"
wait_for report_settled || fail "the password dialog never settled"
report_has "^value server-password-subject server 127.0.0.1:$port, database $dbname$" ||
    fail "the password dialog does not name the server"
report_has "^item server-password-connect " || fail "the password dialog has no Connect button"
xdotool type --delay 30 "not the horse"
press Return
WAIT_SECONDS=15 wait_for report_has "^value server-password-refusal The server refused that password. Try again.$" ||
    fail "a wrong password was not refused in the dialog"
report_has "^value server-password-typed 0$" || fail "the wrong password was left in the field"
xdotool type --delay 30 "correct horse"
press Return
wait_for report_has "^canvas back " || fail "the right password did not open the server's database"
wait_for report_settled || fail "the window never settled on the server's database"
for typed in "not the horse" "correct horse"; do
    ! grep -qF -- "$typed" "$report" "$WORK/gui.out" "$WORK/gui.err" ||
        fail "'$typed' is in the report or the output"
done
press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || fail "the window on the server exited with an error"
pass "with no password given the window asked for it: a wrong one refused in the dialog, the right one opened"
