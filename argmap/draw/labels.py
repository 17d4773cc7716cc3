"""Claims, the title and relations → the HTML-like labels and the tooltips Graphviz draws."""

from __future__ import annotations

from collections.abc import Mapping

from argmap.analysis.draft import Draft
from argmap.analysis.evaluate import Evaluation, Status
from argmap.draw.blank import html_lines_of, instructions
from argmap.draw.style import (
    ALARM,
    CLAIM_SIZE,
    KIND_STYLES,
    MUTED,
    REF_LINES,
    STATUS_STYLES,
    THESIS_SIZE,
    TITLE_SIZE,
    WORD_SIZE,
    WRAP_WIDTH,
)
from argmap.draw.text import clean, html_lines, html_text, right_to_left, tooltip, wrap
from argmap.model import ArgumentMap, Claim, Kind
from argmap.model.blank import is_blank
from argmap.words import ENGLISH, Words


def word(text: str, colour: str) -> str:
    """Small bold capitals: a claim's kind, a stub's words, the figure's number."""
    return f'<FONT POINT-SIZE="{WORD_SIZE:g}" COLOR="{colour}"><B>{html_text(text)}</B></FONT>'


def kind_word(
    kind: Kind,
    *,
    implicit: bool = False,
    thesis: bool = False,
    words: Words = ENGLISH,
    own: bool | None = None,
) -> str:
    """The words over a claim's text: its kind, whether implicit, whether the thesis; of the
    analyst's own claim (``own``: whether an objection, :func:`argmap.analysis.sides.own`),
    that it is the analyst's.

    >>> kind_word(Kind.PREMISE, implicit=True), kind_word(Kind.CONCLUSION, thesis=True)
    ('IMPLICIT PREMISE', 'MAIN THESIS · CONCLUSION')
    >>> kind_word(Kind.PREMISE, own=True), kind_word(Kind.PREMISE, own=False)
    ("ANALYST'S OBJECTION", "ANALYST'S PREMISE")
    """
    found = words(("implicit " if implicit else "") + kind.value)
    if own is not None:
        found = words("analyst's objection") if own else words("analyst's kind", kind=found)
    return words("main thesis", kind=found) if thesis else found


def claim_label(
    kind: Kind,
    text: str,
    *,
    width: int = WRAP_WIDTH,
    size: float = CLAIM_SIZE,
    implicit: bool = False,
    status: Status | None = None,
    thesis: bool = False,
    note: str | None = None,
    words: Words = ENGLISH,
    own: bool | None = None,
) -> str:
    """The HTML-like label of a claim: its kind in small capitals (the analyst's own, ``own``:
    :func:`kind_word`), its text below (the thesis larger), and ``note`` (where it is
    continued, where it is in full) under it.

    An implicit claim's kind reads ``IMPLICIT PREMISE``; a claim that does not stand gets its
    status beside the kind (``DEFEATED``, ``UNDECIDED``), and a defeated one struck text.
    """
    look = KIND_STYLES[kind]
    size = THESIS_SIZE if thesis and size == CLAIM_SIZE else size
    small = WORD_SIZE
    said = kind_word(kind, implicit=implicit, thesis=thesis, words=words, own=own)
    body = html_lines_of(text, width, words.hyphens)  # a blank: room to write in
    badge, font = "", f'<FONT POINT-SIZE="{size:g}">'
    align = "RIGHT" if right_to_left(text) else "LEFT"  # Arabic, Hebrew: flush right
    if status is not None and status in STATUS_STYLES:
        shown = STATUS_STYLES[status]
        badge = (
            f'<FONT POINT-SIZE="{small:g}" COLOR="{shown.badge}">'
            f"<B>&#160;&#160;{html_text(words(status.value))}</B></FONT>"
        )
        if shown.strike:  # a table may be inside one FONT only
            font = f'<FONT POINT-SIZE="{size:g}" COLOR="{shown.ink}">'
            body = struck_lines(text, width, align, words.hyphens)
        else:
            body = f'<FONT COLOR="{shown.ink}">{body}</FONT>'
    rows = [
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{small:g}" COLOR="{look.accent}">'
        f"<B>{html_text(said)}</B></FONT>{badge}</TD></TR>",
        f'<TR><TD ALIGN="LEFT" BALIGN="{align}">{font}{body}</FONT></TD></TR>',
    ]
    if note:
        rows.append(f'<TR><TD ALIGN="LEFT">{word(note, MUTED)}</TD></TR>')
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>>"
    )


