"""YAML text → a concrete tree: every node with the text it was written as, and every comment
and blank line attached to the node it stands by, so that a file can be laid out anew without
losing a comment or a byte of meaning.

libyaml's events give the tree and where each scalar starts and ends (in characters). What lies
between the scalars is indentation, punctuation, blank lines and comments: a ``#`` there, at the
start of a line or after a space, starts a comment. A comment alone on its line (and a blank
line) is *leading trivia* of the entry that follows it: the mapping pair or list item starting
next (the outermost one, so a comment above ``- id: x`` belongs to the claim, not to its id). A
comment after something on its line is the *trailing comment* of the last scalar or flow
collection that ends on that line. A block scalar's header (``>-  # note``) keeps its own.

A comment alone on its line after the last entry of a collection, where no entry of it follows,
*closes* that collection (``closing``) instead of leading the next entry: inside a flow
collection, before its bracket; after a block mapping or list, when the comment is indented
deeper than the entry that follows and at least as deep as the block (the innermost such block).
A comment at the end of a claim, so, stays with that claim, not with the next one. The blank
lines before such a comment go with it.
"""

from __future__ import annotations

import bisect
import re

import attrs
import yaml

from argmap.read.yamltree import masked

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BLOCK_HEADER = re.compile(r"([|>][-+0-9]*)[ \t]*(#.*)?$")


@attrs.define(eq=False)
class Comment:
    """A trailing comment: its text from ``#`` on, and the column it was written at."""

    text: str
    column: int


@attrs.define(eq=False)
class Node:
    """What every node has: where it was written (character offsets), the blank lines and
    comment lines before it when it starts an entry (``""`` for a blank line), and the comment
    after it on its line."""

    start: int
    end: int
    before: list[str] = attrs.field(factory=list, kw_only=True)
    comment: Comment | None = attrs.field(default=None, kw_only=True)


@attrs.define(eq=False)
class Scalar(Node):
    """A scalar: its value, its style (``""`` plain, ``'``, ``"``, ``|``, ``>``) and the text it
    was written as (a block scalar's header comment apart, in ``header_comment``)."""

    value: str = ""
    style: str = ""
    text: str = ""
    header_comment: str | None = None


@attrs.define(eq=False)
class Seq(Node):
    """A list; ``closing``: the comment and blank lines after its last item (see above)."""

    items: list[Node] = attrs.field(factory=list)
    flow: bool = False
    closing: list[str] = attrs.field(factory=list, kw_only=True)


@attrs.define(eq=False)
class Map(Node):
    """A mapping; ``closing``: the comment and blank lines after its last pair."""

    pairs: list[tuple[Scalar, Node]] = attrs.field(factory=list)
    flow: bool = False
    closing: list[str] = attrs.field(factory=list, kw_only=True)


@attrs.define(eq=False)
class Document:
    """A file's one document: what comes before its root (directives, ``---``, comments), the
    root, the comment and blank lines after it, and an explicit end (``...``) and beyond."""

    header: str
    root: Node
    after: list[str]
    footer: str


