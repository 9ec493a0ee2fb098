#!/usr/bin/env bash
# `knotmap report` writes a printable PDF of one client: A4 and Letter page
# sizes, several pages, the client's (non-ASCII) name, the treatment-effect
# section and the visits' dates as text, and every page renders. The clinical
# record: a signed visit's 3000-character plan whole, its signer and time, its
# amendments with their originals (a session field's and a rating's), and the
# check-ins weekly (default), in full or left out (--checkins). Bad input
# is refused: an unknown client (exit 1, naming the known ones), a bad date
# (exit 2, naming the option), and nothing is left behind on failure.
# Usage: test_cli_report.sh /path/to/knotmap
set -euo pipefail
source "$(dirname "$0")/lib.sh" "$1"

for tool in pdfinfo pdftotext pdftoppm; do
    command -v "$tool" >/dev/null || fail "$tool is missing (poppler-utils: scripts/ensure-packages test)"
done

db=$(new_database demo)
run demo --db "$db" --clients 2 --days 90 --seed 5 --end 2026-03-14
assert_eq 0 "$RC" "knotmap demo exit code (stderr: $ERR)"
# A name outside ASCII shows that the embedded font and its encoding carry it.
client=$(sql "$db" "SELECT name FROM client ORDER BY name" | LC_ALL=C grep -m1 '[^ -~]' || true)
[[ -n "$client" ]] || fail "the demo has no client with a non-ASCII name to test with"
# A therapy visit's local date, computed by the database from the stored
# instant and offset: visits are in every report in full, whatever the
# check-in choice.
session_date=$(sql "$db" "SELECT $(sql_local_time "$db" "s.started_utc + 60 * s.utc_offset_min" date)
    FROM session s JOIN client c ON c.id = s.client_id WHERE c.name = '$client'
    AND s.kind = 'therapy_visit' ORDER BY s.started_utc DESC LIMIT 1 OFFSET 1")
[[ -n "$session_date" ]] || fail "no therapy visit date found for $client"

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
    assert_contains "$text" "$session_date" "the $paper report's therapy visits"
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

# --- the clinical record --------------------------------------------------------
# Sign the latest visit that rated a knot with a 3000-character plan, amend
# its assessment and a rating's pain, and find all of it in the PDF's text:
# the plan whole, the signer and time, each amendment with its original.
# (Set before signing: a signed visit is read-only.)
visit=$(sql "$db" "SELECT s.id FROM session s JOIN client c ON c.id = s.client_id
    WHERE c.name = '$client' AND s.kind = 'therapy_visit'
    AND EXISTS (SELECT 1 FROM observation o WHERE o.session_id = s.id)
    ORDER BY s.started_utc DESC LIMIT 1")
[[ -n "$visit" ]] || fail "no therapy visit of $client rated a knot"
plan=""
for i in $(seq 1 45); do plan+="Plan step $i: compress the left upper trapezius for ninety seconds. "; done
plan=${plan% }
((${#plan} >= 3000)) || fail "the test plan is only ${#plan} characters"
sql "$db" "UPDATE session SET plan = '$plan' WHERE id = $visit;
    UPDATE session SET signed_by = 'Dr Ana Ruiz', signed_utc = started_utc + 3600 WHERE id = $visit;
    INSERT INTO session_amendment (session_id, field, original_value, new_value, author,
        amended_utc, reason) SELECT id, 'assessment', 'Latent point in levator scapulae',
        'Active point in upper trapezius', 'Dr Ana Ruiz', started_utc + 86400, 'wrong muscle'
        FROM session WHERE id = $visit;"
signed_at=$(sql "$db" "SELECT $(sql_local_time "$db" "signed_utc + 60 * utc_offset_min" minute)
    FROM session WHERE id = $visit")
# A rating of the signed visit corrected: the database checks the original
# and applies the new value. The report names the knot as its list of
# ratings does (its label, else its region's name from the atlas).
IFS='|' read -r rating old_pain new_pain < <(sql "$db" "SELECT id, pain,
    CASE WHEN pain = 3 THEN 4 ELSE 3 END FROM observation WHERE session_id = $visit
    ORDER BY id LIMIT 1")
sql "$db" "INSERT INTO observation_amendment (observation_id, field, original_value,
    new_value, author, amended_utc, reason) SELECT o.id, 'pain', CAST(o.pain AS TEXT),
    '$new_pain', 'Dr Ana Ruiz', s.started_utc + 2 * 86400, 'misread the chart'
    FROM observation o JOIN session s ON s.id = o.session_id WHERE o.id = $rating"
assert_eq "$new_pain" "$(sql "$db" "SELECT pain FROM observation WHERE id = $rating")" \
    "the rating's pain after its amendment"
IFS='|' read -r region label < <(sql "$db" "SELECT k.region_code, k.label
    FROM observation o JOIN knot k ON k.id = o.knot_id WHERE o.id = $rating")
run atlas
knot_name=${label:-$(awk -F, -v code="$region" '$1 == code {print $2}' <<<"$OUT")}
[[ -n "$knot_name" ]] || fail "no name for the rated knot's region $region"
rating_amended_at=$(sql "$db" "SELECT $(sql_local_time "$db" \
    "started_utc + 2 * 86400 + 60 * utc_offset_min" minute) FROM session WHERE id = $visit")
checkins=$(sql "$db" "SELECT count(*) FROM session s JOIN client c ON c.id = s.client_id
    WHERE c.name = '$client' AND s.kind = 'self_checkin'")
# A check-in note of our own, to tell "full" from the summary.
note="Marker note: slept on the sofa and woke with a stiff neck"
sql "$db" "UPDATE session SET notes = '$note' WHERE id = (SELECT s.id FROM session s
    JOIN client c ON c.id = s.client_id WHERE c.name = '$client' AND s.kind = 'self_checkin'
    ORDER BY s.started_utc LIMIT 1)"

# Text as one line of single spaces without the page footers, so wrapped
# lines and text running on over a page break join up.
flat_text() {
    pdftotext -enc UTF-8 "$1" - 2>/dev/null | tr '\f' '\n' |
        grep -v -e "^$client  *·" -e '^Page [0-9]* of [0-9]*$' | tr '\n' ' ' | tr -s ' '
}

for mode in default weekly full none; do
    args=()
    [[ $mode == default ]] || args=(--checkins "$mode")
    run report --db "$db" --client "$client" "${args[@]}" -o "$WORK/record-$mode.pdf"
    assert_eq 0 "$RC" "knotmap report --checkins $mode exit code (stderr: $ERR)"
    text=$(flat_text "$WORK/record-$mode.pdf")
    assert_contains "$text" "$plan" "the whole 3000-character plan ($mode)"
    assert_contains "$text" "Signed by Dr Ana Ruiz on $signed_at" "the signature ($mode)"
    assert_contains "$text" "Original: Latent point in levator scapulae" "the original ($mode)"
    assert_contains "$text" "Amended: Active point in upper trapezius" "the amendment ($mode)"
    assert_contains "$text" "Rating: $knot_name — Pain amended on $rating_amended_at by Dr Ana Ruiz. Reason: misread the chart Original: $old_pain/10 Amended: $new_pain/10" \
        "the rating's amendment ($mode)"
    assert_contains "$text" "Unsigned: this visit has not been signed" "an unsigned visit ($mode)"
    case $mode in
    default | weekly)
        assert_contains "$text" "Self check-ins: weekly summary" "the $mode report"
        assert_contains "$text" "$checkins self check-ins in" "the $mode report's count"
        [[ "$text" != *"$note"* ]] || fail "the $mode report lists check-in notes"
        ;;
    full)
        assert_contains "$text" "$note" "a check-in's notes in the full report"
        [[ "$text" != *"weekly summary"* ]] || fail "the full report has a weekly summary"
        ;;
    none)
        assert_contains "$text" "Left out of this report: $checkins self check-ins" "the none report"
        [[ "$text" != *"$note"* ]] || fail "the none report lists check-in notes"
        [[ "$text" != *"weekly summary"* ]] || fail "the none report has a weekly summary"
        ;;
    esac
done
pages_full=$(pdfinfo "$WORK/record-full.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
pages_weekly=$(pdfinfo "$WORK/record-weekly.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
((pages_full > pages_weekly)) || fail "full check-ins ($pages_full pages) are not longer than weekly ($pages_weekly)"
pass "visits in full (3000-character plan whole, signer, a session field's and a rating's amendment with originals); check-ins weekly (default), full ($pages_full pages vs $pages_weekly) or none"

run report --db "$db" --client "$client" --checkins sometimes -o "$WORK/bad.pdf"
assert_eq 2 "$RC" "exit code for --checkins sometimes"
assert_contains "$ERR" "--checkins" "the error names the option"
assert_contains "$ERR" "weekly" "the error lists the choices"
[[ ! -e "$WORK/bad.pdf" ]] || fail "a PDF was written for --checkins sometimes"
run report --db "$db" --client "$client" --checkins FULL -o "$WORK/upper.pdf"
assert_eq 0 "$RC" "exit code for --checkins FULL (case is ignored)"
assert_contains "$(flat_text "$WORK/upper.pdf")" "$note" "--checkins FULL lists check-in notes"
pass "--checkins: a bad value exits 2 naming the option and its choices; case is ignored"

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

missing=$(missing_database report)
run report --db "$missing" --client "$client" -o "$WORK/missing.pdf"
assert_eq 1 "$RC" "exit code for a missing database"
assert_contains "$ERR" "knotmap: $(db_label "$missing"): " "the error names the database"
[[ $missing == *dbname=* || ! -e "$missing" ]] || fail "report created the missing database"
[[ ! -e "$WORK/missing.pdf" ]] || fail "a PDF was written from a missing database"

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
