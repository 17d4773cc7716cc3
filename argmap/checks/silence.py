"""A map's diagnostics → those left once the codes its analyst silenced are taken out.

Codes are silenced, as linters let their users (ruff's ``# noqa``, yamllint's ``# yamllint
disable-line``), in four places:

- ``# argmap: ignore[AM202]`` at the end of a line silences AM202 there; on a line of its
  own, on the next line that is not a comment (as the claim under an analyst's note);
- ``# argmap: ignore-map[AM202]`` anywhere in a map silences it in the whole map;
- ``ignore = ["AM202"]`` under ``[tool.argmap]`` in the project's pyproject.toml silences
  it in every map of the project (:mod:`argmap.settings`);
- ``argmap check --ignore AM202`` silences it for one run.

Several codes are written ``[AM202, AM204]``. A comment that silences nothing is reported
(AM209), as ruff's RUF100 reports a stale ``# noqa``: a code that is unknown (with the one
meant), cannot be silenced, or is not found where it says; the last only when every check
ran (no error of :data:`PARTIAL`, silenced or not). Wrong project settings are an error on
each map (AM119), and the map is checked without them. Errors after which the map is not
read as written, or its argument is not clear, cannot be silenced (:data:`UNSILENCEABLE`).
JSON has no comments: a JSON map is silenced by its project or the command line.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable, Iterator

import attrs
import yaml

from argmap.checks.registry import BLOCKING
from argmap.diagnostics import CODES, Diagnostic, Span, line_starts
from argmap.read.syntax import Syntax
from argmap.settings import settings_of

#: Why an error cannot be silenced, by code: the map is then not read as it is written, or
#: what it argues is not clear, so nothing drawn or checked after it could be trusted.
UNREAD = "the map is not read as it is written"
WHY_NOT: dict[str, str] = {
    **{code: UNREAD for code in CODES if code.startswith("AM0")},
    **{code: "the map's claims and links are not sound" for code in BLOCKING - {"AM114"}},
    "AM113": "a map without claims holds no argument",
    "AM114": "while two claims that contradict each other both stand, what stands is undecided",
    "AM119": "the project's settings must be mended",
}
UNSILENCEABLE = frozenset(WHY_NOT)
#: Errors after which some checks do not run (the map's shape, claims or links unsound, its
#: source text unread): a code not found then may yet be there.
PARTIAL = UNSILENCEABLE - {"AM119"} | {"AM109", "AM117"}

# A comment that speaks to argmap: what it does, and the codes in its brackets.
# (Within its line: a bracket not closed there names no codes.)
_DIRECTIVE = re.compile(
    r"#[^\S\r\n]*argmap[^\S\r\n]*:[^\S\r\n]*(ignore[\w-]*)(?:[^\S\r\n]*\[([^\]\r\n]*)\])?"
)
_KINDS = ("ignore", "ignore-map")


def problem(code: str) -> str | None:
    """Why ``code`` cannot be silenced (unknown, with the code meant, or an error that must
    be mended), None when it can.

    >>> problem("AM202"), problem("AM220"), problem("AM103")[:31]
    (None, "unknown code 'AM220'; did you mean AM202?", 'AM103 cannot be silenced: the m')
    """
    if code in WHY_NOT:
        return f"{code} cannot be silenced: {WHY_NOT[code]}"
    if code in CODES:
        return None
    close = difflib.get_close_matches(code, list(CODES), n=len(CODES), cutoff=0.6)
    close.sort(key=lambda known: sorted(known) != sorted(code))  # two digits swapped first
    return f"unknown code '{code}'" + (f"; did you mean {close[0]}?" if close else "")


def codes(written: str) -> list[str]:
    """The codes of a list as written, ``AM202, AM204`` or ``AM202 AM204``, in capitals."""
    return [code.upper() for code in re.split(r"[\s,]+", written.strip()) if code]


@attrs.frozen
class Directive:
    """An ``# argmap: ignore`` comment: where it is written, as written, the line it covers
    (None: the whole map; 0: no line) and its codes; or what is wrong with it. ``end``: the
    offset of its closing bracket (None without one); ``after``: the offset after it."""

    span: Span
    text: str
    line: int | None
    codes: tuple[str, ...]
    wrong: str | None = None
    end: int | None = None
    after: int = 0


def _scan(text: str) -> tuple[list[tuple[int, int]], list[int]] | None:
    """Where each scalar of a YAML text is (start and end offsets), and where each scalar or
    list item starts; None when it does not scan (a map that loads scans)."""
    scalars, starts = [], []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            start, end = token.start_mark.index, token.end_mark.index
            if isinstance(token, yaml.ScalarToken):
                scalars.append((start, end))
            if isinstance(token, yaml.ScalarToken | yaml.BlockEntryToken):
                starts.append(start)
    except (yaml.YAMLError, ValueError):  # ValueError: an escape past U+10FFFF ('\U00110000')
        return None
    return scalars, starts


def directives(text: str) -> Iterator[Directive]:
    """The ``# argmap:`` comments of a YAML map's text (not ``#`` inside a quoted or block
    text), in order."""
    if not _DIRECTIVE.search(text):
        return  # the common case: no directive, nothing to scan
    scanned = _scan(text)
    if scanned is None:
        return
    scalars, starts = scanned
    opening = [start for start, _ in scalars]  # in order, as the scanner met them
    lines = line_starts(text)
    for found in _DIRECTIVE.finditer(text):
        at = found.start()
        k = bisect.bisect_right(opening, at) - 1
        if (k >= 0 and at < scalars[k][1]) or not (at == 0 or text[at - 1] in " \t\r\n"):
            continue  # inside a text, or part of a word
        row = bisect.bisect_right(lines, at)
        span = Span(row, at - lines[row - 1] + 1)
        alone = not text[lines[row - 1] : at].strip()
        k = bisect.bisect_right(starts, at)
        below = bisect.bisect_right(lines, starts[k]) if k < len(starts) else 0
        kind, written = found[1], found[2]
        line = None if kind == "ignore-map" else (below if alone else span.line)
        said = found[0].split("[")[0].rstrip() + (f"[{written}]" if written is not None else "")
        wrong = None
        if kind not in _KINDS:  # ignore-file, ignore-all, ...: the map; ignored: the line
            meant = "ignore-map" if kind.startswith("ignore-") else "ignore"
            wrong = f"unknown directive '{kind}'; did you mean '# argmap: {meant}[...]'?"
        elif not codes(written or ""):
            wrong = f"name the codes it silences: '# argmap: {kind}[AM202]'"
        end = found.end(2) if written is not None else None
        yield Directive(span, said, line, tuple(codes(written or "")), wrong, end, found.end())


def silencing(text: str, line: int, code: str) -> tuple[int, int, str] | None:
    r"""The edit that silences ``code`` on ``line`` of a YAML map's ``text`` (start and end
    offsets, and the text to put there): the code added to the line's ``# argmap: ignore``
    comment, or one written at the line's end; None when the code cannot be silenced, or the
    line ends inside a text (a quoted text going on below).

    >>> silencing("a: b\n", 1, "AM202")
    (4, 4, '  # argmap: ignore[AM202]')
    >>> silencing("a: b  # argmap: ignore[AM201]\n", 1, "AM202")
    (28, 28, ', AM202')
    """
    starts = line_starts(text)
    if problem(code) is not None or not 1 <= line <= len(starts):
        return None
    for note in directives(text):
        if note.line == line and note.span.line == line and note.end is not None:
            return (note.end, note.end, f", {code}") if code not in note.codes else None
        if note.line == line and note.span.line == line and note.text.endswith("ignore"):
            return note.after, note.after, f"[{code}]"  # a bare '# argmap: ignore'
    first = starts[line - 1]
    end = first + len(text[first : starts[line] if line < len(starts) else len(text)].rstrip())
    if end == first:
        return None  # an empty line: nothing on it to silence
    scanned = _scan(text)
    if scanned is None or any(start < end < stop for start, stop in scanned[0]):
        return None
    return end, end, f"  # argmap: ignore[{code}]"


def silenced(
    found: Iterable[Diagnostic], data: bytes | None, path: str, ignore: Iterable[str] = ()
) -> list[Diagnostic]:
    """``found`` (sorted) less what the map's comments, its project's settings and ``ignore``
    (codes the caller checked with :func:`problem`) silence, with what is wrong with them."""
    found = list(found)
    settings = settings_of(path)
    wrong = settings.problem or next(
        (f"[tool.argmap] ignore: {why}" for why in map(problem, settings.ignore) if why), None
    )
    extra: list[Diagnostic] = []
    if wrong is not None:
        message = f"{settings.file}: {wrong} (the map is checked without these settings)"
        extra.append(Diagnostic(path, Span(1, 1), "AM119", message))
    policy = set(ignore) | (set() if wrong is not None else set(settings.ignore))
    text = None if data is None or Syntax.of(path).json else data.decode("utf-8-sig", "replace")
    notes = list(directives(text)) if text is not None else []
    # Which comment silences a code on a line: the line's own first, then the map's.
    by_line: dict[tuple[int | None, str], int] = {}
    for n, note in enumerate(notes):
        for code in note.codes if note.wrong is None else ():
            by_line.setdefault((note.line, code), n)
    used: set[tuple[int, str]] = set()
    kept = []
    for diagnostic in found:
        code = diagnostic.code
        covering = by_line.get((diagnostic.span.line, code), by_line.get((None, code)))
        if code in UNSILENCEABLE or (covering is None and code not in policy):
            kept.append(diagnostic)
        elif covering is not None:
            used.add((covering, code))
    complete = not any(d.code in PARTIAL for d in found)
    for n, note in enumerate(notes):
        for message in _unused(n, note, used, complete):
            extra.append(Diagnostic(path, note.span, "AM209", f"'{note.text}' {message}"))
    return sorted(kept + [d for d in extra if d.code not in policy])


def _unused(n: int, note: Directive, used: set[tuple[int, str]], complete: bool) -> Iterator[str]:
    """What is wrong with the ``n``-th directive ``note``: each code it names that silences
    nothing, and why (not found there: said only when the map is ``complete``)."""
    if note.wrong is not None:
        yield f"silences nothing: {note.wrong}"
        return
    for code in note.codes:
        why = problem(code)
        if code == "AM209":  # what it says of comments is no comment's to silence
            yield ("silences nothing: AM209 is silenced by the project's settings or --ignore, "
                   "not by a comment")  # fmt: skip
        elif why is not None:
            yield f"silences nothing: {why}"
        elif (n, code) not in used and complete and note.line == 0:
            yield "silences nothing: no line follows it"
        elif (n, code) not in used and complete:
            where = "in the map" if note.line is None else f"on line {note.line}"
            yield f"silences nothing: there is no {code} {where}"


__all__ = [
    "PARTIAL",
    "UNSILENCEABLE",
    "WHY_NOT",
    "Directive",
    "codes",
    "directives",
    "problem",
    "silenced",
    "silencing",
]
