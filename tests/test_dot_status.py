"""argmap.dot for this issue's additions: statuses (render --status), implicit claims and
contradictions, checked in the DOT and in Graphviz's SVG."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pygraphviz
import pytest
from click.testing import CliRunner

from argmap.analysis.evaluate import evaluate
from argmap.api import render_map
from argmap.cli import main
from argmap.draw.engine import render
from argmap.draw.graph import to_dot
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref

SVG = "{http://www.w3.org/2000/svg}"
P, C = Kind.PREMISE, Kind.CONCLUSION


def sample() -> ArgumentMap:
    """r defeats p, so c (resting on p) is defeated; x and y contradict each other (undecided);
    h is implicit."""
    return ArgumentMap(
        "Statuses",
        (
            Claim("p", P, "A premise.", objections=(Ref("r"),)),
            Claim("r", P, "Its rebuttal."),
            Claim("h", P, "A premise the text leaves unsaid.", implicit=True),
            Claim("x", P, "X.", contradicts=(Ref("y"),)),
            Claim("y", P, "Not X."),
            Claim("c", C, "The conclusion.", reasons=(Reason((Ref("p"), Ref("h"))),)),
        ),
    )


def groups(svg: bytes) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in ET.fromstring(svg).iter(f"{SVG}g")}


def texts(group: ET.Element) -> list[str]:
    return [t.text or "" for t in group.iter(f"{SVG}text")]


def test_status_is_a_class_a_word_and_struck_text_and_the_kind_stays() -> None:
    amap = sample()
    found = groups(render(to_dot(amap, evaluation=evaluate(amap)), "svg"))
    assert found["c"].get("class") == "node claim conclusion defeated thesis"  # the one top
    assert found["r"].get("class") == "node claim premise stands"
    assert found["x"].get("class") == "node claim premise undecided"
    assert found["h"].get("class") == "node claim premise implicit stands"
    assert [t.strip() for t in texts(found["c"])[:2]] == ["MAIN THESIS · CONCLUSION", "DEFEATED"]
    assert [t.strip() for t in texts(found["x"])[:2]] == ["PREMISE", "UNDECIDED"]
    assert texts(found["r"])[:2] == ["PREMISE", "Its rebuttal."]
    struck = [t for t in found["c"].iter(f"{SVG}text") if t.get("text-decoration")]
    assert [t.text for t in struck] == ["The conclusion."]
    assert found["c"].find(f".//{SVG}path") is not None  # still a rounded box
    legend = texts(found["argmap_graph"])
    for word in ("DEFEATED", "an attack on it holds", "UNDECIDED", "caught in an attack cycle"):
        assert word in legend


def test_struck_text_keeps_the_line_spacing_and_room_of_text_that_stands() -> None:
    """Graphviz sets lines of struck text (<S>) one font size apart, tighter than plain
    text: a defeated claim of three lines came out cramped, its last line on its border."""
    text = "The money would be better spent on more frequent service, say the critics."
    amap = ArgumentMap(
        "Statuses",
        (Claim("p", P, text, objections=(Ref("r"),)), Claim("r", P, text)),
    )
    found = groups(render(to_dot(amap, evaluation=evaluate(amap)), "svg"))

    def lines(name: str) -> list[float]:
        return [float(t.get("y", "0")) for t in found[name].iter(f"{SVG}text")][-3:]

    def height(name: str) -> float:
        ys = [
            float(v)
            for v in next(found[name].iter(f"{SVG}polygon"))
            .get("points")
            .replace(",", " ")
            .split()[1::2]
        ]
        return max(ys) - min(ys)

    struck, plain = lines("p"), lines("r")
    assert len(struck) == len(plain) == 3
    assert [round(b - a, 1) for a, b in itertools.pairwise(struck)] == [
        round(b - a, 1) for a, b in itertools.pairwise(plain)
    ]
    assert height("p") == height("r")


def test_without_status_nothing_about_it_is_drawn() -> None:
    dot = to_dot(sample())
    for word in ("DEFEATED", "UNDECIDED", "attack on it holds", "<S>", "stands"):
        assert word not in dot


def test_an_implicit_claim_is_dashed_and_says_so_and_the_legend_shows_one() -> None:
    graph = pygraphviz.AGraph(string=to_dot(sample()))
    node = graph.get_node("h")
    assert node.attr["style"] == "filled,dashed"
    assert "IMPLICIT PREMISE" in node.attr["label"]
    assert graph.get_node("p").attr["style"] == "filled"
    assert "<B>IMPLICIT</B>" in graph.graph_attr["label"]  # the legend shows one
    plain = ArgumentMap("t", (Claim("a", P, "A."),))
    assert "IMPLICIT" not in to_dot(plain)


def test_a_contradiction_is_one_edge_barred_at_both_ends_outside_the_ranking() -> None:
    graph = pygraphviz.AGraph(string=to_dot(sample()))
    (edge,) = [e for e in graph.edges() if e.attr["class"] == "contradiction" and e[0] == "x"]
    assert (edge[0], edge[1]) == ("x", "y")
    assert edge.attr["id"] == "contradiction--x--y"
    assert (edge.attr["dir"], edge.attr["arrowhead"], edge.attr["arrowtail"]) == (
        "both",
        "tee",
        "tee",
    )
    assert edge.attr["constraint"] == "false"
    assert ">contradict<" in graph.graph_attr["label"]
    declared_twice = ArgumentMap(
        "t",
        (
            Claim("x", P, "X.", contradicts=(Ref("y"),)),
            Claim("y", P, "Y.", contradicts=(Ref("x"),)),
        ),
    )
    assert to_dot(declared_twice).count("class=contradiction") == 1  # one edge


def bridge() -> ArgumentMap:
    """a and b contradict each other and Graphviz sets them side by side on one rank."""
    return ArgumentMap(
        "Two claims that cannot both be true",
        (
            Claim("a", P, "The bridge is safe for lorries.", contradicts=(Ref("b"),)),
            Claim("b", P, "The bridge cannot carry lorries.", objections=(Ref("c"),)),
            Claim("c", P, "The load test passed with a full lorry."),
            Claim("d", C, "Lorries may use the bridge.", reasons=(Reason((Ref("a"),)),)),
        ),
    )


def box(node: ET.Element) -> tuple[float, float, float, float]:
    """A claim's box in the SVG: left, right, top, bottom (in points, y down)."""
    points = [
        tuple(map(float, pair.split(",")))
        for shape in node.iter()
        if shape.tag in (f"{SVG}polygon", f"{SVG}path")
        for pair in re.findall(r"-?[\d.]+,-?[\d.]+", shape.get("points", shape.get("d", "")))
    ]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), max(xs), min(ys), max(ys)


