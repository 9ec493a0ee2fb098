#!/usr/bin/env bash
# Killed while logging, end to end. The window is opened on a small demo
# database and knots are logged the way a person does it (a click at a body
# region's label point, a digit for the pain), each on its own region. After
# each knot the test notes what the window showed: the editor open on the new
# knot, and then, once the digit was pressed, no save waiting, no notice and
# the window settled (the signal test_gui_lost_save.sh uses for "saved"). The
# last knot of a round is cut short: `kill -9` at a random moment of its
# logging (before, during or just after the click, before or just after the
# digit, or just after it showed saved). Then, with the sqlite3 shell:
#   - integrity_check is ok and no foreign key is broken;
#   - every knot whose editor opened is in the file, with its one
#     observation; the pain pressed is there whenever the window showed it
#     saved, and only 5 (a new knot's default) or that pain otherwise;
#   - nothing the window never showed saved became a half record: no new
#     knot without an observation, no knot where nothing was clicked, no
#     session left bare.
# Three rounds reopen the same file and log more, so a later open must not
# lose what an earlier round saved. Why: kill -9 (a crash, a power cut of the
# process, an OOM kill) must never cost a knot the person saw saved.
# The kill moments and pains come from bash's RANDOM, seeded from
# KNOTMAP_KILL_SEED when set (the seed is printed): a rerun with it replays
# the same steps, pauses and pains; the window's own timing still varies.
# Usage: test_gui_killed_while_logging.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

seed=${KNOTMAP_KILL_SEED:-$(($(date +%s%N) % 1000000))}
[[ "$seed" =~ ^[0-9]+$ ]] || fail "KNOTMAP_KILL_SEED is '$seed'; expected a whole number"
RANDOM=$seed
echo "# seed $seed (rerun with KNOTMAP_KILL_SEED=$seed)"
started=$SECONDS

db="$WORK/killed.db"
report="$WORK/report.txt"
log="$WORK/knots.log" # one line per knot: view region x y pain stage digit-sent
: >"$log"
rounds=${KNOTMAP_KILL_ROUNDS:-3}
new_knot_pain=5 # what a click gives a new knot before a digit changes it

# Every failure names the seed, so the same moments can be replayed.
die() { fail "$* [seed $seed; rerun with KNOTMAP_KILL_SEED=$seed]"; }

run demo --db "$db" --clients 1 --days 30 --seed 3
assert_eq 0 "$RC" "knotmap demo exit code ($ERR)"
# Knots above this id are the test's own; the demo's are left alone.
demo_last_knot=$(sqlite3 "$db" "SELECT max(id) FROM knot")
# Sessions with nothing in them: the demo makes none, and logging a knot
# makes its session in the knot's own transaction, so this must not grow.
bare_sessions_sql="SELECT count(*) FROM session s
    WHERE NOT EXISTS (SELECT 1 FROM observation o WHERE o.session_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM treatment t WHERE t.session_id = s.id)"
demo_bare_sessions=$(sqlite3 "$db" "$bare_sessions_sql")

app=""
stop_app() { if [[ -n "$app" ]]; then kill -9 "$app" 2>/dev/null || true; fi; }
trap 'stop_app; cleanup' EXIT

# The window is running: a child that died stays a zombie until reaped, so
# kill -0 would still succeed; the state in /proc tells.
window_alive() {
    local state
    state=$(awk '{ print $3 }' "/proc/$app/stat" 2>/dev/null) || return 1
    [[ "$state" != Z && "$state" != X ]]
}

# Like wait_for, but a window that died on its own (this test had not killed
# it yet) is a failure at once rather than after the timeout.
await() { # what command...
    local what=$1 deadline=$((SECONDS + ${WAIT_SECONDS:-20}))
    shift
    until "$@"; do
        window_alive || die "the window died by itself while the test waited for $what"
        ((SECONDS < deadline)) || die "the window never showed $what"
        sleep 0.1
    done
}

editor_is() { report_has "^editor $1\$"; }
# The window shows the open knot saved: the editor open, no save waiting for
# a lock, no notice (a refused save raises one) and a layout that stopped
# changing. The report has no line for the pain in the editor, so a digit
# counts as saved only with this signal read from a window still alive, at
# least PRESS_PAUSE plus the half second of settling after the key.
shows_saved() {
    editor_is open && report_has '^waiting-saves 0$' && report_has '^notice none$' && report_settled
}

