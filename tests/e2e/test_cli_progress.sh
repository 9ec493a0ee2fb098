#!/usr/bin/env bash
# Long commands (demo, export, import, copy, backup, report) draw a progress
# bar on standard error when it is a terminal, and write nothing of it when
# standard error is a file or with --quiet; standard output (a CSV or a PDF
# with -o -, or the summary) is byte for byte the same either way.
# `script` (util-linux) gives the command a pseudo-terminal.
source "$(dirname "$0")/lib.sh" "$1"

q() { printf '%q' "$1"; }
K=$(q "$KNOTMAP")

# on_terminal NAME SHELL_LINE: runs the line with a pseudo-terminal as its
# standard input, output and error; what the terminal showed (standard
# error, and standard output unless the line redirects it) is kept in
# $WORK/NAME.terminal.
on_terminal() {
  script -qfec "$2" /dev/null </dev/null >"$WORK/$1.terminal" 2>&1 ||
    fail "$1 on a terminal exited $?: $(tr '\r' '\n' <"$WORK/$1.terminal")"
}
# The terminal showed a progress line: the label, then a percentage.
assert_progress() { # NAME LABEL
  grep -aqE "$2 .* [0-9]{1,3}%" "$WORK/$1.terminal" ||
    fail "$1: no '$2 ... N%' progress line on the terminal: $(tr '\r' '\n' <"$WORK/$1.terminal")"
  # Redrawn in place (\r) and cleared (ESC [K) at the end, never scrolled.
  grep -aq $'\r'"$2" "$WORK/$1.terminal" || fail "$1: the progress line is not drawn after a \\r"
  grep -aq $'\e\[K' "$WORK/$1.terminal" || fail "$1: the progress line is never cleared"
}
# No trace of a progress line: no percentage, no carriage return, no escape
# (a terminal ends every line with \r\n: those carriage returns are not it).
assert_no_progress() { # FILE WHAT
  local text
  text=$(sed 's/\r$//' "$1")
  if grep -aqE '[0-9]%|'$'\r|\e' <<<"$text"; then
    fail "$2: progress written: $(cat -v "$1")"
  fi
}
# Standard error when it is a file: only the command's normal messages.
# (Standard output, a CSV or PDF, is compared with the terminal run's.)
run_plain() { # NAME ARGS...: stdout in NAME.out, stderr in NAME.err
  local name=$1
  shift
  "$KNOTMAP" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" ||
    fail "$name exited $?: $(cat "$WORK/$name.err")"
  assert_no_progress "$WORK/$name.err" "$name with standard error in a file"
}
# The same records: export --all of both is the same (the records, not the
# moment they were written, which an import or a demo stamps).
same_records() { # DB_A DB_B WHAT
  rm -rf "$WORK/records-a" "$WORK/records-b"
  "$KNOTMAP" export --db "$1" --all "$WORK/records-a" 2>/dev/null
  "$KNOTMAP" export --db "$2" --all "$WORK/records-b" 2>/dev/null
  diff -r "$WORK/records-a" "$WORK/records-b" >/dev/null || fail "$3 differ"
}
same_bytes() { # A B WHAT
  cmp -s "$1" "$2" || fail "$3: $(basename "$1") and $(basename "$2") differ"
}

# --- demo -------------------------------------------------------------------
demo_args="--clients 12 --days 400 --seed 5 --end 2026-03-01"
on_terminal demo "$K demo --db $(q "$WORK/tty.db") $demo_args >$(q "$WORK/demo-tty.out")"
assert_progress demo "Writing demo"
grep -aqE "[0-9]+ of 12 clients" "$WORK/demo.terminal" || fail "demo: no 'N of 12 clients'"
assert_no_progress "$WORK/demo-tty.out" "demo's standard output on a terminal"
run_plain demo-plain demo --db "$WORK/plain.db" $demo_args
[[ ! -s "$WORK/demo-plain.err" ]] || fail "demo wrote to a non-terminal stderr: $(cat "$WORK/demo-plain.err")"
on_terminal demo-quiet "$K demo --quiet --db $(q "$WORK/quiet.db") $demo_args"
assert_no_progress "$WORK/demo-quiet.terminal" "demo --quiet on a terminal"
assert_contains "$(cat "$WORK/demo-quiet.terminal")" "Wrote demo history" "demo --quiet summary"
assert_eq "$(sed "s|$WORK/tty.db|DB|" "$WORK/demo-tty.out")" \
  "$(sed "s|$WORK/plain.db|DB|" "$WORK/demo-plain.out")" "demo's summary with and without a terminal"
same_records "$WORK/plain.db" "$WORK/tty.db" "the demo history with and without a terminal"
pass "demo: a bar on a terminal, none in a file or with --quiet, the same history"

