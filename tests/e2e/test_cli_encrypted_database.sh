#!/usr/bin/env bash
# An encrypted database file (`knotmap encrypt`, src/store/encrypted_file/):
# no client name, note or region code is readable in its bytes, in its WAL
# while a writer holds it (uncommitted, and committed but not yet
# checkpointed), in any file of its folder (backups too), in knotmap's
# temporary folder or in any file a stopped writer has open; the same search
# finds every one of them in the plain file first, so it is a real search.
# The file is 0600. A wrong passphrase changes nothing. A file cut short (half
# a page, whole pages, into the header), a byte flipped in a page, in the
# WAL's first frame or in the header, a page copied over another: each is
# refused with exit 1 by info and export, which print none of its records.
# rekey: the old passphrase refused, the new one taken; decrypt: a plain
# file that the sqlite3 shell checks, holding every row.
# Usage: test_cli_encrypted_database.sh /path/to/knotmap
source "$(dirname "$0")/lib.sh" "$1"
whole_test_files_only "encryption is of the database file's pages: its bytes, WAL and header"

cd "$WORK"
umask 022 # the modes checked below must not come from the test's umask
# knotmap's (and SQLite's) temporary files go to a folder of this test's own,
# searched below like the database's folder: the machine's shared $TMPDIR
# holds this test's plain reference files and other tests' demo databases.
mkdir -m 700 tmp
export TMPDIR="$WORK/tmp" SQLITE_TMPDIR="$WORK/tmp"
unset KNOTMAP_PASSPHRASE KNOTMAP_NEW_PASSPHRASE
printf 'pale blue kestrel over the dunes\n' >pass
printf 'pale blue kestrel over the dune\n' >wrong
printf 'seven quiet otters at the weir\n' >newpass
chmod 600 pass wrong newpass
passphrase='pale blue kestrel over the dunes'

mkdir vault reference
db="$WORK/vault/clinic.db"
sha() { sha256sum "$1" | cut -d' ' -f1; }
flip() { # FILE OFFSET: flips one bit of the byte at OFFSET
  python3 - "$1" "$2" <<'PY'
import sys
with open(sys.argv[1], "r+b") as f:
    at = int(sys.argv[2]); f.seek(at); b = f.read(1); f.seek(at); f.write(bytes([b[0] ^ 0x04]))
PY
}
# Rows per table as `knotmap info` lists them ("table count" lines), and the
# same read from a plain file by the sqlite3 shell.
info_counts() { sed -n '/^rows per table$/,$p' <<<"$1" | tail -n +2 | awk '{ print $1, $2 }'; }
sqlite_counts() { # FILE TABLE...
  local file=$1 table
  shift
  for table in "$@"; do echo "$table $(sqlite3 "$file" "SELECT count(*) FROM $table")"; done
}
info_clients() { info_counts "$1" | awk '$1 == "client" { print $2 }'; }

# --- a plain history, and what must not be readable once it is encrypted -----
run demo --db "$db" --clients 5 --days 60 --seed 21 --end 2026-03-31
assert_eq 0 "$RC" "demo ($ERR)"
run export --db "$db" --all reference/export
assert_eq 0 "$RC" "export --all of the plain file ($ERR)"
# Whole names, notes and region codes (never short words: those turn up in
# random bytes by chance): the clients' names, their notes and the sessions'
# notes of at least 12 characters, the knots' region codes.
python3 - reference/export >secrets <<'PY'
import csv, sys
def rows(table):
    with open(f"{sys.argv[1]}/{table}.csv", newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))
found = []
clients = rows("clients")
found += [c["client_name"] for c in clients]
found += [c["notes"] for c in clients if len(c["notes"]) >= 12]
notes = sorted({s[k] for s in rows("sessions")
                for k in ("notes", "subjective", "objective", "assessment", "plan")
                if len(s[k]) >= 12 and "\n" not in s[k]})
found += notes[:6]
found += sorted({k["region_code"] for k in rows("knots")})
for secret in dict.fromkeys(found):
    print(secret)
