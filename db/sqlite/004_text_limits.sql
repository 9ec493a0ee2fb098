-- Knotmap schema, version 4: limits on every text field, so that the database
-- holds nothing that `knotmap export` could write but `knotmap import` could
-- not read back (docs/csv-format.md, "Limits"). The window and the import
-- check the same limits first (src/core/validation.h) and say which field and
-- line; these triggers hold other programs (the sqlite3 shell, scripts) to
-- them too.
--
-- Lengths are in bytes of UTF-8: names and labels 256, codes 320, notes and
-- other free text 1 MiB. No text may hold a control character (Unicode
-- category Cc, U+0000-U+001F and U+007F-U+009F) other than tab, LF and CR.
-- A vocabulary code may not hold ';', which separates codes in CSV lists.
--
-- A CHECK cannot be added to an existing STRICT table without rebuilding it,
-- so BEFORE triggers check instead, one CASE per trigger (one statement per
-- row written keeps a large import's cost small). length() of TEXT counts
-- characters and stops at a NUL, so lengths are taken of the bytes (CAST AS
-- BLOB), and a NUL is looked for with instr() on the bytes. GLOB finds the
-- other controls with the pattern X'2A5B012D080B0C0E2D1F7F2DC29F5D2A', which
-- is the text  *[ 01-08 0B 0C 0E-1F 7F-U+009F ]*  (a literal: building it
-- with char() on every row tripled the cost of an insert).
-- An UPDATE only checks a value it changes, so a row written before version 4
-- stays editable in its other fields.

CREATE TRIGGER client_text_insert BEFORE INSERT ON client
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.name AS BLOB)) > 256
            THEN RAISE(ABORT, 'client.name: longer than 256 bytes')
        WHEN instr(CAST(NEW.name AS BLOB), X'00') > 0
             OR NEW.name GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'client.name: a control character other than tab, LF or CR')
        WHEN length(CAST(NEW.notes AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'client.notes: longer than 1 MiB (1048576 bytes)')
        WHEN instr(CAST(NEW.notes AS BLOB), X'00') > 0
             OR NEW.notes GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'client.notes: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER client_text_update BEFORE UPDATE OF name, notes ON client
BEGIN
    SELECT CASE
        WHEN NEW.name IS NOT OLD.name AND length(CAST(NEW.name AS BLOB)) > 256
            THEN RAISE(ABORT, 'client.name: longer than 256 bytes')
        WHEN NEW.name IS NOT OLD.name
             AND (instr(CAST(NEW.name AS BLOB), X'00') > 0
                  OR NEW.name GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'client.name: a control character other than tab, LF or CR')
        WHEN NEW.notes IS NOT OLD.notes AND length(CAST(NEW.notes AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'client.notes: longer than 1 MiB (1048576 bytes)')
        WHEN NEW.notes IS NOT OLD.notes
             AND (instr(CAST(NEW.notes AS BLOB), X'00') > 0
                  OR NEW.notes GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'client.notes: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER symptom_text_insert BEFORE INSERT ON symptom
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.code AS BLOB)) > 320
            THEN RAISE(ABORT, 'symptom.code: longer than 320 bytes')
        WHEN instr(CAST(NEW.code AS BLOB), X'00') > 0
             OR NEW.code GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'symptom.code: a control character other than tab, LF or CR')
        WHEN instr(NEW.code, ';') > 0
            THEN RAISE(ABORT, 'symptom.code: a semicolon (CSV lists codes separated by ;)')
        WHEN length(CAST(NEW.name AS BLOB)) > 256
            THEN RAISE(ABORT, 'symptom.name: longer than 256 bytes')
        WHEN instr(CAST(NEW.name AS BLOB), X'00') > 0
             OR NEW.name GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'symptom.name: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER symptom_text_update BEFORE UPDATE OF code, name ON symptom
