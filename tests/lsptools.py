"""Helpers for the language server's tests: documents, places in them, and applying edits."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from argmap.lsp.document import Document


def document(text: str, path: Path, version: int = 1) -> Document:
    """An open map at ``path`` (its source is looked for beside it)."""
    return Document(path.as_uri(), text, version)


def at(doc: Document, needle: str, nth: int = 0, shift: int = 0) -> types.Position:
    """The position ``shift`` characters into the ``nth`` occurrence of ``needle``."""
    start = -1
    for _ in range(nth + 1):
        start = doc.body.index(needle, start + 1)
    return doc.position(start + shift)


def after(doc: Document, needle: str, nth: int = 0) -> types.Position:
    """The position just after the ``nth`` occurrence of ``needle`` (a cursor typing it)."""
    return at(doc, needle, nth, len(needle))


def covered(doc: Document, where: types.Range) -> str:
    """The text a range covers."""
    return doc.body[doc.offset(where.start) : doc.offset(where.end)]


def apply(doc: Document, edits: list[types.TextEdit]) -> str:
    """The document's text with ``edits`` (which must not overlap) made."""
    spans = sorted(((doc.offset(e.range.start), doc.offset(e.range.end), e.new_text)
                    for e in edits), reverse=True)  # fmt: skip
    text = doc.body
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text
