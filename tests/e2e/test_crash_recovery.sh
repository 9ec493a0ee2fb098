#!/usr/bin/env bash
# Kills at random moments, then every command must open the file with all its
# rows or none of them:
#  (a) `knotmap import` of a big export into a new database, killed with
#      SIGKILL after a random delay within the import's measured duration,
#      or (every other trial) at a random moment of its WAL checkpoint;
#  (b) writers creating a new database (`knotmap demo`, and `knotmap import`
#      of a simple-format file), killed 0-30 ms after the first file appears,
#      0-0.5 ms after pages are written under a rollback journal, or at any
#      moment of the creation, in turn.
# After each kill, when a file is at the path: `knotmap info` (exit 0,
# integrity ok), `knotmap export --table observations -o -`, `knotmap export
# --table clients -o -`, `knotmap report` for a client when there is one (the
# knotmap command that opens the crashed file first alternates), then the
# sqlite3 shell's `PRAGMA integrity_check`; the rows are all or nothing (the
# source CSVs' counts, or the finished demo's, or zero). A path with no file
# is fine (killed before the database was made) as long as the same command
# then creates it normally.
# The seed is printed and each trial's delay; rerun one with
# KNOTMAP_CRASH_SEED=N. KNOTMAP_CRASH_TRIALS sets the trials of each kind
# (default 30, the least the issue asks for; 8 in the sanitizer build).
# Usage: test_crash_recovery.sh /path/to/knotmap
set -euo pipefail
source "$(dirname "$0")/lib.sh" "$1"
whole_test_files_only "the kills test how a database file and its journal recover; a server recovers its own"

# The sanitizer build runs each command several times slower: fewer trials
# there keep it within CTest's time limit.
if sanitizer_build; then
    trials=${KNOTMAP_CRASH_TRIALS:-8}
else
    trials=${KNOTMAP_CRASH_TRIALS:-30}
fi
seed=${KNOTMAP_CRASH_SEED:-$((($(date +%s%N) / 1000) % 32768))}
RANDOM=$seed
echo "seed $seed (rerun with KNOTMAP_CRASH_SEED=$seed), $trials trials of each kind"

ms_now() { echo $(($(date +%s%N) / 1000000)); }
# Sleeps a whole number of milliseconds.
sleep_ms() { sleep "$(($1 / 1000)).$(printf '%03d' $(($1 % 1000)))"; }

# Rows per table of a folder from export --all, counted as CSV (notes may hold
# line breaks): "clients sessions knots observations treatments".
csv_counts() {
    python3 - "$1" <<'PY'
import csv, sys
counts = []
for table in ("clients", "sessions", "knots", "observations", "treatments"):
    with open(f"{sys.argv[1]}/{table}.csv", newline="", encoding="utf-8-sig") as f:
        counts.append(str(sum(1 for _ in csv.reader(f)) - 1))
print(" ".join(counts))
PY
}
# Records in a CSV file, less the header: a line ends a record when the
# quotes so far are balanced (a quoted field may hold line breaks).
csv_records() { awk '{ quotes += gsub(/"/, "&") } quotes % 2 == 0 { n++ } END { print n - 1 }' "$1"; }
db_counts() {
    sqlite3 "$1" "SELECT (SELECT count(*) FROM client) || ' ' || (SELECT count(*) FROM session)
        || ' ' || (SELECT count(*) FROM knot) || ' ' || (SELECT count(*) FROM observation)
        || ' ' || (SELECT count(*) FROM treatment)"
}

failures="$WORK/failures"
: >"$failures"
# Notes a failure of this trial and carries on, so one run shows them all.
trial_fail() {
    echo "$trial_name (delay $delay): $*" | tee -a "$failures" >&2
    echo "$trial_name" >>"$WORK/failed-trials"
}

# Runs knotmap on the crashed file; a failure is noted with what it said.
open_check() { # what args...
    local what=$1
    shift
    set +e
    "$KNOTMAP" "$@" >"$WORK/check.out" 2>"$WORK/check.err"
    local rc=$?
    set -e
    if [[ $rc -ne 0 ]]; then
        trial_fail "$what exited $rc: $(head -c 400 "$WORK/check.err")"
        return 1
    fi
}

