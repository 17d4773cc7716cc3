"""Printed pages (``render -f pdf --page a4``) and the render command's figures: measured with a
PDF library (pdfplumber reads every character's size as it lands on the page)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest

from argmap.api import load, render_figures, render_map
from argmap.draw import engine, pdf
from argmap.draw.fit import MARGIN, page_box
from argmap.draw.pdf import creation_date

from .conftest import SEED_MAP, run

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def pages(data: bytes) -> list[tuple[float, float, float, int, list[dict]]]:
    """Each page's width, height, least text size (points) and number of characters, and its
    characters."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [
            (page.width, page.height, min(c["size"] for c in page.chars), len(page.chars),
             list(page.chars))
            for page in pdf.pages
        ]  # fmt: skip


@pytest.fixture(scope="module")
def a4() -> bytes:
    return render_map(load(SEED_MAP), "pdf", page="a4")


def test_a4_pages_text_at_least_7_pt_inside_the_margins(a4: bytes) -> None:
    found = pages(a4)
    for width, height, least, count, chars in found:
        assert (width, height) == pytest.approx(A4)
        assert least >= 7.0
        assert count > 50
        # Inside the margins: nothing within 30 points of an edge.
        assert min(c["x0"] for c in chars) >= 30 and max(c["x1"] for c in chars) <= width - 30
        assert min(c["top"] for c in chars) >= 30 and max(c["bottom"] for c in chars) <= height - 30


def headings(data: bytes) -> list[tuple[int, float, str]]:
    """Each figure's heading ("FIGURE 2 OF 7"): the page it is on, its top, its words."""
    found = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            lines = page.extract_text_lines()
            found += [(number, line["top"], line["text"]) for line in lines
                      if re.fullmatch(r"FIGURE \d+ OF \d+", line["text"])]  # fmt: skip
    return sorted(found)


def test_figures_share_a_page_when_they_fit_in_reading_order(a4: bytes) -> None:
    found = headings(a4)
    count = len(found)
    assert [text for _, _, text in found] == [f"FIGURE {n} OF {count}" for n in range(1, count + 1)]
    on_pages = [number for number, _, _ in found]
    assert on_pages == sorted(on_pages)  # in reading order, down each page
    assert len(pages(a4)) < count  # some page holds two figures: not a page each


def box(name: str, height: float, width: float = 54) -> bytes:
    """A one-page PDF as Graphviz draws it: a box ``height`` points tall (and ``width`` wide)
    holding ``name``."""
    dot = (f'digraph {{ n [shape=box label="{name}" height={height / 72} width={width / 72} '
           'fontname="Argmap Sans"] }')  # fmt: skip
    return engine.render(dot, "pdf")


def test_a_page_holds_figures_one_under_another_until_the_next_does_not_fit() -> None:
    inner_w, inner_h = page_box("a4")[2:]
    tall, wide = inner_h * 0.6, inner_w * 0.6  # too wide for two side by side
    data = pdf.document(
        [box("one", 100, wide), box("two", 100, wide), box("three", tall, wide),
         box("four", 50, wide)],
        "Boxes", paper=A4, margin=MARGIN,
    )  # fmt: skip
    with pdfplumber.open(io.BytesIO(data)) as document:
        words = [[(w["text"], w["top"]) for w in page.extract_words()] for page in document.pages]
    # "three" does not fit under "one" and "two": it starts a page, and "four" goes under it.
    assert [[text for text, _ in page] for page in words] == [["one", "two"], ["three", "four"]]
    for page in words:
        tops = [top for _, top in page]
        assert tops == sorted(tops)  # each under the one before
    # From the top of the page, one under the other, GAP points apart.
    (_, one), (_, two) = words[0]
    tall_one = pages(box("one", 100, wide))[0][1]  # the box and Graphviz's margin around it
    assert MARGIN < one < MARGIN + tall_one
    assert two - one == pytest.approx(tall_one + pdf.GAP, abs=0.5)
    assert pages(data)[0][:2] == pytest.approx(A4)


def test_figures_narrow_enough_share_a_row_side_by_side_in_reading_order() -> None:
    """Figures printed one under another left the page blank beside each narrow one (a
    generated map of 100 claims took 26 landscape A4 pages; now 22). Figures now go side by
    side while the row holds them, rows down the page."""
    inner_w, inner_h = page_box("a4", landscape=True)[2:]
    margins = pages(box("x", 100, 100))[0][0] - 100  # Graphviz's, around a drawing
    third = (inner_w - 2 * pdf.GAP) / 3 - margins - 2  # three such figures fill a row
    landscape = (A4[1], A4[0])
    data = pdf.document(
        [box("one", 100, inner_w * 0.9), box("two", 100, third), box("three", 100, third),
         box("four", 100, third), box("five", inner_h * 0.7, third)],
        "Boxes", paper=landscape, margin=MARGIN,
    )  # fmt: skip
    with pdfplumber.open(io.BytesIO(data)) as document:
        words = [{w["text"]: w for w in page.extract_words()} for page in document.pages]
    # one alone (too wide to share); two, three and four in a row under it; five, too tall
    # for the rest of the page, on the next
    assert [list(page) for page in words] == [["one", "two", "three", "four"], ["five"]]
    first = words[0]
    assert first["one"]["bottom"] < first["two"]["top"]
    assert first["two"]["x1"] < first["three"]["x0"] < first["three"]["x1"] < first["four"]["x0"]
    # a row's figures at one height, and the row centred across
    assert first["two"]["top"] == first["three"]["top"] == first["four"]["top"]
    left, right = first["two"]["x0"], landscape[0] - first["four"]["x1"]
    assert left == pytest.approx(right, abs=1)


