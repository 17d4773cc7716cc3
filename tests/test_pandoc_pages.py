"""The Pandoc filter fits figures to the page the document is built for: LaTeX's text block
as the document's ``papersize``, ``fontsize`` and ``geometry`` set it (checked against
LaTeX's own ``\\textwidth`` and ``\\textheight``), Beamer's frame and PowerPoint's slide, each
figure of a map on a slide of its own; what argmap cannot use in the metadata is said once on
stderr, and a figure whose text comes out below the readable floor is said too."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("panflute")
pdfplumber = pytest.importorskip("pdfplumber")

from argmap.embed.outputs import BEAMER, PPTX, choose
from argmap.embed.paper import PageError, text_block

from .docbuild import example, run
from .test_pandoc import PANDOCS

pytestmark = pytest.mark.skipif(not shutil.which("pandoc"), reason="needs pandoc")
needs_tex = pytest.mark.skipif(not shutil.which("pdflatex"), reason="no TeX")


@pytest.fixture(params=PANDOCS)
def program(request: pytest.FixtureRequest) -> str:
    """The Pandoc a test builds with: Debian's, and a Pandoc 3 when ARGMAP_PANDOC3 names it."""
    return str(request.param)


#: Page settings as a writer gives them in a document's metadata.
PAGES = [
    {},
    {"papersize": "a4"},
    {"papersize": "a5"},
    {"fontsize": "12pt"},
    {"fontsize": "11pt", "papersize": "a4"},
    {"geometry": "margin=1in"},
    {"papersize": "a4", "geometry": "margin=2cm"},
    {"geometry": ["left=1in", "right=2cm", "top=3cm", "bottom=1in"]},
    {"geometry": "textwidth=400pt,textheight=600pt"},
    {"geometry": "a4paper"},
    {"geometry": ["margin=1in", "landscape"]},
    {"geometry": "hmargin=1in,vmargin=1.5in"},
    {"papersize": "a5", "geometry": "margin=15mm"},
    {"papersize": "letter", "geometry": "margin=0.75in"},
    # Quarto's PDF: KOMA-Script's article, its type area at DIV=11, on letter paper.
    {"documentclass": "scrartcl", "classoption": ["DIV=11", "numbers=noendperiod"],
     "papersize": "letter"},
    {"documentclass": "scrartcl", "classoption": ["DIV=11"], "papersize": "a4"},
    {"documentclass": "scrartcl", "classoption": "DIV=11", "fontsize": "10pt"},
    {"documentclass": "scrreprt", "classoption": ["DIV=11"], "fontsize": "12pt"},
    {"documentclass": "scrartcl", "classoption": ["DIV=9"], "papersize": "a5", "fontsize": "12pt"},
    {"documentclass": "scrartcl", "classoption": ["DIV=11"], "geometry": "margin=1in"},
]  # fmt: skip


def _yaml(meta: dict[str, object]) -> str:
    lines = []
    for key, value in meta.items():
        if isinstance(value, list):
            lines += [f"{key}:", *[f"  - {item}" for item in value]]
        else:
            lines.append(f"{key}: {value}")
    return "---\n" + "\n".join(lines) + "\n---\n\n" if lines else ""


@needs_tex
@pytest.mark.parametrize("meta", PAGES, ids=[_yaml(m).replace("\n", " ") or "none" for m in PAGES])
def test_the_text_block_is_the_one_latex_sets(tmp_path: Path, meta: dict[str, object]) -> None:
    probe = "```{=latex}\n\\typeout{TEXT=\\the\\textwidth,\\the\\textheight}\n```\n"
    (tmp_path / "doc.md").write_text(_yaml(meta) + "Text.\n\n" + probe, encoding="utf-8")
    assert run(["pandoc", "doc.md", "-s", "-o", "doc.tex"], tmp_path).returncode == 0
    subprocess.run(["pdflatex", "-interaction=nonstopmode", "doc.tex"], cwd=tmp_path,
                   capture_output=True, timeout=120, check=False)  # fmt: skip
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    found = re.search(r"TEXT=([\d.]+)pt,([\d.]+)pt", log)
    assert found, log[-2000:]
    latex = [float(size) * 72 / 72.27 for size in found.groups()]
    assert text_block(meta) == pytest.approx(latex, abs=0.02)


