"""Command-line arguments → the map files they name (a folder stands for every map under it, as
``render DIR`` finds them), each read and checked, and the per-file summary that ends a run
over several maps."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, NamedTuple, NoReturn

import click

from argmap.api import Checked, check_map_bytes
from argmap.batch.jobs import NO_MAPS, scan
from argmap.cli.output import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    Failure,
    error,
    report,
    say,
    show,
    summary,
    table,
)
from argmap.diagnostics import Severity, UsageError
from argmap.io import Unreadable, kind_of, read_file, read_stream


class Found(NamedTuple):
    """A map file to read, and the folder argument it was found under (None: named itself)."""

    path: str
    folder: str | None = None


def expand(names: Iterable[str]) -> list[Found]:
    """The map files ``names`` stand for, in order: a file as given, a folder's maps sorted
    (hidden files and folders left out). What a folder holds that is skipped (other YAML, no
    regular file), and a folder without maps, are said on stderr."""
    found: list[Found] = []
    for name in names:
        if not os.path.isdir(name):
            found.append(Found(name))
            continue
        maps, skipped = scan(name)
        for note in skipped:
            say(note)
        if not maps:
            say(f"argmap: {name}: {NO_MAPS}")
        found += [Found(path, name) for path in maps]
    return found


def several(found: list[Found]) -> bool:
    """Whether a run covers several maps (or a folder): each is then named in what is said."""
    return len(found) > 1 or any(item.folder is not None for item in found)


def problems(checked: Checked) -> str | None:
    """``1 error and 2 warnings``, or None for a map without diagnostics."""
    errors = sum(d.severity is Severity.ERROR for d in checked.diagnostics)
    warnings = len(checked.diagnostics) - errors
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    parts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
    return " and ".join(parts) or None


#: The shell's ``<(git show HEAD:m.yaml)`` is a FIFO, which no read waits on (see Safety).
PIPE = kind_of(stat.S_IFIFO)
PIPED = "to read a map from a pipe, name it - and pipe it in: git show HEAD:m.yaml | argmap check -"

#: The file name that stands for standard input, as for most command-line tools.
STDIN = "-"

#: What a map read from standard input is called in messages when it is given no name.
STDIN_NAME = "<stdin>"


def named(path: str) -> str:
    """What a map file given as ``path`` is called in JSON: ``<stdin>`` for ``-``, as check
    calls it."""
    return STDIN_NAME if path == STDIN else path


def from_stdin(name: str, stream: IO[bytes] | None = None) -> bytes:
    """The map on standard input (``stream``: another), named ``name`` in errors. When it
    is a terminal, where a user who forgot a file or a ``<`` would wait on a silent prompt,
    how to end it is said first."""
    stream = sys.stdin.buffer if stream is None else stream
    if stream.isatty():
        say("argmap: reading a map from the terminal; end it with Ctrl-D (on Windows: Ctrl-Z, "
            "Enter), or stop with Ctrl-C")  # fmt: skip
    return read_stream(stream, name)


def read(
    path: str, source_root: str | None = None, stdin_name: str | None = None, *, shown: bool = True
) -> Checked | None:
    """A map file read and checked (its source only inside its project or ``source_root``),
    its diagnostics reported on stderr (unless not ``shown``); None when the file cannot be
    read (said). The path ``-`` reads the map from standard input, named ``stdin_name``
    (``<stdin>``: in the current folder), which also locates its source text."""
    checked = attempt(path, source_root, stdin_name)
    if isinstance(checked, str):
        error(checked)
        return None
    if shown:
        report(checked.diagnostics)
    return checked


def attempt(
    path: str,
    source_root: str | None = None,
    stdin_name: str | None = None,
    ignore: tuple[str, ...] = (),
) -> Checked | str:
    """A map file (``-``: standard input) read and checked, as :func:`read` does, or why it
    cannot be read; nothing said. Codes in ``ignore`` are silenced."""
    found = attempt_read(path, source_root, stdin_name, ignore)
    return found if isinstance(found, str) else found[0]


def attempt_read(
    path: str,
    source_root: str | None = None,
    stdin_name: str | None = None,
    ignore: tuple[str, ...] = (),
) -> tuple[Checked, bytes] | str:
    """:func:`attempt`, with the map's bytes as it read them (to place its diagnostics in)."""
    try:
        if path == STDIN:
            name = stdin_name or STDIN_NAME
            data = from_stdin(name)
        else:
            name, data = path, read_file(path)
        return check_map_bytes(data, name, source_root=source_root, ignore=ignore), data
    except UsageError as exc:
        if isinstance(exc, Unreadable) and exc.kind == PIPE:
            return f"{exc} ({PIPED})"  # never waited on: what works instead
        return str(exc)


def checked_map(
    path: str, source_root: str | None = None, stdin_name: str | None = None
) -> Checked:
    """A map file (``-``: standard input, named ``stdin_name``) read and checked, its
    diagnostics reported; stops when it cannot be read (exit 2) or holds no map at all
    (exit 1)."""
    checked = attempt(path, source_root, stdin_name)
    if isinstance(checked, str):
        raise Failure(checked)
    return told(checked)


