#!/usr/bin/env bash
# `export --encrypt` and `decrypt`: every table into one archive sealed with
# a passphrase (Argon2id, XChaCha20-Poly1305 secretstream) that decrypts to
# exactly the files `export --all` writes, holds no client name or region
# code in plain text, and is 0600. The passphrase comes from
# --passphrase-file, KNOTMAP_PASSPHRASE or a no-echo prompt that asks twice;
# never from an argument. A wrong passphrase, a truncated file, a flipped
# byte, a file of another kind: each is refused with exit 1 and a message
# naming the file, and nothing is written.
# Usage: test_cli_encrypted_export.sh /path/to/knotmap
source "$(dirname "$0")/lib.sh" "$1"

db=$(new_database history)
run demo --db "$db" --clients 2 --days 30 --seed 12 --end 2026-03-31
assert_eq 0 "$RC" "demo ($ERR)"
cd "$WORK"
umask 022 # what the archive and the folders get must not depend on it
printf 'correct horse battery\n' >pass
printf 'correct horse batter\n' >wrong
leftovers() { find "$WORK" -name '*.partial-*' -o -name '*.tmp*' | sort; }

# --- every table, passphrase from a file -------------------------------------
run export --db "$db" --all plain
assert_eq 0 "$RC" "plain export --all ($ERR)"
run export --db "$db" --all archive.kme --encrypt --passphrase-file pass
assert_eq 0 "$RC" "export --all --encrypt ($ERR)"
assert_contains "$ERR" "into archive.kme (encrypted)" "the export says where it went"
[[ -f archive.kme ]] || fail "no archive written"
assert_eq 600 "$(file_mode archive.kme)" "the archive's mode"
assert_eq "KNOTSEAL" "$(head -c 8 archive.kme)" "the archive starts with its magic"
# Whole names, not words: a short word could turn up in random bytes by chance.
while IFS= read -r secret; do
  if grep -qaF -- "$secret" archive.kme; then fail "'$secret' is readable in the archive"; fi
done < <(cut -d, -f2 plain/clients.csv | tail -n +2
         cut -d, -f6 plain/knots.csv | tail -n +2 | sort -u | head -5
         printf '%s\n' observations.csv client_name)
pass "the archive is 0600 and holds no name, region code or file name in plain text"

run decrypt archive.kme -o out --passphrase-file pass
assert_eq 0 "$RC" "decrypt ($ERR)"
assert_contains "$ERR" "Decrypted 5 files from archive.kme into out" "decrypt's summary"
diff -r plain out >/dev/null || fail "the decrypted files differ from export --all"
assert_eq 700 "$(file_mode out)" "the decrypted folder's mode"
assert_eq 600 "$(file_mode out/observations.csv)" "a decrypted file's mode"
pass "decrypt gives back exactly the files export --all writes"

run decrypt archive.kme -o out --passphrase-file pass
assert_eq 1 "$RC" "decrypt onto an existing folder"
assert_contains "$ERR" "out: already exists" "an existing output is named"

# --- one table, passphrase from the environment -----------------------------
KNOTMAP_PASSPHRASE='correct horse battery' run export --db "$db" --table sessions -o one.kme --encrypt
assert_eq 0 "$RC" "export --table sessions --encrypt with KNOTMAP_PASSPHRASE ($ERR)"
KNOTMAP_PASSPHRASE='correct horse battery' run decrypt one.kme -o one
assert_eq 0 "$RC" "decrypt with KNOTMAP_PASSPHRASE ($ERR)"
assert_eq "sessions.csv" "$(ls one)" "one table, one file"
cmp -s one/sessions.csv plain/sessions.csv || fail "the one table differs from its plain export"
pass "one table, passphrase from KNOTMAP_PASSPHRASE"

# --- refusals: nothing written -----------------------------------------------
refused() { # WHAT FILE EXPECTED_MESSAGE: decrypt FILE must fail and leave nothing
  rm -rf refused-out
  run decrypt "$2" -o refused-out --passphrase-file pass
  assert_eq 1 "$RC" "$1: exit code"
  assert_contains "$ERR" "knotmap decrypt: $2: $3" "$1: message"
  [[ ! -e refused-out ]] || fail "$1: an output was written"
  assert_eq "" "$(leftovers)" "$1: temporary files left"
}
run decrypt archive.kme -o refused-out --passphrase-file wrong
assert_eq 1 "$RC" "wrong passphrase: exit code"
assert_contains "$ERR" "archive.kme: wrong passphrase, or the file is damaged" "wrong passphrase"
[[ ! -e refused-out ]] || fail "wrong passphrase: an output was written"
size=$(stat -c %s archive.kme)
head -c $((size / 2)) archive.kme >half.kme
refused "a file cut in half" half.kme "truncated: it ends at byte"
head -c $((size - 1)) archive.kme >short.kme
refused "a file one byte short" short.kme "truncated: it ends at byte"
head -c 50 archive.kme >header.kme
refused "a file cut in its header" header.kme "truncated: it ends inside its header"
cp archive.kme flipped.kme
python3 - "$((size * 3 / 4))" <<'PY'
import sys
at = int(sys.argv[1])
with open("flipped.kme", "r+b") as f:
    f.seek(at); b = f.read(1); f.seek(at); f.write(bytes([b[0] ^ 0x04]))
