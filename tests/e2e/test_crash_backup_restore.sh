#!/usr/bin/env bash
# Kills `knotmap copy`, `knotmap backup` and `knotmap restore` with SIGKILL at
# random moments of their run, then checks that each left all or nothing:
#  (a) `copy --from A.db --to B.db` (file to file): B.db is absent, or it
#      holds every row of A.db (clients, sessions, knots, observations,
#      treatments); A.db is unchanged; the next copy into the folder sweeps
#      what the killed one left;
#  (b) `backup --db X.db` into the backups folder and `backup -o FILE`, plain
#      and (every other trial) `--encrypt` with KNOTMAP_PASSPHRASE: a backup
#      is absent (not listed by `knotmap backups`, no file at -o), or it is
#      complete: it opens, checks out and holds exactly X.db's records (an
#      encrypted one is decrypted first). The next `knotmap backup` must then
#      sweep whatever the killed one left: no `.partial-` or other hidden
#      temporary file may remain anywhere in the trial's folder;
#  (c) `restore BACKUP --db X.db --force` of a plain and (every other trial)
#      an encrypted backup over a database with other records: X.db holds
#      exactly the old records or exactly the backup's (never a mix) and
#      opens; when it holds the backup's, the replaced database was kept in
#      the backups folder; any kept backup holds the old records; and the
#      next `knotmap backup` leaves no temporary behind.
# Every database file found after a kill passes `PRAGMA integrity_check` in
# the sqlite3 shell and `knotmap info` (which of the two opens it first, and
# so recovers a hot journal or WAL, alternates).
# Why: these commands write whole databases under temporary names and rename
# them into place; a kill between any two steps must never leave a half
# database where a person would find it, nor litter that nothing removes.
# Each kill comes after a random delay, uniform within the command's own
# duration (measured once here first); half the restores are killed within
# the last quarter of it, where the database itself is backed up and
# swapped. The seed and each trial's delay are
# printed; rerun with KNOTMAP_CRASH_SEED=N. KNOTMAP_CRASH_TRIALS sets the
# trials of each command (default 8; 3 in the sanitizer build).
# Usage: test_crash_backup_restore.sh /path/to/knotmap
set -euo pipefail
source "$(dirname "$0")/lib.sh" "$1"
whole_test_files_only "the kills test database files, temporaries and renames; a server database is not backed up or restored"

# The sanitizer build runs each command several times slower.
if sanitizer_build; then
    trials=${KNOTMAP_CRASH_TRIALS:-3}
else
    trials=${KNOTMAP_CRASH_TRIALS:-8}
fi
seed=${KNOTMAP_CRASH_SEED:-$((($(date +%s%N) / 1000) % 32768))}
RANDOM=$seed
echo "seed $seed (rerun with KNOTMAP_CRASH_SEED=$seed), $trials trials of each command"
started=$SECONDS

# On the encrypted run (lib.sh) every database here is encrypted with the
# run's passphrase, which --encrypt then also seals with: the same one here.
passphrase=${KNOTMAP_PASSPHRASE:-correct horse battery staple}
printf '%s\n' "$passphrase" >"$WORK/passphrase"

ms_now() { echo $(($(date +%s%N) / 1000000)); }
sleep_ms() { sleep "$(($1 / 1000)).$(printf '%03d' $(($1 % 1000)))"; }
# A whole number of milliseconds, uniform in 0..$1.
random_ms() { echo $(((RANDOM * 32768 + RANDOM) % ($1 + 1))); }

db_counts() {
    sqlite3 "$1" "SELECT (SELECT count(*) FROM client) || ' ' || (SELECT count(*) FROM session)
        || ' ' || (SELECT count(*) FROM knot) || ' ' || (SELECT count(*) FROM observation)
        || ' ' || (SELECT count(*) FROM treatment)"
}

failures="$WORK/failures"
: >"$failures"
: >"$WORK/failed-trials"
# Notes a failure of the current trial and carries on, so one run shows all.
trial_fail() {
    echo "FAIL: $trial_name (seed $seed, delay $delay ms): $*" | tee -a "$failures" >&2
    echo "$trial_name" >>"$WORK/failed-trials"
}

