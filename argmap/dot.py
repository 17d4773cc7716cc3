"""Argument map → graphviz.Digraph: claims as labelled boxes, reasons and objections as edges."""

from __future__ import annotations

import enum
import html
import re
import textwrap
import unicodedata

import attrs
import graphviz

from argmap.model import ArgumentMap, Claim, Kind, Reason

# --- look ---------------------------------------------------------------------------------

FONT = "Helvetica,Arial,sans-serif"
WRAP_WIDTH = 34
"""Claim text is wrapped to lines of about this many character cells."""
INK = "#1f2328"
MUTED = "#57606a"


@attrs.frozen
class KindStyle:
    """How one kind of claim looks: the word above its text, its shape and its colours."""

    word: str
    style: str
    fill: str
    line: str
    accent: str
    peripheries: int = 1
    shape: str = "box"


# Okabe-Ito hues (blue, bluish green, orange) for borders, light tints of them for fills, and
# darker shades for the kind word so small type keeps its contrast. Told apart without colour
# by corners: square premises, rounded conclusions, double-bordered recommendations.
KIND_STYLES: dict[Kind, KindStyle] = {
    Kind.PREMISE: KindStyle("PREMISE", "filled", "#eaf3fa", "#0072b2", "#005a8c"),
    Kind.CONCLUSION: KindStyle("CONCLUSION", "rounded,filled", "#e3f4ee", "#009e73", "#00694c"),
    Kind.RECOMMENDATION: KindStyle(
        "RECOMMENDATION", "rounded,filled", "#fdf0d5", "#e69f00", "#8a5a00", peripheries=2
    ),
}


class Relation(enum.Enum):
    """The kinds of edge; a value is the edge's SVG class and the first word of its id."""

    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"


@attrs.frozen
class EdgeStyle:
    style: str
    arrowhead: str
    color: str
    penwidth: str
    arrowsize: str = "0.8"


# Told apart without colour: solid with an arrow, dashed with a bar (⊣), dotted with a bar.
EDGE_STYLES: dict[Relation, EdgeStyle] = {
    Relation.SUPPORT: EdgeStyle("solid", "normal", "#4d5560", "1.3"),
    Relation.ATTACK: EdgeStyle("dashed", "tee", "#d55e00", "1.6", arrowsize="1.1"),
    Relation.UNDERCUT: EdgeStyle("dotted", "tee", "#b4457f", "2.2", arrowsize="1.1"),
}

JUNCTION: dict[str, str] = {
    "shape": "point",
    "width": "0.09",
    "color": EDGE_STYLES[Relation.SUPPORT].color,
}

GRAPH_ATTRS: dict[str, str] = {
    "id": "argmap_graph",  # explicit ids everywhere: Graphviz's own (node1...) could be slugs
    "class": "argmap",
    "rankdir": "BT",
    "newrank": "true",
    "nodesep": "0.35",
    "ranksep": "0.45",
    "pad": "0.3",
    "bgcolor": "white",
    "fontname": FONT,
    "fontcolor": INK,
    "labelloc": "t",
    "labeljust": "l",
    "outputorder": "edgesfirst",
}
NODE_ATTRS: dict[str, str] = {
    "fontname": FONT,
    "fontsize": "12",
    "fontcolor": INK,
    "penwidth": "1.3",
    "margin": "0.14,0.08",
}
EDGE_ATTRS: dict[str, str] = {
    "fontname": FONT,
    "fontsize": "9",
    "fontcolor": MUTED,
}

# --- the one place user text is made safe -------------------------------------------------

# Bidirectional embeddings, overrides and isolates: they could reorder the text around them.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_UNCARRIABLE = frozenset("\ufffe\uffff")  # not XML characters
_BREAKING_SPACE = re.compile(r"[^\S\xa0\u2007\u202f]")  # white space but no-break spaces
_SPACE_RUN = re.compile(r"\s*[ ]\s*")  # a run of white space that may break


def clean(text: str) -> str:
    """Text on one line, without characters Graphviz or XML cannot carry.

    The loader rejects such characters already; this is the last line of defence. White space
    becomes single spaces (so wrapping loses none of it); no-break spaces stay where they are
    not next to a space.

    >>> clean(" a\\n\\tb\\x00c \\x00 \\u202e\\u3000\\xa0d\\xa0e ")
    'a bc d\\xa0e'
    """
    text = "".join(
        ch
        for ch in _BREAKING_SPACE.sub(" ", text)
        if unicodedata.category(ch) not in ("Cc", "Cs") and ch not in _BIDI | _UNCARRIABLE
    )
    return _SPACE_RUN.sub(" ", text).strip()


