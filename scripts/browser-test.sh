#!/usr/bin/env bash
# Browser test of the dashboard at GET /: scripts/browser-check.py runs ratingsd in demo mode on a
# free port of 127.0.0.1, drives headless Chromium against it and checks in the DOM that consensus
# rows render, that a rating arrives live over EventSource, that upstream text cannot inject
# markup, and that the page reconnects when ratingsd restarts; it saves screenshots.
#
#   scripts/browser-test.sh            # uses the debug ratingsd, building it when missing
#   RATINGSD_BIN=path/to/ratingsd BROWSER_TEST_TIMEOUT=120 scripts/browser-test.sh
#
# Installs Debian's chromium with apt-get when it is missing. Skips (exit 0, with a line saying
# why) only when Chromium cannot be installed or cannot start on this machine; any other
# failure exits 1.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
timeout_seconds=${BROWSER_TEST_TIMEOUT:-90}   # all checks together, once Chromium and ratingsd are up
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

status=0
python3 scripts/browser-check.py --ratingsd "$binary" --screenshots "$screenshots" --timeout "$timeout_seconds" \
    || status=$?
case $status in
    0) echo "browser-test: passed; screenshots in $screenshots" ;;
    77) skip "Chromium cannot start on this machine (see the lines above)" ;;
    *) echo "browser-test: FAIL" >&2
       exit 1 ;;
esac
