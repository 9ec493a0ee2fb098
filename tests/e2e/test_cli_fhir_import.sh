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
# Piped in, NDJSON has no extension to tell it by: its first line does.
from_pipe=$(new_database from_pipe)
set +e
cat "$WORK"/ndjson/*.ndjson | "$KNOTMAP" import --db "$from_pipe" - >"$WORK/pipe.out" 2>&1
rc=$?
set -e
assert_eq 0 "$rc" "NDJSON piped into import -: $(cat "$WORK/pipe.out")"
"$KNOTMAP" export --db "$from_pipe" --format fhir-ndjson --all "$WORK/ndjson3" 2>/dev/null
diff -r "$WORK/ndjson" "$WORK/ndjson3" >&2 || fail "NDJSON piped in -> export differs"
pass "NDJSON files (a folder, or piped in) import the same way and export identically"

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

# Hostile and damaged files, each refused with a message naming what is
# wrong, never a crash, and the database untouched.
python3 - "$WORK/first.json" "$WORK/mutations" <<'PY'
import copy, json, os, sys
source = json.load(open(sys.argv[1]))
os.makedirs(sys.argv[2])
def first(bundle, kind, code=None):
    for e in bundle["entry"]:
        r = e["resource"]
        if r["resourceType"] == kind and (code is None or r["id"][11:13] == code):
            return r
def knot_obs(bundle): return first(bundle, "Observation", "04")
def mutate(name, change):
    bundle = copy.deepcopy(source)
    change(bundle)
    json.dump(bundle, open(os.path.join(sys.argv[2], name + ".json"), "w"))
mutate("blank-name", lambda b: first(b, "Patient")["name"][0].update(text="   "))
mutate("birth-1800", lambda b: first(b, "Patient").update(birthDate="1800"))
mutate("birth-impossible", lambda b: first(b, "Patient").update(birthDate="1966-02-30"))
mutate("active-string", lambda b: first(b, "Patient").update(active="false"))
mutate("control-character", lambda b: first(b, "Patient")["name"][0].update(text="Ann\u0001"))
mutate("empty-treatment-code", lambda b: first(b, "Procedure")["code"]["coding"][0].update(code=""))
def twice_symptom(b):
    o = knot_obs(b)
    symptom = {"code": {"coding": [{"system": "https://knotmap.app/fhir/CodeSystem/observation-component", "code": "symptom"}]},
               "valueCodeableConcept": {"coding": [{"system": "https://knotmap.app/fhir/CodeSystem/symptom", "code": "burning"}]}}
    o["component"] += [symptom, symptom]
mutate("symptom-twice", twice_symptom)
def second_rating(b):
    o = copy.deepcopy(knot_obs(b))
    o["id"] = "6b6e6f74-0004-8000-8000-0000000fffff"
    b["entry"].append({"fullUrl": "urn:uuid:" + o["id"], "resource": o})
mutate("knot-rated-twice", second_rating)
def party_string(b):
    note = first(b, "Composition")
    note["status"] = "final"
    note["attester"] = [{"mode": "legal", "time": note["date"], "party": "Dr X"}]
mutate("party-string", party_string)
deep = '{"resourceType":"Bundle","entry":[{"resource":{"foo":' + '[' * 150000 + ']' * 150000 + ',"resourceType":"Patient"}}]}'
open(os.path.join(sys.argv[2], "deep.json"), "w").write(deep)
open(os.path.join(sys.argv[2], "empty.json"), "w").close()
PY
declare -A expected=(
  [blank-name]="name[0].text: is blank"
  [birth-1800]="birthDate: the year must be from 1900 to 2100, got 1800"
  [birth-impossible]="birthDate: must be a date"
  [active-string]="active: must be true or false"
  [control-character]="control character U+0001"
  [empty-treatment-code]="code.code: is empty"
  [symptom-twice]="names the symptom burning twice"
  [knot-rated-twice]="rates a knot the same encounter already rates"
  [party-string]="attester[0].party: must be a Reference"
  [deep]="nested more than 64 levels deep"
  [empty]="the file is empty; a FHIR import reads a Bundle"
)
before=$(db_fingerprint "$bad")
for name in "${!expected[@]}"; do
  run import --db "$bad" "$WORK/mutations/$name.json"
  assert_eq 1 "$RC" "$name: exit code ($ERR)"
  assert_contains "$ERR" "${expected[$name]}" "$name: the message"
done
assert_eq "$before" "$(db_fingerprint "$bad")" "the database after every refused file"
pass "${#expected[@]} hostile or damaged files refused, each naming what is wrong; nothing written"