# Starts a command, kills it with SIGKILL after $1 ms unless it has finished,
# and sets outcome to what happened. A command that failed on its own (not
# killed) is a failure: a kill test proves nothing about a command that
# never worked. env sets the environment in the process that becomes
# knotmap, so the pid killed is knotmap's.
kill_after() { # ms command...
    local ms=$1 pid rc=0
    shift
    "$@" >"$WORK/victim.out" 2>"$WORK/victim.err" &
    pid=$!
    sleep_ms "$ms"
    if kill -9 "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null || rc=$?
    else
        wait "$pid" || rc=$?
    fi
    case $rc in
    137) outcome=killed ;;
    0) outcome="finished before the kill" ;;
    *)
        outcome="failed (exit $rc)"
        trial_fail "the command failed on its own: $(head -c 400 "$WORK/victim.err")"
        ;;
    esac
}

# Runs a command that must succeed; a failure is noted with what it said.
must_run() { # what command...
    local what=$1 rc=0
    shift
    "$@" >"$WORK/check.out" 2>"$WORK/check.err" || rc=$?
    if ((rc != 0)); then
        trial_fail "$what exited $rc: $(head -c 400 "$WORK/check.err")"
        return 1
    fi
}

# The database file $1 ($2 names it in messages) passes the sqlite3 shell's
# integrity_check and `knotmap info`; $3 (0 or 1) picks which opens it first.
check_database() { # file what first
    local file=$1 what=$2 step check
    for step in $( (($3 == 0)) && echo "info sqlite3" || echo "sqlite3 info"); do
        case $step in
        info)
            if must_run "knotmap info on $what" "$KNOTMAP" info --db "$file"; then
                grep -q '^integrity check ok$' "$WORK/check.out" ||
                    trial_fail "knotmap info on $what: $(grep -i integrity "$WORK/check.out")"
            fi
            ;;
        sqlite3)
            check=$(sqlite3 "$file" 'PRAGMA integrity_check' 2>&1) || true
            [[ "$check" == ok ]] || trial_fail "sqlite3 integrity_check of $what: $check"
            ;;
        esac
    done
}

# Files the next command should have swept: any name holding ".partial", and
# any hidden file but the backups folder's lock.
leftovers() { # folder
    (cd "$1" && find . -mindepth 1 \( -name '*.partial*' -o \( -name '.*' ! -path ./backups/.lock \) \) |
        sed 's|^\./||' | sort | tr '\n' ' ')
}

# Files in folder $1 (besides the temporaries leftovers() names), one a line.
visible_files() { # folder
    (cd "$1" && find . -mindepth 1 -type f ! -name '.*' ! -name '*.partial*' | sed 's|^\./||' | sort)
}

# How long a command takes, measured once; $1 runs first to set up what the
# command needs.
measure_ms() { # setup-command command...
    local t0
    eval "$1"
    shift
    t0=$(ms_now)
    "$@" >/dev/null 2>"$WORK/measure.err" || fail "measuring $*: $(cat "$WORK/measure.err")"
    echo $(($(ms_now) - t0))
}

# --- the databases --------------------------------------------------------------
# Big enough that each command runs a measurable while (a copy about a third
# of a second, a plain backup some 70 ms on an idle machine), small enough
# that the whole test stays within a minute: 14 clients over a year, 3 MB.
mkdir "$WORK/fixtures"
big="$WORK/fixtures/big.db"
"$KNOTMAP" demo --db "$big" --clients 14 --days 365 --seed 11 --end 2026-03-31 >/dev/null
big_counts=$(db_counts "$big")
big_print=$(db_fingerprint "$big")
# The database a restore replaces: other records (a different demo).
small="$WORK/fixtures/small.db"
"$KNOTMAP" demo --db "$small" --clients 2 --days 60 --seed 5 --end 2026-02-28 >/dev/null
small_print=$(db_fingerprint "$small")
[[ "$big_print" != "$small_print" ]] || fail "the two databases are alike: restore checks would prove nothing"
# The backups restored: a plain and an encrypted one of the big database.
"$KNOTMAP" backup --db "$big" -o "$WORK/fixtures/big-backup.db" >/dev/null
KNOTMAP_PASSPHRASE=$passphrase "$KNOTMAP" backup --db "$big" --encrypt -o "$WORK/fixtures/big-backup.sealed" >/dev/null
assert_eq "$big_print" "$(db_fingerprint "$WORK/fixtures/big-backup.db")" "a backup nobody killed holds the database's records"
# Writers closed: the main files alone are whole databases to copy per trial.
rm -f "$big"-wal "$big"-shm "$small"-wal "$small"-shm

