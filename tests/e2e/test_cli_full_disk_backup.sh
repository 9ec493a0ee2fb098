#!/usr/bin/env bash
# Full disks and backups: `backup` into the backups folder beside a database
# on a nearly full small tmpfs, `backup -o` (plain and --encrypt) onto it,
# `restore` into a new file there and over an existing database there (the
# restored copy or the backup of the replaced database runs out of space),
# `decrypt` of a backup and of an export archive onto it, and an import
# whose backup first cannot be written. Each must exit 1 with one message
# that names the file and says "No space left on device", leave the disk's
# listing (hidden files included, every folder) as it was, and leave an
# existing database with every row it had. Once space is freed the same
# commands succeed. Backups are what a person falls back on when a disk is
# in trouble, so failing cleanly here matters more than anywhere.
# Needs to mount a tmpfs: as root directly, else inside a user and mount
# namespace (unshare -Urm); when neither is allowed the test says why and
# is skipped.
# Usage: test_cli_full_disk_backup.sh /path/to/knotmap
set -euo pipefail

# backup and restore work on database files only; on the PostgreSQL run
# (tests/CMakeLists.txt) nothing here applies. Said before any mount is
# tried; exit 77 is CTest's "skipped".
if [[ ${KNOTMAP_TEST_BACKEND:-sqlite} == postgresql:* ]]; then
    echo "skip - on a server: backup and restore work on database files on a disk"
    exit 77
fi

source "$(dirname "$0")/small_disk.sh" "$@"

source "$(dirname "$0")/lib.sh" "$1"
# The passphrase the cases below seal with. On the encrypted run (lib.sh) it
# is also every database's here, and stays set throughout; otherwise it is
# set per command below, where a case wants it.
phrase=${KNOTMAP_PASSPHRASE:-tea and biscuits}
on_encrypted_files || unset KNOTMAP_PASSPHRASE
printf '%s\n' "$phrase" >"$WORK/pass"

# --- on the ordinary disk: a database and what is restored or decrypted -------
db="$WORK/clinic.db"
run demo --db "$db" --clients 3 --days 120 --seed 1
assert_eq 0 "$RC" "demo on the ordinary disk ($ERR)"
run backup --db "$db" -o "$WORK/plain.db"
assert_eq 0 "$RC" "a plain backup on the ordinary disk ($ERR)"
run backup --db "$db" -o "$WORK/sealed.db.sealed" --encrypt --passphrase-file "$WORK/pass"
assert_eq 0 "$RC" "an encrypted backup on the ordinary disk ($ERR)"
run export --db "$db" --all "$WORK/archive.kme" --encrypt --passphrase-file "$WORK/pass"
assert_eq 0 "$RC" "an encrypted export on the ordinary disk ($ERR)"
# Larger than the few KB left below, or no case here proves anything.
(($(stat -c %s "$WORK/plain.db") > 64 * 1024)) || fail "the backup is too small to fill anything"

disk="$WORK/disk"
mkdir "$disk"
# Room for every file the commands below write once the filler is gone
# (no remount: a user namespace may not remount).
mount -t tmpfs -o size=8m tmpfs "$disk"
trap 'umount "$disk" 2>/dev/null || umount -l "$disk" 2>/dev/null || true; cleanup' EXIT

# Databases that live on the small disk: one to back up (as large as the
# one above), one to restore over (smaller: see case 5b), one to import into.
mkdir "$disk/own" "$disk/over" "$disk/imports" "$disk/copies" "$disk/restored" "$disk/plain"
run demo --db "$disk/own/clinic.db" --clients 3 --days 120 --seed 1
assert_eq 0 "$RC" "demo on the small disk ($ERR)"
run demo --db "$disk/over/clinic.db" --clients 1 --days 20 --seed 5
assert_eq 0 "$RC" "the database to restore over ($ERR)"
printf 'date,region,pain,notes\n2026-03-01,back.upper_trapezius.left,6,Before\n' >"$WORK/simple.csv"
printf 'date,region,pain,notes\n2026-03-08,back.upper_trapezius.left,4,Later\n' >"$WORK/later.csv"
run import --db "$disk/imports/clinic.db" --client "Me" "$WORK/simple.csv"
assert_eq 0 "$RC" "a database with a record to import into ($ERR)"

