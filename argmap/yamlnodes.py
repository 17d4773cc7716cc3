"""Bytes → a tree of positioned YAML nodes, rejecting what the argmap format does not allow.

PyYAML's C parser (libyaml) produces the events; this module builds the tree from them rather than
calling ``yaml.compose``, because the composed nodes no longer say whether a tag was written
explicitly, where an anchor was declared, or that an alias was used (compose silently shares the
node). Events carry all three with their positions, at the same C speed.
"""

from __future__ import annotations

import unicodedata

import attrs
import yaml

from argmap.diagnostics import Diagnostic, Span

#: Deepest nesting of collections a map may have; the format itself needs 5.
MAX_DEPTH = 16

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@attrs.frozen
class Scalar:
    value: str
    span: Span
    plain: bool = True


@attrs.frozen
class Sequence:
    items: tuple[Node, ...]
    span: Span


@attrs.frozen
class Mapping:
    pairs: tuple[tuple[Scalar | Sequence | Mapping, Node], ...]
    span: Span


Node = Scalar | Sequence | Mapping


def describe(node: Node) -> str:
    """What a node is, in words for error messages."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    return "empty" if node.value == "" and node.plain else "text"


def _span(mark: yaml.Mark) -> Span:
    return Span(mark.line + 1, mark.column + 1)


def decode(data: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 bytes (a BOM allowed) → text, or an AM001 at the first bad byte's line:col."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        bad = data[exc.start : exc.end].hex(" ")
        message = f"the file is not valid UTF-8: byte {bad} cannot be decoded ({exc.reason})"
        return None, [Diagnostic(path, Span(line, column), "AM001", message)]


def _syntax_error(exc: yaml.MarkedYAMLError, path: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    span = _span(mark) if mark is not None else Span(1, 1)
    problem = exc.problem or "invalid YAML"
    if "nesting depth" in problem:
        return Diagnostic(path, span, "AM013", f"nesting deeper than YAML allows ({problem})")
    if "control characters" in problem or "special characters" in problem:
        return Diagnostic(
            path, span, "AM012", "control character in the file (only tab and newline are allowed)"
        )
    context = f" {exc.context}" if exc.context else ""
    if exc.context_mark is not None and mark is not None and exc.context_mark.line != mark.line:
        context += f" started at {_span(exc.context_mark)}"
    return Diagnostic(path, span, "AM002", f"YAML syntax error: {problem}{context}")


def parse(text: str, path: str) -> tuple[Node | None, list[Diagnostic]]:
    """Text → the root node of its single document, or diagnostics.

    Rejects several documents (AM004), anchors, aliases and merge keys (AM005), tags (AM006),
    nesting deeper than MAX_DEPTH (AM013), and an empty document (AM003).
    """
    diagnostics: list[Diagnostic] = []
    # A stack of open collections: (kind, start span, children).
    stack: list[tuple[str, Span, list[Node]]] = [("stream", Span(1, 1), [])]
    documents = 0
    too_deep: Span | None = None
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    diagnostics.append(
                        Diagnostic(
                            path,
                            _span(event.start_mark),
                            "AM004",
                            "a second YAML document; a map file holds exactly one",
                        )
                    )
                continue
            if isinstance(event, yaml.AliasEvent):
                diagnostics.append(
                    Diagnostic(
                        path,
                        _span(event.start_mark),
                        "AM005",
                        f"alias '*{event.anchor}' is not allowed: write the value out",
                    )
                )
                stack[-1][2].append(Scalar("", _span(event.start_mark)))
                continue
            if isinstance(event, yaml.NodeEvent):
                span = _span(event.start_mark)
                if event.anchor is not None:
                    diagnostics.append(
                        Diagnostic(
                            path,
                            span,
                            "AM005",
                            f"anchor '&{event.anchor}' is not allowed: write every value out",
                        )
                    )
                if event.tag is not None:
                    diagnostics.append(
                        Diagnostic(
                            path,
                            span,
                            "AM006",
                            f"tag '{event.tag}' is not allowed: values are plain text, "
                            "lists and mappings",
                        )
                    )
            if isinstance(event, yaml.ScalarEvent):
                plain = event.style is None or event.style == ""
                stack[-1][2].append(Scalar(event.value, _span(event.start_mark), plain))
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                kind = "seq" if isinstance(event, yaml.SequenceStartEvent) else "map"
                if len(stack) > MAX_DEPTH and too_deep is None:
                    too_deep = _span(event.start_mark)
                stack.append((kind, _span(event.start_mark), []))
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                kind, span, children = stack.pop()
                node: Node
                if kind == "seq":
                    node = Sequence(tuple(children), span)
                else:
                    pairs = tuple(zip(children[0::2], children[1::2], strict=True))
                    node = Mapping(pairs, span)  # type: ignore[arg-type]
                stack[-1][2].append(node)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, path)]
    except yaml.reader.ReaderError as exc:
        # libyaml refuses the character before parsing; its position is a UTF-8 byte offset.
        before = text.encode("utf-8")[: exc.position].decode("utf-8", "replace")
        span = Span(before.count("\n") + 1, len(before) - before.rfind("\n"))
        message = f"character U+{exc.character:04X} is not allowed in a YAML file ({exc.reason})"
        return None, [Diagnostic(path, span, "AM012", message)]
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports all it finds as above
        return None, [Diagnostic(path, Span(1, 1), "AM002", f"YAML error: {exc}")]
    if too_deep is not None:
        diagnostics.append(
            Diagnostic(
                path,
                too_deep,
                "AM013",
                f"nesting deeper than {MAX_DEPTH} levels; the format needs 5",
            )
        )
    roots = stack[0][2]
    empty = not roots or (isinstance(roots[0], Scalar) and roots[0].value == "" and roots[0].plain)
    if not diagnostics and empty:
        diagnostics.append(
            Diagnostic(path, Span(1, 1), "AM003", "the file holds no map (it is empty)")
        )
    diagnostics.extend(_merge_keys(roots[0], path) if roots and not diagnostics else ())
    if diagnostics:
        return None, diagnostics
    return roots[0], []


def _merge_keys(root: Node, path: str) -> list[Diagnostic]:
    """AM005 for every plain ``<<`` key: YAML merge keys are not allowed."""
    found: list[Diagnostic] = []
    todo: list[Node] = [root]
    while todo:
        node = todo.pop()
        if isinstance(node, Sequence):
            todo.extend(node.items)
        elif isinstance(node, Mapping):
            for key, value in node.pairs:
                if isinstance(key, Scalar) and key.plain and key.value == "<<":
                    found.append(
                        Diagnostic(
                            path, key.span, "AM005", "merge key '<<' is not allowed: write it out"
                        )
                    )
                todo.append(value)
    return sorted(found)


_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def bad_character(text: str) -> tuple[int, str] | None:
    """The first character argmap refuses in text, as (index, description), or None.

    Refused: control characters other than tab and newline, bidirectional embeddings, overrides
    and isolates (they can make text display differently from what it says), lone surrogates and
    the XML non-characters U+FFFE and U+FFFF.

    >>> bad_character("plain text")
    >>> bad_character("a\\u202eb")
    (1, 'bidirectional control character U+202E')
    """
    for index, char in enumerate(text):
        if char in "\t\n":
            continue
        if char in _BIDI:
            return index, f"bidirectional control character U+{ord(char):04X}"
        category = unicodedata.category(char)
        if category == "Cc":
            return index, f"control character U+{ord(char):04X}"
        if category == "Cs" or char in "\ufffe\uffff":
            return index, f"invalid character U+{ord(char):04X}"
    return None
