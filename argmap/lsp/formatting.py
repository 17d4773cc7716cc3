"""An open map → the edit that lays it out as ``argmap fmt`` does: the editor's "format
document", and a code action offering it."""

from __future__ import annotations

from lsprotocol import types

from argmap.lsp.document import Document

TITLE = "Format the map (argmap fmt)"


def edits(document: Document) -> list[types.TextEdit]:
    """One edit replacing the text by its formatted self; none when it is formatted already or
    cannot be formatted (a YAML or shape error, which the diagnostics show)."""
    formatted = document.formatted
    if formatted is None or formatted == document.text:
        return []
    whole = document.range(0, len(document.body))
    return [types.TextEdit(whole, formatted[document.shift :])]


def action(document: Document) -> list[types.CodeAction]:
    """The "format the map" action, when formatting would change something."""
    found = edits(document)
    if not found:
        return []
    change = types.WorkspaceEdit(changes={document.uri: found})
    return [types.CodeAction(title=TITLE, kind=types.CodeActionKind.Source, edit=change)]


__all__ = ["TITLE", "action", "edits"]
