"""What a figure uses → its legend: one small sample of each kind of claim and of link it draws,
in rows under the figure's title (part of the graph's label, so it never moves a claim)."""

from __future__ import annotations

import math
import re
from collections.abc import Collection

import graphviz

from argmap.draw.labels import word
from argmap.draw.metrics import Unmeasured
from argmap.draw.metrics import text_width as measured
from argmap.draw.style import (
    DRAFT_ERROR,
    EDGE_ATTRS,
    EDGE_STYLES,
    FLAT_GAP,
    KIND_STYLES,
    MUTED,
    NODESEP,
    OPPONENT,
    RESTATEMENT,
    STATUS_STYLES,
    WORD_SIZE,
    Edge,
    EdgeStyle,
    own,
)
from argmap.draw.text import esc_string, html_text, tooltip
from argmap.model import Kind
from argmap.words import ENGLISH, Words

#: Points between the legend's entries.
SPACING = 6
#: How much wider than Graphviz measures it a browser may set a text: Graphviz puts each
#: glyph on a whole pixel of 96 dpi, a browser where its advance ends (in Chromium, in the
#: font an SVG carries, 2.2 % to 2.7 % wider).
BROWSER_WIDER = 0.03
#: The cells of a legend's arrowhead, a point wide each, 9 points high down to 1.
ARROW_STEPS = 9
_STEP = (
    rb'<polygon fill="([^"]+)" stroke="none" points="([-\d.]+),([-\d.]+) [-\d.]+,([-\d.]+) '
    rb'([-\d.]+),[-\d.]+ [-\d.]+,[-\d.]+ [-\d.]+,[-\d.]+"/>\n'
)
_ARROWHEAD = re.compile(_STEP * ARROW_STEPS)


def _apart(nodesep: float) -> str:
    """A flat edge's ``minlen``: how many of the graph's ``nodesep`` make
    :data:`~argmap.draw.style.FLAT_GAP`.

    >>> _apart(NODESEP), _apart(0.1)
    ('3', '7')
    """
    return str(max(1, round(FLAT_GAP / nodesep)))


def _ends(a: str, b: str, backwards: bool) -> tuple[str, str]:
    """The tail and head of a flat edge between ``a`` and ``b``, ``backwards`` from ``b`` (see
    :mod:`argmap.draw.flat`, which also says when the edge is kept in the ranking, ``beside``)."""
    return (b, a) if backwards else (a, b)


def contradiction_edge(
    graph: graphviz.Digraph,
    a: str,
    b: str,
    nodesep: float = NODESEP,
    *,
    backwards: bool = False,
    beside: bool = False,
    words: Words = ENGLISH,
) -> None:
    """Two claims that contradict each other: a dashed line with a bar at both ends (each
    rebuts the other), left out of the ranking so that it does not bend the layout.

    Where the two end up side by side on one rank, Graphviz sets them ``minlen`` times the
    graph's ``nodesep`` apart (a flat edge's least length): at least
    :data:`~argmap.draw.style.FLAT_GAP`, room for the line between the bars. Between
    ranks ``minlen`` does nothing, the edge being outside the ranking."""
    look = EDGE_STYLES[Edge.ATTACK]
    graph.edge(
        *_ends(a, b, backwards),
        id=esc_string(f"contradiction--{a}--{b}"),
        **own(EDGE_ATTRS, look.attrs()),
        dir="both",
        arrowtail=look.arrowhead,
        constraint=None if beside else "false",
        minlen=_apart(nodesep),
        tooltip=tooltip(words("contradict tip", a=a, b=b)),
        **{"class": "contradiction"},
    )


def restatement_edge(
    graph: graphviz.Digraph,
    a: str,
    b: str,
    nodesep: float = NODESEP,
    tip: str | None = None,
    *,
    backwards: bool = False,
    beside: bool = False,
    words: Words = ENGLISH,
) -> None:
    """Two claims that are one statement in other words (``a`` restates ``b``): a double
    line, no arrowheads, left out of the ranking like a contradiction, and like one set at
    least :data:`~argmap.draw.style.FLAT_GAP` apart when side by side on one rank, so that
    the double line between them is long enough to be seen as one."""
    graph.edge(
        *_ends(a, b, backwards),
        id=esc_string(f"restatement--{a}--{b}"),
        **own(EDGE_ATTRS, RESTATEMENT.attrs()),
        dir="none",
        constraint=None if beside else "false",
        minlen=_apart(nodesep),
        tooltip=tooltip(tip or words("restates tip", a=a, b=b)),
        **{"class": "restatement"},
    )


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """How wide ``text`` is set at ``size`` points: as Graphviz sets it in the shipped font
    (:func:`argmap.draw.metrics.text_width`), else (a character it lacks) about as wide as
    a sans-serif sets it, capitals and bold wider: enough to break the legend into rows.

    >>> text_width("PREMISE", 10, bold=True), round(text_width("PREMISE 中", 10, bold=True))
    (42.0, 61)
    """
    try:
        return measured(text, size, bold=bold)
    except Unmeasured:
        em = sum(0.68 if c.isupper() else 0.3 if c in " .,:;il" else 0.56 for c in text)
        return em * size * (1.08 if bold else 1.0)


