-- Knotmap's PostgreSQL schema, version 6: the insert rules of 002 and 003
-- checked once per bulk load instead of once per row. No SQLite counterpart
-- and no rule changes: only how the same rules are checked.
--
-- `knotmap copy` and `knotmap import` write with COPY, up to 20,000 rows a
-- statement (store/sql/postgres/postgres_connection.cpp). Row by row, the
-- PL/pgSQL insert triggers of 002 and 003 cost about 100 s of a 200 s copy of
-- a 200-client, five-year history (1.5 million symptom rows at 35
-- microseconds each, and so on; docs/performance.md, "Into PostgreSQL").
-- One statement-level trigger per table checks all of a statement's rows
-- (its transition table) with set-based queries: the same rules, in the same
-- order, with the same messages. It runs after every insert statement,
-- whatever the connection says. While a connection loads in bulk it sets
-- `knotmap.bulk_load` to 'on' for the transaction, and then the row triggers
-- stand aside: the statement's check is enough. Anything else (the window,
-- the CLI's saves, psql) is checked row by row first, as before, so what
-- each row is refused with is unchanged there; the statement's check then
-- finds nothing (one more query per insert statement).
--
-- The setting is not a way around the rules: the statement-level check does
-- not read it, so a statement that turns the setting on for its rows and off
-- again before it ends is still checked. When one bulk statement breaks
-- several rules, the message names the first rule in trigger order (signed,
-- text, same client), not necessarily the first row.

CREATE FUNCTION knotmap_bulk_load() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(current_setting('knotmap.bulk_load', true), '') = 'on' $$;

-- knotmap_check_text's rule as a test (true: the value may be stored), for
-- filtering many rows without a PL/pgSQL call each; the pattern lives here
-- once and knotmap_check_text uses it too.
CREATE FUNCTION knotmap_control_characters() RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT E'[\\u0001-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]' $$;

