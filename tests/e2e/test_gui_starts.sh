#!/usr/bin/env bash
# The window opens on a new database and closes cleanly after a few frames;
# a file that is not a database is refused, reported and left untouched.
# Usage: test_gui_starts.sh /path/to/knotmap
set -euo pipefail

# lib.sh: its work folder and, on the encrypted run, KNOTMAP_PASSPHRASE and
# the sqlite3 that reads encrypted files (each window here is started on its
# own virtual display, so not gui_test.sh).
source "$(dirname "$0")/lib.sh" "$@"
knotmap=$KNOTMAP
workdir=$WORK

# In a sanitizer build, LeakSanitizer reports allocations that Mesa's OpenGL
# driver never frees; the driver is unloaded by then, so they cannot be
# suppressed by name (a bare GLFW program shows the same report). Other
# sanitizer errors still fail the test; leaks in Knotmap's own code are the
# unit tests' job.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

# Runs the binary on a virtual display when there is no real one.
run_gui() {
    if [[ -z "${DISPLAY:-}" ]]; then
        xvfb-run -a -n $((100 + RANDOM % 30000)) -s "-screen 0 1280x800x24 -noreset" "$knotmap" "$@"
    else
        "$knotmap" "$@"
    fi
}

# --- a new database at the default place: created 0600 in a 0700 folder, ---
# --- whatever the umask; the window runs 30 frames and exits 0 --------------
export XDG_DATA_HOME="$workdir/data"
db="$XDG_DATA_HOME/knotmap/knotmap.db"
status=0
(umask 022 && run_gui --frames 30) >"$workdir/new.out" 2>"$workdir/new.err" || status=$?
if [[ $status -ne 0 ]]; then
    cat "$workdir/new.out" "$workdir/new.err" >&2
    fail "knotmap --frames 30 on a new database exited with $status, expected 0"
fi
[[ -f "$db" ]] || fail "the database $db was not created"
# With KNOTMAP_PASSPHRASE (the encrypted run) the window's new database is
# encrypted with it from its first byte (docs/encryption.md).
if on_encrypted_files; then
    assert_eq KnotmapEncrypted "$(head -c 16 "$db")" "the new database's first bytes"
fi
mode=$(stat -c %a "$db")
[[ "$mode" == 600 ]] || fail "the database was created with mode $mode, expected 600"
mode=$(stat -c %a "$XDG_DATA_HOME/knotmap")
[[ "$mode" == 700 ]] || fail "the database's folder was created with mode $mode, expected 700"
# Nothing to back up yet: no backups folder appears beside a new database.
[[ ! -e "$XDG_DATA_HOME/knotmap/backups" ]] || fail "a backups folder was made for an empty database"

# --- elsewhere, nothing is created until the person says so: the window asks,
# --- and closing it after 30 frames without an answer leaves no file --------
elsewhere="$workdir/typo/elsewhere.db"
status=0
run_gui --db "$elsewhere" --frames 30 >"$workdir/ask.out" 2>"$workdir/ask.err" || status=$?
[[ $status -eq 0 ]] || fail "the window asking to create a database exited with $status"
[[ ! -e "$elsewhere" && ! -e "$workdir/typo" ]] ||
    fail "the window created $elsewhere (or its folder) without asking"

# --- a demo history: the window lists clients and sessions and exits 0 ---------
demo="$workdir/demo.db"
"$knotmap" demo --db "$demo" --clients 3 --days 30 --seed 4 >/dev/null
status=0
run_gui --db "$demo" --frames 30 >"$workdir/demo.out" 2>"$workdir/demo.err" || status=$?
if [[ $status -ne 0 ]]; then
    cat "$workdir/demo.out" "$workdir/demo.err" >&2
    fail "knotmap --frames 30 on a demo database exited with $status, expected 0"
fi
# Its records were backed up once, checked, into the backups folder beside
# it; opening it again the same day takes no second backup.
backups=("$workdir"/backups/demo-*.db)
[[ ${#backups[@]} -eq 1 && -f "${backups[0]}" ]] || fail "expected one daily backup, found: ${backups[*]}"
[[ "$(sqlite3 "${backups[0]}" "PRAGMA integrity_check")" == ok ]] || fail "the daily backup is damaged"
[[ "$(sqlite3 "${backups[0]}" "SELECT count(*) FROM client")" == 3 ]] || fail "the daily backup lacks clients"
[[ "$(stat -c %a "$workdir/backups")" == 700 ]] || fail "the backups folder is not 0700"
# A backup of an encrypted database is encrypted as it is (docs/encryption.md:
# a copy carries the same header), never a plain copy of the records.
if on_encrypted_files; then
    assert_eq KnotmapEncrypted "$(head -c 16 "${backups[0]}")" "the daily backup's first bytes"
fi
[[ ! -s "$workdir/demo.err" ]] || fail "the window wrote to stderr: $(cat "$workdir/demo.err")"
run_gui --db "$demo" --frames 30 >"$workdir/demo2.out" 2>"$workdir/demo2.err" || fail "second run"
backups=("$workdir"/backups/demo-*.db)
[[ ${#backups[@]} -eq 1 ]] || fail "a second backup on the same day: ${backups[*]}"

# --- a file that is not SQLite: refused, reported, unchanged -------------------
notes="$workdir/my notes.txt"
printf 'Tuesday: left shoulder tight after work.\nWednesday: better.\n' >"$notes"
cp "$notes" "$workdir/original.txt"
status=0
run_gui --db "$notes" --frames 30 >"$workdir/bad.out" 2>"$workdir/bad.err" || status=$?
if [[ $status -eq 0 ]]; then
    fail "knotmap opened a text file as its database and exited 0"
fi
cmp -s "$notes" "$workdir/original.txt" || fail "knotmap modified the text file it refused"
if ! grep -qF "my notes.txt" "$workdir/bad.out" "$workdir/bad.err"; then
    cat "$workdir/bad.out" "$workdir/bad.err" >&2
    fail "the error output does not name the file 'my notes.txt'"
fi
leftovers=$(find "$workdir" -name 'my notes.txt-*' | wc -l)
[[ $leftovers -eq 0 ]] || fail "knotmap left SQLite side files beside the text file"

echo "PASS: the window starts on a new database and refuses a text file"
