"""``argmap render``: maps → drawings, one by one, by the folder, or kept up to date."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from argmap.api import OUT_OF_MEMORY, Checked, check_map_bytes, drafted, draw
from argmap.cli.maps import STDIN
from argmap.cli.options import (
    drawing_options,
    force_option,
    not_empty,
    output_option,
    source_root_option,
)
from argmap.cli.output import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    Failure,
    error,
    names_folder,
    report,
    say,
    tally,
    write_figures,
)
from argmap.cli.output import summary as summarize
from argmap.cli.stale import Stale, places
from argmap.diagnostics import ArgmapError, UsageError
from argmap.draw.options import DEFAULT_FORMAT, FORMATS, DrawOptions, check_options
from argmap.io import figure_paths, read_file
from argmap.overwrite import guard

#: Why a map with --draft is not drawn: its errors leave no claim to draw.
NO_DRAFT = ", even as a draft: its errors leave no claim to draw (fix those above first)"


def target(source: str, output: str | None, fmt: str, several: bool) -> Path | None:
    """Where the drawing of ``source`` goes: beside it, into the folder or file ``output``,
    or (None) to stdout for ``-``."""
    if output == "-":
        return None
    if output is None:
        return Path(source).with_suffix("." + fmt)
    if several or names_folder(output):
        return Path(output) / Path(source).with_suffix("." + fmt).name
    return Path(output)


def output_format(output: str | None, fmt: str | None, several: bool, fitted: bool) -> str:
    """The format to draw: ``-f``, else the extension of the file ``output``, else svg.

    A file whose extension names no format, or another one than ``-f``, is a usage error:
    nothing is written under a name that says something else than what it holds; so is, with
    ``--fit`` (figures, ``NAME-1.EXT`` ...), a name without an extension.
    """
    if output is None or output == "-" or names_folder(output):
        return fmt or DEFAULT_FORMAT
    suffix = os.path.splitext(output)[1][1:].lower()
    if several:
        if os.path.isfile(output):
            raise click.UsageError(
                f"{output}: to render several maps, -o must name a folder, not a file"
            )
        if suffix in FORMATS:
            raise click.UsageError(
                f"-o {output}: several maps go into a folder; end it with / ({output}/)"
            )
        return fmt or DEFAULT_FORMAT
    if fmt is None:
        if suffix not in FORMATS:
            said = f"'.{suffix}'" if suffix else "a name without an extension"
            raise click.UsageError(
                f"-o {output}: cannot tell the format from {said}; use .{', .'.join(FORMATS[:-1])} "
                f"or .{FORMATS[-1]}, or give -f FORMAT (or end it with / for a folder)"
            )
        return suffix
    if suffix in FORMATS and suffix != fmt:
        raise click.UsageError(f"-o {output} names {suffix} but -f says {fmt}; make them agree")
    if fitted and not suffix and fmt != "html":
        raise click.UsageError(
            f"-o {output}: --fit draws figures named from it, {output}-1 and on, which would have "
            f"no extension; end it with / for a folder ({output}/), or write {output}.{fmt} "
            f"(figures {output}-1.{fmt}, {output}-2.{fmt}, ...)"
        )
    return fmt


class _Render(click.Command):
    """render, telling ``--html`` (``coverage --html OUT``'s option) how it writes HTML."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as refused:
            if refused.option_name != "--html":
                raise
            raise click.UsageError(
                "render has no --html: it draws the HTML view (the map beside its source) with "
                "-f html: argmap render MAP -f html -o view.html",
                ctx,
            ) from None


@click.command(cls=_Render)
@click.argument("files", nargs=-1, required=True, metavar="FILE|DIR...", callback=not_empty)
@output_option(
    "Output file, folder (ending in /; created if missing), or - for stdout. Default: beside "
    "each map, same name."
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS, case_sensitive=False),
    help="Output format. Default: from the extension of OUT (which must name one), else svg.",
)
@drawing_options
@source_root_option
@click.option(
    "--watch",
    is_flag=True,
    help="Keep running and draw each map again when it or its source text is saved.",
)
@force_option
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; draw in memory and list the figures that would change or are missing "
    "(exit status 1), as fmt --check.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Maps drawn at once when rendering a folder. Default: one per core.",
)
def render(
    files: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    options: DrawOptions,
    source_root: str | None,
    watch: bool,
    force: bool,
    check: bool,
    jobs: int | None,
) -> None:
    """Draw maps as SVG, PNG, PDF or DOT with the bundled Graphviz, or as an HTML page.

    The SVG is made to embed in documents (titled, described, scaling to its column). The
    HTML page (-f html) shows the map beside its source text, each claim linked to the
    passages it quotes; it is one file that works offline.

    A map with errors is not drawn and an existing drawing is left as it was, unless
    --draft: then it is drawn as a draft, headed DRAFT and its number of errors, the claims
    with errors outlined in dots (their errors in their tooltips), links to claims that do
    not exist left out; the exit status is still 1. A file that gives no claim to draw (a
    YAML syntax error) is not drawn even so. Files are written whole or not at all.
    Drawing again replaces the earlier drawing; the map and its source text are never
    written over, any other file that holds no drawing of the format (a map, a text, notes)
    only with --force.

    The same map always gives the same bytes; with pygraphviz's Linux wheels, on any
    machine: the text is set in the font argmap ships (Argmap Sans, from Noto Sans), which
    the SVG carries. Text that font cannot draw is drawn with the machine's fonts, and a note
    says which characters and what font to install.

    With --fit WIDTH, an svg, png or pdf is laid out for a column WIDTH CSS px wide, so that
    its text can be read there (WIDTHxHEIGHT: a screen or slide, each figure shown whole on
    it); a map too big for one figure is split into figures, written as
    NAME-1.svg ... NAME-N.svg in reading order (so -o names a folder, phone/, or a file
    with an extension, fig.png: not phone, whose figures would have none). A width on
    paper (--fit 468pt, or 468x648pt with the most a figure may be tall) writes each
    figure at the size it is printed. With
    --page a4 (or letter), a pdf is printed pages to hand out: each headed once by the
    map's title and legend, the figures under it in rows, side by side where they fit, their
    text the same size, as small as the fewest pages need but at least 9 pt (claims) and 7 pt.
    With --page a3, a2, a1 or a0 it is a poster: the whole map on one page, as large as the
    page holds. A figure that cannot be cut small enough is drawn smaller, and a note says
    how small its text comes out.

    With --side proponent (or opponent), a debate's map (claims with role: proponent or
    opponent; a claim without a role is the proponent's) is drawn as one side's handout: all
    the claims of that side, and the other side's claims that attack them or that they
    attack; the rest of the other side's case is left out, each claim saying what it has
    outside.

    For a paper, --no-title leaves the map's title and source out of figures that the
    document captions, and --min-text-size 8 makes figures for claim text of 8 pt rather
    than 9: fewer of them.

    A folder (DIR) stands for every map under it (*.yaml, *.yml): they are drawn in
    parallel, and those whose drawing is up to date are skipped (see .argmap-cache.json in
    the output folder). With --watch, argmap keeps running and draws a map again each time
    it or its source is saved; Ctrl-C stops it.

    With --check, nothing is written: each map is drawn in memory with the options given and
    compared with the files render would write; the figures that would change or are missing,
    and those left from an earlier drawing (render leaves them), are listed, and the exit
    status is 1 if there are any (or a map has errors), 0 when every figure is up to date: for
    CI, after the maps changed.

    \b
    Example:
      argmap render maps/europe-central-asia.yaml            # -> maps/europe-central-asia.svg
      argmap render maps/europe-central-asia.yaml -f png --dpi 300
      argmap render maps/europe-central-asia.yaml -f html --theme dark
      argmap render maps/europe-central-asia.yaml -f pdf --theme print   # to print
      argmap render maps/europe-central-asia.yaml -o - > map.svg
      argmap render maps/*.yaml -o build/
      argmap render maps/ -o build/                          # every map, in parallel
      argmap render maps/ -o build/ --fit 720                # each map's figures
      argmap render maps/europe-central-asia.yaml --watch
      argmap render maps/europe-central-asia.yaml --watch --draft   # errors and all, marked
      argmap render maps/europe-central-asia.yaml --focus energy-mutual-interest --depth 1
      argmap render debate.yaml --side opponent --page a4 -o opp.pdf   # one side, to hand out
      argmap render maps/europe-central-asia.yaml --status -f png
      argmap render maps/europe-central-asia.yaml --fit 720 -o build/   # build/NAME-1.svg ...
      argmap render maps/europe-central-asia.yaml -f pdf --fit 468x648pt -o build/  # for LaTeX
      argmap render maps/europe-central-asia.yaml --fit 1280x720 -o slides/   # a screen
      argmap render maps/europe-central-asia.yaml --fit 390x844 -f png --no-title -o phone/
      argmap render maps/europe-central-asia.yaml -f html --fit 720 -o view.html   # text readable
      argmap render maps/europe-central-asia.yaml --fit 1280x720 --min-text-size 20 -o proj/
      argmap render maps/europe-central-asia.yaml -f pdf --page a4 --landscape
      argmap render maps/*.yaml -f pdf --fit 468pt --no-title --min-text-size 8 -o build/
      argmap render maps/europe-central-asia.yaml --page a0 -o poster.pdf   # a poster
      argmap render maps/ --fit 720 -o maps/figures/ --check   # in CI: any figure stale?
    """
    if STDIN in files:  # a drawing goes beside its map file, its source found from there
        raise click.UsageError(
            "render draws map files, not - (standard input): a drawing goes beside its map, "
            "and its source is found from there; save the map to a file (argmap check - "
            "checks one on standard input)"
        )
    folders = [name for name in files if os.path.isdir(name)]
    several = len(files) > 1 or bool(folders)
    fmt = output_format(output, fmt, several, fitted=options.fit is not None)
    try:  # options that don't go together are refused before any map is read
        check_options(fmt, options)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    if output == "-" and (several or watch):
        raise click.UsageError(
            "-o - (stdout) takes one map; give a folder to render several or to watch"
        )
    if check and (watch or output == "-"):
        raise click.UsageError("--check compares files: not with --watch or -o - (stdout)")
    if (folders or watch) and not check:
        status = _render_many(files, folders, output, fmt, options, watch, jobs, source_root, force)
        sys.exit(status)
    exit_status = EXIT_OK
    results: list[Checked] = []
    stale = Stale()
    named = [(name, target(name, output, fmt, several)) for name in files]
    if check:  # a folder's maps too, one by one: every figure is drawn to be compared
        named = places(files, output, fmt, lambda name: target(name, output, fmt, several))
    clashing = _clashes(named, output, several)
    for name, where in named:
        try:
            if name in clashing:
                raise UsageError(clashing[name])
            data = read_file(name)
            checked = check_map_bytes(data, name, source_root=source_root)
            results.append(checked)
            report(checked.diagnostics)
            amap, draft = checked.map, None
            if not checked.ok:
                exit_status = max(exit_status, EXIT_ERRORS)
                found = drafted(data, checked) if options.draft else None
                if found is None:
                    said = NO_DRAFT if options.draft else ": it has errors"
                    say(f"argmap: {name} not drawn{said}")
                    stale.undrawn += 1
                    continue
                amap, draft = found
            assert amap is not None
            notes: list[str] = []
            drawings = draw(amap, name, fmt, options, notes=notes, source_root=source_root,
                            draft=draft)  # fmt: skip
            if draft is not None:  # said once drawn: a focus on a claim left out draws nothing
                say(f"argmap: {name} has errors; drawn as a draft")
            for note in notes:
                say(f"{name}: note: {note}")
            if check and where is not None:
                stale.compare(where, drawings)
                continue
            for path in figure_paths(where, len(drawings)) if where is not None else ():
                guard(amap, name, path, fmt, force=force)  # every figure, before any
            write_figures(where, drawings)
        except ArgmapError as exc:
            error(str(exc))
            exit_status = EXIT_USAGE
            stale.undrawn += 1
        except MemoryError:
            error(f"{name}: {OUT_OF_MEMORY}")
            exit_status = EXIT_USAGE
            stale.undrawn += 1
    summarize(d for checked in results for d in checked.diagnostics)
    if check:
        say(stale.summary())
        exit_status = max(exit_status, EXIT_ERRORS if stale.failed else EXIT_OK)
    sys.exit(exit_status)


