"""A YAML syntax error caused by a quote opened and never closed → where it was opened, whose
text it is (a claim's text, note or label, a quote of a claim, the title) and where the closing
quote goes.

YAML reads a text in quotes on over its line breaks, to the next quote of the file (the
opening quote of a later text) or to its end, and libyaml reports the error there: 'did not
find expected key' a few claims down, 'found unexpected end of stream' on the last line. A
text in quotes that ran over a line as far left as its own key (``quotes:`` under ``text:``,
the next ``- id:``) was not closed where it was meant to end. As :mod:`argmap.read.yamllines`,
a hint or None when the lines do not show that mistake beyond doubt.
"""

from __future__ import annotations

import re

import yaml

from argmap.diagnostics import clip
from argmap.read.yamllines import TEXT_KEYS, Hint

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# What comes before a value on its line: indentation, any dashes, and its key.
_HEAD = re.compile(r"(?P<indent> *)(?P<dashes>(?:- +)*)(?:(?P<key>[A-Za-z_][\w-]*): +)?")
# A line of a key (after any dashes), and the value written after it.
_KEYED = re.compile(
    r"(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[A-Za-z_][\w-]*):(?:\s+(?P<value>.*))?$"
)
# A line that starts something of its own: a key or a list item.
_STARTS = re.compile(r" *(?:- |-$|[A-Za-z_][\w-]*:(?:\s|$))")
# A line whose value (or an item of a list in brackets) opens with a quote: the line up to its end.
_OPENS = re.compile(r"""^ *(?:- +)*(?:[^\s#:'"][^:#\n]*?: +)?(?:[\[{][^\n]*?)?(["'])[^\n]*""", re.M)
# Where a plain text may not go: what starts something else, a comment, or a mapping.
_NOT_PLAIN = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`]|: |:$|\s#|\\|''")


def _content(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _run_past(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, int] | None:
    """Where the text in quotes that ran past its line began (0-based), when libyaml's error
    comes after one: the end of the file reached inside it, or a text in quotes over several
    lines before the error."""
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        return exc.context_mark.line, exc.context_mark.column
    mark = exc.problem_mark
    if mark is None or mark.line >= len(lines):
        return None
    before = "\n".join(lines[: mark.line + 1])
    if not any(found[0].count(found[1]) % 2 for found in _OPENS.finditer(before)):
        return None  # no line up to the error opens a quote it does not close: no tokens read
    found = None
    try:
        for token in yaml.scan(before, Loader=_Loader):
            start, end = token.start_mark, token.end_mark
            if (start.line, start.column) >= (mark.line, mark.column):
                break
            if isinstance(token, yaml.ScalarToken) and token.style and end.line > start.line:
                found = start.line, start.column, end.line
    except yaml.YAMLError:
        pass  # the tokens up to the error are all that count
    if found is None:
        return None
    row, column, last = found
    return (row, column) if row < len(lines) and _end(lines, row, column) < last else None


def _key_column(line: str, column: int) -> int:
    """The column of the key (or the list item's dash) whose value opens at ``column``."""
    head = _HEAD.match(line[:column])
    assert head is not None  # it matches ""
    if head["key"]:
        return len(head["indent"]) + len(head["dashes"])
    dashes = head["dashes"].rstrip()
    return len(head["indent"]) + max(len(dashes) - 1, 0)


def _end(lines: list[str], row: int, column: int) -> int:
    """The last line of the text opened at (``row``, ``column``), as its indentation shows:
    the lines after it indented further than its key, up to one that starts a key or an item
    as far left as that key."""
    own = _key_column(lines[row], column)
    end = row
    for later in range(row + 1, len(lines)):
        line = lines[later]
        if not line.strip():
            continue
        if _indent(line) <= own and (_STARTS.match(line) or line.lstrip().startswith("#")):
            break
        end = later
    return end


def _owner(lines: list[str], row: int, column: int) -> tuple[str | None, str | None]:
    """The key a value opened at (``row``, ``column``) is written under (its own key, or the
    key of the list it is an item of) and the id of the claim it belongs to, when known."""
    head = _HEAD.match(lines[row][:column])
    assert head is not None
    key, need = head["key"], _key_column(lines[row], column)
    if key and head["dashes"]:  # the first key of an item: its claim's id is not above it
        return key, None
    for back in range(row - 1, -1, -1):
        line = lines[back]
        found = _KEYED.match(line)
        if not _content(line) or found is None:
            continue
        at = len(found["indent"]) + len(found["dashes"])
        if at > need:
            continue
        if key is None:  # an item of a list: the list's key, then the claim it is written in
            if at == need:
                continue
            key, need = found["key"], at
            continue
        if at < need:
            return key, None
        if found["key"] == "id":
            value = (found["value"] or "").split(" #")[0].strip().strip("'\"")
            return key, value or None
        if found["dashes"]:
            return key, None
    return key, None


def _what(lines: list[str], row: int, column: int) -> str:
    """What the text opened at (``row``, ``column``) is: "the text of claim 'a'", "a quote of
    claim 'a'", "the title"; "the text" when the lines do not say."""
    key, claim = _owner(lines, row, column)
    head = _HEAD.match(lines[row][:column])
    item = head is not None and not head["key"]  # no key of its own: an item of a list
    of = f" of claim '{clip(claim, 40)}'" if claim else ""
    if key is None:
        return "the text"
    if key == "quotes" and item:
        return "a quote" + of
    if item:
        return f"an item of '{key}:'" + of
    if key in TEXT_KEYS:
        return f"the {key}" + of
    return "the id" if key == "id" else f"the value of '{key}:'" + of


def never_closed_hint(exc: yaml.MarkedYAMLError, lines: list[str]) -> Hint | None:
    """A text in quotes never closed, which YAML read on past its line: where the closing
    quote goes (the end of the text's last line), the line it was opened on, and whether the
    text could do without quotes."""
    opened = _run_past(exc, lines)
    if opened is None or opened[0] >= len(lines):
        return None
    row, column = opened
    line = lines[row]
    mark = line[column : column + 1]
    if mark not in ("'", '"'):
        return None
    if line[:column].rstrip().endswith(("[", "{", ",")):  # an item of a list in brackets
        message = (
            f"the item opened with {mark} on line {row + 1} is never closed: add a closing "
            f"{mark} at its end, before the ',' or the bracket after it"
        )
        return message, row, column
    end = _end(lines, row, column)
    written = [lines[row][column + 1 :], *(lines[later] for later in range(row + 1, end + 1))]
    meant = " ".join(line.strip() for line in written if line.strip())
    plain = meant and not _NOT_PLAIN.search(meant) and meant == meant.strip()
    message = (
        f"{_what(lines, row, column)} opened with {mark} on line {row + 1} is never closed: "
        f"add a closing {mark} at the end of the text"
    )
    if plain:
        message += ", or write it without quotes"
    return message, end, len(lines[end].rstrip())


def apostrophe_end_hint(lines: list[str], row: int, column: int) -> Hint | None:
    """A text opened with ``'`` and not closed, in which an apostrophe (``EU's``) ended it,
    when libyaml stopped at ``column``, after that apostrophe: write it in double quotes."""
    line = lines[row] if row < len(lines) else ""
    head = _HEAD.match(line)
    assert head is not None
    opening = head.end()
    if line[opening : opening + 1] != "'" or line.rstrip().endswith("'"):
        return None
    closing = opening + 1
    while (closing := line.find("'", closing)) >= 0 and line[closing + 1 : closing + 2] == "'":
        closing += 2
    if closing < 0 or column <= closing:
        return None
    if not (line[closing - 1 : closing].isalnum() and line[closing + 1 : closing + 2].isalnum()):
        return None  # a closing quote, and more after it: another mistake
    word = re.search(r"[\w']*$", line[opening + 1 : closing])
    after = re.match(r"'\w*", line[closing:])
    assert word is not None and after is not None
    meant = line[opening + 1 :].rstrip()
    written = line[:opening].strip()
    written += " " if written else ""
    if '"' in meant or "\\" in meant:
        fix = "double each apostrophe inside it and close it: " + written
        fix += "'" + meant.replace("''", "'").replace("'", "''") + "'"
    else:
        fix = "write it in double quotes: " + written + '"' + meant.replace("''", "'") + '"'
    message = (
        f"{_what(lines, row, opening)} opened with ' on line {row + 1} is never closed, and the "
        f"apostrophe in '{word[0]}{after[0]}' would end it: {fix}"
    )
    return message, row, opening


def double_quote_end_hint(lines: list[str], row: int, column: int) -> Hint | None:
    """A text opened with ``"`` and not closed, in which a double quote (``"He said "no" to
    it``) ended it, when libyaml stopped at ``column``, after that quote: the quotes on its
    line are odd in number, and the line does not end with one."""
    line = lines[row] if row < len(lines) else ""
    head = _HEAD.match(line)
    assert head is not None
    opening, meant = head.end(), line[head.end() + 1 :].rstrip()
    if line[opening : opening + 1] != '"' or line.rstrip().endswith('"') or "\\" in meant:
        return None
    inside = meant.find('"')
    if meant.count('"') % 2 or inside < 0 or column <= opening + 1 + inside:
        return None  # a quotation at the start and more after it: another mistake
    written = line[:opening].strip()
    written += " " if written else ""
    single = written + "'" + meant.replace("'", "''") + "'"
    escaped = written + '"' + meant.replace('"', '\\"') + '"'
    message = (
        f'{_what(lines, row, opening)} opened with " on line {row + 1} is never closed, and '
        f"the '\"' inside it would end it: write it in single quotes, {single}, or put a "
        f"backslash before each '\"' inside it and close it: {escaped}"
    )
    return message, row, opening


__all__ = ["apostrophe_end_hint", "double_quote_end_hint", "never_closed_hint"]
