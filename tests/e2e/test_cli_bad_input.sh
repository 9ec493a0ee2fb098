#!/usr/bin/env bash
# Every bad database file gets one clear line naming the file, a non-zero exit,
# and stays byte-for-byte unchanged, whichever command opens it. Bad command
# lines exit 2. On the PostgreSQL run the parts about a file (its bytes, its
# permissions, its default place, its backup, its own path) are skipped,
# saying so; the command lines, --help and KNOTMAP_DB naming the database run
# on the server.
source "$(dirname "$0")/lib.sh" "$1"

if files_only "bad, damaged and read-only database files"; then
  good="$WORK/good.db"
  "$KNOTMAP" demo --db "$good" --clients 2 --days 20 --seed 3 --end 2026-02-01 >/dev/null
  sqlite3 "$good" "PRAGMA journal_mode = DELETE" >/dev/null  # one self-contained file to copy

  expect_refused() { # file problem
    local file=$1 problem=$2 before
    before=$(sha256sum "$file" | cut -d' ' -f1)
    for command in info export demo; do
      run "$command" --db "$file"
      assert_eq 1 "$RC" "$command on $(basename "$file") exit code"
      assert_eq 1 "$(printf '%s\n' "$ERR" | wc -l)" "$command on $(basename "$file"): one line"
      assert_contains "$ERR" "knotmap: $file: $problem" "$command on $(basename "$file") message"
      assert_eq "$before" "$(sha256sum "$file" | cut -d' ' -f1)" "$(basename "$file") unchanged"
      [[ ! -e "$file-wal" && ! -e "$file-journal" ]] || fail "$command left a journal beside $file"
    done
    pass "$(basename "$file"): $problem"
  }

  latest=$(sqlite3 "$good" "PRAGMA user_version")
  cp "$good" "$WORK/newer.db"
  sqlite3 "$WORK/newer.db" "PRAGMA user_version = 42"
  expect_refused "$WORK/newer.db" "written by a newer Knotmap (schema version 42, this version knows up to $latest); not opened, nothing changed"

  printf 'Left shoulder sore after gardening.\n' >"$WORK/notes.txt"
  expect_refused "$WORK/notes.txt" "not a Knotmap database (not an SQLite file)"

  sqlite3 "$WORK/recipes.db" "CREATE TABLE recipe (title TEXT); INSERT INTO recipe VALUES ('soup');"
  expect_refused "$WORK/recipes.db" "not a Knotmap database"

  # On the encrypted run (lib.sh) the files are encrypted: a 4096-byte
  # encryption header, then sealed pages (docs/encryption.md). A page cut
  # short or changed fails its authentication check before SQLite sees it,
  # which knotmap says in these words instead.
  failed_page="damaged or tampered with: a page of the encrypted database failed its authentication check"
  size=$(stat -c %s "$good")
  head -c $((size / 2 + 123)) "$good" >"$WORK/truncated.db"
  if on_encrypted_files; then
    expect_refused "$WORK/truncated.db" "$failed_page"
  else
    # SQLite judges the file; its size (from stat) tells a cut-off file.
    expect_refused "$WORK/truncated.db" "damaged database: "
    expect_refused "$WORK/truncated.db" "damaged database: database disk image is malformed (the file is truncated: "
  fi
  head -c 8192 "$good" >"$WORK/short.db"
  expect_refused "$WORK/short.db" "damaged database: "
  head -c 60 "$good" >"$WORK/header.db"
  if on_encrypted_files; then
    expect_refused "$WORK/header.db" "cannot read its encryption header (the file is too short or unreadable)"
  else
    expect_refused "$WORK/header.db" "damaged database: the file is truncated (60 bytes, shorter than an SQLite header)"
  fi

  cp "$good" "$WORK/corrupt.db"
  # Overwrite the schema page after the 100-byte header with noise (in an
  # encrypted file that page comes after the encryption header).
  page1=0
  if on_encrypted_files; then page1=4096; fi
  head -c 3996 /dev/urandom | dd of="$WORK/corrupt.db" bs=1 seek=$((page1 + 100)) conv=notrunc status=none
  if on_encrypted_files; then
    expect_refused "$WORK/corrupt.db" "$failed_page"
  else
    expect_refused "$WORK/corrupt.db" "damaged database"
  fi

  # A file the user may only read: the reading commands open it read-only,
  # the writing ones refuse it; nothing changes either way.
  expect_read_only() { # file problem
    local file=$1 problem=$2 before
    before=$(sha256sum "$file" | cut -d' ' -f1)
    run info --db "$file"
    assert_eq 0 "$RC" "info on read-only $(basename "$file") ($ERR)"
    assert_contains "$OUT" "integrity check ok" "info reads read-only $(basename "$file")"
    run export --db "$file" --table clients
    assert_eq 0 "$RC" "export from read-only $(basename "$file") ($ERR)"
    assert_eq 3 "$(printf '%s\n' "$OUT" | wc -l)" "header and two clients exported"
    run demo --db "$file"
    assert_eq 1 "$RC" "demo into read-only $(basename "$file")"
    assert_contains "$ERR" "knotmap: $file: $problem" "demo into read-only $(basename "$file")"
    assert_eq "$before" "$(sha256sum "$file" | cut -d' ' -f1)" "$(basename "$file") unchanged"
    pass "read-only $(basename "$file"): read by info and export, refused by demo"
  }
  cp "$good" "$WORK/readonly.db"
  chmod 0444 "$WORK/readonly.db"
  expect_read_only "$WORK/readonly.db" "the file is read-only; Knotmap needs to write to it"

  mkdir "$WORK/locked"
  cp "$good" "$WORK/locked/knotmap.db"
  chmod 0555 "$WORK/locked"
  expect_read_only "$WORK/locked/knotmap.db" "the folder $WORK/locked is read-only"
  run demo --db "$WORK/locked/new.db"
  assert_eq 1 "$RC" "creating a database in a read-only folder"
  assert_contains "$ERR" "$WORK/locked/new.db: cannot create the database: folder $WORK/locked is read-only" "message"
  [[ ! -e "$WORK/locked/new.db" ]] || fail "a database was created in a read-only folder"
  chmod 0755 "$WORK/locked"
  pass "no database is created in a read-only folder"
