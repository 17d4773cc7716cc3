"""Pandoc's output format + its document's metadata → the column a map's figures fit there (a
:class:`~argmap.embed.figures.Target`), and what in that metadata argmap could not use.

The kinds of output ``argmap-fit`` names: ``html`` (inline SVG), ``latex`` (PDF figures in the
document's text block: ``papersize``, ``fontsize`` and ``geometry`` as LaTeX reads them,
:mod:`argmap.embed.paper`), ``beamer`` (a frame), ``docx``, ``pptx`` (a slide's picture box)
and ``other`` (PNG figures, as DOCX's).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

import attrs

from argmap.draw.options import Fit
from argmap.embed.figures import Target
from argmap.embed.paper import PageError, text_block
from argmap.embed.targets import (
    PANDOC3_HTML,
    PANDOC_DOCX,
    PANDOC_HTML,
    PANDOC_LATEX,
    PANDOC_OTHER,
    PRINT_DPI,
    QUARTO_HTML,
    TEX_PT,
    configured,
    latex_text,
)

#: Pandoc's output formats that show figures as inline SVG, and those that take PDF.
HTML_FORMATS = ("html", "html4", "html5", "revealjs", "s5", "slidy", "slideous", "dzslides",
                "epub", "epub2", "epub3", "chunkedhtml")  # fmt: skip
PDF_FORMATS = ("latex", "beamer", "context")
#: The kinds of output ``argmap-fit`` sets a column for.
KINDS = ("html", "latex", "beamer", "docx", "pptx", "other")
#: The kinds that are slides: drawn without the map's title and legend unless a block asks.
SLIDES = ("beamer", "pptx")

#: Beamer's frame at its default size (128 by 96 mm paper): ``\\textwidth`` 307.29 TeX pt, and
#: what a figure may take below a frame title with room for a two-line caption above the
#: navigation symbols (190 TeX pt; measured in pdflatex: a caption ends 14 pt above the foot).
BEAMER = Target("pdf", Fit(round(307.29 * TEX_PT, 2), True, round(190 * TEX_PT, 2)))
#: Beamer's paper (cm, width by height) for each ``aspectratio`` it names (beamer.cls); any
#: other ``XY`` (or ``XXYY``) is X:Y on paper 9.6 cm high. Its text is 2 cm narrower than the
#: paper and 4 TeX pt shorter; a figure is that less 79.15 TeX pt, as at 4:3.
ASPECTS = {2013: (14.0, 9.1), 1610: (16.0, 10.0), 169: (16.0, 9.0), 149: (14.0, 9.0),
           54: (12.5, 10.0), 43: (12.8, 9.6), 32: (13.5, 9.0), 141: (14.85, 10.5)}  # fmt: skip
_CM = 72.27 / 2.54  # TeX pt a cm
#: Pandoc's PowerPoint (its own reference document: a 16:9 slide, 10 by 5.625 in): the box it
#: fits a figure's picture to on a slide of its own, 648 by 227 pt above the caption
#: (measured in the slides Pandoc 2.17 writes). Pandoc shrinks a bigger picture into it.
PPTX = Target("png", Fit(648.0, True, 227.0), dpi=PRINT_DPI)


def name(output: str) -> str:
    """Pandoc's output format without its extensions (``html5+smart`` → ``html5``)."""
    return output.split("+")[0].split("-")[0]


def kind(output: str) -> str:
    """The kind of output whose column ``argmap-fit`` names (one of :data:`KINDS`).

    >>> [kind(f) for f in ("html5+smart", "latex", "beamer", "docx", "pptx", "odt")]
    ['html', 'latex', 'beamer', 'docx', 'pptx', 'other']
    """
    plain = name(output)
    if plain in HTML_FORMATS:
        return "html"
    if plain in ("beamer", "docx", "pptx"):
        return plain
    return "latex" if plain in PDF_FORMATS else "other"


@attrs.frozen
class Chosen:
    """The target of a document's figures, and what its metadata held that argmap could not
    use (each a line for stderr)."""

    target: Target
    warnings: tuple[str, ...] = ()


