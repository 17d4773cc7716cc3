"""A backslash in double quotes, which YAML and JSON read as the start of an escape → what was
meant: a Windows path (``"C:\\texts\\article.txt"``: a tab, a bell) as written, and how to write
it so that each backslash stays one (with '/', or in single quotes)."""

from __future__ import annotations

import re

from argmap.diagnostics import printable
from argmap.read.yamllines import Hint

#: What an escape of YAML's (or JSON's) turns into, by the character it makes, and in words.
ESCAPES = {
    "\t": ("t", "a tab"),
    "\n": ("n", "a new line"),
    "\r": ("r", "a carriage return"),
    "\x07": ("a", "a bell (U+0007)"),
    "\x08": ("b", "a backspace (U+0008)"),
    "\x1b": ("e", "an escape (U+001B)"),
    "\x00": ("0", "a NUL (U+0000)"),
    "\x0b": ("v", "a vertical tab (U+000B)"),
    "\x0c": ("f", "a form feed (U+000C)"),
    "\x85": ("N", "a next line (U+0085)"),
    "\xa0": ("_", "a no-break space"),
    "\u2028": ("L", "a line separator (U+2028)"),
    "\u2029": ("P", "a paragraph separator (U+2029)"),
}
#: The escapes JSON has of these (the others are YAML's only).
_JSON = frozenset("\t\n\r\x08\x0c")

#: libyaml's problems with an escape in double quotes it cannot read.
UNREADABLE = ("found unknown escape character", "did not find expected hexdecimal number")
# A value in double quotes on its line: what comes before it (a key, dashes) and its text.
_HEAD = r'(?P<head>\s*(?:-\s+)*(?:[^\s#:\'"][^:#]*?:\s+)?)'
_DOUBLE = re.compile(_HEAD + r'"(?P<text>(?:[^"\\]|\\.)*)"')


def unescaped(value: str, json: bool = False) -> str | None:
    """``value``, which an escape in double quotes made, as written: each character an escape
    makes (:data:`ESCAPES`) written back as its escape (``'C:\\\\texts'`` for ``'C:\\ttexts'``);
    None when ``value`` holds none (nor ``\\`` a backslash)."""
    made = _JSON if json else ESCAPES
    if not any(char in value for char in made):
        return None
    return "".join("\\" + ESCAPES[char][0] if char in made else char for char in value)


def misread(value: str, json: bool = False) -> str | None:
    """Why ``value`` (a path read from double quotes) is not the path meant, and how to write it:
    ``; in double quotes a backslash starts an escape, and YAML read '\\t' as a tab: write the
    path with '/', "C:/texts/a.txt", or in single quotes, ...``; None when no escape made it."""
    written = unescaped(value, json)
    if written is None:
        return None
    made = _JSON if json else ESCAPES
    found = list(dict.fromkeys(char for char in value if char in made))
    read = ", ".join(f"'\\{ESCAPES[char][0]}' as {ESCAPES[char][1]}" for char in found)
    slashed = '"' + re.sub(r"\\+", "/", written).replace('"', '\\"') + '"'
    if json:
        how = 'each backslash twice: "' + written.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        how = "in single quotes, which keep each backslash: '" + written.replace("'", "''") + "'"
    return (
        f"; in double quotes a backslash starts an escape, and {'JSON' if json else 'YAML'} "
        f"read {read}: write the path with '/', {slashed}, or {how}"
    )


#: Python's json's words for an escape in a string it cannot read.
JSON_UNREADABLE = ("Invalid \\escape", "Invalid \\uXXXX escape")


def json_escape(text: str, at: int) -> tuple[int, str]:
    """Where the escape is that JSON cannot read, at or just before offset ``at`` of ``text``
    (its backslash), and what is wrong with it in words, with how to write a backslash."""
    start = at if text[at : at + 1] == "\\" else text.rfind("\\", 0, at)
    escape = text[start : start + 2]
    why = ("wants a character's code in four hex digits after it" if escape == "\\u"
           else "is none JSON knows")  # fmt: skip
    return start, (
        "in a JSON string a backslash starts an escape ('\\n' a new line, '\\t' a tab), and "
        f"'{escape}' {why}; write a path with '/', or each backslash twice ('\\\\')"
    )


