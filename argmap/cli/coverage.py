"""``argmap coverage``: a map and its source → which sentences it quotes, as a table or a page."""

from __future__ import annotations

import sys

import click

from argmap.analysis.coverage import coverage as cover
from argmap.api import source_text
from argmap.cli.options import source_root_option
from argmap.cli.output import EXIT_ERRORS, EXIT_OK, Failure, checked_map, say, short, show, table
from argmap.diagnostics import ArgmapError, UsageError
from argmap.io import write_atomic
from argmap.pages.coverage import page
from argmap.read.source import SourceText


@click.command()
@click.argument("file", metavar="FILE")
@click.option(
    "--html",
    "html_out",
    metavar="OUT",
    help="Also write the source as an HTML page, quoted passages highlighted and linked to "
    "their claims, sentences no claim quotes marked.",
)
@source_root_option
def coverage(file: str, html_out: str | None, source_root: str | None) -> None:
    """Show which sentences of the source the map quotes, and which it leaves out.

    Lists the source's sentences with their line, how much of each the quotes cover and the
    claims quoting it; then the lines that are not prose (headlines, captions, page
    furniture), which are not counted; then the share of sentences quoted. The README says
    how furniture is told apart; a map can name more under 'source: ignore:'. Exit status:
    0 shown, 1 the map has errors (shown all the same), 2 a file could not be read or written.

    \b
    Example:
      argmap coverage maps/europe-central-asia.yaml
      argmap coverage maps/europe-central-asia.yaml --html coverage.html
    """
    checked = checked_map(file, source_root)
    amap = checked.map
    assert amap is not None
    try:
        text = source_text(amap, file, source_root=source_root)
        if text is None:
            raise UsageError(f"{file}: the map has no source to cover")
        found = cover(amap, SourceText(text))
        if html_out is not None:
            write_atomic(html_out, page(amap, found).encode("utf-8"))
            say(f"argmap: wrote {html_out}")
    except ArgmapError as exc:
        raise Failure(str(exc)) from None
    rows = [
        (str(s.line), f"{s.share:.0%}", short(s.text), ", ".join(s.claims) or "NOT QUOTED")
        for s in found.argument
    ]
    table(("line", "quoted", "sentence", "claims"), rows, right=2)
    if found.furniture:
        show(err=False)
        show("not prose, not counted:", err=False)
        rows = [(str(s.line), short(s.text, 60), s.furniture or "") for s in found.furniture]
        table(("line", "text", "why"), rows, right=1)
    quoted = sum(s.covered for s in found.argument)
    implicit = f" ({', '.join(found.implicit)})" if found.implicit else ""
    show(err=False)
    show(
        f"{quoted} of {len(found.argument)} argumentative sentences quoted ({found.share:.0%}); "
        f"{len(found.furniture)} lines of furniture; {len(found.implicit)} implicit "
        f"claim{'s' * (len(found.implicit) != 1)}{implicit}",
        err=False,
    )
    sys.exit(EXIT_OK if checked.ok else EXIT_ERRORS)


__all__ = ["coverage"]