# Screen point of a diagram point on its view, from the canvas reported now.
screen_point() { # view x y
    awk -v view="$1" -v lx="$2" -v ly="$3" -v wx="$X" -v wy="$Y" '
        $1 == "canvas" && $2 == view {
            printf "%d %d\n", wx + $3 + lx * ($5 - $3), wy + $4 + ly * ($6 - $4); exit }' "$report"
}

# Bash reseeds RANDOM in a subshell, so every draw happens in this shell
# (no $(...) around it) for the seed to replay the same moments and pains.
random_pause() { # max: sleeps 0..max milliseconds
    local ms=$((RANDOM % ($1 + 1))) seconds
    printf -v seconds '%d.%03d' $((ms / 1000)) $((ms % 1000))
    sleep "$seconds"
}

open_window() { # round
    : >"$WORK/gui.err"
    rm -f "$report"
    "$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
    app=$!
    window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
    await "the body map (round $1)" report_has "^canvas "
    await "a settled layout (round $1)" report_settled
    eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH and HEIGHT
}

# --- the regions to log, chosen once --------------------------------------
# Label points on the views the window shows, each far (in screen pixels)
# from every demo knot and from each other: a click near a marker opens that
# knot instead of adding one (twice the marker's pick radius counts as
# "beside"), which would make this test's bookkeeping wrong.
knots_per_round() { if (($1 == 1)); then echo 5; else echo 3; fi; }
needed=0
for ((r = 1; r <= rounds; r++)); do needed=$((needed + $(knots_per_round "$r"))); done

open_window 1
"$KNOTMAP" atlas --format csv >"$WORK/atlas.csv"
sqlite3 -csv "$db" "SELECT view, x, y FROM knot" >"$WORK/demo_knots.csv"
python3 - "$WORK/atlas.csv" "$WORK/demo_knots.csv" "$report" "$needed" >"$WORK/regions" <<'PY'
import csv, math, sys
atlas, knots_file, report, needed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
size = {}
for line in open(report):
    part = line.split()
    if part[0] == "canvas":
        size[part[1]] = (float(part[4]) - float(part[2]), float(part[5]) - float(part[3]))
taken = [(v, float(x), float(y)) for v, x, y in csv.reader(open(knots_file))]
candidates = [(r["view"], r["code"], float(r["label_x"]), float(r["label_y"]))
              for r in csv.DictReader(open(atlas, newline="")) if r["view"] in size]
def gap(view, x, y):
    w, h = size[view]
    return min([math.hypot((x - tx) * w, (y - ty) * h) for tv, tx, ty in taken if tv == view]
               or [1e9])
chosen = []
while len(chosen) < needed:
    best = max(candidates, key=lambda c: gap(c[0], c[2], c[3]))
    if gap(best[0], best[2], best[3]) < 40:
        sys.exit(f"only {len(chosen)} regions are 40 px clear of other knots; {needed} needed")
    chosen.append(best)
    candidates.remove(best)
    taken.append((best[0], best[2], best[3]))
for view, code, x, y in chosen:
    print(view, code, x, y)
PY
mapfile -t regions <"$WORK/regions"
next_region=0

# --- logging one knot -------------------------------------------------------
# Each knot's line goes to the log before anything is done, and its stage is
# rewritten as the test does more and the window shows more. stage: none
# (not clicked: nothing may reach the file), clicked (pressed, nothing shown
# yet), shown (the editor opened on it: the knot and its first observation
# are saved), saved (the pain shown saved).
note() { # view region x y pain stage digit
    sed -i '$d' "$log"
    echo "$*" >>"$log"
}

