"""The lines around a YAML syntax error → what their writer got wrong and how to write it: a key
or a list item out of line with its neighbours, a dash without its space, a key without its
colon, text going on at or left of its key's column (or its list item's dash), an apostrophe
inside single quotes.

Each hint is a message and the place it is about (0-based line and column), or None when the
lines do not show that mistake beyond doubt: libyaml's own words are better than a wrong guess.
"""

from __future__ import annotations

import difflib
import re

from argmap.diagnostics import clip
from argmap.model.keys import KEYS

#: Where a hint points: a message, and the 0-based line and column it is about.
Hint = tuple[str, int, int]

#: Every key a map may hold, anywhere.
_KNOWN_KEYS = frozenset(key for keys in KEYS.values() for key in keys)
#: A word that may be a key: letters, with '_' or '-' inside.
_KEY_LIKE = re.compile(r"[A-Za-z][A-Za-z_-]*")
#: The keys whose values are text (prose, which may go on over several lines).
TEXT_KEYS = _TEXT_KEYS = frozenset({"title", "text", "note", "label", "scheme", "publisher"})

# A line that starts a key (after any list dashes): its indentation, dashes and key.
_KEY_LINE = re.compile(r"(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[^\s#:'\"-][^:#]*?):(?:\s|$)")
# A key whose text is written in block style, on the lines under it (``text: >-``).
_BLOCK_KEY = re.compile(
    r"(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[a-z]+): +[>|][-+0-9]*\s*(?:#.*)?"
)
# A list item that is no key (``- a``): its indentation, dashes and value.
_ITEM_LINE = re.compile(r"(?P<indent> *)(?P<dashes>(?:- +)+)(?P<value>[^\s#].*?)\s*(?:#.*)?")
# A list item whose dash has no space after it, before a known key (``-id: a``).
_NO_SPACE = re.compile(r"(?P<indent> *)-(?P<key>[a-z]+):(?:\s|$)")
# An id as a list item, written without the space after its dash (``-b`` under ``- a``).
_NO_SPACE_ID = re.compile(r"(?P<indent> *)-(?P<id>[a-z][a-z0-9-]*) *")
# A key and its value written on one line: the value's first character is where it starts.
_KEY_VALUE = re.compile(r"(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[a-z]+): +(?P<value>\S)")


def _content(line: str) -> bool:
    """Whether a line holds more than blanks and a comment."""
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _content_above(lines: list[str], row: int) -> int | None:
    """The nearest line above ``row`` that holds more than blanks and a comment."""
    return next((back for back in range(row - 1, -1, -1) if _content(lines[back])), None)


def _starts(line: str) -> tuple[list[tuple[int, str, bool]], bool] | None:
    """Where a line of a key or a list item starts things, leftmost last, as (column, what,
    is a list item's dash), and whether it opens a mapping or a list (a key and nothing after
    it); None for any other line."""
    found = _KEY_LINE.match(line)
    if found is not None:
        column = len(found["indent"]) + len(found["dashes"])
        starts = [(column, f"'{found['key']}:'", False)]
        if found["dashes"]:
            starts.append((len(found["indent"]), f"the item '- {found['key']}:'", True))
        return starts, not line[found.end() :].strip()
    item = _ITEM_LINE.fullmatch(line)
    if item is not None:
        return [(len(item["indent"]), f"the item '- {clip(item['value'], 30)}'", True)], False
    return None


def tab_spaces(lines: list[str], row: int) -> str:
    """How many spaces to write for the tabs that indent line ``row`` (0-based), from the key
    or list item above: as many as line it up with that key, or two more under a key that
    opens a mapping or a list; "" without such a line above.

    >>> tab_spaces(["premises:", "  - id: a", "\ttext: x"], 2)
    " (4 spaces line it up with 'id:' on line 2)"
    """
    above = _content_above(lines, row)
    starts = None if above is None else _starts(lines[above])
    if above is None or starts is None:
        return ""
    (column, what, _), opens = starts[0][0], starts[1]
    if opens:
        return f" ({column + 2} spaces put it under {what} on line {above + 1})"
    count = "none" if column == 0 else f"{column} spaces"
    return f" ({count} line it up with {what} on line {above + 1})"


