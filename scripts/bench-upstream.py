#!/usr/bin/env python3
"""The upstream path's benchmark (issue 3): a stand-in Benzinga ratings stream over a real
ws:// loopback connection into a release ratingsd in live mode.

(a) Throughput: N fixture ratings (deletes left out) with fresh envelope and record ids, so
    every one applies, pre-encoded as WebSocket text frames and written as fast as the socket
    takes them. Measured from the first byte written until GET /status shows N messages settled
    (applied + duplicates + stale + unknown deletes + dead letters) on the ratings source,
    polled every 2 ms. A fresh ratingsd per run.
(b) Latency at idle: one rating with a fresh id at a time; from just before its frame is
    written until GET /ratings/{id}, polled back to back on one keep-alive connection, answers
    200. Each sample therefore includes at least one HTTP round trip of this Python client (an
    upper bound on the server's own frame-to-visible time); 1 ms pause between samples,
    warm-up samples discarded. Reference in the same run: GETs of a rating already visible on
    the same connection (the round trip alone).
References for throughput: the sender alone, into a reader that discards the bytes.

Usage: scripts/bench-upstream.py --ratingsd .build/release/ratingsd [--messages N] [--runs R]
       [--samples S] [--compare OTHER_RATINGSD]
With --compare, throughput runs alternate between OTHER_RATINGSD and --ratingsd (an A/B of two
builds in the same conditions), and the latency part is left out.
"""
import argparse
import base64
import hashlib
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RATINGS_PATH = "/api/v2.1/calendar/ratings/stream"
WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
# Every wait is bounded: a run that does not finish in this many seconds fails.
PATIENCE = 120


def fixture_ratings():
    """The fixture's rating messages that create or update, parsed."""
    with open(os.path.join(ROOT, "Fixtures", "ratings.jsonl")) as lines:
        messages = [json.loads(line) for line in lines if line.strip()]
    return [m for m in messages if m["data"].get("action", "").lower() != "deleted"]


def fresh(message, tag):
    """`message` under new envelope and record ids, as compact JSON bytes."""
    copy = json.loads(json.dumps(message))
    copy["id"] = f"bench-env-{tag}"
    copy["data"]["id"] = f"bench-{tag}"
    if isinstance(copy["data"].get("content"), dict):
        copy["data"]["content"]["id"] = f"bench-{tag}"
    return json.dumps(copy, separators=(",", ":")).encode()


def frame(payload):
    """A server-to-client text frame (unmasked, FIN)."""
    length = len(payload)
    if length < 126:
        head = bytes([0x81, length])
    elif length < 65536:
        head = bytes([0x81, 126]) + length.to_bytes(2, "big")
    else:
        head = bytes([0x81, 127]) + length.to_bytes(8, "big")
    return head + payload


class Ratingsd:
    """A release ratingsd following only the ratings feed at `upstream_port`."""

    def __init__(self, binary, upstream_port):
        environment = {k: v for k, v in os.environ.items()
                       if not k.startswith(("BENZINGA_", "RATINGSD_")) and "proxy" not in k.lower()}
        environment["BENZINGA_TOKEN"] = "bench-token"
        # The log goes to a file: a pipe nobody reads could fill and stall the server.
        self.log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(
            [binary, "--host", "127.0.0.1", "--port", "0", "--feeds", "ratings",
             "--ratings-url", f"ws://127.0.0.1:{upstream_port}{RATINGS_PATH}"],
            env=environment, stderr=self.log, stdout=subprocess.DEVNULL)
        self.port = self._listening_port()
        self.http = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)

    def _listening_port(self):
        """The port of the `listening address=127.0.0.1:PORT` log line."""
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            self.log.seek(0)
            for line in self.log:
                match = re.search(r"address=127\.0\.0\.1:(\d+).*listening", line)
                if match:
                    return int(match.group(1))
            if self.process.poll() is not None:
                self.log.seek(0)
                raise RuntimeError("ratingsd exited: " + self.log.read())
            time.sleep(0.01)
        raise RuntimeError("ratingsd never listened")

    def get(self, path):
        self.http.request("GET", path)
        response = self.http.getresponse()
        return response.status, response.read()

    def settled(self):
        status, body = self.get("/status")
        counters = json.loads(body)["sources"]["ratings"]
        return sum(counters[k] for k in ("applied", "duplicates", "stale", "unknown_deletes", "dead_letters"))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def accept_feed(listener):
    """Accepts ratingsd's connection and completes the WebSocket upgrade."""
    listener.settimeout(PATIENCE)
    connection, _ = listener.accept()
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    request = b""
    while b"\r\n\r\n" not in request:
        chunk = connection.recv(4096)
        if not chunk:
            raise RuntimeError("ratingsd closed before its upgrade request")
        request += chunk
    key = next(line.split(b":", 1)[1].strip() for line in request.split(b"\r\n") if line.lower().startswith(b"sec-websocket-key:"))
    accept = base64.b64encode(hashlib.sha1(key + WEBSOCKET_GUID.encode()).digest())
    connection.sendall(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       b"Sec-WebSocket-Accept: " + accept + b"\r\n\r\n")
    # Whatever ratingsd sends (its `replay` command, pings) is read and ignored.
    threading.Thread(target=lambda: drain(connection), daemon=True).start()
    return connection


def drain(connection):
    try:
        while connection.recv(65536):
            pass
    except OSError:
        pass


