"""A map's shape + node sizes + a budget → its figures in reading order: what each draws and how.
Pure: no Graphviz.

The split (docs/drawing.md, "Fitted to a column, split into figures", says why):

1. **Carve** each root's tree (:mod:`argmap.analysis.carve`): the claims whose subtree is too
   big top figures of their own; on a page, a tree taller than the page has its tallest path
   cut first into even figures (:mod:`argmap.analysis.tall`).
2. **Group** the roots: all in one figure when the whole map fits; else the thesis's tree alone
   (the overview), and the other roots side by side in reading order while they fit, a new
   group starting at every anchor (:func:`argmap.analysis.groups.anchor`).
3. **Number** the figures depth first (a figure, then the figures its branches continue in,
   left to right, then its claims' further pages; a thesis too wide for its pages has its
   overview first, every reason compact, a page that would hold only compact claims gives
   way to those claims' own figures, and the rest share pages in rows,
   :mod:`argmap.analysis.regroup`) and work out what each shows and how: every
   claim in full in at least one figure, every relation drawn in the figure of the claim it
   supports or attacks, a reference (``REF``) wherever a claim at home elsewhere is used.

A figure that Graphviz then draws too big is carved again with a smaller budget (``squeeze``):
only that figure changes, by cutting more of it off.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from argmap.analysis.carve import (
    Budget,
    Plan,
    Sizes,
    Units,
    contour_of,
    first_claim,
    kept_children,
    parts_in,
)
from argmap.analysis.contour import Contour, height, side_by_side, width
from argmap.analysis.groups import group_roots
from argmap.analysis.overview import Rows, answers, overview
from argmap.analysis.pairs import loose_tops, pairs_by_figure, partners_beside
from argmap.analysis.regroup import pages_of, regroup
from argmap.analysis.shape import Shape
from argmap.analysis.tall import carve_even
from argmap.model import restated


class How(enum.Enum):
    """How a figure shows a claim."""

    FULL = "full"  # with its reasons and objections (those of this page)
    CONTINUED = "continued"  # its reasons and objections are drawn in figure `where`
    REF = "ref"  # a compact reference to figure `where`, which has it in full


@attrs.frozen
class Shown:
    claim: str
    how: How
    where: int | None = None
    compact: bool = False
    """CONTINUED only: drawn like a reference (label or shortened text), for lack of room."""


@attrs.frozen
class Figure:
    """One figure: its tops, what it shows and how, and its stubs."""

    number: int
    tops: tuple[str, ...]
    shown: tuple[Shown, ...]
    units: Mapping[str, frozenset[int]]
    """A claim drawn with only some of its reasons and objections → those (by unit)."""
    used_in: Mapping[str, tuple[int, ...]]
    """A top → the other figures that show it (its "used in" stub)."""
    continued_from: Mapping[str, int]
    """A top that is a further page of a claim → the figure of its first page."""
    more: Mapping[str, tuple[int, ...]]
    """A claim with further pages → their figures (its "continued in" stub)."""
    contradictions: tuple[tuple[str, str], ...]
    restatements: tuple[tuple[str, str], ...] = ()
    """Pairs of claims that restate each other (the first restates the second)."""
    leads: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    """A claim with further pages → the first claim of each (its stub names them)."""
    orders: Mapping[str, tuple[int, ...]] = attrs.field(factory=dict)
    """A claim in full → its units left to right, as estimated (-1: its "continued" stub)."""
    estimate: tuple[float, float] = (0.0, 0.0)
    """The figure's width and height as the split estimated them, in points."""
    rows: Rows = ()
    """The overview only (:mod:`argmap.analysis.overview`): the thesis's units, row by row."""
    beside: Mapping[str, str] = attrs.field(factory=dict)
    """A root of the map drawn here in full (not one of the figure's tops) beside the claim of
    another tree that it restates or contradicts (or that restates or contradicts it),
    having nothing beneath it: it → that claim."""

    def full(self) -> list[str]:
        """The claims whose relations (of this page) are drawn here."""
        return [s.claim for s in self.shown if s.how is How.FULL]


