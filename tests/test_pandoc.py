"""The Pandoc filter: examples/pandoc built with Debian's pandoc (Pandoc 2) to HTML, DOCX and
PDF, and with Pandoc 3 (figure blocks, as Quarto's Pandoc writes them) where ``ARGMAP_PANDOC3``
names one (``.ci/run`` installs it from PyPI's pypandoc-binary); a map with errors stops Pandoc
with its diagnostic at its line in the document."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path

import pytest

pf = pytest.importorskip("panflute")
pdfplumber = pytest.importorskip("pdfplumber")

from argmap.api import load, render_figures
from argmap.diagnostics import FitWarning
from argmap.embed.outputs import choose
from argmap.embed.targets import PANDOC_LATEX
from argmap.pandoc import figure_format

from .conftest import SEED_MAP
from .docbuild import (
    BIN,
    ENERGY_TITLE,
    SEED_TITLE,
    energy_svg,
    example,
    page_shots,
    pdf_figure_text,
    record,
    run,
    text_sizes,
)

pytestmark = pytest.mark.skipif(not shutil.which("pandoc"), reason="needs pandoc")

#: The Pandocs the examples are built with: Debian's, and a Pandoc 3 when ARGMAP_PANDOC3 names it.
PANDOCS = [
    pytest.param("pandoc", id="pandoc"),
    pytest.param(
        os.environ.get("ARGMAP_PANDOC3", ""),
        id="pandoc3",
        marks=pytest.mark.skipif(
            not os.environ.get("ARGMAP_PANDOC3"), reason="ARGMAP_PANDOC3 names no Pandoc 3"
        ),
    ),
]


#: The column of Pandoc's LaTeX: the article class's text, less a caption's room in height.
LATEX = str(PANDOC_LATEX.fit)
#: The example's: its text block on letter paper with 1-inch margins (``geometry: margin=1in``).
EXAMPLE_LATEX = str(choose("latex", {"geometry": "margin=1in"}).target.fit)


@pytest.fixture(params=PANDOCS)
def program(request: pytest.FixtureRequest) -> str:
    """The Pandoc a test builds with."""
    return str(request.param)


def pandoc(folder: Path, output: str, *more: str, name: str | None = None, program: str = "pandoc"):  # type: ignore[no-untyped-def]
    label = f"{name}, Pandoc 3" if name and program != "pandoc" else name
    return run(
        [program, "report.md", "--filter", "argmap-pandoc", *more, "-o", output], folder, label
    )


def seed_figures(fmt: str, fit: str) -> list[bytes]:
    """The seed map's figures as the filter draws them (its notes are the build's concern)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FitWarning)
        return render_figures(load(SEED_MAP), fmt, fit=fit)


def test_html_has_the_figures_inline_in_order(tmp_path: Path, program: str) -> None:
    folder = example(tmp_path, "pandoc")
    done = pandoc(folder, "report.html", "-s", name="pandoc html", program=program)
    assert done.returncode == 0, done.stderr
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert html.count("<figure") == html.count("</figure>")
    assert not re.search(r"<figure[^>]*>(?:(?!</figure>).)*<figure", html, re.S)  # none nested
    html = re.sub(r'<figure id="([^"]+)" class="argmap">', r'<figure class="argmap" id="\1">', html)
    found = re.findall(
        r'<figure class="argmap" id="([^"]+)">\s*<div class="argmap-scroll"[^>]*>\s*<svg.*?'
        r"<title[^>]*>([^<]*)</title>",
        html,
        re.S,
    )
    count = len(seed_figures("svg", "640" if program == "pandoc" else "496"))  # Pandoc's column
    assert count > 1
    assert [(i, t.replace("&amp;", "&")) for i, t in found] == [
        *[(f"fig-partnership{f'-{n}' if n > 1 else ''}", f"{SEED_TITLE} (figure {n} of {count})")
          for n in range(1, count + 1)],
        ("fig-energy", ENERGY_TITLE),
    ]  # fmt: skip
    captions = [
        " ".join(c.split()) for c in re.findall(r"<figcaption>(.*?)</figcaption>", html, re.S)
    ]
    assert f"The argument of the op-ed (figure 2 of {count})." in captions
    assert "Energy: a reason and its <em>undercutter</em>." in captions
    assert not (folder / "argmap-figures").exists()  # nothing written beside the page


