#!/usr/bin/env bash
# A full self check-in the way a person does it, then quit and come back:
# on a database with one client "Me", press N (new self check-in), click a
# region on the body map, press 6 for the pain, type a note, close the editor
# with Esc, then on the Treatments tab add a massage ball treatment to that
# knot with pain 6 before (the knot's own, filled in) and 3 after. Quit with
# Ctrl+Q, open the window again, and check with `knotmap export` that the
# session, the knot with its pain and note, and the treatment are all there.
# Widgets are found through --test-report's item lines (ui/shell/test_probe.h).
# Usage: test_gui_checkin.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

region=back.upper_trapezius.left
kind=massage_ball
note="Tight after a long day at the desk"
# The default place (XDG_DATA_HOME): a new database elsewhere is created
# only after the window asks.
export XDG_DATA_HOME="$WORK/data"
db="$XDG_DATA_HOME/knotmap/knotmap.db"
report="$WORK/report.txt"

# One client, so the window opens in individual mode without the welcome.
run --db "$db" --frames 5
assert_eq 0 "$RC" "the window's exit code (creates the database at the default place)"
sqlite3 "$db" "INSERT INTO client (name, created_utc) VALUES ('Me', 0)"

read -r view label_x label_y < <(region_label_point "$region")
[[ -n "${label_x:-}" ]] || fail "the atlas has no region $region"

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT
sql() { sqlite3 "$db" "$1"; }
sql_is() { [[ "$(sql "$2")" == "$1" ]]; } # expected query


# The treatment form is taller than the column at this window size: wheel
# the Treatments tab's contents (pointer just below the tab) until the
# widget is inside the window, or the contents scroll no further.
scroll_into_view() {
    local rect x0 y0 x1 y1 tx0 tx1 ty1 previous="" tries=0
    rect=$(item_rect treatments-tab)
    read -r tx0 _ tx1 ty1 <<<"$rect"
    while :; do
        rect=$(item_rect "$1")
        read -r x0 y0 x1 y1 <<<"$rect"
        ((y1 > HEIGHT - 10)) || return 0
        [[ "$rect" != "$previous" ]] || return 0
        previous=$rect
        ((++tries <= 20)) || fail "could not scroll '$1' into view (at y $y0-$y1)"
        xdotool mousemove --sync $((X + (tx0 + tx1) / 2)) $((Y + ty1 + 60))
        sleep 0.2
        xdotool click 5
        sleep 0.3
    done
}

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^canvas $view " || fail "the window never reported where the $view view is"
# The first frames lay out before fonts and sizes settle.
wait_for report_settled || fail "the body map never settled on screen"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH and HEIGHT

# 1. N: a new self check-in.
press n
wait_for sql_is 1 "SELECT count(*) FROM session WHERE kind = 'self_checkin'" ||
    fail "N did not start a self check-in"
wait_for report_settled || fail "the window never settled after N"

# 2. A knot: click the region's label point, then 6 for the pain.
read -r click_x click_y < <(awk -v view="$view" -v lx="$label_x" -v ly="$label_y" \
    -v wx="$X" -v wy="$Y" '$1 == "canvas" && $2 == view {
        printf "%d %d\n", wx + $3 + lx * ($5 - $3), wy + $4 + ly * ($6 - $4); exit }' "$report")
click_at "$click_x" "$click_y"
wait_for report_has "^editor open" || fail "clicking the body did not open the knot editor"
press 6
wait_for sql_is 6 "SELECT group_concat(pain) FROM observation" ||
    fail "the key 6 did not set the knot's pain to 6: $(sql 'SELECT pain FROM observation')"

# 3. A note: click into the field, type, then click beside the field (the
# line of its "Notes" heading, right of the text) so the field lets go and
# saves it.
# The editor's column scrolls when the notes are below the fold.
notes=$(item_rect knot-notes)
read -r nx0 ny0 nx1 ny1 <<<"$notes"
tries=0
while ((ny1 > HEIGHT - 10 && ++tries <= 15)); do
    xdotool mousemove --sync $((X + (nx0 + nx1) / 2)) $((Y + HEIGHT / 2))
    sleep 0.2
    xdotool click 5
    sleep 0.3
    wait_for report_settled || fail "the editor never settled while scrolling"
    read -r nx0 ny0 nx1 ny1 <<<"$(item_rect knot-notes)"
