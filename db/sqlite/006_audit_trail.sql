-- Knotmap schema, version 6: row versions, who signed and amended by login,
-- and an append-only audit trail of every change to the records (issue 16,
-- "Clinic practice"). The PostgreSQL schema holds the same in
-- db/postgresql/007_practice_audit.sql, with the same audit_event shape.

-- ---------------------------------------------------------------------------
-- Row versions, for optimistic concurrency: a writer reads a row's version
-- and updates WHERE id = ? AND version = ?, so a change made meanwhile by
-- another window or program is noticed instead of overwritten.
-- ---------------------------------------------------------------------------

ALTER TABLE client ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE session ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE knot ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE observation ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE treatment ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- ---------------------------------------------------------------------------
-- Logins. signed_by and author stay the names people read; signer and
-- author_login say which login wrote them (NULL before version 6).
-- ---------------------------------------------------------------------------

ALTER TABLE session ADD COLUMN signer TEXT;
ALTER TABLE session_amendment ADD COLUMN author_login TEXT;
ALTER TABLE observation_amendment ADD COLUMN author_login TEXT;
ALTER TABLE treatment_amendment ADD COLUMN author_login TEXT;

-- The limits of version 4 (256 bytes, no control character but tab, LF and
-- CR), with its messages, held by triggers as there.
CREATE TRIGGER session_signer_insert BEFORE INSERT ON session
WHEN NEW.signer IS NOT NULL
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.signer AS BLOB)) > 256
            THEN RAISE(ABORT, 'session.signer: longer than 256 bytes')
        WHEN instr(CAST(NEW.signer AS BLOB), X'00') > 0
             OR NEW.signer GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'session.signer: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER session_signer_update BEFORE UPDATE OF signer ON session
WHEN NEW.signer IS NOT OLD.signer AND NEW.signer IS NOT NULL
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.signer AS BLOB)) > 256
            THEN RAISE(ABORT, 'session.signer: longer than 256 bytes')
        WHEN instr(CAST(NEW.signer AS BLOB), X'00') > 0
             OR NEW.signer GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'session.signer: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER session_amendment_login_insert BEFORE INSERT ON session_amendment
WHEN NEW.author_login IS NOT NULL
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.author_login AS BLOB)) > 256
            THEN RAISE(ABORT, 'session_amendment.author_login: longer than 256 bytes')
        WHEN instr(CAST(NEW.author_login AS BLOB), X'00') > 0
             OR NEW.author_login GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'session_amendment.author_login: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER observation_amendment_login_insert BEFORE INSERT ON observation_amendment
WHEN NEW.author_login IS NOT NULL
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.author_login AS BLOB)) > 256
            THEN RAISE(ABORT, 'observation_amendment.author_login: longer than 256 bytes')
        WHEN instr(CAST(NEW.author_login AS BLOB), X'00') > 0
             OR NEW.author_login GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'observation_amendment.author_login: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER treatment_amendment_login_insert BEFORE INSERT ON treatment_amendment
WHEN NEW.author_login IS NOT NULL
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.author_login AS BLOB)) > 256
            THEN RAISE(ABORT, 'treatment_amendment.author_login: longer than 256 bytes')
        WHEN instr(CAST(NEW.author_login AS BLOB), X'00') > 0
             OR NEW.author_login GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'treatment_amendment.author_login: a control character other than tab, LF or CR')
    END;
END;

-- Who signed is part of the signature: frozen with it. A change of version
-- alone passes (it is not listed), as it does the guards of version 5, which
-- name the columns they protect.
DROP TRIGGER session_signed_is_read_only;
CREATE TRIGGER session_signed_is_read_only BEFORE UPDATE ON session
WHEN OLD.signed_utc IS NOT NULL
 AND (NEW.signed_utc IS NOT OLD.signed_utc OR NEW.signed_by IS NOT OLD.signed_by
      OR NEW.signer IS NOT OLD.signer
      OR NEW.client_id IS NOT OLD.client_id OR NEW.started_utc IS NOT OLD.started_utc
      OR NEW.utc_offset_min IS NOT OLD.utc_offset_min OR NEW.kind IS NOT OLD.kind
      OR NEW.overall_pain IS NOT OLD.overall_pain OR NEW.stress IS NOT OLD.stress
      OR NEW.sleep IS NOT OLD.sleep OR NEW.therapist IS NOT OLD.therapist
      OR NEW.subjective IS NOT OLD.subjective OR NEW.objective IS NOT OLD.objective
      OR NEW.assessment IS NOT OLD.assessment OR NEW.plan IS NOT OLD.plan
      OR NEW.notes IS NOT OLD.notes)
BEGIN
    SELECT RAISE(ABORT, 'session: a signed visit cannot be changed; add an amendment instead');
END;

