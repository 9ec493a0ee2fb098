#!/usr/bin/env bash
# Issue 16: the owner's Practice window, and menus that follow the role.
#
#  1. A server of its own (the practice's roles are the server's), a demo
#     history, `knotmap practice init` with owner olga and practitioner dana
#     (logins without passwords: the socket trusts them).
#  2. Olga's window has a Practice menu. In its People tab she adds "Ivy
#     Chen", login ivy, as a practitioner, typing a password twice; then
#     disables dana. Adding jo with empty password fields and "No password"
#     not ticked is refused by the form (no role made); adding the tables'
#     owner with a password is refused by the server, the wiped password is
#     asked for again, Add again is refused by the form, and with the box
#     ticked the server refuses again. In its Clients tab she assigns a
#     client to ivy.
#     psql, signed in as the superuser, reads each change: the practitioner
#     row, a SCRAM verifier for ivy (and the password working over TCP, where
#     the server asks for it), dana's login turned off, the client_access row
#     and its audit_event naming olga. The server logs every statement
#     meanwhile: the password is in no log, no report and on no stderr.
#  3. Ivy's window and a window on a database file have no Practice menu,
#     even with the File menu open.
# Usage: test_gui_practice_window.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# Directly under /tmp: under root the server runs as nobody, who cannot enter
# $WORK; and the socket's path must stay short.
PGDIR=$(mktemp -u /tmp/knotmap-pw-XXXXXX)
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
psql_su() { psql "$(conn knotmap)" -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"; }
sql_is() { [[ "$(psql_su "$1")" == "$2" ]]; }
wait_for_sql() { # query expected what
    wait_for sql_is "$1" "$2" || fail "$3: expected '$2' on the server, psql says '$(psql_su "$1")'"
}

# --- 1. the practice -------------------------------------------------------------
run demo --db "$(conn knotmap)" --clients 3 --days 20 --seed 5
assert_eq 0 "$RC" "knotmap demo on the server ($ERR)"
practice() { # LOGIN ARGS...
    local who=$1
    shift
    run practice "$@" --db "$(conn "$who")"
    ((RC == 0)) || fail "knotmap practice $* (as $who): exit $RC: $ERR"
}
practice knotmap init --login olga --name "Olga Owner" --no-password
practice olga add dana --name "Dana Ruiz" --role practitioner --no-password
client=$(psql_su "SELECT min(id) FROM client")
client_name=$(psql_su "SELECT name FROM client WHERE id = $client")
# Every statement the server runs from here on is logged: the password must
# not be among them.
psql_su "ALTER SYSTEM SET log_statement = 'all'" >/dev/null
psql_su "SELECT pg_reload_conf()" >/dev/null
pass "practice: owner olga, practitioner dana; client $client ($client_name) assigned to nobody"

# --- the windows ------------------------------------------------------------------
mkdir -p "$WORK/config"
echo '{"window": {"x": 0, "y": 0, "width": 1280, "height": 800, "maximized": false}}' \
    >"$WORK/config/settings.json"
start_window() { # --db value, what
    report="$WORK/report-$2.txt"
    "$KNOTMAP" --db "$1" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
    app=$!
    local window
    window=$(xdotool search --sync --onlyvisible --pid "$app" --name '^Knotmap$' | head -n 1)
    xdotool windowactivate --sync "$window" 2>/dev/null || true
    wait_for report_has "^canvas " || fail "$2's window never showed the body map"
    wait_for report_settled || fail "$2's window never settled"
    eval "$(xdotool getwindowgeometry --shell "$window" | grep -E '^(X|Y)=')"
}
close_window() { # what
    press ctrl+q
    wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close $1's window"
    local status=0
    wait "$app" || status=$?
    app=""
    ((status == 0)) || fail "$1's window exited with $status, expected 0"
    [[ ! -s "$WORK/gui.err" ]] || fail "$1's window wrote on stderr: $(cat "$WORK/gui.err")"
}
# The window's last word on a change (the value lines of practice_window.cpp).
value_is() { grep -qxF -- "value $1 $2" "$report"; }
wait_outcome() { # expected what
    WAIT_SECONDS=10 wait_for value_is practice-outcome "$1" ||
        fail "$2: the window does not say '$1' ($(grep '^value practice-' "$report" | tr '\n' ';'))"
}
type_into() { # item text (typed from stdin: never on xdotool's command line)
    click_item "$1"
    printf '%s' "$2" | xdotool type --delay 15 --file -
    sleep 0.2
}

# --- 2. the owner's window --------------------------------------------------------
start_window "$(conn olga)" olga
report_has "^item menu-practice " || fail "olga's window has no Practice menu"
click_item menu-practice
click_item menu-practice-people
wait_for report_has "^item practice-new-name " || fail "Practice > People did not open the window"
wait_for report_has "^item practice-disable-dana " || fail "the People tab offers no Disable for dana"
! report_has "^item practice-disable-olga " || fail "the People tab offers olga to disable herself"

password="Iv-$RANDOM-tulip-$RANDOM"
type_into practice-new-name "Ivy Chen"
type_into practice-new-login ivy
type_into practice-new-password "$password"
type_into practice-new-password-again "$password"
click_item practice-add
wait_outcome "Added Ivy Chen (ivy) as practitioner." "adding ivy"
assert_eq "Ivy Chen|practitioner|1" \
    "$(psql_su "SELECT name || '|' || role || '|' || enabled FROM practitioner WHERE login = 'ivy'")" \
    "ivy's practitioner row"
assert_eq "t" "$(psql_su "SELECT rolcanlogin AND rolpassword LIKE 'SCRAM-SHA-256\$%'
                          FROM pg_authid WHERE rolname = 'ivy'")" \
    "ivy's login: may sign in, with a SCRAM verifier"
# Over TCP the server asks for the password (the socket trusts everyone).
PGPASSWORD=$password psql "host=127.0.0.1 port=$PORT user=ivy dbname=clinic" -X -q -t -A \
    -c "SELECT session_user" >"$WORK/ivy.out" 2>&1 || fail "ivy cannot sign in with her password: $(cat "$WORK/ivy.out")"
assert_eq ivy "$(cat "$WORK/ivy.out")" "who signed in over TCP with the typed password"
! PGPASSWORD="not-$password" psql "host=127.0.0.1 port=$PORT user=ivy dbname=clinic" -X -q \
    -c "SELECT 1" >/dev/null 2>&1 || fail "ivy signed in with a wrong password"
wait_for report_has "^item practice-disable-ivy " || fail "the People tab does not list ivy"
pass "olga added Ivy Chen (ivy) as practitioner; her password signs her in over TCP"

# Empty password fields are not "no password" (a refused add wipes them):
# without the box ticked the form refuses, and nothing reaches the server.
no_password_typed="Type a password twice, or tick “No password: they already have a login or sign in another way”."
type_into practice-new-name "Jo Park"
type_into practice-new-login jo
click_item practice-add
WAIT_SECONDS=10 wait_for value_is practice-new-problem "$no_password_typed" ||
    fail "empty password fields, no box ticked: the form does not refuse ($(grep '^value practice-' "$report" | tr '\n' ';'))"
sleep 1
assert_eq "0|0" "$(psql_su "SELECT (SELECT count(*) FROM pg_roles WHERE rolname = 'jo') || '|' ||
                                  (SELECT count(*) FROM practitioner WHERE login = 'jo')")" \
    "roles and practitioner rows for jo after the refusal"
pass "empty password fields without “No password” ticked: the form refuses, no login made"

retype() { # item text: replaces what the field holds
    click_item "$1"
    press ctrl+a
    printf '%s' "$2" | xdotool type --delay 15 --file -
    sleep 0.2
}
# The server's refusal is shown in the window; nothing is added. The typed
# password left the fields on the way: the form says to type it again, and
# Add with the emptied fields is refused by the form, not sent without one.
password2="Ad-$RANDOM-heron-$RANDOM"
retype practice-new-name "Admin Login"
retype practice-new-login knotmap
type_into practice-new-password "$password2"
type_into practice-new-password-again "$password2"
click_item practice-add
WAIT_SECONDS=10 wait_for report_has "^value practice-error Couldn.t add Admin Login (knotmap): .*owns the tables" ||
    fail "adding the tables' owner: the window shows no refusal ($(grep '^value practice-' "$report" | tr '\n' ';'))"
wait_for value_is practice-new-problem "The password fields were cleared: type the password twice again." ||
    fail "after the refusal the form does not ask for the password again ($(grep '^value practice-' "$report" | tr '\n' ';'))"
click_item practice-add
WAIT_SECONDS=10 wait_for value_is practice-new-problem "$no_password_typed" ||
    fail "Add again with the wiped fields: the form does not refuse ($(grep '^value practice-' "$report" | tr '\n' ';'))"
# With the box ticked it goes to the server, which refuses the tables' owner.
click_item practice-new-no-password
click_item practice-add
wait_for bash -c "! grep -q '^value practice-new-problem ' '$report'" ||
    fail "with “No password” ticked the form still refuses ($(grep '^value practice-' "$report" | tr '\n' ';'))"
WAIT_SECONDS=10 wait_for report_has "^value practice-error Couldn.t add Admin Login (knotmap): .*owns the tables" ||
    fail "adding the tables' owner without a password: the window shows no refusal"
assert_eq 0 "$(psql_su "SELECT count(*) FROM practitioner WHERE login = 'knotmap'")" \
    "practitioner rows for knotmap after the refusals"
pass "adding the tables' owner is refused by the server, and the window says why; the wiped password is asked for again"

click_item practice-disable-dana
wait_outcome "Dana Ruiz (dana) can no longer sign in; their records stay." "disabling dana"
assert_eq "0|false" "$(psql_su "SELECT p.enabled || '|' || r.rolcanlogin FROM practitioner p
                           JOIN pg_roles r ON r.rolname = p.login WHERE p.login = 'dana'")" \
    "dana's practitioner row and login after Disable"
wait_for value_is practice-status-dana disabled || fail "the People tab does not show dana disabled"
report_has "^item practice-enable-dana " || fail "the People tab offers no Enable for dana"
pass "olga disabled dana: practitioner.enabled 0, pg_roles.rolcanlogin false"

click_item practice-tab-clients
click_item "practice-assign-$client"
click_item "practice-assign-$client-ivy"
wait_outcome "$client_name is assigned to Ivy Chen (ivy)." "assigning client $client to ivy"
assert_eq "ivy|assigned|olga" \
    "$(psql_su "SELECT p.login || '|' || a.kind || '|' || a.granted_by FROM client_access a
                JOIN practitioner p ON p.id = a.practitioner_id WHERE a.client_id = $client")" \
    "client $client's access after the assignment"
assert_eq "olga|insert" \
    "$(psql_su "SELECT person || '|' || action FROM audit_event
                WHERE table_name = 'client_access' AND row_id = $client ORDER BY id")" \
    "audit_event of client $client's access"
pass "olga assigned $client_name to ivy: client_access row, audit_event naming olga"

close_window olga
for file in "$report" "$WORK/gui.err" "$WORK/gui.out" "$PGDIR/server.log"; do
    ! grep -qF -- "$password" "$file" || fail "the password is in $file"
    ! grep -qF -- "$password2" "$file" || fail "the refused add's password is in $file"
done
grep -q "SCRAM-SHA-256" "$PGDIR/server.log" ||
    fail "the server log holds no verifier: was log_statement on? (the check above proves nothing)"
pass "the password is in no report, stderr or server log (which logged the verifier)"

# --- 3. no Practice menu for anyone else ----------------------------------------------
no_practice_menu() { # what
    ! report_has "^item menu-practice" || fail "$1's window offers the Practice menu"
    click_item menu-file
    wait_for report_has "^item menu-export-csv " || fail "$1's File menu did not open"
    ! report_has "^item menu-practice" || fail "$1's window offers the Practice menu"
    press Escape
}
start_window "$(conn ivy)" ivy
no_practice_menu "practitioner ivy"
close_window ivy
pass "practitioner ivy's window has no Practice menu"

run demo --db "$WORK/own.db" --clients 1 --days 5 --seed 3
assert_eq 0 "$RC" "knotmap demo into a file ($ERR)"
start_window "$WORK/own.db" file
no_practice_menu "the file database"
close_window file
pass "a file database's window has no Practice menu"
