"""A map, and a fitted figure of it → what it shows, in words, for readers who cannot see it:
the SVG's ``<desc>``, in the map's language (:func:`argmap.words.vocabulary`)."""

from __future__ import annotations

from argmap.analysis.evaluate import Evaluation, Status
from argmap.analysis.figures import Figure, How
from argmap.analysis.sides import own
from argmap.analysis.summary import main_thesis, one_line, thesis
from argmap.model import ArgumentMap, Kind
from argmap.words import ENGLISH, Words, vocabulary


def numbered(numbers: tuple[int, ...] | list[int], words: Words = ENGLISH) -> str:
    """Figures by number, as a sentence names them.

    >>> numbered([2]), numbered([2, 3]), numbered([2, 3, 5])
    ('figure 2', 'figures 2 and 3', 'figures 2, 3 and 5')
    """
    return _figures(words, "figure n", numbers)


def _figures(words: Words, key: str, numbers: tuple[int, ...] | list[int]) -> str:
    """``key`` (``continued in``, ``used in``) naming figures by number, listed as a sentence
    lists them (``figures 2 and 3``)."""
    if len(numbers) == 1:
        return words.typeset(key, n=numbers[0])
    many = "figures n" if key == "figure n" else key + " many"
    return words.typeset(many, ns=words.listed([str(n) for n in numbers]))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def summary(amap: ArgumentMap) -> str:
    """A plain-text account of a map for readers who cannot see it: its size (the analyst's
    own claims counted apart), its source, its main thesis and its recommendations. The
    SVG's ``<desc>``."""
    words = vocabulary(amap.lang)
    claims = list(amap.by_id().values())
    mine = own(amap)  # the analyst's own claims, counted apart as they are drawn apart
    counts = [words.counted(f"{kind.value}s", n) for kind in Kind
              if (n := sum(c.kind is kind and c.id not in mine for c in claims))]  # fmt: skip
    if mine:
        counts.append(words.counted("analyst's claims", len(mine)))
    lines = [words.typeset("described", counts=", ".join(counts) or words.typeset("no claims"))]
    if amap.source is not None:
        named = ", ".join(one_line(part) for part in amap.source.about)
        if named:
            lines.append(words.typeset("source", source=named) + ".")
    main = main_thesis(amap)
    if main is not None:
        lines.append(words.typeset("main thesis is", text=one_line(main.text)))
    others = [c for c in claims if c.kind is Kind.RECOMMENDATION and c is not main]
    for number, claim in enumerate(others, 1):
        if number == 1:
            lines.append(words.typeset("recommendations list" if len(others) > 1 else
                               "recommendation list"))  # fmt: skip
        lines.append(f"{number}. {one_line(claim.text)}")
    return "\n".join(lines)


def statuses(amap: ArgumentMap, evaluation: Evaluation) -> str:
    """The statuses a drawing with ``--status`` shows, in a line: how many claims stand, and
    the claims that are defeated or undecided, by their text."""
    words = vocabulary(amap.lang)
    found: dict[Status, list[str]] = {status: [] for status in Status}
    for claim in amap.by_id().values():
        found[evaluation.status(claim.id)].append(
            words.typeset("quoted", text=one_line(claim.text))
        )
    parts = [words.counted("stand", len(found[Status.STANDS]))]
    parts += [words.typeset(f"{status.value} list", claims=", ".join(found[status]))
              for status in (Status.DEFEATED, Status.UNDECIDED) if found[status]]  # fmt: skip
    return words.typeset("status", parts=words.typeset("semicolon").join(parts))


def figure_summary(amap: ArgumentMap, figure: Figure, total: int) -> str:
    """What one of ``total`` figures of a map shows, for readers who cannot see it (the start
    of its ``<desc>``): its top claims and where they are used, the figures its branches go
    on in, and the claims it draws in short that are at home in other figures, as its stubs
    say."""
    words = vocabulary(amap.lang)
    claims = amap.by_id()

    def quoted(claim_id: str) -> str:
        return words.typeset("quoted", text=one_line(claims[claim_id].text))

    main = thesis(amap)
    if main is not None and main.id in figure.tops:
        lines = [words.typeset("figure thesis", n=figure.number, total=total)]
    else:
        tops = []
        for top in figure.tops:
            where = (
                [_figures(words, "used in", figure.used_in[top])] if figure.used_in.get(top) else []
            )
            if top in figure.continued_from:
                where.append(_figures(words, "continued from", [figure.continued_from[top]]))
            tops.append(
                quoted(top) + (f" ({words.typeset('semicolon').join(where)})" if where else "")
            )
        key = "figure top" if len(tops) == 1 else "figure tops"
        lines = [words.typeset(key, n=figure.number, total=total, tops=words.listed(tops))]
    for shown in figure.shown:
        if shown.how is How.CONTINUED and shown.where is not None:
            continued = _capital(_figures(words, "continued in", [shown.where]))
            lines.append(
                words.typeset("continued desc", continued=continued, claim=quoted(shown.claim))
            )
    for claim_id, further in figure.more.items():
        continued = _capital(_figures(words, "continued in", further))
        lines.append(words.typeset("more desc", continued=continued, claim=quoted(claim_id)))
    elsewhere = [f"{quoted(s.claim)} ({numbered([s.where], words)})" for s in figure.shown
                 if s.how is How.REF and s.where is not None]  # fmt: skip
    if elsewhere:
        lines.append(words.typeset("elsewhere", claims=", ".join(elsewhere)))
    return "\n".join(lines)


__all__ = ["figure_summary", "numbered", "statuses", "summary"]