-- ---------------------------------------------------------------------------
-- The audit trail: one row per inserted, updated or deleted record, with the
-- whole row before and after as JSON objects (keys in table order, as
-- PostgreSQL's row_to_json writes them). Vocabularies are not recorded.
-- ---------------------------------------------------------------------------

CREATE TABLE audit_event (
    id         INTEGER PRIMARY KEY,
    at_utc     INTEGER NOT NULL,
    person     TEXT    NOT NULL,
    table_name TEXT    NOT NULL,
    -- The row's id; for the link tables (session_trigger,
    -- observation_symptom, observation_referral) the parent's id.
    row_id     INTEGER NOT NULL,
    action     TEXT    NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    -- No foreign key: the trail outlives the client it tells of.
    client_id  INTEGER,
    before     TEXT,
    after      TEXT
) STRICT;
CREATE INDEX audit_event_by_client ON audit_event (client_id, at_utc);
CREATE INDEX audit_event_by_row ON audit_event (table_name, row_id);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event: the audit trail cannot be changed or deleted');
END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event: the audit trail cannot be changed or deleted');
END;

-- Who writes: a file has no logins, so the app sets person to the local
-- user's login when it opens the file for writing ('' = not known, recorded
-- as 'unknown', e.g. the sqlite3 shell on a file the app never opened).
-- recording = 0 lets `knotmap copy` load a file's trail verbatim without
-- recording its own loading (store/audit_recording.h).
CREATE TABLE audit_actor (
    person    TEXT    NOT NULL,
    recording INTEGER NOT NULL DEFAULT 1 CHECK (recording IN (0, 1))
) STRICT;
INSERT INTO audit_actor (person) VALUES ('');
CREATE TRIGGER audit_actor_one_row BEFORE INSERT ON audit_actor
BEGIN
    SELECT RAISE(ABORT, 'audit_actor: holds exactly one row');
END;
CREATE TRIGGER audit_actor_no_delete BEFORE DELETE ON audit_actor
BEGIN
    SELECT RAISE(ABORT, 'audit_actor: holds exactly one row');
END;

-- ---------------------------------------------------------------------------
-- Versions go up by one with each change, also for writers that do not set
-- them (the sqlite3 shell, older code). recursive_triggers is off, so the
-- UPDATE below does not fire its own trigger again; it changes the version
-- only, which no guard refuses and the trail does not record.
-- ---------------------------------------------------------------------------

CREATE TRIGGER client_version_bump AFTER UPDATE ON client
WHEN NEW.version = OLD.version
 AND (NEW.id IS NOT OLD.id OR NEW.name IS NOT OLD.name OR
      NEW.birth_year IS NOT OLD.birth_year OR NEW.notes IS NOT OLD.notes OR
      NEW.archived IS NOT OLD.archived OR NEW.created_utc IS NOT OLD.created_utc)
BEGIN
    UPDATE client SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER session_version_bump AFTER UPDATE ON session
WHEN NEW.version = OLD.version
 AND (NEW.id IS NOT OLD.id OR NEW.client_id IS NOT OLD.client_id OR
      NEW.started_utc IS NOT OLD.started_utc OR
      NEW.utc_offset_min IS NOT OLD.utc_offset_min OR NEW.kind IS NOT OLD.kind OR
      NEW.overall_pain IS NOT OLD.overall_pain OR NEW.stress IS NOT OLD.stress OR
      NEW.sleep IS NOT OLD.sleep OR NEW.therapist IS NOT OLD.therapist OR
      NEW.subjective IS NOT OLD.subjective OR NEW.objective IS NOT OLD.objective OR
      NEW.assessment IS NOT OLD.assessment OR NEW.plan IS NOT OLD.plan OR
      NEW.notes IS NOT OLD.notes OR NEW.signed_by IS NOT OLD.signed_by OR
      NEW.signed_utc IS NOT OLD.signed_utc OR NEW.signer IS NOT OLD.signer)
BEGIN
    UPDATE session SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER knot_version_bump AFTER UPDATE ON knot
WHEN NEW.version = OLD.version
 AND (NEW.id IS NOT OLD.id OR NEW.client_id IS NOT OLD.client_id OR NEW.view IS NOT OLD.view OR
      NEW.x IS NOT OLD.x OR NEW.y IS NOT OLD.y OR NEW.region_code IS NOT OLD.region_code OR
      NEW.label IS NOT OLD.label OR NEW.status IS NOT OLD.status)
BEGIN
    UPDATE knot SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER observation_version_bump AFTER UPDATE ON observation
WHEN NEW.version = OLD.version
 AND (NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id OR
      NEW.knot_id IS NOT OLD.knot_id OR NEW.pain IS NOT OLD.pain OR
      NEW.kind IS NOT OLD.kind OR NEW.notes IS NOT OLD.notes)
BEGIN
    UPDATE observation SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER treatment_version_bump AFTER UPDATE ON treatment
WHEN NEW.version = OLD.version
 AND (NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id OR
      NEW.knot_id IS NOT OLD.knot_id OR NEW.kind_id IS NOT OLD.kind_id OR
      NEW.minutes IS NOT OLD.minutes OR NEW.intensity IS NOT OLD.intensity OR
      NEW.pain_before IS NOT OLD.pain_before OR NEW.pain_after IS NOT OLD.pain_after OR
      NEW.medication IS NOT OLD.medication OR NEW.notes IS NOT OLD.notes)