# leave_free BYTES: fills the disk with one file, then gives BYTES back.
leave_free() {
    rm -f "$disk/filler"
    dd if=/dev/zero of="$disk/filler" bs=4096 2>/dev/null || true
    truncate -s "-$1" "$disk/filler"
}
# Every file and folder on the disk, hidden ones included. Left out: the
# -wal and -shm beside the database a backup reads. SQLite makes them for
# any reader of a database in WAL mode, and a read-only reader (a backup's)
# may not remove them; on a disk this full the -shm cannot even grow to its
# size. They are SQLite's, not a partial backup, and the -wal must be empty
# (checked): the database file alone then holds every record.
listing() {
    [[ ! -s "$disk/own/clinic.db-wal" ]] || fail "a -wal with content beside the database backed up"
    (cd "$disk" && find . | grep -vxE '\./own/clinic\.db-(wal|shm)' | sort)
}

# The records of a database on the small disk, read from a copy on the
# ordinary disk: the sqlite3 shell would need room for a -shm there. The
# copy is the whole database as no -wal is left beside it (the listing
# checks that).
contents() { # database
    cp "$1" "$WORK/check.db"
    local integrity
    integrity=$(sqlite3 "$WORK/check.db" "PRAGMA integrity_check")
    echo "integrity $integrity; clients $(rows "$WORK/check.db" client);" \
        "sessions $(rows "$WORK/check.db" session); observations $(rows "$WORK/check.db" observation);" \
        "dump $(db_fingerprint "$WORK/check.db")"
    rm "$WORK/check.db"
}
own_before=$(contents "$disk/own/clinic.db")
over_before=$(contents "$disk/over/clinic.db")
imports_before=$(contents "$disk/imports/clinic.db")
[[ $own_before == "integrity ok;"* ]] || fail "the database on the small disk is not sound: $own_before"

# must_fail_full FILE WHAT COMMAND...: COMMAND exits 1 with one message
# naming FILE and the full disk, and no file appears, goes or is left
# half-written anywhere on the disk; the databases there keep every row.
must_fail_full() {
    local file=$1 what=$2 before
    shift 2
    before=$(listing)
    run "$@"
    assert_eq 1 "$RC" "$what on a full disk: exit code (stdout: $OUT; stderr: $ERR)"
    assert_eq 1 "$(wc -l <<<"$ERR")" "$what on a full disk: lines of the message ($ERR)"
    # "knotmap backup: ...", "knotmap restore: ...", "knotmap decrypt: ...";
    # the import's failed backup comes out as "knotmap: ...", the prefix the
    # CLI gives any error a command does not word itself.
    [[ $ERR == "knotmap $1: "* || $ERR == "knotmap: "* ]] ||
        fail "$what on a full disk: not one knotmap message: $ERR"
    assert_contains "$ERR" "$file" "$what on a full disk: the message names the file"
    assert_contains "$ERR" "No space left on device" "$what on a full disk: the message says why"
    [[ -z "$OUT" ]] || fail "$what on a full disk printed as if it had worked: $OUT"
    assert_eq "$before" "$(listing)" "$what on a full disk: files on the disk"
    assert_eq "$own_before" "$(contents "$disk/own/clinic.db")" "$what: the database backed up"
    assert_eq "$over_before" "$(contents "$disk/over/clinic.db")" "$what: the database restored over"
    assert_eq "$imports_before" "$(contents "$disk/imports/clinic.db")" "$what: the database imported into"
    pass "$what on a full disk: exit 1, '$ERR', nothing left behind"
}

# --- 1. backup into the backups folder beside a database on the full disk ----
# The first backup: the backups folder is new, and must not stay behind empty.
leave_free 8K
must_fail_full "$disk/own/backups/clinic-" "backup into the backups folder" \
    backup --db "$disk/own/clinic.db"
KNOTMAP_PASSPHRASE="$phrase" \
    must_fail_full "$disk/own/backups/clinic-" "backup --encrypt into the backups folder" \
    backup --db "$disk/own/clinic.db" --encrypt

# --- 2, 3. backup -o onto the full disk, the database on the ordinary one ----
must_fail_full "$disk/copies/clinic.db" "backup -o" backup --db "$db" -o "$disk/copies/clinic.db"
KNOTMAP_PASSPHRASE="$phrase" \
    must_fail_full "$disk/copies/clinic.db.sealed" "backup -o --encrypt (KNOTMAP_PASSPHRASE)" \
    backup --db "$db" -o "$disk/copies/clinic.db.sealed" --encrypt

# --- 4. restore into a new file on the full disk -----------------------------
must_fail_full "$disk/restored/clinic.db" "restore of a plain backup into a new file" \
    restore "$WORK/plain.db" --db "$disk/restored/clinic.db"
must_fail_full "$disk/restored/clinic.db" "restore of an encrypted backup into a new file" \
    restore "$WORK/sealed.db.sealed" --db "$disk/restored/clinic.db" --passphrase-file "$WORK/pass"

# --- 5. restore --force over a database on the full disk ---------------------
# 5a: no room for the restored copy.
must_fail_full "$disk/over/clinic.db" "restore --force (no room for the copy)" \
    restore "$WORK/plain.db" --db "$disk/over/clinic.db" --force