#: Each root's tree as carved alone (its part of the plan, its contour), kept by the caller
#: between splits of one map with the same sizes (the rounds of a fit): a root's carving reads
#: and writes only the plan's entries for the claims of its own tree, so it is the same in
#: every round, whatever is squeezed after.
Carvings = dict[tuple[str, Budget, tuple[tuple[str, float], ...]], tuple[Plan, Contour]]


def split(
    shape: Shape,
    sizes: Sizes,
    budget: Budget,
    squeeze: Mapping[str, Budget] | None = None,
    carvings: Carvings | None = None,
) -> list[Figure]:
    """The figures of a map in reading order, each estimated to fit ``budget``.

    ``squeeze`` maps the top of a figure that came out too big to the budget to carve it with
    again (see the module docstring). ``carvings`` keeps the roots' carvings for the next
    split with the same ``shape`` and ``sizes``.
    """
    plan = Plan()
    sizes = attrs.evolve(sizes, beside=partners_beside(shape))
    found = {} if carvings is None else carvings
    squeeze = squeeze or {}
    lower = _lower(shape, budget, squeeze)
    tops = {}
    for root in shape.roots:
        rooms = lower.get(root, {})
        key = (root, budget, tuple(sorted(rooms.items())))
        if key not in found:
            alone = Plan()
            found[key] = (alone, carve_even(root, shape, sizes, budget, alone, rooms))
        alone, tops[root] = found[key]
        plan.add(alone)
    for top, tighter in sorted(squeeze.items()):
        if top in plan.cut or top in tops:
            contour = carve_even(top, shape, sizes, tighter, plan)
            if top in tops:
                tops[top] = contour
    groups = group_roots(shape, sizes, budget, plan, tops, squeeze)
    thesis = shape.thesis
    found_rows = None
    if thesis is not None and thesis in plan.pages and groups[0] == [thesis]:
        found_rows = overview(thesis, shape, sizes, squeeze.get(thesis, budget))
    rowed = {}
    if found_rows is not None:
        rowed = regroup(thesis, shape, sizes, plan, squeeze.get(pages_of(thesis), budget))
    figures = _number(shape, groups, plan, thesis if found_rows else None)
    done = []
    for figure in figures:
        if found_rows is not None and figure.number == 1:
            rows, estimate, lean = found_rows
            order = tuple(unit for row in rows for unit in row)
            gone = answers(shape) if lean else set()
            shown = tuple(s for s in figure.shown if s.claim not in gone)
            done.append(attrs.evolve(figure, orders={thesis: order}, rows=rows, shown=shown,
                                     estimate=estimate))  # fmt: skip
            continue
        orders = {}
        for name in figure.full():
            units = figure.units.get(name)
            contour_of(name, units, shape, sizes, plan, plan.contours)
            orders[name] = plan.orders[(name, units)]
        page = figure.units.get(thesis) if figure.tops == (thesis,) else None
        if page in rowed:  # a page of the thesis after its overview, in rows
            rows, estimate = rowed[page]
            orders[thesis] = tuple(unit for row in rows for unit in row)
            done.append(attrs.evolve(figure, orders=orders, rows=rows, estimate=estimate))
            continue
        done.append(
            attrs.evolve(figure, orders=orders, estimate=_estimate(figure, shape, sizes, plan))
        )
    return done


def _lower(
    shape: Shape, budget: Budget, squeeze: Mapping[str, Budget]
) -> dict[str, dict[str, float]]:
    """A root → the claims of its tree squeezed lower than ``budget`` → how high their figure
    may be: a chain is then cut evenly again, rather than its figure that came out too tall
    cut in two."""
    lower: dict[str, dict[str, float]] = {}
    if budget.height is None:
        return lower
    for top, tighter in squeeze.items():
        if tighter.height is not None and tighter.height < budget.height:
            root = top
            while (up := shape.owner.get(root)) is not None:
                root = up
            lower.setdefault(root, {})[top] = tighter.height
    return lower


