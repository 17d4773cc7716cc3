"""A map's figure → graphviz.Digraph: claims as labelled boxes, reasons and objections as edges,
stubs where a branch continues in another figure, and a heading with the legend.

The whole map is one figure (:func:`build`); a map split to fit a column or a page
(:mod:`argmap.draw.fit`) is several (:func:`figure_graph`). A claim drawn in full has its
claim id as its SVG id; elsewhere it is ``continued--<id>`` (its reasons are drawn in a later
figure), ``ref--<id>`` (a compact reference to the figure that has it in full) or
``page--<id>`` (a further page of its reasons).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import graphviz
from graphviz.quoting import quote

from argmap.analysis.draft import Draft
from argmap.analysis.evaluate import Evaluation
from argmap.analysis.figures import Figure, How, Shown, whole
from argmap.analysis.overview import GAP as OVERVIEW_GAP
from argmap.analysis.shape import Shape, shape
from argmap.analysis.sides import own as analysts
from argmap.analysis.summary import thesis as find_thesis
from argmap.draw.flat import flat_links
from argmap.draw.heading import numbered
from argmap.draw.labels import (
    claim_label,
    claim_tooltip,
    lead_text,
    short_text,
    unseen_note,
)
from argmap.draw.links import branches
from argmap.draw.order import drawing_order, shares_reasons, stacked
from argmap.draw.pack import packing
from argmap.draw.style import (
    DRAFT_ERROR,
    EDGE_ATTRS,
    GRAPH_ATTRS,
    IMPLICIT_STYLE,
    KIND_STYLES,
    MUTED,
    NODE_ATTRS,
    NODESEP,
    OPPONENT,
    SLIDE_RANKSEP,
    STATUS_STYLES,
    STUB_ATTACK_EDGE,
    STUB_EDGE,
    STUB_HEIGHT,
    STUB_MARGIN,
    THESIS_PENWIDTH,
    WORD_SIZE,
    Measures,
    own,
)
from argmap.draw.text import esc_string, html_text
from argmap.draw.themes import FRAME
from argmap.draw.tops import figure_heading, headed, top_ranks
from argmap.model import ArgumentMap, Claim, Link, Role
from argmap.words import ENGLISH, Words, vocabulary

#: Written in place of a figure's number when figures are laid out before they are numbered
#: for good (:mod:`argmap.draw.fit`); as wide as any number up to it.
PLACEHOLDER = 999


@attrs.frozen
class Look:
    """How a figure is drawn: ``legend``, each claim's status (``evaluation``) or errors
    (a map with errors drawn as a ``draft``: said in the heading, its claims marked), the text
    ``measures``, the width the heading may take (``room``, points), the number of figures
    (``total``), whether figure numbers are placeholders (``placeholder``), the space
    between nodes (``nodesep``), and argmap's ``words`` (in the map's language,
    :func:`~argmap.words.vocabulary`)."""

    legend: bool = True
    evaluation: Evaluation | None = None
    measures: Measures = attrs.field(factory=Measures)
    room: float | None = None
    total: int = 1
    placeholder: bool = False
    nodesep: float | None = None  # inches, when not :data:`~argmap.draw.style.NODESEP`
    first: str | None = None  # the number a document gives the first figure: numbered()
    legend_room: float | None = None
    """The most the legend's rows may be wide (points), when less than ``room``: a whole
    map's legend as wide as its claims (:func:`argmap.draw.figures.whole_drawing`)."""
    outside: Mapping[str, tuple[int, int]] | None = None
    """Of a part of a map, each claim's reasons and objections outside it
    (``ArgumentMap.outside``), said under the claim's text."""
    words: Words = ENGLISH
    titled: bool = True
    """False: no title and no source in the heading (printed pages head each page once; a
    document's caption says them)."""
    draft: Draft | None = None
    handout: bool = False
    """Printed together (a handout's pages): a further figure of the thesis refers to its first."""
    own: Mapping[str, bool] = attrs.field(factory=dict)
    """The analyst's own claims, tagged so: :func:`argmap.analysis.sides.own`."""
    stubs: str = "above"  # a top's "used in"/"continued from": "beside" it, in the "heading"
    # (on a slide, either: "continued in" names its figures without the starts of their claims)

    @classmethod
    def of(cls, amap: ArgumentMap, **options: Any) -> Look:
        """How ``amap`` is drawn with ``options``: what a part of it leaves out said under its
        claims, the analyst's own claims, and argmap's words in its language."""
        return cls(outside=amap.outside, words=vocabulary(amap.lang), own=analysts(amap), **options)


#: Where a figure's placeholders are: node name (or "" for the heading) → the numbers, in order.
Fills = dict[str, list[int]]


