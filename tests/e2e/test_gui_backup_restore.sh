#!/usr/bin/env bash
# Backups and restore in the window, as a person does them:
#  1. File > Back up now… into the backups folder: a checked backup appears
#     there and the notice names it;
#  2. File > Back up now… into a file of one's choosing, encrypted: a
#     mismatched second passphrase is pointed out and blocks the button; the
#     sealed file holds no client name in plain text, and `knotmap restore`
#     with the passphrase gives back the same records;
#  3. another program adds a client; File > Restore… lists the backups with
#     date, size, clients and sessions; the window's own backup is chosen,
#     confirmed, and the window opens the restored database: the added
#     client is gone, and the database it replaced (with that client) is
#     kept in the backups folder;
#  4. File > Restore… of the encrypted file typed as "a backup kept
#     elsewhere": a wrong passphrase is refused and changes nothing, the
#     right one restores;
#  5. File > Export CSV, all tables, encrypted: one archive that `knotmap
#     decrypt` turns into the same CSV files `knotmap export --all` writes.
# Ctrl+Q then closes the window with exit 0; its only message on stderr is
# the refused passphrase.
# Usage: test_gui_backup_restore.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
umask 022
export HOME="$WORK/home"
mkdir -p "$HOME/Documents"
# The sealed backup and export take the passphrase typed in the window (and
# --passphrase-file), never one from the environment; on the encrypted run
# KNOTMAP_PASSPHRASE stays, as it is what unlocks the database itself.
on_encrypted_files || unset KNOTMAP_PASSPHRASE

db="$WORK/data/clinic.db"
report="$WORK/report.txt"
sealed="$WORK/usb/clinic offsite.db.sealed"
archive="$WORK/usb/export.kme"
phrase="Quiet harbour 7"
run demo --db "$db" --clients 2 --days 60 --seed 11
assert_eq 0 "$RC" "knotmap demo ($ERR)"
# A backup from this morning: the window's daily backup is then not due, so
# every backup in the folder is one this test asked for.
run backup --db "$db"
assert_eq 0 "$RC" "first backup ($ERR)"
cli_backup=$(ls "$WORK/data/backups")
clients=$(sqlite3 "$db" "SELECT count(*) FROM client")
sessions=$(sqlite3 "$db" "SELECT count(*) FROM session")
sleep 1 # the window's backup gets a name of its own second

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^frame-ms " || fail "the window never reported a frame"
wait_for report_settled || fail "the window never settled on screen"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH and HEIGHT

type_into() {
    click_item "$1"
    press ctrl+a
    press BackSpace
    xdotool type --delay 40 "$2"
    sleep 0.4
}
notice_is() { report_has "^notice $1\$"; }
dismiss_notice_title() { sed -n 's/^notice //p' "$report"; }
open_from_file_menu() {
    click_item menu-file
    click_item "$1"
}

# --- 1. into the backups folder ----------------------------------------------------
open_from_file_menu menu-backup
wait_for report_has "^item backup-start " || fail "File > Back up now… showed no dialog"
click_item backup-start
WAIT_SECONDS=60 wait_for notice_is "Backup saved" || fail "no notice after Back up"
window_backup=$(ls "$WORK/data/backups" | grep -v -x "$cli_backup" | grep '\.db$' || true)
[[ $(wc -l <<<"$window_backup") -eq 1 && -n "$window_backup" ]] ||
    fail "expected one new backup in the folder, found: $(ls -A "$WORK/data/backups")"
assert_eq ok "$(sqlite3 "$WORK/data/backups/$window_backup" "PRAGMA integrity_check")" \
    "the window's backup checks out"
assert_eq "$clients" "$(sqlite3 "$WORK/data/backups/$window_backup" "SELECT count(*) FROM client")" \
    "clients in the window's backup"
assert_eq 600 "$(file_mode "$WORK/data/backups/$window_backup")" "mode of the window's backup"
# On the encrypted run the backup of an encrypted database is encrypted as
# it is (a copy carries its header), never a plain copy of the records.
if on_encrypted_files; then
    assert_eq KnotmapEncrypted "$(head -c 16 "$WORK/data/backups/$window_backup")" \
        "the window's backup's first bytes"
