#!/usr/bin/env bash
# Every screen, the smaller ones: the real window on a demo history fills a
# virtual screen of 1024x700 and of 1280x800, as an individual (one client,
# no client list) and as a therapist (three clients, the list beside the
# sessions). screen_check.sh shows every history view in turn (Ctrl+1..7)
# and checks, from the test report, that every control it probed lies inside
# the window, and that the ones a person needs (the tabs or the View combo,
# the map's Heat and Reset view, the heat and compare controls, Save PNG,
# the timeline's Treatments column, the session's Treatments tab) are drawn
# whole, not cut off at a pane's edge. A screenshot of each view at each
# size goes to $KNOTMAP_SHOTS, else to a folder the test prints.
# test_gui_screen_sizes_large.sh does the same at 1920x1080 and 2560x1440.
# Usage: test_gui_screen_sizes.sh /path/to/knotmap
set -euo pipefail

sizes=(1024x700 1280x800)
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh" "$1"
source "$here/screen_sizes.sh"
