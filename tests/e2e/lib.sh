# Shared helpers for the end-to-end tests: each test runs the real binary.
# Usage inside a test: source "$(dirname "$0")/lib.sh" "$1"
set -euo pipefail

KNOTMAP=${1:?usage: $0 /path/to/knotmap}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/knotmap-e2e-XXXXXX")
cleanup() {
  local status=$? unencrypted=0
  # An encrypted run that left plain databases and no encrypted one tested
  # plain files (a passphrase unset on the way): a failure, not a pass.
  # ($? is the test's own status only when cleanup is the whole trap.)
  if ((status == 0)) && on_encrypted_files && [[ -d "$WORK" ]]; then
    local file start plain="" sealed=""
    while IFS= read -r -d '' file; do
      start=$(head -c 16 "$file" 2>/dev/null | tr -d '\0') || true
      case $start in
      "SQLite format 3") plain=$file ;;
      KnotmapEncrypted) sealed=$file ;;
      esac
    done < <(find "$WORK" -type f -size +4k -print0 2>/dev/null)
    if [[ -n "$plain" && -z "$sealed" ]]; then
      echo "FAIL: the encrypted run made no encrypted database, only plain ones (such as $plain)" >&2
      unencrypted=1
    fi
  fi
  chmod -R u+rwX "$WORK" 2>/dev/null || true
  rm -rf "$WORK"
  if ((unencrypted)); then exit 1; fi
}
trap cleanup EXIT
# The user's own settings (theme, font scale) never leak into a test, and a
# test never writes them: each run has its own empty config folder.
export KNOTMAP_CONFIG_DIR="$WORK/config"

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok - $*"; }

assert_eq() { # expected actual what
  [[ "$1" == "$2" ]] || fail "$3: expected '$1', got '$2'"
}
assert_contains() { # haystack needle what
  [[ "$1" == *"$2"* ]] || fail "$3: expected to contain '$2', got: $1"
}

# Runs knotmap, capturing exit code, stdout and stderr in RC, OUT, ERR.
run() {
  set +e
  "$KNOTMAP" "$@" >"$WORK/stdout" 2>"$WORK/stderr"
  RC=$?
  set -e
  OUT=$(cat "$WORK/stdout")
  ERR=$(cat "$WORK/stderr")
}


file_mode() { stat -c '%a' "$1"; }

# True for the AddressSanitizer build (scripts/run-tests' build-asan), whose
# binary runs several times slower: stress tests run fewer trials there.
# Read whole, not piped into grep -q: grep stops at the first match, ldd
# then dies of SIGPIPE, and under pipefail the answer would be "no".
sanitizer_build() { [[ "$(ldd "$KNOTMAP" 2>/dev/null)" == *libasan* ]]; }

# The throw-away PostgreSQL server CTest started for the run (the "postgres"
# fixture in tests/CMakeLists.txt): new_server_database NAME creates an
# empty database on it and prints its connection string; psql_on CONNINFO
# SQL runs SQL there with psql, an independent reader.
server_conninfo() {
  [[ -n "${KNOTMAP_TEST_POSTGRES_DIR:-}" && -f "$KNOTMAP_TEST_POSTGRES_DIR/conninfo" ]] \
    || fail "no test server: run this test through ctest (it starts one with scripts/test-postgres)"
  cat "$KNOTMAP_TEST_POSTGRES_DIR/conninfo"
}
new_server_database() {
  local base name
  base=$(server_conninfo)
  name="e2e_$1_$$_$RANDOM"
  psql "$base" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $name" >/dev/null
  echo "${base/dbname=postgres/dbname=$name}"
}
psql_on() { psql "$1" -X -q -t -A -v ON_ERROR_STOP=1 -c "$2"; }

# --- one test body, two backends ---------------------------------------------
# tests/CMakeLists.txt runs each CLI test twice: on files, and again as "e2e on
# postgresql: NAME" with KNOTMAP_TEST_BACKEND=postgresql:FOLDER (as the store
# tests' server run), FOLDER being the run's test server; there every
# database the test makes is a fresh database on that server. A test names
# its databases with new_database and reads them with sql, rows and
# db_fingerprint, so the same lines check both backends.
#
# The sanitizer build runs the tests a third way, on encrypted files, with
# KNOTMAP_TEST_BACKEND=encrypted:SHELL, SHELL being tests/tools' knotmap_sqlite3:
# every knotmap the test starts has KNOTMAP_PASSPHRASE, so each database it
# creates is encrypted with it and each it opens is unlocked with it, and
# `sqlite3` in the test (and in any bash it starts) is that shell, which
# reads and writes encrypted files through Knotmap's encrypted VFS.
case "${KNOTMAP_TEST_BACKEND:-sqlite}" in
sqlite) KNOTMAP_TEST_BACKEND=sqlite ;;
postgresql:?*)
  export KNOTMAP_TEST_POSTGRES_DIR=${KNOTMAP_TEST_BACKEND#postgresql:}
  KNOTMAP_TEST_BACKEND=postgresql ;;
encrypted:?*)
  export KNOTMAP_TEST_SQLITE3=${KNOTMAP_TEST_BACKEND#encrypted:}
  KNOTMAP_TEST_BACKEND=encrypted
  export KNOTMAP_PASSPHRASE="e2e: the passphrase of every database in this test"
  sqlite3() { "$KNOTMAP_TEST_SQLITE3" "$@"; }
  export -f sqlite3 ;;
*) fail "KNOTMAP_TEST_BACKEND is '$KNOTMAP_TEST_BACKEND'; expected sqlite, postgresql:FOLDER or encrypted:SHELL" ;;
esac
# The knotmap under test never sees it (only the tests' own helpers read it).
export -n KNOTMAP_TEST_BACKEND
on_server() { [[ $KNOTMAP_TEST_BACKEND == postgresql ]]; }
on_encrypted_files() { [[ $KNOTMAP_TEST_BACKEND == encrypted ]]; }

