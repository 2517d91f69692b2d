#!/usr/bin/env python3
"""Drive headless Chromium against a running ratingsd and check the dashboard at GET /.

    scripts/browser-check.py --url http://127.0.0.1:PORT/ --screenshots DIR [--timeout 60]

Talks the Chrome DevTools Protocol over --remote-debugging-pipe (JSON messages separated by NUL
bytes on file descriptors 3 and 4), so it needs nothing beyond the Python standard library.
It opens the page at a desktop size and checks, each within the time left:
  1. the page's script ran under its Content-Security-Policy (no CSP violation, no exception),
  2. consensus rows rendered (a ticker, a consensus label and a mean price target in each),
  3. a rating arrived live over EventSource (the tape holds a row marked data-live and the page
     counts the events it received),
then saves screenshots: desktop light, desktop dark (prefers-color-scheme), and a phone width.
Exit status: 0 when every check passed, 1 when one failed, 77 when Chromium could not start or
answer at all (the caller reports that as a skip).
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER_START_SECONDS = 30
DESKTOP = (1280, 800)
TABLET = (900, 1000)
PHONE = (390, 844)
CANNOT_START = 77


class BrowserError(Exception):
    """Chromium died or stopped answering."""


class Browser:
    """One headless Chromium with a CDP pipe, and a page session on one tab."""

    def __init__(self, executable, profile):
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()
        # Move the child's ends above 9 so that putting them on 3 and 4 clobbers neither.
        to_browser_read, from_browser_write = (self._above_nine(fd) for fd in (to_browser_read, from_browser_write))
        self.log = tempfile.TemporaryFile()
        arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--remote-debugging-pipe", f"--user-data-dir={profile}", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
            "about:blank",
        ]

        # Chromium reads commands from fd 3 and writes replies to fd 4; a shell puts the pipe
        # ends there, whatever numbers they have in this process (bash: dash only takes fds 0-9).
        redirect = (f'exec "$0" "$@" 3<&{to_browser_read} 4>&{from_browser_write} '
                    f'{to_browser_read}<&- {from_browser_write}>&-')
        self.process = subprocess.Popen(
            ["/bin/bash", "-c", redirect, *arguments], stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
            pass_fds=(to_browser_read, from_browser_write), start_new_session=True)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.writer = os.fdopen(to_browser_write, "wb", buffering=0)
        self.reader = os.fdopen(from_browser_read, "rb", buffering=0)
        self.pending = b""
        self.next_id = 0
        self.session = None
        self.events = []

    @staticmethod
    def _above_nine(fd):
        import fcntl

        moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(fd)
        return moved

    def stderr_tail(self, lines=8):
        self.log.seek(0)
        text = [line for line in self.log.read().decode("utf-8", "replace").strip().splitlines()
                if "dbus" not in line]  # no system bus in a container: noise, never the cause
        return "\n".join(text[-lines:])

    def _read_message(self, deadline):
        import select

        while b"\0" not in self.pending:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError("Chromium did not answer in time")
            ready, _, _ = select.select([self.reader], [], [], remaining)
            if not ready:
                continue
            chunk = self.reader.read(65536)
            if not chunk:
                raise BrowserError(f"Chromium closed the DevTools pipe (exit {self.process.poll()})")
            self.pending += chunk
        message, self.pending = self.pending.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=True, timeout=15):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        try:
            self.writer.write(json.dumps(message).encode() + b"\0")
        except OSError as error:
            raise BrowserError(f"cannot write to Chromium: {error}")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def drain_events(self):
        """Reads the events already waiting on the pipe, without blocking."""
        import select

        while True:
            ready, _, _ = select.select([self.reader], [], [], 0)
            if not ready and b"\0" not in self.pending:
                return
            message = self._read_message(time.monotonic() + 1)
            if "method" in message:
                self.events.append(message)

    def open_tab(self):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, session=False)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")

    def viewport(self, width, height, mobile=False):
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    def color_scheme(self, scheme):
        self.send("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError(f"evaluation failed: {details.get('exception', {}).get('description') or details.get('text')}")
        return result["result"].get("value")

    def screenshot(self, path, full_page=False):
        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", params, timeout=30)["data"]
        Path(path).write_bytes(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except (BrowserError, OSError, ValueError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# Read in the page: what the checks need, as one JSON value.
STATE = """(() => {
  if (!document.body || !document.getElementById('consensus-rows')) return null;
  const rows = Array.from(document.querySelectorAll('#consensus-rows tr'));
  const complete = rows.filter((row) => row.querySelector('.symbol')?.textContent.trim()
      && row.querySelector('.pill')?.textContent.trim() && /\\d/.test(row.querySelector('.mean')?.textContent || ''));
  const live = document.querySelectorAll('#tape li[data-live="true"]');
  const first = live[0];
  return {
    connection: document.body.dataset.connection,
    liveEvents: Number(document.body.dataset.liveEvents || 0),
    liveRatings: Number(document.body.dataset.liveRatings || 0),
    rows: rows.length, completeRows: complete.length,
    firstRow: complete[0] ? complete[0].innerText.replace(/\\s+/g, ' ').trim() : null,
    tape: document.querySelectorAll('#tape li').length, liveTape: live.length,
    firstLive: first ? first.innerText.replace(/\\s+/g, ' ').trim() : null,
  };
})()"""


def problems_in(events):
    """Exceptions and console errors the page raised (CSP refusals show up as console errors)."""
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            found.append("exception: " + (details.get("exception", {}).get("description") or details.get("text", "?")))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            # A favicon or a transient network error is not the page's fault; CSP refusals are.
            if entry.get("source") != "network" or "Content Security Policy" in entry.get("text", ""):
                found.append(f"console {entry.get('source')}: {entry.get('text')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            texts = [arg.get("value") or arg.get("description") for arg in params.get("args", [])]
            found.append("console.error: " + " ".join(map(str, texts)))
    return found


def wait_for(browser, condition, deadline, what):
    """Polls the page state until condition(state) holds; returns the last state."""
    state = None
    while time.monotonic() < deadline:
        state = browser.evaluate(STATE)
        if state is not None and condition(state):
            return state, True
        time.sleep(0.2)
    print(f"FAIL {what} (last state: {json.dumps(state)})")
    return state, False


def fits(browser, width):
    """Whether nothing scrolls sideways at this width: neither the page nor the table's box."""
    time.sleep(0.3)
    overflow = browser.evaluate(
        "Math.max(document.documentElement.scrollWidth - window.innerWidth,"
        " ...Array.from(document.querySelectorAll('.scroll'), (box) => box.scrollWidth - box.clientWidth))")
    if overflow > 0:
        print(f"FAIL at {width} px wide something scrolls sideways by {overflow} px")
        return False
    print(f"ok   fits {width} px wide without sideways scrolling")
    return True