PY
names=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"))))' \
  reference/export/clients.csv)
grep -q '^back\.' secrets || fail "no region code among the secrets: $(cat secrets)"
(($(wc -l <secrets) >= names + 5)) || fail "too few secrets to look for: $(cat secrets)"
# Written later, through the encrypted file only: a new client and a note.
marker_client="Quillon Brackenridge"
marker_note="lantern marmalade beneath the left scapula"
printf 'date,region,pain,notes\n2026-04-01,back.upper_trapezius.left,6,%s\n2026-04-02 21:15,back.rhomboid.right,4,"%s, again"\n' \
  "$marker_note" "$marker_note" >reference/more.csv
printf '%s\n%s\n' "$marker_client" "$marker_note" >>secrets
secret_count=$(wc -l <secrets)

# The search: every secret in every file given, byte for byte (grep -a -F).
# Prints "FILE: SECRET" for each one found.
readable_in() {
  local file secret
  for file in "$@"; do
    [[ -f "$file" ]] || continue
    if [[ $(grep -c -a -F -f secrets -- "$file" || true) != 0 ]]; then
      while IFS= read -r secret; do
        if grep -q -a -F -- "$secret" "$file"; then echo "$file: $secret"; fi
      done <secrets
    fi
  done
}
# Every file in the database's folder (backups included) and the temporary folder.
every_file() { find "$WORK/vault" "$WORK/tmp" -type f | sort; }
# The files a process has open (deleted temporary files too), but for its
# standard streams: /proc/PID/fd/N reads them even once unlinked.
open_files() { # PID
  local fd
  for fd in /proc/"$1"/fd/*; do
    [[ ${fd##*/} -gt 2 && -f "$fd" ]] && echo "$fd"
  done
  return 0
}
# Searches every file in the folder and the temporary folder, and FILEs.
assert_nothing_readable() { # WHAT [FILE...]
  local what=$1 found files
  shift
  mapfile -t files < <(every_file)
  found=$(readable_in "${files[@]}" "$@")
  [[ -z "$found" ]] || fail "$what: readable in plain text:"$'\n'"$found"
}

# The search is real: in the plain file it finds each demo secret.
while IFS= read -r secret; do
  [[ $secret == "$marker_client" || $secret == "$marker_note" ]] && continue
  n=$(grep -c -a -F -- "$secret" "$db" || true)
  ((n > 0)) || fail "the search does not find '$secret' in the plain file"
