#!/usr/bin/env bash
# A long note wraps inside its field instead of scrolling sideways, the way
# a person proofreads it: start a self check-in (N), click a region to log a
# knot, click into its Notes field and type a long paragraph. The window must
# show it on several visual lines, each starting after a space (words are
# never cut), while the file gets exactly what was typed, with no line
# breaks added. Then Up moves the caret to the visual line above and a typed
# "X" lands there, at the byte offset the window reported.
# Usage: test_gui_wrapping_text.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"

region=back.upper_trapezius.left
paragraph="Tender band along the upper trapezius, worse on the left after long hours at the desk; referred ache towards the temple when pressed, eased with heat and slow neck stretches"
# The default place (XDG_DATA_HOME): a database there is created without asking.
export XDG_DATA_HOME="$WORK/data"
db="$XDG_DATA_HOME/knotmap/knotmap.db"
report="$WORK/report.txt"

run --db "$db" --frames 5
assert_eq 0 "$RC" "the window's exit code (creates the database)"
sqlite3 "$db" "INSERT INTO client (name, created_utc) VALUES ('Me', 0)"

read -r view label_x label_y < <(region_label_point "$region")
[[ -n "${label_x:-}" ]] || fail "the atlas has no region $region"

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
trap 'kill "$app" 2>/dev/null || true; cleanup' EXIT
sql() { sqlite3 "$db" "$1"; }
sql_is() { [[ "$(sql "$2")" == "$1" ]]; } # expected query
value() { awk -v name="$1" '$1 == "value" && $2 == name { $1 = ""; $2 = ""; print substr($0, 3); exit }' "$report"; }
shot() { if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/$1.png"; fi; }

window=$(xdotool search --sync --onlyvisible --pid "$app" --name '^Knotmap$' | head -n 1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
wait_for report_has "^canvas $view " || fail "the window never reported the $view view"
wait_for report_settled || fail "the window never settled"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X, Y, WIDTH and HEIGHT

press n
wait_for sql_is 1 "SELECT count(*) FROM session" || fail "N did not start a check-in"
wait_for report_settled || fail "the window never settled after N"
read -r click_x click_y < <(awk -v view="$view" -v lx="$label_x" -v ly="$label_y" \
    -v wx="$X" -v wy="$Y" '$1 == "canvas" && $2 == view {
        printf "%d %d\n", wx + $3 + lx * ($5 - $3), wy + $4 + ly * ($6 - $4); exit }' "$report")
click_at "$click_x" "$click_y"
wait_for report_has "^editor open" || fail "clicking the body did not open the knot editor"

# The editor may be taller than the window: wheel its panel (pointer on its
# heading) until the notes field is inside the window.
for ((tries = 0; ; tries++)); do
    read -r nx0 ny0 nx1 ny1 <<<"$(item_rect knot-notes)"
    ((ny1 > HEIGHT - 10)) || break
    ((tries < 20)) || fail "could not scroll the notes field into view (at y $ny0-$ny1)"
    xdotool mousemove --sync $((X + nx0 + 40)) $((Y + 180))
    sleep 0.2
    xdotool click 5
    sleep 0.3
done

# Type the paragraph into the knot's notes.
click_at $((X + (nx0 + nx1) / 2)) $((Y + (ny0 + ny1) / 2))
wait_for report_has "^value wrapped-text-lines " || fail "clicking the notes did not start editing them"
xdotool type --delay 25 "$paragraph"
wait_for bash -c "grep -q '^value wrapped-text-caret ${#paragraph} ' '$report'" ||
    fail "the caret is not after the typed paragraph: $(value wrapped-text-caret)"
shot wrapping-typed

# It wraps: several visual lines, each after the first starting right after
# a space of the paragraph (a word-wrap, not a cut through a word).
lines=$(value wrapped-text-lines)
((lines >= 3)) || fail "the ${#paragraph}-character note shows on $lines visual line(s), expected it to wrap"
read -r -a starts <<<"$(value wrapped-text-line-starts)"
assert_eq "$lines" "${#starts[@]}" "line starts reported"
for start in "${starts[@]:1}"; do
    [[ "${paragraph:start-1:1}" == " " ]] ||
        fail "a visual line starts at byte $start, inside a word: '${paragraph:start-5:10}'"
done

# Up: the caret goes to the visual line above; X is typed there.
read -r _ caret_line <<<"$(value wrapped-text-caret)"
assert_eq "$((lines - 1))" "$caret_line" "the caret's visual line after typing"
press Up
wait_for bash -c "awk '\$1 == \"value\" && \$2 == \"wrapped-text-caret\" { exit !(\$4 == $((lines - 2))) }' '$report'" ||
    fail "Up did not move the caret to the line above: $(value wrapped-text-caret)"
read -r offset _ <<<"$(value wrapped-text-caret)"
((offset >= starts[lines - 2] && offset < starts[lines - 1])) ||
    fail "after Up the caret is at byte $offset, not on the line above (${starts[lines - 2]}-${starts[lines - 1]})"
xdotool type --delay 25 "X"
shot wrapping-up-x

# Click beside the field (right of the Notes heading) so it lets go and saves.
click_at $((X + nx1 - 10)) $((Y + ny0 - 8))
expected="${paragraph:0:offset}X${paragraph:offset}"
wait_for sql_is "$expected" "SELECT notes FROM observation" ||
    fail "the saved note is '$(sql 'SELECT notes FROM observation')', expected '$expected'"
assert_eq 0 "$(sql "SELECT count(*) FROM observation WHERE instr(notes, char(10)) > 0")" \
    "notes holding a line break"
wait_for bash -c "! grep -q '^value wrapped-text-lines ' '$report'" ||
    fail "the notes field still reports itself edited after the click beside it"
shot wrapping-saved

# Back in: Ctrl+End, Enter starts a new paragraph, and a second one makes
# the note taller than its box, which then scrolls to keep the caret in
# view. (Other scripts are in the unit tests: xdotool types non-Latin text
# through a remapped key that the window may read after it changed.)
second="Second visit: neck stiff on the right in the evening, better after the heat pack and a short walk"
click_at $((X + (nx0 + nx1) / 2)) $((Y + (ny0 + ny1) / 2))
wait_for report_has "^value wrapped-text-lines " || fail "clicking the notes again did not edit them"
press ctrl+End
press Return
xdotool type --delay 40 "$second"
click_at $((X + nx1 - 10)) $((Y + ny0 - 8))
expected="$expected"$'\n'"$second"
wait_for sql_is "$expected" "SELECT notes FROM observation" ||
    fail "the saved note is '$(sql 'SELECT notes FROM observation')', expected '$expected'"
click_at $((X + (nx0 + nx1) / 2)) $((Y + ny1 - 8))
press ctrl+End
wait_for bash -c "grep -q '^value wrapped-text-caret $(printf %s "$expected" | wc -c) ' '$report'" ||
    fail "Ctrl+End did not put the caret at the end: $(value wrapped-text-caret)"
shot wrapping-scrolled
lines=$(value wrapped-text-lines)
((lines >= 5)) || fail "two paragraphs show on $lines lines, expected at least 5"
press Escape
wait_for bash -c "! grep -q '^value wrapped-text-lines ' '$report'" || fail "Escape did not leave the notes"
assert_eq "$expected" "$(sql 'SELECT notes FROM observation')" "the note after Escape"

press ctrl+q
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || fail "the window exited with an error"
pass "a long note wrapped at spaces and saved as typed; Up then X inserted at byte $offset; a second paragraph after Enter scrolled the box ($lines lines)"
