"""A map's concrete tree → its text in argmap's canonical layout, every comment kept.

The layout:

- keys in the order of the format's key tables, as :mod:`argmap.formats.yaml` writes them:
  ``argmap``, ``title``, ``note``, ``source``, then the lists of claims in the order written,
  then what the map carries for AIF and SADFace (``aif``, ``sadface``); a claim's ``id`` and
  ``text`` first and its links (``reasons``, ``objections``, ``contradicts``, ``restates``)
  and carried data last; keys written plain, but those of carried data, which keep their
  order and quotes, and whose lists' items written in flow style stay so;
- block style, two spaces a level, list items indented under their key;
- lists of claim ids (``claims``, ``contradicts``, ``objections`` naming claims only) in flow
  style, ``[a, b]``, when they fit in :data:`WIDTH` columns; a linked reason always (``- [a, b]``),
  one id a line when comments stand among its ids (each where it was), ``- claims:`` and its ids
  one a line when an id does not read the same in brackets; reasons and quotes one a line;
- every scalar as it was written (plain, quoted or block, its line breaks where they were),
  only its continuation lines re-indented: text is never re-folded (a quote stays on the line
  it was pasted on, so it can be searched for), and nothing is re-spelled;
- comments where they were: a comment line above the entry it stood above, indented like it;
  a comment after a value after the same value (at its column, or two spaces after the text);
  a comment line closing a mapping or list (after its last entry, indented inside it: the end
  of a claim, of its quotes) after its last entry, indented like its entries;
- blank lines as the author left them, but never two in a row nor at the start of a block,
  and exactly one before each list of claims.
"""

from __future__ import annotations

import re

from argmap.fmt.cst import Comment, Document, Map, Node, Scalar, Seq
from argmap.fmt.flow import flow_data, flow_safe, flow_text, flowable, has_comments
from argmap.formats.yaml import mapping_key, quoted
from argmap.model.keys import KEYS

#: The longest line a flow list of ids may make; longer lists are written one id a line.
WIDTH = 100
INDENT = 2
#: The place of data carried for another format (``aif:``, ``sadface:``): keys stay in the
#: order written, and a list's items written in flow style stay so.
DATA = "data"
SECTIONS = ("premises", "conclusions", "recommendations")
_CLAIM_FIRST = ("id", "text")
_CLAIM_LAST = ("reasons", "objections", "contradicts", "restates", "aif", "sadface")
_PLACE_OF_SECTION = {"premises": "premise", "conclusions": "conclusion",
                     "recommendations": "recommendation"}  # fmt: skip
#: What the values of a key hold, by the place of their mapping; other values are text.
_VALUE_PLACE = {"source": "source", "quotes": "texts", "ignore": "texts", "claims": "ids",
                "question": "ids", "contradicts": "ids", "objections": "objections",
                "reasons": "reasons", "restates": "restates", "aif": DATA, "sadface": DATA,
                **_PLACE_OF_SECTION}  # fmt: skip
_ITEM_PLACE = {"reasons": "reason", "objections": "objection", "restates": "restatement"}
_BLOCK_HEADER = re.compile(r"([|>])([-+]?)([0-9]?)([-+]?)")


def key_order(place: str) -> list[str]:
    """The keys of a mapping at ``place`` (a key table of the loader) in canonical order.

    >>> " ".join(key_order("premise"))
    'id text label quotes note url implicit thesis role objections contradicts restates aif sadface'
    """
    keys = list(KEYS[place])
    if "id" not in keys:
        return keys
    middle = [key for key in keys if key not in _CLAIM_FIRST + _CLAIM_LAST]
    return [*_CLAIM_FIRST, *middle, *(key for key in _CLAIM_LAST if key in keys)]


