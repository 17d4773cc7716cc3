"""Values written in the wrong shape → how to write them, for the loader's messages: a mapping
that was meant as text with a colon in it, a claim written as its text alone, a claim's missing
id made from its text."""

from __future__ import annotations

from argmap.model.keys import slugify
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


def claim_for(node: Scalar) -> str:
    """How to write as a claim a list item that is only its text (``- Russia is expanding``)."""
    slug = slugify(" ".join(node.value.split()[:4]))
    return f"write it as '- id: {slug}' and, under 'id:', 'text: {node.value.strip()}'"


def id_for(entries: dict[str, tuple[Scalar, Node]]) -> str:
    """What to write as a claim's missing id: made from its first words when it has a text."""
    node = entries["text"][1] if "text" in entries else None
    if isinstance(node, Scalar) and node.value.strip():
        return f"give it one, such as 'id: {slugify(' '.join(node.value.split()[:4]))}'"
    return "give it one: lowercase letters, digits and hyphens, such as 'id: energy-interest'"


__all__ = ["claim_for", "colon_hint", "id_for"]
