"""What a drawing is asked for: the formats, the themes, and the options that change a drawing."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from argmap.diagnostics import UsageError
from argmap.draw.style import CLAIM_SIZE
from argmap.draw.themes import THEMES

#: Formats Graphviz draws (``dot`` is the source itself), by name and file extension.
ENGINE_FORMATS = ("svg", "png", "pdf", "dot")
#: Output formats of ``render``: Graphviz's, and the HTML view.
FORMATS = (*ENGINE_FORMATS, "html")
#: The format drawn when neither ``-f`` nor the output's extension names one.
DEFAULT_FORMAT = "svg"
#: The pages of ``--page`` that are posters (:mod:`argmap.draw.poster`): argmap enlarges a
#: drawing there (and on a screen), so a least text size above the claims' own (12) can be met.
POSTER_NAMES = ("a3", "a2", "a1", "a0")
#: Paper sizes of ``--page`` (PDF only): pages to hand out, the map in figures on as few as
#: are readable; and posters, the whole map on one page as large as it holds.
PAGE_NAMES = ("a4", "letter", *POSTER_NAMES)
#: Formats that ``--fit`` splits into figures (a PDF a figure), and the HTML view, whose
#: initial zoom it sets.
FIT_FORMATS = ("svg", "png", "pdf", "dot", "html")
#: Colour themes, and the one drawn without ``--theme``.
THEME_NAMES = tuple(THEMES)
DEFAULT_THEME = "light"
#: The resolution of a PNG drawn without ``--dpi``: 1.5 times Graphviz's 96, sharp on
#: high-density screens and paper.
DEFAULT_DPI = 144
#: The resolutions a PNG takes: from a thumbnail's to a printer's (a bitmap too large for
#: Graphviz, over 32,767 pixels wide, is drawn smaller, and its resolution recorded as drawn).
MIN_DPI, MAX_DPI = 24, 1200
#: The units of a column's width: CSS px for a screen; points, inches, centimetres and
#: millimetres (in points) for paper. A point is 1/72 in, as in PDF and CSS: TeX's ``bp``
#: (TeX's own ``pt``, in which LaTeX gives ``\textwidth``, is 1/72.27 in: 345pt there is
#: 343.71pt here).
PRINT_UNITS = {"pt": 1.0, "bp": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}
#: The least claim text a figure may be made for (``--min-text-size``, px on a screen, pt on
#: paper): 9 by default; lower gives fewer, smaller figures, down to this hard floor.
MIN_TEXT_RANGE = (6.0, 24.0)
#: The narrowest and widest column a map is fitted to, in CSS px (on paper, in points).
FIT_RANGE = (144, 10000)
#: The lowest column (its height: a slide's picture box is 189 to 227 pt), as FIT_RANGE.
LOWEST = 72
#: The units of an SVG's width (``--width``): CSS's absolute ones, em and rem, and % of the
#: column; a number alone is px.
WIDTH_UNITS = ("px", "pt", "pc", "cm", "mm", "in", "em", "rem", "%")
_WIDTH = re.compile(rf"(\d+(?:\.\d+)?)({'|'.join(WIDTH_UNITS)})?")
_FIT = re.compile(
    r"(?P<width>\d+(?:\.\d+)?)(?:x(?P<height>\d+(?:\.\d+)?))?(?P<unit>px|pt|bp|in|cm|mm)?"
)


@attrs.frozen
class Fit:
    """A column that a map's figures are laid out for: ``width`` CSS px on a screen (claim
    text to come out at least 9 px there, other text 7 px), or, ``printed``, ``width`` points
    of paper (claim text at least 9 pt, other text 7 pt); the figures at most ``height`` (px,
    or points) tall when it is given: a screen or a slide shown whole, a page's text, so that
    no figure is shrunk to fit it.

    >>> Fit.parse("720"), str(Fit.parse("720")), str(Fit.parse("6.5in"))
    (Fit(width=720.0, printed=False, height=None), '720 px', '468pt')
    >>> str(Fit.parse("345x500pt")), str(Fit.parse("1280x720"))
    ('345x500pt', '1280x720 px')
    """

    width: float
    printed: bool = False
    height: float | None = None

    @classmethod
    def parse(cls, text: str | int | float) -> Fit:
        """A column as written: ``720`` or ``720px`` (CSS px), or a width on paper with its
        unit, ``468pt``, ``6.5in``, ``16.5cm``, ``165mm``; and a height after ``x``
        (``1280x720``, a screen; ``468x620pt``). Raises UsageError for anything else."""
        written = str(text).strip().lower()
        found = _FIT.fullmatch(written)
        if found is None:
            raise UsageError(
                f"fit '{text}' is no column width: give CSS px (720) or a width on paper "
                "(468pt, 6.5in, 16.5cm; a height after x: 1280x720, 468x620pt)"
            )
        unit = found.group("unit") or "px"
        scale = PRINT_UNITS.get(unit, 1.0)
        width = round(float(found.group("width")) * scale, 2)
        height = found.group("height")
        least, most = FIT_RANGE
        if not least <= width <= most:
            shown = "px" if unit == "px" else "pt"
            raise UsageError(
                f"fit '{text}' is {width:g} {shown} wide; a column is {least} to {most} {shown}"
            )
        high = None if height is None else round(float(height) * scale, 2)
        if high is not None and not LOWEST <= high <= most:
            shown = "px" if unit == "px" else "pt"
            raise UsageError(
                f"fit '{text}' is {high:g} {shown} high; a column's height is {LOWEST} to "
                f"{most} {shown}"
            )
        return cls(width, unit != "px", high)

    def __str__(self) -> str:
        height = "" if self.height is None else f"x{self.height:g}"
        return f"{self.width:g}{height}pt" if self.printed else f"{self.width:g}{height} px"


def check_width(width: str) -> re.Match[str]:
    """An SVG's width as argmap takes it (a number greater than 0, then one of
    :data:`WIDTH_UNITS` or none), its number and unit as the groups; UsageError otherwise.

    >>> check_width("16cm").groups(), check_width(" 800 ").groups()
    (('16', 'cm'), ('800', None))
    """
    match = _WIDTH.fullmatch(width.strip())
    if match is None or float(match.group(1)) <= 0:
        units = f"{WIDTH_UNITS[0]} (the default), {', '.join(WIDTH_UNITS[1:-1])} or %"
        raise UsageError(
            f"width '{width}' is not a width argmap takes; give a number and one of {units}: "
            "800px, 16cm, 6in, 100%"
        )
    return match


def to_fit(value: Fit | str | float | None) -> Fit | None:
    """A column as given (a :class:`Fit`, a number of CSS px, or text :meth:`Fit.parse` reads),
    or None."""
    if value is None or isinstance(value, Fit):
        return value
    return Fit.parse(value)


def argument(name: str) -> str:
    """An option as a message names it to a Python caller: the keyword argument (``page=``)."""
    return f"{name}="


def option(name: str) -> str:
    """An option as a message names it on the command line (``--page``)."""
    return f"--{name.replace('_', '-')}"


def check_fit(
    fit: Fit | str | float | None,
    fmt: str,
    page: str | None = None,
    width: str | None = None,
    named: Callable[[str], str] = argument,
) -> Fit | None:
    """``fit`` as a column (:func:`to_fit`) when it goes with the format and the options
    given; UsageError otherwise, naming options as ``named`` does (:func:`argument`, or
    :func:`option` for the command line)."""
    fit = to_fit(fit)
    if fit is None:
        return None
    if fmt not in FIT_FORMATS:
        raise UsageError(f"{named('fit')} applies to {', '.join(FIT_FORMATS)}")
    if page is not None:
        raise UsageError(
            f"{named('page')} fits the figures to the page; give {named('fit')} or {named('page')}"
        )
    if width:
        raise UsageError(
            f"{named('fit')} sets the width itself; give {named('fit')} or {named('width')}"
        )
    if (fit.printed or fit.height is not None) and fmt == "html":
        raise UsageError(
            f"the HTML view opens at a screen column's scale: give {named('fit')} in px, "
            "with no height"
        )
    return fit


def check_choices(
    fmt: str,
    *,
    id_prefix: str = "",
    width: str | None = None,
    dpi: int | None = None,
    page: str | None = None,
    landscape: bool = False,
    named: Callable[[str], str] = argument,
    min_text_size: float | None = None,
    fit: object = None,
) -> None:
    """A UsageError for a format argmap does not draw, or an option that does not go with
    the format or is out of range (documents pass their blocks' options to the API as
    written: a dpi of 6000 would draw for seconds into gigabytes); options named as
    ``named`` names them."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    if fmt not in ("svg", "html") and id_prefix:
        raise UsageError("an id prefix applies to svg and html only")
    if fmt != "svg" and width:
        raise UsageError("a width applies to svg only")
    if width:
        check_width(width)
    if fmt != "png" and dpi is not None:
        raise UsageError("a resolution (dpi) applies to png only")
    if dpi is not None and not MIN_DPI <= dpi <= MAX_DPI:
        raise UsageError(f"a resolution of {dpi} dpi is out of range; give {MIN_DPI} to {MAX_DPI}")
    if page is not None and fmt != "pdf":
        raise UsageError(f"{named('page')} applies to pdf only")
    if page is not None and page not in PAGE_NAMES:
        raise UsageError(f"unknown page '{page}'; choose one of {', '.join(PAGE_NAMES)}")
    if landscape and page is None:
        raise UsageError(f"{named('landscape')} goes with {named('page')}")
    if min_text_size is not None:
        least, most = MIN_TEXT_RANGE
        if not least <= min_text_size <= most:
            raise UsageError(
                f"a least text size of {min_text_size:g} is out of range; give {least:g} to "
                f"{most:g} (pt on paper, px on a screen)"
            )
        if (fit is None and page is None) or fmt == "html":
            raise UsageError(
                f"{named('min_text_size')} sets how small a figure's text may be made: it goes "
                f"with {named('fit')} or {named('page')} (svg, png, pdf, dot)"
            )
        screen = page is None and fit is not None and not to_fit(fit).printed
        if min_text_size > CLAIM_SIZE and page not in POSTER_NAMES and not screen:
            raise UsageError(
                f"a least text size of {min_text_size:g} is larger than claims are drawn "
                f"({CLAIM_SIZE:g}), and figures are enlarged only on a poster "
                f"({named('page')} {', '.join(POSTER_NAMES)}) or a screen ({named('fit')} in "
                f"px); give {MIN_TEXT_RANGE[0]:g} to {CLAIM_SIZE:g}"
            )


