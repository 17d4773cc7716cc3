"""``argmap preview``: a map's HTML view in a browser, redrawn at each save."""

from __future__ import annotations

import sys

import click

from argmap.cli.options import not_empty, source_root_option
from argmap.cli.output import Failure, say
from argmap.diagnostics import UsageError
from argmap.draw.options import DEFAULT_THEME, THEME_NAMES
from argmap.preview import serve


@click.command()
@click.argument("file", metavar="MAP", callback=not_empty)
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
@click.option("--draft", is_flag=True,
              help="Draw a save with errors as a draft (as render --draft: marked, its errors "
              "in the claims' tooltips), not keep the last good drawing.")  # fmt: skip
@source_root_option
def preview(
    file: str, port: int, open_browser: bool, theme: str, source_root: str | None, draft: bool
) -> None:
    """Show a map's HTML view in a browser, redrawn each time the map or its source is saved.

    Serves the view (as 'argmap render -f html' draws it) on 127.0.0.1 only and prints its
    address. The page follows every save within a fraction of a second; while the map has
    errors it keeps the last good drawing and lists the diagnostics under it (with --draft,
    it draws the map with errors as a draft, to follow a map as it is written, on a
    projector too). Ctrl-C stops the preview (exit status 130); 2 when the port cannot be had.

    \b
    Example:
      argmap preview maps/europe-central-asia.yaml --open
      argmap preview maps/europe-central-asia.yaml --port 8150 --theme dark
      argmap preview maps/europe-central-asia.yaml --draft   # errors and all, marked
    """
    try:
        status = serve(
            file, port=port, theme=theme, open_browser=open_browser, echo=say,
            source_root=source_root, draft=draft,
        )  # fmt: skip
    except UsageError as exc:
        raise Failure(str(exc)) from None
    sys.exit(status)


__all__ = ["preview"]