# 5b: room for the restored copy (as large as the backup), none for the
# backup of the database it would replace (smaller than that, but more
# than what is left once the copy is written).
leave_free $(($(stat -c %s "$WORK/plain.db") + 64 * 1024))
must_fail_full "$disk/over/backups/clinic-" "restore --force (no room to back up the replaced one)" \
    restore "$WORK/plain.db" --db "$disk/over/clinic.db" --force
leave_free 8K

# --- 6. decrypt onto the full disk ---------------------------------------------
must_fail_full "$disk/plain/clinic.db" "decrypt of a backup" \
    decrypt "$WORK/sealed.db.sealed" -o "$disk/plain/clinic.db" --passphrase-file "$WORK/pass"
must_fail_full "$disk/plain/tables/" "decrypt of an export archive" \
    decrypt "$WORK/archive.kme" -o "$disk/plain/tables" --passphrase-file "$WORK/pass"

# --- 7. an import into a database with records backs it up first -------------
# (test_cli_full_disk_database.sh imports more than fits; here the backup
# itself finds no room, and the import must not go ahead without it.) Room
# is left for what opening the database for writing needs (its -shm and
# -wal, removed again when it closes), not for a copy of it.
leave_free 64K
(($(stat -c %s "$disk/imports/clinic.db") > 96 * 1024)) || fail "the database to import into is too small"
must_fail_full "$disk/imports/backups/clinic-" "import (its backup first)" \
    import --db "$disk/imports/clinic.db" --client "Me" "$WORK/later.csv"

# --- with room again, the same commands work -----------------------------------
rm "$disk/filler"
export KNOTMAP_PASSPHRASE="$phrase"

run backup --db "$disk/own/clinic.db"
assert_eq 0 "$RC" "backup into the backups folder with room ($ERR)"
assert_contains "$OUT" "Backed up $disk/own/clinic.db to $disk/own/backups/clinic-" "its summary"
run backup --db "$db" -o "$disk/copies/clinic.db"
assert_eq 0 "$RC" "backup -o with room ($ERR)"
assert_eq ok "$(sqlite3 "$disk/copies/clinic.db" "PRAGMA integrity_check")" "the backup's integrity"
run backup --db "$db" -o "$disk/copies/clinic.db.sealed" --encrypt
assert_eq 0 "$RC" "backup -o --encrypt with room ($ERR)"
assert_eq KNOTSEAL "$(head -c 8 "$disk/copies/clinic.db.sealed")" "the encrypted backup's header"
pass "with room, backup into the folder, -o and -o --encrypt work"

run restore "$WORK/sealed.db.sealed" --db "$disk/restored/clinic.db"
assert_eq 0 "$RC" "restore into a new file with room ($ERR)"
assert_eq "$(rows "$db" session)" "$(rows "$disk/restored/clinic.db" session)" "sessions restored"
run restore "$WORK/plain.db" --db "$disk/over/clinic.db" --force
assert_eq 0 "$RC" "restore --force with room ($ERR)"
kept=$(sed -n 's/^Kept the replaced database as \([^ ]*\) .*/\1/p' <<<"$OUT")
[[ -n "$kept" ]] || fail "restore --force did not say where it kept the replaced database: $OUT"
assert_eq "$over_before" "$(contents "$kept")" "the kept copy of the replaced database"
assert_eq "$(rows "$db" observation)" "$(rows "$disk/over/clinic.db" observation)" \
    "observations in the restored database"
pass "with room, restore into a new file and over an existing one work"

run decrypt "$WORK/sealed.db.sealed" -o "$disk/plain/clinic.db"
assert_eq 0 "$RC" "decrypt of a backup with room ($ERR)"
assert_eq ok "$(sqlite3 "$disk/plain/clinic.db" "PRAGMA integrity_check")" "the decrypted backup"
run decrypt "$WORK/archive.kme" -o "$disk/plain/tables"
assert_eq 0 "$RC" "decrypt of an export archive with room ($ERR)"
[[ -s "$disk/plain/tables/observations.csv" ]] || fail "the decrypted archive has no observations.csv"
pass "with room, decrypt of a backup and of an archive work"

run import --db "$disk/imports/clinic.db" --client "Me" "$WORK/later.csv"
assert_eq 0 "$RC" "import with room ($ERR)"
assert_eq 2 "$(rows "$disk/imports/clinic.db" observation)" "observations after the import"
assert_contains "$OUT" "Backed up $disk/imports/clinic.db to $disk/imports/backups/clinic-" \
    "the import backed up first"
pass "with room, the import backs up first and lands"