def escape_hint(
    lines: list[str], row: int, column: int, problem: str, opened: tuple[int, int] | None = None
) -> Hint | None:
    """For libyaml's ``problem`` with an escape it cannot read (:data:`UNREADABLE`) at ``column``
    of line ``row``: at its backslash, the escape, why YAML cannot read it, and the text
    written so that each backslash stays one (a path with '/' too: a text without white space
    in it). A text over several lines is found from where its double quote ``opened`` (line
    and column, as libyaml tells it) and written on one line, as YAML reads it."""
    line = lines[row] if row < len(lines) else ""
    for found in _DOUBLE.finditer(line):
        start, end = found.span("text")
        if not start <= column <= end:
            continue
        slash = line.rfind("\\", start, column + 1)
        if slash < 0:
            return None
        return _told(problem, line[slash : slash + 2], found["head"], found["text"], row, slash)
    return _over_lines(lines, row, column, problem, opened) if opened is not None else None


def _told(problem: str, escape: str, head: str, text: str, row: int, slash: int) -> Hint:
    """The hint of :func:`escape_hint` for ``escape``, at ``slash`` of line ``row``, in a
    ``text`` written in double quotes after ``head`` (a key, dashes)."""
    hex_digits = problem.startswith(UNREADABLE[1])
    why = "wants a character's code in hex digits after it" if hex_digits else "is none YAML knows"
    meant = re.sub(r'\\([\\"])', r"\1", text)
    head = head.strip()
    head += " " if head else ""
    start = "in double quotes a backslash starts an escape ('\\n' a new line, '\\t' a tab), and "
    if printable(meant) != meant:  # a tab, say: shown as '\t', a backslash-t in single quotes
        return f"{start}'{escape}' {why}; {_doubled(meant, head)}", row, slash
    single = f"{head}'" + meant.replace("'", "''") + "'"
    if meant.split() == [meant]:
        slashed = head + '"' + re.sub(r"\\+", "/", meant).replace('"', '\\"') + '"'
        how = f"write the path with '/', {slashed}, or in single quotes"
    else:
        how = "write the text in single quotes"
    message = f"{start}'{escape}' {why}; {how}, which keep each backslash: {single}"
    return message, row, slash  # at the escape, not past it (where libyaml stopped)


def _doubled(meant: str, head: str) -> str:
    r"""How to write ``meant``, which holds a character a message shows as an escape
    (:func:`argmap.diagnostics.printable`: a tab as '\t'), so that the text shown is what to
    write: in double quotes, each backslash twice and each such character as its escape.

    >>> print(_doubled("x\\q\ty", "text: "))
    write each backslash twice, which double quotes read as one, and a tab as '\t': text: "x\\q\ty"
    """
    double = printable(meant.replace("\\", "\\\\").replace('"', '\\"'))
    hidden = dict.fromkeys(char for char in meant if printable(char) != char)
    said = [f"{ESCAPES[char][1] if char in ESCAPES else f'U+{ord(char):04X}'} as "
            f"'{printable(char)}'" for char in hidden]  # fmt: skip
    return (
        "write each backslash twice, which double quotes read as one, and "
        f'{", ".join(said)}: {head}"{double}"'
    )


