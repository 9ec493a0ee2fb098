#!/usr/bin/env bash
# A client is more than a name: "+ New client" opens a form with name, birth
# year and notes. Create Zofia Wrobel, born 1984, with a two-line note, and
# find the row with sqlite3; the row's Edit details... changes the year to
# 1985; then type a year in the future: the form says why beneath the field
# and nothing is saved. The header shows the year and the note. A new client
# named "lukasz DVORAK" is refused beside the name, as Łukasz Dvořák exists;
# the client search finds "Łukasz Dvořák" typed in lower case without accents,
# also when Ctrl+A and the letters come in one burst, faster than frames.
# (xdotool under Xvfb cannot type letters outside the keyboard map, so the
# typed text is ASCII; names in other scripts are matched in the unit tests.)
# Usage: test_gui_client_details.sh /path/to/knotmap
# KNOTMAP_SHOTS=DIR keeps screenshots of the form and the search.
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
export KNOTMAP_CONFIG_DIR="$WORK/config"

db="$WORK/clients.db"
report="$WORK/report.txt"
run demo --db "$db" --clients 2 --days 5
assert_eq 0 "$RC" "demo exit code"
sqlite3 "$db" "UPDATE client SET name = 'Ελένη Παπαδοπούλου' WHERE id = 2;
               UPDATE client SET name = 'Łukasz Dvořák' WHERE id = 1"

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
wait_for report_has "^canvas " || fail "the window never drew the body map"
wait_for report_settled || fail "the window never settled"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X and Y

shot() { if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/$1.png"; fi; }
# The rest of a "value NAME ..." line of the report, empty if none.
report_value() { awk -v name="$1" '$1 == "value" && $2 == name { sub(/^value [^ ]+ /, ""); print; exit }' "$report"; }
report_value_is() { [[ "$(report_value "$1")" == "$2" ]]; }
row() { sqlite3 "$db" "SELECT name || '|' || ifnull(birth_year, '') || '|' || notes FROM client WHERE name = 'Zofia Wrobel'"; }
type_text() { xdotool type --delay 60 "$1"; sleep 0.3; }
clear_field() { press ctrl+a; press BackSpace; }

# --- create with name, birth year and notes ---------------------------------
click_item new-client
wait_for report_has "^item client-name " || fail "+ New client opened no form"
type_text "Zofia Wrobel" # the name field has the cursor
click_item client-birth-year
type_text "1984"
click_item client-notes
type_text "Desk job, left-handed."
press Return
type_text "Right shoulder flares after long drives."
shot client-form-new
click_item client-save
wait_for bash -c "[[ -n \"\$(sqlite3 '$db' \"SELECT id FROM client WHERE name = 'Zofia Wrobel'\")\" ]]" ||
    fail "Add client saved no client"
assert_eq "Zofia Wrobel|1984|Desk job, left-handed.
Right shoulder flares after long drives." "$(row)" "the saved client row"
id=$(sqlite3 "$db" "SELECT id FROM client WHERE name = 'Zofia Wrobel'")
[[ "$(stat -c '%a' "$db")" == 600 ]] || fail "the database file is not 0600"
wait_for report_value_is client-born 1984 || fail "the header does not show the birth year"
wait_for report_value_is client-notes-shown "Desk job, left-handed./Right shoulder flares after long drives." ||
    fail "the header does not show the notes (got '$(report_value client-notes-shown)')"
pass "a new client is saved with name, birth year and notes, and the header shows them"

# --- edit the birth year ---------------------------------------------------------
edit_client() {
    local x0 y0 x1 y1
    read -r x0 y0 x1 y1 <<<"$(item_rect "client-row-$id")"
    xdotool mousemove --sync $((X + (x0 + x1) / 2)) $((Y + (y0 + y1) / 2))
    sleep 0.3
    xdotool click 3 # the row's menu
    sleep 0.6
    click_item client-edit-details
    wait_for report_has "^item client-birth-year " || fail "Edit details... opened no form"
}
edit_client
click_item client-birth-year
clear_field
type_text "1985"
press Return
wait_for bash -c "[[ \"\$(sqlite3 '$db' \"SELECT birth_year FROM client WHERE id = $id\")\" == 1985 ]]" ||
    fail "the edited birth year was not saved"
assert_eq "Zofia Wrobel|1985|Desk job, left-handed.
Right shoulder flares after long drives." "$(row)" "the row after the edit"
wait_for report_value_is client-born 1985 || fail "the header kept the old birth year"
pass "the birth year is edited from the row's menu"

# --- a year in the future is refused, naming the field -------------------------
before=$(sqlite3 "$db" .dump | sha256sum)
edit_client
click_item client-birth-year
clear_field
next_year=$(($(date +%Y) + 1))
type_text "$next_year"
click_item client-save
wait_for report_value_is client-birth-year-error "Birth year: $next_year is in the future." ||
    fail "no message under the birth year (got '$(report_value client-birth-year-error)')"
wait_for report_settled || true
shot client-form-error
click_item client-birth-year
clear_field
type_text "84"
press Return
wait_for report_value_is client-birth-year-error \
    "Birth year: type the year with four digits, e.g. 1984, or leave it empty." ||
    fail "a two-digit year was not refused (got '$(report_value client-birth-year-error)')"
press Escape
wait_for bash -c "! grep -q '^item client-birth-year ' '$report'" || fail "Esc did not close the form"
assert_eq "$before" "$(sqlite3 "$db" .dump | sha256sum)" "the database after the refused years"
pass "an impossible birth year is explained beneath the field and nothing is saved"

# --- a name folding like another client's is refused beside the field ---------
before=$(sqlite3 "$db" .dump | sha256sum)
click_item new-client
wait_for report_has "^item client-name " || fail "+ New client opened no form"
type_text "lukasz DVORAK"
press Return
wait_for report_value_is client-name-error \
    "Name: “Łukasz Dvořák” is already a client (names must differ in more than case and accents)." ||
    fail "a name differing only in case and accents was not refused (got '$(report_value client-name-error)')"
shot client-form-clash
press Escape
assert_eq "$before" "$(sqlite3 "$db" .dump | sha256sum)" "the database after the refused name"
pass "a new client's name must differ in more than case and accents"

# --- search: lower case, without accents -------------------------------------------
search_for() {
    click_item client-search
    clear_field
    type_text "$1"
    wait_for report_value_is clients-shown "$2" ||
        fail "searching '$1' shows '$(report_value clients-shown)', expected '$2'"
}
search_for "lukasz dvor" "Łukasz Dvořák"
shot client-search
search_for "DVORAK" "Łukasz Dvořák"
search_for "wrob" "Zofia Wrobel"
pass "the client search ignores case and accents"

# --- keys faster than frames ----------------------------------------------------
# Ctrl+A and the letters after it in one burst, all waiting for one frame: the
# letters must not be taken while Ctrl still looks held (they were dropped).
click_item client-search
xdotool key --delay 0 ctrl+a d v o r
wait_for report_value_is clients-shown "Łukasz Dvořák" ||
    fail "Ctrl+A then 'dvor' typed in one burst shows '$(report_value clients-shown)'"
pass "letters typed right after Ctrl+A, before a frame, all arrive"

press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