kill_now() { # key that may be held
    kill -9 "$app"
    wait "$app" 2>/dev/null || true
    # A press the window never saw released would stay held for the next round.
    xdotool mouseup 1 2>/dev/null || true
    xdotool keyup "$1" 2>/dev/null || true
    app=""
}
# log_knot PAIN [KILL_AT]: logs the next region with PAIN; with KILL_AT
# (0-5), kill -9 the window at that step of it, after a random pause.
log_knot() {
    local pain=$1 kill_at=${2:-} view region x y cx cy key
    read -r view region x y <<<"${regions[next_region]}"
    next_region=$((next_region + 1))
    key=$pain
    # The editor of the previous knot is closed first, so "editor open" is
    # about this knot.
    if editor_is open; then
        PRESS_PAUSE=0 press Escape
        await "the editor closed after Esc" editor_is closed
    fi
    # The map stays where it is when the editor opens or closes
    # (test_gui_map_stays.sh): the canvas reported now is where to click.
    read -r cx cy < <(screen_point "$view" "$x" "$y")
    [[ -n "${cy:-}" ]] || die "the window reports no $view canvas to click $region on"
    echo "$view $region $x $y $pain none no" >>"$log"
    [[ "$kill_at" == 0 ]] && { random_pause 300; kill_now "$key"; return; }
    xdotool mousemove --sync "$cx" "$cy"
    sleep 0.3
    xdotool mousedown 1
    note "$view $region $x $y $pain clicked no"
    [[ "$kill_at" == 1 ]] && { random_pause 100; kill_now "$key"; return; }
    sleep 0.1
    xdotool mouseup 1
    # The knot is written in the frame that sees the release: a kill in the
    # next quarter second lands before, during or after that write.
    [[ "$kill_at" == 2 ]] && { random_pause 250; kill_now "$key"; return; }
    await "the knot editor after clicking $region" editor_is open
    note "$view $region $x $y $pain shown no"
    [[ "$kill_at" == 3 ]] && { random_pause 300; kill_now "$key"; return; }
    xdotool keydown "$key"
    sleep 0.1
    xdotool keyup "$key"
    note "$view $region $x $y $pain shown yes"
    [[ "$kill_at" == 4 ]] && { random_pause 250; kill_now "$key"; return; }
    sleep "${PRESS_PAUSE:-0.4}"
    await "pain $pain on $region saved" shows_saved
    # Read from a window that is still running, so not a dead window's last report.
    window_alive || die "the window died by itself after showing $region saved"
    note "$view $region $x $y $pain saved yes"
    [[ "$kill_at" == 5 ]] && { random_pause 300; kill_now "$key"; return; }
    return 0
}

# --- what the file must hold ------------------------------------------------
# check_file DB: prints one line per problem; silent when the file holds
# every knot as the window showed it. Used on the real file and, at the end,
# on damaged copies to prove it notices.
check_file() {
    local file=$1 check found view region x y pain stage digit knots obs pains allowed matched=0
    check=$(sqlite3 "$file" 'PRAGMA integrity_check' 2>&1) || true
    [[ "$check" == ok ]] || echo "integrity_check: $check"
    check=$(sqlite3 "$file" 'PRAGMA foreign_key_check' 2>&1) || true
    [[ -z "$check" ]] || echo "foreign_key_check: $check"
    while read -r view region x y pain stage digit; do
        found=$(sqlite3 -separator ' ' "$file" "SELECT count(DISTINCT k.id), count(o.id),
                coalesce(group_concat(o.pain, ','), '-')
            FROM knot k LEFT JOIN observation o ON o.knot_id = k.id
            WHERE k.id > $demo_last_knot AND k.view = '$view' AND k.region_code = '$region'
              AND abs(k.x - $x) < 0.02 AND abs(k.y - $y) < 0.02" 2>&1) || true
        read -r knots obs pains <<<"$found"
        [[ "$knots" =~ ^[0-9]+$ ]] || { echo "reading $region failed: $found"; continue; }
        matched=$((matched + knots))
        case "$stage" in
        saved) allowed="$pain" ;;
        shown) allowed="$new_knot_pain"; [[ "$digit" == yes ]] && allowed="$allowed $pain" ;;
        clicked) allowed="- $new_knot_pain" ;;
        none) allowed="-" ;;
        esac
        if [[ "$stage" == shown || "$stage" == saved ]] && [[ "$knots" != 1 ]]; then
            echo "$region: the window showed it saved ($stage, pain $pain) but the file has $knots knot(s) there"
        elif [[ "$knots" -gt 1 ]]; then
            echo "$region: $knots knots from one click"
        elif [[ "$knots" == 1 && "$obs" != 1 ]]; then
            echo "$region: a half record: its knot has $obs observation(s), expected 1"
        elif [[ " $allowed " != *" $pains "* ]]; then
            echo "$region: pain '$pains' in the file; the window showed it $stage with pain $pain (allowed: $allowed)"
        fi
    done <"$log"
    found=$(sqlite3 "$file" "SELECT count(*) FROM knot WHERE id > $demo_last_knot")
    [[ "$found" == "$matched" ]] ||
        echo "$((found - matched)) knot(s) in the file where the test never clicked ($found new, $matched where it clicked)"
    found=$(sqlite3 "$file" "SELECT count(*) FROM knot k
        WHERE NOT EXISTS (SELECT 1 FROM observation o WHERE o.knot_id = k.id)")
    [[ "$found" == 0 ]] || echo "$found knot(s) without any observation"
    found=$(sqlite3 "$file" "$bare_sessions_sql")
    [[ "$found" == "$demo_bare_sessions" ]] ||
        echo "$found session(s) with nothing in them; the demo had $demo_bare_sessions"
    return 0
}

