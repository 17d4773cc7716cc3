"""Figures that fit a column: the arithmetic, the split's promises, the drawing of each figure
(the thesis on top, undercuts apart, a legend of what is used), determinism and stability."""

from __future__ import annotations

import collections
import io
import itertools
import random
import re
import struct
import sys
import warnings

import attrs
import pytest

from argmap.analysis.figures import Figure, How, split
from argmap.analysis.summary import thesis
from argmap.api import check_bytes, load, render_figures, render_map
from argmap.diagnostics import FitWarning, UsageError
from argmap.draw.fit import budget_for, common_scale, fit, measure, px_per_unit, widest
from argmap.draw.graph import Look, whole_shape
from argmap.draw.themes import THEMES, palette
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref

from .conftest import ROOT, SEED_MAP, run

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate

TWO = """\
argmap: 1
title: Two claims
recommendations:
  - id: act
    text: We should act now.
    reasons: [evidence]
premises:
  - id: evidence
    text: The evidence is clear.
"""


def two_claims() -> ArgumentMap:
    amap = check_bytes(TWO.encode(), "two.yaml").map
    assert amap is not None
    return amap


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[int, ArgumentMap]:
    folder = tmp_path_factory.mktemp("generated")
    return {size: load(generate(size, folder)) for size in (100, 600)}


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


def split_of(amap: ArgumentMap, column: int = 720) -> tuple[object, list[Figure]]:
    shape = whole_shape(amap)
    budget = budget_for(column)
    sizes = measure(shape, Look(room=budget.width))
    return shape, split(shape, sizes, budget)


# --- the arithmetic -----------------------------------------------------------------------


def test_a_720_px_column_takes_figures_960_pt_wide() -> None:
    assert widest(720) == pytest.approx(960)
    assert 12 * px_per_unit(960, 720) == pytest.approx(9)  # claim text: 9 px
    assert 10 * px_per_unit(960, 720) == pytest.approx(7.5)  # the smallest text: 7.5 px


def test_a_figure_narrower_than_its_column_keeps_its_natural_size() -> None:
    assert px_per_unit(300, 720) == pytest.approx(4 / 3)


def test_the_figures_of_a_map_share_the_scale_of_the_widest() -> None:
    assert common_scale([500, 960, 700], 720) == pytest.approx(0.75)
    assert common_scale([300, 200], 720) == pytest.approx(4 / 3)


def test_a_page_takes_figures_as_wide_as_its_text_can_shrink_to_stay_readable() -> None:
    a4 = budget_for(page="a4")  # 523 pt inside the margins; text may shrink to 3/4
    assert a4.width == pytest.approx((595.28 - 72) * 4 / 3)
    assert a4.height == pytest.approx((841.89 - 72) * 4 / 3)
    landscape = budget_for(page="a4", landscape=True)
    assert (landscape.width, landscape.height) == pytest.approx((a4.height, a4.width))


# --- the thesis ---------------------------------------------------------------------------


def test_the_claim_marked_thesis_is_the_thesis(seed: ArgumentMap) -> None:
    found = thesis(seed)
    assert found is not None and found.id == "partnership-thesis" and found.thesis


def test_unmarked_the_one_top_recommendation_is_the_thesis() -> None:
    found = thesis(two_claims())
    assert found is not None and found.id == "act"


def test_unmarked_with_several_tops_there_is_no_thesis(seed: ArgumentMap) -> None:
    unmarked = attrs.evolve(seed, claims=tuple(attrs.evolve(c, thesis=False) for c in seed.claims))
    assert thesis(unmarked) is None  # three recommendations support nothing


# --- the split's promises -----------------------------------------------------------------


