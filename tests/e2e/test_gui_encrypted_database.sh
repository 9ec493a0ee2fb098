#!/usr/bin/env bash
# The window on an encrypted database file, with no KNOTMAP_PASSPHRASE: it
# asks for the passphrase in a dialog naming the file before anything else.
# (1) A wrong passphrase typed and Return: the dialog stays, says "Wrong
# passphrase" under the emptied field, and the file is unchanged; the right
# one opens the database, and the window shows its two clients. (2) On a
# plain database, File > Open recent of the encrypted file asks the same
# over it: Escape keeps the plain one open, the right passphrase switches to
# the encrypted one. Neither passphrase is ever in the test report, on the
# window's output or in its settings.
# Usage: test_gui_encrypted_database.sh /path/to/knotmap
# KNOTMAP_SHOTS=DIR keeps a screenshot of the dialog (passphrase-dialog.png).
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
unset KNOTMAP_PASSPHRASE KNOTMAP_NEW_PASSPHRASE
report="$WORK/report.txt"
db="$WORK/encrypted.db"
plain="$WORK/plain.db"
right="amber-$RANDOM-lantern-$RANDOM-tide"
wrong="amber-$RANDOM-lantern-$RANDOM-ebb"
(umask 077 && printf '%s\n' "$right" >"$WORK/passphrase")
assert_eq 600 "$(file_mode "$WORK/passphrase")" "mode of the passphrase file"

run demo --db "$db" --clients 2 --days 10 --seed 4 --end 2026-06-30
assert_eq 0 "$RC" "demo exit code ($ERR)"
mapfile -t names < <(sqlite3 "$db" "SELECT name FROM client ORDER BY name")
assert_eq 2 "${#names[@]}" "clients the demo wrote"
run encrypt --db "$db" --passphrase-file "$WORK/passphrase"
assert_eq 0 "$RC" "encrypt exit code ($ERR)"
assert_eq KnotmapEncrypted "$(head -c 16 "$db")" "the encrypted file's first bytes"
run demo --db "$plain" --clients 1 --days 3 --seed 5 --end 2026-06-30
assert_eq 0 "$RC" "demo exit code for the plain database ($ERR)"

# The dark theme, the window filling the 1280x800 screen.
mkdir -p "$KNOTMAP_CONFIG_DIR"
echo '{"theme": "dark", "window": {"x": 0, "y": 0, "width": 1280, "height": 800, "maximized": false}}' \
    >"$KNOTMAP_CONFIG_DIR/settings.json"

