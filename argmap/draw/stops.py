"""A drawing's claims → keyboard stops, in the argument's order (for interactive pages: the
HTML view). Each claim's group becomes a button labelled with its kind and text, and the
groups are put in the order the argument reads from its thesis down
(:func:`argmap.analysis.summary.reading_order`), the order in which Tab reaches them."""

from __future__ import annotations

import re
from collections.abc import Mapping

from argmap.analysis.summary import one_line
from argmap.draw.text import clean
from argmap.model import Claim
from argmap.words import ENGLISH, Words

_CLAIM_GROUP = re.compile(rb'<g id="([^"]*)" class="([^"]*\bclaim\b[^"]*)">')  # a claim's node
_GROUP_TAG = re.compile(rb"<g\b[^>]*>|</g>")
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def label(claim: Claim, words: Words = ENGLISH, own: bool | None = None) -> str:
    """What a claim's button is called: its kind and its text, on one line, in ``words``; of
    the analyst's own claim (``own``: whether an objection), that it is the analyst's.

    >>> from argmap.model import Kind
    >>> label(Claim("c", Kind.CONCLUSION, "Gas  is \\n cheap."))
    'Conclusion: Gas is cheap.'
    >>> label(Claim("c", Kind.PREMISE, "Gas is dear."), own=True)
    "Analyst's objection: Gas is dear."
    """
    kind = words(claim.kind.value).capitalize()
    if own is not None:
        kind = words("analyst's kind spoken", kind=words(f"kind {claim.kind.value}"))
        kind = words("analyst's objection spoken") if own else kind[:1].upper() + kind[1:]
    return clean(words.typeset("labelled", kind=kind, text=one_line(claim.text)))


def in_order(body: bytes, order: list[str]) -> bytes:
    """The claims' groups in ``order`` (claim ids), each moved to the place of another claim's:
    the keyboard reaches them in document order. Graphviz writes the nodes after the edges,
    and nodes do not overlap, so the drawing looks the same."""
    spans: list[tuple[int, int, str]] = []
    for found in _CLAIM_GROUP.finditer(body):
        depth = 0
        for tag in _GROUP_TAG.finditer(body, found.start()):
            depth += -1 if tag.group() == b"</g>" else 1
            if depth == 0:
                spans.append((found.start(), tag.end(), found.group(1).decode()))
                break
    groups = {name: body[start:end] for start, end, name in spans}
    rank = {name: place for place, name in enumerate(order)}
    moved = sorted(groups, key=lambda name: rank.get(name, len(rank)))
    pieces, position = [], 0
    for (start, end, _), name in zip(spans, moved, strict=True):
        pieces += [body[position:start], groups[name]]
        position = end
    return b"".join([*pieces, body[position:]])


def stops(
    body: bytes,
    claims: dict[str, Claim],
    order: list[str],
    words: Words = ENGLISH,
    own: Mapping[str, bool] | None = None,
) -> bytes:
    """Every claim's group made focusable, a button labelled with its kind and text (in
    ``words``; the analyst's own claims, ``own``, so), and put in ``order``, so that Tab goes
    through the argument from its thesis down."""
    own = own or {}

    def button(group: re.Match[bytes]) -> bytes:
        name = group.group(1).decode()
        if name not in claims or "claim" not in group.group(2).decode().split():
            return group.group()
        named = label(claims[name], words, own.get(name)).translate(_ATTRIBUTE_ESCAPES)
        extra = f' tabindex="0" role="button" aria-label="{named}" data-claim="{name}">'
        return group.group()[:-1] + extra.encode()

    return _CLAIM_GROUP.sub(button, in_order(body, order))


__all__ = ["in_order", "label", "stops"]