def _scalar_lines(scalar: Scalar, indent: int) -> list[str]:
    """A scalar as written, its continuation lines indented by ``indent``; the first line
    without indentation (it follows ``key: `` or ``- ``)."""
    if scalar.style in ("|", ">"):
        return _block_scalar_lines(scalar, indent)
    lines = scalar.text.split("\n")
    pad = " " * indent
    if scalar.style in ("", "'"):  # no escapes: white space at a line's end is no content
        lines = [line.rstrip(" \t") for line in lines]
    # Leading white space of a continuation line is never content, in any flow style; in
    # double quotes, white space at the end may be ("\ " is an escaped space): kept.
    return [lines[0]] + [
        pad + line.lstrip(" \t") if line.strip(" \t") else "" for line in lines[1:]
    ]


def _block_scalar_lines(scalar: Scalar, indent: int) -> list[str]:
    lines = scalar.text.split("\n")
    header = _BLOCK_HEADER.match(lines[0])
    assert header is not None
    style, chomp, digits, chomp2 = header.groups()
    if digits or "+" in chomp + chomp2:
        # An explicit indentation is relative to the old parent, kept lines to what follows:
        # write the value in double quotes instead, which reads back the same anywhere.
        return [quoted(scalar.value)]
    content = [line for line in lines[1:]]
    while content and not content[-1].strip(" "):
        content.pop()
    if not content:
        return [style + chomp + chomp2]
    first = next(line for line in content if line.strip(" "))
    old = len(first) - len(first.lstrip(" "))
    pad = " " * indent
    out = [style + chomp + chomp2]
    for line in content:
        out.append(pad + line[old:] if len(line) > old else "")
    return out


class _Line:
    __slots__ = ("commented", "open", "text")

    def __init__(self, text: str, *, open: bool = True) -> None:
        self.text = text
        self.open = open  # a comment may follow (not inside a block scalar)
        self.commented = False


