"""A map + a column + a least claim text below the default (``--min-text-size 8``) → the
figures fitted with the fewest of them (:func:`fewest`): the split is a heuristic, and one made
for a larger least text can come out in fewer figures than one made for a smaller, so the
larger whole sizes are tried too; a lower least text never gives more figures than a whole
size above it (nor than the default, 9)."""

from __future__ import annotations

import math
from typing import Any

from argmap.draw.fit import Fitted, budget_for, fit
from argmap.draw.options import Fit
from argmap.draw.style import LEAST_CLAIM
from argmap.model import ArgumentMap


def tried(least: float | None) -> list[float | None]:
    """The least claim text sizes fitted for ``least``: itself, then each whole size above it
    up to the default (None: the default alone).

    >>> tried(None), tried(9), tried(7.5), tried(12)
    ([None], [None], [7.5, 8, 9], [12])
    """
    if least is None or least == LEAST_CLAIM:
        return [None]
    above = range(math.floor(least) + 1, int(LEAST_CLAIM) + 1)
    return [least, *above]


def fewest(amap: ArgumentMap, column: Fit, least: float | None, **options: Any) -> Fitted:
    """The map fitted to ``column`` (:func:`argmap.draw.fit.fit` with ``options``) for each
    of :func:`tried`'s sizes: the fit of fewest figures, of those the one for the larger
    text."""
    best: tuple[tuple[int, float], Fitted] | None = None
    for size in tried(least):
        budget = budget_for(column.width, height=column.height, least=size)
        fitted = fit(amap, budget, **options)
        key = (len(fitted.drawn), -(size or LEAST_CLAIM))
        if best is None or key < best[0]:
            best = key, fitted
    assert best is not None
    return best[1]


__all__ = ["fewest", "tried"]