def indent_hint(lines: list[str], row: int) -> Hint | None:
    """What is wrong with line ``row`` (0-based) when its key, or its list item, lines up with
    no level open above it (or a key lines up with the dash of an item, not with its keys), and
    how to indent it; None when it does line up (the mistake is another) or when that cannot be
    told."""
    here = _KEY_LINE.match(lines[row]) or _ITEM_LINE.fullmatch(lines[row])
    if here is None or _prose(lines[row]):
        return None
    item = bool(here["dashes"])
    own = len(here["indent"])
    key = here.groupdict().get("key")
    if key is None:
        name = f"'- {clip(here['value'], 30)}'"
    else:
        name = f"'- {key}:'" if item else f"'{key}:'"
    # Where a key or an item's dash starts on the open levels above: each line above that
    # starts left of all the lines after it (a key in the column of a dash too: the list may
    # be a value of that key, its dashes not indented).
    levels: list[tuple[int, int, str, bool]] = []  # (column, row, what starts there, a dash)
    text = None  # the least indentation of the lines of text skipped since the last start
    for back in range(row - 1, -1, -1):
        starts = _starts(lines[back])
        if starts is None or _prose(lines[back]):
            if _content(lines[back]):  # a line of a text over lines: of the key above it
                indent = len(lines[back]) - len(lines[back].lstrip(" "))
                text = indent if text is None else min(text, indent)
            continue
        found, opens = starts
        if text is not None and text <= found[0][0]:
            return None  # text not under the key above it: not told here
        text = None
        if not levels and opens and own > found[0][0] - 1:
            return None  # the key before opens a mapping or a list: deeper is right
        for column, what, dash in found:
            lowest = levels[-1] if levels else None
            if (
                lowest is None
                or column < lowest[0]
                or (column == lowest[0] and lowest[3] and not dash)
            ):
                levels.append((column, back, what, dash))
        if levels[-1][0] == 0 and not levels[-1][3]:
            break
    same = [level for level in levels if level[0] == own]
    keys = [level for level in levels if not level[3]]
    if same and (item or not all(level[3] for level in same)):
        return None
    if same and key is not None and _starts_item(lines, row, own):
        value = lines[row][here.end() :].split(" #")[0].strip()  # its comment left out
        written = f"{key}: {clip(value, 30)}" if value else f"{key}:"
        message = (
            f"{name} is in the column of the list's dashes, with keys under it as an item has: "
            "a new item of the list starts with '- ': write "
            f"'- {written}', its '- ' in column {own + 1} under the dashes of the other items"
        )
        return message, row, own
    if same:  # a key in the column of an item's dash: it belongs with the item's keys
        deeper = [level for level in keys if level[0] > own]
        if not deeper:
            return None
        column, back, what, _ = min(deeper)
    elif not levels:
        return None
    elif item:  # the list the item's own keys say it is in, else the nearest in column
        column, back, what, _ = _list_meant(lines, row, own, len(here["dashes"]), levels)
    else:  # the nearest key above, else the nearest level
        column, back, what, _ = next((lv for lv in levels if not lv[3]), levels[0])
    kind = "the items of one list" if item else "the keys of one mapping"
    message = (
        f"{name} starts in column {own + 1} but {what} on line {back + 1} starts in column "
        f"{column + 1}: {kind} line up; move it to column {column + 1}"
    )
    return message, row, own


def _prose(line: str) -> bool:
    """Whether a line that looks like a key is more likely a line of a text over lines
    (``Linked: the duty``, ``fact but not this reading: no``): its key is none a map has, and
    has a capital or a space in it."""
    found = _KEY_LINE.match(line)
    if found is None or found["dashes"] or found["key"] in _KNOWN_KEYS:
        return False
    return " " in found["key"] or not found["key"].islower()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _text_line(line: str) -> bool:
    """Whether a line holds text, not a key nor a list item (nor blanks or a comment)."""
    return _content(line) and (_starts(line) is None or _prose(line))


