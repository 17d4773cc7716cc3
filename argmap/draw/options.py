"""What a drawing is asked for: the formats, the themes, and the options that change a drawing."""

from __future__ import annotations

from typing import Any

import attrs

from argmap.draw.themes import THEMES

#: Formats Graphviz draws (``dot`` is the source itself), by name and file extension.
ENGINE_FORMATS = ("svg", "png", "pdf", "dot")
#: Output formats of ``render``: Graphviz's, and the HTML view.
FORMATS = (*ENGINE_FORMATS, "html")
#: The format drawn when neither ``-f`` nor the output's extension names one.
DEFAULT_FORMAT = "svg"
#: Paper sizes of ``--page`` (PDF only).
PAGE_NAMES = ("a4", "letter")
#: Formats that ``--fit`` splits into figures (a PDF a figure), and the HTML view, whose
#: initial zoom it sets.
FIT_FORMATS = ("svg", "png", "pdf", "dot", "html")
#: Colour themes, and the one drawn without ``--theme``.
THEME_NAMES = tuple(THEMES)
DEFAULT_THEME = "light"
#: The resolution of a PNG drawn without ``--dpi``: 1.5 times Graphviz's 96, sharp on
#: high-density screens and paper.
DEFAULT_DPI = 144


@attrs.frozen
class DrawOptions:
    """Every option that changes a drawing, besides its format.

    ``theme`` colours it (:data:`THEME_NAMES`), ``width`` is a CSS length written into an
    SVG, ``id_prefix`` goes before every id of an SVG or HTML page, ``status`` shows which
    claims stand, ``focus`` draws only the claims within ``depth`` steps of that claim, and
    ``dpi`` is a PNG's resolution (None: :data:`DEFAULT_DPI`). ``fit`` (CSS px) lays the map
    out for a column of that width, split into figures when one cannot be read there;
    ``page`` (:data:`PAGE_NAMES`, ``landscape`` or not) does the same for printed pages of a
    PDF; ``legend`` draws each figure's legend.
    """

    theme: str = DEFAULT_THEME
    width: str | None = None
    id_prefix: str = ""
    status: bool = False
    focus: str | None = None
    depth: int | None = None
    dpi: int | None = None
    fit: int | None = None
    page: str | None = None
    landscape: bool = False
    legend: bool = True

    def key(self) -> dict[str, Any]:
        """The options as plain data, for the batch cache's record of a drawing."""
        return attrs.asdict(self)


__all__ = [
    "DEFAULT_DPI",
    "DEFAULT_FORMAT",
    "DEFAULT_THEME",
    "ENGINE_FORMATS",
    "FIT_FORMATS",
    "FORMATS",
    "PAGE_NAMES",
    "THEME_NAMES",
    "DrawOptions",
]
