"""Values written in the wrong shape → how to write them, for the loader's messages: a mapping
that was meant as text with a colon in it, a claim written as its text alone, a claim's missing
id made from its text, a claim's second id that was meant to start the next item, claims
written as a mapping from their ids."""

from __future__ import annotations

from argmap.diagnostics import clip
from argmap.model.keys import ascii_slug
from argmap.read.syntax import Syntax
from argmap.read.yamlerrors import quoted
from argmap.read.yamltree import Mapping, Node, Scalar


def colon_hint(node: Node) -> str:
    """For a mapping of one pair of plain texts where text was expected (``- the source: it
    says``), how to write it as text; else nothing."""
    if not isinstance(node, Mapping) or len(node.pairs) != 1:
        return ""
    key, value = node.pairs[0]
    if not (isinstance(key, Scalar) and isinstance(value, Scalar) and key.plain and value.plain):
        return ""
    text = f"{key.value}: {value.value}"
    return f"; ': ' inside plain text makes a mapping: put the text in quotes: {quoted(text)}"


def new_item(node: Mapping, value: Node, dashes: int) -> str:
    """For a second 'id:' in a claim written in block style as an item of a list whose dashes
    are in column ``dashes`` (0-based): the item it was meant to start, with its '- '."""
    first = node.pairs[0][0].mark if node.pairs else None
    if first is None or (first.line, first.column) != (node.mark.line, node.mark.column):
        return ""  # a mapping in braces: its items are written otherwise
    written = f"id: {clip(value.value)}" if isinstance(value, Scalar) and value.plain else "id:"
    return (
        f"; a new item of the list starts with '- ': write '- {written}', its '- ' in column "
        f"{dashes + 1} under the dashes of the other items"
    )


def _slug(text: str) -> str:
    """An id made of a text's first four words."""
    return ascii_slug(" ".join(text.split()[:4]))


def claim_for(node: Scalar, syntax: Syntax) -> str:
    """How to write as a claim a list item that is only its text (``- Russia is expanding``)."""
    slug, text = _slug(node.value), node.value.strip()
    if syntax.json:
        return f"write it as {syntax.value({'id': slug, 'text': text})}"
    return f"write it as '- id: {slug}' and, under 'id:', 'text: {text}'"


def claims_keyed(node: Node, syntax: Syntax) -> str:
    """For a list of claims written as a mapping from ids to claims (``supplier:`` and its
    text under it), how to write it as a list; else nothing."""
    if not isinstance(node, Mapping) or not node.pairs:
        return ""
    key, value = node.pairs[0]
    if not isinstance(key, Scalar) or not isinstance(value, Mapping):
        return ""
    if syntax.json:
        item = {"id": clip(key.value), "text": "..."}
        return f"; write each claim as an item of the list, its id in it: {syntax.value([item])}"
    return (
        "; write each claim as an item of the list, its id under its '- ': "
        f"'- id: {clip(key.value)}', and under 'id:', 'text: ...'"
    )


def id_for(entries: dict[str, tuple[Scalar, Node]], syntax: Syntax) -> str:
    """What to write as a claim's missing id: made from its first words when it has a text."""
    node = entries["text"][1] if "text" in entries else None
    if isinstance(node, Scalar) and node.value.strip():
        return f"give it one, such as '{syntax.entry('id', _slug(node.value))}'"
    example = syntax.entry("id", "energy-interest")
    return f"give it one: lowercase letters a-z, digits and hyphens, such as '{example}'"


__all__ = ["claim_for", "claims_keyed", "colon_hint", "id_for", "new_item"]
