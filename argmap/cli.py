"""The ``argmap`` command line: thin click commands over argmap.api."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from argmap import __version__
from argmap.api import FORMATS, Checked, check_file, render_map
from argmap.diagnostics import ArgmapError, Diagnostic, Severity, UsageError

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _report(diagnostics: Iterable[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        click.echo(str(diagnostic), err=True)


def _summary(checked: list[Checked]) -> None:
    """One closing line, only when something was reported."""
    errors = sum(d.severity is Severity.ERROR for c in checked for d in c.diagnostics)
    warnings = sum(d.severity is Severity.WARNING for c in checked for d in c.diagnostics)
    if errors or warnings:
        parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
        parts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
        click.echo(f"argmap: {' and '.join(parts)}", err=True)


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


def _target(source: str, output: str | None, fmt: str, several: bool) -> Path | None:
    """Where the drawing of ``source`` goes; None for stdout."""
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
def render(files: tuple[str, ...], output: str | None, fmt: str | None) -> None:
    """Draw maps as SVG, PNG, PDF or DOT with the bundled Graphviz.

    A map with errors is not drawn and an existing drawing is left as it was. Files are
    written whole or not at all. The same map always gives the same bytes.

    \b
    Example:
      argmap render maps/europe-central-asia.yaml            # -> maps/europe-central-asia.svg
      argmap render maps/europe-central-asia.yaml -f png
      argmap render maps/europe-central-asia.yaml -o - > map.svg
      argmap render maps/*.yaml -o build/
    """
    from argmap.render import write_atomic

    if fmt is None:
        suffix = Path(output).suffix.lstrip(".").lower() if output and output != "-" else ""
        fmt = suffix if suffix in FORMATS else "svg"
    several = len(files) > 1
    if output == "-" and several:
        _usage("-o - (stdout) takes one map; give a folder to render several")
        sys.exit(EXIT_USAGE)
    status = EXIT_OK
    results: list[Checked] = []
    for name in files:
        try:
            checked = check_file(name)
            results.append(checked)
            _report(checked.diagnostics)
            if not checked.ok:
                status = max(status, EXIT_ERRORS)
                continue
            assert checked.map is not None
            target = _target(name, output, fmt, several)
            if target is not None and _same_file(Path(name), target):
                raise UsageError(f"{target}: refusing to overwrite the map itself")
            data = render_map(checked.map, fmt)
            if target is None:
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
            else:
                write_atomic(target, data)
                click.echo(f"argmap: wrote {target}", err=True)
        except ArgmapError as exc:
            _usage(str(exc))
            status = EXIT_USAGE
    _summary(results)
    sys.exit(status)