BEGIN
    SELECT CASE
        WHEN NEW.code IS NOT OLD.code AND length(CAST(NEW.code AS BLOB)) > 320
            THEN RAISE(ABORT, 'symptom.code: longer than 320 bytes')
        WHEN NEW.code IS NOT OLD.code
             AND (instr(CAST(NEW.code AS BLOB), X'00') > 0
                  OR NEW.code GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'symptom.code: a control character other than tab, LF or CR')
        WHEN NEW.code IS NOT OLD.code AND instr(NEW.code, ';') > 0
            THEN RAISE(ABORT, 'symptom.code: a semicolon (CSV lists codes separated by ;)')
        WHEN NEW.name IS NOT OLD.name AND length(CAST(NEW.name AS BLOB)) > 256
            THEN RAISE(ABORT, 'symptom.name: longer than 256 bytes')
        WHEN NEW.name IS NOT OLD.name
             AND (instr(CAST(NEW.name AS BLOB), X'00') > 0
                  OR NEW.name GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'symptom.name: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER treatment_kind_text_insert BEFORE INSERT ON treatment_kind
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.code AS BLOB)) > 320
            THEN RAISE(ABORT, 'treatment_kind.code: longer than 320 bytes')
        WHEN instr(CAST(NEW.code AS BLOB), X'00') > 0
             OR NEW.code GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'treatment_kind.code: a control character other than tab, LF or CR')
        WHEN instr(NEW.code, ';') > 0
            THEN RAISE(ABORT, 'treatment_kind.code: a semicolon (CSV lists codes separated by ;)')
        WHEN length(CAST(NEW.name AS BLOB)) > 256
            THEN RAISE(ABORT, 'treatment_kind.name: longer than 256 bytes')
        WHEN instr(CAST(NEW.name AS BLOB), X'00') > 0
             OR NEW.name GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'treatment_kind.name: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER treatment_kind_text_update BEFORE UPDATE OF code, name ON treatment_kind
BEGIN
    SELECT CASE
        WHEN NEW.code IS NOT OLD.code AND length(CAST(NEW.code AS BLOB)) > 320
            THEN RAISE(ABORT, 'treatment_kind.code: longer than 320 bytes')
        WHEN NEW.code IS NOT OLD.code
             AND (instr(CAST(NEW.code AS BLOB), X'00') > 0
                  OR NEW.code GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'treatment_kind.code: a control character other than tab, LF or CR')
        WHEN NEW.code IS NOT OLD.code AND instr(NEW.code, ';') > 0
            THEN RAISE(ABORT, 'treatment_kind.code: a semicolon (CSV lists codes separated by ;)')
        WHEN NEW.name IS NOT OLD.name AND length(CAST(NEW.name AS BLOB)) > 256
            THEN RAISE(ABORT, 'treatment_kind.name: longer than 256 bytes')
        WHEN NEW.name IS NOT OLD.name
             AND (instr(CAST(NEW.name AS BLOB), X'00') > 0
                  OR NEW.name GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'treatment_kind.name: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER trigger_cause_text_insert BEFORE INSERT ON trigger_cause
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.code AS BLOB)) > 320
            THEN RAISE(ABORT, 'trigger_cause.code: longer than 320 bytes')
        WHEN instr(CAST(NEW.code AS BLOB), X'00') > 0
             OR NEW.code GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'trigger_cause.code: a control character other than tab, LF or CR')
        WHEN instr(NEW.code, ';') > 0
            THEN RAISE(ABORT, 'trigger_cause.code: a semicolon (CSV lists codes separated by ;)')
        WHEN length(CAST(NEW.name AS BLOB)) > 256
            THEN RAISE(ABORT, 'trigger_cause.name: longer than 256 bytes')
        WHEN instr(CAST(NEW.name AS BLOB), X'00') > 0
             OR NEW.name GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'trigger_cause.name: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER trigger_cause_text_update BEFORE UPDATE OF code, name ON trigger_cause
