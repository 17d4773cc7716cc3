"""``argmap import`` and ``export``: maps from and to other formats."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from argmap.api import check_bytes, check_file
from argmap.cli.options import output_option, source_root_option
from argmap.cli.output import (
    EXIT_ERRORS,
    EXIT_OK,
    Failure,
    output_path,
    report,
    say,
    summary,
    write,
)
from argmap.convert import export_map, import_file
from argmap.diagnostics import ArgmapError, MapError, shell_word
from argmap.formats.base import FormatError
from argmap.formats.registry import EXPORTS, IMPORTS
from argmap.formats.sniff import NAMES, sniff
from argmap.formats.yaml import dump
from argmap.io import read_file, refuse_overwrite


@click.command("import")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(IMPORTS), case_sensitive=False))
@click.argument("file", metavar="FILE")
@output_option(
    "The map to write, a folder to write it into (ending in /), or - for stdout. Default: FILE "
    "with the extension .yaml."
)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@source_root_option
def import_(fmt: str, file: str, output: str | None, force: bool, source_root: str | None) -> None:
    """Turn a microtext, AIF, SADFace, Argdown, Kialo or argmap JSON file into a map.

    The map is written as YAML and checked. What the import left out or changed is noted on
    stderr, with the ids of the nodes concerned, and so are the check's findings. Exit
    status: 0 written (warnings allowed), 1 the file is not in the format or the map has
    errors, 2 a file could not be read or written. A microtext's .txt (beside its XML)
    becomes the map's source; the map's source path is written relative to OUT (to the
    current folder for stdout), so the map checks wherever it is written.

    \b
    Example:
      argmap import microtext micro_b001.xml -o maps/micro_b001.yaml
      argmap import aif nodeset10.json -o maps/nodeset10.yaml
      argmap import argdown debate.argdown -o maps/debate.yaml
      argmap import kialo discussion.txt -o maps/discussion.yaml
      argmap import sadface analysis.json -o maps/analysis.yaml
      argmap import json map.json -o - | less
    """
    target = output_path(output, Path(file).with_suffix(".yaml"))
    try:
        refuse_overwrite(file, target, "the file imported")
        imported = import_file(fmt, file, target, source_root=source_root)  # read it first
        if target is not None and target.exists() and not force:
            raise Failure(f"{target}: exists; give --force to overwrite it, or another -o")
        for note in imported.notes:
            say(f"{file}: note: {note}")
        data = dump(imported.map).encode("utf-8")
        write(target, data)
    except MapError as exc:
        report(exc.diagnostics)
        summary(exc.diagnostics)
        sys.exit(EXIT_ERRORS)
    except FormatError as exc:
        raise Failure(f"{file}: {exc}{_in_another_format(fmt, file)}", EXIT_ERRORS) from None
    except ArgmapError as exc:
        raise Failure(str(exc)) from None
    checked = check_bytes(data, "-" if target is None else str(target), source_root=source_root)
    report(checked.diagnostics)
    summary(checked.diagnostics)
    if any(d.code == "AM117" for d in checked.diagnostics) and imported.map.source is not None:
        _outside(target, imported.map.source.path)
    sys.exit(EXIT_OK if checked.ok else EXIT_ERRORS)


def _in_another_format(fmt: str, file: str) -> str:
    """For a file not in ``fmt``: the format argmap imports that it is in, and the command
    (``; it is an AIF graph: argmap import aif FILE``), or nothing."""
    try:
        other = sniff(read_file(file), file)
    except ArgmapError:
        return ""
    if other is None or other == fmt:
        return ""
    return f"; it is {NAMES[other]}: argmap import {other} {shell_word(file)}"


def _outside(target: Path | None, source: str) -> None:
    """How to read a map written where its source (a path the user gave) lies outside its
    project, said after AM117: a folder to pass as --source-root, or where to write it."""
    written = "the map" if target is None else str(target)
    folder = os.path.normpath((Path.cwd() if target is None else target.parent) / source)
    say(
        f"argmap: {written} reads its source from outside its project: check and draw it with "
        f"--source-root {os.path.dirname(folder) or '.'}, or write the map in a folder that "
        "holds its source (or in a project: a folder with .git, pyproject.toml or mkdocs.yml)"
    )


@click.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(EXPORTS), case_sensitive=False))
@click.argument("file", metavar="FILE")
@output_option(
    "The file to write, a folder to write it into (ending in /), or - for stdout. Default: "
    "beside the map, with the format's extension (.aif.json, .argdown, .mmd, .kialo.txt, "
    ".sadface.json, .json)."
)
@source_root_option
def export(fmt: str, file: str, output: str | None, source_root: str | None) -> None:
    """Write a map as AIF JSON, Argdown, Mermaid, a Kialo discussion, SADFace or argmap's JSON.

    The map is checked first; a map with errors is not exported. What the format cannot
    hold (quotes in Mermaid and Kialo, line breaks in Argdown, ...) is said on stderr. A Mermaid
    export to a .md file is wrapped in a ```mermaid block, which GitHub draws.

    \b
    Example:
      argmap export aif maps/europe-central-asia.yaml        # -> maps/europe-central-asia.aif.json
      argmap export argdown maps/europe-central-asia.yaml -o map.argdown
      argmap export mermaid maps/europe-central-asia.yaml -o README-map.md
      argmap export kialo maps/europe-central-asia.yaml     # -> maps/europe-central-asia.kialo.txt
      argmap export sadface maps/europe-central-asia.yaml -o build/seed.sadface.json
      argmap export json maps/europe-central-asia.yaml -o - | jq .title
    """
    try:
        checked = check_file(file, source_root=source_root)
        report(checked.diagnostics)
        summary(checked.diagnostics)
        if not checked.ok:
            sys.exit(EXIT_ERRORS)
        assert checked.map is not None
        target = output_path(output, Path(file).with_suffix(EXPORTS[fmt].extension))
        refuse_overwrite(file, target, "the map itself")
        exported = export_map(checked.map, fmt, file, target)
        for loss in exported.losses:
            say(f"{file}: note: {loss}")
        text = exported.text
        if fmt == "mermaid" and target is not None and target.suffix.lower() == ".md":
            text = f"```mermaid\n{text}```\n"
        write(target, text.encode("utf-8"))
    except ArgmapError as exc:
        raise Failure(str(exc)) from None


__all__ = ["export", "import_"]
