"""Tests for argmap.dot: what the diagram shows, checked in the DOT and in Graphviz's SVG."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import hypothesis.strategies as st
import pygraphviz
import pytest
from hypothesis import HealthCheck, example, given, settings

from argmap.diagnostics import FontWarning
from argmap.draw.engine import render
from argmap.draw.glyphs import lacking
from argmap.draw.graph import build, to_dot
from argmap.draw.legend import _ARROWHEAD
from argmap.draw.svg import embed
from argmap.draw.text import clean, wrap
from argmap.model import ArgumentMap, Claim, Kind, Objection, Quote, Reason, Ref, Source

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
P, C, R = Kind.PREMISE, Kind.CONCLUSION, Kind.RECOMMENDATION
NASTY = 'A "quoted" <script>x</script> & C:\\path\\ \\N \\G \\E \\l \\n ] } ; -- ends with \\'


def refs(*ids: str) -> tuple[Ref, ...]:
    return tuple(Ref(i) for i in ids)


def energy_map() -> ArgumentMap:
    """A small map with a linked reason, an undercut and a rebuttal."""
    return ArgumentMap(
        "Energy",
        (
            Claim("supplier", P, "Central Asia could supply energy.", quotes=(Quote("supply"),)),
            Claim("demand", P, "Europe needs non-Russian energy."),
            Claim("constrained", P, "Imports depend on Russian pipes."),
            Claim("pawn", P, "The region is no pawn."),
            Claim(
                "interest",
                C,
                "Energy is the common interest.",
                reasons=(Reason(refs("supplier", "demand"), objections=refs("constrained")),),
            ),
            Claim(
                "import",
                R,
                "Import more from Central Asia.",
                reasons=(Reason(refs("interest")),),
                objections=refs("pawn"),
            ),
        ),
    )


def svg_root(amap: ArgumentMap, **options: bool) -> ET.Element:
    return ET.fromstring(render(to_dot(amap, **options), "svg"))


def groups(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g")}


def texts(group: ET.Element) -> list[str]:
    return [t.text or "" for t in group.iter(f"{SVG}text")]


def link(group: ET.Element) -> ET.Element:
    anchor = group.find(f".//{SVG}a")
    assert anchor is not None
    return anchor


def agraph(amap: ArgumentMap) -> pygraphviz.AGraph:
    """The DOT as Graphviz reads it back."""
    return pygraphviz.AGraph(string=to_dot(amap))


# --- nodes --------------------------------------------------------------------------------


def test_every_claim_is_one_svg_group_with_its_id_and_kind_class() -> None:
    found = groups(svg_root(energy_map()))
    for claim in energy_map().claims:
        thesis = " thesis" if claim.id == "import" else ""  # the one top: the thesis
        assert found[claim.id].get("class") == f"node claim {claim.kind.value}{thesis}"
    claim_groups = [g for g in found.values() if "claim" in (g.get("class") or "").split()]
    assert len(claim_groups) == len(energy_map().claims)


def test_kinds_differ_in_shape_colour_and_word() -> None:
    graph = agraph(energy_map())
    looks = {}
    for name, kind in (("supplier", P), ("interest", C), ("import", R)):
        node = graph.get_node(name)
        looks[kind] = (node.attr["style"], node.attr["peripheries"], node.attr["fillcolor"])
        assert f"{kind.value.upper()}</B>" in node.attr["label"]
    assert len({look[:2] for look in looks.values()}) == 3  # without colour
    assert len({look[2] for look in looks.values()}) == 3


def test_graph_reads_bottom_to_top_with_edges_from_reason_to_target() -> None:
    graph = agraph(energy_map())
    assert graph.graph_attr["rankdir"] == "BT"
    assert graph.has_edge("interest", "import")
    assert not graph.has_edge("import", "interest")


def test_claim_text_is_wrapped() -> None:
    text = "Europe must adopt a new, proactive geopolitical strategy beyond its sphere."
    amap = ArgumentMap("t", (Claim("a", P, text),))
    lines = texts(groups(svg_root(amap))["a"])[1:]
    assert len(lines) > 1
    assert all(len(line) <= 40 for line in lines)
    assert " ".join(lines) == text


def test_right_to_left_text_is_set_flush_right() -> None:
    """An Arabic or Hebrew claim wrapped over lines: its lines were set flush left, so a
    reader's eye, coming back from the left end of a line, found the next one ragged."""
    arabic = "الحد الأدنى للأجور يجب أن يرتفع كل عام مع الأسعار"
    amap = ArgumentMap("t", (Claim("a", P, arabic), Claim("b", P, "Left to right, " * 3)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FontWarning)  # no Arabic in the shipped font
        claims = groups(svg_root(amap))
    arabic_lines = [float(t.get("x", "")) for t in claims["a"].iter(f"{SVG}text")][1:]
    latin_lines = [float(t.get("x", "")) for t in claims["b"].iter(f"{SVG}text")][1:]
    assert len(latin_lines) > 1 and len(set(latin_lines)) == 1  # flush left
    first, second = arabic_lines  # the second, shorter line starts further right
    assert second > first + 5


def test_right_to_left_lines_are_told_so_in_the_svg() -> None:
    """A browser lays out SVG text left to right unless told otherwise, so an Arabic line's
    closing stop and a number in it came out at the wrong end (``.الوسطى منذ عام 2022``), and
    differently from the PNG and PDF. Each line that reads right to left says so, anchored
    by its end: its left edge stays where the layout put it."""
    arabic = "الطاقة هي السياسة، والسياسة هي الطاقة في آسيا الوسطى منذ عام 2022."
    mixed = "«الطاقة هي السياسة» — энергия это политика."
    amap = ArgumentMap("t", (Claim("a", P, arabic), Claim("b", P, mixed)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FontWarning)  # no Arabic in the shipped font
        claims = groups(ET.fromstring(embed(render(to_dot(amap), "svg"), amap)))
    lines = list(claims["a"].iter(f"{SVG}text"))[1:]
    assert len(lines) > 1
    for line in lines:
        assert (line.get("direction"), line.get("text-anchor")) == ("rtl", "end"), line.text
    first, second = list(claims["b"].iter(f"{SVG}text"))[1:]
    assert (first.get("direction"), first.get("text-anchor")) == ("rtl", "end")
    assert (second.get("direction"), second.get("text-anchor")) == (None, "start")
    kind = next(claims["a"].iter(f"{SVG}text"))  # PREMISE: left to right, as it was
    assert (kind.get("direction"), kind.get("text-anchor")) == (None, "start")


# --- edges --------------------------------------------------------------------------------


def test_linked_members_meet_at_a_junction_then_one_arrow_goes_on() -> None:
    found = groups(svg_root(energy_map()))
    junction = found["reason--interest--1"]
    assert junction.get("class") == "node reason linked bar"  # undercut: a bar, not a point
    for member in ("supplier", "demand"):
        edge = found[f"support--{member}--reason--interest--1"]
        assert edge.get("class") == "edge support member"
        assert edge.find(f".//{SVG}polygon") is None  # no arrowhead at the junction
    onward = found["support--reason--interest--1--interest"]
    assert onward.get("class") == "edge support"
    assert onward.find(f".//{SVG}polygon") is not None
    assert "support--supplier--interest" not in found


def test_undercut_edge_targets_the_junction() -> None:
    found = groups(svg_root(energy_map()))
    edge = found["undercut--constrained--reason--interest--1"]
    assert edge.get("class") == "edge undercut"
    assert (edge.findtext(f"{SVG}title") or "").startswith("constrained->reason--interest--1:")


def test_undercut_single_reason_gets_a_junction_plain_one_does_not() -> None:
    amap = ArgumentMap(
        "t",
        (
            Claim("a", P, "a"),
            Claim("b", P, "b"),
            Claim("u", P, "u"),
            Claim(
                "c", C, "c", reasons=(Reason(refs("a"), objections=refs("u")), Reason(refs("b")))
            ),
        ),
    )
    found = groups(svg_root(amap))
    assert found["reason--c--1"].get("class") == "node reason bar"
    assert "undercut--u--reason--c--1" in found
    assert "support--b--c" in found
    assert "reason--c--2" not in found


def test_rebuttal_is_a_dashed_tee_from_attacker_to_claim() -> None:
    found = groups(svg_root(energy_map()))
    assert found["attack--pawn--import"].get("class") == "edge attack"
    graph = agraph(energy_map())  # keep it: pygraphviz frees the C graph with the object
    edge = graph.get_edge("pawn", "import")
    assert (edge.attr["style"], edge.attr["arrowhead"]) == ("dashed", "tee")


def test_edge_kinds_differ_without_colour() -> None:
    graph = agraph(energy_map())
    support = graph.get_edge("reason--interest--1", "interest").attr
    attack = graph.get_edge("pawn", "import").attr
    undercut = graph.get_edge("constrained", "reason--interest--1").attr
    styles = {(e["style"], e["arrowhead"]) for e in (support, attack, undercut)}
    assert styles == {("solid", "normal"), ("dashed", "tee"), ("dotted", "tee")}
    assert len({e["color"] for e in (support, attack, undercut)}) == 3
    dashes = {
        g.get("id"): g.find(f".//{SVG}path").get("stroke-dasharray")  # type: ignore[union-attr]
        for g in svg_root(energy_map()).iter(f"{SVG}g")
        if (g.get("class") or "").startswith("edge ") and "member" not in g.get("class", "")
    }
    assert dashes["attack--pawn--import"] != dashes["undercut--constrained--reason--interest--1"]
    assert dashes["support--interest--import"] is None


# --- text comes out literally -------------------------------------------------------------


def nasty_map(text: str = NASTY) -> ArgumentMap:
    return ArgumentMap(
        text,
        (
            Claim("a", P, text, quotes=(Quote(text), Quote("second " + text)), url=URL),
            Claim("b", C, text, reasons=(Reason(refs("a")),)),
        ),
        source=Source("s.txt", title=text, publisher="P & <Q>", date="2022"),
    )


URL = 'https://example.org/a?b=1&c="2"\\N#x'


def test_nasty_text_comes_out_literally_in_svg_text_tooltip_and_link() -> None:
    root = svg_root(nasty_map())
    found = groups(root)
    for name in ("a", "b"):
        assert " ".join(texts(found[name])[1:]) == clean(NASTY)
    anchor = link(found["a"])
    assert anchor.get(f"{XLINK}title") == f"{NASTY}\nsecond {NASTY}"
    assert anchor.get(f"{XLINK}href") == URL
    assert link(found["b"]).get(f"{XLINK}title") == NASTY  # no quotes: the claim text
    title = " ".join(t.text or "" for t in found["argmap_graph"].findall(f"{SVG}text"))
    assert title.startswith(f"{clean(NASTY)} Source: {clean(NASTY)} · P & <Q> · 2022 ")


def test_svg_parses_and_holds_no_script_element() -> None:
    root = svg_root(nasty_map())
    assert not [el for el in root.iter() if el.tag.split("}")[-1].lower() == "script"]


def test_control_and_bidi_characters_are_dropped() -> None:
    amap = ArgumentMap("t", (Claim("a", P, "one\x00two\x1b three\u202e four\x7f"),))
    assert texts(groups(svg_root(amap))["a"])[1:] == ["onetwo three four"]


def test_claim_note_follows_the_quotes_in_the_tooltip() -> None:
    amap = ArgumentMap("t", (Claim("a", P, "text", quotes=(Quote("q"),), note="n & \\N"),))
    assert link(groups(svg_root(amap))["a"]).get(f"{XLINK}title") == "q\n\nNote: n & \\N"


text_strategy = st.text(
    st.characters(
        blacklist_categories=("Cc", "Cs"),
        blacklist_characters="\ufffe\uffff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=60,
).filter(lambda t: clean(t) != "")


def spaceless(text: str) -> str:
    """Text without the spaces a line break may take and the soft hyphens it may show."""
    return "".join(c for c in text if c not in " \xa0\u2007\u202f\xad")


def unwrapped(lines: list[str], text: str) -> str:
    """Drawn lines joined again, less the hyphen a break added inside a word."""
    target, joined = spaceless(text), ""
    for line in lines:
        piece = spaceless(line)
        if piece.endswith("-") and not target.startswith(joined + piece):
            piece = piece[:-1]
        joined += piece
    return joined


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(text="0" * 20 + "\u1bf4\u2e5e\u2e5e\u2e5e\xa0\u2e5e")  # broken at its no-break space
@example(text="0" * 22 + "\u2e5e\u2e5e\u2e5eAAA")  # broken inside a word, with a hyphen
@given(text=text_strategy)
def test_any_text_survives_into_the_svg(text: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FontWarning)
        found = groups(svg_root(nasty_map(text), legend=False))
    lines = texts(found["b"])[1:]
    # A line break takes the place of a space (a no-break one too, where a word too long for
    # a line must break at it), or adds a hyphen inside a word.
    assert unwrapped(lines, clean(text)) == spaceless(clean(text))
    assert link(found["b"]).get(f"{XLINK}title") == clean(text)
    # What the shipped font cannot draw is named, once, and nothing else is.
    named = [c for w in caught if issubclass(w.category, FontWarning) for c in w.message.lacking]
    assert named == lacking(clean(text))


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("", 10, [""]),
        ("a b c", 10, ["a b c"]),
        ("x" * 25, 10, ["x" * 9 + "-", "x" * 9 + "-", "x" * 7]),  # a hyphen where it breaks
        ("中文字符测试", 4, ["中文", "字符", "测试"]),  # wide characters take two cells
        (
            "e\u0301" * 6,
            3,
            ["e\u0301" * 2 + "-"] * 2 + ["e\u0301" * 2],
        ),  # never split from its accent
        ("e\u0301" * 6, 6, ["e\u0301" * 6]),  # accents take no cell: twelve characters fit
        ("caf\xe9\u2019s na\xefve", 12, ["caf\xe9\u2019s na\xefve"]),  # one cell each
        ("caf\xe9\u2019s", 3, ["ca-", "f\xe9\u2019", "s"]),
        ("\U0001f1e9\U0001f1ea" * 3, 2, ["\U0001f1e9\U0001f1ea"] * 3),  # flags stay whole
        ("a \u3000 b", 1, ["a", "b"]),  # white space only ever separates
        ("a\xa0b c", 3, ["a\xa0b", "c"]),  # no-break spaces do not break
        ("12\xa0345\u202f678", 3, ["12", "345", "678"]),  # ... unless a word must: not kept
    ],
)
def test_wrap(text: str, width: int, expected: list[str]) -> None:
    assert wrap(text, width) == expected


def test_a_word_longer_than_a_line_is_broken_with_a_hyphen() -> None:
    """A German compound longer than a line was cut with no mark (``Energiesicherheitspartners``
    over ``chaft``), which reads as two words or a typo. A word of a script that hyphenates is
    now broken with a hyphen, at a soft hyphen (U+00AD) the writer put in it where one fits;
    Chinese, Thai and the like break between characters as before."""
    lines = wrap("Die Energiesicherheitspartnerschaft ist bisher eine Absicht.", 26)
    assert lines == [
        "Die",
        "Energiesicherheitspartner-",
        "schaft ist bisher eine",  # the words after the broken one go on
        "Absicht.",
    ]
    assert all(len(line) <= 26 for line in lines)
    soft = "Wasser\xadstoff\xadproduktions\xadanlagen in der Steppe"
    assert wrap(soft, 26) == ["Wasser\xadstoff\xadproduktions-", "anlagen in der Steppe"]
    assert wrap("Энергетическаябезопасность", 10) == ["Энергетич-", "ескаябезо-", "пасность"]
    thai = wrap("ภาษาไทย" * 3, 10)  # Thai, like Chinese, takes no hyphen
    assert len(thai) == 3 and "".join(thai) == "ภาษาไทย" * 3
    assert wrap("x1234567890123", 5) == ["x1234", "56789", "0123"]  # nor do digits


def test_no_line_starts_with_the_punctuation_that_ends_a_word() -> None:
    """A long word broken where the line ended left its full stop alone on the last line
    ("aftenangelegenheit" / "."), or began a line with a comma (", k")."""
    assert wrap("xxxxxxxxxx.", 10) == ["xxxxxxxxx-", "x."]
    assert wrap("abcdefghij, k", 10) == ["abcdefghi-", "j, k"]
    assert wrap("中文字符测试。", 4) == ["中文", "字符", "测", "试。"]
    assert wrap("(abcdefghijk)", 6) == ["(abcd-", "efghi-", "jk)"]
    lines = wrap("Rechtsschutzversicherungsgesellschaftenangelegenheit.", 18)
    assert lines[-1] != "." and all(len(line) <= 18 for line in lines)


def test_wrapping_happens_before_escaping() -> None:
    amap = ArgumentMap("t", (Claim("a", P, "&" * 80),))
    graph = agraph(amap)
    label = graph.get_node("a").attr["label"]
    assert "&amp;&amp;" in label
    assert "&am<BR" not in label and "&<BR" not in label


# --- ids, legend, determinism -------------------------------------------------------------


def test_svg_ids_are_unique_even_when_claims_are_named_like_graphviz_ids() -> None:
    names = ("node1", "graph0", "edge1", "clust1", "node", "edge", "strict", "legend")
    claims = [Claim(n, P, n) for n in names]
    claims.append(Claim("c", C, "c", reasons=(Reason(refs(*names[:3])), Reason(refs("node")))))
    root = svg_root(ArgumentMap("t", tuple(claims)))
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    assert {n for n in names} <= set(ids)


def heading(root: ET.Element) -> list[str]:
    """The texts of the graph's label (the title and the legend), drawn before any node."""
    graph = groups(root)["argmap_graph"]
    return [t.text or "" for t in graph.findall(f"{SVG}text")]


def test_the_legend_shows_what_the_drawing_uses_and_nothing_else() -> None:
    words = heading(svg_root(energy_map()))
    for word in ("PREMISE", "CONCLUSION", "RECOMMENDATION", "supports", "attacks",
                 "undercuts a step", "claims that support only together"):  # fmt: skip
        assert word in words
    two = ArgumentMap("t", (Claim("a", P, "A."), Claim("b", R, "B.", reasons=(Reason(refs("a")),))))
    words = heading(svg_root(two))
    assert {"PREMISE", "RECOMMENDATION", "supports"} <= set(words)
    for absent in ("CONCLUSION", "attacks", "undercuts a step", "contradict", "IMPLICIT"):
        assert absent not in words
    assert not any("together" in word for word in words)
    found = groups(svg_root(two))
    assert {g.get("id") for g in found.values() if "node" in (g.get("class") or "")} == {"a", "b"}


def test_the_legend_says_what_an_undercut_attacks_a_step_an_attack_or_both() -> None:
    # An undercut of an attack (a claim that grants the objection but denies it defeats the
    # target) is no undercut of a step: the legend says which the drawing has.
    attack = Objection(refs("o"), objections=refs("u"))
    step = Reason(refs("a"), objections=refs("v"))
    claims = (Claim("a", P, "A."), Claim("o", P, "O."), Claim("u", P, "U."), Claim("v", P, "V."))

    def said(*reasons: Reason, objections: tuple[Objection, ...] = ()) -> set[str]:
        top = Claim("c", C, "C.", reasons=reasons, objections=objections)
        words = heading(svg_root(ArgumentMap("t", (*claims, top))))
        return {word for word in words if word.startswith("undercuts")}

    assert said(step) == {"undercuts a step"}
    assert said(Reason(refs("a")), objections=(attack,)) == {"undercuts an attack"}
    assert said(step, objections=(attack,)) == {"undercuts a step or an attack"}


def test_the_legends_arrowheads_are_triangles_in_an_svg() -> None:
    """Graphviz draws the arrowhead's cells (no glyph of the font is an arrow); the SVG for
    documents draws the triangle they outline: one polygon of three corners, no steps."""
    drawn = render(to_dot(energy_map()), "svg")
    assert _ARROWHEAD.search(drawn)  # what Graphviz draws
    root = ET.fromstring(embed(drawn, energy_map()))
    filled = [p for p in root.iter(f"{SVG}polygon") if p.get("stroke") == "none"]
    polygons = [p.get("points", "").split() for p in filled]
    heads = [p for p in polygons if len(p) == 4 and p[0] == p[3]]  # a closed triangle
    assert len(heads) == 1  # supports; attacks and undercuts end in bars
    assert not any(len(p) == 5 and float(p[2].split(",")[0]) - float(p[0].split(",")[0]) == 1
                   for p in polygons)  # fmt: skip


@pytest.mark.parametrize("title", ["a" * 200, "word " * 40])
def test_a_long_title_wrapped_in_lines_is_as_wide_as_its_lines(title: str) -> None:
    """A title is wrapped at 60 characters, and the legend is stretched to its width: to the
    width of the title unwrapped, which left a drawing of two premises and a conclusion 1,951
    points wide, two thirds of it blank (and, fitted to a column, a FitWarning blaming its
    claims); now to the width of its longest line."""
    claims = (Claim("a", P, "A."), Claim("b", R, "B.", reasons=(Reason(refs("a")),)))
    root = svg_root(ArgumentMap(title.strip(), claims))
    lines = [text for text in heading(root) if text.strip("aword -") == ""]  # "-": a break
    assert len(lines) == 4
    assert float(root.get("width", "").removesuffix("pt")) < 700


def test_legend_can_be_left_out() -> None:
    assert heading(svg_root(energy_map(), legend=False)) == ["Energy"]


def test_dot_keeps_file_order() -> None:
    dot = to_dot(energy_map())
    positions = [dot.index(f"\t{name} [") for name in ("supplier", "demand", "constrained")]
    assert positions == sorted(positions)


def test_dot_is_deterministic_across_processes() -> None:
    code = (
        "import sys; sys.path[:0] = sys.argv[1:]; import test_dot; "
        "sys.stdout.write(test_dot.to_dot(test_dot.nasty_map()))"
    )
    here = Path(__file__).parent
    runs = {
        subprocess.run(
            [sys.executable, "-c", code, str(here), str(here.parent)],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1
    assert runs == {to_dot(nasty_map()).encode()}


def test_duplicates_and_unknown_references_are_left_out() -> None:
    amap = ArgumentMap(
        "t",
        (
            Claim("a", P, "first"),
            Claim("a", P, "second"),
            Claim("c", C, "c", reasons=(Reason(refs("a", "ghost")),), objections=refs("ghost")),
        ),
    )
    graph = agraph(amap)
    assert "ghost" not in graph.nodes()
    assert "first" in graph.get_node("a").attr["label"]
    assert graph.has_edge("a", "c")


def test_build_returns_a_digraph_without_running_graphviz() -> None:
    graph = build(energy_map())
    assert graph.directed
    assert graph.source == to_dot(energy_map())
