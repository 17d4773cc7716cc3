"""A map's text, its outline and its source → what a fix is worked out from; a fix → its text
edits, and edits → the text they make.

A fix edits spans of the text as it is (offsets into it, without a byte order mark): the
scalar it replaces, or the place it inserts at. Nothing else of the file is touched, so its
comments, quoting and order stay as they were, byte for byte.
"""

from __future__ import annotations

import bisect
import enum
import functools
from collections.abc import Callable, Iterable

import attrs

from argmap.analysis.sentences import Source
from argmap.diagnostics import line_starts
from argmap.read.outline import Outline, Token, outline
from argmap.read.syntax import YAML, Syntax


class Applicability(enum.Enum):
    """Whether a fix may be applied without a person looking (as ruff tells its fixes)."""

    SAFE = "safe"  # applied by argmap check --fix: the source or the map says what to write
    UNSAFE = "unsafe"  # applied with --unsafe-fixes too: a likely guess, to be read over
    EDITOR = "editor"  # offered in an editor only: it writes what a person must choose


@attrs.frozen
class Edit:
    """``text`` in place of the text from ``start`` to ``end`` (equal for an insertion)."""

    start: int
    end: int
    text: str


@attrs.frozen
class Fix:
    """A way to mend one diagnostic: its title (as an editor offers it), its edits, whether it
    is safe, what it mends (``what``: "quote", "id", "key", "source path", "claim"), and
    whether it is the one to prefer among several."""

    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability
    what: str
    preferred: bool = False


class Context:
    """What the fixes of one map are worked out from: its text (``body``, without a byte order
    mark), its file's path (None for a buffer without one), its outline, and its source text,
    read only when a fix needs it (``source``, a function giving it or None); ``source_root``
    the folder besides its project where it may read it (``--source-root``)."""

    def __init__(
        self,
        body: str,
        path: str | None,
        source: Callable[[], Source | None],
        found: Outline | None = None,
        *,
        source_root: str | None = None,
    ) -> None:
        self.body = body
        self.path = path
        self.source_root = source_root
        self.outline = found if found is not None else outline(body)
        self._source = source

    @functools.cached_property
    def source(self) -> Source | None:
        return self._source()

    @functools.cached_property
    def syntax(self) -> Syntax:
        """The map's syntax, which every fix writes: JSON in a ``.json`` map, else YAML."""
        return YAML if self.path is None else Syntax.of(self.path)

    @functools.cached_property
    def newline(self) -> str:
        return "\r\n" if "\r\n" in self.body else "\n"

    @functools.cached_property
    def line_starts(self) -> list[int]:
        """Where the text's lines start (:func:`argmap.diagnostics.line_starts`)."""
        return line_starts(self.body)

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """Where the line holding ``offset`` starts and ends (before its break), lines
        counted as editors count them."""
        starts = self.line_starts
        line = bisect.bisect_right(starts, offset) - 1
        if line + 1 >= len(starts):
            return starts[line], len(self.body)
        end = starts[line + 1]
        return starts[line], end - 2 if self.body[end - 2 : end] == "\r\n" else end - 1

    def token(self, offset: int) -> Token | None:
        """The scalar starting at ``offset``, where a diagnostic about it points."""
        token = self.outline.token_at(offset)
        return token if token is not None and token.start == offset else None


def apply(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` made (none of them overlapping), each at its own offsets.

    >>> apply("a b c", [Edit(4, 5, "C"), Edit(0, 1, "A")])
    'A b C'
    """
    done = text
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        done = done[: edit.start] + edit.text + done[edit.end :]
    return done


__all__ = ["Applicability", "Context", "Edit", "Fix", "apply"]
