#!/usr/bin/env bash
# Files Knotmap writes hold health data: under umask 022 every export (one
# table, --all into a new nested folder), report PDF and screenshot PNG is
# 0600, a replaced 0644 file becomes 0600 and the folders made are 0700.
# Write-then-rename is for regular files only: /dev/null and a FIFO as -o
# are written directly and are still a character device and a FIFO
# afterwards (this matters as root, where a rename would replace /dev/null);
# a symbolic link is written through and stays a link; /dev/stdout is the
# standard output. A full standard output (>/dev/full) is an error naming it.
# Usage: test_cli_output_files.sh /path/to/knotmap
set -euo pipefail

# The screenshot's hidden window needs an X display.
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -n $((100 + RANDOM % 30000)) -s "-screen 0 1280x800x24 -noreset" bash "$0" "$@"
fi

source "$(dirname "$0")/lib.sh" "$1"
# See test_gui_starts.sh: Mesa's leaks are not Knotmap's.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
umask 022

db=$(new_database demo)
run demo --db "$db" --clients 3 --days 40 --seed 4 --end 2026-03-14
assert_eq 0 "$RC" "knotmap demo exit code"
client=$(sql "$db" "SELECT name FROM client ORDER BY id LIMIT 1")
"$KNOTMAP" export --db "$db" --table clients >"$WORK/expected-clients.csv" ||
    fail "export to standard output failed"
[[ $(wc -l <"$WORK/expected-clients.csv") -eq 4 ]] || fail "expected a header and 3 clients"
same_csv() { cmp -s "$1" "$2"; }

# --- one table, a new file and a replaced 0644 one -------------------------------
run export --db "$db" --table clients -o "$WORK/clients.csv"
assert_eq 0 "$RC" "export -o exit code (stderr: $ERR)"
assert_eq 600 "$(file_mode "$WORK/clients.csv")" "mode of a new export"
same_csv "$WORK/expected-clients.csv" "$WORK/clients.csv" || fail "export -o wrote other rows"
printf 'old\n' >"$WORK/old.csv"
chmod 644 "$WORK/old.csv"
run export --db "$db" -o "$WORK/old.csv"
assert_eq 0 "$RC" "export over an older file exit code"
assert_eq 600 "$(file_mode "$WORK/old.csv")" "mode of a replaced 0644 export"
"$KNOTMAP" export --db "$db" >"$WORK/expected-observations.csv"
same_csv "$WORK/expected-observations.csv" "$WORK/old.csv" || fail "the older file was not replaced"
pass "export -o writes 0600 files, also over an older 0644 one"

# --- --all into a new nested folder --------------------------------------------------
run export --db "$db" --all "$WORK/new/nested/all"
assert_eq 0 "$RC" "export --all exit code (stderr: $ERR)"
for folder in new new/nested new/nested/all; do
    assert_eq 700 "$(file_mode "$WORK/$folder")" "mode of the created folder $folder"
done
assert_eq "clients.csv knots.csv observations.csv sessions.csv treatments.csv" \
    "$(ls -A "$WORK/new/nested/all" | tr '\n' ' ' | sed 's/ $//')" "files in the --all folder"
