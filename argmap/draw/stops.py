"""A drawing's claims → keyboard stops, in the argument's order (for interactive pages: the
HTML view). Each claim's group becomes a button labelled with the words its box shows over
the text (its kind, whether implicit, whether the main thesis, its status) and its text, and
described by what it does (supports, attacks, undercuts which claims) and its note; the
groups are put in the order the argument reads from its thesis down
(:func:`argmap.analysis.summary.reading_order`), the order in which Tab reaches them."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from argmap.analysis.summary import one_line
from argmap.draw.labels import kind_word
from argmap.draw.style import STATUS_STYLES
from argmap.draw.text import clean
from argmap.model import Claim, Link, Role, relations
from argmap.words import ENGLISH, Words
from argmap.words.spoken import spoken

# A claim's node, and the <title> Graphviz gives it (the node's name: the claim's id).
_CLAIM_GROUP = re.compile(
    rb'<g id="([^"]*)" class="([^"]*\bclaim\b[^"]*)">(\n<title>[^<]*</title>)?'
)
_GROUP_TAG = re.compile(rb"<g\b[^>]*>|</g>")
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
# What a claim does in a relation: the tooltip's "{a} supports {b}", without {a} (first in all).
_DOES = {Link.SUPPORT: "supports tip", Link.REBUT: "attacks tip", Link.UNDERCUT: "undercuts tip"}


def label(
    claim: Claim, words: Words = ENGLISH, classes: tuple[str, ...] = (), own: bool | None = None
) -> str:
    """What a claim's button is called, in ``words``: the words its box shows over its text, as
    its group's ``classes`` say it is drawn (``thesis``, a status), then its text, on one
    line; the opponent's claims, drawn with a thick outline, are said to be the opponent's, and
    the analyst's own (``own``: whether an objection), the analyst's.
    A screen reader hears what a reader sees (WCAG 2.5.3, label in name).

    >>> from argmap.model import Kind
    >>> label(Claim("c", Kind.CONCLUSION, "Gas  is \\n cheap."))
    'Conclusion: Gas is cheap.'
    >>> label(Claim("c", Kind.CONCLUSION, "Gas.", implicit=True), classes=("thesis", "defeated"))
    'Main thesis · implicit conclusion, defeated: Gas.'
    >>> label(Claim("c", Kind.PREMISE, "Gas is dear."), own=True)
    "Analyst's objection: Gas is dear."
    """
    said = [kind_word(claim.kind, implicit=claim.implicit, thesis="thesis" in classes,
                      words=words, own=own)]  # fmt: skip
    said += [words(s.value) for s in STATUS_STYLES if s.value in classes]
    if claim.role is Role.OPPONENT and own is None:  # the analyst's own is said to be hers
        said.insert(0, words("opponent"))
    kind = spoken(", ".join(said), words)
    kind = kind[:1].upper() + kind[1:]
    return clean(words.typeset("labelled", kind=kind, text=one_line(claim.text)))


def roles(claims: dict[str, Claim], words: Words = ENGLISH) -> dict[str, list[str]]:
    """Claim id → what it does in the argument, as the drawing's lines show it: a sentence a
    reason or objection it is one of the claims of, in ``words``.

    >>> from argmap.model import Kind, Reason, Ref
    >>> top = Claim("t", Kind.CONCLUSION, "Gas is cheap.", reasons=(Reason((Ref("p"),)),))
    >>> roles({"p": Claim("p", Kind.PREMISE, "Supply grew."), "t": top})
    {'p': ['Supports “Gas is cheap.”']}
    """

    def quoted(claim: Claim) -> str:
        return words.typeset("quoted", text=one_line(claim.text))

    found: dict[str, list[str]] = {}
    for relation in relations(claims.values()):
        if relation.link not in _DOES:
            continue
        what = quoted(relation.target)
        if relation.link is Link.UNDERCUT and relation.on is not None:  # a step, or an attack
            step = relation.on
            what = " + ".join(quoted(claims[m.id]) for m in step.claims if m.id in claims)
            what += f" → {quoted(step.target)}"
        said = words.typeset(_DOES[relation.link], a="", b=what).strip()
        for member in relation.claims:
            found.setdefault(member.id, []).append(said[:1].upper() + said[1:])
    return found


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
    """Every claim's group made focusable, a button labelled with the words drawn over its text
    and its text (in ``words``: :func:`label`; the analyst's own claims, ``own``, so) and
    described by what it does in the argument (:func:`roles`) and its note (a ``<desc>`` in
    place of the ``<title>`` that named its id), and put in ``order``, so that Tab goes through
    the argument from its thesis down."""
    own = own or {}
    does = roles(claims, words)

    def button(group: re.Match[bytes]) -> bytes:
        name = group.group(1).decode()
        classes = tuple(group.group(2).decode().split())
        if name not in claims or "claim" not in classes:
            return group.group()
        claim = claims[name]
        named = label(claim, words, classes, own.get(name)).translate(_ATTRIBUTE_ESCAPES)
        extra = f' tabindex="0" role="button" aria-label="{named}" data-claim="{name}">'
        # described by what it does and by its note (else only the mouse's tooltip's), not
        # by its id (the <title>)
        note = clean(claim.note or "")
        lines = does.get(name, []) + ([words("note", note=note)] if note else [])
        text = html.escape("\n".join(lines), quote=False)
        said = f"\n<desc>{text}</desc>" if lines else ""
        opening = group.group()[: group.end(2) - group.start() + 2]
        return opening[:-1] + extra.encode() + said.encode()

    return _CLAIM_GROUP.sub(button, in_order(body, order))


__all__ = ["in_order", "label", "roles", "stops"]
