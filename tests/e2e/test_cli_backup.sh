#!/usr/bin/env bash
# `knotmap backup`, `backups` and `restore` on a database file: a checked,
# self-contained, 0600 snapshot in a 0700 backups folder beside the
# database, taken while another program holds a write transaction open
# (whose rows it does not contain); encrypted with --encrypt (no plain text
# inside); listed with date, size and counts; pruned by the 7-daily,
# 4-weekly, 12-monthly rule with everything of the last day kept; restored
# into a new file, or over an existing one only with --force after backing
# that one up. A wrong passphrase, a damaged or foreign backup, or a
# database another program has open leave the database exactly as it was
# and no temporary file behind.
# Usage: test_cli_backup.sh /path/to/knotmap
source "$(dirname "$0")/lib.sh" "$1"
cd "$WORK"
umask 022
db="$WORK/data/clinic.db"
mkdir -p data
run demo --db "$db" --clients 2 --days 40 --seed 3 --end 2026-03-31
assert_eq 0 "$RC" "demo ($ERR)"
clients=$(sqlite3 "$db" "SELECT count(*) FROM client")
sessions=$(sqlite3 "$db" "SELECT count(*) FROM session")
# For an encrypted database --passphrase-file is the database's passphrase,
# which --encrypt then also seals with: on the encrypted run (lib.sh) the
# file holds the run's passphrase, that of every database here.
printf '%s\n' "${KNOTMAP_PASSPHRASE:-tea and biscuits}" >pass
printf 'coffee\n' >wrong
leftovers() { find "$WORK" -name '*.partial-*' | sort; }

# --- a consistent snapshot while another program writes -----------------------
# A writer holds a transaction open (its insert uncommitted) for the whole backup.
sqlite3 "$db" "PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE;
  INSERT INTO client (name, created_utc) VALUES ('Not Yet Committed', 0);
  WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 40000000)
  SELECT count(*) FROM c; COMMIT;" >/dev/null &
writer=$!
sleep 0.5
run backup --db "$db"
assert_eq 0 "$RC" "backup while a writer holds a transaction ($ERR)"
kill -0 "$writer" 2>/dev/null || fail "the writer finished before the backup: the test proves nothing"
wait "$writer"
first=$(ls data/backups)
[[ "$first" =~ ^clinic-[0-9]{8}-[0-9]{6}\.db$ ]] || fail "backup name: $first"
assert_contains "$OUT" "Backed up $db to $WORK/data/backups/$first ($clients clients, $sessions sessions" \
  "backup's summary"
assert_eq 700 "$(file_mode data/backups)" "the backups folder's mode"
assert_eq 600 "$(file_mode "data/backups/$first")" "the backup's mode"
assert_eq ok "$(sqlite3 "data/backups/$first" "PRAGMA integrity_check")" "the backup's integrity"
assert_eq delete "$(sqlite3 "data/backups/$first" "PRAGMA journal_mode")" "a backup needs no -wal"
assert_eq 0 "$(sqlite3 "data/backups/$first" "SELECT count(*) FROM client WHERE name = 'Not Yet Committed'")" \
  "the writer's uncommitted row is not in the backup"
assert_eq "$clients" "$(sqlite3 "data/backups/$first" "SELECT count(*) FROM client")" "clients in the backup"
pass "a checked 0600 snapshot in a 0700 folder, consistent while another program writes"

# --- encrypted, and into a chosen file -----------------------------------------
sleep 1 # a new second: a new name
run backup --db "$db" --encrypt --passphrase-file pass
assert_eq 0 "$RC" "backup --encrypt ($ERR)"
sealed=$(ls data/backups | grep '\.sealed$')
assert_contains "$OUT" "encrypted; checked" "the summary says encrypted"
assert_eq "KNOTSEAL" "$(head -c 8 "data/backups/$sealed")" "an encrypted backup is a sealed file"
# Whole names, not words: a 3-letter word turns up in random bytes by chance.
while IFS= read -r name; do
  if grep -qaF -- "$name" "data/backups/$sealed"; then fail "'$name' readable in the encrypted backup"; fi
