"""The Sphinx extension: real projects (examples/sphinx-rst, examples/sphinx-myst) built with
sphinx-build: numbered figures in order, errors at their line, incremental rebuilds, PDF."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("sphinx")

from .docbuild import (
    ENERGY_TITLE,
    SEED_TITLE,
    example,
    page_shots,
    pdf_figure_text,
    record,
    sphinx,
)

BAD_RST = """\
Bad
===

Intro.

.. argmap::
   :caption: Broken.

   argmap: 1
   title: t
   premises:
     - id: p
       text: P
   conclusions:
     - id: c
       text: C
       reasons: [q]
"""


def figures(html: str) -> list[tuple[str, str]]:
    """(number, the drawing's title) of each figure of a page, in order."""
    found = re.findall(
        r'<figure class="argmap[^"]*" id="([^"]+)">\s*<svg[^>]*>\s*<title[^>]*>([^<]*)</title>'
        r'.*?<span class="caption-number">Fig. (\d+) </span>',
        html,
        re.S,
    )
    return [(number, title.replace("&amp;", "&")) for _, title, number in found]


@pytest.mark.parametrize(("name", "page"), [("sphinx-rst", "index"), ("sphinx-myst", "index")])
def test_a_project_shows_its_maps_as_numbered_figures(tmp_path: Path, name: str, page: str) -> None:
    project = example(tmp_path, name)
    done = sphinx(project, name=f"{name} html")
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr and "ERROR" not in done.stderr
    html = (project / "_build" / "html" / f"{page}.html").read_text(encoding="utf-8")
    assert figures(html) == [("1", SEED_TITLE), ("2", ENERGY_TITLE)]
    # :numref: links to each figure by its number.
    assert re.search(
        r'href="#fig-partnership"[^>]*><span class="std std-numref">Fig. 1</span>', html
    )
    assert re.search(r'href="#fig-energy"[^>]*><span class="std std-numref">Fig. 2</span>', html)
    assert html.count("<svg") == 2 and "<img" not in html  # inline, nothing to fetch


def test_a_map_with_errors_fails_the_build_at_its_line(tmp_path: Path) -> None:
    project = example(tmp_path, "sphinx-rst")
    (project / "bad.rst").write_text(BAD_RST, encoding="utf-8")
    done = sphinx(project)
    assert done.returncode == 1
    said = done.stderr.splitlines()
    assert "bad.rst:6: ERROR: argmap: the map in bad.rst:6 has errors" in said
    assert "bad.rst:17:18: ERROR: reason 'q' of 'c' is no claim [AM103]" in said
    assert "Traceback" not in done.stderr
    # The page is read again, and fails again, until the map is mended.
    assert sphinx(project).returncode == 1
    (project / "bad.rst").write_text(BAD_RST.replace("[q]", "[p]"), encoding="utf-8")
    mended = sphinx(project)
    assert mended.returncode == 0, mended.stderr


def test_a_myst_map_with_errors_is_placed_in_its_list_item(tmp_path: Path) -> None:
    project = example(tmp_path, "sphinx-myst")
    inline = BAD_RST.split("   argmap: 1", 1)[1].replace("\n   ", "\n  ")
    page = "# Bad\n\n- In a list:\n\n  ```{argmap}\n  :caption: Broken.\n\n  argmap: 1" + inline
    (project / "bad.md").write_text(page.rstrip("\n") + "\n  ```\n", encoding="utf-8")
    done = sphinx(project)
    assert done.returncode == 1
    # The fence is on line 5, the map starts on 8 indented by two: its 9:15 is 16:17.
    assert "bad.md:16:17: ERROR: reason 'q' of 'c' is no claim [AM103]" in done.stderr.splitlines()


def updated(done) -> str:  # type: ignore[no-untyped-def]
    assert done.returncode == 0, done.stderr
    found = re.search(
        r"updating environment: (?:\[[^\]]*\] )?(\d+ added, \d+ changed)", done.stdout
    )
    assert found, done.stdout
    return found.group(1)


def test_a_page_is_read_again_when_its_map_or_its_source_changes(tmp_path: Path) -> None:
    project = example(tmp_path, "sphinx-rst")
    (project / "other.rst").write_text("Other\n=====\n\nNo map.\n", encoding="utf-8")
    index = (project / "index.rst").read_text(encoding="utf-8")
    (project / "index.rst").write_text(index + "\n.. toctree::\n\n   other\n", encoding="utf-8")
    assert updated(sphinx(project)) == "2 added, 0 changed"
    assert updated(sphinx(project)) == "0 added, 0 changed"  # nothing changed: nothing read
    seed = tmp_path / "maps" / "europe-central-asia.yaml"
    old = 'title: "Europe & Central Asia: a partnership with mutual benefits"'
    seed.write_text(seed.read_text(encoding="utf-8").replace(old, "title: A changed title"))
    done = sphinx(project)
    assert updated(done) == "0 added, 1 changed"  # the page with the map, not the other
    assert "A changed title</title>" in (project / "_build" / "html" / "index.html").read_text(
        encoding="utf-8"
    )
    text = tmp_path / "seeds" / "europe-central-asia-partnership.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert updated(sphinx(project)) == "0 added, 1 changed"  # the maps' source text
    assert updated(sphinx(project)) == "0 added, 0 changed"


@pytest.mark.skipif(not (shutil.which("latexmk") and shutil.which("pdflatex")), reason="no TeX")
def test_latex_makes_a_pdf_with_the_figures_at_the_text_width(tmp_path: Path) -> None:
    project = example(tmp_path, "sphinx-rst")
    assert sphinx(project, name="sphinx-rst html (before latexpdf)").returncode == 0
    done = sphinx(project, "latexpdf", name="sphinx-rst latexpdf")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    latex = project / "_build" / "latex"
    tex = (latex / "mapsinsphinx.tex").read_text(encoding="utf-8")
    drawn = re.findall(r"\\sphinxincludegraphics\{\{(argmap-[0-9a-f]+)\}\.pdf\}", tex)
    assert len(drawn) == 2
    assert tex.index(drawn[0]) < tex.index(r"\label{\detokenize{index:fig-partnership}}")
    assert tex.index(r"\label{\detokenize{index:fig-partnership}}") < tex.index(drawn[1])
    pdf = latex / "mapsinsphinx.pdf"
    shots = page_shots(pdf, "sphinx-latexpdf")
    assert shots
    widths, naturals = {}, {}
    for number, (title, name) in enumerate(zip((SEED_TITLE, ENERGY_TITLE), drawn, strict=True)):
        natural, own, shown = pdf_figure_text(pdf, latex / f"{name}.pdf", rf"Fig\.\s*{number + 1}:")
        assert shown, title
        widths[title] = natural * shown / own  # the width the figure is shown at, in pt
        naturals[title] = natural
        record(
            "sphinx latexpdf",
            title,
            natural_pt=natural,
            shown_pt=widths[title],
            smallest_text_pt=shown,
        )
    # A figure wider than the text is shrunk to the text width (the seed map's); a narrower
    # one keeps its natural size.
    text_width = widths[SEED_TITLE]
    assert naturals[SEED_TITLE] > text_width
    assert 400 < text_width < 520  # Sphinx's \textwidth on letter paper: 6.5 in
    assert widths[ENERGY_TITLE] == pytest.approx(min(naturals[ENERGY_TITLE], text_width), rel=0.02)
