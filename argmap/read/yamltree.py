"""Bytes → a tree of positioned YAML nodes, rejecting what the argmap format does not allow.

PyYAML's C parser (libyaml) produces the events; this module builds the tree from them rather than
calling ``yaml.compose``, because the composed nodes no longer say whether a tag was written
explicitly, where an anchor was declared, or that an alias was used (compose silently shares the
node). Events carry all three with their positions, at the same C speed.
"""

from __future__ import annotations

import collections.abc
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

import attrs
import yaml

from argmap.diagnostics import Diagnostic, Span, printable, span_at
from argmap.encodings import GARBLED, undecodable, ungarbled, wide
from argmap.model.keys import REFUSED, SURROGATES
from argmap.read.yamlerrors import syntax_error

#: Deepest nesting of collections a map may have; the format itself needs 5.
MAX_DEPTH = 16

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Mark(NamedTuple):
    """A 0-based line and column, like the marks libyaml puts on its events."""

    line: int
    column: int


def _span(mark: Mark | yaml.Mark) -> Span:
    return Span(mark.line + 1, mark.column + 1)


@property  # type: ignore[misc]
def _node_span(node: Scalar | Sequence | Mapping) -> Span:
    """Where the node starts (1-based)."""
    mark = node.mark
    return Span(mark.line + 1, mark.column + 1)


# The nodes are attrs classes without frozen's per-field object.__setattr__: a big map has
# hundreds of thousands of them, and nothing changes them once parse() has built the tree.
# Each keeps the mark where it starts (libyaml's, or a Mark) and makes its Span only when
# asked: most keys are never reported, and a Span apiece would cost a tenth of the parse.
@attrs.define
class Scalar:
    value: str
    mark: Mark | yaml.Mark
    plain: bool = True

    span = _node_span


@attrs.define
class Sequence:
    items: tuple[Node, ...]
    mark: Mark | yaml.Mark

    span = _node_span


@attrs.define
class Mapping:
    pairs: tuple[tuple[Scalar | Sequence | Mapping, Node], ...]
    mark: Mark | yaml.Mark

    span = _node_span


Node = Scalar | Sequence | Mapping


