"""What a screen reader says of a drawing: the SVG's accessible name (its ``<title>``) and
description (its ``<desc>``). A map fitted to a column is several figures, and each says what
it shows and where the argument goes on, before the summary of the whole map."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from argmap.api import load, render_figures, render_map
from argmap.model import ArgumentMap, relations

from .conftest import SEED_MAP

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


def spoken(svg: bytes) -> tuple[str, str]:
    """The accessible name and description of an SVG drawing: the texts its root's
    ``aria-labelledby`` and ``aria-describedby`` point at."""
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    by_id = {e.get("id"): "".join(e.itertext()) for e in root.iter() if e.get("id")}
    return by_id[root.get("aria-labelledby")], by_id[root.get("aria-describedby")]


def test_each_fitted_figure_says_what_it_shows_and_where_the_argument_goes_on(
    seed: ArgumentMap,
) -> None:
    """The seed's four figures all said the whole map's summary, word for word: a reader of
    figure 3 heard the thesis and the recommendations, not that it is about the rare
    opportunity, whose reasons it draws."""
    said = [spoken(svg) for svg in render_figures(seed, "svg", fit=720)]
    texts = {claim.id: claim.text for claim in seed.claims}
    most, rare = texts["central-asia-most-interesting"], texts["rare-opportunity"]
    names, descriptions = zip(*said, strict=True)
    assert names[1] == f"{seed.title} (figure 2 of 4)"
    assert len(set(descriptions)) == 4
    first, second, third, fourth = (d.split("\n") for d in descriptions)
    assert first[0] == "Figure 1 of 4: the main thesis and the claims nearest it."
    assert first[1] == f"Continued in figure 2: the reasons and objections of “{most}”"
    assert second[0] == (
        f"Figure 2 of 4: “{most}” (used in figure 1), and its reasons and objections."
    )
    assert second[1] == f"Continued in figure 3: the reasons and objections of “{rare}”"
    assert third[0].startswith("Figure 3 of 4: “")
    assert third[1].startswith("Argument map: 13 premises")  # nothing goes on from figure 3
    assert fourth[0] == (
        f"Figure 4 of 4: “{texts['make-the-case']}” and “{texts['import-energy']}”, "
        "and their reasons and objections."
    )
    assert fourth[1] == (  # the claims it draws in short, at home in other figures
        f"Also here, drawn in full elsewhere: “{texts['mutual-benefit-strategy']}” (figure 1), "
        f"“{texts['energy-mutual-interest']}” (figure 2), “{texts['ca-energy-supplier']}” "
        "(figure 2)."
    )
    for description in descriptions:  # then the whole map, as a map drawn whole says it
        assert description.endswith(descriptions[0].split("\n", 2)[2])
        assert "Main thesis: " in description


def test_a_map_drawn_whole_in_one_figure_is_described_as_the_whole_map(
    seed: ArgumentMap,
) -> None:
    (whole,) = render_figures(seed, "svg")
    name, description = spoken(whole)
    assert name == seed.title
    assert description.startswith("Argument map: 13 premises, 10 conclusions")


def test_the_html_view_reaches_the_claims_from_the_thesis_down() -> None:
    """Tab goes through the claims of the HTML view in the argument's order: the thesis, then
    each claim's reasons and objections before the next (it went in file order, premises
    first: the thesis was the 24th stop of the seed's 29, after claims it rests on)."""
    amap = load(SEED_MAP)
    page = render_map(amap, "html").decode()
    order = re.findall(r'tabindex="0" role="button" aria-label="[^"]*" data-claim="([^"]+)"', page)
    assert sorted(order) == sorted(claim.id for claim in amap.claims)
    assert order[0] == "partnership-thesis"
    above = {}  # claim → the claims it supports or attacks
    for relation in relations(amap):
        for ref in relation.claims:
            above.setdefault(ref.id, set()).add(relation.target.id)
    for place, claim in enumerate(order):
        if claim in above and claim != order[0]:  # reached from a claim it is a reason for
            assert above[claim] & set(order[:place]), claim
