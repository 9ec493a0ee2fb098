#!/usr/bin/env bash
# Writers killed with SIGKILL on an encrypted database file: each trial starts
# `knotmap demo --force` (one transaction of a few hundred pages) on the same
# encrypted file and kills it at a random moment: after a random delay from
# its start, a random moment after its WAL gets its first frame, or a random
# moment after its checkpoint starts copying the committed WAL into the file.
# After each kill `knotmap info` opens the file (exit 0, "integrity check
# ok"), it still starts with KnotmapEncrypted and is 0600, and it holds all
# of the writer's clients or none of them.
# The seed is printed; rerun with KNOTMAP_KILL_SEED=N. KNOTMAP_KILL_TRIALS
# sets the number of trials (default 21; 9 in the sanitizer build).
# Usage: test_cli_encrypted_kill.sh /path/to/knotmap
source "$(dirname "$0")/lib.sh" "$1"
whole_test_files_only "the kills test how an encrypted database file and its WAL recover"

if sanitizer_build; then
  trials=${KNOTMAP_KILL_TRIALS:-9}
else
  trials=${KNOTMAP_KILL_TRIALS:-21}
fi
seed=${KNOTMAP_KILL_SEED:-$((($(date +%s%N) / 1000) % 32768))}
RANDOM=$seed
echo "seed $seed (rerun with KNOTMAP_KILL_SEED=$seed), $trials trials"

cd "$WORK"
umask 022
unset KNOTMAP_PASSPHRASE
printf 'nine lanterns on a quiet canal\n' >pass
chmod 600 pass
mkdir vault
db="$WORK/vault/clinic.db"
writer=("$KNOTMAP" demo --db "$db" --clients 3 --days 90 --end 2026-03-31 --force --quiet
  --passphrase-file pass)
"$KNOTMAP" demo --db "$db" --clients 2 --days 30 --seed 4 --end 2026-03-31 --quiet >/dev/null
"$KNOTMAP" encrypt --db "$db" --passphrase-file pass >/dev/null
assert_eq KnotmapEncrypted "$(head -c 16 "$db")" "the encrypted file's first bytes"

clients() { # the client count in info's output
  sed -n '/^rows per table$/,$p' "$WORK/stdout" | awk '$1 == "client" { print $2 }'
}

# Runs a command and kills it (SIGKILL) EXTRA_US microseconds after EVENT:
#   start       the command started;
#   wal         the -wal beside DB got its header (the transaction is being
#               written into it, a few hundred kilobytes in some 20 ms);
#   checkpoint  DB grows while its -wal is there (the committed WAL is being
#               copied into DB, a few milliseconds).
# Prints "killed|finished EXIT WAL_BYTES GREW MS": the -wal's size and whether
# DB had grown when the signal was sent (or the command ended), and when.
cat >kill_at.py <<'PY'
import os, subprocess, sys, time
event, extra_us, db = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def size(path):
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return -1
base = size(db)
start = time.monotonic()
victim = subprocess.Popen(sys.argv[4:], stdout=subprocess.DEVNULL, stderr=open("victim.err", "w"))
seen = start if event == "start" else None
while victim.poll() is None:
    wal = size(db + "-wal")
    if seen is None and ((event == "wal" and wal >= 32) or
                         (event == "checkpoint" and wal > 0 and size(db) > base)):
        seen = time.monotonic()
    if seen is not None and time.monotonic() - seen >= extra_us / 1e6:
        wal, grew = size(db + "-wal"), int(size(db) > base)
        victim.kill()
        victim.wait()
        print("killed", victim.returncode, wal, grew, int((time.monotonic() - start) * 1000))
        sys.exit(0)
    # Finely once the database is open (its -wal is there): the writes take milliseconds.
    time.sleep(0.0002 if wal >= 0 else 0.002)
print("finished", victim.returncode, size(db + "-wal"), int(size(db) > base),
      int((time.monotonic() - start) * 1000))
PY

# A writer nobody kills, twice: how long it takes (the shorter, as the machine may be busy).
run info --db "$db" --passphrase-file pass
before=$(clients)
writer_ms=
for reference in 1 2; do
  read -r how rc _ _ ms < <(python3 kill_at.py start 600000000 "$db" "${writer[@]}" --seed "$reference")
  assert_eq "finished 0" "$how $rc" "a writer nobody kills ($(cat victim.err))"
  [[ -n $writer_ms ]] && ((writer_ms <= ms)) || writer_ms=$ms
