"""LSP messages on stdio ↔ argmap's features: ``argmap lsp``, the language server (pygls).

Each request goes to its feature's module with the open map it is about (the maps and their
checks are :mod:`argmap.lsp.session`'s). A request on a text being typed never breaks the
server: each feature's failure is logged to the client and answered with an empty result.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from collections.abc import Callable
from typing import Any, TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from argmap.lsp import actions, completion, formatting, hover, navigation, symbols
from argmap.lsp.positions import Encoding
from argmap.lsp.session import ArgmapServer

#: The LSP error code of a request that failed for a reason the user should read.
REQUEST_FAILED = -32803

T = TypeVar("T")
_ENCODINGS: dict[str, Encoding] = {"utf-8": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}


class Refused(JsonRpcException):
    """A request refused with a message for the user (a rename to a taken id)."""

    CODE = REQUEST_FAILED


class _QuietRefusals(logging.Filter):
    """pygls logs every error answered to a request with its traceback; a refusal is no
    error of the server's."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], Refused))


_QUIET_REFUSALS = _QuietRefusals()


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


def editor_source_root(server: ArgmapServer, options: Any) -> str | None:
    """The source root the editor gives in its initialization options (``{"sourceRoot":
    DIR}``, a folder relative to the workspace's root, or absolute, ``~`` for the user's home),
    or the command line's when it gives
    none; one that names no folder is shown to the user and not used."""
    given = options.get("sourceRoot") if isinstance(options, dict) else None
    if given is None or given == "":
        return server.source_root
    base = server.workspace.root_path or os.getcwd()
    folder = os.path.join(base, os.path.expanduser(given)) if isinstance(given, str) else None
    if folder is None or not os.path.isdir(folder):
        said = f"{given!r}, not a string" if folder is None else f"'{os.path.normpath(folder)}'"
        why = (
            f"argmap: the initialization option sourceRoot names no folder ({said}); source "
            "texts are read only inside each map's project"
        )
        if server.source_root is not None:
            why += f" and under --source-root {server.source_root}"
        server.window_show_message(types.ShowMessageParams(types.MessageType.Warning, why))
        return server.source_root
    return os.path.abspath(folder)


def create_server(source_root: str | None = None) -> ArgmapServer:
    """A server with every feature registered; maps read their sources only inside their
    project or ``source_root`` (which the editor's initialization options may replace)."""
    server = ArgmapServer(source_root)
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
        server.source_root = editor_source_root(server, params.initialization_options)

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
        return navigation.definition(document, params.position, server.sources) if document else []

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    @_safe(server, list)
    def references(params: types.ReferenceParams) -> list[types.Location]:
        document = server.document(params.text_document.uri)
        if document is None:
            return []
        declaration = params.context.include_declaration
        return navigation.references(document, params.position, declaration)

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)
    @_safe(server, list)
    def highlight(params: types.DocumentHighlightParams) -> list[types.DocumentHighlight]:
        document = server.document(params.text_document.uri)
        return navigation.highlights(document, params.position) if document else []

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

    kinds = [types.CodeActionKind.QuickFix, types.CodeActionKind.Source,
             types.CodeActionKind.SourceFixAll]  # fmt: skip

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
        if actions.wanted(context, types.CodeActionKind.SourceFixAll):
            found += actions.fix_all(document)
        return found

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @_safe(server, list)
    def format_document(params: types.DocumentFormattingParams) -> list[types.TextEdit]:
        document = server.document(params.text_document.uri)
        if document is None:
            return []
        if (why := formatting.refusal(document)) is not None:  # else it seems to do nothing
            server.window_show_message(types.ShowMessageParams(types.MessageType.Warning, why))
        return formatting.edits(document)

    return server


def serve(source_root: str | None = None) -> None:
    """Speak LSP on stdin and stdout until the client says exit (or goes away); maps read
    their sources only inside their project or ``source_root``."""
    logging.basicConfig(level=logging.WARNING, format="argmap lsp: %(levelname)s: %(message)s")
    create_server(None if source_root is None else os.path.abspath(source_root)).start_io()
