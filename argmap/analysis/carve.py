"""A map's shape + node sizes + a budget → which claims top figures of their own: the cuts of the
split. Pure: node sizes come in (:class:`Sizes`), decisions go out (:class:`Plan`).

Each root's tree is carved bottom up (:func:`carve`). While what a claim's figure would draw
from it down (its contour, :mod:`argmap.analysis.contour`) is wider than the budget: the
child with the widest contour, of those bringing ``MIN_FIGURE`` claims or more, is cut off to
top a figure of its own (Kundu and Misra's greedy for cutting a tree into the fewest parts of
bounded weight, the weight here the width); when no such child is left, the cut children are
drawn compact (their label or the start of their text); and when the claim's own fan is still
too wide, its reasons and objections are paginated: the first page stays, each further page is
a figure with the claim on top again. Too tall, the tallest child is cut. A decision depends
only on the claim's own subtree, so an edit changes only the figures on its path to its root.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from argmap.analysis.contour import Contour, arranged, box, height, tree, width
from argmap.analysis.shape import Branch, Part, Shape

#: A claim's units to draw (by number); None: all of them.
Units = frozenset[int] | None

#: The fewest claims a child must bring to be cut off into a figure of its own by width (a
#: figure of two claims is a page wasted: paginating does better).
MIN_FIGURE = 3


@attrs.frozen
class Sizes:
    """Node sizes in points: each claim's full node and compact reference (width, height), a
    stub's (naming one figure), a junction's; the gaps between nodes on a rank and between
    ranks; an undercut's slot on a step's bar; and how much wider a stub grows with each
    further figure it names ("continued in figures 4, 9, 13")."""

    full: Mapping[str, tuple[float, float]]
    ref: Mapping[str, tuple[float, float]]
    stub: tuple[float, float]
    gap: float
    rank_gap: float
    junction: float = 6.5
    slot: float = 20.0
    per_figure: float = 0.0
    beside: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    """A claim → the claims its figure is reckoned to draw beside it as references, joined to
    it by a contradiction or restatement (:func:`argmap.analysis.pairs.partners_beside`)."""

    def own(self, name: str) -> Contour:
        """The contour of ``name``'s full node, with the references drawn beside it."""
        wide, high = self.full[name]
        extra = sum(self.ref[other][0] + self.gap for other in self.beside.get(name, ()))
        return [[-wide / 2, wide / 2 + extra, high]]

    lead: Mapping[str, float] = attrs.field(factory=dict)
    """A claim → the width of a "continued in" stub naming a figure that starts with it
    ("figure 4: the start of its text"); none: such a stub names its figures on one line."""
    line: float = 0.0
    """The height of each further line of a stub."""
    slide: bool = False
    """Figures for a slide (a box wider than tall): a further page of a claim too tall for
    the budget has its tallest branch cut too (:func:`carve`)."""

    def stub_naming(self, figures: int) -> tuple[float, float]:
        """The size of a stub that names ``figures`` figures on one line."""
        return self.stub[0] + self.per_figure * max(figures - 1, 0), self.stub[1]

    def listing(self, firsts: list[str], figures: int) -> tuple[float, float]:
        """The size of a "continued in" stub that names ``figures`` figures a line each, each
        with the start of its first claim, one of ``firsts``."""
        if not self.lead:
            return self.stub_naming(figures)
        wide = max((self.lead.get(name, 0.0) for name in firsts), default=0.0)
        return max(self.stub[0], wide), self.stub[1] + self.line * figures


@attrs.frozen
class Budget:
    """How big a figure may be drawn, in points: its width, and its height (None: any)."""

    width: float
    height: float | None = None

    def holds_size(self, wide: float, high: float) -> bool:
        """Whether a drawing ``wide`` by ``high`` points fits."""
        return wide <= self.width + 0.01 and (self.height is None or high <= self.height + 0.01)

    def holds(self, contour: Contour, rank_gap: float) -> tuple[bool, bool]:
        """Whether ``contour`` is too wide, and whether it is too tall."""
        tall = self.height is not None and height(contour, rank_gap) > self.height
        return width(contour) > self.width, tall


@attrs.define
class Plan:
    """The decisions of the split: the claims cut off into figures of their own, the claims
    whose cut children are drawn compact, and the claims paginated (their units by page)."""

    cut: set[str] = attrs.field(factory=set)
    compact: set[str] = attrs.field(factory=set)
    pages: dict[str, tuple[frozenset[int], ...]] = attrs.field(factory=dict)
    contours: dict[str, Contour] = attrs.field(factory=dict)
    """Each claim's contour as last carved."""
    orders: dict[tuple[str, Units], tuple[int, ...]] = attrs.field(factory=dict)
    """A claim (and the units drawn) → its units left to right (-1: its "continued" stub)."""

    def units(self, claim: str, page: int = 0) -> Units:
        return self.pages[claim][page] if claim in self.pages else None

    def add(self, other: Plan) -> None:
        """Take in the decisions of another plan (of other claims)."""
        self.cut |= other.cut
        self.compact |= other.compact
        self.pages.update(other.pages)
        self.contours.update(other.contours)
        self.orders.update(other.orders)


