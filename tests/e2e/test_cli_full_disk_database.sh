#!/usr/bin/env bash
# Full disks and the database: a demo or an import into a new database on a
# small tmpfs that fills up must exit 1, name the database file, and leave
# nothing behind (no database, no -wal/-shm, no hidden file). An import into
# an existing database there is refused whole and the database keeps every
# row it had. Once space is freed, the same file opens and every command
# works. Needs to mount a tmpfs: as root directly, else inside a user and
# mount namespace (unshare -Urm); when neither is allowed the test says why
# and is skipped.
# Usage: test_cli_full_disk_database.sh /path/to/knotmap
set -euo pipefail

# On the PostgreSQL run (tests/CMakeLists.txt) the database is on the server,
# not on a disk this test can fill: nothing here applies. Said before any
# mount is tried; exit 77 is CTest's "skipped".
if [[ ${KNOTMAP_TEST_BACKEND:-sqlite} == postgresql:* ]]; then
    echo "skip - on a server: this test fills the disk under a database file"
    exit 77
fi

source "$(dirname "$0")/small_disk.sh" "$@"

source "$(dirname "$0")/lib.sh" "$1"

# The data to import lives on the ordinary disk: larger than the small disk.
source_db="$WORK/source.db"
run demo --db "$source_db" --clients 4 --days 600 --seed 2
assert_eq 0 "$RC" "demo on the ordinary disk"
run export --db "$source_db" --all "$WORK/export"
assert_eq 0 "$RC" "export --all"
observations=$(sqlite3 "$source_db" "SELECT count(*) FROM observation")

disk="$WORK/disk"
mkdir "$disk"
mount -t tmpfs -o size=1m tmpfs "$disk"
trap 'umount "$disk" 2>/dev/null || umount -l "$disk" 2>/dev/null || true; cleanup' EXIT

listing() { ls -A "$1" | tr '\n' ' '; }

# --- demo into a new database on the small disk ------------------------------
mkdir "$disk/demo"
run demo --db "$disk/demo/new.db" --clients 4 --days 600 --seed 2
assert_eq 1 "$RC" "demo exit code on a full disk"
assert_contains "$ERR" "$disk/demo/new.db: " "the demo's message names the database"
assert_contains "$ERR" "full" "the demo's message says the disk is full"
assert_eq "" "$(listing "$disk/demo")" "files left by the refused demo"
pass "a demo that fills the disk names the file and leaves nothing"

# --- import into a new database on the small disk -----------------------------
mkdir "$disk/import"
run import --db "$disk/import/new.db" "$WORK/export"
assert_eq 1 "$RC" "import exit code on a full disk"
assert_contains "$ERR" "$disk/import/new.db: " "the import's message names the database"
assert_contains "$ERR" "full" "the import's message says the disk is full"
assert_eq "" "$(listing "$disk/import")" "files left by the refused import"
pass "an import that fills the disk names the file and leaves nothing"

# --- import into an existing database on the small disk: all or nothing ------
mkdir "$disk/existing"
printf 'date,region,pain,notes\n2026-03-01,back.upper_trapezius.left,6,Before the big import\n' \
    >"$WORK/simple.csv"
run import --db "$disk/existing/own.db" --client "Me" "$WORK/simple.csv"
assert_eq 0 "$RC" "a small import into a new database on the small disk ($ERR)"
before=$(sqlite3 "$disk/existing/own.db" "SELECT count(*) FROM observation")
run import --db "$disk/existing/own.db" "$WORK/export"
assert_eq 1 "$RC" "import into the existing database on a full disk"
assert_contains "$ERR" "$disk/existing/own.db: " "the message names the database"
[[ -f "$disk/existing/own.db" ]] || fail "the existing database was removed"
assert_eq "$before" "$(sqlite3 "$disk/existing/own.db" "SELECT count(*) FROM observation")" \
    "observations in the existing database after the refused import"
assert_eq "ok" "$(sqlite3 "$disk/existing/own.db" "PRAGMA integrity_check")" "integrity"
pass "an import refused for space leaves the existing database whole"

# --- space freed: the same file opens, every command works, the import lands
mount -o remount,size=64m "$disk"
own="$disk/existing/own.db"
run info --db "$own"
assert_eq 0 "$RC" "info on the database that met the full disk ($ERR)"
assert_contains "$OUT" "integrity check ok" "its integrity"
run export --db "$own" --table observations
assert_eq 0 "$RC" "export from it ($ERR)"
run report --db "$own" --client Me -o "$WORK/me.pdf"
assert_eq 0 "$RC" "report from it ($ERR)"
run import --db "$own" "$WORK/export"
assert_eq 0 "$RC" "the same import with room to spare ($ERR)"
assert_eq "$((before + observations))" "$(sqlite3 "$own" "SELECT count(*) FROM observation")" \
    "observations after the import"
pass "with room again, the same file opens in every command and the import lands whole"
