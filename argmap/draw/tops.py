"""What is drawn over a figure's top claims: the DOT lines that rank them (:func:`top_ranks`)
and the figure's heading (:func:`figure_heading`). A top's ``used in`` / ``continued from``
stub is drawn above it; on a slide, a box short for its width, the stub's rank (the stub and
the gap under it, some 45 points of a 250-point frame) is what a claim and its reasons lack to
be drawn at 9 pt, so :func:`argmap.draw.retries.relined` also tries the stub beside the claim
(``beside``: the frame's width has room for it) and, for a figure of one top, said on the
heading's line (``heading``: ``FIGURE 5 OF 27 · continued from figure 2``)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from graphviz.quoting import quote

from argmap.analysis.figures import Figure
from argmap.analysis.shape import Shape
from argmap.draw.heading import FIGURE_KEYS, heading
from argmap.model import ArgumentMap

#: Where a figure's tops' stubs go (:attr:`argmap.draw.graph.Look.stubs`).
PLACES = ("above", "beside", "heading")


def stubs_of(figure: Figure) -> dict[str, str]:
    """Each top of ``figure`` with a stub over it → that stub's node (as
    :func:`argmap.draw.graph.figure_graph` names it)."""
    found = {top: f"from--{top}" for top in figure.continued_from}
    found.update({top: f"used--{top}" for top, users in figure.used_in.items() if users})
    return {top: found[top] for top in figure.tops if top in found}


def headed(figure: Figure) -> str | None:
    """The top of a figure of one top, whose stub its heading can say instead; None: none,
    or several tops."""
    found = stubs_of(figure)
    return next(iter(found)) if len(figure.tops) == 1 and found else None


def top_ranks(shape: Shape, figure: Figure, tops: list[str], aside: bool = False) -> list[str]:
    """DOT lines that set the thesis on top (when it tops ``figure`` and supports or attacks
    nothing), else ``tops`` on one rank when there are several; ``aside``: each top's stub on
    its rank (the thesis's with it on top)."""
    thesis = shape.thesis
    on_top = thesis in figure.tops and not any(
        part.claim == thesis for found in shape.parts.values() for part in found
    )
    sink = thesis if on_top else None
    lines = [
        f"\t{{rank={'sink' if top == sink else 'same'}; {quote(top)}; {quote(stub)}}}\n"
        for top, stub in (stubs_of(figure).items() if aside else ())
    ]
    if sink is not None:
        lines.append(f"\t{{rank=sink; {quote(sink)}}}\n")
    elif len(tops) > 1:
        lines.append("\t{rank=same; " + "; ".join(map(quote, tops)) + "}\n")
    return lines


def figure_heading(
    amap: ArgumentMap,
    figure: Figure,
    used: Collection[str],
    look: Any,
    number: Callable[[int], str],
) -> str:
    """The heading of ``figure`` drawn in ``look`` (a :class:`~argmap.draw.graph.Look`),
    with the legend of what it ``used``, its figure numbers written by ``number``; with its top's
    stub on the number's line when ``look.stubs`` is ``heading``."""
    line, words = "", look.words
    if look.total > 1:
        line = words(FIGURE_KEYS[look.first is None], n=number(figure.number),
                     total=number(look.total))  # fmt: skip
        said = headed(figure) if look.stubs == "heading" else None
        if said is not None and figure.used_in.get(said):
            line += " · " + words.figures("used in", [number(n) for n in figure.used_in[said]])
        elif said is not None:
            line += " · " + words("continued from", n=number(figure.continued_from[said]))
    return heading(amap, used if look.legend else None, line, room=look.room,
                   legend_room=look.legend_room, titled=look.titled, words=words,
                   source=figure.number == 1 and look.titled, draft=look.draft)  # fmt: skip


__all__ = ["PLACES", "figure_heading", "headed", "stubs_of", "top_ranks"]
