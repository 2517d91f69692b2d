#!/usr/bin/env python3
"""Validate openapi/openapi.yaml, and optionally real responses of a running ratingsd against it.

    scripts/validate-openapi.py                          # the document only
    scripts/validate-openapi.py --base-url http://127.0.0.1:8080 [--wait 30]

Without --base-url the document is checked with openapi-spec-validator. With it, the script also
sends a fixed list of requests (every endpoint, the error cases, 304, 405, OPTIONS, HEAD) and
checks each response's status, headers, content type and body against the schema the document
gives for that path, method and status. Ids, tickers and cursors are discovered from the server's
own answers, so any data set works; checks that need data the server does not hold are reported
as skipped. Exit status: 0 when everything matched, 1 on any mismatch, 2 when the server could
not be reached or a tool could not be installed.

Missing Python packages (openapi-spec-validator, openapi-schema-validator, jsonschema, PyYAML)
are installed with pip for the current interpreter.
"""

import argparse
import http.client
import importlib
import json
import re
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

REQUIREMENTS = {
    "yaml": "PyYAML",
    "jsonschema": "jsonschema>=4.18",
    "openapi_spec_validator": "openapi-spec-validator",
    "openapi_schema_validator": "openapi-schema-validator>=0.6",
}
PROBLEM_BASE = "https://ratingsd.dev/problems/"
UNKNOWN_TICKER = "ZZZZZZ9Q"
REQUEST_TIMEOUT_SECONDS = 10


def shorten(text, limit=240):
    """Keeps error messages that quote whole documents readable."""
    return text if len(text) <= limit else text[:limit] + "..."


def ensure_packages():
    """Imports the tools, installing any that are missing with pip."""
    missing = []
    for module, requirement in REQUIREMENTS.items():
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(requirement)
    if missing:
        print(f"installing {', '.join(missing)} with pip", file=sys.stderr)
        result = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *missing])
        if result.returncode != 0:
            sys.exit(f"error: pip could not install {', '.join(missing)}")
        importlib.invalidate_caches()


class Failures:
    """Collects mismatches so one run reports all of them."""

    def __init__(self):
        self.messages = []
        self.checked = 0
        self.skipped = []

    def check(self, condition, message):
        self.checked += 1
        if not condition:
            self.messages.append(message)
        return condition

    def skip(self, message):
        self.skipped.append(message)


class Response:
    def __init__(self, method, target, status, headers, body):
        self.method = method
        self.target = target
        self.status = status
        self.headers = headers  # list of (name, value)
        self.body = body

    def header(self, name):
        values = self.all(name)
        return values[0] if values else None

    def all(self, name):
        return [value for key, value in self.headers if key.lower() == name.lower()]

    @property
    def media_type(self):
        value = self.header("Content-Type")
        return value.split(";")[0].strip().lower() if value else None

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def __str__(self):
        return f"{self.method} {self.target} -> {self.status}"


class Client:
    def __init__(self, base_url):
        parsed = urllib.parse.urlsplit(base_url)
        if parsed.scheme != "http" or not parsed.hostname:
            sys.exit(f"error: --base-url must look like http://HOST:PORT, got {base_url!r}")
        self.host = parsed.hostname
        self.port = parsed.port or 80
        self.prefix = parsed.path.rstrip("/")

    def send(self, method, target, headers=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT_SECONDS)
        try:
            connection.putrequest(method, self.prefix + target, skip_accept_encoding=True)
            for name, value in (headers or {}).items():
                connection.putheader(name, value)
            connection.endheaders()
            reply = connection.getresponse()
            body = reply.read()
            return Response(method, target, reply.status, reply.getheaders(), body)
        finally:
            connection.close()

    def wait_until_up(self, seconds):
        deadline = time.monotonic() + seconds
        while True:
            try:
                self.send("GET", "/healthz")
                return
            except OSError as error:
                if time.monotonic() >= deadline:
                    sys.stderr.write(f"error: no server at http://{self.host}:{self.port} ({error})\n")
                    sys.exit(2)
                time.sleep(0.25)


