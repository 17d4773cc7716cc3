"""LSP messages on stdio ↔ argmap's features: ``argmap lsp``, the language server (pygls).

The server keeps each open map as a :class:`~argmap.lsp.document.Document` (its own copy:
pygls's splits lines as Python does, at U+2028 too, where editors do not), checks it in a
worker thread at once after a change made after a pause, else a moment after the last change
(half as long as its last check took, at most MAX_DELAY: quick maps are checked at once, big
ones not on every keystroke) and
publishes the diagnostics of the version it checked, if that is still the current one. Every
POLL seconds it looks at the source texts of the open maps and checks a map again when its
source changed on disk.

A request on a text being typed never breaks the server: each feature's failure is logged to
the client and answered with an empty result.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import logging
import time
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from argmap import __version__
from argmap.lsp import actions, completion, formatting, hover, navigation, symbols
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
#: The LSP error code of a request that failed for a reason the user should read.
REQUEST_FAILED = -32803

T = TypeVar("T")
_ENCODINGS: dict[str, Encoding] = {"utf-8": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}


class Refused(JsonRpcException):
    """A request refused with a message for the user (a rename to a taken id)."""

    CODE = REQUEST_FAILED


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


class _QuietRefusals(logging.Filter):
    """pygls logs every error answered to a request with its traceback; a refusal is no
    error of the server's."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], Refused))


_QUIET_REFUSALS = _QuietRefusals()


class ArgmapServer(LanguageServer):
    """The open maps, their checks in progress, and the source texts they quote."""

    def __init__(self) -> None:
        super().__init__(
            "argmap",
            __version__,
            protocol_cls=_Protocol,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        )
        self.documents: dict[str, Document] = {}
        self.sources = Sources()
        self.encoding: Encoding = "utf-16"
        self.markdown = True
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._running: set[str] = set()
        self._again: set[str] = set()
        self._cost: dict[str, float] = {}
        self._typed: dict[str, float] = {}  # when each map last changed (perf_counter)
        self._source_of: dict[str, str] = {}  # map uri → the path of its source text
        self._worker = concurrent.futures.ThreadPoolExecutor(1, "argmap-check")
        self._poller: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Future[None]] = set()

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
        self.documents[item.uri] = Document(item.uri, item.text, item.version, self.encoding)
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
        # The first change after a pause is checked at once; those that follow it closer
        # than a check takes wait (see schedule), so typing is not checked key by key.
        now, last = time.perf_counter(), self._typed.get(uri, 0.0)
        self._typed[uri] = now
        self.schedule(uri, 0 if now - last > self._cost.get(uri, 0.0) else None)

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


def _safe(
    server: ArgmapServer, default: Callable[[], T]
) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """A feature that answers ``default()`` (and logs why) instead of failing."""

    def wrap(feature: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(feature)
        def safe(params: Any) -> T:
            try:
                return feature(params)
            except Refused:
                raise
            except Exception:
                server.log_failure(feature.__name__.replace("_", " "))
                return default()

        return safe

    return wrap


def create_server() -> ArgmapServer:
    """A server with every feature registered."""
    server = ArgmapServer()
    logging.getLogger("pygls.protocol.json_rpc").addFilter(_QUIET_REFUSALS)  # added once

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        encoding = str(server.workspace.position_encoding or "utf-16")
        server.encoding = _ENCODINGS.get(encoding, "utf-16")
        formats = (
            params.capabilities.text_document
            and params.capabilities.text_document.hover
            and params.capabilities.text_document.hover.content_format
        )
        server.markdown = not formats or types.MarkupKind.Markdown in formats

    @server.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        server._poller = asyncio.ensure_future(server.poll_sources())

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def opened(params: types.DidOpenTextDocumentParams) -> None:
        server.open(params)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def changed(params: types.DidChangeTextDocumentParams) -> None:
        server.change(params)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def closed(params: types.DidCloseTextDocumentParams) -> None:
        server.close(params)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def saved(params: types.DidSaveTextDocumentParams) -> None:
        server.refresh(params.text_document.uri)  # the source is read again, changed or not

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=completion.TRIGGERS),
    )
    @_safe(server, lambda: types.CompletionList(is_incomplete=False, items=[]))
    def complete(params: types.CompletionParams) -> types.CompletionList:
        document = server.document(params.text_document.uri)
        if document is None:
            return types.CompletionList(is_incomplete=False, items=[])
        return completion.complete(document, params.position, server.sources)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @_safe(server, lambda: None)
    def on_hover(params: types.HoverParams) -> types.Hover | None:
        document = server.document(params.text_document.uri)
        return hover.hover(document, params.position, server.markdown) if document else None

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @_safe(server, list)
    def definition(params: types.DefinitionParams) -> list[types.Location]:
        document = server.document(params.text_document.uri)
        return navigation.definition(document, params.position) if document else []

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    @_safe(server, list)
    def references(params: types.ReferenceParams) -> list[types.Location]:
        document = server.document(params.text_document.uri)
        if document is None:
            return []
        declaration = params.context.include_declaration
        return navigation.references(document, params.position, declaration)

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    @_safe(server, lambda: None)
    def prepare_rename(params: types.PrepareRenameParams) -> types.Range | None:
        document = server.document(params.text_document.uri)
        return navigation.prepare_rename(document, params.position) if document else None

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    @_safe(server, lambda: None)
    def rename(params: types.RenameParams) -> types.WorkspaceEdit | None:
        document = server.document(params.text_document.uri)
        if document is None:
            return None
        try:
            return navigation.rename(document, params.position, params.new_name)
        except navigation.RenameRefused as exc:
            raise Refused(f"argmap: {exc}") from None

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @_safe(server, list)
    def document_symbols(params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        document = server.document(params.text_document.uri)
        return symbols.symbols(document) if document else []

    kinds = [types.CodeActionKind.QuickFix, types.CodeActionKind.Source]

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(kinds))
    @_safe(server, list)
    def code_actions(params: types.CodeActionParams) -> list[types.CodeAction]:
        document = server.document(params.text_document.uri)
        if document is None:
            return []
        context, found = params.context, []
        if actions.wanted(context, types.CodeActionKind.QuickFix):
            found += actions.actions(document, list(context.diagnostics), server.sources)
        if actions.wanted(context, types.CodeActionKind.Source):
            found += formatting.action(document)
        return found

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @_safe(server, list)
    def format_document(params: types.DocumentFormattingParams) -> list[types.TextEdit]:
        document = server.document(params.text_document.uri)
        return formatting.edits(document) if document else []

    return server


def serve() -> None:
    """Speak LSP on stdin and stdout until the client says exit (or goes away)."""
    logging.basicConfig(level=logging.WARNING, format="argmap lsp: %(levelname)s: %(message)s")
    create_server().start_io()
