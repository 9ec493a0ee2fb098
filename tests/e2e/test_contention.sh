#!/usr/bin/env bash
# Two writers and a reader on one database file at the same time, in loops,
# the way a window, a script and a backup tool share a file: two
# `knotmap import` loops, each adding small simple-format files for its own
# client, and a reader looping over `knotmap info`, `knotmap export` and
# `knotmap report`. Zero failures are allowed: any non-zero exit, or "locked",
# "busy" or "damaged" on stderr, fails the test with the process and round.
# Every import is all or nothing, so each export the reader takes must hold a
# whole number of the writers' files; at the end every row the writers
# reported is in the file (sqlite3 counts) and `PRAGMA integrity_check` is ok.
# KNOTMAP_CONTENTION_ROUNDS sets the rounds per process (default 100, the
# least the issue asks for; 30 in the sanitizer build).
# Usage: test_contention.sh /path/to/knotmap
set -euo pipefail
source "$(dirname "$0")/lib.sh" "$1"
whole_test_files_only "the contention is on a database file's lock (busy waits, its WAL)"

# The sanitizer build runs each command several times slower: fewer rounds
# there keep it within CTest's time limit.
if sanitizer_build; then
    rounds=${KNOTMAP_CONTENTION_ROUNDS:-30}
else
    rounds=${KNOTMAP_CONTENTION_ROUNDS:-100}
fi
rows_per_file=3
db="$WORK/shared.db"
writer_a="Contention Writer A"
writer_b="Contention Writer B"

run demo --db "$db" --clients 2 --days 90 --seed 11 --end 2026-03-31
assert_eq 0 "$RC" "knotmap demo exit code ($ERR)"
demo_client=$(sqlite3 "$db" "SELECT name FROM client ORDER BY id LIMIT 1")
demo_observations=$(rows "$db" observation)

# Regions the simple format names by code; each file rates three of them.
mapfile -t regions < <("$KNOTMAP" atlas --format csv | awk -F, 'NR > 1 { print $1 }' | head -n 24)
((${#regions[@]} >= 24)) || fail "the atlas lists only ${#regions[@]} regions"

# Round r of writer w: one day (a new session), three regions, pains 0-10.
python3 - "$WORK" "$rounds" "$rows_per_file" "${regions[@]}" <<'PY'
import datetime, sys
work, rounds, per_file, regions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
start = datetime.date(2026, 4, 1)
for writer, offset in (("a", 0), ("b", 12)):
    for r in range(1, rounds + 1):
        day = start + datetime.timedelta(days=r)
        with open(f"{work}/{writer}-{r}.csv", "w", newline="") as out:
            out.write("date,region,pain,notes\r\n")
            for i in range(per_file):
                region = regions[offset + (r + i) % 12]
                out.write(f"{day.isoformat()},{region},{(r + i) % 11},round {r} row {i}\r\n")
PY

failures="$WORK/failures"
: >"$failures"
# Records a failed round: the exit code and what the command said.
check_round() { # who round rc stderr-file
    local who=$1 round=$2 rc=$3 err=$4
    if [[ $rc -ne 0 ]] || grep -Eqi 'locked|busy|damaged' "$err"; then
        {
            echo "$who, round $round: exit $rc"
            sed 's/^/    /' "$err"
        } >>"$failures"
        return 1
    fi
}

writer() { # tag client
    local tag=$1 client=$2 r rc
    for ((r = 1; r <= rounds; r++)); do
        rc=0
        "$KNOTMAP" import --db "$db" --client "$client" "$WORK/$tag-$r.csv" \
            >"$WORK/$tag.out" 2>"$WORK/$tag.err" || rc=$?
        check_round "writer $tag (import $tag-$r.csv)" "$r" "$rc" "$WORK/$tag.err" || continue
        # "Imported into DB: 3 ratings for NAME, 1 new session, 3 new knots"
        sed -nE 's/^Imported into .*: ([0-9]+) ratings for .*, ([0-9]+) new sessions?, ([0-9]+) new knots?$/\1 \2 \3/p' \
            "$WORK/$tag.out" >>"$WORK/$tag.counts"
        grep -q "^Imported into " "$WORK/$tag.out" ||
            echo "writer $tag, round $r: no summary: $(cat "$WORK/$tag.out")" >>"$failures"
    done
}

# Each export of the observations must show whole imports: a multiple of
# three rows of each writer's client.
whole_imports() { # csv round
    local client count
    for client in "$writer_a" "$writer_b"; do
        count=$(grep -c ",$client," "$1" || true)
        if ((count % rows_per_file != 0)); then
            echo "reader, round $2: the export holds $count rows of $client, not whole imports" >>"$failures"
        fi
    done
}

reader() {
    local r=0 rc
    while ((r < rounds)) || [[ ! -e "$WORK/writers-done" ]]; do
        r=$((r + 1))
        rc=0
        case $((r % 5)) in
        0)
            "$KNOTMAP" report --db "$db" --client "$demo_client" -o "$WORK/reader.pdf" \
                >/dev/null 2>"$WORK/reader.err" || rc=$?
            check_round "reader (report)" "$r" "$rc" "$WORK/reader.err" || true
            ;;
        1 | 3)
            "$KNOTMAP" info --db "$db" >"$WORK/reader.out" 2>"$WORK/reader.err" || rc=$?
            check_round "reader (info)" "$r" "$rc" "$WORK/reader.err" &&
                { grep -q '^integrity check ok$' "$WORK/reader.out" ||
                    echo "reader, round $r: info says $(grep integrity "$WORK/reader.out")" >>"$failures"; }
            ;;
        *)
            "$KNOTMAP" export --db "$db" --table observations -o - \
                >"$WORK/reader.csv" 2>"$WORK/reader.err" || rc=$?
            check_round "reader (export)" "$r" "$rc" "$WORK/reader.err" &&
                whole_imports "$WORK/reader.csv" "$r"
            ;;
        esac
    done
    echo "$r" >"$WORK/reader-rounds"
}

