"""A fitted figure → what it shows, in words, for readers who cannot see it: the start of
its ``<desc>``, before the whole map's :func:`~argmap.analysis.summary.summary`."""

from __future__ import annotations

from argmap.analysis.figures import Figure, How
from argmap.analysis.summary import one_line, thesis
from argmap.diagnostics import joined
from argmap.model import ArgumentMap


def numbered(numbers: tuple[int, ...] | list[int]) -> str:
    """Figures by number, as a sentence names them.

    >>> numbered([2]), numbered([2, 3]), numbered([2, 3, 5])
    ('figure 2', 'figures 2 and 3', 'figures 2, 3 and 5')
    """
    return ("figure " if len(numbers) == 1 else "figures ") + joined([str(n) for n in numbers])


def figure_summary(amap: ArgumentMap, figure: Figure, total: int) -> str:
    """What one of ``total`` figures of a map shows, for readers who cannot see it (the start
    of its ``<desc>``): its top claims and where they are used, the figures its branches go
    on in, and the claims it draws in short that are at home in other figures, as its stubs
    say."""
    claims = amap.by_id()

    def quoted(claim_id: str) -> str:
        return f"“{one_line(claims[claim_id].text)}”"

    main = thesis(amap)
    if main is not None and main.id in figure.tops:
        lines = [f"Figure {figure.number} of {total}: the main thesis and the claims nearest it."]
    else:
        tops = []
        for top in figure.tops:
            where = [f"used in {numbered(figure.used_in[top])}"] if figure.used_in.get(top) else []
            if top in figure.continued_from:
                where.append(f"continued from {numbered([figure.continued_from[top]])}")
            tops.append(quoted(top) + (f" ({'; '.join(where)})" if where else ""))
        their = "its" if len(tops) == 1 else "their"
        lines = [
            f"Figure {figure.number} of {total}: {joined(tops)}, and {their} reasons and "
            "objections."
        ]
    for shown in figure.shown:
        if shown.how is How.CONTINUED and shown.where is not None:
            lines.append(f"Continued in {numbered([shown.where])}: the reasons and objections "
                         f"of {quoted(shown.claim)}")  # fmt: skip
    for claim_id, further in figure.more.items():
        lines.append(f"Continued in {numbered(further)}: more reasons and objections of "
                     f"{quoted(claim_id)}")  # fmt: skip
    elsewhere = [f"{quoted(s.claim)} ({numbered([s.where])})" for s in figure.shown
                 if s.how is How.REF and s.where is not None]  # fmt: skip
    if elsewhere:
        lines.append(f"Also here, drawn in full elsewhere: {', '.join(elsewhere)}.")
    return "\n".join(lines)


__all__ = ["figure_summary", "numbered"]