@pytest.mark.parametrize(
    "meta",
    [{"geometry": "left=3cm"}, {"geometry": "margin=3em"}, {"papersize": "A4paper"},
     {"geometry": "hmargin={1in,2in}"}, {"geometry": "twocolumn"},
     {"documentclass": "scrartcl"}, {"documentclass": "scrartcl", "classoption": "DIV=calc"},
     {"documentclass": "scrartcl", "classoption": ["DIV=11", "BCOR=8mm"]}],
)  # fmt: skip
def test_a_page_setting_not_understood_is_named(meta: dict[str, object]) -> None:
    with pytest.raises(PageError):
        text_block(meta)


def _figures(tex: str) -> list[str]:
    return re.findall(r"argmap-figures/[^}]+\.(?:pdf|png)", tex)


def _size(path: Path) -> tuple[float, float]:
    with pdfplumber.open(path) as opened:
        return float(opened.pages[0].width), float(opened.pages[0].height)


def _png_size(path: Path) -> tuple[float, float]:
    """A PNG figure's size in points, at its resolution."""
    from PIL import Image

    with Image.open(path) as image:
        dpi = image.info["dpi"][0]
        return image.width / dpi * 72, image.height / dpi * 72


def _report(tmp_path: Path, meta: str) -> Path:
    folder = example(tmp_path, "pandoc")
    report = (folder / "report.md").read_text(encoding="utf-8")
    report = report.replace("geometry: margin=1in\n", "")  # the page is the test's
    assert "geometry:" not in report
    (folder / "report.md").write_text(report.replace("---\n", "---\n" + meta, 1), "utf-8")
    return folder


def test_figures_fit_the_text_block_the_geometry_sets(tmp_path: Path, program: str) -> None:
    """An A4 page with 1-inch margins has 451 by 698 pt of text, not the article's default
    344 by 548: the widest figure fills it, none is taller than it less a caption's room."""
    folder = _report(tmp_path, "papersize: a4\ngeometry: margin=1in\n")
    done = run([program, "report.md", "--filter", "argmap-pandoc", "-t", "latex"], folder)
    assert done.returncode == 0, done.stderr
    assert "metadata" not in done.stderr, done.stderr
    sizes = [_size(folder / path) for path in _figures(done.stdout)]
    assert max(width for width, _ in sizes) == pytest.approx(451.28, abs=1)
    assert all(width <= 451.3 and height <= 661.1 for width, height in sizes), sizes


def test_argmap_fit_for_latex_beats_the_geometry(tmp_path: Path) -> None:
    folder = _report(tmp_path, "geometry: margin=1in\nargmap-fit:\n  latex: 400x600pt\n")
    done = run(["pandoc", "report.md", "--filter", "argmap-pandoc", "-t", "latex"], folder)
    assert done.returncode == 0, done.stderr
    drawn = _figures(done.stdout)
    assert drawn and all(path.endswith(".pdf") for path in drawn), drawn
    assert max(_size(folder / path)[0] for path in drawn) == pytest.approx(400, abs=1)


def test_a_geometry_not_understood_is_said_once_and_the_default_kept(
    tmp_path: Path, program: str
) -> None:
    folder = _report(tmp_path, "geometry: margin=3em\n")
    done = run([program, "report.md", "--filter", "argmap-pandoc", "-t", "latex"], folder)
    assert done.returncode == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if "metadata" in line]
    assert said == [
        "argmap-pandoc: metadata: '3em' is no length argmap can read (e.g. 1in, 2cm, 20mm, "
        "72pt); figures fit the default text, 343.71x511.09pt (set argmap-fit: latex: "
        "WIDTHxHEIGHTpt to give the text block)"
    ]
    widths = [_size(folder / path)[0] for path in _figures(done.stdout)]
    assert max(widths) == pytest.approx(343.71, abs=1)


