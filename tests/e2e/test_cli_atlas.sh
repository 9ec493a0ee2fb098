#!/usr/bin/env bash
# `knotmap atlas` lists the built-in body atlas and hit-tests diagram points;
# Python's csv and json modules read the listings as independent readers.
source "$(dirname "$0")/lib.sh" "$1"

"$KNOTMAP" atlas >"$WORK/atlas.csv" || fail "atlas exit code $?"
"$KNOTMAP" atlas --format csv | cmp -s - "$WORK/atlas.csv" || fail "--format csv differs from the default"
python3 - "$WORK/atlas.csv" >"$WORK/summary.txt" <<'PY' || fail "atlas CSV does not read back"
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
assert header == ["code", "display_name", "anatomical_name", "side", "view", "choir_code",
                  "choir_name", "label_x", "label_y", "area"], header
assert all(len(r) == len(header) for r in body)
codes = [r[0] for r in body]
assert len(set(codes)) == len(codes), "duplicate codes"
for code, name, anatomical, side, view, choir, choir_name, x, y, area in body:
    assert code == f"{view}.{code.split('.')[1]}.{side}", code
    assert name.startswith("Left " if side == "left" else "Right "), name
    assert anatomical and choir_name and choir[0] == view[0], code
    assert 0 < float(x) < 1 and 0 < float(y) < 1 and float(area) > 0, code
print(len(body))
for r in body:
    print(r[4], r[7], r[8], r[0])
PY
regions=$(head -n1 "$WORK/summary.txt")
(( regions >= 90 )) || fail "only $regions regions"
assert_eq $((regions + 1)) "$(grep -c $'\r$' "$WORK/atlas.csv")" "CSV lines end in CRLF, one per region plus the header"
pass "atlas lists $regions regions as RFC 4180 CSV"

"$KNOTMAP" atlas --format json >"$WORK/atlas.json" || fail "atlas --format json exit code $?"
json_regions=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["canvas_aspect"] == 0.5
print(len(d["regions"]))' "$WORK/atlas.json") || fail "atlas JSON does not parse"
assert_eq "$regions" "$json_regions" "JSON region count"
pass "atlas --format json lists the same $json_regions regions"

# Every region's label point hits that region.
tail -n +2 "$WORK/summary.txt" >"$WORK/labels.txt"
while read -r view x y code; do
  run atlas hit --view "$view" "$x" "$y"
  assert_eq 0 "$RC" "hit at the label point of $code"
  assert_eq "$code" "$OUT" "region at the label point of $code"
done <"$WORK/labels.txt"
pass "atlas hit finds each of the $regions regions at its label point"

run atlas hit --view front 0.02 0.5
assert_eq 1 "$RC" "hit outside the body"
assert_eq "" "$OUT" "nothing on stdout outside the body"
assert_eq "knotmap: no region: (0.02, 0.5) on the front view is outside the body" "$ERR" "outside message"
run atlas hit --view back 0.5 0.01
assert_eq 1 "$RC" "hit above the head"
pass "a point outside the body exits 1 with one line on stderr"

for args in "--view side 0.5 0.5" "--view front 1.5 0.5" "--view front 0.5 -0.1" \
            "--view front 0.5" "--view front x 0.5" "0.5 0.5"; do
  run atlas hit $args
  assert_eq 2 "$RC" "atlas hit $args"
done
run atlas --format xml
assert_eq 2 "$RC" "atlas --format xml"
assert_contains "$ERR" "--format" "bad format message"
run atlas hit --help
assert_eq 0 "$RC" "atlas hit --help"
assert_contains "$OUT" "--view" "atlas hit --help mentions --view"
pass "bad atlas command lines exit 2"