# Every command opens the file at $1, and it holds all rows or none:
# $2 is the full counts ("clients sessions knots observations treatments").
# $3 (0 or 1) chooses which knotmap command opens the crashed file first.
verify_file() {
    local db=$1 full=$2 first=$3 seen client observations step
    for step in $( ((first == 0)) && echo "info export clients report" || echo "export info clients report"); do
        case $step in
        info)
            open_check "knotmap info" info --db "$db" || continue
            grep -q '^integrity check ok$' "$WORK/check.out" ||
                trial_fail "knotmap info: $(grep integrity "$WORK/check.out")"
            ;;
        export)
            open_check "knotmap export --table observations" export --db "$db" \
                --table observations -o - || continue
            observations=$(csv_records "$WORK/check.out")
            ;;
        clients)
            open_check "knotmap export --table clients" export --db "$db" --table clients -o - ||
                continue
            # The demo's names hold no comma or quote: the second field of line 2.
            client=$(awk -F, 'NR == 2 { print $2 }' "$WORK/check.out")
            ;;
        report)
            if [[ -n "${client:-}" ]]; then
                open_check "knotmap report --client '$client'" report --db "$db" \
                    --client "$client" --from 2026-03-01 -o "$WORK/check.pdf" || continue
                [[ -s "$WORK/check.pdf" ]] || trial_fail "knotmap report wrote no PDF"
            fi
            ;;
        esac
    done
    local check
    check=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1) || true
    [[ "$check" == ok ]] || trial_fail "sqlite3 integrity_check: $check"
    seen=$(db_counts "$db" 2>&1) || true
    if [[ "$seen" != "$full" && "$seen" != "0 0 0 0 0" ]]; then
        trial_fail "partial rows: clients sessions knots observations treatments = $seen, expected $full or none"
    fi
    if [[ -n "${observations:-}" && "$observations" != "$(cut -d' ' -f4 <<<"$seen")" ]]; then
        trial_fail "knotmap export gave $observations observations, sqlite3 counts $seen"
    fi
    outcome=$([[ "$seen" == "$full" ]] && echo "all rows" || echo "no rows")
}

# Starts a command, kills it with SIGKILL after $1 ms (unless it finished),
# and sets outcome_kill to what happened.
kill_after() { # ms command...
    local ms=$1 pid rc=0
    shift
    "$@" >"$WORK/victim.out" 2>"$WORK/victim.err" &
    pid=$!
    sleep_ms "$ms"
    delay="$ms ms"
    if kill -9 "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null || rc=$?
        outcome_kill=killed
        # Finished just before the signal landed: not a kill.
        [[ $rc -ne 137 ]] && outcome_kill="finished (exit $rc)"
    else
        wait "$pid" || rc=$?
        outcome_kill="finished (exit $rc)"
    fi
    if [[ $outcome_kill == "finished (exit "[^0]* ]]; then
        trial_fail "the command failed on its own: $(head -c 400 "$WORK/victim.err")"
    fi
}

# After a kill: the database at $1 opens with every command, or there is none
# and the same writer then makes it normally.
after_kill() { # db full-counts first-command writer...
    local db=$1 full=$2 first=$3 after
    shift 3
    after=$(ls -A "$(dirname "$db")" | tr '\n' ' ')
    if [[ -e "$db" ]]; then
        verify_file "$db" "$full" "$first"
    else
        outcome="no database"
        set +e
        "$@" >"$WORK/again.out" 2>"$WORK/again.err"
        local rc=$?
        set -e
        if [[ $rc -ne 0 ]]; then
            trial_fail "after the kill, the writer failed on the missing database: $(head -c 400 "$WORK/again.err")"
        elif [[ "$(db_counts "$db")" != "$full" ]]; then
            trial_fail "after the kill, the writer made a database with $(db_counts "$db"), expected $full"
        fi
    fi
    local left
    left=$(ls -A "$(dirname "$db")" | grep -v "^$(basename "$db")\(-wal\|-shm\)\?$" | tr '\n' ' ' || true)
    echo "$trial_name: delay $delay, $outcome_kill ($after), then $outcome${left:+; left in the folder: $left}"
}