done
run info --db "$db" --passphrase-file pass
assert_eq $((before + 6)) "$(clients)" "clients after two writers nobody killed"
before=$(clients)
echo "a writer takes $writer_ms ms"

started=$SECONDS
killed=0 uncommitted=0 committed=0 at_checkpoint=0 after_checkpoint=0 failures=0
for ((i = 1; i <= trials; i++)); do
  case $((i % 3)) in
  1) event=start extra_us=$(((50 + (RANDOM * 32768 + RANDOM) % (writer_ms + 1)) * 1000)) ;;
  2) event=wal extra_us=$(((RANDOM * 32768 + RANDOM) % 25000)) ;;
  0) event=checkpoint extra_us=$(((RANDOM * 32768 + RANDOM) % 2500)) ;;
  esac
  read -r how rc wal grew ms < <(python3 kill_at.py "$event" "$extra_us" "$db" "${writer[@]}" --seed $((i + 2)))
  line="trial $i: $event + $((extra_us / 1000)).$(printf '%03d' $((extra_us % 1000))) ms:"
  run info --db "$db" --passphrase-file pass
  after=$(clients)
  if [[ $how == killed ]]; then
    killed=$((killed + 1))
    if ((grew && wal > 0)); then
      at_checkpoint=$((at_checkpoint + 1))
      line+=" killed at $ms ms during its checkpoint (WAL $wal bytes)"
    elif ((grew)); then
      after_checkpoint=$((after_checkpoint + 1))
      line+=" killed at $ms ms after its checkpoint"
    elif ((wal >= 32)) && [[ $after == "$before" ]]; then
      uncommitted=$((uncommitted + 1))
      line+=" killed at $ms ms while writing its WAL, before the commit (WAL $wal bytes)"
    elif ((wal >= 32)); then
      committed=$((committed + 1))
      line+=" killed at $ms ms after writing its WAL, before the checkpoint (WAL $wal bytes)"
    else
      line+=" killed at $ms ms before writing"
    fi
  else
    line+=" finished (exit $rc) in $ms ms"
    [[ $rc == 0 ]] || { line+=" FAILED ON ITS OWN: $(head -c 300 victim.err)"; failures=$((failures + 1)); }
  fi
  if [[ $RC != 0 || "$OUT" != *$'\n'"integrity check ok"$'\n'* ]]; then
    line+="; FAILED: info exit $RC: $(head -c 300 <<<"$ERR") $(grep integrity <<<"$OUT" || true)"
    failures=$((failures + 1))
  elif [[ $after != "$before" && $after != $((before + 3)) ]]; then
    line+="; FAILED: $after clients, expected $before or $((before + 3))"
    failures=$((failures + 1))
  else
    line+="; info ok, $after clients ($([[ $after == "$before" ]] && echo none || echo all) of the writer's)"
  fi
  if [[ "$(head -c 16 "$db")" != KnotmapEncrypted || "$(file_mode "$db")" != 600 ]]; then
    line+="; FAILED: the file starts with '$(head -c 16 "$db" | tr -c '[:print:]' .)', mode $(file_mode "$db")"
    failures=$((failures + 1))
  fi
  echo "$line"
  before=${after:-$before}
done
mid_write=$((uncommitted + committed + at_checkpoint))
leftovers=$(ls -A vault | grep -v '^clinic\.db\(-wal\|-shm\)\?$' | tr '\n' ' ' || true)
echo "$trials trials in $((SECONDS - started)) s: $killed killed, $mid_write of them mid-write" \
  "($uncommitted before the commit, $committed between commit and checkpoint, $at_checkpoint during" \
  "the checkpoint), $after_checkpoint after the checkpoint, $((killed - mid_write - after_checkpoint))" \
  "before writing; $((trials - killed)) finished first${leftovers:+; in the folder besides the database: $leftovers}"
((failures == 0)) || fail "$failures failures in $trials trials (seed $seed)"
((mid_write > 0)) || fail "no writer was killed mid-write (seed $seed): the test proves little"
pass "$trials writers killed at random on an encrypted database, $killed killed ($mid_write mid-write): info and its integrity check ok every time, all rows or none, still encrypted and 0600 (seed $seed)"
