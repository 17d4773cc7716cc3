"""Map text → its outline: every scalar with its extent and place, the claims and the references
between them, for an editor's features. Tolerant: a half-typed line is set aside and the rest is
read, so that completion and navigation keep working while the map does not load.

The loader (:mod:`argmap.loader`) reads a map to check it and gives up on a claim, or on the
whole map, at the first mistake of shape; an editor needs the ids and references of a map that
is being typed. So this module walks libyaml's events itself and keeps what it finds. When the
YAML does not parse, the lines the error names are blanked (offsets stay the same) and the
text is read again, a few times; what precedes a last error is kept.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

import attrs
import yaml

from argmap.model import Kind

#: Keys under a claim whose values name claims, and the role a claim named there plays.
REFERENCE_KEYS = {"reasons": "reason", "objections": "objection", "contradicts": "contradiction"}
#: Times a text is read again with the lines of its syntax error blanked.
RETRIES = 4
#: Deepest nesting read (the format needs 5 levels; argmap refuses more than 16).
MAX_DEPTH = 64
SECTIONS = {kind.section: kind for kind in Kind}

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Characters libyaml refuses outright (it would read nothing): read as spaces here.
_REFUSED = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)

Path = tuple[str | int, ...]


class Token(NamedTuple):
    """A scalar: its extent in the text (offsets), value, place and whether it is a key.

    ``path`` holds the keys and list indexes from the top down to the scalar (for a key, down
    to the mapping it belongs to). (A named tuple: a big map has tens of thousands.)
    """

    start: int
    end: int
    value: str
    path: Path
    key: bool = False
    plain: bool = True


class _Node:
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
        self.items: list[_Node] = []
        self.token: Token | None = None  # a scalar's, once walked

    def pairs(self) -> Iterator[tuple[_Node, _Node | None]]:
        items = self.items
        for i in range(0, len(items), 2):
            yield items[i], items[i + 1] if i + 1 < len(items) else None


@attrs.frozen(eq=False)
class Claim:
    """A claim as written, whatever is missing or wrong in it."""

    kind: Kind
    start: int  # its mapping, in the text
    end: int
    flow: bool
    keys: dict[str, Token]  # the key tokens, by name
    id: Token | None
    text: str | None
    text_end: int | None  # where the value of 'text' ends
    quotes: tuple[Token, ...]
    implicit: bool


@attrs.frozen(eq=False)
class Reference:
    """A claim id written where a claim is named: under reasons, objections or contradicts."""

    token: Token
    owner: Claim
    role: str  # "reason", "objection" or "contradiction"


@attrs.frozen
class Section:
    kind: Kind
    key: Token
    end: int  # where its list ends


@attrs.frozen
class SyntaxProblem:
    """The first YAML syntax error of the text: where libyaml stopped, its words, and where
    what it was reading started (a quote, a key), if elsewhere."""

    offset: int
    message: str
    context: int | None = None
    context_message: str | None = None


class Outline:
    """What an editor needs to know of a map's text; see :func:`outline`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[Token] = []
        self.claims: list[Claim] = []
        self.references: list[Reference] = []
        self.sections: list[Section] = []
        self.source_path: str | None = None
        self.problem: SyntaxProblem | None = None
        self.extents: dict[int, int] = {}  # start → end of each scalar
        self.collections: dict[int, int] = {}  # start → end of each list and mapping
        self.empty_values: dict[int, Token] = {}  # an empty value's offset → its key
        self._found: list[Token] = []  # the tokens that are not empty, for look-ups
        self._starts: list[int] = []

    # ---- look-ups

    def token_at(self, offset: int) -> Token | None:
        """The scalar under ``offset`` (its end included, where a cursor after a word is)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset <= self._found[i].end:
            return self._found[i]
        return None

    def definitions(self, claim_id: str) -> list[Claim]:
        return [claim for claim in self.claims if claim.id and claim.id.value == claim_id]

    def uses(self, claim_id: str) -> list[Reference]:
        return [ref for ref in self.references if ref.token.value == claim_id]

    def ids(self) -> dict[str, Claim]:
        """The claims by id, the first one where an id is repeated, in file order."""
        found: dict[str, Claim] = {}
        for claim in self.claims:
            if claim.id is not None and claim.id.value:
                found.setdefault(claim.id.value, claim)
        return found

    def owner(self, offset: int) -> Claim | None:
        """The claim whose mapping holds ``offset``."""
        for claim in self.claims:
            if claim.start <= offset <= claim.end:
                return claim
        return None

    def claim_before(self, offset: int) -> Claim | None:
        """The last claim starting before ``offset``: the one being typed there, even when
        the lines at the cursor do not parse."""
        found = None
        for claim in self.claims:
            if claim.start <= offset:
                found = claim
        return found

    def id_at(self, offset: int) -> tuple[Token, Claim | Reference] | None:
        """The claim id under ``offset``: a claim's ``id`` or a reference, with what it is."""
        token = self.token_at(offset)
        if token is None or token.key:
            return None
        for claim in self.claims:
            if claim.id is token:
                return token, claim
        for ref in self.references:
            if ref.token is token:
                return token, ref
        return None