class Contract:
    """The parts of the OpenAPI document a response is checked against."""

    def __init__(self, spec):
        from openapi_schema_validator import OAS31Validator

        self.spec = spec
        self.validator_class = OAS31Validator
        self.templates = []
        for template in spec["paths"]:
            pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
            self.templates.append((re.compile(pattern), template))

    def resolve(self, node):
        while isinstance(node, dict) and "$ref" in node and len(node) == 1:
            node = self.lookup(node["$ref"])
        return node

    def lookup(self, reference):
        if not reference.startswith("#/"):
            raise ValueError(f"only local references are supported: {reference}")
        node = self.spec
        for part in reference[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def template(self, path):
        for pattern, template in self.templates:
            if pattern.match(path):
                return template
        return None

    def response_spec(self, method, path, status):
        """(where, spec) of the documented response for this exchange, or (where, None)."""
        template = self.template(path)
        if template is None:
            return "components.responses.NotFound (no such path)", self.lookup("#/components/responses/NotFound")
        operation = self.spec["paths"][template].get(method.lower())
        if operation is None:
            return (f"components.responses.MethodNotAllowed ({method} is not an operation of {template})",
                    self.lookup("#/components/responses/MethodNotAllowed"))
        responses = operation["responses"]
        key = str(status) if str(status) in responses else "default" if "default" in responses else None
        where = f"paths.{template}.{method.lower()}.responses.{key or status}"
        return where, (self.resolve(responses[key]) if key else None)

    def schema_errors(self, schema, instance):
        root = dict(schema)
        root.setdefault("components", self.spec.get("components", {}))
        validator = self.validator_class(root, format_checker=self.validator_class.FORMAT_CHECKER)
        from jsonschema.exceptions import best_match

        errors = sorted(validator.iter_errors(instance), key=lambda error: list(error.absolute_path))
        # best_match descends into oneOf/anyOf, naming the member that failed rather than the whole value.
        errors = [best_match([error]) for error in errors[:5]]
        return [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {shorten(error.message)}" for error in errors]


class Checker:
    def __init__(self, client, contract, failures, cors_origin, spec_bytes):
        self.client = client
        self.contract = contract
        self.failures = failures
        self.cors_origin = cors_origin
        self.spec_bytes = spec_bytes

    def request(self, method, target, expect, headers=None, problem=None, parameter=None):
        """Sends one request and checks the response against the document and the expectations."""
        response = self.client.send(method, target, headers)
        statuses = expect if isinstance(expect, (tuple, list, set)) else (expect,)
        ok = self.failures.check(response.status in statuses,
                                 f"{response}: expected status {' or '.join(map(str, statuses))}; body: {response.body[:300]!r}")
        self.conform(response)
        if ok and problem is not None:
            self.problem(response, problem, parameter)
        print(f"{'ok  ' if ok else 'FAIL'} {response}")
        return response

    def conform(self, response):
        path = urllib.parse.urlsplit(response.target).path
        where, spec = self.contract.response_spec(response.method, path, response.status)
        if not self.failures.check(spec is not None, f"{response}: the document has no response {where}"):
            return
        for name, header in (spec.get("headers") or {}).items():
            header = self.contract.resolve(header)
            value = response.header(name)
            if value is None:
                self.failures.check(not header.get("required", False),
                                    f"{response}: required header {name} missing ({where})")
                continue
            if "schema" in header:
                errors = self.contract.schema_errors(self.contract.resolve(header["schema"]), value)
                self.failures.check(not errors, f"{response}: header {name}: {value!r} does not match {where}: {errors}")
        if self.cors_origin:
            self.failures.check(response.header("Access-Control-Allow-Origin") == self.cors_origin,
                                f"{response}: Access-Control-Allow-Origin is {response.header('Access-Control-Allow-Origin')!r}, "
                                f"expected {self.cors_origin!r}")
        content = spec.get("content")
        if response.method == "HEAD" or not content:
            self.failures.check(len(response.body) == 0, f"{response}: expected no body ({where})")
            return
        media_type = response.media_type
        if not self.failures.check(media_type in content,
                                   f"{response}: Content-Type {media_type!r} is not one of {sorted(content)} ({where})"):
            return
        schema = self.contract.resolve(content[media_type].get("schema", {}))
        if media_type.endswith("json"):
            try:
                instance = response.json()
            except ValueError as error:
                self.failures.check(False, f"{response}: body is not JSON ({error}): {response.body[:200]!r}")
                return
        else:
            instance = response.body.decode("utf-8", errors="replace")
        errors = self.contract.schema_errors(schema, instance)
        self.failures.check(not errors, f"{response}: body does not match {where}: {errors}")

    def problem(self, response, slug, parameter):
        try:
            body = response.json()
        except ValueError:
            return
        self.failures.check(body.get("type") == PROBLEM_BASE + slug,
                            f"{response}: problem type {body.get('type')!r}, expected {PROBLEM_BASE + slug!r}")
        self.failures.check(body.get("parameter") == parameter,
                            f"{response}: problem parameter {body.get('parameter')!r}, expected {parameter!r}")

    def run(self):
        self.service_endpoints()
        ticker, consensus_ticker = self.tickers()
        self.consensus(ticker, consensus_ticker)
        for kind in ("ratings", "insights"):
            self.records(kind)
        self.errors()
        self.events()

    def service_endpoints(self):
        self.request("GET", "/healthz", 200)
        self.request("HEAD", "/healthz", 200)
        self.request("GET", "/readyz", (200, 503))
        status = self.request("GET", "/status", 200)
        self.request("GET", "/status?verbose=1", 400, problem="invalid-parameter", parameter="verbose")
        metrics = self.request("GET", "/metrics", 200)
        self.failures.check(metrics.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8",
                            f"{metrics}: Content-Type {metrics.header('Content-Type')!r} is not Prometheus text 0.0.4")
        self.request("HEAD", "/metrics", 200)
        self.request("GET", "/metrics?format=json", 400, problem="invalid-parameter", parameter="format")
        document = self.request("GET", "/openapi.yaml", 200)
        self.failures.check(document.body == self.spec_bytes,
                            "GET /openapi.yaml: the served document differs from the file checked here")
        etag = document.header("ETag")
        if etag:
            self.request("GET", "/openapi.yaml", 304, headers={"If-None-Match": etag})
        self.dashboard()
        return status

    def dashboard(self):
        page = self.request("GET", "/", 200)
        self.request("HEAD", "/", 200)
        self.request("GET", "/?tickers=AAPL", 400, problem="invalid-parameter", parameter="tickers")
        etag = page.header("ETag")
        if etag:
            self.request("GET", "/", 304, headers={"If-None-Match": etag})

    def tickers(self):
        listing = self.request("GET", "/tickers", 200)
        self.request("GET", f"/tickers/{UNKNOWN_TICKER}", 404, problem="unknown-ticker", parameter="ticker")
        self.request("GET", "/tickers/BAD$", 400, problem="invalid-ticker", parameter="ticker")
        try:
            rows = listing.json().get("data", [])
        except ValueError:
            rows = []
        if not rows:
            self.failures.skip("ticker documents: GET /tickers lists no ticker")
            return None, None
        ticker = rows[0]["ticker"]
        with_consensus = next((row["ticker"] for row in rows if row.get("has_consensus")), None)
        encoded = urllib.parse.quote(ticker, safe="")
        overview = self.request("GET", f"/tickers/{encoded.lower()}", 200)
        if overview.status == 200:
            self.failures.check(overview.json().get("ticker") == ticker,
                                f"{overview}: a lower-case ticker should answer for {ticker}")
        return ticker, with_consensus

    def consensus(self, ticker, with_consensus):
        self.request("GET", "/consensus/AA$L", 400, problem="invalid-ticker", parameter="ticker")
        self.request("GET", "/consensus/ABCDEFGHIJKLMNOPQ", 400, problem="invalid-ticker", parameter="ticker")
        self.request("GET", f"/consensus/{UNKNOWN_TICKER}", 404, problem="unknown-ticker", parameter="ticker")
        self.request("GET", "/consensus", 400, problem="invalid-parameter", parameter="tickers")
        many = ",".join(f"T{index}" for index in range(101))
        self.request("GET", f"/consensus?tickers={many}", 400, problem="invalid-parameter", parameter="tickers")
        self.request("GET", f"/consensus?tickers={UNKNOWN_TICKER}", 200)
        if with_consensus is None:
            self.failures.skip("consensus documents: no ticker has a consensus")
            return
        encoded = urllib.parse.quote(with_consensus, safe="")
        document = self.request("GET", f"/consensus/{encoded}", 200)
        self.request("GET", f"/consensus/{encoded.lower()}", 200)
        self.request("HEAD", f"/consensus/{encoded}", 200)
        etag = document.header("ETag")
        if etag:
            for value in (etag, f"W/{etag}", f'"other", {etag}', "*"):
                not_modified = self.request("GET", f"/consensus/{encoded}", 304, headers={"If-None-Match": value})
                self.failures.check(not_modified.header("ETag") == etag,
                                    f"{not_modified}: ETag {not_modified.header('ETag')!r}, expected {etag!r}")
            self.request("GET", f"/consensus/{encoded}", 200, headers={"If-None-Match": '"not-the-tag"'})
        batch = self.request("GET", f"/consensus?tickers={encoded},{UNKNOWN_TICKER}", 200)
        if batch.status == 200:
            self.failures.check(batch.json().get("missing") == [UNKNOWN_TICKER],
                                f"{batch}: missing should be [{UNKNOWN_TICKER!r}]")
        if ticker and ticker != with_consensus:
            self.request("GET", f"/consensus/{urllib.parse.quote(ticker, safe='')}", (200, 404))

    def records(self, kind):
        page = self.request("GET", f"/{kind}?limit=2", 200)
        self.request("HEAD", f"/{kind}?limit=2", 200)
        self.request("GET", f"/{kind}?limit=1&action=UPGRADE,downgrade&since=2000-01-01", 200)
        self.request("GET", f"/{kind}?tickers=aapl,msft&firm=Goldman+Sachs", 200)
        self.request("GET", f"/{kind}?ticker={UNKNOWN_TICKER}", 200)
        self.request("GET", f"/{kind}/does-not-exist-{UNKNOWN_TICKER}", 404, problem="not-found", parameter="id")
        etag = page.header("ETag")
        if etag:
            self.request("GET", f"/{kind}?limit=2", (200, 304), headers={"If-None-Match": etag})
        try:
            body = page.json()
        except ValueError:
            return
        items = body.get("data") or []
        if not items:
            self.failures.skip(f"{kind} documents: GET /{kind} is empty")
            return
        self.request("GET", f"/{kind}/{urllib.parse.quote(items[0]['id'], safe='')}", 200)
        cursor = body.get("next_cursor")
        link = page.header("Link")
        if cursor is None:
            self.failures.check(link is None, f"{page}: Link without next_cursor")
            self.failures.skip(f"{kind} paging: fewer than 3 records")
            return
        match = re.match(r'^<([^>]+)>; rel="next"$', link or "")
        if self.failures.check(match is not None, f"{page}: next_cursor without a Link rel=next header ({link!r})"):
            target = match.group(1)
            self.failures.check(f"cursor={cursor}" in target, f"{page}: Link {target!r} does not carry next_cursor")
            self.request("GET", target, 200)

    def errors(self):
        for query, parameter in (("limit=0", "limit"), ("limit=1001", "limit"), ("limit=abc", "limit"),
                                 ("min_importance=6", "min_importance"),
                                 ("since=2024-10-05&until=2024-10-04", "until"), ("since=yesterday", "since"),
                                 ("cursor=not-a-cursor", "cursor"), ("tikcer=AAPL", "tikcer"),
                                 ("limit=1&limit=2", "limit"), ("ticker=AAPL&tickers=MSFT", "tickers"),
                                 ("action=buy", "action"), ("firm=%zz", "firm")):
            self.request("GET", f"/ratings?{query}", 400, problem="invalid-parameter", parameter=parameter)
        self.request("GET", "/ratings?tickers=AAPL,B@D", 400, problem="invalid-ticker", parameter="tickers")
        self.request("GET", "/insights?min_importance=1", 400, problem="invalid-parameter", parameter="min_importance")
        self.request("GET", "/consensus/A%zz", 400, problem="bad-request")
        self.request("GET", "/no/such/path", 404, problem="not-found")
        self.request("GET", "/nothing-here", 404, problem="not-found")
        self.request("POST", "/no/such/path", 404, problem="not-found")
        for method, target in (("POST", "/ratings"), ("DELETE", "/consensus/AAPL"), ("PUT", "/status"),
                               ("PATCH", "/tickers")):
            response = self.request(method, target, 405, problem="method-not-allowed")
            self.failures.check(response.header("Allow") == "GET, HEAD, OPTIONS",
                                f"{response}: Allow is {response.header('Allow')!r}")
        for target in ("/ratings", "/consensus/AAPL", "/status", "/metrics"):
            self.request("OPTIONS", target, 204, headers={
                "Origin": "https://example.com", "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "if-none-match"})
        self.request("OPTIONS", "/no/such/path", 404, problem="not-found")

    def events(self):
        """GET /events streams forever, so only its HEAD, preflight and refusals are fetched here."""
        head = self.request("HEAD", "/events?tickers=AAPL&types=rating", 200)
        self.failures.check(head.media_type == "text/event-stream", f"{head}: Content-Type {head.media_type!r}")
        self.request("OPTIONS", "/events", 204)
        for query, parameter in (("types=trades", "types"), ("min_importance=6", "min_importance"),
                                 ("last_event_id=abc", "last_event_id"), ("snapshot=yes", "snapshot"),
                                 ("ticker=AAPL", "ticker")):
            self.request("GET", f"/events?{query}", 400, problem="invalid-parameter", parameter=parameter)
        self.request("GET", "/events?tickers=AAPL,B@D", 400, problem="invalid-ticker", parameter="tickers")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", type=Path, default=Path(__file__).resolve().parent.parent / "openapi" / "openapi.yaml",
                        help="the OpenAPI document (default: openapi/openapi.yaml of this repository)")
    parser.add_argument("--base-url", help="a running ratingsd, e.g. http://127.0.0.1:8080")
    parser.add_argument("--wait", type=float, default=0,
                        help="seconds to wait for the server's /healthz to answer before starting (default 0)")
    parser.add_argument("--cors-origin", default="*",
                        help="the Access-Control-Allow-Origin every response must carry ('' to skip the check)")
    arguments = parser.parse_args()

    ensure_packages()
    import yaml
    from openapi_spec_validator import validate

    spec_bytes = arguments.spec.read_bytes()
    spec = yaml.safe_load(spec_bytes)
    try:
        validate(spec)
    except Exception as error:  # the validator raises several unrelated exception types
        print(f"FAIL {arguments.spec}: not a valid OpenAPI document: {error}", file=sys.stderr)
        return 1
    print(f"ok   {arguments.spec} is a valid OpenAPI {spec.get('openapi')} document")
    if not arguments.base_url:
        return 0

    client = Client(arguments.base_url)
    client.wait_until_up(arguments.wait)
    failures = Failures()
    checker = Checker(client, Contract(spec), failures, arguments.cors_origin, spec_bytes)
    try:
        checker.run()
    except OSError as error:
        print(f"error: lost the server at {arguments.base_url}: {error}", file=sys.stderr)
        return 2
    for message in failures.skipped:
        print(f"skip {message}")
    if failures.messages:
        print(f"\n{len(failures.messages)} of {failures.checked} checks failed:", file=sys.stderr)
        for message in failures.messages:
            print(f"  - {message}", file=sys.stderr)
        return 1
    print(f"all {failures.checked} checks passed against {arguments.base_url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
