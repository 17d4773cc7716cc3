"""libyaml's syntax errors → diagnostics that name the cause and show the fix: a tab in the
indentation, a colon and a space inside plain text (with the line quoted)."""

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