def _kind(kind: Kind, words: Words) -> tuple[str, float]:
    look, said = KIND_STYLES[kind], words(kind.value)
    rounded = ' STYLE="rounded"' if "rounded" in look.style else ""
    inner = (
        f'<TABLE BORDER="1" CELLBORDER="0" CELLPADDING="2" CELLSPACING="0"{rounded} '
        f'COLOR="{look.line}" BGCOLOR="{look.fill}"><TR><TD>{word(said, look.accent)}'
        "</TD></TR></TABLE>"
    )
    if look.peripheries == 2:
        inner = (
            f'<TABLE BORDER="1" CELLBORDER="0" CELLPADDING="1" CELLSPACING="0"{rounded} '
            f'COLOR="{look.line}"><TR><TD>{inner}</TD></TR></TABLE>'
        )
    extra = 10 if look.peripheries == 2 else 6
    return inner, text_width(said, WORD_SIZE, bold=True) + extra


def _line(look: EdgeStyle, head: str, words: str) -> tuple[str, float]:
    """A short line in a link's style ending in its head (an arrow, a bar, bars at both
    ends), and what it means."""
    dash = {"solid": "", "dashed": ' STYLE="dashed"', "dotted": ' STYLE="dotted"'}[look.style]
    thick = max(1, round(float(look.penwidth)))
    line = f'<TD WIDTH="30" HEIGHT="5" SIDES="B" BORDER="{thick}" COLOR="{look.color}"{dash}></TD>'
    bar = f'<TD ROWSPAN="2" WIDTH="2" HEIGHT="12" SIDES="L" BORDER="2" COLOR="{look.color}"></TD>'
    if head == "tee":
        cells = line + bar
    elif head == "both":
        cells = bar + line + bar
    else:
        # An arrowhead of cells, each shorter than the one before: the shipped font has no
        # arrow glyph, and a character the font lacks would be drawn in another. An SVG gets
        # one triangle in their place (smooth_arrowheads); PNG and PDF keep the steps, a
        # point wide each.
        steps = "".join(
            f'<TD VALIGN="MIDDLE"><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">'
            f'<TR><TD WIDTH="1" HEIGHT="{high}" FIXEDSIZE="TRUE" BGCOLOR="{look.color}"></TD>'
            "</TR></TABLE></TD>"
            for high in range(ARROW_STEPS, 0, -1)
        )
        # Of a fixed size, so that Graphviz, spreading a row of the legend wider, cannot
        # spread the steps apart into a comb.
        cells = line + f'<TD ROWSPAN="2" VALIGN="MIDDLE" WIDTH="{ARROW_STEPS}" HEIGHT="10" ' \
            f'FIXEDSIZE="TRUE"><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">' \
            f'<TR>{steps}</TR></TABLE></TD>'  # fmt: skip
    sample = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f'<TR>{cells}</TR><TR><TD HEIGHT="5"></TD></TR></TABLE>'
    )
    return _with_words(sample, words), 48 + text_width(words, WORD_SIZE) + slack(words)


def _with_words(sample: str, words: str) -> str:
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f"<TD>{sample}</TD><TD>&#160;</TD>"
        f'<TD><FONT POINT-SIZE="{WORD_SIZE:g}" COLOR="{MUTED}">{html_text(words)}</FONT></TD>'
        f"{_room(words)}</TR></TABLE>"
    )


def slack(words: str) -> int:
    """The points an entry ending in ``words`` needs beyond their measured width, so that a
    browser setting them :data:`BROWSER_WIDER` stays a point clear of the next entry,
    :data:`SPACING` on: none for all but long words.

    >>> slack("claims that support only together"), slack("x" * 120)
    (0, 14)
    """
    return max(0, math.ceil(text_width(words, WORD_SIZE) * BROWSER_WIDER - SPACING + 1))


def _room(words: str) -> str:
    """An empty cell :func:`slack` wide after ``words`` ("" for none)."""
    return f'<TD WIDTH="{slack(words)}"></TD>' if slack(words) else ""