CREATE FUNCTION knotmap_text_ok(value text, max_bytes integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT value IS NULL
        OR (octet_length(value) <= max_bytes AND value !~ knotmap_control_characters())
$$;

CREATE OR REPLACE FUNCTION knotmap_check_text(field text, value text, max_bytes integer)
    RETURNS void LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
    IF octet_length(value) > max_bytes THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = field || ': longer than '
            || CASE WHEN max_bytes = 1048576 THEN '1 MiB (1048576 bytes)'
                    ELSE max_bytes || ' bytes' END;
    END IF;
    IF value ~ knotmap_control_characters() THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = field || ': a control character other than tab, LF or CR';
    END IF;
END
$$;

-- The messages of 003, raised by name.
CREATE FUNCTION knotmap_refuse_signed(table_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
        MESSAGE = table_name || ': a signed visit cannot be changed; add an amendment instead';
END
$$;

CREATE FUNCTION knotmap_refuse_other_client(table_name text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
        MESSAGE = table_name || ': knot and session belong to different clients';
END
$$;

-- ---------------------------------------------------------------------------
-- The row triggers stand aside during a bulk load
-- ---------------------------------------------------------------------------

DROP TRIGGER session_text_insert ON session;
CREATE TRIGGER session_text_insert BEFORE INSERT ON session
    FOR EACH ROW WHEN (NOT knotmap_bulk_load()) EXECUTE FUNCTION session_text();

DROP TRIGGER session_trigger_signed_insert ON session_trigger;
CREATE TRIGGER session_trigger_signed_insert BEFORE INSERT ON session_trigger
    FOR EACH ROW WHEN (NOT knotmap_bulk_load()) EXECUTE FUNCTION session_trigger_signed();

DROP TRIGGER observation_1_signed_insert ON observation;
CREATE TRIGGER observation_1_signed_insert BEFORE INSERT ON observation
    FOR EACH ROW WHEN (NOT knotmap_bulk_load()) EXECUTE FUNCTION observation_signed_insert();
DROP TRIGGER observation_2_text_insert ON observation;
CREATE TRIGGER observation_2_text_insert BEFORE INSERT ON observation
    FOR EACH ROW WHEN (NOT knotmap_bulk_load()) EXECUTE FUNCTION observation_text();
DROP TRIGGER observation_3_same_client ON observation;
CREATE TRIGGER observation_3_same_client BEFORE INSERT ON observation
    FOR EACH ROW WHEN (NOT knotmap_bulk_load()) EXECUTE FUNCTION observation_same_client();

DROP TRIGGER observation_symptom_signed_insert ON observation_symptom;
CREATE TRIGGER observation_symptom_signed_insert BEFORE INSERT ON observation_symptom
    FOR EACH ROW WHEN (NOT knotmap_bulk_load()) EXECUTE FUNCTION observation_symptom_signed();

DROP TRIGGER observation_referral_signed_insert ON observation_referral;
CREATE TRIGGER observation_referral_signed_insert BEFORE INSERT ON observation_referral
    FOR EACH ROW WHEN (NOT knotmap_bulk_load()) EXECUTE FUNCTION observation_referral_signed();
DROP TRIGGER observation_referral_text_insert ON observation_referral;
CREATE TRIGGER observation_referral_text_insert BEFORE INSERT ON observation_referral
    FOR EACH ROW WHEN (NOT knotmap_bulk_load()) EXECUTE FUNCTION observation_referral_text();

DROP TRIGGER treatment_1_signed_insert ON treatment;
CREATE TRIGGER treatment_1_signed_insert BEFORE INSERT ON treatment
    FOR EACH ROW WHEN (NOT knotmap_bulk_load()) EXECUTE FUNCTION treatment_signed_insert();
DROP TRIGGER treatment_2_text_insert ON treatment;
CREATE TRIGGER treatment_2_text_insert BEFORE INSERT ON treatment
    FOR EACH ROW WHEN (NOT knotmap_bulk_load()) EXECUTE FUNCTION treatment_text();
DROP TRIGGER treatment_3_same_client ON treatment;
CREATE TRIGGER treatment_3_same_client BEFORE INSERT ON treatment
    FOR EACH ROW WHEN (NEW.knot_id IS NOT NULL AND NOT knotmap_bulk_load())
    EXECUTE FUNCTION treatment_same_client();

-- ---------------------------------------------------------------------------
-- ... and one check per statement takes their place
-- ---------------------------------------------------------------------------

CREATE FUNCTION session_bulk_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    SELECT * INTO bad FROM inserted
    WHERE NOT (knotmap_text_ok(therapist, 256) AND knotmap_text_ok(subjective, 1048576)
               AND knotmap_text_ok(objective, 1048576) AND knotmap_text_ok(assessment, 1048576)
               AND knotmap_text_ok(plan, 1048576) AND knotmap_text_ok(notes, 1048576)
               AND knotmap_text_ok(signed_by, 256))
    LIMIT 1;
    IF FOUND THEN
        -- In session_text's order, so the message names the same field.
        PERFORM knotmap_check_text('session.therapist', bad.therapist, 256);
        PERFORM knotmap_check_text('session.subjective', bad.subjective, 1048576);
        PERFORM knotmap_check_text('session.objective', bad.objective, 1048576);
        PERFORM knotmap_check_text('session.assessment', bad.assessment, 1048576);
        PERFORM knotmap_check_text('session.plan', bad.plan, 1048576);
        PERFORM knotmap_check_text('session.notes', bad.notes, 1048576);
        PERFORM knotmap_check_text('session.signed_by', bad.signed_by, 256);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER session_bulk_insert AFTER INSERT ON session
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION session_bulk_insert();

CREATE FUNCTION session_trigger_bulk_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM inserted i JOIN session s ON s.id = i.session_id
               WHERE s.signed_utc IS NOT NULL) THEN
        PERFORM knotmap_refuse_signed('session');
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER session_trigger_bulk_insert AFTER INSERT ON session_trigger
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION session_trigger_bulk_insert();

CREATE FUNCTION observation_bulk_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad_notes text;
BEGIN
    IF EXISTS (SELECT 1 FROM inserted i JOIN session s ON s.id = i.session_id
               WHERE s.signed_utc IS NOT NULL) THEN
        PERFORM knotmap_refuse_signed('observation');
    END IF;
    SELECT notes INTO bad_notes FROM inserted WHERE NOT knotmap_text_ok(notes, 1048576) LIMIT 1;
    IF FOUND THEN
        PERFORM knotmap_check_text('observation.notes', bad_notes, 1048576);
    END IF;
    IF EXISTS (SELECT 1 FROM inserted i
               LEFT JOIN knot k ON k.id = i.knot_id
               LEFT JOIN session s ON s.id = i.session_id
               WHERE k.client_id IS DISTINCT FROM s.client_id) THEN
        PERFORM knotmap_refuse_other_client('observation');
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER observation_bulk_insert AFTER INSERT ON observation
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION observation_bulk_insert();

-- A symptom or referred region joins a rating of a signed visit only as the
-- latest amendment of that rating's list says (observation_symptom_signed).
CREATE FUNCTION observation_symptom_bulk_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM inserted i
               JOIN observation o ON o.id = i.observation_id
               JOIN session s ON s.id = o.session_id
               -- CASE: the amendments are read only for a signed visit's
               -- rows (with AND the planner may read them for every row).
               WHERE CASE WHEN s.signed_utc IS NULL THEN false
                          ELSE ((SELECT code FROM symptom WHERE id = i.symptom_id)
                                = ANY (observation_amended_codes(i.observation_id, 'symptoms')))
                               IS NOT TRUE END) THEN
        PERFORM knotmap_refuse_signed('observation');
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER observation_symptom_bulk_insert AFTER INSERT ON observation_symptom
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT
    EXECUTE FUNCTION observation_symptom_bulk_insert();

CREATE FUNCTION observation_referral_bulk_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad_code text;
BEGIN
    IF EXISTS (SELECT 1 FROM inserted i
               JOIN observation o ON o.id = i.observation_id
               JOIN session s ON s.id = o.session_id
               WHERE CASE WHEN s.signed_utc IS NULL THEN false
                          ELSE (i.region_code
                                = ANY (observation_amended_codes(i.observation_id, 'referrals')))
                               IS NOT TRUE END) THEN
        PERFORM knotmap_refuse_signed('observation');
    END IF;
    SELECT region_code INTO bad_code FROM inserted
    WHERE NOT knotmap_text_ok(region_code, 320) LIMIT 1;
    IF FOUND THEN
        PERFORM knotmap_check_text('observation_referral.region_code', bad_code, 320);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER observation_referral_bulk_insert AFTER INSERT ON observation_referral
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT
    EXECUTE FUNCTION observation_referral_bulk_insert();

CREATE FUNCTION treatment_bulk_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    IF EXISTS (SELECT 1 FROM inserted i JOIN session s ON s.id = i.session_id
               WHERE s.signed_utc IS NOT NULL) THEN
        PERFORM knotmap_refuse_signed('treatment');
    END IF;
    SELECT medication, notes INTO bad FROM inserted
    WHERE NOT (knotmap_text_ok(medication, 256) AND knotmap_text_ok(notes, 1048576))
    LIMIT 1;
    IF FOUND THEN
        PERFORM knotmap_check_text('treatment.medication', bad.medication, 256);
        PERFORM knotmap_check_text('treatment.notes', bad.notes, 1048576);
    END IF;
    IF EXISTS (SELECT 1 FROM inserted i
               LEFT JOIN knot k ON k.id = i.knot_id
               LEFT JOIN session s ON s.id = i.session_id
               WHERE i.knot_id IS NOT NULL AND k.client_id IS DISTINCT FROM s.client_id) THEN
        PERFORM knotmap_refuse_other_client('treatment');
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER treatment_bulk_insert AFTER INSERT ON treatment
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION treatment_bulk_insert();