class _Layout:
    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self.pending: list[str] = []  # comments that found no line to end

    # ------------------------------------------------------------------------ lines

    def start(self, indent: int, text: str, before: list[str], *, first: bool) -> None:
        """A line beginning an entry, after its comment and blank lines."""
        lines = self._trivia([*self.pending, *before], first=first)
        self.pending = []
        for line in lines:
            self.lines.append(_Line(" " * indent + line if line else ""))
        self.lines.append(_Line(text))

    @staticmethod
    def _trivia(lines: list[str], *, first: bool) -> list[str]:
        """Blank lines collapsed to one, none at the start of a block."""
        out: list[str] = []
        for line in lines:
            if line or (out and out[-1]) or (not out and not first):
                out.append(line)
        return out

    def more(self, lines: list[str], *, block: bool = False) -> None:
        """The continuation lines of a scalar begun on the last line."""
        if block:
            self.lines[-1].open = False
        for line in lines:
            self.lines.append(_Line(line, open=not block))

    def comment(self, comment: Comment | str | None) -> None:
        """A comment at the end of the last line, or before the next entry if it is taken."""
        if comment is None:
            return
        text, column = (comment, 0) if isinstance(comment, str) else (comment.text, comment.column)
        last = self.lines[-1]
        if last.commented or not last.open:
            self.pending.append(text)
            return
        width = len(last.text)
        last.text += " " * max(column - width, 2) + text
        last.commented = True

    def closing(self, node: Map | Seq, indent: int) -> None:
        """The comment lines closing a collection (after its last entry), at ``indent``."""
        if not node.closing:
            return
        lines = self._trivia([*self.pending, *node.closing], first=False)
        self.pending = []
        for line in lines:
            self.lines.append(_Line(" " * indent + line if line else "", open=False))

    # ------------------------------------------------------------------------ nodes

    def mapping(self, node: Map, place: str, indent: int, lead: str | None = None,
                before: list[str] | None = None, *, first: bool = True) -> None:  # fmt: skip
        """A block mapping at ``indent``; with ``lead`` (``- `` of a list item) its first
        pair goes on the item's line, after the item's comments (``before``)."""
        order = {key: i for i, key in enumerate(key_order(place))} if place != DATA else {
            pair[0].value: i for i, pair in enumerate(node.pairs)}  # fmt: skip
        if place == "top":  # the lists of claims stay in the order written, after the rest
            written = [pair[0].value for pair in node.pairs if pair[0].value in SECTIONS]
            order.update({key: len(order) + i for i, key in enumerate(written)})
            order["aif"] = max(order.values()) + 1  # what the map carries for AIF, last
            order["sadface"] = order["aif"] + 1  # and for SADFace
        pairs = sorted(node.pairs, key=lambda pair: order[pair[0].value])
        for i, (key, value) in enumerate(pairs):
            trivia = key.before
            prefix = " " * indent
            line_indent = indent
            block_first = first if i == 0 else False
            if i == 0 and lead is not None:
                trivia = [*(before or []), *trivia]
                prefix, line_indent = lead, len(lead) - INDENT
            if place == "top" and key.value in SECTIONS:
                trivia = ["", *trivia]
                block_first = False
            value_place = DATA if place == DATA else _VALUE_PLACE.get(key.value, "text")
            self.pair(key, value, value_place, indent, prefix, line_indent, trivia,
                      first=block_first)  # fmt: skip
        self.closing(node, indent)

    def pair(self, key: Scalar, value: Node, place: str, indent: int, prefix: str,
             line_indent: int, before: list[str], *, first: bool) -> None:  # fmt: skip
        head = f"{prefix}{mapping_key(key.value)}:"
        inline = self.inline(value, place, len(head) + 1, indent + INDENT)
        if inline is None:  # a mapping or list in block style: its comment on the key's line
            self.start(line_indent, head, before, first=first)
            self.comment(key.comment)
            self.comment(value.comment)
            self.block(value, place, indent + INDENT)
            return
        self.scalar_lines(line_indent, head + " ", inline, value, before, first=first)
        self.comment(key.comment)
        self.comment(value.comment)

    def scalar_lines(self, indent: int, prefix: str, lines: list[str], value: Node,
                     before: list[str], *, first: bool) -> None:  # fmt: skip
        """A value written after ``prefix`` (``key: `` or ``- ``), and its continuation."""
        block = isinstance(value, Scalar) and value.style in ("|", ">") and len(lines) > 1
        head = prefix + lines[0] if lines[0] else prefix.rstrip(" ")  # "key:" for an empty value
        if isinstance(value, Scalar) and value.header_comment and lines[0][:1] in ("|", ">"):
            head += "  " + value.header_comment
        self.start(indent, head, before, first=first)
        self.more(lines[1:], block=block)

    @staticmethod
    def inline(value: Node, place: str, column: int, indent: int) -> list[str] | None:
        """The lines of a value written on its key's line (a scalar, an empty or a flow
        list), continuation lines indented by ``indent``; None for a value in block style."""
        if isinstance(value, Scalar):
            return _scalar_lines(value, indent)
        if isinstance(value, Seq) and not value.items:
            return ["[]"]
        if isinstance(value, Map) and not value.pairs:
            return ["{}"]
        if place == DATA and isinstance(value, (Map, Seq)) and value.flow:
            text = flow_data(value)
            return [text] if text is not None else None
        if isinstance(value, Seq) and place in ("ids", "objections", "restates") and flowable(
                value):  # fmt: skip
            text = flow_text(value)
            if column + len(text) <= WIDTH:
                return [text]
        return None

    def block(self, value: Node, place: str, indent: int) -> None:
        """A mapping or list under its key, at ``indent``."""
        if isinstance(value, Map):  # a reason or an objection alone, not in a list
            self.mapping(value, _ITEM_PLACE.get(place, place), indent)
        elif isinstance(value, Seq):
            self.sequence(value, place, indent)

    def sequence(self, seq: Seq, place: str, indent: int, lead: str | None = None,
                 before: list[str] | None = None) -> None:  # fmt: skip
        """A block list at ``indent``, each item on a line of its own."""
        item_place = _ITEM_PLACE.get(place, place)
        for i, item in enumerate(seq.items):
            dash = " " * indent + "- "
            trivia = item.before
            if i == 0 and lead is not None:
                dash, trivia = lead + "- ", [*(before or []), *trivia]
            self.item(item, item_place, dash, trivia, first=i == 0)
        self.closing(seq, indent)

    def item(self, item: Node, place: str, dash: str, before: list[str], *, first: bool) -> None:
        indent = len(dash)
        line_indent = indent - INDENT
        flow = flow_data(item) if place == DATA and getattr(item, "flow", False) else None
        if flow is not None:
            self.scalar_lines(line_indent, dash, [flow], item, before, first=first)
            self.comment(item.comment)
            return
        if isinstance(item, Map) and item.pairs:
            self.mapping(item, place, indent, dash, before, first=first)
            self.comment(item.comment)
            return
        if isinstance(item, Seq) and item.items and place == "reason":
            self.linked(item, dash, before, first=first)
            return
        if isinstance(item, Seq) and item.items:
            self.sequence(item, "ids", indent, dash, before)
            self.comment(item.comment)
            return
        lines = self.inline(item, place, indent, indent) or [""]
        self.scalar_lines(line_indent, dash, lines, item, before, first=first)
        self.comment(item.comment)

    def linked(self, seq: Seq, dash: str, before: list[str], *, first: bool) -> None:
        """A linked reason: ``- [a, b]``; with comments among its ids, one id a line, each
        comment where it was (those above the first id above the reason); with an id that
        does not read the same in brackets, ``- claims:`` and the ids one a line."""
        items, indent = seq.items, len(dash) - INDENT
        if not all(isinstance(item, Scalar) and flow_safe(item) for item in items):
            self.start(indent, dash + "claims:", before, first=first)
            self.sequence(seq, "ids", len(dash) + INDENT)
            self.comment(seq.comment)
            return
        head = [*before, *items[0].before]
        inner = [items[0].comment, *seq.closing, *(has_comments(item) for item in items[1:])]
        if not any(inner):
            self.start(indent, dash + flow_text(seq), head, first=first)
            self.comment(seq.comment)
            return
        pad = len(dash) + 1
        alone = bool(seq.closing) or (items[-1].comment is not None and seq.comment is not None)
        for i, item in enumerate(items):
            end = "," if i < len(items) - 1 else "" if alone else "]"
            if i == 0:
                self.start(indent, f"{dash}[{item.text}{end}", head, first=first)
            else:
                trivia = [line for line in item.before if line]
                self.start(pad, " " * pad + item.text + end, trivia, first=True)  # type: ignore[attr-defined]
            self.comment(item.comment)
        if alone:  # the comments closing the list, and the bracket, on lines of their own
            self.closing(seq, pad)
            self.start(pad, " " * pad + "]", [], first=True)
        self.comment(seq.comment)

    def document(self, document: Document) -> str:
        assert isinstance(document.root, Map), "a map's top level is a mapping"
        self.mapping(document.root, "top", 0)
        tail = self._trivia([*self.pending, *document.after], first=False)
        footer = [line.rstrip() for line in document.footer.split("\n")]
        # Lines are not stripped: white space at the end of a line inside a double-quoted or
        # block scalar may be content.
        lines = [*_header(document.header), *(line.text for line in self.lines)]
        lines += tail + footer
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines) + "\n"


def _header(text: str) -> list[str]:
    """The lines before the root (directives, ``---``, comments): blank lines collapsed, none
    first, at most one last."""
    raw = [line.rstrip() for line in text.split("\n")]
    if not raw[-1]:  # the root starts a line (else it followed "--- " on the line)
        raw.pop()
    lines: list[str] = []
    for line in raw:
        if line or (lines and lines[-1]):
            lines.append(line)
    return lines


def lay_out(document: Document) -> str:
    """The text of a map's document in the canonical layout (see the module's docstring).

    The document must hold a map that loads without errors: its keys are those of the
    format, in the places the format has them.
    """
    return _Layout().document(document)


__all__ = ["INDENT", "SECTIONS", "WIDTH", "key_order", "lay_out"]