def test_epub_figures_are_in_no_box_that_scrolls(tmp_path: Path) -> None:
    """HTML puts each fitted figure in a box that scrolls on a phone (above, and
    tests/test_embed_phone.py); EPUB's reading systems paginate, and not all scroll a box
    sideways: there figures shrink to the page as before."""
    import zipfile

    folder = example(tmp_path, "pandoc")
    done = pandoc(folder, "report.html", "-s")
    assert done.returncode == 0, done.stderr
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert html.count('<div class="argmap-scroll"') == html.count("<svg ") > 1
    done = pandoc(folder, "report.epub")
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(folder / "report.epub") as book:
        text = "".join(
            book.read(name).decode("utf-8") for name in book.namelist() if name.endswith("html")
        )
    assert text.count("<svg ") == html.count("<svg ") and 'class="argmap-scroll"' not in text


def test_metadata_sets_the_column_of_an_output(tmp_path: Path) -> None:
    folder = example(tmp_path, "pandoc")
    (folder / "whole.yaml").write_text("argmap-fit:\n  html: none\n", encoding="utf-8")
    done = pandoc(folder, "report.html", "--metadata-file", "whole.yaml")
    assert done.returncode == 0, done.stderr
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert html.count("<svg ") == 2 and "(figure 1 of" not in html
    (folder / "wide.yaml").write_text("argmap-fit:\n  html: wide\n", encoding="utf-8")
    done = pandoc(folder, "report.html", "--metadata-file", "wide.yaml")
    assert done.returncode != 0
    assert (
        "metadata argmap-fit (html): argmap option 'fit' is auto, none or a column" in done.stderr
    )


def test_docx_has_png_figures_that_print_readable_on_the_page(tmp_path: Path, program: str) -> None:
    docx = pytest.importorskip("docx")
    from PIL import Image

    folder = example(tmp_path, "pandoc")
    done = pandoc(folder, "report.docx", name="pandoc docx", program=program)
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(folder / "report.docx"))
    # Pandoc fits images to 420 pt when the reference document names no page (its own does
    # not), and else to the page's text width.
    section = document.sections[0]
    assert not section.page_width  # so 420 pt
    svgs = seed_figures("svg", "420x600pt")  # what the PNGs draw, with their text sizes
    count = len(svgs)
    shapes = list(document.inline_shapes)
    assert len(shapes) == count + 1 > 2
    captions = [p.text for p in document.paragraphs if p.style.name == "Image Caption"]
    assert captions == [
        *[f"The argument of the op-ed (figure {n} of {count})." for n in range(1, count + 1)],
        "Energy: a reason and its undercutter.",
    ]
    with zipfile.ZipFile(folder / "report.docx") as opened:
        rels = {r.rId: r.target_ref for r in document.part.rels.values()}
        blips = [s._inline.graphic.graphicData.pic.blipFill.blip.embed for s in shapes]
        pngs = [Image.open(io.BytesIO(opened.read("word/" + rels[b]))) for b in blips]
    drawn = [*svgs, energy_svg("420x600pt")]
    for number, (shape, png, svg) in enumerate(zip(shapes, pngs, drawn, strict=True), 1):
        natural, claims, smallest = text_sizes(svg)
        shown = shape.width.pt
        dpi = png.info["dpi"][0]
        # As wide as the PNG prints at its resolution (Pandoc shrinks nothing), on the page.
        assert shown == pytest.approx(png.width / dpi * 72, rel=0.01)
        assert shown <= 420 * 1.01 and shape.height.pt <= 600 * 1.01  # a pixel or two over
        assert dpi == pytest.approx(300, abs=1)  # sharp in print
        scale = shown / natural
        record("pandoc docx", f"figure {number}", width_pt=shown, height_pt=shape.height.pt,
               dpi=dpi, claim_text_pt=claims * scale,
               smallest_text_pt=smallest * scale)  # fmt: skip
        assert claims * scale >= 9 and smallest * scale >= 7, number


