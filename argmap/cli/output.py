"""What the command line prints, and where drawings and files go: on stderr the diagnostics,
counts and errors; on stdout tables and drawings piped with ``-o -``.

Every line a terminal shows goes through :func:`show`, which writes out control and
bidirectional characters visibly (:func:`argmap.diagnostics.printable`): text from a map, its
source or a cache file never reaches the terminal as escape sequences. A stdout that fails
(a full disk, a reader gone) ends the command with one line and exit status 2; a reader that
closed the pipe early (``| head``) ends it silently.
"""

from __future__ import annotations

import collections
import contextlib
import errno
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, NoReturn

import click

from argmap.diagnostics import CODES, ArgmapError, Diagnostic, Severity, printable
from argmap.io import figure_paths, leftover_notes, make_folder, write_atomic

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class Failure(click.ClickException):
    """A command cannot go on: a file it cannot read or write, a map it cannot do what was
    asked with. Printed as ``argmap: error: MESSAGE``; exit status 2 (or ``exit_code``).
    Options that don't fit (with each other, the format or the files named) are click's
    ``UsageError`` instead: the command's usage, then ``Error: MESSAGE``, exit status 2."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: IO[str] | None = None) -> None:
        error(self.format_message())


def show(line: str = "", *, err: bool = True) -> None:
    """The one way the command line prints: ``line`` and a newline, on stderr (or stdout),
    with control and bidirectional characters written out visibly."""
    try:
        click.echo(printable(line), err=err)
    except OSError as exc:
        if not err:
            stdout_failed(exc)
        # stderr itself failed: there is nowhere left to say anything


def stdout_failed(exc: OSError) -> NoReturn:
    """Stop after stdout failed: silently when its reader closed the pipe, else saying why;
    exit status 2. Stdout is pointed at the null device, so that nothing fails again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no descriptor: a test
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    if exc.errno != errno.EPIPE:
        error(f"cannot write to stdout: {exc.strerror or exc}")
    sys.exit(EXIT_USAGE)


def error(message: str) -> None:
    """``argmap: error: MESSAGE`` on stderr."""
    show(f"argmap: error: {message}")


def say(line: str) -> None:
    """A line on stderr (diagnostics and notes, so that stdout can carry a drawing)."""
    show(line)


def report(diagnostics: Iterable[Diagnostic], most: int = 0) -> None:
    """Each diagnostic on its line (stderr); with ``most`` above 0, at most ``most`` of one
    code for each map, in their order, then for each code past it one line counting the rest
    (a corpus's 20,000 claims connected to nothing are 20 lines and a count)."""
    shown: collections.Counter[tuple[str, str]] = collections.Counter()
    hidden: collections.Counter[tuple[str, str]] = collections.Counter()
    for diagnostic in diagnostics:
        key = (diagnostic.path, diagnostic.code)
        if most and shown[key] >= most:
            hidden[key] += 1
            continue
        shown[key] += 1
        say(str(diagnostic))
    for (path, code), count in hidden.items():
        severity, what = CODES[code]
        say(f"argmap: {path}: {count} more {severity.value}{'s' * (count != 1)} not shown: "
            f"{what} [{code}] (--max-per-code 0 shows them all)")  # fmt: skip


def tally(errors: int, warnings: int) -> str | None:
    """The closing count of problems, as in ``argmap: 1 error and 37 warnings``; None for none."""
    if not (errors or warnings):
        return None
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    parts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
    return f"argmap: {' and '.join(parts)}"


def summary(diagnostics: Iterable[Diagnostic]) -> None:
    """The closing count of problems, only when something was reported."""
    found = list(diagnostics)
    errors = sum(d.severity is Severity.ERROR for d in found)
    line = tally(errors, len(found) - errors)
    if line:
        say(line)


def table(header: tuple[str, ...], rows: list[tuple[str, ...]], right: int = 0) -> None:
    """Rows in aligned columns on stdout, the first ``right`` ones (numbers) flush right;
    the last column runs on."""
    rows = [tuple(map(printable, row)) for row in rows]  # escaped first: widths as shown
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [
            cell.rjust(width) if i < right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=False))
        ]
        show("  ".join([*cells, row[-1]]).rstrip(), err=False)


def short(text: str, width: int = 72) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def names_folder(output: str) -> bool:
    """Whether ``-o OUT`` names a folder: it ends with a slash, or is one."""
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def output_path(output: str | None, default: Path) -> Path | None:
    """Where a command writes: ``default`` without ``-o``, None for ``-`` (stdout), the
    default's name inside a folder ``-o`` names (``-o build/``), else ``-o`` itself."""
    if output == "-":
        return None
    if output is None:
        return default
    return Path(output) / default.name if names_folder(output) else Path(output)


def write(target: Path | None, data: bytes) -> None:
    """``data`` to the file ``target`` (whole or not at all; missing folders on its way are
    created), or to stdout for None."""
    if target is None:
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except OSError as exc:
            stdout_failed(exc)
    else:
        make_folder(target.parent)
        write_atomic(target, data)
        say(f"argmap: wrote {target}")


def write_figures(where: Path | None, drawings: list[bytes]) -> None:
    """The drawings of one map: to stdout (one only), else to ``where`` or, several, to
    ``NAME-1.EXT`` ... beside it; says what it wrote and what an earlier run left."""
    if where is None:
        if len(drawings) > 1:
            raise ArgmapError(
                f"the map is drawn as {len(drawings)} figures, which - (stdout) cannot hold; "
                "give a folder with -o"
            )
        write(None, drawings[0])
        return
    paths = figure_paths(where, len(drawings))
    for path in paths:  # all the figures or none: a folder in the way stops them all
        if path.is_dir():
            raise ArgmapError(f"{path} is a folder, where a figure goes: nothing written")
    for path, drawing in zip(paths, drawings, strict=True):
        write(path, drawing)
    for note in leftover_notes(paths):
        say(note)


__all__ = [
    "EXIT_ERRORS",
    "EXIT_OK",
    "EXIT_USAGE",
    "Failure",
    "error",
    "names_folder",
    "output_path",
    "report",
    "say",
    "short",
    "show",
    "stdout_failed",
    "summary",
    "table",
    "tally",
    "write",
    "write_figures",
]