def promises(shape, figures: list[Figure]) -> None:  # type: ignore[no-untyped-def]
    """Every claim in full somewhere, every relation drawn somewhere, every reference to a
    figure that has the claim in full, branches continued later, the thesis's figure first."""
    assert [f.number for f in figures] == list(range(1, len(figures) + 1))
    full_in: dict[str, set[int]] = {}
    for f in figures:
        for name in f.full():
            full_in.setdefault(name, set()).add(f.number)
    assert set(full_in) == set(shape.claims)
    for name, units in shape.units.items():
        wanted = {u for u, branch in enumerate(units) if branch is not None}
        drawn: set[int] = set()
        for f in figures:
            if name in f.full():
                drawn |= set(f.units.get(name, wanted))
        assert wanted <= drawn, name
    for f in figures:
        for shown in f.shown:
            if shown.how is not How.FULL:
                assert shown.where is not None
                assert shown.claim in figures[shown.where - 1].full()
            if shown.how is How.CONTINUED:
                assert shown.where > f.number  # a branch continues later, never earlier
    if shape.thesis is not None:
        assert figures[0].tops == (shape.thesis,)


@pytest.mark.parametrize("name", ["seed", "two", 100, 600])
def test_the_split_keeps_its_promises(name, seed, generated) -> None:  # type: ignore[no-untyped-def]
    amap = {"seed": seed, "two": two_claims()}.get(name) or generated[name]
    promises(*split_of(amap))


def test_the_split_is_deterministic(generated) -> None:  # type: ignore[no-untyped-def]
    assert split_of(generated[600])[1] == split_of(generated[600])[1]


def test_a_map_that_fits_is_one_figure(seed: ArgumentMap) -> None:
    shape, figures = split_of(seed, column=2400)
    assert len(figures) == 1 and set(figures[0].full()) == set(shape.claims)  # type: ignore[attr-defined]


NEW = "new-premise-for-test"


def with_premise(amap: ArgumentMap, target: str) -> ArgumentMap:
    """The map with one more premise, a new last reason of ``target``."""
    premise = Claim(NEW, Kind.PREMISE, "A new premise added to test that the split holds still.")
    claims = [
        attrs.evolve(c, reasons=(*c.reasons, Reason((Ref(NEW),)))) if c.id == target else c
        for c in amap.claims
    ]
    return attrs.evolve(amap, claims=(premise, *claims))


def signature(figures: list[Figure]) -> set[tuple[object, ...]]:
    """What a figure is, whatever its number: its tops and the claims it has in full."""
    return {(f.tops, tuple(sorted(c for c in f.full() if c != NEW))) for f in figures}


@pytest.mark.parametrize("name", ["seed", 100, 600])
def test_one_more_premise_changes_only_figures_near_it(name, seed, generated) -> None:  # type: ignore[no-untyped-def]
    """Only figures on the edited claim's path to its top change, and few: at most three."""
    amap = seed if name == "seed" else generated[name]
    before = signature(split_of(amap)[1])
    targets = [c.id for c in amap.claims if c.kind is not Kind.PREMISE]
    changed = []
    for target in random.Random(5).sample(targets, min(12, len(targets))):
        after = signature(split_of(with_premise(amap, target))[1])
        changed.append(len(after - before))
    assert max(changed) <= 3, changed
    assert sorted(changed)[len(changed) // 2] <= 1, changed  # the median edit: one at most


# --- the drawing --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_fitted(seed: ArgumentMap):  # type: ignore[no-untyped-def]
    return fit(seed, budget_for(720))


def test_every_figure_fits_its_column(seed_fitted, generated) -> None:  # type: ignore[no-untyped-def]
    assert len(seed_fitted.drawn) > 1
    assert all(d.width <= seed_fitted.budget.width for d in seed_fitted.drawn)
    big = fit(generated[600], budget_for(720))
    assert all(d.width <= big.budget.width for d in big.drawn)
    promises(big.shape, [d.figure for d in big.drawn])
    # Figures laid out in one round and numbered anew in the next carry their final numbers.
    assert big.rounds > 1
    total = len(big.drawn)
    for d in big.drawn:
        assert f"FIGURE {d.figure.number} OF {total}" in d.svg.decode()
        shown = {int(n) for n in re.findall(r"(?:figures?|,) (\d+)", d.svg.decode())}
        assert shown <= set(range(1, total + 1)) - {d.figure.number}


def test_figure_numbers_are_filled_in(seed_fitted) -> None:  # type: ignore[no-untyped-def]
    total = len(seed_fitted.drawn)
    for d in seed_fitted.drawn:
        text = d.svg.decode()
        assert not re.search(r"(figures?|FIGURE|OF) 999", text)
        assert f"FIGURE {d.figure.number} OF {total}" in text


def test_fitting_twice_gives_the_same_bytes(seed: ArgumentMap) -> None:
    assert render_figures(seed, "svg", fit=720) == render_figures(seed, "svg", fit=720)


def _box(svg: str, ident: str) -> tuple[float, float, float]:
    """A node's left and right edge and its top (SVG y grows downwards)."""
    svg = svg.replace("&#45;", "-")
    group = re.search(rf'<g id="{re.escape(ident)}" class="node[^"]*">.*?</g>', svg, re.S)
    assert group, ident
    points = [
        (float(x), float(y)) for x, y in re.findall(r"(-?\d+\.?\d*),(-?\d+\.?\d*)", group.group())
    ]
    return min(p[0] for p in points), max(p[0] for p in points), min(p[1] for p in points)


@pytest.mark.parametrize("how", ["figure", "whole"])
def test_the_thesis_is_on_top_centred_and_emphasised(
    how: str, seed: ArgumentMap, seed_fitted
) -> None:  # type: ignore[no-untyped-def]
    if how == "figure":
        svg, width = seed_fitted.drawn[0].svg.decode(), seed_fitted.drawn[0].width
    else:
        svg = render_map(seed, "svg").decode()
        width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))  # type: ignore[union-attr]
    left, right, top = _box(svg, "partnership-thesis")
    assert abs((left + right) / 2 - width / 2) < 0.05 * width
    named = re.findall(r'<g id="([a-z0-9-]+)" class="node claim', svg.replace("&#45;", "-"))
    others = [_box(svg, name)[2] for name in named]
    assert top == min(others)  # nothing drawn higher
    assert "MAIN THESIS" in svg and 'class="node claim recommendation thesis"' in svg


