"""``argmap check``'s diagnostics → LSP diagnostics, each covering the token it is about.

Codes, messages and order are the checker's own; only the places change form: a span (the
start of a YAML node) becomes the range of that node's scalar, or of a flow list, or of the
key of an empty value, or for a syntax error of the word at its place. A student's worksheet
has after them, as information, what ``argmap check`` says of its blanks.
"""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.analysis import filled
from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.lsp.document import Document
from argmap.project import SOURCE_ROOT_HINT
from argmap.read import extents

SOURCE = "argmap"
#: Where an editor's user widens what the server reads, in place of the command line's hint.
EDITOR_HINT = (
    '(give the language server a source root: its initialization option "sourceRoot", or '
    "argmap lsp --source-root DIR)"
)

_LINE_END = re.compile(r"[\r\n]|\Z")
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
    """Every finding of ``argmap check`` on the document's text, in the checker's order; then,
    for a student's worksheet, what ``argmap check`` says after them of its blanks."""
    checked = document.checked()
    return [*(convert(document, d) for d in checked.diagnostics), *worksheet(document)]


def worksheet(document: Document) -> list[types.Diagnostic]:
    """How far a worksheet's blanks are filled in (:mod:`argmap.analysis.filled`), as
    information: the count on the header's line that names the blanks (else the first line),
    and each blank's words on its text (the ``___`` to write over), or on the header for a
    blank the student removed. None for a map that is no worksheet."""
    checked = document.checked()
    if checked.map is None:
        return []
    data = document.text.encode("utf-8", "surrogatepass")
    found = filled.told(checked.map, data, checked.diagnostics, checked.source is not None, "")
    if not found:
        return []
    start = document.span_offset(Span(filled.header_line(data) or 1, 1))
    line_end = _LINE_END.search(document.body, start)
    header = document.range(start, line_end.start() if line_end is not None else start)
    told = [_information(header, filled.counted(found))]
    for blank in found:
        where = header
        if blank.claim is not None:
            offset = document.span_offset(blank.claim.where("text"))
            where = document.range(*extents.extent(document.outline, document.body, offset))
        told.append(_information(where, f"blank '{blank.name}': {blank.said}"))
    return told


def _information(where: types.Range, message: str) -> types.Diagnostic:
    return types.Diagnostic(
        range=where, message=message, severity=types.DiagnosticSeverity.Information, source=SOURCE
    )
