#!/usr/bin/env bash
# Decode+apply throughput of the feed path (issue 2's target: >= 100 000 messages/s on one core):
# replayed demo messages through FeedPipeline into the real Store, in a release build, RUNS times,
# printing each run's figures and the median. Usage: scripts/bench-feed.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
# Its own build folder: -enable-testing would otherwise rebuild the plain release binary.
SCRATCH=.build-bench
swift build -c release -Xswiftc -enable-testing --build-tests --scratch-path "$SCRATCH" >/dev/null
rates=()
for run in $(seq 1 "$RUNS"); do
    out=$(RATINGSD_BENCH=1 swift test -c release -Xswiftc -enable-testing --skip-build --scratch-path "$SCRATCH" \
        --filter FeedPipelineBenchmarkTests 2>&1 | grep '^bench' || true)
    [ -n "$out" ] || { echo "the benchmark printed nothing: is FeedPipelineBenchmarkTests there?" >&2; exit 1; }
    echo "run $run/$RUNS"
    echo "$out" | sed 's/^/  /'
    rates+=("$(echo "$out" | awk '/^bench decode\+apply/ { for (i = 1; i <= NF; i++) if ($(i+1) == "msg/s" && $(i+2) == "cpu,") print $i }')")
done
printf '%s\n' "${rates[@]}" | sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "median decode+apply: %d msg/s per CPU-second (target >= 100000)\n", m }'
