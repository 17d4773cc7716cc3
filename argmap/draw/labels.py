"""Claims, the title and relations → the HTML-like labels and the tooltips Graphviz draws."""

from __future__ import annotations

from argmap.analysis.evaluate import Status
from argmap.draw.style import KIND_STYLES, MUTED, STATUS_STYLES, WRAP_WIDTH
from argmap.draw.text import clean, html_lines, tooltip
from argmap.model import ArgumentMap, Claim, Kind


def claim_label(
    kind: Kind,
    text: str,
    *,
    width: int = WRAP_WIDTH,
    size: int = 12,
    implicit: bool = False,
    status: Status | None = None,
) -> str:
    """The HTML-like label of a claim: its kind in small capitals, its text below.

    An implicit claim's kind reads ``IMPLICIT PREMISE``; a claim that does not stand gets its
    status beside the kind (``DEFEATED``, ``UNDECIDED``), and a defeated one struck text.
    """
    look = KIND_STYLES[kind]
    word = f"IMPLICIT {look.word}" if implicit else look.word
    small = max(size - 4, 7)
    badge, body = "", html_lines(text, width)
    if status in STATUS_STYLES:
        shown = STATUS_STYLES[status]  # type: ignore[index]
        badge = (
            f'<FONT POINT-SIZE="{small}" COLOR="{shown.badge}">'
            f"<B>&#160;&#160;{shown.word}</B></FONT>"
        )
        body = f'<FONT COLOR="{shown.ink}">{f"<S>{body}</S>" if shown.strike else body}</FONT>'
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{small}" COLOR="{look.accent}">'
        f"<B>{word}</B></FONT>{badge}</TD></TR>"
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{size}">{body}'
        "</FONT></TD></TR></TABLE>>"
    )


def title_label(amap: ArgumentMap) -> str:
    """The graph label: the map's title, and the source's title, publisher and date below."""
    rows = [f'<FONT POINT-SIZE="20"><B>{html_lines(amap.title, 60)}</B></FONT>']
    if amap.source is not None:
        line = " · ".join(clean(part) for part in amap.source.about if clean(part))
        if line:
            source = html_lines("Source: " + line, 100)
            rows.append(f'<FONT POINT-SIZE="11" COLOR="{MUTED}">{source}</FONT>')
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{row}</TD></TR>' for row in rows)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="0">{cells}</TABLE>>'


def with_note(lines: list[str], note: str | None) -> list[str]:
    return [*lines, "", "Note: " + clean(note)] if note and clean(note) else lines


def claim_tooltip(claim: Claim) -> str:
    """A claim's quotes, one a line (its text when it has none), then its note."""
    lines = [clean(quote.text) for quote in claim.quotes] or [clean(claim.text)]
    return tooltip("\n".join(with_note(lines, claim.note)))


__all__ = ["claim_label", "claim_tooltip", "title_label", "with_note"]