BEGIN
    UPDATE treatment SET version = OLD.version + 1 WHERE id = NEW.id;
END;

-- ---------------------------------------------------------------------------
-- Recording. client_id is found through the row's parents: a rating or
-- treatment through its session, else its knot; a list or amendment through
-- its rating, treatment or session. An UPDATE that changes the version alone
-- is not recorded (the bumps above); an update's "after" holds the version
-- the bump gives the row, since NEW is read before the bump runs.
--
-- Deleting a client: SQLite deletes the client row first and then cascades
-- (sessions, knots, and on down), each child's AFTER DELETE running after
-- its own children's. So a session or knot still names its client_id, but a
-- rating, treatment, list or amendment may find its parents already gone:
-- then the client_id of the row's own latest event in the trail is taken
-- (its insert, when that was recorded), and otherwise NULL (rows written
-- before version 6, whose trail begins with their deletion). The events of
-- a cascade come children first, the client's own delete last.
-- ---------------------------------------------------------------------------

-- client
CREATE TRIGGER client_audit_insert AFTER INSERT ON client
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'client', NEW.id, 'insert',
           NEW.id,
           NULL,
           json_object('id', NEW.id, 'name', NEW.name, 'birth_year', NEW.birth_year,
            'notes', NEW.notes, 'archived', NEW.archived, 'created_utc', NEW.created_utc,
            'version', NEW.version)
    FROM audit_actor a;
END;
CREATE TRIGGER client_audit_update AFTER UPDATE ON client
WHEN (SELECT recording FROM audit_actor) = 1
 AND (NEW.id IS NOT OLD.id OR NEW.name IS NOT OLD.name OR
      NEW.birth_year IS NOT OLD.birth_year OR NEW.notes IS NOT OLD.notes OR
      NEW.archived IS NOT OLD.archived OR NEW.created_utc IS NOT OLD.created_utc)
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'client', NEW.id, 'update',
           NEW.id,
           json_object('id', OLD.id, 'name', OLD.name, 'birth_year', OLD.birth_year,
            'notes', OLD.notes, 'archived', OLD.archived, 'created_utc', OLD.created_utc,
            'version', OLD.version),
           json_object('id', NEW.id, 'name', NEW.name, 'birth_year', NEW.birth_year,
            'notes', NEW.notes, 'archived', NEW.archived, 'created_utc', NEW.created_utc,
            'version', CASE WHEN NEW.version = OLD.version THEN OLD.version + 1 ELSE NEW.version END)
    FROM audit_actor a;
END;
CREATE TRIGGER client_audit_delete AFTER DELETE ON client
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'client', OLD.id, 'delete',
           OLD.id,
           json_object('id', OLD.id, 'name', OLD.name, 'birth_year', OLD.birth_year,
            'notes', OLD.notes, 'archived', OLD.archived, 'created_utc', OLD.created_utc,
            'version', OLD.version),
           NULL
    FROM audit_actor a;
END;
-- session
CREATE TRIGGER session_audit_insert AFTER INSERT ON session
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'session', NEW.id, 'insert',
           NEW.client_id,
           NULL,
           json_object('id', NEW.id, 'client_id', NEW.client_id, 'started_utc', NEW.started_utc,
            'utc_offset_min', NEW.utc_offset_min, 'kind', NEW.kind,
            'overall_pain', NEW.overall_pain, 'stress', NEW.stress, 'sleep', NEW.sleep,
            'therapist', NEW.therapist, 'subjective', NEW.subjective,
            'objective', NEW.objective, 'assessment', NEW.assessment, 'plan', NEW.plan,
            'notes', NEW.notes, 'signed_by', NEW.signed_by, 'signed_utc', NEW.signed_utc,
            'version', NEW.version, 'signer', NEW.signer)
    FROM audit_actor a;
