"""A value a fix writes in place of a scalar → the edit, in the style the map wrote that
scalar: a plain value stays plain where YAML reads it back unchanged, a single-quoted one
single-quoted, a folded or literal block a block under its header (and the header's comment);
double quotes where that style cannot hold the value, and in a JSON map. The value is
written on one line, as ``argmap fmt`` leaves a text: searchable in the source, and a
one-word fix is a one-line diff.

A person who quotes in plain YAML or in ``>-`` blocks gets back a map written as they write
it, not a line of double quotes in the middle of it.
"""

from __future__ import annotations

import re

from argmap.fix.context import Context, Edit
from argmap.formats.yaml import UNPRINTABLE, scalar
from argmap.read.outline import Token
from argmap.read.syntax import yaml_string

#: A block scalar's header, up to its comment: ``>-``, ``|2+``; its style, chomping and an
#: explicit indentation.
BLOCK_HEADER = re.compile(r"([|>])([-+]?)([0-9]?)([-+]?)")
#: What ends a plain value in a list or mapping written in brackets (PyYAML reads YAML 1.1).
_FLOW_ENDS = re.compile(r"[,?:\[\]{}]")
#: Line breaks YAML knows beyond ``\n``, which break a line inside single quotes too.
_BREAKS = re.compile("[\u2028\u2029]")
#: A file's path that YAML reads plain as text, when its letters would be (``../a/b.txt``).
_PATH = re.compile(r"[\w.][\w./-]*")


def rewrite(context: Context, token: Token, value: str) -> Edit:
    """The edit writing ``value`` in place of ``token``, in its style (see the module)."""
    body = context.body
    if context.syntax.json:
        return Edit(token.start, token.end, yaml_string(value))
    opening = body[token.start : token.start + 1]
    header = BLOCK_HEADER.match(body, token.start) if opening in ("|", ">") else None
    if header is not None:
        return _block(context, token, header, value)
    if opening == "'" and UNPRINTABLE.search(value) is None and not _BREAKS.search(value):
        return Edit(token.start, token.end, "'" + value.replace("'", "''") + "'")
    plain = opening not in ("'", '"') and token.plain
    if plain and "/" in value and _PATH.fullmatch(value):  # no number, date or null holds '/'
        return Edit(token.start, token.end, value)  # a path, ../texts/a.txt: plain as written
    if plain and not (_FLOW_ENDS.search(value) and _in_flow(context, token)):
        return Edit(token.start, token.end, scalar(value))
    return Edit(token.start, token.end, yaml_string(value))


def _block(context: Context, token: Token, header: re.Match[str], value: str) -> Edit:
    """``value`` as the content of a block scalar, on one line indented as its first was, under
    its header, which stays with its comment; in double quotes (the comment kept after them)
    where a block would not read back as ``value``: an explicit indentation, kept line ends
    (``+``), white space at either end or doubled, a character YAML escapes."""
    body = context.body
    chomp = header[2] + header[4]
    _, header_end = context.line_bounds(token.start)
    comment = body[header.end() : header_end].rstrip("\r")
    content = _content_indent(context, header_end, token.end)
    plain_words = value == " ".join(value.split()) and UNPRINTABLE.search(value) is None
    if header[3] or "+" in chomp or content is None or not value or not plain_words:
        return Edit(token.start, token.end, yaml_string(value) + comment)
    return Edit(header_end, token.end, context.newline + " " * content + value)


def _content_indent(context: Context, header_end: int, end: int) -> int | None:
    """The indentation of a block scalar's first line of content (between the end of its
    header's line and ``end``), or None when it has none."""
    for line in context.body[header_end:end].splitlines():
        if line.strip():
            return len(line) - len(line.lstrip(" "))
    return None


def _in_flow(context: Context, token: Token) -> bool:
    """Whether ``token`` lies inside a list or mapping written in flow style (``[...]``,
    ``{...}``), where a comma or a question mark ends a plain value."""
    body = context.body
    return any(
        start < token.start < end and body[start] in "[{"
        for start, end in context.outline.collections.items()
    )


__all__ = ["BLOCK_HEADER", "rewrite"]
