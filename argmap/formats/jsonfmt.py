"""ArgumentMap ↔ argmap's canonical JSON: the YAML format's data, with one spelling for each thing.

The JSON has the keys of the YAML format, in the order ``argmap dump`` writes them, with the
short forms spelled out: ``argmap`` is the string ``"1"``; ``quotes``, ``contradicts`` and
lists of ids are always arrays; every reason and every objection is an object with a
``claims`` array (and ``objections`` and ``note`` when it has them); ``reasons`` is present on
every conclusion and recommendation; absent optional keys are left out, never ``null``; flags
are JSON booleans. Text is UTF-8, indented by two spaces, one key per line, keys in a fixed
order, U+2028 and U+2029 escaped, a newline at the end: the same map always gives the same
bytes, and reading them back gives the same map.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

from argmap.diagnostics import Diagnostic, Span
from argmap.formats import Exported
from argmap.loader import _KEYS, load_tree
from argmap.model import ArgumentMap, Claim, Objection, Quote, Reason, Ref
from argmap.yamlnodes import MAX_DEPTH, Mapping, Mark, Node, Scalar, Sequence

_FIRST = ("id", "text")
_LAST = ("reasons", "objections", "contradicts")


def _value(value: object) -> object:
    """A model field as JSON: text, a flag, or a list of ids, texts or quotes."""
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, Quote):
        return value.text
    return value


def _present(value: object) -> bool:
    return value not in (None, (), False)


def _step(step: Reason | Objection) -> dict[str, Any]:
    out: dict[str, Any] = {"claims": [ref.id for ref in step.claims]}
    if step.objections:
        out["objections"] = objections(step.objections)
    if step.note is not None:
        out["note"] = step.note
    return out


def objections(items: tuple[Ref | Objection, ...]) -> list[dict[str, Any]]:
    """A list of objections, each as an object."""
    return [{"claims": [item.id]} if isinstance(item, Ref) else _step(item) for item in items]


def claim_document(claim: Claim) -> dict[str, Any]:
    """One claim as canonical JSON data."""
    keys = _KEYS[claim.kind.value]
    out: dict[str, Any] = {"id": claim.id, "text": claim.text}
    for key in [k for k in keys if k not in _FIRST + _LAST]:
        value = getattr(claim, key, None)
        if _present(value):
            out[key] = _value(value)
    if claim.kind.takes_reasons:
        out["reasons"] = [_step(reason) for reason in claim.reasons]
    if claim.objections:
        out["objections"] = objections(claim.objections)
    for key in _LAST[2:]:
        value = getattr(claim, key, None)
        if key in keys and _present(value):
            out[key] = _value(value)
    return out


def document(amap: ArgumentMap) -> dict[str, Any]:
    """The whole map as canonical JSON data (dicts, lists, strings, booleans)."""
    out: dict[str, Any] = {"argmap": amap.version, "title": amap.title}
    if amap.note is not None:
        out["note"] = amap.note
    if amap.source is not None:
        source = {key: getattr(amap.source, key, None) for key in _KEYS["source"]}
        out["source"] = {key: _value(value) for key, value in source.items() if _present(value)}
    for claim in amap.claims:
        out.setdefault(claim.kind.section, []).append(claim_document(claim))
    order = ["argmap", "title", "note", "source", *(key for key in _KEYS["top"])]
    return {key: out[key] for key in dict.fromkeys(order) if key in out}


def dumps(data: object) -> str:
    """Canonical JSON text of JSON data."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"


def write(amap: ArgumentMap) -> Exported:
    """The map as canonical JSON; it holds everything."""
    return Exported(dumps(document(amap)))


# --- reading -------------------------------------------------------------------------------

#: How deep JSON may nest: twice the YAML limit, as the canonical form spells out every short
#: form (an objection ``a`` is ``{"claims": ["a"]}``, two levels instead of none).
MAX_JSON_DEPTH = 2 * MAX_DEPTH
_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


class _TooDeep(Exception):
    def __init__(self, offset: int) -> None:
        self.offset = offset


class _Tree:
    """Valid JSON text → positioned nodes, as the YAML reader gives them: strings are quoted
    scalars, numbers and ``true``/``false`` plain ones, ``null`` an empty plain scalar."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

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


def _constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def loads(text: str, path: str) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Read a map from canonical (or any equivalent) JSON text, with positioned diagnostics
    exactly as for YAML: the same checks of shape, the same codes."""
    try:
        json.loads(text, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        span = Span(exc.lineno, exc.colno)
        return None, [Diagnostic(path, span, "AM002", f"JSON syntax error: {exc.msg}")]
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
    return load_tree(root, path)


def from_document(data: object, path: str) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Read a map from JSON data (dicts, lists, strings, numbers, booleans, None), e.g. built
    by an importer, through the loader's checks of shape. Positions are those of the
    canonical JSON text of the data."""
    return loads(dumps(data), path)
