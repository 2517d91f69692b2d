#!/usr/bin/env python3
"""A TLS-terminating TCP relay for trying ratingsd over wss:// without a real upstream.

ratingsd's HTTP server (and so upstream-sim) speaks no TLS. This relay accepts TLS on
127.0.0.1, and forwards the decrypted bytes of every connection to a plain TCP target
(upstream-sim), and the target's answers back. With --cert-dir naming an empty or missing
folder, it first makes a throwaway CA and a server certificate for 127.0.0.1/localhost there
with the `openssl` command (fresh P-256 keys, valid one day), so nothing private is ever
committed; give ratingsd `--ca-file <dir>/ca.pem`.

Prints one line to stderr once listening: `listening address=127.0.0.1:<port> ca=<dir>/ca.pem`.

Usage: scripts/tls-relay.py --target 127.0.0.1:8765 --cert-dir /tmp/relay-certs [--port 0]
"""
import argparse
import asyncio
import os
import signal
import ssl
import subprocess
import sys

# How much one read moves at most; the relay never holds more than this per direction.
CHUNK_BYTES = 64 * 1024


def make_certificates(directory):
    """A CA and a server certificate for 127.0.0.1 signed by it, unless already there."""
    os.makedirs(directory, exist_ok=True)
    if all(os.path.exists(os.path.join(directory, name)) for name in ("ca.pem", "server.pem", "server.key")):
        return
    with open(os.path.join(directory, "ext.cnf"), "w") as ext:
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    steps = [
        ["req", "-x509", *curve, "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=ratingsd relay test CA"],
        ["req", *curve, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"],
        ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
         "-out", "server.pem", "-days", "1", "-extfile", "ext.cnf"],
    ]
    for step in steps:
        subprocess.run(["openssl", *step], cwd=directory, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def pipe(reader, writer):
    """Copies until end of stream or an error, then closes the writing side."""
    try:
        while True:
            data = await reader.read(CHUNK_BYTES)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except (ConnectionError, ssl.SSLError, OSError):
        pass
    finally:
        try:
            writer.close()
        except (ConnectionError, OSError):
            pass


async def serve(arguments):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(os.path.join(arguments.cert_dir, "server.pem"), os.path.join(arguments.cert_dir, "server.key"))
    # HTTP/1.1 only: the WebSocket upgrade is an HTTP/1.1 request.
    context.set_alpn_protocols(["http/1.1"])
    target_host, target_port = arguments.target.rsplit(":", 1)

    async def relay(client_reader, client_writer):
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(target_host, int(target_port))
        except OSError as error:
            print(f"relay: target unreachable: {error}", file=sys.stderr, flush=True)
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, upstream_writer), pipe(upstream_reader, client_writer))

    server = await asyncio.start_server(relay, "127.0.0.1", arguments.port, ssl=context)
    port = server.sockets[0].getsockname()[1]
    print(f"listening address=127.0.0.1:{port} ca={os.path.join(arguments.cert_dir, 'ca.pem')}", file=sys.stderr, flush=True)
    async with server:
        await server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description="TLS-terminating relay in front of a plain TCP target.")
    parser.add_argument("--target", required=True, help="host:port to forward to, e.g. 127.0.0.1:8765")
    parser.add_argument("--cert-dir", required=True, help="folder of ca.pem, server.pem, server.key (made if missing)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on (0: any free one, printed)")
    arguments = parser.parse_args()
    # A parent may have left SIGTERM ignored (inherited across exec): make it end the relay.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    make_certificates(arguments.cert_dir)
    try:
        asyncio.run(serve(arguments))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
