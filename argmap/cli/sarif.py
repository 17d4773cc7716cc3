"""``argmap check``'s maps and diagnostics → one SARIF 2.1.0 log, the static-analysis results
format that GitHub code scanning uploads: every map read (clean ones too) and source text
quoted, each problem with its rule, place and fingerprint, and what could not be read.
Messages are written as the other formats print them (:func:`~argmap.diagnostics.printable`):
GitHub shows them as text."""

from __future__ import annotations

import bisect
import collections
import json
import re
import textwrap
from pathlib import Path
from urllib.parse import quote

from argmap import __version__
from argmap.checking import Checked
from argmap.checks import CHECKS, Check
from argmap.cli.annotations import from_workspace, workspace
from argmap.cli.maps import STDIN_NAME
from argmap.diagnostics import (
    CODES,
    Diagnostic,
    Related,
    Span,
    line_starts,
    printable,
    span_offset,
)
from argmap.io import Unreadable, read_file
from argmap.read.extents import stretch
from argmap.read.outline import outline
from argmap.read.sourcefile import text_of
from argmap.read.yamltree import Mapping, Node, Scalar, parse

#: The schema a log names, as GitHub's documentation writes it.
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: What paths inside the repository (or the current folder) are relative to.
ROOT = "%SRCROOT%"
#: The key of each result's fingerprint in ``partialFingerprints``.
FINGERPRINT = "argmap/v2"
#: A rule's help as text: argmap has no public address to link its documentation to.
HELP = (
    "{code} ({level}): {summary}. What each code means and how to silence one: "
    "'Checks and their codes' (docs/checks.md) in argmap's repository."
)

_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")  # two UTF-16 code units each
_BOM = b"\xef\xbb\xbf"


class Columns:
    """A text's lines, to count a column (argmap's, in characters) in UTF-16 code units as
    SARIF's ``utf16CodeUnits`` (and GitHub, and editors) count it.

    >>> Columns("ab\\n😀😀xy").column(2, 4), Columns("é😀x").column(1, 3)
    (6, 4)
    """

    def __init__(self, text: str | None) -> None:
        self.text = text if text is not None and not text.isascii() else None
        self.starts = line_starts(self.text) if self.text is not None else []

    def column(self, line: int, column: int) -> int:
        if self.text is None or column <= 1 or not 1 <= line <= len(self.starts):
            return column
        start = self.starts[line - 1]
        return column + len(_ASTRAL.findall(self.text, start, start + column - 1))


