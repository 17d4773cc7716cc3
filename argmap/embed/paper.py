"""A LaTeX document's page settings (Pandoc's ``papersize``, ``fontsize`` and ``geometry``
metadata) → the size of its text block, in points of PDF (72 an inch), as LaTeX works it out.

Without ``geometry`` the article class sets the text (``size10.clo`` and its siblings): as wide
as the paper less 2 in, at most 345, 360 or 390 TeX pt (10, 11, 12 pt type), and as tall as the
whole lines that fit in the paper less 3.5 in, plus ``\\topskip``. With ``geometry`` the package
sets it: margins (``margin``, ``left``...), a text size (``textwidth``...), or else 70 % of the
paper (its ``scale``). A value not read here is named in :class:`PageError`, so that the caller
says so and keeps the default text.

>>> text_block({})
(343.71, 547.95)
>>> text_block({"papersize": "a4", "geometry": "margin=1in"})
(451.28, 697.89)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from argmap.diagnostics import ArgmapError

#: TeX's points in an inch, and PDF's points in a TeX point.
TEX_INCH = 72.27
TEX_PT = 72 / TEX_INCH
#: Lengths in TeX points, as TeX reads their units.
UNITS = {
    "pt": 1.0,
    "bp": TEX_INCH / 72,
    "in": TEX_INCH,
    "cm": TEX_INCH / 2.54,
    "mm": TEX_INCH / 25.4,
    "pc": 12.0,
    "dd": 1238 / 1157,
    "cc": 12 * 1238 / 1157,
    "sp": 1 / 65536,
}
_MM = UNITS["mm"]
#: The paper sizes of LaTeX's standard classes (``papersize: a4`` → ``a4paper``), in TeX pt.
PAPERS = {
    "a4": (210 * _MM, 297 * _MM),
    "a5": (148 * _MM, 210 * _MM),
    "b5": (176 * _MM, 250 * _MM),
    "letter": (8.5 * TEX_INCH, 11 * TEX_INCH),
    "legal": (8.5 * TEX_INCH, 14 * TEX_INCH),
    "executive": (7.25 * TEX_INCH, 10.5 * TEX_INCH),
}
#: KOMA-Script's classes (Quarto's PDF is ``scrartcl``), whose type area ``DIV`` sets.
KOMA = frozenset(("scrartcl", "scrreprt", "scrbook"))
#: The article class's widest text, line spacing and ``\\topskip`` for each type size.
SIZES = {"10pt": (345.0, 12.0, 10.0), "11pt": (360.0, 13.6, 11.0), "12pt": (390.0, 14.5, 12.0)}
#: geometry's options that leave the text's size as it is (or change it by a line at most).
HARMLESS = frozenset(
    ("showframe", "twoside", "asymmetric", "centering", "heightrounded", "nomarginpar",
     "marginparwidth", "marginparsep", "headheight", "headsep", "footskip", "pass", "verbose",
     "hoffset", "voffset", "nohead", "nofoot", "noheadfoot", "driver", "pdftex", "xetex",
     "luatex", "dvips", "portrait")
)  # fmt: skip
#: geometry's names of the margins and the text's size, and what each sets.
SIDES = {
    **{side: side for side in ("left", "right", "top", "bottom", "textwidth", "textheight")},
    **{"lmargin": "left", "inner": "left", "rmargin": "right", "outer": "right"},
    **{"tmargin": "top", "bmargin": "bottom", "width": "textwidth", "height": "textheight"},
}
_LENGTH = re.compile(r"\s*(-?\d+(?:\.\d*)?|-?\.\d+)\s*([a-z]{2})\s*")


class PageError(ArgmapError):
    """A page setting that is not read here (the message names it)."""


def length(text: str) -> float:
    """A TeX length (``1in``, ``2.5cm``, ``72bp``...) in TeX points.

    >>> round(length("1in"), 2), round(length("25.4mm"), 2)
    (72.27, 72.27)
    """
    found = _LENGTH.fullmatch(text)
    if not found or found.group(2) not in UNITS:
        raise PageError(
            f"'{text.strip()}' is no length argmap can read (e.g. 1in, 2cm, 20mm, 72pt)"
        )
    return float(found.group(1)) * UNITS[found.group(2)]


def _paper(name: str) -> tuple[float, float]:
    if name not in PAPERS:
        raise PageError(f"papersize '{name}' is not one of " + ", ".join(PAPERS))
    return PAPERS[name]


def _article(paper: tuple[float, float], fontsize: str) -> tuple[float, float]:
    """The article class's text block on ``paper`` in type of ``fontsize`` (TeX pt)."""
    widest, baseline, topskip = SIZES[fontsize]
    width = min(math.floor(paper[0] - 2 * TEX_INCH), widest)  # \\@settopoint: whole points
    lines = math.floor((paper[1] - 3.5 * TEX_INCH) / baseline + 1e-9)
    return width, lines * baseline + topskip


def _options(geometry: object) -> list[tuple[str, str]]:
    """geometry's options as Pandoc passes them: a list of ``key=value`` (or a word), each of
    which may hold several split by commas outside braces."""
    items = geometry if isinstance(geometry, list) else [geometry]
    pairs = []
    for item in items:
        for part in re.split(r",(?![^{]*\})", str(item)):
            if part.strip():
                key, _, value = part.partition("=")
                pairs.append((key.strip(), value.strip()))
    return pairs


