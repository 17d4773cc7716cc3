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

from .docbuild import run

pytestmark = pytest.mark.skipif(not shutil.which("pandoc"), reason="needs pandoc")
needs_tex = pytest.mark.skipif(not shutil.which("pdflatex"), reason="no TeX")


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