def session(binary):
    """A listener, a ratingsd connected to it, and the upgraded feed connection."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    server = Ratingsd(binary, listener.getsockname()[1])
    feed = accept_feed(listener)
    listener.close()
    return server, feed


def throughput_run(binary, blob, count):
    server, feed = session(binary)
    try:
        start = time.perf_counter()
        sender = threading.Thread(target=lambda: feed.sendall(blob), daemon=True)
        sender.start()
        deadline = start + PATIENCE
        while server.settled() < count:
            if time.perf_counter() > deadline:
                raise RuntimeError("ratingsd did not settle every message in time")
            time.sleep(0.002)
        elapsed = time.perf_counter() - start
        sender.join(timeout=PATIENCE)
        return count / elapsed
    finally:
        feed.close()
        server.stop()


def latency_run(binary, messages, samples, warmup, run):
    server, feed = session(binary)
    try:
        timings = []
        for index in range(samples + warmup):
            record = f"bench-{run}-lat-{index}"
            payload = frame(fresh(messages[index % len(messages)], f"{run}-lat-{index}"))
            path = f"/ratings/{record}"
            time.sleep(0.001)
            start = time.perf_counter_ns()
            feed.sendall(payload)
            deadline = start + PATIENCE * 1_000_000_000
            while server.get(path)[0] != 200:
                if time.perf_counter_ns() > deadline:
                    raise RuntimeError(f"{path} never became visible")
            if index >= warmup:
                timings.append((time.perf_counter_ns() - start) / 1000)
        # Reference, same run and connection: a GET of a rating already visible, i.e. the
        # HTTP round trip every sample above includes at least once.
        references = []
        for _ in range(samples):
            time.sleep(0.001)
            start = time.perf_counter_ns()
            server.get(path)
            references.append((time.perf_counter_ns() - start) / 1000)
        return percentiles(timings), percentiles(references)
    finally:
        feed.close()
        server.stop()


def percentiles(values):
    """p50 and p99 of `values`."""
    ordered = sorted(values)
    return ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def sender_reference(blob):
    """msg/s-independent reference: bytes per second this sender pushes over loopback TCP into
    a reader that discards them, so the throughput figure is known not to be the sender's."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    sender = socket.create_connection(listener.getsockname())
    receiver, _ = listener.accept()
    listener.close()
    threading.Thread(target=lambda: drain(receiver), daemon=True).start()
    start = time.perf_counter()
    sender.sendall(blob)
    elapsed = time.perf_counter() - start
    sender.close()
    return len(blob) / elapsed


def compare(reference, candidate, blob, count, runs):
    """Alternating throughput runs of two binaries; medians and their ratio."""
    print(f"A/B throughput: {count} ratings, {runs} runs each, alternating")
    rates = {reference: [], candidate: []}
    for run in range(runs):
        for binary in (reference, candidate):
            rates[binary].append(throughput_run(binary, blob, count))
            print(f"  run {run + 1} {binary}: {rates[binary][-1]:,.0f} msg/s")
    base, new = statistics.median(rates[reference]), statistics.median(rates[candidate])
    print(f"median: {reference} {base:,.0f} msg/s, {candidate} {new:,.0f} msg/s ({(new / base - 1) * 100:+.1f}%)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ratingsd", default=os.path.join(ROOT, ".build", "release", "ratingsd"))
    parser.add_argument("--messages", type=int, default=200_000, help="messages per throughput run")
    parser.add_argument("--runs", type=int, default=5, help="throughput runs (latency: runs - 2, at least 1)")
    parser.add_argument("--samples", type=int, default=1000, help="latency samples per run")
    parser.add_argument("--warmup", type=int, default=100, help="latency samples discarded first")
    parser.add_argument("--compare", help="another ratingsd binary: alternate throughput runs with it (A/B)")
    arguments = parser.parse_args()

    messages = fixture_ratings()
    blob = b"".join(frame(fresh(messages[i % len(messages)], str(i))) for i in range(arguments.messages))
    if arguments.compare:
        compare(arguments.compare, arguments.ratingsd, blob, arguments.messages, arguments.runs)
        return
    print(f"throughput: {arguments.messages} ratings ({len(blob) / arguments.messages:.0f} bytes per frame), {arguments.runs} runs")
    rates = []
    for run in range(arguments.runs):
        rates.append(throughput_run(arguments.ratingsd, blob, arguments.messages))
        print(f"  run {run + 1}: {rates[-1]:,.0f} msg/s")
    print(f"median throughput: {statistics.median(rates):,.0f} msg/s (target >= 100,000)")
    reference = statistics.median(sender_reference(blob) for _ in range(3))
    per_frame = len(blob) / arguments.messages
    print(f"reference, the sender alone into a discarding reader: {reference / 1e6:,.0f} MB/s = {reference / per_frame:,.0f} frames/s"
          f" ({reference / per_frame / statistics.median(rates):.1f}x ratingsd's rate)")

    latency_runs = max(1, arguments.runs - 2)
    print(f"latency at idle: {arguments.samples} samples per run after {arguments.warmup} warm-up, {latency_runs} runs")
    p50s, p99s, reference50s, reference99s = [], [], [], []
    for run in range(latency_runs):
        (p50, p99), (reference50, reference99) = latency_run(arguments.ratingsd, messages, arguments.samples, arguments.warmup, run)
        p50s.append(p50)
        p99s.append(p99)
        reference50s.append(reference50)
        reference99s.append(reference99)
        print(f"  run {run + 1}: frame to visible p50 {p50:.0f} us, p99 {p99:.0f} us;"
              f" reference GET of a visible rating p50 {reference50:.0f} us, p99 {reference99:.0f} us")
    print(f"median latency: p50 {statistics.median(p50s):.0f} us, p99 {statistics.median(p99s):.0f} us (target p99 < 1000 us);"
          f" reference GET p50 {statistics.median(reference50s):.0f} us, p99 {statistics.median(reference99s):.0f} us")


if __name__ == "__main__":
    main()