def test_three_undercuts_of_one_step_land_apart(seed_fitted) -> None:  # type: ignore[no-untyped-def]
    figure = next(d for d in seed_fitted.drawn if "continued-deference" in d.figure.full())
    svg = figure.svg.decode().replace("&#45;", "-")
    tips = []
    for name in ("no-leader-backs-war", "went-further", "tokayev-refusal"):
        edge = re.search(rf'<g id="undercut--{name}--[^"]*" class="edge undercut">.*?</g>', svg,
                         re.S)  # fmt: skip
        assert edge, name
        path = re.search(r' d="M[^"]*?(-?\d+\.?\d*),(-?\d+\.?\d*)"', edge.group())
        assert path
        tips.append(float(path.group(1)))
    tips.sort()
    assert min(b - a for a, b in itertools.pairwise(tips)) >= 12  # points apart, at least


def _heading(svg: bytes) -> list[str]:
    first = svg.split(b'class="node', 1)[0].decode()
    return re.findall(r"<text[^>]*>([^<]*)</text>", first)


def test_the_legend_shows_only_what_the_figure_uses() -> None:
    words = _heading(render_map(two_claims(), "svg", fit=720))
    assert {"supports", "PREMISE", "RECOMMENDATION"} <= set(words)
    for absent in ("attacks", "undercuts a step", "CONCLUSION", "contradict", "IMPLICIT"):
        assert absent not in words
    assert not any("together" in word for word in words)
    quiet = _heading(render_map(two_claims(), "svg", fit=720, legend=False))
    assert "supports" not in quiet and "PREMISE" not in quiet


def test_a_reference_shows_the_claims_label_and_the_tooltip_its_text(seed_fitted) -> None:  # type: ignore[no-untyped-def]
    text = "".join(d.svg.decode() for d in seed_fitted.drawn).replace("&#45;", "-")
    assert "Led by mutual benefit" in text
    group = re.search(r'<g id="ref--mutual-benefit-strategy"[^>]*>.*?</g>\s*</g>', text, re.S)
    assert group is not None and "Any European strategy for Central Asia" in group.group()


