"""``argmap export``: maps to other formats (``import`` is in :mod:`argmap.cli.importing`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.api import check_map_file
from argmap.cli.options import force_option, not_empty, output_option, source_root_option
from argmap.cli.output import (
    EXIT_ERRORS,
    Failure,
    output_path,
    report,
    say,
    summary,
    write,
)
from argmap.convert import export_map, unreached_source
from argmap.diagnostics import ArgmapError
from argmap.formats.registry import EXPORTS
from argmap.overwrite import guard


@click.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(EXPORTS), case_sensitive=False))
@click.argument("file", metavar="FILE", callback=not_empty)
@output_option(
    "The file to write, a folder to write it into (ending in /), or - for stdout. Default: "
    "beside the map, with the format's extension (.aif.json, .argdown, .mmd, .kialo.txt, "
    ".sadface.json, .json, .csv)."
)
@source_root_option
@force_option
def export(fmt: str, file: str, output: str | None, source_root: str | None, force: bool) -> None:
    """Write a map as AIF JSON, Argdown, Mermaid, Kialo, SADFace, argmap's JSON or CSV.

    The map is checked first; a map with errors is not exported. What the format cannot
    hold (quotes in Mermaid and Kialo, line breaks in Argdown, ...) is said on stderr. A Mermaid
    export to a .md file is wrapped in a ```mermaid block, which GitHub draws. CSV is a row a
    claim for a spreadsheet: its text, quotes, what it supports and attacks, and whether it
    stands as eval says; a cell that would start a formula (=, +, -, @) gets an apostrophe
    first. The source's path is written relative to OUT; when OUT is outside the map's
    project, where a map imported from it could not read the source, a last line says which
    --source-root would.

    Exporting again replaces the earlier export; the map and its source text are never
    written over, any other file that holds no export of the format (a map, a text, your own
    Argdown) only with --force.

    \b
    Example:
      argmap export aif maps/europe-central-asia.yaml        # -> maps/europe-central-asia.aif.json
      argmap export argdown maps/europe-central-asia.yaml -o map.argdown
      argmap export mermaid maps/europe-central-asia.yaml -o README-map.md
      argmap export kialo maps/europe-central-asia.yaml     # -> maps/europe-central-asia.kialo.txt
      argmap export sadface maps/europe-central-asia.yaml -o build/seed.sadface.json
      argmap export json maps/europe-central-asia.yaml -o - | jq .title
      argmap export csv maps/europe-central-asia.yaml       # -> maps/europe-central-asia.csv
    """
    try:
        checked = check_map_file(file, source_root=source_root)
        report(checked.diagnostics)
        summary(checked.diagnostics)
        if not checked.ok:
            sys.exit(EXIT_ERRORS)
        assert checked.map is not None
        target = output_path(output, Path(file).with_suffix(EXPORTS[fmt].extension))
        guard(checked.map, file, target, fmt, force=force)
        exported = export_map(checked.map, fmt, file, target, source_root=source_root)
        for loss in exported.losses:
            say(f"{file}: note: {loss}")
        text = EXPORTS[fmt].text_for(exported, target.suffix if target is not None else "")
        write(target, text.encode("utf-8"))
        unreached = unreached_source(checked.map, fmt, file, target)
        if unreached is not None:
            say(f"argmap: {unreached}")
    except ArgmapError as exc:
        raise Failure(str(exc)) from None


__all__ = ["export"]
