"""A thesis drawn as an overview + its carving + a budget → its further pages: the reasons and
objections it draws in full, together, in rows. Pure: no Graphviz.

After the overview (:mod:`argmap.analysis.overview`), each page of the thesis that draws a
claim in full was a figure with the thesis on top again, its units side by side as the fan's
pagination cut them (made before there was an overview, with a "continued in" stub beside
them). In a 16-cm column an op-ed's four objections, each a premise with the author's answer
undercutting it, took four figures, each the thesis over one objection. Here those units are
put on as few pages as hold them, each in rows as the overview's are (as many a row as the
budget holds, its lines passing between the columns, in the order written): reasons on pages
of their own, objections on theirs, each unit on the first page it fits, the claims alone (with
nothing beneath them but their answers) first; no page taller than :data:`PORTRAIT` times its
width where the column sets no height. A unit whose claims are all continued in figures of
their own gets no page (the overview names those figures).
"""

from __future__ import annotations

import math

from argmap.analysis.carve import Budget, Plan, Sizes, kept_children
from argmap.analysis.contour import Contour, box, height, tree, width
from argmap.analysis.overview import AROUND, GAP, PASSING, Rows
from argmap.analysis.shape import Branch, Shape
from argmap.model import Link

#: How tall a page in rows may be for its width, where the column sets no height: an A4
#: page's side against its top (a 16-cm column's page, 22.6 cm, fits a Word page's text; all
#: four objections of an op-ed in one column of rows were 24.8 cm tall).
PORTRAIT = 297 / 210

#: A page of the thesis drawn in rows → its rows and its size as estimated.
RowPages = dict[frozenset[int], tuple[Rows, tuple[float, float]]]


def _unit(branch: Branch, sizes: Sizes, plan: Plan, kept: set[str]) -> Contour:
    """A unit of the thesis as its page draws it: its kept claims as carved, a claim continued
    elsewhere over its stub."""

    def claim(name: str) -> Contour:
        if name in kept:
            return plan.contours[name]
        return [*box(*sizes.full[name]), *box(*sizes.stub)]  # over "continued in"

    if len(branch.members) == 1 and not branch.attacks:
        return claim(branch.members[0])
    below = [claim(member) for member in branch.members]
    below += [_unit(attack, sizes, plan, kept) for attack in branch.attacks]
    wide = sizes.junction if not branch.attacks else sizes.slot * (len(branch.attacks) + 1)
    return tree(box(wide, 2.0), [(1, c) for c in below], GAP)


def _size(
    units: list[Contour], columns: int, sizes: Sizes, top: tuple[float, float]
) -> tuple[float, float]:
    """The width and height of ``units`` in rows of ``columns`` under the thesis, with the
    "continued from" stub beside the first row; the lines of a single column pass it on one
    side only."""
    rows = [units[i : i + columns] for i in range(0, len(units), columns)]
    wide = [0.0] * columns
    for row in rows:
        for column, contour in enumerate(row):
            wide[column] = max(wide[column], width(contour))
    used = [w for w in wide if w > 0]
    around = (AROUND if columns > 1 else AROUND / 2) if len(rows) > 1 else 0.0  # one side
    passing = PASSING * (len(units) - len(rows[0])) + around
    first = sum(wide[: len(rows[0])]) + GAP * len(rows[0]) + sizes.stub_naming(1)[0]
    across = max(sum(used) + GAP * (len(used) - 1) + passing, first)
    high = top[1] + sizes.rank_gap
    for row in rows:
        high += max(height(contour, sizes.rank_gap) for contour in row) + sizes.rank_gap
    return max(across, top[0]), high


def _rows(
    units: list[tuple[int, Contour]], sizes: Sizes, top: tuple[float, float], budget: Budget
) -> tuple[Rows, tuple[float, float]] | None:
    """``units`` in as few rows as ``budget`` holds (as even as that many can be), and their
    size; None when not even one a row fits. A budget of no height holds a page as tall as
    :data:`PORTRAIT` times its width."""
    if budget.height is None:
        budget = Budget(budget.width, budget.width * PORTRAIT)
    contours = [contour for _, contour in units]
    columns = len(units)
    while columns >= 1:
        size = _size(contours, columns, sizes, top)
        if budget.holds_size(*size):
            break
        columns -= 1
    if columns < 1:
        return None
    columns = math.ceil(len(units) / math.ceil(len(units) / columns))  # rows as even as can be
    numbers = [unit for unit, _ in units]
    rows = tuple(tuple(numbers[i : i + columns]) for i in range(0, len(numbers), columns))
    return rows, _size(contours, columns, sizes, top)


def pages_of(name: str) -> str:
    """The key of ``name``'s pages in rows in a fit's squeeze (no claim's id has a colon):
    a page that came out too wide is carved again alone, not the overview with it."""
    return f"{name}:pages"


def regroup(name: str, shape: Shape, sizes: Sizes, plan: Plan, budget: Budget) -> RowPages:
    """Put ``name``'s units that draw a claim in full on as few pages as hold them in rows
    (in ``plan.pages``, in the order written, each other unit a page of its own, which draws
    nothing and leads to its claims' figures); the pages drawn in rows, with their rows."""
    kept = set(kept_children(shape, plan, name, None))
    top = sizes.full[name]
    full: list[tuple[int, Contour]] = []
    alone: list[int] = []
    for unit, branch in enumerate(shape.units[name]):
        if branch is None:
            continue
        claims = {*branch.members, *(c for a in branch.attacks for c in _claims(a))}
        if claims & kept:
            full.append((unit, _unit(branch, sizes, plan, kept)))
        else:
            alone.append(unit)
    pages: list[list[tuple[int, Contour]]] = []
    # Reasons on pages of their own, objections too; each unit on the first page it fits on,
    # the claims alone first.
    for side in (Link.SUPPORT, Link.REBUT):
        mine: list[list[tuple[int, Contour]]] = []
        sided = [u for u in full if _link(shape, name, u[0]) is side]
        for unit in sorted(sided, key=lambda u: (not _single(shape, name, u[0]), u[0])):
            fits = (p for p in mine if _rows(sorted([*p, unit]), sizes, top, budget) is not None)
            page = next(fits, None)  # the first page it fits in, else a new one
            if page is None:
                mine.append([unit])
            else:
                page.append(unit)
        pages += mine
    found: RowPages = {}
    for page in pages:
        rows = _rows(sorted(page), sizes, top, budget)  # in the order written
        if rows is not None and len(page) > 1:
            found[frozenset(unit for unit, _ in page)] = rows
    every = [frozenset(unit for unit, _ in page) for page in pages]
    every += [frozenset([unit]) for unit in alone]
    plan.pages[name] = tuple(sorted(every, key=min))
    return found


def _single(shape: Shape, name: str, unit: int) -> bool:
    """Whether ``name``'s ``unit`` is a claim alone (undercut or not), with nothing beneath
    it: such units share a page first (an op-ed's three objections, each a premise and its
    answer, in one figure rather than one each)."""
    branch = shape.units[name][unit]
    assert branch is not None
    return all(not any(shape.units[claim]) for claim in _claims(branch))


def _link(shape: Shape, name: str, unit: int) -> Link:
    branch = shape.units[name][unit]
    assert branch is not None
    return Link.SUPPORT if branch.relation.link is Link.SUPPORT else Link.REBUT


def _claims(branch: Branch) -> list[str]:
    return [*branch.members, *(c for attack in branch.attacks for c in _claims(attack))]


__all__ = ["RowPages", "pages_of", "regroup"]
