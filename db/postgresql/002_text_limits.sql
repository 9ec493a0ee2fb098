-- Knotmap's PostgreSQL schema, version 2: limits on every text field, as
-- db/sqlite/004_text_limits.sql, so that the database holds nothing that
-- `knotmap export` could write but `knotmap import` could not read back
-- (docs/csv-format.md, "Limits"). The messages are SQLite's, word for word:
-- the window shows them and the tests compare them.
--
-- Lengths are in bytes of UTF-8: names and labels 256, codes 320, notes and
-- other free text 1 MiB. No text may hold a control character (U+0001-U+001F
-- and U+007F-U+009F) other than tab, LF and CR; PostgreSQL text cannot hold
-- U+0000 at all. A vocabulary code may not hold ';', which separates codes in
-- CSV lists. An UPDATE only checks a value it changes, as in SQLite.
--
-- Where SQLite fires several BEFORE triggers on one event it fires the newest
-- first; PostgreSQL fires them in name order. Names with a digit after the
-- table (session_1_..., observation_2_...) keep SQLite's order where the
-- plain names would not: the first failing rule gives the message.

-- Refuses `value` for the column called `field` ('client.name') when it is
-- longer than max_bytes or holds a control character other than tab, LF, CR.
CREATE FUNCTION knotmap_check_text(field text, value text, max_bytes integer) RETURNS void
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
    IF octet_length(value) > max_bytes THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = field || ': longer than '
            || CASE WHEN max_bytes = 1048576 THEN '1 MiB (1048576 bytes)'
                    ELSE max_bytes || ' bytes' END;
    END IF;
    IF value ~ E'[\\u0001-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]' THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = field || ': a control character other than tab, LF or CR';
    END IF;
END
$$;

-- Each function below serves its table's INSERT and UPDATE triggers; on
-- INSERT, OLD is NULL and every value is checked.

CREATE FUNCTION client_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.name IS DISTINCT FROM OLD.name THEN
        PERFORM knotmap_check_text('client.name', NEW.name, 256);
    END IF;
    IF TG_OP = 'INSERT' OR NEW.notes IS DISTINCT FROM OLD.notes THEN
        PERFORM knotmap_check_text('client.notes', NEW.notes, 1048576);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER client_text_insert BEFORE INSERT ON client
    FOR EACH ROW EXECUTE FUNCTION client_text();
CREATE TRIGGER client_text_update BEFORE UPDATE OF name, notes ON client
    FOR EACH ROW EXECUTE FUNCTION client_text();

-- symptom, treatment_kind and trigger_cause: the table's name starts the message.
CREATE FUNCTION vocabulary_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.code IS DISTINCT FROM OLD.code THEN
        PERFORM knotmap_check_text(TG_TABLE_NAME || '.code', NEW.code, 320);
        IF strpos(NEW.code, ';') > 0 THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = TG_TABLE_NAME
                || '.code: a semicolon (CSV lists codes separated by ;)';
        END IF;
    END IF;
    IF TG_OP = 'INSERT' OR NEW.name IS DISTINCT FROM OLD.name THEN
        PERFORM knotmap_check_text(TG_TABLE_NAME || '.name', NEW.name, 256);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER symptom_text_insert BEFORE INSERT ON symptom
    FOR EACH ROW EXECUTE FUNCTION vocabulary_text();
CREATE TRIGGER symptom_text_update BEFORE UPDATE OF code, name ON symptom
    FOR EACH ROW EXECUTE FUNCTION vocabulary_text();
CREATE TRIGGER treatment_kind_text_insert BEFORE INSERT ON treatment_kind
    FOR EACH ROW EXECUTE FUNCTION vocabulary_text();
CREATE TRIGGER treatment_kind_text_update BEFORE UPDATE OF code, name ON treatment_kind
    FOR EACH ROW EXECUTE FUNCTION vocabulary_text();
CREATE TRIGGER trigger_cause_text_insert BEFORE INSERT ON trigger_cause
    FOR EACH ROW EXECUTE FUNCTION vocabulary_text();
CREATE TRIGGER trigger_cause_text_update BEFORE UPDATE OF code, name ON trigger_cause
    FOR EACH ROW EXECUTE FUNCTION vocabulary_text();