def html_text(text: str) -> str:
    r"""Text for an HTML-like label: XML-escaped, backslashes doubled.

    Graphviz expands ``\N``, ``\G`` and the like even in HTML-like labels, and reads ``\\``
    as one backslash.

    >>> print(html_text('a <b> & "c" \\N'))
    a &lt;b&gt; &amp; &quot;c&quot; \\N
    """
    return html.escape(clean(text), quote=True).replace("\\", "\\\\")


def esc_string(text: str, *, passes: int = 1, newlines: bool = False) -> str:
    r"""Text for an escString attribute (``URL``, ``id``, ``tooltip``) to come out literally.

    Graphviz decodes entities in these, so ``&`` is written ``&amp;``, and each of its escape
    passes halves backslashes: ``URL`` and ``id`` go through one, ``tooltip`` through two
    (``\n``/``\l`` handling, then ``\N`` substitution). With ``newlines``, line breaks in
    ``text`` are kept as ``\n``. The result is marked ``nohtml`` and quoted by ``graphviz``.

    >>> print(esc_string('C:\\x & y'))
    C:\\x &amp; y
    """
    lines = text.split("\n") if newlines else [text]
    backslashes = "\\" * 2**passes
    escaped = [clean(line).replace("&", "&amp;").replace("\\", backslashes) for line in lines]
    return graphviz.nohtml("\\n".join(escaped))


def tooltip(text: str) -> str:
    """A tooltip attribute; the lines of ``text`` stay lines."""
    return esc_string(text, passes=2, newlines=True)


def _cells(ch: str) -> int:
    """Columns a character takes: two for wide East Asian ones, none for marks."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _is_regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def _joins_previous(text: str, i: int) -> bool:
    """Whether ``text[i]`` belongs with the character before it (same cluster)."""
    ch, code = text[i], ord(text[i])
    if "\u200d" in (ch, text[i - 1]) or unicodedata.category(ch) in ("Mn", "Me", "Mc"):
        return True  # zero-width joiner or a combining mark
    if 0xFE00 <= code <= 0xFE0F or 0xE0020 <= code <= 0xE01EF or 0x1F3FB <= code <= 0x1F3FF:
        return True  # variation selector, emoji tag, skin tone
    if _is_regional(ch):  # flags are pairs of regional indicators
        run = 0
        while run < i and _is_regional(text[i - run - 1]):
            run += 1
        return run % 2 == 1
    return False


def _hard_break(line: str, width: int) -> list[str]:
    """A line wider than ``width`` cells in pieces, never splitting a character cluster."""
    pieces: list[str] = []
    start = used = 0
    for i, ch in enumerate(line):
        if used + _cells(ch) > width and i > start and not _joins_previous(line, i):
            pieces.append(line[start:i])
            start, used = i, 0
        used += _cells(ch)
    pieces.append(line[start:])
    return pieces


def wrap(text: str, width: int = WRAP_WIDTH) -> list[str]:
    """Cleaned text in lines of about ``width`` cells (wide East Asian characters count two).

    Words longer than a line are broken between characters, never inside a cluster.

    >>> wrap("Central Asia could supply non-Russian energy.", 20)
    ['Central Asia could', 'supply non-Russian', 'energy.']
    """
    lines = textwrap.wrap(clean(text), width=width, break_long_words=False)
    return [piece for line in lines for piece in _hard_break(line, width)] or [""]


def html_lines(text: str, width: int = WRAP_WIDTH) -> str:
    """Text wrapped, then escaped (so no entity is ever split), lines joined by ``<BR/>``."""
    return "<BR/>".join(html_text(line) for line in wrap(text, width))


# --- labels and tooltips ------------------------------------------------------------------


def claim_label(kind: Kind, text: str, *, width: int = WRAP_WIDTH, size: int = 12) -> str:
    """The HTML-like label of a claim: its kind in small capitals, its text below."""
    look = KIND_STYLES[kind]
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{max(size - 4, 7)}" COLOR="{look.accent}">'
        f"<B>{look.word}</B></FONT></TD></TR>"
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{size}">{html_lines(text, width)}'
        "</FONT></TD></TR></TABLE>>"
    )


def title_label(amap: ArgumentMap) -> str:
    """The graph label: the map's title, and the source's title, publisher and date below."""
    rows = [f'<FONT POINT-SIZE="20"><B>{html_lines(amap.title, 60)}</B></FONT>']
    if amap.source is not None:
        about = (amap.source.title, amap.source.publisher, amap.source.date)
        line = " · ".join(clean(part) for part in about if part and clean(part))
        if line:
            source = html_lines("Source: " + line, 100)
            rows.append(f'<FONT POINT-SIZE="11" COLOR="{MUTED}">{source}</FONT>')
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{row}</TD></TR>' for row in rows)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="0">{cells}</TABLE>>'


def _with_note(lines: list[str], note: str | None) -> list[str]:
    return [*lines, "", "Note: " + clean(note)] if note and clean(note) else lines


def claim_tooltip(claim: Claim) -> str:
    """A claim's quotes, one a line (its text when it has none), then its note."""
    lines = [clean(quote.text) for quote in claim.quotes] or [clean(claim.text)]
    return tooltip("\n".join(_with_note(lines, claim.note)))