#: libyaml's problem with an escape whose code is no character: a surrogate, most often.
NO_CHARACTER = "found invalid Unicode character escape code"
# An escape of a UTF-16 surrogate: high (D800-DBFF), then perhaps its low half (DC00-DFFF).
_SURROGATE = re.compile(
    r"\\u(?P<high>[dD][89abAB][0-9a-fA-F]{2})(?:\\u(?P<low>[dD][c-fC-F][0-9a-fA-F]{2}))?"
    r"|\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


_HALF = ("which YAML cannot read alone: write the character's code whole, '\\U' and eight hex "
         "digits ('\\U0001F600' for 😀), or the character itself")  # fmt: skip
_PAIR = ("is one character written as its two halves in UTF-16 (a surrogate pair, as JSON and "
         "JavaScript write it), which YAML cannot read: write its code whole")  # fmt: skip


def surrogate_hint(lines: list[str], row: int, column: int) -> Hint | None:
    """For libyaml's :data:`NO_CHARACTER` at ``column`` of line ``row``: a character written
    as JSON and JavaScript write one beyond U+FFFF, its two UTF-16 halves (``"\\ud83d\\ude00"``),
    or half of one, which YAML cannot read; at the backslash, how YAML writes it
    (``"\\U0001F600"``, or the character itself). None for another escape."""
    line = lines[row] if row < len(lines) else ""
    for found in _SURROGATE.finditer(line):
        if not found.start() <= column < found.end():
            continue
        escape, at = found[0], found.start()
        if found["low"] is None:
            return f"'{escape}' is half of a character in UTF-16 (a surrogate), {_HALF}", row, at
        code = 0x10000 + (int(found["high"], 16) - 0xD800) * 0x400 + int(found["low"], 16) - 0xDC00
        itself = f", or the character itself, {chr(code)}" if chr(code).isprintable() else ""
        return f"'{escape}' {_PAIR}, '\\U{code:08X}'{itself}", row, at
    return None


#: What may come before a double quote that opens a text: a key, dashes (as in :data:`_DOUBLE`).
_OPENING = re.compile(_HEAD)
#: A double-quoted text's characters up to its closing quote or its line's end: an escape
#: (a backslash and the character after it) or a character other than a backslash or a quote.
_RUN = re.compile(r'(?:[^"\\]|\\.)*')


def _over_lines(
    lines: list[str], row: int, column: int, problem: str, opened: tuple[int, int]
) -> Hint | None:
    """:func:`escape_hint` for a text in double quotes that ``opened`` on a line before
    ``row``, or goes on after it: its lines folded into one as YAML folds them (a line break
    and the white space around it a space), when it closes and no line of it is empty (a line
    break YAML keeps, which one line cannot show)."""
    first, at = opened
    if not first <= row < len(lines) or lines[first][at : at + 1] != '"':
        return None
    head = lines[first][:at]
    if _OPENING.fullmatch(head) is None:
        return None
    pieces, slash, number, begin = [], -1, first, at + 1
    while number < len(lines):
        line = lines[number]
        run = _RUN.match(line, begin)
        assert run is not None  # it matches nothing at worst
        if number == row:
            slash = line.rfind("\\", begin, min(column + 1, run.end()))
        if run.end() < len(line) and line[run.end()] == '"':  # closed
            pieces.append(line[begin : run.end()])
            break
        ending = line.rstrip()
        if not line[begin:].strip() or (len(ending) - len(ending.rstrip("\\"))) % 2:
            return None  # an empty line, or an escaped line break (a backslash at the end, not
            # one of a doubled backslash): not one line as written
        pieces.append(line[begin:])
        number, begin = number + 1, 0
    else:
        return None  # never closed
    if slash < 0 or number < row:
        return None
    last = len(pieces) - 1  # a line's white space at a break is the break's: the text's own
    text = " ".join(
        (piece.lstrip() if k else piece) if k == last else (piece.strip() if k else piece.rstrip())
        for k, piece in enumerate(pieces)
    )
    return _told(problem, lines[row][slash : slash + 2], head, text, row, slash)


__all__ = [
    "ESCAPES",
    "JSON_UNREADABLE",
    "NO_CHARACTER",
    "UNREADABLE",
    "escape_hint",
    "json_escape",
    "misread",
    "surrogate_hint",
    "unescaped",
]