def test_the_drawing_page_says_how_many_pages_the_seed_map_takes(a4: bytes) -> None:
    said = " ".join((Path(__file__).parent.parent / "docs" / "drawing.md").read_text().split())
    number = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
    ]
    figures, sheets = len(headings(a4)), len(pages(a4))
    assert f"seed map's {number[figures]} figures take {number[sheets]} A4 pages" in said


def test_claim_text_on_paper_is_at_least_9_pt(a4: bytes) -> None:
    with pdfplumber.open(io.BytesIO(a4)) as pdf:
        for page in pdf.pages:
            text = [c for c in page.chars if not c["fontname"].endswith("Bold")]
            sizes = sorted({round(c["size"], 2) for c in text})
            # Regular text is claim text (12 pt drawn) or small words (10 pt drawn).
            assert max(sizes) >= 9.0


def test_every_claim_is_on_some_page_in_full(a4: bytes) -> None:
    with pdfplumber.open(io.BytesIO(a4)) as pdf:
        on_pages = [{w["text"] for w in page.extract_words()} for page in pdf.pages]
    for claim in load(SEED_MAP).claims:
        words = set(claim.text.split())
        assert any(words <= found for found in on_pages), claim.id


def test_the_pdf_has_a_title_and_a_date_only_from_source_date_epoch(
    a4: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pdfplumber.open(io.BytesIO(a4)) as pdf:
        assert pdf.metadata["Title"] == "Europe & Central Asia: a partnership with mutual benefits"
        assert "CreationDate" not in pdf.metadata
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = render_map(load(SEED_MAP), "pdf", page="a4")
    with pdfplumber.open(io.BytesIO(dated)) as pdf:
        assert pdf.metadata["CreationDate"] == "D:20231114221320Z"
    assert render_map(load(SEED_MAP), "pdf", page="a4") == dated  # the same bytes again


def test_letter_landscape_and_the_whole_map(a4: bytes) -> None:
    landscape = pages(render_map(load(SEED_MAP), "pdf", page="letter", landscape=True))
    assert all((w, h) == pytest.approx(LETTER[::-1]) for w, h, *_ in landscape)
    assert all(least >= 7.0 for _, _, least, *_ in landscape)
    assert len(landscape) > 1  # the seed map does not fit one page at 7 pt
    whole = pages(render_map(load(SEED_MAP), "pdf"))  # at its natural size, one page
    assert len(whole) == 1 and whole[0][2] == pytest.approx(10, abs=0.01)


def test_a_title_that_is_not_ascii_is_kept() -> None:
    assert creation_date({}) is None
    amap = load(SEED_MAP)
    import attrs

    data = render_map(attrs.evolve(amap, title="Ευρώπη και Κεντρική Ασία"), "pdf", page="a4")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert pdf.metadata["Title"] == "Ευρώπη και Κεντρική Ασία"


# --- the command line ---------------------------------------------------------------------


def test_render_fit_writes_numbered_figures_into_a_folder_and_lists_them(
    seed_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "build"
    result = run("render", str(seed_copy), "--fit", "720", "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    count = len(render_figures(load(SEED_MAP), "dot", fit=720))
    assert count > 1
    assert names == [f"europe-central-asia-{n}.svg" for n in range(1, count + 1)]
    assert [line for line in result.output.splitlines() if "wrote" in line] == [
        f"argmap: wrote {out / name}" for name in names
    ]
    result = run("render", str(seed_copy), "--fit", "2400", "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    assert (out / "europe-central-asia.svg").exists()
    assert result.output.count("is left from an earlier drawing of this map") == count


def test_render_fit_to_stdout_takes_one_figure(seed_copy: Path) -> None:
    result = run("render", str(seed_copy), "--fit", "720", "-o", "-")
    assert result.exit_code == 2
    assert re.search(r"drawn as \d+ figures, which - \(stdout\) cannot hold", result.output)
    result = run("render", str(seed_copy), "--fit", "2400", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("<?xml")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fit", "720", "-f", "pdf", "--page", "a4"], "give --fit or --page"),
        (["--page", "a4"], "--page applies to pdf only"),
        (["--landscape", "-f", "pdf"], "--landscape goes with --page"),
        (["--fit", "100"], "fit '100' is 100 px wide; a column is 144 to 10000 px"),
        (["--fit", "9x"], "fit '9x' is no column width"),
        (["--fit", "468pt", "-f", "html"], "give --fit in px"),
    ],
)
def test_render_refuses_options_that_do_not_go_together(
    seed_copy: Path, args: list[str], message: str
) -> None:
    result = run("render", str(seed_copy), *args)
    assert result.exit_code == 2
    assert message in result.output


def test_render_page_writes_one_pdf(seed_copy: Path, tmp_path: Path) -> None:
    result = run("render", str(seed_copy), "-f", "pdf", "--page", "a4", "-o", f"{tmp_path}/")
    assert result.exit_code == 0, result.output
    data = (tmp_path / "europe-central-asia.pdf").read_bytes()
    assert len(pages(data)) > 1


def test_no_legend(seed_copy: Path) -> None:
    result = run("render", str(seed_copy), "--no-legend", "-f", "dot", "-o", "-")
    assert result.exit_code == 0
    assert "supports</FONT>" not in result.stdout
    result = run("render", str(seed_copy), "-f", "dot", "-o", "-")
    assert "supports</FONT>" in result.stdout


def test_the_help_shows_the_new_options() -> None:
    text = run("render", "--help").output
    for option in (
        "--fit WIDTH",
        "--page [a4|letter|a3|a2|a1|a0]",
        "--landscape",
        "--legend / --no-legend",
        "--title / --no-title",
        "--min-text-size SIZE",
    ):
        assert option in text
    assert re.search(r"--fit 720 -o build/", text)
