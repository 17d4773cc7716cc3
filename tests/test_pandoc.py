"""The Pandoc filter: examples/pandoc built with Debian's pandoc to HTML, DOCX and PDF; a map
with errors stops Pandoc with its diagnostic at its line in the document."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("panflute")

from argmap.pandoc import figure_format

from .docbuild import (
    ENERGY_TITLE,
    SEED_TITLE,
    example,
    map_sizes,
    page_shots,
    pdf_figure_text,
    record,
    run,
)

pytestmark = pytest.mark.skipif(not shutil.which("pandoc"), reason="needs pandoc")


def pandoc(folder: Path, output: str, *more: str, name: str | None = None):  # type: ignore[no-untyped-def]
    return run(
        ["pandoc", "report.md", "--filter", "argmap-pandoc", *more, "-o", output], folder, name
    )


def test_html_has_the_figures_inline_in_order(tmp_path: Path) -> None:
    folder = example(tmp_path, "pandoc")
    done = pandoc(folder, "report.html", "-s", name="pandoc html")
    assert done.returncode == 0, done.stderr
    html = (folder / "report.html").read_text(encoding="utf-8")
    found = re.findall(
        r'<figure class="argmap" id="([^"]+)">\s*<svg.*?<title[^>]*>([^<]*)</title>', html, re.S
    )
    assert [(i, t.replace("&amp;", "&")) for i, t in found] == [
        ("fig-partnership", SEED_TITLE),
        ("fig-energy", ENERGY_TITLE),
    ]
    assert "<figcaption>\nEnergy: a reason and its <em>undercutter</em>.\n</figcaption>" in html
    assert not (folder / "argmap-figures").exists()  # nothing written beside the page


def test_docx_has_png_figures_at_most_the_page_wide(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    folder = example(tmp_path, "pandoc")
    done = pandoc(folder, "report.docx", name="pandoc docx")
    assert done.returncode == 0, done.stderr
    from docx.shared import Length

    document = docx.Document(str(folder / "report.docx"))
    # Pandoc fits images to the reference document's text width, 420 pt when it names no
    # page (as its own does not).
    section = document.sections[0]
    column = (
        Length(section.page_width - section.left_margin - section.right_margin).pt
        if (section.page_width and section.left_margin and section.right_margin)
        else 420
    )
    shapes = list(document.inline_shapes)
    assert len(shapes) == 2
    with zipfile.ZipFile(folder / "report.docx") as opened:
        media = sorted(n for n in opened.namelist() if n.startswith("word/media/"))
        assert all(n.endswith(".png") for n in media) and len(media) == 2
    captions = [p.text for p in document.paragraphs if p.style.name == "Image Caption"]
    assert captions == ["The argument of the op-ed.", "Energy: a reason and its undercutter."]
    for shape, title in zip(shapes, (SEED_TITLE, ENERGY_TITLE), strict=True):
        natural, claims, smallest = map_sizes(title)
        shown = shape.width.pt
        assert shown == pytest.approx(min(natural, column), rel=0.02)  # fitted to the page
        scale = shown / natural
        record(
            "pandoc docx",
            title,
            natural_pt=natural,
            shown_pt=shown,
            claim_text_pt=claims * scale,
            smallest_text_pt=smallest * scale,
        )


@pytest.mark.skipif(not shutil.which("pdflatex"), reason="no TeX")
def test_pdf_has_the_figures_at_the_text_width(tmp_path: Path) -> None:
    folder = example(tmp_path, "pandoc")
    done = pandoc(folder, "report.pdf", name="pandoc pdf (pdflatex)")
    assert done.returncode == 0, done.stderr
    drawn = sorted((folder / "argmap-figures").glob("*.pdf"))
    assert [p.name.rsplit("-", 1)[0] for p in drawn] == ["europe-central-asia", "map"]
    page_shots(folder / "report.pdf", "pandoc-pdf")
    for number, figure in enumerate(drawn, 1):
        natural, own, shown = pdf_figure_text(folder / "report.pdf", figure, rf"Figure\s*{number}:")
        assert shown, figure
        record(
            "pandoc pdf",
            figure.name,
            natural_pt=natural,
            shown_pt=natural * shown / own,
            smallest_text_pt=shown,
        )
        assert natural * shown / own == pytest.approx(345, rel=0.02)  # article's \textwidth


def test_a_map_with_errors_stops_pandoc_at_its_line(tmp_path: Path) -> None:
    folder = example(tmp_path, "pandoc")
    report = (folder / "report.md").read_text(encoding="utf-8")
    broken = report.replace("      - mutual-interest\n", "      - mutual-interst\n")
    (folder / "report.md").write_text(broken, encoding="utf-8")
    line = broken.splitlines().index("      - mutual-interst") + 1
    done = pandoc(folder, "report.html")
    assert done.returncode != 0
    said = done.stderr.splitlines()
    fence = (
        broken.splitlines().index(
            next(x for x in broken.splitlines() if x.startswith("```{.argmap"))
        )
        + 1
    )
    assert f"argmap: the map in report.md:{fence} has errors:" in said
    assert any(x.startswith(f"report.md:{line}:9: error: ") and "[AM103]" in x for x in said), said
    assert not (folder / "report.html").exists()


def test_a_missing_map_file_is_named_with_the_image(tmp_path: Path) -> None:
    folder = example(tmp_path, "pandoc")
    (folder / "doc.md").write_text("Text.\n\n![A map.](nowhere.yaml){.argmap}\n", encoding="utf-8")
    done = run(["pandoc", "doc.md", "--filter", "argmap-pandoc", "-o", "doc.html"], folder)
    assert done.returncode != 0
    assert "argmap-pandoc: doc.md:3: nowhere.yaml: no such file" in done.stderr


def test_each_output_format_gets_its_kind_of_figure() -> None:
    assert [
        figure_format(f) for f in ("html5", "html", "revealjs", "epub3", "latex", "beamer")
    ] == ["svg", "svg", "svg", "svg", "pdf", "pdf"]
    assert [figure_format(f) for f in ("docx", "odt", "pptx", "gfm")] == ["png"] * 4
