#!/usr/bin/env bash
# Issue 16: the front desk's own window. A practice on a PostgreSQL server of
# the test's own (the practice's roles are the server's), a demo history,
# owner olga and front desk fran. The window opened as fran:
#  1. lists every client, and nothing clinical (no body map, no pain);
#  2. adds a client: psql (as the superuser) shows it, and the audit trail
#     names fran;
#  3. saves the client's contact notes, books a self check-in: psql shows
#     both, with the kind and the time typed;
#  4. shows a visit booked elsewhere (psql) within 2 s; keeps the notes typed
#     when psql changed the client meanwhile, its save refused and said so,
#     and Save again saves them; saves them on choosing another client;
#  5. offers no export, report or backup in its menus;
#  6. closes on Ctrl+Q, saving the notes typed first, with exit 0 and nothing
#     on stderr.
# Usage: test_gui_front_desk.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# Directly under /tmp: under root the server runs as nobody, who cannot enter
# $WORK; and the socket's path must stay short.
PGDIR=$(mktemp -u /tmp/knotmap-desk-XXXXXX)
report="$WORK/report.txt"
app=""
stop_all() {
    [[ -n "$app" ]] && kill "$app" 2>/dev/null || true
    "$ROOT/scripts/test-postgres" stop "$PGDIR" >/dev/null 2>&1 || true
    cleanup
}
trap stop_all EXIT
trap 'exit 143' TERM INT HUP

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
# A click on a widget, like gui_lib.sh's click_item but without its wait for
# the whole report to settle, which costs a second a click: this screen's
# layout stands still once shown (checked once, after it opens). At PERCENT
# of its width from the left (default 50).
tap() { # name [percent]
    local x0 y0 x1 y1 at
    wait_for report_has "^item $1 " || fail "the window never drew the widget '$1'"
    read -r x0 y0 x1 y1 <<<"$(awk -v name="$1" '$1 == "item" && $2 == name {
        printf "%d %d %d %d\n", $3, $4, $5, $6; exit }' "$report")"
    at="$((X + x0 + (x1 - x0) * ${2:-50} / 100)) $((Y + (y0 + y1) / 2))"
    # --sync waits long when the pointer is there already.
    [[ "$(xdotool getmouselocation --shell | awk -F= '$1 == "X" || $1 == "Y" { printf "%s ", $2 }')" == "$at " ]] ||
        xdotool mousemove --sync $at
    sleep 0.15
    xdotool mousedown 1
    sleep 0.08
    xdotool mouseup 1
    sleep 0.25
}
value_is() { [[ "$(value_of "$1")" == "$2" ]]; } # name expected
# Replaces the text of field FIELD with TEXT, until the window reports
# (as VALUE) that it holds it: a click that came before the window drew
# its frame, on a busy machine, is made again.
type_into() { # field value text
    local attempt
    for attempt in 1 2 3; do
        tap "$1"
        xdotool key ctrl+a
        xdotool type --delay 30 "$4"
        WAIT_SECONDS=3 wait_for value_is "$2" "$3" && return 0
    done
    fail "typing '$4' into $1: the window holds '$(value_of "$2")'"
}
value_of() { awk -v name="$1" '$1 == "value" && $2 == name { $1 = ""; $2 = ""; sub(/^  /, ""); print; exit }' "$report"; }
line_is() { grep -qx -- "$1" "$report" 2>/dev/null; }

# --- the practice ---------------------------------------------------------------
run demo --db "$(conn knotmap)" --clients 4 --days 10 --seed 5
assert_eq 0 "$RC" "knotmap demo on the server ($ERR)"
practice() { # LOGIN ARGS...
    local who=$1
    shift
    run practice "$@" --db "$(conn "$who")"
    ((RC == 0)) || fail "knotmap practice $* (as $who): exit $RC: $ERR"
}
practice knotmap init --login olga --name "Olga Owner" --no-password
practice olga add fran --name "Fran Desk" --role front-desk --no-password

# --- 1. the window, as fran --------------------------------------------------------
mkdir -p "$KNOTMAP_CONFIG_DIR"
echo '{"window": {"x": 0, "y": 0, "width": 1280, "height": 800, "maximized": false}}' \
    >"$KNOTMAP_CONFIG_DIR/settings.json"
