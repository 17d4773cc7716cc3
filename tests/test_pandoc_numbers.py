"""In LaTeX (and Beamer), LaTeX numbers a document's figures itself; a map's drawings name
each other by those numbers (``continued in figure 8`` is the figure LaTeX captions ``Figure
8``), and their headings say it (``FIGURE 8``), where they said the map's own count whatever
the figures before them. Checked against the numbers LaTeX wrote for each figure's label."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .docbuild import example, run
from .test_pandoc import PANDOCS

pytest.importorskip("panflute")
pdfplumber = pytest.importorskip("pdfplumber")

pytestmark = [
    pytest.mark.skipif(not shutil.which("pandoc"), reason="needs pandoc"),
    pytest.mark.skipif(not shutil.which("pdflatex"), reason="no TeX"),
]


@pytest.fixture(params=PANDOCS)
def program(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _picture(folder: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 20), "white").save(folder / "picture.png")


def _latex(folder: Path, program: str, document: str) -> tuple[str, dict[str, str]]:
    """The LaTeX Pandoc writes for ``document``, and the number LaTeX gave each label."""
    (folder / "doc.md").write_text(document, encoding="utf-8")
    done = run([program, "doc.md", "--filter", "argmap-pandoc", "-s", "-o", "doc.tex"], folder)
    assert done.returncode == 0, done.stderr
    subprocess.run(["pdflatex", "-interaction=nonstopmode", "doc.tex"], cwd=folder,
                   capture_output=True, timeout=300, check=False)  # fmt: skip
    aux = (folder / "doc.aux").read_text(encoding="utf-8", errors="replace")
    numbers = dict(re.findall(r"\\newlabel\{([^}]+)\}\{\{([\d.]+)\}", aux))
    return (folder / "doc.tex").read_text(encoding="utf-8"), numbers


def _drawings(tex: str) -> dict[str, str]:
    """Each figure's label → its drawing's file."""
    found = {}
    for body in re.findall(r"\\begin\{figure\}(.*?)\\end\{figure\}", tex, re.S):
        drawing = re.search(r"\{(argmap-figures/[^}]+\.pdf)\}", body)
        label = re.search(r"\\label\{([^}]+)\}", body)
        if drawing and label:
            found[label.group(1)] = drawing.group(1)
    return found


def _text(path: Path) -> str:
    with pdfplumber.open(path) as opened:
        return opened.pages[0].extract_text() or ""


DOCUMENT = """---
title: Numbers
---

![A picture before the map.](picture.png){#fig-before}

Some text.

![The op-ed's argument.](../../maps/europe-central-asia.yaml){.argmap #fig-map}

![A picture between.](picture.png){#fig-between}

```{.argmap file=../../maps/europe-central-asia.yaml focus=energy-mutual-interest #fig-energy}
```
"""


def test_drawings_name_figures_by_latexs_numbers(tmp_path: Path, program: str) -> None:
    folder = example(tmp_path, "pandoc")
    _picture(folder)
    tex, numbers = _latex(folder, program, DOCUMENT)
    drawings = _drawings(tex)
    ours = [label for label in drawings if label.startswith("fig-map")]
    assert len(ours) > 2, tex
    assert numbers["fig-before"] == "1" and numbers["fig-map"] == "2"
    assert numbers["fig-between"] == str(len(ours) + 2)
    for label in ours:
        said = _text(folder / drawings[label])
        assert re.search(rf"^FIGURE {numbers[label]}$", said, re.M), (label, said)
        named = re.findall(r"(?:continued in|continued from|used in|in full in) "
                           r"figures? ([\d, and]+)", said)  # fmt: skip
        named += re.findall(r"\bfigure (\d+): ", said)  # "continued in" over a list
        for found in named:
            for number in re.findall(r"\d+", found):
                assert number in {numbers[other] for other in ours}, (label, said)
    energy = [label for label in drawings if label.startswith("fig-energy")]
    for label in energy:  # the next map counts on after the picture between
        assert re.search(rf"^FIGURE {numbers[label]}$", _text(folder / drawings[label]), re.M)
    assert numbers["fig-energy"] == str(len(ours) + 3)
    # The map's own count stays in each caption: LaTeX's "Figure 3: ... (part 2 of 9)."
    assert re.search(r"\\caption\{The op-ed's argument \(part 2 of \d+\)\.\}", tex), tex


def test_in_a_book_the_drawings_name_figures_by_chapter(tmp_path: Path) -> None:
    """A book with numbered chapters numbers figures ``2.1``; without ``numbersections``
    (Pandoc's default) it numbers them on through the book, as an article does."""
    folder = example(tmp_path, "pandoc")
    _picture(folder)
    meta = "title: Numbers\ndocumentclass: book\nnumbersections: true"
    document = DOCUMENT.replace("title: Numbers", meta)
    document = document.replace("![A picture before", "# One\n\n![A picture before")
    document = document.replace("Some text.", "# Unnumbered {-}\n\n# Two")
    tex, numbers = _latex(folder, "pandoc", document)
    drawings = _drawings(tex)
    assert numbers["fig-before"] == "1.1" and numbers["fig-map"] == "2.1", numbers
    for label in [label for label in drawings if label.startswith("fig-")]:
        said = _text(folder / drawings[label])
        assert re.search(rf"^FIGURE {re.escape(numbers[label])}$", said, re.M), (label, said)
    tex, numbers = _latex(folder, "pandoc", document.replace("numbersections: true", ""))
    drawings = _drawings(tex)
    assert numbers["fig-before"] == "1" and numbers["fig-map"] == "2", numbers
    assert re.search(r"^FIGURE 3$", _text(folder / drawings["fig-map-2"]), re.M)