def _clashes(
    named: list[tuple[str, Path | None]], output: str | None, several: bool
) -> dict[str, str]:
    """The maps that would be drawn to one file, each with the error naming them."""
    if not several or output == "-":
        return {}
    from argmap.batch.jobs import clashes  # several maps only

    return clashes((name, str(where)) for name, where in named)


def _render_many(
    files: tuple[str, ...],
    folders: list[str],
    output: str | None,
    fmt: str,
    options: DrawOptions,
    watch: bool,
    jobs: int | None,
    source_root: str | None,
    force: bool,
) -> int:
    """``render DIR...`` (in parallel, skipping drawings up to date) and ``render --watch``."""
    # Drawing folders and watching load here, not with the command: one map drawn never needs
    # the batch, its cache or the watcher.
    from argmap.batch.jobs import plan_target, summary
    from argmap.batch.pool import render_folders
    from argmap.watch import watch as watch_maps

    def place(path: str) -> str:
        for folder in folders:
            if not os.path.relpath(path, folder).startswith(os.pardir):
                return plan_target(path, folder, output, fmt)
        return str(target(path, output, fmt, len(files) > 1 or bool(folders)))

    try:
        if watch:
            return watch_maps(list(files), place, fmt, options, echo=say, source_root=source_root,
                              force=force)  # fmt: skip
        maps = [name for name in files if name not in folders]
        with contextlib.ExitStack() as stack:
            outcomes = render_folders(
                folders, output, fmt, options, workers=jobs,
                files=[(m, place(m)) for m in maps], progress=_progress(stack),
                source_root=source_root, note=say, force=force,
            )  # fmt: skip
    except ArgmapError as exc:
        raise Failure(str(exc)) from None
    for outcome in outcomes:
        for line in outcome.report():
            say(line)
    line = tally(sum(o.errors for o in outcomes), sum(o.warnings for o in outcomes))
    if line:
        say(line)  # the count of problems, then what was drawn
    say(summary(outcomes))
    return max((o.status for o in outcomes), default=0)


def _progress(stack: contextlib.ExitStack) -> Callable[[int, int], None] | None:
    """A progress bar on stderr, on a terminal, while a batch of several maps is drawn."""
    if not sys.stderr.isatty():
        return None
    bar: click.progressbar[int] | None = None

    def advance(done: int, total: int) -> None:
        nonlocal bar
        if total > 1:
            if bar is None:
                bar = click.progressbar(length=total, label="argmap: rendering", file=sys.stderr)
                stack.enter_context(bar)
            bar.update(done - bar.pos)

    return advance


__all__ = ["output_format", "render", "target"]
