"""Fixtures of the document-stage tests: the fixture folder and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

JA_PAGE = (
    "<html><head><title>個人情報保護方針</title></head><body><main>"
    "<h1>個人情報保護方針</h1><p>当社は、お客様のデータを日本国内に保存します。</p>"
    "<p>海外のサーバーには保存しません。</p></main></body></html>"
)
EN_MD = "# Privacy\n\nWe store data in:\n\n- Japan\n- Singapore\n"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def _send(self, status: int, body: bytes, ctype: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        path = self.path
        if path == "/sjis.html":  # charset only in the header, none in the page
            self._send(200, JA_PAGE.encode("cp932"), "text/html; charset=Shift_JIS")
        elif path == "/notes/privacy.md":
            self._send(200, EN_MD.encode(), "text/plain; charset=utf-8")
        elif path == "/ua":
            ua = self.headers.get("User-Agent", "")
            self._send(200, f"<html><body><p>Agent {ua} asked.</p></body></html>".encode(), "text/html")
        elif path == "/missing":
            self._send(404, b"<h1>Not found</h1>", "text/html")
        elif path == "/error":
            self._send(503, b"down", "text/plain")
        elif path == "/big":  # no Content-Length: the cap must apply while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")
        elif path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "50000000")
            self.end_headers()
            self.wfile.write(b"<p>start</p>")
        elif path == "/slow":
            time.sleep(2.0)
            self._send(200, b"<p>late</p>", "text/html")
        elif path == "/trickle":  # answers at once, then sends a byte every 0.1 s
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(30):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/sjis.html")
            self.end_headers()
        elif path == "/file.pdf":
            self._send(200, b"%PDF-1.4 ...", "application/pdf")
        else:
            self._send(404, b"", "text/plain")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that time out on purpose leave broken pipes behind


@pytest.fixture(scope="session")
def http_base() -> Iterator[str]:
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
