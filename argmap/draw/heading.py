"""A figure and the room it has → its heading (:func:`argmap.draw.labels.title_label`): the
title, the source, a worksheet's note, the figure's number and the legend, each in a measure
the drawing gives it (:func:`heading`).

A worksheet's note (the teacher's instructions) is set in the drawing's measure, not the
drawing in the note's: a whole map's note, first drawn in lines of 72 characters, is set
again as wide as the map's claims (:func:`argmap.draw.whole.drawing`), in lines of no fewer
than 40 characters (fewer would make it a tall column beside a narrow map); a figure's, in
lines of at most 72 characters that fit its column or screen. The legend's rows end in an
empty cell as wide as the note is wider than they are: Graphviz stretches a nested table to
its cell, and a long note under a short title spread the legend's entries across it.

So is the title: wrapped at 60 characters whatever the map, a long one made a small map's
drawing as wide as itself (a 116-character title over claims 156 points wide: 501 points), and
a column then showed its claims that much smaller. Given the claims' width, it is set in lines
as wide as they are, of no fewer than :data:`TITLE_LEAST` characters (:func:`title_measure`).
"""

from __future__ import annotations

from collections.abc import Collection

from argmap.analysis.draft import Draft
from argmap.draw.blank import instructions
from argmap.draw.labels import banner, title_label
from argmap.draw.legend import legend, text_width
from argmap.draw.style import CLAIM_SIZE, PAD, TITLE_SIZE
from argmap.draw.text import wrap
from argmap.model import ArgumentMap
from argmap.words import ENGLISH, Words

#: A worksheet's note is set in lines of at most this many characters, and in lines of at
#: least this many when only the drawing's claims (not its column) are narrower.
NOTE_MOST, NOTE_LEAST = 72, 40
#: ... and of at least this many however narrow the column.
NOTE_FEWEST = 24
#: A title is set in lines as wide as a whole map's claims, but of at least this many
#: characters (some 190 points of bold: narrower than a claim), as in the narrowest column.
TITLE_LEAST = 20


def _widest(lines: Collection[str], size: float = CLAIM_SIZE, bold: bool = False) -> float:
    return max((text_width(line, size, bold=bold) for line in lines), default=0.0)


def title_measure(title: str, chars: int, claims: float, lang: str | None = None) -> int:
    """The characters a line of a map's ``title`` is wrapped at: the most, up to ``chars``,
    whose lines are no wider than ``claims`` points (how wide a whole map's claims are drawn),
    down to :data:`TITLE_LEAST`.

    >>> title = "Why the council should reconsider closing the library's east side branch"
    >>> [title_measure(title, 60, claims) for claims in (1000.0, 300.0, 1.0)]
    [60, 40, 20]
    """
    for measure in range(chars, TITLE_LEAST - 1, -1):
        if _widest(wrap(title, measure, lang), TITLE_SIZE, bold=True) <= claims:
            return measure
    return min(chars, TITLE_LEAST)


def note_measure(
    note: str, room: float | None, claims: float | None = None, lang: str | None = None
) -> int:
    """The characters a line of a worksheet's ``note`` is wrapped at: the most, up to
    :data:`NOTE_MOST`, whose lines fit in ``room`` points (a figure's column; None: any),
    and in ``claims`` (how wide a whole map's claims are drawn) down to :data:`NOTE_LEAST`.

    >>> note = "Fill in each empty box with the claim the article makes there, in your own words."
    >>> note_measure(note, None), note_measure(note, 200.0), note_measure(note, None, 200.0)
    (72, 36, 40)
    """
    for chars in range(NOTE_MOST, NOTE_FEWEST - 1, -1):
        lines = wrap(note, chars, lang)
        if _widest(lines) > (room if room is not None else float("inf")):
            continue
        if claims is None or chars <= NOTE_LEAST or _widest(lines) <= claims:
            return chars
    return NOTE_FEWEST


#: A figure's heading without and with the number of figures: ``FIGURE 8`` when a document
#: numbers it (LaTeX), ``FIGURE 2 OF 15`` when the map's own count does.
FIGURE_KEYS = ("figure", "figure of")


def numbered(first: str | None, number: int) -> str:
    """What a map's figure ``number`` is called: its number, or, when a document numbers the
    map's figures from ``first`` (LaTeX's ``"7"``, ``"2.3"`` in a chapter), the document's.

    >>> numbered(None, 3), numbered("7", 3), numbered("2.3", 2)
    ('3', '9', '2.4')
    """
    if first is None:
        return str(number)
    head, _, last = first.rpartition(".")
    return f"{head}{'.' if head else ''}{int(last) + number - 1}"


def heading(
    amap: ArgumentMap,
    used: Collection[str] | None,
    number: str = "",
    *,
    room: float | None = None,
    legend_room: float | None = None,
    titled: bool = True,
    source: bool = True,
    words: Words = ENGLISH,
    draft: Draft | None = None,
) -> str:
    """The heading of a figure of ``amap`` (:func:`title_label`): its title (``titled``),
    source (``source``), note when a worksheet's, ``number`` (``FIGURE 2 OF 5``) and the
    legend of what it ``used`` (None: no legend), each no wider than ``room`` points (the
    figure's, None for the whole map) and the title, source, legend and note no wider than
    ``legend_room`` (a whole map's claims) where their least measures allow; in a figure's
    column without one, the note no wider than the title, where its least measure allows."""
    inner = (room or 1e9) - 2 * PAD * 72 - 8
    chars = max(TITLE_LEAST, int(inner / (TITLE_SIZE * 0.6))) if room else 60
    if titled and legend_room is not None:
        chars = title_measure(amap.title, chars, legend_room, words.hyphens)
    lines = wrap(amap.title, chars, words.hyphens)  # as title_label wraps it
    title = min(inner, max((text_width(line, TITLE_SIZE, bold=True) for line in lines), default=0))
    title = title if titled else 0.0
    note = instructions(amap) if titled else None
    measure = None
    if note is not None:  # in a figure's column, as wide as the title over it at most
        under = legend_room if legend_room is not None or not room else title
        measure = note_measure(note, inner if room else None, under, words.hyphens)
        title = max(title, min(inner, _widest(wrap(note, measure, words.hyphens))))
    rows = ""
    if used is not None:
        rows = legend(used, min(inner, legend_room or inner), title, words)
    return title_label(amap, figure=number, legend=rows, width=chars, title=titled,
                       source=source, words=words, banner=banner(draft, words),
                       note_width=measure)  # fmt: skip


__all__ = [
    "FIGURE_KEYS",
    "NOTE_FEWEST",
    "NOTE_LEAST",
    "NOTE_MOST",
    "TITLE_LEAST",
    "heading",
    "note_measure",
    "numbered",
    "title_measure",
]
