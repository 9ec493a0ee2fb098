#!/usr/bin/env bash
# `knotmap import`: the round trip through the real binary, observations alone,
# the simple format, a dry run, and refusals that leave the database as it was
# (an empty server database as empty: no table, function or trigger of Knotmap's).
source "$(dirname "$0")/lib.sh" "$1"

db=$(new_database demo)
"$KNOTMAP" demo --db "$db" --clients 3 --days 60 --seed 5 --end 2026-03-31 >/dev/null
# A note a spreadsheet would run, and one with a line break and a quote.
notes="UPDATE observation SET notes = '=HYPERLINK(\"http://x.example\")'
         WHERE id = (SELECT min(id) FROM observation);
       UPDATE session SET notes = 'tight, \"sore\"' || CRLF || 'next day ok'
         WHERE id = (SELECT max(id) FROM session)"
sql "$db" "${notes/CRLF/char(13) || char(10)}" "${notes/CRLF/chr(13) || chr(10)}"
dump_hash() { db_fingerprint "$1"; }
# Stricter than lib.sh's assert_no_database (tables): on the server the
# database was empty (new_database makes it so) and must stay exactly as
# empty, without Knotmap's tables, functions, triggers or types (the schema
# is created in the import's own transaction), so reading commands still
# refuse it as empty.
assert_left_empty() { # DB what
  assert_no_database "$1" "$2"
  if [[ $1 == *dbname=* ]]; then
    assert_eq 0 "$(psql_on "$1" "SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)
                                      + (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace)
                                      + (SELECT count(*) FROM pg_type WHERE typnamespace = 'public'::regnamespace)")" \
      "$2: relations, functions and types in $(db_label "$1")"
    local err
    err=$("$KNOTMAP" info --db "$1" 2>&1 >/dev/null) && fail "$2: info accepted the empty database"
    assert_contains "$err" "holds no Knotmap records yet (the database is empty)" "$2: info afterwards"
  fi
}

# --- the round trip ---------------------------------------------------------
"$KNOTMAP" export --db "$db" --all "$WORK/first" >/dev/null 2>&1
copy=$(new_database copy)
run import --db "$copy" "$WORK/first"
assert_eq 0 "$RC" "import exit code ($ERR)"
assert_contains "$OUT" "Imported into $(db_label "$copy"): 3 clients" "import summary"
"$KNOTMAP" export --db "$copy" --all "$WORK/second" >/dev/null 2>&1
for table in observations sessions treatments knots clients; do
  cmp "$WORK/first/$table.csv" "$WORK/second/$table.csv" || fail "$table.csv differs after the round trip"
done
assert_eq "$(rows "$db" observation)" "$(rows "$copy" observation)" "observations imported"
assert_eq '=HYPERLINK("http://x.example")' \
  "$(sql "$copy" "SELECT notes FROM observation WHERE id = (SELECT min(id) FROM observation)")" \
  "neutralisation undone on import"
pass "export --all, import, export --all: all five files byte-identical"

# With a byte order mark, as Excel users export.
"$KNOTMAP" export --db "$db" --all "$WORK/bom1" --bom >/dev/null 2>&1
bom=$(new_database bom)
run import --db "$bom" "$WORK/bom1"
assert_eq 0 "$RC" "import of a BOM export ($ERR)"
"$KNOTMAP" export --db "$bom" --all "$WORK/bom2" --bom >/dev/null 2>&1
cmp "$WORK/bom1/observations.csv" "$WORK/bom2/observations.csv" || fail "BOM round trip differs"
pass "an export with a byte order mark round-trips too"

# --- observations alone -----------------------------------------------------
obs=$(new_database obs)
run import --db "$obs" "$WORK/first/observations.csv"
assert_eq 0 "$RC" "observations-only import ($ERR)"
"$KNOTMAP" export --db "$obs" -o "$WORK/obs.csv" 2>/dev/null
cmp "$WORK/first/observations.csv" "$WORK/obs.csv" || fail "observations-only round trip differs"
pass "observations.csv alone imports and exports back byte-identical"

# --- a dry run writes nothing, not even a new database ---------------------
dry=$(new_database dry)
run import --db "$dry" "$WORK/first" --dry-run
assert_eq 0 "$RC" "dry run exit code ($ERR)"
assert_contains "$OUT" "nothing written (--dry-run). Would import" "dry run summary"
assert_left_empty "$dry" "a dry run"
pass "--dry-run checks and writes nothing"

