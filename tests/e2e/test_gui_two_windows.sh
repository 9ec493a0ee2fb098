#!/usr/bin/env bash
# Two windows on one database file, saving at the same moment. Each window
# runs on its own virtual display, so each has its own pointer and keyboard,
# and the two clicks are two xdotool processes launched together. Each round,
# each window adds a knot at a different point of the body, then both type
# pains for their knot with digit keys at the same moment (four saves each
# per round). Whether two saves of a few milliseconds meet depends on where
# each window is in its frame, so every third round a third program holds
# the write lock while both windows save (the sqlite3 shell in BEGIN
# IMMEDIATE, writing a row and committing after 2 s, as a script or a big
# import would): each window must wait for it and save, never drop the
# change. After every round the sqlite3 shell must count both new knots; at
# the end, after Ctrl+Q in both (exit 0), every knot is in the file at the
# region and position clicked with the last pain typed, and neither window
# said "Couldn't save", "locked" or "busy" on stderr.
# KNOTMAP_TWO_WINDOWS_ROUNDS sets the rounds (default 12; at least 10);
# KNOTMAP_TEST_SHOTS=DIR keeps screenshots of the windows of a failed round.
# Usage: test_gui_two_windows.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

rounds=${KNOTMAP_TWO_WINDOWS_ROUNDS:-12}
db="$WORK/shared.db"

# One client, "Me", with one knot on a foot: the windows open in individual
# mode and a click on the body adds a knot for Me.
printf 'date,region,pain\n2026-03-01,front.foot.left,2\n' >"$WORK/seed.csv"
run import --db "$db" --client Me "$WORK/seed.csv"
assert_eq 0 "$RC" "knotmap import exit code (creates the database: $ERR)"
knots_before=$(rows "$db" knot)

# The second window's own X server (the first uses the test's display).
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp -noreset 5>"$WORK/display2" 2>"$WORK/xvfb2.err" &
xvfb2=$!
wait_for test -s "$WORK/display2" || fail "the second X server did not start: $(cat "$WORK/xvfb2.err")"
displays=("" "$DISPLAY" ":$(head -n 1 "$WORK/display2")")
reports=("" "$WORK/report1.txt" "$WORK/report2.txt")
apps=("" "" "")
report=${reports[1]} # for gui_lib.sh's fail

# Runs a command against window N: its display and its test report.
on() { # n command...
    local n=$1
    shift
    (
        export DISPLAY=${displays[$n]}
        report=${reports[$n]}
        "$@"
    )
}

stop_apps() {
    local n
    for n in 1 2; do
        [[ -n "${apps[$n]}" ]] && kill "${apps[$n]}" 2>/dev/null || true
    done
    kill "$xvfb2" 2>/dev/null || true
}
trap 'stop_apps; cleanup' EXIT

problems="$WORK/problems"
: >"$problems"
problem() { echo "$*" | tee -a "$problems" >&2; }

