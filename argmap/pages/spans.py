"""Quoted spans of a text → the pieces of any stretch of it, cut where spans start or end, each
with the claims of the spans over it: one sweep over the sorted boundaries, not a scan of every
span for every piece."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Sequence
from typing import Protocol


class Span(Protocol):
    """A stretch of a text (character offsets, ``start < end``) that a claim quotes."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def claim(self) -> str: ...


class Sweep:
    """The spans over each piece of a text, for stretches asked for left to right.

    Spans starting at the same place keep their order in ``spans``. Asking for stretches in
    the order of the text costs time in proportion to the pieces, the spans opened and closed
    on the way and the claims given back; asking for one before the last starts the sweep
    over (correct, not fast).
    """

    def __init__(self, spans: Sequence[Span]) -> None:
        spans = sorted(spans, key=lambda s: s.start)  # stable; no work if sorted already
        self._spans = spans
        self._bounds = sorted({s.start for s in spans} | {s.end for s in spans})
        self._by_end = sorted(range(len(spans)), key=lambda i: spans[i].end)
        self._restart()

    def _restart(self) -> None:
        self._opened = 0  # spans[:_opened] start at or before _at
        self._closed = 0  # those in _by_end[:_closed] end at or before _at
        self._over: dict[int, str] = {}  # span index → claim, of the spans over _at, in order
        self._at = -1

    def _move(self, at: int) -> None:
        """Make ``_over`` the spans with ``start <= at < end``, in the order of ``spans``."""
        if at < self._at:
            self._restart()
        spans, over = self._spans, self._over
        while self._opened < len(spans) and spans[self._opened].start <= at:
            over[self._opened] = spans[self._opened].claim
            self._opened += 1
        while self._closed < len(spans) and spans[self._by_end[self._closed]].end <= at:
            del over[self._by_end[self._closed]]  # opened already: its start is before its end
            self._closed += 1
        self._at = at

    def pieces(self, start: int, end: int) -> Iterator[tuple[int, int, list[str]]]:
        """``text[start:end]`` cut wherever a span starts or ends inside it, each piece with
        the claims of the spans over it, in the order of the spans (a claim once per span)."""
        if end <= start:
            return
        bounds = self._bounds
        inner = bounds[bisect.bisect_right(bounds, start) : bisect.bisect_left(bounds, end)]
        for a, b in itertools.pairwise([start, *inner, end]):
            self._move(a)
            yield a, b, list(self._over.values())


__all__ = ["Span", "Sweep"]