# --- the rounds -------------------------------------------------------------
# Pains 0-9 without 5, so a pain in the file tells whether the digit landed.
pick_pain() { # sets pick
    pick=$((RANDOM % 9))
    ((pick < 5)) || pick=$((pick + 1))
}
steps=("before the click" "during the click" "just after the click"
    "with the editor open, before the digit" "just after the digit" "just after it showed saved")
for ((round = 1; round <= rounds; round++)); do
    ((round == 1)) || open_window "$round"
    count=$(knots_per_round "$round")
    for ((k = 1; k < count; k++)); do
        pick_pain
        log_knot "$pick"
    done
    kill_at=$((RANDOM % ${#steps[@]}))
    pick_pain
    log_knot "$pick" "$kill_at"
    [[ -z "$app" ]] || die "round $round: the last knot was logged but the window was not killed"
    [[ ! -s "$WORK/gui.err" ]] || die "round $round: the window wrote to stderr: $(cat "$WORK/gui.err")"
    problems=$(check_file "$db")
    [[ -z "$problems" ]] || die "after kill -9 in round $round (${steps[kill_at]}):"$'\n'"$problems"$'\n'"--- knots logged (view region x y pain stage digit-sent):"$'\n'"$(cat "$log")"
    # What became of the knot cut short, for the record (check_file judged it).
    read -r view region x y pain stage digit < <(tail -n 1 "$log")
    fate=$(sqlite3 "$db" "SELECT coalesce(group_concat(o.pain), 'not in the file')
        FROM knot k JOIN observation o ON o.knot_id = k.id
        WHERE k.id > $demo_last_knot AND k.region_code = '$region'")
    [[ "$fate" == "not in the file" ]] || fate="in the file with pain $fate"
    pass "round $round: $((count - 1)) knots saved, then kill -9 ${steps[kill_at]} on $region (pain $pain, $stage): $fate"
done

saved=$(grep -c ' saved yes$' "$log" || true)
((saved >= 5)) || die "only $saved knots were shown saved; the test needs at least 5 to mean anything"
pass "after $rounds kill -9s the file holds all $saved knots the window showed saved, with their pains; integrity ok"

# --- the checks can fail ----------------------------------------------------
# Copies of the file with one saved knot taken away, and with one knot left
# without its observation: check_file must name each.
first_saved=$(grep -m 1 ' saved yes$' "$log")
read -r view region x y pain _ <<<"$first_saved"
where="view = '$view' AND region_code = '$region' AND abs(x - $x) < 0.02 AND abs(y - $y) < 0.02"
sqlite3 "$db" ".backup '$WORK/missing.db'"
sqlite3 "$WORK/missing.db" "DELETE FROM observation WHERE knot_id IN (SELECT id FROM knot WHERE $where);
    DELETE FROM knot WHERE $where"
[[ "$(check_file "$WORK/missing.db")" == *"$region: the window showed it saved"* ]] ||
    die "the check did not notice the saved knot on $region missing from a copy"
sqlite3 "$db" ".backup '$WORK/half.db'"
sqlite3 "$WORK/half.db" "DELETE FROM observation WHERE knot_id IN (SELECT id FROM knot WHERE $where)"
[[ "$(check_file "$WORK/half.db")" == *"half record"* ]] ||
    die "the check did not notice a knot left without its observation in a copy"
pass "the check notices a missing saved knot and a half record"
echo "# runtime $((SECONDS - started)) s after the virtual display started (seed $seed)"
