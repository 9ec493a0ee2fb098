#!/usr/bin/env bash
# Every command on a PostgreSQL database, as a clinic uses it: demo, info,
# export, import, report and screenshot give what they give on a file, and
# the exports of the same data are byte-identical on both backends. Then
# the faults: no server, no such host or database, a password missing or
# wrong, a database holding other tables, a schema newer than this Knotmap.
source "$(dirname "$0")/lib.sh" "$1"

server=$(new_server_database cli)
file="$WORK/clinic.db"

run demo --db "$server" --clients 4 --days 90 --seed 3 --end 2026-11-30
assert_eq 0 "$RC" "demo on the server: exit code ($ERR)"
assert_contains "$OUT" "Wrote demo history to server " "demo names the server"
"$KNOTMAP" demo --db "$file" --clients 4 --days 90 --seed 3 --end 2026-11-30 >/dev/null
assert_eq "$(rows "$file" observation)" "$(psql_on "$server" "SELECT count(*) FROM observation")" \
  "observations on the server, counted by psql"
pass "demo writes the same history to a server"

run export --db "$server" --all "$WORK/from-server"
assert_eq 0 "$RC" "export --all from the server ($ERR)"
"$KNOTMAP" export --db "$file" --all "$WORK/from-file" 2>/dev/null
diff -r "$WORK/from-server" "$WORK/from-file" >/dev/null || fail "server and file exports differ"
pass "export --all of the same data is byte-identical on both backends"

# A clinic's offline copy: `backup -o FILE` writes a Knotmap file of the
# server's records (plain or sealed), checked, whose export is the server's.
run backup --db "$server"
assert_eq 2 "$RC" "backup of a server without -o"
assert_contains "$ERR" "a server database is backed up into a Knotmap file of your choosing: add -o FILE" \
  "backup of a server without -o says what to add"
export XDG_DATA_HOME="$WORK/data"
run backup --db "$server" -o "$WORK/offline/clinic.db"
assert_eq 0 "$RC" "backup of the server into a file ($ERR)"
assert_contains "$OUT" "to $WORK/offline/clinic.db (4 clients, " "backup names the file and its counts"
assert_eq ok "$(sqlite3 "$WORK/offline/clinic.db" "PRAGMA integrity_check")" "the server's backup checks out"
assert_eq 600 "$(file_mode "$WORK/offline/clinic.db")" "the server's backup is private"
"$KNOTMAP" export --db "$WORK/offline/clinic.db" --all "$WORK/from-backup" 2>/dev/null
diff -r "$WORK/from-server" "$WORK/from-backup" >/dev/null || fail "the server's backup differs from the server"
printf 'clinic offline 2026\n' >"$WORK/passphrase"
run backup --db "$server" -o "$WORK/offline/clinic.db.sealed" --encrypt --passphrase-file "$WORK/passphrase"
assert_eq 0 "$RC" "encrypted backup of the server ($ERR)"
grep -q "$(sqlite3 "$file" "SELECT name FROM client LIMIT 1")" "$WORK/offline/clinic.db.sealed" \
  && fail "a client's name is readable in the server's encrypted backup"
run restore "$WORK/offline/clinic.db.sealed" --db "$WORK/restored.db" --passphrase-file "$WORK/passphrase"
assert_eq 0 "$RC" "restore of the server's encrypted backup into a file ($ERR)"
"$KNOTMAP" export --db "$WORK/restored.db" --all "$WORK/from-sealed" 2>/dev/null
diff -r "$WORK/from-server" "$WORK/from-sealed" >/dev/null || fail "the sealed backup differs from the server"
# Nothing plain was left in the data folder the copy was staged in.
assert_eq "" "$(find "$WORK/data" -type f ! -name '*.lock')" "no staging copy left behind"
run backup --db "$server" -o "$WORK/offline/clinic.db"
assert_eq 1 "$RC" "backup over an existing file"
assert_contains "$ERR" "$WORK/offline/clinic.db: already exists" "an existing file is never overwritten"
run restore "$WORK/offline/clinic.db" --db "$server"
assert_eq 1 "$RC" "restore onto a server"
assert_contains "$ERR" "knotmap copy --from BACKUP --to SERVER" "restore onto a server points to copy"
unset XDG_DATA_HOME
pass "backup -o writes a server's records into a checked Knotmap file, plain or sealed"

run info --db "$server"
assert_eq 0 "$RC" "info exit code ($ERR)"
assert_contains "$OUT" "server          PostgreSQL 15" "info gives the server version"
assert_contains "$OUT" "integrity check ok (constraints, triggers and indexes valid)" "server checks"
assert_contains "$OUT" "observation            $(rows "$file" observation)" "rows per table"
pass "info gives the server's version, checks and rows per table"

