"""``argmap check``'s diagnostics → LSP diagnostics, each covering the token it is about.

Codes, messages and order are the checker's own; only the places change form: a span (the
start of a YAML node) becomes the range of that node's scalar, or of a flow list, or of the
key of an empty value, or for a syntax error of the word at its place.
"""

from __future__ import annotations

from lsprotocol import types

from argmap.diagnostics import Diagnostic, Severity
from argmap.lsp.document import Document
from argmap.project import SOURCE_ROOT_HINT
from argmap.read import extents

SOURCE = "argmap"
#: Where an editor's user widens what the server reads, in place of the command line's hint.
EDITOR_HINT = (
    '(give the language server a source root: its initialization option "sourceRoot", or '
    "argmap lsp --source-root DIR)"
)

_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
             Severity.WARNING: types.DiagnosticSeverity.Warning}  # fmt: skip


def offset_of(document: Document, diagnostic: Diagnostic) -> int:
    """Where a diagnostic is, as an offset into the document's text (every span counts lines
    as editors do)."""
    return document.span_offset(diagnostic.span)


def extent(document: Document, offset: int) -> tuple[int, int]:
    """The stretch of text a diagnostic at ``offset`` is about
    (:func:`argmap.read.extents.extent`)."""
    return extents.extent(document.outline, document.body, offset)


def _related(
    document: Document, diagnostic: Diagnostic, offset: int
) -> list[types.DiagnosticRelatedInformation] | None:
    """For a duplicate id, where the id was first defined; for a syntax error, where what
    libyaml was reading started (the key or quote left unfinished)."""
    problem = document.outline.problem
    if diagnostic.code == "AM002" and problem is not None and problem.offset == offset:
        if problem.context is None or problem.context == offset:
            return None
        start, end = extent(document, problem.context)
        location = types.Location(document.uri, document.range(start, end))
        words = problem.context_message or "started here"
        return [types.DiagnosticRelatedInformation(location, words)]
    if diagnostic.code != "AM102":
        return None
    token = document.outline.token_at(offset)
    first = document.outline.definitions(token.value) if token is not None else []
    if not first or first[0].id is None or first[0].id is token:
        return None
    place = first[0].id
    location = types.Location(document.uri, document.range(place.start, place.end))
    return [types.DiagnosticRelatedInformation(location, f"'{place.value}' first defined here")]


def convert(document: Document, diagnostic: Diagnostic) -> types.Diagnostic:
    """One of argmap's diagnostics as the protocol has it."""
    offset = offset_of(document, diagnostic)
    start, end = extents.stretch(document.outline, document.body, diagnostic.code, offset)
    return types.Diagnostic(
        range=document.range(start, end),
        message=diagnostic.message.replace(SOURCE_ROOT_HINT, EDITOR_HINT),
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code,
        source=SOURCE,
        related_information=_related(document, diagnostic, offset),
    )


def diagnostics(document: Document) -> list[types.Diagnostic]:
    """Every finding of ``argmap check`` on the document's text, in the checker's order."""
    return [convert(document, d) for d in document.checked().diagnostics]
