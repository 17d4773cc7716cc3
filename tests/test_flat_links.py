"""Restatements and contradictions, the links left out of the ranking: drawn where they can be
seen, two claims that restate each other with room for their double line between them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from argmap.api import render_figures, render_map
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref

SVG = "{http://www.w3.org/2000/svg}"
P, C = Kind.PREMISE, Kind.CONCLUSION


def groups(svg: bytes) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in ET.fromstring(svg).iter(f"{SVG}g")}


def box(node: ET.Element) -> tuple[float, float, float, float]:
    """A claim's outline in the SVG: left, right, top, bottom (in points, y down)."""
    shape = next(s for s in node.iter() if s.tag in (f"{SVG}polygon", f"{SVG}path"))
    found = re.findall(r"(-?[\d.]+),(-?[\d.]+)", shape.get("points", shape.get("d", "")))
    xs, ys = [float(x) for x, _ in found], [float(y) for _, y in found]
    return min(xs), max(xs), min(ys), max(ys)


def said_twice(first: str = "a", restating: str = "b", reasons: str = "ab") -> ArgumentMap:
    """One of a and b restates the other (``first`` written first), and both are reasons for
    d (in the order ``reasons``): Graphviz sets them side by side on one rank."""
    other = {"a": "b", "b": "a"}
    text = {"a": "The bridge is safe for lorries.", "b": "Lorries can cross the bridge safely."}
    pair = [Claim(name, P, text[name],
                  restates=(Ref(other[name]),) if name == restating else ())
            for name in (first, other[first])]  # fmt: skip
    return ArgumentMap(
        "Said twice",
        (*pair, Claim("d", C, "Lorries may use the bridge.",
                      reasons=tuple(Reason((Ref(name),)) for name in reasons))),
    )  # fmt: skip


@pytest.mark.parametrize("fit", [None, 390])
@pytest.mark.parametrize(("first", "restating"), [("a", "b"), ("a", "a"), ("b", "b")])
@pytest.mark.parametrize("reasons", ["ab", "ba"])
def test_two_restating_neighbours_have_a_double_line_long_enough_to_see(
    fit, first, restating, reasons
) -> None:
    """Not a stub of 15 points squeezed between the boxes, easily taken for a border: the
    double line between two restating claims side by side is at least half an inch long,
    whichever of them is written first, whichever restates the other, in either order."""
    amap = said_twice(first, restating, reasons)
    drawn = groups(render_map(amap, "svg", fit=fit, legend=False))
    left, right = sorted((box(drawn["a"]), box(drawn["b"])))
    assert left[1] < right[0] and (left[2], left[3]) == (right[2], right[3])  # neighbours
    edge = f"restatement--{restating}--{'a' if restating == 'b' else 'b'}"
    lines = list(drawn[edge].iter(f"{SVG}path"))
    assert len(lines) == 3  # the double line: two strokes and the page's colour between
    ends = re.findall(r"(-?[\d.]+),(-?[\d.]+)", lines[0].get("d", ""))
    xs = sorted(float(x) for x, _ in (ends[0], ends[-1]))
    assert left[1] <= xs[0] and xs[1] <= right[0]  # between the boxes
    assert xs[1] - xs[0] >= 36


@pytest.mark.parametrize("fit", [None, 390])
@pytest.mark.parametrize("reasons", ["ab", "ba"])
def test_two_contradicting_reasons_of_one_claim_are_set_apart_in_either_order(fit, reasons):
    """a contradicts b, both reasons for d: the dashed line between their bars is as long as
    between any two contradicting neighbours, whichever reason comes first."""
    amap = ArgumentMap(
        "Said both ways",
        (
            Claim("a", P, "The bridge is safe for lorries.", contradicts=(Ref("b"),)),
            Claim("b", P, "The bridge cannot carry lorries."),
            Claim("d", C, "Lorries may or may not use the bridge.",
                  reasons=tuple(Reason((Ref(name),)) for name in reasons)),
        ),
    )  # fmt: skip
    drawn = groups(render_map(amap, "svg", fit=fit, legend=False))
    left, right = sorted((box(drawn["a"]), box(drawn["b"])))
    assert left[1] < right[0] and (left[2], left[3]) == (right[2], right[3])  # neighbours
    assert right[0] - left[1] >= 0.6 * 72  # FLAT_GAP, in whole nodeseps


def loose(partner: str, link: str) -> ArgumentMap:
    """A thesis over four conclusions of three premises each; x, a premise that supports and
    attacks nothing, only restates or contradicts ``partner``, one of c1's premises. Split
    for a column, x is drawn in c1's figure, on its partner's rank."""
    claims = [Claim(f"p{i}{j}", P, f"Premise {i}{j} says something of a moderate length.")
              for i in range(4) for j in range(3)]  # fmt: skip
    conclusions = [Claim(f"c{i}", C, f"Conclusion {i} follows from its premises.",
                         reasons=tuple(Reason((Ref(f"p{i}{j}"),)) for j in range(3)))
                   for i in range(4)]  # fmt: skip
    thesis = Claim("t", Kind.RECOMMENDATION, "We should do the thing.", thesis=True,
                   reasons=tuple(Reason((Ref(c.id),)) for c in conclusions))  # fmt: skip
    said = {"restates": (Ref(partner),)} if link == "restates" else {"contradicts": (Ref(partner),)}
    x = Claim("x", P, "A loose claim, saying it again in other words.", **said)  # type: ignore[arg-type]
    return ArgumentMap("Loose", (*claims, *conclusions, thesis, x))


def row(svg: bytes, name: str) -> list[str]:
    """The claims on the rank of ``name``, left to right."""
    boxes = {ident: box(g) for ident, g in groups(svg).items()
             if g.get("class", "").startswith("node claim")}  # fmt: skip
    middle = boxes[name][2] + boxes[name][3]  # twice the rank's height: boxes are centred on it
    return [ident for _, ident in sorted((b[0], i) for i, b in boxes.items()
                                         if abs(b[2] + b[3] - middle) < 1)]  # fmt: skip


@pytest.mark.parametrize("link", ["restates", "contradicts"])
@pytest.mark.parametrize("partner", ["p10", "p11", "p12"])
def test_a_loose_claim_is_drawn_next_to_its_partner(partner: str, link: str) -> None:
    """Not at the end of the rank, with other claims between it and the claim it restates or
    contradicts, its line drawn across them."""
    (svg,) = [svg for svg in render_figures(loose(partner, link), "svg", fit=720)
              if b'<g id="x" ' in svg]  # fmt: skip
    found = row(svg, partner)
    assert "x" in found and abs(found.index("x") - found.index(partner)) == 1, found


@pytest.mark.parametrize("link", ["restates", "contradicts"])
@pytest.mark.parametrize("partner", ["p10", "p11", "p12"])
def test_a_loose_claim_of_a_whole_map_is_drawn_next_to_its_partner(partner: str, link: str):
    """Drawn whole, not on a rank of its own or among the conclusions, far from its partner."""
    svg = render_map(loose(partner, link), "svg")
    found = row(svg, partner)
    assert "x" in found and abs(found.index("x") - found.index(partner)) == 1, found
