"""Text → a tree of YAML nodes with their extents, as far as it parses; a syntax error's lines
are set aside and the text read again, so that a half-typed line does not hide the rest.

libyaml's events give each node's start and end (offsets into the text); the tree keeps them,
with the values of scalars. When the YAML does not parse, the lines the error names (where it
stopped, and where what it was reading began) are blanked, which keeps every offset, and the
text is read again, up to RETRIES times, as long as that gets the reading further. What
precedes a last error is kept. Characters libyaml refuses outright are read as spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs
import yaml

from argmap.read.yamltree import masked

#: Times a text is read again with the lines of its syntax error blanked.
RETRIES = 4

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Characters libyaml refuses outright, before reading anything.
REFUSED = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class Node:
    """A node of the tree as libyaml reads it: a scalar (its value), a list or a mapping (its
    keys and values, alternating)."""

    __slots__ = ("end", "flow", "items", "kind", "plain", "start", "token", "value")

    def __init__(self, kind: str, start: int, end: int, value: str = "", plain: bool = True,
                 flow: bool = False) -> None:  # fmt: skip
        self.kind = kind  # "scalar", "seq" or "map"
        self.start = start
        self.end = end
        self.value = value
        self.plain = plain
        self.flow = flow
        self.items: list[Node] = []
        self.token: Any = None  # what a reader of the tree makes of a scalar (a token)

    def pairs(self) -> Iterator[tuple[Node, Node | None]]:
        items = self.items
        for i in range(0, len(items), 2):
            yield items[i], items[i + 1] if i + 1 < len(items) else None


@attrs.frozen
class SyntaxProblem:
    """The first YAML syntax error of the text: where libyaml stopped, its words, and where
    what it was reading started (a quote, a key), if elsewhere."""

    offset: int
    message: str
    context: int | None = None
    context_message: str | None = None


def _sanitized(text: str) -> str:
    return REFUSED.sub(" ", text) if not text.isascii() or "\x00" in text else text


def _blank_line(text: str, offset: int) -> str:
    """``text`` with the line holding ``offset`` replaced by spaces (same length)."""
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    found = [i for i in (text.find("\n", offset), text.find("\r", offset)) if i >= 0]
    end = min(found) if found else len(text)
    return text[:start] + " " * (end - start) + text[end:]


_ScalarEvent, _AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
_MappingStart, _SequenceStart = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MappingEnd, _SequenceEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent
_DocumentEnd, _StreamEnd = yaml.DocumentEndEvent, yaml.StreamEndEvent


def _parse(
    text: str, unmask: dict[int, str] | None = None
) -> tuple[Node | None, yaml.MarkedYAMLError | None]:
    """The first document's tree, as far as it parses, and the error that stopped it;
    ``unmask`` puts back in scalars what :func:`argmap.read.yamltree.masked` stood in for."""
    stack: list[Node] = []
    top: list[Node] = []  # the root, once read
    children = top
    loader = _Loader(text)
    get_event = loader.get_event
    error = None
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is _ScalarEvent:
                value = event.value.translate(unmask) if unmask else event.value
                children.append(Node("scalar", event.start_mark.index, event.end_mark.index,
                                      value, not event.style))  # fmt: skip
            elif kind is _MappingStart or kind is _SequenceStart:
                node = Node("map" if kind is _MappingStart else "seq", event.start_mark.index,
                             event.end_mark.index, flow=bool(event.flow_style))  # fmt: skip
                children.append(node)
                stack.append(node)
                children = node.items
            elif kind is _MappingEnd or kind is _SequenceEnd:
                stack.pop().end = event.end_mark.index
                children = stack[-1].items if stack else top
            elif kind is _AliasEvent:
                children.append(Node("scalar", event.start_mark.index, event.end_mark.index))
            elif kind is _StreamEnd or event is None or (kind is _DocumentEnd and top):
                break  # one document: the loader reports the others
    except yaml.MarkedYAMLError as exc:
        error = exc
    except yaml.YAMLError as exc:  # pragma: no cover - the text is sanitized
        error = yaml.MarkedYAMLError(problem=str(exc))
    finally:
        loader.dispose()
    for node in reversed(stack):  # left open by an error: they reach as far as was read
        node.end = max(node.end, node.items[-1].end if node.items else node.start)
    return (top[0] if top else None), error


def _mark(error: yaml.MarkedYAMLError) -> int:
    mark = error.problem_mark or error.context_mark
    return mark.index if mark is not None else 0


def read(text: str) -> tuple[Node | None, SyntaxProblem | None]:
    """The tree of the text's first document (None if there is none), read as far as
    possible, and the text's first syntax error, if any."""
    # Lines as argmap counts them: U+2028, U+2029 and U+0085 stay inside their line (and
    # inside a comment), each read as a private-use character of the same length.
    readable, unmask = masked(_sanitized(text))
    root, error = _parse(readable, unmask)
    if error is None:
        return root, None
    context = error.context_mark.index if error.context_mark is not None else None
    problem = SyntaxProblem(_mark(error), error.problem or str(error), context, error.context)
    for _ in range(RETRIES):
        for mark in (error.problem_mark, error.context_mark):
            if mark is not None:
                readable = _blank_line(readable, mark.index)
        again, later = _parse(readable, unmask)
        if later is not None and _mark(later) <= _mark(error):
            break  # blanking did not get the reading any further
        root, error = again, later
        if error is None:
            break
    return root, problem
