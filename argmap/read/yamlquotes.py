"""The line of a YAML syntax error in quoted text → how to quote it: a text in single quotes
cut short by an apostrophe, one in double quotes by a double quote, text in block style that
begins with a quotation or a bracket. As :mod:`argmap.read.yamllines`, a hint or None when the
line does not show that mistake beyond doubt."""

from __future__ import annotations

import re

from argmap.diagnostics import clip
from argmap.read.yamllines import TEXT_KEYS, Hint

# What may come before a value that opens a single quote: a key, a dash, or a flow collection.
_BEFORE_VALUE = re.compile(r"(?:\s*(?:-\s+)*(?:[^\s#:'\"][^:#]*?:\s+)?|.*[\[{,]\s*)")
# What comes before a value in block style: a key and any dashes (shown with the fixed text).
_BLOCK_HEAD = re.compile(r"\s*(?:-\s+)*(?:[^\s#:'\"\[\]{},][^:#]*?:\s+)?")


def apostrophe_hint(lines: list[str], row: int, column: int) -> Hint | None:
    """A text in single quotes cut short by an apostrophe inside it (``'Europe's energy'``),
    when libyaml stopped at ``column``, just after that apostrophe."""
    line = lines[row] if row < len(lines) else ""
    end = column - 1  # the apostrophe that ended the text
    if end < 1 or line[end : end + 1] != "'":
        return None
    opening = line.find("'")
    if opening >= end or not _BEFORE_VALUE.fullmatch(line[:opening]):
        return None
    if "'" in line[opening + 1 : end].replace("''", ""):
        return None  # the text was ended before: another mistake
    closing = line.rfind("'")
    if closing <= end:
        return None
    meant = line[opening + 1 : closing].replace("''", "'")
    head = line[:opening].strip()
    head = head + " " if head and _BLOCK_HEAD.fullmatch(line[:opening]) else ""
    single = head + "'" + meant.replace("'", "''") + "'"
    if '"' in meant or "\\" in meant:
        fix = f"double each apostrophe inside it: {single}"
    else:
        fix = f'write it in double quotes, {head}"{meant}", or double each apostrophe: {single}'
    message = f"the apostrophe in '{clip(meant, 40)}' ends the text in single quotes; {fix}"
    return message, row, end


def double_quote_hint(lines: list[str], row: int, column: int) -> Hint | None:
    """A text in double quotes cut short by a double quote inside it (``"He said "no""``),
    when libyaml stopped at ``column``, just after that quote. Text with escapes in it is left
    to libyaml's message."""
    line = lines[row] if row < len(lines) else ""
    end = column - 1  # the quote that ended the text
    if end < 1 or line[end : end + 1] != '"':
        return None
    opening = line.find('"')
    if opening >= end or not _BEFORE_VALUE.fullmatch(line[:opening]):
        return None
    closing = line.rfind('"')
    meant = line[opening + 1 : closing]
    if closing <= end or "\\" in meant or '"' in line[opening + 1 : end]:
        return None  # escapes, or the text was ended before: another mistake
    head = line[:opening].strip()
    head = head + " " if head and _BLOCK_HEAD.fullmatch(line[:opening]) else ""
    single = head + "'" + meant.replace("'", "''") + "'"
    escaped = head + '"' + meant.replace('"', '\\"') + '"'
    message = (
        f"the '\"' in '{clip(meant, 40)}' ends the text in double quotes; write it in single "
        f"quotes, {single}, or put a backslash before each '\"' inside it: {escaped}"
    )
    return message, row, end


def _single(text: str) -> str:
    """``text`` in single quotes, each apostrophe doubled."""
    return "'" + text.replace("'", "''") + "'"


def leading_quote_hint(lines: list[str], row: int, column: int) -> Hint | None:
    """Text in block style that begins with a quotation (``text: "Phones" pull us in``):
    YAML reads the quotation as the whole value, then finds more after its closing quote,
    where libyaml stopped (at or after ``column``); or the text of a text key that begins with
    a bracket or a brace (``text: [Sic] the claim``), which YAML reads as a list or a mapping.
    Points at the opening quote or bracket."""
    line = lines[row] if row < len(lines) else ""
    opening = _BLOCK_HEAD.match(line).end()  # type: ignore[union-attr]  (it matches "")
    mark = line[opening : opening + 1]
    key = line[:opening].strip().lstrip("- ").rstrip(":")
    if mark in ("[", "{") and key in TEXT_KEYS and column > opening:
        meant = line[opening:].rstrip()
        what = "list" if mark == "[" else "mapping"
        fixed = f'"{meant}"' if '"' not in meant and "\\" not in meant else _single(meant)
        message = (
            f"'{mark}' at the start of text opens a {what} in YAML; put the text in quotes: "
            f"{line[:opening].strip()} {fixed}"
        )
        return message, row, opening
    if mark not in ("'", '"'):
        return None
    closing = opening + 1
    while True:  # the quote that ends it: not a doubled '' nor an escaped \"
        closing = line.find(mark, closing)
        if closing < 0:
            return None
        if mark == "'" and line[closing + 1 : closing + 2] == "'":
            closing += 2
        elif mark == '"' and line[closing - 1] == "\\":
            closing += 1
        else:
            break
    rest = line[closing + 1 :].strip()
    if not rest or rest.startswith("#") or column <= closing:
        return None
    meant = line[opening:].rstrip()
    head = line[:opening].strip()
    fix = (head + " " if head else "") + (
        f'"{meant}"' if '"' not in meant and "\\" not in meant else _single(meant)
    )
    first = clip(line[opening : closing + 1], 40)
    message = (
        f"the text {first} ends at its closing quote, and more follows; put the whole text in "
        f"quotes: {fix}"
    )
    return message, row, opening


__all__ = ["apostrophe_hint", "double_quote_hint", "leading_quote_hint"]