def _pair(value: str) -> tuple[float, float]:
    """``1in``: the same length (TeX pt) on both sides. A pair in braces is not read: Pandoc
    escapes the braces, and LaTeX then reads something else."""
    return length(value), length(value)


def _side(
    size: float, low: float | None, high: float | None, text: float | None, scale: float
) -> float:
    """The text's extent across a paper of ``size``: given, or the paper less its margins, or
    ``scale`` of the paper. One margin alone is not read: geometry then works out the other
    by rules of its own."""
    if text is not None:
        return text
    if low is None and high is None:
        return size * scale
    if low is None or high is None:
        raise PageError("geometry gives one margin of two; give both (left and right, top and "
                        "bottom) or margin=")  # fmt: skip
    return size - low - high


def _geometry(paper: tuple[float, float], geometry: object) -> tuple[float, float]:
    """The text block geometry sets on ``paper`` (TeX pt) with its ``geometry`` options."""
    got: dict[str, float] = {}
    hscale = vscale = 0.7
    landscape = False
    for key, value in _options(geometry):
        if not value:
            name = key.removesuffix("paper")
            if key.endswith("paper") and name in PAPERS:
                paper = PAPERS[name]
            elif key == "landscape":
                landscape = True
            elif key not in HARMLESS:
                raise PageError(f"geometry option '{key}' is not read by argmap")
        elif key in ("margin", "hmargin", "vmargin"):
            low, high = _pair(value)
            if key != "vmargin":
                got["left"], got["right"] = low, high
            if key != "hmargin":
                got["top"], got["bottom"] = low, high
        elif key in SIDES:
            got[SIDES[key]] = length(value)
        elif key in ("scale", "hscale", "vscale"):
            try:
                number = float(value.strip("{}").split(",")[0])
            except ValueError:
                raise PageError(f"geometry {key}={value} is not a number") from None
            hscale = number if key != "vscale" else hscale
            vscale = number if key != "hscale" else vscale
        elif key == "paper" or key == "papername":
            paper = _paper(value.removesuffix("paper"))
        elif key == "paperwidth":
            paper = (length(value), paper[1])
        elif key == "paperheight":
            paper = (paper[0], length(value))
        elif key not in HARMLESS:
            raise PageError(f"geometry option '{key}={value}' is not read by argmap")
    if landscape:
        paper = (paper[1], paper[0])
    width = _side(paper[0], got.get("left"), got.get("right"), got.get("textwidth"), hscale)
    height = _side(paper[1], got.get("top"), got.get("bottom"), got.get("textheight"), vscale)
    if width <= 0 or height <= 0:
        raise PageError("geometry leaves no text on the page")
    return width, height


def _divisions(classoption: object) -> int:
    """KOMA-Script's ``DIV=N`` among the class's options (a list, or one string of options
    split by commas). Raises PageError where the type area is not one a whole DIV sets."""
    items = classoption if isinstance(classoption, list) else [classoption]
    options = [part.strip() for item in items for part in str(item or "").split(",")]
    found = None
    for option in options:
        key, _, value = option.partition("=")
        if key.strip() == "BCOR":
            raise PageError(f"classoption '{option}' is not read by argmap")
        if key.strip() == "DIV":
            if not value.strip().isdigit() or int(value) < 4:
                raise PageError(f"classoption '{option}' is not read by argmap (give DIV=N)")
            found = int(value)
    if found is None:
        raise PageError("a KOMA-Script class's type area is read with DIV=N in classoption "
                        "(Quarto gives DIV=11)")  # fmt: skip
    return found


def _koma(paper: tuple[float, float], fontsize: str, divisions: int) -> tuple[float, float]:
    """KOMA-Script's type area on ``paper`` (TeX pt) at ``DIV=divisions``: the paper cut in
    DIV strips each way, the text ``DIV - 3`` of them, as tall as the lines that fill that at
    least (measured against ``\\the\\textheight``)."""
    _, baseline, topskip = SIZES[fontsize]
    width = paper[0] * (divisions - 3) / divisions
    room = paper[1] * (divisions - 3) / divisions
    lines = math.ceil((room - topskip) / baseline - 1e-9)
    return width, lines * baseline + topskip


def text_block(meta: Mapping[str, object]) -> tuple[float, float]:
    """The text block (width, height in PDF points) of a LaTeX document built by Pandoc's
    template with metadata ``meta`` (``papersize``, ``fontsize``, ``geometry``): the article
    class's, or with ``documentclass`` a KOMA-Script class (``scrartcl``, ``scrreprt``,
    ``scrbook``, as Quarto's PDF has it) the type area its ``classoption`` ``DIV=N`` sets
    (on A4 paper where ``papersize`` names none, as KOMA-Script's default).
    Raises PageError naming a value it cannot read."""
    papersize = meta.get("papersize")
    koma = str(meta.get("documentclass") or "").strip() in KOMA
    paper = _paper(str(papersize).strip()) if papersize else PAPERS["a4" if koma else "letter"]
    fontsize = str(meta.get("fontsize") or ("11pt" if koma else "10pt")).strip()
    if fontsize not in SIZES:
        raise PageError(f"fontsize '{fontsize}' is not one of " + ", ".join(SIZES))
    geometry = meta.get("geometry")
    if geometry:
        width, height = _geometry(paper, geometry)
    elif koma:
        width, height = _koma(paper, fontsize, _divisions(meta.get("classoption")))
    else:
        width, height = _article(paper, fontsize)
    return round(width * TEX_PT, 2), round(height * TEX_PT, 2)


__all__ = ["PAPERS", "PageError", "length", "text_block"]