# The watcher: runs a command and kills it EXTRA_US microseconds after an
# event on the database PATH; with EXTRA_US < 0 it only measures. Events:
#   grow:   the file grows while its WAL holds the import (a checkpoint began);
#   appear: the first file appears in PATH's folder (creating the database);
#   journal: a rollback journal is beside a database file that is no longer
#            empty (SQLite is writing pages under that journal).
# Prints "killed RC T_MS" (T: when the event came), "finished RC US" (US: from
# the event to the command's exit, or for grow to the file's last growth) or
# "no-event RC MS".
cat >"$WORK/watch_and_kill.py" <<'PY'
import os, subprocess, sys, time
event, db, extra_us = sys.argv[1], sys.argv[2], int(sys.argv[3])
command = sys.argv[4:]
folder = os.path.dirname(db)
def size(path):
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return -1
with open(os.environ["VICTIM_OUT"], "w") as out, open(os.environ["VICTIM_ERR"], "w") as err:
    start = time.monotonic()
    victim = subprocess.Popen(command, stdout=out, stderr=err)
    base, seen, killed = None, None, False
    last_size, last_change = -1, None
    while victim.poll() is None:
        if seen is not None and event == "grow":  # measuring: when did it stop growing?
            now_size = size(db)
            if now_size != last_size:
                last_size, last_change = now_size, time.monotonic()
        if seen is None:
            if event == "appear":
                if os.listdir(folder):
                    seen = time.monotonic()
            elif event == "journal":
                if any(name.endswith("-journal") and size(os.path.join(folder, name[:-8])) > 0
                       for name in os.listdir(folder)):
                    seen = time.monotonic()
            elif base is None:
                if size(db + "-wal") > 256 * 1024:  # the import is writing its WAL
                    base = size(db)
            elif size(db) > base:
                seen = time.monotonic()
            if seen is not None and extra_us >= 0:
                while time.monotonic() - seen < extra_us / 1e6:
                    pass
                victim.kill()
                killed = True
                break
        time.sleep(0.0002 if event == "grow" else 0.0001)
    rc = victim.wait()
    end = time.monotonic()
if seen is None:
    print(f"no-event {rc} {int((end - start) * 1000)}")
elif killed:
    print(f"killed {rc} {int((seen - start) * 1000)}")
elif event == "grow" and last_change is not None:
    print(f"finished {rc} {int((last_change - seen) * 1e6)}")
else:
    print(f"finished {rc} {int((end - seen) * 1e6)}")
PY
# Runs the watcher; sets delay and outcome_kill for the trial's line.
watch_and_kill() { # event db extra_us command...
    local how rc at
    read -r how rc at < <(VICTIM_OUT="$WORK/victim.out" VICTIM_ERR="$WORK/victim.err" \
        python3 "$WORK/watch_and_kill.py" "$@")
    case $how in
    killed)
        delay="$1 + $3 us, at $at ms"
        outcome_kill=killed
        ;;
    *)
        delay="$1 + $3 us"
        outcome_kill="finished (exit $rc) before the event"
        [[ $rc == 0 ]] || trial_fail "the command failed on its own: $(head -c 400 "$WORK/victim.err")"
        ;;
    esac
}
# Measures how long a command runs after an event: prints microseconds.
event_length() { # event db command...
    local how rc us event=$1 db=$2
    shift 2
    read -r how rc us < <(VICTIM_OUT=/dev/null VICTIM_ERR="$WORK/measure.err" \
        python3 "$WORK/watch_and_kill.py" "$event" "$db" -1 "$@")
    [[ "$how $rc" == "finished 0" ]] || fail "measuring $*: $how, exit $rc: $(cat "$WORK/measure.err")"
    echo "$us"
}

started=$SECONDS

# --- (a) kills during imports that checkpoint -------------------------------
# Odd trials kill after a random delay within the import's duration. Even
# trials kill during the checkpoint, when SQLite copies the committed WAL into
# the database file (the file is then shorter than its header says, until
# recovery): the watcher polls the file's size every 0.2 ms and kills a random
# number of microseconds after it starts to grow, within the checkpoint's
# measured length.
# Big enough that its WAL passes the watcher's 256 KiB and its checkpoint
# takes a while: about 440 KiB.
"$KNOTMAP" demo --db "$WORK/source.db" --clients 3 --days 200 --seed 7 --end 2026-03-31 >/dev/null
"$KNOTMAP" export --db "$WORK/source.db" --all "$WORK/export" >/dev/null 2>&1
full_import=$(csv_counts "$WORK/export")
mkdir "$WORK/measure"
checkpoint_us=$(event_length grow "$WORK/measure/fresh.db" "$KNOTMAP" import --db "$WORK/measure/fresh.db" "$WORK/export")
assert_eq "$full_import" "$(db_counts "$WORK/measure/fresh.db")" "rows of an import nobody killed"
((checkpoint_us >= 500)) || checkpoint_us=500
# The import's duration: the shorter of two runs (the machine may be busy).
import_ms=
for _ in 1 2; do
    rm -f "$WORK/measure/fresh.db"*
    t0=$(ms_now)
    "$KNOTMAP" import --db "$WORK/measure/fresh.db" "$WORK/export" >/dev/null
    took=$(($(ms_now) - t0))
    [[ -n "$import_ms" ]] && ((import_ms <= took)) || import_ms=$took
