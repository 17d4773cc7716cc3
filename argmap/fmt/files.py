"""Map files and folders → formatted in place (or checked, or diffed): ``argmap fmt``.

Each file is read, formatted with :func:`~argmap.fmt.formatter.format_map` (YAML with
:func:`argmap.fmt.format_text`, a ``.json`` map as canonical JSON) and, when its text changes,
written back whole (a temporary file renamed over it, its permissions kept) or only reported.
A file that does not load is left as it was and its diagnostics are reported.
"""

from __future__ import annotations

import difflib
import enum
import io
import os
from collections.abc import Callable, Iterable

import attrs

from argmap.batch.jobs import NO_MAPS, scan
from argmap.diagnostics import Diagnostic, MapError, UsageError
from argmap.fmt.formatter import LayoutError, format_map
from argmap.formats.sniff import foreign
from argmap.io import read_file, write_atomic
from argmap.read.yamltree import decode


class Result(enum.Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"  # reformatted, or would be with --check and --diff
    INVALID = "invalid"  # does not load: diagnostics
    FAILED = "failed"  # unreadable or unwritable, or the formatter failed


@attrs.frozen
class Outcome:
    path: str
    result: Result
    diagnostics: tuple[Diagnostic, ...] = ()
    problem: str = ""  # why the file could not be read, written or formatted
    diff: str = ""


def expand(paths: Iterable[str], echo: Callable[[str], None]) -> list[str]:
    """Files as given, folders as every map under them (``*.yaml``, ``*.yml``, as ``argmap
    render DIR`` finds them), each once. A folder without maps is said through ``echo``."""
    found: list[str] = []
    for path in paths:
        maps, skipped = scan(path) if os.path.isdir(path) else ([path], [])
        for note in skipped:
            echo(note)
        if not maps:
            echo(f"argmap: {path}: {NO_MAPS}")
        found.extend(maps)
    return list(dict.fromkeys(found))


def unified_diff(path: str, old: str, new: str) -> str:
    """The change as a unified diff, ``a/PATH`` to ``b/PATH`` as git shows it (a path from
    the root without its first ``/``, as ``patch -p1`` from there reads it): lines end
    where the file's do (LF, CR LF or CR), not at U+2028, U+0085 or a form feed in a text,
    as ``str.splitlines`` would end them."""
    label = path.replace(os.sep, "/").lstrip("/")  # git's a/tmp/x.yaml, not a//tmp/x.yaml
    lines = difflib.unified_diff(
        io.StringIO(old, newline="").readlines(),
        io.StringIO(new, newline="").readlines(),
        f"a/{label}",
        f"b/{label}",
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end "
                   "of file\n" for line in lines)  # fmt: skip


def format_file(path: str, *, write: bool = True, diff: bool = False) -> Outcome:
    """Format one map file; with ``write`` rewrite it when its layout changes."""
    try:
        data = read_file(path)
    except UsageError as exc:
        return Outcome(path, Result.FAILED, problem=str(exc))
    text, problems = decode(data, path)
    if text is None:
        return Outcome(path, Result.INVALID, tuple(problems))
    try:
        formatted = format_map(text, path)
    except MapError as exc:
        other = foreign(data, path)  # a file argmap imports: what it is, how to import it
        return Outcome(path, Result.INVALID, (other,) if other else tuple(exc.diagnostics))
    except LayoutError as exc:
        return Outcome(path, Result.FAILED, problem=str(exc))
    if formatted == text:
        return Outcome(path, Result.UNCHANGED)
    if write:
        try:  # through a symbolic link, to the file it names
            write_atomic(os.path.realpath(path), formatted.encode("utf-8"))
        except UsageError as exc:
            return Outcome(path, Result.FAILED, problem=str(exc))
    return Outcome(path, Result.CHANGED, diff=unified_diff(path, text, formatted) if diff else "")


def format_stdin(
    text: str,
    path: str = "<stdin>",
    *,
    check: bool,
    echo: Callable[[str], None],
    out: Callable[[str], None],
) -> int:
    """``argmap fmt -``, for editors' formatter commands: the map's text on stdin, the
    formatted text on stdout (unless ``check``); nothing on stdout when it does not load.
    ``path`` names the map in messages, and a ``.json`` one is laid out as JSON."""
    try:
        formatted = format_map(text, path)
    except MapError as exc:
        for diagnostic in exc.diagnostics:
            echo(str(diagnostic))
        return 1
    except LayoutError as exc:
        echo(f"argmap: error: {exc}")
        return 2
    if check:
        return int(formatted != text)
    out(formatted)
    return 0


def run(
    paths: Iterable[str],
    *,
    check: bool,
    diff: bool,
    echo: Callable[[str], None],
    out: Callable[[str], None],
) -> int:
    """``argmap fmt``: format each file (or with ``check`` or ``diff`` only report), reporting
    through ``echo`` (stderr) and writing diffs through ``out`` (stdout).

    Returns the exit status: 0 all formatted, 1 some would change (``check``, ``diff``) or
    do not load, 2 some could not be read, written or formatted.
    """
    dry = check or diff
    outcomes = [format_file(path, write=not dry, diff=diff) for path in expand(paths, echo)]
    for outcome in outcomes:
        for diagnostic in outcome.diagnostics:
            echo(str(diagnostic))
        if outcome.result is Result.INVALID:
            echo(f"argmap: {outcome.path} left as it was: it has errors")
        elif outcome.result is Result.FAILED:
            echo(f"argmap: error: {outcome.problem}")
        elif outcome.result is Result.CHANGED:
            if outcome.diff:
                out(outcome.diff)
            echo(f"argmap: {'would reformat' if dry else 'reformatted'} {outcome.path}")
    echo(summary(outcomes, dry=dry))
    failed = any(o.result is Result.FAILED for o in outcomes)
    invalid = any(o.result is Result.INVALID for o in outcomes)
    would = dry and any(o.result is Result.CHANGED for o in outcomes)
    return 2 if failed else 1 if invalid or would else 0


def summary(outcomes: list[Outcome], *, dry: bool) -> str:
    """The closing line, e.g. ``argmap: 1 map reformatted, 3 already formatted``."""
    counts = {result: sum(o.result is result for o in outcomes) for result in Result}
    bad = counts[Result.INVALID] + counts[Result.FAILED]
    verb = "would be reformatted" if dry else "reformatted"
    parts = [(counts[Result.CHANGED], verb), (counts[Result.UNCHANGED], "already formatted"),
             (bad, "not formatted")]  # fmt: skip
    shown = [(n, words) for n, words in parts if n] or [parts[0]]
    return "argmap: " + ", ".join(
        f"{n} map{'s' * (n != 1)} {words}" if i == 0 else f"{n} {words}"
        for i, (n, words) in enumerate(shown)
    )


__all__ = [
    "Outcome",
    "Result",
    "expand",
    "format_file",
    "format_stdin",
    "run",
    "summary",
    "unified_diff",
]
