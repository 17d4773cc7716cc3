"""How a map looks: the style tables of claims, edges and statuses, keyed by kind, edge and status.

The drawing (:mod:`argmap.draw.graph`) looks every colour, shape and line up here; themes
(:mod:`argmap.draw.themes`) recolour what these tables set.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from argmap.analysis.evaluate import Status
from argmap.draw.font import FAMILY
from argmap.model import Kind, Link

FONT = FAMILY
"""The font of every text: the one argmap ships (:mod:`argmap.draw.font`), which the engine
gives Graphviz whatever fonts the machine has."""
FALLBACK_FONT = "Helvetica,Arial,sans-serif"
"""What the engine asks Graphviz for instead where it cannot give it the shipped font: fonts
with Helvetica's metrics, else the machine's sans-serif."""
WRAP_WIDTH = 26
"""Claim text is wrapped to lines of about this many character cells (a narrow measure: the
drawing is for columns of documents)..."""
NARROWEST = 18
"""...or fewer for a narrow figure (:func:`measures_for`), down to this."""
REF_LINES = 2
"""A reference to a claim shows its label, or the start of its text in this many lines."""
INK = "#1f2328"
MUTED = "#57606a"
ALARM = "#b84f00"
"""The word DEFEATED: the attack colour darkened, so that small type has 4.5:1 (WCAG AA)."""

# Type sizes in points, the unit of Graphviz's layout and of the SVG's viewBox. The fit
# arithmetic (:mod:`argmap.draw.fit`) reads them: claim text must come out at least 9 px
# and every other text at least 7 px where a figure is shown.
CLAIM_SIZE = 12.0
THESIS_SIZE = 14.0
WORD_SIZE = 10.0
"""The smallest text: the kind over a claim, stubs, the legend, the figure's number."""
TITLE_SIZE = 16.0
#: Text role → (its size in points, the least it may come out where it is shown: CSS px in a
#: column, points on paper).
TARGETS = {"claim": (CLAIM_SIZE, 9.0), "other": (WORD_SIZE, 7.0)}
#: The least claim text readable, by default (``--min-text-size``).
LEAST_CLAIM = TARGETS["claim"][1]


def targets(least: float | None = None) -> dict[str, tuple[float, float]]:
    """:data:`TARGETS` with claim text at least ``least`` (px or pt; None: 9), the other
    text's least in proportion (7 at 9).

    >>> targets(8)["claim"], round(targets(8)["other"][1], 3)
    ((12.0, 8.0), 6.222)
    """
    if least is None or least == LEAST_CLAIM:
        return TARGETS
    return {role: (size, floor * least / LEAST_CLAIM) for role, (size, floor) in TARGETS.items()}


#: CSS px in a point (96 an inch against 72).
CSS_PX_PER_PT = 96 / 72

#: Graphviz's spacing, in inches as Graphviz takes them.
NODESEP = 0.22
RANKSEP = 0.32
#: ... on a slide, where a rank's gap is what a claim lacks to be drawn at 9 pt (inches).
SLIDE_RANKSEP = 0.22
#: The least space between two contradicting claims, or two restating each other, set side by
#: side on one rank: at ``NODESEP`` a contradiction's bars (one at each end of the edge) would
#: meet, an "H", with no dashed line between them to say what links them, and a restatement's
#: double line would be a stub of 15 points, taken for a border.
FLAT_GAP = 0.66
PAD = 0.1
NODE_MARGIN = (0.10, 0.06)
#: A stub's margins and least height, in inches.
STUB_MARGIN = (0.09, 0.02)
STUB_HEIGHT = 0.1
#: Points between the places where the undercuts of one step land on its bar.
UNDERCUT_SLOT = 20.0
#: Points kept clear around a label drawn beside a line (a reason's scheme): Graphviz sets it
#: against its own line, and no other line comes nearer (:func:`argmap.draw.layout.centre`).
LABEL_PADDING = 3
#: A junction point's width, in inches.
JUNCTION_WIDTH = 0.09
#: The outline of the thesis (points); other claims have NODE_ATTRS' penwidth.
THESIS_PENWIDTH = 2.6


@attrs.frozen
class Measures:
    """Characters a line: of claim text, of the thesis, of a reference; and of a figure's top
    claims drawn in full, when longer (0: as the others; on a slide, a claim alone on its rank
    in longer lines, :func:`argmap.draw.retries.relined`)."""

    claim: int = WRAP_WIDTH
    thesis: int = WRAP_WIDTH + 4
    ref: int = WRAP_WIDTH - 4
    top: int = 0

    @classmethod
    def of(cls, claim: int) -> Measures:
        """Claim lines of ``claim`` characters, the thesis's 4 longer, a reference's 4 shorter."""
        return cls(claim, claim + 4, claim - 4)


