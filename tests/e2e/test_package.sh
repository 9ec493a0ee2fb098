#!/usr/bin/env bash
# Installing Knotmap (packaging/, docs/packaging.md): `cmake --install` of
# this build puts the binary, menu entry, icons, AppStream metainfo, man page
# and completions where desktops and shells look, each passing its format's
# own validator; the man page and both completions name every command and
# option the binary's --help lists, and no other; CPack makes
# knotmap_VERSION_ARCH.deb whose Depends dpkg-shlibdeps worked out.
source "$(dirname "$0")/lib.sh" "$1"

# Debian's own python3 when there is one: a version manager's python3 shim
# on the PATH can take seconds to start, and this test runs it four times.
python=$(command -v /usr/bin/python3 || command -v python3 || true)
[[ -n $python ]] || { echo "skip: python3 is not installed"; exit 77; }
for tool in cmake cpack desktop-file-validate appstreamcli groff zsh dpkg-deb dpkg-shlibdeps gzip readelf od; do
  command -v "$tool" >/dev/null || { echo "skip: $tool is not installed (scripts/ensure-packages test)"; exit 77; }
done

# The build folder is the nearest one above the binary holding a CMakeCache.txt.
binary=$(readlink -f "$KNOTMAP") || fail "no binary at $KNOTMAP"
build=$(dirname "$binary")
until [[ -f $build/CMakeCache.txt || $build == / ]]; do build=$(dirname "$build"); done
[[ -f $build/CMakeCache.txt ]] || fail "no CMakeCache.txt in a folder above $KNOTMAP"