END;
CREATE TRIGGER session_audit_update AFTER UPDATE ON session
WHEN (SELECT recording FROM audit_actor) = 1
 AND (NEW.id IS NOT OLD.id OR NEW.client_id IS NOT OLD.client_id OR
      NEW.started_utc IS NOT OLD.started_utc OR
      NEW.utc_offset_min IS NOT OLD.utc_offset_min OR NEW.kind IS NOT OLD.kind OR
      NEW.overall_pain IS NOT OLD.overall_pain OR NEW.stress IS NOT OLD.stress OR
      NEW.sleep IS NOT OLD.sleep OR NEW.therapist IS NOT OLD.therapist OR
      NEW.subjective IS NOT OLD.subjective OR NEW.objective IS NOT OLD.objective OR
      NEW.assessment IS NOT OLD.assessment OR NEW.plan IS NOT OLD.plan OR
      NEW.notes IS NOT OLD.notes OR NEW.signed_by IS NOT OLD.signed_by OR
      NEW.signed_utc IS NOT OLD.signed_utc OR NEW.signer IS NOT OLD.signer)
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'session', NEW.id, 'update',
           NEW.client_id,
           json_object('id', OLD.id, 'client_id', OLD.client_id, 'started_utc', OLD.started_utc,
            'utc_offset_min', OLD.utc_offset_min, 'kind', OLD.kind,
            'overall_pain', OLD.overall_pain, 'stress', OLD.stress, 'sleep', OLD.sleep,
            'therapist', OLD.therapist, 'subjective', OLD.subjective,
            'objective', OLD.objective, 'assessment', OLD.assessment, 'plan', OLD.plan,
            'notes', OLD.notes, 'signed_by', OLD.signed_by, 'signed_utc', OLD.signed_utc,
            'version', OLD.version, 'signer', OLD.signer),
           json_object('id', NEW.id, 'client_id', NEW.client_id, 'started_utc', NEW.started_utc,
            'utc_offset_min', NEW.utc_offset_min, 'kind', NEW.kind,
            'overall_pain', NEW.overall_pain, 'stress', NEW.stress, 'sleep', NEW.sleep,
            'therapist', NEW.therapist, 'subjective', NEW.subjective,
            'objective', NEW.objective, 'assessment', NEW.assessment, 'plan', NEW.plan,
            'notes', NEW.notes, 'signed_by', NEW.signed_by, 'signed_utc', NEW.signed_utc,
            'version', CASE WHEN NEW.version = OLD.version THEN OLD.version + 1 ELSE NEW.version END,
            'signer', NEW.signer)
    FROM audit_actor a;
END;
CREATE TRIGGER session_audit_delete AFTER DELETE ON session
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'session', OLD.id, 'delete',
           OLD.client_id,
           json_object('id', OLD.id, 'client_id', OLD.client_id, 'started_utc', OLD.started_utc,
            'utc_offset_min', OLD.utc_offset_min, 'kind', OLD.kind,
            'overall_pain', OLD.overall_pain, 'stress', OLD.stress, 'sleep', OLD.sleep,
            'therapist', OLD.therapist, 'subjective', OLD.subjective,
            'objective', OLD.objective, 'assessment', OLD.assessment, 'plan', OLD.plan,
            'notes', OLD.notes, 'signed_by', OLD.signed_by, 'signed_utc', OLD.signed_utc,
            'version', OLD.version, 'signer', OLD.signer),
           NULL
    FROM audit_actor a;