def find_chromium():
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the dashboard, e.g. http://127.0.0.1:8080/")
    parser.add_argument("--screenshots", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--timeout", type=float, default=60, help="seconds for all checks together")
    arguments = parser.parse_args()
    deadline = time.monotonic() + arguments.timeout

    executable = find_chromium()
    if executable is None:
        print("chromium is not installed")
        return CANNOT_START
    arguments.screenshots.mkdir(parents=True, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="ratingsd-chromium-")
    browser = Browser(executable, profile)
    try:
        try:
            version = browser.send("Browser.getVersion", session=False, timeout=BROWSER_START_SECONDS)
            browser.open_tab()
        except BrowserError as error:
            print(f"chromium could not start: {error}\n{browser.stderr_tail()}")
            return CANNOT_START
        print(f"ok   {version.get('product')} started headless")
        return run_checks(browser, arguments, deadline)
    except BrowserError as error:
        print(f"FAIL {error}\n{browser.stderr_tail()}")
        return 1
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)


def run_checks(browser, arguments, deadline):
    failed = False
    browser.viewport(*DESKTOP)
    browser.color_scheme("light")
    browser.send("Page.navigate", {"url": arguments.url})

    state, ok = wait_for(browser, lambda s: s["completeRows"] > 0, deadline, "consensus rows render")
    failed |= not ok
    if ok:
        print(f"ok   {state['completeRows']} consensus rows rendered, e.g. \"{state['firstRow']}\"")
    state, ok = wait_for(browser, lambda s: s["liveTape"] > 0 and s["liveEvents"] > 0, deadline,
                         "a rating arrives live over EventSource")
    failed |= not ok
    if ok:
        print(f"ok   live over EventSource: {state['liveEvents']} events, first live rating \"{state['firstLive']}\"")
    browser.drain_events()
    problems = problems_in(browser.events)
    for problem in problems:
        print(f"FAIL page reported {problem}")
    failed |= bool(problems)
    if not problems:
        print("ok   no script error and no Content-Security-Policy violation")

    shots = arguments.screenshots
    time.sleep(1.0)  # let the row highlight of the last live change settle a little
    failed |= not fits(browser, DESKTOP[0])
    browser.screenshot(shots / "dashboard.png")
    browser.color_scheme("dark")
    browser.screenshot(shots / "dashboard-dark.png")
    browser.color_scheme("light")
    browser.viewport(*TABLET)
    failed |= not fits(browser, TABLET[0])
    browser.viewport(*PHONE, mobile=True)
    failed |= not fits(browser, PHONE[0])
    browser.screenshot(shots / "dashboard-phone.png")
    print(f"screenshots: {shots / 'dashboard.png'}, {shots / 'dashboard-dark.png'}, {shots / 'dashboard-phone.png'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
