"""A map + a poster's paper (``render -f pdf --page a0``) → one PDF page with the whole map on
it, as large as the page holds inside its margins: enlarged (a map drawn whole is about 12-pt
claim text; on A0 it may be 40 pt), where figures for documents are never enlarged.

Before, ``--page`` knew a4 and letter only, and ``--fit 2384pt`` kept a map at its own width:
a poster was the map at 12 pt in a corner of the sheet.
"""

from __future__ import annotations

from argmap.analysis.evaluate import Evaluation
from argmap.draw import pdf
from argmap.draw.fit import MARGIN, page_box
from argmap.draw.graph import Look
from argmap.draw.options import POSTER_NAMES
from argmap.draw.style import CLAIM_SIZE, Measures
from argmap.draw.whole import ORDERED_MAX_CLAIMS, drawing
from argmap.model import ArgumentMap

#: Paper that ``--page`` draws a poster on: the whole map, enlarged to fill it.
POSTERS = POSTER_NAMES
#: Characters a line of claim text in the layouts a poster tries: the narrowest a fitted
#: figure takes, a whole map's, and wider (a map taller or wider than the page is).
LINES = (18, 26, 36)
#: Maps of more claims are drawn in one layout only, as ``argmap render`` draws them.
TRIED_MAX_CLAIMS = ORDERED_MAX_CLAIMS


def poster(
    amap: ArgumentMap,
    page: str,
    landscape: bool = False,
    *,
    legend: bool = True,
    evaluation: Evaluation | None = None,
    theme: str = "light",
    titled: bool = True,
) -> tuple[float, bytes, list[tuple[float, float]]]:
    """The scale the whole map is printed at on ``page`` (its claim text is
    :data:`~argmap.draw.style.CLAIM_SIZE` times that), the PDF of the page, and the size of
    each layout tried: of the layouts with claim text in lines of :data:`LINES` characters,
    the one that comes out largest, as large as the page holds inside its margins."""
    paper_w, paper_h, _, _ = page_box(page, landscape)
    lines = LINES if len(amap.claims) <= TRIED_MAX_CLAIMS else (Measures().claim,)
    drawings = []
    for claim in lines:
        look = Look.of(amap, legend=legend, evaluation=evaluation, titled=titled,
                       measures=Measures.of(claim))  # fmt: skip
        drawings.append(drawing(amap, look, "pdf", theme))
    sizes = [pdf.size(drawn) for drawn in drawings]
    scales = [largest(size, page, landscape) for size in sizes]
    best = max(range(len(scales)), key=lambda n: (scales[n], -n))  # the first of the largest
    document = pdf.document([drawings[best]], amap.title, paper=(paper_w, paper_h),
                            margin=MARGIN, scale=scales[best])  # fmt: skip
    return scales[best], document, sizes


def largest(size: tuple[float, float], page: str, landscape: bool = False) -> float:
    """The scale a drawing of ``size`` (points) fills ``page`` at, inside its margins.

    >>> round(largest((1000, 500), "a3"), 3), round(largest((1000, 500), "a3", True), 3)
    (0.77, 1.119)
    """
    _, _, inner_w, inner_h = page_box(page, landscape)
    return min(inner_w / size[0], inner_h / size[1])


def readable_on(sizes: list[tuple[float, float]], least: float) -> tuple[str, bool] | None:
    """The smallest poster page (and whether in landscape) on which a layout of one of
    ``sizes`` comes out with claim text of at least ``least``; None when no page does.

    >>> readable_on([(2000, 1000)], 9), readable_on([(2000, 1000)], 12)
    (('a2', True), ('a1', True))
    """
    for page in POSTERS:
        for landscape in (False, True):
            if any(claim_text(largest(size, page, landscape)) >= least for size in sizes):
                return page, landscape
    return None


def claim_text(scale: float) -> float:
    """The size claim text comes out at, printed at ``scale``.

    >>> claim_text(2.5)
    30.0
    """
    return CLAIM_SIZE * scale


__all__ = ["POSTERS", "claim_text", "poster"]