class _Builder:
    """Builds the tree from libyaml's events, noting where entries start and anchors end."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entries: list[tuple[int, Node]] = []  # (start, node), outermost first at a start
        self.anchors: list[tuple[int, Node]] = []  # (end, node) of scalars and flow collections
        self.scalars: list[Scalar] = []
        self.keys: dict[int, Scalar] = {}  # id of an open mapping → its key awaiting a value
        self.parents: dict[int, Seq | Map] = {}  # id of a node → the collection holding it
        self.unmask: dict[int, str] = {}

    def build(self) -> tuple[Node, int, int]:
        """The root node, where it starts, and where the document's explicit end starts (or
        the end of the text). libyaml reads the text as the loader does: a line break only
        YAML counts (U+2028, U+2029, U+0085) is a character of its line."""
        text, self.unmask = masked(self.text)
        loader = _Loader(text)
        try:
            stack: list[Node] = []
            root: Node | None = None
            end = len(self.text)
            while True:
                event = loader.get_event()
                if event is None or isinstance(event, yaml.StreamEndEvent):
                    break
                if isinstance(event, yaml.DocumentEndEvent):
                    if event.explicit:
                        end = event.start_mark.index
                    continue
                if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                    done = stack.pop()
                    done.end = event.end_mark.index
                    if getattr(done, "flow", False):
                        self.anchors.append((done.end, done))
                    continue
                node = self._node(event)
                if node is None:
                    continue
                if stack:
                    self._add(stack[-1], node)
                else:
                    root = node
                if isinstance(node, (Seq, Map)):
                    stack.append(node)
        finally:
            loader.dispose()
        if root is None:
            raise ValueError("the text holds no YAML document")
        return root, root.start, end

    def _node(self, event: yaml.Event) -> Node | None:
        start, end = event.start_mark.index, event.end_mark.index
        if isinstance(event, yaml.ScalarEvent):
            style = event.style or ""
            value = event.value.translate(self.unmask) if self.unmask else event.value
            node = Scalar(start, end, value=value, style=style, text=self.text[start:end])
            self.scalars.append(node)
            if style not in ("|", ">"):  # a block scalar ends on the line after its last
                self.anchors.append((end, node))
            return node
        if isinstance(event, yaml.SequenceStartEvent):
            return Seq(start, end, flow=bool(event.flow_style))
        if isinstance(event, yaml.MappingStartEvent):
            return Map(start, end, flow=bool(event.flow_style))
        return None  # stream and document starts; aliases are refused before we get here

    def _add(self, parent: Node, node: Node) -> None:
        assert isinstance(parent, (Seq, Map))
        self.parents[id(node)] = parent
        if isinstance(parent, Seq):
            parent.items.append(node)
            self.entries.append((node.start, node))
        elif isinstance(parent, Map):
            key = self.keys.pop(id(parent), None)
            if key is None:
                assert isinstance(node, Scalar), "argmap maps have text keys"
                self.keys[id(parent)] = node
                self.entries.append((node.start, node))
            else:
                parent.pairs.append((key, node))


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


class _Trivia:
    """Finds the comments and blank lines between the scalars and attaches them."""

    def __init__(self, text: str, builder: _Builder) -> None:
        self.text = text
        self.entry_starts = [start for start, _ in builder.entries]
        self.entries = [node for _, node in builder.entries]
        self.anchor_ends = [end for end, _ in builder.anchors]
        self.anchors = [node for _, node in builder.anchors]
        self.scalar_starts = [scalar.start for scalar in builder.scalars]
        self.scalars = builder.scalars
        self.parents = builder.parents
        self.after: list[str] = []
        # Within one gap between scalars: blank lines not yet placed, the collection the last
        # comment closed, and whether a comment led the next entry (what follows it does too).
        self.blanks: list[int] = []
        self.closed: Seq | Map | None = None
        self.led = False

    def collect(self, scalars: list[Scalar], start: int, end: int) -> list[str]:
        """Attach what lies in [start, end) outside the scalars; return what follows the
        last entry (the document's closing comments)."""
        position = start
        for scalar in scalars:
            self.gap(position, scalar.start)
            block = scalar.style in ("|", ">")
            position = self.block_scalar(scalar) if block else scalar.end
        self.gap(position, end)
        return self.after

    def gap(self, start: int, end: int) -> None:
        text = self.text
        position = start
        while position < end:
            newline = text.find("\n", position, end)
            stop = end if newline < 0 else newline
            at_line_start = position == 0 or text[position - 1] == "\n"
            segment = text[position:stop]
            hash_at = self._comment_start(position, stop)
            if hash_at is not None:
                self.comment(hash_at, text[hash_at:stop].rstrip())
            elif at_line_start and newline >= 0 and not segment.strip():
                self.blanks.append(position)
            position = stop + 1
        self._lead_blanks()
        self.closed, self.led = None, False

    def _lead_blanks(self) -> None:
        for at in self.blanks:
            self.leading(at, "")
        self.blanks = []

    def _comment_start(self, start: int, stop: int) -> int | None:
        text = self.text
        at = text.find("#", start, stop)
        while at >= 0:
            if at == 0 or text[at - 1] in " \t\n":
                return at
            at = text.find("#", at + 1, stop)
        return None

    def comment(self, at: int, comment: str) -> None:
        text = self.text
        line_start = _line_start(text, at)
        if text[line_start:at].strip():
            index = bisect.bisect_right(self.anchor_ends, at) - 1
            if index >= 0 and "\n" not in text[self.anchor_ends[index] : at]:
                self.anchors[index].comment = Comment(comment, at - line_start)
                return
        closed = None if text[line_start:at].strip() else self._closes(at, at - line_start)
        if closed is None:
            self._lead_blanks()
            self.leading(at, comment)
            self.led = True
            return
        closed.closing.extend("" for _ in self.blanks)
        closed.closing.append(comment)
        self.blanks = []
        self.closed = closed

    def _column(self, node: Node) -> int:
        return node.start - _line_start(self.text, node.start)

    def _deeper(self, block: Seq | Map, column: int) -> bool:
        """Whether a comment at ``column`` is inside ``block``: as deep as its entries, deeper
        for a list written at its key's column (``key:`` then ``- item`` under it)."""
        parent = self.parents.get(id(block))
        indentless = isinstance(block, Seq) and parent is not None
        indentless = indentless and self._column(block) == self._column(parent)  # type: ignore[arg-type]
        return self._column(block) + indentless <= column

    def _closes(self, at: int, column: int) -> Seq | Map | None:
        """The collection a comment alone on its line at ``at`` closes (see the module's
        docstring), or None when it leads the next entry."""
        previous = bisect.bisect_right(self.scalar_starts, at) - 1
        if self.led or previous < 0:
            return None
        index = bisect.bisect_right(self.entry_starts, at)
        following = self.entries[index] if index < len(self.entries) else None
        holders = set()  # the collections holding the next entry
        entry_column = -1  # of the next entry: of its dash for a list item
        if following is not None:
            parent = self.parents.get(id(following))
            if parent is not None:
                start = parent if isinstance(parent, Seq) and not parent.flow else following
                entry_column = self._column(start)
            while parent is not None:
                holders.add(id(parent))
                parent = self.parents.get(id(parent))
        passed = self.closed is None  # later comments close the same or an outer collection
        node = self.parents.get(id(self.scalars[previous]))
        while node is not None and id(node) not in holders and id(node) in self.parents:
            passed = passed or node is self.closed
            if node.flow and at < node.end:
                return node if passed else None
            if passed and not node.flow and entry_column < column and self._deeper(node, column):
                return node
            node = self.parents.get(id(node))
        return None

    def leading(self, at: int, line: str) -> None:
        index = bisect.bisect_right(self.entry_starts, at)
        if index < len(self.entries):
            self.entries[index].before.append(line)
        else:
            self.after.append(line)

    def block_scalar(self, scalar: Scalar) -> int:
        """Take a block scalar's header comment, and count the blank lines at the end of its
        span, which are not its content unless it keeps them (``+``); return where the next
        gap starts."""
        lines = scalar.text.split("\n")
        header = _BLOCK_HEADER.match(lines[0])
        if header is not None and header.group(2):
            scalar.header_comment = header.group(2).rstrip()
        if "+" in lines[0]:
            return scalar.end
        content = len(lines)
        while content > 1 and not lines[content - 1].strip(" "):
            content -= 1
        offset = scalar.start + sum(len(line) + 1 for line in lines[:content])
        for line in lines[content:-1]:  # whole blank lines (the last piece ends the span)
            self.blanks.append(offset)
            offset += len(line) + 1
        return scalar.end


def parse(text: str) -> Document:
    """The concrete tree of a YAML document (a map file that loads without errors).

    Raises:
        yaml.YAMLError: The text is not YAML (the loader reports this first, with a place).
        ValueError: The text holds no document.
    """
    builder = _Builder(text)
    root, start, end = builder.build()
    trivia = _Trivia(text, builder)
    after = trivia.collect(builder.scalars, start, end)
    return Document(text[:start], root, after, text[end:])


__all__ = ["Comment", "Document", "Map", "Node", "Scalar", "Seq", "parse"]
