#!/usr/bin/env bash
# Issue 16: a clinic practice on a PostgreSQL server, where the database
# itself (grants, row-level security, triggers) decides who sees and changes
# what, whatever program a person uses: here psql, signed in as each login.
#
# A fresh server of its own (the roles made here are the server's, shared by
# all its databases, so the run's shared test server is no place for them):
# database clinic, a demo history written by the superuser knotmap, then a
# practice with owner olga, practitioners dana and bob, front desk fran, and
# a login stranger that is no practitioner. Every Knotmap table is tried for
# SELECT, INSERT, UPDATE and DELETE by each of them; the writes are probes in
# a transaction that is rolled back, so the counts stay comparable. A table of
# what each role saw closes the run.
#
# Each check that fails is reported and the run goes on (a broken policy
# usually breaks several checks; all of them are worth seeing); the test
# fails at the end if any did.
source "$(dirname "$0")/lib.sh" "$1"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# --- the server --------------------------------------------------------------
# Directly under /tmp: under root the server runs as nobody, who cannot enter
# $WORK; and the socket's path must stay short.
PGDIR=$(mktemp -u /tmp/knotmap-practice-XXXXXX)
stop_server() { "$ROOT/scripts/test-postgres" stop "$PGDIR" >/dev/null 2>&1 || true; cleanup; }
trap stop_server EXIT
trap 'exit 143' TERM INT HUP
"$ROOT/scripts/test-postgres" start "$PGDIR" >/dev/null || fail "the test server did not start"
PORT=$(sed 's/.*port=\([0-9]*\).*/\1/' "$PGDIR/conninfo")
conn() { echo "host=$PGDIR port=$PORT user=$1 dbname=clinic"; }
psql -X -q -v ON_ERROR_STOP=1 "host=$PGDIR port=$PORT user=knotmap dbname=postgres" \
  -c "CREATE DATABASE clinic" >/dev/null

# --- helpers -------------------------------------------------------------------
FAILURES=0
bad() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }
check_eq() { # expected actual what
  if [[ "$1" == "$2" ]]; then echo "    ok: $3"; else bad "$3: expected '$1', got '$2'"; fi
}

# su SQL: the superuser knotmap's answer (owns the tables: no policy applies).
su() { psql "$(conn knotmap)" -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"; }

# as ROLE SQL...: runs the statements as login ROLE with psql, in one
# transaction that is rolled back (a probe: the database stays as it was).
# OUT holds what psql printed (rows with '|' between columns, or the error),
# RC its exit code. Prints the role, the SQL and the answer.
# as_keep ROLE SQL...: the same, committed.
run_psql() { # KEEP ROLE SQL...
  local keep=$1 role=$2 args=() statement
  shift 2
  [[ $keep == 1 ]] || args+=(-c BEGIN)
  for statement in "$@"; do args+=(-c "$statement"); done
  [[ $keep == 1 ]] || args+=(-c ROLLBACK)
  set +e
  OUT=$(psql "$(conn "$role")" -X -q -t -A -v ON_ERROR_STOP=1 "${args[@]}" 2>&1)
  RC=$?
  set -e
  OUT=${OUT//$'\n'/ ; }
  OUT=${OUT//ERROR:  /ERROR: }
  local shown=$*
  printf '  %-8s %s\n           -> %s\n' "[$role]" "${shown//$'\n'/ }" "$OUT"
}
as() { run_psql 0 "$@"; }
as_keep() { run_psql 1 "$@"; }

# batch ROLE SQL...: many probes in one connection (a psql start costs more
# than most probes): each statement (one value or none) in a savepoint that
# is rolled back, the whole in a transaction that is rolled back.
# B_RC[i] and B_OUT[i] as RC and OUT for statement i; `take i` sets RC and OUT.
batch() {
  local role=$1 script="BEGIN;" statement i=0 line
  shift
  for statement in "$@"; do
    script+=$'\n'"\\set n ''"$'\n'"SAVEPOINT probe;"$'\n'"$statement \\gset"$'\n'
    script+="\\if :ERROR"$'\n'"\\echo err :LAST_ERROR_MESSAGE"$'\n'"\\else"$'\n'
    script+="\\echo ok :n"$'\n'"\\endif"$'\n'"ROLLBACK TO SAVEPOINT probe;"
  done
  script+=$'\n'"ROLLBACK;"
  B_RC=() B_OUT=()
  while IFS= read -r line; do
    case $line in
    "ok "*) B_RC+=(0) B_OUT+=("${line#ok }") ;;
    "err "*) B_RC+=(1) B_OUT+=("ERROR: ${line#err }") ;;
    esac
  done < <(psql "$(conn "$role")" -X -q -t -A -f - <<<"$script" 2>/dev/null)
  [[ ${#B_RC[@]} -eq $# ]] || fail "batch as $role: ${#B_RC[@]} answers to $# statements"
  for statement in "$@"; do
    printf '  %-8s %s\n           -> %s\n' "[$role]" "${statement//$'\n'/ }" "${B_OUT[$i]}"
    i=$((i + 1))
  done
}
take() { RC=${B_RC[$1]}; OUT=${B_OUT[$1]}; }

expect_count() { # ROLE N SQL [what]: the SQL (a count) answers N
  as "$1" "$3"
  if [[ $RC -ne 0 ]]; then bad "${4:-$1: $3}: expected $2, got an error: $OUT"
  else check_eq "$2" "$OUT" "${4:-$1: $3}"; fi
}
expect_denied() { # ROLE SQL [PATTERN [what]]: refused, saying PATTERN
  local pattern=${3:-permission denied}
  as "$1" "$2"
  if [[ $RC -eq 0 ]]; then bad "${4:-$1: $2}: expected a refusal ($pattern), but it worked: $OUT"
  elif [[ $OUT != *"$pattern"* ]]; then bad "${4:-$1: $2}: refused, but not with '$pattern': $OUT"
  else echo "    ok: refused ($pattern)"; fi
}
expect_ok() { # ROLE SQL...: works
  as "$@"
  if [[ $RC -ne 0 ]]; then bad "$1: ${*:2}: expected to work, got: $OUT"; else echo "    ok: works"; fi
}
# What a statement did, in one character: + wrote rows, 0 no row (the
# policies hid them), r refused by row-level security (WITH CHECK),
# x permission denied (grants), ! refused by a trigger or check (the message
# is printed above it).
outcome() {
  if [[ $RC -eq 0 ]]; then
    if [[ $OUT =~ ^[0-9]+$ && $OUT -gt 0 ]]; then echo "+"; else echo "0"; fi
  elif [[ $OUT == *"permission denied"* ]]; then echo "x"
  elif [[ $OUT == *"row-level security"* ]]; then echo "r"
  else echo "!"; fi
}
affected() { echo "WITH w AS ($1 RETURNING 1) SELECT count(*) AS n FROM w"; }

TABLES=(client session session_trigger knot observation observation_symptom observation_referral
        treatment session_amendment observation_amendment treatment_amendment audit_event
        practitioner client_access practice symptom treatment_kind trigger_cause
        knotmap_schema_version)
CLINICAL=(client session session_trigger knot observation observation_symptom
          observation_referral treatment session_amendment observation_amendment
          treatment_amendment)

# scoped TABLE CLIENT_IDS: the superuser's SQL counting TABLE's rows that
# belong to those clients (a comma list, or empty for none).
scoped() {
  local c="(${2:-NULL})"
  local sessions="SELECT id FROM session WHERE client_id IN $c"
  local observations="SELECT o.id FROM observation o JOIN knot k ON k.id = o.knot_id WHERE k.client_id IN $c"
  case $1 in
  client) echo "SELECT count(*) AS n FROM client WHERE id IN $c" ;;
  session | knot) echo "SELECT count(*) AS n FROM $1 WHERE client_id IN $c" ;;
  session_trigger | treatment | session_amendment)
    echo "SELECT count(*) AS n FROM $1 WHERE session_id IN ($sessions)" ;;
  observation) echo "SELECT count(*) AS n FROM observation WHERE knot_id IN (SELECT id FROM knot WHERE client_id IN $c)" ;;
  observation_symptom | observation_referral | observation_amendment)
    echo "SELECT count(*) AS n FROM $1 WHERE observation_id IN ($observations)" ;;
  treatment_amendment)
    echo "SELECT count(*) AS n FROM treatment_amendment WHERE treatment_id IN (SELECT t.id FROM treatment t JOIN session s ON s.id = t.session_id WHERE s.client_id IN $c)" ;;
  audit_event | client_access) echo "SELECT count(*) AS n FROM $1 WHERE client_id IN $c" ;;
  *) echo "SELECT count(*) AS n FROM $1" ;;
  esac
}

