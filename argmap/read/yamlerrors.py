"""libyaml's syntax errors → diagnostics that name the cause and show the fix: a tab in the
indentation, a key or a list item that does not line up with its neighbours, a dash without its
space, a key without its colon, text going on at its key's column, an apostrophe inside single
quotes, a double quote inside double quotes, text that begins with a quotation or a bracket
(:mod:`argmap.read.yamllines`), a quote opened and never closed (:mod:`argmap.read.yamlopen`),
a list in brackets left open, a colon and a space inside plain text (with the line quoted), a
git merge conflict left in the file."""

from __future__ import annotations

import re
import unicodedata

import yaml

from argmap.diagnostics import Diagnostic, Span
from argmap.read.escapes import NO_CHARACTER, UNREADABLE, escape_hint, surrogate_hint
from argmap.read.yamlitems import item_keys_hint
from argmap.read.yamllines import (
    TEXT_KEYS,
    Hint,
    block_hint,
    dash_hint,
    indent_hint,
    key_hint,
    key_space_hint,
    tab_spaces,
)
from argmap.read.yamlopen import apostrophe_end_hint, double_quote_end_hint, never_closed_hint
from argmap.read.yamlquotes import apostrophe_hint, double_quote_hint, leading_quote_hint


def _span(mark: yaml.Mark) -> Span:
    return Span(mark.line + 1, mark.column + 1)


#: Where libyaml ends a line of the text it parses: CR LF, CR or LF.
_BREAK = re.compile(r"\r\n|\r|\n")
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


#: libyaml's problems when a line is indented wrongly.
_INDENTATION = ("did not find expected", "mapping values are not allowed", "expected <block end>")


def _colon_hint(line: str, column: int) -> str | None:
    """How to write a line whose plain text holds ': ', quoted, or None when the colon at
    ``column`` (0-based) is the first of its line (another mistake: indentation, say)."""
    found = _COLON_LINE.fullmatch(line)
    if found is None or not found.group("head").rstrip().endswith(":"):
        return None
    if column < found.start("value"):
        return None
    return found.group("head") + quoted(found.group("value"))


def _open_flow_hint(exc: yaml.MarkedYAMLError, lines: list[str]) -> Hint | None:
    """A list in brackets (or a mapping in braces) opened on a line and not closed on it
    (``objections: [b, c``), when libyaml looked for its end on the lines after."""
    start, problem = exc.context_mark, exc.problem or ""
    if start is None or not problem.startswith("did not find expected ','"):
        return None
    line = lines[start.line] if start.line < len(lines) else ""
    opening = line[start.column : start.column + 1]
    closing = {"[": "]", "{": "}"}.get(opening)
    if closing is None or closing in line[start.column :] or "#" in line:
        return None
    end = exc.problem_mark.line if exc.problem_mark is not None else start.line
    if any(closing in later for later in lines[start.line + 1 : end + 1]):
        return None  # closed on a later line: another mistake (a missing comma, say)
    what = "list" if opening == "[" else "mapping"
    written = line.rstrip()
    key = re.match(r"\s*(?:-\s+)*([a-z]+):\s*$", line[: start.column])
    if key is not None and key[1] in TEXT_KEYS:  # text that begins with a bracket
        fixed = line[: start.column].strip() + " " + quoted(written[start.column :])
        message = (
            f"'{opening}' at the start of text opens a {what} in YAML; put the text in quotes: "
            f"{fixed}"
        )
        return message, start.line, start.column
    message = (
        f"the {what} that '{opening}' opens at {_span(start)} is not closed on its line; "
        f"end it with '{closing}': {written.strip()}{closing}"
    )
    return message, start.line, len(written)


#: A line git writes where a merge left a conflict: ``<<<<<<< HEAD``, ``=======``,
#: ``>>>>>>> branch`` (at the start of the line, alone or followed by a space and a name).
_MARKER = re.compile(r"(<{7}|={7}|>{7})(?: .*)?")


def conflict_hint(lines: list[str]) -> Hint | None:
    """A git merge conflict left in the file: its first marker line, and how to settle it;
    None when no line is a marker."""
    found = [(row, line) for row, line in enumerate(lines) if _MARKER.fullmatch(line.rstrip())]
    if not found:
        return None
    row, first = found[0]
    end = next((r for r, line in found if line.startswith(">" * 7) and r > row), None)
    if first.startswith("<" * 7) and end is not None:
        return (f"an unsettled git merge conflict: lines {row + 1} to {end + 1} hold both sides "
                f"of it, between {first.rstrip()} and {lines[end].rstrip()}; keep the lines you "
                "want and delete the three marker lines", row, 0)  # fmt: skip
    marker = first.split()[0]
    return (f"a git merge conflict marker ({marker}) left in the file: settle the conflict and "
            "delete the line", row, 0)  # fmt: skip


