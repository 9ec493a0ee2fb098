#!/usr/bin/env bash
# A record's history one click away (docs/audit-trail.md): on a demo history,
# change each client's newest visit's notes, a new treatment's minutes and each
# client's notes with sqlite3 (the database's triggers record the changes,
# the local user as the one who made them), then in the window click History
# in the visit's details, in the treatment's edit form and in the client's
# Edit client form: each dialog names the change, who made it and what it
# was. Esc over the client's history closes the history only, then the form.
# The dialog's lines are read from --test-report's "value history-line" lines.
# Usage: test_gui_record_history.sh /path/to/knotmap
# KNOTMAP_SHOTS=DIR keeps screenshots of the three dialogs.
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

db="$WORK/history.db"
report="$WORK/report.txt"
run demo --db "$db" --clients 2 --days 20 --seed 5
assert_eq 0 "$RC" "knotmap demo exit code"

# Each client's newest session is the one the window shows for them; the
# demo's are not signed, so plain updates may change them. Each gets a
# treatment of its own (not every demo session has one), then changed.
newest="SELECT id FROM session s WHERE started_utc =
          (SELECT max(started_utc) FROM session WHERE client_id = s.client_id)"
sqlite3 "$db" "UPDATE session SET notes = 'Stiff after the long drive' WHERE id IN ($newest);
               INSERT INTO treatment (session_id, kind_id, minutes)
                   SELECT id, (SELECT min(id) FROM treatment_kind), 10 FROM session
                   WHERE id IN ($newest);
               UPDATE treatment SET minutes = 25
                   WHERE id IN (SELECT max(id) FROM treatment GROUP BY session_id)
                     AND session_id IN ($newest);
               UPDATE client SET notes = 'Prefers morning appointments'"
actor=$(sqlite3 "$db" "SELECT person FROM audit_actor")
[[ -n "$actor" ]] || fail "the file names no local user to record changes under"
assert_eq 0 "$(sqlite3 "$db" "SELECT count(*) FROM session WHERE id IN ($newest)
                              AND notes <> 'Stiff after the long drive'")" "the updated visits"

mkdir -p "$KNOTMAP_CONFIG_DIR"
echo '{"window": {"x": 0, "y": 0, "width": 1280, "height": 800, "maximized": false}}' \
    >"$KNOTMAP_CONFIG_DIR/settings.json"
"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
wait_for report_has "^canvas " || fail "the window never drew the body map"
wait_for report_settled || fail "the window never settled"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X and Y

# A modal draws from its second frame on: a moment first, then the picture.
shot() { if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then sleep 0.4; import -window root "$KNOTMAP_SHOTS/$1.png"; fi; }
history_open() { report_has "^value history-lines "; }
history_closed() { ! report_has "^value history-lines "; }
# Waits for the dialog to show a line matching the pattern (grep -E, after
# "value history-line ").
has_line() { [[ -f "$report" ]] && grep -Eq -- "^value history-line $1\$" "$report"; }
expect_line() { # pattern what
    wait_for has_line "$1" ||
        fail "$2: no history line matching '$1'; the dialog showed:
$(grep '^value history' "$report" || echo '(no dialog)')"
}

# --- the visit's details ------------------------------------------------------------
click_item visit-history
wait_for history_open || fail "History in the visit's details opened no dialog"
expect_line "Changed by $actor on [0-9]+ [A-Z][a-z]{2} [0-9]{2}:[0-9]{2}: notes .*“Stiff after the long drive”" \
    "the visit's history"
shot hist-visit
click_item history-close
wait_for history_closed || fail "Close did not close the visit's history"
pass "the visit's History names who changed its notes, when, and to what"

# --- a treatment, in its edit form ---------------------------------------------------
click_item treatments-tab
click_item treatment-edit
click_item treatment-history
wait_for history_open || fail "History in the treatment's form opened no dialog"
expect_line "Created by $actor on .*" "the treatment's history"
expect_line "Changed by $actor on .*: minutes 10 → 25" "the treatment's history"
shot hist-treatment
press Escape
wait_for history_closed || fail "Esc did not close the treatment's history"
pass "the treatment's History names the change of its minutes"

# --- the client, in its Edit client form -----------------------------------------------
id=$(sqlite3 "$db" "SELECT client_id FROM session WHERE id IN ($newest) ORDER BY client_id LIMIT 1")
read -r x0 y0 x1 y1 <<<"$(item_rect "client-row-$id")"
xdotool mousemove --sync $((X + (x0 + x1) / 2)) $((Y + (y0 + y1) / 2))
sleep 0.3
xdotool click 3 # the row's menu
sleep 0.6
click_item client-edit-details
click_item client-history
wait_for history_open || fail "History in the Edit client form opened no dialog"
expect_line "Changed by $actor on .*: notes .*“Prefers morning appointments”" \
    "the client's history"
shot hist-client
press Escape
wait_for history_closed || fail "Esc did not close the client's history"
report_has "^item client-name " || fail "Esc over the history closed the Edit client form too"
press Escape
wait_for bash -c "! grep -q '^item client-name ' '$report'" || fail "Esc did not close the form"
pass "the client's History names the change of its notes; Esc closes it, then the form"

press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
