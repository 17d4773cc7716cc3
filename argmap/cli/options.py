"""Options several commands share, as click decorators (one definition each)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from argmap.analysis.sides import SIDES
from argmap.diagnostics import UsageError
from argmap.draw.options import (
    DEFAULT_DPI,
    DEFAULT_THEME,
    MAX_DPI,
    MIN_DPI,
    MIN_TEXT_RANGE,
    PAGE_NAMES,
    THEME_NAMES,
    DrawOptions,
    Fit,
)
from argmap.read.suggest import side_hint

F = TypeVar("F", bound=Callable[..., Any])


def not_empty(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """A file argument's names as given, an empty one refused (a script's unset ``"$MAP"``):
    it names no file, and a path made from it names the current folder."""
    if "" in (value if isinstance(value, tuple) else (value,)):
        raise click.BadParameter(
            "an empty name is no file (a variable in a script left unset?): name a map file "
            "or a folder",
            ctx,
            param,
        )
    return value


def output_option(help_text: str) -> Callable[[F], F]:
    """``-o/--output OUT``: where a command writes."""
    return click.option("-o", "--output", metavar="OUT", help=help_text)


#: ``--force``'s help in the commands that write drawings, pages and exports.
FORCE_HELP = (
    "Overwrite an existing file that does not hold what the command writes (a map, a text, "
    "notes: refused without it). The map itself and its source text are never overwritten."
)


def force_option(function: F) -> F:
    """``--force``: write over a file of another kind (:mod:`argmap.overwrite`)."""
    return click.option("--force", is_flag=True, help=FORCE_HELP)(function)


def output_format_option(formats: tuple[str, ...], help_text: str) -> Callable[[F], F]:
    """``--output-format``: for people (``text``, the default) or for programs (``json``,
    ``github``), as ``check``, ``eval`` and ``coverage`` take it."""
    return click.option("--output-format", type=click.Choice(formats), default="text",
                        show_default=True, help=help_text)  # fmt: skip


#: How many problems of one code ``check`` and ``import`` show for each map by default; the
#: rest are counted in one line (:func:`argmap.cli.output.report`), as compilers cap errors.
MAX_PER_CODE = 20


def max_per_code_option(f: F) -> F:
    """``--max-per-code N``: how many problems of one code the text output shows for each
    map (passed as ``max_per_code``)."""
    return click.option(
        "--max-per-code",
        metavar="N",
        type=click.IntRange(min=0),
        default=MAX_PER_CODE,
        show_default=True,
        help="Show at most N problems of one code for each map, then one line counting the "
        "rest (the count of all problems is unchanged); 0 shows every one.",
    )(f)


def source_root_option(f: F) -> F:
    """``--source-root DIR``: a folder from which maps may read their source texts, besides
    their own project (passed as ``source_root``)."""
    return click.option(
        "--source-root",
        metavar="DIR",
        type=click.Path(file_okay=False),
        help="Also let maps read source texts from under DIR. Default: only from the map's "
        "project (the nearest folder above the map holding .git, pyproject.toml or "
        "mkdocs.yml, else the map's own folder).",
    )(f)


def stdin_filename_option(f: F) -> F:
    """``--stdin-filename PATH``: the name of the map read from standard input (``-``), in
    messages, and where its source text is found from (passed as ``stdin_filename``)."""
    return click.option(
        "--stdin-filename",
        metavar="PATH",
        help="The name of the map read from standard input (-), in messages; its source text "
        "is found from it as for a map file at PATH. Default: <stdin>, in the current folder.",
    )(f)


class FitType(click.ParamType):
    """``--fit``'s value: a column, in CSS px (720) or on paper (468pt, 6.5in, 468x620pt)."""

    name = "width"

    def convert(self, value: Any, param: Any, ctx: Any) -> Fit:
        if isinstance(value, Fit):
            return value
        try:
            return Fit.parse(value)
        except UsageError as exc:
            self.fail(str(exc), param, ctx)


class SideType(click.Choice):
    """``--side``'s value: proponent or opponent, in any case; a debate's name for a side
    (opposition) is refused with the side it is."""

    def __init__(self) -> None:
        super().__init__(SIDES, case_sensitive=False)

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as refused:
            hint = side_hint(str(value), (), lambda role: f"--side {role}")
            if not hint:
                raise
            self.fail(f"{refused.message.rstrip('.')}{hint}", param, ctx)


def _drawing(f: Callable[..., Any]) -> Callable[..., Any]:
    """Collect the drawing options into one :class:`DrawOptions`, passed as ``options``."""

    @functools.wraps(f)
    def command(
        *args: Any,
        theme: str,
        width: str | None,
        id_prefix: str,
        status: bool,
        focus: str | None,
        depth: int | None,
        side: str | None,
        dpi: int | None,
        fit: Fit | None,
        page: str | None,
        landscape: bool,
        legend: bool,
        title: bool,
        min_text_size: float | None,
        draft: bool,
        **kwargs: Any,
    ) -> Any:
        if depth is not None and focus is None:
            raise click.BadOptionUsage(
                "depth", "--depth counts steps from the claim --focus names; give --focus ID too"
            )
        options = DrawOptions(
            theme=theme, width=width, id_prefix=id_prefix, status=status, focus=focus,
            depth=depth, side=side, dpi=dpi, fit=fit, page=page, landscape=landscape, legend=legend,
            title=title, min_text_size=min_text_size, draft=draft,
        )  # fmt: skip
        return f(*args, options=options, **kwargs)

    return command