version_line=$("$KNOTMAP" --version)
version=${version_line#knotmap }
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "knotmap --version printed '$version_line'"
assert_eq "CMAKE_PROJECT_VERSION:STATIC=$version" \
  "$(grep '^CMAKE_PROJECT_VERSION:' "$build/CMakeCache.txt")" "the binary's version is project(VERSION)"
id=org.knotmap.Knotmap

# --- cmake --install ---------------------------------------------------------
dest=$WORK/dest
DESTDIR=$dest cmake --install "$build" --prefix /usr >"$WORK/install.log" 2>&1 \
  || fail "cmake --install: $(cat "$WORK/install.log")"
usr=$dest/usr
expected_files=(
  bin/knotmap
  share/applications/$id.desktop
  share/icons/hicolor/scalable/apps/$id.svg
  share/metainfo/$id.metainfo.xml
  share/man/man1/knotmap.1.gz
  share/bash-completion/completions/knotmap
  share/zsh/vendor-completions/_knotmap
)
for size in 16 32 48 64 128 256; do
  expected_files+=("share/icons/hicolor/${size}x$size/apps/$id.png")
done
printf '%s\n' "${expected_files[@]}" | sort >"$WORK/expected-files"
(cd "$usr" && find . -type f -printf '%P\n' | sort) >"$WORK/installed-files"
diff "$WORK/expected-files" "$WORK/installed-files" >"$WORK/files.diff" \
  || fail "installed files differ from the expected list (< missing, > extra): $(cat "$WORK/files.diff")"
assert_eq "$version_line" "$("$usr/bin/knotmap" --version)" "the installed binary's --version"
# Modes: the program 0755, data 0644, folders 0755, whatever the umask.
assert_eq 755 "$(file_mode "$usr/bin/knotmap")" "mode of bin/knotmap"
odd=$(cd "$usr" && find . \( \( -type f ! -path ./bin/knotmap ! -perm 644 \) -o \( -type d ! -perm 755 \) \) \
  -printf '%m %P\n')
assert_eq "" "$odd" "files not 0644 or folders not 0755"
pass "cmake --install puts the ${#expected_files[@]} files in place with modes 0755 and 0644"

# Each PNG icon is as large as the folder it is in says: the width and height
# are the first two numbers of the IHDR chunk, big-endian, at byte 16.
for size in 16 32 48 64 128 256; do
  png=$usr/share/icons/hicolor/${size}x$size/apps/$id.png
  read -ra head <<<"$(od -An -tu1 -w24 -N24 "$png")"
  assert_eq "137 80 78 71 13 10 26 10" "${head[*]:0:8}" "PNG signature of the $size px icon"
  width=$(( (head[16] << 24) | (head[17] << 16) | (head[18] << 8) | head[19] ))
  height=$(( (head[20] << 24) | (head[21] << 16) | (head[22] << 8) | head[23] ))
  assert_eq "${size}x$size" "${width}x$height" "size of the $size px icon"
done
grep -q '<svg' "$usr/share/icons/hicolor/scalable/apps/$id.svg" || fail "the scalable icon is not an SVG"
pass "the icons are PNGs of 16 to 256 px and an SVG"

# --- menu entry and AppStream ------------------------------------------------
desktop=$usr/share/applications/$id.desktop
desktop-file-validate "$desktop" >"$WORK/desktop.log" 2>&1 || fail "desktop-file-validate: $(cat "$WORK/desktop.log")"
assert_eq "" "$(cat "$WORK/desktop.log")" "desktop-file-validate says nothing"
assert_eq "Exec=knotmap %f" "$(grep '^Exec=' "$desktop")" "the menu entry runs the installed knotmap"
assert_eq "Icon=$id" "$(grep '^Icon=' "$desktop")" "the menu entry's icon is the installed one"
pass "the .desktop file passes desktop-file-validate"

metainfo=$usr/share/metainfo/$id.metainfo.xml
appstreamcli validate --no-net "$metainfo" >"$WORK/appstream.log" 2>&1 \
  || fail "appstreamcli validate: $(cat "$WORK/appstream.log")"
# Errors and warnings fail the validation above; infos (I:) are advice.
! grep -E '^[EW]:' "$WORK/appstream.log" || fail "appstreamcli: $(cat "$WORK/appstream.log")"
"$python" - "$metainfo" "$version" "$id" >"$WORK/metainfo.log" 2>&1 <<'PY' || fail "metainfo: $(cat "$WORK/metainfo.log")"
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
version, app_id = sys.argv[2], sys.argv[3]
assert root.findtext("id") == app_id, root.findtext("id")
assert root.find("launchable").text == app_id + ".desktop"
releases = [r.get("version") for r in root.iter("release")]
assert releases and releases[0] == version, f"latest release {releases}, binary {version}"
shots = [i.text for i in root.iter("image")]
assert len(shots) >= 1 and all(s.startswith("https://") and s.endswith(".png") for s in shots), shots
assert root.find("content_rating") is not None
print(len(shots))
PY
shots=$(cat "$WORK/metainfo.log")
# The screenshots named are the repository's own.
for url in $(grep -o 'https://[^<]*/docs/screenshots/[^<]*\.png' "$metainfo"); do
  [[ -f "$(dirname "$0")/../../docs/screenshots/${url##*/}" ]] || fail "metainfo names $url, not in docs/screenshots"
done
pass "the metainfo passes appstreamcli validate --no-net: release $version, $shots screenshots"

# --- what --help lists: every command and its options -------------------------
# One line per command: the command ("" for knotmap itself), its options, its
# subcommands and the options that take one of a fixed list
# ("--table=a,b,c"), separated by "|" (read keeps empty fields between
# non-blank separators).
"$python" - "$KNOTMAP" >"$WORK/commands.tsv" 2>"$WORK/commands.log" <<'PY' || fail "reading --help: $(cat "$WORK/commands.log")"
import re, subprocess, sys
knotmap = sys.argv[1]
def walk(path):
    text = subprocess.run([knotmap, *path, "--help"], capture_output=True, text=True, check=True).stdout
    options, subcommands, choices, section = [], [], [], None
    for line in text.splitlines():
        if re.match(r"^\S.*:$", line):
            section = line[:-1]
            continue
        m = re.match(r"^  (\S+)", line)
        if not m:
            continue
        if section == "Options":
            names = m.group(1).split(",")
            options += names
            c = re.search(r":\{([^}]*)\}", line)
            if c:
                choices.append(names[-1] + "=" + c.group(1))
        elif section == "Subcommands":
            subcommands.append(m.group(1))
    print(" ".join(path), " ".join(options), " ".join(subcommands), " ".join(choices), sep="|")
    for sub in subcommands:
        walk([*path, sub])
walk([])
PY
commands=$(wc -l <"$WORK/commands.tsv")
(( commands >= 20 )) || fail "only $commands commands in --help"
grep -q '^export|.*--table' "$WORK/commands.tsv" || fail "export --table is not in --help: $(cat "$WORK/commands.tsv")"

# --- man page ------------------------------------------------------------------
man_gz=$usr/share/man/man1/knotmap.1.gz
gzip -t "$man_gz" || fail "knotmap.1.gz is not gzip"
gzip -dc "$man_gz" >"$WORK/knotmap.1"
# -ww: every warning groff knows; -z: no output, only the checks.
groff -man -Tutf8 -ww -z "$WORK/knotmap.1" 2>"$WORK/groff.log" || fail "groff failed: $(cat "$WORK/groff.log")"
assert_eq "" "$(cat "$WORK/groff.log")" "groff's warnings on the man page"
if command -v man >/dev/null; then
  MANWIDTH=80 man --warnings -l "$man_gz" >"$WORK/man.txt" 2>"$WORK/man.log" || fail "man -l: $(cat "$WORK/man.log")"
  assert_eq "" "$(cat "$WORK/man.log")" "man -l's warnings"
  grep -q "Knotmap $version" "$WORK/man.txt" || fail "the man page does not name version $version"
fi
"$python" - "$WORK/knotmap.1" "$WORK/commands.tsv" >"$WORK/man-check.log" 2>&1 <<'PY' || fail "man page: $(cat "$WORK/man-check.log")"
import re, sys
source = open(sys.argv[1], encoding="utf-8").read()
# The man page's own sections: OPTIONS for knotmap itself, .SS "knotmap X"
# for each command; a command's options are the tags of its .TP items.
sections, name = {}, None
lines = source.splitlines()
for i, line in enumerate(lines):
    if line.startswith(".SH"):
        name = "" if line.strip() == ".SH OPTIONS" else None
        if name is not None:
            sections[name] = set()
    elif line.startswith(".SS"):
        m = re.match(r'\.SS "knotmap ?(.*)"$', line)
        name = m.group(1) if m else None
        if name is not None:
            sections[name] = set()
    elif line == ".TP" and name is not None:
        tag = re.sub(r"\\f[BIRP]", "", lines[i + 1]).replace("\\-", "-")
        sections[name] |= set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", tag))
problems = []
helps = {}
for row in open(sys.argv[2], encoding="utf-8").read().splitlines():
    path, options, _, _ = row.split("|")
    options = set(options.split())
    # Every command's -h, --help is said once, in OPTIONS.
    helps[path] = options if path == "" else options - {"-h", "--help"}
for path, options in helps.items():
    if path not in sections:
        problems.append(f"no section for 'knotmap {path}'")
        continue
    for o in sorted(options - sections[path]):
        problems.append(f"'knotmap {path}' option {o} is missing")
    for o in sorted(sections[path] - options):
        problems.append(f"'knotmap {path}' lists {o}, which --help does not")
for path in sorted(set(sections) - set(helps)):
    problems.append(f"section for 'knotmap {path}', which --help does not list")
if problems:
    sys.exit("\n".join(problems))
print(sum(len(o) for o in helps.values()))
PY
pass "the man page renders without warnings and has all $commands commands and their $(cat "$WORK/man-check.log") options"

# --- bash completion -------------------------------------------------------------
# Completes command lines in one clean bash, as bash-completion would after
# loading the installed file. Each line of $WORK/queries is one command
# line, its words separated by "|" (the last one, under the cursor, may be
# empty); each line of the answer is its candidates, sorted, on one line.
queries=() expected=()
query() { # EXPECTED WORD...
  expected+=("$1")
  shift
  local IFS='|'
  queries+=("knotmap|$*")
}
sorted() { tr ' ,' '\n\n' | sed '/^$/d' | sort | paste -sd' '; }
query export ex
query --table export --ta
query add --db x practice ad
while IFS='|' read -r path options subcommands choices; do
  read -ra words <<<"$path"
  query "$(sorted <<<"$options")" "${words[@]}" -
  [[ -z $subcommands ]] || query "$(sorted <<<"$subcommands")" "${words[@]}" ''
  for choice in $choices; do
    query "$(sorted <<<"${choice#*=}")" "${words[@]}" "${choice%%=*}" ''
  done
done <"$WORK/commands.tsv"
printf '%s\n' "${queries[@]}" >"$WORK/queries"
bash --norc --noprofile -c '
  source "$1" && declare -F _knotmap >/dev/null || exit 1
  while read -r line; do
    IFS="|" read -ra COMP_WORDS <<<"$line"
    # read drops an empty last field: the cursor on an empty word.
    [[ $line != *"|" ]] || COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _knotmap
    printf "%s\n" "${COMPREPLY[@]}" | sort | paste -sd" "
  done <"$2"' _ "$usr/share/bash-completion/completions/knotmap" "$WORK/queries" >"$WORK/answers" \
  || fail "bash completion failed: $(cat "$WORK/answers")"
mapfile -t answers <"$WORK/answers"
for i in "${!queries[@]}"; do
  assert_eq "${expected[i]}" "${answers[i]:-}" "bash completion of '${queries[i]//|/ }'"
done
pass "bash completes every command, option and fixed value of --help (${#queries[@]} command lines)"

# --- zsh completion --------------------------------------------------------------
zsh_file=$usr/share/zsh/vendor-completions/_knotmap
zsh -n "$zsh_file" || fail "zsh -n _knotmap"
assert_eq "_knotmap" "$(zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -D; print -r -- $_comps[knotmap]' _ "${zsh_file%/*}")" \
  "compinit in zsh -f loads _knotmap for knotmap"
# Each command's function names its options and subcommands, and no others.
"$python" - "$zsh_file" "$WORK/commands.tsv" >"$WORK/zsh-check.log" 2>&1 <<'PY' || fail "zsh completion: $(cat "$WORK/zsh-check.log")"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
bodies = dict(re.findall(r"(?ms)^_knotmap_cmd_(\w*)\(\) \{\n(.*?)^\}", text))
problems = []
for row in open(sys.argv[2], encoding="utf-8").read().splitlines():
    path, options, subcommands, choices = row.split("|")
    name = path.replace(" ", "_")
    if name not in bodies:
        problems.append(f"no _knotmap_cmd_{name} for 'knotmap {path}'")
        continue
    named, listed = set(), set()
    for line in bodies[name].splitlines():
        line = line.strip()
        if not line.startswith(("'", '"')):
            continue
        bare = re.sub(r"\[[^\]]*\]", "", line)  # descriptions
        if "[" in line or "{" in line or bare.startswith("'(") or re.match(r"^'--", bare):
            named |= set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", bare.split(":")[0]))
        else:
            listed.add(bare.strip("'\"").split(":")[0])
        for choice in choices.split():
            option, values = choice.split("=")
            if re.match(r"^'%s\[" % re.escape(option), line):
                offered = re.search(r":\(([^)]*)\)'", line)
                if not offered or set(offered.group(1).split()) != set(values.split(",")):
                    problems.append(f"'knotmap {path} {option}' does not offer {values}")
    for o in sorted(set(options.split()) ^ named):
        problems.append(f"'knotmap {path}': {o} is " + ("missing" if o not in named else "not in --help"))
    wanted = set(subcommands.split())
    listed = {l for l in listed if not re.match(r"^\d+$", l)}
    if listed != wanted:
        problems.append(f"'knotmap {path}' subcommands {sorted(listed)}, --help {sorted(wanted)}")
if problems:
    sys.exit("\n".join(problems))
PY
pass "the zsh completion parses, compinit loads it, and it names every command and option of --help"

# And it completes: an interactive zsh -f with compinit (in a pseudo-terminal,
# zsh/zpty) is sent each LINE and a Tab; the line must then read EXPECTED.
cat >"$WORK/complete.zsh" <<'ZSH'
# zsh -f complete.zsh FOLDER 'LINE=>EXPECTED'...: prints "ok LINE" or
# "no LINE: what the terminal showed" for each.
setopt extendedglob
zmodload zsh/zpty zsh/datetime || exit 3
folder=$1; shift
zpty -b z zsh -f -i
zpty -w z "PS1='> '; fpath=(${(q)folder} \$fpath); autoload -Uz compinit; compinit -u -D; print READY"
# Reads what the shell writes, without terminal controls, until it holds
# TEXT (at most 10 s); prints it.
read_until() {
  local got="" chunk
  local -F deadline=$(( EPOCHREALTIME + 10 ))
  while (( EPOCHREALTIME < deadline )); do
    if zpty -r -t z chunk; then
      got+=$chunk
      got=${${got//$'\e'\[[^a-zA-Z]#[a-zA-Z]/}//?$'\b'/}
      [[ $got == *$1* ]] && break
    else
      sleep 0.05
    fi
  done
  print -r -- "$got"
}
read_until 'READY'$'\r' >/dev/null
for pair in "$@"; do
  line=${pair%%=>*} expected=${pair#*=>}
  zpty -w -n z "$line"$'\t'
  got=$(read_until "$expected")
  if [[ $got == *$expected* ]]; then print -r -- "ok $line"; else print -r -- "no $line: ${(q+)got}"; fi
  zpty -w -n z $'\C-u'
  sleep 0.2; while zpty -r -t z chunk; do :; done
done
zpty -d z
ZSH
timeout 120 zsh -f "$WORK/complete.zsh" "${zsh_file%/*}" \
  'knotmap ex=>knotmap export ' \
  'knotmap practice ad=>knotmap practice add ' \
  'knotmap export --tab=>knotmap export --table ' \
  'knotmap screenshot --tab knot=>--tab knot-history ' \
  'knotmap atlas hit --view ba=>--view back ' >"$WORK/zsh-completes.log" 2>&1 \
  || fail "zsh completion in a terminal: exit $? $(cat "$WORK/zsh-completes.log")"
assert_eq 5 "$(grep -c '^ok ' "$WORK/zsh-completes.log")" "zsh completions: $(cat "$WORK/zsh-completes.log")"
pass "zsh completes 'knotmap ex' to 'knotmap export', and options and their values"

# --- the Debian package ------------------------------------------------------------
arch=$(dpkg --print-architecture)
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$WORK/package" >"$WORK/cpack.log" 2>&1 \
  || fail "cpack: $(cat "$WORK/cpack.log")"
deb=$WORK/package/knotmap_${version}_$arch.deb
[[ -f $deb ]] || fail "no $(basename "$deb"); cpack made: $(ls "$WORK/package")"
field() { dpkg-deb -f "$deb" "$1"; }
assert_eq knotmap "$(field Package)" "Package"
assert_eq "$version" "$(field Version)" "Version"
assert_eq "$arch" "$(field Architecture)" "Architecture"
assert_eq science "$(field Section)" "Section"
assert_contains "$(field Maintainer)" "@" "Maintainer"
assert_contains "$(field Homepage)" "https://" "Homepage"
assert_contains "$(field Description)" "muscle knot" "Description"
depends=$(field Depends)
# Every library the binary links directly must be in Depends, by the package
# that installed it here: the list dpkg-shlibdeps computed, checked
# independently of it.
for library in $(readelf -d "$usr/bin/knotmap" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  path=$(ldd "$usr/bin/knotmap" | awk -v l="$library" '$1 == l { print $3 }')
  [[ -n $path ]] || fail "ldd does not find $library"
  # dpkg knows a library by the path its package installed: the resolved
  # one, or on a merged /usr the /lib one ldd names.
  owner=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | sed -n '1s/:.*//p') \
    || owner=$(dpkg -S "$path" | sed -n '1s/:.*//p') || fail "no package owns $path"
  [[ -n $owner ]] || fail "no package owns $path"
  [[ ", $depends," == *", $owner "* || ", $depends," == *", $owner,"* ]] \
    || fail "Depends lacks $owner (for $library): $depends"
done
for package in libglfw3 libsqlite3-0 libsodium23; do
  [[ $depends == *"$package "* || $depends == *"$package," || $depends == *"$package" ]] \
    || fail "Depends lacks $package: $depends"
done
pass "cpack made $(basename "$deb"): Depends computed by dpkg-shlibdeps ($depends)"

# Its files are the installed ones, owned by root, with sane modes.
dpkg-deb -c "$deb" >"$WORK/contents"
awk '$1 !~ /^d/ { sub(/^\.\/usr\//, "", $6); print $6 }' "$WORK/contents" | sort >"$WORK/deb-files"
diff "$WORK/expected-files" "$WORK/deb-files" >"$WORK/deb.diff" \
  || fail "the package's files differ from the expected list: $(cat "$WORK/deb.diff")"
bad=$(awk '$2 != "root/root" ||
           ($1 ~ /^d/ && $1 != "drwxr-xr-x") ||
           ($1 ~ /^-/ && $6 == "./usr/bin/knotmap" && $1 != "-rwxr-xr-x") ||
           ($1 ~ /^-/ && $6 != "./usr/bin/knotmap" && $1 != "-rw-r--r--")' "$WORK/contents")
assert_eq "" "$bad" "files in the package with an odd owner or mode"
dpkg-deb -x "$deb" "$WORK/unpacked"
# Read whole, not piped into grep -q (lib.sh, sanitizer_build).
[[ "$(readelf -S "$WORK/unpacked/usr/bin/knotmap")" != *.debug_info* ]] || fail "the packaged binary is not stripped"
gzip -t "$WORK/unpacked/usr/share/man/man1/knotmap.1.gz" || fail "the packaged man page is not gzip"
assert_eq "$version_line" "$("$WORK/unpacked/usr/bin/knotmap" --version)" "the packaged binary's --version"
pass "the package holds the ${#expected_files[@]} files (man page gzipped, binary stripped), root-owned, 0755/0644"
