#!/usr/bin/env bash
# Compares ratingsd with nginx serving the very same bytes (issue 2's performance target).
#
# Starts ratingsd (demo mode: no BENZINGA_TOKEN) and an nginx that serves the exact response
# body ratingsd gives for PATH, with the same Content-Type; runs `wrk -t1 -cC -dD` against each
# for every C in CONNECTIONS, RUNS times, alternating the servers; measures server CPU per
# request from /proc/<pid>/stat (utime+stime of ratingsd; of nginx's master and workers); and
# prints the medians and the ratios against the target: >= 0.9x nginx's requests/s, <= 1.2x its
# CPU per request, p99 <= 2x. Everything it starts is stopped on exit.
#
# Usage: scripts/bench.sh [--binary .build/release/ratingsd] [--path /consensus/AAPL]
#                         [--runs 3] [--duration 10s] [--connections "64 256"]
#                         [--port 18080] [--nginx-port 18081] [-- extra ratingsd arguments]
set -euo pipefail

BINARY=.build/release/ratingsd
URL_PATH=/consensus/AAPL
RUNS=3
DURATION=10s
CONNECTIONS="64 256"
PORT=18080
NGINX_PORT=18081
EXTRA_ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) BINARY=$2; shift 2 ;;
        --path) URL_PATH=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --port) PORT=$2; shift 2 ;;
        --nginx-port) NGINX_PORT=$2; shift 2 ;;
        --) shift; EXTRA_ARGS=("$@"); break ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

[ -x "$BINARY" ] || { echo "no executable at $BINARY (build it: swift build -c release)" >&2; exit 2; }

install_missing() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
    command -v curl >/dev/null || missing+=(curl)
    [ ${#missing[@]} -eq 0 ] && return
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    echo "installing ${missing[*]}" >&2
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
install_missing
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

WORK=$(mktemp -d /tmp/ratingsd-bench.XXXXXX)
# nginx workers run unprivileged and must read the served file.
chmod 755 "$WORK"
SERVER_PID=""
NGINX_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
    # nginx's master exits after its workers; give it a moment so the port is free.
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null || break
        sleep 0.2
    done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# Waits (bounded) until URL answers.
wait_for() {
    for _ in $(seq 1 150); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        sleep 0.2
    done
    echo "no answer from $1 within 30s" >&2
    return 1
}

"$BINARY" --port "$PORT" --host 127.0.0.1 "${EXTRA_ARGS[@]}" >"$WORK/ratingsd.log" 2>&1 &
SERVER_PID=$!
wait_for "http://127.0.0.1:$PORT$URL_PATH"
# Resident memory once every embedded fixture message is applied (demo mode logs the moment).
for _ in $(seq 1 150); do grep -q "initial load complete" "$WORK/ratingsd.log" && break; sleep 0.2; done
RSS_KIB=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")
echo "ratingsd resident memory with all Fixtures loaded: $((RSS_KIB / 1024)) MiB ($RSS_KIB KiB)"

mkdir -p "$WORK/www$(dirname "$URL_PATH")"
curl -fsS -D "$WORK/headers" -o "$WORK/www$URL_PATH" "http://127.0.0.1:$PORT$URL_PATH"
chmod -R a+rX "$WORK/www"
CONTENT_TYPE=$(awk 'tolower($1)=="content-type:" {sub(/^[^:]*:[ \t]*/, ""); sub(/\r$/, ""); print; exit}' "$WORK/headers")
CONTENT_TYPE=${CONTENT_TYPE:-application/octet-stream}
BODY_BYTES=$(wc -c <"$WORK/www$URL_PATH")

# nginx answers from memory (`return 200 '...'`), its fastest way to send fixed bytes, so the
# comparison is the strict one. A body nginx cannot hold in a config string (a `$` would be
# read as a variable) is served as a static file with the open-file cache instead.
if grep -q '[$]' "$WORK/www$URL_PATH" || [ "$BODY_BYTES" -gt 65536 ]; then
    NGINX_LOCATION="open_file_cache max=16; sendfile on;"
    NGINX_MODE="static file"
else
    ESCAPED=$(sed -e 's/\\/\\\\/g' -e "s/'/\\\\'/g" "$WORK/www$URL_PATH")
    NGINX_LOCATION="location = $URL_PATH { return 200 '$ESCAPED'; }"
    NGINX_MODE="in-memory return"
fi
cat >"$WORK/nginx.conf" <<NGINX
worker_processes 2;
daemon on;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
    access_log off;
    types { }
    default_type "$CONTENT_TYPE";
    # Long-lived keep-alive so nginx is not slowed by reconnects (the stricter comparison).
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        $NGINX_LOCATION
    }
}
NGINX
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/nginx-error.log"
for _ in $(seq 1 50); do [ -s "$WORK/nginx.pid" ] && break; sleep 0.1; done
NGINX_PID=$(cat "$WORK/nginx.pid")
wait_for "http://127.0.0.1:$NGINX_PORT$URL_PATH"
cmp -s "$WORK/www$URL_PATH" <(curl -fsS "http://127.0.0.1:$NGINX_PORT$URL_PATH") || { echo "nginx serves different bytes" >&2; exit 1; }
NGINX_TYPE=$(curl -fsS -D - -o /dev/null "http://127.0.0.1:$NGINX_PORT$URL_PATH" | awk 'tolower($1)=="content-type:" {sub(/^[^:]*:[ \t]*/, ""); sub(/\r$/, ""); print; exit}')
[ "$NGINX_TYPE" = "$CONTENT_TYPE" ] || { echo "nginx sends Content-Type '$NGINX_TYPE', ratingsd '$CONTENT_TYPE'" >&2; exit 1; }