def smooth_arrowheads(svg: bytes) -> bytes:
    r"""Graphviz's SVG with each legend arrowhead (:data:`ARROW_STEPS` cells of one colour,
    a point wide, each shorter than the one before, side by side or less than a point apart
    where Graphviz spread a row of the legend wider) drawn as the one triangle they outline.

    >>> def cells(step):
    ...     corners = b"%g,-%g %g,-%g %g,-%g %g,-%g %g,-%g"
    ...     polygon = b'<polygon fill="#333" stroke="none" points="' + corners + b'"/>\n'
    ...     steps = ((10 + n * step, 0.5 + n / 2, 9.5 - n / 2) for n in range(9))
    ...     return b"".join(polygon % (x, t, x, b, x + 1, b, x + 1, t, x, t) for x, t, b in steps)
    >>> smooth_arrowheads(b"<g>\n" + cells(1) + b"</g>")
    b'<g>\n<polygon fill="#333" stroke="none" points="10,-0.5 19,-5 10,-9.5 10,-0.5"/>\n</g>'
    >>> smooth_arrowheads(b"<g>\n" + cells(1.125) + b"</g>")
    b'<g>\n<polygon fill="#333" stroke="none" points="10,-0.5 20,-5 10,-9.5 10,-0.5"/>\n</g>'
    """

    def triangle(run: re.Match[bytes]) -> bytes:
        groups = [run.groups()[n : n + 5] for n in range(0, 5 * ARROW_STEPS, 5)]
        fills = {fill for fill, *_ in groups}
        lefts = [float(left) for _, left, *_ in groups]
        rights = [float(right) for *_, right in groups]
        if len(fills) != 1 or any(
            abs(r - left - 1) > 0.02 for left, r in zip(lefts, rights, strict=True)
        ):
            return run.group()
        if any(not -0.02 < lefts[n + 1] - rights[n] < 1 for n in range(ARROW_STEPS - 1)):
            return run.group()
        _, x, bottom, top, _ = groups[0]
        middle = (float(bottom) + float(top)) / 2
        tip = f"{rights[-1]:g},{middle:g}".encode()
        points = b"%s,%s %s %s,%s %s,%s" % (x, bottom, tip, x, top, x, bottom)
        return b'<polygon fill="%s" stroke="none" points="%s"/>\n' % (groups[0][0], points)

    return _ARROWHEAD.sub(triangle, svg)


#: What the undercuts of a figure attack, in its legend: steps, attacks (``undercut-attack``:
#: an objection granted but denied to defeat its target), or both.
_LABELS = {  # what the labels by the lines say: reasons' schemes, objections' questions
    frozenset({"scheme"}): "scheme label",
    frozenset({"question"}): "question label",
    frozenset({"scheme", "question"}): "both labels",
}
_UNDERCUTS = {
    frozenset({"undercut"}): "undercuts a step",
    frozenset({"undercut-attack"}): "undercuts an attack",
    frozenset({"undercut", "undercut-attack"}): "undercuts either",
}