def _sanitized(text: str) -> str:
    return _REFUSED.sub(" ", text) if not text.isascii() or "\x00" in text else text


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


def _parse(text: str) -> tuple[_Node | None, yaml.MarkedYAMLError | None]:
    """The first document's tree, as far as it parses, and the error that stopped it."""
    stack: list[_Node] = []
    top: list[_Node] = []  # the root, once read
    children = top
    loader = _Loader(text)
    get_event = loader.get_event
    error = None
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is _ScalarEvent:
                children.append(_Node("scalar", event.start_mark.index, event.end_mark.index,
                                      event.value, not event.style))  # fmt: skip
            elif kind is _MappingStart or kind is _SequenceStart:
                node = _Node("map" if kind is _MappingStart else "seq", event.start_mark.index,
                             event.end_mark.index, flow=bool(event.flow_style))  # fmt: skip
                children.append(node)
                stack.append(node)
                children = node.items
            elif kind is _MappingEnd or kind is _SequenceEnd:
                stack.pop().end = event.end_mark.index
                children = stack[-1].items if stack else top
            elif kind is _AliasEvent:
                children.append(_Node("scalar", event.start_mark.index, event.end_mark.index))
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


def outline(text: str) -> Outline:
    """The outline of a map's text (which need not be valid YAML, nor a valid map)."""
    result = Outline(text)
    readable = _sanitized(text)
    root, error = _parse(readable)
    if error is not None:
        context = error.context_mark.index if error.context_mark is not None else None
        result.problem = SyntaxProblem(
            _mark(error), error.problem or str(error), context, error.context
        )
    for _ in range(RETRIES):
        if error is None:
            break
        for mark in (error.problem_mark, error.context_mark):
            if mark is not None:
                readable = _blank_line(readable, mark.index)
        again, later = _parse(readable)
        if later is not None and _mark(later) <= _mark(error):
            break  # blanking did not get the reading any further
        root, error = again, later
    if root is not None:
        _Walker(result).top(root)
    result.tokens.sort(key=lambda token: token.start)
    result._found = [token for token in result.tokens if token.end > token.start]
    result._starts = [token.start for token in result._found]
    return result