fi

# Bad command lines: exit code 2 and a message naming the option.
x=$(new_database x)
run demo --db "$x" --clients many
assert_eq 2 "$RC" "non-numeric --clients"
assert_contains "$ERR" "--clients" "bad value message"
run demo --db "$x" --days 0
assert_eq 2 "$RC" "--days 0"
run export --db "$x" --colour blue
assert_eq 2 "$RC" "unknown option"
assert_contains "$ERR" "--colour" "unknown option message"
run frobnicate
assert_eq 2 "$RC" "unknown command"
run demo --db "$x" --end 2026-02-30
assert_eq 1 "$RC" "impossible --end date"
assert_contains "$ERR" "--end: expected a date like 2026-03-14, got '2026-02-30'" "--end message"
assert_no_database "$x" "a bad command line"
pass "bad options and values are refused with exit code 2"

for command in "" demo info export; do
  run $command --help
  assert_eq 0 "$RC" "${command:-knotmap} --help"
  assert_contains "$OUT" "--db" "${command:-knotmap} --help mentions --db"
done
pass "--help works on every command"

if files_only "the default database is a file in the user's data folder"; then
  # Default database location: KNOTMAP_DB, then XDG_DATA_HOME, then ~/.local/share.
  # Reading commands never create one: they name the path they looked at.
  XDG_DATA_HOME="$WORK/xdg" KNOTMAP_DB= run demo --clients 1 --days 2
  assert_eq 0 "$RC" "demo on the default database"
  XDG_DATA_HOME="$WORK/xdg" KNOTMAP_DB= run info
  assert_eq 0 "$RC" "info on the default database"
  assert_contains "$OUT" "database        $WORK/xdg/knotmap/knotmap.db" "XDG default path"
  assert_eq 600 "$(file_mode "$WORK/xdg/knotmap/knotmap.db")" "default database mode"
  assert_eq 700 "$(file_mode "$WORK/xdg/knotmap")" "default database folder mode"
  HOME="$WORK/home" XDG_DATA_HOME= KNOTMAP_DB= run info
  assert_contains "$ERR" "$WORK/home/.local/share/knotmap/knotmap.db: no database here" "HOME fallback"
  KNOTMAP_DB="$WORK/env.db" XDG_DATA_HOME="$WORK/xdg" run info
  assert_contains "$ERR" "$WORK/env.db: no database here" "KNOTMAP_DB"
  KNOTMAP_DB="$WORK/env.db" run info --db "$WORK/flag.db"
  assert_contains "$ERR" "$WORK/flag.db: no database here" "--db wins"
  # Every reading command says it in the same words.
  run report --db "$WORK/flag.db" --client Anyone -o "$WORK/report.pdf"
  assert_eq 1 "$RC" "report of a missing database: exit code"
  assert_contains "$ERR" "$WORK/flag.db: no database here" "report of a missing database"
  run screenshot --db "$WORK/flag.db" -o "$WORK/shot.png"
  assert_eq 1 "$RC" "screenshot of a missing database: exit code"
  assert_contains "$ERR" "$WORK/flag.db: no database here" "screenshot of a missing database"
  [[ ! -e "$WORK/home" && ! -e "$WORK/env.db" && ! -e "$WORK/flag.db" ]] ||
    fail "a reading command created a database or folder"
  pass "default database path follows --db, KNOTMAP_DB, XDG_DATA_HOME, HOME"