@pytest.mark.skipif(not shutil.which("pdflatex"), reason="no TeX")
def test_pdf_has_the_figures_readable_at_the_text_width(tmp_path: Path, program: str) -> None:
    folder = example(tmp_path, "pandoc")
    assert pandoc(folder, "report.tex", "-s", program=program).returncode == 0
    tex = (folder / "report.tex").read_text(encoding="utf-8")
    drawn = re.findall(r"\\includegraphics(?:\[[^\]]*\])?\{(argmap-figures/[^}]+\.pdf)\}", tex)
    assert tex.count("\\begin{figure}") == len(drawn)  # one figure each, none nested
    done = pandoc(folder, "report.pdf", "--verbose", name="pandoc pdf (pdflatex)", program=program)
    assert done.returncode == 0, done.stderr
    # Each figure leaves room for its caption on the page: none is set over the page's foot.
    assert "Float too large" not in done.stderr
    # Every figure keeps 9-pt claims in the example's 468-pt text: nothing is said.
    assert "note:" not in done.stderr, done.stderr
    count = len(seed_figures("pdf", EXAMPLE_LATEX))  # 468 by 648 pt, less a caption's room
    assert len(drawn) == count + 1 > 2
    assert [Path(p).name.rsplit("-", 1)[0] for p in drawn] == ["europe-central-asia"] * count + [
        "map"
    ]
    page_shots(folder / "report.pdf", "pandoc-pdf")
    widths = []
    svgs = [*seed_figures("svg", EXAMPLE_LATEX), energy_svg(EXAMPLE_LATEX)]
    for number, (figure, svg) in enumerate(zip(drawn, svgs, strict=True), 1):
        with pdfplumber.open(folder / figure) as opened:
            width, height = float(opened.pages[0].width), float(opened.pages[0].height)
        _, own, shown = pdf_figure_text(
            folder / "report.pdf", folder / figure, rf"Figure\s*{number}:"
        )
        natural, claims, _ = text_sizes(svg)  # the same figure: its claims' text size
        record("pandoc pdf", f"figure {number}", width_pt=width, height_pt=height,
               claim_text_pt=claims * width / natural, smallest_text_pt=shown)  # fmt: skip
        assert width <= 468.01 and height <= 611.2, number  # room for the caption below
        assert shown == pytest.approx(own, abs=0.01), number  # LaTeX shrinks nothing
        assert claims * width / natural >= 9 and shown >= 7, number
        widths.append(width)
    assert max(widths[:count]) == pytest.approx(468, abs=1)  # the widest fills the text
    with pdfplumber.open(folder / "report.pdf") as opened:  # figures share pages: 17 for 16
        assert len(opened.pages) < len(drawn), len(opened.pages)  # figures before, 8 for 9 now


