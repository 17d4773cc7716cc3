"""The Pandoc filter fits figures to the page the document is built for: LaTeX's text block
as the document's ``papersize``, ``fontsize`` and ``geometry`` set it (checked against
LaTeX's own ``\\textwidth`` and ``\\textheight``), Beamer's frame and PowerPoint's slide, each
figure of a map on a slide of its own; what argmap cannot use in the metadata is said once on
stderr, and a figure whose text comes out below the readable floor is said too."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("panflute")
pdfplumber = pytest.importorskip("pdfplumber")

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
]


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
     {"geometry": "hmargin={1in,2in}"}, {"geometry": "twocolumn"}],
)  # fmt: skip
def test_a_page_setting_not_understood_is_named(meta: dict[str, object]) -> None:
    with pytest.raises(PageError):
        text_block(meta)


def _figures(tex: str) -> list[str]:
    return re.findall(r"argmap-figures/[^}]+\.(?:pdf|png)", tex)


def _size(path: Path) -> tuple[float, float]:
    with pdfplumber.open(path) as opened:
        return float(opened.pages[0].width), float(opened.pages[0].height)


def _report(tmp_path: Path, meta: str) -> Path:
    folder = example(tmp_path, "pandoc")
    report = (folder / "report.md").read_text(encoding="utf-8")
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
    folder = _report(tmp_path, "argmap-fit:\n  latx: 600pt\n  html: 720\n")
    done = run(["pandoc", "report.md", "--filter", "argmap-pandoc", "-o", "r.html"], folder)
    assert done.returncode == 0, done.stderr
    assert (
        done.stderr.splitlines().count(
            "argmap-pandoc: metadata argmap-fit: 'latx' is no kind of output (did you mean "
            "'latex'?); argmap-fit takes html, latex, docx, other"
        )
        == 1
    ), done.stderr
