# The start every window test shares. Usage, right after `set -euo pipefail`:
#   source "$(dirname "$0")/gui_test.sh" "$@"
# Without a display the whole test re-runs on a virtual one (xdotool needs a
# display); then it has lib.sh's and gui_lib.sh's helpers.

# -noreset: by default Xvfb resets when its last client leaves, and an
# xdotool call in that moment (the key-up of the Ctrl+Q that closed the
# window) cannot connect; the test then failed with "Can't open display".
# The search for a free display starts at a random number: one test's
# server still shutting down must not share a display number with the
# next test's new one (the old server's exit removes the new one's socket).
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -n $((100 + RANDOM % 30000)) -s "-screen 0 1280x800x24 -noreset" bash "$0" "$@"
fi

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$1"
source "$(dirname "${BASH_SOURCE[0]}")/gui_lib.sh"
# See test_gui_starts.sh: Mesa's leaks are not Knotmap's.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