# new_database NAME: a fresh database for this test, as --db takes it: a
# path under $WORK where no file is yet (the command creates it), or on the
# server run a new empty database there (its connection string).
new_database() {
  if on_server; then new_server_database "$1"; else echo "$WORK/$1.db"; fi
}

# How knotmap names the database in its messages: the file's path, or
# "server HOST:PORT, database NAME".
db_label() {
  if [[ $1 == *dbname=* ]]; then
    local host port name
    host=$(sed 's/.*host=\([^ ]*\).*/\1/' <<<"$1")
    port=$(sed 's/.*port=\([0-9]*\).*/\1/' <<<"$1")
    name=$(sed 's/.*dbname=\([^ ]*\).*/\1/' <<<"$1")
    echo "server $host:$port, database $name"
  else
    echo "$1"
  fi
}

# sql DB SQL: runs SQL with an independent reader (the sqlite3 shell on a
# file, psql on the server); rows one a line, columns separated by '|'.
# Where the dialects differ the test passes both: sql DB SQLITE_SQL PG_SQL.
sql() {
  if [[ $1 == *dbname=* ]]; then
    psql_on "$1" "${3:-$2}"
  else
    sqlite3 "$1" "$2"
  fi
}

# Counts rows of a table with that independent reader.
rows() { sql "$1" "SELECT count(*) FROM $2"; }

# A hash of every row of every Knotmap table (and the schema version): equal
# before and after means a refused command changed nothing. On the server a
# rolled-back insert still moves an id sequence, which is no change to the
# records, so sequences are left out there.
db_fingerprint() {
  if [[ $1 == *dbname=* ]]; then
    local table
    for table in $(psql_on "$1" "SELECT table_name FROM information_schema.tables
                                 WHERE table_schema = 'public' ORDER BY table_name"); do
      echo "$table $(psql_on "$1" "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))
                                   FROM \"$table\" t")"
    done | sha256sum | cut -d' ' -f1
  else
    sqlite3 "$1" .dump | sha256sum | cut -d' ' -f1
  fi
}

# Fails when a refused command or a dry run left a database behind: a file
# at the path, or any table in the server database (empty before, as
# new_database makes it): a file made for the command is removed, and on a
# server the schema is created in the command's own transaction.
assert_no_database() { # DB what
  if [[ $1 == *dbname=* ]]; then
    assert_eq 0 "$(psql_on "$1" "SELECT count(*) FROM information_schema.tables
                                 WHERE table_schema = 'public'")" "$2: tables in $(db_label "$1")"
  else
    [[ ! -e "$1" ]] || fail "$2: a database was left at $1"
  fi
}

# A session's local time as text, in the dialect of DB: sql_local_time DB
# EXPR date|minute|second, EXPR being seconds since the epoch (UTC) already
# shifted by the offset.
sql_local_time() {
  local sqlite_format pg_format
  case $3 in
  date) sqlite_format='%Y-%m-%d'; pg_format='YYYY-MM-DD' ;;
  minute) sqlite_format='%Y-%m-%d %H:%M'; pg_format='YYYY-MM-DD HH24:MI' ;;
  second) sqlite_format='%Y-%m-%dT%H:%M:%S'; pg_format='YYYY-MM-DD"T"HH24:MI:SS' ;;
  esac
  if [[ $1 == *dbname=* ]]; then
    echo "to_char(to_timestamp($2) AT TIME ZONE 'UTC', '$pg_format')"
  else
    echo "strftime('$sqlite_format', $2, 'unixepoch')"
  fi
}

# Parts of a test that are about the database file itself (its bytes,
# permissions, journal, lock or crash recovery) have no server counterpart.
#   if files_only "why"; then ...; fi    runs the part on files, and on the
#                                        server run prints why it is left out
#   whole_test_files_only "why"          the same for a whole test: exit 77,
#                                        which CTest reports as skipped
files_only() {
  if on_server; then
    echo "skip - on a server: $1"
    return 1
  fi
}
whole_test_files_only() {
  if on_server; then
    echo "skip - on a server: $1"
    exit 77
  fi
}
# The same for parts about a plain file (its bytes read by another program,
# SQLite's own format on disk) on the encrypted run.
#   if plain_files_only "why"; then ...; fi
#   whole_test_plain_files_only "why"
plain_files_only() {
  if on_server || on_encrypted_files; then
    echo "skip - $(on_server && echo 'on a server' || echo 'on encrypted files'): $1"
    return 1
  fi
}
whole_test_plain_files_only() {
  whole_test_files_only "$1"
  if on_encrypted_files; then
    echo "skip - on encrypted files: $1"
    exit 77
  fi
}

# A --db naming a database that does not exist (a file in a missing folder,
# or a database never created on the server), and what knotmap says of it.
missing_database() {
  if on_server; then
    local base
    base=$(server_conninfo)
    echo "${base/dbname=postgres/dbname=e2e_$1_missing_$$}"
  else
    echo "$WORK/missing-folder/$1.db"
  fi
}
no_database_message() {
  if [[ $1 == *dbname=* ]]; then
    echo "$(db_label "$1"): cannot connect: no such database or user"
  else
    echo "$1: no database here"
  fi
}

# The schema version the database records, read without knotmap.
schema_version() {
  sql "$1" "PRAGMA user_version" "SELECT max(version) FROM knotmap_schema_version"
}
