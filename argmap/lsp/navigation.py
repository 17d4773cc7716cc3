"""A claim id under the cursor → where it is defined, where it is used (to go to, to list or
to highlight), and the edits that rename it everywhere (one edit per use), refused for an id
that is invalid or taken; a quote → the passage it quotes in the source text."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from argmap.lsp.document import Document
from argmap.lsp.passages import Sources
from argmap.lsp.positions import Lines
from argmap.model.keys import ID_PATTERN, MAX_ID, ascii_slug
from argmap.read.outline import Token


class RenameRefused(Exception):
    """A rename that would break the map; the message says why, for the user."""


def _id_token(document: Document, position: types.Position) -> Token | None:
    found = document.outline.id_at(document.offset(position))
    return found[0] if found is not None else None


def _location(document: Document, token: Token) -> types.Location:
    return types.Location(document.uri, document.range(token.start, token.end))


def _passage(document: Document, offset: int, sources: Sources) -> list[types.Location]:
    """Where the quote under ``offset`` is in the map's source text, as ``argmap check``
    finds it; nothing for a quote it does not find."""
    token = document.outline.token_at(offset)
    if token is None or token.key or not 3 <= len(token.path) <= 4 or token.path[2] != "quotes":
        return []
    read = sources.for_map(document.path, document.outline.source_path)
    if read is None:
        return []
    path, source = read
    found = source.searchable.find(token.value)
    if found is None:
        return []
    lines = Lines(source.text, document.lines.encoding)
    return [types.Location(Path(path).as_uri(), lines.range(found.start, found.end))]


def definition(
    document: Document, position: types.Position, sources: Sources | None = None
) -> list[types.Location]:
    """Where the claim named under the cursor is defined (every place, if the id is
    duplicated); nothing for an unknown id. On a quote, with ``sources``: the passage it
    quotes in the source text."""
    token = _id_token(document, position)
    if token is None:
        return [] if sources is None else _passage(document, document.offset(position), sources)
    return [
        _location(document, claim.id)
        for claim in document.outline.definitions(token.value)
        if claim.id is not None
    ]


def references(
    document: Document, position: types.Position, include_declaration: bool = True
) -> list[types.Location]:
    """Every place the claim named under the cursor is named, in file order; its
    definition first, when asked for."""
    token = _id_token(document, position)
    if token is None:
        return []
    found = document.outline
    places = [ref.token for ref in found.uses(token.value)]
    if include_declaration:
        places += [c.id for c in found.definitions(token.value) if c.id is not None]
    return [_location(document, t) for t in sorted(places, key=lambda t: t.start)]


def highlights(document: Document, position: types.Position) -> list[types.DocumentHighlight]:
    """The claim id under the cursor wherever the map names it, in file order: where it is
    defined marked as written, its uses as read."""
    token = _id_token(document, position)
    if token is None:
        return []
    found = document.outline
    marks = [(ref.token, types.DocumentHighlightKind.Read) for ref in found.uses(token.value)]
    marks += [(claim.id, types.DocumentHighlightKind.Write)
              for claim in found.definitions(token.value) if claim.id is not None]  # fmt: skip
    return [
        types.DocumentHighlight(document.range(place.start, place.end), kind)
        for place, kind in sorted(marks, key=lambda mark: mark[0].start)
    ]


def prepare_rename(document: Document, position: types.Position) -> types.Range | None:
    """The id under the cursor, if it can be renamed."""
    token = _id_token(document, position)
    if token is None or not document.outline.definitions(token.value):
        return None
    return document.range(token.start, token.end)


def rename(document: Document, position: types.Position, new_id: str) -> types.WorkspaceEdit:
    """Edits that rename the claim under the cursor, its definition and every use.

    Raises RenameRefused when the map's YAML does not parse (some uses could be missed),
    when the new id is not a valid claim id, or when another claim has it.
    """
    found = document.outline
    token = _id_token(document, position)
    if token is None or not found.definitions(token.value):
        raise RenameRefused("there is no claim id to rename here")
    if found.problem is not None:
        line = document.position(found.problem.offset).line + 1
        raise RenameRefused(
            f"cannot rename while the map has a YAML syntax error (line {line}): "
            f"{found.problem.message}"
        )
    if len(new_id) > MAX_ID:
        raise RenameRefused(f"'{new_id}' is {len(new_id)} characters long; the limit is {MAX_ID}")
    if not ID_PATTERN.fullmatch(new_id):
        raise RenameRefused(
            f"'{new_id}' is not a valid claim id: use lowercase letters a-z, digits and single "
            f"hyphens, starting with a letter (e.g. '{ascii_slug(new_id)}')"
        )
    if new_id != token.value and found.definitions(new_id):
        other = found.definitions(new_id)[0]
        line = document.position(other.start).line + 1
        raise RenameRefused(
            f"'{new_id}' is already the id of the {other.kind.value} on line {line}"
        )
    places = [ref.token for ref in found.uses(token.value)]
    places += [claim.id for claim in found.definitions(token.value) if claim.id is not None]
    edits = [
        types.TextEdit(document.range(t.start, t.end), new_id)
        for t in sorted(places, key=lambda t: t.start)
    ]
    return types.WorkspaceEdit(changes={document.uri: edits})