def measures_for(budget: float | None) -> Measures:
    """Measures for a figure at most ``budget`` points wide: three claims side by side fit,
    at 6.8 pt a character of 12-pt text and 16 pt of padding a box; WRAP_WIDTH at most.

    >>> measures_for(960), measures_for(480).claim
    (Measures(claim=26, thesis=30, ref=22, top=0), 19)
    """
    if budget is None:
        return Measures()
    fits = int(((budget - 2 * NODESEP * 72) / 3 - 16) / 6.8)
    return Measures.of(max(NARROWEST, min(WRAP_WIDTH, fits)))


#: Claim measures (characters a line) a figure too tall for its box tries in turn, where one
#: box of them fits its width (:func:`shorter_measures`): a claim in fewer lines, and so more
#: levels in a box short for its width, as a slide is.
SHORTER = (34, 44, 58)


def shorter_measures(budget: float) -> list[Measures]:
    """Measures wider than :func:`measures_for`'s, for figures at most ``budget`` points wide
    that came out too tall: each a line wide enough that a claim takes fewer lines, and one
    box of it still fits ``budget``.

    >>> [m.claim for m in shorter_measures(864)], [m.claim for m in shorter_measures(300)]
    ([34, 44, 58], [34])
    """
    most = one_box(budget)
    return [Measures.of(claim) for claim in SHORTER if claim <= most]


def one_box(budget: float) -> int:
    """The longest claim line (characters) of which one box fits ``budget`` points, as
    :func:`measures_for` reckons three."""
    return int((budget - 2 * NODESEP * 72 - 16) / 6.8)


@attrs.frozen
class KindStyle:
    """How one kind of claim looks: its shape and its colours (the word above its text, in
    the map's language, is :mod:`argmap.words`' ``premise`` and so on)."""

    style: str
    fill: str
    line: str
    accent: str
    peripheries: int = 1
    shape: str = "box"


# Okabe-Ito hues (blue, bluish green, orange) for borders, light tints of them for fills, and
# darker shades for the kind word so small type keeps its contrast. Every border is at least
# 3:1 against the page and its own fill (WCAG 2.1, 1.4.11): the orange darkened to #b87d00
# (3.5:1 on white; Okabe-Ito's own orange, e69f00, is 2.25:1). Told apart without colour by
# corners: square premises, rounded conclusions, double-bordered recommendations. With the links'
# colours below, no two of them come closer than 15 (CIEDE2000) for a reader with deuteranopia,
# protanopia or tritanopia (tests/test_colour_blind.py): the blue a little darker than Okabe-Ito's
# 0072b2, which tritanopes would see as the green.
KIND_STYLES: dict[Kind, KindStyle] = {
    Kind.PREMISE: KindStyle("filled", "#eaf3fa", "#0467af", "#005a8c"),
    Kind.CONCLUSION: KindStyle("rounded,filled", "#e3f4ee", "#009e73", "#00694c"),
    Kind.RECOMMENDATION: KindStyle(
        "rounded,filled", "#fdf0d5", "#b87d00", "#8a5a00", peripheries=2
    ),
}


class Edge(enum.Enum):
    """The kinds of edge; a value is the edge's SVG class and the first word of its id."""

    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"


@attrs.frozen
class EdgeStyle:
    style: str
    arrowhead: str
    color: str
    penwidth: str
    arrowsize: str = "0.8"

    def attrs(self, arrowhead: str | None = None) -> dict[str, str]:
        """The edge attributes of this look (``arrowhead`` in place of its own)."""
        return {
            "style": self.style,
            "color": self.color,
            "penwidth": self.penwidth,
            "arrowhead": arrowhead or self.arrowhead,
            "arrowsize": self.arrowsize,
        }


# Told apart without colour: solid with an arrow, dashed with a bar (⊣), dotted with a bar. The
# attack is Okabe-Ito's vermillion darkened to a red and the undercut its reddish purple darkened,
# the support near black: the darkened orange of a recommendation left the vermillion (d55e00)
# the same colour to a deuteranope (CIEDE2000 0.9), and grey (4d5560) and purple (b4457f) 9 to a
# protanope; apart by lightness now, as a dichromat sees them.
EDGE_STYLES: dict[Edge, EdgeStyle] = {
    Edge.SUPPORT: EdgeStyle("solid", "normal", "#272a2a", "1.3"),
    Edge.ATTACK: EdgeStyle("dashed", "tee", "#b12300", "1.6", arrowsize="1.1"),
    Edge.UNDERCUT: EdgeStyle("dotted", "tee", "#863563", "2.2", arrowsize="1.1"),
}


