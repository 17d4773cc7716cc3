"""Map text → its outline: every scalar with its extent and place, the claims and the references
between them, for an editor's features and the fixes (:mod:`argmap.fix`). Tolerant: it reads
what it can of a map being typed.

The loader (:mod:`argmap.read.loader`) reads a map to check it and gives up on a claim, or on the
whole map, at the first mistake of shape; an editor needs the ids and references of a map that
is being typed. So this module walks the tree :mod:`argmap.read.tolerant` reads (which sets a
half-typed line aside) and keeps whatever claims and references it finds.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import NamedTuple

import attrs

from argmap.model import Kind
from argmap.read.tolerant import Node, SyntaxProblem, read

#: Keys under a claim whose values name claims, and the role a claim named there plays.
REFERENCE_KEYS = {"reasons": "reason", "objections": "objection", "contradicts": "contradiction",
                  "restates": "restatement"}  # fmt: skip
#: Deepest nesting read (the format needs 5 levels; argmap refuses more than 16).
MAX_DEPTH = 64
SECTIONS = {kind.section: kind for kind in Kind}

ITEM = "-"
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
    """A claim id written where a claim is named: under reasons, objections, contradicts or
    restates."""

    token: Token
    owner: Claim
    role: str  # "reason", "objection", "contradiction" or "restatement"


@attrs.frozen
class Section:
    kind: Kind
    key: Token
    end: int  # where its list ends


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


def outline(text: str) -> Outline:
    """The outline of a map's text (which need not be valid YAML, nor a valid map)."""
    result = Outline(text)
    root, result.problem = read(text)
    if root is not None:
        _Walker(result).top(root)
    result.tokens.sort(key=lambda token: token.start)
    result._found = [token for token in result.tokens if token.end > token.start]
    result._starts = [token.start for token in result._found]
    return result


def mapping_of(path: tuple[str | int, ...]) -> str | None:
    """Which place of :data:`argmap.model.keys.KEYS` the mapping at ``path`` is (list indexes
    may be written as numbers or as ``-``), or None for none the format has.

    >>> mapping_of(("conclusions", 3, "reasons", 0)), mapping_of(("source",))
    ('reason', 'source')
    """
    path = tuple(ITEM if isinstance(part, int) else part for part in path)
    if not path:
        return "top"
    if path == ("source",):
        return "source"
    if len(path) < 2 or path[0] not in SECTIONS or path[1] != ITEM:
        return None
    if len(path) == 2:
        return SECTIONS[path[0]].value
    if path[-1] == ITEM and path[-2] == "reasons" and len(path) == 4:
        return "reason"
    if path[-1] == ITEM and path[-2] == "objections":
        return "objection"
    if path[-1] == ITEM and path[-2] == "restates" and len(path) == 4:
        return "restatement"
    return None


class _Walker:
    """Fills an outline from the tree: tokens with their paths, then claims and references."""

    def __init__(self, result: Outline) -> None:
        self.out = result

    def tokens(self, node: Node, path: Path) -> None:
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

    def top(self, root: Node) -> None:
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

    def claim(self, node: Node, kind: Kind) -> None:
        keys: dict[str, Token] = {}
        values: dict[str, Node] = {}
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

    def references(self, node: Node, claim: Claim, role: str, key: str, depth: int = 0) -> None:
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
                    if name.token.value == "claims" or (name.token.value == "claim"
                                                        and key == "restates"):  # fmt: skip
                        for ref in _scalars(value):
                            self.out.references.append(Reference(ref, claim, role))
                    elif name.token.value == "objections":
                        self.references(value, claim, "objection", "objections", depth + 1)


def _scalar(node: Node | None) -> Token | None:
    return node.token if node is not None and node.kind == "scalar" else None


def _scalars(node: Node | None) -> Iterator[Token]:
    """The scalar, or the scalars of a list."""
    if node is None:
        return
    if node.kind == "scalar" and node.token is not None:
        yield node.token
    elif node.kind == "seq":
        for item in node.items:
            if item.kind == "scalar" and item.token is not None:
                yield item.token
