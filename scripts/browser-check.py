#!/usr/bin/env python3
"""Run ratingsd in demo mode, drive headless Chromium against it and check the dashboard at GET /.

    scripts/browser-check.py --ratingsd .build/debug/ratingsd --screenshots DIR [--timeout 90]

Talks the Chrome DevTools Protocol over --remote-debugging-pipe (JSON messages separated by NUL
bytes on file descriptors 3 and 4), so it needs nothing beyond the Python standard library.
It starts ratingsd on a free port of 127.0.0.1, waits until /readyz says the demo data is loaded,
opens the page at a desktop size and checks, each within the time left:
  1. the page's script ran under its Content-Security-Policy (no CSP violation, no exception),
  2. consensus rows rendered (a ticker, a consensus label and a mean price target in each),
  3. a rating arrived live over EventSource (the tape holds a row marked data-live and the page
     counts the events it received),
  4. markup in an upstream string is shown as text (the first GET /ratings is answered with a
     firm name holding an <img onerror> and a <b>, through the DevTools Fetch domain),
  5. when ratingsd stops, the indicator shows the lost stream; once a new ratingsd listens on
     the same port the page reconnects (counted), refetches its state and events flow again,
  6. the filter box narrows the table and the tape to the tickers typed,
  7. nothing scrolls sideways at desktop, tablet and phone widths,
then saves screenshots: desktop light, desktop dark (prefers-color-scheme), and a phone width.
Exit status: 0 when every check passed, 1 when one failed, 77 when Chromium could not start or
answer at all (the caller reports that as a skip). Every process it starts, it stops.
"""

import argparse
import base64
import json
import os
import re
import signal
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
SERVER_START_SECONDS = 30
SERVER_STOP_SECONDS = 10


