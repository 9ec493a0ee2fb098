#!/usr/bin/env bash
# `knotmap screenshot` renders the real main window off screen and writes a
# PNG: the requested size, a real picture (many colours, not a flat fill),
# for each view and theme; an unknown client is refused by name.
# Usage: test_cli_screenshot.sh /path/to/knotmap
set -euo pipefail

# The hidden window needs an X display: without one, run on a virtual one.
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -n $((100 + RANDOM % 30000)) -s "-screen 0 1280x800x24 -noreset" bash "$0" "$@"
fi

source "$(dirname "$0")/lib.sh" "$1"
# See test_gui_starts.sh: Mesa's leaks are not Knotmap's.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

db=$(new_database demo)
run demo --db "$db" --clients 3 --days 30 --seed 7 --end 2026-03-14
assert_eq 0 "$RC" "knotmap demo exit code"

# Prints "WIDTH HEIGHT DISTINCT_COLOURS" of a PNG, decoded with zlib alone:
# 8-bit RGB or RGBA, non-interlaced, as Knotmap writes them.
png_facts() {
    python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
pos, idat, header = 8, b"", None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        header = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
width, height, depth, colour_type, _, _, interlace = header
assert depth == 8 and colour_type in (2, 6) and interlace == 0, header
channels = 4 if colour_type == 6 else 3
raw = zlib.decompress(idat)
stride = width * channels
rows, previous, colours = [], bytearray(stride), set()
for y in range(height):
    start = y * (stride + 1)
    kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
    for x in range(stride):
        left = line[x - channels] if x >= channels else 0
        up = previous[x]
        corner = previous[x - channels] if x >= channels else 0
        if kind == 1:
            line[x] = (line[x] + left) & 0xFF
        elif kind == 2:
            line[x] = (line[x] + up) & 0xFF
        elif kind == 3:
            line[x] = (line[x] + (left + up) // 2) & 0xFF
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            line[x] = (line[x] + best) & 0xFF
    colours.update(bytes(line[i:i + 3]) for i in range(0, stride, channels * 3))
    previous = line
print(width, height, len(colours))
PY
}

# --- the default size, both views, the first client ----------------------------
run screenshot --db "$db" -o "$WORK/shot.png"
assert_eq 0 "$RC" "knotmap screenshot exit code (stderr: $ERR)"
[[ -f "$WORK/shot.png" ]] || fail "no PNG was written"
read -r width height colours < <(png_facts "$WORK/shot.png")
assert_eq "1280 800" "$width $height" "default screenshot size"
((colours > 50)) || fail "the screenshot has only $colours colours: a blank frame?"
pass "a 1280 x 800 screenshot of the main window with $colours colours"

# --- another size, view, theme and client ---------------------------------------
client=$(sql "$db" "SELECT name FROM client ORDER BY name DESC LIMIT 1")
run screenshot --db "$db" -o "$WORK/back.png" --width 900 --height 640 --view back \
    --theme dark --client "$client" --zoom 2
assert_eq 0 "$RC" "knotmap screenshot --view back exit code (stderr: $ERR)"
read -r width height colours < <(png_facts "$WORK/back.png")
assert_eq "900 640" "$width $height" "--width 900 --height 640"
((colours > 50)) || fail "the dark back-view screenshot has only $colours colours"
pass "a 900 x 640 dark screenshot of $client's back view at zoom 2"

# --- refusals: an unknown client, a missing database, a bad view ----------------
run screenshot --db "$db" -o "$WORK/nobody.png" --client "Nobody Atall"
assert_eq 1 "$RC" "exit code for an unknown client"
assert_contains "$ERR" "Nobody Atall" "the error names the client"
[[ ! -e "$WORK/nobody.png" ]] || fail "a PNG was written for an unknown client"

missing=$(missing_database screenshot)
run screenshot --db "$missing" -o "$WORK/missing.png"
assert_eq 1 "$RC" "exit code for a missing database"
assert_contains "$ERR" "$(db_label "$missing")" "the error names the database"
[[ $missing == *dbname=* || ! -e "$missing" ]] || fail "screenshot created the missing database"
[[ ! -e "$WORK/missing.png" ]] || fail "a PNG was written from a missing database"

run screenshot --db "$db" -o "$WORK/side.png" --view sideways
assert_eq 2 "$RC" "exit code for --view sideways"
pass "unknown clients, missing databases and bad views are refused"
