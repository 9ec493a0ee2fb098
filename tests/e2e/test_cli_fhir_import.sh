#!/usr/bin/env bash
# `knotmap import FILE.json|FILE.ndjson|DIR`: Knotmap's FHIR export read
# back. Export -> import -> export gives identical files; a damaged Bundle is
# refused whole with messages naming the entry, resource and field.
source "$(dirname "$0")/lib.sh" "$1"

db=$(new_database source)
"$KNOTMAP" demo --db "$db" --clients 3 --days 45 --seed 5 --end 2026-03-31 >/dev/null
sql "$db" "UPDATE session SET subjective = 'Tight <left> & right', objective = 'line one
line two', signed_by = 'J. Rivera', signed_utc = started_utc + 3600
  WHERE id = (SELECT min(id) FROM session WHERE kind = 'therapy_visit')"
sql "$db" "INSERT INTO symptom (code, name, builtin, hidden, sort_order)
  VALUES ('pins_needles', 'Pins & needles', 0, 0, 999)"
sql "$db" "INSERT INTO observation_symptom (observation_id, symptom_id)
  SELECT min(id), (SELECT id FROM symptom WHERE code = 'pins_needles') FROM observation"
"$KNOTMAP" export --db "$db" --format fhir -o "$WORK/first.json" 2>/dev/null

copy=$(new_database copy)
run import --db "$copy" "$WORK/first.json"
assert_eq 0 "$RC" "import of a FHIR Bundle: $ERR"
assert_contains "$OUT" "from FHIR: $(rows "$db" client) clients, $(rows "$db" session) sessions" "the summary"
assert_contains "$OUT" "New vocabulary: symptom pins_needles" "the new symptom is named"
"$KNOTMAP" export --db "$copy" --format fhir -o "$WORK/second.json" 2>/dev/null
cmp -s "$WORK/first.json" "$WORK/second.json" || {
  diff <(tr ',' '\n' <"$WORK/first.json") <(tr ',' '\n' <"$WORK/second.json") | head -20 >&2
  fail "export -> import -> export changed the Bundle"; }
assert_eq "Pins & needles" "$(sql "$copy" "SELECT name FROM symptom WHERE code = 'pins_needles'")" \
  "the new symptom keeps its name"
assert_eq "J. Rivera" "$(sql "$copy" "SELECT signed_by FROM session WHERE signed_utc IS NOT NULL")" \
  "the signer"
"$KNOTMAP" export --db "$db" --all "$WORK/csv1" -q 2>/dev/null
"$KNOTMAP" export --db "$copy" --all "$WORK/csv2" -q 2>/dev/null
diff -r "$WORK/csv1" "$WORK/csv2" >&2 || fail "the CSV exports of the source and the import differ"
pass "export -> import -> export gives an identical Bundle (and identical CSV)"

"$KNOTMAP" export --db "$db" --format fhir-ndjson --all "$WORK/ndjson" 2>/dev/null
from_ndjson=$(new_database from_ndjson)
run import --db "$from_ndjson" "$WORK/ndjson"
assert_eq 0 "$RC" "import of an NDJSON folder: $ERR"
"$KNOTMAP" export --db "$from_ndjson" --format fhir-ndjson --all "$WORK/ndjson2" 2>/dev/null
diff -r "$WORK/ndjson" "$WORK/ndjson2" >&2 || fail "NDJSON export -> import -> export differs"
pass "NDJSON files import the same way and export identically"

# A damaged Bundle: every problem listed, nothing written.
python3 - "$WORK/first.json" "$WORK/bad.json" <<'PY'
import json, sys
bundle = json.load(open(sys.argv[1]))
knot_obs = [e["resource"] for e in bundle["entry"]
            if e["resource"]["resourceType"] == "Observation" and e["resource"]["id"][11:13] == "04"]
knot_obs[0]["valueInteger"] = 11
knot_obs[1]["extension"][0]["valueReference"]["reference"] = "urn:uuid:6b6e6f74-0002-8000-8000-0000000fffff"
encounter = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Encounter")
encounter["period"]["start"] = "2026-03-14T09:30:00"
json.dump(bundle, open(sys.argv[2], "w"))
PY
bad=$(new_database bad)
"$KNOTMAP" demo --db "$bad" --clients 1 --days 3 --seed 1 >/dev/null
before=$(db_fingerprint "$bad")
run import --db "$bad" "$WORK/bad.json"
assert_eq 1 "$RC" "a damaged Bundle's exit code"
assert_contains "$ERR" "nothing was imported; 3 problems" "the problems are counted"
assert_contains "$ERR" "bad.json: entry" "the file and entry are named"
assert_contains "$ERR" "valueInteger: must be a whole number from 0 to 10, got 11" "the pain out of range"
assert_contains "$ERR" "extension(knot): names a BodyStructure that is not in the file" "the dangling knot"
assert_contains "$ERR" "period.start: must be a date and time with its UTC offset" "the time without offset"
assert_eq "$before" "$(db_fingerprint "$bad")" "the database after a refused import"
pass "a damaged Bundle is refused whole, naming entry, resource and field"

# Into a database that already has these clients: refused, by name.
run import --db "$copy" --dry-run "$WORK/first.json"
assert_eq 1 "$RC" "importing the same clients twice"
assert_contains "$ERR" "is already in the database" "the clash is named"
pass "clients already in the database are refused by name"

# A CSV file is still a CSV file; a JSON file that is not FHIR is said to be so.
echo '{"hello": "world"}' >"$WORK/other.json"
run import --db "$copy" "$WORK/other.json"
assert_eq 1 "$RC" "a JSON file that is not a Bundle"
assert_contains "$ERR" "a FHIR import reads a Bundle or NDJSON files" "the message"
pass "JSON that is not a FHIR Bundle is refused with a reason"
