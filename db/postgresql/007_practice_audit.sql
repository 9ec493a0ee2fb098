-- Knotmap's PostgreSQL schema, version 7: row versions, signatures that name
-- the login, the audit trail, change notices, and the clinic practice
-- (practitioners, roles, client access). With db/sqlite/006 for the columns
-- and the audit trail; the practice is the server's alone.
--
-- A database that never runs `knotmap practice init` behaves as before: one
-- or more logins that own or share the tables, no row-level security. The
-- practice tables stay empty and the policies below are created but not in
-- force until knotmap_practice_init() turns row-level security on.

-- ---------------------------------------------------------------------------
-- Row versions (optimistic concurrency) and who signed
-- ---------------------------------------------------------------------------
-- Every real change of a row moves its version on by one, whoever writes it:
-- the app's UPDATEs say `version = version + 1 ... WHERE id = ? AND version =
-- ?` and see no row when somebody else saved first; psql's are counted too.

ALTER TABLE client      ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE session     ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE knot        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE observation ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE treatment   ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);

-- The login that signed (signed_by keeps the name shown); NULL when unsigned
-- or signed before version 7.
ALTER TABLE session ADD COLUMN signer text COLLATE "C";
ALTER TABLE session_amendment     ADD COLUMN author_login text COLLATE "C";
ALTER TABLE observation_amendment ADD COLUMN author_login text COLLATE "C";
ALTER TABLE treatment_amendment   ADD COLUMN author_login text COLLATE "C";

-- TG_ARGV[0] names the column (PL/pgSQL cannot name a column NEW lacks).
CREATE FUNCTION knotmap_login_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM knotmap_check_text(TG_TABLE_NAME || '.' || TG_ARGV[0],
                               to_jsonb(NEW) ->> TG_ARGV[0], 256);
    RETURN NEW;
END
$$;
CREATE TRIGGER session_signer_text BEFORE INSERT OR UPDATE OF signer ON session
    FOR EACH ROW WHEN (NEW.signer IS NOT NULL) EXECUTE FUNCTION knotmap_login_text('signer');
CREATE TRIGGER session_amendment_author_login_text BEFORE INSERT ON session_amendment
    FOR EACH ROW WHEN (NEW.author_login IS NOT NULL)
    EXECUTE FUNCTION knotmap_login_text('author_login');
CREATE TRIGGER observation_amendment_author_login_text BEFORE INSERT ON observation_amendment
    FOR EACH ROW WHEN (NEW.author_login IS NOT NULL)
    EXECUTE FUNCTION knotmap_login_text('author_login');
CREATE TRIGGER treatment_amendment_author_login_text BEFORE INSERT ON treatment_amendment
    FOR EACH ROW WHEN (NEW.author_login IS NOT NULL)
    EXECUTE FUNCTION knotmap_login_text('author_login');

-- 003's guard, with the signer frozen too.
CREATE OR REPLACE FUNCTION session_signed_is_read_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.signed_utc, NEW.signed_by, NEW.signer, NEW.client_id, NEW.started_utc,
        NEW.utc_offset_min, NEW.kind, NEW.overall_pain, NEW.stress, NEW.sleep, NEW.therapist,
        NEW.subjective, NEW.objective, NEW.assessment, NEW.plan, NEW.notes)
       IS DISTINCT FROM
       (OLD.signed_utc, OLD.signed_by, OLD.signer, OLD.client_id, OLD.started_utc,
        OLD.utc_offset_min, OLD.kind, OLD.overall_pain, OLD.stress, OLD.sleep, OLD.therapist,
        OLD.subjective, OLD.objective, OLD.assessment, OLD.plan, OLD.notes) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'session: a signed visit cannot be changed; add an amendment instead';
    END IF;
    RETURN NEW;
END
$$;

-- Named to run after the guards of 002 and 003 (BEFORE triggers run in name
-- order), so they see the row as the writer sent it.
-- A writer that moves the version on itself (the app, also when only a
-- rating's symptoms changed) keeps it; any other write is counted here.
-- `knotmap copy` writes the source's versions as they are.
CREATE FUNCTION knotmap_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version IS DISTINCT FROM OLD.version + 1 AND NOT knotmap_audit_paused() THEN
        NEW.version := OLD.version;
        IF NEW IS DISTINCT FROM OLD THEN
            NEW.version := OLD.version + 1;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER client_9_version BEFORE UPDATE ON client
    FOR EACH ROW EXECUTE FUNCTION knotmap_next_version();
CREATE TRIGGER session_9_version BEFORE UPDATE ON session
    FOR EACH ROW EXECUTE FUNCTION knotmap_next_version();
CREATE TRIGGER knot_9_version BEFORE UPDATE ON knot
    FOR EACH ROW EXECUTE FUNCTION knotmap_next_version();
CREATE TRIGGER observation_9_version BEFORE UPDATE ON observation
    FOR EACH ROW EXECUTE FUNCTION knotmap_next_version();
CREATE TRIGGER treatment_9_version BEFORE UPDATE ON treatment
    FOR EACH ROW EXECUTE FUNCTION knotmap_next_version();

-- ---------------------------------------------------------------------------
-- The practice: who works here, in which role, and whose clients they see
-- ---------------------------------------------------------------------------

-- One row once `knotmap practice init` has run: the database's three group
-- roles (role names are the server's, shared by all its databases, so each
-- practice has its own).
CREATE TABLE practice (
    owner_role        text   COLLATE "C" NOT NULL,
    practitioner_role text   COLLATE "C" NOT NULL,
    front_desk_role   text   COLLATE "C" NOT NULL,
    created_utc       bigint NOT NULL
);
CREATE UNIQUE INDEX practice_one_row ON practice ((true));

-- login is the database role the person signs in as. Practitioners are
-- disabled, never deleted: their records and signatures name them.
CREATE TABLE practitioner (
    id          bigint  GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    login       text    COLLATE "C" NOT NULL UNIQUE CHECK (char_length(login) BETWEEN 1 AND 63),
    name        text    COLLATE "C" NOT NULL CHECK (char_length(trim(name)) > 0
                                                    AND knotmap_text_ok(name, 256)),
    role        text    COLLATE "C" NOT NULL
                        CHECK (role IN ('owner', 'practitioner', 'front_desk')),
    enabled     integer NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_utc bigint  NOT NULL
);

-- A client's practitioners: the one assigned (at most one) and those it is
-- shared with.
CREATE TABLE client_access (
    -- Deferred: a practitioner's new client is assigned to them before its
    -- row is written (client_assign_creator, below).
    client_id       bigint NOT NULL REFERENCES client (id) ON DELETE CASCADE
                           DEFERRABLE INITIALLY DEFERRED,
    practitioner_id bigint NOT NULL REFERENCES practitioner (id),
    kind            text   COLLATE "C" NOT NULL CHECK (kind IN ('assigned', 'shared')),
    granted_by      text   COLLATE "C" NOT NULL,
    granted_utc     bigint NOT NULL,
    PRIMARY KEY (client_id, practitioner_id)
);
CREATE UNIQUE INDEX client_access_one_assigned ON client_access (client_id)
    WHERE kind = 'assigned';
CREATE INDEX client_access_by_practitioner ON client_access (practitioner_id, client_id);

-- ---------------------------------------------------------------------------
-- The audit trail
-- ---------------------------------------------------------------------------
-- Every insert, update and delete of clinical data, written by the triggers
-- below as the table owner (SECURITY DEFINER): no practice role may insert,
-- update or delete here, and the triggers at the end refuse UPDATE, DELETE
-- and TRUNCATE from anyone. Only the tables' owner could drop those
-- triggers, and the practice's logins never own the tables.
--
-- row_id is the row's id; for a link table (session_trigger,
-- observation_symptom, observation_referral, client_access) the id of the
-- record it belongs to. before and after hold the whole row as JSON
-- (row_to_json: every column by name), NULL for an insert's before and a
-- delete's after. client_id is kept without a foreign key: the trail
-- outlives the records.
CREATE TABLE audit_event (
    id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at_utc     bigint NOT NULL,
    person     text   COLLATE "C" NOT NULL,
    table_name text   COLLATE "C" NOT NULL,
    row_id     bigint NOT NULL,
    action     text   COLLATE "C" NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    client_id  bigint,
    before     text   COLLATE "C",
    after      text   COLLATE "C"
);
CREATE INDEX audit_event_by_client ON audit_event (client_id, at_utc);
CREATE INDEX audit_event_by_row ON audit_event (table_name, row_id);
-- `knotmap copy` brings a file's trail with its ids; the next event goes on
-- from the largest (001's rule for ids).
CREATE TRIGGER audit_event_id_sequence AFTER INSERT ON audit_event
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION knotmap_advance_id_sequence();

-- `knotmap copy` moves a database's records and its trail as they are; its
-- own loading is not an event. Only a login that owns the tables (or a
-- superuser) may say so: they could drop the triggers anyway.
CREATE FUNCTION knotmap_audit_paused() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('knotmap.copying', true), '') = 'on'
       AND pg_has_role(session_user, (SELECT relowner FROM pg_class
                                      WHERE oid = 'audit_event'::regclass), 'MEMBER')
$$;

-- Tells every window on this database and schema that clients changed
-- (payload: the table and the client ids, never any content), at commit.
CREATE FUNCTION knotmap_notify_change(table_name text, client_ids bigint[]) RETURNS void
    LANGUAGE sql AS $$
    SELECT pg_notify('knotmap ' || current_schema(),
                     json_build_object('table', table_name,
                                       'clients', coalesce(client_ids, '{}'))::text)
$$;

-- The client a record belongs to: from the record while it exists, else
-- from the trail (a client deleted as a whole takes its knots and sessions
-- before the statement triggers of its ratings and treatments run).
CREATE FUNCTION knotmap_client_of(record_table text, record_id bigint) RETURNS bigint
    LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        CASE record_table
            WHEN 'session' THEN (SELECT client_id FROM session WHERE id = record_id)
            WHEN 'knot' THEN (SELECT client_id FROM knot WHERE id = record_id)
            WHEN 'observation' THEN (SELECT k.client_id FROM observation o
                                     JOIN knot k ON k.id = o.knot_id WHERE o.id = record_id)
            WHEN 'treatment' THEN (SELECT s.client_id FROM treatment t
                                   JOIN session s ON s.id = t.session_id WHERE t.id = record_id)
        END,
        (SELECT client_id FROM audit_event
         WHERE table_name = record_table AND row_id = record_id AND client_id IS NOT NULL
         ORDER BY id DESC LIMIT 1))
$$;

-- Statement-level: one INSERT ... SELECT per statement, however many rows
-- (COPY of a large history). TG_ARGV[0] is the id expression, TG_ARGV[1]
-- the client id expression, both over the transition table's row r.
CREATE FUNCTION knotmap_audit_rows() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    transition text := CASE TG_OP WHEN 'INSERT' THEN 'inserted' ELSE 'deleted' END;
    clients bigint[];
BEGIN
    IF knotmap_audit_paused() THEN
        RETURN NULL;
    END IF;
    EXECUTE format(
        'WITH written AS (INSERT INTO audit_event (at_utc, person, table_name, row_id, action, '
        'client_id, before, after) SELECT unixepoch(), session_user, %L, %s, %L, %s, %s, %s '
        'FROM %I r RETURNING client_id) SELECT array_agg(DISTINCT client_id) FROM written',
        TG_TABLE_NAME, TG_ARGV[0], lower(TG_OP), TG_ARGV[1],
        CASE TG_OP WHEN 'DELETE' THEN 'row_to_json(r)::text' ELSE 'NULL' END,
        CASE TG_OP WHEN 'INSERT' THEN 'row_to_json(r)::text' ELSE 'NULL' END, transition)
        INTO clients;
    PERFORM knotmap_notify_change(TG_TABLE_NAME, clients);
    RETURN NULL;
END
$$;

-- Row-level for updates (one row at a time from the app; a statement's old
-- and new rows could not be paired for the link tables). A change of the
-- version alone is no event.
CREATE FUNCTION knotmap_audit_update() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    the_row bigint;
    the_client bigint;
BEGIN
    IF knotmap_audit_paused() OR to_jsonb(NEW) - 'version' = to_jsonb(OLD) - 'version' THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT %s, %s FROM (SELECT ($1).*) r', TG_ARGV[0], TG_ARGV[1])
        INTO the_row, the_client USING NEW;
    INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id, before, after)
    VALUES (unixepoch(), session_user, TG_TABLE_NAME, the_row, 'update', the_client,
            row_to_json(OLD)::text, row_to_json(NEW)::text);
    PERFORM knotmap_notify_change(TG_TABLE_NAME, ARRAY[the_client]);
    RETURN NULL;
END
$$;

-- The audited tables, each with its id and client expressions.
DO $$
DECLARE
    audited CONSTANT text[][] := ARRAY[
        ['client', 'r.id', 'r.id'],
        ['session', 'r.id', 'r.client_id'],
        ['session_trigger', 'r.session_id', 'knotmap_client_of(''session'', r.session_id)'],
        ['knot', 'r.id', 'r.client_id'],
        ['observation', 'r.id', 'knotmap_client_of(''knot'', r.knot_id)'],
        ['observation_symptom', 'r.observation_id',
         'knotmap_client_of(''observation'', r.observation_id)'],
        ['observation_referral', 'r.observation_id',
         'knotmap_client_of(''observation'', r.observation_id)'],
        ['treatment', 'r.id', 'knotmap_client_of(''session'', r.session_id)'],
        ['session_amendment', 'r.id', 'knotmap_client_of(''session'', r.session_id)'],
        ['observation_amendment', 'r.id', 'knotmap_client_of(''observation'', r.observation_id)'],
        ['treatment_amendment', 'r.id', 'knotmap_client_of(''treatment'', r.treatment_id)'],
        ['client_access', 'r.client_id', 'r.client_id']];
    entry text[];
BEGIN
    FOREACH entry SLICE 1 IN ARRAY audited LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS inserted '
                       'FOR EACH STATEMENT EXECUTE FUNCTION knotmap_audit_rows(%L, %L)',
                       entry[1] || '_audit_insert', entry[1], entry[2], entry[3]);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS deleted '
                       'FOR EACH STATEMENT EXECUTE FUNCTION knotmap_audit_rows(%L, %L)',
                       entry[1] || '_audit_delete', entry[1], entry[2], entry[3]);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION knotmap_audit_update(%L, %L)',
                       entry[1] || '_audit_update', entry[1], entry[2], entry[3]);
    END LOOP;
END
$$;

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
        MESSAGE = 'audit_event: the audit trail cannot be changed or deleted';
END
$$;
CREATE TRIGGER audit_event_is_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- ---------------------------------------------------------------------------
-- Who is asking
-- ---------------------------------------------------------------------------
-- The signed-in login (session_user: SET ROLE does not change it) as a
-- practitioner; NULL for a login that is not one or is disabled, which the
-- policies then show nothing. SECURITY DEFINER so they read the practice
-- tables whatever the policies.

CREATE FUNCTION knotmap_practice_active() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM practice)
$$;

CREATE FUNCTION knotmap_my_role() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT role FROM practitioner WHERE login = session_user AND enabled = 1
$$;

CREATE FUNCTION knotmap_my_practitioner() RETURNS practitioner
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT * FROM practitioner WHERE login = session_user AND enabled = 1
$$;

-- The clients assigned to or shared with the signed-in practitioner.
-- Policies call it as (SELECT knotmap_my_clients()): once per query.
CREATE FUNCTION knotmap_my_clients() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT coalesce(array_agg(a.client_id), '{}')
    FROM client_access a JOIN practitioner p ON p.id = a.practitioner_id
    WHERE p.login = session_user AND p.enabled = 1
$$;

-- One client, seeing writes made earlier in the same statement (VOLATILE):
-- a practitioner's INSERT ... RETURNING of a new client is checked against
-- the access row its BEFORE trigger has just written.
CREATE FUNCTION knotmap_sees_client(the_client bigint) RETURNS boolean
    LANGUAGE sql VOLATILE SECURITY DEFINER AS $$
    SELECT CASE (SELECT role FROM practitioner WHERE login = session_user AND enabled = 1)
               WHEN 'owner' THEN true
               WHEN 'front_desk' THEN true
               WHEN 'practitioner' THEN EXISTS (
                   SELECT 1 FROM client_access a JOIN practitioner p ON p.id = a.practitioner_id
                   WHERE a.client_id = the_client AND p.login = session_user)
               ELSE false END
$$;

-- ---------------------------------------------------------------------------
-- Policies: in force once knotmap_practice_init() enables row-level security
-- ---------------------------------------------------------------------------
-- The tables' owner (the administrator who set the database up) is not
-- subject to them; the practice's logins always are. Grants (in
-- knotmap_practice_init) decide what each role may do at all, the policies
-- which rows: owners every row, practitioners their clients' rows, front
-- desk every client and visit (only the columns granted to it).

CREATE POLICY client_read ON client FOR SELECT USING (knotmap_sees_client(id));
CREATE POLICY client_add ON client FOR INSERT WITH CHECK ((SELECT knotmap_my_role()) IS NOT NULL);
CREATE POLICY client_change ON client FOR UPDATE USING (knotmap_sees_client(id));
CREATE POLICY client_remove ON client FOR DELETE USING ((SELECT knotmap_my_role()) = 'owner');

CREATE POLICY session_rows ON session
    USING ((SELECT knotmap_my_role()) IN ('owner', 'front_desk')
           OR client_id = ANY ((SELECT knotmap_my_clients())::bigint[]));
CREATE POLICY knot_rows ON knot
    USING ((SELECT knotmap_my_role()) = 'owner' OR client_id = ANY ((SELECT knotmap_my_clients())::bigint[]));
-- The records under a session or knot follow it (its own policy applies in
-- the subquery).
CREATE POLICY session_trigger_rows ON session_trigger
    USING ((SELECT knotmap_my_role()) = 'owner' OR session_id IN (SELECT s.id FROM session s));
CREATE POLICY observation_rows ON observation
    USING ((SELECT knotmap_my_role()) = 'owner' OR knot_id IN (SELECT k.id FROM knot k));
CREATE POLICY observation_symptom_rows ON observation_symptom
    USING ((SELECT knotmap_my_role()) = 'owner'
           OR observation_id IN (SELECT o.id FROM observation o));
CREATE POLICY observation_referral_rows ON observation_referral
    USING ((SELECT knotmap_my_role()) = 'owner'
           OR observation_id IN (SELECT o.id FROM observation o));
CREATE POLICY treatment_rows ON treatment
    USING ((SELECT knotmap_my_role()) = 'owner' OR session_id IN (SELECT s.id FROM session s));
CREATE POLICY session_amendment_rows ON session_amendment
    USING ((SELECT knotmap_my_role()) = 'owner' OR session_id IN (SELECT s.id FROM session s));
CREATE POLICY observation_amendment_rows ON observation_amendment
    USING ((SELECT knotmap_my_role()) = 'owner'
           OR observation_id IN (SELECT o.id FROM observation o));
CREATE POLICY treatment_amendment_rows ON treatment_amendment
    USING ((SELECT knotmap_my_role()) = 'owner'
           OR treatment_id IN (SELECT t.id FROM treatment t));
CREATE POLICY audit_event_rows ON audit_event FOR SELECT
    USING ((SELECT knotmap_my_role()) = 'owner'
           OR client_id = ANY ((SELECT knotmap_my_clients())::bigint[]));
CREATE POLICY practitioner_rows ON practitioner FOR SELECT USING (true);
CREATE POLICY client_access_rows ON client_access FOR SELECT
    USING ((SELECT knotmap_my_role()) = 'owner'
           OR client_id = ANY ((SELECT knotmap_my_clients())::bigint[]));

-- A practitioner's new client is theirs: assigned to them as it is written.
CREATE FUNCTION client_assign_creator() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    me practitioner := knotmap_my_practitioner();
BEGIN
    IF me.role = 'practitioner' THEN
        INSERT INTO client_access (client_id, practitioner_id, kind, granted_by, granted_utc)
        VALUES (NEW.id, me.id, 'assigned', session_user, unixepoch());
    END IF;
    RETURN NEW;
END
$$;
-- After client_null_id, which gives the row its id.
CREATE TRIGGER client_zz_assign_creator BEFORE INSERT ON client
    FOR EACH ROW WHEN (knotmap_practice_active()) EXECUTE FUNCTION client_assign_creator();

-- ---------------------------------------------------------------------------
-- Signatures and amendments name the signed-in practitioner
-- ---------------------------------------------------------------------------
-- In a practice, a visit is signed by the login doing it, under its own
-- name: signer is the login and signed_by the practitioner's name, and a
-- write that says otherwise is refused. Before `practice init` (one person,
-- or a copy being loaded) the values are kept as written.

CREATE FUNCTION knotmap_signing_practitioner(what text) RETURNS practitioner
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    me practitioner := knotmap_my_practitioner();
BEGIN
    IF me.id IS NULL OR me.role NOT IN ('owner', 'practitioner') THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = what || ': only a practitioner signed in as themselves can do this ('
                      || session_user || ' is not an enabled practitioner or owner here)';
    END IF;
    RETURN me;
END
$$;

CREATE FUNCTION session_signer_is_me() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    me practitioner := knotmap_signing_practitioner('session: signing');
BEGIN
    IF coalesce(NEW.signer, me.login) <> me.login OR NEW.signed_by IS DISTINCT FROM me.name THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'session: ' || me.name || ' (' || me.login || ') is signed in and cannot '
                      || 'sign for ' || coalesce(NEW.signed_by, 'nobody')
                      || coalesce(' (' || NEW.signer || ')', '');
    END IF;
    NEW.signer := me.login;
    RETURN NEW;
END
$$;
CREATE TRIGGER session_0_signer_is_me BEFORE INSERT ON session
    FOR EACH ROW WHEN (NEW.signed_utc IS NOT NULL AND knotmap_practice_active())
    EXECUTE FUNCTION session_signer_is_me();
CREATE TRIGGER session_0_signer_is_me_update BEFORE UPDATE ON session
    FOR EACH ROW WHEN (OLD.signed_utc IS NULL AND NEW.signed_utc IS NOT NULL
                       AND knotmap_practice_active())
    EXECUTE FUNCTION session_signer_is_me();

CREATE FUNCTION amendment_author_is_me() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    me practitioner := knotmap_signing_practitioner(TG_TABLE_NAME);
BEGIN
    IF coalesce(NEW.author_login, me.login) <> me.login OR NEW.author IS DISTINCT FROM me.name THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = TG_TABLE_NAME || ': ' || me.name || ' (' || me.login || ') is signed in '
                      || 'and cannot write an amendment as ' || coalesce(NEW.author, 'nobody')
                      || coalesce(' (' || NEW.author_login || ')', '');
    END IF;
    NEW.author_login := me.login;
    RETURN NEW;
END
$$;
CREATE TRIGGER session_amendment_0_author_is_me BEFORE INSERT ON session_amendment
    FOR EACH ROW WHEN (knotmap_practice_active()) EXECUTE FUNCTION amendment_author_is_me();
CREATE TRIGGER observation_amendment_0_author_is_me BEFORE INSERT ON observation_amendment
    FOR EACH ROW WHEN (knotmap_practice_active()) EXECUTE FUNCTION amendment_author_is_me();
CREATE TRIGGER treatment_amendment_0_author_is_me BEFORE INSERT ON treatment_amendment
    FOR EACH ROW WHEN (knotmap_practice_active()) EXECUTE FUNCTION amendment_author_is_me();

-- ---------------------------------------------------------------------------
-- Managing the practice (`knotmap practice`, the Practice window)
-- ---------------------------------------------------------------------------
-- SECURITY DEFINER: they run as the administrator who owns the tables, who
-- needs CREATEROLE (or to be a superuser) to make logins. Each checks who is
-- calling first.

CREATE FUNCTION knotmap_refuse(message text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = message;
END
$$;

CREATE FUNCTION knotmap_require_owner(what text) RETURNS void LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN knotmap_my_role() IS DISTINCT FROM 'owner'
                THEN knotmap_refuse(what || ': only the practice''s owner can do this ('
                                    || session_user || ' is not an enabled owner here)') END
$$;

CREATE FUNCTION knotmap_group_role(role text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE role WHEN 'owner' THEN owner_role WHEN 'practitioner' THEN practitioner_role
                     ELSE front_desk_role END
    FROM practice
$$;

-- Adds a practitioner: a login made with the given password (a SCRAM
-- verifier made by the client, so the password itself never reaches the
-- server or its logs), or an existing login given the role.
CREATE FUNCTION knotmap_practice_enrol(new_login text, new_name text, new_role text,
                                       password_verifier text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF new_role NOT IN ('owner', 'practitioner', 'front_desk') THEN
        PERFORM knotmap_refuse('practice: unknown role "' || new_role
                               || '" (owner, practitioner or front_desk)');
    END IF;
    IF EXISTS (SELECT 1 FROM practitioner WHERE login = new_login) THEN
        PERFORM knotmap_refuse('practice: ' || new_login || ' is already a practitioner here');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = new_login) THEN
        IF password_verifier IS NULL THEN
            EXECUTE format('CREATE ROLE %I LOGIN', new_login);
        ELSE
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', new_login, password_verifier);
        END IF;
    ELSIF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = new_login
                  AND (rolsuper OR rolbypassrls
                       OR pg_has_role(oid, (SELECT relowner FROM pg_class
                                            WHERE oid = 'client'::regclass), 'MEMBER'))) THEN
        PERFORM knotmap_refuse('practice: ' || new_login || ' owns the tables or bypasses '
                               || 'row-level security; give each person a login of their own');
    END IF;
    EXECUTE format('GRANT %I TO %I', knotmap_group_role(new_role), new_login);
    INSERT INTO practitioner (login, name, role, created_utc)
    VALUES (new_login, new_name, new_role, unixepoch());
END
$$;

-- Only through knotmap_practice_init and knotmap_practice_add, which check
-- who calls: PostgreSQL lets everyone execute a new function.
REVOKE EXECUTE ON FUNCTION knotmap_practice_enrol(text, text, text, text) FROM PUBLIC;

CREATE FUNCTION knotmap_practice_add(new_login text, new_name text, new_role text,
                                     password_verifier text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    PERFORM knotmap_require_owner('practice add');
    PERFORM knotmap_practice_enrol(new_login, new_name, new_role, password_verifier);
END
$$;

-- Disabled practitioners cannot sign in (NOLOGIN) and, should a connection
-- still be open, see nothing (the policies ask for enabled = 1). Their
-- records, signatures and assignments stay.
CREATE FUNCTION knotmap_practice_set_enabled(who text, enable boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    target practitioner;
BEGIN
    PERFORM knotmap_require_owner(CASE WHEN enable THEN 'practice enable'
                                       ELSE 'practice disable' END);
    SELECT * INTO target FROM practitioner WHERE login = who;
    IF target.id IS NULL THEN
        PERFORM knotmap_refuse('practice: no practitioner signs in as ' || who);
    END IF;
    IF NOT enable AND target.login = session_user THEN
        PERFORM knotmap_refuse('practice disable: you cannot disable yourself');
    END IF;
    EXECUTE format('ALTER ROLE %I %s', who, CASE WHEN enable THEN 'LOGIN' ELSE 'NOLOGIN' END);
    UPDATE practitioner SET enabled = CASE WHEN enable THEN 1 ELSE 0 END WHERE id = target.id;
END
$$;

-- Assigns a client to a practitioner (the owner's choice; the one assigned
-- before loses access unless the client is shared with them) or shares it
-- (the owner, or a practitioner who sees the client).
CREATE FUNCTION knotmap_practice_grant(the_client bigint, who text, access text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    target practitioner;
BEGIN
    IF access = 'assigned' THEN
        PERFORM knotmap_require_owner('practice assign');
    ELSIF knotmap_my_role() IS DISTINCT FROM 'owner'
          AND NOT (knotmap_my_role() = 'practitioner' AND knotmap_sees_client(the_client)) THEN
        PERFORM knotmap_refuse('practice share: only the owner or a practitioner of the client '
                               || 'can share it');
    END IF;
    SELECT * INTO target FROM practitioner WHERE login = who;
    IF target.id IS NULL OR target.enabled = 0 OR target.role = 'front_desk' THEN
        PERFORM knotmap_refuse('practice: ' || who || ' is not an enabled practitioner or owner');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM client WHERE id = the_client) THEN
        PERFORM knotmap_refuse('practice: no client with id ' || the_client);
    END IF;
    IF access = 'assigned' THEN
        DELETE FROM client_access a WHERE a.client_id = the_client AND a.kind = 'assigned'
                                      AND a.practitioner_id <> target.id;
    END IF;
    INSERT INTO client_access (client_id, practitioner_id, kind, granted_by, granted_utc)
    VALUES (the_client, target.id, access, session_user, unixepoch())
    ON CONFLICT (client_id, practitioner_id) DO UPDATE
        SET kind = CASE WHEN client_access.kind = 'assigned' THEN 'assigned' ELSE EXCLUDED.kind END,
            granted_by = EXCLUDED.granted_by, granted_utc = EXCLUDED.granted_utc;
END
$$;

CREATE FUNCTION knotmap_practice_unshare(the_client bigint, who text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF knotmap_my_role() IS DISTINCT FROM 'owner'
       AND NOT (knotmap_my_role() = 'practitioner' AND knotmap_sees_client(the_client)) THEN
        PERFORM knotmap_refuse('practice unshare: only the owner or a practitioner of the '
                               || 'client can stop sharing it');
    END IF;
    DELETE FROM client_access a USING practitioner p
    WHERE p.id = a.practitioner_id AND a.client_id = the_client AND p.login = who
      AND a.kind = 'shared';
END
$$;

-- Makes this database a practice: the three group roles, their grants,
-- row-level security on, and the owner. Run once, by the administrator who
-- owns the tables (`knotmap practice init`).
CREATE FUNCTION knotmap_practice_init(owner_login text, owner_name text,
                                      password_verifier text) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    base text := current_database()
                 || CASE WHEN current_schema() = 'public' THEN '' ELSE '.' || current_schema() END;
    prefix text;
    owners text;
    practitioners text;
    front_desk text;
    everyone text;
    clinical text := 'client, session, session_trigger, knot, observation, observation_symptom, '
                     'observation_referral, treatment, session_amendment, observation_amendment, '
                     'treatment_amendment';
    secured text[] := ARRAY['client', 'session', 'session_trigger', 'knot', 'observation',
                            'observation_symptom', 'observation_referral', 'treatment',
                            'session_amendment', 'observation_amendment',
                            'treatment_amendment', 'audit_event', 'practitioner',
                            'client_access'];
    name text;
BEGIN
    IF knotmap_practice_active() THEN
        PERFORM knotmap_refuse('practice init: this database is a practice already');
    END IF;
    IF NOT pg_has_role(current_user, (SELECT relowner FROM pg_class
                                      WHERE oid = 'client'::regclass), 'MEMBER') THEN
        PERFORM knotmap_refuse('practice init: run it as the login that owns Knotmap''s tables');
    END IF;
    IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
        PERFORM knotmap_refuse('practice init: ' || current_user || ' cannot create logins; '
                               || 'the server''s administrator can give it CREATEROLE');
    END IF;
    -- Role names are the server's, not the database's: each practice gets
    -- its own, readable in psql's \du, hashed when they would be too long.
    prefix := 'knotmap ' || base;
    IF octet_length(prefix) > 48 THEN
        prefix := 'knotmap ' || left(md5(base), 16);
    END IF;
    owners := prefix || ' owner';
    practitioners := prefix || ' practitioner';
    front_desk := prefix || ' front desk';
    everyone := format('%I, %I, %I', owners, practitioners, front_desk);
    EXECUTE format('CREATE ROLE %I NOLOGIN', owners);
    EXECUTE format('CREATE ROLE %I NOLOGIN', practitioners);
    EXECUTE format('CREATE ROLE %I NOLOGIN', front_desk);
    INSERT INTO practice (owner_role, practitioner_role, front_desk_role, created_utc)
    VALUES (owners, practitioners, front_desk, unixepoch());

    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %s', current_schema(), everyone);
    EXECUTE format('GRANT SELECT ON knotmap_schema_version, practice, practitioner, symptom, '
                   'treatment_kind, trigger_cause TO %s', everyone);
    EXECUTE format('GRANT INSERT, UPDATE ON symptom, treatment_kind, trigger_cause TO %I, %I',
                   owners, practitioners);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO %I, %I',
                   clinical, owners, practitioners);
    EXECUTE format('GRANT SELECT ON audit_event, client_access TO %I, %I', owners, practitioners);
    -- Front desk: who the clients are and when they come, nothing clinical.
    EXECUTE format('GRANT SELECT (id, name, birth_year, notes, archived, created_utc, version), '
                   'INSERT (id, name, birth_year, notes, archived, created_utc), '
                   'UPDATE (name, birth_year, notes, archived) ON client TO %I', front_desk);
    EXECUTE format('GRANT SELECT (id, client_id, started_utc, utc_offset_min, kind, version), '
                   'INSERT (id, client_id, started_utc, utc_offset_min, kind) ON session TO %I',
                   front_desk);

    FOREACH name IN ARRAY secured LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', name);
    END LOOP;
    PERFORM knotmap_practice_enrol(owner_login, owner_name, 'owner', password_verifier);
END
$$;

-- ---------------------------------------------------------------------------
-- SECURITY DEFINER functions find tables in this schema only (not in a
-- caller's search_path, where a temporary table could stand in for one).
-- ---------------------------------------------------------------------------
DO $$
DECLARE
    definer regprocedure;
BEGIN
    FOR definer IN
        SELECT p.oid::regprocedure FROM pg_proc p
        WHERE p.pronamespace = current_schema()::regnamespace AND p.prosecdef
          AND p.proname NOT IN ('knotmap_advance_id_sequence', 'knotmap_null_id')
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_catalog, pg_temp',
                       definer, current_schema());
    END LOOP;
END
$$;
