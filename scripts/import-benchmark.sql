-- The sqlite3 shell's side of scripts/import-benchmark: the same work as
-- `knotmap import` of an `export --all` folder (EXPORT_DIR), into the same
-- schema (a copy of an empty Knotmap database), in one transaction: the CSV
-- files are read with .import into staging tables, then moved into Knotmap's
-- tables with INSERT ... SELECT, the lists (triggers, symptoms, referred
-- regions) split with json_each, the times turned into UTC seconds and an
-- offset, visits signed last as the schema requires. The schema's own
-- triggers and checks run as they do for knotmap. It checks nothing itself:
-- knotmap's checks of every value are part of what the ratio measures.
PRAGMA foreign_keys = ON;
BEGIN IMMEDIATE;
CREATE TEMP TABLE csv_clients (client_id, client_name, birth_year, notes, archived);
CREATE TEMP TABLE csv_sessions (client_id, client_name, session_id, session_time, session_kind,
  overall_pain, stress, sleep, triggers, therapist, subjective, objective, assessment, plan,
  notes, signed);
CREATE TEMP TABLE csv_knots (client_id, client_name, knot_id, label, view, region_code, x, y,
  status, first_seen, last_seen);
CREATE TEMP TABLE csv_observations (client_id, client_name, session_id, session_time,
  session_kind, knot_id, knot_label, view, region_code, region_name, side, choir_code, x, y,
  pain, kind, symptoms, referred_regions, treatments, notes);
CREATE TEMP TABLE csv_treatments (client_id, client_name, session_id, session_time,
  treatment_id, knot_id, kind, minutes, intensity, pain_before, pain_after, medication, notes);
.import --csv --skip 1 EXPORT_DIR/clients.csv csv_clients
.import --csv --skip 1 EXPORT_DIR/sessions.csv csv_sessions
.import --csv --skip 1 EXPORT_DIR/knots.csv csv_knots
.import --csv --skip 1 EXPORT_DIR/observations.csv csv_observations
.import --csv --skip 1 EXPORT_DIR/treatments.csv csv_treatments

-- "2024-03-01T08:15:00+01:00": UTC seconds, and the offset in minutes.
CREATE TEMP VIEW csv_session_times AS
SELECT session_id,
       CAST(strftime('%s', session_time) AS INTEGER) AS started_utc,
       (CASE substr(session_time, 20, 1) WHEN '-' THEN -1 ELSE 1 END)
         * (CAST(substr(session_time, 21, 2) AS INTEGER) * 60
            + CAST(substr(session_time, 24, 2) AS INTEGER)) AS utc_offset_min
FROM csv_sessions;

INSERT INTO client (id, name, birth_year, notes, archived, created_utc)
SELECT client_id, client_name, nullif(birth_year, ''), notes, archived, unixepoch()
FROM csv_clients;

INSERT INTO session (id, client_id, started_utc, utc_offset_min, kind, overall_pain, stress,
                     sleep, therapist, subjective, objective, assessment, plan, notes)
SELECT s.session_id, s.client_id, t.started_utc, t.utc_offset_min, s.session_kind,
       nullif(s.overall_pain, ''), nullif(s.stress, ''), nullif(s.sleep, ''), s.therapist,
       s.subjective, s.objective, s.assessment, s.plan, s.notes
FROM csv_sessions s JOIN csv_session_times t ON t.session_id = s.session_id;

INSERT INTO session_trigger (session_id, trigger_id)
SELECT s.session_id, tc.id
FROM csv_sessions s, json_each('["' || replace(s.triggers, ';', '","') || '"]') j
JOIN trigger_cause tc ON tc.code = j.value
WHERE s.triggers <> '';

INSERT INTO knot (id, client_id, view, x, y, region_code, label, status)
SELECT knot_id, client_id, view, CAST(x AS REAL), CAST(y AS REAL), region_code, label, status
FROM csv_knots;

INSERT INTO observation (id, session_id, knot_id, pain, kind, notes)
SELECT rowid, session_id, knot_id, pain, kind, notes FROM csv_observations;

INSERT INTO observation_symptom (observation_id, symptom_id)
SELECT o.rowid, sy.id
FROM csv_observations o, json_each('["' || replace(o.symptoms, ';', '","') || '"]') j
JOIN symptom sy ON sy.code = j.value
WHERE o.symptoms <> '';

INSERT INTO observation_referral (observation_id, region_code)
SELECT o.rowid, j.value
FROM csv_observations o, json_each('["' || replace(o.referred_regions, ';', '","') || '"]') j
WHERE o.referred_regions <> '';

INSERT INTO treatment (id, session_id, knot_id, kind_id, minutes, intensity, pain_before,
                       pain_after, medication, notes)
SELECT t.treatment_id, t.session_id, nullif(t.knot_id, ''), tk.id, nullif(t.minutes, ''),
       nullif(t.intensity, ''), nullif(t.pain_before, ''), nullif(t.pain_after, ''),
       t.medication, t.notes
FROM csv_treatments t JOIN treatment_kind tk ON tk.code = t.kind;

UPDATE session SET signed_by = CASE s.therapist WHEN '' THEN 'Imported' ELSE s.therapist END,
                   signed_utc = CAST(strftime('%s', s.signed) AS INTEGER)
FROM csv_sessions s WHERE s.session_id = session.id AND s.signed <> '';
COMMIT;
