"""A real RFC 3161 time-stamping authority on loopback, for development and tests.

It answers ``application/timestamp-query`` POSTs with pyHanko's ``DummyTimeStamper``, signing
with the TSA certificate the platform's certification authority issued (timeStamping EKU,
``soliris.pdf.authority``). Production points ``SOLIRIS_TSA_URL`` at a qualified TSA instead.

    python -m soliris.pdf.tsa [PORT]     # serves on 127.0.0.1 until interrupted

Tests start it on a free port (:func:`start`) and set ``SOLIRIS_TSA_URL`` to its address.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from soliris.pdf.authority import tsa_stamper

MAX_REQUEST = 64 * 1024


class _Handler(BaseHTTPRequestHandler):
    stamper = None  # set on the server's own subclass

    def do_POST(self):
        from asn1crypto import tsp

        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_REQUEST:
            self.send_error(400, "a time-stamp query is expected")
            return
        try:
            request = tsp.TimeStampReq.load(self.rfile.read(length))
            request.native  # noqa: B018 — parses it all now: a malformed query is refused here
            answer = self.stamper.request_tsa_response(request).dump()
        except Exception:
            self.send_error(400, "malformed time-stamp query")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format, *args):  # quiet: the tests and the dev server stay readable
        pass


class TimeStampServer(ThreadingHTTPServer):
    daemon_threads = True

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def start(port: int = 0, stamper=None) -> TimeStampServer:
    """Serve on 127.0.0.1:``port`` (0: a free one) in a background thread; ``server.url`` is
    its address, ``server.shutdown()`` stops it."""
    handler = type("Handler", (_Handler,), {"stamper": stamper or tsa_stamper()})
    server = TimeStampServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, name="soliris-tsa", daemon=True).start()
    return server


def main() -> None:  # pragma: no cover - the development command
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soliris.settings")
    django.setup()
    server = start(int(sys.argv[1]) if len(sys.argv) > 1 else 8318)
    print(f"time-stamping authority on {server.url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
