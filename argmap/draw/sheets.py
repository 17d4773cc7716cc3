"""Figures of some sizes + a sheet of paper → where each goes on which sheet: in reading order,
side by side while a row holds them, rows down the sheet (:func:`sheets`). Pure arithmetic."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import attrs

#: The space between two figures on a page, in points.
GAP = 24.0


@attrs.frozen
class Placed:
    """A figure on a sheet of paper: which one, its scale and its lower left corner."""

    index: int
    scale: float
    x: float
    y: float


class _Cell(NamedTuple):
    """A figure as a sheet holds it: which one, its scale, and its size at that scale."""

    index: int
    scale: float
    width: float
    height: float


def _across(row: list[_Cell], gap: float) -> float:
    """How wide a row of figures is, ``gap`` between each two."""
    return sum(cell.width for cell in row) + gap * (len(row) - 1)


def _tallest(row: list[_Cell]) -> float:
    return max(cell.height for cell in row)


def sheets(
    sizes: Sequence[tuple[float, float]],
    scales: Sequence[float],
    paper: tuple[float, float],
    margin: float,
    gap: float = GAP,
    heads: Sequence[float] = (),
) -> list[list[Placed]]:
    """Figures of ``sizes`` (points) at ``scales`` set on sheets of ``paper`` in reading order:
    side by side while a row inside ``margin`` holds them, rows one under another from the
    top, ``gap`` apart, each row centred across and its figures' tops in line; a figure that
    does not fit under the last row starts a sheet, and one bigger than the sheet inside
    ``margin`` is scaled down to fit it. ``heads``: the height (points, as printed) a head
    takes on top of the first sheet, and of each further one (the last given), ``gap`` over
    the figures.

    >>> [[p.index for p in sheet] for sheet in sheets([(100, 300), (100, 300), (100, 200)],
    ...                                                [1, 1, 1], (200, 700), 50)]
    [[0], [1, 2]]
    >>> [[(p.index, p.x, p.y) for p in sheet] for sheet in sheets([(80, 300), (80, 200)],
    ...                                                            [1, 1], (200, 700), 10, 20)]
    [[(0, 10.0, 390), (1, 110.0, 490)]]
    """
    inner = (paper[0] - 2 * margin, paper[1] - 2 * margin)
    sheets_: list[list[list[_Cell]]] = []  # sheets of rows of figures

    def head(sheet: int) -> float:
        """The room the head of sheet ``sheet`` takes, with the gap under it."""
        return heads[min(sheet, len(heads) - 1)] + gap if heads else 0

    room = inner[1] - max(head(0), head(1))  # the most any figure may be tall
    used = 0.0  # the height the sheet's head and rows above the last take, with their gaps
    for index, ((width, height), scale) in enumerate(zip(sizes, scales, strict=True)):
        shrink = min(scale, inner[0] / width, room / height)
        cell = _Cell(index, shrink, width * shrink, height * shrink)
        row = sheets_[-1][-1] if sheets_ else []
        if (
            row
            and _across([*row, cell], gap) <= inner[0] + 0.01
            and (used + _tallest([*row, cell]) <= inner[1] + 0.01)
        ):
            row.append(cell)
            continue
        if row:
            used += _tallest(row) + gap
        if not sheets_ or used + cell.height > inner[1] + 0.01:
            sheets_.append([])
            used = head(len(sheets_) - 1)
        sheets_[-1].append([cell])
    found = []
    for number, sheet in enumerate(sheets_):
        placed, top = [], paper[1] - margin - head(number)
        for row in sheet:
            x = (paper[0] - _across(row, gap)) / 2
            for cell in row:
                placed.append(Placed(cell.index, cell.scale, x, top - cell.height))
                x += cell.width + gap
            top -= _tallest(row) + gap
        found.append(placed)
    return found


#: Steps in which :func:`fewest` tries scales.
STEP = 0.001


def fewest(
    sizes: Sequence[tuple[float, float]],
    limits: Sequence[float],
    paper: tuple[float, float],
    margin: float,
    *,
    floor: float,
    heads: Sequence[float] = (),
    gap: float = GAP,
    start: float | None = None,
) -> float:
    """The scale to print figures of ``sizes`` at (each at most its own ``limits``), under the
    ``heads`` of the sheets (points, as printed: :func:`sheets`), so that they take as
    few sheets as any scale from ``start`` (else the largest of ``limits``) down to ``floor``
    gives: the largest that does (:func:`sheets`). Below the floor text would be too small.

    >>> fewest([(400, 300)] * 3, [1.0] * 3, (500, 760), 0, floor=0.5)  # 2 sheets at 1: 1 at
    0.791
    """
    top = max(limits, default=1.0) if start is None else start
    best, least = top, None
    for step in range(max(0, round((top - floor) / STEP)) + 1):
        scale = round(top - step * STEP, 6)
        count = len(sheets(sizes, [min(scale, limit) for limit in limits], paper, margin, gap,
                           heads))  # fmt: skip
        if least is None or count < least:
            best, least = scale, count
    return best


__all__ = ["GAP", "STEP", "Placed", "fewest", "sheets"]