done
echo "(a) the export holds $full_import (clients sessions knots observations treatments);" \
    "an import of it takes $import_ms ms, its checkpoint $checkpoint_us us" \
    "($(du -k "$WORK/measure/fresh.db" | cut -f1) KiB)"

for ((i = 1; i <= trials; i++)); do
    trial_name="import trial $i"
    folder="$WORK/a$i"
    mkdir "$folder"
    if ((i % 2)); then
        delay=$(((RANDOM * 32768 + RANDOM) % (import_ms + 1)))
        kill_after "$delay" "$KNOTMAP" import --db "$folder/fresh.db" "$WORK/export"
    else
        watch_and_kill grow "$folder/fresh.db" $(((RANDOM * 32768 + RANDOM) % (checkpoint_us + 1))) \
            "$KNOTMAP" import --db "$folder/fresh.db" "$WORK/export"
    fi
    after_kill "$folder/fresh.db" "$full_import" $(((i / 2) % 2)) \
        "$KNOTMAP" import --db "$folder/fresh.db" "$WORK/export"
    rm -rf "$folder"
done

# --- (b) kills in the first milliseconds of creating a database -------------
# A process takes tens of milliseconds to start, so the clock starts when the
# first file appears in the folder. Trials take turns: a kill 0-30 ms after
# that; 0-0.5 ms after SQLite starts writing pages under a rollback journal
# (a kill then leaves a hot journal, which the next open must roll back); at
# a random moment of the writer's whole run from its first file.
mkdir "$WORK/reference"
demo_args=(--clients 1 --days 30 --seed 3 --end 2026-03-31)
demo_us=$(event_length appear "$WORK/reference/demo.db" "$KNOTMAP" demo --db "$WORK/reference/demo.db" "${demo_args[@]}")
full_demo=$(db_counts "$WORK/reference/demo.db")
printf 'date,region,pain,notes\n2026-03-01,back.upper_trapezius.left,6,stiff\n2026-03-02,back.upper_trapezius.left,4,\n2026-03-02,front.pectoralis_major.right,3,after gym\n' \
    >"$WORK/simple.csv"
mkdir "$WORK/reference/simple"
simple_us=$(event_length appear "$WORK/reference/simple/simple.db" "$KNOTMAP" import --db "$WORK/reference/simple/simple.db" --client Me "$WORK/simple.csv")
full_simple=$(db_counts "$WORK/reference/simple/simple.db")
echo "(b) a demo writes $full_demo in $demo_us us from its first file, a simple import $full_simple in $simple_us us"

for ((i = 1; i <= trials; i++)); do
    folder="$WORK/b$i"
    mkdir "$folder"
    if ((i % 2)); then
        trial_name="demo creation trial $i"
        writer=("$KNOTMAP" demo --db "$folder/new.db" "${demo_args[@]}")
        full=$full_demo
        length=$demo_us
    else
        trial_name="import creation trial $i"
        writer=("$KNOTMAP" import --db "$folder/new.db" --client Me "$WORK/simple.csv")
        full=$full_simple
        length=$simple_us
    fi
    case $((i % 3)) in
    1) event=appear length=30000 ;;
    2) event=journal length=500 ;;
    0) event=appear ;;
    esac
    watch_and_kill "$event" "$folder/new.db" $(((RANDOM * 32768 + RANDOM) % (length + 1))) "${writer[@]}"
    after_kill "$folder/new.db" "$full" $(((i / 4) % 2)) "${writer[@]}"
    rm -rf "$folder"
done

echo "$((2 * trials)) kills and their checks took $((SECONDS - started)) s"
if [[ -s "$failures" ]]; then
    echo "--- failures (seed $seed):" >&2
    cat "$failures" >&2
    fail "$(sort -u "$WORK/failed-trials" | wc -l) of $((2 * trials)) trials failed (seed $seed)"
fi
pass "$trials kills during imports and $trials while creating a database: every command opened every file, all rows or none (seed $seed)"
