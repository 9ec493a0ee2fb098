#!/usr/bin/env bash
# Other pain apps' exports imported in the real window, as a person would
# (docs/import-other-apps.md): (1) Bearable's export dropped onto the
# window: the preview names the format, the rule for its ratings and how
# each body area was mapped, lists the unmapped one (Fatigue), and Import
# stays off until "Leave these 2 entries out" is ticked; then 9 ratings
# land on the right regions. (2) A CSV no format knows dropped: the
# mapping form shows its columns with the likely ones picked; the combos
# change a pick (and refuse one column for two roles); Check reads it with
# that mapping, and Import writes its 5 ratings. Checked with sqlite3.
# Usage: test_gui_import_other_apps.sh /path/to/knotmap (the drop tool is
# KNOTMAP_XDND_DROP, or the one built beside it)
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
drop_tool=${KNOTMAP_XDND_DROP:-$(dirname "$KNOTMAP")/../tests/tools/knotmap_xdnd_drop}
[[ -x "$drop_tool" ]] || fail "no drop tool: set KNOTMAP_XDND_DROP (tests/tools/xdnd_drop.c)"
umask 022
export TZ=Europe/Oslo # Bearable's parts of the day become these local times
export HOME="$WORK/home"
unset DBUS_SESSION_BUS_ADDRESS
export XDG_RUNTIME_DIR="$WORK/runtime"
mkdir -p "$XDG_RUNTIME_DIR" "$HOME" && chmod 700 "$XDG_RUNTIME_DIR"
report="$WORK/report.txt"
mkdir -p "$WORK/sheets"
cp "$(dirname "$0")/samples/bearable.csv" "$(dirname "$0")/samples/other-app.csv" "$WORK/sheets/"

# A database with one client, whose days (August 2026) are not the sheets'.
mine="$WORK/mine.db"
run demo --db "$mine" --clients 1 --days 5 --seed 9 --end 2026-08-31
assert_eq 0 "$RC" "demo for the person's database"
client=$(sql "$mine" "SELECT name FROM client")
# "region|pain|local start" of the client's ratings in a span of days.
ratings() { # FROM TO
    sql "$mine" "SELECT k.region_code || '|' || o.pain || '|' ||
                        datetime(s.started_utc + s.utc_offset_min * 60, 'unixepoch')
                   FROM observation o JOIN knot k ON k.id = o.knot_id
                   JOIN session s ON s.id = o.session_id
                  WHERE date(s.started_utc + s.utc_offset_min * 60, 'unixepoch') BETWEEN '$1' AND '$2'
                  ORDER BY s.started_utc, k.region_code"
}

mkdir -p "$KNOTMAP_CONFIG_DIR"
echo '{"window": {"x": 0, "y": 0, "width": 1280, "height": 800, "maximized": false}}' \
    >"$KNOTMAP_CONFIG_DIR/settings.json"
