"""An open map → the edit that lays it out as ``argmap fmt`` does: the editor's "format
document", and a code action offering it."""

from __future__ import annotations

from lsprotocol import types

from argmap.diagnostics import Severity
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


def refusal(document: Document) -> str | None:
    """Why "format document" leaves a map as it is: it does not load (its first error's code);
    None when it is formatted, and for a YAML file that is no map."""
    if not document.is_map or document.formatted is not None:
        return None
    errors = [d.code for d in document.checked().diagnostics if d.severity is Severity.ERROR]
    code = f" ({errors[0]})" if errors else ""
    return f"argmap: the map was not formatted: it does not load{code}; mend its errors first"


def action(document: Document) -> list[types.CodeAction]:
    """The "format the map" action, when formatting would change something."""
    found = edits(document)
    if not found:
        return []
    change = types.WorkspaceEdit(changes={document.uri: found})
    return [types.CodeAction(title=TITLE, kind=types.CodeActionKind.Source, edit=change)]


__all__ = ["TITLE", "action", "edits", "refusal"]
