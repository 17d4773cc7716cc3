"""Options several commands share, as click decorators (one definition each)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from argmap.draw.options import DEFAULT_THEME, THEME_NAMES, DrawOptions

F = TypeVar("F", bound=Callable[..., Any])


def output_option(help_text: str) -> Callable[[F], F]:
    """``-o/--output OUT``: where a command writes."""
    return click.option("-o", "--output", metavar="OUT", help=help_text)


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
        **kwargs: Any,
    ) -> Any:
        options = DrawOptions(theme, width, id_prefix, status, focus, depth)
        return f(*args, options=options, **kwargs)

    return command


def drawing_options(f: F) -> F:
    """The options that change a drawing (:class:`DrawOptions`), passed as ``options``."""
    decorators = [
        click.option(
            "--theme",
            type=click.Choice(THEME_NAMES),
            default=DEFAULT_THEME,
            show_default=True,
            help="Colours of svg and html: print is black and white; auto follows the reader's "
            "system.",
        ),
        click.option(
            "--width",
            metavar="LENGTH",
            help="SVG width as a CSS length (800px, 16cm, 100%). Default: natural size, "
            "shrinking to fit.",
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
            help="Draw only the part of the map around this claim (for big maps).",
        ),
        click.option(
            "--depth",
            type=click.IntRange(min=0),
            metavar="N",
            help="With --focus: the claims within N support or attack steps of it. Default: 2.",
        ),
    ]
    command = _drawing(f)
    for decorator in reversed(decorators):
        command = decorator(command)
    return command  # type: ignore[return-value]


__all__ = ["drawing_options", "output_option", "source_root_option"]