@attrs.define
class _Figure:
    """A figure being drawn: its graph, what it uses (for the legend), its placeholders."""

    graph: graphviz.Digraph
    look: Look
    used: set[str] = attrs.field(factory=set)
    fills: Fills = attrs.field(factory=dict)

    def number(self, owner: str, value: int) -> str:
        if not self.look.placeholder:
            return numbered(self.look.first, value)
        self.fills.setdefault(owner, []).append(value)
        return str(PLACEHOLDER)

    def figures(self, key: str, owner: str, numbers: tuple[int, ...]) -> str:
        """``key`` (``continued in``, ``used in``) naming the figures ``numbers``."""
        return self.look.words.figures(key, [self.number(owner, n) for n in numbers])

    def stub(self, name: str, text: str, *lines: str) -> None:
        """A stub saying ``text``, and ``lines`` under it, each on a line of its own."""
        said = "".join(f'<BR ALIGN="LEFT"/>{html_text(line)}' for line in lines)
        said = html_text(text) + (f'{said}<BR ALIGN="LEFT"/>' if lines else "")
        self.graph.node(
            name,
            label=f'<<FONT POINT-SIZE="{WORD_SIZE:g}" COLOR="{MUTED}">{said}</FONT>>',
            id=esc_string(name),
            style="rounded,dashed",
            color=FRAME,
            penwidth="1",
            margin=f"{STUB_MARGIN[0]},{STUB_MARGIN[1]}",
            height=f"{STUB_HEIGHT}",
            **{"class": "stub"},
        )

    def stub_edge(self, tail: str, head: str, attack: bool = False) -> None:
        look = STUB_ATTACK_EDGE if attack else STUB_EDGE  # a bar (⊣): all it leads to attack
        self.graph.edge(tail, head, **own(EDGE_ATTRS, look.attrs()), **{"class": "stub"})


def _claim(
    drawn: _Figure, claim: Claim, shown: Shown, name: str, thesis: bool, top: bool = False
) -> None:
    """A claim's node: in full (its text), or compact (its label or the start of its text,
    and where it is in full or continued)."""
    look = KIND_STYLES[claim.kind]
    evaluation = drawn.look.evaluation
    status = evaluation.status(claim.id) if evaluation is not None else None
    drawn.used.add(claim.kind.value)
    if claim.implicit:
        drawn.used.add("implicit")
    classes = ["claim", claim.kind.value] + (["implicit"] if claim.implicit else [])
    classes += [claim.role.value] if claim.role is not None else []
    opponent, mine = claim.role is Role.OPPONENT, drawn.look.own.get(claim.id)
    if opponent:
        drawn.used.add("opponent" if mine is None else "analyst's")
    if status is not None:
        classes.append(status.value)
        if status in STATUS_STYLES:
            drawn.used.add(status.value)
    extra = {"URL": esc_string(claim.url), "target": "_blank"} if claim.url else {}
    errors = drawn.look.draft.marks.get(claim.id, ()) if drawn.look.draft else ()
    classes += ["draft-error"] if errors else []
    drawn.used |= {"draft-error"} if errors else set()
    paint = STATUS_STYLES.get(status) if status is not None else None
    measures = drawn.look.measures
    compact = shown.how is How.REF or shown.compact
    words = drawn.look.words
    if compact:
        assert shown.where is not None
        says = "in full in" if shown.how is How.REF else "continued in"
        label = claim_label(
            claim.kind, short_text(claim, measures.ref), width=measures.ref,
            implicit=claim.implicit, status=status, words=words, own=mine,
            note=words(says, n=drawn.number(claim.id, shown.where)),
        )  # fmt: skip
        classes.append("reference")
    else:
        label = claim_label(
            claim.kind, claim.text, width=measures.top + 4 * thesis if top and measures.top
            else measures.thesis if thesis else measures.claim,
            implicit=claim.implicit, status=status, thesis=thesis, words=words, own=mine,
            note=unseen_note(evaluation, claim.id, drawn.look.outside, words),
        )  # fmt: skip
        if thesis:
            classes.append("thesis")
    peripheries = 1 if compact else look.peripheries
    outline = {
        "shape": look.shape,
        "style": look.style + (f",{IMPLICIT_STYLE}" if claim.implicit else ""),
        "fillcolor": "white" if compact else (paint.fill if paint else look.fill),
        "color": OPPONENT["color"] if opponent else look.line,
        "peripheries": f"{peripheries}" if peripheries > 1 else None,  # a box has one
        "penwidth": (
            f"{THESIS_PENWIDTH:g}"
            if thesis and not compact
            else OPPONENT["penwidth"]
            if opponent
            else None
        ),
    }
    if errors:  # over the implicit's dashes, the opponent's colour, the thesis's width
        outline.update(DRAFT_ERROR, style=f"{look.style},{DRAFT_ERROR['style']}")
    drawn.graph.node(
        claim.id,
        label=label,
        id=esc_string(name),
        **own(NODE_ATTRS, outline),
        tooltip=claim_tooltip(claim, words, errors),
        **{"class": " ".join(classes)},
        **extra,
    )
    if shown.how is How.CONTINUED and not shown.compact:
        assert shown.where is not None
        stub = f"continued--{claim.id}--stub"
        drawn.stub(stub, words("continued in", n=drawn.number(stub, shown.where)))
        drawn.stub_edge(stub, claim.id)


