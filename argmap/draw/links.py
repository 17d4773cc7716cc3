"""A claim's reasons and objections (:class:`~argmap.analysis.shape.Branch`) → the edges and
junctions that draw them.

A reason of one claim, or an objection of one claim, is one edge. The claims of a linked reason
or objection meet at a junction point first, and one edge goes on. A step or an attack that is
undercut is drawn through a short bar instead of a point: its claims meet at the bar's middle,
and each undercut lands on a place of its own along it, so that several undercuts of one step
stay apart. A step's junction is ``reason--<claim>--<n>``, an objection's ``<where it
points>--<n>`` (a rebuttal's ``attack--<claim>--<n>``).
"""

from __future__ import annotations

from collections.abc import Mapping

import graphviz

from argmap.analysis.shape import Branch
from argmap.draw.labels import with_note
from argmap.draw.style import (
    EDGE_ATTRS,
    EDGE_STYLES,
    EDGES,
    JUNCTION,
    LABEL_PADDING,
    UNDERCUT_SLOT,
    Edge,
    own,
)
from argmap.draw.text import esc_string, html_lines, tooltip
from argmap.model import Claim, Link
from argmap.words import ENGLISH, Words

_VERBS = {Edge.ATTACK: "attacks tip", Edge.UNDERCUT: "undercuts tip"}


def edge(
    graph: graphviz.Digraph,
    kind: Edge,
    tail: str,
    head: str,
    tip: str,
    *,
    arrow: bool = True,
    member: bool = False,
    ends: tuple[str, str] | None = None,
    label: str | None = None,
) -> None:
    """An edge with id ``<kind>--<tail>--<head>`` and class ``<kind>``; ``ends`` are the
    places it is drawn between when they are ports of ``tail`` and ``head``; ``label`` is
    drawn beside it (a reason's scheme), underlined and tied to the line (``decorate``): where
    several labelled lines meet at a claim, each name says whose it is."""
    look = EDGE_STYLES[kind]
    start, end = ends or (tail, head)
    shown = {"label": _beside(label), "decorate": "true"} if label else {}
    graph.edge(
        start,
        end,
        id=esc_string(f"{kind.value}--{tail}--{head}"),
        **own(EDGE_ATTRS, look.attrs(None if arrow else "none")),
        tooltip=tooltip(tip),
        **shown,
        **{"class": kind.value + (" member" if member else "")},
    )


def _beside(label: str) -> str:
    """A label to draw beside a line (HTML-like), clear of it by :data:`LABEL_PADDING`."""
    return (
        f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="{LABEL_PADDING}">'
        f"<TR><TD>{html_lines(label, 24)}</TD></TR></TABLE>>"
    )


def junction(
    graph: graphviz.Digraph, name: str, colour: str, slots: int, tip: str, classes: str
) -> tuple[str, str, list[str]]:
    """A junction: a point, or with ``slots`` undercuts a short bar with the point's place in
    its middle and a place for each undercut on either side. Returns where its claims' edges
    end, where the edge onward starts, and where each undercut lands."""
    if slots == 0:
        graph.node(name, label="", id=esc_string(name), tooltip=tip, **{"class": classes},
                   **{**JUNCTION, "color": colour})  # fmt: skip
        return name, name, []
    left = slots // 2
    cells = []
    for i in range(slots + 1):
        port = "s" if i == left else f"u{i + 1 if i < left else i}"
        wide = 6 if i == left else UNDERCUT_SLOT
        cells.append(f'<TD PORT="{port}" WIDTH="{wide:g}" HEIGHT="1" FIXEDSIZE="TRUE"></TD>')
    table = (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f'<TR><TD COLSPAN="{slots + 1}" HEIGHT="2" BGCOLOR="{colour}"></TD></TR>'
        f"<TR>{''.join(cells)}</TR></TABLE>>"
    )
    graph.node(name, label=table, id=esc_string(name), shape="plain", tooltip=tip,
               **{"class": classes + " bar"})  # fmt: skip
    return f"{name}:s:s", f"{name}:s:n", [f"{name}:u{i + 1}:s" for i in range(slots)]


def asked(numbers: tuple[int, ...], words: Words = ENGLISH) -> str:
    """The label of an objection that raises critical questions ``numbers``, in ``words``.

    >>> asked((4,)), asked((3, 5)), asked((1, 2, 6))
    ('question 4', 'questions 3 and 5', 'questions 1, 2 and 6')
    """
    if len(numbers) == 1:
        return words("question", n=numbers[0])
    return words("question many", ns=words.listed([str(n) for n in numbers]))


def branches(
    graph: graphviz.Digraph,
    claim: Claim,
    drawn: list[tuple[int, Branch]],
    present: set[str],
    raised: Mapping[tuple, tuple[str, ...]],
    words: Words = ENGLISH,
) -> set[str]:
    """The edges of ``claim``'s units ``drawn`` (unit number, branch), in this order; only the
    claims in ``present`` are drawn; ``raised`` gives the critical questions an objection
    raises, in full, by its place, for its tooltip; the labels of critical questions are in
    ``words``. Returns the labels drawn by lines, for the legend: ``scheme`` (a reason's),
    ``question`` (an objection's critical questions)."""
    labels: set[str] = set()
    for _, branch in drawn:
        _branch(graph, claim, branch, present, (claim.id, claim.id), raised, (labels, words))
    return labels


def _branch(
    graph: graphviz.Digraph,
    claim: Claim,
    branch: Branch,
    present: set[str],
    towards: tuple[str, str],
    raised: Mapping[tuple, tuple[str, ...]],
    seen: tuple[set[str], Words],
    land: str | None = None,
) -> None:
    """One relation to ``head`` (landing at ``land``, a port of it, when given), ``what``
    naming what it points at (``towards``: both); then the undercuts on it."""
    head, what = towards
    labels, words = seen
    relation = branch.relation
    members = [m for m in branch.members if m in present]
    attacks = [a for a in branch.attacks if any(m in present for m in a.members)]
    if not members:
        return
    kind = EDGES[relation.link]
    note = with_note([f"raises {q}" for q in raised.get(relation.place, ())], relation.note, words)
    label = relation.scheme or (asked(relation.question, words) if relation.question else None)
    if label:
        labels.add("scheme" if relation.scheme else "question")
    if relation.link is Link.SUPPORT:
        says = f"{' + '.join(members)} → {claim.id}"
        single = words("supports tip", a=members[0], b=claim.id)
        name = f"reason--{claim.id}--{relation.number}"
    else:
        says = words(_VERBS[kind], a=" + ".join(members), b=what)
        single = says
        where = head if relation.on is not None else f"attack--{claim.id}"
        name = f"{where}--{relation.number}"
    end = land or head
    if len(members) == 1 and not attacks:
        text = says if relation.plain else "\n".join([single, *note])
        edge(graph, kind, members[0], head, text, ends=(members[0], end), label=label)
        return
    tip = tooltip("\n".join([says, *note]))
    if relation.link is Link.SUPPORT:
        classes = "reason linked" if len(members) > 1 else "reason"
    else:
        classes = "objection linked" if len(members) > 1 else "objection"
    colour = EDGE_STYLES[kind].color
    bottom, top, slots = junction(graph, name, colour, len(attacks), tip, classes)
    for member in members:
        edge(graph, kind, member, name, says, arrow=False, member=True, ends=(member, bottom))
    edge(graph, kind, name, head, "\n".join([says, *note]), ends=(top, end), label=label)
    for attack, slot in zip(attacks, slots, strict=True):
        _branch(graph, claim, attack, present, (name, says), raised, seen, slot)


__all__ = ["asked", "branches", "edge", "junction"]