class Ratingsd:
    """One ratingsd in demo mode on 127.0.0.1, logging to a file in `folder`."""

    def __init__(self, binary, folder, port=0):
        self.log_path = Path(folder) / f"ratingsd-{time.monotonic_ns()}.log"
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [binary, "--host", "127.0.0.1", "--port", str(port), "--log-level", "notice"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        self.port = None

    def log_tail(self, lines=5):
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def wait_until_ready(self, deadline):
        """Waits for the "listening" line, then for /readyz to answer 200; returns the port."""
        import urllib.error
        import urllib.request

        while self.port is None:
            found = re.search(r"address=127\.0\.0\.1:(\d+)", self.log_path.read_text(errors="replace"))
            if found:
                self.port = int(found.group(1))
            elif self.process.poll() is not None or time.monotonic() > deadline:
                raise BrowserError(f"ratingsd did not start listening:\n{self.log_tail()}")
            else:
                time.sleep(0.05)
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/readyz", timeout=5):
                    return self.port
            except (urllib.error.URLError, OSError):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise BrowserError(f"ratingsd did not become ready:\n{self.log_tail()}")
                time.sleep(0.1)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=SERVER_STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


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
        self.replies = {}
        self.on_event = None  # called with every event as it is read

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

    def post(self, method, params=None, session=True):
        """Sends a command without waiting for its reply; returns its id."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        try:
            self.writer.write(json.dumps(message).encode() + b"\0")
        except OSError as error:
            raise BrowserError(f"cannot write to Chromium: {error}")
        return self.next_id

    def send(self, method, params=None, session=True, timeout=15):
        """Sends a command and returns its result, handling the events that arrive meanwhile."""
        command = self.post(method, params, session)
        deadline = time.monotonic() + timeout
        while command not in self.replies:
            self._dispatch(self._read_message(deadline))
        reply = self.replies.pop(command)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def _dispatch(self, message):
        if "method" in message:
            self.events.append(message)
            if self.on_event:
                self.on_event(message)
        elif "id" in message:
            self.replies[message["id"]] = message

    def drain_events(self):
        """Reads the events already waiting on the pipe, without blocking."""
        import select

        while True:
            ready, _, _ = select.select([self.reader], [], [], 0)
            if not ready and b"\0" not in self.pending:
                return
            self._dispatch(self._read_message(time.monotonic() + 1))

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
    reconnects: Number(document.body.dataset.reconnects || 0),
    resyncs: Number(document.body.dataset.resyncs || 0),
    rows: rows.length, completeRows: complete.length,
    firstRow: complete[0] ? complete[0].innerText.replace(/\\s+/g, ' ').trim() : null,
    tape: document.querySelectorAll('#tape li').length, liveTape: live.length,
    firstLive: first ? first.innerText.replace(/\\s+/g, ' ').trim() : null,
  };
})()"""


# Markup in an upstream string: the page must show it as text, never parse it.
HOSTILE_FIRM = '<img src=x onerror="document.body.dataset.injected=1"><b>Evil</b> & Co'


class RatingsTamperer:
    """Answers the page's first GET /ratings itself: the server's own answer plus a rating whose
    firm is HOSTILE_FIRM (intercepted with the DevTools Fetch domain)."""

    def __init__(self, browser):
        self.browser = browser
        self.rating_id = None
        self.error = None
        browser.send("Fetch.enable", {"patterns": [{"urlPattern": "*/ratings?limit=*", "requestStage": "Request"}]})
        browser.on_event = self

    def __call__(self, event):
        if event.get("method") != "Fetch.requestPaused":
            return
        import urllib.request

        params = event["params"]
        try:
            with urllib.request.urlopen(params["request"]["url"], timeout=10) as reply:
                document = json.loads(reply.read())
            if document.get("data") and self.rating_id is None:
                # A copy of the newest rating under an id of its own, so no live event replaces it.
                hostile = dict(document["data"][0], id="browser-check-hostile", firm=HOSTILE_FIRM)
                document["data"].insert(0, hostile)
                self.rating_id = hostile["id"]
            body = json.dumps(document).encode()
        except (OSError, ValueError) as error:
            self.error = f"could not fetch {params['request']['url']} for the page: {error}"
            self.browser.post("Fetch.failRequest", {"requestId": params["requestId"], "errorReason": "Failed"})
            return
        self.browser.post("Fetch.fulfillRequest", {
            "requestId": params["requestId"], "responseCode": 200,
            "responseHeaders": [{"name": "Content-Type", "value": "application/json"}],
            "body": base64.b64encode(body).decode()})
        if self.rating_id is not None:
            self.browser.post("Fetch.disable")
            self.browser.on_event = None

    def check(self, deadline):
        """Whether the hostile firm shows as literal text in the tape and nothing of it ran."""
        if self.error:
            print(f"FAIL {self.error}")
            return False
        expression = f"""(() => {{
          const item = Array.from(document.querySelectorAll('#tape li')).find((li) => li.dataset.id === {json.dumps(self.rating_id)});
          return {{ found: !!item, firm: item ? item.querySelector('.firm').textContent : null,
                   elements: document.querySelectorAll('#tape img, #tape .firm b').length,
                   injected: document.body.dataset.injected || null }};
        }})()"""
        state = None
        while time.monotonic() < deadline:
            state = browser_state = self.browser.evaluate(expression)
            if browser_state["found"]:
                break
            time.sleep(0.2)
        if state is None or not state["found"]:
            print(f"FAIL the tampered rating {self.rating_id} never showed in the tape")
            return False
        if state["firm"] != HOSTILE_FIRM or state["elements"] or state["injected"]:
            print(f"FAIL upstream markup was interpreted: {json.dumps(state)}")
            return False
        print("ok   markup in an upstream string shows as text (no element made, nothing ran)")
        return True


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


FILTER = """((text) => {
  const input = document.getElementById('filter');
  input.value = text;
  input.dispatchEvent(new Event('input'));
  const visible = (selector) => Array.from(document.querySelectorAll(selector)).filter((node) => !node.hidden);
  return { rows: visible('#consensus-rows tr').map((row) => row.dataset.ticker),
           tape: [...new Set(visible('#tape li').map((item) => item.dataset.ticker))], hash: location.hash };
})"""


def filters(browser):
    """Typing a ticker in the filter box leaves only its row and its ratings, and is kept in the
    URL fragment; clearing it shows every row again."""
    total = browser.evaluate(STATE)["rows"]
    narrowed = browser.evaluate(FILTER + "('msft')")
    cleared = browser.evaluate(FILTER + "('')")
    if narrowed["rows"] != ["MSFT"] or narrowed["tape"] not in ([], ["MSFT"]) or narrowed["hash"] != "#msft":
        print(f"FAIL the filter 'msft' left {json.dumps(narrowed)}")
        return False
    if len(cleared["rows"]) != total or cleared["hash"] != "":
        print(f"FAIL clearing the filter left {len(cleared['rows'])} of {total} rows, fragment {cleared['hash']!r}")
        return False
    print(f"ok   filter 'msft' shows the MSFT row only (and {len(narrowed['tape'])} ticker(s) in the tape); cleared, all {total}")
    return True


def reconnects(browser, servers, binary, deadline):
    """Stops ratingsd under the page: the indicator must say so; once a new ratingsd listens on
    the same port, the page must reconnect (counted) and receive events again. The new process
    counts its event ids from 1 again, so the page must notice the restart (a reset, or a new
    started_at in /status) and refetch its state."""
    port = servers[-1].port
    servers[-1].stop()
    state, ok = wait_for(browser, lambda s: s["connection"] in ("reconnecting", "offline"), deadline,
                         "the connection indicator shows the lost stream")
    if not ok:
        return False
    shown = state["connection"]
    servers.append(Ratingsd(binary, servers[-1].log_path.parent, port=port))
    servers[-1].wait_until_ready(min(deadline, time.monotonic() + SERVER_START_SECONDS))
    before = browser.evaluate(STATE)["liveEvents"]
    state, ok = wait_for(browser, lambda s: s["connection"] == "live" and s["reconnects"] >= 1
                         and s["resyncs"] >= 1 and s["liveEvents"] > before and s["completeRows"] > 0,
                         deadline, "the page reconnects to the restarted ratingsd, refetches and events flow again")
    if ok:
        print(f"ok   ratingsd restarted: indicator showed \"{shown}\", then live again after "
              f"{state['reconnects']} reconnect(s) and {state['resyncs']} resynchronisation(s), events flowing")
    return ok


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
    parser.add_argument("--ratingsd", required=True, help="the ratingsd executable to run in demo mode")
    parser.add_argument("--screenshots", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--timeout", type=float, default=90, help="seconds for all checks together")
    arguments = parser.parse_args()
    deadline = time.monotonic() + arguments.timeout

    executable = find_chromium()
    if executable is None:
        print("chromium is not installed")
        return CANNOT_START
    arguments.screenshots.mkdir(parents=True, exist_ok=True)
    work = tempfile.mkdtemp(prefix="ratingsd-browser-check-")
    servers = [Ratingsd(arguments.ratingsd, work)]
    browser = Browser(executable, Path(work) / "profile")
    try:
        try:
            version = browser.send("Browser.getVersion", session=False, timeout=BROWSER_START_SECONDS)
            browser.open_tab()
        except BrowserError as error:
            print(f"chromium could not start: {error}\n{browser.stderr_tail()}")
            return CANNOT_START
        print(f"ok   {version.get('product')} started headless")
        port = servers[0].wait_until_ready(time.monotonic() + SERVER_START_SECONDS)
        print(f"ok   ratingsd (demo mode) ready on http://127.0.0.1:{port}/")
        return run_checks(browser, servers, arguments, deadline)
    except BrowserError as error:
        print(f"FAIL {error}\n{browser.stderr_tail()}")
        for server in servers:
            print(f"ratingsd log:\n{server.log_tail()}")
        return 1
    finally:
        browser.close()
        for server in servers:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


def run_checks(browser, servers, arguments, deadline):
    """The checks in order; `servers` gains the restarted ratingsd so the caller stops it."""
    failed = False
    browser.viewport(*DESKTOP)
    browser.color_scheme("light")
    tamperer = RatingsTamperer(browser)
    browser.send("Page.navigate", {"url": f"http://127.0.0.1:{servers[0].port}/"})

    state, ok = wait_for(browser, lambda s: s["completeRows"] > 0, deadline, "consensus rows render")
    failed |= not ok
    if ok:
        print(f"ok   {state['completeRows']} consensus rows rendered, e.g. \"{state['firstRow']}\"")
    failed |= not tamperer.check(deadline)
    state, ok = wait_for(browser, lambda s: s["liveTape"] > 0 and s["liveEvents"] > 0, deadline,
                         "a rating arrives live over EventSource")
    failed |= not ok
    if ok:
        print(f"ok   live over EventSource: {state['liveEvents']} events, first live rating \"{state['firstLive']}\"")
    failed |= not filters(browser)
    failed |= not reconnects(browser, servers, arguments.ratingsd, deadline)
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