def _unknown_keys(fits: Mapping[str, object]) -> list[str]:
    said = []
    for key in fits:
        if key in KINDS:
            continue
        close = difflib.get_close_matches(str(key), KINDS, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        said.append(
            f"metadata argmap-fit: '{key}' is no kind of output{hint}; argmap-fit takes "
            + ", ".join(KINDS)
        )
    return said


def _latex(meta: Mapping[str, object]) -> tuple[Target, list[str]]:
    """LaTeX's target from the document's page settings; the default with a warning when
    one cannot be read."""
    if not any(meta.get(key) for key in ("papersize", "fontsize", "geometry", "documentclass")):
        return PANDOC_LATEX, []
    try:
        return latex_text(*text_block(meta)), []
    except PageError as exc:
        return PANDOC_LATEX, [
            f"metadata: {exc}; figures fit the default text, {PANDOC_LATEX.fit} "
            "(set argmap-fit: latex: WIDTHxHEIGHTpt to give the text block)"
        ]


def beamer_frame(aspect: object) -> Target:
    """The target of a Beamer frame at ``aspectratio`` ``aspect`` (``169``, ``"1610"``...):
    as :data:`BEAMER` is of 4:3's. Raises ValueError for what Beamer does not take.

    >>> str(beamer_frame(169)), str(beamer_frame(43)) == str(BEAMER)
    ('pdf fitted to 396.85x172.28pt', True)
    """
    text = str(aspect).strip()
    if not text.isdigit() or len(text) < 2 or int(text) % (100 if len(text) > 3 else 10) == 0:
        raise ValueError(text)
    number = int(text)
    if number in ASPECTS:
        width, height = ASPECTS[number]
    else:
        base = 100 if len(text) > 3 else 10
        height = 9.6
        width = height * (number // base) / (number % base)
    text_width = width * _CM - 2 * _CM
    text_height = height * _CM - 4
    fit = Fit(round(text_width * TEX_PT, 2), True, round((text_height - 79.15) * TEX_PT, 2))
    return Target("pdf", fit)


def _beamer(meta: Mapping[str, object]) -> tuple[Target, list[str]]:
    """Beamer's target from the deck's ``aspectratio``; 4:3's with a warning when Beamer
    would not take it."""
    aspect = meta.get("aspectratio")
    if aspect is None or aspect == "":
        return BEAMER, []
    try:
        return beamer_frame(aspect), []
    except ValueError:
        return BEAMER, [
            f"metadata aspectratio: '{aspect}' is no aspect ratio Beamer takes (e.g. 169, "
            f"1610, 43); figures fit a 4:3 frame, {BEAMER.fit} (set argmap-fit: beamer: "
            "WIDTHxHEIGHTpt to give the frame)"
        ]


def choose(
    output: str, meta: Mapping[str, object], pandoc3: bool = False, quarto: bool = False
) -> Chosen:
    """What a document's figures are drawn as and fitted to in Pandoc's output format
    ``output``, with its metadata ``meta`` (``argmap-fit``: a column per kind of output, or
    one for all; for LaTeX, the page settings), by Pandoc 2 or, with ``pandoc3``, Pandoc 3
    (whose HTML template has a narrower column); with ``quarto``, in a page of Quarto's HTML
    (:data:`~argmap.embed.targets.QUARTO_HTML`).

    >>> [str(choose(f, {}).target) for f in ("html5", "latex", "docx")]
    ['svg fitted to 640 px', 'pdf fitted to 343.71x511.09pt', 'png fitted to 420x600pt']
    >>> str(choose("latex", {"papersize": "a4", "geometry": "margin=1in"}).target)
    'pdf fitted to 451.28x661.03pt'
    >>> str(choose("html5", {}, pandoc3=True).target)
    'svg fitted to 496 px'
    >>> str(choose("html", {}, True, quarto=True).target)
    'svg fitted to 749 px'
    >>> str(choose("html5", {"argmap-fit": {"html": "none"}}).target)
    'svg, whole'
    >>> given = {"argmap-fit": {"latex": "400x600pt"}, "geometry": "margin=1in"}
    >>> str(choose("latex", given).target)
    'pdf fitted to 400x563.14pt'
    """
    chosen_kind = kind(output)
    fits = meta.get("argmap-fit")
    warnings = _unknown_keys(fits) if isinstance(fits, Mapping) else []
    value = fits.get(chosen_kind) if isinstance(fits, Mapping) else fits
    html = PANDOC3_HTML if pandoc3 else PANDOC_HTML
    if quarto and name(output) in ("html", "html4", "html5"):  # not its slides, nor EPUB
        html = QUARTO_HTML
    known = {"html": html, "latex": PANDOC_LATEX, "docx": PANDOC_DOCX, "beamer": BEAMER,
             "pptx": PPTX}  # fmt: skip
    found = known.get(chosen_kind, PANDOC_OTHER)
    if name(output) == "latex" and value is None:  # ConTeXt has pages of its own
        found, said = _latex(meta)
        warnings += said
    elif chosen_kind == "beamer" and value is None:
        found, said = _beamer(meta)
        warnings += said
    where = f"metadata argmap-fit ({chosen_kind})"
    return Chosen(configured(found, value, where), tuple(warnings))


__all__ = [
    "ASPECTS",
    "BEAMER",
    "HTML_FORMATS",
    "KINDS",
    "PDF_FORMATS",
    "PPTX",
    "SLIDES",
    "Chosen",
    "beamer_frame",
    "choose",
    "kind",
    "name",
]
