"""Argument map → graphviz.Digraph: claims as labelled boxes, reasons and objections as edges."""

from __future__ import annotations

import enum
import html
import re
import unicodedata

import attrs

# graphviz.Digraph's API and output, written faster and without importing the package.
from argmap import dotsource as graphviz
from argmap.evaluate import Evaluation, Status
from argmap.model import ArgumentMap, Claim, Kind, Objection, Reason, Ref

# --- look ---------------------------------------------------------------------------------

FONT = "Helvetica,Arial,sans-serif"
WRAP_WIDTH = 34
"""Claim text is wrapped to lines of about this many character cells."""
LEGEND_MAX_CLAIMS = 300
"""Maps with more claims are drawn without a legend (see :func:`argmap.api.render_map`)."""
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


@attrs.frozen
class StatusStyle:
    """How a claim that does not stand is drawn (``render --status``): a word beside its kind,
    its fill and its text colour; a defeated claim's text is also struck through. Colours are
    roles the drawing already has (background, muted ink, the attack colour), so themes
    repaint them too; the kind keeps its outline, corners and word."""

    word: str
    badge: str
    fill: str
    ink: str
    strike: bool


STATUS_STYLES: dict[Status, StatusStyle] = {
    Status.DEFEATED: StatusStyle("DEFEATED", EDGE_STYLES[Relation.ATTACK].color, "white", MUTED,
                                 strike=True),
    Status.UNDECIDED: StatusStyle("UNDECIDED", MUTED, "white", MUTED, strike=False),
}  # fmt: skip

#: An implicit claim (a reconstruction the text does not state) has a dashed outline.
IMPLICIT_STYLE = "dashed"

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

_BREAKING_SPACE = re.compile(r"[^\S\xa0\u2007\u202f]")  # white space but no-break spaces
_SPACE_RUN = re.compile(r"\s*[ ]\s*")  # a run of white space that may break
# What clean() drops once white space is a plain space: control characters (Cc), surrogates
# (Cs), the bidirectional embeddings, overrides and isolates (they could reorder the text
# around them), and U+FFFE and U+FFFF (not XML characters). One C scan, not a loop in Python.
_UNDRAWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def clean(text: str) -> str:
    """Text on one line, without characters Graphviz or XML cannot carry.

    The loader rejects such characters already; this is the last line of defence. White space
    becomes single spaces (so wrapping loses none of it); no-break spaces stay where they are
    not next to a space.

    >>> clean(" a\\n\\tb\\x00c \\x00 \\u202e\\u3000\\xa0d\\xa0e ")
    'a bc d\\xa0e'
    """
    if text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]:
        return text  # no white space but single spaces, nothing to drop: clean already
    text = _UNDRAWABLE.sub("", _BREAKING_SPACE.sub(" ", text))
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


class _CellCounts(dict[str, int]):
    """:func:`_cells` of each character met so far (a map's texts use a few hundred)."""

    def __missing__(self, ch: str) -> int:
        self[ch] = cells = _cells(ch)
        return cells


_CELLS = _CellCounts()


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
    cells = len(line) if line.isascii() else sum(map(_CELLS.__getitem__, line))
    if cells <= width:
        return [line]
    pieces: list[str] = []
    start = used = 0
    for i, ch in enumerate(line):
        size = _CELLS[ch]
        if used + size > width and i > start and not _joins_previous(line, i):
            pieces.append(line[start:i])
            start, used = i, 0
        used += size
    pieces.append(line[start:])
    return pieces


def wrap(text: str, width: int = WRAP_WIDTH) -> list[str]:
    """Cleaned text in lines of about ``width`` cells (wide East Asian characters count two).

    Words longer than a line are broken between characters, never inside a cluster.

    >>> wrap("Central Asia could supply non-Russian energy.", 20)
    ['Central Asia could', 'supply non-Russian', 'energy.']
    """
    text = clean(text)
    if "-" in text:  # textwrap also breaks after hyphens
        import textwrap

        lines = textwrap.wrap(text, width=width, break_long_words=False)
    else:
        lines = _fill(text, width)
    return [piece for line in lines for piece in _hard_break(line, width)] or [""]