mkdir "$WORK/measure"
copy_ms=$(measure_ms 'rm -f "$WORK"/measure/to.db*' "$KNOTMAP" copy --from "$big" --to "$WORK/measure/to.db")
assert_eq "$big_counts" "$(db_counts "$WORK/measure/to.db")" "rows of a copy nobody killed"
cp "$big" "$WORK/measure/x.db"
backup_ms=$(measure_ms 'rm -rf "$WORK"/measure/backups' "$KNOTMAP" backup --db "$WORK/measure/x.db")
sealed_ms=$(measure_ms 'rm -rf "$WORK"/measure/backups' env KNOTMAP_PASSPHRASE="$passphrase" "$KNOTMAP" backup --db "$WORK/measure/x.db" --encrypt)
output_ms=$(measure_ms 'rm -f "$WORK"/measure/o.db' "$KNOTMAP" backup --db "$WORK/measure/x.db" -o "$WORK/measure/o.db")
sealed_output_ms=$(measure_ms 'rm -f "$WORK"/measure/o.sealed' env KNOTMAP_PASSPHRASE="$passphrase" "$KNOTMAP" backup --db "$WORK/measure/x.db" --encrypt -o "$WORK/measure/o.sealed")
restore_ms=$(measure_ms 'rm -rf "$WORK"/measure/r; mkdir "$WORK"/measure/r; cp "$small" "$WORK"/measure/r/c.db' \
    "$KNOTMAP" restore "$WORK/fixtures/big-backup.db" --db "$WORK/measure/r/c.db" --force)
assert_eq "$big_print" "$(db_fingerprint "$WORK/measure/r/c.db")" "a restore nobody killed holds the backup's records"
sealed_restore_ms=$(measure_ms 'rm -rf "$WORK"/measure/r; mkdir "$WORK"/measure/r; cp "$small" "$WORK"/measure/r/c.db' \
    env KNOTMAP_PASSPHRASE="$passphrase" "$KNOTMAP" restore "$WORK/fixtures/big-backup.sealed" --db "$WORK/measure/r/c.db" --force)
rm -rf "$WORK/measure"
echo "the database holds $big_counts (clients sessions knots observations treatments);" \
    "copy $copy_ms ms, backup $backup_ms ms (encrypted $sealed_ms ms, -o $output_ms ms," \
    "-o encrypted $sealed_output_ms ms), restore $restore_ms ms (encrypted $sealed_restore_ms ms)"

# --- (a) copy, file to file -------------------------------------------------------
for ((i = 1; i <= trials; i++)); do
    trial_name="copy trial $i"
    folder="$WORK/copy$i"
    mkdir "$folder"
    target="$folder/b.db"
    delay=$(random_ms "$copy_ms")
    kill_after "$delay" "$KNOTMAP" copy --from "$big" --to "$target"
    found="no file at the target"
    if [[ -e "$target" ]]; then
        seen=$(db_counts "$target" 2>&1) || true
        found="the target holds $seen"
        # Nothing but every row counts as all: an empty database, or a
        # 0-byte file, at the target is a half-done copy a person would find.
        [[ "$seen" == "$big_counts" ]] ||
            trial_fail "the copy's target $target exists ($(stat -c %s "$target") bytes) and holds $seen rows (clients sessions knots observations treatments), expected none (no file) or all $big_counts"
        if [[ -s "$target" ]]; then
            check_database "$target" "the copy's target" $((i % 2))
        fi
    fi
    left=$(leftovers "$folder")
    if [[ ! -e "$target" || -n "$left" ]]; then
        # The same copy into the folder must work and sweep what the killed
        # one left (into a new name when the first is in place).
        again=$target
        [[ -e "$target" ]] && again="$folder/again.db"
        if must_run "the copy after the kill" "$KNOTMAP" copy --from "$big" --to "$again"; then
            [[ "$(db_counts "$again")" == "$big_counts" ]] ||
                trial_fail "the copy after the kill holds $(db_counts "$again"), expected $big_counts"
        fi
        still=$(leftovers "$folder")
        [[ -z "$still" ]] || trial_fail "left by the killed copy and not swept by the next one: $still"
    fi
    echo "$trial_name: delay $delay ms, $outcome, then $found${left:+ (left: $left)}"
    rm -rf "$folder"