class _Walker:
    """Fills an outline from the tree: tokens with their paths, then claims and references."""

    def __init__(self, result: Outline) -> None:
        self.out = result

    def tokens(self, node: _Node, path: Path) -> None:
        """Record every scalar under ``node`` with its path, and each node's extent (not
        below MAX_DEPTH: a map needs 5 levels, and Python's stack is not endless)."""
        if len(path) > MAX_DEPTH:
            return
        out = self.out
        text = out.text
        end = node.end
        while end > node.start and text[end - 1].isspace():
            end -= 1  # a block node reaches to the next token: not its trailing space
        if node.kind == "scalar":
            if node.start not in out.extents:
                out.extents[node.start] = end
            node.token = Token(node.start, end, node.value, path, False, node.plain)
            out.tokens.append(node.token)
            return
        out.collections.setdefault(node.start, end)
        if node.kind == "seq":
            for i, item in enumerate(node.items):
                self.tokens(item, (*path, i))
            return
        for key, value in node.pairs():
            name: str | int = "?"
            if key.kind == "scalar":
                key.token = Token(key.start, key.end, key.value, path, True, key.plain)
                out.tokens.append(key.token)
                out.extents.setdefault(key.start, key.end)
                name = key.value
            else:
                self.tokens(key, path)
            if value is not None:
                if value.kind == "scalar" and value.start == value.end and key.token:
                    out.empty_values[value.start] = key.token
                self.tokens(value, (*path, name))

    def top(self, root: _Node) -> None:
        self.tokens(root, ())
        if root.kind != "map":
            return
        for key, value in root.pairs():
            if key.token is None or value is None:
                continue
            name = key.token.value
            if name == "source" and value.kind == "map":
                for skey, svalue in value.pairs():
                    if skey.token and skey.token.value == "path" and svalue and svalue.token:
                        self.out.source_path = svalue.token.value
            kind = SECTIONS.get(name)
            if kind is None:
                continue
            self.out.sections.append(Section(kind, key.token, value.end))
            if value.kind == "seq":
                for item in value.items:
                    if item.kind == "map":
                        self.claim(item, kind)

    def claim(self, node: _Node, kind: Kind) -> None:
        keys: dict[str, Token] = {}
        values: dict[str, _Node] = {}
        for key, value in node.pairs():
            if key.token is not None and key.token.value not in keys:
                keys[key.token.value] = key.token
                if value is not None:
                    values[key.token.value] = value
        text = values.get("text")
        implicit = values.get("implicit")
        claim = Claim(
            kind=kind,
            start=node.start,
            end=node.end,
            flow=node.flow,
            keys=keys,
            id=_scalar(values.get("id")),
            text=text.token.value if text is not None and text.token else None,
            text_end=text.end if text is not None else None,
            quotes=tuple(_scalars(values.get("quotes"))),
            implicit=bool(implicit and implicit.token and implicit.token.value == "true"),
        )
        self.out.claims.append(claim)
        for name, role in REFERENCE_KEYS.items():
            if name in values:
                self.references(values[name], claim, role, name)

    def references(
        self, node: _Node, claim: Claim, role: str, key: str, depth: int = 0
    ) -> None:
        """The ids named under a claim's ``key``, at any depth (reasons and objections written
        in full, linked lists, objections to objections)."""
        if depth > MAX_DEPTH:
            return
        items = node.items if node.kind == "seq" else [node]
        for item in items:
            if item.kind == "scalar" and item.token is not None:
                self.out.references.append(Reference(item.token, claim, role))
            elif item.kind == "seq" and key == "reasons":  # a linked reason
                for ref in _scalars(item):
                    self.out.references.append(Reference(ref, claim, role))
            elif item.kind == "map" and key != "contradicts":
                for name, value in item.pairs():
                    if name.token is None or value is None:
                        continue
                    if name.token.value == "claims":
                        for ref in _scalars(value):
                            self.out.references.append(Reference(ref, claim, role))
                    elif name.token.value == "objections":
                        self.references(value, claim, "objection", "objections", depth + 1)


def _scalar(node: _Node | None) -> Token | None:
    return node.token if node is not None and node.kind == "scalar" else None


def _scalars(node: _Node | None) -> Iterator[Token]:
    """The scalar, or the scalars of a list."""
    if node is None:
        return
    if node.kind == "scalar" and node.token is not None:
        yield node.token
    elif node.kind == "seq":
        for item in node.items:
            if item.kind == "scalar" and item.token is not None:
                yield item.token