@attrs.frozen
class StatusStyle:
    """How a claim that does not stand is drawn (``render --status``): the colour of the word
    beside its kind (:mod:`argmap.words`' ``defeated``, ``undecided``), its fill and its
    text colour; a defeated claim's text is also struck through. Colours are roles of every
    theme (background, muted ink, the alarm of a defeat), so themes repaint them too; the kind
    keeps its outline, corners and word."""

    badge: str
    fill: str
    ink: str
    strike: bool


STATUS_STYLES: dict[Status, StatusStyle] = {
    Status.DEFEATED: StatusStyle(ALARM, "white", MUTED, strike=True),
    Status.UNDECIDED: StatusStyle(MUTED, "white", MUTED, strike=False),
}

#: An implicit claim (a reconstruction the text does not state) has a dashed outline.
IMPLICIT_STYLE = "dashed"

#: A claim the opponent holds (``role: opponent``) has a thick outline in the attack colour;
#: the proponent's claims, and claims without a role, look as their kind does.
OPPONENT: dict[str, str] = {"color": EDGE_STYLES[Edge.ATTACK].color, "penwidth": "2.6"}

#: A claim that carries errors, in a draft (``render --draft``): a thick dotted outline in the
#: alarm colour, over its kind's corners and fill (dotted: no other outline is).
DRAFT_ERROR: dict[str, str] = {"color": ALARM, "penwidth": "3", "style": "dotted"}

#: Two claims that restate each other: a double line without arrowheads (Graphviz draws one
#: line per colour, side by side; the middle one is the background), left out of the ranking.
RESTATEMENT = EdgeStyle("solid", "none", "{0}:white:{0}".format(EDGE_STYLES[Edge.SUPPORT].color),
                        "1.2")  # fmt: skip

JUNCTION: dict[str, str] = {
    "shape": "point",
    "width": f"{JUNCTION_WIDTH}",
    "color": EDGE_STYLES[Edge.SUPPORT].color,
}
#: A stub (where a branch continues, where a figure's top is used): a dashed line.
STUB_EDGE = EdgeStyle("dashed", "normal", MUTED, "1", arrowsize="0.6")
#: A stub that leads only to objections: its line is an attack's, dashed with a bar (⊣).
STUB_ATTACK_EDGE = attrs.evolve(EDGE_STYLES[Edge.ATTACK], penwidth="1")

GRAPH_ATTRS: dict[str, str] = {
    "id": "argmap_graph",  # explicit ids everywhere: Graphviz's own (node1...) could be slugs
    "class": "argmap",
    "rankdir": "BT",
    "nodesep": f"{NODESEP}",
    "ranksep": f"{RANKSEP}",
    "pad": f"{PAD}",
    "margin": "0",  # PDF would add half an inch on every side; pad is the drawing's margin
    "bgcolor": "white",
    "fontname": FONT,
    "fontcolor": INK,
    "labelloc": "t",
    "labeljust": "l",
    "outputorder": "edgesfirst",
}
# Node and edge defaults: what most nodes (boxes) and edges (reasons' lines) would otherwise
# each repeat. A node or an edge gives only the attributes that differ (:func:`own`).
NODE_ATTRS: dict[str, str] = {
    "shape": "box",
    "fontname": FONT,
    "fontsize": f"{CLAIM_SIZE:g}",
    "fontcolor": INK,
    "penwidth": "1.3",
    "margin": f"{NODE_MARGIN[0]},{NODE_MARGIN[1]}",
}
EDGE_ATTRS: dict[str, str] = {
    "fontname": FONT,
    "fontsize": f"{WORD_SIZE:g}",
    "fontcolor": MUTED,
    **EDGE_STYLES[Edge.SUPPORT].attrs(),
}


def own(defaults: Mapping[str, str], attributes: Mapping[str, str | None]) -> dict[str, str]:
    """``attributes`` without those that are None or that ``defaults`` (the graph's node or
    edge defaults) give already.

    >>> own(EDGE_ATTRS, {"color": EDGE_ATTRS["color"], "style": "dashed", "penwidth": None})
    {'style': 'dashed'}
    """
    return {k: v for k, v in attributes.items() if v is not None and defaults.get(k) != v}


#: The edge that draws each kind of relation (a contradiction is drawn as an attack both ways).
EDGES: dict[Link, Edge] = {
    Link.SUPPORT: Edge.SUPPORT,
    Link.REBUT: Edge.ATTACK,
    Link.UNDERCUT: Edge.UNDERCUT,
    Link.CONTRADICT: Edge.ATTACK,
}
