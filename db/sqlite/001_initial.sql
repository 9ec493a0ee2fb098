-- Knotmap schema, version 1: the domain model.
-- Applied inside one transaction by src/store/migrations.cpp; never edit a
-- released migration, add a new numbered file instead.
-- Times are stored as Unix seconds (UTC) plus the UTC offset in minutes that
-- was in force where the session happened.

PRAGMA application_id = 1263423316; -- 0x4B4E4F54, "KNOT": marks the file as Knotmap's

CREATE TABLE client (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    birth_year  INTEGER CHECK (birth_year BETWEEN 1900 AND 2100),
    notes       TEXT    NOT NULL DEFAULT '',
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_utc INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX client_name ON client (name COLLATE NOCASE);

-- Vocabularies share one shape: a stable code, a display name, and flags.
-- Built-in entries are seeded; users add their own and hide (never delete)
-- entries so that old records keep their meaning.
CREATE TABLE symptom (
    id         INTEGER PRIMARY KEY,
    code       TEXT    NOT NULL UNIQUE CHECK (length(code) > 0),
    name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    hidden     INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX symptom_name ON symptom (name COLLATE NOCASE);

CREATE TABLE treatment_kind (
    id         INTEGER PRIMARY KEY,
    code       TEXT    NOT NULL UNIQUE CHECK (length(code) > 0),
    name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    hidden     INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX treatment_kind_name ON treatment_kind (name COLLATE NOCASE);

CREATE TABLE trigger_cause (
    id         INTEGER PRIMARY KEY,
    code       TEXT    NOT NULL UNIQUE CHECK (length(code) > 0),
    name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    hidden     INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX trigger_cause_name ON trigger_cause (name COLLATE NOCASE);

CREATE TABLE session (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    started_utc    INTEGER NOT NULL,
    utc_offset_min INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -1080 AND 1080),
    kind           TEXT    NOT NULL CHECK (kind IN ('self_checkin', 'therapy_visit')),
    overall_pain   INTEGER CHECK (overall_pain BETWEEN 0 AND 10),
    stress         INTEGER CHECK (stress BETWEEN 0 AND 10),
    sleep          INTEGER CHECK (sleep BETWEEN 0 AND 10),
    therapist      TEXT    NOT NULL DEFAULT '',
    subjective     TEXT    NOT NULL DEFAULT '',
    objective      TEXT    NOT NULL DEFAULT '',
    assessment     TEXT    NOT NULL DEFAULT '',
    plan           TEXT    NOT NULL DEFAULT '',
    notes          TEXT    NOT NULL DEFAULT ''
) STRICT;
-- Timelines and per-client charts read a client's sessions in time order.
CREATE INDEX session_by_client_time ON session (client_id, started_utc);

CREATE TABLE session_trigger (
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    trigger_id INTEGER NOT NULL REFERENCES trigger_cause (id) ON DELETE RESTRICT,
    PRIMARY KEY (session_id, trigger_id)
) STRICT, WITHOUT ROWID;

-- Diagram coordinates are normalised to [0, 1] on the view's canvas
-- (docs/diagram-coordinates.md); region_code names an atlas region.
CREATE TABLE knot (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    view        TEXT    NOT NULL CHECK (view IN ('front', 'back')),
    x           REAL    NOT NULL CHECK (x BETWEEN 0.0 AND 1.0),
    y           REAL    NOT NULL CHECK (y BETWEEN 0.0 AND 1.0),
    region_code TEXT    NOT NULL CHECK (length(region_code) > 0),
    label       TEXT    NOT NULL DEFAULT '',
    status      TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'resolved'))
) STRICT;
CREATE INDEX knot_by_client ON knot (client_id);

CREATE TABLE observation (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    knot_id    INTEGER NOT NULL REFERENCES knot (id) ON DELETE CASCADE,
    pain       INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    kind       TEXT    NOT NULL CHECK (kind IN ('active_trigger_point', 'latent_trigger_point',
                                               'tension', 'adhesion', 'spasm')),
    notes      TEXT    NOT NULL DEFAULT '',
    UNIQUE (session_id, knot_id)
) STRICT;
-- Knot history charts read one knot's observations; the unique constraint
-- above already indexes observations by session.
CREATE INDEX observation_by_knot ON observation (knot_id, session_id);

CREATE TABLE observation_symptom (
    observation_id INTEGER NOT NULL REFERENCES observation (id) ON DELETE CASCADE,
    symptom_id     INTEGER NOT NULL REFERENCES symptom (id) ON DELETE RESTRICT,
    PRIMARY KEY (observation_id, symptom_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE observation_referral (
    observation_id INTEGER NOT NULL REFERENCES observation (id) ON DELETE CASCADE,
    region_code    TEXT    NOT NULL CHECK (length(region_code) > 0),
    PRIMARY KEY (observation_id, region_code)
) STRICT, WITHOUT ROWID;

CREATE TABLE treatment (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    knot_id     INTEGER REFERENCES knot (id) ON DELETE CASCADE, -- NULL: the whole session
    kind_id     INTEGER NOT NULL REFERENCES treatment_kind (id) ON DELETE RESTRICT,
    minutes     INTEGER CHECK (minutes >= 0),
    intensity   TEXT    CHECK (intensity IN ('light', 'medium', 'firm', 'deep')),
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after  INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    medication  TEXT    NOT NULL DEFAULT '',
    notes       TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX treatment_by_session ON treatment (session_id);
CREATE INDEX treatment_by_knot ON treatment (knot_id) WHERE knot_id IS NOT NULL;

-- A knot and the session it is observed or treated in must belong to the
-- same client; foreign keys alone cannot say that.
CREATE TRIGGER observation_same_client BEFORE INSERT ON observation
WHEN (SELECT client_id FROM knot WHERE id = NEW.knot_id)
     IS NOT (SELECT client_id FROM session WHERE id = NEW.session_id)
BEGIN
    SELECT RAISE(ABORT, 'observation: knot and session belong to different clients');
END;
CREATE TRIGGER observation_same_client_update BEFORE UPDATE OF session_id, knot_id ON observation
WHEN (SELECT client_id FROM knot WHERE id = NEW.knot_id)
     IS NOT (SELECT client_id FROM session WHERE id = NEW.session_id)
BEGIN
    SELECT RAISE(ABORT, 'observation: knot and session belong to different clients');
END;
CREATE TRIGGER treatment_same_client BEFORE INSERT ON treatment
WHEN NEW.knot_id IS NOT NULL
 AND (SELECT client_id FROM knot WHERE id = NEW.knot_id)
     IS NOT (SELECT client_id FROM session WHERE id = NEW.session_id)
BEGIN
    SELECT RAISE(ABORT, 'treatment: knot and session belong to different clients');
END;
CREATE TRIGGER treatment_same_client_update BEFORE UPDATE OF session_id, knot_id ON treatment
WHEN NEW.knot_id IS NOT NULL
 AND (SELECT client_id FROM knot WHERE id = NEW.knot_id)
     IS NOT (SELECT client_id FROM session WHERE id = NEW.session_id)
BEGIN
    SELECT RAISE(ABORT, 'treatment: knot and session belong to different clients');
END;
