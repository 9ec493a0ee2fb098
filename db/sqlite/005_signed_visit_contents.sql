-- Knotmap schema, version 5: a signed visit is read-only as a whole, not only
-- its own fields (version 3). Its ratings (observations) with their symptoms
-- and referred regions, its treatments, and the place of every knot it rated
-- no longer change, whatever program writes to the file. A signed visit
-- cannot be deleted on its own (deleting its whole client still can, which is
-- a deliberate act on the client, not a quiet edit of one record).
--
-- Corrections are amendments, kept beside the record: who, when, why, the
-- value before and the value after. Amendments are added, never edited or
-- deleted. A rating's or treatment's amendment is applied to its row by the
-- database itself (the AFTER INSERT triggers below), because every chart,
-- export and report reads those rows; its original_value keeps what was
-- there before. (A session field's amendment, version 3, is applied when read
-- instead, and the session row keeps the signed text.)
--
-- How a guard tells an amendment's own change from any other write: the
-- change must be exactly the one that the most recent amendment of that table
-- (the row with the highest id) describes. The apply trigger runs right after
-- that row is inserted, so its changes pass; a bare UPDATE does not.
--
-- Values are text, as the app shows them: pain and minutes as decimal
-- numbers, kinds and intensities as their codes, NULL for "not recorded", and
-- symptoms and referred regions as a JSON array of codes sorted by code.

-- ---------------------------------------------------------------------------
-- Amendment tables
-- ---------------------------------------------------------------------------

CREATE TABLE observation_amendment (
    id             INTEGER PRIMARY KEY,
    observation_id INTEGER NOT NULL REFERENCES observation (id) ON DELETE CASCADE,
    field          TEXT    NOT NULL CHECK (field IN ('pain', 'kind', 'notes', 'symptoms',
                                                     'referrals')),
    original_value TEXT CHECK (length(CAST(original_value AS BLOB)) <= 1048576),
    new_value      TEXT CHECK (length(CAST(new_value AS BLOB)) <= 1048576),
    author         TEXT    NOT NULL CHECK (length(trim(author)) > 0
                                           AND length(CAST(author AS BLOB)) <= 256),
    amended_utc    INTEGER NOT NULL,
    reason         TEXT    NOT NULL CHECK (length(trim(reason)) > 0
                                           AND length(CAST(reason AS BLOB)) <= 1048576)
) STRICT;
CREATE INDEX observation_amendment_by_observation
    ON observation_amendment (observation_id, amended_utc);

CREATE TABLE treatment_amendment (
    id             INTEGER PRIMARY KEY,
    treatment_id   INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,
    field          TEXT    NOT NULL CHECK (field IN ('kind', 'minutes', 'intensity',
                                                     'pain_before', 'pain_after',
                                                     'medication', 'notes')),
    original_value TEXT CHECK (length(CAST(original_value AS BLOB)) <= 1048576),
    new_value      TEXT CHECK (length(CAST(new_value AS BLOB)) <= 1048576),
    author         TEXT    NOT NULL CHECK (length(trim(author)) > 0
                                           AND length(CAST(author AS BLOB)) <= 256),
    amended_utc    INTEGER NOT NULL,
    reason         TEXT    NOT NULL CHECK (length(trim(reason)) > 0
                                           AND length(CAST(reason AS BLOB)) <= 1048576)
) STRICT;
CREATE INDEX treatment_amendment_by_treatment
    ON treatment_amendment (treatment_id, amended_utc);

-- ---------------------------------------------------------------------------
-- Sessions: a signed visit is not deleted on its own, and its amendments stay
-- ---------------------------------------------------------------------------

CREATE TRIGGER session_signed_delete BEFORE DELETE ON session
WHEN OLD.signed_utc IS NOT NULL
 AND (SELECT id FROM client WHERE id = OLD.client_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'session: a signed visit cannot be deleted; add an amendment instead');
END;

-- While the session exists its amendments stay; when the whole client goes,
-- the cascade finds the session gone and lets them go with it.
CREATE TRIGGER session_amendment_delete BEFORE DELETE ON session_amendment
WHEN (SELECT id FROM session WHERE id = OLD.session_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'session_amendment: amendments cannot be deleted');
END;

