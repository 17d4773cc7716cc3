"""A key under a list item written as an id alone (``- health``, and under it ``objections:``,
meant for that reason) → the item written in full, with the key under it."""

from __future__ import annotations

import re

from argmap.model.keys import KEYS

#: The lists whose items, written as an id alone, take keys once written in full: what such an
#: item is, and the place whose keys it then has (the id under the first of them).
_FULL = {
    "reasons": ("reason", "reason"),
    "objections": ("objection", "objection"),
    "restates": ("restatement", "restatement"),
}

_KEY = re.compile(r"(?P<indent> *)(?P<key>[a-z]+):(?:\s|$)")
_ID_ITEM = re.compile(r"(?P<indent> *)- +(?P<id>[a-z][a-z0-9-]*) *(?:#.*)?")
_OPENS = re.compile(r"(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[a-z]+): *(?:#.*)?")


def _content(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith("#")


def item_keys_hint(lines: list[str], row: int) -> tuple[str, int, int] | None:
    """When line ``row`` (0-based) is a key indented under an item of a list of reasons,
    objections or restatements written as an id alone, the key being one such an item has
    in full: the message saying to write it so, and the place of the key; else None."""
    here = _KEY.match(lines[row])
    above = next((back for back in range(row - 1, -1, -1) if _content(lines[back])), None)
    item = None if above is None or here is None else _ID_ITEM.fullmatch(lines[above])
    if item is None or len(here["indent"]) <= len(item["indent"]):
        return None
    dash = len(item["indent"])
    for back in range(above - 1, -1, -1):
        line = lines[back]
        if not _content(line):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if indent > dash or (indent == dash and line.lstrip(" ").startswith("-")):
            continue  # another item of the list, or a line under one
        opens = _OPENS.fullmatch(line)
        if opens is None or opens["key"] not in _FULL:
            return None
        what, place = _FULL[opens["key"]]
        first = next(iter(KEYS[place]))
        if here["key"] not in KEYS[place] or here["key"] == first:
            return None
        message = (
            f"'{here['key']}:' is under '- {item['id']}' (line {above + 1}), a {what} written "
            f"as its id alone, which takes no keys: write it in full, '- {first}: "
            f"{item['id']}', and '{here['key']}:' under '{first}:', in column {dash + 3}"
        )
        return message, row, len(here["indent"])
    return None


__all__ = ["item_keys_hint"]