# The summary: SAW[role,table] is what the role's SELECT count(*) gave,
# WROTE[role@target,table] the outcomes of its INSERT, UPDATE and DELETE.
declare -A SAW WROTE
saw() { # ROLE TABLE: records the last answer
  if [[ $RC -eq 0 ]]; then SAW[$1,$2]=$OUT
  elif [[ $OUT == *"permission denied"* ]]; then SAW[$1,$2]=denied
  else SAW[$1,$2]=error; fi
}

# --- the practice's setup: through `knotmap practice` once it exists ----------
if "$KNOTMAP" practice --help >/dev/null 2>&1; then VIA=cli; else VIA=sql; fi
echo "# practice set up through: $VIA"
practice() { # ACTING_LOGIN ACTION ARGS...
  local who=$1 action=$2
  shift 2
  if [[ $VIA == cli ]]; then
    local cli_args=("$@")
    [[ $action == add && ${cli_args[4]:-} == front_desk ]] && cli_args[4]=front-desk
    run practice "$action" "${cli_args[@]}" --db "$(conn "$who")"
    printf '  %-8s knotmap practice %s %s\n           -> rc %s %s %s\n' "[$who]" "$action" "${cli_args[*]}" \
      "$RC" "${OUT//$'\n'/ ; }" "${ERR//$'\n'/ ; }"
  else
    local sql
    set -- "${@//\'/\'\'}"
    case $action in
    init) sql="SELECT knotmap_practice_init('$2', '$4', NULL)" ;;
    add) sql="SELECT knotmap_practice_add('$1', '$3', '$5', NULL)" ;;
    disable) sql="SELECT knotmap_practice_set_enabled('$1', false)" ;;
    enable) sql="SELECT knotmap_practice_set_enabled('$1', true)" ;;
    assign) sql="SELECT knotmap_practice_grant((SELECT id FROM client WHERE name = '$1'), '$3', 'assigned')" ;;
    share) sql="SELECT knotmap_practice_grant((SELECT id FROM client WHERE name = '$1'), '$3', 'shared')" ;;
    unshare) sql="SELECT knotmap_practice_unshare((SELECT id FROM client WHERE name = '$1'), '$3')" ;;
    esac
    as_keep "$who" "$sql"
  fi
  [[ $RC -eq 0 ]] || fail "practice $action $*: failed"
}

echo "# setup"
run demo --db "$(conn knotmap)" --clients 4 --days 30 --seed 7 --end 2026-11-30
[[ $RC -eq 0 ]] || fail "demo: $ERR"
echo "  $OUT"
[[ $(su "SELECT max(version) FROM knotmap_schema_version") -ge 7 ]] \
  || fail "the demo database is not at schema version 7 (is 007_practice_audit.sql built in?)"