done
# The source was only read: still whole, still the same records.
trial_name="copy source" delay="-"
check_database "$big" "the copy's source" 0
[[ "$(db_fingerprint "$big")" == "$big_print" ]] || trial_fail "the killed copies changed their source $big"
rm -f "$big"-wal "$big"-shm

# --- (b) backup -----------------------------------------------------------------
# A backup found after a kill is complete: it checks out and holds the
# database's records. An encrypted one is decrypted to be checked.
check_backup() { # file what first
    local file=$1 what=$2 plain=$1
    if [[ $file == *.sealed ]]; then
        plain="$WORK/decrypted.db"
        rm -f "$plain"
        must_run "knotmap decrypt of $what" "$KNOTMAP" decrypt "$file" -o "$plain" \
            --passphrase-file "$WORK/passphrase" || return 0
    else
        # A copy is checked: `knotmap info` opens a database for writing
        # (WAL mode, its -wal and -shm beside it), which would leave files
        # in the backups folder that no backup made.
        plain="$WORK/checked.db"
        rm -f "$plain" "$plain-wal" "$plain-shm"
        cp "$file" "$plain"
    fi
    check_database "$plain" "$what" "$3"
    [[ "$(db_fingerprint "$plain")" == "$big_print" ]] ||
        trial_fail "$what holds other records than the database backed up ($(db_counts "$plain"))"
}

for ((i = 1; i <= trials; i++)); do
    folder="$WORK/backup$i"
    mkdir -p "$folder/out"
    db="$folder/x.db"
    cp "$big" "$db"
    # In turn: plain into the backups folder, encrypted there, plain -o,
    # encrypted -o.
    command=("$KNOTMAP" backup --db "$db")
    case $((i % 4)) in
    1) trial_name="backup trial $i (plain)" length=$backup_ms output= ;;
    2) trial_name="backup trial $i (--encrypt)" length=$sealed_ms output= ;;
    3) trial_name="backup trial $i (-o)" length=$output_ms output="$folder/out/mine.db" ;;
    0) trial_name="backup trial $i (--encrypt -o)" length=$sealed_output_ms output="$folder/out/mine.sealed" ;;
    esac
    ((i % 2)) || command=(env KNOTMAP_PASSPHRASE="$passphrase" "${command[@]}" --encrypt)
    [[ -z "$output" ]] || command+=(-o "$output")
    delay=$(random_ms "$length")
    kill_after "$delay" "${command[@]}"

    check_database "$db" "the database backed up" $((i / 2 % 2))
    [[ "$(db_counts "$db")" == "$big_counts" ]] || trial_fail "the killed backup changed the database: $(db_counts "$db")"
    complete=0
    if [[ -z "$output" ]]; then
        # What `knotmap backups` lists must be whole; a name it does not list
        # is a leftover (checked after the next backup).
        must_run "knotmap backups" "$KNOTMAP" backups --db "$db" || true
        listed=$(grep -o 'x-[0-9]\{8\}-[0-9]\{6\}\.db\(\.sealed\)\?' "$WORK/check.out" || true)
        for name in $listed; do
            check_backup "$folder/backups/$name" "the listed backup $name" $((i % 2))
            complete=$((complete + 1))
        done
    elif [[ -e "$output" ]]; then
        check_backup "$output" "the -o backup $output" $((i % 2))
        complete=1
    fi
    left=$(leftovers "$folder")
    # The next backup (plain; -o into the same folder for an -o trial) must
    # work and sweep every temporary the killed one left.
    again=("$KNOTMAP" backup --db "$db")
    [[ -z "$output" ]] || again+=(-o "$folder/out/next.db")
    must_run "the backup after the kill" "${again[@]}" || true
    still=$(leftovers "$folder")
    [[ -z "$still" ]] || trial_fail "left by the killed backup and not swept by the next one: $still"
    # Whatever is visible is a backup: the folder holds only backups it lists
    # and the -o folder only the two files asked for.
    if [[ -z "$output" ]]; then
        must_run "knotmap backups after the next backup" "$KNOTMAP" backups --db "$db" || true
        while IFS= read -r name; do
            [[ -z "$name" ]] || grep -qF "$name" "$WORK/check.out" ||
                trial_fail "backups/$name is in the backups folder but not a backup knotmap lists"
        done < <(visible_files "$folder/backups")
    else
        stray=$(visible_files "$folder/out" | grep -vxF -e mine.db -e mine.sealed -e next.db | tr '\n' ' ' || true)
        [[ -z "$stray" ]] || trial_fail "files beside the -o backup nobody asked for: $stray"
    fi
    echo "$trial_name: delay $delay ms, $outcome, then $complete complete backup(s)${left:+ (left: $left)}"
    rm -rf "$folder"
