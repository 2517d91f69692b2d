#!/usr/bin/env bash
# GET /events under load: ratingsd (release) in demo mode applying R events/s, and sse-load
# opening N subscribers. Reports, per run and as medians over RUNS runs:
#   - throughput: events/s delivered in total, ratingsd CPU (% of one core, /proc/PID/stat),
#     p50/p99 from apply to receipt (received_at of consensus events on 50 subscribers against
#     the kernel's receive timestamp), the same to when sse-load read them, and sse-load's CPU;
#   - a reference in the same run: ratingsd's CPU at the same rate with one subscriber, so the
#     fan-out's own cost is the difference;
#   - memory: ratingsd RSS with 10 000 idle subscribers minus before, per subscriber.
# PHASES (default all four), RUNS, DURATION, RATE, SUBSCRIBERS, WIDE_RATE, IDLE_SUBSCRIBERS,
# READ_INTERVAL (ms between reads of the unsampled subscribers; 0: read each as soon as it has
# bytes) and PORT tune it. Holds the benchmark lock (BENCH_LOCK, default $TMPDIR/ratingsd-bench.lock) for the
# builds and the runs, so two benchmarks never measure each other; bounded in time; kills what it starts.
set -euo pipefail
if [[ -z "${BENCH_SSE_LOCKED:-}" ]]; then
    export BENCH_SSE_LOCKED=1
    exec flock "${BENCH_LOCK:-${TMPDIR:-/tmp}/ratingsd-bench.lock}" "$0" "$@"
fi
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
PORT=${PORT:-18950}
SUBSCRIBERS=${SUBSCRIBERS:-1000}
RATE=${RATE:-100}
IDLE_SUBSCRIBERS=${IDLE_SUBSCRIBERS:-10000}
WIDE_RATE=${WIDE_RATE:-10}
PHASES=${PHASES:-reference throughput wide idle}
# sse-load shares the two cores with ratingsd: reading each of 10 000 subscribers on every event
# would take a third of a core from the server it measures, so the unsampled ones are drained
# every 250 ms (latency is measured on the sampled ones, read as they arrive).
READ_INTERVAL=${READ_INTERVAL:-250}

swift build -c release --product ratingsd >/dev/null
swift build -c release --product sse-load >/dev/null
BIN=$(swift build -c release --show-bin-path)

PID=""
cleanup() { if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; PID=""; }
trap cleanup EXIT

# Starts ratingsd at demo rate $1 and waits (at most 60 s) until it is ready.
start_ratingsd() {
    "$BIN/ratingsd" --port "$PORT" --demo-rate "$1" --max-connections 20000 --max-subscribers 20000 \
        --log-level warning >/tmp/bench-sse-ratingsd.log 2>&1 &
    PID=$!
    for _ in $(seq 600); do
        if curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    echo "ratingsd did not become ready" >&2
    exit 1
}

# Runs sse-load against the running ratingsd (at most 120 s).
load() { timeout 120 "$BIN/sse-load" --port "$PORT" --pid "$PID" --read-interval "$READ_INTERVAL" "$@"; }

field() { tr ' ' '\n' | sed -n "s/^$1=//p"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else print v[int((NR + 1) / 2)] }'; }

wants() { [[ " $PHASES " == *" $1 "* ]]; }

declare -a THROUGHPUT=() REFERENCE=() WIDE=() IDLE=()
for run in $(seq "$RUNS"); do
    if wants reference; then
        start_ratingsd "$RATE"
        REFERENCE+=("$(load --subscribers 1 --warmup 2 --duration "$DURATION")")
        echo "run $run reference: ${REFERENCE[-1]}"
        cleanup
    fi
    if wants throughput; then
        start_ratingsd "$RATE"
        THROUGHPUT+=("$(load --subscribers "$SUBSCRIBERS" --warmup 3 --duration "$DURATION")")
        echo "run $run throughput: ${THROUGHPUT[-1]}"
        cleanup
    fi
    if wants wide; then
        start_ratingsd "$WIDE_RATE"
        WIDE+=("$(load --subscribers "$IDLE_SUBSCRIBERS" --warmup 3 --duration "$DURATION")")
        echo "run $run wide: ${WIDE[-1]}"
        cleanup
    fi
    if wants idle; then
        # 0.01 messages/s: the initial load, then practically nothing, so subscribers stay idle.
        start_ratingsd 0.01
        IDLE+=("$(load --idle --subscribers "$IDLE_SUBSCRIBERS" --warmup 2)")
        echo "run $run idle: ${IDLE[-1]}"
        cleanup
    fi
done

summary() { # label, array name, fields...
    local label=$1 name=$2; shift 2
    local -n runs=$name
    [[ ${#runs[@]} -gt 0 ]] || return 0
    local line="$label:"
    for key in "$@"; do
        line+=" $key=$(printf '%s\n' "${runs[@]}" | field "$key" | median)"
    done
    echo "$line"
}
echo
echo "medians of $RUNS runs ($DURATION s each):"
summary "reference ($RATE events/s, 1 subscriber)" REFERENCE events_per_s ratingsd_cpu_pct p99_ms
summary "throughput ($RATE events/s, $SUBSCRIBERS subscribers)" THROUGHPUT events_per_s ratingsd_cpu_pct client_cpu_pct p50_ms p99_ms read_p99_ms
summary "wide ($WIDE_RATE events/s, $IDLE_SUBSCRIBERS subscribers)" WIDE events_per_s ratingsd_cpu_pct client_cpu_pct p50_ms p99_ms read_p99_ms
summary "idle ($IDLE_SUBSCRIBERS subscribers)" IDLE rss_per_subscriber_kib connect_s