def told(checked: Checked) -> Checked:
    """A checked map with its diagnostics reported; stops (exit 1) when it holds no map."""
    report(checked.diagnostics)
    summary(checked.diagnostics)
    if checked.map is None:
        sys.exit(EXIT_ERRORS)
    return checked


def count(checked: Checked, path: str | None = None) -> None:
    """How many problems a map has, on stderr, naming ``path`` when given (none: nothing)."""
    found = problems(checked)
    if found:
        say(f"argmap: {path}: {found}" if path else f"argmap: {found}")


def status(checked: Checked | None) -> int:
    """The exit status a map gives: 0 clean or warnings only, 1 errors, 2 unreadable."""
    if checked is None:
        return EXIT_USAGE
    return EXIT_OK if checked.ok else EXIT_ERRORS


def heading(path: str, first: bool) -> None:
    """The line that opens a map's part of a report over several maps (stdout)."""
    if not first:
        show(err=False)
    show(f"{path}:", err=False)


def why_not(checked: Checked | None, done: str) -> str:
    """Why a map has no figures in a per-file summary: ``done`` says what was not done."""
    return "cannot be read" if checked is None else f"not {done}: it has errors"


def stdin_once(files: list[str], stdin_name: str | None) -> None:
    """A UsageError unless standard input is named once at most, and ``--stdin-filename``
    (``stdin_name``) only with it."""
    if files.count(STDIN) > 1:
        raise click.UsageError("standard input (-) can be read once")
    if stdin_name is not None and STDIN not in files:
        raise click.UsageError("--stdin-filename names the map read from standard input: add -")


class Run:
    """A report over the maps ``files`` stand for (:func:`expand`): each map read and checked,
    under its heading when there are several; a row a map (figures under ``header``, then the
    path) for the per-file summary; the worst exit status so far. ``quiet``: no headings
    and no summary on stdout, which a command's JSON has to itself."""

    def __init__(
        self,
        files: Iterable[str],
        header: tuple[str, ...],
        *,
        quiet: bool = False,
        stdin_name: str | None = None,
    ) -> None:
        files = list(files)
        stdin_once(files, stdin_name)
        self.stdin_name = stdin_name
        self.found = expand(files)
        self.many = several(self.found)
        self.quiet = quiet
        self.worst = EXIT_OK
        self.header = header
        self.rows: list[tuple[str, ...]] = []
        self.skipped: dict[str, str] = {}  # a map's path → why it has no figures
        self.not_done: dict[str, dict[str, str]] = {}  # the same for programs: see skip

    def skip(self, path: str, reason: str, message: str) -> None:
        """Record why the map at ``path`` has no figures, for a command's JSON: ``reason`` one
        of ``unreadable``, ``errors``, ``no source``, ``failed``, ``too hard``."""
        self.not_done[path] = {"reason": reason, "message": message}

    def maps(
        self,
        source_root: str | None,
        done: str,
        why: Callable[[Checked | None, str], str] = why_not,
        brief: bool = False,
    ) -> Iterator[tuple[Found, Checked]]:
        """Each map that checked well enough to report on, with its checked map; a map that
        cannot be read or has no model gets a row of dashes, one a figure, saying it was not
        ``done`` and why (``why``: what to say of it, :func:`why_not`'s words unless told),
        kept in :attr:`skipped`. Its problems are reported on stderr, with ``brief`` only
        those of a map that is not reported on (the caller sums up the others')."""
        columns = len(self.header) - 1
        for number, item in enumerate(self.found):
            if self.many and not self.quiet:
                heading(item.path, first=number == 0)
            checked = attempt(item.path, source_root, self.stdin_name)
            if isinstance(checked, str):  # as read says it
                error(checked)
                self.skip(item.path, "unreadable", checked)
                checked = None
            elif not brief or checked.map is None:
                report(checked.diagnostics)
            self.worst = max(self.worst, status(checked))
            if checked is not None and (not brief or checked.map is None):
                count(checked, item.path if self.many else None)
            if checked is None or checked.map is None:
                self.skipped[item.path] = why(checked, done)
                if checked is not None:
                    self.skip(item.path, "errors", self.skipped[item.path])
                self.rows.append(("-",) * columns + (f"{item.path} ({self.skipped[item.path]})",))
                continue
            yield item, checked

    def finish(self) -> NoReturn:
        """The per-file summary (several maps), then exit with the worst status."""
        if self.many and not self.quiet:
            per_file(self.header, self.rows)
        sys.exit(self.worst)


def per_file(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """The per-file summary of a report over several maps: one row a map, its figures first
    and its path last, as ``wc`` prints them."""
    show(err=False)
    table(header, rows, right=len(header) - 1)


__all__ = [
    "STDIN",
    "STDIN_NAME",
    "Found",
    "Run",
    "attempt",
    "checked_map",
    "count",
    "expand",
    "from_stdin",
    "heading",
    "named",
    "per_file",
    "problems",
    "read",
    "several",
    "status",
    "stdin_once",
    "told",
    "why_not",
]
