"""A map + a paper size → one PDF of printed pages to hand out (``render -f pdf --page a4``):
the figures headed by their numbers alone; each page headed once, by the map's title (the first
also by its source) and one legend of all that the map draws, printed at the least scale (its
words as small as the figures' may be); the figures at one scale, the
largest that puts them on the fewest pages with text no smaller than the floor (claim text 9 pt,
the rest 7 pt: three quarters of the size they are drawn at).

Each figure used to carry its own title and legend, and the figures were printed at the largest
scale that fitted the page: a 17-claim map took 3 A4 pages for 6 figures, and the seed map 6
pages for 7 figures, every figure under the map's title and a legend.
"""

from __future__ import annotations

import attrs
import graphviz

from argmap.analysis.carve import Budget
from argmap.analysis.evaluate import Evaluation
from argmap.analysis.figures import whole
from argmap.analysis.shape import Shape
from argmap.draw import engine, pdf
from argmap.draw.fit import MARGIN, Fitted, fit, page_box, widest
from argmap.draw.graph import Look, figure_graph, whole_shape
from argmap.draw.sheets import GAP, fewest, sheets
from argmap.draw.style import GRAPH_ATTRS, TARGETS, targets
from argmap.draw.themes import themed_dot
from argmap.model import ArgumentMap

#: The least scale a figure is printed at: its claim text at 9 pt (drawn at 12), the rest at
#: 7.5 pt (drawn at 10) or more.
FLOOR = max(least / size for size, least in TARGETS.values())
#: The figures are fitted to the page's height, and to a half and a third of it (less the gaps
#: between them), and printed as the fit that takes the fewest pages (of those, the fewest
#: figures) made them: figures that take most of a page leave the rest of it blank. A fit
#: with text below the floor counts only when none is readable.
SHARES = (1, 2, 3)


def head_dot(amap: ArgumentMap, shape: Shape, look: Look, first: bool) -> str:
    """The DOT of a page's head: the map's title (on the ``first`` page, its source under it)
    and the legend of what the whole map draws, as the whole map's heading sets them (a graph
    of no nodes)."""
    figure = attrs.evolve(whole(shape), number=1 if first else 2)  # the source: figure 1's
    label = figure_graph(amap, shape, figure, look)[0].graph_attr["label"]
    return graphviz.Digraph(name="argmap", graph_attr={**GRAPH_ATTRS, "label": label}).source


def handout(
    amap: ArgumentMap,
    page: str,
    landscape: bool = False,
    *,
    legend: bool = True,
    evaluation: Evaluation | None = None,
    theme: str = "light",
    titled: bool = True,
    least: float | None = None,
) -> tuple[Fitted, list[float], bytes]:
    """The map's figures fitted to ``page`` under a head (with the map's title and source
    when ``titled``), claim text at least ``least`` (None: 9 pt), the scale each is printed
    at, and the PDF of the pages (:func:`argmap.draw.pdf.document`)."""
    paper_w, paper_h, inner_w, inner_h = page_box(page, landscape)
    floor = max(f / size for size, f in targets(least).values())  # FLOOR at 9 pt
    shape = whole_shape(amap)
    look = Look.of(amap, legend=legend, evaluation=evaluation, room=widest(inner_w, least),
                   titled=titled)  # fmt: skip
    heads = [engine.render(themed_dot(head_dot(amap, shape, look, first), theme), "pdf")
             for first in (True, False) if titled or legend]  # fmt: skip
    if len(heads) == 2 and heads[0] == heads[1]:
        heads.pop()
    tall = [pdf.size(head)[1] * floor for head in heads]  # as printed
    paper, best = (paper_w, paper_h), None
    for parts in SHARES:  # figures as tall as a page, half a page, a third
        room = (inner_h - GAP - max(tall, default=-GAP) - GAP * (parts - 1)) / parts
        budget = Budget(widest(inner_w, least), room / floor)
        fitted = fit(amap, budget, legend=False, evaluation=evaluation, keep=True, titled=False,
                     alone=False, handout=True)  # fmt: skip
        sizes = [(d.width, d.height) for d in fitted.drawn]
        start = min(1.0, inner_w / max(min(w, budget.width) for w, _ in sizes))
        limits = [min(start, inner_w / w, (inner_h - GAP - max(tall, default=-GAP)) / h)
                  for w, h in sizes]  # fmt: skip
        scale = fewest(sizes, limits, paper, MARGIN, floor=floor, start=start, heads=tall)
        placed = sheets(sizes, [min(scale, limit) for limit in limits], paper, MARGIN, heads=tall)
        scales = [p.scale for p in sorted((p for sheet in placed for p in sheet),
                                          key=lambda p: p.index)]  # fmt: skip
        # A fit whose figures are printed below the floor only if none is readable: the fit
        # for a third of a page may be the whole map, one page of unreadable text.
        key = (-min(min(scales), floor), len(placed), len(sizes), -scale)
        if best is None or key < best[0]:
            best = key, fitted, scales
    assert best is not None
    _, fitted, scales = best
    pages = [fitted.draw(d, "pdf", theme=theme) for d in fitted.drawn]
    document = pdf.document(pages, amap.title, paper=(paper_w, paper_h), margin=MARGIN,
                            scale=scales, heads=heads, head_scale=floor)  # fmt: skip
    return fitted, scales, document


__all__ = ["FLOOR", "handout", "head_dot"]