mapfile -t CLIENT_IDS < <(su "SELECT id FROM client ORDER BY id")
[[ ${#CLIENT_IDS[@]} -eq 4 ]] || fail "expected 4 demo clients, got ${#CLIENT_IDS[@]}"
C1=${CLIENT_IDS[0]} C2=${CLIENT_IDS[1]} C3=${CLIENT_IDS[2]} C4=${CLIENT_IDS[3]}
name_of() { su "SELECT name FROM client WHERE id = $1"; }
# Before the practice (one person, nothing enforced): per client, one therapy
# visit signed with an amendment of the visit, a rating and a treatment, so
# the amendment tables have rows to see; and an unrated knot for the probes.
for c in "${CLIENT_IDS[@]}"; do
  su "WITH v AS (SELECT s.id FROM session s WHERE s.client_id = $c AND s.kind = 'therapy_visit'
                   AND EXISTS (SELECT 1 FROM observation o WHERE o.session_id = s.id)
                   AND EXISTS (SELECT 1 FROM treatment t WHERE t.session_id = s.id)
                 ORDER BY s.started_utc LIMIT 1)
      UPDATE session SET signed_by = 'Demo Therapist', signed_utc = started_utc + 3600
      WHERE id = (SELECT id FROM v)" >/dev/null
  signed=$(su "SELECT id FROM session WHERE client_id = $c AND signed_utc IS NOT NULL")
  [[ -n $signed ]] || fail "client $c has no therapy visit with ratings and treatments to sign"
  su "INSERT INTO session_amendment (session_id, field, original_value, new_value, author, amended_utc, reason)
        VALUES ($signed, 'notes', '', 'Amended.', 'Demo Therapist', 1796000000, 'typo');
      INSERT INTO observation_amendment (observation_id, field, original_value, new_value, author, amended_utc, reason)
        SELECT min(id), 'notes', '', 'Amended.', 'Demo Therapist', 1796000000, 'typo'
        FROM observation WHERE session_id = $signed;
      INSERT INTO treatment_amendment (treatment_id, field, original_value, new_value, author, amended_utc, reason)
        SELECT min(id), 'notes', '', 'Amended.', 'Demo Therapist', 1796000000, 'typo'
        FROM treatment WHERE session_id = $signed;
      INSERT INTO knot (client_id, view, x, y, region_code, label)
        SELECT $c, view, 0.5, 0.5, region_code, 'probe' FROM knot WHERE client_id = $c LIMIT 1" >/dev/null
done

practice knotmap init --login olga --name "Olga Owner" --no-password
practice olga add dana --name "Dana Ruiz" --role practitioner --no-password
practice olga add bob --name "Bob Lee" --role practitioner --no-password
practice olga add fran --name "Fran Desk" --role front_desk --no-password
practice olga assign "$(name_of "$C1")" --to dana
practice olga assign "$(name_of "$C2")" --to dana
practice olga assign "$(name_of "$C3")" --to bob
su "CREATE ROLE stranger LOGIN" >/dev/null
echo "  clients: $C1 $C2 -> dana, $C3 -> bob, $C4 -> nobody (the owner's alone)"
declare -A NAME=([olga]="Olga Owner" [dana]="Dana Ruiz" [bob]="Bob Lee" [fran]="Fran Desk" [stranger]="Stranger")

# The rows each client's probes aim at (found by the superuser).
declare -A ROW
for c in "${CLIENT_IDS[@]}"; do
  IFS='|' read -r ROW[$c,S] ROW[$c,ST] ROW[$c,O] ROW[$c,OR] ROW[$c,T] ROW[$c,K] ROW[$c,SS] \
    ROW[$c,OS] ROW[$c,TS] <<<"$(su "SELECT
      (SELECT min(id) FROM session WHERE client_id = $c AND signed_utc IS NULL),
      (SELECT min(st.session_id) FROM session_trigger st JOIN session s ON s.id = st.session_id
       WHERE s.client_id = $c AND s.signed_utc IS NULL),
      (SELECT min(o.id) FROM observation o JOIN session s ON s.id = o.session_id
       WHERE s.client_id = $c AND s.signed_utc IS NULL
         AND EXISTS (SELECT 1 FROM observation_symptom x WHERE x.observation_id = o.id)),
      (SELECT min(o.id) FROM observation o JOIN session s ON s.id = o.session_id
       WHERE s.client_id = $c AND s.signed_utc IS NULL
         AND EXISTS (SELECT 1 FROM observation_referral x WHERE x.observation_id = o.id)),
      (SELECT min(t.id) FROM treatment t JOIN session s ON s.id = t.session_id
       WHERE s.client_id = $c AND s.signed_utc IS NULL),
      (SELECT id FROM knot WHERE client_id = $c AND label = 'probe'),
      (SELECT id FROM session WHERE client_id = $c AND signed_utc IS NOT NULL),
      (SELECT observation_id FROM observation_amendment a JOIN observation o ON o.id = a.observation_id
       JOIN knot k ON k.id = o.knot_id WHERE k.client_id = $c),
      (SELECT treatment_id FROM treatment_amendment a JOIN treatment t ON t.id = a.treatment_id
       JOIN session s ON s.id = t.session_id WHERE s.client_id = $c)")"
  ROW[$c,REGION]=$(su "SELECT region_code FROM knot WHERE id = ${ROW[$c,K]:-0}")
  ROW[$c,SYMPTOM]=$(su "SELECT min(id) FROM symptom WHERE id NOT IN
                          (SELECT symptom_id FROM observation_symptom WHERE observation_id = ${ROW[$c,O]:-0})")
  for part in S ST O OR T K SS OS TS REGION SYMPTOM; do
    [[ -n ${ROW[$c,$part]} ]] || fail "client $c has no row for the $part probes"
  done
done
FREE_TRIGGER=$(su "SELECT max(id) FROM trigger_cause")
KIND=$(su "SELECT min(id) FROM treatment_kind")

# write_probes ROLE CLIENT: INSERT, UPDATE and DELETE on every table, aimed at
# CLIENT's rows, each rolled back; WROTE[ROLE@CLIENT,table] = "I? U? D?".
write_probes() {
  local role=$1 c=$2 table i u d me probes=()
  local S=${ROW[$c,S]} ST=${ROW[$c,ST]} O=${ROW[$c,O]} OR=${ROW[$c,OR]} T=${ROW[$c,T]}
  local K=${ROW[$c,K]} SS=${ROW[$c,SS]} OS=${ROW[$c,OS]} TS=${ROW[$c,TS]}
  me=${NAME[$role]}
  for table in "${TABLES[@]}"; do
    local ins upd del
    case $table in
    client) ins="INSERT INTO client (name, created_utc) VALUES ('New client of $role', 1796000000)"
            upd="UPDATE client SET notes = notes || ' (probe)' WHERE id = $c"
            del="DELETE FROM client WHERE id = $c" ;;
    session) ins="INSERT INTO session (client_id, started_utc, utc_offset_min, kind) VALUES ($c, 1796000000, 0, 'therapy_visit')"
             upd="UPDATE session SET notes = notes || ' (probe)' WHERE id = $S"
             del="DELETE FROM session WHERE id = $S" ;;
    session_trigger)
      ins="INSERT INTO session_trigger (session_id, trigger_id) VALUES ($S, $FREE_TRIGGER)"
      upd="UPDATE session_trigger SET trigger_id = trigger_id WHERE session_id = $ST"
      del="DELETE FROM session_trigger WHERE session_id = $ST" ;;
    knot) ins="INSERT INTO knot (client_id, view, x, y, region_code) VALUES ($c, 'front', 0.25, 0.25, '${ROW[$c,REGION]}')"
          upd="UPDATE knot SET label = label || ' (probe)' WHERE id = $K"
          del="DELETE FROM knot WHERE id = $K" ;;
    observation) ins="INSERT INTO observation (session_id, knot_id, pain, kind) VALUES ($S, $K, 3, 'tension')"
                 upd="UPDATE observation SET notes = notes || ' (probe)' WHERE id = $O"
                 del="DELETE FROM observation WHERE id = $O" ;;
    observation_symptom)
      ins="INSERT INTO observation_symptom (observation_id, symptom_id) VALUES ($O, ${ROW[$c,SYMPTOM]})"
      upd="UPDATE observation_symptom SET symptom_id = symptom_id WHERE observation_id = $O"
      del="DELETE FROM observation_symptom WHERE observation_id = $O" ;;
    observation_referral)
      ins="INSERT INTO observation_referral (observation_id, region_code) VALUES ($OR, 'probe_region')"
      upd="UPDATE observation_referral SET region_code = region_code WHERE observation_id = $OR"
      del="DELETE FROM observation_referral WHERE observation_id = $OR" ;;
    treatment) ins="INSERT INTO treatment (session_id, kind_id, minutes) VALUES ($S, $KIND, 5)"
               upd="UPDATE treatment SET notes = notes || ' (probe)' WHERE id = $T"
               del="DELETE FROM treatment WHERE id = $T" ;;
    session_amendment)
      ins="INSERT INTO session_amendment (session_id, field, original_value, new_value, author, amended_utc, reason) VALUES ($SS, 'plan', '', 'More.', '$me', 1796000000, 'probe')"
      upd="UPDATE session_amendment SET reason = reason || ' (probe)' WHERE session_id = $SS"
      del="DELETE FROM session_amendment WHERE session_id = $SS" ;;
    observation_amendment)
      # The amendment must start from the rating's pain as it is now.
      local pain
      pain=$(su "SELECT pain FROM observation WHERE id = $OS")
      ins="INSERT INTO observation_amendment (observation_id, field, original_value, new_value, author, amended_utc, reason) VALUES ($OS, 'pain', '$pain', '$(( (pain + 1) % 11 ))', '$me', 1796000000, 'probe')"
      upd="UPDATE observation_amendment SET reason = reason || ' (probe)' WHERE observation_id = $OS"
      del="DELETE FROM observation_amendment WHERE observation_id = $OS" ;;
    treatment_amendment)
      local minutes
      minutes=$(su "SELECT coalesce(minutes, -1) FROM treatment WHERE id = $TS")
      if [[ $minutes == -1 ]]; then
        ins="INSERT INTO treatment_amendment (treatment_id, field, original_value, new_value, author, amended_utc, reason) VALUES ($TS, 'minutes', NULL, '10', '$me', 1796000000, 'probe')"
      else
        ins="INSERT INTO treatment_amendment (treatment_id, field, original_value, new_value, author, amended_utc, reason) VALUES ($TS, 'minutes', '$minutes', '$((minutes + 1))', '$me', 1796000000, 'probe')"
      fi
      upd="UPDATE treatment_amendment SET reason = reason || ' (probe)' WHERE treatment_id = $TS"
      del="DELETE FROM treatment_amendment WHERE treatment_id = $TS" ;;
    audit_event)
      ins="INSERT INTO audit_event (at_utc, person, table_name, row_id, action, client_id) VALUES (1796000000, '$role', 'client', $c, 'update', $c)"
      upd="UPDATE audit_event SET person = 'nobody' WHERE client_id = $c"
      del="DELETE FROM audit_event WHERE client_id = $c" ;;
    practitioner)
      ins="INSERT INTO practitioner (login, name, role, created_utc) VALUES ('${role}2', 'Another', 'owner', 1796000000)"
      upd="UPDATE practitioner SET role = 'owner' WHERE login = '$role' OR login = 'dana'"
      del="DELETE FROM practitioner WHERE login = 'bob'" ;;
    client_access)
      ins="INSERT INTO client_access (client_id, practitioner_id, kind, granted_by, granted_utc) SELECT $c, id, 'shared', '$role', 1796000000 FROM practitioner WHERE login IN ('$role', 'dana')"
      upd="UPDATE client_access SET granted_by = 'nobody' WHERE client_id = $c"
      del="DELETE FROM client_access WHERE client_id = $c" ;;
    practice)
      ins="INSERT INTO practice (owner_role, practitioner_role, front_desk_role, created_utc) VALUES ('a', 'b', 'c', 0)"
      upd="UPDATE practice SET owner_role = '$role'"
      del="DELETE FROM practice" ;;
    symptom | treatment_kind | trigger_cause)
      ins="INSERT INTO $table (code, name) VALUES ('probe_$role', 'Probe of $role')"
      upd="UPDATE $table SET sort_order = sort_order + 1 WHERE id = (SELECT min(id) FROM $table)"
      del="DELETE FROM $table WHERE id = (SELECT max(id) FROM $table)" ;;
    knotmap_schema_version)
      ins="INSERT INTO knotmap_schema_version VALUES (99)"
      upd="UPDATE knotmap_schema_version SET version = 99"
      del="DELETE FROM knotmap_schema_version" ;;
    esac
    probes+=("$(affected "$ins")" "$(affected "$upd")" "$(affected "$del")")
  done
  batch "$role" "${probes[@]}"
  local n=0
  for table in "${TABLES[@]}"; do
    take $n; i=$(outcome); take $((n + 1)); u=$(outcome); take $((n + 2)); d=$(outcome)
    WROTE[$role@$c,$table]="I$i U$u D$d"
    n=$((n + 3))
  done
}
# expect_writes ROLE CLIENT TABLE=CODES...: compares with write_probes' outcomes.
expect_writes() {
  local role=$1 c=$2 entry table
  shift 2
  for entry in "$@"; do
    table=${entry%%=*}
    check_eq "${entry#*=}" "${WROTE[$role@$c,$table]:-not probed}" "$role writing $table rows of client $c"
  done
}
# expect_reads ROLE CLIENT_IDS TABLE...: the role's count of each table equals
# the superuser's count of the rows of those clients (all: every row).
expect_reads() {
  local role=$1 clients=$2 table wants=() counts=() n=0
  shift 2
  for table in "$@"; do
    if [[ $clients == all ]]; then wants+=("SELECT count(*) AS n FROM $table")
    else wants+=("$(scoped "$table" "$clients")"); fi
    counts+=("SELECT count(*) AS n FROM $table")
  done
  batch knotmap "${wants[@]}" >/dev/null
  wants=("${B_OUT[@]}")
  batch "$role" "${counts[@]}"
  for table in "$@"; do
    take $n
    if [[ $RC -ne 0 ]]; then bad "$role reads $table ($clients): expected ${wants[$n]}, got an error: $OUT"
    else check_eq "${wants[$n]}" "$OUT" "$role reads $table ($clients)"; fi
    saw "$role" "$table"
    n=$((n + 1))
  done
}
expect_read_denied() { # ROLE TABLE...
  local role=$1 table counts=() n=0
  shift
  for table in "$@"; do counts+=("SELECT count(*) AS n FROM $table"); done
  batch "$role" "${counts[@]}"
  for table in "$@"; do
    take $n
    if [[ $RC -eq 0 ]]; then bad "$role reading $table: expected permission denied, got $OUT"
    elif [[ $OUT != *"permission denied"* ]]; then bad "$role reading $table: refused, but not with permission denied: $OUT"
    else echo "    ok: $role reading $table: permission denied"; fi
    saw "$role" "$table"
    n=$((n + 1))
  done
}