CREATE FUNCTION session_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.therapist IS DISTINCT FROM OLD.therapist THEN
        PERFORM knotmap_check_text('session.therapist', NEW.therapist, 256);
    END IF;
    IF TG_OP = 'INSERT' OR NEW.subjective IS DISTINCT FROM OLD.subjective THEN
        PERFORM knotmap_check_text('session.subjective', NEW.subjective, 1048576);
    END IF;
    IF TG_OP = 'INSERT' OR NEW.objective IS DISTINCT FROM OLD.objective THEN
        PERFORM knotmap_check_text('session.objective', NEW.objective, 1048576);
    END IF;
    IF TG_OP = 'INSERT' OR NEW.assessment IS DISTINCT FROM OLD.assessment THEN
        PERFORM knotmap_check_text('session.assessment', NEW.assessment, 1048576);
    END IF;
    IF TG_OP = 'INSERT' OR NEW.plan IS DISTINCT FROM OLD.plan THEN
        PERFORM knotmap_check_text('session.plan', NEW.plan, 1048576);
    END IF;
    IF TG_OP = 'INSERT' OR NEW.notes IS DISTINCT FROM OLD.notes THEN
        PERFORM knotmap_check_text('session.notes', NEW.notes, 1048576);
    END IF;
    IF TG_OP = 'INSERT' OR NEW.signed_by IS DISTINCT FROM OLD.signed_by THEN
        PERFORM knotmap_check_text('session.signed_by', NEW.signed_by, 256);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER session_text_insert BEFORE INSERT ON session
    FOR EACH ROW EXECUTE FUNCTION session_text();
-- Before session_2_signed_is_read_only (003), as in SQLite.
CREATE TRIGGER session_1_text_update BEFORE UPDATE
    OF therapist, subjective, objective, assessment, plan, notes, signed_by ON session
    FOR EACH ROW EXECUTE FUNCTION session_text();

CREATE FUNCTION knot_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.region_code IS DISTINCT FROM OLD.region_code THEN
        PERFORM knotmap_check_text('knot.region_code', NEW.region_code, 320);
    END IF;
    IF TG_OP = 'INSERT' OR NEW.label IS DISTINCT FROM OLD.label THEN
        PERFORM knotmap_check_text('knot.label', NEW.label, 256);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER knot_text_insert BEFORE INSERT ON knot
    FOR EACH ROW EXECUTE FUNCTION knot_text();
CREATE TRIGGER knot_text_update BEFORE UPDATE OF region_code, label ON knot
    FOR EACH ROW EXECUTE FUNCTION knot_text();

CREATE FUNCTION observation_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.notes IS DISTINCT FROM OLD.notes THEN
        PERFORM knotmap_check_text('observation.notes', NEW.notes, 1048576);
    END IF;
    RETURN NEW;
END
$$;
-- After observation_1_signed_* and before observation_3_same_client* (003).
CREATE TRIGGER observation_2_text_insert BEFORE INSERT ON observation
    FOR EACH ROW EXECUTE FUNCTION observation_text();
CREATE TRIGGER observation_2_text_update BEFORE UPDATE OF notes ON observation
    FOR EACH ROW EXECUTE FUNCTION observation_text();

CREATE FUNCTION observation_referral_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.region_code IS DISTINCT FROM OLD.region_code THEN
        PERFORM knotmap_check_text('observation_referral.region_code', NEW.region_code, 320);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER observation_referral_text_insert BEFORE INSERT ON observation_referral
    FOR EACH ROW EXECUTE FUNCTION observation_referral_text();
CREATE TRIGGER observation_referral_text_update BEFORE UPDATE OF region_code
    ON observation_referral FOR EACH ROW EXECUTE FUNCTION observation_referral_text();

CREATE FUNCTION treatment_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.medication IS DISTINCT FROM OLD.medication THEN
        PERFORM knotmap_check_text('treatment.medication', NEW.medication, 256);
    END IF;
    IF TG_OP = 'INSERT' OR NEW.notes IS DISTINCT FROM OLD.notes THEN
        PERFORM knotmap_check_text('treatment.notes', NEW.notes, 1048576);
    END IF;
    RETURN NEW;
END
$$;
-- After treatment_1_signed_* and before treatment_3_same_client* (003).
CREATE TRIGGER treatment_2_text_insert BEFORE INSERT ON treatment
    FOR EACH ROW EXECUTE FUNCTION treatment_text();
CREATE TRIGGER treatment_2_text_update BEFORE UPDATE OF medication, notes ON treatment
    FOR EACH ROW EXECUTE FUNCTION treatment_text();

-- Amendments are never updated (003), so only their insert is checked here.
CREATE FUNCTION session_amendment_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM knotmap_check_text('session_amendment.original_value', NEW.original_value, 1048576);
    PERFORM knotmap_check_text('session_amendment.new_value', NEW.new_value, 1048576);
    PERFORM knotmap_check_text('session_amendment.author', NEW.author, 256);
    PERFORM knotmap_check_text('session_amendment.reason', NEW.reason, 1048576);
    RETURN NEW;
END
$$;
CREATE TRIGGER session_amendment_text_insert BEFORE INSERT ON session_amendment
    FOR EACH ROW EXECUTE FUNCTION session_amendment_text();