def check_options(fmt: str, options: DrawOptions) -> None:
    """A UsageError for drawing ``options`` that do not go with each other or with ``fmt``:
    what drawing each map would refuse, known before any map is read (named as the render
    command's options)."""
    check_choices(
        fmt, id_prefix=options.id_prefix, width=options.width, dpi=options.dpi,
        page=options.page, landscape=options.landscape, named=option,
        min_text_size=options.min_text_size, fit=options.fit,
    )  # fmt: skip
    check_fit(options.fit, fmt, page=options.page, width=options.width, named=option)
    if options.side is not None and options.focus is not None:
        raise UsageError(
            "--side and --focus each draw a part of the map; give one of them (--side draws "
            "the claims of one side of a debate, --focus those around one claim)"
        )
    if options.draft and options.status:
        raise UsageError(
            "--status judges what stands in an argument drawn as written; a draft has errors "
            "(a conclusion without its reasons yet would be drawn defeated): leave out --status"
        )
    for name, given in (("fit", options.fit), ("page", options.page)):
        if options.draft and given is not None:
            raise UsageError(
                f"--draft draws the whole map, to see while writing it; leave out --{name} "
                "(fitted figures and pages are for a map without errors)"
            )


@attrs.frozen
class DrawOptions:
    """Every option that changes a drawing, besides its format.

    ``theme`` colours it (:data:`THEME_NAMES`), ``width`` is a CSS length written into an
    SVG, ``id_prefix`` goes before every id of an SVG or HTML page, ``status`` shows which
    claims stand, ``focus`` draws only the claims within ``depth`` steps of that claim,
    ``side`` (``proponent`` or ``opponent``) only a debate's side and the other side's claims
    that clash with it (:func:`argmap.analysis.sides.side`), and ``dpi`` is a PNG's
    resolution (None: :data:`DEFAULT_DPI`). ``fit`` (a :class:`Fit`; CSS px or text such as
    ``468pt`` are taken too) lays the map out for a column of that width, split into figures
    when one cannot be read there;
    ``page`` (:data:`PAGE_NAMES`, ``landscape`` or not) does the same for printed pages of a
    PDF; ``legend`` draws each figure's legend, ``title`` the map's title and source (a
    document that captions its figures leaves them out); ``min_text_size`` (pt on paper, px on
    a screen; None: 9) is the least claim text a fitted figure is made for: lower, fewer
    figures; ``draft`` draws a map with errors, as a draft (:mod:`argmap.analysis.draft`);
    ``first_number`` is the number a document (LaTeX) gives the first of fitted figures.
    """

    theme: str = DEFAULT_THEME
    width: str | None = None
    id_prefix: str = ""
    status: bool = False
    focus: str | None = None
    depth: int | None = None
    side: str | None = attrs.field(default=None, converter=attrs.converters.optional(str.lower))
    dpi: int | None = None
    fit: Fit | None = attrs.field(default=None, converter=to_fit)
    page: str | None = None
    landscape: bool = False
    legend: bool = True
    title: bool = True
    min_text_size: float | None = None
    draft: bool = False
    first_number: str | None = None

    def key(self) -> dict[str, Any]:
        """The options as plain data, for the batch cache's record of a drawing (``title``,
        ``min_text_size``, ``draft`` and ``side`` only when not as by default: the records of
        other drawings stay as they were)."""
        found = attrs.asdict(self)
        kept = (("title", True), ("min_text_size", None), ("draft", False), ("side", None),
                ("first_number", None))  # fmt: skip
        for name, default in kept:
            if found[name] == default:
                del found[name]
        return found