#: A line indented (before a key or a list's dash) with a space other than the plain one: a
#: no-break space, as text copied from a word processor or a web page has, or another.
_ODD_INDENT = re.compile(
    r"[ \t]*(?P<odd>[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000])[ \t\u00a0\u1680"
    r"\u2000-\u200a\u202f\u205f\u3000]*(?:-[ \t]|[^\s:#'\"-][^:#]*:(?:[ \t]|$))"
)


def space_hint(lines: list[str], row: int) -> Hint | None:
    """The first line up to ``row`` (0-based) whose indentation holds a space YAML does not
    take for one (a no-break space, U+00A0), and how to mend it; None when there is none."""
    for number, line in enumerate(lines[: row + 1]):
        found = _ODD_INDENT.match(line)
        if found is None:
            continue
        odd = found["odd"]
        name = unicodedata.name(odd).lower()
        article = "an" if name[0] in "aeiou" else "a"
        message = (
            f"{article} {name} (U+{ord(odd):04X}) in the indentation, as text copied from a word "
            "processor or a web page has; YAML indents with plain spaces only: replace it with "
            "spaces"
        )
        if not line[found.end("odd") :].lstrip().startswith("-"):  # a key: its column above
            message += tab_spaces(lines, number)
        return message, number, found.start("odd")
    return None


def _hint(exc: yaml.MarkedYAMLError, lines: list[str]) -> Hint | None:
    """What the lines around a syntax error show was meant, for the mistakes that can be told
    from them beyond doubt (:mod:`argmap.read.yamllines`, :mod:`argmap.read.yamlquotes`,
    :mod:`argmap.read.yamlopen`); None for the others."""
    mark = exc.problem_mark
    problem = exc.problem or ""
    if mark is None:
        return None
    if problem.startswith(UNREADABLE):  # a Windows path in double quotes, most often
        opened = exc.context_mark
        where = (opened.line, opened.column) if opened is not None else None
        return escape_hint(lines, mark.line, mark.column, problem, where)
    if problem.startswith(NO_CHARACTER):  # "\ud83d\ude00", as JSON writes 😀
        return surrogate_hint(lines, mark.line, mark.column)
    hint = never_closed_hint(exc, lines)
    if hint is None:
        context = [exc.context_mark.line] if exc.context_mark is not None else []
        above = next((row for row in range(mark.line - 1, -1, -1) if lines[row].strip()), -1)
        hint = key_space_hint(lines, [*context, above, mark.line])
    if hint is None:
        hint = dash_hint(lines, mark.line)
    if hint is None and problem.startswith("could not find expected ':'") and exc.context_mark:
        hint = key_hint(lines, exc.context_mark.line, exc.context_mark.column)
    if hint is None:
        hint = apostrophe_end_hint(lines, mark.line, mark.column)
    if hint is None:
        hint = double_quote_end_hint(lines, mark.line, mark.column)
    if hint is None:
        hint = apostrophe_hint(lines, mark.line, mark.column)
    if hint is None:
        hint = double_quote_hint(lines, mark.line, mark.column)
    if hint is None:
        hint = leading_quote_hint(lines, mark.line, mark.column)
    if hint is None:
        hint = _open_flow_hint(exc, lines)
    if hint is None and problem.startswith(_INDENTATION):
        hint = (
            block_hint(lines, mark.line)
            or item_keys_hint(lines, mark.line)
            or indent_hint(lines, mark.line)
        )
    return hint


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
    lines = _BREAK.split(text)  # as libyaml counts them (U+2028 and the like are masked)
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    if mark is not None and ("tab" in problem or line[mark.column : mark.column + 1] == "\t"):
        return Diagnostic(
            path,
            span,
            "AM002",
            "YAML syntax error: a tab in the indentation; YAML indents with spaces only: "
            "replace the tab with spaces" + tab_spaces(lines, mark.line),
        )
    hint = conflict_hint(lines)
    if hint is None and mark is not None and mark.line < len(lines):
        hint = space_hint(lines, mark.line)
    if hint is None and mark is not None and mark.line < len(lines):
        hint = _hint(exc, lines)
    if hint is not None:
        message, row, column = hint
        return Diagnostic(path, Span(row + 1, column + 1), "AM002", f"YAML syntax error: {message}")
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