def struck_lines(text: str, width: int, align: str = "LEFT", lang: str | None = None) -> str:
    """Text wrapped and struck through, a line a row of a table without padding.

    Graphviz sets lines that hold more than plain text (a strike) only as far apart as their
    font size, so that struck lines would touch; a line alone in its cell keeps the spacing
    of plain text.

    >>> print(struck_lines("Two short lines.", 10).replace("<TR>", "\\n<TR>"))
    <TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">
    <TR><TD ALIGN="LEFT"><S>Two short</S></TD></TR>
    <TR><TD ALIGN="LEFT"><S>lines.</S></TD></TR></TABLE>
    """
    rows = "".join(
        f'<TR><TD ALIGN="{align}"><S>{html_text(line)}</S></TD></TR>'
        for line in wrap(text, width, lang)
    )
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">{rows}</TABLE>'


def shorten(text: str, width: int, lines: int = REF_LINES) -> str:
    """``text`` cut at a word to fit ``lines`` lines of ``width``, with an ellipsis if cut.

    >>> shorten("Central Asia could supply non-Russian energy to Europe.", 20, 2)
    'Central Asia could supply non-Russian…'
    """
    wrapped = wrap(text, width)
    if len(wrapped) <= lines:
        return clean(text)
    kept = list(wrapped[:lines])
    last = kept[-1]
    if len(last) > width - 1:
        last = last.rsplit(" ", 1)[0] if " " in last else last[: width - 1]
    kept[-1] = last.rstrip(" ,;:.") + "…"
    return " ".join(kept)


def short_text(claim: Claim, width: int) -> str:
    """What a compact node of ``claim`` shows: its label, or the start of its text; of a
    worksheet's blank, an ellipsis (its box to write in is drawn where it is in full)."""
    if is_blank(claim.text):
        return "…"
    return clean(claim.label) if claim.label else shorten(claim.text, width)


#: Characters of a claim's start that a "continued in" stub shows for each figure it names.
LEAD_CHARS = 32


def lead_text(claim: Claim) -> str:
    """How a "continued in" stub names the first claim of a figure: its label, or the start of
    its text, on one line.

    >>> text = "Central Asia could supply energy to Europe and its allies."
    >>> lead_text(Claim("x", Kind.PREMISE, text))
    'Central Asia could supply…'
    """
    return shorten(clean(claim.label) if claim.label else claim.text, LEAD_CHARS, 1)


def title_label(
    amap: ArgumentMap,
    *,
    figure: str = "",
    legend: str = "",
    width: int = 60,
    source: bool = True,
    words: Words = ENGLISH,
    title: bool = True,
    banner: str = "",
    note_width: int | None = None,
) -> str:
    """The graph label: a draft's ``banner`` (``DRAFT · 2 ERRORS``, bold in the alarm
    colour), the map's title (with ``title``), the source's title, publisher and date below
    (with ``source``), a worksheet's instructions (with ``title``; in lines of ``note_width``
    characters, else 1.2 times ``width``), the figure's number
    (``figure``, e.g. "FIGURE 2 OF 5") and the legend (an HTML-like table,
    :mod:`argmap.draw.legend`); "" when that is nothing."""
    # A little room after the title: browsers may set it a few points wider than Graphviz.
    rows = []
    if banner:
        rows.append(f'<FONT POINT-SIZE="{TITLE_SIZE:g}" COLOR="{ALARM}"><B>{html_text(banner)}'
                    "</B></FONT>")  # fmt: skip
    if title:
        lines = html_lines(amap.title, width, words.hyphens)
        bold = f'<FONT POINT-SIZE="{TITLE_SIZE:g}"><B>{lines}</B></FONT>'
        rows.append(
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD ALIGN="LEFT" '
            f'BALIGN="LEFT">{bold}</TD><TD WIDTH="10"></TD></TR></TABLE>'
        )
    if source and amap.source is not None:
        line = " · ".join(clean(part) for part in amap.source.about if clean(part))
        if line:
            shown = html_lines(words("source", source=line), round(width * 1.5))
            rows.append(f'<FONT POINT-SIZE="{WORD_SIZE:g}" COLOR="{MUTED}">{shown}</FONT>')
    if title and (note := instructions(amap)):  # a worksheet's: what to do with its blanks
        shown = html_lines(note, note_width or round(width * 1.2), words.hyphens)
        rows.append(f'<FONT POINT-SIZE="{CLAIM_SIZE:g}">{shown}</FONT>')
    if figure:
        rows.append(word(figure, MUTED))
    if legend:
        rows.append(legend)
    if not rows:
        return ""
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{row}</TD></TR>' for row in rows)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="0">{cells}</TABLE>>'