# --- export -----------------------------------------------------------------
db="$WORK/plain.db"
on_terminal export "$K export --db $(q "$db") --table sessions -o - >$(q "$WORK/export-tty.csv")"
assert_progress export "Exporting"
grep -aqE "[0-9,]+ of [0-9,]+ sessions" "$WORK/export.terminal" || fail "export: no 'N of M sessions'"
run_plain export-plain export --db "$db" --table sessions -o -
same_bytes "$WORK/export-tty.csv" "$WORK/export-plain.out" "export -o - with and without a terminal"
[[ ! -s "$WORK/export-plain.err" ]] || fail "export -o - wrote to stderr: $(cat "$WORK/export-plain.err")"
on_terminal export-quiet "$K export -q --db $(q "$db") --table sessions -o - >/dev/null"
assert_no_progress "$WORK/export-quiet.terminal" "export -q on a terminal"
[[ ! -s "$WORK/export-quiet.terminal" ]] || fail "export -q -o - showed: $(cat -v "$WORK/export-quiet.terminal")"
on_terminal export-all "$K export --db $(q "$db") --all $(q "$WORK/all-tty")"
assert_progress export-all "Exporting"
run_plain export-all-plain export --db "$db" --all "$WORK/all-plain"
for table in observations sessions treatments knots clients; do
  same_bytes "$WORK/all-tty/$table.csv" "$WORK/all-plain/$table.csv" "export --all $table.csv"
done
assert_contains "$(cat "$WORK/export-all-plain.err")" "Exported" "export --all's messages"
pass "export: a bar on a terminal, none in a file or with -q; the same CSV"

# --- import -----------------------------------------------------------------
on_terminal import "$K import --db $(q "$WORK/import-tty.db") $(q "$WORK/all-plain") >/dev/null"
assert_progress import "Importing"
run_plain import-plain import --db "$WORK/import-plain.db" "$WORK/all-plain"
on_terminal import-quiet "$K import --quiet --db $(q "$WORK/import-quiet.db") $(q "$WORK/all-plain") >/dev/null"
assert_no_progress "$WORK/import-quiet.terminal" "import --quiet on a terminal"
same_records "$WORK/import-plain.db" "$WORK/import-tty.db" "the records imported with and without a terminal"
assert_eq "$(rows "$db" observation)" "$(rows "$WORK/import-tty.db" observation)" "observations imported"
pass "import: a bar on a terminal, none in a file or with --quiet; the same records"

# --- copy -------------------------------------------------------------------
on_terminal copy "$K copy --from $(q "$db") --to $(q "$WORK/copy-tty.db") >/dev/null"
assert_progress copy "Copying"
grep -aqE "[0-9,]+ of [0-9,]+ rows" "$WORK/copy.terminal" || fail "copy: no 'N of M rows'"
run_plain copy-plain copy --from "$db" --to "$WORK/copy-plain.db"
[[ ! -s "$WORK/copy-plain.err" ]] || fail "copy wrote to a non-terminal stderr: $(cat "$WORK/copy-plain.err")"
on_terminal copy-quiet "$K copy -q --from $(q "$db") --to $(q "$WORK/copy-quiet.db") >/dev/null"
assert_no_progress "$WORK/copy-quiet.terminal" "copy -q on a terminal"
same_records "$WORK/copy-plain.db" "$WORK/copy-tty.db" "the copies with and without a terminal"
pass "copy: a bar on a terminal, none in a file or with -q; the same copy"

# --- backup -----------------------------------------------------------------
on_terminal backup "$K backup --db $(q "$db") -o $(q "$WORK/backup-tty.db") >/dev/null"
assert_progress backup "Backing up"
run_plain backup-plain backup --db "$db" -o "$WORK/backup-plain.db"
[[ ! -s "$WORK/backup-plain.err" ]] || fail "backup wrote to a non-terminal stderr: $(cat "$WORK/backup-plain.err")"
on_terminal backup-quiet "$K backup --quiet --db $(q "$db") -o $(q "$WORK/backup-quiet.db") >/dev/null"
assert_no_progress "$WORK/backup-quiet.terminal" "backup --quiet on a terminal"
# The bar's snapshot is taken in steps: still a whole, consistent copy.
assert_eq "$(db_fingerprint "$db")" "$(db_fingerprint "$WORK/backup-tty.db")" "the stepped backup"
assert_eq ok "$(sqlite3 "$WORK/backup-tty.db" 'PRAGMA integrity_check')" "the stepped backup's integrity"
pass "backup: a bar on a terminal, none in a file or with --quiet; a whole copy"

# --- report -----------------------------------------------------------------
client=$(sqlite3 "$db" "SELECT name FROM client ORDER BY id LIMIT 1")
on_terminal report "$K report --db $(q "$db") --client $(q "$client") -o - >$(q "$WORK/report-tty.pdf")"
assert_progress report "Writing report"
grep -aqE "[0-9]+ of [0-9]+ pages" "$WORK/report.terminal" || fail "report: no 'N of M pages'"
run_plain report-plain report --db "$db" --client "$client" -o -
assert_eq "%PDF-" "$(head -c 5 "$WORK/report-tty.pdf")" "report -o - on a terminal"
# The same pages; the PDF's own creation time and file id may differ.
strip_times() { grep -avE '/CreationDate|/ModDate|/ID ' "$1" | sha256sum; }
assert_eq "$(strip_times "$WORK/report-plain.out")" "$(strip_times "$WORK/report-tty.pdf")" \
  "report -o - with and without a terminal"
on_terminal report-quiet "$K report -q --db $(q "$db") --client $(q "$client") -o $(q "$WORK/quiet.pdf")"
assert_no_progress "$WORK/report-quiet.terminal" "report -q on a terminal"
pass "report: a bar on a terminal (never in the PDF on stdout), none in a file or with -q"
