#!/usr/bin/env bash
# The little things of the command line: `-` for standard input (import) and
# standard output (export, report), refused where it makes no sense;
# `knotmap FILE.db` opening that file in the window as --db does; the test
# hooks --frames and --test-report hidden from --help but working.
set -euo pipefail

# The window needs an X display: without one, run on a virtual one.
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -n $((100 + RANDOM % 30000)) -s "-screen 0 1280x800x24 -noreset" bash "$0" "$@"
fi

source "$(dirname "$0")/lib.sh" "$1"
# See test_gui_starts.sh: Mesa's leaks are not Knotmap's.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
# The default database lives here: nothing may appear in it.
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/data"
unset KNOTMAP_DB
mkdir -p "$HOME"
default_db="$XDG_DATA_HOME/knotmap/knotmap.db"

db="$WORK/source.db"
run demo --db "$db" --clients 3 --days 60 --seed 4 --end 2026-03-01
assert_eq 0 "$RC" "demo exit code"

# --- export -o - ------------------------------------------------------------
for table in observations sessions clients; do
  "$KNOTMAP" export --db "$db" --table "$table" -o - >"$WORK/dash-$table.csv"
  "$KNOTMAP" export --db "$db" --table "$table" -o "$WORK/file-$table.csv" 2>/dev/null
  cmp -s "$WORK/dash-$table.csv" "$WORK/file-$table.csv" ||
    fail "export --table $table -o - differs from -o FILE"
done
[[ ! -e "$WORK/-" && ! -e ./- ]] || fail "export -o - wrote a file named -"
run export --db "$db" --all -
assert_eq 2 "$RC" "export --all - exit code"
assert_contains "$ERR" "--all -" "export --all - names the option"
assert_contains "$ERR" "standard output cannot be" "export --all - says why"
# A plain database is refused before the passphrase file is read: an empty
# one will do. For an encrypted database (lib.sh's encrypted run) the file is
# the database's passphrase, needed to open it: there it holds the run's.
pass_file=/dev/null
if on_encrypted_files; then
  pass_file="$WORK/pass"
  printf '%s\n' "$KNOTMAP_PASSPHRASE" >"$pass_file"
fi
run export --db "$db" --encrypt -o - --passphrase-file "$pass_file"
assert_eq 2 "$RC" "export --encrypt -o - exit code"
assert_contains "$ERR" "not - (standard output)" "export --encrypt -o - says why"
pass "export -o - writes exactly what -o FILE does; --all - and --encrypt -o - are refused"

# --- import - ---------------------------------------------------------------
"$KNOTMAP" export --db "$db" -o "$WORK/observations.csv" 2>/dev/null
run import --db "$WORK/from-file.db" "$WORK/observations.csv"
assert_eq 0 "$RC" "import FILE exit code: $ERR"
set +e
cat "$WORK/observations.csv" | "$KNOTMAP" import --db "$WORK/from-pipe.db" - >"$WORK/pipe.out" 2>"$WORK/pipe.err"
RC=$?
set -e
assert_eq 0 "$RC" "import - from a pipe exit code: $(cat "$WORK/pipe.err")"
# observations.csv alone carries only what its rows name: compared with the
# same file imported by name, and its observations with the source's.
for table in client session knot observation treatment; do
  assert_eq "$(rows "$WORK/from-file.db" "$table")" "$(rows "$WORK/from-pipe.db" "$table")" \
    "$table rows imported from a pipe and from the file"
done
assert_eq "$(rows "$db" observation)" "$(rows "$WORK/from-pipe.db" observation)" "observations imported from a pipe"
# The same records (export --all; an import stamps when it wrote them).
"$KNOTMAP" export --db "$WORK/from-file.db" --all "$WORK/records-file" 2>/dev/null
"$KNOTMAP" export --db "$WORK/from-pipe.db" --all "$WORK/records-pipe" 2>/dev/null
diff -r "$WORK/records-file" "$WORK/records-pipe" >/dev/null ||
  fail "the records imported from a pipe and from the file differ"
assert_contains "$(cat "$WORK/pipe.out")" "$(rows "$db" observation) observations" "import - summary"
# The copy of standard input is removed afterwards.
[[ -z $(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'knotmap-stdin-*' -user "$(id -u)" -newer "$WORK/observations.csv" 2>/dev/null) ]] ||
  fail "import - left its copy of standard input behind"
