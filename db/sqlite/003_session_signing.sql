-- Knotmap schema, version 3: signing therapy visits, and amendments.
-- A signed session is a clinical record: its fields can no longer change, not
-- even through SQL that bypasses the app. Corrections are amendments that
-- keep the original value visible with who changed it, when and why.

-- Both set (signed) or both NULL (not signed); ALTER TABLE cannot add a
-- table-level CHECK, so the column added last checks the pair.
ALTER TABLE session ADD COLUMN signed_by TEXT
    CHECK (signed_by IS NULL OR length(trim(signed_by)) > 0);
ALTER TABLE session ADD COLUMN signed_utc INTEGER
    CHECK ((signed_utc IS NULL) = (signed_by IS NULL));

CREATE TABLE session_amendment (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    field          TEXT    NOT NULL CHECK (field IN ('overall_pain', 'stress', 'sleep',
                                                     'triggers', 'notes', 'therapist',
                                                     'subjective', 'objective',
                                                     'assessment', 'plan')),
    original_value TEXT,
    new_value      TEXT,
    author         TEXT    NOT NULL CHECK (length(trim(author)) > 0),
    amended_utc    INTEGER NOT NULL,
    reason         TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX session_amendment_by_session ON session_amendment (session_id, amended_utc);

-- Once signed, nothing that makes up the record may change, and it cannot be
-- unsigned. Signing itself (NULL -> set) is allowed.
CREATE TRIGGER session_signed_is_read_only BEFORE UPDATE ON session
WHEN OLD.signed_utc IS NOT NULL
 AND (NEW.signed_utc IS NOT OLD.signed_utc OR NEW.signed_by IS NOT OLD.signed_by
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

-- The triggers (causes) of a signed session are part of the record too.
-- Deleting the whole session still cascades: by then the session row is gone.
CREATE TRIGGER session_trigger_signed_insert BEFORE INSERT ON session_trigger
WHEN (SELECT signed_utc FROM session WHERE id = NEW.session_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'session: a signed visit cannot be changed; add an amendment instead');
END;
CREATE TRIGGER session_trigger_signed_delete BEFORE DELETE ON session_trigger
WHEN (SELECT signed_utc FROM session WHERE id = OLD.session_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'session: a signed visit cannot be changed; add an amendment instead');
END;

-- Amendments are an audit trail: they are added, never edited. (Deleting the
-- session removes them with it, and undo of that delete puts them back.)
CREATE TRIGGER session_amendment_is_append_only BEFORE UPDATE ON session_amendment
BEGIN
    SELECT RAISE(ABORT, 'session_amendment: amendments cannot be edited');
END;