class Spans(collections.abc.Mapping[str, Span]):
    """Where the entries of a mapping were written, by key (``""`` for the mapping itself).

    Keeps the marks and makes a Span only when one is looked up, for a diagnostic: a big map
    has a hundred thousand entries, nearly all never reported.
    """

    __slots__ = ("_marks",)

    def __init__(self, marks: dict[str, Mark | yaml.Mark]) -> None:
        self._marks = marks

    def __getitem__(self, key: str) -> Span:
        return _span(self._marks[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._marks)

    def __len__(self) -> int:
        return len(self._marks)

    @classmethod
    def of(cls, node: Mapping, entries: dict[str, tuple[Scalar, Node]]) -> Spans:
        """Where ``node`` and the values of its ``entries`` were written."""
        marks = {key: value.mark for key, (_, value) in entries.items()}
        marks[""] = node.mark
        return cls(marks)


def describe(node: Node) -> str:
    """What a node is, in words for error messages."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    return "empty" if not node.value.strip() else "text"


def decode(data: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 bytes (a BOM allowed) → text, or an AM001 at the first bad byte's line:col (at
    1:1 for a file in UTF-16 or UTF-32, named as such)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    said = wide(data)
    if said is not None:
        return None, [Diagnostic(path, span_at("", 0), "AM001", f"the file is {said}")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        span, said = undecodable(data, exc)
        return None, [Diagnostic(path, span, "AM001", f"the file is {said}")]


#: Characters YAML counts as line breaks and editors do not (they show them inside a line):
#: while parsing, each stands in for a private-use character, so that lines are counted as
#: an editor counts them, and a comment holding one does not end there.
_FOREIGN_BREAKS = "\u2028\u2029\x85"


def masked(text: str) -> tuple[str, dict[int, str]]:
    """``text`` with each of _FOREIGN_BREAKS replaced by a private-use character it does not
    hold, and the table that puts them back (empty when there are none: the common case)."""
    found = [char for char in _FOREIGN_BREAKS if char in text]
    if not found:
        return text, {}
    stand_ins: dict[str, str] = {}
    candidate = 0xE000
    for char in found:
        while chr(candidate) in text:
            candidate += 1
        stand_ins[char] = chr(candidate)
        candidate += 1
    masked = text.translate({ord(char): stand_in for char, stand_in in stand_ins.items()})
    return masked, {ord(stand_in): char for char, stand_in in stand_ins.items()}


_ScalarEvent = yaml.ScalarEvent
_MappingStartEvent, _MappingEndEvent = yaml.MappingStartEvent, yaml.MappingEndEvent
_SequenceStartEvent, _SequenceEndEvent = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_AliasEvent, _DocumentStartEvent, _StreamEndEvent = (
    yaml.AliasEvent,
    yaml.DocumentStartEvent,
    yaml.StreamEndEvent,
)


def _node_marks(event: yaml.NodeEvent, span: Span, path: str) -> list[Diagnostic]:
    """AM005 for an anchor and AM006 for a tag written on a node."""
    found = []
    if event.anchor is not None:
        found.append(
            Diagnostic(
                path,
                span,
                "AM005",
                f"anchor '&{event.anchor}' is not allowed: write every value out",
            )
        )
    if event.tag is not None:
        found.append(
            Diagnostic(
                path,
                span,
                "AM006",
                f"tag '{event.tag}' is not allowed: values are plain text, lists and mappings",
            )
        )
    return found


def _is_key(starts: list[tuple[bool, yaml.Mark]], children: list[Node]) -> bool:
    """Whether the next node of the innermost open collection is a mapping's key."""
    return bool(starts) and starts[-1][0] and not len(children) % 2


def parse(text: str, path: str) -> tuple[Node | None, list[Diagnostic]]:
    """Text → the root node of its single document, or diagnostics.

    Rejects several documents (AM004), anchors, aliases and merge keys (AM005), tags (AM006),
    nesting deeper than MAX_DEPTH (AM013), and an empty document (AM003).
    """
    diagnostics: list[Diagnostic] = []
    # The open collections, innermost last: the children read so far and where each started.
    stack: list[list[Node]] = [[]]
    starts: list[tuple[bool, yaml.Mark]] = []  # (is a mapping, start) of each open collection
    children = stack[0]
    merges: list[Diagnostic] = []  # plain "<<" keys: YAML merge keys
    documents = 0
    too_deep: Span | None = None
    # One pass over libyaml's events, dispatching on their exact class: this loop runs once per
    # scalar of the file, so it is kept lean (maps of thousands of claims load in a blink).
    text, unmask = masked(text)
    loader = _Loader(text)
    get_event = loader.get_event
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is _ScalarEvent:
                mark = event.start_mark
                if event.anchor is not None or event.tag is not None:
                    diagnostics += _node_marks(event, _span(mark), path)
                value = event.value
                if value == "<<" and not event.style and _is_key(starts, children):
                    merges.append(
                        Diagnostic(
                            path,
                            _span(mark),
                            "AM005",
                            "merge key '<<' is not allowed: write it out",
                        )
                    )
                if unmask:
                    value = value.translate(unmask)
                children.append(Scalar(value, mark, not event.style))
            elif kind is _MappingStartEvent or kind is _SequenceStartEvent:
                mark = event.start_mark
                if event.anchor is not None or event.tag is not None:
                    diagnostics += _node_marks(event, _span(mark), path)
                if len(stack) > MAX_DEPTH and too_deep is None:
                    too_deep = _span(mark)
                starts.append((kind is _MappingStartEvent, mark))
                children = []
                stack.append(children)
            elif kind is _MappingEndEvent or kind is _SequenceEndEvent:
                done = stack.pop()
                children = stack[-1]
                is_mapping, mark = starts.pop()
                if is_mapping:
                    flat = iter(done)  # keys and values alternate: zipped with itself, in pairs
                    pairs = tuple(zip(flat, flat, strict=True))
                    children.append(Mapping(pairs, mark))  # type: ignore[arg-type]
                else:
                    children.append(Sequence(tuple(done), mark))
            elif kind is _AliasEvent:
                mark = event.start_mark
                diagnostics.append(
                    Diagnostic(
                        path,
                        _span(mark),
                        "AM005",
                        f"alias '*{event.anchor}' is not allowed: write the value out",
                    )
                )
                children.append(Scalar("", mark))
            elif kind is _DocumentStartEvent:
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
            elif kind is _StreamEndEvent or event is None:
                break
    except yaml.MarkedYAMLError as exc:
        return None, [syntax_error(exc, path, text)]
    except yaml.reader.ReaderError as exc:
        # libyaml refuses the character before parsing; its position is a UTF-8 byte offset.
        before = text.encode("utf-8")[: exc.position].decode("utf-8", "replace")
        span = span_at(before, len(before))
        message = f"character U+{exc.character:04X} is not allowed in a YAML file ({exc.reason})"
        garbled = ungarbled(text, len(before))
        if garbled is not None:
            word, was = map(printable, garbled)
            message += f"; the word there, '{word}', is '{was}' garbled: {GARBLED}"
        return None, [Diagnostic(path, span, "AM012", message)]
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports all it finds as above
        return None, [Diagnostic(path, Span(1, 1), "AM002", f"YAML error: {exc}")]
    finally:
        loader.dispose()
    if too_deep is not None:
        diagnostics.append(
            Diagnostic(
                path,
                too_deep,
                "AM013",
                f"nesting deeper than {MAX_DEPTH} levels; the format needs 5",
            )
        )
    roots = stack[0]
    empty = not roots or (isinstance(roots[0], Scalar) and roots[0].value == "" and roots[0].plain)
    if not diagnostics and empty:
        lines = [line.strip() for line in text.splitlines()]
        comments = any(lines) and all(not line or line.startswith("#") for line in lines)
        what = "holds only comments" if comments else "is empty"
        diagnostics.append(
            Diagnostic(path, Span(1, 1), "AM003", f"the file holds no map (it {what})")
        )
    diagnostics.extend(sorted(merges) if roots and not diagnostics else ())
    if diagnostics:
        return None, diagnostics
    return roots[0], []


_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Every character bad_character refuses, so that clean text (nearly all of it) is one C scan.
_REFUSED = re.compile(f"[{REFUSED}{SURROGATES}]")


def bad_character(text: str) -> tuple[int, str] | None:
    """The first character argmap refuses in text, as (index, description), or None.

    Refused: control characters other than tab and newline, bidirectional embeddings, overrides
    and isolates (they can make text display differently from what it says), lone surrogates and
    the XML non-characters U+FFFE and U+FFFF.

    >>> bad_character("plain text")
    >>> bad_character("a\\u202eb")
    (1, 'bidirectional control character U+202E')
    """
    if text.isprintable():  # every refused character is one of Unicode's "Other" categories
        return None
    found = _REFUSED.search(text)
    if found is None:
        return None
    index, char = found.start(), found.group()
    if char in _BIDI:
        return index, f"bidirectional control character U+{ord(char):04X}"
    if unicodedata.category(char) == "Cc":
        return index, f"control character U+{ord(char):04X}"
    return index, f"invalid character U+{ord(char):04X}"