class Log:
    """The SARIF log of one run of ``argmap check``, filled as it reads maps."""

    def __init__(self) -> None:
        self.artifacts: list[dict[str, object]] = []
        self.results: list[dict[str, object]] = []
        self.notes: list[dict[str, object]] = []
        self.unreadable = False
        self._index: dict[str, int] = {}
        self._seen: collections.Counter[str] = collections.Counter()
        self._sources: dict[str, Columns] = {}
        self._relative = False

    def map(self, checked: Checked, data: bytes, *, modified: bool = False) -> None:
        """A map read (``data``: its bytes) and checked, rewritten by ``--fix`` if
        ``modified``: it, its source text, and its diagnostics."""
        roles = ["analysisTarget", "modified"] if modified else ["analysisTarget"]
        index = self._artifact(checked.path, {"roles": roles})
        if checked.source is not None:
            self._artifact(checked.source, {"description": {"text": "a source text quoted"}})
        text = data.removeprefix(_BOM).decode("utf-8", "replace")
        columns = Columns(text)
        subjects = Subjects(text, checked.path) if checked.diagnostics else None
        ends = Ends(text) if checked.diagnostics else None
        for diagnostic in checked.diagnostics:
            subject = subjects.at(diagnostic.span) if subjects is not None else ""
            end = ends.of(diagnostic) if ends is not None else None
            self.results.append(self._result(diagnostic, index, columns, subject, end))

    def cannot_read(self, path: str, message: str) -> None:
        """A map file that could not be read, and why: an error on the run."""
        self.unreadable = True
        self._note("error", message, self._location(path))

    def no_maps(self, folder: str, message: str) -> None:
        """A folder argument with no maps under it: a warning on the run."""
        location = self._location(folder)
        if "uri" in location:  # a folder's URI ends in '/'
            location["uri"] = str(location["uri"]).rstrip("/") + "/"
        self._note("warning", message, location)

    def dumps(self, status: int) -> str:
        """The log as JSON (ASCII, every other character escaped), ending a run whose exit
        status is ``status``."""
        codes = sorted({str(result["ruleId"]) for result in self.results})
        for result in self.results:
            result["ruleIndex"] = codes.index(str(result["ruleId"]))
        invocation: dict[str, object] = {"executionSuccessful": not self.unreadable,
                                         "exitCode": status}  # fmt: skip
        if self.notes:
            invocation["toolExecutionNotifications"] = self.notes
        run: dict[str, object] = {
            "tool": {"driver": {"name": "argmap", "version": __version__,
                                "rules": [_rule(code) for code in codes]}},
            "invocations": [invocation],
        }  # fmt: skip
        if self._relative:
            root = Path(workspace()).resolve().as_uri()
            run["originalUriBaseIds"] = {ROOT: {"uri": root.rstrip("/") + "/"}}
        run.update(artifacts=self.artifacts, results=self.results, columnKind="utf16CodeUnits")
        return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2)

    def _location(self, path: str) -> dict[str, object]:
        """Where a file is: its path from the repository's root (or the current folder), or
        for one outside it its absolute ``file:`` URI."""
        if path == STDIN_NAME:
            return {"description": {"text": "standard input"}}
        relative = from_workspace(path)
        if relative is None:
            return {"uri": Path(path).resolve().as_uri()}
        self._relative = True  # a name's bytes that are not UTF-8 written as they are
        return {"uri": quote(relative, errors="surrogateescape"), "uriBaseId": ROOT}

    def _artifact(self, path: str, more: dict[str, object]) -> int:
        """The index of the artifact at ``path``, listed the first time it is met."""
        location = self._location(path)
        key = json.dumps(location, sort_keys=True)
        if key not in self._index:
            self._index[key] = len(self.artifacts)
            self.artifacts.append({"location": location, **more})
        return self._index[key]

    def _result(
        self, d: Diagnostic, index: int, columns: Columns, subject: str, end: Span | None
    ) -> dict[str, object]:
        where = self._location(d.path)
        identity = f"{d.code}\0{json.dumps(where, sort_keys=True)}\0{subject}"
        location = {**where, "index": index}
        self._seen[identity] += 1  # the same problem twice in a map: told apart by order
        digest = fnv(identity.encode("utf-8", "surrogatepass"))
        result: dict[str, object] = {
            "ruleId": d.code, "ruleIndex": -1, "level": d.severity.value,
            "message": {"text": printable(d.message)},
            "locations": [_place(location, d.span.line, d.span.column, columns, end)],
        }  # fmt: skip
        if d.related:
            result["relatedLocations"] = [
                self._related(n, other) for n, other in enumerate(d.related)
            ]
        result["partialFingerprints"] = {FINGERPRINT: f"{digest}:{self._seen[identity]}"}
        return result

    def _related(self, number: int, other: Related) -> dict[str, object]:
        """Another place a diagnostic is about: the closest passage in the source text."""
        if other.path not in self._sources:
            self._sources[other.path] = Columns(_source_text(other.path))
        index = self._artifact(other.path, {"description": {"text": "a source text quoted"}})
        location = {**self._location(other.path), "index": index}
        place = _place(location, other.span.line, other.span.column, self._sources[other.path])
        return {"id": number, **place, "message": {"text": printable(other.message)}}

    def _note(self, level: str, message: str, location: dict[str, object]) -> None:
        where = {"physicalLocation": {"artifactLocation": location}}
        said = {"text": printable(message)}
        self.notes.append({"level": level, "message": said, "locations": [where]})


class Subjects:
    """What each place in a map is, to fingerprint a problem by what it is about rather than
    by its message (which a later argmap may reword, and which may name a line) or its line:
    the path of keys to the node that starts there, a claim named by its id and a list's
    scalar by its value (``conclusions/c/reasons/b``), then a scalar's value. A place no node
    starts at (in a map that YAML cannot read) is its line's text from there on (or the whole
    line's, at its end).

    >>> s = Subjects("premises:\\n  - id: a\\n    implicit: true\\n", "m.yaml")
    >>> s.at(Span(3, 15)).split("\\0"), s.at(Span(2, 5)).split("\\0"), s.at(Span(0, 0))
    (['premises', 'a', 'implicit', 'true'], ['premises', 'a'], '')
    """

    def __init__(self, text: str, path: str) -> None:
        self.text, self.starts = text, line_starts(text)  # lines as argmap counts them
        self.found: dict[tuple[int, int], str] = {}
        root, _ = parse(text, path)
        if root is not None:
            self._walk(root, ())

    def at(self, span: Span) -> str:
        if span.line < 1:
            return ""
        known = self.found.get((span.line, span.column))
        if known is not None:
            return known
        if span.line > len(self.starts):
            return ""
        start = self.starts[span.line - 1]
        end = self.starts[span.line] if span.line < len(self.starts) else len(self.text)
        line = self.text[start:end]
        return line[max(span.column - 1, 0) :].strip() or line.strip()

    def _walk(self, node: Node, path: tuple[str, ...]) -> None:
        where = (node.mark.line + 1, node.mark.column + 1)
        if isinstance(node, Scalar):
            self.found.setdefault(where, "\0".join((*path, node.value)))
            return
        self.found.setdefault(where, "\0".join(path))
        if isinstance(node, Mapping):
            for key, value in node.pairs:
                name = key.value if isinstance(key, Scalar) else "?"
                self._walk(key, path)
                self._walk(value, (*path, name))
            return
        for number, item in enumerate(node.items):
            self._walk(item, path if isinstance(item, Scalar) else (*path, _name(item, number)))


