#!/usr/bin/env bash
# Names and notes in other scripts are drawn, not replaced: clients named in
# Cyrillic, Greek, Arabic, Chinese and Hebrew, each with a note in its
# script. The window selects each in turn and reports how many glyphs the
# frame drew as the replacement glyph (U+FFFD, a character no font in the
# atlas had): it must be 0. A note holding a private-use character no
# installed font has (U+E9A0) must count, so the check can fail. The PDF
# reports hold their names and notes as text, in embedded fonts that have
# them, right-to-left text in the order it is read. The database file is
# named in Chinese, and its path in the menu bar is drawn too.
# Usage: test_gui_scripts.sh /path/to/knotmap
set -euo pipefail

source "$(dirname "$0")/gui_test.sh" "$@"
export KNOTMAP_CONFIG_DIR="$WORK/config"

# The database's own name is in Chinese too: the menu bar shows its path.
db="$WORK/診療所.db"
report="$WORK/report.txt"
run demo --db "$db" --clients 1 --days 3
assert_eq 0 "$RC" "demo exit code"
missing=$(printf '\xee\xa6\xa0') # U+E9A0, private use: in no Debian font
sqlite3 "$db" "
INSERT INTO client (name, notes, created_utc) VALUES
  ('Анна Петрова', 'Боль в шее после работы', 1767225600),
  ('Ελένη Παπαδοπούλου', 'Πόνος στον δεξί ώμο', 1767225600),
  ('ليلى حداد', 'ألم في أسفل الظهر', 1767225600),
  ('王小明', '肩膀很紧，明天再来', 1767225600),
  ('ליאור כהן', 'כאב בגב התחתון', 1767225600),
  ('Private Use', 'A mark no font has: $missing', 1767225600);
INSERT INTO session (client_id, started_utc, utc_offset_min, kind, overall_pain, notes)
  SELECT id, 1767312000, 0, 'therapy_visit', 5, notes FROM client WHERE name <> 'Private Use'
    AND id > 1;"
id_of() { sqlite3 "$db" "SELECT id FROM client WHERE name = '$1'"; }

"$KNOTMAP" --db "$db" --test-report "$report" >"$WORK/gui.out" 2>"$WORK/gui.err" &
app=$!
stop_app() { kill "$app" 2>/dev/null || true; }
trap 'stop_app; cleanup' EXIT

window=$(xdotool search --sync --onlyvisible --name '^Knotmap$' | head -n 1)
wait_for report_has "^canvas " || fail "the window never drew the body map"
wait_for report_settled || fail "the window never settled"
eval "$(xdotool getwindowgeometry --shell "$window")" # sets X and Y

replacements() { awk '$1 == "replacement-glyphs" { print $2 }' "$report"; }
shot() { if [[ -n "${KNOTMAP_SHOTS:-}" ]]; then import -window root "$KNOTMAP_SHOTS/$1.png"; fi; }

for name in 'Анна Петрова' 'Ελένη Παπαδοπούλου' 'ليلى حداد' '王小明' 'ליאור כהן'; do
    click_item "client-row-$(id_of "$name")"
    wait_for report_settled || fail "the window never settled after selecting $name"
    assert_eq 0 "$(replacements)" "replacement glyphs with $name selected"
done
shot scripts-hebrew
click_item "client-row-$(id_of '王小明')"
wait_for report_settled || true
shot scripts-chinese

# Typed characters join the atlas before the frame draws them: 家 is in no
# name or note, so without that it would show as the replacement glyph.
click_item client-search
xdotool type --delay 100 '家'
wait_for bash -c "grep -q '^replacement-glyphs 0$' '$report'" ||
    fail "a typed Chinese character was drawn as the replacement glyph"
wait_for report_settled || true
shot scripts-typed
assert_eq 0 "$(replacements)" "replacement glyphs after typing 家 in the search field"
press Escape

# The check sees a real miss: the private-use character is drawn as U+FFFD.
click_item "client-row-$(id_of 'Private Use')"
wait_for bash -c "grep -q '^replacement-glyphs [1-9]' '$report'" ||
    fail "a character no font has was not counted as a replacement glyph"
shot scripts-missing
click_item "client-row-$(id_of 'Анна Петрова')"
wait_for bash -c "grep -q '^replacement-glyphs 0$' '$report'" ||
    fail "the count did not go back to 0 once the missing character left the screen"

press ctrl+q
status=0
wait_for bash -c "! kill -0 $app 2>/dev/null" || fail "Ctrl+Q did not close the window"
wait "$app" || status=$?
[[ $status -eq 0 ]] || fail "the window exited with $status, expected 0"

# The PDF: names and notes come out as text, the CJK in an embedded fallback
# font. Hebrew and Arabic are drawn in visual order, Arabic in its joined
# presentation forms, which NFKC folds back to the letters stored.
nfkc() { python3 -c 'import sys, unicodedata; print(unicodedata.normalize("NFKC", sys.stdin.read()))'; }
for name in '王小明' 'ليلى حداد' 'ליאור כהן' 'Ελένη Παπαδοπούλου'; do
    pdf="$WORK/report-$(id_of "$name").pdf"
    run report --db "$db" --client "$name" -o "$pdf"
    assert_eq 0 "$RC" "report exit code for $name"
    text=$(pdftotext "$pdf" - 2>/dev/null | nfkc)
    note=$(sqlite3 "$db" "SELECT notes FROM client WHERE name = '$name'" | nfkc)
    assert_contains "$text" "$name" "the report's text"
    assert_contains "$text" "$note" "the report's text"
done
fonts=$(pdffonts "$WORK/report-$(id_of '王小明').pdf" 2>/dev/null)
assert_contains "$fonts" "DroidSansFallback" "fonts embedded in the Chinese client's report"
pass "names and notes in Cyrillic, Greek, Arabic, Chinese and Hebrew draw without replacement glyphs, a missing character is counted, and the PDF holds them"
