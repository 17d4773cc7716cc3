"""A thesis whose reasons and objections a figure cannot hold side by side + node sizes → the
overview: every one of them, compact, in rows under the thesis. Pure: no Graphviz.

Paginated, a thesis of 21 reasons showed four of them in its first figure and the rest behind
"continued in figures 7, 15, 22, 26", so the reader of the first figure did not see the main
lines of the argument. In the overview each of them is drawn compact (its label, or the start
of its text, and the figure it is continued or in full in), in the order written, row by row,
as many a row as the budget holds: the thesis on top, the first row under it, each further
row under the one before, in columns, its lines passing between the columns up to the thesis.
Drawn with the nodes of a rank closer together (:data:`GAP`), 21 reasons take six rows in a
720-px column: five of four, then one.
"""

from __future__ import annotations

import math

from argmap.analysis.carve import Budget, Sizes
from argmap.analysis.contour import Contour, box, tree, width
from argmap.analysis.shape import Branch, Shape

#: Points between the nodes of a rank in the overview (Graphviz's ``nodesep``, 0.1 inch).
GAP = 7.2
#: Points each line from a lower row takes as it passes a row above, beside a column; and the
#: points the outermost lines take, curving round the rows on both sides (measured with
#: Graphviz on fans of 8 to 35 reasons).
PASSING = 13.0
AROUND = 80.0

#: The overview's units, row by row, top row first, each left to right.
Rows = tuple[tuple[int, ...], ...]


def _unit(branch: Branch, sizes: Sizes, lean: bool = False) -> Contour:
    """A unit of the thesis as the overview draws it: its claims compact; ``lean``, without
    the undercuts on it (drawn in its page)."""
    attacks = () if lean else branch.attacks
    if len(branch.members) == 1 and not attacks:
        return box(*sizes.ref[branch.members[0]])
    below = [(1, box(*sizes.ref[member])) for member in branch.members]
    below += [(1, _unit(attack, sizes)) for attack in attacks]
    wide = sizes.junction if not attacks else sizes.slot * (len(attacks) + 1)
    return tree(box(wide, 2.0), below, GAP)


def _size(
    units: list[tuple[int, Contour]], columns: int, thesis: tuple[float, float], rank_gap: float
) -> tuple[float, float]:
    """The width and height of ``units`` in rows of ``columns``, under the thesis."""
    rows = [units[i : i + columns] for i in range(0, len(units), columns)]
    wide = [0.0] * columns
    for row in rows:
        for column, (_, contour) in enumerate(row):
            wide[column] = max(wide[column], width(contour))
    used = [w for w in wide if w > 0]
    passing = PASSING * (len(units) - len(rows[0])) + (AROUND if len(rows) > 1 else 0.0)
    across = sum(used) + GAP * (len(used) - 1) + passing
    high = thesis[1] + rank_gap
    for row in rows:
        high += max(sum(level[2] for level in contour) for _, contour in row) + rank_gap
    return max(across, thesis[0]), high


def overview(
    name: str, shape: Shape, sizes: Sizes, budget: Budget
) -> tuple[Rows, tuple[float, float], bool] | None:
    """The rows of ``name``'s units in the overview, as many a row as ``budget`` holds (and
    the rows as even as that many rows can be), its size as estimated, and whether it is
    drawn lean: when only one column of its units fits, they are drawn without the undercuts
    on them (each in full in the figure of the unit it undercuts), so that two columns do.
    None when one row holds them all, when only one column fits even so (the lines of a
    column passing beside it would take more room than its claims), or when the rows are
    too tall for the budget."""
    found = _overview(name, shape, sizes, budget, lean=False)
    if found is None and any(b is not None and b.attacks for b in shape.units[name]):
        found = _overview(name, shape, sizes, budget, lean=True)
    return found


def _overview(
    name: str, shape: Shape, sizes: Sizes, budget: Budget, *, lean: bool
) -> tuple[Rows, tuple[float, float], bool] | None:
    units = [
        (unit, _unit(branch, sizes, lean))
        for unit, branch in enumerate(shape.units[name])
        if branch is not None
    ]
    top = sizes.full[name]
    columns = len(units)
    while columns > 1 and not budget.holds_size(*_size(units, columns, top, sizes.rank_gap)):
        columns -= 1
    if columns == len(units) or columns < 2:
        return None  # one row holds them; or a column of them would be no overview
    columns = math.ceil(len(units) / math.ceil(len(units) / columns))  # rows as even as can be
    size = _size(units, columns, top, sizes.rank_gap)
    if budget.height is not None and size[1] > budget.height:
        return None
    numbers = [unit for unit, _ in units]
    rows = tuple(tuple(numbers[i : i + columns]) for i in range(0, len(numbers), columns))
    return rows, size, lean


def answers(shape: Shape) -> set[str]:
    """The claims a lean overview leaves out: those that only undercut a unit of the thesis
    (each in full in the figure of the unit it undercuts)."""
    assert shape.thesis is not None
    units = [branch for branch in shape.units[shape.thesis] if branch is not None]
    members = {member for branch in units for member in branch.members}
    under = {claim for branch in units for attack in branch.attacks for claim in _all(attack)}
    return under - members


def _all(branch: Branch) -> list[str]:
    return [*branch.members, *(claim for attack in branch.attacks for claim in _all(attack))]


__all__ = ["GAP", "Rows", "answers", "overview"]
