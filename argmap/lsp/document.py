"""An open map at one version → its positions, outline, check and formatted text, each worked
out once.

Offsets used by the features are indexes into the map's text without its byte order mark
(if the editor kept one), which is what libyaml and argmap count from; :meth:`Document.position`
and :meth:`Document.offset` convert them to and from the client's positions.
"""

from __future__ import annotations

import functools
import re
import threading
from urllib.parse import unquote, urlsplit

from lsprotocol import types

from argmap.analysis.questions import bearing
from argmap.api import Checked, check_map_bytes
from argmap.diagnostics import ArgmapError, Span, line_starts
from argmap.fmt import format_text
from argmap.fmt.formatter import format_json
from argmap.lsp.positions import Encoding, Lines, span_offset
from argmap.model import ArgumentMap, Relation, relations
from argmap.read.jsontree import in_json
from argmap.read.outline import Outline, outline

_MAP = re.compile(r"""^(?:argmap|"argmap"|'argmap')[ \t]*:""", re.M)


def uri_path(uri: str) -> str:
    """The file path of a ``file:`` URI; other URIs (``untitled:``) are kept as names.

    >>> uri_path("file:///home/me/maps/a%20b.yaml")
    '/home/me/maps/a b.yaml'
    """
    parts = urlsplit(uri)
    if parts.scheme != "file":
        return uri
    path = unquote(parts.path)
    if len(path) > 2 and path[0] == "/" and path[2] == ":":  # file:///C:/maps (Windows)
        path = path[1:]
    return path


class Document:
    """A map's text as the editor has it, with what the features need of it."""

    def __init__(
        self,
        uri: str,
        text: str,
        version: int | None = None,
        encoding: Encoding = "utf-16",
        *,
        source_root: str | None = None,
    ) -> None:
        self.uri = uri
        self.path = uri_path(uri)
        self.source_root = source_root  # a folder it may read its source from, besides its project
        self.version = version
        self.text = text
        self.lines = Lines(text, encoding)
        self.shift = 1 if text.startswith("\ufeff") else 0
        self.body = text[self.shift :]
        self._lock = threading.Lock()
        self._checked: Checked | None = None

    def changed(self, text: str, version: int | None) -> Document:
        """The same document with a new text."""
        return Document(self.uri, text, version, self.lines.encoding, source_root=self.source_root)

    @functools.cached_property
    def is_map(self) -> bool:
        """Whether the text is meant as an argmap map: it has a top-level ``argmap:`` key
        (other YAML files are left alone, so that editors may start the server for all)."""
        return _MAP.search(self.body) is not None

    @functools.cached_property
    def outline(self) -> Outline:
        return outline(self.body)

    def checked(self) -> Checked:
        """``argmap check`` of the text as it is, its source read from beside the map (inside
        its project or its source root)."""
        with self._lock:  # the worker thread and a request may both ask
            if self._checked is None:
                data = self.text.encode("utf-8", "surrogatepass")
                self._checked = check_map_bytes(data, self.path, source_root=self.source_root)
            return self._checked

    @functools.cached_property
    def formatted(self) -> str | None:
        """The text as ``argmap fmt`` lays it out (a ``.json`` map as canonical JSON), or None
        when it cannot be formatted (a YAML or shape error, which the diagnostics show)."""
        lay_out = format_json if in_json(self.path) else format_text
        try:
            return lay_out(self.text, self.path)
        except ArgmapError:
            return None

    @property
    def is_checked(self) -> bool:
        return self._checked is not None

    # ---- positions

    def position(self, offset: int) -> types.Position:
        return self.lines.position(offset + self.shift)

    def offset(self, position: types.Position) -> int:
        return max(self.lines.offset(position) - self.shift, 0)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    @functools.cached_property
    def _starts(self) -> list[int]:
        return line_starts(self.body)

    def questioned(self, amap: ArgumentMap, start: int) -> tuple[Relation, ...] | None:
        """The reasons whose critical questions the objection whose ``question:`` is written
        last at or before offset ``start`` may raise (``amap`` read from this text), or None
        when no objection's is (:func:`argmap.analysis.questions.bearing`)."""
        written = [(self.span_offset(objection.written.question_span), reasons)  # type: ignore[union-attr]
                   for objection, reasons in bearing(relations(amap))]  # fmt: skip
        before = [item for item in written if item[0] <= start]
        return max(before, key=lambda item: item[0])[1] if before else None

    def span_offset(self, span: Span) -> int:
        """The offset of an argmap span (see :func:`argmap.diagnostics.line_starts`)."""
        return span_offset(self._starts, span, len(self.body))

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """Where the editor's line holding ``offset`` starts and ends (before its break)."""
        line = self.lines.line_of(offset + self.shift)
        start = max(self.lines.starts[line] - self.shift, 0)
        return start, self.lines.line_end(line) - self.shift