def _relations(drawn: _Figure, shape: Shape, figure: Figure, name: str, present: set[str]) -> None:
    """The reasons and objections of a claim drawn in full, left to right in the order the
    split chose (with ``ordering=in``, so that Graphviz keeps it), else as written; in a
    fitted figure, a claim other than the thesis that shares a reason with another claim
    there is left to Graphviz to order (:func:`argmap.draw.order.shares_reasons`)."""
    claim = shape.claims[name]
    units = figure.units.get(name)
    written = [u for u, b in enumerate(shape.units[name]) if units is None or u in units]
    order = figure.orders.get(name)
    fitted = drawn.look.room is not None and name != shape.thesis  # the thesis: centred
    shares = fitted and shares_reasons(shape, figure, name)
    if order is not None and not (shares or figure.rows):
        drawn.graph.node(name, ordering="in")  # (the overview's rows set their own order)
    todo = []
    for unit in order if order is not None else written:
        if unit == -1:
            if name in figure.more:  # (an overview names the pages instead: no stub)
                elsewhere = [b.relation.link for u, b in enumerate(shape.units[name])
                             if u not in written and b is not None]  # fmt: skip
                attack = bool(elsewhere) and Link.SUPPORT not in elsewhere
                drawn.used |= {"attack"} if attack else set()
                drawn.stub_edge(f"more--{name}", name, attack=attack)
        elif (branch := shape.units[name][unit]) is not None:
            todo.append((unit, branch))
            support = branch.relation.link is Link.SUPPORT
            drawn.used.add("support" if support else "attack")
            if support and len(branch.members) > 1:
                drawn.used.add("linked")
            if any(present & set(a.members) for a in branch.attacks):  # drawn on a step or attack
                drawn.used.add("undercut" if support else "undercut-attack")
                if any(attack.attacks for attack in branch.attacks):  # on an undercut too
                    drawn.used.add("undercut-attack")
    drawn.used |= branches(drawn.graph, claim, todo, present, shape.raised, drawn.look.words)


def _heading(amap: ArgumentMap, figure: Figure, drawn: _Figure) -> str:
    return figure_heading(amap, figure, drawn.used, drawn.look, lambda n: drawn.number("", n))