declare -A origin
start_windows() {
    local n window
    for n in 1 2; do
        mkdir -p "$WORK/config$n"
        rm -f "${reports[$n]}"
        KNOTMAP_CONFIG_DIR="$WORK/config$n" DISPLAY=${displays[$n]} \
            "$KNOTMAP" --db "$db" --test-report "${reports[$n]}" >>"$WORK/gui$n.out" 2>>"$WORK/gui$n.err" &
        apps[n]=$!
    done
    for n in 1 2; do
        window=$(on "$n" xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
        on "$n" wait_for report_has "^canvas " || fail "window $n never showed the body map"
        on "$n" wait_for report_settled || fail "window $n never settled on screen"
        origin[$n]=$(on "$n" xdotool getwindowgeometry --shell "$window" |
            awk -F= '$1 == "X" || $1 == "Y" { printf "%s ", $2 }')
    done
}
# Ctrl+Q in both; each must close with exit 0 and nothing about a failed save.
quit_windows() {
    local n status
    for n in 1 2; do
        on "$n" press ctrl+q
    done
    for n in 1 2; do
        status=0
        wait_for bash -c "! kill -0 ${apps[$n]} 2>/dev/null" || fail "Ctrl+Q did not close window $n"
        wait "${apps[$n]}" || status=$?
        apps[$n]=""
        [[ $status -eq 0 ]] || problem "window $n exited with $status, expected 0"
    done
}

start_windows
cmp -s <(grep '^canvas ' "${reports[1]}") <(grep '^canvas ' "${reports[2]}") ||
    fail "the two windows show the body map in different places"

# The points to click: region label points on the views shown, at least 40
# pixels apart on screen and from the foot's knot; window 1 takes the odd
# ones, window 2 the even ones. "view region x y screen-x screen-y" lines.
"$KNOTMAP" atlas --format csv >"$WORK/atlas.csv"
python3 - "$WORK/atlas.csv" "${reports[1]}" "$((2 * rounds))" >"$WORK/points" <<'PY'
import csv, sys
canvases = {}
for line in open(sys.argv[2]):
    if line.startswith("canvas "):
        _, view, *rect = line.split()
        canvases[view] = [float(v) for v in rect]
def screen(view, x, y):
    x0, y0, x1, y1 = canvases[view]
    return x0 + x * (x1 - x0), y0 + y * (y1 - y0)
taken = []
for row in csv.DictReader(open(sys.argv[1], newline="")):
    if row["view"] == "front" and row["code"] == "front.foot.left":
        taken.append(screen("front", float(row["label_x"]), float(row["label_y"])))
chosen = []
for row in csv.DictReader(open(sys.argv[1], newline="")):
    view = row["view"]
    if view not in canvases or row["code"] == "front.foot.left":
        continue
    x, y = float(row["label_x"]), float(row["label_y"])
    sx, sy = screen(view, x, y)
    if all((sx - tx) ** 2 + (sy - ty) ** 2 >= 40 ** 2 for tx, ty in taken):
        taken.append((sx, sy))
        chosen.append(f"{view} {row['code']} {x} {y} {int(sx)} {int(sy)}")
need = int(sys.argv[3])
if len(chosen) < need:
    sys.exit(f"only {len(chosen)} points far enough apart, {need} needed")
print("\n".join(chosen[:need]))
PY

# Where window n's pointer must go for point p (1-based line of $WORK/points).
point_screen() { # n p
    local ox oy
    read -r ox oy <<<"${origin[$1]}"
    awk -v p="$2" -v ox="$ox" -v oy="$oy" 'NR == p { print ox + $5, oy + $6 }' "$WORK/points"
}
# A press and a short hold, as a person clicks; the pointer is already there.
click_here() { xdotool mousedown 1 && sleep 0.1 && xdotool mouseup 1; }
# Digit keys, each pressed and held briefly: each is a save of the pain.
keys_here() {
    local key
    for key in "$@"; do
        xdotool keydown "$key" && sleep 0.05 && xdotool keyup "$key" && sleep 0.1
    done
}
# The pain window n gives its knot in round r (a digit key, 1-9); the
# keys pressed before it are other pains, each a save too.
pain_for() { echo $((1 + ($2 + 4 * $1) % 9)); }
pains_before() { echo $((1 + ($2 + 4 * $1 + 3) % 9)) $((1 + ($2 + 4 * $1 + 6) % 9)); }
# The window shows its change saved: no save waiting, layout steady.
window_saved() { ! report_has "^waiting-saves [1-9]" && report_settled; }

# For a closer look at a failing round: KNOTMAP_TEST_SHOTS=DIR keeps a
# screenshot of each window whose knot did not reach the file.
shoot() { # n round
    [[ -n "${KNOTMAP_TEST_SHOTS:-}" ]] && command -v import >/dev/null || return 0
    mkdir -p "$KNOTMAP_TEST_SHOTS"
    on "$1" import -window root "$KNOTMAP_TEST_SHOTS/round-$2-window-$1.png" || true
}

started=$SECONDS
knots_now=$knots_before
declare -A reported # points whose missing knot a round reported already
for ((r = 1; r <= rounds; r++)); do
    # Every third round another program holds the write lock meanwhile.
    locker=""
    if ((r % 3 == 0)); then
        rm -f "$WORK/locked"
        sqlite3 "$db" >"$WORK/locker.out" 2>&1 <<SQL &
.timeout 5000
BEGIN IMMEDIATE;
UPDATE client SET notes = notes || '' WHERE name = 'Me';
.shell touch '$WORK/locked'; sleep 2
COMMIT;
SQL
        locker=$!
        wait_for test -e "$WORK/locked" || fail "round $r: the sqlite3 shell never took the write lock"
    fi
    # Both pointers in place first, so the two clicks are only press and release.
    for n in 1 2; do
        read -r sx sy <<<"$(point_screen "$n" $((2 * r - 2 + n)))"
        on "$n" xdotool mousemove --sync "$sx" "$sy"
    done
    sleep 0.3
    on 1 click_here &
    click1=$!
    on 2 click_here &
    click2=$!
    wait "$click1" "$click2"
    for n in 1 2; do
        on "$n" wait_for report_has "^editor open" || problem "round $r: window $n opened no editor"
    done
    if [[ -n "$locker" ]]; then
        # While the lock is held a save cannot land: the window may show it
        # waiting ("saving…") once its short busy wait is over. Noted, not
        # required: how long a window waits before queueing is its choice.
        shown=""
        while kill -0 "$locker" 2>/dev/null; do
            for n in 1 2; do
                [[ "$shown" != *$n* ]] && on "$n" report_has "^waiting-saves [1-9]" && shown+=$n
            done
            sleep 0.05
        done
        case $shown in
        "") shown="neither window" ;;
        ?) shown="window $shown only" ;;
        *) shown="both windows" ;;
        esac
        echo "round $r: while the sqlite3 shell held the lock (2 s), $shown showed a save waiting"
        wait "$locker" || problem "round $r: the sqlite3 shell holding the lock failed: $(cat "$WORK/locker.out")"
    fi
    sleep 0.3
    # Then each types pains for its knot at the same moment: more saves each.
    on 1 keys_here $(pains_before 1 "$r") "$(pain_for 1 "$r")" &
    key1=$!
    on 2 keys_here $(pains_before 2 "$r") "$(pain_for 2 "$r")" &
    key2=$!
    wait "$key1" "$key2"
    for n in 1 2; do
        on "$n" wait_for window_saved || problem "round $r: window $n still shows a save waiting"
    done
    seen=$(rows "$db" knot 2>&1) || true
    if [[ "$seen" != $((knots_now + 2)) ]]; then
        problem "round $r: the file holds $seen knots after the clicks, expected $((knots_now + 2))"
        for n in 1 2; do
            read -r view region x y _ < <(sed -n "$((2 * r - 2 + n))p" "$WORK/points")
            found=$(sqlite3 "$db" "SELECT count(*) FROM knot WHERE region_code = '$region'") || true
            if [[ "$found" != 1 ]]; then
                problem "round $r: window $n's knot on $region is not in the file"
                reported[$((2 * r - 2 + n))]=1
                shoot "$n" "$r"
            fi
        done
    fi
    knots_now=$seen
