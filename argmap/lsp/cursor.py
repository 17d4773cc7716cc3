"""Map text + a cursor → where in the map the cursor is: the keys and list items above it, and
whether a key or a value is being typed there, read from indentation.

Completion is asked for in text that is being typed and often is not valid YAML, so this
reads lines rather than a parse: a line's ``- `` markers and ``key:`` tell what it opens, and
the lines above with less indentation what holds it. Lines inside a scalar that spans several
lines (known from the outline) are skipped.
"""

from __future__ import annotations

import re

import attrs

from argmap.read.outline import ITEM, REFERENCE_KEYS, SECTIONS, Outline, mapping_of

#: The places of argmap.model.keys.KEYS, in words.
PLACES = {
    "top": "the map",
    "source": "the source",
    "premise": "a premise",
    "conclusion": "a conclusion",
    "recommendation": "a recommendation",
    "reason": "a reason written in full",
    "objection": "an objection written in full",
    "restatement": "a restatement written in full",
}

# A key as a map writes one: no quotes, brackets or comment marks; then ':' and a space or
# the end. Its group holds the spaces before the colon too (stripped where read): greedy, with
# nothing after it that could take them as well, a long line costs one pass, not its square.
_KEY = re.compile(r"([^\s\-#:\[\]{},\"'&*!|>%@`?][^#:]*|-[^\s#:][^#:]*):(?=\s|$)")
_ITEM = re.compile(r"-(?:[ \t]+|$)")
_REFERENCE_TAIL = frozenset({"reasons", "objections", "contradicts", "restates", "claims",
                             "claim", ITEM})  # fmt: skip


@attrs.frozen
class Element:
    kind: str  # "item" or "key"
    column: int
    name: str = ""
    inline: bool = False  # a key with its value on the same line


@attrs.frozen
class Place:
    """Where a cursor is.

    ``path`` names the keys (and ``-`` for list items) from the top of the map down to the
    node the cursor is in; ``key`` says the cursor is where a mapping's key goes (a word
    typed at the start of an entry, with no ``:`` yet); ``start`` is where what is being
    typed starts (an offset), and ``typed`` is the text from there to the cursor; ``flow``
    says the cursor is inside ``[...]``; ``column`` is the column of the mapping's keys.
    """

    path: tuple[str, ...]
    key: bool
    start: int
    typed: str
    flow: bool = False
    column: int = 0
    item: bool = False  # right after a "- " of the cursor's line

    @property
    def claim_kind(self) -> str | None:
        """The section of the claim the cursor is in, if any."""
        if len(self.path) >= 2 and self.path[0] in SECTIONS and self.path[1] == ITEM:
            return self.path[0]
        return None

    def expects_id(self) -> bool:
        """Whether a claim id belongs here: under a claim's reasons, objections, contradicts
        or restates (and the claims of a reason or objection written in full, the claim of a
        restatement)."""
        tail = self.path[2:]
        if self.claim_kind is None or not tail or tail[0] not in REFERENCE_KEYS:
            return False
        if self.typed.startswith("{"):
            return False  # inside a mapping written {claims: a, note: ...}, which is no id
        for i, part in enumerate(tail):
            if part not in _REFERENCE_TAIL:
                return False
            if part == "claims" and (i < 2 or tail[i - 1] != ITEM):
                return False
            if part == "claim" and (i != 2 or tail[0] != "restates"):
                return False
            if part in ("reasons", "contradicts", "restates") and i:
                return False
        return (tail[-1] == ITEM and (self.item or self.flow)) or not self.key

    def mapping(self) -> str | None:
        """Which mapping (a place of :data:`argmap.model.keys.KEYS`) holds keys typed here."""
        return mapping_of(self.path)

    def in_quotes(self) -> bool:
        tail = self.path[2:]
        return self.claim_kind is not None and tail in (("quotes",), ("quotes", ITEM))