class Ends:
    """Where the stretch of a map's text each diagnostic is about ends, as the language server
    underlines it (:func:`argmap.read.extents.stretch`): the id, text or list that starts at
    its place.

    >>> ends = Ends("argmap: 1\\nx: [ab, c]\\n")
    >>> print(ends.of(Diagnostic("m.yaml", Span(2, 5), "AM010", "")))
    2:7
    """

    def __init__(self, text: str) -> None:
        self.text, self.starts = text, line_starts(text)
        self.found = outline(text)

    def of(self, diagnostic: Diagnostic) -> Span | None:
        """The end (one past the last character), or None for a place with no stretch (or a
        stretch that starts elsewhere: an empty value's key)."""
        if diagnostic.span.line < 1 or diagnostic.span.column < 1:
            return None
        offset = span_offset(self.starts, diagnostic.span, len(self.text))
        start, end = stretch(self.found, self.text, diagnostic.code, offset)
        if not start == offset < end:
            return None
        line = bisect.bisect_right(self.starts, end) - 1  # as span_at, without counting lines
        return Span(line + 1, end - self.starts[line] + 1)


def _name(item: Node, number: int) -> str:
    """A list's mapping or list in a subject's path: a claim by its id, another by its place
    in the list."""
    if isinstance(item, Mapping):
        for key, value in item.pairs:
            if isinstance(key, Scalar) and key.value == "id" and isinstance(value, Scalar):
                return value.value
    return str(number)


def _place(
    location: dict[str, object], line: int, column: int, columns: Columns, end: Span | None = None
) -> dict[str, object]:
    """A location object: the file, and its line and column if it has them, and where the
    stretch there ends (``end``, one past its last character) if known."""
    region: dict[str, int] = {"startLine": line} if line >= 1 else {}
    if region and column >= 1:
        region["startColumn"] = columns.column(line, column)
        if end is not None:
            region.update(endLine=end.line, endColumn=columns.column(end.line, end.column))
    physical: dict[str, object] = {"artifactLocation": location}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def fnv(data: bytes) -> str:
    """The 64-bit FNV-1a hash of ``data``, in hex: a result's fingerprint, stable across
    runs and machines (``hashlib`` would add some 3 ms to every ``argmap check``'s start).

    >>> fnv(b""), fnv(b"a")
    ('cbf29ce484222325', 'af63dc4c8601ec8c')
    """
    value = 0xCBF29CE484222325
    for byte in data:
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


def _rule(code: str) -> dict[str, object]:
    """A code as a SARIF rule: what it means, its level, and its help (no ``helpUri``: argmap
    has no public address; GitHub shows ``help.markdown`` in its place)."""
    severity, summary = CODES[code]
    described = [check for check in CHECKS if code in check.codes]
    words = " ".join(_said(check.doc) for check in described)
    return {
        "id": code,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": words.replace("``", "") or f"argmap {code}: {summary}"},
        "help": {
            "text": HELP.format(code=code, level=severity.value, summary=summary),
            "markdown": _markdown(code, severity.value, summary, words, described),
        },
        "defaultConfiguration": {"level": severity.value},
    }


_ROLE = re.compile(r":\w+:`~?([^`]+)`")  # :mod:`argmap.read.source` → ``argmap.read.source``


def _said(doc: str) -> str:
    """The first paragraph of a check's docstring, on one line."""
    return " ".join(_ROLE.sub(r"``\1``", doc.split("\n\n")[0]).split())


def _markdown(code: str, level: str, summary: str, words: str, described: list[Check]) -> str:
    """A rule's help in Markdown: its summary, and its check's docstring with the map that
    fails it and the one that passes."""
    parts = [f"**{code}** ({level}): {summary}."]
    if words:
        parts.append(words.replace("``", "`"))
    for check in described:
        for which, said in (("Fails", "A map that fails it:"), ("Passes", "One that passes:")):
            found = re.search(rf"{which}::\n\n((?:\s*\n| {{4}}.*\n)+)", check.doc + "\n")
            if found:
                example = textwrap.dedent(found.group(1)).strip()
                parts.append(f"{said}\n\n```yaml\nargmap: 1\ntitle: Example\n{example}\n```")
    parts.append(
        "What each code means and how to silence one: *Checks and their codes* "
        "(docs/checks.md) in argmap's repository."
    )
    return "\n\n".join(parts)


def _source_text(path: str) -> str | None:
    """A source text as the checks read it (to count its columns), or None if it cannot be."""
    try:
        return text_of(read_file(path, what="text file"), path)[0]
    except Unreadable:
        return None


__all__ = ["FINGERPRINT", "ROOT", "SCHEMA", "Columns", "Log", "Subjects", "fnv"]