shot() { if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/$1.png"; fi; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
# "value NAME VALUE" lines of the report: the value of NAME, or nothing.
probe_value() { awk -v name="$1" '$1 == "value" && $2 == name { sub(/^value [^ ]+ /, ""); print; exit }' "$report"; }
value_is() { [[ "$(probe_value "$1")" == "$2" ]]; }
asking() { report_has "^item database-passphrase "; }
# Types into the dialog's field (it has the keyboard), then Return.
answer() {
    xdotool type --delay 30 "$1"
    sleep 0.3
    press Return
}
# Neither passphrase anywhere the window writes.
no_passphrase_in() { # file...
    local file
    for file in "$@"; do
        [[ -f "$file" ]] || continue
        assert_eq 0 "$(grep -cF -- "$right" "$file" || true)" "lines of $file holding the passphrase"
        assert_eq 0 "$(grep -cF -- "$wrong" "$file" || true)" "lines of $file holding the wrong passphrase"
    done
}
# Starts the window on $1; sets app, and X and Y (the window's place on screen).
start_window() {
    rm -f "$report"
    env -u KNOTMAP_PASSPHRASE "$KNOTMAP" --db "$1" --test-report "$report" \
        >"$WORK/gui.out" 2>"$WORK/gui.err" &
    app=$!
    local window
    window=$(xdotool search --sync --onlyvisible --pid "$app" --name '^Knotmap$' | head -n 1)
    xdotool windowactivate --sync "$window" 2>/dev/null || true
    eval "$(xdotool getwindowgeometry --shell "$window")" # sets X and Y
}
quit_window() {
    press ctrl+q
    wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
    wait "$app" || fail "the window exited with an error"
}
trap 'kill "${app:-0}" 2>/dev/null || true; cleanup' EXIT

# --- 1. Asked for before the window opens the file --------------------------
start_window "$db"
wait_for asking || fail "the window did not ask for the passphrase"
wait_for report_settled || fail "the passphrase dialog never settled"
report_has "^prompt database-passphrase$" || fail "the report does not say the dialog is up"
assert_eq "$db" "$(probe_value database-passphrase-subject)" "the file the dialog names"
report_has "^item database-passphrase-open " || fail "the dialog has no Open button"
report_has "^item database-passphrase-quit " || fail "the dialog has no Quit button"
! report_has "^canvas " || fail "the body map was drawn before the passphrase was given"
before=$(sha "$db")

answer "$wrong"
WAIT_SECONDS=10 wait_for value_is database-passphrase-refusal "Wrong passphrase. Try again." ||
    fail "a wrong passphrase was not refused in the dialog ($(grep '^value database-' "$report" | tr '\n' ';'))"
wait_for report_settled || fail "the dialog never settled after the refusal"
assert_eq 0 "$(probe_value database-passphrase-typed)" "something typed left in the field after the refusal"
asking || fail "the dialog closed after a wrong passphrase"
assert_eq "$before" "$(sha "$db")" "the encrypted file after a wrong passphrase"
grep -q "wrong passphrase" "$WORK/gui.err" || fail "the refusal was not said on stderr"
shot passphrase-dialog
no_passphrase_in "$report" "$WORK/gui.out" "$WORK/gui.err"
pass "a wrong passphrase: the dialog stays, says so, the field is empty, the file unchanged"

answer "$right"
WAIT_SECONDS=30 wait_for report_has "^canvas " || fail "the right passphrase did not open the database"
wait_for report_settled || fail "the window never settled on the database"
! asking || fail "the dialog is still drawn over the open database"
assert_eq "database $db" "$(grep '^database ' "$report")" "the database the window shows"
shown=$(probe_value clients-shown)
assert_eq "${names[0]}|${names[1]}" "$shown" "the clients the window shows"
no_passphrase_in "$report" "$WORK/gui.out" "$WORK/gui.err"
shot passphrase-opened
quit_window
no_passphrase_in "$report" "$WORK/gui.out" "$WORK/gui.err" "$KNOTMAP_CONFIG_DIR/settings.json"
assert_eq KnotmapEncrypted "$(head -c 16 "$db")" "the file's first bytes after the window"
pass "the right passphrase opened it: ${shown//|/ and } shown; no passphrase in the report or output"

# --- 2. File > Open recent of the encrypted file, over a plain one ----------
start_window "$plain"
wait_for report_has "^canvas " || fail "the window never drew the plain database"
wait_for report_settled || fail "the window never settled"
assert_eq "database $plain" "$(grep '^database ' "$report")" "the database the window starts on"
open_recent_encrypted() {
    click_item menu-file
    click_item menu-open-recent
    click_item menu-recent-1
    wait_for asking || fail "Open recent of the encrypted file asked for no passphrase"
    wait_for report_settled || fail "the dialog over the plain database never settled"
}
open_recent_encrypted
report_has "^item database-passphrase-cancel " || fail "the dialog over a database has no Cancel"
shot passphrase-over-database
assert_eq "$db" "$(probe_value database-passphrase-subject)" "the file the dialog names"
press Escape
wait_for bash -c "! grep -q '^item database-passphrase ' '$report'" || fail "Escape did not close the dialog"
wait_for report_settled || fail "the window never settled after Escape"
assert_eq "database $plain" "$(grep '^database ' "$report")" "the database after Escape"
pass "Open recent of the encrypted file asks; Escape keeps the plain database open"

open_recent_encrypted
answer "$wrong"
WAIT_SECONDS=10 wait_for value_is database-passphrase-refusal "Wrong passphrase. Try again." ||
    fail "over the plain database a wrong passphrase was not refused"
answer "$right"
WAIT_SECONDS=30 wait_for bash -c "grep -q '^database $db$' '$report'" ||
    fail "the right passphrase did not switch to the encrypted database: $(grep '^database ' "$report")"
wait_for report_settled || fail "the window never settled on the encrypted database"
assert_eq "${names[0]}|${names[1]}" "$(probe_value clients-shown)" "the clients after switching"
no_passphrase_in "$report" "$WORK/gui.out" "$WORK/gui.err"
quit_window
no_passphrase_in "$report" "$WORK/gui.out" "$WORK/gui.err" "$KNOTMAP_CONFIG_DIR/settings.json"
pass "over a plain database: a wrong passphrase refused, the right one switched to the encrypted file"