def block_hint(lines: list[str], row: int) -> Hint | None:
    """A line of a text over lines in block style (``text: >-`` and its lines under it) left
    of the text's first line, where YAML ends the text and looks for a key: that line, or
    when the lines after it agree, the first line, is told to move."""
    if row >= len(lines) or not _text_line(lines[row]):
        return None
    back = row - 1
    while back >= 0 and (_text_line(lines[back]) or not _content(lines[back])):
        back -= 1
    opener = _BLOCK_KEY.fullmatch(lines[back]) if back >= 0 else None
    body = [at for at in range(back + 1, row) if _content(lines[at])]
    if opener is None or not body:
        return None
    key, first, own = f"'{opener['key']}:'", _indent(lines[body[0]]), _indent(lines[row])
    if not len(opener["indent"]) + len(opener["dashes"]) < own < first:
        return None
    after = []
    for ahead in range(row, len(lines)):
        if _content(lines[ahead]):
            if not _text_line(lines[ahead]) or _indent(lines[ahead]) != own:
                break
            after.append(ahead)
    if len(body) == 1 and len(after) > 1:  # the first line is the one out of line
        message = (
            f"the text of {key} on line {back + 1} starts in column {first + 1} on line "
            f"{body[0] + 1} and goes on in column {own + 1}: the lines of a text line up; "
            f"move line {body[0] + 1} to column {own + 1}"
        )
        return message, body[0], first
    message = (
        f"line {row + 1} goes on with the text of {key} on line {back + 1} but starts in column "
        f"{own + 1}, left of the text's first line (column {first + 1}): the lines of a text "
        f"line up; move it to column {first + 1}"
    )
    return message, row, own


def _starts_item(lines: list[str], row: int, own: int) -> bool:
    """Whether the key on line ``row``, in column ``own`` (that of a list's dashes), has keys
    under it where an item's keys would start (``own`` + 2): an item whose '- ' was forgotten
    (``id: b`` and ``text: B`` under it)."""
    after = next((ahead for ahead in range(row + 1, len(lines)) if _content(lines[ahead])), None)
    below = _KEY_LINE.match(lines[after]) if after is not None else None
    return below is not None and not below["dashes"] and len(below["indent"]) == own + 2


def _list_meant(
    lines: list[str], row: int, own: int, width: int, levels: list[tuple[int, int, str, bool]]
) -> tuple[int, int, str, bool]:
    """Of the lists open above line ``row``, the one its item (its dash in column ``own``, its
    first key ``width`` columns further) is meant for: the one whose items' keys start where
    the keys on the next line start (``- id: d`` then ``text:``), else the one nearest in
    column (the deeper on a tie); the nearest level of any kind when no list is open."""
    lists = [level for level in levels if level[3]]
    if not lists:
        return levels[0]
    after = next((ahead for ahead in range(row + 1, len(lines)) if _content(lines[ahead])), None)
    below = _KEY_LINE.match(lines[after]) if after is not None else None
    if below is not None and not below["dashes"] and len(below["indent"]) > own:
        meant = len(below["indent"]) - width
        for level in lists:
            if level[0] == meant:
                return level
    return min(lists, key=lambda level: abs(level[0] - own))


def dash_hint(lines: list[str], row: int) -> Hint | None:
    """A list item written without the space after its dash (``-id: a``) on line ``row`` or
    on the line above it, which YAML reads as the key '-id'; or an id so written under an
    item of the same list (``-b`` under ``- a``), which YAML reads as more of that item."""
    above = _content_above(lines, row)
    for back in (row, above):
        found = _NO_SPACE.match(lines[back]) if back is not None else None
        if back is not None and found is not None and found["key"] in _KNOWN_KEYS:
            written = lines[back].strip()
            message = (
                f"'-{found['key']}:' has no space after its '-': a list item starts with '- ' "
                f"(a dash, then a space); write '- {written[1:]}'"
            )
            return message, back, len(found["indent"])
        item = _NO_SPACE_ID.fullmatch(lines[back]) if back is not None else None
        before = _content_above(lines, back) if item is not None and back is not None else None
        if (
            item is not None
            and before is not None
            and lines[before].startswith(item["indent"] + "- ")
        ):
            message = (
                f"'-{item['id']}' has no space after its '-': a list item starts with '- ' "
                f"(a dash, then a space); write '- {item['id']}'"
            )
            return message, back, len(item["indent"])
    return None


