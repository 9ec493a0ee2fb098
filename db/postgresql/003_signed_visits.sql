-- Knotmap's PostgreSQL schema, version 3: the rules of a signed visit, from
-- db/sqlite/001 (same client), 003 (signing) and 005 (a signed visit is
-- read-only as a whole), with SQLite's messages word for word. 004 adds the
-- amendments that correct a signed visit.
--
-- A signed visit is a clinical record: its fields, triggers (causes),
-- ratings with their symptoms and referred regions, treatments, and the place
-- of every knot it rated no longer change, whatever program writes. It is not
-- deleted on its own; deleting its whole client still deletes it, which is a
-- deliberate act on the client, not a quiet edit of one record. During that
-- cascade each guard finds the client (or the session, or the rating) gone
-- and lets the row go: PostgreSQL runs a cascade after the parent row is
-- deleted, as SQLite does.
--
-- A rating's or a treatment's amendment (004) changes its row; the guards
-- here let a change of a field through only when it is exactly what the
-- latest amendment of that field of that rating or treatment says, which the
-- apply trigger has just inserted. (SQLite's guards look at the table's
-- latest amendment: with concurrent writers that may be another session's,
-- and in a several-row INSERT PostgreSQL applies the rows only once all are
-- inserted.)
--
-- Where SQLite fires several BEFORE triggers on one event it fires the newest
-- first; PostgreSQL fires them in name order, so observation_1_signed_insert,
-- observation_2_text_insert (002) and observation_3_same_client keep
-- SQLite's order (likewise for treatment, and session_1/_2 on UPDATE).

-- ---------------------------------------------------------------------------
-- A knot and the session it is observed or treated in belong to one client
-- ---------------------------------------------------------------------------

CREATE FUNCTION observation_same_client() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT client_id FROM knot WHERE id = NEW.knot_id)
       IS DISTINCT FROM (SELECT client_id FROM session WHERE id = NEW.session_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'observation: knot and session belong to different clients';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER observation_3_same_client BEFORE INSERT ON observation
    FOR EACH ROW EXECUTE FUNCTION observation_same_client();
CREATE TRIGGER observation_3_same_client_update BEFORE UPDATE OF session_id, knot_id
    ON observation FOR EACH ROW EXECUTE FUNCTION observation_same_client();

CREATE FUNCTION treatment_same_client() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT client_id FROM knot WHERE id = NEW.knot_id)
       IS DISTINCT FROM (SELECT client_id FROM session WHERE id = NEW.session_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'treatment: knot and session belong to different clients';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER treatment_3_same_client BEFORE INSERT ON treatment
    FOR EACH ROW WHEN (NEW.knot_id IS NOT NULL) EXECUTE FUNCTION treatment_same_client();
CREATE TRIGGER treatment_3_same_client_update BEFORE UPDATE OF session_id, knot_id
    ON treatment FOR EACH ROW WHEN (NEW.knot_id IS NOT NULL)
    EXECUTE FUNCTION treatment_same_client();

-- ---------------------------------------------------------------------------
-- Sessions
-- ---------------------------------------------------------------------------

-- Once signed, nothing that makes up the record may change, and it cannot be
-- unsigned. Signing itself (NULL -> set) is allowed.
CREATE FUNCTION session_signed_is_read_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.signed_utc, NEW.signed_by, NEW.client_id, NEW.started_utc, NEW.utc_offset_min,
        NEW.kind, NEW.overall_pain, NEW.stress, NEW.sleep, NEW.therapist, NEW.subjective,
        NEW.objective, NEW.assessment, NEW.plan, NEW.notes)
       IS DISTINCT FROM
       (OLD.signed_utc, OLD.signed_by, OLD.client_id, OLD.started_utc, OLD.utc_offset_min,
        OLD.kind, OLD.overall_pain, OLD.stress, OLD.sleep, OLD.therapist, OLD.subjective,
        OLD.objective, OLD.assessment, OLD.plan, OLD.notes) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'session: a signed visit cannot be changed; add an amendment instead';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER session_2_signed_is_read_only BEFORE UPDATE ON session
    FOR EACH ROW WHEN (OLD.signed_utc IS NOT NULL)
    EXECUTE FUNCTION session_signed_is_read_only();

