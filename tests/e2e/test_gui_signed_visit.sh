#!/usr/bin/env bash
# A signed visit, tried as a therapist would in the window: the knot rated in
# it opens read-only (a digit key changes nothing, Delete deletes nothing),
# "Amend rating…" saves a correction with the original, the author and the
# reason, and Ctrl+Z does not reach into it. The file is checked after each.
# Usage: test_gui_signed_visit.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

db="$WORK/signed.db"
report="$WORK/report.txt"
run demo --db "$db" --clients 1 --days 5 --seed 3
assert_eq 0 "$RC" "demo exit code ($ERR)"

# A therapy visit a minute ago (today's latest session) rating the client's
# first knot, with a treatment, then signed.
offset=$(date +%z | awk '{ s = substr($0, 1, 1) == "-" ? -1 : 1;
    print s * (substr($0, 2, 2) * 60 + substr($0, 4, 2)) }')
now=$(date +%s)
knot=$(sqlite3 "$db" "SELECT min(id) FROM knot")
sqlite3 "$db" "PRAGMA foreign_keys = ON;
    INSERT INTO session (client_id, started_utc, utc_offset_min, kind, therapist)
        SELECT client_id, $now - 60, $offset, 'therapy_visit', 'Dana Lee' FROM knot WHERE id = $knot;
    INSERT INTO observation (session_id, knot_id, pain, kind, notes)
        VALUES ((SELECT max(id) FROM session), $knot, 7, 'tension', '');
    INSERT INTO treatment (session_id, knot_id, kind_id, minutes)
        SELECT (SELECT max(id) FROM session), $knot, id, 10 FROM treatment_kind WHERE code = 'heat';
    UPDATE session SET signed_by = 'Dana Lee', signed_utc = $now - 30 WHERE id = (SELECT max(id) FROM session);"
visit=$(sqlite3 "$db" "SELECT max(id) FROM session")
knots_before=$(rows "$db" knot)
read -r view kx ky < <(sqlite3 -separator ' ' "$db" "SELECT view, x, y FROM knot WHERE id = $knot")

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
trap 'kill "$app" 2>/dev/null || true; cleanup' EXIT
window=$(xdotool search --sync --onlyvisible --pid "$app" --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^canvas $view " || fail "the window never reported the $view view"
wait_for report_settled || fail "the window never settled"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X and Y

read -r click_x click_y < <(awk -v view="$view" -v kx="$kx" -v ky="$ky" -v wx="$X" -v wy="$Y" \
    '$1 == "canvas" && $2 == view { printf "%d %d\n", wx + $3 + kx * ($5 - $3), wy + $4 + ky * ($6 - $4) }' \
    "$report")
click_at "$click_x" "$click_y"
wait_for report_has "^item rating-amend " ||
    fail "clicking the knot did not open its signed rating read-only (no Amend rating button)"
if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/signed-rating.png"; fi

# Keys that edit an unsigned rating change nothing here.
press 3
press Delete
sleep 0.5
assert_eq 7 "$(sqlite3 "$db" "SELECT pain FROM observation WHERE session_id = $visit")" \
    "the signed rating's pain after pressing 3"
assert_eq "$knots_before" "$(rows "$db" knot)" "knots after pressing Delete on a signed rating"

click_item rating-amend
click_item rating-amend-notes
xdotool type --delay 30 "Taut band near the scapula"
# On a short window the dialog's fields scroll above Save and Cancel: wheel
# them (pointer inside the field list, above Save) until the reason is above it.
read -r _ save_top _ _ <<<"$(item_rect rating-amend-save)"
for _ in $(seq 15); do
    read -r rx0 ry0 rx1 ry1 <<<"$(item_rect rating-amend-reason)"
    ((ry1 <= save_top - 4)) && break
    xdotool mousemove --sync $((X + rx0 + 8)) $((Y + save_top - 30))
    sleep 0.2
    xdotool click 5
    sleep 0.3
done
((ry1 <= save_top - 4)) || fail "could not scroll the reason field above Save (y $ry0-$ry1, Save at $save_top)"
click_item rating-amend-reason
xdotool type --delay 30 "Left out when signing"
if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/amend-rating.png"; fi
click_item rating-amend-save
wait_for bash -c "[[ \$(sqlite3 '$db' 'SELECT count(*) FROM observation_amendment') == 1 ]]" ||
    fail "Save amendment wrote no amendment"
amendment=$(sqlite3 -separator '|' "$db" "SELECT field, original_value, new_value, author, reason,
    abs(amended_utc - strftime('%s', 'now')) < 120 FROM observation_amendment")
assert_eq "notes||Taut band near the scapula|Dana Lee|Left out when signing|1" "$amendment" \
    "the amendment: field, original, new, author, reason, time"
assert_eq "Taut band near the scapula" \
    "$(sqlite3 "$db" "SELECT notes FROM observation WHERE session_id = $visit")" "the rating's notes"

# Undo never reaches into the signed visit.
press ctrl+z
press ctrl+z
sleep 0.5
assert_eq 1 "$(sqlite3 "$db" 'SELECT count(*) FROM observation_amendment')" "amendments after Ctrl+Z"
assert_eq "Taut band near the scapula" \
    "$(sqlite3 "$db" "SELECT notes FROM observation WHERE session_id = $visit")" "notes after Ctrl+Z"
wait_for report_has "^item rating-amend " || fail "the rating is no longer shown read-only"

press Escape
press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || fail "the window exited with an error"
assert_eq 7 "$(sqlite3 "$db" "SELECT pain FROM observation WHERE session_id = $visit")" "pain at the end"
pass "a signed rating opened read-only, keys changed nothing, the amendment kept original, author and reason, Ctrl+Z left it"
