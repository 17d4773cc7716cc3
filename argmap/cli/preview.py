"""``argmap preview``: a map's HTML view in a browser, redrawn at each save."""

from __future__ import annotations

import sys

import click

from argmap.cli.options import source_root_option
from argmap.cli.output import Failure, say
from argmap.diagnostics import UsageError
from argmap.draw.options import DEFAULT_THEME, THEME_NAMES
from argmap.preview import serve


@click.command()
@click.argument("file", metavar="MAP")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    help="The port on 127.0.0.1. Default: a free one.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in a browser.")
@click.option(
    "--theme",
    type=click.Choice(THEME_NAMES, case_sensitive=False),
    default=DEFAULT_THEME,
    show_default=True,
    help="Colours of the drawing.",
)
@source_root_option
def preview(file: str, port: int, open_browser: bool, theme: str, source_root: str | None) -> None:
    """Show a map's HTML view in a browser, redrawn each time the map or its source is saved.

    Serves the view (as 'argmap render -f html' draws it) on 127.0.0.1 only and prints its
    address. The page follows every save within a fraction of a second; while the map has
    errors it keeps the last good drawing and lists the diagnostics under it. Ctrl-C stops
    the preview (exit status 130); 2 when the port cannot be had.

    \b
    Example:
      argmap preview maps/europe-central-asia.yaml --open
      argmap preview maps/europe-central-asia.yaml --port 8150 --theme dark
    """
    try:
        status = serve(
            file, port=port, theme=theme, open_browser=open_browser, echo=say,
            source_root=source_root,
        )  # fmt: skip
    except UsageError as exc:
        raise Failure(str(exc)) from None
    sys.exit(status)


__all__ = ["preview"]
