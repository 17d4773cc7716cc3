"""A map + the render options that pick a part of it (``focus``, ``depth``, ``side``) → the
part a drawing shows, and the whole map's verdicts on it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from argmap.analysis.evaluate import Evaluation, evaluate
from argmap.analysis.focus import DEFAULT_DEPTH, focus
from argmap.analysis.sides import side
from argmap.diagnostics import Diagnostic, UsageError
from argmap.model import ArgumentMap


def drawn_part(
    amap: ArgumentMap,
    *,
    center: str | None = None,
    depth: int | None = None,
    role: str | None = None,
    status: bool = False,
    left_out: Mapping[str, Sequence[Diagnostic]] | None = None,
) -> tuple[ArgumentMap, Evaluation | None]:
    """The part of ``amap`` to draw: the claims within ``depth`` steps of ``center``
    (:func:`~argmap.analysis.focus.focus`), or ``role``'s side of a debate
    (:func:`~argmap.analysis.sides.side`), or the whole map; and, with ``status``, for a
    part, the whole map's verdicts on its claims (attacks from outside the part count), None
    when the drawing judges the part itself. ``left_out``: the claims of the file a draft
    leaves out, with their errors, by id (a focus on one says so).

    Raises:
        UsageError: a depth without a center, both a center and a side, or what
            :func:`~argmap.analysis.focus.focus` and :func:`~argmap.analysis.sides.side` raise.
    """
    if depth is not None and center is None:
        raise UsageError("a depth counts steps from the claim in focus; give a focus too")
    if role is not None and center is not None:
        raise UsageError(
            "a side and a focus each draw a part of the map: give one of side and focus"
        )
    part = amap
    if center is not None:
        part = focus(amap, center, DEFAULT_DEPTH if depth is None else depth, left_out)
    if role is not None:
        part = side(amap, role)
    if not status or part is amap:
        return part, None
    return part, evaluate(amap).within(claim.id for claim in part.claims)


__all__ = ["drawn_part"]