def drawing_options(f: F) -> F:
    """The options that change a drawing (:class:`DrawOptions`), passed as ``options``."""
    decorators = [
        click.option(
            "--theme",
            type=click.Choice(THEME_NAMES, case_sensitive=False),
            default=DEFAULT_THEME,
            show_default=True,
            help="Colours, in every format: print is black on white (a PDF to print); auto "
            "follows the reader's system in svg and html (on a Material for MkDocs page, its "
            "colour scheme), and is light in the others.",
        ),
        click.option(
            "--width",
            metavar="LENGTH",
            help="SVG width as a CSS length in px, pt, pc, cm, mm, in, em or rem, or a "
            "percentage (800px, 16cm, 100%). Default: natural size, shrinking to fit.",
        ),
        click.option(
            "--id-prefix",
            default="",
            metavar="PREFIX",
            help="Put before every id in svg and html, for pages showing maps that share "
            "claim ids.",
        ),
        click.option(
            "--status",
            is_flag=True,
            help="Show on each claim whether it stands, is defeated or is undecided (see "
            "argmap eval).",
        ),
        click.option(
            "--focus",
            metavar="ID",
            help="Draw only the part of the map around this claim (for big maps); with "
            "--status, the whole map's verdicts.",
        ),
        click.option(
            "--depth",
            type=click.IntRange(min=0),
            metavar="N",
            help="With --focus: the claims within N support or attack steps of it. Default: 2.",
        ),
        click.option(
            "--side",
            type=SideType(),
            help="Draw one side of a debate (claims with role: proponent or opponent; one "
            "without a role is the proponent's): all its claims, and the other side's claims "
            "that attack them or that they attack; the rest of the other side's case is left "
            "out.",
        ),
        click.option(
            "--dpi",
            type=click.IntRange(min=MIN_DPI, max=MAX_DPI),
            metavar="N",
            help=f"Resolution of png, recorded in the file. Default: {DEFAULT_DPI}.",
        ),
        click.option(
            "--fit",
            type=FitType(),
            metavar="WIDTH",
            help="Lay out svg, png or pdf for a column WIDTH CSS px wide (e.g. 720): claim "
            "text at least 9 px there, split into figures NAME-1, NAME-2, ... when the map "
            "needs several; 1280x720: a screen or slide, each figure shown whole on it. "
            "On paper: 468pt, 6.5in or 16.5cm (a pt is 1/72 in, TeX's bp; "
            "and the most a figure may be tall: 468x620pt), each figure at its printed size, "
            "text at least 7 pt. For "
            "html: open at that column's scale.",
        ),
        click.option(
            "--page",
            type=click.Choice(PAGE_NAMES, case_sensitive=False),
            help="A PDF of printed pages: a4 or letter to hand out, each page headed once by "
            "the title and legend, on as few pages as readable text allows; a3, a2, a1 or a0 "
            "a poster, the whole map on one page as large as it holds.",
        ),
        click.option(
            "--landscape",
            is_flag=True,
            help="With --page: pages in landscape.",
        ),
        click.option(
            "--legend/--no-legend",
            default=True,
            show_default=True,
            help="Draw the legend (what the drawing's shapes and lines mean).",
        ),
        click.option(
            "--title/--no-title",
            default=True,
            show_default=True,
            help="Draw the map's title and source (leave them out of figures a document captions).",
        ),
        click.option(
            "--min-text-size",
            type=click.FloatRange(*MIN_TEXT_RANGE),
            metavar="SIZE",
            help="With --fit or --page: the least claim text a figure is made for, in pt on "
            "paper or px on a screen (other text in proportion). Lower gives fewer, smaller "
            "figures; higher, on a screen (--fit 1280x720) or a poster, larger ones. 6 to 12 "
            "(to 24 on a poster or a screen). Default: 9.",
        ),
        click.option(
            "--draft",
            is_flag=True,
            help="Draw a map that has errors too, as a draft: the heading says DRAFT and how "
            "many errors, the claims with errors have a dotted outline and their errors in "
            "their tooltip, links to claims that do not exist are left out. The exit status "
            "is still 1. Not with --fit, --page or --status.",
        ),
    ]
    command = _drawing(f)
    for decorator in reversed(decorators):
        command = decorator(command)
    return command  # type: ignore[return-value]


__all__ = [
    "FORCE_HELP",
    "MAX_PER_CODE",
    "drawing_options",
    "force_option",
    "max_per_code_option",
    "not_empty",
    "output_format_option",
    "output_option",
    "source_root_option",
]