-- ---------------------------------------------------------------------------
-- Ratings of a signed visit
-- ---------------------------------------------------------------------------

CREATE TRIGGER observation_signed_insert BEFORE INSERT ON observation
WHEN (SELECT signed_utc FROM session WHERE id = NEW.session_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'observation: a signed visit cannot be changed; add an amendment instead');
END;

-- Deleting the whole client (its knots and sessions cascade, in either order)
-- finds the client gone and lets the rows go with it.
CREATE TRIGGER observation_signed_delete BEFORE DELETE ON observation
WHEN (SELECT s.signed_utc FROM session s JOIN client c ON c.id = s.client_id
      WHERE s.id = OLD.session_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'observation: a signed visit cannot be changed; add an amendment instead');
END;

CREATE TRIGGER observation_signed_update BEFORE UPDATE ON observation
WHEN (SELECT signed_utc FROM session WHERE id = OLD.session_id) IS NOT NULL
  OR (SELECT signed_utc FROM session WHERE id = NEW.session_id) IS NOT NULL
BEGIN
    SELECT CASE
        WHEN NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id
             OR NEW.knot_id IS NOT OLD.knot_id
          OR (NEW.pain IS NOT OLD.pain AND NOT EXISTS (
                SELECT 1 FROM observation_amendment a
                WHERE a.id = (SELECT max(id) FROM observation_amendment)
                  AND a.observation_id = OLD.id AND a.field = 'pain'
                  AND a.new_value = CAST(NEW.pain AS TEXT)))
          OR (NEW.kind IS NOT OLD.kind AND NOT EXISTS (
                SELECT 1 FROM observation_amendment a
                WHERE a.id = (SELECT max(id) FROM observation_amendment)
                  AND a.observation_id = OLD.id AND a.field = 'kind'
                  AND a.new_value = NEW.kind))
          OR (NEW.notes IS NOT OLD.notes AND NOT EXISTS (
                SELECT 1 FROM observation_amendment a
                WHERE a.id = (SELECT max(id) FROM observation_amendment)
                  AND a.observation_id = OLD.id AND a.field = 'notes'
                  AND a.new_value = NEW.notes))
        THEN RAISE(ABORT,
                   'observation: a signed visit cannot be changed; add an amendment instead')
    END;
END;

CREATE TRIGGER observation_symptom_signed_insert BEFORE INSERT ON observation_symptom
WHEN (SELECT s.signed_utc FROM observation o JOIN session s ON s.id = o.session_id
      WHERE o.id = NEW.observation_id) IS NOT NULL
 AND NOT EXISTS (
        SELECT 1 FROM observation_amendment a,
               json_each(CASE WHEN a.field = 'symptoms' THEN a.new_value ELSE '[]' END) j
        WHERE a.id = (SELECT max(id) FROM observation_amendment)
          AND a.observation_id = NEW.observation_id AND a.field = 'symptoms'
          AND j.value = (SELECT code FROM symptom WHERE id = NEW.symptom_id))
BEGIN
    SELECT RAISE(ABORT, 'observation: a signed visit cannot be changed; add an amendment instead');
END;

CREATE TRIGGER observation_symptom_signed_delete BEFORE DELETE ON observation_symptom
WHEN (SELECT s.signed_utc FROM observation o JOIN session s ON s.id = o.session_id
      WHERE o.id = OLD.observation_id) IS NOT NULL
 AND NOT EXISTS (
        SELECT 1 FROM observation_amendment a
        WHERE a.id = (SELECT max(id) FROM observation_amendment)
          AND a.observation_id = OLD.observation_id AND a.field = 'symptoms'
          AND (SELECT code FROM symptom WHERE id = OLD.symptom_id)
              NOT IN (SELECT value FROM json_each(
                  CASE WHEN a.field = 'symptoms' THEN a.new_value ELSE '[]' END)))
BEGIN
    SELECT RAISE(ABORT, 'observation: a signed visit cannot be changed; add an amendment instead');
END;

CREATE TRIGGER observation_symptom_signed_update BEFORE UPDATE ON observation_symptom
WHEN (SELECT s.signed_utc FROM observation o JOIN session s ON s.id = o.session_id
      WHERE o.id IN (OLD.observation_id, NEW.observation_id)) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'observation: a signed visit cannot be changed; add an amendment instead');
END;

