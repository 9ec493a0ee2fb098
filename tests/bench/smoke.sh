#!/usr/bin/env bash
# The benchmark runs end to end on a small demo database and an empty one,
# and prints one line per step (the real figures come from scripts/run-benchmarks).
set -euo pipefail
knotmap=$1
bench=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$knotmap" demo --db "$work/small.db" --clients 3 --days 40 >/dev/null
# The benchmark creates the empty database itself (reading commands never create one).
output=$("$bench" --db "$work/small.db" --empty "$work/empty.db" --rounds 3)
echo "$output"
steps=$(grep -cE '(x|n/a)$' <<<"$output")
if [[ $steps -lt 3 ]]; then
    echo "FAIL: expected a line per step, got $steps" >&2
    exit 1
fi
echo PASS