for file in "$WORK"/new/nested/all/*.csv; do
    assert_eq 600 "$(file_mode "$file")" "mode of $file"
done
# A folder that exists keeps its mode.
mkdir -m 755 "$WORK/shared"
run export --db "$db" --all "$WORK/shared"
assert_eq 0 "$RC" "export --all into an existing folder exit code"
assert_eq 755 "$(file_mode "$WORK/shared")" "mode of an existing folder"
assert_eq 600 "$(file_mode "$WORK/shared/observations.csv")" "mode of a file in an existing folder"
pass "--all makes its missing folders 0700 and its files 0600; an existing folder keeps its mode"

# --- report and screenshot ------------------------------------------------------------
run report --db "$db" --client "$client" -o "$WORK/report.pdf"
assert_eq 0 "$RC" "report exit code (stderr: $ERR)"
assert_eq 600 "$(file_mode "$WORK/report.pdf")" "mode of the report"
[[ "$(head -c 5 "$WORK/report.pdf")" == "%PDF-" ]] || fail "the report is not a PDF"
tail -c 8 "$WORK/report.pdf" | grep -q '%%EOF' || fail "the report PDF is cut short"
pdfinfo "$WORK/report.pdf" >/dev/null 2>&1 || fail "pdfinfo cannot read the report"
run screenshot --db "$db" -o "$WORK/shot.png" --width 640 --height 480
assert_eq 0 "$RC" "screenshot exit code (stderr: $ERR)"
assert_eq 600 "$(file_mode "$WORK/shot.png")" "mode of the screenshot"
[[ "$(head -c 4 "$WORK/shot.png" | tail -c 3)" == "PNG" ]] || fail "the screenshot is not a PNG"
[[ -z "$(find "$WORK" -name '*.partial-*')" ]] || fail "temporary files were left behind"
pass "the report PDF and the screenshot PNG are 0600"

# --- /dev/null: a device is written, never replaced -----------------------------------
[[ -c /dev/null ]] || fail "/dev/null is not a character device before the test"
before=$(stat -c '%F %t:%T %a' /dev/null)
run export --db "$db" --table clients -o /dev/null
assert_eq 0 "$RC" "export -o /dev/null exit code (stderr: $ERR)"
after=$(stat -c '%F %t:%T %a' /dev/null)
assert_eq "$before" "$after" "/dev/null's type, device numbers and mode after the export"
assert_eq "character special file" "$(stat -c %F /dev/null)" "/dev/null's type"
[[ -c /dev/null ]] || fail "/dev/null is no longer a character device"
pass "export -o /dev/null leaves /dev/null a character device ($after)"

# --- a FIFO: written directly, the data arrives, it stays a FIFO ----------------------
mkfifo -m 644 "$WORK/fifo"
cat "$WORK/fifo" >"$WORK/from-fifo.csv" &
reader=$!
run export --db "$db" --table clients -o "$WORK/fifo"
assert_eq 0 "$RC" "export -o FIFO exit code (stderr: $ERR)"
wait "$reader" || fail "the FIFO's reader failed"
[[ -p "$WORK/fifo" ]] || fail "the FIFO was replaced: $(stat -c %F "$WORK/fifo")"
assert_eq 644 "$(file_mode "$WORK/fifo")" "the FIFO's mode"
same_csv "$WORK/expected-clients.csv" "$WORK/from-fifo.csv" || fail "the FIFO's reader got other data"
pass "export -o FIFO writes through the FIFO, which stays a FIFO"

# --- a symbolic link: written through, stays a link ----------------------------------
mkdir "$WORK/real"
printf 'old\n' >"$WORK/real/target.csv"
ln -s real/target.csv "$WORK/link.csv"
run export --db "$db" --table clients -o "$WORK/link.csv"
assert_eq 0 "$RC" "export -o symlink exit code (stderr: $ERR)"
[[ -L "$WORK/link.csv" ]] || fail "the link was replaced by a file"
assert_eq "real/target.csv" "$(readlink "$WORK/link.csv")" "the link's target"
same_csv "$WORK/expected-clients.csv" "$WORK/real/target.csv" || fail "the link's file was not written"
assert_eq 600 "$(file_mode "$WORK/real/target.csv")" "mode of the file behind the link"
assert_eq "target.csv" "$(ls -A "$WORK/real")" "files beside the link's target"
pass "export -o a symlink writes the file it points at; the link stays"

# --- /dev/stdout and a full standard output ---------------------------------------------
[[ -L /dev/stdout ]] || fail "/dev/stdout is not a link before the test"
set +e
"$KNOTMAP" export --db "$db" --table clients -o /dev/stdout 2>"$WORK/stderr" | cat >"$WORK/piped.csv"
status=${PIPESTATUS[0]}
set -e
assert_eq 0 "$status" "export -o /dev/stdout into a pipe exit code ($(cat "$WORK/stderr"))"
same_csv "$WORK/expected-clients.csv" "$WORK/piped.csv" || fail "-o /dev/stdout wrote other data"
[[ -L /dev/stdout ]] || fail "/dev/stdout is no longer a link"
"$KNOTMAP" export --db "$db" --table clients -o /dev/stdout >"$WORK/redirected.csv" 2>/dev/null ||
    fail "export -o /dev/stdout into a file failed"
same_csv "$WORK/expected-clients.csv" "$WORK/redirected.csv" || fail "-o /dev/stdout > file differs"

set +e
"$KNOTMAP" export --db "$db" >/dev/full 2>"$WORK/stderr"
status=$?
set -e
assert_eq 1 "$status" "export >/dev/full exit code"
assert_contains "$(cat "$WORK/stderr")" "knotmap: standard output: No space left on device" \
    "export >/dev/full message"
run export --db "$db" --table clients -o /dev/full
assert_eq 1 "$RC" "export -o /dev/full exit code"
assert_contains "$ERR" "/dev/full: cannot write the export file: No space left on device" \
    "export -o /dev/full message"
[[ -c /dev/full ]] || fail "/dev/full is no longer a character device"
pass "/dev/stdout is written as standard output; a full standard output is an error naming it"