done <secrets
counts_plain=$(sqlite_counts "$db" $(sqlite3 "$db" \
  "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
# Every row and schema line; sorted, as the copy that encrypt and decrypt make
# creates the indexes after the tables.
sorted_dump() { sqlite3 "$1" .dump | LC_ALL=C sort | sha256sum | cut -d' ' -f1; }
dump_plain=$(sorted_dump "$db")
pass "the plain file holds all $((secret_count - 2)) names, notes and region codes the search looks for"

# --- encrypt -------------------------------------------------------------------
run encrypt --db "$db" --passphrase-file pass
assert_eq 0 "$RC" "encrypt ($ERR)"
echo "encrypt: $OUT"
assert_eq KnotmapEncrypted "$(head -c 16 "$db")" "the encrypted file's first 16 bytes"
assert_eq 600 "$(file_mode "$db")" "the encrypted database's mode"
assert_nothing_readable "after encrypt"
run info --db "$db" --passphrase-file pass
assert_eq 0 "$RC" "info on the encrypted file ($ERR)"
assert_contains "$OUT" "integrity check ok" "info on the encrypted file"
counts_encrypted=$(info_counts "$OUT" | sort)
assert_eq "$(sort <<<"$counts_plain")" "$counts_encrypted" "rows per table after encrypt"
cp "$db" reference/pristine.db
pass "encrypted: starts with KnotmapEncrypted, mode 0600, the same rows, nothing readable in the folder"

# --- a wrong passphrase changes nothing ----------------------------------------
before_sum=$(sha "$db")
before_files=$(ls -A vault)
run info --db "$db" --passphrase-file wrong
assert_eq 1 "$RC" "info with a wrong passphrase"
assert_contains "$ERR" "$db: wrong passphrase (or a damaged encryption header); nothing was changed" \
  "the wrong passphrase's message"
[[ "$OUT" != *"rows per table"* ]] || fail "info printed rows with a wrong passphrase: $OUT"
KNOTMAP_PASSPHRASE='pale blue kestrel over the dune' run export --db "$db" --table clients -o -
assert_eq 1 "$RC" "export with a wrong passphrase (KNOTMAP_PASSPHRASE)"
assert_contains "$ERR" "wrong passphrase" "export's message"
assert_eq "" "$OUT" "export's output with a wrong passphrase"
run import --db "$db" --client "$marker_client" --passphrase-file wrong reference/more.csv
assert_eq 1 "$RC" "import with a wrong passphrase"
assert_contains "$ERR" "wrong passphrase" "import's message"
assert_eq "$before_sum" "$(sha "$db")" "the file's sha256 after the wrong passphrases"
assert_eq "$before_files" "$(ls -A vault)" "the folder after the wrong passphrases"
pass "a wrong passphrase: exit 1, '$db: wrong passphrase (or a damaged encryption header); nothing was changed', sha256 unchanged"

# A usage error is said before any passphrase is needed (exit 2, as on a
# plain file), not after asking for one or refusing for want of it.
run export --db "$db" --encrypt -o - </dev/null
assert_eq 2 "$RC" "export --encrypt -o - on the encrypted file, no passphrase given"
assert_contains "$ERR" "--encrypt writes one archive file and reads it back to check it: name a file, not -" \
  "the usage error"
[[ "$ERR" != *passphrase* ]] || fail "the usage error spoke of a passphrase: $ERR"
pass "a usage error on an encrypted file: exit 2 before any passphrase is asked for"

# --- writing through the encrypted file ----------------------------------------
run import --db "$db" --client "$marker_client" --passphrase-file pass reference/more.csv
assert_eq 0 "$RC" "import into the encrypted file ($ERR)"
assert_contains "$OUT" "2 ratings for $marker_client (a new client)" "import's summary"
assert_eq KnotmapEncrypted "$(head -c 16 "$db")" "the file after the import"
assert_nothing_readable "after the import"
pass "an import through the encrypted file leaves nothing readable (folder, backups, temporary files)"

# A demo writer, stopped twice: while its transaction fills the WAL, and when
# its checkpoint begins (the commit is in the WAL, not yet all in the file).
# At each stop the database, its -wal and -shm, every file in the folder and
# every file the writer has open are searched; at the second the database and
# its WAL are copied (the WAL trial below), then the writer is killed.
cat >watch.py <<'PY'
import os, signal, sys, time
# watch.py DB PID: stops PID (SIGSTOP) once the -wal beside DB holds more than
# 64 KiB and writes "wal" to the file stage; waits for a file go, then takes
# DB's size and lets PID go on (SIGCONT); stops it again once DB grows past
# that size while its -wal is still there (a checkpoint began) and writes
# "checkpoint" to stage. Writes "missed" there when PID ends first.
db, pid = sys.argv[1], int(sys.argv[2])
def size(path):
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return -1
def running():
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(") ", 1)[1][0] not in "ZX"
    except FileNotFoundError:
        return False
def tell(what):
    with open("stage.tmp", "w") as f:
        f.write(what)
    os.rename("stage.tmp", "stage")
def stop_when(hit):
    deadline = time.monotonic() + 240
    while running() and time.monotonic() < deadline:
        if hit():
            os.kill(pid, signal.SIGSTOP)
            return True
        # Finely once the -wal is there (the writes take milliseconds).
        time.sleep(0.0002 if size(db + "-wal") >= 0 else 0.002)
    return False
if not stop_when(lambda: size(db + "-wal") > 64 * 1024):
    tell("missed")
    sys.exit(0)
tell("wal")
while not os.path.exists("go"):
    time.sleep(0.01)
base = size(db)
os.kill(pid, signal.SIGCONT)
tell("checkpoint" if stop_when(lambda: size(db + "-wal") > 0 and size(db) > base) else "missed")
PY
# Waits for the watcher to write a stage; prints it ("missed" if the watcher
# ended without writing one).
stage() {
  while [[ ! -e stage ]]; do
    if ! kill -0 "$watcher" 2>/dev/null; then
      [[ -e stage ]] || { echo missed; return 0; }
    fi
    sleep 0.01
  done
  cat stage
  rm stage
}
# A writer left stopped by a failed check is killed on the way out.
writer=
trap '[[ -z $writer ]] || kill -9 "$writer" 2>/dev/null; cleanup' EXIT
writer_stopped=
for attempt in 1 2 3; do
  rm -f stage go
  run info --db "$db" --passphrase-file pass
  clients_before=$(info_clients "$OUT")
  "$KNOTMAP" demo --db "$db" --clients 8 --days 150 --seed $((30 + attempt)) --end 2026-03-31 \
    --force --quiet --passphrase-file pass >writer.out 2>writer.err &
  writer=$!
  python3 watch.py "$db" "$writer" &
  watcher=$!
  if [[ $(stage) != wal ]]; then
    wait "$watcher"
    wait "$writer" || true
    writer=
    echo "attempt $attempt: the writer finished before its WAL could be caught; again"
    continue
  fi
  [[ -s "$db-wal" ]] || fail "the writer is stopped while writing, but no WAL is beside the file"
  mapfile -t open < <(open_files "$writer")
  assert_nothing_readable "a writer stopped while writing its WAL ($(stat -c %s "$db-wal") bytes of WAL)" \
    "${open[@]}"
  echo "stopped while writing its WAL: WAL $(stat -c %s "$db-wal") bytes; searched $(every_file | wc -l) files" \
    "and the writer's ${#open[@]} open files"
  touch go
  outcome=$(stage)
  wait "$watcher"
  if [[ $outcome != checkpoint ]]; then
    echo "attempt $attempt: the writer finished before its checkpoint could be caught; again"
    wait "$writer" || true
    writer=
    continue
  fi
  writer_stopped=yes
  break
done
[[ -n $writer_stopped ]] || fail "three demo writers finished before they could be stopped at their checkpoint"
wal_bytes=$(stat -c %s "$db-wal")
mapfile -t open < <(open_files "$writer")
assert_nothing_readable "a writer stopped at its checkpoint ($wal_bytes bytes of WAL)" "${open[@]}"
mkdir reference/walcopy
cp "$db" "$db-wal" reference/walcopy/
kill -9 "$writer"
rc=0
wait "$writer" 2>/dev/null || rc=$?
writer=
assert_eq 137 "$rc" "the stopped writer's end (SIGKILL)"
[[ -s "$db-wal" ]] || fail "the killed writer left no WAL"
assert_nothing_readable "after the writer was killed, its WAL left behind"
echo "stopped at its checkpoint: WAL $wal_bytes bytes, $(((wal_bytes - 32) / 4120)) frames"
pass "while a writer holds the WAL (writing it, and at its checkpoint) and after kill -9: nothing readable in the file, -wal, -shm, folder, temporary folder or the writer's open files"

run info --db "$db" --passphrase-file pass
assert_eq 0 "$RC" "info after the killed writer ($ERR)"
assert_contains "$OUT" "integrity check ok" "info after the killed writer"
assert_eq $((clients_before + 8)) "$(info_clients "$OUT")" "clients after a writer killed after its commit"
pass "the killed writer's committed WAL is recovered: $((clients_before + 8)) clients, integrity ok"

# --- damaged files: refused, none of their records printed ---------------------
# Each trial damages a fresh copy; info and export must fail and print no
# record (no integrity verdict, no rows, no client name).
pristine=reference/pristine.db
size=$(stat -c %s "$pristine")
pages=$(((size - 4096) / 4096))
((pages >= 8)) || fail "the encrypted file has only $pages pages"
messages="$WORK/tamper-messages"
: >"$messages"
refused_copy() { # WHAT FILE [info]: with "info", only info is run
  local what=$1 file=$2
  run info --db "$file" --passphrase-file pass
  [[ $RC != 0 ]] || fail "$what: info accepted the damaged file: $OUT"
  [[ "$OUT" != *"integrity check ok"* && "$OUT" != *"rows per table"* ]] ||
    fail "$what: info printed the damaged file's contents: $OUT"
  echo "$what: info exit $RC: $ERR" >>"$messages"
  [[ ${3:-} != info ]] || return 0
  KNOTMAP_PASSPHRASE=$passphrase run export --db "$file" --table clients -o -
  [[ $RC != 0 ]] || fail "$what: export accepted the damaged file: $OUT"
  [[ -z "$(readable_in "$WORK/stdout")" ]] || fail "$what: export printed records: $OUT"
  echo "$what: export exit $RC: $ERR" >>"$messages"
}
fresh() { rm -rf tamper; mkdir tamper; cp "$pristine" tamper/copy.db; }

fresh; truncate -s $((size - 2048)) tamper/copy.db
refused_copy "(a) the last page cut in half" tamper/copy.db
fresh; truncate -s $((size - 3 * 4096)) tamper/copy.db
refused_copy "(a) the last 3 pages cut" tamper/copy.db
fresh; truncate -s $((4096 + pages / 2 * 4096)) tamper/copy.db
refused_copy "(a) cut to $((pages / 2)) of $pages pages" tamper/copy.db
fresh; truncate -s 2000 tamper/copy.db
refused_copy "(a) cut inside the header" tamper/copy.db
fresh; flip tamper/copy.db $((4096 * 3 + 100))
refused_copy "(b) a byte flipped in page 3" tamper/copy.db
fresh; flip tamper/copy.db $((4096 * 1 + 100))
refused_copy "(b) a byte flipped in page 1" tamper/copy.db
fresh; flip tamper/copy.db $((4096 * pages + 4000))
refused_copy "(b) a byte flipped in the last page ($pages)" tamper/copy.db
fresh; dd if="$pristine" of=tamper/copy.db bs=4096 skip=3 seek=5 count=1 conv=notrunc status=none
refused_copy "(d) page 3 copied over page 5" tamper/copy.db
fresh; dd if="$pristine" of=tamper/copy.db bs=4096 skip=5 seek=3 count=1 conv=notrunc status=none
dd if="$pristine" of=tamper/copy.db bs=4096 skip=3 seek=5 count=1 conv=notrunc status=none
refused_copy "(d) pages 3 and 5 swapped" tamper/copy.db
# A page of another encrypted file (its own key) in place of page 3.
"$KNOTMAP" demo --db reference/other.db --clients 2 --days 30 --seed 8 --end 2026-03-31 >/dev/null
"$KNOTMAP" encrypt --db reference/other.db --passphrase-file pass >/dev/null
fresh; dd if=reference/other.db of=tamper/copy.db bs=4096 skip=3 seek=3 count=1 conv=notrunc status=none
refused_copy "(d) page 3 of another encrypted file" tamper/copy.db

# (e) the header: the salt, then every other field the key depends on
# (version, page size, Argon2id limits, wrapping nonce, wrapped key and tag),
# by info alone: export unlocks the header the same way.
fresh; flip tamper/copy.db 40
refused_copy "(e) header byte 40 (the salt) flipped" tamper/copy.db
assert_eq 1 "$RC" "(e) the salt flipped: export's exit code"
assert_contains "$ERR" "tamper/copy.db: wrong passphrase (or a damaged encryption header); nothing was changed" \
  "(e) the salt flipped: export's message"
for at in 50 16 20 24 33 60 90 120; do
  fresh; flip tamper/copy.db "$at"
  refused_copy "(e) header byte $at flipped" tamper/copy.db info
done

# (c) the WAL: the copy taken at the writer's checkpoint opens, with the
# writer's clients (so the WAL is needed); its first frame's page changed,
# it is refused.
wal=reference/walcopy/clinic.db-wal
frames=$((($(stat -c %s "$wal") - 32) / 4120))
((frames >= 2)) || fail "the WAL copy holds $frames frames"
# The WAL header's salts (bytes 16-23) are the first frame's (its bytes 8-15).
assert_eq "$(head -c 24 "$wal" | tail -c 8 | od -An -tx1)" "$(head -c 48 "$wal" | tail -c 8 | od -An -tx1)" \
  "the first frame's salts are the WAL header's"
rm -rf tamper; mkdir tamper; cp reference/walcopy/* tamper/
run info --db tamper/clinic.db --passphrase-file pass
assert_eq 0 "$RC" "(c) the untouched WAL copy opens ($ERR)"
assert_eq $((clients_before + 8)) "$(info_clients "$OUT")" "(c) clients in the untouched WAL copy"
rm -rf tamper; mkdir tamper; cp reference/walcopy/* tamper/
flip tamper/clinic.db-wal $((32 + 24 + 100))
refused_copy "(c) a byte flipped in the WAL's first frame (of $frames)" tamper/clinic.db
rm -rf tamper; mkdir tamper; cp reference/walcopy/* tamper/
flip tamper/clinic.db-wal $((32 + 4120 * (frames / 2) + 24 + 100))
refused_copy "(c) a byte flipped in the WAL's frame $((frames / 2 + 1)) (of $frames)" tamper/clinic.db
rm -rf tamper
echo "--- what the damaged files made knotmap say:"
sed 's/^/  /' "$messages"
pass "$(grep -c ': info exit' "$messages") damaged copies (cut, flipped, moved, foreign page, header, WAL frame) refused by info and export, no record printed"

# --- rekey ---------------------------------------------------------------------
# A backup taken before the rekey, plain database file and sealed archive.
KNOTMAP_PASSPHRASE='pale blue kestrel over the dunes' run backup --db "$db" -o vault/before-rekey.db
assert_eq 0 "$RC" "a backup before rekey ($ERR)"
run backup --db "$db" --encrypt --passphrase-file pass -o vault/before-rekey.db.sealed
assert_eq 0 "$RC" "a sealed backup before rekey ($ERR)"
run rekey --db "$db" --passphrase-file pass --new-passphrase-file newpass
assert_eq 0 "$RC" "rekey ($ERR)"
echo "rekey: $OUT"
assert_eq KnotmapEncrypted "$(head -c 16 "$db")" "the file after rekey"
assert_eq 600 "$(file_mode "$db")" "the mode after rekey"
run info --db "$db" --passphrase-file pass
assert_eq 1 "$RC" "info with the old passphrase after rekey"
assert_contains "$ERR" "$db: wrong passphrase (or a damaged encryption header); nothing was changed" \
  "the old passphrase's message"
run info --db "$db" --passphrase-file newpass
assert_eq 0 "$RC" "info with the new passphrase ($ERR)"
assert_contains "$OUT" "integrity check ok" "info with the new passphrase"
counts_before_decrypt=$(info_counts "$OUT" | sort)
assert_nothing_readable "after rekey"
pass "rekey: the old passphrase refused, the new one opens the file"

# A backup made before the rekey keeps the old passphrase: restoring it with
# the database's new one is refused, saying how to give the backup's own;
# with --backup-passphrase-file it is restored, and opens with the old one.
for backup in vault/before-rekey.db vault/before-rekey.db.sealed; do
  target="restored/$(basename "$backup").db"
  run restore "$backup" --db "$target" --passphrase-file newpass
  assert_eq 1 "$RC" "restore of $backup with the new passphrase"
  assert_contains "$ERR" "wrong passphrase" "restore of $backup with the new passphrase"
  [[ ! -e "$target" ]] || fail "a refused restore left $target"
  run restore "$backup" --db "$target" --passphrase-file newpass --backup-passphrase-file pass
  assert_eq 0 "$RC" "restore of $backup with --backup-passphrase-file ($ERR)"
  assert_eq KnotmapEncrypted "$(head -c 16 "$target")" "the database restored from $backup"
  run info --db "$target" --passphrase-file pass
  assert_eq 0 "$RC" "info on the database restored from $backup ($ERR)"
  assert_contains "$OUT" "integrity check ok" "the database restored from $backup"
done
run restore vault/before-rekey.db --db restored/hint.db --passphrase-file newpass
assert_contains "$ERR" "give that one with --backup-passphrase-file FILE" "the hint for a backup made before a rekey"
pass "a backup made before rekey restores with --backup-passphrase-file (database file and sealed archive)"

# --- backup of the encrypted database --------------------------------------------
# `backup` takes --passphrase-file only with --encrypt (a passphrase for the
# backup), so the database's comes from KNOTMAP_PASSPHRASE.
before_backups=$(ls vault/backups 2>/dev/null | sort)
KNOTMAP_PASSPHRASE='seven quiet otters at the weir' run backup --db "$db"
assert_eq 0 "$RC" "backup of the encrypted database ($ERR)"
echo "backup: $OUT"
backup=$(comm -13 <(echo "$before_backups") <(ls vault/backups | sort))
[[ -n "$backup" && "$backup" != *$'\n'* ]] || fail "not one new file in vault/backups: '$backup'"
assert_eq KnotmapEncrypted "$(head -c 16 "vault/backups/$backup")" "the backup's first 16 bytes"
assert_eq 600 "$(file_mode "vault/backups/$backup")" "the backup's mode"
assert_nothing_readable "the backup" "vault/backups/$backup"
KNOTMAP_PASSPHRASE='seven quiet otters at the weir' run backups --db "$db"
assert_eq 0 "$RC" "backups ($ERR)"
assert_contains "$OUT" "$backup" "backups lists the new backup"
pass "backup of the encrypted database: vault/backups/$backup starts with KnotmapEncrypted, 0600, no name readable"

# --- decrypt ---------------------------------------------------------------------
run decrypt --db "$db" --passphrase-file newpass
assert_eq 0 "$RC" "decrypt --db ($ERR)"
echo "decrypt: $OUT"
assert_eq "SQLite format 3" "$(head -c 15 "$db")" "the decrypted file's first bytes"
assert_eq ok "$(sqlite3 "$db" 'PRAGMA integrity_check')" "sqlite3's integrity check of the decrypted file"
assert_eq "$counts_before_decrypt" "$(sqlite_counts "$db" $(awk '{ print $1 }' <<<"$counts_before_decrypt") | sort)" \
  "rows per table after decrypt"
# What was written through the encrypted file is there, readable now.
assert_eq 1 "$(sqlite3 "$db" "SELECT count(*) FROM client WHERE name = '$marker_client'")" "the imported client"
for secret in "$marker_client" "$marker_note"; do
  (($(grep -c -a -F -- "$secret" "$db" || true) > 0)) || fail "the search does not find '$secret' in the decrypted file"
done
pass "decrypt: sqlite3 integrity_check ok, the same rows as info counted before ($(sqlite3 "$db" 'SELECT count(*) FROM client') clients), the imported client readable again"

# The copy taken right after encrypting decrypts to exactly the plain file's rows.
cp "$pristine" reference/roundtrip.db
run decrypt --db reference/roundtrip.db --passphrase-file pass
assert_eq 0 "$RC" "decrypt of the first encrypted copy ($ERR)"
assert_eq ok "$(sqlite3 reference/roundtrip.db 'PRAGMA integrity_check')" "integrity of the round trip"
assert_eq "$counts_plain" "$(sqlite_counts reference/roundtrip.db $(awk '{ print $1 }' <<<"$counts_plain"))" \
  "rows per table: before encrypt and after decrypt"
assert_eq "$dump_plain" "$(sorted_dump reference/roundtrip.db)" \
  "sqlite3 .dump (its lines sorted) before encrypt and after decrypt"
pass "encrypt then decrypt: integrity_check ok, row counts and the whole .dump equal those before encrypting"