"$KNOTMAP" --db "$(conn fran)" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
window=$(xdotool search --sync --onlyvisible --pid "$app" --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^front-desk fran front_desk$" || fail "the window did not open as the front desk"
wait_for report_settled || fail "the window never settled"
read -r X Y <<<"$(xdotool getwindowgeometry --shell "$window" |
    awk -F= '$1 == "X" || $1 == "Y" { printf "%s ", $2 }')"

assert_eq "Fran Desk · front desk" "$(value_of front-desk-signed-in)" "who the window says is signed in"
listed=$(value_of front-desk-clients-shown | tr '|' '\n' | sort)
expected=$(psql_su "SELECT name FROM client WHERE archived = 0" | sort)
assert_eq "$expected" "$listed" "the clients the window lists"
! report_has "^canvas " || fail "the front desk's window shows a body map"
! report_has "^shown-pain-max [0-9]" || fail "the front desk's window shows a pain rating"
first=$(psql_su "SELECT id FROM client WHERE archived = 0 ORDER BY nocase(name), id LIMIT 1")
wait_for line_is "selected-client $first" || fail "the window does not show the first client, $first"
assert_eq "$(psql_su "SELECT count(*) FROM session WHERE client_id = $first")" \
    "$(value_of front-desk-visit-count)" "the visits shown of client $first"
[[ ! -s "$WORK/gui.err" ]] || fail "the window wrote on stderr: $(cat "$WORK/gui.err")"
pass "fran's window lists all $(wc -l <<<"$listed") clients and client $first's visits, and no body map or pain"

# --- 2. a new client ---------------------------------------------------------------
tap front-desk-new-client
wait_for line_is "creating 1" || fail "+ New client did not open the new client's form"
type_into front-desk-client-name front-desk-client-name-text "Walk In Wanda" "Walk In Wanda"
tap front-desk-save-client
wait_for_sql "SELECT count(*) FROM client WHERE name = 'Walk In Wanda'" 1 "the client fran added"
wanda=$(psql_su "SELECT id FROM client WHERE name = 'Walk In Wanda'")
assert_eq "fran" "$(psql_su "SELECT person FROM audit_event WHERE table_name = 'client'
    AND row_id = $wanda AND action = 'insert'")" "who the audit trail says added client $wanda"
wait_for line_is "selected-client $wanda" || fail "the window does not show the new client $wanda"
wait_for line_is "creating 0" || fail "the new client's form stays open after saving"
pass "New client: Walk In Wanda ($wanda) is on the server, added by fran in the audit trail"

# --- 3. contact notes and a booking ----------------------------------------------
tap front-desk-client-notes
xdotool type --delay 30 "Prefers mornings"
tap front-desk-save-client
wait_for_sql "SELECT notes FROM client WHERE id = $wanda" "Prefers mornings" "the client's contact notes"
assert_eq "fran" "$(psql_su "SELECT person FROM audit_event WHERE table_name = 'client'
    AND row_id = $wanda AND action = 'update'")" "who the audit trail says changed client $wanda"

day=$(date -d tomorrow +%F)
type_into front-desk-visit-date front-desk-visit-when "${day}T$(value_of front-desk-visit-when | cut -dT -f2)" "$day"
type_into front-desk-visit-time front-desk-visit-when "${day}T10:30" "10:30"
tap front-desk-visit-kind 75 # its second half: Self check-in
tap front-desk-book-visit
wait_for_sql "SELECT count(*) FROM session WHERE client_id = $wanda" 1 "the visits of client $wanda"
assert_eq "self_checkin $(date -d "$day 10:30" +%s)" \
    "$(psql_su "SELECT kind || ' ' || started_utc FROM session WHERE client_id = $wanda")" \
    "the booked visit's kind and start"
assert_eq "fran" "$(psql_su "SELECT person FROM audit_event WHERE table_name = 'session'
    AND client_id = $wanda AND action = 'insert'")" "who the audit trail says booked the visit"
wait_for line_is "visits 1" || fail "the window does not show the booked visit"
[[ "$(value_of front-desk-visit-when)" != "${day}T10:30" ]] ||
    fail "the booking form still holds the time just booked"
pass "notes saved and a self check-in booked for $day 10:30, both by fran"

# --- 4. a visit booked elsewhere ---------------------------------------------------
started=$(date +%s%3N)
psql_su "INSERT INTO session (client_id, started_utc, utc_offset_min, kind)
    VALUES ($wanda, $(date -d "$day 15:00" +%s), 0, 'therapy_visit')" >/dev/null
