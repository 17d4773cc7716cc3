"""A paper and a poster, as a researcher makes them with no help but the docs: a 14-claim map
at ``--fit 468pt`` took 5 figures, each under the map's title (which the paper's caption
already says), and there was no way to trade the 9-pt floor for fewer figures; and no poster
(``--page`` knew a4 and letter, and ``--fit 2384pt`` kept the map at its own width)."""

from __future__ import annotations

import io
import sys
import warnings
from pathlib import Path

import pdfplumber
import pytest

from argmap.api import load, render_figures
from argmap.diagnostics import FitWarning

from .conftest import ROOT, SEED_MAP, run

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


@pytest.fixture(scope="module")
def fourteen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The researcher's map: 14 claims, the thesis with reasons in several figures."""
    folder = tmp_path_factory.mktemp("paper")
    (folder / "pyproject.toml").touch()
    return generate(14, folder, seed=1)


def texts(pdf: bytes) -> tuple[str, list[float], list[float]]:
    """A one-page PDF's text, its regular (claim) text sizes and its bold ones (titles)."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        (page,) = doc.pages
        chars = page.chars
        regular = [c["size"] for c in chars if not c["fontname"].endswith("Bold")]
        bold = [c["size"] for c in chars if c["fontname"].endswith("Bold")]
        return page.extract_text(), regular, bold


def claim_size(pdf: bytes) -> float:
    """The claim text's size as printed: the most common size of regular text."""
    sizes = [round(size, 2) for size in texts(pdf)[1]]
    return max(set(sizes), key=sizes.count)


def test_no_title_leaves_the_title_and_source_out_of_every_figure(fourteen: Path) -> None:
    amap = load(fourteen)
    titled = render_figures(amap, "pdf", fit="468pt")
    bare = render_figures(amap, "pdf", fit="468pt", title=False)
    assert len(titled) == 5  # as the researcher found it
    for figure in titled:
        assert "A generated map of 14 claims" in texts(figure)[0]
    assert "Source: A generated source text" in texts(titled[0])[0]
    assert len(bare) <= len(titled)
    for number, figure in enumerate(bare, 1):
        text = texts(figure)[0]
        assert "A generated map of 14 claims" not in text
        assert "Source:" not in text
        assert f"FIGURE {number} OF {len(bare)}" in text  # what the stubs name it by
        assert "supports" in text or "attacks" in text  # the legend, unless --no-legend
    bare_whole = render_figures(amap, "svg", title=False)[0]
    assert b">A generated map of 14 claims</text>" not in bare_whole
    assert b'-title">A generated map of 14 claims</title>' in bare_whole  # still named