def parts_in(shape: Shape, name: str, units: Units) -> list[Part]:
    """``name``'s parts in ``units``, each claim once (where it first occurs)."""
    found, seen = [], set()
    for part in shape.parts[name]:
        if (units is None or part.unit in units) and part.claim not in seen:
            seen.add(part.claim)
            found.append(part)
    return found


def kept_children(shape: Shape, plan: Plan, name: str, units: Units) -> list[str]:
    """The children at home with ``name`` in a figure drawing ``units`` of it."""
    return [
        p.claim
        for p in shape.children[name]
        if p.claim not in plan.cut and (units is None or p.unit in units)
    ]


def contour_of(
    name: str,
    units: Units,
    shape: Shape,
    sizes: Sizes,
    plan: Plan,
    done: Mapping[str, Contour],
    naming: int | None = None,
    firsts: list[str] | None = None,
    *,
    further: bool = False,
) -> Contour:
    """The contour of what a figure drawing ``units`` of ``name`` draws from it down; records
    the order of its units that makes it narrowest in ``plan.orders``.

    ``naming``: how many figures the stub beside ``name``'s reasons names (none: 0), for a
    page being tried; with ``further``, a further page ("continued from figure 1"); the order
    is then not recorded; ``firsts``: the first claims of the pages the stub names (none: as
    wide as any of ``name``'s reasons and objections would make it). By default, as the plan
    has it: on the first page of a paginated claim, its "continued in" naming every further
    page, a line each."""
    own = {part.claim for part in shape.children[name]}
    kept = set(kept_children(shape, plan, name, units))
    seen: set[str] = set()

    def claim(other: str) -> Contour | None:
        if other in seen or other == name:
            return None
        seen.add(other)
        if other in kept:
            return done[other]
        if other in own and other in plan.cut and name not in plan.compact:
            return [*box(*sizes.full[other]), *box(*sizes.stub)]  # over "continued in"
        return box(*sizes.ref[other])  # a reference, or a cut child drawn compact

    def node(branch: Branch) -> Contour | None:
        if not branch.junction:
            return claim(branch.members[0])
        below = [c for c in map(claim, branch.members) if c is not None]
        below += [c for c in map(node, branch.attacks) if c is not None]
        wide = sizes.junction if not branch.attacks else sizes.slot * (len(branch.attacks) + 1)
        return tree(box(wide, 2.0), [(1, c) for c in below], sizes.gap)

    children: list[tuple[int, Contour]] = []
    numbers: list[int] = []
    for unit, branch in enumerate(shape.units[name]):
        if branch is not None and (units is None or unit in units):
            found = node(branch)
            if found is not None:
                children.append((1, found))
                numbers.append(unit)
    record = naming is None and not further
    if naming is None:
        first = name in plan.pages and units == plan.units(name, 0)
        naming = len(plan.pages[name]) - 1 if first else 0
        if first:
            firsts = [first_claim(shape, name, page) for page in plan.pages[name][1:]]
    if further:
        children.append((1, box(*sizes.stub_naming(1))))  # "continued from figure 1"
        numbers.append(-1)
    elif naming:
        if firsts is None:
            firsts = [branch.members[0] for branch in shape.units[name] if branch is not None]
        children.append((1, box(*sizes.listing(firsts, naming))))  # "continued in" a line each
        numbers.append(-1)
    top = sizes.own(name)
    contour, order = arranged(top, children, sizes.gap, centre=name == shape.thesis)
    if record:
        plan.orders[(name, units)] = tuple(numbers[i] for i in order)
    return contour


def _paginate(
    name: str, shape: Shape, sizes: Sizes, plan: Plan, done: Mapping[str, Contour], room: float
) -> bool:
    """Split ``name``'s units into pages that each fit ``room`` wide, in the order written (a
    unit too wide alone has a page to itself). False when that leaves one page.

    The first page is measured with its stub, which names every further page a line each, with
    the start of its first claim: the split is made again for as many pages as the last one
    made, until that number holds (the stub grows with it, so it settles in a round or two);
    a further page with its "continued from" stub. The stub is first measured as wide as the
    start of any of the claim's reasons and objections makes it, then, once more, with the
    starts of the further pages that made (kept if the stub it then needs is no wider)."""
    units = sorted({part.unit for part in shape.parts[name]})

    def split(firsts: list[str] | None) -> list[list[int]]:
        count, tried = 2, set()
        while True:
            tried.add(count)
            pages: list[list[int]] = []
            page: list[int] = []
            for unit in units:
                trial = frozenset([*page, unit])
                if pages:  # "continued from figure 1"
                    found = contour_of(name, trial, shape, sizes, plan, done, 0, further=True)
                else:  # names count - 1 further pages
                    found = contour_of(name, trial, shape, sizes, plan, done, count - 1, firsts)
                if page and width(found) > room:
                    pages.append(page)
                    page = []
                page.append(unit)
            pages.append(page)
            if len(pages) <= count or len(pages) in tried:
                return pages
            count = len(pages)

    pages = split(None)
    guess = [first_claim(shape, name, page) for page in pages[1:]]
    again = split(guess)
    if sizes.listing([first_claim(shape, name, p) for p in again[1:]], 1) <= sizes.listing(
        guess, 1
    ):
        pages = again
    if len(pages) == 1:
        plan.pages.pop(name, None)
        return False
    plan.pages[name] = tuple(frozenset(p) for p in pages)
    return True