done
echo "$rounds rounds of two windows saving together took $((SECONDS - started)) s"

quit_windows
for n in 1 2; do
    if grep -Eqi "couldn't save|locked|busy|disk I/O" "$WORK/gui$n.err"; then
        problem "window $n said on stderr: $(grep -Ei "couldn't save|locked|busy|disk I/O" "$WORK/gui$n.err")"
    fi
done

# Every point clicked is a knot at that region and position, with the last
# pain typed for it.
p=0
while read -r view region x y _; do
    p=$((p + 1))
    n=$((2 - p % 2))
    round=$(((p + 1) / 2))
    pain=$(pain_for "$n" "$round")
    found=$(sqlite3 "$db" "SELECT count(*) || ' ' || ifnull(group_concat(o.pain), '-')
        FROM knot k LEFT JOIN observation o ON o.knot_id = k.id
        WHERE k.view = '$view' AND k.region_code = '$region' AND abs(k.x - $x) < 0.02
          AND abs(k.y - $y) < 0.02") || true
    if [[ "$found" == "0 -" ]]; then
        [[ -n "${reported[$p]:-}" ]] ||
            problem "round $round: window $n's knot on $region at ($x, $y) is not in the file"
    elif [[ "$found" != "1 $pain" ]]; then
        problem "round $round: window $n's knot on $region: (knots, pains) = ($found), expected pain $pain"
    fi
done <"$WORK/points"
seen=$(rows "$db" knot)
[[ "$seen" == $((knots_before + 2 * rounds)) ]] ||
    problem "the file holds $seen knots, expected $((knots_before + 2 * rounds))"
check=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1) || true
[[ "$check" == ok ]] || problem "integrity_check: $check"

if [[ -s "$problems" ]]; then
    echo "--- problems:" >&2
    cat "$problems" >&2
    for n in 1 2; do
        echo "--- window $n's stderr:" >&2
        cat "$WORK/gui$n.err" >&2
    done
    fail "two windows clicking together: $(grep -c '' "$problems") problem(s) (listed above)"
fi
pass "$rounds rounds of two windows clicking at the same moment: all $((2 * rounds)) knots saved where clicked"