def test_render_map_refuses_a_map_that_needs_several_figures(seed: ArgumentMap) -> None:
    with pytest.raises(
        UsageError,
        match=r"4 figures; argmap\.render_figures returns them all \(a loaded map's "
        r"\.figures\(\)\)",
    ):
        render_map(seed, "svg", fit=720)
    assert render_map(seed, "svg", fit=2400).startswith(b"<?xml")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"fmt": "pdf", "fit": 720, "page": "a4"}, "give fit= or page="),
        ({"fmt": "svg", "page": "a4"}, "page= applies to pdf only"),
        ({"fmt": "pdf", "landscape": True}, "landscape= goes with page="),
        ({"fmt": "svg", "fit": 720, "width": "10cm"}, "give fit= or width="),
    ],
)
def test_options_that_do_not_fit_together_are_refused(seed: ArgumentMap, options, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match=message):
        render_figures(seed, **options)


def test_the_svg_figures_share_one_scale_and_say_which_they_are(seed: ArgumentMap) -> None:
    drawings = render_figures(seed, "svg", fit=720)
    scales = []
    for number, svg in enumerate(drawings, 1):
        root = re.search(rb"<svg [^>]*>", svg).group().decode()  # type: ignore[union-attr]
        shown = float(re.search(r'width="([\d.]+)px"', root).group(1))  # type: ignore[union-attr]
        box = float(re.search(r'viewBox="0 0 ([\d.]+)', root).group(1))  # type: ignore[union-attr]
        scales.append(shown / box)
        assert f"(figure {number} of {len(drawings)})</title>".encode() in svg
    assert max(scales) - min(scales) < 0.001
    assert 12 * scales[0] >= 9


def test_png_figures_and_dot_figures(seed: ArgumentMap) -> None:
    pngs = render_figures(seed, "png", fit=720)
    dots = render_figures(seed, "dot", fit=720)
    assert len(pngs) == len(dots) == len(render_figures(seed, "svg", fit=720)) > 1
    assert all(png.startswith(b"\x89PNG") for png in pngs)
    assert all(b"999" not in dot for dot in dots)


def png_size(png: bytes) -> tuple[int, float]:
    """A PNG's width in pixels, and the resolution it records (pixels an inch)."""
    assert png[37:41] == b"pHYs"
    return struct.unpack(">I", png[16:20])[0], struct.unpack(">I", png[41:45])[0] * 0.0254


@pytest.mark.parametrize("column", [720, 1280])
def test_png_figures_record_the_resolution_that_shows_them_at_their_column_size(
    seed: ArgumentMap, column: int
) -> None:
    # A teacher's figures at --fit 720 were 1034 px wide recording 85 dpi: Word placed them
    # 1162 px wide, not the 720 of the column (at --fit 1280, 1920 px at 96 dpi).
    svgs = render_figures(seed, "svg", fit=column)
    for png, svg in zip(render_figures(seed, "png", fit=column), svgs, strict=True):
        pixels, dpi = png_size(png)
        shown = pixels * 96 / dpi  # CSS px
        assert dpi == pytest.approx(144, abs=0.05)
        wide = float(re.search(rb'width="([\d.]+)px"', svg).group(1))  # type: ignore[union-attr]
        assert shown == pytest.approx(wide, abs=1.5) and shown <= column + 1


# --- maps of many parts -------------------------------------------------------------------


def parts_map(count: int) -> ArgumentMap:
    """``count`` disconnected arguments, each a premise supporting a conclusion."""
    claims: list[Claim] = []
    for n in range(1, count + 1):
        claims.append(Claim(f"p{n}", Kind.PREMISE, f"Premise of part {n}."))
    for n in range(1, count + 1):
        reason = Reason((Ref(f"p{n}"),))
        claims.append(
            Claim(f"c{n}", Kind.CONCLUSION, f"Conclusion of part {n}.", reasons=(reason,))
        )
    return ArgumentMap("Parts", tuple(claims))