CREATE FUNCTION session_signed_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM client WHERE id = OLD.client_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'session: a signed visit cannot be deleted; add an amendment instead';
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER session_signed_delete BEFORE DELETE ON session
    FOR EACH ROW WHEN (OLD.signed_utc IS NOT NULL) EXECUTE FUNCTION session_signed_delete();

-- The triggers (causes) of a signed session are part of the record too. As in
-- SQLite, only adding and removing them is guarded (not an UPDATE of a row).
CREATE FUNCTION session_trigger_signed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    visit bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
BEGIN
    IF (SELECT signed_utc FROM session WHERE id = visit) IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'session: a signed visit cannot be changed; add an amendment instead';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER session_trigger_signed_insert BEFORE INSERT ON session_trigger
    FOR EACH ROW EXECUTE FUNCTION session_trigger_signed();
CREATE TRIGGER session_trigger_signed_delete BEFORE DELETE ON session_trigger
    FOR EACH ROW EXECUTE FUNCTION session_trigger_signed();

-- ---------------------------------------------------------------------------
-- Ratings of a signed visit
-- ---------------------------------------------------------------------------

-- The codes of a symptoms or referrals amendment's value: a JSON array of
-- non-empty strings, or NULL when the text is anything else.
CREATE FUNCTION knotmap_json_codes(value text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
    parsed json;
    codes text[];
    all_codes boolean;
BEGIN
    parsed := value::json;
    IF json_typeof(parsed) IS DISTINCT FROM 'array' THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(array_agg(item #>> '{}' ORDER BY n), '{}'),
           coalesce(bool_and(json_typeof(item) = 'string' AND item #>> '{}' <> ''), true)
      INTO codes, all_codes
      FROM json_array_elements(parsed) WITH ORDINALITY AS element(item, n);
    RETURN CASE WHEN all_codes THEN codes END;
EXCEPTION
    -- Not JSON, or a string holding \u0000, which text cannot hold.
    WHEN invalid_text_representation OR untranslatable_character THEN
        RETURN NULL;
END
$$;

CREATE FUNCTION observation_signed_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT signed_utc FROM session WHERE id = NEW.session_id) IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'observation: a signed visit cannot be changed; add an amendment instead';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER observation_1_signed_insert BEFORE INSERT ON observation
    FOR EACH ROW EXECUTE FUNCTION observation_signed_insert();

-- Deleting the whole client (its knots and sessions cascade, in either order)
-- finds the client gone and lets the rows go with it.
CREATE FUNCTION observation_signed_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT s.signed_utc FROM session s JOIN client c ON c.id = s.client_id
        WHERE s.id = OLD.session_id) IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'observation: a signed visit cannot be changed; add an amendment instead';
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER observation_signed_delete BEFORE DELETE ON observation
    FOR EACH ROW EXECUTE FUNCTION observation_signed_delete();

-- Whether the latest amendment of `field_name` of a rating sets it to
-- `wanted` (IS NOT DISTINCT FROM: the checks never let a rating's amendment
-- hold NULL, so it matches SQLite's = there).
CREATE FUNCTION observation_amended_to(rating_id bigint, field_name text, wanted text)
    RETURNS boolean LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN EXISTS (
        SELECT 1 FROM observation_amendment a
        WHERE a.id = (SELECT max(b.id) FROM observation_amendment b
                      WHERE b.observation_id = rating_id AND b.field = field_name)
          AND a.new_value IS NOT DISTINCT FROM wanted);
END
$$;

CREATE FUNCTION observation_signed_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT signed_utc FROM session WHERE id = OLD.session_id) IS NULL
       AND (SELECT signed_utc FROM session WHERE id = NEW.session_id) IS NULL THEN
        RETURN NEW;
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.session_id IS DISTINCT FROM OLD.session_id
       OR NEW.knot_id IS DISTINCT FROM OLD.knot_id
       OR (NEW.pain IS DISTINCT FROM OLD.pain
           AND NOT observation_amended_to(OLD.id, 'pain', CAST(NEW.pain AS text)))
       OR (NEW.kind IS DISTINCT FROM OLD.kind
           AND NOT observation_amended_to(OLD.id, 'kind', NEW.kind))
       OR (NEW.notes IS DISTINCT FROM OLD.notes
           AND NOT observation_amended_to(OLD.id, 'notes', NEW.notes)) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'observation: a signed visit cannot be changed; add an amendment instead';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER observation_1_signed_update BEFORE UPDATE ON observation
    FOR EACH ROW EXECUTE FUNCTION observation_signed_update();

-- The codes that the latest amendment of `field_name` ('symptoms' or
-- 'referrals') of a rating sets; NULL when there is none. The apply trigger's
-- own inserts and deletes of symptoms and referred regions pass by them.
CREATE FUNCTION observation_amended_codes(rating_id bigint, field_name text) RETURNS text[]
    LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN knotmap_json_codes(
        (SELECT a.new_value FROM observation_amendment a
         WHERE a.id = (SELECT max(b.id) FROM observation_amendment b
                       WHERE b.observation_id = rating_id AND b.field = field_name)));
END
$$;

-- An UPDATE is refused when the rating before or after it is in a signed
-- visit. (SQLite 005 looks at only one of the two; see
-- docs/database-postgresql-notes.md.)
CREATE FUNCTION observation_symptom_signed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    -- Whether the rating before and after the change is in a signed visit.
    signed_old boolean := TG_OP <> 'INSERT' AND EXISTS (
        SELECT 1 FROM observation o JOIN session s ON s.id = o.session_id
        WHERE o.id = OLD.observation_id AND s.signed_utc IS NOT NULL);
    signed_new boolean := TG_OP <> 'DELETE' AND EXISTS (
        SELECT 1 FROM observation o JOIN session s ON s.id = o.session_id
        WHERE o.id = NEW.observation_id AND s.signed_utc IS NOT NULL);
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF signed_new
           AND ((SELECT code FROM symptom WHERE id = NEW.symptom_id)
                = ANY (observation_amended_codes(NEW.observation_id, 'symptoms'))) IS NOT TRUE
        THEN
            RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
                MESSAGE = 'observation: a signed visit cannot be changed; add an amendment instead';
        END IF;
        RETURN NEW;
    ELSIF TG_OP = 'DELETE' THEN
        IF signed_old
           AND ((SELECT code FROM symptom WHERE id = OLD.symptom_id)
                <> ALL (observation_amended_codes(OLD.observation_id, 'symptoms'))) IS NOT TRUE
        THEN
            RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
                MESSAGE = 'observation: a signed visit cannot be changed; add an amendment instead';
        END IF;
        RETURN OLD;
    END IF;
    IF signed_old OR signed_new THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'observation: a signed visit cannot be changed; add an amendment instead';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER observation_symptom_signed_insert BEFORE INSERT ON observation_symptom
    FOR EACH ROW EXECUTE FUNCTION observation_symptom_signed();
CREATE TRIGGER observation_symptom_signed_delete BEFORE DELETE ON observation_symptom
    FOR EACH ROW EXECUTE FUNCTION observation_symptom_signed();
CREATE TRIGGER observation_symptom_signed_update BEFORE UPDATE ON observation_symptom
    FOR EACH ROW EXECUTE FUNCTION observation_symptom_signed();

CREATE FUNCTION observation_referral_signed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    -- Whether the rating before and after the change is in a signed visit.
    signed_old boolean := TG_OP <> 'INSERT' AND EXISTS (
        SELECT 1 FROM observation o JOIN session s ON s.id = o.session_id
        WHERE o.id = OLD.observation_id AND s.signed_utc IS NOT NULL);
    signed_new boolean := TG_OP <> 'DELETE' AND EXISTS (
        SELECT 1 FROM observation o JOIN session s ON s.id = o.session_id
        WHERE o.id = NEW.observation_id AND s.signed_utc IS NOT NULL);
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF signed_new
           AND (NEW.region_code
                = ANY (observation_amended_codes(NEW.observation_id, 'referrals'))) IS NOT TRUE
        THEN
            RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
                MESSAGE = 'observation: a signed visit cannot be changed; add an amendment instead';
        END IF;
        RETURN NEW;
    ELSIF TG_OP = 'DELETE' THEN
        IF signed_old
           AND (OLD.region_code
                <> ALL (observation_amended_codes(OLD.observation_id, 'referrals'))) IS NOT TRUE
        THEN
            RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
                MESSAGE = 'observation: a signed visit cannot be changed; add an amendment instead';
        END IF;
        RETURN OLD;
    END IF;
    IF signed_old OR signed_new THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'observation: a signed visit cannot be changed; add an amendment instead';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER observation_referral_signed_insert BEFORE INSERT ON observation_referral
    FOR EACH ROW EXECUTE FUNCTION observation_referral_signed();
CREATE TRIGGER observation_referral_signed_delete BEFORE DELETE ON observation_referral
    FOR EACH ROW EXECUTE FUNCTION observation_referral_signed();
CREATE TRIGGER observation_referral_signed_update BEFORE UPDATE ON observation_referral
    FOR EACH ROW EXECUTE FUNCTION observation_referral_signed();

-- A knot rated in a signed visit keeps its place: moving it would move that
-- visit's finding. Its label and status (active, resolved) are the knot's
-- state today, not part of any visit, and stay editable.
CREATE FUNCTION knot_signed_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.client_id, NEW.view, NEW.x, NEW.y, NEW.region_code)
       IS DISTINCT FROM (OLD.client_id, OLD.view, OLD.x, OLD.y, OLD.region_code)
       AND EXISTS (SELECT 1 FROM observation o JOIN session s ON s.id = o.session_id
                   WHERE o.knot_id = OLD.id AND s.signed_utc IS NOT NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'knot: a knot rated in a signed visit keeps its place';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER knot_signed_place BEFORE UPDATE OF client_id, view, x, y, region_code ON knot
    FOR EACH ROW EXECUTE FUNCTION knot_signed_place();

-- Deleting a knot rated or treated in a signed visit is refused by the guards
-- of the rows it cascades to. SQLite cascades to the knot's treatments before
-- its ratings, PostgreSQL the other way round; this check comes first and
-- names the table SQLite would name. (A client's deletion finds the client
-- gone, as the guards do.)
CREATE FUNCTION knot_signed_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM treatment t JOIN session s ON s.id = t.session_id
               JOIN client c ON c.id = s.client_id
               WHERE t.knot_id = OLD.id AND s.signed_utc IS NOT NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'treatment: a signed visit cannot be changed; add an amendment instead';
    END IF;
    IF EXISTS (SELECT 1 FROM observation o JOIN session s ON s.id = o.session_id
               JOIN client c ON c.id = s.client_id
               WHERE o.knot_id = OLD.id AND s.signed_utc IS NOT NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'observation: a signed visit cannot be changed; add an amendment instead';
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER knot_signed_delete BEFORE DELETE ON knot
    FOR EACH ROW EXECUTE FUNCTION knot_signed_delete();

-- ---------------------------------------------------------------------------
-- Treatments of a signed visit
-- ---------------------------------------------------------------------------

CREATE FUNCTION treatment_signed_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT signed_utc FROM session WHERE id = NEW.session_id) IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'treatment: a signed visit cannot be changed; add an amendment instead';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER treatment_1_signed_insert BEFORE INSERT ON treatment
    FOR EACH ROW EXECUTE FUNCTION treatment_signed_insert();

CREATE FUNCTION treatment_signed_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT s.signed_utc FROM session s JOIN client c ON c.id = s.client_id
        WHERE s.id = OLD.session_id) IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'treatment: a signed visit cannot be changed; add an amendment instead';
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER treatment_signed_delete BEFORE DELETE ON treatment
    FOR EACH ROW EXECUTE FUNCTION treatment_signed_delete();

-- Whether the latest amendment of `field_name` of a treatment sets it to
-- `wanted`; NULL matches NULL (minutes, intensity and pains may be emptied;
-- the other fields' amendments are never NULL, as SQLite's = assumes).
CREATE FUNCTION treatment_amended_to(treatment_key bigint, field_name text, wanted text)
    RETURNS boolean LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN EXISTS (
        SELECT 1 FROM treatment_amendment a
        WHERE a.id = (SELECT max(b.id) FROM treatment_amendment b
                      WHERE b.treatment_id = treatment_key
                        AND b.field = field_name)
          AND a.new_value IS NOT DISTINCT FROM wanted);
END
$$;

CREATE FUNCTION treatment_signed_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT signed_utc FROM session WHERE id = OLD.session_id) IS NULL
       AND (SELECT signed_utc FROM session WHERE id = NEW.session_id) IS NULL THEN
        RETURN NEW;
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.session_id IS DISTINCT FROM OLD.session_id
       OR NEW.knot_id IS DISTINCT FROM OLD.knot_id
       OR (NEW.kind_id IS DISTINCT FROM OLD.kind_id
           AND NOT treatment_amended_to(OLD.id, 'kind',
                                        (SELECT code FROM treatment_kind WHERE id = NEW.kind_id)))
       OR (NEW.minutes IS DISTINCT FROM OLD.minutes
           AND NOT treatment_amended_to(OLD.id, 'minutes', CAST(NEW.minutes AS text)))
       OR (NEW.intensity IS DISTINCT FROM OLD.intensity
           AND NOT treatment_amended_to(OLD.id, 'intensity', NEW.intensity))
       OR (NEW.pain_before IS DISTINCT FROM OLD.pain_before
           AND NOT treatment_amended_to(OLD.id, 'pain_before', CAST(NEW.pain_before AS text)))
       OR (NEW.pain_after IS DISTINCT FROM OLD.pain_after
           AND NOT treatment_amended_to(OLD.id, 'pain_after', CAST(NEW.pain_after AS text)))
       OR (NEW.medication IS DISTINCT FROM OLD.medication
           AND NOT treatment_amended_to(OLD.id, 'medication', NEW.medication))
       OR (NEW.notes IS DISTINCT FROM OLD.notes
           AND NOT treatment_amended_to(OLD.id, 'notes', NEW.notes)) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'treatment: a signed visit cannot be changed; add an amendment instead';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER treatment_1_signed_update BEFORE UPDATE ON treatment
    FOR EACH ROW EXECUTE FUNCTION treatment_signed_update();

-- ---------------------------------------------------------------------------
-- TRUNCATE, which SQLite does not have, skips row triggers: it is refused on
-- a table that a signed visit's record lives in while any visit is signed.
-- (DELETE FROM client still removes clients with their signed visits.)
-- ---------------------------------------------------------------------------

CREATE FUNCTION signed_visit_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM session WHERE signed_utc IS NOT NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = CASE TG_TABLE_NAME
            WHEN 'session' THEN 'session: a signed visit cannot be deleted; add an amendment instead'
            WHEN 'session_trigger' THEN
                'session: a signed visit cannot be changed; add an amendment instead'
            WHEN 'observation_symptom' THEN
                'observation: a signed visit cannot be changed; add an amendment instead'
            WHEN 'observation_referral' THEN
                'observation: a signed visit cannot be changed; add an amendment instead'
            WHEN 'observation' THEN
                'observation: a signed visit cannot be changed; add an amendment instead'
            WHEN 'treatment' THEN
                'treatment: a signed visit cannot be changed; add an amendment instead'
            ELSE TG_TABLE_NAME || ': amendments cannot be deleted'
        END;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER session_truncate BEFORE TRUNCATE ON session
    FOR EACH STATEMENT EXECUTE FUNCTION signed_visit_truncate();
CREATE TRIGGER session_trigger_truncate BEFORE TRUNCATE ON session_trigger
    FOR EACH STATEMENT EXECUTE FUNCTION signed_visit_truncate();
CREATE TRIGGER observation_truncate BEFORE TRUNCATE ON observation
    FOR EACH STATEMENT EXECUTE FUNCTION signed_visit_truncate();
CREATE TRIGGER observation_symptom_truncate BEFORE TRUNCATE ON observation_symptom
    FOR EACH STATEMENT EXECUTE FUNCTION signed_visit_truncate();
CREATE TRIGGER observation_referral_truncate BEFORE TRUNCATE ON observation_referral
    FOR EACH STATEMENT EXECUTE FUNCTION signed_visit_truncate();
CREATE TRIGGER treatment_truncate BEFORE TRUNCATE ON treatment
    FOR EACH STATEMENT EXECUTE FUNCTION signed_visit_truncate();
CREATE TRIGGER session_amendment_truncate BEFORE TRUNCATE ON session_amendment
    FOR EACH STATEMENT EXECUTE FUNCTION signed_visit_truncate();
CREATE TRIGGER observation_amendment_truncate BEFORE TRUNCATE ON observation_amendment
    FOR EACH STATEMENT EXECUTE FUNCTION signed_visit_truncate();
CREATE TRIGGER treatment_amendment_truncate BEFORE TRUNCATE ON treatment_amendment
    FOR EACH STATEMENT EXECUTE FUNCTION signed_visit_truncate();