def whole(shape: Shape) -> Figure:
    """The whole map as one figure: every claim in full, in reading order."""
    figures = _number(shape, [list(shape.roots)], Plan())
    return figures[0]


def _estimate(figure: Figure, shape: Shape, sizes: Sizes, plan: Plan) -> tuple[float, float]:
    contours = []
    for top in figure.tops:
        units = figure.units.get(top)
        if top not in figure.continued_from and (units is None or units == plan.units(top, 0)):
            contours.append(plan.contours[top])
        else:  # a further page, its "continued from figure 1" beside its reasons
            contours.append(
                contour_of(top, units, shape, sizes, plan, plan.contours, 0, further=True)
            )
    contours.extend(plan.contours[name] for name in figure.beside)  # at worst, another top
    together = side_by_side(contours, sizes.gap)
    used = any(figure.used_in.values()) or bool(figure.continued_from)
    stub = sizes.stub[1] + sizes.rank_gap if used else 0.0  # "used in" over the tops
    return width(together), height(together, sizes.rank_gap) + stub


@attrs.define
class _Layout:
    """Figures as they are numbered: their tops (claim, page) and members."""

    figures: list[tuple[tuple[tuple[str, int], ...], list[tuple[str, Units]]]] = attrs.field(
        factory=list
    )
    home: dict[str, int] = attrs.field(factory=dict)
    pages: dict[str, list[int]] = attrs.field(factory=dict)  # claim → its further pages' figures
    overview: str | None = None
    """The thesis drawn with all its units in the first figure, its pages after
    (:mod:`argmap.analysis.overview`)."""


#: The "page" of the overview's top: all its units, compact.
OVERVIEW = -1


def _members(top: str, page: int, shape: Shape, plan: Plan) -> list[tuple[str, Units]]:
    """The claims drawn in full in the figure of ``top``'s ``page``, with the units each
    draws, depth first in the order written."""
    if page == OVERVIEW:
        return [(top, None)]
    found: list[tuple[str, Units]] = []
    stack = [(top, plan.units(top, page))]
    while stack:
        here, units = stack.pop()
        found.append((here, units))
        kept = kept_children(shape, plan, here, units)
        stack.extend((name, plan.units(name, 0)) for name in reversed(kept))
    return found


def _visit(tops: list[tuple[str, int]], shape: Shape, plan: Plan, layout: _Layout) -> None:
    """Number the figure of ``tops``, then depth first the figures it leads to."""
    members = [m for top, page in tops for m in _members(top, page, shape, plan)]
    number = len(layout.figures) + 1
    layout.figures.append((tuple(tops), members))
    for name, units in members:
        if units == plan.units(name, 0) or (name, OVERVIEW) in tops:
            layout.home.setdefault(name, number)
    if tops and tops[0][1] == OVERVIEW:
        _pages(tops[0][0], shape, plan, layout)
        return
    for name, units in members:
        for part in parts_in(shape, name, units):
            owned = part.claim in plan.cut and shape.owner.get(part.claim) == name
            if owned and part.claim not in layout.home:
                _visit([(part.claim, 0)], shape, plan, layout)
        if name in plan.pages and units == plan.units(name, 0) and name != layout.overview:
            for page in range(1, len(plan.pages[name])):
                layout.pages.setdefault(name, []).append(len(layout.figures) + 1)
                _visit([(name, page)], shape, plan, layout)


def _pages(name: str, shape: Shape, plan: Plan, layout: _Layout) -> None:
    """After the overview of ``name``: each of its pages that draws a claim in full under it
    (with what it leads to), and in place of a page that would draw only compact claims
    (each a figure of its own already named in the overview) the figures of those claims."""
    for page, units in enumerate(plan.pages[name]):
        if kept_children(shape, plan, name, units):
            _visit([(name, page)], shape, plan, layout)
            continue
        for part in parts_in(shape, name, units):
            owned = part.claim in plan.cut and shape.owner.get(part.claim) == name
            if owned and part.claim not in layout.home:
                _visit([(part.claim, 0)], shape, plan, layout)


