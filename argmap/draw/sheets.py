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
) -> list[list[Placed]]:
    """Figures of ``sizes`` (points) at ``scales`` set on sheets of ``paper`` in reading order:
    side by side while a row inside ``margin`` holds them, rows one under another from the
    top, ``gap`` apart, each row centred across and its figures' tops in line; a figure that
    does not fit under the last row starts a sheet, and one bigger than the sheet inside
    ``margin`` is scaled down to fit it.

    >>> [[p.index for p in sheet] for sheet in sheets([(100, 300), (100, 300), (100, 200)],
    ...                                                [1, 1, 1], (200, 700), 50)]
    [[0], [1, 2]]
    >>> [[(p.index, p.x, p.y) for p in sheet] for sheet in sheets([(80, 300), (80, 200)],
    ...                                                            [1, 1], (200, 700), 10, 20)]
    [[(0, 10.0, 390), (1, 110.0, 490)]]
    """
    inner = (paper[0] - 2 * margin, paper[1] - 2 * margin)
    sheets_: list[list[list[_Cell]]] = []  # sheets of rows of figures
    used = 0.0  # the height the sheet's rows above the last take, with their gaps
    for index, ((width, height), scale) in enumerate(zip(sizes, scales, strict=True)):
        shrink = min(scale, inner[0] / width, inner[1] / height)
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
            used = 0.0
        sheets_[-1].append([cell])
    found = []
    for sheet in sheets_:
        placed, top = [], paper[1] - margin
        for row in sheet:
            x = (paper[0] - _across(row, gap)) / 2
            for cell in row:
                placed.append(Placed(cell.index, cell.scale, x, top - cell.height))
                x += cell.width + gap
            top -= _tallest(row) + gap
        found.append(placed)
    return found


__all__ = ["GAP", "Placed", "sheets"]
