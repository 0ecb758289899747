"""A fake officielebekendmakingen on 127.0.0.1 for the import-by-id tests: fixed routes, no internet.

`serving(routes)` starts it in a thread and stops it when the block ends; a route is a path with its
status, headers and body, and optionally how slowly it answers (a stall before the status line, a pause
after each byte of the body). `closed_port_url()` is an address where nothing listens (offline)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds before anything is sent (a server that accepts and then says nothing).
    stall: float = 0.0
    #: Seconds after each byte of the body (a server that drips: every read answers, the whole never ends).
    drip: float = 0.0


@dataclass
class FakePublications:
    base_url: str
    requests: list[str] = field(default_factory=list)


@contextmanager
def serving(routes: dict[str, Route]) -> Iterator[FakePublications]:
    fake = FakePublications(base_url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            fake.requests.append(self.path)
            route = routes.get(self.path, Route(status=404, body=b"not found"))
            try:
                time.sleep(route.stall)
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if not route.drip:
                    self.wfile.write(route.body)
                for n in range(len(route.body) if route.drip else 0):
                    self.wfile.write(route.body[n : n + 1])
                    self.wfile.flush()
                    time.sleep(route.drip)
            except OSError:
                return  # the client gave up (as it should on a slow route)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet tests
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port_url() -> str:
    """An address on this machine where nothing listens: what 'offline' looks like."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