# --- the graph ----------------------------------------------------------------------------


def junction_name(target: Claim, number: int) -> str:
    """Name and SVG id of the point where reason ``number`` (from 1) of ``target`` meets.

    ``--`` cannot occur in a claim id, so a junction never clashes with a claim.
    """
    return f"reason--{target.id}--{number}"


def _edge(
    graph: graphviz.Digraph,
    relation: Relation,
    tail: str,
    head: str,
    tip: str,
    *,
    arrow: bool = True,
    member: bool = False,
) -> None:
    """An edge with id ``<relation>--<tail>--<head>`` and class ``<relation>``."""
    look = EDGE_STYLES[relation]
    graph.edge(
        tail,
        head,
        id=esc_string(f"{relation.value}--{tail}--{head}"),
        style=look.style,
        color=look.color,
        penwidth=look.penwidth,
        arrowhead=look.arrowhead if arrow else "none",
        arrowsize=look.arrowsize,
        tooltip=tooltip(tip),
        **{"class": relation.value + (" member" if member else "")},
    )


def _claim(graph: graphviz.Digraph, claim: Claim) -> None:
    look = KIND_STYLES[claim.kind]
    extra = {"URL": esc_string(claim.url), "target": "_blank"} if claim.url else {}
    graph.node(
        claim.id,
        label=claim_label(claim.kind, claim.text),
        id=esc_string(claim.id),
        shape=look.shape,
        style=look.style,
        fillcolor=look.fill,
        color=look.line,
        peripheries=str(look.peripheries),
        tooltip=claim_tooltip(claim),
        **{"class": f"claim {claim.kind.value}"},
        **extra,
    )


def _reason(graph: graphviz.Digraph, target: Claim, number: int, reason: Reason) -> None:
    """A reason's edges: direct for one claim; through a junction point when several claims
    support jointly (linked) or when the step is undercut, so the undercut has a target."""
    members = [ref.id for ref in reason.claims]
    note = _with_note([], reason.note)
    if len(members) == 1 and not reason.objections:
        tip = [f"{members[0]} supports {target.id}", *note]
        _edge(graph, Relation.SUPPORT, members[0], target.id, "\n".join(tip))
        return
    junction = junction_name(target, number)
    step = f"{' + '.join(members)} → {target.id}"
    graph.node(
        junction,
        label="",
        id=esc_string(junction),
        tooltip=tooltip("\n".join([step, *note])),
        **{"class": "reason linked" if reason.linked else "reason"},
        **JUNCTION,
    )
    for member in members:
        _edge(graph, Relation.SUPPORT, member, junction, step, arrow=False, member=True)
    _edge(graph, Relation.SUPPORT, junction, target.id, "\n".join([step, *note]))
    for ref in reason.objections:
        _edge(graph, Relation.UNDERCUT, ref.id, junction, f"{ref.id} undercuts {step}")