def test_an_unknown_argmap_fit_key_is_said_with_the_known_ones(tmp_path: Path) -> None:
    folder = _report(tmp_path, "argmap-fit:\n  ppt: 600pt\n  html: 720\n")
    done = run(["pandoc", "report.md", "--filter", "argmap-pandoc", "-o", "r.html"], folder)
    assert done.returncode == 0, done.stderr
    assert (
        done.stderr.splitlines().count(
            "argmap-pandoc: metadata argmap-fit: 'ppt' is no kind of output (did you mean "
            "'pptx'?); argmap-fit takes html, latex, beamer, docx, pptx, other"
        )
        == 1
    ), done.stderr


def _slides(tmp_path: Path, meta: str = "") -> Path:
    folder = example(tmp_path, "pandoc")
    (folder / "slides.md").write_text(
        f"---\ntitle: Briefing\n{meta}---\n\n# The argument\n\n"
        "![The op-ed's argument.](../../maps/europe-central-asia.yaml){.argmap}\n\n"
        "![Its first step.](../../maps/europe-central-asia.yaml)"
        "{.argmap focus=partnership-thesis depth=1}\n",
        encoding="utf-8",
    )
    return folder


def test_beamer_figures_fit_a_frame_each_on_a_frame_of_its_own(
    tmp_path: Path, program: str
) -> None:
    folder = _slides(tmp_path)
    done = run([program, "slides.md", "--filter", "argmap-pandoc", "-t", "beamer"], folder)
    assert done.returncode == 0, done.stderr
    drawn = _figures(done.stdout)
    assert len(drawn) > 1
    frames = done.stdout.split("\\begin{frame}")[1:]
    assert [len(_figures(frame)) for frame in frames] == [1] * len(drawn)  # one a frame, no
    # frame without one (a rule ends each figure's frame, but the document's last)
    assert BEAMER.fit is not None and BEAMER.fit.height is not None
    for path in drawn:
        width, height = _size(folder / path)
        assert width <= BEAMER.fit.width + 0.5 and height <= BEAMER.fit.height + 0.5, path
    # A frame is short: what cannot keep 9-pt claims there is said, with its size.
    # One note for the block, however many of its figures are too small.
    which = r"(?:all \d+ figures are|figures? [\d, and]+ of \d+ (?:is|are))"
    notes = re.findall(rf"^argmap-pandoc: slides\.md:7: note: {which} too big .* comes out at "
                       r"([\d.]+)(?: to ([\d.]+))? pt", done.stderr, re.M)  # fmt: skip
    assert len(notes) == 1, done.stderr
    assert all(float(size) < 9 for size in notes[0] if size), done.stderr


def _words(path: Path) -> str:
    with pdfplumber.open(path) as opened:
        return " ".join(opened.pages[0].extract_text().split())


def test_slides_draw_without_the_maps_title_and_legend_unless_asked(tmp_path: Path) -> None:
    """A frame's title and caption name the map, and a slide's room is its claims': Beamer's
    figures have neither the map's title nor its legend, which a block can ask back."""
    folder = _slides(tmp_path)
    done = run(["pandoc", "slides.md", "--filter", "argmap-pandoc", "-t", "beamer"], folder)
    assert done.returncode == 0, done.stderr
    first = _words(folder / _figures(done.stdout)[0])
    assert "MAIN THESIS" in first  # the overview, drawn
    assert "Europe & Central Asia" not in first and "supports" not in first, first
    (folder / "slides.md").write_text(
        "# The argument\n\n![The op-ed's argument.](../../maps/europe-central-asia.yaml)"
        "{.argmap title=true legend=true}\n",
        encoding="utf-8",
    )
    done = run(["pandoc", "slides.md", "--filter", "argmap-pandoc", "-t", "beamer"], folder)
    assert done.returncode == 0, done.stderr
    first = _words(folder / _figures(done.stdout)[0])
    assert "Europe & Central Asia" in first and "supports" in first, first


