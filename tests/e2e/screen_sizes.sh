# The body of the screen-size tests: set sizes=(WxH ...) and source lib.sh
# first. Each size runs twice, as an individual and as a therapist, each on
# its own virtual screen of that size (screen_check.sh).
shots=${KNOTMAP_SHOTS:-$(mktemp -d "${TMPDIR:-/tmp}/knotmap-screen-sizes-XXXXXX")}
mkdir -p "$shots"
echo "screenshots: $shots"

run demo --db "$WORK/one.db" --clients 1 --days 90 --seed 7
assert_eq 0 "$RC" "knotmap demo (one client) exit code"
run demo --db "$WORK/three.db" --clients 3 --days 90 --seed 7
assert_eq 0 "$RC" "knotmap demo (three clients) exit code"

source "$here/virtual_screen.sh"
for size in "${sizes[@]}"; do
    for mode in individual therapist; do
        [[ " ${skip_modes[*]:-} " == *" $size/$mode "* ]] && continue
        db=$WORK/one.db
        [[ $mode == therapist ]] && db=$WORK/three.db
        start_screen "$size"
        bash "$here/screen_check.sh" "$KNOTMAP" "${size%x*}" "${size#*x}" "$mode" "$db" "$shots" ||
            fail "the $mode window at $size (screenshots in $shots)"
        stop_screen
    done
done
pass "every view fits at ${sizes[*]}, individual and therapist${skip_modes:+ (not ${skip_modes[*]})}"
