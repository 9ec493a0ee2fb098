#!/usr/bin/env bash
# Issue 16, working side by side: two windows on one practice database on a
# PostgreSQL server, window A signed in as practitioner dana and window B as
# practitioner bob, both on the client assigned to dana and shared with bob.
# Each window runs on its own virtual display (its own pointer and keyboard).
#
#  1. A server of its own (the practice's roles are the server's), a demo
#     history written by the superuser knotmap, `knotmap practice` with owner
#     olga and practitioners dana and bob; the client assigned to dana and
#     shared with bob. Today's therapy visit of that client with one rating
#     (written by the superuser) is what both windows show.
#  2. Both windows show that visit and, after a click on the same knot
#     marker, that rating in the knot editor.
#  3. A changes the rating's pain with a digit key: within 2 s B shows the
#     rating at its new row version, its editor still open on it and the
#     same visit shown (the delay is printed).
#  4. B types notes, A types other notes and saves, B leaves its field: B is
#     asked (conflict 1), chooses "Keep theirs": A's notes stay, B shows them.
#  5. The same, B choosing "Save mine over theirs": B's notes are saved.
#  6. The audit trail names dana and bob for those changes, in that order.
#  7. Ctrl+Q closes both windows with exit 0 and nothing on stderr.
# psql, signed in as the superuser, is the independent reader throughout.
# Usage: test_gui_side_by_side.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# --- the server ----------------------------------------------------------------
# Directly under /tmp: under root the server runs as nobody, who cannot enter
# $WORK; and the socket's path must stay short.
PGDIR=$(mktemp -u /tmp/knotmap-side-XXXXXX)
displays=("" "$DISPLAY" "")
reports=("" "$WORK/report-a.txt" "$WORK/report-b.txt")
errs=("" "$WORK/gui-a.err" "$WORK/gui-b.err")
names=("" A B)
apps=("" "" "")
xvfb2=""
display_keeper=""
stop_all() {
    local n
    for n in 1 2; do
        [[ -n "${apps[$n]}" ]] && kill "${apps[$n]}" 2>/dev/null || true
    done
    [[ -n "$xvfb2" ]] && kill "$xvfb2" 2>/dev/null || true
    [[ -n "$display_keeper" ]] && kill "$display_keeper" 2>/dev/null || true
    "$ROOT/scripts/test-postgres" stop "$PGDIR" >/dev/null 2>&1 || true
    cleanup
}
trap stop_all EXIT
trap 'exit 143' TERM INT HUP

# Stops the test showing what both windows last reported and said on stderr.
fail() {
    local n
    echo "FAIL: $*" >&2
    for n in 1 2; do
        echo "--- window ${names[$n]}'s last test report:" >&2
        grep -Ev '^(frame-ms|heat-session|replacement-glyphs) ' "${reports[$n]}" >&2 2>/dev/null || true
        echo "--- window ${names[$n]}'s stderr:" >&2
        cat "${errs[$n]}" >&2 2>/dev/null || true
    done
    exit 1
}

"$ROOT/scripts/test-postgres" start "$PGDIR" >/dev/null || fail "the test server did not start"
PORT=$(sed 's/.*port=\([0-9]*\).*/\1/' "$PGDIR/conninfo")
conn() { echo "host=$PGDIR port=$PORT user=$1 dbname=clinic"; }
psql -X -q -v ON_ERROR_STOP=1 "host=$PGDIR port=$PORT user=knotmap dbname=postgres" \
    -c "CREATE DATABASE clinic" >/dev/null
