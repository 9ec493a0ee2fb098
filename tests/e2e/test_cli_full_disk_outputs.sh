#!/usr/bin/env bash
# Full disks: export (one table, --all into an existing and into a new
# folder), report and screenshot into a nearly full tmpfs must each exit 1,
# name the file and "No space left on device", and leave no new or partial
# file (the folder's listing is the same before and after). Export to a full
# standard output names "standard output". The database stays on the
# ordinary disk (or on the test server). Needs to mount a tmpfs: as root
# directly, else inside a user and mount namespace (unshare -Urm); when
# neither is allowed the test says why and is skipped.
# Usage: test_cli_full_disk_outputs.sh /path/to/knotmap
set -euo pipefail

# The screenshot's hidden window needs an X display.
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -n $((100 + RANDOM % 30000)) -s "-screen 0 1280x800x24 -noreset" bash "$0" "$@"
fi

source "$(dirname "$0")/small_disk.sh" "$@"

source "$(dirname "$0")/lib.sh" "$1"
# See test_gui_starts.sh: Mesa's leaks are not Knotmap's.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

db=$(new_database demo)
run demo --db "$db" --clients 3 --days 120 --seed 1
assert_eq 0 "$RC" "knotmap demo exit code"
client=$(sql "$db" "SELECT name FROM client ORDER BY id LIMIT 1")
# Large enough not to fit in the space left below: checked, or the test proves nothing.
"$KNOTMAP" export --db "$db" >"$WORK/observations.csv"
(($(stat -c %s "$WORK/observations.csv") > 64 * 1024)) || fail "the observations export is too small"

disk="$WORK/disk"
mkdir "$disk"
mount -t tmpfs -o size=1m tmpfs "$disk"
trap 'umount "$disk" 2>/dev/null || umount -l "$disk" 2>/dev/null || true; cleanup' EXIT
mkdir "$disk/existing"
# Fill the disk, then free 8 KB: small files still fit, no export does.
dd if=/dev/zero of="$disk/filler" bs=4096 2>/dev/null || true
truncate -s -8K "$disk/filler"
free=$(df -B1 --output=avail "$disk" | tail -n 1 | tr -d ' ')
((free > 0 && free <= 16 * 1024)) || fail "expected a few KB free on the small disk, got $free bytes"
listing() { (cd "$disk" && find . | sort); }
before=$(listing)

# Runs a command that must fail for lack of space, naming file.
must_fail_full() { # file what command...
    local file=$1 what=$2
    shift 2
    run "$@"
    assert_eq 1 "$RC" "$what on a full disk: exit code (stderr: $ERR)"
    assert_contains "$ERR" "$file" "$what on a full disk: the message names the file"
    assert_contains "$ERR" "No space left on device" "$what on a full disk: the message says why"
    [[ "$ERR" != *"Wrote"* && "$ERR" != *"Exported"* ]] || fail "$what claimed success: $ERR"
    assert_eq "$before" "$(listing)" "$what on a full disk: files on the disk"
    pass "$what on a full disk: exit 1, '${ERR//$'\n'/ }', nothing left behind"
}

must_fail_full "$disk/observations.csv" "export -o" export --db "$db" -o "$disk/observations.csv"
must_fail_full "$disk/existing/observations.csv" "export --all (existing folder)" \
    export --db "$db" --all "$disk/existing"
must_fail_full "$disk/new/observations.csv" "export --all (new folder)" \
    export --db "$db" --all "$disk/new"
must_fail_full "$disk/report.pdf" "report" report --db "$db" --client "$client" -o "$disk/report.pdf"
must_fail_full "$disk/shot.png" "screenshot" screenshot --db "$db" -o "$disk/shot.png"

# An older file keeps its content when its replacement cannot be written.
rm "$disk/filler"
printf 'older export\n' >"$disk/kept.csv"
dd if=/dev/zero of="$disk/filler" bs=4096 2>/dev/null || true
truncate -s -8K "$disk/filler"
before=$(listing)
must_fail_full "$disk/kept.csv" "export over an older file" export --db "$db" -o "$disk/kept.csv"
assert_eq "older export" "$(cat "$disk/kept.csv")" "the older file's content"

# Standard output on the full disk: the shell made the file, Knotmap names
# standard output.
set +e
"$KNOTMAP" export --db "$db" >"$disk/stdout.csv" 2>"$WORK/stderr"
status=$?
set -e
assert_eq 1 "$status" "export > full disk exit code"
assert_contains "$(cat "$WORK/stderr")" "knotmap: standard output: No space left on device" \
    "export > full disk message"
pass "export to a standard output on a full disk: exit 1 naming standard output"
