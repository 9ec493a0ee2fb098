#!/usr/bin/env bash
# `knotmap import` of other pain apps' CSV exports, with the sample files in
# tests/e2e/samples (written by this project from each app's documented
# layout): Bearable (both headers), Flaredown and CrisisCore are recognised
# by their headers; body areas are mapped through assets/atlas/body_areas.csv
# and listed; ratings on 0-4 become 0, 3, 5, 8, 10; unmapped areas stop the
# import until --skip-unmapped; any other CSV is read with --map. Every
# result is checked with an independent reader (sqlite3, psql).
source "$(dirname "$0")/lib.sh" "$1"

samples="$(dirname "$0")/samples"
export TZ=Europe/Oslo
# "region|pain|local start" for every rating of the client, in order.
ratings() { # DB CLIENT
  sql "$1" "SELECT k.region_code || '|' || o.pain || '|' || datetime(s.started_utc + s.utc_offset_min * 60, 'unixepoch')
              FROM observation o JOIN knot k ON k.id = o.knot_id JOIN session s ON s.id = o.session_id
              JOIN client c ON c.id = s.client_id WHERE c.name = '$2'
             ORDER BY s.started_utc, k.region_code" \
          "SELECT k.region_code || '|' || o.pain || '|' || to_char(to_timestamp(s.started_utc + s.utc_offset_min * 60) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')
              FROM observation o JOIN knot k ON k.id = o.knot_id JOIN session s ON s.id = o.session_id
              JOIN client c ON c.id = s.client_id WHERE c.name = '$2'
             ORDER BY s.started_utc, k.region_code"
}

# --- Bearable: refused while an area is unmapped, then imported without it --
db=$(new_database apps)
"$KNOTMAP" demo --db "$db" --clients 1 --days 5 --seed 3 --end 2026-03-31 >/dev/null
before=$(db_fingerprint "$db")
run import --db "$db" "$samples/bearable.csv" --client "Bea"
assert_eq 1 "$RC" "Bearable with an unmapped symptom, without --skip-unmapped"
assert_contains "$ERR" "bearable.csv, line 7, column 6 (detail): body area 'Fatigue' matches no atlas region or synonym (docs/import-other-apps.md) (also on line 11)" "Fatigue listed with its lines"
assert_contains "$ERR" "bearable.csv: 2 ratings name body areas no atlas region matches; --skip-unmapped imports the rest without them" "the choice offered"
assert_eq "$before" "$(db_fingerprint "$db")" "database after the refusal"

run import --db "$db" "$samples/bearable.csv" --client "Bea" --skip-unmapped --dry-run
assert_eq 0 "$RC" "Bearable dry run ($ERR)"
assert_contains "$OUT" "Format: Bearable export; ratings: severity 0-4 (Mild 1, Moderate 2, Severe 3, Unbearable 4) to 0-10: 0, 3, 5, 8, 10" "format and scale named"
assert_contains "$OUT" "'Back (lower) pain' -> Left lumbar erector spinae (back.erector_spinae_lumbar.left) and Right lumbar erector spinae (back.erector_spinae_lumbar.right), by synonym 'lower back'; 2 ratings" "lower back on both sides"
assert_contains "$OUT" "'Left shoulder pain' -> Left front deltoid (front.deltoid.left), by synonym 'shoulder'; 1 rating" "a side word picks one side"
assert_contains "$OUT" "'Fatigue': not mapped (no atlas region or synonym); 2 entries left out, first on line 7" "unmapped listed"
assert_contains "$OUT" "4 other entries (Energy, Meds/Supplements, Mood and Sleep quality) carry no pain by body area" "other categories counted"
assert_eq "$before" "$(db_fingerprint "$db")" "database after the dry run"

run import --db "$db" "$samples/bearable.csv" --client "Bea" --skip-unmapped
assert_eq 0 "$RC" "Bearable import ($ERR)"
assert_contains "$OUT" "9 ratings for Bea (a new client), 4 new sessions" "Bearable summary"
assert_eq "back.cervical_paraspinals.left|5|2022-01-03 09:00:00
back.cervical_paraspinals.right|5|2022-01-03 09:00:00
back.erector_spinae_lumbar.left|3|2022-01-03 09:00:00
back.erector_spinae_lumbar.right|3|2022-01-03 09:00:00
back.cervical_paraspinals.left|8|2022-01-03 19:00:00
back.cervical_paraspinals.right|8|2022-01-03 19:00:00
front.deltoid.left|10|2022-01-04 09:02:00
back.cervical_paraspinals.left|3|2022-01-05 05:00:00
back.cervical_paraspinals.right|3|2022-01-05 05:00:00" "$(ratings "$db" Bea)" "Bearable ratings, times and sides"
assert_eq "after the long drive" "$(sql "$db" "SELECT DISTINCT o.notes FROM observation o JOIN session s ON s.id = o.session_id JOIN client c ON c.id = s.client_id WHERE c.name = 'Bea' AND o.pain = 8")" "Bearable note kept"
before=$(ratings "$db" Bea)
run import --db "$db" "$samples/bearable.csv" --client "Bea" --skip-unmapped
assert_eq 0 "$RC" "the same Bearable file again ($ERR)"
assert_contains "$OUT" "9 ratings are already in the database with the same pain (imported before) and are left out" "repeats counted"
assert_contains "$OUT" "Nothing new for Bea in " "nothing new said"
assert_contains "$OUT" ": every rating of the file is already there; nothing written" "nothing written said"
assert_eq "$before" "$(ratings "$db" Bea)" "Bea's ratings after the same file again"
# A newer export repeats the older one's rows and adds its own: only those
# are added. A rating changed since (here, in Knotmap) is refused, naming
# both values, and nothing of the file is written.
{
    cat "$samples/bearable.csv"
    echo '"6th Jan 2022","Thursday","am","Symptom","1","Neck pain (Mild)",""'
} >"$WORK/bearable-newer.csv"
run import --db "$db" "$WORK/bearable-newer.csv" --client "Bea" --skip-unmapped
assert_eq 0 "$RC" "the newer Bearable export ($ERR)"
assert_contains "$OUT" ": 2 ratings for Bea, 1 new session, 0 new knots" "only the new day's two sides added"
sql "$db" "UPDATE observation SET pain = 6 WHERE id = (SELECT o.id FROM observation o JOIN knot k ON k.id = o.knot_id JOIN client c ON c.id = k.client_id WHERE c.name = 'Bea' AND k.region_code = 'front.deltoid.left')" >/dev/null
{
    cat "$WORK/bearable-newer.csv"
    echo '"7th Jan 2022","Friday","am","Symptom","2","Neck pain (Moderate)",""'
} >"$WORK/bearable-newest.csv"
before=$(ratings "$db" Bea)
run import --db "$db" "$WORK/bearable-newest.csv" --client "Bea" --skip-unmapped
assert_eq 1 "$RC" "a file disagreeing with a rating changed since"
assert_contains "$ERR" "bearable-newest.csv, line 8, column 6 (detail): the database already has pain 6 for front.deltoid.left on 2022-01-04T09:02:00+01:00, and this row says 10 (imported before, then changed here or in the other app?)" "the disagreement named"
assert_eq "$before" "$(ratings "$db" Bea)" "Bea's ratings after the refused file"
pass "Bearable: refused while Fatigue is unmapped, then 9 ratings with the areas listed; again adds nothing, a newer export only its new day, a changed rating is refused"

run import --db "$db" "$samples/bearable-dated.csv" --client "Bea"
assert_eq 0 "$RC" "Bearable with date formatted ($ERR)"
assert_contains "$OUT" "Format: Bearable export (with date formatted)" "newer header recognised"
assert_contains "$OUT" "'Back (upper) pain' -> Left rhomboids (back.rhomboid.left) and Right rhomboids (back.rhomboid.right), by synonym 'upper back'" "upper back mapped"
assert_eq "front.knee.right|3|2023-02-11 13:00:00" "$(ratings "$db" Bea | grep knee)" "mid is 13:00"
pass "Bearable's newer export, with date formatted"

# --- Flaredown ---------------------------------------------------------------
run import --db "$db" "$samples/flaredown.csv" --client "Flo" --skip-unmapped
assert_eq 0 "$RC" "Flaredown import ($ERR)"
assert_contains "$OUT" "Format: Flaredown export; ratings: 0-4 to 0-10: 0, 3, 5, 8, 10" "Flaredown scale"
assert_contains "$OUT" "'Fibromyalgia': not mapped (no atlas region or synonym); 2 entries left out, first on line 2" "condition without a place listed"
assert_contains "$OUT" "4 other entries (treatments)" "treatments counted"
assert_eq "back.cervical_paraspinals.left|5|2019-04-01 12:00:00
back.cervical_paraspinals.right|5|2019-04-01 12:00:00
back.erector_spinae_lumbar.left|3|2019-04-01 12:00:00
back.erector_spinae_lumbar.right|3|2019-04-01 12:00:00
back.cervical_paraspinals.left|10|2019-04-02 12:00:00
back.cervical_paraspinals.right|10|2019-04-02 12:00:00
back.cervical_paraspinals.left|0|2019-04-03 12:00:00
back.cervical_paraspinals.right|0|2019-04-03 12:00:00
back.erector_spinae_lumbar.left|5|2019-04-03 12:00:00
back.erector_spinae_lumbar.right|5|2019-04-03 12:00:00" "$(ratings "$db" Flo)" "Flaredown ratings, one session a day"
pass "Flaredown: 0-4 to 0-10, one session a day, treatments and Fibromyalgia left out and said so"

# A day on which the client saw a therapist: the visit (signed) is never
# added to; the day's ratings get a check-in of their own.
visit_utc=$(date -u -d '2019-04-05 09:00' +%s)
sql "$db" "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, therapist, signed_by, signed_utc, signer)
           SELECT id, $visit_utc, 120, 'therapy_visit', 'Aiko', 'Aiko', $visit_utc, 'aiko' FROM client WHERE name = 'Flo'"
printf 'Date,Neck pain,Tags,Foods\n2019-04-05,3,,\n' >"$WORK/visit-day.csv"
run import --db "$db" "$WORK/visit-day.csv" --client "Flo"
assert_eq 0 "$RC" "Flaredown on a day with a signed visit ($ERR)"
assert_contains "$OUT" "2 ratings for Flo, 1 new session, 0 new knots" "a check-in of its own"
assert_eq "self_checkin|2" "$(sql "$db" "SELECT s.kind || '|' || count(*) FROM observation o JOIN session s ON s.id = o.session_id
                                          WHERE s.started_utc >= $visit_utc - 86400 AND s.started_utc < $visit_utc + 86400 GROUP BY s.kind")" "the visit untouched"
pass "a day with a signed therapy visit gets a check-in of its own"

# Several words for one place at one time (Bearable's "Neck pain" and "Neck
# stiffness" at am) become one rating, the highest, with both notes.
printf '%s\n' 'date,weekday,time of day,category,rating/amount,detail,notes' \
  '7th Jan 2022,Friday,am,Symptom,2,Neck pain (Moderate),woke stiff' \
  '7th Jan 2022,Friday,am,Symptom,3,Neck stiffness (Severe),worse turning' \
  '7th Jan 2022,Friday,9:00,Symptom,1,Fatigue (Mild),' >"$WORK/repeats.csv"
run import --db "$db" "$WORK/repeats.csv" --client "Bea" --skip-unmapped
assert_eq 0 "$RC" "repeated place at one time ($ERR)"
assert_contains "$OUT" "2 ratings repeated a region at the same time and were merged into it, keeping the highest pain and every note" "merge said"
assert_eq "8|woke stiff; worse turning" "$(sql "$db" "SELECT o.pain || '|' || o.notes FROM observation o JOIN knot k ON k.id = o.knot_id
                                                    JOIN session s ON s.id = o.session_id JOIN client c ON c.id = s.client_id
                                                    WHERE c.name = 'Bea' AND k.region_code = 'back.cervical_paraspinals.left'
                                                      AND o.notes LIKE 'woke%'")" "the highest kept, notes joined"
printf 'Date,Fatigue,Tags,Foods\n2019-04-01,2,,\n' >"$WORK/nothing.csv"
run import --db "$db" "$WORK/nothing.csv" --client "Flo" --skip-unmapped
assert_eq 1 "$RC" "a file whose every area is unmapped"
assert_contains "$ERR" "nothing.csv: holds no ratings to import: every body area in it is unmapped" "nothing to import said"
pass "repeats at one time merge, keeping the highest; a file with nothing mapped is refused"

# --- CrisisCore: rows joined with a literal \n, times in UTC -----------------
run import --db "$db" "$samples/crisiscore.csv" --client "Cris"
assert_eq 0 "$RC" "CrisisCore import ($ERR)"
assert_contains "$OUT" "Format: CrisisCore pain-tracker export" "CrisisCore recognised"
assert_contains "$OUT" "1 other entry (entries without a location)" "an entry without a place"
assert_eq "back.cervical_paraspinals.left|5|2024-03-01 09:00:00
back.cervical_paraspinals.right|5|2024-03-01 09:00:00
back.erector_spinae_lumbar.left|5|2024-03-01 09:00:00
back.erector_spinae_lumbar.right|5|2024-03-01 09:00:00
back.rhomboid.left|7|2024-03-01 20:45:00
back.rhomboid.right|7|2024-03-01 20:45:00
front.deltoid.left|7|2024-03-01 20:45:00
back.cervical_paraspinals.left|3|2024-03-02 11:30:00
back.cervical_paraspinals.right|3|2024-03-02 11:30:00" "$(ratings "$db" Cris)" "CrisisCore: UTC 08:00 is 09:00 in Oslo"
assert_eq "60" "$(sql "$db" "SELECT DISTINCT s.utc_offset_min FROM session s JOIN client c ON c.id = s.client_id WHERE c.name = 'Cris'")" "stored at Oslo's winter offset"
printf 'Date,Time,Pain Level,Symptoms,Medication Log\n2024-03-01,08:00,5,"Aching",""\n' >"$WORK/minimal.csv"
run import --db "$db" "$WORK/minimal.csv" --client "Cris"
assert_eq 1 "$RC" "CrisisCore's minimal export"
assert_contains "$ERR" "minimal.csv, line 1: this CrisisCore export has no Locations column" "minimal export refused saying why"
pass "CrisisCore: locations split, UTC times shown at the local offset, the minimal export refused"

# --- any other CSV: --map ----------------------------------------------------
run import --db "$db" "$samples/other-app.csv" --client "Max"
assert_eq 1 "$RC" "an unknown header without --map"
assert_contains "$ERR" "other-app.csv: line 1: not a format Knotmap knows" "unknown header"
assert_contains "$ERR" "--map date=COL,region=COL,pain=COL" "--map suggested"
run import --db "$db" "$samples/other-app.csv" --client "Max" --map "date=Day,region=Where,pain=Nope"
assert_eq 1 "$RC" "--map naming a missing column"
assert_contains "$ERR" "pain=Nope: the header has no column 'Nope' (it has Day, Where, Level, At, Comment, Weather)" "missing column named"
run import --db "$db" "$samples/other-app.csv" --client "Max" --map "date=Day,region=Where"
assert_eq 2 "$RC" "--map without pain"
assert_contains "$ERR" "knotmap import: --map: no pain=COLUMN" "usage error"
# An empty --map (a variable that was never set, say) is refused, not read
# as no --map at all.
run import --db "$db" "$samples/other-app.csv" --client "Max" --map ""
assert_eq 2 "$RC" "an empty --map"
assert_contains "$ERR" "knotmap import: --map: no date=COLUMN" "the empty --map's usage error"
run import --db "$db" "$samples/other-app.csv" --client "Max" --map "date=Day,region=2,pain=Level,time=At,notes=Comment"
assert_eq 0 "$RC" "--map import ($ERR)"
assert_contains "$OUT" "Format: Columns mapped by hand (date=Day,region=2,pain=Level,time=At,notes=Comment)" "mapping named"
assert_eq "back.erector_spinae_lumbar.left|6|2026-03-14 21:30:00
back.erector_spinae_lumbar.right|6|2026-03-14 21:30:00
back.gastrocnemius.left|4|2026-03-15 07:15:00
back.cervical_paraspinals.left|2|2026-03-15 12:00:00
back.cervical_paraspinals.right|2|2026-03-15 12:00:00" "$(ratings "$db" Max)" "--map ratings"
assert_eq "after the run" "$(sql "$db" "SELECT o.notes FROM observation o JOIN knot k ON k.id = o.knot_id JOIN client c ON c.id = k.client_id WHERE c.name = 'Max' AND k.region_code = 'back.gastrocnemius.left'")" "--map notes"
pass "any other CSV: refused with a hint, then read with --map date=,region=,pain=,time=,notes="

# --- options that do not apply are refused, not ignored ----------------------
"$KNOTMAP" export --db "$db" --all "$WORK/all" >/dev/null
run import --db "$db" "$WORK/all" --client "Max"
assert_eq 2 "$RC" "--client with a Knotmap export folder"
assert_contains "$ERR" "--client does not apply to Knotmap export folder (all five tables), which names its own clients" "--client refused"
run import --db "$db" "$WORK/all" --skip-unmapped
assert_eq 2 "$RC" "--skip-unmapped with a Knotmap export folder"
run import --db "$db" "$samples/flaredown.csv" --no-neutralise --client "Flo"
assert_eq 2 "$RC" "--no-neutralise with a Flaredown export"
assert_contains "$ERR" "--no-neutralise does not apply to Flaredown export" "--no-neutralise refused"
pass "--client, --skip-unmapped and --no-neutralise are refused where they do not apply"
