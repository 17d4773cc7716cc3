"""Figures' sizes + the budget they were fitted to → how large their text comes out where the
budget is for, as a share of the least readable (:func:`legibility`): what the fit weighs when it
chooses between a split and the whole map. Pure arithmetic."""

from __future__ import annotations

from argmap.analysis.carve import Budget


def legibility(sizes: list[tuple[float, float]], budget: Budget) -> float:
    """How large the smallest text of figures of ``sizes`` (width, height in points) comes
    out where ``budget`` is for, as a share of the least readable (1: claim text 9 px in a
    column, 9 pt on paper): all at one scale, the widest (as the budget allows it) filling
    the column, and a figure wider or taller than the budget made smaller to fit
    (:func:`common_scale`, :func:`print_scale`; neither enlarges past the natural size, a cap
    that only meets figures already readable).

    >>> legibility([(480, 300)], Budget(960)), legibility([(960, 300), (1200, 300)], Budget(960))
    (2.0, 0.8)
    >>> legibility([(370, 366)], Budget(400, 204))  # a 3-claim map split for a short box
    0.557...
    """
    widest_kept = max((min(w, budget.width) for w, _ in sizes), default=budget.width)
    least = budget.width / widest_kept
    for w, h in sizes:
        least = min(least, budget.width / max(w, 1.0))
        if budget.height is not None:
            least = min(least, budget.height / max(h, 1.0))
    return least


__all__ = ["legibility"]
