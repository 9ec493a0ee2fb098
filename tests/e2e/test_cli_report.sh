#!/usr/bin/env bash
# `knotmap report` writes a printable PDF of one client: A4 and Letter page
# sizes, several pages, the client's (non-ASCII) name, the treatment-effect
# section and the sessions' dates as text, and every page renders. Bad input
# is refused: an unknown client (exit 1, naming the known ones), a bad date
# (exit 2, naming the option), and nothing is left behind on failure.
# Usage: test_cli_report.sh /path/to/knotmap
set -euo pipefail
source "$(dirname "$0")/lib.sh" "$1"

for tool in pdfinfo pdftotext pdftoppm; do
    command -v "$tool" >/dev/null || fail "$tool is missing (poppler-utils: scripts/ensure-packages test)"
done

db="$WORK/demo.db"
run demo --db "$db" --clients 2 --days 90 --seed 5 --end 2026-03-14
assert_eq 0 "$RC" "knotmap demo exit code (stderr: $ERR)"
# A name outside ASCII shows that the embedded font and its encoding carry it.
client=$(sqlite3 "$db" "SELECT name FROM client ORDER BY name" | LC_ALL=C grep -m1 '[^ -~]' || true)
[[ -n "$client" ]] || fail "the demo has no client with a non-ASCII name to test with"
# A session's local date, computed by SQLite from the stored instant and offset.
session_date=$(sqlite3 "$db" "SELECT date(s.started_utc + 60 * s.utc_offset_min, 'unixepoch')
    FROM session s JOIN client c ON c.id = s.client_id WHERE c.name = '$client'
    ORDER BY s.started_utc DESC LIMIT 1 OFFSET 5")
[[ -n "$session_date" ]] || fail "no session date found for $client"

# Prints "WIDTH HEIGHT PAGES" of a PDF, the page size rounded to whole points.
pdf_facts() {
    pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {pages = $2}
        /^Page size:/ {printf "%d %d ", $3 + 0.5, $5 + 0.5} END {print pages}'
}

check_report() { # file paper width height
    local file=$1 paper=$2 width height pages text
    read -r width height pages < <(pdf_facts "$file")
    assert_eq "$3 $4" "$width $height" "$paper page size in points"
    ((pages >= 2)) || fail "the $paper report has $pages page(s), expected at least 2"
    text=$(pdftotext -enc UTF-8 "$file" - 2>/dev/null)
    assert_contains "$text" "$client" "the $paper report's text"
    assert_contains "$text" "Treatment effect" "the $paper report's text"
    assert_contains "$text" "$session_date" "the $paper report's session table"
    assert_contains "$text" "Page $pages of $pages" "the $paper report's footer"
    mkdir -p "$WORK/png-$paper"
    pdftoppm -r 50 -png "$file" "$WORK/png-$paper/page" 2>"$WORK/pdftoppm.err" \
        || fail "pdftoppm could not render the $paper report: $(cat "$WORK/pdftoppm.err")"
    local rendered
    rendered=$(find "$WORK/png-$paper" -name 'page-*.png' -size +1k | wc -l)
    assert_eq "$pages" "$rendered" "pages rendered from the $paper report"
    pass "a $pages-page $paper report ($width x $height pt) on $client"
}

run report --db "$db" --client "$client" -o "$WORK/a4.pdf"
assert_eq 0 "$RC" "knotmap report exit code (stderr: $ERR)"
check_report "$WORK/a4.pdf" a4 595 842

run report --db "$db" --client "$client" --paper Letter --from 2026-01-01 --to 2026-03-14 \
    -o "$WORK/letter.pdf"
assert_eq 0 "$RC" "knotmap report --paper letter exit code (stderr: $ERR)"
check_report "$WORK/letter.pdf" letter 612 792

# A period before any session still gives a report, saying so.
run report --db "$db" --client "$client" --to 2000-01-01 -o "$WORK/empty.pdf"
assert_eq 0 "$RC" "exit code for a period without sessions (stderr: $ERR)"
assert_contains "$(pdftotext "$WORK/empty.pdf" - 2>/dev/null)" "No sessions in this period" \
    "a report on an empty period"
pass "a period without sessions gives a short report that says so"

# --- refusals -----------------------------------------------------------------
run report --db "$db" --client "Nobody Atall" -o "$WORK/nobody.pdf"
assert_eq 1 "$RC" "exit code for an unknown client"
assert_contains "$ERR" "Nobody Atall" "the error names the client"
assert_contains "$ERR" "$client" "the error lists the known clients"
[[ ! -e "$WORK/nobody.pdf" ]] || fail "a PDF was written for an unknown client"

run report --db "$db" --client "$client" --from 2026-02-30 -o "$WORK/bad.pdf"
assert_eq 2 "$RC" "exit code for --from 2026-02-30"
assert_contains "$ERR" "--from" "the error names the option"
run report --db "$db" --client "$client" --to yesterday -o "$WORK/bad.pdf"
assert_eq 2 "$RC" "exit code for --to yesterday"
assert_contains "$ERR" "--to" "the error names the option"
run report --db "$db" --client "$client" --from 2026-03-01 --to 2026-02-01 -o "$WORK/bad.pdf"
assert_eq 2 "$RC" "exit code for --to before --from"
assert_contains "$ERR" "--to" "the error names the option"
run report --db "$db" --client "$client" --paper a5 -o "$WORK/bad.pdf"
assert_eq 2 "$RC" "exit code for --paper a5"
[[ ! -e "$WORK/bad.pdf" ]] || fail "a PDF was written for a bad command line"

run report --db "$WORK/missing.db" --client "$client" -o "$WORK/missing.pdf"
assert_eq 1 "$RC" "exit code for a missing database"
[[ ! -e "$WORK/missing.db" ]] || fail "report created the missing database"

# A folder that cannot be written: the error names the file, nothing is left.
mkdir "$WORK/locked"
chmod a-w "$WORK/locked"
if [[ ! -w "$WORK/locked" ]]; then # root can write anyway: nothing to check then
    run report --db "$db" --client "$client" -o "$WORK/locked/report.pdf"
    assert_eq 1 "$RC" "exit code for an unwritable folder"
    assert_contains "$ERR" "locked/report.pdf" "the error names the file"
    [[ -z "$(ls -A "$WORK/locked")" ]] || fail "files were left behind: $(ls -A "$WORK/locked")"
fi
# The target is a folder: the final rename fails after the PDF was written
# under its temporary name, which must not be left behind (works as root too).
mkdir "$WORK/out" "$WORK/out/report.pdf"
run report --db "$db" --client "$client" -o "$WORK/out/report.pdf"
assert_eq 1 "$RC" "exit code when the output is a folder"
assert_contains "$ERR" "report.pdf" "the error names the file"
assert_eq "report.pdf" "$(ls -A "$WORK/out")" "files in the output folder after a failed write"
pass "unknown clients, bad dates, bad paper, missing databases and unwritable files are refused"
