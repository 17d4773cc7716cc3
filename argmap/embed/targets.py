"""Documentation systems and their outputs → the column a map's figures fit there by default
(a :class:`~argmap.embed.figures.Target`), as each system's default look has it.

The columns were measured: HTML ones in Chromium (the width a figure gets in a window 1280 CSS
px wide), LaTeX ones from ``\\the\\textwidth`` and ``\\the\\textheight`` in the log of a real
build (converted from TeX's points to the 72 an inch of PDF and CSS). A figure for paper is
at most the text's height too, so that LaTeX never shrinks it to fit a page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from argmap.diagnostics import UsageError
from argmap.draw.options import Fit
from argmap.embed.figures import Target
from argmap.embed.options import AUTO, OptionError, read_fit

#: Resolution of the PNG figures of word processors: sharp in print.
PRINT_DPI = 300
#: TeX's points in a point of PDF and CSS (72.27 an inch against 72).
TEX_PT = 72 / 72.27

#: Pandoc 2's standalone HTML: its default template's column (``max-width: 36em`` of its
#: 20-px text, less a figure's margins).
PANDOC_HTML = Target("svg", Fit(640))
#: Pandoc 3's (Quarto's Pandoc): the same ``36em``, of the browser's 16-px text, since its
#: template sets no font size.
PANDOC3_HTML = Target("svg", Fit(496))
#: Quarto's HTML: its stylesheet's body column, ``minmax(500px, calc(800px - 3em))`` of its
#: 17-px type (``$grid-body-width`` less its 1.5em gutters), 749 CSS px wide from windows of
#: about 1300 px. Read from Quarto's stylesheet, not measured: Quarto could not be installed
#: where this was written (its PyPI package downloads it from GitHub).
QUARTO_HTML = Target("svg", Fit(749))
#: What a figure's caption takes below it on a LaTeX page (``\abovecaptionskip`` and two
#: lines of 10-pt text: 37 TeX pt, measured as LaTeX's "Float too large for page by 24.5pt"
#: for one line): a figure for a page's text is at most its height less this, so that the
#: figure and its caption fit the page rather than running over its foot.
CAPTION_ROOM = round(37 * TEX_PT, 2)


def latex_text(width: float, height: float) -> Target:
    """The target of LaTeX's text ``width`` by ``height`` (points of 72 an inch): PDF figures
    as wide as the text at most, and their captions' room less tall.

    >>> str(latex_text(468, 648))
    'pdf fitted to 468x611.14pt'
    """
    room = min(CAPTION_ROOM, height / 2)  # a page of a few lines keeps half for its figure
    return Target("pdf", Fit(round(width, 2), True, round(height - room, 2)))


#: Pandoc's LaTeX: the article class at 10 pt, as Pandoc's template uses it without
#: ``geometry``: ``\textwidth`` 345 pt, ``\textheight`` 550 pt.
PANDOC_LATEX = latex_text(345 * TEX_PT, 550 * TEX_PT)
#: Pandoc's DOCX: 420 pt, the width Pandoc fits images to when the reference document names
#: no page (its own does not); as tall as a letter page's text less a caption.
PANDOC_DOCX = Target("png", Fit(420, True, 600), dpi=PRINT_DPI)
#: Pandoc's other outputs (ODT, PowerPoint, EPUB's PNG…): as DOCX.
PANDOC_OTHER = PANDOC_DOCX

#: MkDocs' own theme (``mkdocs``): its content column in windows 1200 to 1399 px wide
#: (Bootstrap's ``col-md-9`` of a 1140-px container, less its padding); 696 px from 992 to
#: 1199, 966 px from 1400.
MKDOCS = Target("svg", Fit(831))

#: Sphinx's HTML with a theme argmap does not know the column of.
SPHINX_HTML_OTHER = Target("svg", Fit(640))
#: Paper sizes Sphinx's LaTeX takes (``latex_elements["papersize"]``), in points, and the
#: margins of its ``geometry`` (``hmargin`` and ``vmargin``: 1 in).
PAPERS = {
    "letterpaper": (612.0, 792.0),
    "a4paper": (595.28, 841.89),
    "a5paper": (419.53, 595.28),
    "b5paper": (498.9, 708.66),
    "legalpaper": (612.0, 1008.0),
    "executivepaper": (522.0, 756.0),
}
SPHINX_MARGIN = 72.0
_PX = re.compile(r"\s*(\d+(?:\.\d+)?)\s*px\s*")


def _px(value: Any) -> float | None:
    found = _PX.fullmatch(str(value))
    return float(found.group(1)) if found else None


def alabaster_column(options: Mapping[str, Any]) -> float | None:
    """The width (CSS px) a figure has in alabaster's body, from the theme's options: the page
    less the sidebar, the body's padding (30 px a side) and the figure's margins (0.5em a
    side); None when a width is not in px.

    >>> alabaster_column({"page_width": "940px", "sidebar_width": "220px", "font_size": "17px"})
    643.0
    """
    page = _px(options.get("page_width", "940px"))
    sidebar = _px(options.get("sidebar_width", "220px"))
    font = _px(options.get("font_size", "17px"))
    if page is None or sidebar is None or font is None:
        return None
    body = page - sidebar - 60
    most = _px(options.get("body_max_width", "800px"))
    if most is not None:
        body = min(body, most)
    return body - font


def sphinx_html(theme: str, options: Mapping[str, Any]) -> Target:
    """The target of Sphinx's HTML builders with ``theme`` and its ``options``."""
    column = alabaster_column(options) if theme == "alabaster" else None
    return Target("svg", Fit(column)) if column else SPHINX_HTML_OTHER


def sphinx_latex(papersize: str) -> Target:
    """The target of Sphinx's LaTeX builder on ``papersize`` (its ``latex_elements``): the text
    width and height within its 1-inch margins (letter paper: 468 by 648 pt), less a caption's
    room in height.

    >>> str(sphinx_latex("letterpaper")), str(sphinx_latex("a4paper"))
    ('pdf fitted to 468x611.14pt', 'pdf fitted to 451.28x661.03pt')
    """
    width, height = PAPERS.get(papersize or "letterpaper", PAPERS["letterpaper"])
    return latex_text(width - 2 * SPHINX_MARGIN, height - 2 * SPHINX_MARGIN)


def configured(target: Target, value: Any, where: str) -> Target:
    """``target`` with the column a configuration gives for it (``auto``, ``none``, a number
    of px or a width on paper), named ``where`` in a message when it cannot be read. For
    LaTeX (PDF figures) a height is the text's, ``\textheight``: figures leave their
    captions' room in it, as :func:`latex_text` has them."""
    if value is None:
        return target
    try:
        fit = read_fit(str(value))
    except (OptionError, UsageError) as exc:
        raise UsageError(f"{where}: {exc}") from None
    if fit == AUTO:
        return target
    assert not isinstance(fit, str)
    if target.fmt == "pdf" and fit is not None and fit.height is not None:
        return latex_text(fit.width, fit.height)
    return Target(target.fmt, fit, target.dpi)


__all__ = [
    "CAPTION_ROOM",
    "MKDOCS",
    "PANDOC3_HTML",
    "PANDOC_DOCX",
    "PANDOC_HTML",
    "PANDOC_LATEX",
    "PANDOC_OTHER",
    "PAPERS",
    "PRINT_DPI",
    "QUARTO_HTML",
    "SPHINX_HTML_OTHER",
    "alabaster_column",
    "configured",
    "latex_text",
    "sphinx_html",
    "sphinx_latex",
]
