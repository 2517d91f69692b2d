#!/usr/bin/env bash
# Browser test of the dashboard at GET /: runs ratingsd in demo mode on a free port of 127.0.0.1,
# drives headless Chromium against it (scripts/browser-check.py) and checks in the DOM that
# consensus rows render and that a rating arrives live over EventSource; saves screenshots.
#
#   scripts/browser-test.sh            # uses .build/debug/ratingsd, building it when missing
#   RATINGSD_BIN=path/to/ratingsd BROWSER_TEST_TIMEOUT=90 scripts/browser-test.sh
#
# Installs Debian's chromium with apt-get when it is missing. Skips (exit 0, with a line saying
# why) only when Chromium cannot be installed or cannot start on this machine; any other
# failure exits 1.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
timeout_seconds=${BROWSER_TEST_TIMEOUT:-60}   # all checks together, once the server is up
startup_seconds=30                             # for ratingsd to log "listening"
screenshots="$root/.build/browser-test"

skip() {
    echo "browser-test: SKIPPED: $*"
    exit 0
}

if ! command -v chromium >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || skip "chromium is not installed and there is no apt-get to install it"
    echo "browser-test: installing chromium with apt-get"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; }; then
        skip "chromium is not installed and apt-get could not install it"
    fi
fi

binary=${RATINGSD_BIN:-}
if [ -z "$binary" ]; then
    binary="$(swift build --show-bin-path)/ratingsd"
    if [ ! -x "$binary" ]; then
        echo "browser-test: building ratingsd"
        swift build --product ratingsd
    fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/ratingsd-browser-test.XXXXXX")
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

"$binary" --host 127.0.0.1 --port 0 --log-level notice >"$work/ratingsd.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq $((startup_seconds * 10))); do
    port=$(grep -ao 'address=127\.0\.0\.1:[0-9]*' "$work/ratingsd.log" | head -n 1 | cut -d: -f2 || true)
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "browser-test: FAIL: ratingsd did not start listening within ${startup_seconds} s:" >&2
    cat "$work/ratingsd.log" >&2
    exit 1
fi
echo "browser-test: ratingsd (demo mode) on http://127.0.0.1:$port/"

status=0
python3 scripts/browser-check.py --url "http://127.0.0.1:$port/" --screenshots "$screenshots" \
    --timeout "$timeout_seconds" || status=$?
case $status in
    0) echo "browser-test: passed; screenshots in $screenshots" ;;
    77) skip "Chromium cannot start on this machine (see the lines above)" ;;
    *) echo "browser-test: FAIL (ratingsd log: $(tail -n 3 "$work/ratingsd.log" | tr '\n' ' '))" >&2
       exit 1 ;;
esac