done < <(sqlite3 "$db" "SELECT name FROM client"; printf '%s\n' "SQLite format 3" "CREATE TABLE")
[[ -z "$(find data -maxdepth 1 -name '.*backup*')" ]] || fail "the plain snapshot was left beside the database"
run backup --db "$db" -o mine.db
assert_eq 0 "$RC" "backup -o ($ERR)"
run backup --db "$db" -o mine.db
assert_eq 1 "$RC" "backup -o onto an existing file"
assert_contains "$ERR" "mine.db: already exists" "an existing output is refused"
pass "encrypted backups hold no plain text; -o writes a new file and refuses an existing one"

run backups --db "$db"
assert_eq 0 "$RC" "backups ($ERR)"
assert_contains "$OUT" "$first" "the list names the plain backup"
assert_contains "$OUT" "$sealed (encrypted)" "the list names the encrypted backup"
assert_contains "$(grep -F "$first" <<<"$OUT")" "  $clients  " "the list gives the client count"
assert_eq 3 "$(wc -l <<<"$OUT")" "a header and two backups"
pass "backups lists date, size and counts"

# --- restore -----------------------------------------------------------------------
before=$(db_fingerprint "$db")
run restore "data/backups/$first" --db "$db"
assert_eq 1 "$RC" "restore over an existing database without --force"
assert_contains "$ERR" "already holds a database; --force replaces it" "why it was refused"
run restore "data/backups/$sealed" --db "$db" --force --passphrase-file wrong
assert_eq 1 "$RC" "restore with a wrong passphrase"
if on_encrypted_files; then
  # The file is the encrypted database's passphrase first: refused there.
  assert_contains "$ERR" "$db: wrong passphrase (or a damaged encryption header); nothing was changed" \
    "wrong passphrase for the encrypted database"
else
  assert_contains "$ERR" "$sealed: wrong passphrase, or the file is damaged" "wrong passphrase"
fi
# Into a new file, where no database needs it, the backup itself refuses it.
run restore "data/backups/$sealed" --db "$WORK/refused/new.db" --passphrase-file wrong
assert_eq 1 "$RC" "restore into a new file with a wrong passphrase"
assert_contains "$ERR" "$sealed: wrong passphrase, or the file is damaged" "wrong passphrase for the backup"
assert_no_database "$WORK/refused/new.db" "a restore with a wrong passphrase"
head -c 20000 "data/backups/$first" >cut.db
run restore cut.db --db "$db" --force
assert_eq 1 "$RC" "restore of a truncated backup"
printf 'date,region,pain\n' >sheet.csv
run restore sheet.csv --db "$db" --force
assert_eq 1 "$RC" "restore of a CSV file"
assert_contains "$ERR" "sheet.csv: not a Knotmap backup" "a foreign file is named"
run export --db "$db" --all archive.kme --encrypt --passphrase-file pass
run restore archive.kme --db "$db" --force --passphrase-file pass
assert_eq 1 "$RC" "restore of an encrypted export"
assert_contains "$ERR" "an encrypted export, not a backup" "an export archive is not a backup"
assert_eq "$before" "$(db_fingerprint "$db")" "the refused restores changed nothing"
assert_eq "" "$(leftovers)" "no temporary file left by the refused restores"
assert_eq 2 "$(ls data/backups | wc -l)" "the refused restores took no backup"
pass "refused restores leave the database and the backups folder as they were"

# Into a new file, from the encrypted backup.
run restore "data/backups/$sealed" --db "$WORK/elsewhere/new.db" --passphrase-file pass
assert_eq 0 "$RC" "restore into a new file ($ERR)"
assert_eq 600 "$(file_mode elsewhere/new.db)" "a restored database's mode"
run info --db "$WORK/elsewhere/new.db"
assert_eq 0 "$RC" "the restored database opens and checks out ($ERR)"
"$KNOTMAP" export --db "$db" --all now >/dev/null 2>&1
"$KNOTMAP" export --db "$WORK/elsewhere/new.db" --all restored >/dev/null 2>&1
diff -r now restored >/dev/null || fail "the restored database differs from the one backed up"

# Over the existing one, with --force: it is backed up first. The database
# gains a client first, so the restore visibly takes it back.
sqlite3 "$db" "INSERT INTO client (name, created_utc) VALUES ('Added Later', 0)"
run restore "data/backups/$first" --db "$db" --force
assert_eq 0 "$RC" "restore --force ($ERR)"
assert_contains "$OUT" "Kept the replaced database as $WORK/data/backups/clinic-" "the replaced one is kept"
kept=$(sed -n 's/^Kept the replaced database as \([^ ]*\) .*/\1/p' <<<"$OUT")
assert_eq 1 "$(sqlite3 "$kept" "SELECT count(*) FROM client WHERE name = 'Added Later'")" \
  "the kept copy holds what was replaced"