def _lay_out(
    shape: Shape, groups: list[list[str]], plan: Plan, overview: str | None = None
) -> tuple[_Layout, dict[str, str]]:
    """The figures of ``groups`` numbered depth first; and the tops moved beside a claim they
    restate or contradict (:func:`~argmap.analysis.pairs.loose_tops`) when it is at home in
    another figure: alone, or beside other tops, such a top would only repeat what that figure
    shows as a reference."""

    def first(root: str) -> int:
        return OVERVIEW if root == overview else 0

    layout = _Layout(overview=overview)
    for group in groups:
        _visit([(root, first(root)) for root in group], shape, plan, layout)
    loose = loose_tops(shape)
    moving = {
        root: min(others, key=layout.home.__getitem__)
        for root, others in loose.items()
        if all(layout.home[other] != layout.home[root] for other in others)
    }
    if not moving:
        return layout, {}
    layout = _Layout(overview=overview)
    for group in groups:
        kept = [root for root in group if root not in moving]
        if kept:
            _visit([(root, first(root)) for root in kept], shape, plan, layout)
    for root, other in moving.items():
        number = layout.home[other]
        tops, members = layout.figures[number - 1]
        layout.figures[number - 1] = (tops, [*members, (root, plan.units(root, 0))])
        layout.home[root] = number
    return layout, moving


def _number(
    shape: Shape, groups: list[list[str]], plan: Plan, overview: str | None = None
) -> list[Figure]:
    """Figures numbered depth first, with what each shows and how; with ``overview``, that
    claim (the thesis) with all its units, compact, in the first."""
    layout, moved = _lay_out(shape, groups, plan, overview)
    home = layout.home
    users: dict[str, set[int]] = {}
    shown_by: list[dict[str, Shown]] = []
    for number, (tops, members) in enumerate(layout.figures, 1):
        shown = {name: Shown(name, How.FULL) for name, _ in members}
        compact = plan.compact | {top for top, page in tops if page == OVERVIEW}
        for name, units in members:
            for part in parts_in(shape, name, units):
                other = part.claim
                if other in shown:
                    continue
                if other in plan.cut and shape.owner.get(other) == name:
                    shown[other] = Shown(other, How.CONTINUED, home[other], name in compact)
                else:
                    shown[other] = Shown(other, How.REF, home[other])
                users.setdefault(other, set()).add(number)
        shown_by.append(shown)
    contradictions = pairs_by_figure(
        shape, home, lambda claim: [ref.id for ref in claim.contradicts]
    )
    restatements = pairs_by_figure(
        shape, home, lambda claim: [restated(r).id for r in claim.restates]
    )
    figures: list[Figure] = []
    for number, (tops, members) in enumerate(layout.figures, 1):
        shown = shown_by[number - 1]
        pairs = contradictions.get(number, [])
        again = restatements.get(number, [])
        for pair in [*pairs, *again]:
            for name in pair:
                if name not in shown:
                    shown[name] = Shown(name, How.REF, home[name])
                    users.setdefault(name, set()).add(number)
        figures.append(
            Figure(
                number=number,
                tops=tuple(top for top, _ in tops),
                shown=tuple(shown.values()),
                units={name: units for name, units in members if units is not None},
                used_in={
                    top: tuple(sorted(users.get(top, set()) - {number}))
                    for top, page in tops
                    if page == OVERVIEW or (page == 0 and top != layout.overview)
                },
                continued_from={
                    top: home[top]
                    for top, page in tops
                    if page > 0 or (page == 0 and top == layout.overview)
                },
                more={
                    name: tuple(layout.pages[name])
                    for name, units in members
                    if name in layout.pages and units == plan.units(name, 0)
                },
                leads={
                    name: tuple(first_claim(shape, name, page) for page in plan.pages[name][1:])
                    for name, units in members
                    if name in layout.pages and units == plan.units(name, 0)
                },
                contradictions=tuple(pairs),
                restatements=tuple(again),
                beside={name: moved[name] for name, _ in members if name in moved},
            )
        )
    return figures


__all__ = ["Budget", "Carvings", "Figure", "How", "Shown", "Sizes", "split", "whole"]