ALL_COUNTS=()
for table in "${TABLES[@]}"; do ALL_COUNTS+=("SELECT count(*) AS n FROM $table"); done
batch knotmap "${ALL_COUNTS[@]}" >/dev/null
n=0
for table in "${TABLES[@]}"; do SAW[knotmap,$table]=${B_OUT[$n]}; n=$((n + 1)); done

# --- the owner ---------------------------------------------------------------
echo "# owner olga: every row; writes clinical data; the practice only through the functions"
expect_reads olga all "${TABLES[@]}"
write_probes olga "$C1"
# The owner alone may delete a client (with its records, signed or not).
expect_writes olga "$C1" client="I+ U+ D+" session="I+ U+ D+" session_trigger="I+ U+ D+" \
  knot="I+ U+ D+" observation="I+ U+ D+" observation_symptom="I+ U+ D+" \
  observation_referral="I+ U+ D+" treatment="I+ U+ D+" session_amendment="I+ U! D!" \
  observation_amendment="I+ U! D!" treatment_amendment="I+ U! D!" audit_event="Ix Ux Dx" \
  practitioner="Ix Ux Dx" client_access="Ix Ux Dx" practice="Ix Ux Dx" symptom="I+ U+ Dx" \
  treatment_kind="I+ U+ Dx" trigger_cause="I+ U+ Dx" knotmap_schema_version="Ix Ux Dx"
