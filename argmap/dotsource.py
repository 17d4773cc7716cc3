"""Calls like graphviz.Digraph's → DOT source, the same bytes, in a fraction of the time.

:mod:`argmap.dot` builds a diagram with the API of the ``graphviz`` package
(``Digraph.node``, ``.edge``, ``.attr``, ``.subgraph``, ``.source``, ``nohtml``), and the
golden files hold that package's formatting. This module writes exactly that formatting
itself: quoting by the same rules, attributes sorted by name, one statement a line. It
exists for speed (a map of 1,000 claims spent half its DOT-building time in the package's
argument checking and per-value regular expressions) and so that drawing does not import
the package at all. ``tests/test_dotsource.py`` compares the two on random input.
"""

from __future__ import annotations

import contextlib
import re
import warnings
from collections.abc import Iterator, Mapping

# The rules of graphviz.quoting.quote: an HTML-like string <...> stays as it is (unless
# marked nohtml), a plain ID or number too unless it is a DOT keyword; anything else is
# put in double quotes, with unescaped double quotes escaped.
_HTML_STRING = re.compile(r"<.*>$", re.DOTALL)
_ID = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$")
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})
_FINAL_ODD_BACKSLASHES = re.compile(r"(?<!\\)(?:\\{2})*\\$")
_QUOTE = re.compile(r"(?P<escaped_backslashes>(?:\\{2})*)\\?(?P<literal_quote>\")")


class NoHtml(str):
    """Text that is not an HTML-like label even when it looks like ``<...>``."""

    __slots__ = ()


def nohtml(text: str) -> NoHtml:
    """``text`` marked as no HTML-like label (as ``graphviz.nohtml``)."""
    return NoHtml(text)


class DotSyntaxWarning(RuntimeWarning):
    """A value would end a quoted DOT string early (an odd number of final backslashes)."""


_quoted: dict[str, str] = {}  # the values that repeat (colours, styles, names) quoted once


def quote(value: str) -> str:
    """A DOT ID for ``value``, quoted when needed, as ``graphviz.quoting.quote``.

    >>> quote("spam"), quote("spam spam"), quote("-4.2"), quote("<<b>x</b>>"), quote("node")
    ('spam', '"spam spam"', '-4.2', '<<b>x</b>>', '"node"')
    >>> print(quote('say "hi"'), quote(nohtml("<>")))
    "say \\"hi\\"" "<>"
    """
    known = _quoted.get(value)
    if known is not None and type(value) is str:
        return known
    if _HTML_STRING.match(value) and not isinstance(value, NoHtml):
        result = value
    elif not _ID.match(value) or value.lower() in _KEYWORDS:
        if value.endswith("\\") and _FINAL_ODD_BACKSLASHES.search(value):
            warnings.warn(
                f"expect syntax error scanning invalid quoted string: {value!r}",
                DotSyntaxWarning,
                stacklevel=2,
            )
        escaped = value
        if '"' in value:
            escaped = _QUOTE.sub(r"\g<escaped_backslashes>\\\g<literal_quote>", value)
        result = '"' + escaped + '"'
    else:
        result = value
    if type(value) is str and len(value) < 40:
        if len(_quoted) > 50_000:  # a long-running watch: keep the memo small
            _quoted.clear()
        _quoted[value] = result
    return result


def _quote_edge(name: str) -> str:
    """A node of an edge statement, ``node[:port[:compass]]`` (graphviz.quoting.quote_edge)."""
    node, _, rest = name.partition(":")
    parts = [quote(node)]
    if rest:
        port, _, compass = rest.partition(":")
        parts.append(quote(port))
        if compass:
            parts.append(compass)
    return ":".join(parts)


def _a_list(label: str | None, attrs: Mapping[str, str | None]) -> str:
    """``label=... key=value ...``: keys sorted (as the package sorts plain dicts)."""
    items = sorted(attrs.items()) if type(attrs) is dict else attrs.items()
    result = [f"label={quote(label)}"] if label is not None else []
    result += [f"{quote(key)}={quote(value)}" for key, value in items if value is not None]
    return " ".join(result)


def _attr_list(label: str | None, attrs: Mapping[str, str | None]) -> str:
    content = _a_list(label, attrs)
    return f" [{content}]" if content else ""


class Digraph:
    """A directed graph's DOT source, built statement by statement (as graphviz.Digraph)."""

    directed = True

    def __init__(
        self,
        name: str | None = None,
        comment: str | None = None,
        graph_attr: Mapping[str, str] | None = None,
        node_attr: Mapping[str, str] | None = None,
        edge_attr: Mapping[str, str] | None = None,
        body: list[str] | None = None,
    ) -> None:
        self.name = name
        self.comment = comment
        self.graph_attr = dict(graph_attr or {})
        self.node_attr = dict(node_attr or {})
        self.edge_attr = dict(edge_attr or {})
        self.body = list(body or [])

    def node(self, name: str, label: str | None = None, **attrs: str | None) -> None:
        self.body.append(f"\t{quote(name)}{_attr_list(label, attrs)}\n")

    def edge(
        self, tail_name: str, head_name: str, label: str | None = None, **attrs: str | None
    ) -> None:
        tail, head = _quote_edge(tail_name), _quote_edge(head_name)
        self.body.append(f"\t{tail} -> {head}{_attr_list(label, attrs)}\n")

    def attr(self, kw: str | None = None, **attrs: str | None) -> None:
        if kw is not None and kw.lower() not in ("graph", "node", "edge"):
            raise ValueError(f"attr statement must target graph, node, or edge: {kw!r}")
        if attrs:
            line = _a_list(None, attrs) if kw is None else kw + _attr_list(None, attrs)
            self.body.append(f"\t{line}\n")

    @contextlib.contextmanager
    def subgraph(
        self,
        name: str | None = None,
        comment: str | None = None,
        graph_attr: Mapping[str, str] | None = None,
        node_attr: Mapping[str, str] | None = None,
        edge_attr: Mapping[str, str] | None = None,
        body: list[str] | None = None,
    ) -> Iterator[Digraph]:
        """A subgraph to fill in a ``with`` block; added to this graph at its end."""
        sub = Digraph(name, comment, graph_attr, node_attr, edge_attr, body)
        yield sub
        self.body += [f"\t{line}" for line in sub._lines(subgraph=True)]

    def _lines(self, subgraph: bool = False) -> Iterator[str]:
        if self.comment:
            yield f"// {self.comment}\n"
        name = quote(self.name) + " " if self.name else ""
        yield (
            (f"subgraph {name}{{\n" if self.name else "{\n") if subgraph else f"digraph {name}{{\n"
        )
        for kw, attrs in (
            ("graph", self.graph_attr),
            ("node", self.node_attr),
            ("edge", self.edge_attr),
        ):
            if attrs:
                yield f"\t{kw}{_attr_list(None, attrs)}\n"
        yield from self.body
        yield "}\n"

    @property
    def source(self) -> str:
        """The DOT source text."""
        return "".join(self._lines())

    def __str__(self) -> str:
        return self.source


__all__ = ["Digraph", "DotSyntaxWarning", "NoHtml", "nohtml", "quote"]