CREATE TRIGGER observation_referral_signed_insert BEFORE INSERT ON observation_referral
WHEN (SELECT s.signed_utc FROM observation o JOIN session s ON s.id = o.session_id
      WHERE o.id = NEW.observation_id) IS NOT NULL
 AND NOT EXISTS (
        SELECT 1 FROM observation_amendment a,
               json_each(CASE WHEN a.field = 'referrals' THEN a.new_value ELSE '[]' END) j
        WHERE a.id = (SELECT max(id) FROM observation_amendment)
          AND a.observation_id = NEW.observation_id AND a.field = 'referrals'
          AND j.value = NEW.region_code)
BEGIN
    SELECT RAISE(ABORT, 'observation: a signed visit cannot be changed; add an amendment instead');
END;

CREATE TRIGGER observation_referral_signed_delete BEFORE DELETE ON observation_referral
WHEN (SELECT s.signed_utc FROM observation o JOIN session s ON s.id = o.session_id
      WHERE o.id = OLD.observation_id) IS NOT NULL
 AND NOT EXISTS (
        SELECT 1 FROM observation_amendment a
        WHERE a.id = (SELECT max(id) FROM observation_amendment)
          AND a.observation_id = OLD.observation_id AND a.field = 'referrals'
          AND OLD.region_code NOT IN (SELECT value FROM json_each(
                  CASE WHEN a.field = 'referrals' THEN a.new_value ELSE '[]' END)))
BEGIN
    SELECT RAISE(ABORT, 'observation: a signed visit cannot be changed; add an amendment instead');
END;

CREATE TRIGGER observation_referral_signed_update BEFORE UPDATE ON observation_referral
WHEN (SELECT s.signed_utc FROM observation o JOIN session s ON s.id = o.session_id
      WHERE o.id IN (OLD.observation_id, NEW.observation_id)) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'observation: a signed visit cannot be changed; add an amendment instead');
END;

-- A knot rated in a signed visit keeps its place: moving it would move that
-- visit's finding. Its label and status (active, resolved) are the knot's
-- state today, not part of any visit, and stay editable.
CREATE TRIGGER knot_signed_place BEFORE UPDATE OF client_id, view, x, y, region_code ON knot
WHEN (NEW.client_id IS NOT OLD.client_id OR NEW.view IS NOT OLD.view OR NEW.x IS NOT OLD.x
      OR NEW.y IS NOT OLD.y OR NEW.region_code IS NOT OLD.region_code)
 AND EXISTS (SELECT 1 FROM observation o JOIN session s ON s.id = o.session_id
             WHERE o.knot_id = OLD.id AND s.signed_utc IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'knot: a knot rated in a signed visit keeps its place');
END;

-- ---------------------------------------------------------------------------
-- Treatments of a signed visit
-- ---------------------------------------------------------------------------

CREATE TRIGGER treatment_signed_insert BEFORE INSERT ON treatment
WHEN (SELECT signed_utc FROM session WHERE id = NEW.session_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'treatment: a signed visit cannot be changed; add an amendment instead');
END;

CREATE TRIGGER treatment_signed_delete BEFORE DELETE ON treatment
WHEN (SELECT s.signed_utc FROM session s JOIN client c ON c.id = s.client_id
      WHERE s.id = OLD.session_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'treatment: a signed visit cannot be changed; add an amendment instead');
END;

CREATE TRIGGER treatment_signed_update BEFORE UPDATE ON treatment
WHEN (SELECT signed_utc FROM session WHERE id = OLD.session_id) IS NOT NULL
  OR (SELECT signed_utc FROM session WHERE id = NEW.session_id) IS NOT NULL
