-- Knotmap's PostgreSQL schema, version 4: amendments, from db/sqlite/003
-- and 005, with SQLite's messages word for word.
--
-- Corrections of a signed visit are amendments: who, when, why, the value
-- before and the value after. They are added, never edited, and never deleted
-- while what they amend exists (deleting the client takes them with it). A
-- session field's amendment is applied when read, and the session row keeps
-- the signed text. A rating's or a treatment's amendment is checked before it
-- is inserted (the original is the value now, the new value is valid) and
-- applied to its row by the AFTER INSERT triggers below, because every chart,
-- export and report reads those rows. 003's guards let exactly that change
-- through.
--
-- Values are text, as the app shows them: pain and minutes as decimal
-- numbers, kinds and intensities as their codes, NULL for "not recorded", and
-- symptoms and referred regions as a JSON array of codes sorted by code.

-- ---------------------------------------------------------------------------
-- Append-only
-- ---------------------------------------------------------------------------

CREATE FUNCTION amendment_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
        MESSAGE = TG_TABLE_NAME || ': amendments cannot be edited';
END
$$;
CREATE TRIGGER session_amendment_is_append_only BEFORE UPDATE ON session_amendment
    FOR EACH ROW EXECUTE FUNCTION amendment_is_append_only();
CREATE TRIGGER observation_amendment_is_append_only BEFORE UPDATE ON observation_amendment
    FOR EACH ROW EXECUTE FUNCTION amendment_is_append_only();
CREATE TRIGGER treatment_amendment_is_append_only BEFORE UPDATE ON treatment_amendment
    FOR EACH ROW EXECUTE FUNCTION amendment_is_append_only();

-- While what they amend exists its amendments stay; when the whole client
-- goes, the cascade finds it gone and lets them go with it. One function per
-- table: PL/pgSQL cannot name a column that OLD lacks, even in a branch not
-- taken.
CREATE FUNCTION session_amendment_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM session WHERE id = OLD.session_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'session_amendment: amendments cannot be deleted';
    END IF;
    RETURN OLD;
END
$$;
CREATE FUNCTION observation_amendment_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM observation WHERE id = OLD.observation_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'observation_amendment: amendments cannot be deleted';
    END IF;
    RETURN OLD;
END
$$;
CREATE FUNCTION treatment_amendment_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM treatment WHERE id = OLD.treatment_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'treatment_amendment: amendments cannot be deleted';
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER session_amendment_delete BEFORE DELETE ON session_amendment
    FOR EACH ROW EXECUTE FUNCTION session_amendment_delete();
CREATE TRIGGER observation_amendment_delete BEFORE DELETE ON observation_amendment
    FOR EACH ROW EXECUTE FUNCTION observation_amendment_delete();
CREATE TRIGGER treatment_amendment_delete BEFORE DELETE ON treatment_amendment
    FOR EACH ROW EXECUTE FUNCTION treatment_amendment_delete();

-- ---------------------------------------------------------------------------
-- Rating amendments: checked, then applied
-- ---------------------------------------------------------------------------

