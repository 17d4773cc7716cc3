"""libyaml's syntax errors → diagnostics that name the cause and show the fix: a tab in the
indentation, a key or a list item that does not line up with its neighbours, a colon and a space
inside plain text (with the line quoted)."""

from __future__ import annotations

import re

import yaml

from argmap.diagnostics import Diagnostic, Span


def _span(mark: yaml.Mark) -> Span:
    return Span(mark.line + 1, mark.column + 1)


# A line whose plain value holds ': ' (a key, or a list item, then text with a colon in it).
_COLON_LINE = re.compile(r"(?P<head>\s*(?:-\s+)*(?:[^\s#:'\"][^:#]*?:\s+)?)(?P<value>.*?:\s.*?)\s*")


def quoted(value: str) -> str:
    """``value`` as a YAML quoted scalar: in double quotes, or single when it holds any.

    >>> print(quoted('Context: a colon'), quoted('He said "so": yes'))
    "Context: a colon" 'He said "so": yes'
    """
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


# A line that starts a key (after any list dashes): its indentation, dashes and key.
_KEY_LINE = re.compile(r"(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[^\s#:'\"-][^:#]*?):(?:\s|$)")
#: libyaml's problems when a line is indented wrongly.
_INDENTATION = ("did not find expected", "mapping values are not allowed", "expected <block end>")


def _indent_hint(lines: list[str], row: int) -> str | None:
    """What is wrong with line ``row`` (0-based) when its key, or its list item, lines up with
    no level open above it, and how to indent it; None when it does line up (the mistake is
    another) or when that cannot be told."""
    here = _KEY_LINE.match(lines[row])
    if here is None:
        return None
    item = bool(here["dashes"])
    # Where a key (an item: its dash) starts, 0-based, on this line and on the open levels
    # above it: each line above that starts left of all the lines after it.
    own = len(here["indent"]) + (0 if item else len(here["dashes"]))
    levels: list[tuple[int, int, str]] = []  # (column, row, what starts there)
    lowest = None
    for back in range(row - 1, -1, -1):
        before = _KEY_LINE.match(lines[back])
        if before is None:
            if lines[back].strip() and not lines[back].lstrip().startswith("#"):
                return None  # a line of text, a flow list, a block scalar: not told here
            continue
        key = len(before["indent"]) + len(before["dashes"])
        if not levels and not lines[back][before.end() :].strip() and own > key - 1:
            return None  # the key before opens a mapping or a list: deeper is right
        starts = [(key, f"'{before['key']}:'")]
        if before["dashes"]:
            starts.insert(0, (len(before["indent"]), f"the item '- {before['key']}:'"))
        for column, what in reversed(starts):
            if lowest is None or column < lowest:
                levels.append((column, back, what))
                lowest = column
        if lowest == 0:
            break
    if not levels or any(column == own for column, _, _ in levels):
        return None
    if item:  # the nearest item above, else the nearest level
        column, back, what = next((lv for lv in levels if lv[2].startswith("the item")), levels[0])
        name, kind = f"'- {here['key']}:'", "the items of one list"
    else:
        column, back, what = next(
            (lv for lv in levels if not lv[2].startswith("the item")), levels[0]
        )
        name, kind = f"'{here['key']}:'", "the keys of one mapping"
    return (
        f"{name} starts in column {own + 1} but {what} on line {back + 1} starts in column "
        f"{column + 1}: {kind} line up; move it to column {column + 1}"
    )


def _colon_hint(line: str, column: int) -> str | None:
    """How to write a line whose plain text holds ': ', quoted, or None when the colon at
    ``column`` (0-based) is the first of its line (another mistake: indentation, say)."""
    found = _COLON_LINE.fullmatch(line)
    if found is None or not found.group("head").rstrip().endswith(":"):
        return None
    if column < found.start("value"):
        return None
    return found.group("head") + quoted(found.group("value"))


def syntax_error(exc: yaml.MarkedYAMLError, path: str, text: str) -> Diagnostic:
    """The diagnostic of a YAML syntax error in ``text``: what libyaml says, or for the
    mistakes people make most, what is wrong and how to write it."""
    mark = exc.problem_mark or exc.context_mark
    span = _span(mark) if mark is not None else Span(1, 1)
    problem = exc.problem or "invalid YAML"
    if "nesting depth" in problem:
        return Diagnostic(path, span, "AM013", f"nesting deeper than YAML allows ({problem})")
    if "control characters" in problem or "special characters" in problem:
        return Diagnostic(
            path, span, "AM012", "control character in the file (only tab and newline are allowed)"
        )
    lines = text.split("\n")
    line = lines[mark.line].rstrip("\r") if mark is not None and mark.line < len(lines) else ""
    if mark is not None and ("tab" in problem or line[mark.column : mark.column + 1] == "\t"):
        return Diagnostic(
            path,
            span,
            "AM002",
            "YAML syntax error: a tab in the indentation; YAML indents with spaces only: "
            "replace the tab with spaces",
        )
    if mark is not None and problem.startswith(_INDENTATION):
        hint = _indent_hint(lines, mark.line) if mark.line < len(lines) else None
        if hint is not None:
            return Diagnostic(path, span, "AM002", f"YAML syntax error: {hint}")
    if mark is not None and problem.startswith("mapping values are not allowed"):
        fixed = _colon_hint(line, mark.column)
        if fixed is not None:
            return Diagnostic(
                path,
                span,
                "AM002",
                "YAML syntax error: ': ' (a colon and a space) inside plain text starts a "
                f"mapping; put the text in quotes: {fixed.strip()}",
            )
    context = f" {exc.context}" if exc.context else ""
    if exc.context_mark is not None and mark is not None and exc.context_mark.line != mark.line:
        context += f" started at {_span(exc.context_mark)}"
    return Diagnostic(path, span, "AM002", f"YAML syntax error: {problem}{context}")


__all__ = ["quoted", "syntax_error"]