assert_eq 0 "$(sqlite3 "$db" "SELECT count(*) FROM client WHERE name = 'Added Later'")" \
  "the database is the backup again"
[[ ! -e "$db-wal" || $(stat -c %s "$db-wal") -eq 0 ]] || fail "an old WAL was left beside the restored database"
run info --db "$db"
assert_eq 0 "$RC" "the restored database checks out ($ERR)"
pass "restore into a new file, and over an existing one with --force after backing it up"

# A -wal left where no database is (a program killed before its checkpoint,
# then the file deleted) would be applied to the restored file: refused.
python3 - "$WORK/ghost.db" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA journal_mode = WAL")
db.execute("CREATE TABLE stale (x)")
db.execute("INSERT INTO stale VALUES ('not from the backup')")
db.commit()
os._exit(0)  # no checkpoint: the rows stay in ghost.db-wal
PY
rm "$WORK/ghost.db"
[[ -s "$WORK/ghost.db-wal" ]] || fail "the test could not leave a -wal behind"
run restore "data/backups/$first" --db "$WORK/ghost.db"
assert_eq 1 "$RC" "restore where a stray -wal waits"
assert_contains "$ERR" "ghost.db-wal holds changes of a database that is not there" "the stray -wal is named"
[[ ! -e "$WORK/ghost.db" ]] || fail "a database was restored beside a stray -wal"
assert_eq "" "$(leftovers)" "no temporary file left"
pass "a stray -wal where the database would go is refused"

# A database another program has open is not swapped under it.
# It has written in WAL mode, so a -wal with its change lies beside the file.
sqlite3 "$db" "PRAGMA journal_mode = WAL; INSERT INTO client (name, created_utc) VALUES ('Σοφία', 0);
  BEGIN; SELECT count(*) FROM client;
  WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 40000000)
  SELECT count(*) FROM c; COMMIT;" >/dev/null &
reader=$!
sleep 0.5
before=$(db_fingerprint "$db")
run restore "data/backups/$first" --db "$db" --force
kill -0 "$reader" 2>/dev/null || fail "the other program finished first: the test proves nothing"
[[ -s "$db-wal" ]] || fail "the other program left no -wal: the test proves less than it says"
wait "$reader"
assert_eq 1 "$RC" "restore while another program has the database open"
assert_contains "$ERR" "in use by another program" "why it was refused"
# (Its WAL may have been checkpointed into the file: the same records.)
assert_eq "$before" "$(db_fingerprint "$db")" "the open database was not replaced"
assert_eq "" "$(leftovers)" "no temporary file left"
pass "a database another program has open is not replaced"

# --- a backup killed midway: its temporaries go with the next backup -------------
# Stand-ins for what a killed encrypted backup leaves: the plain snapshot
# beside the database and the partial archive in the backups folder, named
# with a process id no process has.
dead=$(( $(cat /proc/sys/kernel/pid_max) + 1 )) # no process can have it
touch "data/.clinic.db.backup.partial-$dead-AbCdEf" "data/backups/.x.db.partial-$dead-GhIjKl"
touch "data/.clinic.db.backup.partial-$$-MnOpQr" # this shell's: still running, kept
# The person's own files that merely look alike are never Knotmap's to delete.
touch "data/holiday.partial-$dead.jpg" "data/report.partial-$dead-final.pdf" \
    "data/backups/notes.partial-$dead-1" "data/backups/x.db.partial-$dead-1"
run backup --db "$db" -o "$WORK/after-kill.db"
assert_eq 0 "$RC" "backup after a killed one ($ERR)"
[[ ! -e "data/.clinic.db.backup.partial-$dead-AbCdEf" ]] || fail "a dead backup's plain snapshot was kept"
[[ -e "data/.clinic.db.backup.partial-$$-MnOpQr" ]] || fail "a running process's temporary was removed"
rm "data/.clinic.db.backup.partial-$$-MnOpQr"
run backup --db "$db"
[[ ! -e "data/backups/.x.db.partial-$dead-GhIjKl" ]] || fail "a dead backup's partial file was kept"
for own in data/holiday.partial-$dead.jpg data/report.partial-$dead-final.pdf \
    data/backups/notes.partial-$dead-1 data/backups/x.db.partial-$dead-1; do
  [[ -e "$own" ]] || fail "the backup deleted $own, a file that is not Knotmap's temporary"