def _goes_on(
    line: str, row: int, above: int, column: int, *, prose: bool
) -> tuple[str, str, str] | None:
    """When line ``row``, starting in ``column`` (0-based), may go on with the prose of the
    key or the list item on line ``above`` (``line``) but is not indented further than it:
    that, how to write it, and where it starts instead; None otherwise. A line left of the
    key or the dash may be a key of an outer level: only one of several words is told so."""
    text = _KEY_VALUE.match(line)
    item = _ITEM_LINE.fullmatch(line) if text is None else None
    if text is not None and text["key"] in _TEXT_KEYS:
        start, value = len(text["indent"]) + len(text["dashes"]), text.start("value")
        name = what = f"'{text['key']}:'"
        looks = "key"
    elif item is not None and item["dashes"].strip() == "-":
        start, value = len(item["indent"]), item.start("value")
        name, what = f"the item '- {clip(item['value'], 30)}'", "its '- '"
        looks = "item"
    else:
        return None
    if (
        column > start
        or (column < start and not prose)
        or line[value] in "'\"[{|>&*!%@`"
        or " " not in line[value:].strip()  # prose: more than a word
    ):
        return None
    goes = f"line {row + 1} goes on with the text of {name} on line {above + 1}"
    fix = f"indent it further than {what} (to column {value + 1}, under the text)"
    where = (
        f"in the column of {what}"
        if column == start
        else f"left of {what} (in column {column + 1})"
    )
    return goes, fix, f"{where}, where YAML looks for the next {looks}"


# A known key written without the space after its colon, and what follows it (``text:Europe``).
_NO_SPACE_AFTER = re.compile(r"(?P<head> *(?:- +)*)(?P<key>[a-z]+):(?P<value>[^\s:/].*?)\s*")


def key_space_hint(lines: list[str], rows: list[int]) -> Hint | None:
    """A key written without the space after its colon (``text:Europe``, ``- id:a``), which
    YAML reads as one plain text: on the first of ``rows`` (the lines around an error) that
    shows one."""
    for row in rows:
        found = _NO_SPACE_AFTER.fullmatch(lines[row]) if 0 <= row < len(lines) else None
        if found is not None and found["key"] in _KNOWN_KEYS:
            key, value = found["key"], found["value"]
            message = (
                f"'{key}:' has no space after its ':', so YAML reads the line as text; write "
                f"'{key}: {clip(value)}'"
            )
            return message, row, found.end("key") + 1
    return None


def key_hint(lines: list[str], row: int, column: int) -> Hint | None:
    """For a line where libyaml looked for a key's colon and found none (at ``row``, from
    ``column``): a key written without its colon (``title T``), or text that goes on over the
    next line without being indented further than its key (or its list item's dash)."""
    if row >= len(lines):
        return None
    words = lines[row][column:].split(None, 1)
    if not words or words[0].startswith("#"):
        return None
    word = words[0]
    rest = words[1].strip() if len(words) > 1 else ""
    above = _content_above(lines, row)
    goes = (
        _goes_on(lines[above], row, above, column, prose=bool(rest)) if above is not None else None
    )
    goes, fix, where = goes or ("", "", "")
    if word in _KNOWN_KEYS:
        fixed = f"{word}: {rest}" if rest else f"{word}:"
        message = f"the key '{word}' has no ':' after it; write '{fixed}'"
        return (f"{message}; or, if {goes}, {fix}" if goes else message), row, column
    if goes:
        message = f"{goes} but starts {where}: {fix}, or write the text on one line"
        return message, row, column
    if not rest and _KEY_LIKE.fullmatch(word):  # a key being typed, its ':' not yet
        meant = difflib.get_close_matches(word, sorted(_KNOWN_KEYS), 1, cutoff=0.75)
        said = f"; did you mean '{meant[0]}:'?" if meant else " (key: value)"
        return f"'{word}' has no ':' after it, as a key needs{said}", row, column
    return None


__all__ = [
    "TEXT_KEYS",
    "Hint",
    "block_hint",
    "dash_hint",
    "indent_hint",
    "key_hint",
    "key_space_hint",
    "tab_spaces",
]