def test_no_title_on_the_command_line(fourteen: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("render", str(fourteen), "-f", "pdf", "--fit", "468pt", "--no-title",
                 "--no-legend", "-o", f"{out}/")  # fmt: skip
    assert result.exit_code == 0, result.output
    figures = sorted(out.glob("*.pdf"))
    assert figures
    for figure in figures:
        text = texts(figure.read_bytes())[0]
        assert "A generated map" not in text and "supports" not in text


@pytest.mark.parametrize("fit", ["468pt", "468x648pt", "720"])
def test_a_lower_floor_gives_no_more_figures_and_text_never_below_it(
    fourteen: Path, fit: str
) -> None:
    amap = load(fourteen)
    counts = []
    for least in (9, 8, 7, 6):
        figures = render_figures(amap, "pdf" if fit.endswith("pt") else "svg", fit=fit,
                                 min_text_size=least)  # fmt: skip
        counts.append(len(figures))
        if fit.endswith("pt"):
            for figure in figures:
                assert min(texts(figure)[1]) >= least * 10 / 12 - 0.01  # the smallest words
                assert claim_size(figure) >= least - 0.01
    assert counts == sorted(counts, reverse=True), counts
    assert counts[-1] < counts[0], counts


def test_the_researchers_paper_takes_fewer_figures(fourteen: Path) -> None:
    amap = load(fourteen)
    before = render_figures(amap, "pdf", fit="468pt")
    after = render_figures(amap, "pdf", fit="468pt", min_text_size=8, title=False)
    assert (len(before), len(after)) == (5, 4)
    assert all(claim_size(figure) >= 8 for figure in after)


def test_min_text_size_has_bounds() -> None:
    result = run("render", "x.yaml", "--fit", "468pt", "--min-text-size", "4")
    assert result.exit_code == 2
    assert "4.0 is not in the range 6.0<=x<=24.0" in result.output


@pytest.mark.parametrize("where", [("--fit", "2000pt"), ("--page", "a4")])
def test_a_least_size_above_the_claims_own_is_refused_but_on_a_poster(
    tmp_path: Path, where: tuple[str, str]
) -> None:
    # A reviewer's --min-text-size 24 --fit 2000pt drew the map at 12 pt and advised "a wider
    # column": figures are never enlarged, so no column could meet it.
    result = run("render", str(SEED_MAP), "-f", "pdf", *where, "--min-text-size", "14",
                 "-o", f"{tmp_path}/")  # fmt: skip
    assert result.exit_code == 2
    assert "larger than claims are drawn (12), and figures are enlarged only on a poster" in (
        result.output
    )
    assert list(tmp_path.iterdir()) == []


A0 = (2383.94, 3370.39)


@pytest.mark.parametrize("landscape", [False, True])
def test_a_poster_fills_the_page_its_text_large(fourteen: Path, landscape: bool) -> None:
    amap = load(fourteen)
    (poster,) = render_figures(amap, "pdf", page="a0", landscape=landscape)
    with pdfplumber.open(io.BytesIO(poster)) as doc:
        (page,) = doc.pages
        paper = (page.width, page.height)
        chars = page.chars
    assert paper == pytest.approx(A0[::-1] if landscape else A0, abs=0.01)
    # the whole map, enlarged to fill the page inside its margins (36 pt) across or down
    left = min(c["x0"] for c in chars)
    right = max(c["x1"] for c in chars)
    assert right <= paper[0] - 36 and left >= 36
    assert "A generated map of 14 claims" in "".join(c["text"] for c in chars)
    size = max(c["size"] for c in chars if not c["fontname"].endswith("Bold"))
    assert size > 30  # a poster read from a metre away; the map drawn whole is 12 pt


def test_poster_pages_on_the_command_line(fourteen: Path, tmp_path: Path) -> None:
    for name in ("a3", "a2", "a1", "a0"):
        out = tmp_path / f"{name}.pdf"
        result = run("render", str(fourteen), "--page", name, "-o", str(out))
        assert result.exit_code == 0, result.output
        assert out.exists()


def test_a_handout_is_not_the_whole_map_too_small_to_read(fourteen: Path) -> None:
    """A4 made the 14-claim map one page of the whole map at 4.94-pt claim text: the fit for
    figures a third of a page tall drew it whole (its split was no more readable), and one
    page beat the readable fits' two."""
    amap = load(fourteen)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no note that text is too small
        (handout,) = render_figures(amap, "pdf", page="a4")
    with pdfplumber.open(io.BytesIO(handout)) as doc:
        for page in doc.pages:
            sizes = [c["size"] for c in page.chars if not c["fontname"].endswith("Bold")]
            assert min(sizes) >= 7.5 - 0.01  # the kinds' words: 10 pt drawn, at 0.75


def test_a_markdown_block_takes_title_and_min_text_size(fourteen: Path) -> None:
    markdown = pytest.importorskip("markdown")
    block = f'```argmap file={fourteen.name} fit=468pt caption="The argument."{{}}\n```\n'
    extension = {"argmap.markdown": {"base_path": str(fourteen.parent)}}
    found = []
    for options in ("", " title=false min-text-size=8"):
        html = markdown.markdown(block.format(options), extensions=list(extension),
                                 extension_configs=extension)  # fmt: skip
        found.append((html.count("<figure"), "A generated map of 14 claims</text>" in html))
    assert found == [(5, True), (4, False)]


def test_a_poster_too_small_to_read_names_the_page_that_prints_it_readable(
    fourteen: Path,
) -> None:
    amap = load(fourteen)
    with pytest.warns(FitWarning) as said:
        render_figures(amap, "pdf", page="a3", min_text_size=24)
    (note,) = [str(w.message) for w in said]
    assert note.startswith("the map is too big for a page of a3: its claim text comes out at ")
    assert note.endswith(" pt, not 24; --page a0 prints it readable")  # a1: 2x a3, 19 pt