# The superuser's answer to one query (owns the tables: no policy applies).
psql_su() { psql "$(conn knotmap)" -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"; }
sql_is() { [[ "$(psql_su "$1")" == "$2" ]]; } # query expected
wait_for_sql() { # query expected what
    wait_for sql_is "$1" "$2" || fail "$3: expected '$2' on the server, psql says '$(psql_su "$1")'"
}

# --- 1. the practice -------------------------------------------------------------
# The history ends yesterday, so today's visit below is the client's newest.
run demo --db "$(conn knotmap)" --clients 3 --days 30 --seed 11 --end "$(date -d yesterday +%F)"
assert_eq 0 "$RC" "knotmap demo on the server ($ERR)"
practice() { # LOGIN ACTION ARGS...
    local who=$1
    shift
    run practice "$@" --db "$(conn "$who")"
    ((RC == 0)) || fail "knotmap practice $* (as $who): exit $RC: $ERR"
}
practice knotmap init --login olga --name "Olga Owner" --no-password
practice olga add dana --name "Dana Ruiz" --role practitioner --no-password
practice olga add bob --name "Bob Lee" --role practitioner --no-password
client=$(psql_su "SELECT min(id) FROM client")
client_name=$(psql_su "SELECT name FROM client WHERE id = $client")
practice olga assign "$client_name" --to dana
practice dana share "$client_name" --with bob
for who in dana bob; do
    seen=$(psql "$(conn "$who")" -X -q -t -A -c "SELECT string_agg(id::text, ',') FROM client")
    assert_eq "$client" "$seen" "the clients $who sees"
done
pass "practice: client $client ($client_name) assigned to dana and shared with bob; each sees only it"

# Today's visit with one rating, of a knot whose marker stands apart from the
# client's others (all drawn at their latest pain: no visit is picked).
knot=$(psql_su "SELECT a.id FROM knot a WHERE a.client_id = $client AND a.status = 'active'
           ORDER BY (SELECT min((a.x - b.x) ^ 2 + (a.y - b.y) ^ 2) FROM knot b
                     WHERE b.client_id = a.client_id AND b.view = a.view AND b.id <> a.id)
                    DESC NULLS FIRST, a.id LIMIT 1")
[[ -n "$knot" ]] || fail "client $client has no active knot"
offset_min=$(date +%z | awk '{ print (substr($0, 1, 1) == "-" ? -1 : 1) * (substr($0, 2, 2) * 60 + substr($0, 4, 2)) }')
visit=$(psql_su "INSERT INTO session (client_id, started_utc, utc_offset_min, kind)
            VALUES ($client, extract(epoch FROM now())::bigint - 120, $offset_min, 'therapy_visit')
            RETURNING id")
rating=$(psql_su "INSERT INTO observation (session_id, knot_id, pain, kind)
             VALUES ($visit, $knot, 4, 'active_trigger_point') RETURNING id")
version() { psql_su "SELECT version FROM observation WHERE id = $rating"; }
notes() { psql_su "SELECT notes FROM observation WHERE id = $rating"; }
# Nothing but the rating's own changes is made below: stray keys reaching the
# map's shortcuts (N: a new check-in, L: a new rating) would show here.
record_counts() { psql_su "SELECT (SELECT count(*) FROM session) || ' sessions, ' ||
    (SELECT count(*) FROM observation) || ' ratings, ' || (SELECT count(*) FROM knot) || ' knots'"; }
counts=$(record_counts)
echo "today's visit $visit of client $client, rating $rating of knot $knot (pain 4, version $(version))"

# --- 2. two windows ----------------------------------------------------------------
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp -noreset 5>"$WORK/display2" 2>"$WORK/xvfb2.err" &
xvfb2=$!
wait_for test -s "$WORK/display2" || fail "the second X server did not start: $(cat "$WORK/xvfb2.err")"
displays[2]=":$(head -n 1 "$WORK/display2")"
# The X server resets when its last client leaves: a client of the test's own
# holds the first display open.
xprop -root -spy >/dev/null 2>&1 &
display_keeper=$!

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
# Where window N is on its screen ("X Y").
declare -A origin
report_line() { awk -v key="$2" '$1 == key { print $2, $3; exit }' "${reports[$1]}" 2>/dev/null || true; }
line_is() { [[ "$(report_line "$1" "$2")" == "$3" ]]; } # n key "value value"
dump() { # n: the report's lines about the records, for the log
    grep -E '^(shown-visit|shown-rating|conflict|editor|waiting-saves) ' "${reports[$1]}" | tr '\n' ';'
}

start_window() { # n login
    local n=$1 window
    mkdir -p "$WORK/config$n"
    echo '{"window": {"x": 0, "y": 0, "width": 1280, "height": 800, "maximized": false}}' \
        >"$WORK/config$n/settings.json"
    KNOTMAP_CONFIG_DIR="$WORK/config$n" DISPLAY=${displays[$n]} \
        "$KNOTMAP" --db "$(conn "$2")" --test-report "${reports[$n]}" \
        >"$WORK/gui$n.out" 2>"${errs[$n]}" &
    apps[n]=$!
    window=$(on "$n" xdotool search --sync --onlyvisible --pid "${apps[$n]}" --name '^Knotmap$' | head -n 1)
    on "$n" xdotool windowactivate --sync "$window" 2>/dev/null || true
    on "$n" wait_for report_has "^canvas " || fail "window ${names[$n]} ($2) never showed the body map"
    on "$n" wait_for report_settled || fail "window ${names[$n]} ($2) never settled"
    origin[$n]=$(on "$n" xdotool getwindowgeometry --shell "$window" |
        awk -F= '$1 == "X" || $1 == "Y" { printf "%s ", $2 }')
}
# click_item, on window N, at its place on its screen.
click_on() { # n item
    local X Y
    read -r X Y <<<"${origin[$1]}"
    on "$1" click_item "$2"
}
# A click on the knot's marker, where the server says the knot is.
click_knot() { # n
    local X Y view kx ky cx cy
    read -r X Y <<<"${origin[$1]}"
    IFS='|' read -r view kx ky <<<"$(psql_su "SELECT view, x, y FROM knot WHERE id = $knot")"
    read -r cx cy < <(awk -v view="$view" -v px="$kx" -v py="$ky" -v wx="$X" -v wy="$Y" \
        '$1 == "canvas" && $2 == view {
            printf "%d %d\n", wx + $3 + px * ($5 - $3), wy + $4 + py * ($6 - $4); exit }' "${reports[$1]}")
    [[ -n "${cy:-}" ]] || fail "window ${names[$1]} does not show the $view view of knot $knot"
    on "$1" click_at "$cx" "$cy"
}

start_window 1 dana
start_window 2 bob
for n in 1 2; do
    if on "$n" report_has "^item client-row-$client "; then
        click_on "$n" "client-row-$client"
    fi
    on "$n" wait_for line_is "$n" shown-visit "$visit 1" ||
        fail "window ${names[$n]} does not show today's visit $visit: $(dump "$n")"
    click_knot "$n"
    on "$n" wait_for line_is "$n" shown-rating "$rating 1" ||
        fail "a click on knot $knot's marker in window ${names[$n]} did not open rating $rating: $(dump "$n")"
    on "$n" report_has "^editor open" || fail "window ${names[$n]}'s knot editor is not open"
done
# The notes field sits below the editor's fold at this size: the wheel over
# the editor (pointer under its History button) brings it wholly into view.
scroll_to_notes() { # n
    local X Y x0 x1 y1
    read -r X Y <<<"${origin[$1]}"
    read -r x0 _ x1 y1 <<<"$(on "$1" item_rect knot-history)"
    on "$1" xdotool mousemove --sync $((X + (x0 + x1) / 2 - 150)) $((Y + y1 + 200))
    sleep 0.2
    for _ in $(seq 30); do
        on "$1" wait_for report_has "^item knot-notes " || fail "window ${names[$1]}'s editor has no notes field"
        on "$1" report_has "^clipped knot-notes$" || return 0
        on "$1" xdotool click 5
        sleep 0.3
    done
    fail "could not scroll window ${names[$1]}'s notes field into view"
}
for n in 1 2; do
    scroll_to_notes "$n"
    on "$n" wait_for report_settled || fail "window ${names[$n]} never settled after scrolling"
done
assert_eq 1 "$(psql_su "SELECT count(*) FROM observation WHERE knot_id = $knot AND session_id = $visit")" \
    "ratings of knot $knot in visit $visit after both clicks"
pass "A (dana) and B (bob) both show visit $visit with rating $rating open at version 1"

# --- 3. A's pain change reaches B ----------------------------------------------------
now_ms() { date +%s%3N; }
notes_rect_b=$(on 2 item_rect knot-notes)
[[ -n "$notes_rect_b" ]] || fail "window B reports no notes field"
pressed=$(now_ms)
on 1 xdotool keydown 8
sleep 0.1
on 1 xdotool keyup 8
saved=""
bob_saw=""
deadline=$((pressed + 6000))
while (($(now_ms) < deadline)); do
    if [[ -z "$saved" && "$(psql_su "SELECT pain FROM observation WHERE id = $rating")" == 8 ]]; then
        saved=$(now_ms)
        new_version=$(version)
    fi
    if [[ -n "$saved" ]] && line_is 2 shown-rating "$rating $new_version"; then
        bob_saw=$(now_ms)
        break
    fi
    sleep 0.05
done
[[ -n "$saved" ]] || fail "the key 8 in window A did not save pain 8 (pain on the server: $(psql_su "SELECT pain FROM observation WHERE id = $rating"))"
[[ -n "$bob_saw" ]] ||
    fail "window B never showed rating $rating at version $new_version within 6 s of A's save: $(dump 2)"
delay=$((bob_saw - saved))
echo "A's pain 8 saved $((saved - pressed)) ms after the key press (version $new_version); B showed it $delay ms later"
((delay <= 2000)) || fail "B showed A's change after $delay ms, more than 2 s"
on 2 report_has "^editor open" || fail "B's knot editor closed when A's change arrived: $(dump 2)"
line_is 2 shown-visit "$visit $(psql_su "SELECT version FROM session WHERE id = $visit")" ||
    fail "B no longer shows visit $visit: $(dump 2)"
assert_eq "$notes_rect_b" "$(on 2 item_rect knot-notes)" \
    "where B's notes field is (its editor's scroll position) before and after A's change"
pass "A's pain change (version $new_version) showed in B after $delay ms; B's editor stays on rating $rating, visit $visit"

# --- 4 and 5. the same rating's notes, typed in both ------------------------------------
# Types TEXT into window N's notes field (all of it replaced), not leaving it.
type_notes() { # n text
    ! on "$1" report_has "^clipped knot-notes$" ||
        fail "window ${names[$1]}'s notes field is out of view: typing would reach the map's shortcuts"
    click_on "$1" knot-notes
    on "$1" xdotool key --delay 50 ctrl+a
    on "$1" xdotool type --delay 30 "$2"
    sleep 0.3
}
# Window N leaves the notes field (Tab): that saves what was typed.
leave_notes() { on "$1" press Tab; }

conflict_round() { # choice(item) bob's-text dana's-text what
    local choice=$1 bob_text=$2 dana_text=$3 what=$4 before after
    before=$(version)
    type_notes 2 "$bob_text"
    wait_for line_is 2 conflict "0 " || fail "$what: B shows a conflict before anybody saved"
    assert_eq "$before" "$(version)" "$what: the rating's version while B types (nothing saved)"
    type_notes 1 "$dana_text"
    leave_notes 1
    wait_for_sql "SELECT notes FROM observation WHERE id = $rating" "$dana_text" \
        "$what: A's notes after A left the field"
    after=$(version)
    echo "$what: A saved its notes (version $before -> $after)"
    # B is shown A's save while its own text is still typed, unsaved.
    WAIT_SECONDS=5 wait_for line_is 2 shown-rating "$rating $after" ||
        fail "$what: B did not show A's notes (version $after) while typing its own: $(dump 2)"
    on 2 report_has "^editor open" || fail "$what: B's editor closed while B typed: $(dump 2)"
    assert_eq "$dana_text" "$(notes)" "$what: notes on the server before B leaves its field"
    leave_notes 2
    WAIT_SECONDS=5 wait_for line_is 2 conflict "1 " ||
        fail "$what: B left its notes field after A's save, but no conflict is asked (conflict '$(report_line 2 conflict)'); notes on the server: '$(notes)'"
    assert_eq "$dana_text" "$(notes)" "$what: notes on the server while B is asked"
    assert_eq "$after" "$(version)" "$what: the rating's version while B is asked"
    echo "$what: B is asked ($(dump 2))"
    message=$(grep '^conflict-message ' "${reports[2]}" | cut -d' ' -f2-)
    [[ "$message" == "Dana Ruiz changed this rating at "* ]] ||
        fail "$what: the dialog does not say who changed the rating and when: '$message'"
    echo "$what: the dialog says: $message"
    click_on 2 "$choice"
    wait_for line_is 2 conflict "0 " || fail "$what: the conflict dialog stays after $choice: $(dump 2)"
}

conflict_round conflict-use-theirs "Bob: tender on the left" "Dana: eased after pressure" \
    "keep theirs"
sleep 1
assert_eq "Dana: eased after pressure" "$(notes)" "keep theirs: the notes on the server after B chose Keep theirs"
v=$(version)
wait_for line_is 2 shown-rating "$rating $v" || fail "keep theirs: B does not show the rating's version $v: $(dump 2)"
on 2 report_has "^editor open" || fail "keep theirs: B's editor closed: $(dump 2)"
line_is 2 shown-visit "$visit $(psql_su "SELECT version FROM session WHERE id = $visit")" ||
    fail "keep theirs: B no longer shows visit $visit: $(dump 2)"
pass "keep theirs: B was asked, chose Keep theirs; the server keeps A's notes (version $v), B shows them"

conflict_round conflict-keep-mine "Bob: still tender, referred to the neck" "Dana: second pass" \
    "save mine"
wait_for_sql "SELECT notes FROM observation WHERE id = $rating" "Bob: still tender, referred to the neck" \
    "save mine: the notes after B chose Save mine over theirs"
v=$(version)
wait_for line_is 2 shown-rating "$rating $v" || fail "save mine: B does not show its own save (version $v): $(dump 2)"
WAIT_SECONDS=5 wait_for line_is 1 shown-rating "$rating $v" ||
    fail "save mine: A does not show B's save (version $v): $(dump 1)"
for n in 1 2; do
    on "$n" report_has "^editor open" || fail "save mine: window ${names[$n]}'s editor closed: $(dump "$n")"
done
pass "save mine: B was asked, chose Save mine over theirs; the server holds B's notes (version $v), A shows them"

assert_eq "$counts" "$(record_counts)" "the records after both conflicts (only the rating changed)"

# --- 6. the audit trail --------------------------------------------------------------
trail=$(psql_su "SELECT id || ' ' || person || ' ' || action || ' ' || coalesce(after, '')
           FROM audit_event WHERE table_name = 'observation' AND row_id = $rating ORDER BY id")
echo "audit_event for rating $rating:"
sed 's/^/    /' <<<"$trail"
changes=$(psql_su "SELECT person || '|' || (after::json ->> 'pain') || '|' || (after::json ->> 'notes')
              FROM audit_event WHERE table_name = 'observation' AND row_id = $rating AND action = 'update'
              ORDER BY id")
assert_eq "dana|8|
dana|8|Dana: eased after pressure
dana|8|Dana: second pass
bob|8|Bob: still tender, referred to the neck" "$changes" \
    "audit_event's updates of rating $rating (person|pain|notes), in order: A's pain, A's notes twice, B's notes over A's"
run audit --db "$(conn olga)" --client "$client_name" --format csv
assert_eq 0 "$RC" "knotmap audit as olga ($ERR)"
printf '%s\n' "$OUT" >"$WORK/audit.csv"
# "person action changes" of the rating's updates, oldest first.
python3 - "$rating" "$WORK/audit.csv" >"$WORK/audit-rating.txt" <<'PY2' ||
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8"))
        if r["table"] == "observation" and r["row_id"] == sys.argv[1] and r["action"] == "update"]
for r in sorted(rows, key=lambda r: int(r["id"])):
    print(r["person"], r["action"], r["changes"])
PY2
    fail "could not read knotmap audit's CSV: $(head -n 3 "$WORK/audit.csv")"
echo "knotmap audit --format csv (as olga), rating $rating's updates:"
sed 's/^/    /' "$WORK/audit-rating.txt"
audit_csv=$(cut -d' ' -f1 "$WORK/audit-rating.txt" | paste -sd' ')
assert_eq "dana dana dana bob" "$audit_csv" "knotmap audit --format csv as olga: who updated rating $rating"
pass "the audit trail names dana, dana, dana, bob for the rating's changes, in the order made"

# --- 7. closing --------------------------------------------------------------------
for n in 1 2; do
    on "$n" press ctrl+q
done
for n in 1 2; do
    wait_for bash -c "! kill -0 ${apps[$n]} 2>/dev/null" || fail "Ctrl+Q did not close window ${names[$n]}"
    status=0
    wait "${apps[$n]}" || status=$?
    apps[n]=""
    ((status == 0)) || fail "window ${names[$n]} exited with $status, expected 0"
    [[ ! -s "${errs[$n]}" ]] || fail "window ${names[$n]} wrote on stderr: $(cat "${errs[$n]}")"
done
pass "Ctrl+Q closed both windows with exit 0 and nothing on stderr"