WAIT_SECONDS=5 wait_for line_is "visits 2" || fail "the window did not show the visit booked in psql"
shown=$(($(date +%s%3N) - started))
((shown <= 2000)) || fail "the visit booked in psql showed after $shown ms, more than 2 s"
pass "a visit booked in psql showed after $shown ms"

# --- 4b. a save over somebody else's change ------------------------------------
# The window's typed text stays when psql changed the client meanwhile: its
# save is refused, saying so; Save again replaces the other change.
tap front-desk-client-notes
xdotool key ctrl+End
xdotool type --delay 30 ", calls first"
wait_for value_is front-desk-client-notes-text "Prefers mornings, calls first" ||
    fail "typing into the notes: the window holds '$(value_of front-desk-client-notes-text)'"
psql_su "UPDATE client SET notes = 'Evenings only' WHERE id = $wanda" >/dev/null
sleep 1.5 # the window reads the change meanwhile
assert_eq "Prefers mornings, calls first" "$(value_of front-desk-client-notes-text)" \
    "the notes typed, after psql changed the client"
tap front-desk-save-client
wait_for report_has "^value front-desk-client-conflict Someone else changed this client" ||
    fail "a save over psql's change did not say so"
assert_eq "Prefers mornings, calls first" "$(value_of front-desk-client-notes-text)" \
    "the notes typed, after the refused save"
assert_eq "Evenings only" "$(psql_su "SELECT notes FROM client WHERE id = $wanda")" \
    "the notes on the server after the refused save"
tap front-desk-save-client
wait_for_sql "SELECT notes FROM client WHERE id = $wanda" "Prefers mornings, calls first" \
    "the notes saved again over psql's"
wait_for bash -c "! grep -q '^value front-desk-client-conflict ' '$report'" ||
    fail "the conflict is still said after saving again"
pass "a refused save kept the typed notes and said why; Save again replaced psql's"

# --- 4c. typed text saved on leaving the client -----------------------------------
tap front-desk-client-notes
xdotool key ctrl+End
xdotool type --delay 30 "!"
wait_for value_is front-desk-client-notes-text "Prefers mornings, calls first!" ||
    fail "typing into the notes: the window holds '$(value_of front-desk-client-notes-text)'"
tap "front-desk-client-$first"
wait_for_sql "SELECT notes FROM client WHERE id = $wanda" "Prefers mornings, calls first!" \
    "the notes typed before choosing another client"
wait_for line_is "selected-client $first" || fail "choosing client $first after typing did not show it"
pass "choosing another client saved the notes typed first"

# --- 5. the menus ------------------------------------------------------------------
tap menu-file
wait_for report_has "^item front-desk-menu-new-client " || fail "File offers no New client"
report_has "^item menu-quit " || fail "File offers no Quit"
for item in menu-export-csv menu-backup menu-restore menu-report; do
    ! report_has "^item $item " || fail "File offers $item to the front desk"
done
press Escape
tap menu-view
wait_for report_has "^item menu-dark-theme " || fail "View offers no Dark theme"
! grep -qi "therapist\|vocabular\|history" "$report" || fail "the front desk is offered more: $(grep -i 'therapist\|vocabular\|history' "$report")"
press Escape
pass "File offers New client and Quit only; View its theme; no export, report or backup"

# --- 6. closing --------------------------------------------------------------------
tap "front-desk-client-$wanda"
wait_for line_is "selected-client $wanda" || fail "choosing client $wanda did not show it"
wait_for value_is front-desk-client-notes-text "Prefers mornings, calls first!" ||
    fail "client $wanda's notes are shown as '$(value_of front-desk-client-notes-text)'"
tap front-desk-client-notes
xdotool key ctrl+End
xdotool type --delay 30 "?"
wait_for value_is front-desk-client-notes-text "Prefers mornings, calls first!?" ||
    fail "typing into the notes: the window holds '$(value_of front-desk-client-notes-text)'"
press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
assert_eq "Prefers mornings, calls first!?" "$(psql_su "SELECT notes FROM client WHERE id = $wanda")" \
    "the notes typed before Ctrl+Q"
status=0
wait "$app" || status=$?
app=""
((status == 0)) || fail "the window exited with $status, expected 0"
[[ ! -s "$WORK/gui.err" ]] || fail "the window wrote on stderr: $(cat "$WORK/gui.err")"
pass "Ctrl+Q saved the notes typed, then closed the window with exit 0 and nothing on stderr"