def test_a_map_of_many_parts_is_packed_in_reading_order_every_edge_up() -> None:
    import pygraphviz

    from argmap.draw.figures import whole_dot

    dot, _ = whole_dot(parts_map(7))
    assert "pack=true" in dot and "packmode=array_bu3" in dot
    graph = pygraphviz.AGraph(string=dot)
    graph.layout(prog="dot")
    y = {str(n): float(n.attr["pos"].split(",")[1]) for n in graph.nodes()}
    x = {str(n): float(n.attr["pos"].split(",")[0]) for n in graph.nodes()}
    assert all(y[head] > y[tail] for tail, head in graph.edges())  # every edge points up
    # Rows from the top, left to right: part 1 first, alone in the top row (7 = 1 + 3 + 3).
    rows = sorted({round(y[f"c{n}"]) for n in range(1, 8)}, reverse=True)
    placed = [
        sorted((x[f"c{n}"], n) for n in range(1, 8) if round(y[f"c{n}"]) == row) for row in rows
    ]
    assert [[n for _, n in row] for row in placed] == [[1], [2, 3, 4], [5, 6, 7]]
    assert "pack" not in whole_dot(parts_map(1))[0]


def test_a_figure_drawn_again_for_png_or_pdf_keeps_its_layout(generated) -> None:  # type: ignore[no-untyped-def]
    """PNG and PDF are drawn with the real figure numbers where the SVG's layout (made with
    placeholders) put everything: every edge on the same path."""

    def edges(svg: bytes) -> list[list[float]]:
        groups = re.findall(rb'<g id="[^"]*" class="edge[^"]*">.*?</g>', svg, re.S)
        paths = [path for group in groups for path in re.findall(rb' d="([^"]*)"', group)]
        return [[float(n) for n in re.findall(rb"-?\d+(?:\.\d+)?", path)] for path in paths]

    def same(drawn: list[list[float]], again: list[list[float]]) -> bool:
        # The laid-out graph keeps each point as Graphviz wrote it (to 0.001 pt), the first
        # drawing had it to the bit: a coordinate may come out 0.01 pt apart, no more.
        return len(drawn) == len(again) and all(
            len(a) == len(b) and all(abs(x - y) <= 0.0101 for x, y in zip(a, b, strict=True))
            for a, b in zip(drawn, again, strict=True)
        )

    fitted = fit(generated[600], budget_for(720), keep=True)
    for d in fitted.drawn:
        assert edges(d.svg) != []
        assert same(edges(d.svg), edges(fitted.draw(d, "svg"))), d.figure.number


# --- columns on paper ---------------------------------------------------------------------


def test_a_column_on_paper_gives_figures_at_their_printed_size(seed: ArgumentMap) -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    from PIL import Image

    pdfs = render_figures(seed, "pdf", fit="468x648pt")  # a letter page's text, 1-inch margins
    sizes, smallest = [], []
    for pdf in pdfs:
        with pdfplumber.open(io.BytesIO(pdf)) as opened:
            (page,) = opened.pages
            sizes.append((float(page.width), float(page.height)))
            smallest.append(min(c["size"] for c in page.chars))
    assert len(pdfs) > 1
    assert all(w <= 468.01 and h <= 648.01 for w, h in sizes)
    assert max(w for w, _ in sizes) == pytest.approx(468, abs=0.01)  # the widest fills it
    assert min(smallest) >= 7.5  # 10-pt words at 3/4 at the least: readable printed
    pngs = render_figures(seed, "png", fit="6.5in", dpi=300)
    assert len(pngs) == len(render_figures(seed, "svg", fit="468pt"))
    for png in pngs:
        image = Image.open(io.BytesIO(png))
        dpi = image.info["dpi"][0]
        assert dpi == pytest.approx(300, rel=0.01)
        assert image.width / dpi * 72 <= 468.5  # printed at most as wide as the column


def test_a_column_is_read_from_its_width_and_unit() -> None:
    from argmap.draw.options import Fit

    assert Fit.parse("720") == Fit.parse("720px") == Fit(720.0)
    assert Fit.parse("16.51cm") == Fit(468.0, True)
    assert Fit.parse("345x550pt") == Fit(345.0, True, 550.0)
    # TeX's name for argmap's pt (1/72 in), which a LaTeX writer knows, was "no column width".
    assert Fit.parse("345bp") == Fit.parse("345pt") == Fit(345.0, True)
    assert Fit.parse("1280x720") == Fit.parse("1280x720px") == Fit(1280.0, False, 720.0)
    for bad, message in (("wide", "no column width"), ("1in", "a column is 144 to 10000 pt"),
                         ("1280x0", "0 px high; a column's height is 72 to 10000 px"),
                         ("468x1pt", "1 pt high")):  # fmt: skip
        with pytest.raises(UsageError, match=message):
            Fit.parse(bad)


