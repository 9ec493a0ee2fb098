#!/usr/bin/env bash
# `knotmap export --table ...`: every table's header, row count and a few
# values checked against the sqlite3 shell (psql in the PostgreSQL run) and
# Python's csv module as independent readers.
source "$(dirname "$0")/lib.sh" "$1"

db=$(new_database demo)
"$KNOTMAP" demo --db "$db" --clients 3 --days 40 --seed 7 --end 2026-03-31 >/dev/null
# A client whose name and notes need quoting, and one with nothing but a name.
new_clients="INSERT INTO client (name, birth_year, notes, archived, created_utc) VALUES
  ('O''Brien, \"Pat\"', 1980, 'line one' || CRLF || 'line two, with a comma', 1, 0),
  ('Sam', NULL, '', 0, 0)"
sql "$db" "${new_clients/CRLF/char(13, 10)}" "${new_clients/CRLF/chr(13) || chr(10)}"
# A signed therapy visit (signing arrives with db/sqlite/003).
sql "$db" "UPDATE session SET signed_by = 'J. Rivera', signed_utc = started_utc + 3600
  WHERE id = (SELECT min(id) FROM session WHERE kind = 'therapy_visit')"

for table in observations sessions treatments knots clients; do
  run export --db "$db" --table "$table" -o "$WORK/$table.csv"
  assert_eq 0 "$RC" "export --table $table exit code"
done
pass "every table exports"

run export --db "$db" -o "$WORK/default.csv"
cmp -s "$WORK/default.csv" "$WORK/observations.csv" || fail "the default export is not observations"
"$KNOTMAP" export --db "$db" --table treatments >"$WORK/stdout.csv"
cmp -s "$WORK/stdout.csv" "$WORK/treatments.csv" || fail "--table to stdout and to -o differ"
run export --db "$db" --table treatments -o "$WORK/t2.csv"
assert_contains "$ERR" "Exported $(rows "$db" treatment) treatments to" "export message names the table"
pass "observations stay the default; stdout and -o agree"

run export --db "$db" --table symptoms
assert_eq 2 "$RC" "unknown table exit code"
assert_contains "$ERR" "--table" "unknown table message"
pass "an unknown table is refused"

# Independent figures from the sqlite3 shell or psql.
expected_rows() {
  case "$1" in
    observations) rows "$db" observation ;;
    sessions) rows "$db" session ;;
    treatments) rows "$db" treatment ;;
    knots) rows "$db" knot ;;
    clients) rows "$db" client ;;
  esac
}
counts=""
for table in observations sessions treatments knots clients; do
  counts+="$table=$(expected_rows "$table") "
done
session_knot_treatments=$(sql "$db" "SELECT count(*) FROM treatment WHERE knot_id IS NULL")
observed_knots=$(sql "$db" "SELECT count(DISTINCT knot_id) FROM observation")
sessions_with_triggers=$(sql "$db" "SELECT count(DISTINCT session_id) FROM session_trigger")
trigger_codes=$(sql "$db" "SELECT group_concat(code, ' ') FROM trigger_cause" \
                          "SELECT string_agg(code, ' ') FROM trigger_cause")
signed_sessions=$(sql "$db" "SELECT count(*) FROM session WHERE signed_utc IS NOT NULL")

python3 - "$WORK" "$counts" "$session_knot_treatments" "$observed_knots" \
  "$sessions_with_triggers" "$trigger_codes" "$signed_sessions" <<'PY'
import csv, re, sys
work, counts = sys.argv[1], dict(kv.split('=') for kv in sys.argv[2].split())
whole_session, observed_knots, with_triggers = map(int, sys.argv[3:6])
trigger_codes, signed = set(sys.argv[6].split()), int(sys.argv[7])