done
rm "data/holiday.partial-$dead.jpg" "data/report.partial-$dead-final.pdf" \
    "data/backups/notes.partial-$dead-1" "data/backups/x.db.partial-$dead-1"
pass "what a killed backup left is removed by the next one"

# --- -o into folders that do not exist yet: made 0700, as export makes them ----
run backup --db "$db" -o "$WORK/usb/knotmap/clinic copy.db"
assert_eq 0 "$RC" "backup -o into a new folder ($ERR)"
assert_eq ok "$(sqlite3 "$WORK/usb/knotmap/clinic copy.db" "PRAGMA integrity_check")" "backup in a new folder"
assert_eq 700 "$(file_mode "$WORK/usb/knotmap")" "a folder backup -o made"
chmod 500 "$WORK/usb"
run backup --db "$db" -o "$WORK/usb/refused/clinic.db"
chmod 700 "$WORK/usb"
if [[ $(id -u) != 0 ]]; then # root writes through the mode
  assert_eq 1 "$RC" "backup -o where no folder can be made"
  [[ ! -e "$WORK/usb/refused" ]] || fail "a refused backup left the folder it made"
fi
pass "backup -o makes the folders it needs"

# --- an import into a database with records backs it up first -------------------------
sleep 1
client=$(sqlite3 "$db" "SELECT name FROM client ORDER BY id LIMIT 1")
printf 'date,region,pain\n2026-04-02,front.quadriceps.left,4\n' >sheet.csv
backups_before=$(ls data/backups | wc -l)
run import --db "$db" sheet.csv --client "$client"
assert_eq 0 "$RC" "import into the database ($ERR)"
assert_contains "$OUT" "Backed up $db to $WORK/data/backups/clinic-" "the import says it backed up first"
assert_eq $((backups_before + 1)) "$(ls data/backups | wc -l)" "one more backup"
newest=$(ls data/backups | grep -v sealed | sort | tail -1)
assert_eq 0 "$(sqlite3 "data/backups/$newest" "SELECT count(*) FROM session WHERE started_utc >= strftime('%s', '2026-04-02')")" \
  "the backup was taken before the import's rows"
run import --db "$db" sheet.csv --client "$client" --dry-run
assert_eq $((backups_before + 1)) "$(ls data/backups | wc -l)" "a dry run takes no backup"
pass "an import into a database with records backs it up first"

# --- pruning -------------------------------------------------------------------------
# A year and more of older daily backups (small stand-ins: pruning goes by name).
for days in $(seq 2 420); do
  touch "data/backups/clinic-$(date -u -d "-$days days" +%Y%m%d)-120000.db"
done
oldest="clinic-$(date -u -d '-420 days' +%Y%m%d)-120000.db"
two_days="clinic-$(date -u -d '-2 days' +%Y%m%d)-120000.db"
run backup --db "$db"
assert_eq 0 "$RC" "backup with many old ones ($ERR)"
count=$(ls data/backups | wc -l)
(( count <= 7 + 4 + 12 + 8 )) || fail "$count backups left after pruning"
[[ ! -e "data/backups/$oldest" ]] || fail "a backup from 420 days ago was kept"
[[ -e "data/backups/$two_days" ]] || fail "the backup from two days ago was pruned"
[[ -e "data/backups/$first" && -e "data/backups/$sealed" ]] || fail "today's backups were pruned"
pass "pruning keeps today's backups and 7 daily, 4 weekly, 12 monthly ($count left)"

# --- a server database goes into a file named with -o (test_server_cli.sh) --------
run backup --db "host=/nonexistent dbname=x"
assert_eq 2 "$RC" "backup of a server database without -o"
assert_contains "$ERR" "add -o FILE" "says what to add"
run backups --db "host=/nonexistent dbname=x"
assert_eq 1 "$RC" "backups of a server database"
assert_contains "$ERR" "the files \`knotmap backup -o FILE\` wrote" "backups of a server"
