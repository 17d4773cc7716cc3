"""A thesis with more reasons than a column holds side by side (a policy report's): fitted to a
column, its first figure is the overview, every reason and objection of the thesis in it, in
rows, each saying which figure to turn to for it."""

from __future__ import annotations

import re
import warnings

import pytest

from argmap.analysis.figures import How
from argmap.diagnostics import FitWarning
from argmap.draw.fit import budget_for, common_scale, fit
from argmap.draw.style import TARGETS
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref

from .test_fit_fans import fan
from .test_legibility import crossings


def leafy(reasons: int) -> ArgumentMap:
    """A fan whose every other reason is a premise with nothing beneath it."""
    amap = fan(reasons, 0)
    claims = list(amap.claims)
    for n in range(0, reasons, 2):
        claims.append(Claim(f"leaf{n}", Kind.PREMISE, f"A plain fact {n} the report states."))
    thesis = claims[0]
    extra = tuple(Reason((Ref(f"leaf{n}"),)) for n in range(0, reasons, 2))
    claims[0] = Claim(thesis.id, thesis.kind, thesis.text, reasons=(*thesis.reasons, *extra))
    return ArgumentMap("A fan with leaves", tuple(claims))


def shown_px(fitted) -> list[float]:  # type: ignore[no-untyped-def]
    """Each figure's claim text in CSS px in a 720-px column."""
    widths = [min(d.width, fitted.budget.width) for d in fitted.drawn]
    scale = common_scale(widths, 720)
    return [TARGETS["claim"][0] * scale * min(1.0, 720 / (d.width * scale)) for d in fitted.drawn]


@pytest.mark.parametrize(("reasons", "objections"), [(21, 0), (20, 6), (35, 0)])
def test_the_first_figure_shows_every_reason_of_the_thesis(reasons: int, objections: int) -> None:
    # A thesis with 21 reasons showed 4 of them in figure 1, the rest behind "continued in
    # figures 7, 15, 22, 26": the reader of the overview did not see the main lines.
    with warnings.catch_warnings():
        warnings.simplefilter("error", FitWarning)
        fitted = fit(fan(reasons, objections), budget_for(720))
    first = fitted.drawn[0].figure
    shown = {s.claim: s for s in first.shown}
    direct = {f"c{n}" for n in range(reasons)} | {f"o{n}" for n in range(objections)}
    assert direct <= set(shown)
    assert first.more == {}  # no "continued in figures ..." stub: each reason says where
    for name in direct:
        where = shown[name].where
        assert where is not None and where > 1
        if shown[name].how is How.CONTINUED:  # its reasons are in that figure
            assert name in fitted.drawn[where - 1].figure.full()
    assert all(d.width <= fitted.budget.width + 0.01 for d in fitted.drawn)
    assert min(shown_px(fitted)) >= 9 - 0.005
    svg = fitted.drawn[0].svg.decode().replace("&#45;", "-")
    for name in direct:
        node = re.search(
            rf'<g id="(continued|ref)--{name}" class="node[^"]*">(.*?)(?:<!--|</svg>)', svg, re.S
        )
        assert node is not None, name
        assert re.search(r"(continued|in full) in figure \d+<", node.group(2)), name


def test_the_overview_is_in_rows_as_full_as_the_column_holds() -> None:
    fitted = fit(fan(21, 0), budget_for(720))
    first = fitted.drawn[0].figure
    assert len(first.rows) > 1
    assert sorted(u for row in first.rows for u in row) == list(range(21))
    assert len({len(row) for row in first.rows[:-1]}) == 1  # every row as long, but the last
    assert len(first.rows[0]) >= 4  # four compact reasons fit in 960 points
    assert crossings(fitted.drawn[0].svg) == []  # the lines pass between the columns


def test_a_figure_of_only_compact_reasons_is_not_repeated_after_the_overview() -> None:
    # Every reason tops a figure of its own: a page of the thesis would show nothing the
    # overview does not, so there is none, and each reason's figure follows the overview.
    fitted = fit(fan(21, 0), budget_for(720))
    with_thesis = [d.figure.number for d in fitted.drawn if "thesis" in d.figure.full()]
    assert with_thesis == [1]
    assert len(fitted.drawn) == 22


def test_reasons_with_nothing_beneath_them_are_in_full_in_a_page_the_overview_names() -> None:
    fitted = fit(leafy(21), budget_for(720))
    first = fitted.drawn[0].figure
    shown = {s.claim: s for s in first.shown}
    for n in range(0, 21, 2):
        leaf = shown[f"leaf{n}"]
        assert leaf.how is How.REF
        page = fitted.drawn[leaf.where - 1].figure
        assert f"leaf{n}" in page.full()
        assert page.continued_from == {"thesis": 1}
    assert all(d.width <= fitted.budget.width + 0.01 for d in fitted.drawn)


def test_a_thesis_that_fits_a_figure_is_drawn_as_before() -> None:
    fitted = fit(fan(3, 0), budget_for(720))
    assert fitted.drawn[0].figure.rows == ()


def hub(reasons: int) -> ArgumentMap:
    """:func:`fan` with its reasons one claim further down: under the thesis's one reason, a
    claim that is not the thesis, so its fan is paginated."""
    amap = fan(reasons, 0)
    old = amap.claims[0]
    middle = Claim("hub", Kind.CONCLUSION, "The charge pays for itself.", reasons=old.reasons)
    thesis = Claim(old.id, old.kind, old.text, reasons=(Reason((Ref("hub"),)),))
    return ArgumentMap("A hub", (thesis, middle, *amap.claims[1:]))


def test_a_continued_in_stub_says_what_each_figure_holds() -> None:
    # "continued in figures 4, 10, 15" did not say what each of those figures holds, so a
    # reader could not choose which to turn to: each figure is named with the start of the
    # first claim it continues with.
    fitted = fit(hub(21), budget_for(720))
    first = next(d for d in fitted.drawn if "hub" in d.figure.more)
    pages = first.figure.more["hub"]
    assert len(pages) > 1
    svg = first.svg.decode().replace("&#45;", "-")
    stub = re.search(r'<g id="more--hub" class="node stub">(.*?)(?:<!--|</svg>)', svg, re.S)
    assert stub is not None
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", stub.group(1))
    assert texts[0] == "continued in"
    assert len(texts) == 1 + len(pages)
    for text, page in zip(texts[1:], pages, strict=True):
        number, lead = re.fullmatch(r"figure (\d+): (.+)", text).groups()  # type: ignore[union-attr]
        assert int(number) == page
        drawn = fitted.drawn[page - 1].figure
        firsts = [s.claim for s in drawn.shown if s.how is not How.FULL or s.claim != "hub"]
        starts = [fitted.amap.by_id()[name].text for name in firsts]
        assert any(start.startswith(lead.rstrip("…")) for start in starts), (lead, starts)
    assert all(d.width <= fitted.budget.width + 0.01 for d in fitted.drawn)
