"""JSON text → a tree of positioned nodes, the same nodes the YAML reader gives the loader."""

from __future__ import annotations

import bisect
import json
import re
import sys

from argmap.diagnostics import Diagnostic, Span, line_starts, span_at
from argmap.read.escapes import JSON_UNREADABLE, json_escape
from argmap.read.yamltree import MAX_DEPTH, Mapping, Mark, Node, Scalar, Sequence

#: How deep JSON may nest: twice the YAML limit, as the canonical form spells out every short
#: form (an objection ``a`` is ``{"claims": ["a"]}``, two levels instead of none).
MAX_JSON_DEPTH = 2 * MAX_DEPTH
#: The most digits of a whole number argmap reads (a map's ``aif:`` data, an AIF file): the
#: most Python converts (4,300 unless set otherwise; turning more into a number costs their
#: square), and 4,300 where it converts any.
MOST_DIGITS = getattr(sys, "get_int_max_str_digits", lambda: 0)() or 4300
_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _TooDeep(Exception):
    def __init__(self, offset: int) -> None:
        self.offset = offset


class _Surrogate(Exception):
    """A string holding half of a surrogate pair (a ``\\ud800`` escape), which no UTF-8
    file, and so no YAML map, can hold: an id or carried data the map written would lose."""

    def __init__(self, offset: int, char: str) -> None:
        self.offset, self.char = offset, char


class _Tree:
    """Valid JSON text → positioned nodes, as the YAML reader gives them: strings are quoted
    scalars, numbers and ``true``/``false`` plain ones, ``null`` an empty plain scalar."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)  # as editors and YAML count lines

    def mark(self, offset: int) -> Mark:
        line = bisect.bisect_right(self.starts, offset)
        return Mark(line - 1, offset - self.starts[line - 1])

    def skip(self, i: int) -> int:
        return _WS.match(self.text, i).end()  # type: ignore[union-attr]

    def value(self, i: int, depth: int) -> tuple[Node, int]:
        text = self.text
        i = self.skip(i)
        char = text[i]
        if char in "[{":
            if depth >= MAX_JSON_DEPTH:
                raise _TooDeep(i)
            return self.collection(i, depth + 1)
        if char == '"':
            value, end = json.decoder.scanstring(text, i + 1)
            if not value.isprintable() and (half := _SURROGATE.search(value)):
                raise _Surrogate(i, half.group())
            return Scalar(value, self.mark(i), plain=False), end
        for word, value in (("true", "true"), ("false", "false"), ("null", "")):
            if text.startswith(word, i):
                return Scalar(value, self.mark(i)), i + len(word)
        number = _NUMBER.match(text, i)
        assert number is not None, "json.loads accepted it"
        return Scalar(number.group(), self.mark(i)), number.end()

    def collection(self, start: int, depth: int) -> tuple[Node, int]:
        text = self.text
        mapping = text[start] == "{"
        close = "}" if mapping else "]"
        items: list[Node] = []
        pairs: list[tuple[Scalar, Node]] = []
        i = self.skip(start + 1)
        while text[i] != close:
            if mapping:
                key, i = self.value(i, depth)
                i = self.skip(i) + 1  # the colon
                value, i = self.value(i, depth)
                pairs.append((key, value))  # type: ignore[arg-type]
            else:
                item, i = self.value(i, depth)
                items.append(item)
            i = self.skip(i)
            if text[i] == ",":
                i = self.skip(i + 1)
        mark = self.mark(start)
        node = Mapping(tuple(pairs), mark) if mapping else Sequence(tuple(items), mark)
        return node, i + 1


_BLANK = " \t\r\n"  # JSON's white space


def _constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def _trailing_comma(text: str, at: int) -> int | None:
    """Where the comma is when the JSON error at offset ``at`` is a comma followed by nothing
    but the end of its object or array (Python 3.13 puts the error at the comma, older ones at
    the end); else None."""
    if text[at : at + 1] == ",":
        comma = at
    else:
        comma = len(text[:at].rstrip(_BLANK)) - 1
        if text[at : at + 1] not in ("}", "]") or comma < 0 or text[comma] != ",":
            return None
    return comma if text[comma + 1 :].lstrip(_BLANK)[:1] in ("}", "]") else None


def in_json(path: str) -> bool:
    """Whether the map file ``path`` is written in JSON (argmap's own, as ``export json``
    writes it): a name ending in ``.json``, in any case."""
    return path.lower().endswith(".json")


def parse(text: str, path: str) -> tuple[Node | None, list[Diagnostic]]:
    """JSON text → its root node, or the diagnostics of a JSON syntax error, of nesting too
    deep or of a lone surrogate (the codes YAML's would have: AM002, AM013, AM012)."""
    try:
        json.loads(text, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        comma = _trailing_comma(text, exc.pos)
        # json counts lines at LF alone; argmap as editors do (CR LF, LF or a lone CR)
        if exc.msg in JSON_UNREADABLE:  # a Windows path's backslash, most often
            at, message = json_escape(text, exc.pos)
            span = span_at(text, at)
        elif comma is None:
            span, message = span_at(text, exc.pos), exc.msg
        else:  # told alike by every Python (3.13 says so itself, at the comma; 3.12 after it)
            span = span_at(text, comma)
            message = "a comma before the end of the list or mapping (JSON allows none)"
        return None, [Diagnostic(path, span, "AM002", f"JSON syntax error: {message}")]
    except ValueError as exc:
        return None, [Diagnostic(path, Span(1, 1), "AM002", f"JSON syntax error: {exc}")]
    except RecursionError:
        return None, [Diagnostic(path, Span(1, 1), "AM013", "nesting deeper than JSON allows")]
    tree = _Tree(text)
    try:
        root, _ = tree.value(0, 0)
    except _TooDeep as exc:
        message = f"nesting deeper than {MAX_JSON_DEPTH} levels"
        at = tree.mark(exc.offset)
        return None, [Diagnostic(path, Span(at.line + 1, at.column + 1), "AM013", message)]
    except _Surrogate as exc:
        message = (
            f"a lone surrogate U+{ord(exc.char):04X} (half of a pair), which a map cannot hold"
        )
        at = tree.mark(exc.offset)
        return None, [Diagnostic(path, Span(at.line + 1, at.column + 1), "AM012", message)]
    return root, []


__all__ = ["MAX_JSON_DEPTH", "MOST_DIGITS", "parse"]