BEGIN
    SELECT CASE
        WHEN NEW.code IS NOT OLD.code AND length(CAST(NEW.code AS BLOB)) > 320
            THEN RAISE(ABORT, 'trigger_cause.code: longer than 320 bytes')
        WHEN NEW.code IS NOT OLD.code
             AND (instr(CAST(NEW.code AS BLOB), X'00') > 0
                  OR NEW.code GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'trigger_cause.code: a control character other than tab, LF or CR')
        WHEN NEW.code IS NOT OLD.code AND instr(NEW.code, ';') > 0
            THEN RAISE(ABORT, 'trigger_cause.code: a semicolon (CSV lists codes separated by ;)')
        WHEN NEW.name IS NOT OLD.name AND length(CAST(NEW.name AS BLOB)) > 256
            THEN RAISE(ABORT, 'trigger_cause.name: longer than 256 bytes')
        WHEN NEW.name IS NOT OLD.name
             AND (instr(CAST(NEW.name AS BLOB), X'00') > 0
                  OR NEW.name GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'trigger_cause.name: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER session_text_insert BEFORE INSERT ON session
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.therapist AS BLOB)) > 256
            THEN RAISE(ABORT, 'session.therapist: longer than 256 bytes')
        WHEN instr(CAST(NEW.therapist AS BLOB), X'00') > 0
             OR NEW.therapist GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'session.therapist: a control character other than tab, LF or CR')
        WHEN length(CAST(NEW.subjective AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session.subjective: longer than 1 MiB (1048576 bytes)')
        WHEN instr(CAST(NEW.subjective AS BLOB), X'00') > 0
             OR NEW.subjective GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'session.subjective: a control character other than tab, LF or CR')
        WHEN length(CAST(NEW.objective AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session.objective: longer than 1 MiB (1048576 bytes)')
        WHEN instr(CAST(NEW.objective AS BLOB), X'00') > 0
             OR NEW.objective GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'session.objective: a control character other than tab, LF or CR')
        WHEN length(CAST(NEW.assessment AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session.assessment: longer than 1 MiB (1048576 bytes)')
        WHEN instr(CAST(NEW.assessment AS BLOB), X'00') > 0
             OR NEW.assessment GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'session.assessment: a control character other than tab, LF or CR')
        WHEN length(CAST(NEW.plan AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session.plan: longer than 1 MiB (1048576 bytes)')
        WHEN instr(CAST(NEW.plan AS BLOB), X'00') > 0
             OR NEW.plan GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'session.plan: a control character other than tab, LF or CR')
        WHEN length(CAST(NEW.notes AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session.notes: longer than 1 MiB (1048576 bytes)')
        WHEN instr(CAST(NEW.notes AS BLOB), X'00') > 0
             OR NEW.notes GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'session.notes: a control character other than tab, LF or CR')
        WHEN length(CAST(NEW.signed_by AS BLOB)) > 256
            THEN RAISE(ABORT, 'session.signed_by: longer than 256 bytes')
        WHEN instr(CAST(NEW.signed_by AS BLOB), X'00') > 0
             OR NEW.signed_by GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'session.signed_by: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER session_text_update BEFORE UPDATE
    OF therapist, subjective, objective, assessment, plan, notes, signed_by ON session
BEGIN
    SELECT CASE
        WHEN NEW.therapist IS NOT OLD.therapist AND length(CAST(NEW.therapist AS BLOB)) > 256
            THEN RAISE(ABORT, 'session.therapist: longer than 256 bytes')
        WHEN NEW.therapist IS NOT OLD.therapist
             AND (instr(CAST(NEW.therapist AS BLOB), X'00') > 0
                  OR NEW.therapist GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'session.therapist: a control character other than tab, LF or CR')
        WHEN NEW.subjective IS NOT OLD.subjective AND length(CAST(NEW.subjective AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session.subjective: longer than 1 MiB (1048576 bytes)')
        WHEN NEW.subjective IS NOT OLD.subjective
             AND (instr(CAST(NEW.subjective AS BLOB), X'00') > 0
                  OR NEW.subjective GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'session.subjective: a control character other than tab, LF or CR')
        WHEN NEW.objective IS NOT OLD.objective AND length(CAST(NEW.objective AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session.objective: longer than 1 MiB (1048576 bytes)')
        WHEN NEW.objective IS NOT OLD.objective
             AND (instr(CAST(NEW.objective AS BLOB), X'00') > 0
                  OR NEW.objective GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'session.objective: a control character other than tab, LF or CR')
        WHEN NEW.assessment IS NOT OLD.assessment AND length(CAST(NEW.assessment AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session.assessment: longer than 1 MiB (1048576 bytes)')
        WHEN NEW.assessment IS NOT OLD.assessment
             AND (instr(CAST(NEW.assessment AS BLOB), X'00') > 0
                  OR NEW.assessment GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'session.assessment: a control character other than tab, LF or CR')
        WHEN NEW.plan IS NOT OLD.plan AND length(CAST(NEW.plan AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session.plan: longer than 1 MiB (1048576 bytes)')
        WHEN NEW.plan IS NOT OLD.plan
             AND (instr(CAST(NEW.plan AS BLOB), X'00') > 0
                  OR NEW.plan GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'session.plan: a control character other than tab, LF or CR')
        WHEN NEW.notes IS NOT OLD.notes AND length(CAST(NEW.notes AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session.notes: longer than 1 MiB (1048576 bytes)')
        WHEN NEW.notes IS NOT OLD.notes
             AND (instr(CAST(NEW.notes AS BLOB), X'00') > 0
                  OR NEW.notes GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'session.notes: a control character other than tab, LF or CR')
        WHEN NEW.signed_by IS NOT OLD.signed_by AND length(CAST(NEW.signed_by AS BLOB)) > 256
            THEN RAISE(ABORT, 'session.signed_by: longer than 256 bytes')
        WHEN NEW.signed_by IS NOT OLD.signed_by
             AND (instr(CAST(NEW.signed_by AS BLOB), X'00') > 0
                  OR NEW.signed_by GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'session.signed_by: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER knot_text_insert BEFORE INSERT ON knot
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.region_code AS BLOB)) > 320
            THEN RAISE(ABORT, 'knot.region_code: longer than 320 bytes')
        WHEN instr(CAST(NEW.region_code AS BLOB), X'00') > 0
             OR NEW.region_code GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'knot.region_code: a control character other than tab, LF or CR')
        WHEN length(CAST(NEW.label AS BLOB)) > 256
            THEN RAISE(ABORT, 'knot.label: longer than 256 bytes')
        WHEN instr(CAST(NEW.label AS BLOB), X'00') > 0
             OR NEW.label GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'knot.label: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER knot_text_update BEFORE UPDATE OF region_code, label ON knot
BEGIN
    SELECT CASE
        WHEN NEW.region_code IS NOT OLD.region_code AND length(CAST(NEW.region_code AS BLOB)) > 320
            THEN RAISE(ABORT, 'knot.region_code: longer than 320 bytes')
        WHEN NEW.region_code IS NOT OLD.region_code
             AND (instr(CAST(NEW.region_code AS BLOB), X'00') > 0
                  OR NEW.region_code GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'knot.region_code: a control character other than tab, LF or CR')
        WHEN NEW.label IS NOT OLD.label AND length(CAST(NEW.label AS BLOB)) > 256
            THEN RAISE(ABORT, 'knot.label: longer than 256 bytes')
        WHEN NEW.label IS NOT OLD.label
             AND (instr(CAST(NEW.label AS BLOB), X'00') > 0
                  OR NEW.label GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'knot.label: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER observation_text_insert BEFORE INSERT ON observation
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.notes AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'observation.notes: longer than 1 MiB (1048576 bytes)')
        WHEN instr(CAST(NEW.notes AS BLOB), X'00') > 0
             OR NEW.notes GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'observation.notes: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER observation_text_update BEFORE UPDATE OF notes ON observation
BEGIN
    SELECT CASE
        WHEN NEW.notes IS NOT OLD.notes AND length(CAST(NEW.notes AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'observation.notes: longer than 1 MiB (1048576 bytes)')
        WHEN NEW.notes IS NOT OLD.notes
             AND (instr(CAST(NEW.notes AS BLOB), X'00') > 0
                  OR NEW.notes GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'observation.notes: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER observation_referral_text_insert BEFORE INSERT ON observation_referral
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.region_code AS BLOB)) > 320
            THEN RAISE(ABORT, 'observation_referral.region_code: longer than 320 bytes')
        WHEN instr(CAST(NEW.region_code AS BLOB), X'00') > 0
             OR NEW.region_code GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT,
                'observation_referral.region_code: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER observation_referral_text_update BEFORE UPDATE OF region_code ON observation_referral
BEGIN
    SELECT CASE
        WHEN NEW.region_code IS NOT OLD.region_code AND length(CAST(NEW.region_code AS BLOB)) > 320
            THEN RAISE(ABORT, 'observation_referral.region_code: longer than 320 bytes')
        WHEN NEW.region_code IS NOT OLD.region_code
             AND (instr(CAST(NEW.region_code AS BLOB), X'00') > 0
                  OR NEW.region_code GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT,
                'observation_referral.region_code: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER treatment_text_insert BEFORE INSERT ON treatment
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.medication AS BLOB)) > 256
            THEN RAISE(ABORT, 'treatment.medication: longer than 256 bytes')
        WHEN instr(CAST(NEW.medication AS BLOB), X'00') > 0
             OR NEW.medication GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'treatment.medication: a control character other than tab, LF or CR')
        WHEN length(CAST(NEW.notes AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'treatment.notes: longer than 1 MiB (1048576 bytes)')
        WHEN instr(CAST(NEW.notes AS BLOB), X'00') > 0
             OR NEW.notes GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT, 'treatment.notes: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER treatment_text_update BEFORE UPDATE OF medication, notes ON treatment
BEGIN
    SELECT CASE
        WHEN NEW.medication IS NOT OLD.medication AND length(CAST(NEW.medication AS BLOB)) > 256
            THEN RAISE(ABORT, 'treatment.medication: longer than 256 bytes')
        WHEN NEW.medication IS NOT OLD.medication
             AND (instr(CAST(NEW.medication AS BLOB), X'00') > 0
                  OR NEW.medication GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'treatment.medication: a control character other than tab, LF or CR')
        WHEN NEW.notes IS NOT OLD.notes AND length(CAST(NEW.notes AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'treatment.notes: longer than 1 MiB (1048576 bytes)')
        WHEN NEW.notes IS NOT OLD.notes
             AND (instr(CAST(NEW.notes AS BLOB), X'00') > 0
                  OR NEW.notes GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT))
            THEN RAISE(ABORT, 'treatment.notes: a control character other than tab, LF or CR')
    END;
END;
CREATE TRIGGER session_amendment_text_insert BEFORE INSERT ON session_amendment
BEGIN
    SELECT CASE
        WHEN length(CAST(NEW.original_value AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session_amendment.original_value: longer than 1 MiB (1048576 bytes)')
        WHEN instr(CAST(NEW.original_value AS BLOB), X'00') > 0
             OR NEW.original_value GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT,
                'session_amendment.original_value: a control character other than tab, LF or CR')
        WHEN length(CAST(NEW.new_value AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session_amendment.new_value: longer than 1 MiB (1048576 bytes)')
        WHEN instr(CAST(NEW.new_value AS BLOB), X'00') > 0
             OR NEW.new_value GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT,
                'session_amendment.new_value: a control character other than tab, LF or CR')
        WHEN length(CAST(NEW.author AS BLOB)) > 256
            THEN RAISE(ABORT, 'session_amendment.author: longer than 256 bytes')
        WHEN instr(CAST(NEW.author AS BLOB), X'00') > 0
             OR NEW.author GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT,
                'session_amendment.author: a control character other than tab, LF or CR')
        WHEN length(CAST(NEW.reason AS BLOB)) > 1048576
            THEN RAISE(ABORT, 'session_amendment.reason: longer than 1 MiB (1048576 bytes)')
        WHEN instr(CAST(NEW.reason AS BLOB), X'00') > 0
             OR NEW.reason GLOB CAST(X'2A5B012D080B0C0E2D1F7F2DC29F5D2A' AS TEXT)
            THEN RAISE(ABORT,
                'session_amendment.reason: a control character other than tab, LF or CR')
    END;
END;
