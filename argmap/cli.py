"""The ``argmap`` command line: thin click commands over argmap.api.

Start-up is kept short: this module imports click and little else, and each command imports
what it needs when it runs (``--help`` loads no part of argmap, ``check`` not Graphviz, and a
``render DIR`` that finds every drawing up to date neither YAML nor the checking pipeline).
The console script is :func:`argmap.console.run`, which answers that last case without click.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

from argmap import __version__
from argmap.names import (
    DEFAULT_FORMAT,
    DEFAULT_THEME,
    EXPORT_FORMATS,
    FORMATS,
    IMPORT_FORMATS,
    THEMES,
)

if TYPE_CHECKING:
    from pathlib import Path

    from argmap.api import Checked
    from argmap.diagnostics import Diagnostic

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _report(diagnostics: Iterable[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        click.echo(str(diagnostic), err=True)


def _summary(checked: list[Checked]) -> None:
    """One closing line, only when something was reported."""
    from argmap.console import tally
    from argmap.diagnostics import Severity

    errors = sum(d.severity is Severity.ERROR for c in checked for d in c.diagnostics)
    warnings = sum(d.severity is Severity.WARNING for c in checked for d in c.diagnostics)
    line = tally(errors, warnings)
    if line:
        click.echo(line, err=True)


def _usage(message: str) -> None:
    click.echo(f"argmap: error: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="argmap")
def main() -> None:
    """Model the argument of a text as YAML, check it against its source, draw it.

    \b
    Example:
      argmap check maps/europe-central-asia.yaml
      argmap render maps/europe-central-asia.yaml
    """


@main.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
def check(files: tuple[str, ...]) -> None:
    """Check maps: shape, references, logic, and every quote against the source.

    Prints each problem as PATH:LINE:COL: error|warning: message [CODE] on stderr and
    nothing when the maps are clean. Exit status: 0 clean or warnings only, 1 errors,
    2 a file could not be read.

    \b
    Example:
      argmap check maps/europe-central-asia.yaml
      argmap check maps/*.yaml
    """
    from argmap.api import check_file
    from argmap.diagnostics import UsageError

    status = EXIT_OK
    results: list[Checked] = []
    for name in files:
        try:
            checked = check_file(name)
        except UsageError as exc:
            _usage(str(exc))
            status = EXIT_USAGE
            continue
        results.append(checked)
        _report(checked.diagnostics)
        if not checked.ok:
            status = max(status, EXIT_ERRORS)
    _summary(results)
    sys.exit(status)


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], right: int = 0) -> None:
    """Rows in aligned columns on stdout, the first ``right`` ones (numbers) flush right;
    the last column runs on."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [
            cell.rjust(width) if i < right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=False))
        ]
        click.echo("  ".join([*cells, row[-1]]).rstrip())


def _checked_map(name: str) -> Checked:
    """A map file read and checked, its diagnostics reported; exits when it cannot be read
    or has no map at all."""
    from argmap.api import check_file
    from argmap.diagnostics import UsageError

    try:
        checked = check_file(name)
    except UsageError as exc:
        _usage(str(exc))
        sys.exit(EXIT_USAGE)
    _report(checked.diagnostics)
    _summary([checked])
    if checked.map is None:
        sys.exit(EXIT_ERRORS)
    return checked


@main.command("eval")
@click.argument("file", metavar="FILE")
def eval_(file: str) -> None:
    """Say which claims stand, which are defeated and which are undecided, and why.

    Evaluates the argument under grounded semantics: a claim stands when it is a premise or
    a reason for it holds, and every attack on it is defeated; whatever attack cycles leave
    open is undecided. For each claim that does not stand, the chain of claims that defeats
    it; for one that stands, the reasons that fail, if any. Diagnostics go to stderr; exit
    status 1 when the map has errors (it is evaluated all the same), 2 when it is unreadable.

    \b
    Example:
      argmap eval maps/europe-central-asia.yaml
    """
    from argmap.evaluate import Status, evaluate, explain

    checked = _checked_map(file)
    amap = checked.map
    assert amap is not None
    evaluation = evaluate(amap)
    rows = []
    for claim in amap.by_id().values():
        kind = claim.kind.value + (", implicit" if claim.implicit else "")
        status = evaluation.status(claim.id).value
        rows.append((claim.id, kind, status, explain(evaluation, claim.id)))
    _table(("claim", "kind", "status", "why"), rows)
    counts = evaluation.counts()
    implicit = sum(claim.implicit for claim in amap.by_id().values())
    click.echo(
        f"{len(evaluation)} claims: {counts[Status.STANDS]} stand, "
        f"{counts[Status.DEFEATED]} defeated, {counts[Status.UNDECIDED]} undecided; "
        f"{implicit} implicit"
    )
    sys.exit(EXIT_OK if checked.ok else EXIT_ERRORS)


def _short(text: str, width: int = 72) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@main.command()
@click.argument("file", metavar="FILE")
@click.option(
    "--html",
    "html_out",
    metavar="OUT",
    help="Also write the source as an HTML page, quoted passages highlighted and linked to "
    "their claims, sentences no claim quotes marked.",
)
def coverage(file: str, html_out: str | None) -> None:
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
    from argmap.api import source_text
    from argmap.coverage import coverage as cover
    from argmap.diagnostics import ArgmapError, UsageError
    from argmap.quotes import SourceText

    checked = _checked_map(file)
    amap = checked.map
    assert amap is not None
    try:
        text = source_text(amap, file)
        if text is None:
            raise UsageError(f"{file}: the map has no source to cover")
        found = cover(amap, SourceText(text))
        if html_out is not None:
            from argmap.coverage_html import page
            from argmap.render import write_atomic

            write_atomic(html_out, page(amap, found).encode("utf-8"))
            click.echo(f"argmap: wrote {html_out}", err=True)
    except ArgmapError as exc:
        _usage(str(exc))
        sys.exit(EXIT_USAGE)
    rows = [
        (str(s.line), f"{s.share:.0%}", _short(s.text), ", ".join(s.claims) or "NOT QUOTED")
        for s in found.argument
    ]
    _table(("line", "quoted", "sentence", "claims"), rows, right=2)
    if found.furniture:
        click.echo("\nnot prose, not counted:")
        _table(("line", "text", "why"), [(str(s.line), _short(s.text, 60), s.furniture or "")
                                          for s in found.furniture], right=1)  # fmt: skip
    argument = found.argument
    quoted = sum(s.covered for s in argument)
    implicit = f" ({', '.join(found.implicit)})" if found.implicit else ""
    click.echo(
        f"\n{quoted} of {len(argument)} argumentative sentences quoted ({found.share:.0%}); "
        f"{len(found.furniture)} lines of furniture; {len(found.implicit)} implicit "
        f"claim{'s' * (len(found.implicit) != 1)}{implicit}"
    )
    sys.exit(EXIT_OK if checked.ok else EXIT_ERRORS)


def _target(source: str, output: str | None, fmt: str, several: bool) -> Path | None:
    """Where the drawing of ``source`` goes; None for stdout."""
    from pathlib import Path

    if output == "-":
        return None
    name = Path(source).with_suffix("." + fmt).name
    if output is None:
        return Path(source).with_suffix("." + fmt)
    if several or Path(output).is_dir():
        return Path(output) / name
    return Path(output)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


@main.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    help="Output file, folder, or - for stdout. Default: beside each map, same name.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Output format. Default: from the extension of OUT, else svg.",
)
@click.option(
    "--theme",
    type=click.Choice(THEMES),
    default=DEFAULT_THEME,
    show_default=True,
    help="Colours of svg and html: print is black and white; auto follows the reader's system.",
)
@click.option(
    "--width",
    metavar="LENGTH",
    help="SVG width as a CSS length (800px, 16cm, 100%). Default: natural size, shrinking to fit.",
)
@click.option(
    "--id-prefix",
    default="",
    metavar="PREFIX",
    help="Put before every id in svg and html, for pages showing maps that share claim ids.",
)
@click.option(
    "--focus",
    metavar="ID",
    help="Draw only the part of the map around this claim (for big maps).",
)
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    metavar="N",
    help="With --focus: the claims within N support or attack steps of it. Default: 2.",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Keep running and draw each map again when it or its source text is saved.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Maps drawn at once when rendering a folder. Default: one per core.",
)
@click.option(
    "--status",
    is_flag=True,
    help="Show on each claim whether it stands, is defeated or is undecided (see argmap eval).",
)
@click.option("--watch-rounds", type=int, hidden=True)  # tests: stop after N looks
def render(
    files: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    theme: str,
    width: str | None,
    id_prefix: str,
    focus: str | None,
    depth: int | None,
    watch: bool,
    jobs: int | None,
    status: bool,
    watch_rounds: int | None,
) -> None:
    """Draw maps as SVG, PNG, PDF or DOT with the bundled Graphviz, or as an HTML page.

    The SVG is made to embed in documents (titled, described, scaling to its column). The
    HTML page (-f html) shows the map beside its source text, each claim linked to the
    passages it quotes; it is one file that works offline.

    A map with errors is not drawn and an existing drawing is left as it was. Files are
    written whole or not at all. The same map always gives the same bytes.

    A folder (DIR) stands for every map under it (*.yaml, *.yml): they are drawn in
    parallel, and those whose drawing is up to date are skipped (see .argmap-cache.json in
    the output folder). With --watch, argmap keeps running and draws a map again each time
    it or its source is saved; Ctrl-C stops it.

    \b
    Example:
      argmap render maps/europe-central-asia.yaml            # -> maps/europe-central-asia.svg
      argmap render maps/europe-central-asia.yaml -f png
      argmap render maps/europe-central-asia.yaml -f html --theme dark
      argmap render maps/europe-central-asia.yaml -o - > map.svg
      argmap render maps/*.yaml -o build/
      argmap render maps/ -o build/                          # every map, in parallel
      argmap render maps/europe-central-asia.yaml --watch
      argmap render big.yaml --focus energy-interest --depth 1
      argmap render maps/europe-central-asia.yaml --status -f png
    """
    if fmt is None:
        suffix = os.path.splitext(output)[1][1:].lower() if output and output != "-" else ""
        fmt = suffix if suffix in FORMATS else DEFAULT_FORMAT
    from argmap.batch import drawing_options

    # Every option that changes the drawing, by name: batch and watch pass them on to
    # argmap.batch.draw, and the batch cache keys drawings by them.
    options = drawing_options(theme, width, id_prefix, status=status, focus=focus, depth=depth)
    folders = [name for name in files if os.path.isdir(name)]
    several = len(files) > 1 or bool(folders)
    if output == "-" and (several or watch):
        _usage("-o - (stdout) takes one map; give a folder to render several or to watch")
        sys.exit(EXIT_USAGE)
    if folders or watch:
        sys.exit(_render_many(files, folders, output, fmt, options, watch, jobs, watch_rounds))
    from pathlib import Path

    from argmap.api import check_file
    from argmap.batch import draw
    from argmap.diagnostics import ArgmapError, UsageError
    from argmap.render import write_atomic

    exit_status = EXIT_OK
    results: list[Checked] = []
    for name in files:
        try:
            checked = check_file(name)
            results.append(checked)
            _report(checked.diagnostics)
            if not checked.ok:
                exit_status = max(exit_status, EXIT_ERRORS)
                continue
            assert checked.map is not None
            target = _target(name, output, fmt, several)
            if target is not None and _same_file(Path(name), target):
                raise UsageError(f"{target}: refusing to overwrite the map itself")
            data = draw(checked.map, name, fmt, options)
            if target is None:
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
            else:
                write_atomic(target, data)
                click.echo(f"argmap: wrote {target}", err=True)
        except ArgmapError as exc:
            _usage(str(exc))
            exit_status = EXIT_USAGE
    _summary(results)
    sys.exit(exit_status)


def _render_many(
    files: tuple[str, ...],
    folders: list[str],
    output: str | None,
    fmt: str,
    options: dict[str, object],
    watch: bool,
    jobs: int | None,
    rounds: int | None,
) -> int:
    """``render DIR...`` (in parallel, skipping drawings up to date) and ``render --watch``."""
    from argmap import batch

    def echo(line: str) -> None:
        click.echo(line, err=True)

    def target(path: str) -> str:
        for folder in folders:
            if not os.path.relpath(path, folder).startswith(os.pardir):
                return batch.plan_target(path, folder, output, fmt)
        return str(_target(path, output, fmt, len(files) > 1 or bool(folders)))

    try:
        if watch:
            from argmap.watch import watch as watch_maps

            return watch_maps(list(files), target, fmt, options, echo=echo, rounds=rounds)
        maps = [name for name in files if name not in folders]
        outcomes = batch.render_folders(
            folders, output, fmt, options, workers=jobs, echo=echo,
            progress_bar=sys.stderr.isatty(), files=[(m, target(m)) for m in maps],
        )  # fmt: skip
    except Exception as exc:
        # Imported only now: a batch that finds every drawing up to date never loads it.
        from argmap.diagnostics import ArgmapError

        if not isinstance(exc, ArgmapError):
            raise
        _usage(str(exc))
        return EXIT_USAGE
    from argmap.console import conclude

    return conclude(outcomes, echo)


def _write(target: Path | None, data: bytes) -> None:
    """``data`` to the file ``target`` (whole or not at all), or to stdout for None."""
    from argmap.render import write_atomic

    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomic(target, data)
        click.echo(f"argmap: wrote {target}", err=True)


@main.command("import")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(IMPORT_FORMATS))
@click.argument("file", metavar="FILE")
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    help="The map to write, or - for stdout. Default: FILE with the extension .yaml.",
)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def import_(fmt: str, file: str, output: str | None, force: bool) -> None:
    """Turn a microtext (XML), AIF (JSON) or argmap JSON file into an argmap map.

    The map is written as YAML and checked. What the import left out or changed is noted on
    stderr, with the ids of the nodes concerned, and so are the check's findings. Exit
    status: 0 written (warnings allowed), 1 the file is not in the format or the map has
    errors, 2 a file could not be read or written. A microtext's .txt (beside its XML)
    becomes the map's source, named relative to OUT (to the current folder for stdout).

    \b
    Example:
      argmap import microtext micro_b001.xml -o maps/micro_b001.yaml
      argmap import aif nodeset10.json -o maps/nodeset10.yaml
      argmap import json map.json -o - | less
    """
    from pathlib import Path

    from argmap.api import check_bytes, import_file
    from argmap.diagnostics import ArgmapError, MapError, UsageError
    from argmap.dump import dump
    from argmap.formats import FormatError

    target = None if output == "-" else Path(output or Path(file).with_suffix(".yaml"))
    try:
        if target is not None and _same_file(Path(file), target):
            raise UsageError(f"{target}: refusing to overwrite the file imported")
        if target is not None and target.exists() and not force:
            raise UsageError(f"{target}: exists; give --force to overwrite it, or another -o")
        imported = import_file(fmt, file, target)
        for note in imported.notes:
            click.echo(f"{file}: note: {note}", err=True)
        data = dump(imported.map).encode("utf-8")
        _write(target, data)
    except MapError as exc:
        _report(exc.diagnostics)
        sys.exit(EXIT_ERRORS)
    except FormatError as exc:
        _usage(f"{file}: {exc}")
        sys.exit(EXIT_ERRORS)
    except ArgmapError as exc:
        _usage(str(exc))
        sys.exit(EXIT_USAGE)
    checked = check_bytes(data, "-" if target is None else str(target))
    _report(checked.diagnostics)
    _summary([checked])
    sys.exit(EXIT_OK if checked.ok else EXIT_ERRORS)


@main.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(EXPORT_FORMATS)))
@click.argument("file", metavar="FILE")
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    help="The file to write, or - for stdout. Default: beside the map, with the format's "
    "extension (.aif.json, .argdown, .mmd, .json).",
)
def export(fmt: str, file: str, output: str | None) -> None:
    """Write a map as AIF JSON, Argdown, a Mermaid flowchart or argmap's canonical JSON.

    The map is checked first; a map with errors is not exported. What the format cannot
    hold (quotes in Mermaid, the source in Argdown, ...) is said on stderr. A Mermaid
    export to a .md file is wrapped in a ```mermaid block, which GitHub draws.

    \b
    Example:
      argmap export aif maps/europe-central-asia.yaml        # -> maps/europe-central-asia.aif.json
      argmap export argdown maps/europe-central-asia.yaml -o map.argdown
      argmap export mermaid maps/europe-central-asia.yaml -o README-map.md
      argmap export json maps/europe-central-asia.yaml -o - | jq .title
    """
    from pathlib import Path

    from argmap.api import check_file, export_map
    from argmap.diagnostics import ArgmapError, UsageError

    try:
        checked = check_file(file)
        _report(checked.diagnostics)
        _summary([checked])
        if not checked.ok:
            sys.exit(EXIT_ERRORS)
        assert checked.map is not None
        default = Path(file).with_suffix(EXPORT_FORMATS[fmt])
        target = None if output == "-" else Path(output or default)
        if target is not None and _same_file(Path(file), target):
            raise UsageError(f"{target}: refusing to overwrite the map itself")
        exported = export_map(checked.map, fmt)
        for loss in exported.losses:
            click.echo(f"{file}: note: {loss}", err=True)
        text = exported.text
        if fmt == "mermaid" and target is not None and target.suffix.lower() == ".md":
            text = f"```mermaid\n{text}```\n"
        _write(target, text.encode("utf-8"))
    except ArgmapError as exc:
        _usage(str(exc))
        sys.exit(EXIT_USAGE)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the map format, for editors' completion and validation.

    Save it beside your maps and name it in the first line of a map (see the README);
    editors with a YAML language server (VS Code's YAML extension, Neovim, JetBrains
    IDEs) then complete keys and flag mistakes as you type.

    \b
    Example:
      argmap schema > argmap.schema.json
    """
    from argmap.schema import schema_text

    click.echo(schema_text(), nl=False)


@main.command()
def lsp() -> None:
    """Run the language server: speak LSP on stdin and stdout, for any editor.

    Open a map in the editor and it gets the problems argmap check finds, as you type
    (quotes checked against the source, evaluation warnings included); completion of claim
    ids, keys and quotes (sentences of the source holding the words typed); hover on an id
    (the claim, its quotes, whether it stands and why); go to definition, references and
    rename of an id; an outline of the claims by kind; and quick fixes. Editors start it
    themselves: point their LSP client at the command 'argmap lsp' for YAML map files.

    \b
    Example:
      argmap lsp              # what an editor runs; it then talks LSP over stdio
    \b
      -- Neovim 0.8 or newer (init.lua):
      vim.api.nvim_create_autocmd("FileType", { pattern = "yaml", callback = function()
        vim.lsp.start({ name = "argmap", cmd = { "argmap", "lsp" } })
      end })
    \b
      # Helix (languages.toml):
      [language-server.argmap]
      command = "argmap"
      args = ["lsp"]
      [[language]]
      name = "yaml"
      language-servers = ["argmap"]
    """
    from argmap.lsp.server import serve

    serve()