def banner(draft: Draft | None, words: Words) -> str:
    """What a draft's heading says first: ``DRAFT · 2 ERRORS`` (``· 1 CLAIM LEFT OUT``
    when its shape errors left claims out); "" for a drawing that is no draft."""
    if draft is None:
        return ""
    parts = [words("draft"), words.counted("errors", draft.errors).upper()]
    if draft.left_out:
        parts.append(words.counted("left out", draft.left_out).upper())
    return " · ".join(parts)


#: The most claims a note on a claim's status names; it counts the rest.
UNSEEN_NAMED = 3


def unseen_note(
    evaluation: Evaluation | None,
    claim_id: str,
    outside: Mapping[str, tuple[int, int]] | None = None,
    words: Words = ENGLISH,
) -> str | None:
    """What a claim drawn in a part of a map says under its text about what the part leaves
    out: its reasons and objections there (``outside``, by claim id), e.g. ``2 reasons and 1
    objection outside this part``; and, for a claim drawn defeated or undecided by claims
    outside the part (:meth:`Evaluation.unseen`), which, e.g. ``because of x``. None when the
    drawing shows it all.

    >>> unseen_note(None, "a", {"a": (2, 1)})
    '2 reasons and 1 objection outside this part'
    """
    unseen = evaluation.unseen(claim_id) if evaluation is not None else ()
    reasons, objections = (outside or {}).get(claim_id, (0, 0))
    counted = [
        words.counted(key, number)
        for number, key in ((reasons, "reasons"), (objections, "objections"))
        if number
    ]
    named = ", ".join(unseen[:UNSEEN_NAMED])
    more = len(unseen) - UNSEEN_NAMED
    if more > 0:
        named = words("and more", claims=named, more=more)
    because = words("because", claims=named) if unseen else ""
    if counted:
        said = words("outside", counted=words.listed(counted))
        return said + (f"; {because}" if because else "")
    return words("because outside", because=because) if because else None


def with_note(lines: list[str], note: str | None, words: Words = ENGLISH) -> list[str]:
    return [*lines, "", words("note", note=clean(note))] if note and clean(note) else lines


def claim_tooltip(claim: Claim, words: Words = ENGLISH, errors: tuple[str, ...] = ()) -> str:
    """A claim's text (when the drawing may show its label instead), its quotes, one a line
    (its text when it has none), then its note; in a draft, first the ``errors`` it carries,
    one a line under ``Errors:``."""
    lines = [clean(quote.text) for quote in claim.quotes] or [clean(claim.text)]
    if claim.label and claim.quotes:
        lines = [clean(claim.text), "", *lines]
    if errors:
        lines = [words("errors"), *(f"- {clean(error)}" for error in errors), "", *lines]
    return tooltip("\n".join(with_note(lines, claim.note, words)))


__all__ = [
    "banner",
    "claim_label",
    "claim_tooltip",
    "kind_word",
    "short_text",
    "shorten",
    "struck_lines",
    "title_label",
    "unseen_note",
    "with_note",
]
