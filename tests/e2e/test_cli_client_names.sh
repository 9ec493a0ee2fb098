#!/usr/bin/env bash
# --client finds a client however the name is typed: any case, with or
# without accents, in Latin, Cyrillic and Greek (export, report, import).
# Two clients whose names fold alike ("Anna" and "Änna", as an older database
# may hold) make "--client anna" a refusal listing both, never a guess.
source "$(dirname "$0")/lib.sh" "$1"

db=$(new_database names)
"$KNOTMAP" demo --db "$db" --clients 3 --days 20 --seed 5 --end 2026-03-31 >/dev/null
sql "$db" "UPDATE client SET name = 'Łukasz Dvořák' WHERE id = 1;
               UPDATE client SET name = 'Анна Петрова' WHERE id = 2;
               UPDATE client SET name = 'Ελένη Παπαδοπούλου' WHERE id = 3"

# Names in the clients export, read by Python's csv module.
exported_names() {
  python3 -c 'import csv, sys; print("|".join(r["client_name"] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))))' "$1"
}
obs_rows() {
  python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))) - 1)' "$1"
}

# --- export: lower case, and without accents ------------------------------
for typed in 'łukasz dvořák' 'LUKASZ DVORAK' 'lukasz dvorak'; do
  run export --db "$db" --table clients --client "$typed" -o "$WORK/clients.csv"
  assert_eq 0 "$RC" "export --client '$typed' ($ERR)"
  assert_eq "Łukasz Dvořák" "$(exported_names "$WORK/clients.csv")" "client exported for '$typed'"
done
run export --db "$db" --client 'łukasz dvořák' -o "$WORK/obs.csv"
assert_eq 0 "$RC" "observations export ($ERR)"
assert_eq "$(sql "$db" "SELECT count(*) FROM observation o JOIN session s ON s.id = o.session_id WHERE s.client_id = 1")" \
  "$(obs_rows "$WORK/obs.csv")" "observations of Łukasz Dvořák"
run export --db "$db" --table clients --client 'анна петрова' -o "$WORK/clients.csv"
assert_eq 0 "$RC" "export --client in Cyrillic lower case ($ERR)"
assert_eq "Анна Петрова" "$(exported_names "$WORK/clients.csv")" "Cyrillic client"
run export --db "$db" --table clients --client 'ελενη παπαδοπουλου' -o "$WORK/clients.csv"
assert_eq 0 "$RC" "export --client in Greek without tonos ($ERR)"
assert_eq "Ελένη Παπαδοπούλου" "$(exported_names "$WORK/clients.csv")" "Greek client"
run export --db "$db" --table clients --client 'lukasz' -o "$WORK/none.csv"
assert_eq 1 "$RC" "a part of a name is not a name"
assert_contains "$ERR" "no client named 'lukasz'" "unknown client message"
assert_contains "$ERR" "'Łukasz Dvořák'" "unknown client message lists the clients"
pass "export --client ignores case and accents in Latin, Cyrillic and Greek"

# --- report and the simple import use the same lookup ---------------------
run report --db "$db" --client 'ΕΛΕΝΗ ΠΑΠΑΔΟΠΟΥΛΟΥ' -o "$WORK/eleni.pdf"
assert_eq 0 "$RC" "report --client in Greek capitals ($ERR)"
assert_contains "$ERR" "Ελένη Παπαδοπούλου" "report names the client as spelled"
[[ -s "$WORK/eleni.pdf" ]] || fail "no report written"
printf 'date,region,pain\n2026-04-01,b07,4\n' >"$WORK/simple.csv"
clients_before=$(rows "$db" client)
run import --db "$db" "$WORK/simple.csv" --client 'lukasz dvorak'
assert_eq 0 "$RC" "simple import --client without accents ($ERR)"
assert_contains "$OUT" "for Łukasz Dvořák," "the rating went to the existing client"
assert_eq "$clients_before" "$(rows "$db" client)" "no new client"
pass "report and import --client find the client the same way"

# --- two names folding alike: refused, listing both ------------------------
# The unique index on names lets both in (it folds ASCII only), as an older
# Knotmap did.
sql "$db" "INSERT INTO client (name, created_utc) VALUES ('Anna', 0), ('Änna', 0)"
before=$(db_fingerprint "$db")
run export --db "$db" --table clients --client anna -o "$WORK/anna.csv"
assert_eq 1 "$RC" "export --client anna with Anna and Änna"
assert_contains "$ERR" "the client name 'anna' matches 2 clients" "ambiguity message"
assert_contains "$ERR" "('Anna', 'Änna')" "ambiguity message lists both"
[[ ! -e "$WORK/anna.csv" ]] || fail "an ambiguous --client still wrote a file"
run report --db "$db" --client ANNA -o "$WORK/anna.pdf"
assert_eq 1 "$RC" "report --client ANNA with Anna and Änna"
assert_contains "$ERR" "('Anna', 'Änna')" "report's ambiguity message"
run import --db "$db" "$WORK/simple.csv" --client anna
assert_eq 1 "$RC" "import --client anna with Anna and Änna"
assert_contains "$ERR" "matches 2 clients when case and accents are ignored (Anna, Änna)" \
  "import's ambiguity message"
assert_eq "$before" "$(db_fingerprint "$db")" "database after the refusals"
# The exact spelling is no guess.
run export --db "$db" --table clients --client 'Änna' -o "$WORK/anna.csv"
assert_eq 0 "$RC" "export --client with the exact spelling ($ERR)"
assert_eq "Änna" "$(exported_names "$WORK/anna.csv")" "the exactly spelled client"
pass "names folding alike are refused with both listed; the exact spelling picks one"
