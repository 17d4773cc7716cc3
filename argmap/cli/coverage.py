"""``argmap coverage``: maps and their sources → which sentences they quote, as tables or pages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from argmap.analysis.coverage import Coverage
from argmap.analysis.coverage import coverage as cover
from argmap.api import Checked
from argmap.batch.jobs import clashes
from argmap.cli.maps import Found, Run, named
from argmap.cli.options import (
    force_option,
    not_empty,
    output_format_option,
    source_root_option,
    stdin_filename_option,
)
from argmap.cli.output import (
    EXIT_USAGE,
    Failure,
    error,
    output_path,
    short,
    show,
    table,
    write,
)
from argmap.diagnostics import ArgmapError, UsageError
from argmap.overwrite import guard
from argmap.pages.coverage import page
from argmap.read.source import SourceText
from argmap.results import coverage_result, skipped_result
from argmap.sources import source_of


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE|DIR|-...", callback=not_empty)
@click.option(
    "--html",
    "html_out",
    metavar="OUT",
    help="Also write the source as an HTML page, quoted passages highlighted and linked to "
    "their claims, sentences no claim quotes marked. For several maps, OUT is a folder.",
)
@output_format_option(
    ("text", "json"),
    "json: one JSON array on stdout, an object a map (path; sentences, quoted, share, "
    "not_quoted: null when the map was not covered), nothing else.",
)
@click.option(
    "--missed",
    is_flag=True,
    help="List only the sentences no claim quotes (no furniture), then the share quoted: what "
    "is left to map. The JSON lists them as not_quoted.",
)
@source_root_option
@stdin_filename_option
@force_option
def coverage(
    files: tuple[str, ...],
    html_out: str | None,
    output_format: str,
    missed: bool,
    source_root: str | None,
    stdin_filename: str | None,
    force: bool,
) -> None:
    """Show which sentences of the source the map quotes, and which it leaves out.

    Lists the source's sentences with their line, how much of each the quotes cover and the
    claims quoting it; then the lines that are not prose (headlines, captions, page
    furniture), which are not counted; then the share of sentences quoted. docs/evaluation.md
    ("Coverage") says how furniture is told apart; a map can name more under 'source:
    ignore:'. A folder (DIR) stands for every map under it, as for render: each map's report
    comes under its path, maps without a source are passed over, and a row a map ends the
    run. A - reads a map from standard input (its source found from the current folder, as
    for a map there).
    Exit status: 0 shown, 1 a map has errors (shown all the same), 2 a file could not be
    read or written (or the one map named has no source).

    \b
    Example:
      argmap coverage maps/europe-central-asia.yaml
      argmap coverage maps/europe-central-asia.yaml --html coverage.html
      argmap coverage --missed maps/europe-central-asia.yaml   # what is left to map
      argmap coverage maps/ --html build/coverage/    # a page a map, as maps/ holds them
      argmap coverage --output-format json maps/     # for a script: each map's share
    """
    quiet = output_format == "json"
    run = Run(
        files, ("sentences", "quoted", "share", "map"), quiet=quiet, stdin_name=stdin_filename
    )
    covered: dict[str, Coverage] = {}
    many, rows = run.many, run.rows
    if many and html_out is not None and os.path.isfile(html_out):
        raise click.UsageError(
            f"{html_out}: for several maps, --html must name a folder, not a file"
        )
    pages = [(item.path, _page(item, html_out)) for item in run.found] if many else []
    clashing = clashes(((path, out) for path, out in pages if out is not None), "written")
    for item, checked in run.maps(source_root, "covered"):
        try:
            if item.path in clashing:
                raise UsageError(clashing[item.path])
            out = _page(item, html_out) if many else _single_page(item.path, html_out)
            found_cover = _cover(
                checked,
                item.path,
                out,
                alone=not many,
                root=source_root,
                shown=not quiet,
                missed=missed,
                force=force,
            )
        except ArgmapError as exc:
            if not many and not quiet:
                raise Failure(str(exc)) from None
            error(str(exc))
            run.skip(item.path, "failed", str(exc))
            run.worst = EXIT_USAGE
            rows.append(("-",) * 3 + (f"{item.path} (not covered)",))
            continue
        bad = not checked.ok
        if found_cover is not None:
            covered[item.path] = found_cover
        elif not quiet:  # no source, of one of several maps
            show("no source to cover", err=False)
        if found_cover is None:
            run.skip(item.path, "no source", "the map has no source")
            rows.append(("-",) * 3 + (f"{item.path} (no source{', has errors' * bad})",))
            continue
        quoted = sum(s.covered for s in found_cover.argument)
        figures = (str(len(found_cover.argument)), str(quoted), f"{found_cover.share:.0%}")
        rows.append((*figures, item.path + " (has errors)" * bad))
    if quiet:
        found = [coverage_result(named(item.path), covered[item.path]) if item.path in covered
                 else skipped_result("coverage", named(item.path), **run.not_done[item.path])
                 for item in run.found]  # fmt: skip
        show(json.dumps(found), err=False)
    run.finish()


def _single_page(path: str, html_out: str | None) -> str | None:
    """Where the one map's page goes: ``html_out``, or inside it when it names a folder."""
    if html_out is None:
        return None
    return str(output_path(html_out, Path(path).with_suffix(".html")))


def _page(item: Found, folder: str | None) -> str | None:
    """Where the page of one of several maps goes: at its place under ``folder`` (as the
    map is under the folder it was found in), named like the map."""
    if folder is None:
        return None
    name = os.path.relpath(item.path, item.folder) if item.folder else os.path.basename(item.path)
    return os.path.join(folder, os.path.splitext(name)[0] + ".html")


def _cover(
    checked: Checked,
    path: str,
    html_out: str | None,
    *,
    alone: bool,
    root: str | None,
    shown: bool = True,
    missed: bool = False,
    force: bool = False,
) -> Coverage | None:
    """The coverage of a map's source (read inside its project or under ``root``), written
    as a page to ``html_out`` and shown (stdout) when ``shown`` (only what it ``missed``).

    A map without a source is a UsageError when it is the ``alone`` map of the run, and
    passed over (None) among several.
    """
    amap = checked.map
    assert amap is not None
    text = source_of(amap, checked.path, root)  # a map on stdin: from --stdin-filename
    if text is None:
        if alone:
            raise UsageError(f"{path}: the map has no source to cover")
        return None
    found = cover(amap, SourceText(text))
    if html_out is not None:
        guard(amap, path, html_out, "html", force=force, option="--html")
        write(Path(html_out), page(amap, found).encode("utf-8"))
    if shown:
        _show(found, missed)
    return found


def _show(found: Coverage, missed: bool = False) -> None:
    """A coverage as tables: the sentences, the furniture, the share quoted (stdout); or,
    ``missed``, only the sentences no claim quotes, and the share."""
    if missed:
        rows = [(str(s.line), short(s.text)) for s in found.argument if not s.covered]
        if rows:
            table(("line", "sentence"), rows, right=1)
            show(err=False)
    else:
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
        show(err=False)
    quoted = sum(s.covered for s in found.argument)
    implicit = f" ({', '.join(found.implicit)})" if found.implicit else ""
    sentences, furniture = len(found.argument), len(found.furniture)
    show(
        f"{quoted} of {sentences} argumentative sentence{'s' * (sentences != 1)} quoted "
        f"({found.share:.0%}); {furniture} line{'s' * (furniture != 1)} of furniture; "
        f"{len(found.implicit)} implicit claim{'s' * (len(found.implicit) != 1)}{implicit}",
        err=False,
    )


__all__ = ["coverage"]
