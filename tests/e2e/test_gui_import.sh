#!/usr/bin/env bash
# Files like a desktop app, tried as a person would in the real window:
# (1) an export's folder dropped onto the window (a real XDND drop, as a
# file manager makes it) opens Import CSV on it and previews what it would
# add, writing nothing; Import writes it all, after a checked backup;
# (2) File > Import CSV… (Ctrl+I) on a file with a bad pain lists the
# problem with its file, line and column and writes nothing; (3) a
# database file dropped onto the window asks, then opens; File > Open
# recent goes back; File > New database… makes a new, empty database (0600)
# and opens it; (4) Escape while a large import writes rolls it all back,
# and the same import then runs to the end.
# Usage: test_gui_import.sh /path/to/knotmap (CTest gives the drop tool as
# KNOTMAP_XDND_DROP)
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
[[ -x "${KNOTMAP_XDND_DROP:-}" ]] || fail "KNOTMAP_XDND_DROP does not name the drop tool"
umask 022
export HOME="$WORK/home"
unset DBUS_SESSION_BUS_ADDRESS # the built-in chooser, whatever the machine has
export XDG_RUNTIME_DIR="$WORK/runtime"
mkdir -p "$XDG_RUNTIME_DIR" "$HOME/Documents" && chmod 700 "$XDG_RUNTIME_DIR"
report="$WORK/report.txt"

# What is imported: two clients' export, in a folder whose name has a space.
source_db="$WORK/source.db"
exported="$WORK/exports/clinic export"
run demo --db "$source_db" --clients 2 --days 20 --seed 5 --end 2026-08-31
assert_eq 0 "$RC" "demo for the source database"
"$KNOTMAP" export --db "$source_db" --all "$exported" >/dev/null 2>&1
# A FHIR Bundle of one more client, under a name no demo gives.
fhir_db="$WORK/fhir-source.db"
run demo --db "$fhir_db" --clients 1 --days 10 --seed 13 --end 2026-08-31
sqlite3 "$fhir_db" "UPDATE client SET name = 'Referred Client'"
"$KNOTMAP" export --db "$fhir_db" --format fhir -o "$WORK/referral.json" >/dev/null 2>&1
# A bad pain (11) on line 3 of an observations file.
mkdir -p "$WORK/bad"
pain_column=$(head -n 1 "$exported/observations.csv" | tr ',' '\n' | grep -nx pain | cut -d: -f1)
awk -F, -v OFS=, -v col="$pain_column" 'NR == 3 { $col = 11 } { print }' \
    "$exported/observations.csv" >"$WORK/bad/observations.csv"
