#!/usr/bin/env bash
# The lost save, end to end. With the window open on a demo database:
# File > Export CSV… and the client report (Ctrl+P) in the window, then
# `knotmap info`, `knotmap report` and the sqlite3 shell on the same file from
# other processes. The window's -wal must still be there and be the file the
# window has open (no "(deleted)" descriptor in /proc/PID/fd, same inode).
# Then a knot logged in the window (a click on the body, a digit for the
# pain), and once the window shows it saved, `kill -9`: the sqlite3 shell must
# find the knot and its observation with that pain, and integrity_check ok.
# Problems are collected and reported together at the end.
# Usage: test_gui_lost_save.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
# The dialogs' default paths are under ~/Documents: keep them in the test's folder.
export HOME="$WORK/home"
mkdir -p "$HOME/Documents"

db="$WORK/lost.db"
report="$WORK/report.txt"
csv="$WORK/out/window export.csv"
pdf="$WORK/out/window report.pdf"
pain=8
mkdir -p "$WORK/out"
run demo --db "$db" --clients 1 --days 30 --seed 3
assert_eq 0 "$RC" "knotmap demo exit code ($ERR)"
client=$(sqlite3 "$db" "SELECT name FROM client")
knots_before=$(rows "$db" knot)

problems="$WORK/problems"
: >"$problems"
problem() { echo "$*" | tee -a "$problems" >&2; }

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill -9 "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
wait_for report_has "^canvas " || fail "the window never showed the body map"
wait_for report_settled || fail "the window never settled on screen"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH and HEIGHT

