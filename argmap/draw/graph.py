"""Argument map → graphviz.Digraph: claims as labelled boxes, reasons and objections as edges."""

from __future__ import annotations

import graphviz

from argmap.analysis.evaluate import Evaluation, Status
from argmap.draw.labels import claim_label, claim_tooltip, title_label, with_note
from argmap.draw.legend import contradiction_edge, draw_legend, restatement_edge
from argmap.draw.style import (
    EDGE_ATTRS,
    EDGE_STYLES,
    EDGES,
    GRAPH_ATTRS,
    IMPLICIT_STYLE,
    JUNCTION,
    KIND_STYLES,
    NODE_ATTRS,
    OPPONENT,
    STATUS_STYLES,
    Edge,
)
from argmap.draw.text import esc_string, html_lines, tooltip
from argmap.model import ArgumentMap, Claim, Link, Relation, Role, restated, walk


def junction_name(target: Claim, number: int) -> str:
    """Name and SVG id of the point where reason ``number`` (from 1) of ``target`` meets.

    ``--`` cannot occur in a claim id, so a junction never clashes with a claim.
    """
    return f"reason--{target.id}--{number}"


def edge(
    graph: graphviz.Digraph,
    kind: Edge,
    tail: str,
    head: str,
    tip: str,
    *,
    arrow: bool = True,
    member: bool = False,
    label: str | None = None,
) -> None:
    """An edge with id ``<kind>--<tail>--<head>`` and class ``<kind>``; ``label`` is drawn
    beside it (a reason's scheme)."""
    look = EDGE_STYLES[kind]
    shown = {"label": f"<{html_lines(label, 24)}>"} if label else {}
    graph.edge(
        tail,
        head,
        id=esc_string(f"{kind.value}--{tail}--{head}"),
        style=look.style,
        color=look.color,
        penwidth=look.penwidth,
        arrowhead=look.arrowhead if arrow else "none",
        arrowsize=look.arrowsize,
        tooltip=tooltip(tip),
        **{"class": kind.value + (" member" if member else "")},
        **shown,
    )


def _claim(graph: graphviz.Digraph, claim: Claim, status: Status | None = None) -> None:
    """A claim's node, of class ``claim <kind>`` (+ ``implicit``, + its role, + its status if
    evaluated); the opponent's claims have a distinct outline."""
    look = KIND_STYLES[claim.kind]
    extra = {"URL": esc_string(claim.url), "target": "_blank"} if claim.url else {}
    classes = ["claim", claim.kind.value]
    classes += ["implicit"] if claim.implicit else []
    classes += [claim.role.value] if claim.role is not None else []
    classes += [status.value] if status is not None else []
    outline = OPPONENT if claim.role is Role.OPPONENT else {"color": look.line}
    shown = STATUS_STYLES.get(status) if status is not None else None
    graph.node(
        claim.id,
        label=claim_label(claim.kind, claim.text, implicit=claim.implicit, status=status),
        id=esc_string(claim.id),
        shape=look.shape,
        style=look.style + (f",{IMPLICIT_STYLE}" if claim.implicit else ""),
        fillcolor=shown.fill if shown else look.fill,
        peripheries=str(look.peripheries),
        **outline,
        tooltip=claim_tooltip(claim),
        **{"class": " ".join(classes)},
        **extra,
    )


def _joined(
    graph: graphviz.Digraph,
    kind: Edge,
    members: list[str],
    junction: str,
    head: str,
    says: str,
    note: list[str],
    classes: str,
    look: dict[str, str],
    scheme: str | None = None,
) -> None:
    """Claims that act together (a reason's, an objection's): their edges meet at a junction
    point, one edge goes on to ``head``; ``says`` names the step in the tooltips."""
    tip = tooltip("\n".join([says, *note]))
    graph.node(junction, label="", id=esc_string(junction), tooltip=tip, **{"class": classes},
               **look)  # fmt: skip
    for member in members:
        edge(graph, kind, member, junction, says, arrow=False, member=True)
    edge(graph, kind, junction, head, "\n".join([says, *note]), label=scheme)


_VERBS = {Edge.ATTACK: "attacks", Edge.UNDERCUT: "undercuts"}