# --- refusals leave the database exactly as it was -------------------------
before=$(dump_hash "$copy")
run import --db "$copy" "$WORK/first"
assert_eq 1 "$RC" "importing the same clients twice"
assert_contains "$ERR" "knotmap import: nothing was imported; 3 problems:" "refusal headline"
assert_contains "$ERR" "clients.csv, line 2, column 2 (client_name): the database already has a client named" "clash message"
assert_eq "$before" "$(dump_hash "$copy")" "database after a refused import"

mkdir -p "$WORK/bad"
cp "$WORK/first/"*.csv "$WORK/bad/"
python3 - "$WORK/bad/observations.csv" <<'PY'
import sys
path = sys.argv[1]
raw = open(path, 'rb').read().split(b'\r\n')
fields = raw[2].split(b',')
fields[14] = b'11'  # pain
raw[2] = b','.join(fields)
open(path, 'wb').write(b'\r\n'.join(raw))
PY
fresh=$(new_database fresh)
run import --db "$fresh" "$WORK/bad"
assert_eq 1 "$RC" "pain 11"
assert_contains "$ERR" "observations.csv, line 3, column 15 (pain): expected a whole number from 0 to 10, got '11'" "pain message"
assert_left_empty "$fresh" "a refused import"
pass "a refused import names file, line and column, and leaves no trace"

rm "$WORK/bad/knots.csv" "$WORK/bad/clients.csv"
run import --db "$fresh" "$WORK/bad"
assert_eq 1 "$RC" "folder with three tables"
assert_contains "$ERR" "but not knots.csv and clients.csv; an import reads all five tables, or observations.csv alone" "partial folder"
run import --db "$fresh" "$WORK/first/sessions.csv"
assert_eq 1 "$RC" "sessions.csv alone"
assert_contains "$ERR" "is the sessions table alone" "single other table"
run import --db "$fresh" "$WORK/nowhere"
assert_eq 1 "$RC" "missing source"
assert_contains "$ERR" "nowhere: no such file or folder" "missing source message"
assert_left_empty "$fresh" "refused imports"
pass "partial folders, other single tables and missing paths are refused by name"

# --- the simple format, as a spreadsheet saves it (BOM, CRLF) ---------------
printf '\xEF\xBB\xBFDate,Region,Pain,Notes\r\n2026-04-01,Right pectoralis major,4,after gym\r\n2026-04-01,b07,6,\r\n2026-04-02,back.upper_trapezius.left,3,"better, ok"\r\n' >"$WORK/sheet.csv"
before=$(dump_hash "$db")
run import --db "$db" "$WORK/sheet.csv"
assert_eq 1 "$RC" "simple import without --client into a database with three clients"
assert_contains "$ERR" "name the one these rows are for with --client" "client needed"
assert_eq "$before" "$(dump_hash "$db")" "database after the refusal"
run import --db "$db" "$WORK/sheet.csv" --client "Ola Nordmann"
assert_eq 0 "$RC" "simple import ($ERR)"
assert_contains "$OUT" "3 ratings for Ola Nordmann (a new client), 2 new sessions, 3 new knots" "simple summary"
assert_eq "front.pectoralis_major.right|4|after gym" \
  "$(sql "$db" "SELECT k.region_code, o.pain, o.notes FROM observation o JOIN knot k ON k.id = o.knot_id
                    JOIN client c ON c.id = k.client_id WHERE c.name = 'Ola Nordmann' AND o.pain = 4")" \
  "simple row stored"
printf 'date,region,pain\n2026-04-03,kidney,5\n2026-04-04,kidney,2\n' >"$WORK/unknown.csv"
run import --db "$db" "$WORK/unknown.csv" --client "Ola Nordmann"
assert_eq 1 "$RC" "unknown region"
assert_contains "$ERR" "unknown.csv, line 2, column 2 (region): unknown region 'kidney'" "unknown region listed"
assert_contains "$ERR" "(also on line 3)" "its other lines"
pass "the simple format maps names and CHOIR codes, and lists unknown regions"

# --- what goes out comes back in: the same limits on both sides -------------
# A note of exactly the 1 MiB limit (with tab, CR, LF and an emoji, starting
# with '=' so the export adds an apostrophe) and a client name of exactly
# 256 bytes: both export and import back byte for byte.
max=1048576
lim=$(new_database limits)
"$KNOTMAP" demo --db "$lim" --clients 1 --days 5 --seed 3 --end 2026-03-31 >/dev/null
first_note="WHERE id = (SELECT min(id) FROM observation)"
sql "$lim" "UPDATE observation SET notes = '=' || char(9, 13, 10) || '🌿' ||
              printf('%.*c', $((max - 8)), 'x') $first_note;
            UPDATE client SET name = printf('%.*c', 256, 'n')" \
           "UPDATE observation SET notes = '=' || chr(9) || chr(13) || chr(10) || '🌿' ||
              repeat('x', $((max - 8))) $first_note;
            UPDATE client SET name = repeat('n', 256)"