def test_two_images_of_one_map_are_each_said_at_their_own_line(tmp_path: Path) -> None:
    """The deck's second image of the seed map (its first step) is at line 9: its note was
    said at line 7, the first image's, which every image of that file was found at."""
    folder = _slides(tmp_path)
    done = run(["pandoc", "slides.md", "--filter", "argmap-pandoc", "-t", "beamer"], folder)
    assert done.returncode == 0, done.stderr
    places = re.findall(r"^argmap-pandoc: slides\.md:(\d+): note: ", done.stderr, re.M)
    assert places == ["7", "9"], done.stderr


def test_argmap_fit_sets_the_column_of_beamer_and_pptx(tmp_path: Path) -> None:
    folder = _slides(tmp_path, "argmap-fit:\n  beamer: 300x260pt\n  pptx: 640x300pt\n")
    done = run(["pandoc", "slides.md", "--filter", "argmap-pandoc", "-t", "beamer"], folder)
    assert done.returncode == 0, done.stderr
    widths = [_size(folder / path)[0] for path in _figures(done.stdout)]
    assert 250 < max(widths) <= 300.01  # not the frame's 306 pt
    done = run(["pandoc", "slides.md", "--filter", "argmap-pandoc", "-o", "s.pptx"], folder)
    assert done.returncode == 0, done.stderr
    sizes = [_png_size(png) for png in (folder / "argmap-figures").glob("*.png")]
    assert max(w for w, _ in sizes) <= 641 and 228 < max(h for _, h in sizes) <= 301, sizes


#: Beamer's ``aspectratio`` values, as Pandoc's template passes them to the class.
ASPECTS = [43, 169, 1610, 149, 141, 54, 32, 2013, 21]


@needs_tex
@pytest.mark.parametrize("aspect", ASPECTS)
def test_a_beamer_frame_is_the_one_its_aspectratio_sets(tmp_path: Path, aspect: int) -> None:
    """The frame a figure fits is Beamer's text block at the deck's ``aspectratio`` (as LaTeX
    reports it), less the room of a frame title and a two-line caption, as for 4:3."""
    probe = "```{=latex}\n\\typeout{TEXT=\\the\\textwidth,\\the\\textheight}\n```\n"
    deck = f"---\naspectratio: {aspect}\n---\n\n# A frame\n\n{probe}"
    (tmp_path / "deck.md").write_text(deck, encoding="utf-8")
    made = run(["pandoc", "deck.md", "-s", "-t", "beamer", "-o", "deck.tex"], tmp_path)
    assert made.returncode == 0, made.stderr
    subprocess.run(["pdflatex", "-interaction=nonstopmode", "deck.tex"], cwd=tmp_path,
                   capture_output=True, timeout=120, check=False)  # fmt: skip
    log = (tmp_path / "deck.log").read_text(encoding="utf-8", errors="replace")
    found = re.search(r"TEXT=([\d.]+)pt,([\d.]+)pt", log)
    assert found, log[-2000:]
    width, height = (float(size) * 72 / 72.27 for size in found.groups())
    fit = choose("beamer", {"aspectratio": aspect}).target.fit
    assert fit is not None and fit.height is not None and fit.printed
    assert fit.width == pytest.approx(width, abs=0.02)
    # 4:3's frame keeps 190 of its 269.15 TeX pt for the figure; every ratio the same room
    assert height - fit.height == pytest.approx((269.15 - 190) * 72 / 72.27, abs=0.05)


def test_an_aspectratio_beamer_has_not_is_said_and_4_3_kept() -> None:
    chosen = choose("beamer", {"aspectratio": "wide"})
    assert chosen.target == BEAMER
    assert chosen.warnings == (
        "metadata aspectratio: 'wide' is no aspect ratio Beamer takes (e.g. 169, 1610, 43); "
        f"figures fit a 4:3 frame, {BEAMER.fit} (set argmap-fit: beamer: WIDTHxHEIGHTpt to "
        "give the frame)",
    )


