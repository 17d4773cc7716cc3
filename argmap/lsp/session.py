"""An editor's open maps → their diagnostics, published as the maps change: the server's
state (pygls's language server, without its own copy of the documents).

The server keeps each open map as a :class:`~argmap.lsp.document.Document` (its own copy:
pygls's splits lines as Python does, at U+2028 too, where editors do not), checks it in a
worker thread a moment after the last change (half as long as its last check took, at most
MAX_DELAY: quick maps are checked at once, big ones not on every keystroke) and publishes the
diagnostics of the version it checked, if that is still the current one. Every POLL seconds
it looks at the source texts of the open maps and checks a map again when its source changed
on disk.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import time
import traceback
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from argmap import __version__
from argmap.lsp.diagnostics import diagnostics
from argmap.lsp.document import Document
from argmap.lsp.passages import Sources
from argmap.lsp.positions import Encoding, Lines, apply_change

#: Seconds to wait after a change before checking, at most: the wait is half as long as the
#: map's last check took, so that a map that checks in a blink is checked at once, and typing
#: in a big one is not checked on every keystroke.
MAX_DELAY = 0.3
#: Seconds between two looks at the source texts on disk.
POLL = 0.5


class _Protocol(LanguageServerProtocol):
    """pygls's protocol without its own copy of the open documents (see the module's
    docstring): opening, changing and closing go straight to the server's handlers."""

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None


class ArgmapServer(LanguageServer):
    """The open maps, their checks in progress, and the source texts they quote; those read
    only inside each map's project or the folder ``source_root`` (``--source-root``, or the
    editor's initialization option ``sourceRoot``)."""

    def __init__(self, source_root: str | None = None) -> None:
        super().__init__(
            "argmap",
            __version__,
            protocol_cls=_Protocol,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        )
        self.documents: dict[str, Document] = {}
        self.sources = Sources(source_root)
        self.encoding: Encoding = "utf-16"
        self.markdown = True
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._running: set[str] = set()
        self._again: set[str] = set()
        self._cost: dict[str, float] = {}
        self._source_of: dict[str, str] = {}  # map uri → the path of its source text
        self._worker = concurrent.futures.ThreadPoolExecutor(1, "argmap-check")
        self._poller: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Future[None]] = set()

    @property
    def source_root(self) -> str | None:
        """The folder besides each map's project that maps may read their sources from."""
        return self.sources.root

    @source_root.setter
    def source_root(self, folder: str | None) -> None:  # before any map is opened
        self.sources.root = folder

    # ---- checking

    def schedule(self, uri: str, delay: float | None = None) -> None:
        """Check the map ``uri`` after ``delay`` seconds (by default, half as long as its
        last check took), unless it changes again before."""
        if uri in self._timers:
            self._timers.pop(uri).cancel()
        if delay is None:
            delay = min(self._cost.get(uri, 0.0) / 2, MAX_DELAY)
        loop = asyncio.get_running_loop()
        self._timers[uri] = loop.call_later(delay, self._start, uri)

    def _start(self, uri: str) -> None:
        task = asyncio.ensure_future(self._check(uri))
        self._tasks.add(task)  # kept until done: the loop holds only a weak reference
        task.add_done_callback(self._tasks.discard)

    async def _check(self, uri: str) -> None:
        self._timers.pop(uri, None)
        document = self.documents.get(uri)
        if document is None:
            return
        if uri in self._running:
            self._again.add(uri)  # checked again when the check in progress ends
            return
        self._running.add(uri)
        started = time.perf_counter()
        loop = asyncio.get_running_loop()
        try:
            found, failure = await loop.run_in_executor(self._worker, self._diagnose, document)
        finally:
            self._running.discard(uri)
        self._cost[uri] = time.perf_counter() - started
        if failure is not None:
            self.log_failure(f"checking {uri}", failure)
        elif self.documents.get(uri) is document:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri, found, document.version)
            )
            # Read ahead what completion, hover and the rest will ask for.
            loop.run_in_executor(self._worker, _outline_of, document)
        if uri in self._again:
            self._again.discard(uri)
            self.schedule(uri, 0)

    def _diagnose(self, document: Document) -> tuple[list[types.Diagnostic], str | None]:
        """The diagnostics of a document, or why there are none (a traceback), worked out in
        the worker thread; the path of its source remembered, to watch it."""
        if not document.is_map:
            return [], None
        try:
            found = diagnostics(document)
            checked = document.checked()
            if checked.map is not None:
                relative = checked.map.source.path if checked.map.source else None
            else:
                relative = document.outline.source_path
        except Exception:
            return [], traceback.format_exc()
        path = None if relative is None else self.sources.locate(document.path, relative)
        if path is not None:  # (None too for a source outside the map's project)
            self._source_of[document.uri] = path
            self.sources.get(path)  # remembered as read now, to notice a change
        else:
            self._source_of.pop(document.uri, None)
        return found, None

    async def poll_sources(self) -> None:
        """Check maps again whose source text changed on disk (saved in another buffer)."""
        while True:
            await asyncio.sleep(POLL)
            paths = sorted(set(self._source_of.values()))
            for path in self.sources.changed(paths):
                self.sources.get(path)
                for uri, source in list(self._source_of.items()):
                    if source == path:
                        self.refresh(uri)

    def refresh(self, uri: str) -> None:
        """Check an open map again at once, as it is, its source read again."""
        document = self.documents.get(uri)
        if document is not None:
            self.documents[uri] = document.changed(document.text, document.version)
            self.schedule(uri, 0)

    def log_failure(self, what: str, failure: str | None = None) -> None:
        """Tell the client's log that ``what`` failed, and why (the exception being handled,
        unless ``failure`` says)."""
        message = f"argmap: failed {what}:\n{failure or traceback.format_exc()}"
        self.window_log_message(types.LogMessageParams(types.MessageType.Error, message))

    # ---- documents

    def open(self, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        self.documents[item.uri] = Document(
            item.uri, item.text, item.version, self.encoding, source_root=self.source_root
        )
        self.schedule(item.uri, 0)

    def change(self, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        document = self.documents.get(uri)
        if document is None:
            return
        text = document.text
        for change in params.content_changes:
            text = apply_change(Lines(text, self.encoding), change)
        self.documents[uri] = document.changed(text, params.text_document.version)
        # Not at once, even after a pause: the editor's requests that follow a change
        # (completion, highlights, code actions) would share the one core Python gives.
        self.schedule(uri)

    def close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.documents.pop(uri, None)
        self._source_of.pop(uri, None)
        if uri in self._timers:
            self._timers.pop(uri).cancel()
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    def document(self, uri: str) -> Document | None:
        """The open map ``uri``, for a feature: None for a YAML file that is no map (an empty
        one may become one: its keys are offered)."""
        document = self.documents.get(uri)
        if document is None or not (
            document.is_map or document.body.isspace() or not document.body
        ):
            return None
        return document


def _outline_of(document: Document) -> None:
    """Work out a document's outline ahead of the requests that need it (best effort)."""
    with contextlib.suppress(Exception):  # outline() reads any text; a request would log it
        document.outline  # noqa: B018 - worked out once, then kept
