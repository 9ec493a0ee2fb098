#!/usr/bin/env bash
# `knotmap export --format fhir|fhir-ndjson`: the demo history as FHIR R4,
# checked by independent validators from the npm registry
# (tests/fhir/validate-fhir) and, resource by resource, against the
# database read with the sqlite3 shell (psql on the server run).
source "$(dirname "$0")/lib.sh" "$1"
validate="$(dirname "$0")/../fhir/validate-fhir"

db=$(new_database demo)
"$KNOTMAP" demo --db "$db" --clients 3 --days 60 --seed 11 --end 2026-03-31 >/dev/null
# A client with notes and a birth year, and a signed therapy visit with SOAP
# text that needs escaping in XHTML.
sql "$db" "INSERT INTO client (name, birth_year, notes, archived, created_utc)
  VALUES ('Zoë <Archived> & Co', 1975, 'left-handed', 1, 0)"
sql "$db" "UPDATE session SET subjective = 'Neck <stiff> & sore', signed_by = 'J. Rivera',
  signed_utc = started_utc + 3600 WHERE id = (SELECT min(id) FROM session WHERE kind = 'therapy_visit')"

run export --db "$db" --format fhir -o "$WORK/bundle.json"
assert_eq 0 "$RC" "export --format fhir exit code: $ERR"
assert_contains "$ERR" "FHIR resources (a Bundle) to $WORK/bundle.json" "the export says what it wrote"
assert_eq 600 "$(file_mode "$WORK/bundle.json")" "the Bundle's file mode"
pass "the demo history exports as a FHIR Bundle"

"$validate" "$WORK/bundle.json" >"$WORK/validate.out" 2>&1 || {
  cat "$WORK/validate.out" >&2; fail "the independent validators refused the Bundle"; }
assert_contains "$(tail -1 "$WORK/validate.out")" ", valid (" "the validators' verdict"
echo "# $(tail -1 "$WORK/validate.out")"
pass "the Bundle passes the independent FHIR R4 validators"

