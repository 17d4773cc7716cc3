"""Figures whose text comes out below the least readable → the note that says so (a
:class:`~argmap.diagnostics.FitWarning`, once for all of them), and what would draw them larger:
a poster page, the pages turned, a wider column, a part of the map."""

from __future__ import annotations

import warnings

from argmap.analysis.evaluate import Evaluation
from argmap.diagnostics import FitWarning, joined
from argmap.draw.fit import Drawn
from argmap.draw.handout import handout
from argmap.draw.poster import readable_on
from argmap.draw.style import targets
from argmap.model import ArgumentMap


def poster_remedy(sizes: list[tuple[float, float]], least: float | None) -> str:
    """What draws a poster's map readable: the smallest poster page that does, else a part."""
    found = readable_on(sizes, targets(least)["claim"][1])
    if found is None:
        return "--focus on a part draws it larger"
    page, landscape = found
    return f"--page {page}{' --landscape' if landscape else ''} prints it readable"


def too_small(scale: float, least: float | None = None) -> bool:
    """Whether a figure shown at ``scale`` has text below the sizes aimed at (claim text
    ``least``: :func:`~argmap.draw.style.targets`)."""
    return any(size * scale < floor - 0.005 for size, floor in targets(least).values())


def turned(
    amap: ArgumentMap,
    page: str,
    landscape: bool,
    legend: bool,
    evaluation: Evaluation | None,
    least: float | None = None,
) -> str:
    """What to do when a handout has figures too big for its pages: the pages turned the other
    way, when every figure's text is readable on them; else a part of the map."""
    scales = handout(amap, page, not landscape, legend=legend, evaluation=evaluation,
                     least=least)[1]  # fmt: skip
    if any(too_small(scale, least) for scale in scales):
        return "--focus on a part draws it larger"
    turned = "upright (without --landscape)" if landscape else "in landscape (--landscape)"
    return f"printed {turned}, every figure's text is readable"


def say_small(
    small: list[tuple[Drawn, float]],
    total: int,
    unit: str,
    where: str,
    remedy: str = "a wider column, or --focus on a part, draws it larger",
    least: float | None = None,
    why: str = " (a step with more claims side by side, or a branch with more levels, than "
    "that holds)",
) -> None:
    """Warn once (:class:`~argmap.diagnostics.FitWarning`) of the figures shown at scales
    (units of ``unit`` a point) that make their text smaller than the sizes aimed at: the fit
    could cut them no smaller. ``remedy``: what draws them larger."""
    if not small:
        return
    size, least = targets(least)["claim"]

    def said(scale: float) -> str:
        return f"{size * scale:.2f}".rstrip("0").rstrip(".")  # 8.96, not a rounded 9.0

    if total == 1:
        name, comes = "the map is", f"its claim text comes out at {said(small[0][1])}"
    elif len(small) == 1:
        name = f"figure {small[0][0].figure.number} of {total} is"
        comes = f"its claim text comes out at {said(small[0][1])}"
    else:
        numbers = joined([str(d.figure.number) for d, _ in small])
        scales = sorted(scale for _, scale in small)
        name = (
            f"all {total} figures are"
            if len(small) == total
            else f"figures {numbers} of {total} are"
        )
        comes = f"their claim text comes out at {said(scales[0])} to {said(scales[-1])}"
    warnings.warn(FitWarning(
        f"{name} too big for {where}: {comes} {unit}, not {least:g}{why}; {remedy}"),
        stacklevel=2)  # fmt: skip


__all__ = ["poster_remedy", "say_small", "too_small", "turned"]