def elements(line: str) -> list[Element]:
    """What a line opens, left to right: its ``- `` markers and its ``key:``."""
    found: list[Element] = []
    position = len(line) - len(line.lstrip(" "))
    while True:
        item = _ITEM.match(line, position)
        if item is None:
            break
        found.append(Element("item", position))
        position = item.end()
    key = _KEY.match(line, position)
    if key is not None:
        rest = line[key.end() :].strip()
        inline = bool(rest) and not rest.startswith("#") and rest[0] not in "|>"
        found.append(Element("key", position, key.group(1).strip(), inline))
    return found


def _is_parent(element: Element, kind: str, column: int) -> bool:
    """Whether ``element`` of an earlier line holds a node of ``kind`` at ``column``."""
    if element.column < column:
        return not element.inline or element.kind == "item"
    # "key:" then "- item" at the same indentation: YAML allows the list there.
    return (
        element.kind == "key"
        and kind == "item"
        and element.column == column
        and (not element.inline)
    )


def _continued(outline: Outline, offset: int) -> bool:
    """Whether the line starting at ``offset`` is inside a scalar begun on an earlier line."""
    token = outline.token_at(offset)
    return token is not None and token.start < offset


def _parents(text: str, outline: Outline, line_start: int, kind: str, column: int) -> list[str]:
    """The path (outermost first) of what holds a node of ``kind`` at ``column`` on the
    line starting at ``line_start``."""
    path: list[str] = []
    end = line_start
    while column > 0 or kind == "item":
        if end <= 0:
            break
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start : end - 1].rstrip("\r")
        end = start
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or _continued(outline, start):
            continue
        found = elements(line)
        for i in range(len(found) - 1, -1, -1):
            if _is_parent(found[i], kind, column):
                path[:0] = [ITEM if e.kind == "item" else e.name for e in found[: i + 1]]
                kind, column = found[0].kind, found[0].column
                break
        else:
            if found and found[0].column < column:
                break  # a line that holds nothing (a scalar's continuation?): give up
        if column == 0 and kind == "key":
            break
    return path


def _in_flow(
    text: str, path: tuple[str, ...], value_start: int, offset: int, column: int
) -> Place | None:
    """The place of a cursor inside ``[...]`` or ``{...}`` opened in the value starting at
    ``value_start`` on the cursor's line, if it is inside one: an item of a list, or the
    value of a key of a mapping (in a mapping's key, nothing is offered)."""
    if text[value_start : value_start + 1] not in ("[", "{"):
        return None
    stack: list[list[str]] = []  # each open list ([ITEM]) or mapping ([key] or [] before ":")
    part = value_start  # where the item or value the cursor may be in starts
    at, quote, blank = value_start, "", True  # blank: only spaces since ``part``
    while at < offset:
        char = text[at]
        if quote:
            if (quote, char) == ('"', "\\") or (quote, text[at : at + 2]) == ("'", "''"):
                at += 1  # an escape: the next character is no closing quote
            elif char == quote:
                quote = ""
        elif char in "'\"" and blank:  # a quote that starts a scalar
            quote = char
        elif char in "[{]},":
            if char in "[{":
                stack.append([ITEM] if char == "[" else [])
            elif char != "," and stack:
                stack.pop()
            elif char == "," and stack and stack[-1] != [ITEM]:
                stack[-1] = []
            part, blank = at + 1, True
            at += 1
            continue
        elif char == ":" and stack and stack[-1] == [] and text[at + 1 : at + 2] in (" ", "\t", ""):
            stack[-1] = [text[part:at].strip().strip("'\"")]
            part, blank = at + 1, True
            at += 1
            continue
        blank = blank and char in " \t"
        at += 1
    if not stack:
        return None
    if not stack[-1]:
        return Place((), False, offset, "")  # a key in braces: nothing to offer
    while part < offset and text[part] in " \t":
        part += 1
    inner = tuple(name for container in stack for name in container)
    return Place((*path, *inner), False, part, text[part:offset], True, column)