# A bad row read from standard input is named as such, and nothing is kept.
{ head -n 1 "$WORK/observations.csv"; sed -n 2p "$WORK/observations.csv" | sed 's/^[0-9]*,/x,/'; } >"$WORK/bad.csv"
set +e
"$KNOTMAP" import --db "$WORK/bad-pipe.db" - <"$WORK/bad.csv" >/dev/null 2>"$WORK/bad.err"
RC=$?
set -e
assert_eq 1 "$RC" "import - of a bad row exit code"
assert_contains "$(cat "$WORK/bad.err")" "standard input, line 2" "import - names standard input and the line"
[[ ! -e "$WORK/bad-pipe.db" ]] || fail "a refused import - left a database"
# The simple format from standard input too.
printf 'date,region,pain\n2026-02-01,back.upper_trapezius.left,5\n' |
  "$KNOTMAP" import --db "$WORK/simple.db" - >/dev/null
assert_eq 1 "$(rows "$WORK/simple.db" observation)" "simple format rows from standard input"
pass "import - reads standard input: the same records as from the file, problems named"

# --- report -o - ------------------------------------------------------------
client=$(sqlite3 "$db" "SELECT name FROM client ORDER BY id LIMIT 1")
set +e
"$KNOTMAP" report --db "$db" --client "$client" -o - 2>"$WORK/report.err" | head -c 5 >"$WORK/head"
set -e
assert_eq "%PDF-" "$(cat "$WORK/head")" "report -o - starts with"
"$KNOTMAP" report --db "$db" --client "$client" -o - >"$WORK/report.pdf" 2>"$WORK/report.err"
assert_eq "%%EOF" "$(tail -c 6 "$WORK/report.pdf" | tr -d '\n\r')" "report -o - ends the PDF"
assert_contains "$(cat "$WORK/report.err")" "to standard output" "report -o - message"
[[ ! -e "$WORK/-" && ! -e ./- ]] || fail "report -o - wrote a file named -"
run backup --db "$db" -o -
assert_eq 2 "$RC" "backup -o - exit code"
assert_contains "$ERR" "cannot go to standard output" "backup -o - says why"
pass "report -o - writes the PDF to standard output; backup -o - is refused"

# --- knotmap FILE.db ----------------------------------------------------------
run "$db" --frames 5
assert_eq 0 "$RC" "knotmap FILE.db --frames 5 exit code: $ERR"
[[ ! -e "$default_db" ]] || fail "knotmap FILE.db created the default database"
# A file that is not a database: the window's error names it, so it was used.
printf 'not a database at all, just some text that is long enough\n%.0s' {1..100} >"$WORK/junk.db"
run "$WORK/junk.db" --frames 5
assert_contains "$ERR" "$WORK/junk.db" "knotmap junk.db: the window's error names the file"
[[ ! -e "$default_db" ]] || fail "knotmap junk.db created the default database"
# Named both ways: fine when it is the same database, refused when not.
run "$db" --db "$db" --frames 2
assert_eq 0 "$RC" "the same database as FILE.db and --db exit code: $ERR"
run "$db" --db "$WORK/other.db" --frames 2
assert_eq 2 "$RC" "two different databases exit code"
assert_contains "$ERR" "two databases" "two different databases message"
assert_contains "$ERR" "$WORK/other.db" "two different databases names --db's"
run exprot --db "$db"
assert_eq 2 "$RC" "a mistyped command exit code"
assert_contains "$ERR" "'exprot' is neither a command nor a database file" "a mistyped command"
run "$db" info
assert_eq 2 "$RC" "FILE.db before a command exit code"
assert_contains "$ERR" "--db $db" "FILE.db before a command points to --db"
# The commands are still commands, and their own positionals still theirs.
run info --db "$db"
assert_eq 0 "$RC" "info after adding the window's FILE.db exit code"
run atlas hit --view front 0.5 0.3
assert_eq 0 "$RC" "atlas hit exit code: $ERR"
[[ ! -e "$default_db" ]] || fail "the default database was created"
pass "knotmap FILE.db opens that file as --db does; a clash or a non-database is refused"

# --- the test hooks stay out of --help ------------------------------------------
run --help
assert_eq 0 "$RC" "--help exit code"
[[ "$OUT" != *"--frames"* && "$OUT" != *"--test-report"* ]] || fail "--help shows the test hooks: $OUT"
assert_contains "$OUT" "FILE.db" "--help shows the database positional"
assert_contains "$OUT" "--db" "--help shows --db"
run --frames 2 --db "$db" --test-report "$WORK/report.txt"
assert_eq 0 "$RC" "--frames 2 --db exit code: $ERR"
assert_contains "$(cat "$WORK/report.txt")" "canvas front" "--test-report written"
pass "--help leaves out --frames and --test-report, which still work"