-- The value a rating's field holds now, as amendments record it: pain as a
-- decimal number, symptoms and referred regions as a JSON array of codes in
-- byte order (SQLite's BINARY), as SQLite's 005 computes them.
CREATE FUNCTION observation_field_value(rating bigint, field text) RETURNS text
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT CASE field
               WHEN 'pain' THEN CAST(o.pain AS text)
               WHEN 'kind' THEN o.kind
               WHEN 'notes' THEN o.notes
               WHEN 'symptoms' THEN (
                   SELECT json_group_array(y.code ORDER BY y.code COLLATE "C")
                   FROM observation_symptom os JOIN symptom y ON y.id = os.symptom_id
                   WHERE os.observation_id = o.id)
               WHEN 'referrals' THEN (
                   SELECT json_group_array(r.region_code ORDER BY r.region_code COLLATE "C")
                   FROM observation_referral r WHERE r.observation_id = o.id)
           END
    FROM observation o WHERE o.id = rating;
END;

-- The original must be the value the rating holds now (so the trail reads
-- true from the signed value to today's), and the new one must be valid.
CREATE FUNCTION observation_amendment_checks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    signed bigint;
    codes text[];
BEGIN
    -- The lock makes a second amendment of this rating wait for the first to
    -- commit, then compare with the value it left.
    SELECT s.signed_utc INTO signed FROM observation o JOIN session s ON s.id = o.session_id
    WHERE o.id = NEW.observation_id FOR UPDATE OF o;
    IF signed IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE =
            'observation_amendment: the rating is not in a signed visit; edit it instead';
    END IF;
    IF NEW.original_value IS DISTINCT FROM observation_field_value(NEW.observation_id, NEW.field)
    THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE =
            'observation_amendment.original_value: not the value the rating holds now';
    END IF;
    IF NEW.new_value IS NOT DISTINCT FROM NEW.original_value THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'observation_amendment.new_value: the same as the value now';
    END IF;
    IF NEW.new_value IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'observation_amendment.new_value: a rating''s field cannot be left empty';
    END IF;
    IF NEW.field = 'pain' AND NEW.new_value NOT IN ('0', '1', '2', '3', '4', '5', '6', '7', '8',
                                                   '9', '10') THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE =
            'observation_amendment.new_value: pain is a whole number from 0 to 10';
    END IF;
    IF NEW.field = 'kind' AND NEW.new_value NOT IN ('active_trigger_point',
            'latent_trigger_point', 'tension', 'adhesion', 'spasm') THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'observation_amendment.new_value: not a kind of knot';
    END IF;
    IF NEW.field IN ('symptoms', 'referrals') THEN
        codes := knotmap_json_codes(NEW.new_value);
        IF codes IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation',
                MESSAGE = 'observation_amendment.new_value: a JSON array of codes';
        END IF;
    END IF;
    IF NEW.field = 'symptoms'
       AND EXISTS (SELECT 1 FROM unnest(codes) AS c(code)
                   WHERE c.code NOT IN (SELECT y.code FROM symptom y)) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE =
            'observation_amendment.new_value: a symptom code that is not in the vocabulary';
    END IF;
    IF NEW.new_value ~ E'[\\u0001-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]'
       OR NEW.author ~ E'[\\u0001-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]'
       OR NEW.reason ~ E'[\\u0001-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]' THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'observation_amendment: a control character other than tab, LF or CR';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER observation_amendment_checks BEFORE INSERT ON observation_amendment
    FOR EACH ROW EXECUTE FUNCTION observation_amendment_checks();

-- Runs after its amendment is inserted, so the guards of 003 see it as the
-- latest of its field and let exactly its change through. PostgreSQL runs
-- AFTER ROW triggers once the whole statement has inserted its rows (SQLite
-- after each row), so one INSERT cannot chain two amendments of the same
-- field of one rating: the second one's check still sees the old value.
CREATE FUNCTION observation_amendment_applies() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    codes text[];
BEGIN
    IF NEW.field = 'pain' THEN
        UPDATE observation SET pain = CAST(NEW.new_value AS integer) WHERE id = NEW.observation_id;
    ELSIF NEW.field = 'kind' THEN
        UPDATE observation SET kind = NEW.new_value WHERE id = NEW.observation_id;
    ELSIF NEW.field = 'notes' THEN
        UPDATE observation SET notes = NEW.new_value WHERE id = NEW.observation_id;
    ELSIF NEW.field = 'symptoms' THEN
        codes := knotmap_json_codes(NEW.new_value);
        DELETE FROM observation_symptom
        WHERE observation_id = NEW.observation_id
          AND (SELECT code FROM symptom WHERE id = symptom_id) <> ALL (codes);
        INSERT INTO observation_symptom (observation_id, symptom_id)
        SELECT NEW.observation_id, y.id
        FROM unnest(codes) AS j(value) JOIN symptom y ON y.code = j.value
        WHERE y.id NOT IN (SELECT symptom_id FROM observation_symptom
                           WHERE observation_id = NEW.observation_id);
    ELSIF NEW.field = 'referrals' THEN
        codes := knotmap_json_codes(NEW.new_value);
        DELETE FROM observation_referral
        WHERE observation_id = NEW.observation_id AND region_code <> ALL (codes);
        INSERT INTO observation_referral (observation_id, region_code)
        SELECT DISTINCT NEW.observation_id, j.value
        FROM unnest(codes) AS j(value)
        WHERE j.value NOT IN (SELECT region_code FROM observation_referral
                              WHERE observation_id = NEW.observation_id);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER observation_amendment_applies AFTER INSERT ON observation_amendment
    FOR EACH ROW EXECUTE FUNCTION observation_amendment_applies();

-- ---------------------------------------------------------------------------
-- Treatment amendments: checked, then applied
-- ---------------------------------------------------------------------------

CREATE FUNCTION treatment_field_value(treatment bigint, field text) RETURNS text
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT CASE field
               WHEN 'kind' THEN (SELECT k.code FROM treatment_kind k WHERE k.id = t.kind_id)
               WHEN 'minutes' THEN CAST(t.minutes AS text)
               WHEN 'intensity' THEN t.intensity
               WHEN 'pain_before' THEN CAST(t.pain_before AS text)
               WHEN 'pain_after' THEN CAST(t.pain_after AS text)
               WHEN 'medication' THEN t.medication
               WHEN 'notes' THEN t.notes
           END
    FROM treatment t WHERE t.id = treatment_field_value.treatment;
END;

CREATE FUNCTION treatment_amendment_checks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    signed bigint;
BEGIN
    -- As for ratings: a second amendment of this treatment waits for the first.
    SELECT s.signed_utc INTO signed FROM treatment t JOIN session s ON s.id = t.session_id
    WHERE t.id = NEW.treatment_id FOR UPDATE OF t;
    IF signed IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE =
            'treatment_amendment: the treatment is not in a signed visit; edit it instead';
    END IF;
    IF NEW.original_value IS DISTINCT FROM treatment_field_value(NEW.treatment_id, NEW.field) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE =
            'treatment_amendment.original_value: not the value the treatment holds now';
    END IF;
    IF NEW.new_value IS NOT DISTINCT FROM NEW.original_value THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'treatment_amendment.new_value: the same as the value now';
    END IF;
    IF NEW.new_value IS NULL AND NEW.field IN ('kind', 'medication', 'notes') THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'treatment_amendment.new_value: this field cannot be left empty';
    END IF;
    IF NEW.field = 'kind' AND NEW.new_value NOT IN (SELECT code FROM treatment_kind) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE =
            'treatment_amendment.new_value: a treatment kind that is not in the vocabulary';
    END IF;
    IF NEW.field = 'minutes' AND NEW.new_value IS NOT NULL
       AND (NEW.new_value = '' OR NEW.new_value ~ '[^0-9]' OR char_length(NEW.new_value) > 6) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'treatment_amendment.new_value: minutes are a whole number';
    END IF;
    IF NEW.field = 'intensity' AND NEW.new_value IS NOT NULL
       AND NEW.new_value NOT IN ('light', 'medium', 'firm', 'deep') THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'treatment_amendment.new_value: not an intensity';
    END IF;
    IF NEW.field IN ('pain_before', 'pain_after') AND NEW.new_value IS NOT NULL
       AND NEW.new_value NOT IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10') THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'treatment_amendment.new_value: pain is a whole number from 0 to 10';
    END IF;
    IF NEW.new_value ~ E'[\\u0001-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]'
       OR NEW.author ~ E'[\\u0001-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]'
       OR NEW.reason ~ E'[\\u0001-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]' THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'treatment_amendment: a control character other than tab, LF or CR';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER treatment_amendment_checks BEFORE INSERT ON treatment_amendment
    FOR EACH ROW EXECUTE FUNCTION treatment_amendment_checks();

CREATE FUNCTION treatment_amendment_applies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.field = 'kind' THEN
        UPDATE treatment SET kind_id = (SELECT id FROM treatment_kind WHERE code = NEW.new_value)
        WHERE id = NEW.treatment_id;
    ELSIF NEW.field = 'minutes' THEN
        UPDATE treatment SET minutes = CAST(NEW.new_value AS integer) WHERE id = NEW.treatment_id;
    ELSIF NEW.field = 'intensity' THEN
        UPDATE treatment SET intensity = NEW.new_value WHERE id = NEW.treatment_id;
    ELSIF NEW.field = 'pain_before' THEN
        UPDATE treatment SET pain_before = CAST(NEW.new_value AS integer)
        WHERE id = NEW.treatment_id;
    ELSIF NEW.field = 'pain_after' THEN
        UPDATE treatment SET pain_after = CAST(NEW.new_value AS integer)
        WHERE id = NEW.treatment_id;
    ELSIF NEW.field = 'medication' THEN
        UPDATE treatment SET medication = NEW.new_value WHERE id = NEW.treatment_id;
    ELSIF NEW.field = 'notes' THEN
        UPDATE treatment SET notes = NEW.new_value WHERE id = NEW.treatment_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER treatment_amendment_applies AFTER INSERT ON treatment_amendment
    FOR EACH ROW EXECUTE FUNCTION treatment_amendment_applies();