def _further_too_tall(
    name: str,
    shape: Shape,
    sizes: Sizes,
    plan: Plan,
    done: Mapping[str, Contour],
    budget: Budget,
) -> list[str]:
    """The children of two claims or more on a further page of ``name`` too tall for
    ``budget`` (a page under its "continued from" stub, as it is drawn): one of them is to
    be cut. Pages are made by width alone, and the first is carved; a further page's branch of
    three levels came out too tall for a slide (a page of the thesis at 6.7 pt)."""
    if budget.height is None:
        return []
    found: list[str] = []
    overhead = sizes.stub[1] + sizes.rank_gap
    for page in plan.pages.get(name, ())[1:]:
        contour = contour_of(name, page, shape, sizes, plan, done, 0, further=True)
        if height(contour, sizes.rank_gap) + overhead > budget.height:
            found += [c for c in kept_children(shape, plan, name, page) if shape.parts[c]]
    return found


def first_claim(shape: Shape, name: str, units: Iterable[int]) -> str:
    """The first claim of ``name``'s ``units``, in the order written."""
    chosen = set(units)
    return next(
        branch.members[0]
        for unit, branch in enumerate(shape.units[name])
        if unit in chosen and branch is not None
    )


def carve(root: str, shape: Shape, sizes: Sizes, budget: Budget, plan: Plan) -> Contour:
    """Cut ``root``'s figure (adding to ``plan``) until it fits ``budget``.

    Claims already cut stay cut and are not entered. Returns the figure's contour.
    """
    order: list[str] = []
    stack = [root]
    while stack:
        here = stack.pop()
        order.append(here)
        stack.extend(p.claim for p in shape.children[here] if p.claim not in plan.cut)
    done: dict[str, Contour] = {}
    claims: dict[str, int] = {}
    for here in reversed(order):  # children before parents
        paginated = False
        while True:
            if sizes.slide and any(p.claim in plan.cut for p in shape.children[here]):
                plan.compact.add(here)  # on a slide, a cut child is one box, not over a stub
            units = plan.units(here, 0)
            kept = kept_children(shape, plan, here, units)
            contour = contour_of(here, units, shape, sizes, plan, done)
            wide, tall = budget.holds(contour, sizes.rank_gap)
            taller = (
                _further_too_tall(here, shape, sizes, plan, done, budget) if sizes.slide else []
            )
            if not (wide or tall or taller):
                break
            if not (wide or tall):  # a further page too tall: its tallest branch goes
                plan.cut.add(max(taller, key=lambda name: (len(done[name]), claims[name])))
                continue
            if wide:
                deep = [i for i, name in enumerate(kept) if claims[name] >= MIN_FIGURE]
                measure = width
            else:
                deep = [
                    i
                    for i, name in enumerate(kept)
                    if claims[name] >= 2 or (sizes.slide and shape.parts[name])
                ]  # on a slide, over a reference too
                measure = len  # the child with the most ranks
            cut_children = any(p.claim in plan.cut for p in shape.children[here])
            if deep:
                # The widest (tallest) child goes; of equally big ones the biggest, the last.
                chosen = max(deep, key=lambda i: (measure(done[kept[i]]), claims[kept[i]], i))
                plan.cut.add(kept[chosen])
            elif wide and cut_children and here not in plan.compact:
                plan.compact.add(here)
            elif wide and not paginated:
                paginated = True
                plan.pages.pop(here, None)
                if not _paginate(here, shape, sizes, plan, done, budget.width):
                    break
            elif tall and sizes.slide and not paginated:  # on a slide, a unit a page
                paginated = True
                plan.pages.pop(here, None)
                if not _paginate(here, shape, sizes, plan, done, 0.0):
                    break
            elif wide and (small := [i for i, name in enumerate(kept) if claims[name] >= 2]):
                # The last resort (the claims under it were cut for height, say): the widest
                # child of two claims goes too, rather than a figure too wide to read.
                chosen = max(small, key=lambda i: (width(done[kept[i]]), claims[kept[i]], i))
                plan.cut.add(kept[chosen])
            elif taller:
                plan.cut.add(max(taller, key=lambda name: (len(done[name]), claims[name])))
            else:
                break  # a single unit too big for the budget: nothing more to do
        done[here] = plan.contours[here] = contour
        claims[here] = 1 + sum(claims[name] for name in kept)
    return done[root]


__all__ = [
    "MIN_FIGURE",
    "Budget",
    "Plan",
    "Sizes",
    "Units",
    "carve",
    "contour_of",
    "first_claim",
    "kept_children",
    "parts_in",
]