BEGIN
    SELECT CASE
        WHEN NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id
             OR NEW.knot_id IS NOT OLD.knot_id
          OR (NEW.kind_id IS NOT OLD.kind_id AND NOT EXISTS (
                SELECT 1 FROM treatment_amendment a
                WHERE a.id = (SELECT max(id) FROM treatment_amendment)
                  AND a.treatment_id = OLD.id AND a.field = 'kind'
                  AND a.new_value = (SELECT code FROM treatment_kind WHERE id = NEW.kind_id)))
          OR (NEW.minutes IS NOT OLD.minutes AND NOT EXISTS (
                SELECT 1 FROM treatment_amendment a
                WHERE a.id = (SELECT max(id) FROM treatment_amendment)
                  AND a.treatment_id = OLD.id AND a.field = 'minutes'
                  AND a.new_value IS CAST(NEW.minutes AS TEXT)))
          OR (NEW.intensity IS NOT OLD.intensity AND NOT EXISTS (
                SELECT 1 FROM treatment_amendment a
                WHERE a.id = (SELECT max(id) FROM treatment_amendment)
                  AND a.treatment_id = OLD.id AND a.field = 'intensity'
                  AND a.new_value IS NEW.intensity))
          OR (NEW.pain_before IS NOT OLD.pain_before AND NOT EXISTS (
                SELECT 1 FROM treatment_amendment a
                WHERE a.id = (SELECT max(id) FROM treatment_amendment)
                  AND a.treatment_id = OLD.id AND a.field = 'pain_before'
                  AND a.new_value IS CAST(NEW.pain_before AS TEXT)))
          OR (NEW.pain_after IS NOT OLD.pain_after AND NOT EXISTS (
                SELECT 1 FROM treatment_amendment a
                WHERE a.id = (SELECT max(id) FROM treatment_amendment)
                  AND a.treatment_id = OLD.id AND a.field = 'pain_after'
                  AND a.new_value IS CAST(NEW.pain_after AS TEXT)))
          OR (NEW.medication IS NOT OLD.medication AND NOT EXISTS (
                SELECT 1 FROM treatment_amendment a
                WHERE a.id = (SELECT max(id) FROM treatment_amendment)
                  AND a.treatment_id = OLD.id AND a.field = 'medication'
                  AND a.new_value = NEW.medication))
          OR (NEW.notes IS NOT OLD.notes AND NOT EXISTS (
                SELECT 1 FROM treatment_amendment a
                WHERE a.id = (SELECT max(id) FROM treatment_amendment)
                  AND a.treatment_id = OLD.id AND a.field = 'notes'
                  AND a.new_value = NEW.notes))
        THEN RAISE(ABORT,
                   'treatment: a signed visit cannot be changed; add an amendment instead')
    END;
END;

-- ---------------------------------------------------------------------------
-- Rating amendments: checked, then applied
-- ---------------------------------------------------------------------------

-- The original must be the value the rating holds now (so the trail reads
-- true from the signed value to today's), and the new one must be valid.
CREATE TRIGGER observation_amendment_checks BEFORE INSERT ON observation_amendment
BEGIN
    SELECT CASE
        WHEN (SELECT s.signed_utc FROM observation o JOIN session s ON s.id = o.session_id
              WHERE o.id = NEW.observation_id) IS NULL
            THEN RAISE(ABORT, 'observation_amendment: the rating is not in a signed visit; edit it instead')
        WHEN NEW.original_value IS NOT (
                SELECT CASE NEW.field
                    WHEN 'pain' THEN CAST(o.pain AS TEXT)
                    WHEN 'kind' THEN o.kind
                    WHEN 'notes' THEN o.notes
                    WHEN 'symptoms' THEN (
                        SELECT json_group_array(code) FROM (
                            SELECT y.code AS code FROM observation_symptom os
                            JOIN symptom y ON y.id = os.symptom_id
                            WHERE os.observation_id = o.id ORDER BY y.code))
                    WHEN 'referrals' THEN (
                        SELECT json_group_array(region_code) FROM (
                            SELECT region_code FROM observation_referral
                            WHERE observation_id = o.id ORDER BY region_code))
                END
                FROM observation o WHERE o.id = NEW.observation_id)
            THEN RAISE(ABORT, 'observation_amendment.original_value: not the value the rating holds now')
        WHEN NEW.new_value IS NEW.original_value
            THEN RAISE(ABORT, 'observation_amendment.new_value: the same as the value now')
        WHEN NEW.new_value IS NULL
            THEN RAISE(ABORT, 'observation_amendment.new_value: a rating''s field cannot be left empty')
        WHEN NEW.field = 'pain' AND NOT (NEW.new_value GLOB '[0-9]' OR NEW.new_value = '10')
            THEN RAISE(ABORT, 'observation_amendment.new_value: pain is a whole number from 0 to 10')
        WHEN NEW.field = 'kind' AND NEW.new_value NOT IN ('active_trigger_point',
                 'latent_trigger_point', 'tension', 'adhesion', 'spasm')
            THEN RAISE(ABORT, 'observation_amendment.new_value: not a kind of knot')
        WHEN NEW.field IN ('symptoms', 'referrals')
             AND (NOT json_valid(NEW.new_value) OR json_type(NEW.new_value) <> 'array')
            THEN RAISE(ABORT, 'observation_amendment.new_value: a JSON array of codes')
        WHEN NEW.field IN ('symptoms', 'referrals')
             AND EXISTS (SELECT 1 FROM json_each(NEW.new_value)
                         WHERE type <> 'text' OR length(value) = 0)
            THEN RAISE(ABORT, 'observation_amendment.new_value: a JSON array of codes')
        WHEN NEW.field = 'symptoms'
             AND EXISTS (SELECT 1 FROM json_each(NEW.new_value)
                         WHERE value NOT IN (SELECT code FROM symptom))
            THEN RAISE(ABORT, 'observation_amendment.new_value: a symptom code that is not in the vocabulary')
        WHEN instr(CAST(NEW.new_value AS BLOB), X'00') > 0
             OR NEW.new_value GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
             OR NEW.author GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
             OR NEW.reason GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'observation_amendment: a control character other than tab, LF or CR')
    END;
