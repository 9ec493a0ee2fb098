# Shared helpers for the end-to-end tests: each test runs the real binary.
# Usage inside a test: source "$(dirname "$0")/lib.sh" "$1"
set -euo pipefail

KNOTMAP=${1:?usage: $0 /path/to/knotmap}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/knotmap-e2e-XXXXXX")
cleanup() { chmod -R u+rwX "$WORK" 2>/dev/null || true; rm -rf "$WORK"; }
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

# Counts rows of a table with the sqlite3 shell: an independent reader.
rows() { sqlite3 "$1" "SELECT count(*) FROM $2"; }

file_mode() { stat -c '%a' "$1"; }

# True for the AddressSanitizer build (scripts/run-tests' build-asan), whose
# binary runs several times slower: stress tests run fewer trials there.
sanitizer_build() { ldd "$KNOTMAP" 2>/dev/null | grep -q 'libasan'; }

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