def test_a_pandoc_3_implicit_figure_becomes_the_figures_side_by_side(tmp_path: Path) -> None:
    """Pandoc 3 (Quarto's) reads an image alone in a paragraph as a figure block holding it,
    with the image's id moved to the figure: the figures replace that block, each with its id,
    none drawn inside it (in LaTeX a figure in a figure does not build). Pandoc 3's document
    is built here as it writes it, so that this runs with any Pandoc."""
    folder = example(tmp_path, "pandoc")
    alt = [pf.Str("The"), pf.Space(), pf.Emph(pf.Str("whole")), pf.Space(), pf.Str("argument.")]
    image = pf.Image(*alt, url="../../maps/europe-central-asia.yaml", classes=["argmap"])
    image.attributes["theme"] = "print"
    figure = pf.Figure(
        pf.Plain(image), caption=pf.Caption(pf.Plain(*alt)), identifier="fig-partnership"
    )
    doc = pf.Doc(pf.Para(pf.Str("Before.")), figure, api_version=(1, 23, 1, 1))
    for output in ("html5", "latex"):
        done = subprocess.run(
            [str(BIN / "argmap-pandoc"), output], cwd=folder, input=json.dumps(doc.to_json()),
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        blocks = pf.load(io.StringIO(done.stdout)).content
        figures = [b for b in blocks if isinstance(b, pf.Figure)]
        total = len(seed_figures("svg", "496") if output == "html5" else seed_figures("pdf", LATEX))
        assert len(figures) == len(blocks) - 1 == total > 1, output
        assert [f.identifier for f in figures] == [
            "fig-partnership", *[f"fig-partnership-{n}" for n in range(2, total + 1)]
        ], output  # fmt: skip
        assert not any(isinstance(b, pf.Figure) for f in figures for b in f.content), output
        which = "figure" if output == "html5" else "part"  # LaTeX numbers it: "Figure 3: ..."
        assert [pf.stringify(f.caption) for f in figures] == [
            f"The whole argument ({which} {n} of {total})." for n in range(1, total + 1)
        ], output  # the figure's caption, numbered
    drawn = figures[0].content[0]  # LaTeX's: an image of the figure's PDF
    assert isinstance(drawn, pf.Plain) and isinstance(drawn.content[0], pf.Image)


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


def test_metadata_argmap_source_root_lets_maps_read_outside_the_project(tmp_path: Path) -> None:
    """A map (or its source) outside the document's project is refused, naming the metadata
    that allows it, ``argmap-source-root`` (a folder relative to where Pandoc runs)."""
    folder = example(tmp_path, "pandoc")
    (tmp_path / "pyproject.toml").unlink()
    (folder / "pyproject.toml").touch()  # the project is the report's folder alone
    (folder / "doc.md").write_text("![Map.](../../maps/europe-central-asia.yaml){.argmap}\n")
    command = ["pandoc", "doc.md", "--filter", "argmap-pandoc", "-o", "doc.html"]
    done = run(command, folder)
    assert done.returncode != 0
    assert "(see metadata argmap-source-root)" in done.stderr, done.stderr
    (folder / "doc.md").write_text(
        "---\nargmap-source-root: ../..\n---\n\n"
        "![Map.](../../maps/europe-central-asia.yaml){.argmap}\n"
    )
    done = run(command, folder)
    assert done.returncode == 0, done.stderr


def test_a_map_without_a_caption_is_an_image_not_an_empty_figure(
    tmp_path: Path, program: str
) -> None:
    """A block with no caption drawn as one figure is placed as an image: a LaTeX figure with
    an empty caption prints "Figure 1:" and nothing after it. With a caption it is a figure."""
    folder = example(tmp_path, "pandoc")
    block = "```{.argmap file=../../maps/europe-central-asia.yaml fit=none}\n```\n"
    (folder / "doc.md").write_text(f"Text.\n\n{block}\nMore.\n")
    done = run([program, "doc.md", "--filter", "argmap-pandoc", "-t", "latex"], folder)
    assert done.returncode == 0, done.stderr
    assert "\\includegraphics" in done.stdout and "\\caption" not in done.stdout, done.stdout
    assert "\\begin{figure}" not in done.stdout
    captioned = block.replace("fit=none", 'fit=none caption="The map."')
    (folder / "doc.md").write_text(f"Text.\n\n{captioned}\nMore.\n")
    done = run([program, "doc.md", "--filter", "argmap-pandoc", "-t", "latex"], folder)
    assert "\\begin{figure}" in done.stdout and "\\caption{The map.}" in done.stdout


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


def test_a_figure_file_planted_as_a_link_is_replaced_never_followed(tmp_path: Path) -> None:
    """The figures are named by their content, which anyone can work out: a document folder
    (a pull request) that brings ``argmap-figures/NAME.png`` as a link must not make Pandoc
    embed the file it points to in the document, nor make the filter write through it."""
    folder = tmp_path / "doc"
    folder.mkdir()
    (folder / "pyproject.toml").write_text("")
    block = "argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A.\n    implicit: true\n"
    (folder / "doc.md").write_text(f"Text.\n\n```argmap\n{block}```\n", encoding="utf-8")
    command = ["pandoc", "doc.md", "--filter", "argmap-pandoc", "-t", "markdown", "-o", "doc.txt"]
    assert run(command, folder).returncode == 0
    (figure,) = (folder / "argmap-figures").iterdir()
    drawn = figure.read_bytes()
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret")
    for target in (secret, tmp_path / "elsewhere" / "new.png"):
        (tmp_path / "elsewhere").mkdir(exist_ok=True)
        figure.unlink()
        figure.symlink_to(target)
        done = run(command, folder)
        assert done.returncode == 0, done.stderr
        assert not figure.is_symlink() and figure.read_bytes() == drawn
        assert figure.name in (folder / "doc.txt").read_text()
    assert secret.read_text() == "the secret"
    assert not (tmp_path / "elsewhere" / "new.png").exists()