END;

CREATE TRIGGER observation_amendment_applies AFTER INSERT ON observation_amendment
BEGIN
    UPDATE observation SET pain = CAST(NEW.new_value AS INTEGER)
    WHERE NEW.field = 'pain' AND id = NEW.observation_id;
    UPDATE observation SET kind = NEW.new_value
    WHERE NEW.field = 'kind' AND id = NEW.observation_id;
    UPDATE observation SET notes = NEW.new_value
    WHERE NEW.field = 'notes' AND id = NEW.observation_id;

    DELETE FROM observation_symptom
    WHERE NEW.field = 'symptoms' AND observation_id = NEW.observation_id
      AND (SELECT code FROM symptom WHERE id = symptom_id) NOT IN (
              SELECT value FROM json_each(
                  CASE WHEN NEW.field = 'symptoms' THEN NEW.new_value ELSE '[]' END));
    INSERT INTO observation_symptom (observation_id, symptom_id)
    SELECT NEW.observation_id, y.id
    FROM json_each(CASE WHEN NEW.field = 'symptoms' THEN NEW.new_value ELSE '[]' END) j
    JOIN symptom y ON y.code = j.value
    WHERE y.id NOT IN (SELECT symptom_id FROM observation_symptom
                       WHERE observation_id = NEW.observation_id);

    DELETE FROM observation_referral
    WHERE NEW.field = 'referrals' AND observation_id = NEW.observation_id
      AND region_code NOT IN (
              SELECT value FROM json_each(
                  CASE WHEN NEW.field = 'referrals' THEN NEW.new_value ELSE '[]' END));
    INSERT INTO observation_referral (observation_id, region_code)
    SELECT DISTINCT NEW.observation_id, j.value
    FROM json_each(CASE WHEN NEW.field = 'referrals' THEN NEW.new_value ELSE '[]' END) j
    WHERE j.value NOT IN (SELECT region_code FROM observation_referral
                          WHERE observation_id = NEW.observation_id);
END;

CREATE TRIGGER observation_amendment_is_append_only BEFORE UPDATE ON observation_amendment
BEGIN
    SELECT RAISE(ABORT, 'observation_amendment: amendments cannot be edited');
END;

CREATE TRIGGER observation_amendment_delete BEFORE DELETE ON observation_amendment
WHEN (SELECT id FROM observation WHERE id = OLD.observation_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'observation_amendment: amendments cannot be deleted');
END;

-- ---------------------------------------------------------------------------
-- Treatment amendments: checked, then applied
-- ---------------------------------------------------------------------------