PY
refused "a flipped byte" flipped.kme "damaged at byte"
refused "a CSV file" plain/clients.csv "not a Knotmap encrypted file"
cat archive.kme archive.kme >doubled.kme
refused "two archives end to end" doubled.kme "damaged: bytes follow its final block"
run decrypt missing.kme -o refused-out --passphrase-file pass
assert_eq 1 "$RC" "a missing file"
assert_contains "$ERR" "missing.kme: cannot read: No such file or directory" "a missing file"
pass "wrong passphrase, truncated, flipped, foreign and missing files are refused, nothing written"

# --- the passphrase never on the command line, and asked for when needed ----
run export --db "$db" -o x.kme --encrypt --passphrase 'correct horse battery'
assert_eq 2 "$RC" "a passphrase argument is not an option"
run export --db "$db" --encrypt
assert_eq 2 "$RC" "--encrypt to standard output"
assert_contains "$ERR" "--encrypt writes one archive file" "--encrypt needs a file"
# No terminal (setsid: no controlling one), no file, no variable: refused.
set +e
env -u KNOTMAP_PASSPHRASE setsid -w "$KNOTMAP" export --db "$db" -o nobody.kme --encrypt \
  </dev/null >"$WORK/stdout" 2>"$WORK/stderr"
RC=$?
set -e
assert_eq 1 "$RC" "no passphrase source"
assert_contains "$(cat "$WORK/stderr")" "no passphrase: give it with --passphrase-file" \
  "no passphrase source"
[[ ! -e nobody.kme ]] || fail "an archive was written without a passphrase"
# At a terminal (a pseudo-terminal here): asked twice with echo off; two
# different answers write nothing, the same twice writes the archive.
prompted() { # OUTPUT FIRST SECOND: runs export --encrypt at a terminal; prints exit code and screen
  python3 - "$KNOTMAP" "$db" "$1" "$2" "$3" <<'PY'
import os, pty, select, signal, sys, time
knotmap, db, out, first, second = sys.argv[1:]
env = dict(os.environ); env.pop("KNOTMAP_PASSPHRASE", None)
pid, fd = pty.fork()
if pid == 0:
    os.execve(knotmap, [knotmap, "export", "--db", db, "-o", out, "--encrypt"], env)
screen = b""
deadline = time.monotonic() + 60
def read_until(text):
    global screen
    while text not in screen:
        if not select.select([fd], [], [], max(0, deadline - time.monotonic()))[0]:
            os.kill(pid, signal.SIGKILL)  # a prompt that never comes fails the test, not hangs it
            print("timeout waiting for", text, screen)
            sys.exit(0)
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            return
        if not chunk:
            return
        screen += chunk
read_until(b"Passphrase: ")
os.write(fd, first.encode() + b"\n")
read_until(b"Passphrase again: ")
os.write(fd, second.encode() + b"\n")
while True:
    if not select.select([fd], [], [], max(0, deadline - time.monotonic()))[0]:
        os.kill(pid, signal.SIGKILL)
        print("timeout waiting for the end", screen)
        sys.exit(0)
    try:
        chunk = os.read(fd, 1024)
    except OSError:
        break
    if not chunk:
        break
    screen += chunk
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))
print(screen.decode(errors="replace"))
PY
}
screen=$(prompted typo.kme "correct horse battery" "correct horse batery")
assert_eq 1 "$(head -1 <<<"$screen")" "two different passphrases at the prompt"
assert_contains "$screen" "the two passphrases differ" "the prompt says why"
[[ ! -e typo.kme ]] || fail "an archive was written with mismatched passphrases"
screen=$(prompted typed.kme "correct horse battery" "correct horse battery")
assert_eq 0 "$(head -1 <<<"$screen")" "the same passphrase twice at the prompt ($screen)"
if grep -qF "correct horse" <<<"$screen"; then fail "the passphrase was echoed: $screen"; fi
run decrypt typed.kme -o typed --passphrase-file pass
assert_eq 0 "$RC" "an archive made at the prompt decrypts with the same passphrase ($ERR)"
pass "no passphrase argument; no terminal refused; the prompt asks twice without echo"