def _legend(graph: graphviz.Digraph) -> None:
    """A small worked example: the three kinds of claim and the four kinds of link.

    Legend names contain ``_``, which a claim id (a slug) cannot, so they never clash.
    """
    samples = {
        "legend_recommendation": (Kind.RECOMMENDATION, "what should be done"),
        "legend_conclusion": (Kind.CONCLUSION, "what the text derives"),
        "legend_premise": (Kind.PREMISE, "what the text asserts"),
        "legend_premise_2": (Kind.PREMISE, "a second premise"),
        "legend_objection": (Kind.PREMISE, "an objection"),
        "legend_undercutter": (Kind.PREMISE, "doubts the step"),
    }
    links = [
        (Relation.SUPPORT, "legend_conclusion", "legend_recommendation", "supports"),
        (Relation.SUPPORT, "legend_premise", "legend_junction", ""),
        (Relation.SUPPORT, "legend_premise_2", "legend_junction", ""),
        (Relation.SUPPORT, "legend_junction", "legend_conclusion", "linked reason"),
        (Relation.ATTACK, "legend_objection", "legend_conclusion", "attacks"),
        (Relation.UNDERCUT, "legend_undercutter", "legend_junction", "undercuts"),
    ]
    with graph.subgraph(name="cluster_legend") as legend:
        legend.attr(
            id="cluster_legend",
            label=f'<<FONT POINT-SIZE="10" COLOR="{MUTED}"><B>LEGEND</B></FONT>>',
            labeljust="l",
            labelloc="b",  # with rankdir=BT, a cluster's "b" is its top
            style="rounded",
            color="#d0d7de",
            penwidth="1",
            margin="10",
            **{"class": "legend"},
        )
        for name, (kind, text) in samples.items():
            look = KIND_STYLES[kind]
            legend.node(
                name,
                label=claim_label(kind, text, width=22, size=9),
                id=name,
                shape=look.shape,
                style=look.style,
                fillcolor=look.fill,
                color=look.line,
                peripheries=str(look.peripheries),
                margin="0.08,0.04",
                tooltip=kind.value,
                **{"class": f"legend-sample {kind.value}"},
            )
        legend.node("legend_junction", label="", id="legend_junction", **JUNCTION)
        member = (Relation.SUPPORT, "legend_junction")  # members meet the junction, no arrow
        for relation, tail, head, text in links:
            look = EDGE_STYLES[relation]
            legend.edge(
                tail,
                head,
                label=f" {text}" if text else None,
                id=f"{tail}_{relation.value}_{head}",
                style=look.style,
                color=look.color,
                penwidth=look.penwidth,
                arrowhead="none" if (relation, head) == member else look.arrowhead,
                arrowsize=look.arrowsize,
                tooltip=text or "linked reason",
                **{"class": f"legend-sample {relation.value}"},
            )


def build(amap: ArgumentMap, *, legend: bool = True) -> graphviz.Digraph:
    """The diagram of a map, bottom to top: reasons below what they support.

    Nodes are named by claim id and keep file order; where an id is duplicated the first
    claim is drawn, and references to unknown claims are left out (``check`` reports both).
    Pure: no I/O, nothing time-, random- or version-dependent.

    Args:
        amap: The map, best checked first.
        legend: Whether to draw the legend (cluster ``cluster_legend``).
    """
    graph = graphviz.Digraph(
        name="argmap",
        graph_attr={**GRAPH_ATTRS, "label": title_label(amap)},
        node_attr=NODE_ATTRS,
        edge_attr=EDGE_ATTRS,
    )
    claims = amap.by_id()
    drawn = [claim for claim in amap.claims if claims[claim.id] is claim]
    for claim in drawn:
        _claim(graph, claim)
    for claim in drawn:
        for number, reason in enumerate(claim.reasons, 1):
            known = attrs.evolve(
                reason,
                claims=tuple(ref for ref in reason.claims if ref.id in claims),
                objections=tuple(ref for ref in reason.objections if ref.id in claims),
            )
            if known.claims:
                _reason(graph, claim, number, known)
        for ref in claim.objections:
            if ref.id in claims:
                _edge(graph, Relation.ATTACK, ref.id, claim.id, f"{ref.id} attacks {claim.id}")
    if legend:
        _legend(graph)
    return graph


def to_dot(amap: ArgumentMap, *, legend: bool = True) -> str:
    """The DOT source of :func:`build`'s diagram."""
    return build(amap, legend=legend).source