def in_text(text: str, outline: Outline, offset: int) -> bool:
    """Whether the cursor at ``offset`` is on a line that goes on with a scalar begun on an
    earlier line (a claim's text written over several lines), or in a comment."""
    return _continued(outline, text.rfind("\n", 0, offset) + 1) or in_comment(text, outline, offset)


def in_comment(text: str, outline: Outline, offset: int) -> bool:
    """Whether the cursor at ``offset`` is in a comment: after a ``#`` that starts one (at
    the start of its line or after a space, outside any scalar the outline read, and outside
    a double-quoted scalar still being typed)."""
    start = text.rfind("\n", 0, offset) + 1
    before = text[start:offset]
    position = before.find("#")
    while position >= 0:
        at = start + position
        token = outline.token_at(at)
        if (
            (position == 0 or before[position - 1] in " \t")
            and (token is None or not token.start <= at < token.end)
            and before[:position].replace('\\"', "").count('"') % 2 == 0
        ):
            return True
        position = before.find("#", position + 1)
    return False


def place(text: str, outline: Outline, offset: int) -> Place:
    """Where the cursor at ``offset`` of ``text`` is."""
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[line_start:offset]
    found = elements(before)
    inline = [e for e in found if e.kind == "key"]
    if inline and before[inline[0].column :].find(":") >= 0:
        # The cursor is in the value of the key on this line.
        key = inline[-1]
        value_start = before.index(":", key.column + len(key.name)) + 1
        while value_start < len(before) and before[value_start] in " \t":
            value_start += 1
        head = found[0]
        parents = _parents(text, outline, line_start, head.kind, head.column)
        path = (*parents, *(ITEM if e.kind == "item" else e.name for e in found))
        start = line_start + value_start
        flow = _in_flow(text, path, start, offset, key.column)
        return flow or Place(path, False, start, text[start:offset], False, key.column)
    column = len(before) - len(before.lstrip(" "))
    items = [e for e in found if e.kind == "item"]
    if items and items[-1].column + 1 == len(before):
        return Place((), False, offset, "")  # right after a "-": no item yet, nothing to offer
    if items:
        column = items[-1].column + 2
        while column < len(before) and before[column] in " \t":
            column += 1
    start = line_start + column
    typed = text[start:offset]
    if items:
        parents = _parents(text, outline, line_start, "item", items[0].column)
        path = (*parents, *(ITEM for _ in items))
        flow = _in_flow(text, path, start, offset, column)
        if flow is not None:
            return flow
    else:
        path = tuple(_parents(text, outline, line_start, "key", column))
    is_key = not any(c in typed for c in "[]{},\"'#")
    return Place(path, is_key, start, typed, False, column, bool(items))


def sibling_keys(text: str, outline: Outline, offset: int, column: int) -> set[str]:
    """The keys already written in the block mapping whose keys are at ``column`` around the
    line of ``offset`` (that line left out)."""
    found: set[str] = set()
    here = text.rfind("\n", 0, offset) + 1
    for step in (-1, 1):
        start = here
        while True:
            if step < 0:
                if start == 0:
                    break
                start = text.rfind("\n", 0, start - 1) + 1
            else:
                end = text.find("\n", start)
                if end < 0:
                    break
                start = end + 1
            end = text.find("\n", start)
            line = text[start : end if end >= 0 else len(text)].rstrip("\r")
            stripped = line.strip()
            if not stripped or stripped.startswith("#") or _continued(outline, start):
                continue
            parts = elements(line)
            if not parts or parts[0].column > column:
                continue
            keys = {e.name for e in parts if e.kind == "key" and e.column == column}
            if parts[0].column < column:  # the line opening the mapping, or the next item
                if step < 0:
                    found.update(keys)
                break
            found.update(keys)
    return found
