"""A map file → a live preview on http://127.0.0.1:PORT/: the page, and an event stream that
tells it when the map was drawn again or its diagnostics changed.

The HTTP server (the standard library's, one thread a connection) listens on the loopback
interface only and answers only requests addressed to it by that name (``127.0.0.1`` or
``localhost`` and its port), so no other machine and no web page under another host name
(DNS rebinding) can read the map. The event stream is refused to pages of any other origin: a
web page open in the user's browser could otherwise hold streams open without end, a thread
each (it could not read them). The main thread polls the files and redraws
(:class:`argmap.preview.state.Preview`); Graphviz thus runs in one thread only.
"""

from __future__ import annotations

import re
import threading
import webbrowser
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from argmap.diagnostics import UsageError
from argmap.draw.engine import load_graphviz
from argmap.preview.page import live_page, state_json
from argmap.preview.state import Preview
from argmap.watch import changes, folder_of

#: Seconds between two keep-alive comments on an idle event stream.
KEEPALIVE = 15.0
EXIT_INTERRUPTED = 130
#: The version the page says it shows: a drawing's number, or -1 for none yet.
_VERSION = re.compile(r"-1|[0-9]{1,18}")


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        """Say nothing per request."""

    def do_GET(self) -> None:
        if not self._addressed_to_us():
            self.send_error(HTTPStatus.MISDIRECTED_REQUEST, "unknown host")
            return
        url = urlsplit(self.path)
        if url.path == "/":
            self._page()
        elif url.path == "/events":
            version = (parse_qs(url.query).get("version") or ["-1"])[0]
            if not _VERSION.fullmatch(version):  # the page sends a number; any site can send this
                self.send_error(HTTPStatus.BAD_REQUEST, "bad version")
                return
            if not self._from_our_page():
                self.send_error(HTTPStatus.FORBIDDEN, "another origin")
                return
            self._events(int(version))
        elif url.path == "/favicon.ico":
            self.send_response(HTTPStatus.NO_CONTENT)
            self.end_headers()
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def _addressed_to_us(self) -> bool:
        port = self.server.server_address[1]
        host = self.headers.get("Host", "")
        return host in (f"127.0.0.1:{port}", f"localhost:{port}")

    def _from_our_page(self) -> bool:
        """No ``Origin`` (browsers send none for the page's own stream, or a tool that is no
        browser), or the preview's own: a browser names the page's origin in every request
        one page makes to another (``null`` for a local file or a sandboxed frame)."""
        origin = self.headers.get("Origin")
        port = self.server.server_address[1]
        return origin is None or origin in (f"http://127.0.0.1:{port}", f"http://localhost:{port}")

    def _page(self) -> None:
        body = live_page(*self.server.preview.snapshot())
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self, version: int) -> None:
        """Server-sent events: what is shown, each time it changes, until the server stops."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        preview = self.server.preview
        try:
            self.wfile.write(b"retry: 250\n\n")
            self.wfile.flush()
            while not self.server.stopping.is_set():
                shown = preview.wait(version, KEEPALIVE)
                if self.server.stopping.is_set():
                    break
                if shown.version == version:
                    self.wfile.write(b": keep-alive\n\n")
                else:
                    version = shown.version
                    self.wfile.write(f"data: {state_json(shown)}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], preview: Preview) -> None:
        self.preview = preview
        self.stopping = threading.Event()
        super().__init__(address, _Handler)


def start(preview: Preview, port: int = 0) -> _Server:
    """The preview's server, listening on 127.0.0.1 (``port`` 0: a free one) in a thread."""
    try:
        server = _Server(("127.0.0.1", port), preview)
    except OSError as exc:
        raise UsageError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}") from None
    threading.Thread(target=server.serve_forever, name="argmap-preview", daemon=True).start()
    return server


def stop(server: _Server) -> None:
    """Stop serving and end every event stream."""
    server.stopping.set()
    server.preview.wake()
    server.shutdown()
    server.server_close()


def _report(preview: Preview, echo: Callable[[str], None]) -> None:
    shown = preview.shown
    for line in shown.diagnostics:
        echo(line)
    if shown.errors and shown.drawing:
        echo(f"argmap: {preview.path} has errors; the preview keeps its last good drawing")
    elif shown.errors:
        echo(f"argmap: {preview.path} has errors; nothing to draw yet")
    else:
        echo(f"argmap: drew {preview.path} ({preview.seconds * 1000:.0f} ms)")


def serve(
    path: str,
    *,
    port: int = 0,
    theme: str = "light",
    open_browser: bool = False,
    echo: Callable[[str], None],
    ready: Callable[[str], None] | None = None,
    source_root: str | None = None,
    draft: bool = False,
) -> int:
    """Preview a map until interrupted; returns the exit status (130 after Ctrl-C).

    Args:
        path: The map file.
        port: The port on 127.0.0.1; 0 for a free one.
        theme: The drawing's theme.
        open_browser: Open the page in the default browser.
        echo: Where progress and diagnostics go (stderr).
        ready: Called with the URL once the server listens (for tests).
        source_root: A folder the map may read its source from besides its project.
        draft: Draw a save with errors as a draft (``render --draft``), not keep the last.
    """
    load_graphviz()  # once, so that every redraw is warm
    preview = Preview(path, theme, source_root, draft)
    preview.refresh()
    server = start(preview, port)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    echo(f"argmap: previewing {path} at {url} (Ctrl-C stops)")
    _report(preview, echo)
    if ready is not None:
        ready(url)
    if open_browser:
        webbrowser.open(url)
    try:
        for _ in changes(lambda: sorted({folder_of(file) for file in preview.files}), None):
            if preview.refresh():
                _report(preview, echo)
    except KeyboardInterrupt:
        echo("argmap: stopped the preview")
        return EXIT_INTERRUPTED
    finally:
        stop(server)


__all__ = ["serve", "start", "stop"]