expect_denied olga "TRUNCATE audit_event" "permission denied"
expect_denied olga "TRUNCATE session" "permission denied"
expect_denied olga "DROP TRIGGER audit_event_is_append_only ON audit_event" "must be owner"
expect_denied olga "ALTER TABLE session DISABLE ROW LEVEL SECURITY" "must be owner"

# --- practitioners -----------------------------------------------------------
DANA="$C1,$C2" BOB="$C3"
echo "# practitioner dana: exactly the rows of her clients ($DANA)"
expect_reads dana "$DANA" "${CLINICAL[@]}" audit_event client_access
expect_reads dana all practitioner practice symptom treatment_kind trigger_cause knotmap_schema_version
expect_count dana 0 "SELECT count(*) FROM session WHERE client_id IN ($C3, $C4)" "dana sees no visit of bob's client or the unassigned one"
expect_count dana 0 "SELECT count(*) FROM audit_event WHERE client_id IS DISTINCT FROM $C1 AND client_id IS DISTINCT FROM $C2" \
  "dana's audit trail holds only her clients' events"
expect_count dana 0 "SELECT count(*) FROM client WHERE id = $C3" "dana does not see bob's client by id"
write_probes dana "$C1"
expect_writes dana "$C1" client="I+ U+ D0" session="I+ U+ D+" session_trigger="I+ U+ D+" \
  knot="I+ U+ D+" observation="I+ U+ D+" observation_symptom="I+ U+ D+" \
  observation_referral="I+ U+ D+" treatment="I+ U+ D+" session_amendment="I+ U! D!" \
  observation_amendment="I+ U! D!" treatment_amendment="I+ U! D!" audit_event="Ix Ux Dx" \
  practitioner="Ix Ux Dx" client_access="Ix Ux Dx" practice="Ix Ux Dx" symptom="I+ U+ Dx" \
  treatment_kind="I+ U+ Dx" trigger_cause="I+ U+ Dx" knotmap_schema_version="Ix Ux Dx"