done
((ny1 <= HEIGHT - 10)) || fail "could not scroll the notes field into view (y $ny0-$ny1)"
click_at $((X + (nx0 + nx1) / 2)) $((Y + (ny0 + ny1) / 2))
xdotool type --delay 50 "$note"
sleep 0.3
click_at $((X + nx1 - 10)) $((Y + ny0 - 8))
wait_for sql_is "$note" "SELECT notes FROM observation" ||
    fail "the note was not saved: '$(sql 'SELECT notes FROM observation')'"

# 4. Esc closes the editor; the session's tabs come back beside the map.
press Escape
wait_for report_has "^editor closed" || fail "Esc did not close the knot editor"

# 5. A treatment of that knot: Treatments tab, + Add treatment, the kind, the
# pain after (the knot, its only one, is ticked with its pain as "before").
click_item treatments-tab
scroll_into_view add-treatment
click_item add-treatment
wait_for report_has "^item treatment-knot " || fail "the treatment form did not open"
scroll_into_view treatment-kind
click_item treatment-kind
click_item "treatment-kind-$kind"
wait_for bash -c "! grep -q '^item treatment-kind-' '$report'" ||
    fail "the kind list did not close after choosing $kind"
scroll_into_view treatment-pain-after
click_item treatment-pain-after
click_item treatment-pain-after-3
wait_for bash -c "! grep -q '^item treatment-pain-after-' '$report'" ||
    fail "the pain list did not close after choosing 3"
scroll_into_view treatment-confirm
click_item treatment-confirm
wait_for sql_is 1 "SELECT count(*) FROM treatment" || fail "Add treatment saved no treatment"

# 6. Quit.
press ctrl+q
status=0
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || status=$?
if [[ $status -ne 0 ]]; then
    cat "$WORK/gui.out" "$WORK/gui.err" >&2
    fail "the window exited with $status, expected 0"
fi

# 7. The window opens again on the same file, cleanly.
run --db "$db" --frames 30
if [[ $RC -ne 0 ]]; then
    echo "$OUT" >&2
    echo "$ERR" >&2
    fail "reopening the database exited with $RC"
fi

# 8. Everything is in the export.
run export --db "$db" --table sessions
assert_eq 0 "$RC" "knotmap export --table sessions exit code"
cp "$WORK/stdout" "$WORK/sessions.csv"
run export --db "$db" --table treatments
assert_eq 0 "$RC" "knotmap export --table treatments exit code"
cp "$WORK/stdout" "$WORK/treatments.csv"
run export --db "$db"
assert_eq 0 "$RC" "knotmap export exit code"
cp "$WORK/stdout" "$WORK/observations.csv"
python3 - "$WORK" "$region" "$kind" "$note" <<'PY' || fail "the export does not hold the check-in"
import csv, sys
work, region, kind, note = sys.argv[1:]
def table(name):
    return list(csv.DictReader(open(f"{work}/{name}.csv", newline="", encoding="utf-8")))
sessions, observations, treatments = table("sessions"), table("observations"), table("treatments")

assert len(sessions) == 1, f"expected one session, got {sessions}"
session = sessions[0]
assert session["client_name"] == "Me", session
assert session["session_kind"] == "self_checkin", session

assert len(observations) == 1, f"expected one observation, got {observations}"
obs = observations[0]
assert obs["session_id"] == session["session_id"], (obs, session)
assert obs["region_code"] == region, obs
assert obs["pain"] == "6", obs
assert obs["notes"] == note, obs
assert obs["treatments"] == kind, obs

assert len(treatments) == 1, f"expected one treatment, got {treatments}"
treatment = treatments[0]
assert treatment["session_id"] == session["session_id"], (treatment, session)
assert treatment["knot_id"] == obs["knot_id"], (treatment, obs)
assert treatment["kind"] == kind, treatment
assert treatment["pain_before"] == "6", treatment
assert treatment["pain_after"] == "3", treatment
PY
pass "N, a click, 6, a note and a $kind treatment (6 -> 3) survived a restart"