headers = {
    'observations': ['client_id', 'client_name', 'session_id', 'session_time', 'session_kind',
                     'knot_id', 'knot_label', 'view', 'region_code', 'region_name', 'side',
                  'choir_code', 'x', 'y', 'pain', 'kind',
                     'symptoms', 'referred_regions', 'treatments', 'notes'],
    'sessions': ['client_id', 'client_name', 'session_id', 'session_time', 'session_kind',
                 'overall_pain', 'stress', 'sleep', 'triggers', 'therapist', 'subjective',
                 'objective', 'assessment', 'plan', 'notes', 'signed'],
    'treatments': ['client_id', 'client_name', 'session_id', 'session_time', 'treatment_id',
                   'knot_id', 'kind', 'minutes', 'intensity', 'pain_before', 'pain_after',
                   'medication', 'notes'],
    'knots': ['client_id', 'client_name', 'knot_id', 'label', 'view', 'region_code', 'x', 'y',
              'status', 'first_seen', 'last_seen'],
    'clients': ['client_id', 'client_name', 'birth_year', 'notes', 'archived'],
}
iso = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$')
tables = {}
for name, header in headers.items():
    path = f'{work}/{name}.csv'
    assert open(path, 'rb').read().endswith(b'\r\n'), f'{name}: rows must end with CRLF'
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    assert rows[0] == header, (name, rows[0])
    data = [dict(zip(header, r)) for r in rows[1:]]
    assert len(data) == int(counts[name]), (name, len(data), counts[name])
    assert all(len(r) == len(header) for r in rows[1:]), f'{name}: ragged rows'
    tables[name] = data
    print(f'ok - {name}: header and {len(data)} rows match the database')

def pain(value):
    return value == '' or 0 <= int(value) <= 10

s = tables['sessions']
assert all(iso.match(r['session_time']) for r in s)
assert {r['session_kind'] for r in s} == {'self_checkin', 'therapy_visit'}
assert all(pain(r['overall_pain']) and pain(r['stress']) and pain(r['sleep']) for r in s)
assert sum(1 for r in s if r['triggers']) == with_triggers
assert all(set(r['triggers'].split(';')) <= trigger_codes for r in s if r['triggers'])
assert signed == 1 and sum(1 for r in s if r['signed']) == signed
assert all(iso.match(r['signed']) for r in s if r['signed'])
assert any(r['therapist'] for r in s if r['session_kind'] == 'therapy_visit')

t = tables['treatments']
assert sum(1 for r in t if r['knot_id'] == '') == whole_session
assert all(iso.match(r['session_time']) for r in t)
assert all(pain(r['pain_before']) and pain(r['pain_after']) for r in t)
assert {r['intensity'] for r in t} <= {'', 'light', 'medium', 'firm', 'deep'}
assert all(r['minutes'] == '' or int(r['minutes']) >= 0 for r in t)
session_ids = {r['session_id'] for r in s}
assert all(r['session_id'] in session_ids for r in t)
assert all(r['medication'] == '' for r in t if r['kind'] != 'medication')

k = tables['knots']
assert sum(1 for r in k if r['first_seen']) == observed_knots
for r in k:
    assert (r['first_seen'] == '') == (r['last_seen'] == '')
    if r['first_seen']:
        assert iso.match(r['first_seen']) and iso.match(r['last_seen'])
    assert r['view'] in ('front', 'back') and r['status'] in ('active', 'resolved')
    assert 0 <= float(r['x']) <= 1 and 0 <= float(r['y']) <= 1
# First and last seen are the knot's earliest and latest observed sessions, as
# the observations table (ordered by session time) has them.
first, last = {}, {}
for r in tables['observations']:
    first.setdefault(r['knot_id'], r['session_time'])
    last[r['knot_id']] = r['session_time']
assert all(first[r['knot_id']] == r['first_seen'] for r in k if r['first_seen'])
assert all(last[r['knot_id']] == r['last_seen'] for r in k if r['last_seen'])

c = {r['client_name']: r for r in tables['clients']}
pat = c['O\'Brien, "Pat"']
assert pat['birth_year'] == '1980' and pat['archived'] == '1', pat
assert pat['notes'] == 'line one\r\nline two, with a comma', repr(pat['notes'])
assert c['Sam']['birth_year'] == '' and c['Sam']['archived'] == '0', c['Sam']
print('ok - values: times, pains, lists, unknowns and quoting read back as stored')
PY
pass "tables read back with python's csv module"