echo "# practitioner dana on bob's client $C3: nothing to read, nothing written"
write_probes dana "$C3"
# A rating's or treatment's amendment is checked against its record by a
# trigger before the policy: the trigger cannot see bob's record either, and
# refuses it (I!) before the policy would (Ir). Nothing is written either way.
expect_writes dana "$C3" client="I+ U0 D0" session="Ir U0 D0" session_trigger="Ir U0 D0" \
  knot="Ir U0 D0" observation="Ir U0 D0" observation_symptom="Ir U0 D0" \
  observation_referral="Ir U0 D0" treatment="Ir U0 D0" session_amendment="Ir U0 D0" \
  observation_amendment="I! U0 D0" treatment_amendment="I! U0 D0" audit_event="Ix Ux Dx" \
  client_access="Ix Ux Dx"
expect_denied dana "UPDATE session SET client_id = $C3 WHERE id = ${ROW[$C1,S]}" "row-level security" \
  "dana moving her visit to bob's client"
expect_count dana 0 "$(affected "UPDATE session SET client_id = $C1 WHERE id = ${ROW[$C3,S]}")" \
  "dana taking bob's visit for her client"

echo "# dana adds a client: it is hers"
as_keep dana "INSERT INTO client (name, created_utc) VALUES ('Nina New', 1796000000)"
[[ $RC -eq 0 ]] || bad "dana could not add a client: $OUT"
NEW=$(su "SELECT id FROM client WHERE name = 'Nina New'")
expect_count dana 1 "SELECT count(*) FROM client WHERE name = 'Nina New'" "dana sees her new client"
check_eq "assigned|dana" "$(su "SELECT a.kind || '|' || p.login FROM client_access a JOIN practitioner p ON p.id = a.practitioner_id WHERE a.client_id = ${NEW:-0}")" \
  "the new client is assigned to dana"
expect_count bob 0 "SELECT count(*) FROM client WHERE name = 'Nina New'" "bob does not see dana's new client"
DANA="$DANA,$NEW"
expect_ok dana "INSERT INTO session (client_id, started_utc, utc_offset_min, kind) VALUES ($NEW, 1796000000, 0, 'therapy_visit')"

echo "# signing: only as oneself"
UNSIGNED=${ROW[$C1,S]}
expect_denied dana "UPDATE session SET signed_by = 'Bob Lee', signer = 'bob', signed_utc = 1796100000 WHERE id = $UNSIGNED" \
  "cannot sign for Bob Lee" "dana signing as bob"
expect_denied dana "UPDATE session SET signed_by = 'Bob Lee', signed_utc = 1796100000 WHERE id = $UNSIGNED" \
  "cannot sign for Bob Lee" "dana signing under bob's name"
expect_denied dana "UPDATE session SET signed_by = 'Dana Ruiz', signer = 'bob', signed_utc = 1796100000 WHERE id = $UNSIGNED" \
  "cannot sign for" "dana signing with bob's login"
expect_denied dana "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, signed_by, signer, signed_utc) VALUES ($C1, 1796000000, 0, 'therapy_visit', 'Bob Lee', 'bob', 1796100000)" \
  "cannot sign for Bob Lee" "dana writing a visit signed by bob"
as_keep dana "UPDATE session SET signed_by = 'Dana Ruiz', signed_utc = 1796100000 WHERE id = $UNSIGNED"
[[ $RC -eq 0 ]] || bad "dana could not sign her own visit: $OUT"
check_eq "Dana Ruiz|dana" "$(su "SELECT signed_by || '|' || coalesce(signer, 'NULL') FROM session WHERE id = $UNSIGNED")" \
  "the visit dana signed names her (signed_by|signer)"
expect_denied dana "INSERT INTO session_amendment (session_id, field, original_value, new_value, author, amended_utc, reason) VALUES ($UNSIGNED, 'notes', '', 'x', 'Bob Lee', 1796200000, 'probe')" \
  "cannot write an amendment as Bob Lee" "dana writing an amendment as bob"
expect_denied dana "INSERT INTO treatment_amendment (treatment_id, field, original_value, new_value, author, amended_utc, reason) VALUES (${ROW[$C1,TS]}, 'minutes', '5', '6', 'Bob Lee', 1796200000, 'probe')" \
  "cannot write an amendment as Bob Lee" "dana writing a treatment amendment as bob"