CREATE TRIGGER treatment_amendment_checks BEFORE INSERT ON treatment_amendment
BEGIN
    SELECT CASE
        WHEN (SELECT s.signed_utc FROM treatment t JOIN session s ON s.id = t.session_id
              WHERE t.id = NEW.treatment_id) IS NULL
            THEN RAISE(ABORT, 'treatment_amendment: the treatment is not in a signed visit; edit it instead')
        WHEN NEW.original_value IS NOT (
                SELECT CASE NEW.field
                    WHEN 'kind' THEN (SELECT code FROM treatment_kind WHERE id = t.kind_id)
                    WHEN 'minutes' THEN CAST(t.minutes AS TEXT)
                    WHEN 'intensity' THEN t.intensity
                    WHEN 'pain_before' THEN CAST(t.pain_before AS TEXT)
                    WHEN 'pain_after' THEN CAST(t.pain_after AS TEXT)
                    WHEN 'medication' THEN t.medication
                    WHEN 'notes' THEN t.notes
                END
                FROM treatment t WHERE t.id = NEW.treatment_id)
            THEN RAISE(ABORT, 'treatment_amendment.original_value: not the value the treatment holds now')
        WHEN NEW.new_value IS NEW.original_value
            THEN RAISE(ABORT, 'treatment_amendment.new_value: the same as the value now')
        WHEN NEW.new_value IS NULL AND NEW.field IN ('kind', 'medication', 'notes')
            THEN RAISE(ABORT, 'treatment_amendment.new_value: this field cannot be left empty')
        WHEN NEW.field = 'kind'
             AND NEW.new_value NOT IN (SELECT code FROM treatment_kind)
            THEN RAISE(ABORT, 'treatment_amendment.new_value: a treatment kind that is not in the vocabulary')
        WHEN NEW.field = 'minutes' AND NEW.new_value IS NOT NULL
             AND (NEW.new_value = '' OR NEW.new_value GLOB '*[^0-9]*'
                  OR length(NEW.new_value) > 6)
            THEN RAISE(ABORT, 'treatment_amendment.new_value: minutes are a whole number')
        WHEN NEW.field = 'intensity' AND NEW.new_value IS NOT NULL
             AND NEW.new_value NOT IN ('light', 'medium', 'firm', 'deep')
            THEN RAISE(ABORT, 'treatment_amendment.new_value: not an intensity')
        WHEN NEW.field IN ('pain_before', 'pain_after') AND NEW.new_value IS NOT NULL
             AND NOT (NEW.new_value GLOB '[0-9]' OR NEW.new_value = '10')
            THEN RAISE(ABORT, 'treatment_amendment.new_value: pain is a whole number from 0 to 10')
        WHEN instr(CAST(NEW.new_value AS BLOB), X'00') > 0
             OR NEW.new_value GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
             OR NEW.author GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
             OR NEW.reason GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'treatment_amendment: a control character other than tab, LF or CR')
    END;
END;

CREATE TRIGGER treatment_amendment_applies AFTER INSERT ON treatment_amendment
BEGIN
    UPDATE treatment SET kind_id = (SELECT id FROM treatment_kind WHERE code = NEW.new_value)
    WHERE NEW.field = 'kind' AND id = NEW.treatment_id;
    UPDATE treatment SET minutes = CAST(NEW.new_value AS INTEGER)
    WHERE NEW.field = 'minutes' AND id = NEW.treatment_id;
    UPDATE treatment SET intensity = NEW.new_value
    WHERE NEW.field = 'intensity' AND id = NEW.treatment_id;
    UPDATE treatment SET pain_before = CAST(NEW.new_value AS INTEGER)
    WHERE NEW.field = 'pain_before' AND id = NEW.treatment_id;
    UPDATE treatment SET pain_after = CAST(NEW.new_value AS INTEGER)
    WHERE NEW.field = 'pain_after' AND id = NEW.treatment_id;
    UPDATE treatment SET medication = NEW.new_value
    WHERE NEW.field = 'medication' AND id = NEW.treatment_id;
    UPDATE treatment SET notes = NEW.new_value
    WHERE NEW.field = 'notes' AND id = NEW.treatment_id;
END;

CREATE TRIGGER treatment_amendment_is_append_only BEFORE UPDATE ON treatment_amendment
BEGIN
    SELECT RAISE(ABORT, 'treatment_amendment: amendments cannot be edited');
END;

CREATE TRIGGER treatment_amendment_delete BEFORE DELETE ON treatment_amendment
WHEN (SELECT id FROM treatment WHERE id = OLD.treatment_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'treatment_amendment: amendments cannot be deleted');
END;