"$KNOTMAP" --db "$mine" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
trap 'kill "$app" 2>/dev/null || true; cleanup' EXIT
window=$(xdotool search --sync --onlyvisible --pid "$app" --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^canvas back " || fail "the window never drew the body map"
wait_for report_settled || fail "the window never settled"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X and Y

report_value() { awk -v key="$1" '$1 == key { sub(/^[^ ]+ /, ""); print; exit }' "$report"; }
# "value NAME VALUE" lines: what a widget holds.
widget_value() { awk -v name="$1" '$1 == "value" && $2 == name { print $3; exit }' "$report"; }
widget_is() { [[ "$(widget_value "$1")" == "$2" ]]; }
pick_of() { awk -v role="$1" '$1 == "import-map-pick" && $2 == role { print $3; exit }' "$report"; }
stage_is() { [[ "$(report_value import-stage)" == "$1" ]]; }
wait_for_stage() { # stage what
    WAIT_SECONDS=30 wait_for stage_is "$1" ||
        fail "$2: the import dialog is at '$(report_value import-stage)', not $1"
}
drop() { "$drop_tool" "$window" 640 400 "$@" || fail "the drop of $* did not complete"; }
shot() { if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/$1.png"; fi; }

# 1. Bearable: the areas shown, Fatigue unmapped, Import waits for the choice.
drop "$WORK/sheets/bearable.csv"
wait_for_stage preview "the dropped Bearable export"
assert_eq "Bearable export" "$(report_value import-format)" "the format recognised"
assert_eq "severity 0-4 (Mild 1, Moderate 2, Severe 3, Unbearable 4) to 0-10: 0, 3, 5, 8, 10" \
    "$(report_value import-rule)" "the rule for the ratings"
grep -qxF "import-area Back (lower) pain|back.erector_spinae_lumbar.left+back.erector_spinae_lumbar.right|2" "$report" ||
    fail "lower back is not shown on both sides: $(grep '^import-area' "$report")"
grep -qxF "import-area Left shoulder pain|front.deltoid.left|1" "$report" ||
    fail "the left shoulder is not shown on its side: $(grep '^import-area' "$report")"
assert_eq "Fatigue|2" "$(report_value import-unmapped)" "the unmapped area and its ratings"
assert_eq 0 "$(widget_value import-can-write)" "Import before the choice"
wait_for report_has "^item import-skip-unmapped " || fail "no checkbox to leave the ratings out"
before=$(db_fingerprint "$mine")
click_item import-start # disabled: nothing happens
stage_is preview || fail "the disabled Import started: $(report_value import-stage)"
assert_eq "$before" "$(db_fingerprint "$mine")" "the database after clicking the disabled Import"
pass "the Bearable preview shows the format, the rule and each area; Import waits for Fatigue's choice"

click_item import-skip-unmapped
wait_for widget_is import-can-write 1 || fail "ticking the box did not enable Import"
shot import-areas
new_knots=$(awk '$1 == "import-count" && $2 == "Knots" { print $3; exit }' "$report")
click_item import-start
wait_for_stage done "Import of the Bearable export"
assert_eq "Imported 9 ratings for $client: 4 new sessions, $new_knots new knots; 2 entries of unmapped body areas left out." \
    "$(report_value import-outcome)" "the outcome"
assert_eq "back.cervical_paraspinals.left|5|2022-01-03 09:00:00
back.cervical_paraspinals.right|5|2022-01-03 09:00:00
back.erector_spinae_lumbar.left|3|2022-01-03 09:00:00
back.erector_spinae_lumbar.right|3|2022-01-03 09:00:00
back.cervical_paraspinals.left|8|2022-01-03 19:00:00
back.cervical_paraspinals.right|8|2022-01-03 19:00:00
front.deltoid.left|10|2022-01-04 09:02:00
back.cervical_paraspinals.left|3|2022-01-05 05:00:00
back.cervical_paraspinals.right|3|2022-01-05 05:00:00" "$(ratings 2022-01-01 2022-12-31)" \
    "the Bearable ratings in the database"
click_item import-close
pass "with Fatigue left out, the 9 ratings landed on the regions the preview named"

# The same export dropped again (as a newer one repeats it): its ratings are
# already there with the same pain, so the import adds nothing.
before=$(db_fingerprint "$mine")
drop "$WORK/sheets/bearable.csv"
wait_for_stage preview "the Bearable export dropped again"
click_item import-skip-unmapped
wait_for widget_is import-can-write 1 || fail "ticking the box did not enable Import the second time"
shot import-nothing-new
click_item import-start
wait_for_stage done "Import of the Bearable export again"
assert_eq "Nothing new for $client: all 9 ratings are already in the database with the same pain; nothing was written." \
    "$(report_value import-outcome)" "the outcome of the same export again"
assert_eq "$before" "$(db_fingerprint "$mine")" "the database after the same export again"
click_item import-close
pass "the same Bearable export again added nothing, and said why"

# 2. A sheet no format knows: its columns mapped in the form.
drop "$WORK/sheets/other-app.csv"
wait_for_stage map-columns "the dropped sheet of unknown columns"
assert_eq 6 "$(report_value import-map-columns)" "the sheet's columns offered"
for pair in "date Day" "region Where" "pain Level" "time At" "notes Comment"; do
    read -r role column <<<"$pair"
    assert_eq "$column" "$(pick_of "$role")" "the column guessed for $role"
done
assert_eq 1 "$(widget_value import-map-can-check)" "Check with the guesses"
shot import-map
# Notes from Weather, then back to Comment; one column for two roles
# turns Check off.
click_item import-map-notes
click_item import-map-notes-5
wait_for bash -c "grep -qx 'import-map-pick notes Weather' '$report'" || fail "notes did not become Weather"
click_item import-map-notes
click_item import-map-notes-4
wait_for bash -c "grep -qx 'import-map-pick notes Comment' '$report'" || fail "notes did not become Comment"
click_item import-map-pain
click_item import-map-pain-1
wait_for widget_is import-map-can-check 0 || fail "Where for both the body area and pain left Check on"
click_item import-map-pain
click_item import-map-pain-2
wait_for widget_is import-map-can-check 1 || fail "Level for pain again did not turn Check on"
pass "the mapping form guessed Day, Where, Level, At and Comment; its combos change a pick"

click_item import-map-check
wait_for_stage preview "the sheet checked with its columns mapped"
assert_eq "Columns mapped by hand (date=Day,region=Where,pain=Level,time=At,notes=Comment)" \
    "$(report_value import-format)" "the format of the mapped sheet"
grep -qxF "import-area Left calf|back.gastrocnemius.left|1" "$report" ||
    fail "Left calf is not shown as the left calf: $(grep '^import-area' "$report")"
assert_eq 1 "$(widget_value import-can-write)" "Import of a sheet without unmapped areas"
click_item import-start
wait_for_stage done "Import of the mapped sheet"
assert_eq "back.erector_spinae_lumbar.left|6|2026-03-14 21:30:00
back.erector_spinae_lumbar.right|6|2026-03-14 21:30:00
back.gastrocnemius.left|4|2026-03-15 07:15:00
back.cervical_paraspinals.left|2|2026-03-15 12:00:00
back.cervical_paraspinals.right|2|2026-03-15 12:00:00" "$(ratings 2026-03-01 2026-03-31)" \
    "the mapped sheet's ratings"
assert_eq "after the run" "$(sql "$mine" "SELECT o.notes FROM observation o JOIN knot k ON k.id = o.knot_id
    WHERE k.region_code = 'back.gastrocnemius.left' AND o.pain = 4")" "the note from the Comment column"
assert_eq "$client" "$(sql "$mine" "SELECT DISTINCT c.name FROM session s JOIN client c ON c.id = s.client_id
    WHERE date(s.started_utc + s.utc_offset_min * 60, 'unixepoch') < '2026-08-01'")" "whose ratings they are"
click_item import-close
pass "checked through the mapping, the sheet's 5 ratings were imported for $client"

press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
status=0
wait "$app" || status=$?
assert_eq 0 "$status" "the window's exit code"
if grep -q '^knotmap:' "$WORK/gui.err"; then
    fail "the window reported errors: $(grep '^knotmap:' "$WORK/gui.err")"
fi
pass "Ctrl+Q closed the window cleanly"