@pytest.mark.parametrize("fit", [None, 390])
def test_two_contradicting_neighbours_have_a_dashed_line_between_their_bars(fit) -> None:
    """Not two bars back to back (an "H"): at least three dashes show between them, however
    tightly the claims of a figure are set (``--fit`` sets them closer)."""
    drawn = groups(render_map(bridge(), "svg", fit=fit, legend=False))
    left, right = box(drawn["a"]), box(drawn["b"])
    assert left[1] < right[0] and (left[2], left[3]) == (right[2], right[3])  # neighbours
    line = drawn["contradiction--a--b"].find(f".//{SVG}path")
    assert line is not None and line.get("stroke-dasharray") == "5,2"
    ends = re.findall(r"(-?[\d.]+),(-?[\d.]+)", line.get("d", ""))
    (x0, y0), (x1, y1) = (tuple(map(float, end)) for end in (ends[0], ends[-1]))
    assert y0 == y1 and left[1] <= x0 < x1 <= right[0]  # straight across, between the boxes
    assert x1 - x0 >= 3 * 7  # three dashes of 5 pt and their gaps of 2


def test_the_room_between_contradicting_claims_moves_nothing_when_they_are_on_two_ranks() -> None:
    """b (rebutted by e, one rank up) contradicts d, two ranks above c: the edge's least
    length applies only to two claims on one rank, so the drawing is as without it."""
    amap = ArgumentMap(
        "Across ranks",
        (
            Claim("a", P, "The bridge was inspected last year."),
            Claim(
                "b", P, "It was never inspected.", contradicts=(Ref("d"),), objections=(Ref("e"),)
            ),
            Claim("e", P, "The inspection report is public."),
            Claim("c", C, "The bridge has been checked.", reasons=(Reason((Ref("a"),)),)),
            Claim("d", C, "Lorries may use the bridge.", reasons=(Reason((Ref("c"),)),)),
        ),
    )
    dot = to_dot(amap)
    assert re.search(r"minlen=\d+", dot)
    assert render(dot, "svg") == render(re.sub(r" minlen=\d+", "", dot), "svg")


def test_render_status_on_the_command_line(write_map) -> None:
    path = write_map(
        "argmap: 1\ntitle: t\npremises:\n  - id: p\n    text: P\n    objections: [r]\n"
        "  - id: r\n    text: R\n"
    )
    result = CliRunner().invoke(main, ["render", str(path), "--status", "-o", "-"])
    assert result.exit_code == 0
    found = groups(result.stdout_bytes)
    assert "defeated" in found["p"].get("class", "").split()
    assert "stands" in found["r"].get("class", "").split()
