"""Static pages on 127.0.0.1 for the benchmarks that drive `watch` (one server per simulated host)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Pages = dict[str, tuple[bytes, str]]  # path -> (body, Content-Type); change it while serving


class _PageHandler(BaseHTTPRequestHandler):
    pages: Pages = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        page = self.pages.get(self.path.split("?", 1)[0])
        body, ctype = page if page is not None else (b"not found", "text/plain")
        self.send_response(200 if page is not None else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(pages: Pages, hosts: int = 1) -> Iterator[list[str]]:
    """Serve `pages` from `hosts` servers (distinct ports, so per-host politeness applies); yield base URLs."""
    handler = type("Handler", (_PageHandler,), {"pages": pages})
    with ExitStack() as stack:
        bases = []
        for _ in range(hosts):
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            stack.callback(server.server_close)
            stack.callback(server.shutdown)
            bases.append(f"http://127.0.0.1:{server.server_address[1]}")
        yield bases
