#!/usr/bin/env bash
# The upstream path's benchmark (issue 3): throughput of frames decoded and applied over a real
# ws:// loopback connection into a release ratingsd in live mode, and the latency from a frame's
# arrival to the change being visible over HTTP at idle. See scripts/bench-upstream.py for what
# exactly is measured. Builds release and runs under the shared bench lock, so no other
# benchmark or release build measures or builds at the same time.
# Usage: scripts/bench-upstream.sh [bench-upstream.py options, e.g. --runs 5 --messages 200000]
set -euo pipefail
cd "$(dirname "$0")/.."
LOCK=${BENCH_LOCK:-${TMPDIR:-/tmp}/ratingsd-bench.lock}
flock "$LOCK" swift build -c release --product ratingsd >/dev/null
flock "$LOCK" python3 scripts/bench-upstream.py --ratingsd .build/release/ratingsd "$@"
