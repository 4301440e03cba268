"""A real HTTP server on 127.0.0.1 (port 0) whose pages the tests change between watch runs (a plain module:
conftest.py is not for importing)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (timeouts)
    reset: bool = False  # close the connection without an answer (a connection reset)


Route = Reply | list[Reply] | Callable[[], Reply]


class Site:
    """routes: path -> a Reply, a list of Replies served in turn (the last one repeats), or a callable."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.in_flight = 0
        self.max_in_flight = 0  # concurrent requests seen (one connection per host: 1)
        self.spans: list[tuple[float, float]] = []  # (start, end) of each request, time.monotonic()
        self.lock = threading.Lock()
        self.base = ""

    def set(self, path: str, route: Route) -> None:
        with self.lock:
            self.routes[path] = route

    def page(self, path: str, body: str, content_type: str = "text/html; charset=utf-8") -> None:
        self.set(path, Reply(200, body, {"Content-Type": content_type}))

    def url(self, path: str) -> str:
        return self.base + path

    def reply(self, path: str) -> Reply:
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            route = self.routes.get(path)
            if route is None:
                return Reply(404, "not found", {"Content-Type": "text/plain"})
            if callable(route):
                return route()
            if isinstance(route, list):
                return route.pop(0) if len(route) > 1 else route[0]
            return route


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            with site.lock:
                site.in_flight += 1
                site.max_in_flight = max(site.max_in_flight, site.in_flight)
            start = time.monotonic()
            try:
                reply = site.reply(self.path.split("?", 1)[0])
                if reply.delay:
                    time.sleep(reply.delay)
            finally:
                # the request stops counting before the answer is written: once the client has it, it may send
                # the next request before this thread would get back here (that race read as 2 in flight)
                with site.lock:
                    site.in_flight -= 1
                    site.spans.append((start, time.monotonic()))
            self._answer(reply)

        def _answer(self, reply: Reply) -> None:
            if reply.reset:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            body = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
            try:
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