def _relations(graph: graphviz.Digraph, claim: Claim, known: dict[str, Claim]) -> None:
    """The edges of a claim's reasons and objections, in file order (:func:`walk`).

    A reason of one claim, or an objection of one claim, is one edge. The claims of a linked
    reason or objection, or of one undercut in turn, meet at a junction point first: a step's
    is ``reason--<claim>--<n>``, an objection's ``<where it points>--<n>`` (a rebuttal's
    ``attack--<claim>--<n>``), which its own objections undercut. References to unknown
    claims are left out, and a relation left with no claim with them (``check`` reports them).
    """
    heads: dict[Relation, tuple[str, str]] = {}  # a drawn relation → its junction, its words
    kept: list[Relation] = []
    for relation in walk(claim):
        if relation.link is Link.CONTRADICT or relation.link is Link.RESTATE:
            continue  # drawn once a pair, by build()
        if relation.on is not None and relation.on not in heads:
            continue  # what it undercuts is not drawn
        members = [ref.id for ref in relation.claims if ref.id in known]
        if not members:
            continue
        heads[relation] = ("", "")
        kept.append(relation)
    undercut = {relation.on for relation in kept if relation.on is not None}
    for relation in kept:
        members = [ref.id for ref in relation.claims if ref.id in known]
        note = with_note([], relation.note)
        kind = EDGES[relation.link]
        if relation.on is not None:
            head, what = heads[relation.on]
        else:
            head, what = claim.id, claim.id
        if relation.link is Link.SUPPORT:
            says = f"{' + '.join(members)} → {claim.id}"
            single = f"{members[0]} supports {claim.id}"
            junction = junction_name(claim, relation.number)
        else:
            says = f"{' + '.join(members)} {_VERBS[kind]} {what}"
            single = says
            where = head if relation.on is not None else f"attack--{claim.id}"
            junction = f"{where}--{relation.number}"
        if len(members) == 1 and relation not in undercut:
            if relation.plain:
                edge(graph, kind, members[0], head, says)
            else:
                edge(graph, kind, members[0], head, "\n".join([single, *note]),
                     label=relation.scheme)  # fmt: skip
            continue
        heads[relation] = (junction, says)
        if relation.link is Link.SUPPORT:
            classes = "reason linked" if len(members) > 1 else "reason"
            look = JUNCTION
        else:
            classes = "objection linked" if len(members) > 1 else "objection"
            look = {**JUNCTION, "color": EDGE_STYLES[kind].color}
        _joined(graph, kind, members, junction, head, says, note, classes, look, relation.scheme)


def build(
    amap: ArgumentMap, *, legend: bool = True, evaluation: Evaluation | None = None
) -> graphviz.Digraph:
    """The diagram of a map, bottom to top: reasons below what they support.

    Nodes are named by claim id and keep file order; where an id is duplicated the first
    claim is drawn, and references to unknown claims are left out (``check`` reports both).
    Pure: no I/O, nothing time-, random- or version-dependent.

    Args:
        amap: The map, best checked first.
        legend: Whether to draw the legend (cluster ``cluster_legend``).
        evaluation: Draw each claim's status (:func:`argmap.analysis.evaluate.evaluate`) on it.
    """
    graph = graphviz.Digraph(
        name="argmap",
        graph_attr={**GRAPH_ATTRS, "label": title_label(amap)},
        node_attr=NODE_ATTRS,
        edge_attr=EDGE_ATTRS,
    )
    claims = amap.by_id()
    drawn = [claim for claim in amap.claims if claims[claim.id] is claim]
    for claim in drawn:
        _claim(graph, claim, evaluation.status(claim.id) if evaluation is not None else None)
    for claim in drawn:
        _relations(graph, claim, claims)
    contradicting: set[frozenset[str]] = set()
    for claim in drawn:
        for ref in claim.contradicts:
            pair = frozenset((claim.id, ref.id))
            if ref.id in claims and len(pair) == 2 and pair not in contradicting:
                contradicting.add(pair)
                contradiction_edge(graph, claim.id, ref.id)
    restating: set[frozenset[str]] = set()
    for claim in drawn:
        for ref in map(restated, claim.restates):
            pair = frozenset((claim.id, ref.id))
            if ref.id in claims and len(pair) == 2 and pair not in restating:
                restating.add(pair)
                restatement_edge(graph, claim.id, ref.id)
    if legend:
        draw_legend(
            graph,
            implicit=any(claim.implicit for claim in drawn),
            contradiction=bool(contradicting),
            status=evaluation is not None,
            restatement=bool(restating),
            opponent=any(claim.role is Role.OPPONENT for claim in drawn),
            scheme=any(reason.scheme for claim in drawn for reason in claim.reasons),
        )
    return graph


def to_dot(amap: ArgumentMap, *, legend: bool = True, evaluation: Evaluation | None = None) -> str:
    """The DOT source of :func:`build`'s diagram."""
    return build(amap, legend=legend, evaluation=evaluation).source


__all__ = ["build", "edge", "junction_name", "to_dot"]