END;
-- session_trigger
CREATE TRIGGER session_trigger_audit_insert AFTER INSERT ON session_trigger
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'session_trigger', NEW.session_id, 'insert',
           coalesce((SELECT client_id FROM session WHERE id = NEW.session_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'session_trigger'
              AND e.row_id = NEW.session_id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           NULL,
           json_object('session_id', NEW.session_id, 'trigger_id', NEW.trigger_id)
    FROM audit_actor a;
END;
CREATE TRIGGER session_trigger_audit_update AFTER UPDATE ON session_trigger
WHEN (SELECT recording FROM audit_actor) = 1
 AND (NEW.session_id IS NOT OLD.session_id OR NEW.trigger_id IS NOT OLD.trigger_id)
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'session_trigger', NEW.session_id, 'update',
           coalesce((SELECT client_id FROM session WHERE id = NEW.session_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'session_trigger'
              AND e.row_id = NEW.session_id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('session_id', OLD.session_id, 'trigger_id', OLD.trigger_id),
           json_object('session_id', NEW.session_id, 'trigger_id', NEW.trigger_id)
    FROM audit_actor a;
END;
CREATE TRIGGER session_trigger_audit_delete AFTER DELETE ON session_trigger
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'session_trigger', OLD.session_id, 'delete',
           coalesce((SELECT client_id FROM session WHERE id = OLD.session_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'session_trigger'
              AND e.row_id = OLD.session_id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('session_id', OLD.session_id, 'trigger_id', OLD.trigger_id),
           NULL
    FROM audit_actor a;
END;
-- knot
CREATE TRIGGER knot_audit_insert AFTER INSERT ON knot
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'knot', NEW.id, 'insert',
           NEW.client_id,
           NULL,
           json_object('id', NEW.id, 'client_id', NEW.client_id, 'view', NEW.view, 'x', NEW.x,
            'y', NEW.y, 'region_code', NEW.region_code, 'label', NEW.label,
            'status', NEW.status, 'version', NEW.version)
    FROM audit_actor a;
END;
CREATE TRIGGER knot_audit_update AFTER UPDATE ON knot
WHEN (SELECT recording FROM audit_actor) = 1
 AND (NEW.id IS NOT OLD.id OR NEW.client_id IS NOT OLD.client_id OR NEW.view IS NOT OLD.view OR
      NEW.x IS NOT OLD.x OR NEW.y IS NOT OLD.y OR NEW.region_code IS NOT OLD.region_code OR
      NEW.label IS NOT OLD.label OR NEW.status IS NOT OLD.status)
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'knot', NEW.id, 'update',
           NEW.client_id,
           json_object('id', OLD.id, 'client_id', OLD.client_id, 'view', OLD.view, 'x', OLD.x,
            'y', OLD.y, 'region_code', OLD.region_code, 'label', OLD.label,
            'status', OLD.status, 'version', OLD.version),
           json_object('id', NEW.id, 'client_id', NEW.client_id, 'view', NEW.view, 'x', NEW.x,
            'y', NEW.y, 'region_code', NEW.region_code, 'label', NEW.label,
            'status', NEW.status,
            'version', CASE WHEN NEW.version = OLD.version THEN OLD.version + 1 ELSE NEW.version END)
    FROM audit_actor a;
END;
CREATE TRIGGER knot_audit_delete AFTER DELETE ON knot
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'knot', OLD.id, 'delete',
           OLD.client_id,
           json_object('id', OLD.id, 'client_id', OLD.client_id, 'view', OLD.view, 'x', OLD.x,
            'y', OLD.y, 'region_code', OLD.region_code, 'label', OLD.label,
            'status', OLD.status, 'version', OLD.version),
           NULL
    FROM audit_actor a;
END;
-- observation
CREATE TRIGGER observation_audit_insert AFTER INSERT ON observation
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'observation', NEW.id, 'insert',
           coalesce((SELECT client_id FROM session WHERE id = NEW.session_id),
             (SELECT client_id FROM knot WHERE id = NEW.knot_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'observation'
              AND e.row_id = NEW.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           NULL,
           json_object('id', NEW.id, 'session_id', NEW.session_id, 'knot_id', NEW.knot_id,
            'pain', NEW.pain, 'kind', NEW.kind, 'notes', NEW.notes, 'version', NEW.version)
    FROM audit_actor a;
END;
CREATE TRIGGER observation_audit_update AFTER UPDATE ON observation
WHEN (SELECT recording FROM audit_actor) = 1
 AND (NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id OR
      NEW.knot_id IS NOT OLD.knot_id OR NEW.pain IS NOT OLD.pain OR
      NEW.kind IS NOT OLD.kind OR NEW.notes IS NOT OLD.notes)
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'observation', NEW.id, 'update',
           coalesce((SELECT client_id FROM session WHERE id = NEW.session_id),
             (SELECT client_id FROM knot WHERE id = NEW.knot_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'observation'
              AND e.row_id = NEW.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('id', OLD.id, 'session_id', OLD.session_id, 'knot_id', OLD.knot_id,
            'pain', OLD.pain, 'kind', OLD.kind, 'notes', OLD.notes, 'version', OLD.version),
           json_object('id', NEW.id, 'session_id', NEW.session_id, 'knot_id', NEW.knot_id,
            'pain', NEW.pain, 'kind', NEW.kind, 'notes', NEW.notes,
            'version', CASE WHEN NEW.version = OLD.version THEN OLD.version + 1 ELSE NEW.version END)
    FROM audit_actor a;
END;
CREATE TRIGGER observation_audit_delete AFTER DELETE ON observation
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'observation', OLD.id, 'delete',
           coalesce((SELECT client_id FROM session WHERE id = OLD.session_id),
             (SELECT client_id FROM knot WHERE id = OLD.knot_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'observation'
              AND e.row_id = OLD.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('id', OLD.id, 'session_id', OLD.session_id, 'knot_id', OLD.knot_id,
            'pain', OLD.pain, 'kind', OLD.kind, 'notes', OLD.notes, 'version', OLD.version),
           NULL
    FROM audit_actor a;
END;
-- observation_symptom
CREATE TRIGGER observation_symptom_audit_insert AFTER INSERT ON observation_symptom
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'observation_symptom', NEW.observation_id, 'insert',
           coalesce((SELECT coalesce((SELECT client_id FROM session WHERE id = o.session_id),
                       (SELECT client_id FROM knot WHERE id = o.knot_id))
              FROM observation o WHERE o.id = NEW.observation_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'observation_symptom'
              AND e.row_id = NEW.observation_id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           NULL,
           json_object('observation_id', NEW.observation_id, 'symptom_id', NEW.symptom_id)
    FROM audit_actor a;
END;
CREATE TRIGGER observation_symptom_audit_update AFTER UPDATE ON observation_symptom
WHEN (SELECT recording FROM audit_actor) = 1
 AND (NEW.observation_id IS NOT OLD.observation_id OR NEW.symptom_id IS NOT OLD.symptom_id)
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'observation_symptom', NEW.observation_id, 'update',
           coalesce((SELECT coalesce((SELECT client_id FROM session WHERE id = o.session_id),
                       (SELECT client_id FROM knot WHERE id = o.knot_id))
              FROM observation o WHERE o.id = NEW.observation_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'observation_symptom'
              AND e.row_id = NEW.observation_id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('observation_id', OLD.observation_id, 'symptom_id', OLD.symptom_id),
           json_object('observation_id', NEW.observation_id, 'symptom_id', NEW.symptom_id)
    FROM audit_actor a;
END;
CREATE TRIGGER observation_symptom_audit_delete AFTER DELETE ON observation_symptom
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'observation_symptom', OLD.observation_id, 'delete',
           coalesce((SELECT coalesce((SELECT client_id FROM session WHERE id = o.session_id),
                       (SELECT client_id FROM knot WHERE id = o.knot_id))
              FROM observation o WHERE o.id = OLD.observation_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'observation_symptom'
              AND e.row_id = OLD.observation_id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('observation_id', OLD.observation_id, 'symptom_id', OLD.symptom_id),
           NULL
    FROM audit_actor a;
END;
-- observation_referral
CREATE TRIGGER observation_referral_audit_insert AFTER INSERT ON observation_referral
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'observation_referral', NEW.observation_id, 'insert',
           coalesce((SELECT coalesce((SELECT client_id FROM session WHERE id = o.session_id),
                       (SELECT client_id FROM knot WHERE id = o.knot_id))
              FROM observation o WHERE o.id = NEW.observation_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'observation_referral'
              AND e.row_id = NEW.observation_id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           NULL,
           json_object('observation_id', NEW.observation_id, 'region_code', NEW.region_code)
    FROM audit_actor a;
END;
CREATE TRIGGER observation_referral_audit_update AFTER UPDATE ON observation_referral
WHEN (SELECT recording FROM audit_actor) = 1
 AND (NEW.observation_id IS NOT OLD.observation_id OR NEW.region_code IS NOT OLD.region_code)
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'observation_referral', NEW.observation_id, 'update',
           coalesce((SELECT coalesce((SELECT client_id FROM session WHERE id = o.session_id),
                       (SELECT client_id FROM knot WHERE id = o.knot_id))
              FROM observation o WHERE o.id = NEW.observation_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'observation_referral'
              AND e.row_id = NEW.observation_id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('observation_id', OLD.observation_id, 'region_code', OLD.region_code),
           json_object('observation_id', NEW.observation_id, 'region_code', NEW.region_code)
    FROM audit_actor a;
END;
CREATE TRIGGER observation_referral_audit_delete AFTER DELETE ON observation_referral
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'observation_referral', OLD.observation_id, 'delete',
           coalesce((SELECT coalesce((SELECT client_id FROM session WHERE id = o.session_id),
                       (SELECT client_id FROM knot WHERE id = o.knot_id))
              FROM observation o WHERE o.id = OLD.observation_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'observation_referral'
              AND e.row_id = OLD.observation_id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('observation_id', OLD.observation_id, 'region_code', OLD.region_code),
           NULL
    FROM audit_actor a;
END;
-- treatment
CREATE TRIGGER treatment_audit_insert AFTER INSERT ON treatment
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'treatment', NEW.id, 'insert',
           coalesce((SELECT client_id FROM session WHERE id = NEW.session_id),
             (SELECT client_id FROM knot WHERE id = NEW.knot_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'treatment'
              AND e.row_id = NEW.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           NULL,
           json_object('id', NEW.id, 'session_id', NEW.session_id, 'knot_id', NEW.knot_id,
            'kind_id', NEW.kind_id, 'minutes', NEW.minutes, 'intensity', NEW.intensity,
            'pain_before', NEW.pain_before, 'pain_after', NEW.pain_after,
            'medication', NEW.medication, 'notes', NEW.notes, 'version', NEW.version)
    FROM audit_actor a;
END;
CREATE TRIGGER treatment_audit_update AFTER UPDATE ON treatment
WHEN (SELECT recording FROM audit_actor) = 1
 AND (NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id OR
      NEW.knot_id IS NOT OLD.knot_id OR NEW.kind_id IS NOT OLD.kind_id OR
      NEW.minutes IS NOT OLD.minutes OR NEW.intensity IS NOT OLD.intensity OR
      NEW.pain_before IS NOT OLD.pain_before OR NEW.pain_after IS NOT OLD.pain_after OR
      NEW.medication IS NOT OLD.medication OR NEW.notes IS NOT OLD.notes)
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'treatment', NEW.id, 'update',
           coalesce((SELECT client_id FROM session WHERE id = NEW.session_id),
             (SELECT client_id FROM knot WHERE id = NEW.knot_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'treatment'
              AND e.row_id = NEW.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('id', OLD.id, 'session_id', OLD.session_id, 'knot_id', OLD.knot_id,
            'kind_id', OLD.kind_id, 'minutes', OLD.minutes, 'intensity', OLD.intensity,
            'pain_before', OLD.pain_before, 'pain_after', OLD.pain_after,
            'medication', OLD.medication, 'notes', OLD.notes, 'version', OLD.version),
           json_object('id', NEW.id, 'session_id', NEW.session_id, 'knot_id', NEW.knot_id,
            'kind_id', NEW.kind_id, 'minutes', NEW.minutes, 'intensity', NEW.intensity,
            'pain_before', NEW.pain_before, 'pain_after', NEW.pain_after,
            'medication', NEW.medication, 'notes', NEW.notes,
            'version', CASE WHEN NEW.version = OLD.version THEN OLD.version + 1 ELSE NEW.version END)
    FROM audit_actor a;
END;
CREATE TRIGGER treatment_audit_delete AFTER DELETE ON treatment
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'treatment', OLD.id, 'delete',
           coalesce((SELECT client_id FROM session WHERE id = OLD.session_id),
             (SELECT client_id FROM knot WHERE id = OLD.knot_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'treatment'
              AND e.row_id = OLD.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('id', OLD.id, 'session_id', OLD.session_id, 'knot_id', OLD.knot_id,
            'kind_id', OLD.kind_id, 'minutes', OLD.minutes, 'intensity', OLD.intensity,
            'pain_before', OLD.pain_before, 'pain_after', OLD.pain_after,
            'medication', OLD.medication, 'notes', OLD.notes, 'version', OLD.version),
           NULL
    FROM audit_actor a;
END;
-- session_amendment
CREATE TRIGGER session_amendment_audit_insert AFTER INSERT ON session_amendment
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'session_amendment', NEW.id, 'insert',
           coalesce((SELECT client_id FROM session WHERE id = NEW.session_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'session_amendment'
              AND e.row_id = NEW.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           NULL,
           json_object('id', NEW.id, 'session_id', NEW.session_id, 'field', NEW.field,
            'original_value', NEW.original_value, 'new_value', NEW.new_value,
            'author', NEW.author, 'amended_utc', NEW.amended_utc, 'reason', NEW.reason,
            'author_login', NEW.author_login)
    FROM audit_actor a;
END;
CREATE TRIGGER session_amendment_audit_update AFTER UPDATE ON session_amendment
WHEN (SELECT recording FROM audit_actor) = 1
 AND (NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id OR
      NEW.field IS NOT OLD.field OR NEW.original_value IS NOT OLD.original_value OR
      NEW.new_value IS NOT OLD.new_value OR NEW.author IS NOT OLD.author OR
      NEW.amended_utc IS NOT OLD.amended_utc OR NEW.reason IS NOT OLD.reason OR
      NEW.author_login IS NOT OLD.author_login)
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'session_amendment', NEW.id, 'update',
           coalesce((SELECT client_id FROM session WHERE id = NEW.session_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'session_amendment'
              AND e.row_id = NEW.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('id', OLD.id, 'session_id', OLD.session_id, 'field', OLD.field,
            'original_value', OLD.original_value, 'new_value', OLD.new_value,
            'author', OLD.author, 'amended_utc', OLD.amended_utc, 'reason', OLD.reason,
            'author_login', OLD.author_login),
           json_object('id', NEW.id, 'session_id', NEW.session_id, 'field', NEW.field,
            'original_value', NEW.original_value, 'new_value', NEW.new_value,
            'author', NEW.author, 'amended_utc', NEW.amended_utc, 'reason', NEW.reason,
            'author_login', NEW.author_login)
    FROM audit_actor a;
END;
CREATE TRIGGER session_amendment_audit_delete AFTER DELETE ON session_amendment
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'session_amendment', OLD.id, 'delete',
           coalesce((SELECT client_id FROM session WHERE id = OLD.session_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'session_amendment'
              AND e.row_id = OLD.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('id', OLD.id, 'session_id', OLD.session_id, 'field', OLD.field,
            'original_value', OLD.original_value, 'new_value', OLD.new_value,
            'author', OLD.author, 'amended_utc', OLD.amended_utc, 'reason', OLD.reason,
            'author_login', OLD.author_login),
           NULL
    FROM audit_actor a;
END;
-- observation_amendment
CREATE TRIGGER observation_amendment_audit_insert AFTER INSERT ON observation_amendment
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'observation_amendment', NEW.id, 'insert',
           coalesce((SELECT coalesce((SELECT client_id FROM session WHERE id = o.session_id),
                       (SELECT client_id FROM knot WHERE id = o.knot_id))
              FROM observation o WHERE o.id = NEW.observation_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'observation_amendment'
              AND e.row_id = NEW.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           NULL,
           json_object('id', NEW.id, 'observation_id', NEW.observation_id, 'field', NEW.field,
            'original_value', NEW.original_value, 'new_value', NEW.new_value,
            'author', NEW.author, 'amended_utc', NEW.amended_utc, 'reason', NEW.reason,
            'author_login', NEW.author_login)
    FROM audit_actor a;
END;
CREATE TRIGGER observation_amendment_audit_update AFTER UPDATE ON observation_amendment
WHEN (SELECT recording FROM audit_actor) = 1
 AND (NEW.id IS NOT OLD.id OR NEW.observation_id IS NOT OLD.observation_id OR
      NEW.field IS NOT OLD.field OR NEW.original_value IS NOT OLD.original_value OR
      NEW.new_value IS NOT OLD.new_value OR NEW.author IS NOT OLD.author OR
      NEW.amended_utc IS NOT OLD.amended_utc OR NEW.reason IS NOT OLD.reason OR
      NEW.author_login IS NOT OLD.author_login)
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'observation_amendment', NEW.id, 'update',
           coalesce((SELECT coalesce((SELECT client_id FROM session WHERE id = o.session_id),
                       (SELECT client_id FROM knot WHERE id = o.knot_id))
              FROM observation o WHERE o.id = NEW.observation_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'observation_amendment'
              AND e.row_id = NEW.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('id', OLD.id, 'observation_id', OLD.observation_id, 'field', OLD.field,
            'original_value', OLD.original_value, 'new_value', OLD.new_value,
            'author', OLD.author, 'amended_utc', OLD.amended_utc, 'reason', OLD.reason,
            'author_login', OLD.author_login),
           json_object('id', NEW.id, 'observation_id', NEW.observation_id, 'field', NEW.field,
            'original_value', NEW.original_value, 'new_value', NEW.new_value,
            'author', NEW.author, 'amended_utc', NEW.amended_utc, 'reason', NEW.reason,
            'author_login', NEW.author_login)
    FROM audit_actor a;
END;
CREATE TRIGGER observation_amendment_audit_delete AFTER DELETE ON observation_amendment
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'observation_amendment', OLD.id, 'delete',
           coalesce((SELECT coalesce((SELECT client_id FROM session WHERE id = o.session_id),
                       (SELECT client_id FROM knot WHERE id = o.knot_id))
              FROM observation o WHERE o.id = OLD.observation_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'observation_amendment'
              AND e.row_id = OLD.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('id', OLD.id, 'observation_id', OLD.observation_id, 'field', OLD.field,
            'original_value', OLD.original_value, 'new_value', OLD.new_value,
            'author', OLD.author, 'amended_utc', OLD.amended_utc, 'reason', OLD.reason,
            'author_login', OLD.author_login),
           NULL
    FROM audit_actor a;
END;
-- treatment_amendment
CREATE TRIGGER treatment_amendment_audit_insert AFTER INSERT ON treatment_amendment
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'treatment_amendment', NEW.id, 'insert',
           coalesce((SELECT coalesce((SELECT client_id FROM session WHERE id = x.session_id),
                       (SELECT client_id FROM knot WHERE id = x.knot_id))
              FROM treatment x WHERE x.id = NEW.treatment_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'treatment_amendment'
              AND e.row_id = NEW.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           NULL,
           json_object('id', NEW.id, 'treatment_id', NEW.treatment_id, 'field', NEW.field,
            'original_value', NEW.original_value, 'new_value', NEW.new_value,
            'author', NEW.author, 'amended_utc', NEW.amended_utc, 'reason', NEW.reason,
            'author_login', NEW.author_login)
    FROM audit_actor a;
END;
CREATE TRIGGER treatment_amendment_audit_update AFTER UPDATE ON treatment_amendment
WHEN (SELECT recording FROM audit_actor) = 1
 AND (NEW.id IS NOT OLD.id OR NEW.treatment_id IS NOT OLD.treatment_id OR
      NEW.field IS NOT OLD.field OR NEW.original_value IS NOT OLD.original_value OR
      NEW.new_value IS NOT OLD.new_value OR NEW.author IS NOT OLD.author OR
      NEW.amended_utc IS NOT OLD.amended_utc OR NEW.reason IS NOT OLD.reason OR
      NEW.author_login IS NOT OLD.author_login)
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'treatment_amendment', NEW.id, 'update',
           coalesce((SELECT coalesce((SELECT client_id FROM session WHERE id = x.session_id),
                       (SELECT client_id FROM knot WHERE id = x.knot_id))
              FROM treatment x WHERE x.id = NEW.treatment_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'treatment_amendment'
              AND e.row_id = NEW.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('id', OLD.id, 'treatment_id', OLD.treatment_id, 'field', OLD.field,
            'original_value', OLD.original_value, 'new_value', OLD.new_value,
            'author', OLD.author, 'amended_utc', OLD.amended_utc, 'reason', OLD.reason,
            'author_login', OLD.author_login),
           json_object('id', NEW.id, 'treatment_id', NEW.treatment_id, 'field', NEW.field,
            'original_value', NEW.original_value, 'new_value', NEW.new_value,
            'author', NEW.author, 'amended_utc', NEW.amended_utc, 'reason', NEW.reason,
            'author_login', NEW.author_login)
    FROM audit_actor a;
END;
CREATE TRIGGER treatment_amendment_audit_delete AFTER DELETE ON treatment_amendment
WHEN (SELECT recording FROM audit_actor) = 1
BEGIN
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    SELECT unixepoch(), coalesce(nullif(a.person, ''), 'unknown'), 'treatment_amendment', OLD.id, 'delete',
           coalesce((SELECT coalesce((SELECT client_id FROM session WHERE id = x.session_id),
                       (SELECT client_id FROM knot WHERE id = x.knot_id))
              FROM treatment x WHERE x.id = OLD.treatment_id),
             (SELECT e.client_id FROM audit_event e WHERE e.table_name = 'treatment_amendment'
              AND e.row_id = OLD.id AND e.client_id IS NOT NULL ORDER BY e.id DESC LIMIT 1)),
           json_object('id', OLD.id, 'treatment_id', OLD.treatment_id, 'field', OLD.field,
            'original_value', OLD.original_value, 'new_value', OLD.new_value,
            'author', OLD.author, 'amended_utc', OLD.amended_utc, 'reason', OLD.reason,
            'author_login', OLD.author_login),
           NULL
    FROM audit_actor a;
END;