# Clock ticks (utime+stime) of the given processes; the comm field may hold spaces, so the
# fields are counted after its closing parenthesis.
cpu_ticks() {
    local total=0 pid
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] || continue
        total=$((total + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
    done
    echo "$total"
}
server_pids() {
    if [ "$1" = ratingsd ]; then echo "$SERVER_PID"; else echo "$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"; fi
}
# Converts wrk's latency (e.g. 812.00us, 1.20ms, 2.01s) to microseconds.
to_us() {
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) print n; else if (v ~ /ms$/) print n * 1000; else if (v ~ /s$/) print n * 1000000; else print n }'
}
TICKS=$(getconf CLK_TCK)
SECONDS_LIMIT=$(( ${DURATION%s} + 20 ))

# One measured wrk run: appends "server conns rps p50us p99us cpu_us_per_request" to results.
measure() {
    local name=$1 port=$2 conns=$3 pids before after out requests rps p50 p99
    pids=$(server_pids "$name")
    before=$(cpu_ticks $pids)
    out=$(timeout "$SECONDS_LIMIT" wrk -t1 -c"$conns" -d"$DURATION" --latency "http://127.0.0.1:$port$URL_PATH")
    after=$(cpu_ticks $pids)
    requests=$(echo "$out" | awk '/requests in/ {print $1; exit}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(to_us "$(echo "$out" | awk '$1=="50%" {print $2}')")
    p99=$(to_us "$(echo "$out" | awk '$1=="99%" {print $2}')")
    if echo "$out" | grep -q "Non-2xx\|Socket errors"; then echo "  warning: $(echo "$out" | grep "Non-2xx\|Socket errors" | tr -s ' ')" >&2; fi
    local cpu
    cpu=$(awk -v t=$((after - before)) -v hz="$TICKS" -v r="$requests" 'BEGIN { printf "%.2f", t / hz * 1000000 / r }')
    printf "%s %s %s %s %s %s\n" "$name" "$conns" "$rps" "$p50" "$p99" "$cpu" >>"$WORK/results"
    printf "  %-8s c=%-4s %10.0f req/s  p50 %8.0fus  p99 %8.0fus  cpu %6.2fus/req\n" "$name" "$conns" "$rps" "$p50" "$p99" "$cpu"
}

echo "body: $BODY_BYTES bytes, Content-Type: $CONTENT_TYPE; nginx: $NGINX_MODE; wrk -t1 -d$DURATION; $RUNS runs"
: >"$WORK/results"
for run in $(seq 1 "$RUNS"); do
    echo "run $run/$RUNS"
    for conns in $CONNECTIONS; do
        # Alternate which server goes first so drift in machine load hits both alike.
        if [ $((run % 2)) -eq 1 ]; then order="ratingsd nginx"; else order="nginx ratingsd"; fi
        for name in $order; do
            if [ "$name" = ratingsd ]; then measure ratingsd "$PORT" "$conns"; else measure nginx "$NGINX_PORT" "$conns"; fi
        done
    done
done

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_median() { awk -v s="$1" -v c="$2" -v k="$3" '$1 == s && $2 == c { print $k }' "$WORK/results" | median; }

echo
echo "medians of $RUNS runs"
printf "%-6s %-9s %12s %10s %10s %12s\n" conns server "req/s" "p50 us" "p99 us" "cpu us/req"
status=0
for conns in $CONNECTIONS; do
    for name in ratingsd nginx; do
        printf "%-6s %-9s %12.0f %10.0f %10.0f %12.2f\n" "$conns" "$name" \
            "$(column_median $name "$conns" 3)" "$(column_median $name "$conns" 4)" \
            "$(column_median $name "$conns" 5)" "$(column_median $name "$conns" 6)"
    done
    awk -v c="$conns" \
        -v rr="$(column_median ratingsd "$conns" 3)" -v nr="$(column_median nginx "$conns" 3)" \
        -v rp="$(column_median ratingsd "$conns" 5)" -v np="$(column_median nginx "$conns" 5)" \
        -v rc="$(column_median ratingsd "$conns" 6)" -v nc="$(column_median nginx "$conns" 6)" 'BEGIN {
            rps = rr / nr; cpu = rc / nc; p99 = rp / np
            ok = (rps >= 0.9 && cpu <= 1.2 && p99 <= 2.0)
            printf "%-6s ratio     req/s %.2fx (>= 0.90)  cpu/req %.2fx (<= 1.20)  p99 %.2fx (<= 2.00)  %s\n", c, rps, cpu, p99, ok ? "meets target" : "MISSES target"
            exit ok ? 0 : 1
        }' || status=1
done
exit $status