fi
report_has "notice-text .*$window_backup" || fail "the notice does not name $window_backup"
pass "File > Back up now… took a checked backup into the backups folder ($window_backup)"

# --- 2. encrypted, into a file of one's choosing -----------------------------------
open_from_file_menu menu-backup
wait_for report_has "^item backup-into-file " || fail "the dialog offers no file"
click_item backup-into-file
type_into backup-path "$sealed"
click_item backup-encrypt
type_into backup-passphrase "$phrase"
type_into backup-passphrase-again "Quiet harbor 7"
wait_for report_has "^item backup-passphrase-mismatch " ||
    fail "two different passphrases were not pointed out"
click_item backup-start # disabled: nothing may happen
sleep 1
[[ ! -e "$sealed" ]] || fail "a backup was written with two different passphrases"
type_into backup-passphrase-again "$phrase"
wait_for bash -c "! grep -q '^item backup-passphrase-mismatch ' '$report'" ||
    fail "the mismatch message stayed once both matched"
click_item backup-start
WAIT_SECONDS=60 wait_for notice_is "Encrypted backup saved" || fail "no notice after the encrypted backup"
assert_eq KNOTSEAL "$(head -c 8 "$sealed")" "the file's magic"
assert_eq 600 "$(file_mode "$sealed")" "mode of the encrypted backup"
assert_eq 700 "$(file_mode "$WORK/usb")" "the folder the window made"
while read -r name; do
    ! grep -qF "$name" "$sealed" || fail "client name '$name' readable in the encrypted backup"
done < <(sqlite3 "$db" "SELECT name FROM client")
printf '%s\n' "$phrase" >"$WORK/phrase"
if on_encrypted_files; then
    # The seal's passphrase is the one typed; the encrypted database inside
    # opens with its own (KNOTMAP_PASSPHRASE here).
    run restore "$sealed" --db "$WORK/check/from-sealed.db" --backup-passphrase-file "$WORK/phrase"
else
    run restore "$sealed" --db "$WORK/check/from-sealed.db" --passphrase-file "$WORK/phrase"
fi
assert_eq 0 "$RC" "knotmap restore of the window's encrypted backup ($ERR)"
assert_eq "$sessions" "$(sqlite3 "$WORK/check/from-sealed.db" "SELECT count(*) FROM session")" \
    "sessions in the encrypted backup"
pass "File > Back up now… sealed a backup into a chosen file (passphrase typed twice, checked)"

# --- 3. another program adds a client; restore the window's backup ----------------
sqlite3 "$db" "PRAGMA busy_timeout = 5000;
    INSERT INTO client (name, created_utc) VALUES ('Added After Backup', 1764900000)"
open_from_file_menu menu-restore
# The two in the backups folder (the encrypted one went elsewhere), newest first.
wait_for report_has "^item restore-row-1 " || fail "File > Restore… did not list the two backups"
! report_has "^item restore-row-2 " || fail "File > Restore… lists more than the two backups"
click_item restore-row-0
click_item restore-next
wait_for report_has "^item restore-confirm " || fail "no confirmation before restoring"
click_item restore-confirm
WAIT_SECONDS=60 wait_for notice_is "Backup restored" || fail "no notice after the restore"
assert_eq 0 "$(sqlite3 "$db" "SELECT count(*) FROM client WHERE name = 'Added After Backup'")" \
    "the client added after the backup is gone"
assert_eq "$clients" "$(sqlite3 "$db" "SELECT count(*) FROM client")" "clients after the restore"
assert_eq ok "$(sqlite3 "$db" "PRAGMA integrity_check")" "the restored database checks out"
if on_encrypted_files; then
    assert_eq KnotmapEncrypted "$(head -c 16 "$db")" "the restored database's first bytes"