def _fill(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width, break_long_words=False)`` for clean text without hyphens,
    whose words are what lies between single spaces: the same greedy lines, faster.

    >>> _fill("a bb ccc dddd", 6)
    ['a bb', 'ccc', 'dddd']
    """
    # The longest run of whole words that fits, or else one word longer than a line.
    return re.findall(rf"(.{{1,{width}}}(?= |$)|[^ ]+) ?", text)


def html_lines(text: str, width: int = WRAP_WIDTH) -> str:
    """Text wrapped, then escaped (so no entity is ever split), lines joined by ``<BR/>``."""
    return "<BR/>".join(html_text(line) for line in wrap(text, width))


# --- labels and tooltips ------------------------------------------------------------------


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


def _claim(graph: graphviz.Digraph, claim: Claim, status: Status | None = None) -> None:
    """A claim's node, of class ``claim <kind>`` (+ ``implicit``, + its status if evaluated)."""
    look = KIND_STYLES[claim.kind]
    extra = {"URL": esc_string(claim.url), "target": "_blank"} if claim.url else {}
    classes = ["claim", claim.kind.value]
    classes += ["implicit"] if claim.implicit else []
    classes += [status.value] if status is not None else []
    shown = STATUS_STYLES.get(status) if status is not None else None
    graph.node(
        claim.id,
        label=claim_label(claim.kind, claim.text, implicit=claim.implicit, status=status),
        id=esc_string(claim.id),
        shape=look.shape,
        style=look.style + (f",{IMPLICIT_STYLE}" if claim.implicit else ""),
        fillcolor=shown.fill if shown else look.fill,
        color=look.line,
        peripheries=str(look.peripheries),
        tooltip=claim_tooltip(claim),
        **{"class": " ".join(classes)},
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
    kind = "reason linked" if reason.linked else "reason"
    _joined(graph, Relation.SUPPORT, members, junction, target.id, step, note, kind, JUNCTION)
    _objections(graph, reason.objections, junction, Relation.UNDERCUT, junction, step)


def _joined(
    graph: graphviz.Digraph,
    relation: Relation,
    members: list[str],
    junction: str,
    head: str,
    says: str,
    note: list[str],
    kind: str,
    look: dict[str, str],
) -> None:
    """Claims that act together (a reason's, an objection's): their edges meet at a junction
    point, one edge goes on to ``head``; ``says`` names the step in the tooltips."""
    graph.node(
        junction,
        label="",
        id=esc_string(junction),
        tooltip=tooltip("\n".join([says, *note])),
        **{"class": kind},
        **look,
    )
    for member in members:
        _edge(graph, relation, member, junction, says, arrow=False, member=True)
    _edge(graph, relation, junction, head, "\n".join([says, *note]))


_VERBS = {Relation.ATTACK: "attacks", Relation.UNDERCUT: "undercuts"}


def _objections(
    graph: graphviz.Digraph,
    objections: tuple[Ref | Objection, ...],
    head: str,
    relation: Relation,
    prefix: str,
    what: str,
) -> None:
    """Edges of ``objections`` to ``head``: a claim (``relation`` ATTACK) or the junction of a
    step (UNDERCUT). A plain objection is one edge; one written in full with several claims
    (linked) or with objections of its own meets at a junction ``<prefix>--<number>``, which
    its own objections undercut in turn. ``what`` names the attacked thing in tooltips."""
    verb = _VERBS[relation]
    for number, item in enumerate(objections, 1):
        if isinstance(item, Ref):
            _edge(graph, relation, item.id, head, f"{item.id} {verb} {what}")
            continue
        members = [ref.id for ref in item.claims]
        note = _with_note([], item.note)
        attack = f"{' + '.join(members)} {verb} {what}"
        if len(members) == 1 and not item.objections:
            _edge(graph, relation, members[0], head, "\n".join([attack, *note]))
            continue
        junction = f"{prefix}--{number}"
        kind = "objection linked" if item.linked else "objection"
        look = {**JUNCTION, "color": EDGE_STYLES[relation].color}
        _joined(graph, relation, members, junction, head, attack, note, kind, look)
        _objections(graph, item.objections, junction, Relation.UNDERCUT, junction, attack)


def _known(objections: tuple[Ref | Objection, ...], ids: object) -> tuple[Ref | Objection, ...]:
    """``objections`` without references to unknown claims (and objections left with none)."""
    kept: list[Ref | Objection] = []
    for item in objections:
        if isinstance(item, Ref):
            if item.id in ids:  # type: ignore[operator]
                kept.append(item)
            continue
        members = tuple(ref for ref in item.claims if ref.id in ids)  # type: ignore[operator]
        if members:
            kept.append(attrs.evolve(item, claims=members, objections=_known(item.objections, ids)))
    return tuple(kept)


def _contradiction(graph: graphviz.Digraph, a: str, b: str) -> None:
    """Two claims that contradict each other: a dashed line with a bar at both ends (each
    rebuts the other), left out of the ranking so that it does not bend the layout."""
    look = EDGE_STYLES[Relation.ATTACK]
    graph.edge(
        a,
        b,
        id=esc_string(f"contradiction--{a}--{b}"),
        style=look.style,
        color=look.color,
        penwidth=look.penwidth,
        dir="both",
        arrowhead=look.arrowhead,
        arrowtail=look.arrowhead,
        arrowsize=look.arrowsize,
        constraint="false",
        tooltip=tooltip(f"{a} and {b} contradict each other"),
        **{"class": "contradiction"},
    )


#: Legend samples drawn only for maps that need them: name → (kind, text, implicit, status).
_IMPLICIT_SAMPLE = {
    "legend_implicit": (Kind.PREMISE, "a reconstruction the text does not state", True, None)
}
_CONTRADICTION_SAMPLES = {
    "legend_contradiction_a": (Kind.PREMISE, "a claim", False, None),
    "legend_contradiction_b": (Kind.PREMISE, "contradicts it", False, None),
}
_STATUS_SAMPLES = {
    "legend_stands": (Kind.PREMISE, "no word: it stands", False, Status.STANDS),
    "legend_defeated": (Kind.PREMISE, "an attack on it holds", False, Status.DEFEATED),
    "legend_undecided": (Kind.PREMISE, "caught in an attack cycle", False, Status.UNDECIDED),
}


def _legend(
    graph: graphviz.Digraph,
    *,
    implicit: bool = False,
    contradiction: bool = False,
    status: bool = False,
) -> None:
    """A small worked example: the three kinds of claim and the four kinds of link; and
    where the map has them, an implicit claim, a contradiction, and the statuses.

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
        optional = {
            **(_IMPLICIT_SAMPLE if implicit else {}),
            **(_CONTRADICTION_SAMPLES if contradiction else {}),
            **(_STATUS_SAMPLES if status else {}),
        }
        for name, (kind, text, hidden, shown) in optional.items():
            look = KIND_STYLES[kind]
            paint = STATUS_STYLES.get(shown) if shown is not None else None
            legend.node(
                name,
                label=claim_label(kind, text, width=22, size=9, implicit=hidden, status=shown),
                id=name,
                shape=look.shape,
                style=look.style + (f",{IMPLICIT_STYLE}" if hidden else ""),
                fillcolor=paint.fill if paint else look.fill,
                color=look.line,
                peripheries=str(look.peripheries),
                margin="0.08,0.04",
                tooltip=text,
                **{"class": f"legend-sample {kind.value}" + (f" {shown.value}" if shown else "")},
            )
        if contradiction:
            _contradiction(legend, "legend_contradiction_a", "legend_contradiction_b")
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


def build(
    amap: ArgumentMap, *, legend: bool = True, evaluation: Evaluation | None = None
) -> graphviz.Digraph:
    """The diagram of a map, bottom to top: reasons below what they support.

    Nodes are named by claim id and keep file order; where an id is duplicated the first
    claim is drawn, and references to unknown claims are left out (``check`` reports both).
    Pure: no I/O, nothing time-, random- or version-dependent.

    Args:
        amap: The map, best checked first.
        legend: Whether to draw the legend (cluster ``cluster_legend``).
        evaluation: Draw each claim's status (:func:`argmap.evaluate.evaluate`) on it.
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
        _claim(graph, claim, evaluation.status(claim.id) if evaluation is not None else None)
    for claim in drawn:
        for number, reason in enumerate(claim.reasons, 1):
            known = attrs.evolve(
                reason,
                claims=tuple(ref for ref in reason.claims if ref.id in claims),
                objections=_known(reason.objections, claims),
            )
            if known.claims:
                _reason(graph, claim, number, known)
        rebuttals = _known(claim.objections, claims)
        _objections(graph, rebuttals, claim.id, Relation.ATTACK, f"attack--{claim.id}", claim.id)
    contradicting: set[frozenset[str]] = set()
    for claim in drawn:
        for ref in claim.contradicts:
            pair = frozenset((claim.id, ref.id))
            if ref.id in claims and len(pair) == 2 and pair not in contradicting:
                contradicting.add(pair)
                _contradiction(graph, claim.id, ref.id)
    if legend:
        _legend(
            graph,
            implicit=any(claim.implicit for claim in drawn),
            contradiction=bool(contradicting),
            status=evaluation is not None,
        )
    return graph


def to_dot(amap: ArgumentMap, *, legend: bool = True, evaluation: Evaluation | None = None) -> str:
    """The DOT source of :func:`build`'s diagram."""
    return build(amap, legend=legend, evaluation=evaluation).source