def figure_graph(
    amap: ArgumentMap, shape: Shape, figure: Figure, look: Look = Look()
) -> tuple[graphviz.Digraph, Fills]:
    """One figure of a map as a graph, and where its placeholders are (see :class:`Look`)."""
    graph = graphviz.Digraph(name="argmap", node_attr=NODE_ATTRS, edge_attr=EDGE_ATTRS)
    drawn = _Figure(graph, look)
    claims = shape.claims
    present = {s.claim for s in figure.shown}
    thesis = shape.thesis
    further = set(figure.continued_from)
    again = thesis if look.handout and thesis in further else None  # in full in figure 1
    shown_in_order = drawing_order(shape, figure) if look.room is not None else figure.shown
    if look.room is None:  # the whole map: its claims in file order, as Graphviz gets them
        where = {claim.id: i for i, claim in enumerate(amap.claims)}
        packed = packing(shape)
        if packed:  # part by part, in the order Graphviz is to pack them
            graph.graph_attr.update(pack="true", packmode=f"array_bu{packed[1]}")
        order = packed[0] if packed else {}
        shown_in_order = tuple(
            sorted(figure.shown, key=lambda s: (order.get(s.claim, 0), where.get(s.claim, 0)))
        )
    for shown in shown_in_order:
        name = shown.claim
        node_id = f"page--{name}" if name in further else name
        if shown.how is not How.FULL:
            node_id = f"{shown.how.value}--{name}"
        if name == again:
            shown = Shown(name, How.REF, figure.continued_from[name])
        _claim(drawn, claims[name], shown, node_id, name == thesis, name in figure.tops)
    words = look.words
    for name, pages in figure.more.items():
        stub = f"more--{name}"
        leads = [lead_text(claims[first]) for first in figure.leads.get(name, ())]
        if len(leads) != len(pages) or look.stubs != "above":  # (made without them; a slide)
            drawn.stub(stub, drawn.figures("continued in", stub, pages))
            continue
        lines = [words("lead", n=drawn.number(stub, n), lead=lead)
                 for n, lead in zip(pages, leads, strict=True)]  # fmt: skip
        drawn.stub(stub, words("continued in leads"), *lines)
    for name in figure.full():
        _relations(drawn, shape, figure, name, present)
    said = headed(figure) if look.stubs == "heading" else None  # the heading says its stub
    for top, users in figure.used_in.items():
        if users and top != said:
            drawn.stub(f"used--{top}", drawn.figures("used in", f"used--{top}", users))
            drawn.stub_edge(top, f"used--{top}")
    for top, first in figure.continued_from.items():
        if top in (again, said):
            continue  # its reference says where it is in full; or the heading, where it goes on
        stub = f"from--{top}"
        drawn.stub(stub, words("continued from", n=drawn.number(stub, first)))
        drawn.stub_edge(top, stub)
    for below, above, ranks in stacked(shape, figure):
        graph.edge(below, above, style="invis", **({"minlen": f"{ranks}"} if ranks > 1 else {}))
    nodesep = look.nodesep or (OVERVIEW_GAP / 72 if figure.rows else NODESEP)
    beside = flat_links(graph, drawn.used, shape, figure, nodesep, whole=look.room is None,
                        words=look.words)  # fmt: skip
    tops = [top for top in figure.tops if top not in beside]
    side = tops if look.room is not None else []  # a whole map's roots are Graphviz's to rank
    graph.body += top_ranks(shape, figure, side, aside=look.stubs == "beside" and again is None)
    graph.graph_attr.update({**GRAPH_ATTRS, "label": _heading(amap, figure, drawn)})
    if nodesep != NODESEP:
        graph.graph_attr["nodesep"] = f"{nodesep:g}"
    if look.stubs != "above":  # a slide: ranks closer together
        graph.graph_attr["ranksep"] = f"{SLIDE_RANKSEP:g}"
    return graph, drawn.fills


def sizes_graph(shape: Shape, look: Look) -> graphviz.Digraph:
    """Every claim as it is drawn in full (``full:<id>``) and as a reference (``ref:<id>``),
    and a stub naming one figure (``stub:``) and one naming three (``stub:3``), with no
    edges: laid out once to learn their sizes (:func:`argmap.draw.engine.node_sizes`)."""
    graph = graphviz.Digraph(name="sizes", node_attr=NODE_ATTRS)
    drawn = _Figure(graph, attrs.evolve(look, placeholder=False))
    for name, claim in shape.claims.items():
        for how, prefix in ((How.FULL, "full:"), (How.REF, "ref:")):
            _claim(drawn, claim, Shown(name, how, PLACEHOLDER), name, name == shape.thesis)
            graph.body[-1] = graph.body[-1].replace(quote(name), quote(prefix + name), 1)
    drawn.stub("stub:", look.words("continued in", n=PLACEHOLDER))
    drawn.stub("stub:3", look.words.figures("continued in", [PLACEHOLDER] * 3))
    return graph


def whole_shape(amap: ArgumentMap) -> Shape:
    """The map's shape, its thesis on top."""
    found = find_thesis(amap)
    return shape(amap, found.id if found is not None else None)


def build(
    amap: ArgumentMap,
    *,
    legend: bool = True,
    evaluation: Evaluation | None = None,
    legend_room: float | None = None,
    titled: bool = True,
    draft: Draft | None = None,
) -> graphviz.Digraph:
    """The diagram of the whole map, bottom to top: reasons below what they support, the
    thesis on top (:func:`argmap.analysis.summary.thesis`).

    Nodes are named by claim id; where an id is duplicated the first claim is drawn, and
    references to unknown claims are left out (``check`` reports both). Pure: no I/O,
    nothing time-, random- or version-dependent.
    """
    found = whole_shape(amap)
    look = Look.of(amap, legend=legend, evaluation=evaluation, legend_room=legend_room,
                   titled=titled, draft=draft)  # fmt: skip
    graph, _ = figure_graph(amap, found, whole(found), look)
    return graph


def to_dot(amap: ArgumentMap, **options: Any) -> str:
    """The DOT source of :func:`build`'s diagram, with its ``options`` (``titled``: with the
    title and source; ``draft``: a map with errors, as a draft)."""
    return build(amap, **options).source


__all__ = ["PLACEHOLDER", "Fills", "Look", "build", "figure_graph", "sizes_graph", "to_dot",
           "whole_shape"]  # fmt: skip