note_bytes() {
  sql "$1" "SELECT length(CAST(notes AS BLOB)) FROM observation $first_note" \
           "SELECT octet_length(notes) FROM observation $first_note"
}
assert_eq "$max" "$(note_bytes "$lim")" "note at the limit stored"
"$KNOTMAP" export --db "$lim" --all "$WORK/lim1" >/dev/null 2>&1
lim_copy=$(new_database lim_copy)
run import --db "$lim_copy" "$WORK/lim1"
assert_eq 0 "$RC" "import of a note at the limit ($ERR)"
"$KNOTMAP" export --db "$lim_copy" --all "$WORK/lim2" >/dev/null 2>&1
for table in observations sessions treatments knots clients; do
  cmp "$WORK/lim1/$table.csv" "$WORK/lim2/$table.csv" || fail "$table.csv differs after the round trip at the limit"
done
note_hash() {
  sql "$1" "SELECT hex(notes) FROM observation $first_note" \
           "SELECT encode(convert_to(notes, 'UTF8'), 'hex') FROM observation $first_note" | sha256sum
}
assert_eq "$(note_hash "$lim")" "$(note_hash "$lim_copy")" "the note at the limit, byte for byte"
pass "a 1 MiB note and a 256-byte name export and import back byte-identical"

# One byte more is refused by the database itself, whoever writes it...
set +e
sql_err=$(sql "$lim" "UPDATE observation SET notes = notes || 'y' $first_note" 2>&1)
sql_rc=$?
set -e
[[ $sql_rc -ne 0 ]] || fail "the database took a note over the limit"
assert_contains "$sql_err" "observation.notes: longer than 1 MiB (1048576 bytes)" "the database's refusal"
assert_eq "$max" "$(note_bytes "$lim")" "note unchanged"
# ...and by the import, at its line and column, writing nothing.
mkdir -p "$WORK/over"
cp "$WORK/lim1/"*.csv "$WORK/over/"
over_line=$(python3 - "$WORK/over/observations.csv" <<'PY'
import sys
path = sys.argv[1]
data = open(path, 'rb').read()
at = data.index(b"'=\t\r\n")           # the neutralised note, inside its quotes
end = data.index(b'"', at)
open(path, 'wb').write(data[:end] + b'y' + data[end:])
print(data[:data.rfind(b'\n', 0, at) + 1].count(b'\n') + 1)  # the line its row starts on
PY
)
over=$(new_database over)
run import --db "$over" "$WORK/over"
assert_eq 1 "$RC" "import of a note one byte over"
assert_contains "$ERR" "observations.csv, line $over_line, column 20 (notes): is 1048577 bytes long; the limit is 1 MiB (1048576 bytes)" "over-long note named"
assert_left_empty "$over" "a refused import"
pass "one byte over the limit is refused by the database and by the import, with line and column"

# --- control characters are refused with their position ---------------------
mkdir -p "$WORK/ctl"
cp "$WORK/first/"*.csv "$WORK/ctl/"
python3 - "$WORK/ctl/clients.csv" <<'PY'
import sys
path = sys.argv[1]
lines = open(path, 'rb').read().split(b'\r\n')
fields = lines[1].split(b',')
fields[1] = fields[1][:3] + b'\x00' + fields[1][3:]  # a NUL as the name's fourth character
lines[1] = b','.join(fields)
open(path, 'wb').write(b'\r\n'.join(lines))
PY
ctl=$(new_database ctl)
run import --db "$ctl" "$WORK/ctl"
assert_eq 1 "$RC" "a NUL in a name"
assert_contains "$ERR" "nothing was imported; 1 problem:" "one problem only"
assert_contains "$ERR" "clients.csv, line 2, column 2 (client_name): control character U+0000 at character 4 is not allowed" "NUL named"
assert_left_empty "$ctl" "a refused import"
printf 'date,region,pain,notes\n2026-04-05,b07,4,fine\n2026-04-06,b07,3,"bell\a and\x1b[2J"\n' >"$WORK/ctl.csv"
before=$(dump_hash "$db")
run import --db "$db" "$WORK/ctl.csv" --client "Ola Nordmann"
assert_eq 1 "$RC" "control characters in the simple format"
assert_contains "$ERR" "ctl.csv, line 3, column 4 (notes): control character U+0007 at character 5 is not allowed" "BEL named"
assert_eq "$before" "$(dump_hash "$db")" "database after the refusal"
pass "a NUL or another control character in a CSV cell is refused with its position; nothing is written"