# The window's descriptors on the database's files: "FD -> TARGET" lines.
window_fds() { # pid
    local fd
    for fd in /proc/"$1"/fd/*; do
        local target
        target=$(readlink "$fd" 2>/dev/null) || continue
        [[ "$target" == "$db"* ]] && echo "${fd##*/} -> $target"
    done
    return 0
}
# The window still holds the live -wal: it exists, no descriptor of the
# window points at a deleted database file, and one points at the -wal's inode.
check_wal() { # when
    local fds inode held=0 fd
    fds=$(window_fds "$app" | tr '\n' ';')
    if [[ ! -e "$db-wal" ]]; then
        problem "$1: $db-wal is gone while the window is open; the window's descriptors: $fds"
    elif [[ "$fds" == *"(deleted)"* ]]; then
        problem "$1: the window's descriptors point at deleted files: $fds"
    else
        inode=$(stat -c %i "$db-wal")
        for fd in /proc/"$app"/fd/*; do
            [[ "$(readlink "$fd" 2>/dev/null)" == "$db-wal" &&
                "$(stat -L -c %i "$fd" 2>/dev/null)" == "$inode" ]] && held=1
        done
        ((held)) || problem "$1: no descriptor of the window is on the -wal (inode $inode): $fds"
    fi
    return 0
}
check_wal "with the window just opened"

type_into() { # item text
    click_item "$1"
    press ctrl+a
    xdotool type --delay 30 "$2"
    sleep 0.3
}
dialog_closed() { ! report_has "^item $1 "; }

# --- File > Export CSV… in the window --------------------------------------
click_item menu-file
click_item menu-export-csv
wait_for report_has "^item export-path " || fail "File > Export CSV did not open the dialog"
type_into export-path "$csv"
click_item export-start
WAIT_SECONDS=60 wait_for test -s "$csv" || fail "the export dialog wrote nothing at $csv"
WAIT_SECONDS=20 wait_for dialog_closed export-path || fail "the export dialog stayed open"
pass "the window exported $(($(wc -l <"$csv") - 1)) lines of observations"

# --- the client report in the window (Ctrl+P, as File > Client report…) ----
press ctrl+p
wait_for report_has "^item report-path " || fail "Ctrl+P did not open the report dialog"
press ctrl+a
xdotool type --delay 30 "$pdf"
sleep 0.3
press Return
WAIT_SECONDS=60 wait_for test -s "$pdf" || fail "the report dialog wrote no report at $pdf"
WAIT_SECONDS=20 wait_for dialog_closed report-path || fail "the report dialog stayed open"
pass "the window wrote the client report"
check_wal "after the window's export and report"

# --- other programs on the same file while the window stays open -----------
run info --db "$db"
[[ $RC -eq 0 ]] || problem "knotmap info beside the window exited $RC: $ERR"
grep -q '^integrity check ok$' <<<"$OUT" || problem "knotmap info beside the window: $OUT"
check_wal "after knotmap info"
run report --db "$db" --client "$client" -o "$WORK/out/cli report.pdf"
[[ $RC -eq 0 ]] || problem "knotmap report beside the window exited $RC: $ERR"
check_wal "after knotmap report"
shell=$(sqlite3 "$db" 'PRAGMA quick_check; SELECT count(*) FROM knot' 2>&1) ||
    problem "the sqlite3 shell beside the window failed: $shell"
[[ "$shell" == "ok"$'\n'"$knots_before" ]] ||
    problem "the sqlite3 shell beside the window said '$shell', expected ok and $knots_before knots"
check_wal "after the sqlite3 shell"
[[ -s "$problems" ]] || pass "info, report and sqlite3 beside the window left its -wal in place"

# --- log a knot in the window ----------------------------------------------
# A region on a view the window shows whose label point is far from every
# knot the client has, so the click adds a knot rather than opening one.
"$KNOTMAP" atlas --format csv >"$WORK/atlas.csv"
sqlite3 -csv "$db" "SELECT view, x, y FROM knot" >"$WORK/knots.csv"
read -r view region label_x label_y < <(python3 - "$WORK/atlas.csv" "$WORK/knots.csv" "$report" <<'PY'
import csv, sys
shown = [line.split()[1] for line in open(sys.argv[3]) if line.startswith("canvas ")]
knots = [(v, float(x), float(y)) for v, x, y in csv.reader(open(sys.argv[2]))]
best = None
for row in csv.DictReader(open(sys.argv[1], newline="")):
    if row["view"] not in shown:
        continue
    x, y = float(row["label_x"]), float(row["label_y"])
    near = min([((x - kx) ** 2 + (y - ky) ** 2) ** 0.5 for v, kx, ky in knots if v == row["view"]] or [1])
    if best is None or near > best[0]:
        best = (near, row["view"], row["code"], x, y)
print(best[1], best[2], best[3], best[4])
PY
)
[[ -n "${label_x:-}" ]] || fail "no region to click"
read -r click_x click_y < <(awk -v view="$view" -v lx="$label_x" -v ly="$label_y" \
    -v wx="$X" -v wy="$Y" '$1 == "canvas" && $2 == view {
        printf "%d %d\n", wx + $3 + lx * ($5 - $3), wy + $4 + ly * ($6 - $4) }' "$report")
xdotool mousemove --sync "$click_x" "$click_y"
sleep 0.3
xdotool click 1
wait_for report_has "^editor open" || fail "clicking $region did not open the knot editor"
press "$pain"
# Saved, as the window shows it: the editor open and no save waiting for a lock.
saved() { report_has "^editor open" && ! report_has "^waiting-saves [1-9]" && report_settled; }
WAIT_SECONDS=30 wait_for saved || problem "the window still shows a save waiting: $(grep waiting-saves "$report")"
sleep 1
check_wal "after logging the knot"
pass "logged a knot on $region with pain $pain in the window"

if kill -0 "$app" 2>/dev/null; then
    kill -9 "$app"
    wait "$app" 2>/dev/null || true
else
    status=0
    wait "$app" 2>/dev/null || status=$?
    problem "the window was gone before kill -9: it exited with $status ($( ((status > 128)) && kill -l $((status - 128)) ))"
fi
grep -qi 'disk I/O error\|locked\|damaged' "$WORK/gui.err" &&
    problem "the window said on stderr: $(grep -i 'disk I/O error\|locked\|damaged' "$WORK/gui.err")"

# --- after kill -9, the knot is in the file ---------------------------------
check=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1) || true
[[ "$check" == ok ]] || problem "integrity_check after kill -9: $check"
found=$(sqlite3 "$db" "SELECT count(*) FROM knot k JOIN observation o ON o.knot_id = k.id
    WHERE k.region_code = '$region' AND k.view = '$view' AND abs(k.x - $label_x) < 0.02
      AND abs(k.y - $label_y) < 0.02 AND o.pain = $pain" 2>&1) || true
[[ "$found" == 1 ]] ||
    problem "after kill -9 the file has $found knot(s) on $region near ($label_x, $label_y) with an observation of pain $pain, expected 1 (knots: $knots_before before, $(rows "$db" knot 2>&1) now)"

if [[ -s "$problems" ]]; then
    echo "--- problems:" >&2
    cat "$problems" >&2
    fail "$(wc -l <"$problems") problem(s) in the lost-save scenario (listed above)"
fi
pass "after kill -9 the knot the window saved is in the file with pain $pain; integrity ok"