# A large export (40 clients, a year each) that takes seconds to write.
large_db="$WORK/large.db"
large_export="$WORK/exports/large"
run demo --db "$large_db" --clients 40 --days 365 --seed 21 --end 2026-08-31
assert_eq 0 "$RC" "demo for the large database"
"$KNOTMAP" export --db "$large_db" --all "$large_export" >/dev/null 2>&1
# The person's own database, with a client already, and another one.
mine="$WORK/mine.db"
other="$WORK/other.db"
run demo --db "$mine" --clients 1 --days 5 --seed 9 --end 2026-08-31
assert_eq 0 "$RC" "demo for the person's database"
run demo --db "$other" --clients 1 --days 3 --seed 11 --end 2026-08-31
assert_eq 0 "$RC" "demo for the other database"

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
stage_is() { [[ "$(report_value import-stage)" == "$1" ]]; }
# Waits for the import dialog to reach a stage, for as long as its bar keeps
# moving: under the sanitizers on an encrypted file the large import takes
# minutes, and a fixed limit failed it while it worked. Sixty seconds with
# no change of stage or progress is a stall (times KNOTMAP_TEST_WAIT_SCALE).
wait_for_stage() { # stage what
    local seen="" now stall=$((60 * ${KNOTMAP_TEST_WAIT_SCALE:-1}))
    local deadline=$((SECONDS + stall))
    until stage_is "$1"; do
        now="$(report_value import-stage) $(report_value import-progress)"
        if [[ "$now" != "$seen" ]]; then
            seen=$now
            deadline=$((SECONDS + stall))
        fi
        ((SECONDS < deadline)) ||
            fail "$2: the import dialog is at '$(report_value import-stage)' (stalled for $stall s), not $1 ($(report_value import-error))"
        sleep 0.2
    done
}
count_shown() { awk -v what="$1" '$1 == "import-count" && $2 == what { print $3; exit }' "$report"; }
drop() { # file... onto the middle of the window
    "$KNOTMAP_XDND_DROP" "$window" 640 400 "$@" || fail "the drop of $* did not complete"
}
type_into() {
    click_item "$1"
    press ctrl+a
    xdotool type --delay 30 "$2"
    sleep 0.3
}
shot() { if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/$1.png"; fi; }

# 1. The export's folder dropped: a preview, then the import.
before=$(db_fingerprint "$mine")
clients_before=$(rows "$mine" client)
observations_before=$(rows "$mine" observation)
drop "$exported"
wait_for_stage preview "the dropped folder"
assert_eq "Knotmap export folder (all five tables)" "$(report_value import-format)" "the format recognised"
for pair in "Clients client" "Sessions session" "Knots knot" "Observations observation" \
    "Treatments treatment"; do
    read -r shown table <<<"$pair"
    assert_eq "$(rows "$source_db" "$table")" "$(count_shown "$shown")" "$shown in the preview"
done
assert_eq "$before" "$(db_fingerprint "$mine")" "the database after the preview"
shot import-preview
pass "the dropped folder was checked: the preview counts what the source holds, nothing written"

click_item import-start
wait_for_stage done "Import"
assert_eq $((clients_before + 2)) "$(rows "$mine" client)" "clients after the import"
assert_eq $((observations_before + $(rows "$source_db" observation))) "$(rows "$mine" observation)" \
    "observations after the import"
# The banner names the backup taken first (not the window's daily one,
# which may be in the same folder already).
backup=$(sed -n 's/^notice-text .*backed up first, to \(.*\)$/\1/p' "$report")
[[ -n "$backup" && -s "$backup" ]] || fail "no backup named on the banner, or it is not there: '$backup'"
assert_eq "$clients_before" "$(rows "$backup" client)" "clients in the backup taken before the import"
[[ "$(report_value import-outcome)" == "Imported 2 clients, "* ]] ||
    fail "the outcome says '$(report_value import-outcome)'"
click_item import-close
wait_for bash -c "! grep -q '^item import-dialog ' '$report'" || fail "Close left the dialog open"
pass "Import wrote the two clients and their $(rows "$source_db" observation) observations, after a backup"

# 1b. A simple sheet dropped: the client on screen's ratings at first; the
# Whose list picks another one, checked again before Import.
printf 'date,region,pain,notes\n2026-09-01,back.upper_trapezius.left,6,after gardening\n2026-09-02,back.upper_trapezius.left,4,\n' \
    >"$WORK/sheet.csv"
drop "$WORK/sheet.csv"
wait_for_stage preview "the dropped sheet"
assert_eq "Simple format (date, region, pain, notes)" "$(report_value import-format)" "the sheet's format"
first_whose=$(report_value import-whose)
[[ -n "$first_whose" ]] || fail "the sheet's ratings are nobody's at first"
click_item import-whose
click_item import-whose-1
wait_for bash -c "[[ \"\$(awk '\$1 == \"import-whose\" { sub(/^[^ ]+ /, \"\"); print; exit }' '$report')\" != '$first_whose' ]]" ||
    fail "choosing the second client in Whose changed nothing"
wait_for_stage preview "the sheet checked for another client"
whose=$(report_value import-whose)
ratings_before=$(sql "$mine" "SELECT count(*) FROM observation o JOIN knot k ON k.id = o.knot_id
    JOIN client c ON c.id = k.client_id WHERE c.name = '$whose'")
click_item import-start
wait_for_stage done "Import of the sheet"
assert_eq $((ratings_before + 2)) "$(sql "$mine" "SELECT count(*) FROM observation o
    JOIN knot k ON k.id = o.knot_id JOIN client c ON c.id = k.client_id WHERE c.name = '$whose'")" \
    "$whose's ratings after importing the sheet"
click_item import-close
pass "a dropped sheet went to $whose, picked in Whose instead of $first_whose"

# 1c. A FHIR Bundle dropped: recognised as such in the preview, imported.
sessions_before=$(rows "$mine" session)
drop "$WORK/referral.json"
wait_for_stage preview "the dropped FHIR Bundle"
assert_eq "FHIR R4 Bundle (Knotmap's FHIR export)" "$(report_value import-format)" "the Bundle's format"
assert_eq "$(rows "$fhir_db" observation)" "$(count_shown Observations)" "observations in the Bundle's preview"
click_item import-start
wait_for_stage done "Import of the Bundle"
assert_eq 1 "$(sql "$mine" "SELECT count(*) FROM client WHERE name = 'Referred Client'")" "the Bundle's client"
assert_eq $((sessions_before + $(rows "$fhir_db" session))) "$(rows "$mine" session)" "sessions after the Bundle"
click_item import-close
pass "a dropped FHIR Bundle was recognised in the preview and imported"

# 2. A file with a bad pain, through the menu's shortcut: the problem listed.
before=$(db_fingerprint "$mine")
press ctrl+i
wait_for report_has "^item import-path " || fail "Ctrl+I did not open Import CSV"
type_into import-path "$WORK/bad/observations.csv"
click_item import-check
wait_for_stage problems "the bad file"
grep -q "^import-problem observations.csv 3 $pain_column$" "$report" ||
    fail "the problems listed are not observations.csv, line 3, column $pain_column: $(grep '^import-problem' "$report")"
assert_eq "$before" "$(db_fingerprint "$mine")" "the database after the refused check"
shot import-problems
click_item import-close
pass "the bad pain was listed as observations.csv, line 3, column $pain_column; nothing written"

# 3. A database dropped, Open recent, New database.
drop "$other"
wait_for report_has "^item drop-open " || fail "dropping other.db asked nothing"
shot drop-database
click_item drop-open
wait_for bash -c "grep -q '^database .*/other.db$' '$report'" ||
    fail "the window did not switch to other.db: $(grep '^database ' "$report")"
python3 -c '
import json, sys
recent = json.load(open(sys.argv[1]))["recent_databases"]
assert recent[:2] == [sys.argv[2], sys.argv[3]], recent
' "$KNOTMAP_CONFIG_DIR/settings.json" "$(realpath "$other")" "$(realpath "$mine")" ||
    fail "settings.json does not list other.db, then mine.db, as recent"
pass "a dropped database was opened after asking, and listed first in the recent databases"

click_item menu-file
click_item menu-open-recent
click_item menu-recent-1
wait_for bash -c "grep -q '^database .*/mine.db$' '$report'" ||
    fail "Open recent did not go back to mine.db: $(grep '^database ' "$report")"
pass "File > Open recent went back to mine.db"

click_item menu-file
click_item menu-new-database
wait_for report_has "^item chooser-name " || fail "New database… opened no chooser"
type_into chooser-name "$HOME/Documents/fresh"
press Return
wait_for bash -c "grep -q '^database .*/fresh.db$' '$report'" ||
    fail "New database… did not open fresh.db: $(grep '^database ' "$report")"
assert_eq 600 "$(file_mode "$HOME/Documents/fresh.db")" "mode of the new database"
# With KNOTMAP_PASSPHRASE (the encrypted run) a database the window creates
# is encrypted with it, as the one it starts on (docs/encryption.md).
if on_encrypted_files; then
    assert_eq KnotmapEncrypted "$(head -c 16 "$HOME/Documents/fresh.db")" \
        "the new database's first bytes"
fi
assert_eq 0 "$(rows "$HOME/Documents/fresh.db" client)" "clients in the new database"
pass "File > New database… made fresh.db (0600, empty) and opened it"

# 4. A large import into the new database, cancelled while it writes (past
# half of the bar: the check's reading is done): rolled back, nothing of
# it stays. Then checked and imported again, to the end.
fresh="$HOME/Documents/fresh.db"
press ctrl+i
type_into import-path "$large_export"
click_item import-check
wait_for_stage preview "the large export"
assert_eq 40 "$(count_shown Clients)" "clients in the large export's preview"
click_item import-start
past_half() { (($(report_value import-progress || echo 0) > 55)); }
WAIT_SECONDS=60 wait_for past_half ||
    fail "the import never got past half ($(report_value import-stage) $(report_value import-progress)%)"
shot import-progress
press Escape
wait_for_stage done "Escape while importing"
assert_eq "Import cancelled: nothing was written." "$(report_value import-outcome)" "the outcome"
assert_eq 0 "$(rows "$fresh" client)" "clients in fresh.db after the cancelled import"
assert_eq 0 "$(rows "$fresh" observation)" "observations in fresh.db after the cancelled import"
pass "Escape past half way through a $(rows "$large_db" observation)-observation import left fresh.db empty"
click_item import-close
press ctrl+i
click_item import-check
wait_for_stage preview "the large export, checked again"
click_item import-start
wait_for_stage done "the large import"
assert_eq 40 "$(rows "$fresh" client)" "clients in fresh.db after the import"
assert_eq "$(rows "$large_db" observation)" "$(rows "$fresh" observation)" "observations in fresh.db"
click_item import-close
pass "checked and imported again, all 40 clients arrived"

press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
status=0
wait "$app" || status=$?
assert_eq 0 "$status" "the window's exit code"
if grep -q '^knotmap:' "$WORK/gui.err"; then
    fail "the window reported errors: $(grep '^knotmap:' "$WORK/gui.err")"
fi
pass "Ctrl+Q closed the window cleanly"