def test_a_figure_the_fit_cannot_make_readable_is_said_with_its_text_size(
    seed: ArgumentMap, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # Pandoc's LaTeX column: one figure is too wide to keep 9 pt.
    pdfplumber = pytest.importorskip("pdfplumber")
    with pytest.warns(FitWarning) as said:
        pdfs = render_figures(seed, "pdf", fit="343.71x547.95pt")
    notes = {str(w.message).split(" is too big")[0]: str(w.message) for w in said}
    assert sorted(notes) == ["figure 11 of 13"]
    for name, message in notes.items():  # the size said is the size printed
        number = int(name.split()[1])
        with pdfplumber.open(io.BytesIO(pdfs[number - 1])) as opened:
            regular = [c["size"] for c in opened.pages[0].chars if "Bold" not in c["fontname"]]
        claim = collections.Counter(round(s, 2) for s in regular).most_common(1)[0][0]
        said_size = float(message.split("comes out at ")[1].split(" pt")[0])
        assert said_size == pytest.approx(claim, abs=0.01)
        assert claim < 9
    result = run("render", str(SEED_MAP), "--fit", "343.71x547.95pt", "-o", f"{tmp_path}/")
    assert result.exit_code == 0
    assert result.output.count(f"{SEED_MAP}: note: figure ") == 1


def test_figures_that_fit_say_nothing(seed: ArgumentMap, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run("render", str(SEED_MAP), "--fit", "720", "-o", f"{tmp_path}/")
    assert result.exit_code == 0
    assert "note:" not in result.output
    with warnings.catch_warnings():
        warnings.simplefilter("error", FitWarning)
        render_figures(seed, "pdf", page="a4")


@pytest.mark.parametrize("fit_to", ["720", "468x611pt"])
@pytest.mark.parametrize("theme", ["dark", "print"])
def test_fitted_svg_figures_are_drawn_in_the_theme_asked_for(
    seed: ArgumentMap, theme: str, fit_to: str
) -> None:
    """`--fit 720 --theme dark` wrote every figure in the light theme's colours, under the dark
    theme's class: dark text on a dark page where the SVG was put on one. Each figure is now
    drawn in the theme's colours, as the whole map and the PNG and PDF figures are."""
    light = render_figures(seed, "svg", fit=fit_to)
    themed = render_figures(seed, "svg", fit=fit_to, theme=theme)
    colour = re.compile(r'(?:fill|stroke)="(#[0-9a-f]{6})"')
    in_theme = {c.lower() for c in palette(THEMES[theme]).values()}
    assert len(themed) == len(light) > 1
    for plain, drawn in zip(light, themed, strict=True):
        used = set(colour.findall(drawn.decode("utf-8")))
        assert used and used <= in_theme, sorted(used - in_theme)
        # The same figures, laid out alike: only the colours differ.
        strip = lambda svg: colour.sub("", re.sub(r"argmap-[0-9a-f]{10}", "", svg.decode()))  # noqa: E731
        assert len(strip(plain).splitlines()) == len(strip(drawn).splitlines())


def test_a_figure_drawn_again_keeps_its_labels_where_its_layout_put_them() -> None:
    """A PNG or PDF figure is drawn from the layout of its SVG, where centring the thesis may
    have moved a scheme's label with its line: the label goes where the line went."""
    import pygraphviz

    from argmap.draw.layout import placed

    source = 'digraph { a -> b [id=s label="Example"] }'
    before = pygraphviz.AGraph(string=source)
    before.layout(prog="dot")
    before.get_edge("a", "b").attr["lp"] = "40.5,20"  # moved after the layout
    again = pygraphviz.AGraph(string=source)
    again.layout(prog="dot")
    placed(before.string())(again)
    assert again.get_edge("a", "b").attr["lp"] == "40.5,20"