def test_beamer_figures_fit_a_16_9_frame(tmp_path: Path) -> None:
    """A 16:9 deck (``aspectratio: 169``) gets figures that fit its frame, wider and shorter
    than 4:3's (whose 189-pt figures put a two-line caption at a 16:9 frame's very foot)."""
    folder = _slides(tmp_path, "aspectratio: 169\n")
    done = run(["pandoc", "slides.md", "--filter", "argmap-pandoc", "-t", "beamer"], folder)
    assert done.returncode == 0, done.stderr
    wide = choose("beamer", {"aspectratio": 169}).target.fit
    assert wide is not None and wide.height is not None
    sizes = [_size(folder / path) for path in _figures(done.stdout)]
    assert BEAMER.fit is not None and BEAMER.fit.height is not None
    assert wide.width > BEAMER.fit.width + 90 and wide.height < BEAMER.fit.height - 15
    assert all(w <= wide.width + 0.5 and h <= wide.height + 0.5 for w, h in sizes), sizes
    assert f"a column of {wide}" in done.stderr


def test_pptx_figures_fit_the_slides_picture_box(tmp_path: Path, program: str) -> None:
    folder = _slides(tmp_path)
    done = run([program, "slides.md", "--filter", "argmap-pandoc", "-o", "s.pptx"], folder)
    assert done.returncode == 0, done.stderr
    assert PPTX.fit is not None and PPTX.fit.height is not None
    pngs = sorted((folder / "argmap-figures").glob("*.png"))
    assert len(pngs) > 1
    for png in pngs:
        width, height = _png_size(png)
        assert width <= PPTX.fit.width + 1 and height <= PPTX.fit.height + 1, png
    with zipfile.ZipFile(folder / "s.pptx") as deck:
        slides = [n for n in deck.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
        pictures = [deck.read(n).decode("utf-8").count("<p:pic>") for n in slides]
    assert sorted(pictures, reverse=True)[: len(pngs)] == [1] * len(pngs)  # one a slide


def test_a_whole_map_shrunk_below_the_floor_is_said(tmp_path: Path, program: str) -> None:
    """``fit=none`` draws a map whole; on a frame Pandoc shrinks it to the text, and its claim
    text comes out far below 9 pt: said, at the block, with the size."""
    folder = _slides(tmp_path)
    (folder / "slides.md").write_text(
        "# The argument\n\n```{.argmap file=../../maps/europe-central-asia.yaml fit=none}\n```\n",
        encoding="utf-8",
    )
    done = run([program, "slides.md", "--filter", "argmap-pandoc", "-t", "beamer"], folder)
    assert done.returncode == 0, done.stderr
    found = re.search(r"^argmap-pandoc: slides\.md:3: note: the map drawn whole .* its claim "
                      r"text comes out at ([\d.]+) pt", done.stderr, re.M)  # fmt: skip
    assert found, done.stderr
    assert float(found.group(1)) < 7


def test_latex_lets_figures_share_a_page_with_text(tmp_path: Path, program: str) -> None:
    """LaTeX's float fractions (a float at most 70 % of a page beside text, a float page at
    least half full) leave each of a map's tall figures alone on a page, the text after
    them: the filter raises them, before the document's own header-includes (which win)."""
    folder = _report(tmp_path, "header-includes: \\renewcommand{\\textfraction}{0.2}\n")
    done = run([program, "report.md", "--filter", "argmap-pandoc", "-s", "-t", "latex"], folder)
    assert done.returncode == 0, done.stderr
    ours = done.stdout.find("\\renewcommand{\\topfraction}{0.9}")
    theirs = done.stdout.find("\\renewcommand{\\textfraction}{0.2}")
    assert 0 < ours < theirs, done.stdout[:3000]
    assert done.stdout.find("\\def\\fps@figure{htbp}") < ours


def test_one_argmap_fit_value_sets_the_column_of_any_output() -> None:
    """``argmap-fit: 680`` (not a mapping by kind) is the column of whatever is built."""
    assert str(choose("html5", {"argmap-fit": 680}).target) == "svg fitted to 680 px"
    assert str(choose("latex", {"argmap-fit": "400pt"}).target) == "pdf fitted to 400pt"
    assert choose("html5", {"argmap-fit": 680}).warnings == ()