imported=$(new_server_database imported)
run import --db "$imported" "$WORK/from-file"
assert_eq 0 "$RC" "import into an empty server database ($ERR)"
# The import was followed by ANALYZE and VACUUM: the planner has statistics
# and every page of the new rows is marked all-visible.
assert_eq "$(rows "$file" observation) true" \
  "$(psql_on "$imported" "SELECT reltuples::bigint || ' ' || (relallvisible = relpages)
    FROM pg_class WHERE relname = 'observation'")" \
  "the server's statistics of the imported ratings"
"$KNOTMAP" export --db "$imported" --all "$WORK/re-exported" 2>/dev/null
diff -r "$WORK/re-exported" "$WORK/from-file" >/dev/null || fail "import then export changed the data"
# A refused import changes nothing: pain 11 in the last row.
before=$(psql_on "$imported" "SELECT count(*) FROM observation")
other=$(new_server_database refused)
cp -r "$WORK/from-file" "$WORK/bad"
sed -i '$ s/,[0-9]*,\(active_trigger_point\|latent_trigger_point\|tension\|adhesion\|spasm\),/,11,\1,/' \
  "$WORK/bad/observations.csv"
run import --db "$other" "$WORK/bad"
assert_eq 1 "$RC" "import of a bad row"
assert_contains "$ERR" "nothing was imported" "refused import message"
# The empty database stays empty: the schema commits only with the records.
assert_no_database "$other" "a refused import"
assert_eq "$before" "$(psql_on "$imported" "SELECT count(*) FROM observation")" "untouched database"
pass "import into a server: all or nothing, export again identical"

client=$(sed -n 2p "$WORK/from-file/clients.csv" | cut -d, -f2)
run report --db "$server" --client "$client" -o "$WORK/report.pdf"
assert_eq 0 "$RC" "report from the server ($ERR)"
[[ $(head -c 5 "$WORK/report.pdf") == "%PDF-" ]] || fail "the report is not a PDF"
pass "report reads from a server"

# Faults: one clear line naming the server, exit 1, nothing written.
base=$(server_conninfo)
socket_dir=$(sed 's/.*host=\([^ ]*\).*/\1/' <<<"$base")
port=$(sed 's/.*port=\([0-9]*\).*/\1/' <<<"$base")
run info --db "host=$socket_dir port=1 user=knotmap dbname=x"
assert_eq 1 "$RC" "no server: exit code"
assert_contains "$ERR" "server $socket_dir:1, database x: cannot connect: the server is not running" "no server"
run info --db "host=no-such-host.invalid dbname=x connect_timeout=5"
assert_eq 1 "$RC" "unknown host: exit code"
assert_contains "$ERR" "no such host" "unknown host"
run info --db "${base/dbname=postgres/dbname=missing_db}"
assert_eq 1 "$RC" "missing database: exit code"
assert_contains "$ERR" "database missing_db: cannot connect: no such database or user" "missing database"
run info --db "host=127.0.0.1 port=$port user=knotmap_password dbname=postgres"
assert_eq 1 "$RC" "password missing: exit code"
assert_contains "$ERR" "the server asks for a password" "password missing"
PGPASSWORD=wrong run info --db "host=127.0.0.1 port=$port user=knotmap_password dbname=postgres"
assert_eq 1 "$RC" "wrong password: exit code"
assert_contains "$ERR" "the password was refused" "wrong password"
[[ "$ERR" != *wrong* ]] || fail "a password appeared in a message: $ERR"
PGPASSWORD='correct horse' run info --db \
  "postgresql://knotmap_password@127.0.0.1:$port/${server##*dbname=}"
assert_eq 0 "$RC" "PGPASSWORD and a URI ($ERR)"
pass "no server, no host, no database, no or wrong password: one clear line each"

unrelated=$(new_server_database unrelated)
psql_on "$unrelated" "CREATE TABLE invoices (id integer)" >/dev/null
run demo --db "$unrelated" --clients 1 --days 5
assert_eq 1 "$RC" "unrelated schema: exit code"
assert_contains "$ERR" "not a Knotmap database (it holds other tables, such as 'invoices')" "unrelated"
assert_eq "invoices" "$(psql_on "$unrelated" "SELECT string_agg(table_name, ',') FROM information_schema.tables WHERE table_schema = 'public'")" "nothing added"

psql_on "$imported" "UPDATE knotmap_schema_version SET version = 99" >/dev/null
run export --db "$imported" --all "$WORK/newer"
assert_eq 1 "$RC" "newer schema: exit code"
assert_contains "$ERR" "written by a newer Knotmap (schema version 99" "newer schema"
pass "a database of another program or a newer Knotmap is refused and left alone"