fi
kept=$(grep -o "notice-text .*" "$report" | grep -o "$WORK/data/backups/[^ ]*\.db" | tail -n 1)
[[ -n "$kept" && -f "$kept" ]] || fail "the notice names no kept database"
assert_eq 1 "$(sqlite3 "$kept" "SELECT count(*) FROM client WHERE name = 'Added After Backup'")" \
    "the replaced database, kept as $kept, has the added client"
pass "File > Restore… put the window's backup back and reopened it; the replaced one is kept"

# --- 4. an encrypted backup kept elsewhere: wrong, then right passphrase ---------
# A client the sealed backup does not have tells which database is in place.
sqlite3 "$db" "PRAGMA busy_timeout = 5000;
    INSERT INTO client (name, created_utc) VALUES ('Marker Before Sealed Restore', 1764900000)"
marker() { sqlite3 "$1" "SELECT count(*) FROM client WHERE name = 'Marker Before Sealed Restore'"; }
open_from_file_menu menu-restore
type_into restore-other "$sealed"
click_item restore-next
wait_for report_has "^item restore-passphrase " || fail "no passphrase asked for an encrypted backup"
type_into restore-passphrase "not the phrase"
click_item restore-confirm
WAIT_SECONDS=60 wait_for notice_is "Couldn't restore the backup" || fail "a wrong passphrase was not refused"
report_has "notice-text .*passphrase" || fail "the refusal does not mention the passphrase"
assert_eq 1 "$(marker "$db")" "the marker client after a refused restore"
open_from_file_menu menu-restore
type_into restore-other "$sealed"
click_item restore-next
type_into restore-passphrase "$phrase"
click_item restore-confirm
WAIT_SECONDS=60 wait_for notice_is "Backup restored" || fail "the right passphrase did not restore"
assert_eq 0 "$(marker "$db")" "the marker client after restoring the sealed backup"
assert_eq "$sessions" "$(sqlite3 "$db" "SELECT count(*) FROM session")" "sessions after the restore"
kept=$(grep -o "notice-text .*" "$report" | grep -o "$WORK/data/backups/[^ ]*\.db" | tail -n 1)
[[ -n "$kept" && -f "$kept" ]] || fail "the notice names no kept database"
assert_eq 1 "$(marker "$kept")" "the marker client in the replaced database, kept as $kept"
pass "an encrypted backup elsewhere: a wrong passphrase changes nothing, the right one restores"

# --- 5. an encrypted export of every table ----------------------------------------
press ctrl+e
wait_for report_has "^item export-path " || fail "Ctrl+E did not open the export dialog"
click_item export-everyone
click_item export-all-tables
click_item export-encrypt
type_into export-path "$archive"
type_into export-passphrase "$phrase"
type_into export-passphrase-again "$phrase"
click_item export-start
WAIT_SECONDS=60 wait_for test -s "$archive" || fail "the dialog wrote no archive at $archive"
WAIT_SECONDS=30 wait_for notice_is "Export complete" || fail "no notice after the encrypted export"
assert_eq KNOTSEAL "$(head -c 8 "$archive")" "the archive's magic"
run decrypt "$archive" -o "$WORK/check/decrypted" --passphrase-file "$WORK/phrase"
assert_eq 0 "$RC" "knotmap decrypt of the window's archive ($ERR)"
run export --db "$db" --all "$WORK/check/plain"
assert_eq 0 "$RC" "knotmap export --all ($ERR)"
diff -r "$WORK/check/plain" "$WORK/check/decrypted" >/dev/null ||
    fail "the window's encrypted export differs from knotmap export --all"
pass "Export CSV, encrypted: one archive that decrypts to what knotmap export --all writes"

press ctrl+q
status=0
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || status=$?
[[ $status -eq 0 ]] || fail "the window exited with $status, expected 0"
others=$(grep '^knotmap:' "$WORK/gui.err" | grep -v 'passphrase' || true)
[[ -z "$others" ]] || fail "the window reported errors on stderr: $others"
pass "Ctrl+Q closed the window cleanly"