def entries(used: Collection[str], words: Words = ENGLISH) -> list[tuple[str, float]]:
    """The legend's entries for what a figure uses (kinds, ``implicit``, ``support``,
    ``attack``, ``undercut`` (of a step), ``undercut-attack``, ``contradiction``, ``linked``
    and statuses by their values),
    each with about its width in points, in ``words``."""
    cells: list[tuple[str, float]] = []
    for kind in (Kind.PREMISE, Kind.CONCLUSION, Kind.RECOMMENDATION):
        if kind.value in used:
            cells.append(_kind(kind, words))
    if "implicit" in used:
        cells.append((
            '<TABLE BORDER="1" CELLBORDER="0" CELLPADDING="2" CELLSPACING="0" STYLE="dashed" '
            f'COLOR="{MUTED}"><TR><TD>{word(words("implicit"), MUTED)}</TD></TR></TABLE>',
            text_width(words("implicit"), WORD_SIZE, bold=True) + 6,
        ))  # fmt: skip
    undercut = {"undercut", "undercut-attack"} & set(used)
    links = [
        ("support", Edge.SUPPORT, "normal", "supports"),
        ("attack", Edge.ATTACK, "tee", "attacks"),
        ("undercut", Edge.UNDERCUT, "tee", _UNDERCUTS[frozenset(undercut)] if undercut else ""),
        ("contradiction", Edge.ATTACK, "both", "contradict"),
    ]
    for key, relation, head, says in links:
        if key in used or (key == "undercut" and undercut):
            cells.append(_line(EDGE_STYLES[relation], head, words(says)))
    if "restatement" in used:
        colour = EDGE_STYLES[Edge.SUPPORT].color
        double = (
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
            f'<TR><TD WIDTH="30" HEIGHT="3" SIDES="B" BORDER="1" COLOR="{colour}"></TD></TR>'
            f'<TR><TD WIDTH="30" HEIGHT="2" SIDES="B" BORDER="1" COLOR="{colour}"></TD></TR>'
            "</TABLE>"
        )
        says = words("restates")
        cells.append((_with_words(double, says), 36 + text_width(says, WORD_SIZE) + slack(says)))
    if "opponent" in used:
        sample = (
            f'<TABLE BORDER="3" CELLBORDER="0" CELLPADDING="2" CELLSPACING="0" '
            f'COLOR="{OPPONENT["color"]}"><TR><TD>{word(words("opponent"), MUTED)}</TD></TR>'
            "</TABLE>"
        )
        cells.append((sample, text_width(words("opponent"), WORD_SIZE, bold=True) + 10))
    if "analyst's" in used:  # the analyst's own claims, not the text's (a fact-checker's)
        tag, says = words("analyst's"), words("analyst's means")
        sample = (
            f'<TABLE BORDER="3" CELLBORDER="0" CELLPADDING="2" CELLSPACING="0" '
            f'COLOR="{OPPONENT["color"]}"><TR><TD>{word(tag, MUTED)}</TD></TR></TABLE>'
        )
        wide = text_width(tag, WORD_SIZE, bold=True) + 14 + text_width(says, WORD_SIZE)
        cells.append((_with_words(sample, says), wide + slack(says)))
    if "draft-error" in used:
        sample = (
            f'<TABLE BORDER="2" CELLBORDER="0" CELLPADDING="2" CELLSPACING="0" STYLE="dotted" '
            f'COLOR="{DRAFT_ERROR["color"]}"><TR><TD WIDTH="26" HEIGHT="10"></TD></TR></TABLE>'
        )
        says = words("draft means")
        wide = 40 + text_width(says, WORD_SIZE)
        cells.append((_with_words(sample, says), wide + slack(says)))
    if "scheme" in used or "question" in used:
        says = words(_LABELS[frozenset({"scheme", "question"} & set(used))])
        text = f'<FONT POINT-SIZE="{WORD_SIZE:g}" COLOR="{MUTED}">{html_text(says)}</FONT>'
        if slack(says):
            text = (
                '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
                f"<TD>{text}</TD>{_room(says)}</TR></TABLE>"
            )
        cells.append((text, text_width(says, WORD_SIZE) + slack(says)))
    if "linked" in used:
        dot = (
            f'<FONT POINT-SIZE="{WORD_SIZE:g}" COLOR="{EDGE_STYLES[Edge.SUPPORT].color}">'
            "<B>&#8226;</B></FONT>"
        )
        says = words("linked")
        cells.append((_with_words(dot, says), 14 + text_width(says, WORD_SIZE) + slack(says)))
    for status, look in STATUS_STYLES.items():
        if status.value in used:
            said, meaning = words(status.value), words(status.value + " means")
            sample = word(said, look.badge)
            wide = text_width(said, WORD_SIZE, bold=True) + 8 + text_width(meaning, WORD_SIZE)
            cells.append((_with_words(sample, meaning), wide + slack(meaning)))
    return cells


def legend(used: Collection[str], room: float, title: float, words: Words = ENGLISH) -> str:
    """The legend's rows, each at most ``room`` points wide, as one HTML-like table ("" for
    none), in ``words``. Graphviz stretches a nested table to its cell, so a row narrower
    than the title (``title`` points wide) ends in an empty cell that takes up the
    difference."""
    rows: list[list[tuple[str, float]]] = [[]]
    for cell in entries(used, words):
        wide = sum(w + SPACING for _, w in rows[-1]) + SPACING
        if rows[-1] and wide + cell[1] + SPACING > room:
            rows.append([])
        rows[-1].append(cell)
    if not rows[0]:
        return ""
    naturals = [sum(w + SPACING for _, w in row) + SPACING for row in rows]
    target = max(title, *naturals)
    out = []
    for row, natural in zip(rows, naturals, strict=True):
        inner = "".join(f'<TD ALIGN="LEFT">{html}</TD>' for html, _ in row)
        if natural < target - 1:
            inner += f'<TD WIDTH="{target - natural:.0f}"></TD>'
        out.append(
            f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{SPACING}" CELLPADDING="0">'
            f"<TR>{inner}</TR></TABLE>"
        )
    return (
        out[0]
        if len(out) == 1
        else (
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
            + "".join(f'<TR><TD ALIGN="LEFT">{row}</TD></TR>' for row in out)
            + "</TABLE>"
        )
    )


__all__ = ["contradiction_edge", "entries", "legend", "restatement_edge", "slack", "text_width"]