#: The extensions of a map's own files, which a drawing is not saved under.
MAP_SUFFIXES = ("yaml", "yml", "json")


def format_of(path: str | os.PathLike[str], fmt: str | None) -> str:
    """``fmt``, or the format the extension of ``path`` names; a UsageError when it names
    none, or another than ``fmt``, or a map's (nothing is written under a name that says
    something else than what it holds)."""
    suffix = Path(path).suffix.lstrip(".").lower()
    if suffix in MAP_SUFFIXES and fmt is None:
        raise UsageError(
            f"{os.fspath(path)}: save draws a map; to write the map itself, write the text of "
            "argmap.formats.yaml.dump(amap) (or argmap.convert.export_map(amap, 'json').text)"
        )
    if fmt is not None:
        if suffix in FORMATS and suffix != fmt:
            raise UsageError(f"{os.fspath(path)} names {suffix} but fmt={fmt!r}; make them agree")
        return fmt
    if suffix not in FORMATS:
        said = f"'.{suffix}'" if suffix else "a name without an extension"
        raise UsageError(
            f"{os.fspath(path)}: cannot tell the format from {said}; use "
            f".{', .'.join(FORMATS[:-1])} or .{FORMATS[-1]}, or give the format"
        )
    return suffix


__all__ = [
    "DEFAULT_DPI",
    "DEFAULT_FORMAT",
    "DEFAULT_THEME",
    "ENGINE_FORMATS",
    "FIT_FORMATS",
    "FIT_RANGE",
    "FORMATS",
    "MAP_SUFFIXES",
    "MAX_DPI",
    "MIN_DPI",
    "MIN_TEXT_RANGE",
    "PAGE_NAMES",
    "POSTER_NAMES",
    "PRINT_UNITS",
    "THEME_NAMES",
    "WIDTH_UNITS",
    "DrawOptions",
    "Fit",
    "argument",
    "check_choices",
    "check_fit",
    "check_options",
    "check_width",
    "format_of",
    "option",
    "to_fit",
]