done

# --- (c) restore --force over a database with other records ------------------------
for ((i = 1; i <= trials; i++)); do
    folder="$WORK/restore$i"
    mkdir "$folder"
    db="$folder/c.db"
    cp "$small" "$db"
    if ((i % 2)); then
        trial_name="restore trial $i (plain backup" length=$restore_ms
        command=("$KNOTMAP" restore "$WORK/fixtures/big-backup.db" --db "$db" --force)
    else
        trial_name="restore trial $i (encrypted backup" length=$sealed_restore_ms
        command=(env KNOTMAP_PASSPHRASE="$passphrase" "$KNOTMAP" restore "$WORK/fixtures/big-backup.sealed" --db "$db" --force)
    fi
    # Extracting and checking the backup takes most of a restore; the steps
    # that touch the database (its backup, the swap) come in the last
    # moments. Trials 3, 4, 7, 8 ... kill within the last quarter, so those
    # steps are hit too, not only by chance.
    if ((i % 4 == 3 || i % 4 == 0)); then
        trial_name+=", late)"
        delay=$((length - length / 4 + $(random_ms $((length / 4)))))
    else
        trial_name+=")"
        delay=$(random_ms "$length")
    fi
    kill_after "$delay" "${command[@]}"

    state="gone"
    if [[ ! -s "$db" ]]; then
        trial_fail "no database at $db after the killed restore: it must be the old one or the restored one"
    else
        check_database "$db" "the database restored over" $((i / 2 % 2))
        print=$(db_fingerprint "$db")
        if [[ "$print" == "$small_print" ]]; then
            state="the old records"
        elif [[ "$print" == "$big_print" ]]; then
            state="the backup's records"
        else
            state="other records"
            trial_fail "the database holds neither the old records nor the backup's: $(db_counts "$db" 2>&1)"
        fi
    fi
    # Any backup kept of the replaced database holds the old records whole.
    kept=0
    for file in "$folder"/backups/c-*.db; do
        [[ -e "$file" ]] || continue
        check_database "$file" "the kept backup $(basename "$file")" $((i % 2))
        [[ "$(db_fingerprint "$file")" == "$small_print" ]] ||
            trial_fail "the kept backup $(basename "$file") holds other records than the replaced database ($(db_counts "$file" 2>&1))"
        kept=$((kept + 1))
    done
    if [[ $state == "the backup's records" ]] && ((kept == 0)); then
        trial_fail "the restore replaced the database but kept no backup of it in $folder/backups"
    fi
    left=$(leftovers "$folder")
    must_run "the backup after the kill" "$KNOTMAP" backup --db "$db" || true
    still=$(leftovers "$folder")
    [[ -z "$still" ]] || trial_fail "left by the killed restore and not swept by the next backup: $still"
    echo "$trial_name: delay $delay ms, $outcome, then $state, $kept kept backup(s)${left:+ (left: $left)}"
    rm -rf "$folder"
done

echo "$((3 * trials)) kills and their checks took $((SECONDS - started)) s"
if [[ -s "$failures" ]]; then
    echo "--- failures (seed $seed):" >&2
    cat "$failures" >&2
    fail "$(sort -u "$WORK/failed-trials" | wc -l) trials failed (seed $seed)"
fi
pass "$trials kills each of copy, backup and restore: every file whole, all or nothing, nothing left unswept (seed $seed)"
