"""argmap.pages.spans: the sweep gives every stretch the pieces and claims a full scan would."""

from __future__ import annotations

import itertools

import attrs
from hypothesis import given
from hypothesis import strategies as st

from argmap.pages.spans import Sweep


@attrs.frozen
class Span:
    start: int
    end: int
    claim: str


def scanned(spans: list[Span], start: int, end: int) -> list[tuple[int, int, list[str]]]:
    """What the sweep must give: the stretch cut at every boundary inside it, each piece with
    the claims of every span over it, found by looking at every span."""
    inside = [s for s in spans if s.start < end and s.end > start]
    cuts = {start, end} | {max(s.start, start) for s in inside} | {min(s.end, end) for s in inside}
    return [
        (a, b, [s.claim for s in inside if s.start <= a and s.end >= b])
        for a, b in itertools.pairwise(sorted(cuts))
    ]


@st.composite
def spans(draw: st.DrawFn) -> list[Span]:
    found = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, 40))
        end = draw(st.integers(start + 1, 45))
        found.append(Span(start, end, draw(st.sampled_from("abc"))))
    return sorted(found, key=lambda s: (s.start, s.end))


stretches = st.lists(st.tuples(st.integers(0, 50), st.integers(0, 12)), max_size=8)


@given(spans(), stretches, st.booleans())
def test_the_sweep_gives_what_a_scan_of_every_span_gives(
    found: list[Span], asked: list[tuple[int, int]], in_order: bool
) -> None:
    """Stretches asked for left to right (as the pages do) or in any order (the sweep starts
    over), overlapping, empty or past every span."""
    stretches = [(start, start + length) for start, length in asked]
    if in_order:
        stretches.sort()
    sweep = Sweep(found)
    for start, end in stretches:
        assert list(sweep.pieces(start, end)) == scanned(found, start, end)


def test_spans_starting_together_keep_their_order_and_duplicates() -> None:
    found = [Span(0, 4, "b"), Span(0, 2, "a"), Span(0, 2, "b"), Span(0, 2, "b")]
    assert list(Sweep(found).pieces(0, 4)) == [(0, 2, ["b", "a", "b", "b"]), (2, 4, ["b"])]


def test_a_long_text_full_of_spans_is_swept_once() -> None:
    """40,000 one-letter spans over one stretch of 80,000 characters: a scan of every span for
    every piece took minutes; the sweep gives each piece its claims in well under a second."""
    found = sorted(
        (Span(k, k + 1, claim) for k in range(0, 80_000, 4) for claim in ("a", "b")),
        key=lambda s: s.start,
    )
    pieces = list(Sweep(found).pieces(0, 80_000))
    marked = [(a, b) for a, b, claims in pieces if claims]
    assert len(pieces) == 40_000 and marked == [(k, k + 1) for k in range(0, 80_000, 4)]
    assert all(claims == ["a", "b"] for _, _, claims in pieces if claims)