fi
# KNOTMAP_DB names the database as --db does (a server too); --db wins over it.
env_db=$(new_database env)
"$KNOTMAP" demo --db "$env_db" --clients 1 --days 2 >/dev/null
KNOTMAP_DB="$env_db" run info
assert_eq 0 "$RC" "info on KNOTMAP_DB ($ERR)"
assert_contains "$OUT" "database        $(db_label "$env_db")" "info on KNOTMAP_DB"
missing=$(missing_database flag)
KNOTMAP_DB="$env_db" run info --db "$missing"
assert_eq 1 "$RC" "info --db on a missing database"
assert_contains "$ERR" "$(db_label "$missing")" "--db wins over KNOTMAP_DB"
pass "KNOTMAP_DB names the database (here $(db_label "$env_db")); --db wins"

if files_only "an old database file is upgraded after a backup into its backups folder"; then
  # An old-schema database with data is upgraded after a backup into the
  # backups folder beside it, which `knotmap backups` lists.
  old="$WORK/old/knotmap.db"; mkdir -p "$WORK/old"
  { cat "$(dirname "$0")/../../db/sqlite/001_initial.sql"
    echo "PRAGMA user_version = 1; INSERT INTO client (name, created_utc) VALUES ('Robin Ash', 0);"
  } | sqlite3 "$old"
  run info --db "$old"
  assert_eq 0 "$RC" "info on a version 1 database"
  assert_contains "$ERR" "upgraded $old from schema version 1 to $latest; the previous copy is saved as $WORK/old/backups/knotmap-" "backup notice"
  backup=$(ls "$WORK"/old/backups/knotmap-*.db)
  assert_eq 1 "$(sqlite3 "$backup" 'PRAGMA user_version')" "backup keeps the old version"
  assert_eq "Robin Ash" "$(sqlite3 "$backup" 'SELECT name FROM client')" "backup keeps the data"
  assert_eq "Robin Ash" "$(sqlite3 "$old" 'SELECT name FROM client')" "migrated database keeps the data"
  assert_eq 600 "$(file_mode "$backup")" "backup mode"
  assert_eq 700 "$(file_mode "$WORK/old/backups")" "backups folder mode"
  run backups --db "$old"
  assert_eq 0 "$RC" "backups after the upgrade ($ERR)"
  assert_contains "$OUT" "$(basename "$backup")" "the upgrade's backup is listed"
  pass "a version 1 database is backed up into backups/, then migrated"
fi

if files_only "a path that is the database file itself"; then
  # The database itself named as an import's source or an export's output is
  # refused before anything is opened, and stays as it was.
  before=$(sha256sum "$good" | cut -d' ' -f1)
  run import --db "$good" "$good"
  assert_eq 1 "$RC" "importing the database into itself"
  assert_contains "$ERR" "$good: is the database $good (or its companion), not a CSV file" "message"
  run export --db "$good" --table clients -o "$good"
  assert_eq 1 "$RC" "exporting over the database"
  assert_contains "$ERR" "$good: is the database $good (or its companion), not an export file" "message"
  assert_eq "$before" "$(sha256sum "$good" | cut -d' ' -f1)" "the database is unchanged"
  pass "the database is never read as a CSV nor replaced by an export"
fi