as_keep dana "INSERT INTO session_amendment (session_id, field, original_value, new_value, author, amended_utc, reason) VALUES ($UNSIGNED, 'notes', '', 'Checked.', 'Dana Ruiz', 1796200000, 'addition')"
[[ $RC -eq 0 ]] || bad "dana could not amend her own signed visit: $OUT"
check_eq "Dana Ruiz|dana" "$(su "SELECT author || '|' || coalesce(author_login, 'NULL') FROM session_amendment WHERE session_id = $UNSIGNED AND reason = 'addition'")" \
  "dana's amendment names her (author|author_login)"

echo "# practitioner bob: his client ($BOB)"
expect_reads bob "$BOB" "${CLINICAL[@]}" audit_event client_access
expect_reads bob all practitioner practice symptom treatment_kind trigger_cause knotmap_schema_version

echo "# sharing: dana shares $(name_of "$C1") with bob, then stops"
practice dana share "$(name_of "$C1")" --with bob
for table in session knot observation treatment session_amendment audit_event; do
  expect_count bob "$(su "$(scoped "$table" "$C3,$C1")")" "SELECT count(*) FROM $table" "bob reads $table with client $C1 shared"
done
expect_count bob "$(su "$(scoped session "$C1")")" "SELECT count(*) FROM session WHERE client_id = $C1" "bob sees the shared client's visits"
expect_count bob 0 "SELECT count(*) FROM session WHERE client_id = $C2" "bob still sees nothing of dana's other client"
practice dana unshare "$(name_of "$C1")" --with bob
expect_count bob 0 "SELECT count(*) FROM session WHERE client_id = $C1" "bob no longer sees the unshared client"
expect_reads bob "$BOB" session knot observation
expect_count dana "$(su "$(scoped session "$C1")")" "SELECT count(*) FROM session WHERE client_id = $C1" \
  "dana keeps her assigned client after unsharing"
expect_denied bob "SELECT knotmap_practice_grant($C2, 'bob', 'shared')" "only the owner or a practitioner of the client" \
  "bob sharing dana's client with himself"
expect_denied dana "SELECT knotmap_practice_grant($C3, 'dana', 'assigned')" "only the practice's owner" \
  "dana assigning bob's client to herself"

# --- front desk --------------------------------------------------------------
echo "# front desk fran: who the clients are and when they come, nothing clinical"
ALL_CLIENTS=$(su "SELECT count(*) FROM client")
ALL_SESSIONS=$(su "SELECT count(*) FROM session")
expect_count fran "$ALL_CLIENTS" "SELECT count(*) FROM (SELECT id, name, notes FROM client) c" "fran reads every client's id, name and notes"
expect_count fran "$ALL_SESSIONS" "SELECT count(*) FROM (SELECT id, client_id, started_utc, kind FROM session) s" \
  "fran reads every visit's time and kind"
SAW[fran,client]="$ALL_CLIENTS (3 cols)"
SAW[fran,session]="$ALL_SESSIONS (5 cols)"
expect_denied fran "SELECT * FROM session" "permission denied" "fran: SELECT * FROM session"
expect_denied fran "SELECT overall_pain FROM session" "permission denied" "fran: SELECT overall_pain FROM session"
expect_denied fran "SELECT subjective FROM session" "permission denied" "fran: SELECT subjective FROM session"
expect_denied fran "SELECT count(*) FROM session WHERE overall_pain > 5" "permission denied" "fran filtering on pain"
expect_read_denied fran knot observation observation_symptom observation_referral treatment session_trigger \
  session_amendment observation_amendment treatment_amendment audit_event client_access
expect_reads fran all practitioner practice symptom treatment_kind trigger_cause knotmap_schema_version
write_probes fran "$C1"
expect_writes fran "$C1" client="I+ U+ Dx" session="I+ Ux Dx" session_trigger="Ix Ux Dx" \
  knot="Ix Ux Dx" observation="Ix Ux Dx" observation_symptom="Ix Ux Dx" \
  observation_referral="Ix Ux Dx" treatment="Ix Ux Dx" session_amendment="Ix Ux Dx" \
  observation_amendment="Ix Ux Dx" treatment_amendment="Ix Ux Dx" audit_event="Ix Ux Dx" \
  practitioner="Ix Ux Dx" client_access="Ix Ux Dx" practice="Ix Ux Dx" symptom="Ix Ux Dx" \
  treatment_kind="Ix Ux Dx" trigger_cause="Ix Ux Dx" knotmap_schema_version="Ix Ux Dx"
as_keep fran "INSERT INTO client (name, created_utc) VALUES ('Walk In', 1796000000)" \
  "INSERT INTO session (client_id, started_utc, utc_offset_min, kind) SELECT id, 1796300000, 60, 'therapy_visit' FROM client WHERE name = 'Walk In'"
[[ $RC -eq 0 ]] && echo "    ok: works" || bad "fran could not add a client and a visit: $OUT"
expect_denied fran "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, subjective) VALUES ($C1, 1796300000, 0, 'therapy_visit', 'x')" \
  "permission denied" "fran writing a clinical column of a visit"
expect_denied fran "INSERT INTO session (client_id, started_utc, utc_offset_min, kind) VALUES ($C1, 1796300000, 0, 'therapy_visit') RETURNING *" \
  "permission denied" "fran reading a new visit back with RETURNING *"

# --- no practitioner ---------------------------------------------------------
echo "# stranger: a login that is no practitioner sees nothing"
expect_read_denied stranger "${TABLES[@]}"
write_probes stranger "$C1"
for table in "${TABLES[@]}"; do expect_writes stranger "$C1" "$table=Ix Ux Dx"; done
expect_count stranger "" "SELECT knotmap_my_role()" "stranger has no role"
expect_denied stranger "SELECT knotmap_practice_add('stranger2', 'S', 'owner', NULL)" "only the practice's owner" \
  "stranger adding a practitioner"