# The database's own figures, read independently.
counts=$(sql "$db" "SELECT (SELECT count(*) FROM client), (SELECT count(*) FROM knot),
  (SELECT count(*) FROM session), (SELECT count(*) FROM observation),
  (SELECT count(*) FROM treatment), (SELECT count(*) FROM session WHERE overall_pain IS NOT NULL),
  (SELECT count(*) FROM session WHERE signed_utc IS NOT NULL)")
sql "$db" "SELECT id, pain FROM observation ORDER BY id" >"$WORK/pain.txt"
sql "$db" "SELECT k.id, k.region_code FROM knot k ORDER BY k.id" >"$WORK/knots.txt"

python3 - "$WORK/bundle.json" "$counts" "$WORK/pain.txt" "$WORK/knots.txt" <<'PY'
import json, re, sys
bundle = json.load(open(sys.argv[1]))
clients, knots, sessions, observations, treatments, rated, signed = map(int, sys.argv[2].split('|'))
pain = dict(line.strip().split('|') for line in open(sys.argv[3]))
knot_region = dict(line.strip().split('|') for line in open(sys.argv[4]))
def fail(message):
    sys.exit("FAIL: " + message)
assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
entries = bundle["entry"]
urls = [e["fullUrl"] for e in entries]
if len(set(urls)) != len(urls): fail("fullUrls repeat")
for e in entries:
    if e["fullUrl"] != "urn:uuid:" + e["resource"]["id"]: fail("fullUrl and id differ: " + e["fullUrl"])
    if not re.fullmatch(r"6b6e6f74-00[0-9a-f]{2}-8000-8000-[0-9a-f]{12}", e["resource"]["id"]):
        fail("unexpected id " + e["resource"]["id"])
by_type = {}
for e in entries:
    by_type.setdefault(e["resource"]["resourceType"], []).append(e["resource"])
def kind(r): return int(r["id"][11:13], 16)
def row(r): return int(r["id"][24:], 16)
obs = by_type.get("Observation", [])
knot_obs = [r for r in obs if kind(r) == 4]
overall = [r for r in obs if kind(r) == 5]
expect = {"Patient": clients, "BodyStructure": knots, "Encounter": sessions, "Procedure": treatments}
for t, n in expect.items():
    if len(by_type.get(t, [])) != n: fail(f"{t}: {len(by_type.get(t, []))} resources, the database has {n}")
if len(knot_obs) != observations: fail(f"{len(knot_obs)} knot Observations for {observations} observations")
if len(overall) != rated: fail(f"{len(overall)} overall-pain Observations for {rated} rated sessions")
# Every reference resolves inside the Bundle.
def references(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "reference": yield v
            else: yield from references(v)
    elif isinstance(node, list):
        for v in node: yield from references(v)
known = set(urls)
for e in entries:
    for ref in references(e["resource"]):
        if ref not in known: fail(f"{e['fullUrl']} refers to {ref}, which is not in the Bundle")
offset = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)$")
for r in knot_obs:
    coding = r["code"]["coding"][0]
    if (coding["system"], coding["code"]) != ("http://loinc.org", "72514-3"): fail("pain code " + str(coding))
    if r["status"] != "final": fail("status " + r["status"])
    if str(r["valueInteger"]) != pain[str(row(r))]: fail(f"observation {row(r)}: pain {r['valueInteger']}, database {pain[str(row(r))]}")
    if not offset.match(r["effectiveDateTime"]): fail("no UTC offset in " + r["effectiveDateTime"])
    site = r["bodySite"]
    systems = [c["system"] for c in site["coding"]]
    if "http://snomed.info/sct" not in systems: fail(f"observation {row(r)}: no SNOMED CT bodySite: {site}")
    side = site["extension"][0]["valueCoding"]["code"]
    region = [c["code"] for c in site["coding"] if c["system"].endswith("atlas-region")][0]
    if {"left": "7771000", "right": "24028007"}[region.rsplit(".", 1)[1]] != side: fail("laterality of " + region)
    if not site["text"]: fail("no bodySite text")
    if not any(c["code"]["coding"][0]["code"] == "knot-kind" for c in r["component"]): fail("no knot kind")
for r in by_type["BodyStructure"]:
    code = [c["code"] for c in r["location"]["coding"] if c["system"].endswith("atlas-region")][0]
    if knot_region[str(row(r))] != code: fail(f"knot {row(r)}: region {code}, database {knot_region[str(row(r))]}")
    if "locationQualifier" not in r: fail(f"knot {row(r)}: no laterality qualifier")
for r in by_type["Encounter"]:
    if not offset.match(r["period"]["start"]): fail("no offset in " + r["period"]["start"])
    if r["class"]["code"] not in ("AMB", "HH"): fail("class " + r["class"]["code"])
final = [r for r in by_type.get("Composition", []) if r["status"] == "final"]
if len(final) != signed: fail(f"{len(final)} final Compositions for {signed} signed visits")
note = final[0]
if note["attester"][0]["party"]["display"] != "J. Rivera": fail("the signer is not the attester")
div = note["section"][0]["text"]["div"]
if "Neck &lt;stiff&gt; &amp; sore" not in div: fail("SOAP text not escaped as XHTML: " + div)
patients = {p["name"][0]["text"]: p for p in by_type["Patient"]}
zoe = patients["Zoë <Archived> & Co"]
if zoe["active"] or zoe["birthDate"] != "1975": fail("archived client: " + json.dumps(zoe))
print(f"# {len(entries)} resources: " + ", ".join(f"{t} {len(v)}" for t, v in sorted(by_type.items())))
PY
pass "every record is in the Bundle, coded, and its references resolve"

run export --db "$db" --format fhir -o "$WORK/again.json"
cmp -s "$WORK/bundle.json" "$WORK/again.json" || fail "two exports of the same data differ"
"$KNOTMAP" export --db "$db" --format fhir >"$WORK/stdout.json"
cmp -s "$WORK/bundle.json" "$WORK/stdout.json" || fail "the Bundle on standard output differs"
pass "exporting twice gives the same file, to a file or to standard output"

# One client over a range of dates.
name=$(sql "$db" "SELECT name FROM client ORDER BY id LIMIT 1")
run export --db "$db" --format fhir --client "$name" --from 2026-03-01 --to 2026-03-15 -o "$WORK/one.json"
assert_eq 0 "$RC" "a filtered export: $ERR"
expected=$(sql "$db" "SELECT count(*) FROM session s JOIN client c ON c.id = s.client_id
  WHERE c.name = '$name' AND date(s.started_utc + s.utc_offset_min * 60, 'unixepoch')
  BETWEEN '2026-03-01' AND '2026-03-15'" "SELECT count(*) FROM session s JOIN client c
  ON c.id = s.client_id WHERE c.name = '$name' AND to_timestamp(s.started_utc + s.utc_offset_min * 60)
  AT TIME ZONE 'UTC' >= '2026-03-01' AND to_timestamp(s.started_utc + s.utc_offset_min * 60)
  AT TIME ZONE 'UTC' < '2026-03-16'")
python3 - "$WORK/one.json" "$name" "$expected" <<'PY'
import json, sys
entries = [e["resource"] for e in json.load(open(sys.argv[1]))["entry"]]
patients = [r for r in entries if r["resourceType"] == "Patient"]
encounters = [r for r in entries if r["resourceType"] == "Encounter"]
if [p["name"][0]["text"] for p in patients] != [sys.argv[2]]: sys.exit(f"FAIL: patients {patients}")
if len(encounters) != int(sys.argv[3]): sys.exit(f"FAIL: {len(encounters)} encounters, expected {sys.argv[3]}")
for e in encounters:
    if not "2026-03-01" <= e["period"]["start"][:10] <= "2026-03-15": sys.exit("FAIL: outside the dates: " + e["period"]["start"])
PY
"$validate" "$WORK/one.json" >"$WORK/validate.out" 2>&1 || { cat "$WORK/validate.out" >&2; fail "the filtered Bundle is invalid"; }
pass "--client, --from and --to choose the resources"

# NDJSON, a file per resource type, as FHIR Bulk Data writes it.
run export --db "$db" --format fhir-ndjson --all "$WORK/ndjson"
assert_eq 0 "$RC" "export --format fhir-ndjson: $ERR"
assert_eq 700 "$(file_mode "$WORK/ndjson")" "the NDJSON folder's mode"
for file in "$WORK"/ndjson/*.ndjson; do
  assert_eq 600 "$(file_mode "$file")" "$(basename "$file")'s mode"
done
"$validate" "$WORK"/ndjson/*.ndjson >"$WORK/validate.out" 2>&1 || {
  cat "$WORK/validate.out" >&2; fail "the NDJSON files are invalid"; }
python3 - "$WORK/bundle.json" "$WORK/ndjson" <<'PY'
import json, os, sys
bundle = [e["resource"] for e in json.load(open(sys.argv[1]))["entry"]]
for name in sorted(os.listdir(sys.argv[2])):
    kind = name.removesuffix(".ndjson")
    lines = [json.loads(l) for l in open(os.path.join(sys.argv[2], name))]
    ids = [r["id"] for r in bundle if r["resourceType"] == kind]
    if [r["id"] for r in lines] != ids: sys.exit(f"FAIL: {name} does not hold the Bundle's {kind} resources")
    for r in lines:
        for key in ("subject", "patient", "encounter"):
            ref = r.get(key, {}).get("reference", "")
            if ref and not ref.split("/")[0] in ("Patient", "Encounter"): sys.exit(f"FAIL: {name}: reference {ref}")
PY
# Into the same folder, an export of no sessions (clients and knots only)
# leaves no Encounter, Observation or Procedure file of the earlier one behind.
run export --db "$db" --format fhir-ndjson --all "$WORK/ndjson" --to 2000-01-01
assert_eq 0 "$RC" "a second, smaller NDJSON export into the same folder: $ERR"
assert_eq "BodyStructure.ndjson Patient.ndjson" "$(cd "$WORK/ndjson" && echo *)" "only this export's files are left"
pass "NDJSON holds the same resources, a file per type, referring by type and id; a second export leaves no stale file"

# A deliberately broken Bundle fails the same check, naming what is wrong.
python3 - "$WORK/bundle.json" "$WORK/broken.json" <<'PY'
import json, sys
bundle = json.load(open(sys.argv[1]))
observation = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation")
del observation["status"]
observation["valueInteger"] = "7"
json.dump(bundle, open(sys.argv[2], "w"))
PY
set +e
"$validate" "$WORK/broken.json" >"$WORK/validate.out" 2>&1
rc=$?
set -e
assert_eq 1 "$rc" "the validators' exit code on a broken Bundle"
assert_contains "$(cat "$WORK/validate.out")" "status" "the missing status is named"
assert_contains "$(cat "$WORK/validate.out")" "valueInteger" "the string pain is named"
pass "a broken Bundle fails the same validation"

run export --db "$db" --format fhir --all "$WORK/x"
assert_eq 2 "$RC" "--format fhir with --all"
assert_contains "$ERR" "fhir-ndjson" "the message points to NDJSON"
run export --db "$db" --format fhir-ndjson -o "$WORK/x.ndjson"
assert_eq 2 "$RC" "--format fhir-ndjson without --all"
run export --db "$db" --format fhir --table knots -o "$WORK/x.json"
assert_eq 2 "$RC" "--format fhir with --table"
pass "combinations FHIR cannot take are refused before anything is written"
