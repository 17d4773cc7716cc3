"""The legend: a small worked example of what the drawing's shapes, lines and words mean."""

from __future__ import annotations

import graphviz

from argmap.analysis.evaluate import Status
from argmap.draw.labels import claim_label
from argmap.draw.style import (
    EDGE_STYLES,
    IMPLICIT_STYLE,
    JUNCTION,
    KIND_STYLES,
    MUTED,
    OPPONENT,
    RESTATEMENT,
    STATUS_STYLES,
    Edge,
)
from argmap.draw.text import esc_string, tooltip
from argmap.model import Kind


def contradiction_edge(graph: graphviz.Digraph, a: str, b: str) -> None:
    """Two claims that contradict each other: a dashed line with a bar at both ends (each
    rebuts the other), left out of the ranking so that it does not bend the layout."""
    look = EDGE_STYLES[Edge.ATTACK]
    graph.edge(
        a,
        b,
        id=esc_string(f"contradiction--{a}--{b}"),
        style=look.style,
        color=look.color,
        penwidth=look.penwidth,
        dir="both",
        arrowhead=look.arrowhead,
        arrowtail=look.arrowhead,
        arrowsize=look.arrowsize,
        constraint="false",
        tooltip=tooltip(f"{a} and {b} contradict each other"),
        **{"class": "contradiction"},
    )


def restatement_edge(graph: graphviz.Digraph, a: str, b: str, tip: str | None = None) -> None:
    """Two claims that are one statement in other words (``a`` restates ``b``): a double
    line, no arrowheads, left out of the ranking like a contradiction."""
    graph.edge(
        a,
        b,
        id=esc_string(f"restatement--{a}--{b}"),
        style=RESTATEMENT.style,
        color=RESTATEMENT.color,
        penwidth=RESTATEMENT.penwidth,
        dir="none",
        constraint="false",
        tooltip=tooltip(tip or f"{a} restates {b}: one statement in other words"),
        **{"class": "restatement"},
    )


#: Legend samples drawn only for maps that need them: name → (kind, text, implicit, status).
_IMPLICIT_SAMPLE = {
    "legend_implicit": (Kind.PREMISE, "a reconstruction the text does not state", True, None)
}
_CONTRADICTION_SAMPLES = {
    "legend_contradiction_a": (Kind.PREMISE, "a claim", False, None),
    "legend_contradiction_b": (Kind.PREMISE, "contradicts it", False, None),
}
_RESTATEMENT_SAMPLES = {
    "legend_restatement_a": (Kind.PREMISE, "a claim", False, None),
    "legend_restatement_b": (Kind.PREMISE, "the same, in other words", False, None),
}
_OPPONENT_SAMPLE = {"legend_opponent": (Kind.PREMISE, "the opponent's claim", False, None)}
_STATUS_SAMPLES = {
    "legend_stands": (Kind.PREMISE, "no word: it stands", False, Status.STANDS),
    "legend_defeated": (Kind.PREMISE, "an attack on it holds", False, Status.DEFEATED),
    "legend_undecided": (Kind.PREMISE, "caught in an attack cycle", False, Status.UNDECIDED),
}


def draw_legend(
    graph: graphviz.Digraph,
    *,
    implicit: bool = False,
    contradiction: bool = False,
    status: bool = False,
    restatement: bool = False,
    opponent: bool = False,
    scheme: bool = False,
) -> None:
    """A small worked example: the three kinds of claim and the four kinds of link; and
    where the map has them, an implicit claim, a contradiction, a restatement, the opponent's
    claim, a reason's scheme, and the statuses.

    Legend names contain ``_``, which a claim id (a slug) cannot, so they never clash.
    """
    samples = {
        "legend_recommendation": (Kind.RECOMMENDATION, "what should be done"),
        "legend_conclusion": (Kind.CONCLUSION, "what the text derives"),
        "legend_premise": (Kind.PREMISE, "what the text asserts"),
        "legend_premise_2": (Kind.PREMISE, "a second premise"),
        "legend_objection": (Kind.PREMISE, "an objection"),
        "legend_undercutter": (Kind.PREMISE, "doubts the step"),
    }
    links = [
        (
            Edge.SUPPORT,
            "legend_conclusion",
            "legend_recommendation",
            "supports (label: its scheme)" if scheme else "supports",
        ),
        (Edge.SUPPORT, "legend_premise", "legend_junction", ""),
        (Edge.SUPPORT, "legend_premise_2", "legend_junction", ""),
        (Edge.SUPPORT, "legend_junction", "legend_conclusion", "linked reason"),
        (Edge.ATTACK, "legend_objection", "legend_conclusion", "attacks"),
        (Edge.UNDERCUT, "legend_undercutter", "legend_junction", "undercuts"),
    ]
    with graph.subgraph(name="cluster_legend") as box:
        box.attr(
            id="cluster_legend",
            label=f'<<FONT POINT-SIZE="10" COLOR="{MUTED}"><B>LEGEND</B></FONT>>',
            labeljust="l",
            labelloc="b",  # with rankdir=BT, a cluster's "b" is its top
            style="rounded",
            color="#d0d7de",
            penwidth="1",
            margin="10",
            **{"class": "legend"},
        )
        for name, (kind, text) in samples.items():
            look = KIND_STYLES[kind]
            box.node(
                name,
                label=claim_label(kind, text, width=22, size=9),
                id=name,
                shape=look.shape,
                style=look.style,
                fillcolor=look.fill,
                color=look.line,
                peripheries=str(look.peripheries),
                margin="0.08,0.04",
                tooltip=kind.value,
                **{"class": f"legend-sample {kind.value}"},
            )
        optional = {
            **(_IMPLICIT_SAMPLE if implicit else {}),
            **(_CONTRADICTION_SAMPLES if contradiction else {}),
            **(_RESTATEMENT_SAMPLES if restatement else {}),
            **(_OPPONENT_SAMPLE if opponent else {}),
            **(_STATUS_SAMPLES if status else {}),
        }
        for name, (kind, text, hidden, shown) in optional.items():
            look = KIND_STYLES[kind]
            paint = STATUS_STYLES.get(shown) if shown is not None else None
            box.node(
                name,
                label=claim_label(kind, text, width=22, size=9, implicit=hidden, status=shown),
                id=name,
                shape=look.shape,
                style=look.style + (f",{IMPLICIT_STYLE}" if hidden else ""),
                fillcolor=paint.fill if paint else look.fill,
                peripheries=str(look.peripheries),
                margin="0.08,0.04",
                tooltip=text,
                **(OPPONENT if name == "legend_opponent" else {"color": look.line}),
                **{"class": f"legend-sample {kind.value}" + (f" {shown.value}" if shown else "")},
            )
        if contradiction:
            contradiction_edge(box, "legend_contradiction_a", "legend_contradiction_b")
        if restatement:
            restatement_edge(box, "legend_restatement_b", "legend_restatement_a", "restates")
        box.node("legend_junction", label="", id="legend_junction", **JUNCTION)
        member = (Edge.SUPPORT, "legend_junction")  # members meet the junction, no arrow
        for relation, tail, head, text in links:
            look = EDGE_STYLES[relation]
            box.edge(
                tail,
                head,
                label=f" {text}" if text else None,
                id=f"{tail}_{relation.value}_{head}",
                style=look.style,
                color=look.color,
                penwidth=look.penwidth,
                arrowhead="none" if (relation, head) == member else look.arrowhead,
                arrowsize=look.arrowsize,
                tooltip=text or "linked reason",
                **{"class": f"legend-sample {relation.value}"},
            )


__all__ = ["contradiction_edge", "draw_legend", "restatement_edge"]