expect_denied stranger "SELECT knotmap_practice_grant($C1, 'dana', 'shared')" "only the owner" "stranger sharing a client"
# The functions that act for the owner check who calls them; the helper they
# share must not be callable on its own (EXECUTE is PUBLIC's by default).
expect_denied stranger "SELECT knotmap_practice_enrol('stranger', 'Stranger', 'owner', NULL)" "ERROR" \
  "stranger making itself the owner through knotmap_practice_enrol"
expect_denied fran "SELECT knotmap_practice_enrol('mallory', 'Mallory', 'owner', NULL)" "ERROR" \
  "front desk making a new owner login through knotmap_practice_enrol"
expect_count stranger 0 "SELECT count(*) FROM (SELECT unnest(knotmap_my_clients())) c" "stranger has no clients"

# --- disabling ---------------------------------------------------------------
echo "# disable dana: no more signing in; her records stay"
BEFORE=$(su "SELECT (SELECT count(*) FROM client_access a JOIN practitioner p ON p.id = a.practitioner_id WHERE p.login = 'dana')
               || '|' || (SELECT count(*) FROM session WHERE signer = 'dana')
               || '|' || (SELECT count(*) FROM session_amendment WHERE author_login = 'dana')")
expect_denied dana "SELECT knotmap_practice_set_enabled('bob', false)" "only the practice's owner" "dana disabling bob"
expect_denied olga "SELECT knotmap_practice_set_enabled('olga', false)" "cannot disable yourself" "olga disabling herself"
practice olga disable dana
as dana "SELECT 1"
if [[ $RC -eq 0 ]]; then bad "disabled dana could still connect"
else check_eq yes "$([[ $OUT == *"not permitted to log in"* ]] && echo yes || echo "$OUT")" "disabled dana cannot sign in"; fi
check_eq "0|$BEFORE" "$(su "SELECT enabled FROM practitioner WHERE login = 'dana'")|$(su "SELECT (SELECT count(*) FROM client_access a JOIN practitioner p ON p.id = a.practitioner_id WHERE p.login = 'dana')
               || '|' || (SELECT count(*) FROM session WHERE signer = 'dana')
               || '|' || (SELECT count(*) FROM session_amendment WHERE author_login = 'dana')")" \
  "disabled dana's row, assignments, signatures and amendments stay (enabled|access|signed|amended)"
check_eq "3|1|1" "$BEFORE" "dana had 3 assigned clients, 1 signed visit, 1 amendment"
expect_denied olga "SELECT knotmap_practice_grant($C4, 'dana', 'shared')" "not an enabled practitioner" \
  "sharing with disabled dana"
practice olga enable dana
expect_reads dana "$DANA" session knot

# --- the audit trail ---------------------------------------------------------
echo "# the audit trail: append-only, even for the superuser"
EVENTS=$(su "SELECT count(*) FROM audit_event")
as knotmap "$(affected "UPDATE audit_event SET person = 'nobody' WHERE id = (SELECT min(id) FROM audit_event)")"
check_eq "!|yes" "$(outcome)|$([[ $OUT == *"audit_event: the audit trail cannot be changed or deleted"* ]] && echo yes || echo no)" \
  "the superuser's UPDATE of audit_event is refused by the trigger"
as knotmap "$(affected "DELETE FROM audit_event WHERE id = (SELECT min(id) FROM audit_event)")"
check_eq "!|yes" "$(outcome)|$([[ $OUT == *"audit_event: the audit trail cannot be changed or deleted"* ]] && echo yes || echo no)" \
  "the superuser's DELETE of audit_event is refused by the trigger"
as knotmap "TRUNCATE audit_event"
check_eq "!|yes" "$(outcome)|$([[ $OUT == *"audit_event: the audit trail cannot be changed or deleted"* ]] && echo yes || echo no)" \
  "the superuser's TRUNCATE of audit_event is refused by the trigger"
check_eq "$EVENTS" "$(su "SELECT count(*) FROM audit_event")" "the trail is whole"
check_eq "yes" "$(su "SELECT CASE WHEN count(*) > 0 THEN 'yes' ELSE 'no' END FROM audit_event WHERE person = 'dana' AND table_name = 'session' AND action = 'update'")" \
  "the trail names dana for the visit she signed"
check_eq "fran" "$(su "SELECT person FROM audit_event WHERE table_name = 'client' AND action = 'insert' AND after LIKE '%Walk In%'")" \
  "the trail names fran for the client she added"

# --- what each role saw ------------------------------------------------------
echo
echo "# What each role saw: SELECT count(*) per table (denied: permission denied)"
ROLES=(knotmap olga dana bob fran stranger)
printf '%-24s' table; for role in "${ROLES[@]}"; do printf '%-14s' "$role"; done; echo
for table in "${TABLES[@]}"; do
  printf '%-24s' "$table"
  for role in "${ROLES[@]}"; do printf '%-14s' "${SAW[$role,$table]:--}"; done
  echo
done
echo
echo "# Writes, aimed at dana's client $C1 (and bob's client $C3 for dana), each rolled back:"
echo "# I/U/D = INSERT/UPDATE/DELETE; + rows written, 0 no row (hidden by the policies),"
echo "# r refused by row-level security, x permission denied, ! refused by a trigger"
WRITERS=("olga@$C1" "dana@$C1" "dana@$C3" "fran@$C1" "stranger@$C1")
printf '%-24s' table; for w in "${WRITERS[@]}"; do printf '%-14s' "$w"; done; echo
for table in "${TABLES[@]}"; do
  printf '%-24s' "$table"
  for w in "${WRITERS[@]}"; do printf '%-14s' "${WROTE[$w,$table]:--}"; done
  echo
done
echo
if [[ $FAILURES -gt 0 ]]; then
  echo "$FAILURES check(s) failed (FAIL lines above, on stderr)" >&2
  exit 1
fi
pass "the practice's grants, policies and triggers hold for every role and table"