echo "$rounds rounds per writer; the reader runs until both writers are done (at least $rounds rounds)"
started=$SECONDS
writer a "$writer_a" &
pid_a=$!
writer b "$writer_b" &
pid_b=$!
reader &
pid_reader=$!
wait "$pid_a"
wait "$pid_b"
touch "$WORK/writers-done"
wait "$pid_reader"
reader_rounds=$(cat "$WORK/reader-rounds")
echo "the writers and $reader_rounds reader rounds took $((SECONDS - started)) s"

if [[ -s "$failures" ]]; then
    echo "--- failures:" >&2
    cat "$failures" >&2
    fail "$(grep -c '^[a-z].*round' "$failures") of $((2 * rounds + reader_rounds)) runs failed (listed above)"
fi
pass "$((2 * rounds)) imports from two writers and $reader_rounds reads: no failure, no partial import seen"

# Every row the writers reported is in the file.
for tag in a b; do
    client=$([[ $tag == a ]] && echo "$writer_a" || echo "$writer_b")
    read -r ratings sessions knots < <(awk '{ r += $1; s += $2; k += $3 } END { print r + 0, s + 0, k + 0 }' "$WORK/$tag.counts")
    assert_eq "$((rounds * rows_per_file))" "$ratings" "ratings writer $tag reported"
    assert_eq "$rounds" "$(wc -l <"$WORK/$tag.counts")" "summaries writer $tag printed"
    in_file=$(sqlite3 "$db" "SELECT count(*) FROM observation o JOIN session s ON s.id = o.session_id
        JOIN client c ON c.id = s.client_id WHERE c.name = '$client'")
    assert_eq "$ratings" "$in_file" "observations of $client in the file"
    assert_eq "$sessions" "$(sqlite3 "$db" "SELECT count(*) FROM session s JOIN client c ON c.id = s.client_id
        WHERE c.name = '$client'")" "sessions of $client in the file"
    assert_eq "$knots" "$(sqlite3 "$db" "SELECT count(*) FROM knot k JOIN client c ON c.id = k.client_id
        WHERE c.name = '$client'")" "knots of $client in the file"
done
assert_eq "$((demo_observations + 2 * rounds * rows_per_file))" "$(rows "$db" observation)" \
    "observations in the file"
assert_eq ok "$(sqlite3 "$db" 'PRAGMA integrity_check')" "sqlite3 integrity_check"
pass "every one of the $((2 * rounds * rows_per_file)) rows the writers reported is in the file"
