"""Where a diagnostic's place ends: the stretch of a map's text it is about, as the language
server underlines it and as a SARIF region spans it.

A diagnostic has a start (a :class:`~argmap.diagnostics.Span`, where a YAML node starts); the
map's outline (:mod:`argmap.read.outline`) knows where that node ends.
"""

from __future__ import annotations

import re

from argmap.read.outline import Outline
from argmap.read.tolerant import REFUSED

_WORD = re.compile(r"[^\s]+|\t+")  # a word, or tabs (where YAML wants spaces)


def extent(found: Outline, body: str, offset: int) -> tuple[int, int]:
    """The stretch of ``body`` (a map's text, without its byte order mark, outlined as
    ``found``) a diagnostic at ``offset`` is about: the scalar or collection starting there (a
    scalar first: a block mapping starts at its first key), the key of an empty value, or the
    word (or the tabs) there, for syntax errors. Zero width when there is none.

    >>> from argmap.read.outline import outline
    >>> text = "a: [bb, c]\\n"
    >>> extent(outline(text), text, 4), extent(outline(text), text, 3)
    ((4, 6), (3, 10))
    """
    end = found.extents.get(offset)
    if end is not None and end > offset:
        return offset, end
    key = found.empty_values.get(offset)
    if key is not None:
        return key.start, key.end
    end = found.collections.get(offset)
    if end is not None and end > offset:
        return offset, end
    word = _WORD.match(body, offset)
    if word is not None:
        return offset, word.end()
    return offset, offset


def stretch(found: Outline, body: str, code: str, offset: int) -> tuple[int, int]:
    """What a diagnostic of ``code`` at ``offset`` covers: for a character refused (AM001,
    AM012), that character; else its :func:`extent`."""
    if code in ("AM001", "AM012") and REFUSED.match(body, offset):
        return offset, offset + 1
    return extent(found, body, offset)


__all__ = ["extent", "stretch"]
