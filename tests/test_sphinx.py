"""The Sphinx extension: real projects (examples/sphinx-rst, examples/sphinx-myst) built with
sphinx-build: numbered figures in order, errors at their line, incremental rebuilds, PDF."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("sphinx")
pdfplumber = pytest.importorskip("pdfplumber")

from argmap.api import load, render_figures
from argmap.embed.targets import CAPTION_ROOM, sphinx_latex

from .conftest import SEED_MAP
from .docbuild import (
    ENERGY_TITLE,
    SEED_TITLE,
    energy_svg,
    example,
    page_shots,
    pdf_figure_text,
    record,
    sphinx,
    text_sizes,
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


def figures(html: str) -> list[tuple[str, str, str]]:
    """(id, number, the drawing's title) of each figure of a page, in order."""
    found = re.findall(
        r'<figure class="argmap[^"]*" id="([^"]+)">\s*(?:<div class="argmap-scroll"[^>]*>\s*)?'
        r"<svg[^>]*>\s*<title[^>]*>([^<]*)</title>"
        r'.*?<span class="caption-number">Fig. (\d+) </span>',
        html,
        re.S,
    )
    return [(name, number, title.replace("&amp;", "&")) for name, title, number in found]


def expected(count: int) -> list[tuple[str, str, str]]:
    """The figures of the examples: the seed map's ``count``, numbered and named in order,
    each titled with the part of the map it shows, then the energy map's, whole."""
    seed = [
        (
            "fig-partnership" + (f"-{n}" if n > 1 else ""),
            str(n),
            f"{SEED_TITLE} (part {n} of {count})",  # Sphinx numbers them: which part
        )
        for n in range(1, count + 1)
    ]
    return [*seed, ("fig-energy", str(count + 1), ENERGY_TITLE)]


@pytest.mark.parametrize(("name", "page"), [("sphinx-rst", "index"), ("sphinx-myst", "index")])
def test_a_project_shows_its_maps_as_numbered_figures(tmp_path: Path, name: str, page: str) -> None:
    project = example(tmp_path, name)
    if name == "sphinx-rst":  # each figure of a map can be referred to
        text = (project / "index.rst").read_text(encoding="utf-8")
        more = "\nThe second is :numref:`fig-partnership-2`.\n"
        (project / "index.rst").write_text(text + more, encoding="utf-8")
    done = sphinx(project, name=f"{name} html")
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr and "ERROR" not in done.stderr
    html = (project / "_build" / "html" / f"{page}.html").read_text(encoding="utf-8")
    # Alabaster's column, 643 px: the seed map is too big to read whole there.
    count = len(render_figures(load(SEED_MAP), "svg", fit=643))
    assert count > 1
    assert figures(html) == expected(count)
    # :numref: links to each figure by its number.
    assert re.search(
        r'href="#fig-partnership"[^>]*><span class="std std-numref">Fig. 1</span>', html
    )
    energy = rf'href="#fig-energy"[^>]*><span class="std std-numref">Fig. {count + 1}</span>'
    assert re.search(energy, html)
    if name == "sphinx-rst":
        assert re.search(r'href="#fig-partnership-2"[^>]*><span[^>]*>Fig. 2</span>', html)
    assert html.count("<svg") == count + 1 and "<img" not in html  # inline, nothing to fetch
    captions = re.findall(r'<span class="caption-text">([^<]*)</span>', html)
    assert captions[1].endswith(f"(part 2 of {count}).")


def test_a_block_can_draw_its_map_whole_or_fit_another_column(tmp_path: Path) -> None:
    project = example(tmp_path, "sphinx-rst")
    index = project / "index.rst"
    text = index.read_text(encoding="utf-8")
    index.write_text(
        text.replace("   :name: fig-partnership\n", "   :name: fig-partnership\n   :fit: none\n")
    )
    assert sphinx(project).returncode == 0
    html = (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert [f[2] for f in figures(html)] == [SEED_TITLE, ENERGY_TITLE]
    # conf.py's argmap_fit sets the column of a kind of output.
    conf = project / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'argmap_fit = {"html": 500}\n')
    index.write_text(text)
    assert sphinx(project).returncode == 0
    html = (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    count = len(render_figures(load(SEED_MAP), "svg", fit=500))
    assert figures(html) == expected(count)


def test_html_puts_fitted_figures_in_boxes_that_scroll_and_epub_does_not(tmp_path: Path) -> None:
    """On a phone a fitted figure keeps its text readable in a box that scrolls sideways
    (tests/test_embed_phone.py); a map drawn whole is in none; EPUB's reading systems
    paginate, and not all scroll a box: there figures shrink to the page as before."""
    project = example(tmp_path, "sphinx-rst")
    index = project / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "   :theme: print\n", "   :theme: print\n   :fit: none\n"))  # fmt: skip
    assert sphinx(project).returncode == 0
    html = (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    boxes = re.findall(r'<div class="argmap-scroll"([^>]*)>\s*<svg[^>]* id="([^"]+)"', html)
    assert len(boxes) == html.count("<svg") - 1  # all but the energy map's, drawn whole
    for attributes, root in boxes:
        assert 'role="region" tabindex="0"' in attributes
        assert f'aria-labelledby="{root}-title"' in attributes
    done = sphinx(project, "epub")
    assert done.returncode == 0, done.stderr
    epub = (project / "_build" / "epub" / "index.xhtml").read_text(encoding="utf-8")
    assert epub.count("<svg") == html.count("<svg") and 'argmap-scroll"' not in epub


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
    page = (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "A changed title (part 1 of " in page
    text = tmp_path / "seeds" / "europe-central-asia-partnership.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert updated(sphinx(project)) == "0 added, 1 changed"  # the maps' source text
    assert updated(sphinx(project)) == "0 added, 0 changed"


@pytest.mark.skipif(not (shutil.which("latexmk") and shutil.which("pdflatex")), reason="no TeX")
def test_latex_makes_a_pdf_with_figures_readable_at_the_text_width(tmp_path: Path) -> None:
    project = example(tmp_path, "sphinx-rst")
    assert sphinx(project, name="sphinx-rst html (before latexpdf)").returncode == 0
    done = sphinx(project, "latexpdf", name="sphinx-rst latexpdf")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    latex = project / "_build" / "latex"
    tex = (latex / "mapsinsphinx.tex").read_text(encoding="utf-8")
    drawn = re.findall(r"\\sphinxincludegraphics\{\{(argmap-[0-9a-f]+)\}\.pdf\}", tex)
    # Letter paper with 1-inch margins: the text is 468 by 648 pt (6.5 by 9 in), and figures
    # leave room for their captions in its height.
    text = str(sphinx_latex("letterpaper").fit)
    assert text == f"468x{648 - CAPTION_ROOM:g}pt"
    count = len(render_figures(load(SEED_MAP), "pdf", fit=text))
    assert len(drawn) == count + 1 > 2
    labels = [
        tex.index(rf"\label{{\detokenize{{index:fig-partnership-{n}}}}}")
        for n in range(2, count + 1)
    ]
    first = tex.index(r"\label{\detokenize{index:fig-partnership}}")
    assert [tex.index(name) for name in drawn] == sorted(tex.index(name) for name in drawn)
    assert tex.index(drawn[0]) < first < tex.index(drawn[1]) and labels == sorted(labels)
    pdf = latex / "mapsinsphinx.pdf"
    assert page_shots(pdf, "sphinx-latexpdf")
    titles = [f"{SEED_TITLE} (figure {n})" for n in range(1, count + 1)] + [ENERGY_TITLE]
    widths = []
    svgs = [*render_figures(load(SEED_MAP), "svg", fit=text), energy_svg(text)]
    for number, (title, name) in enumerate(zip(titles, drawn, strict=True), 1):
        figure = latex / f"{name}.pdf"
        with pdfplumber.open(figure) as opened:
            width, height = float(opened.pages[0].width), float(opened.pages[0].height)
        _natural, own, shown = pdf_figure_text(pdf, figure, rf"Fig\.\s*{number}:")
        box, claims, _ = text_sizes(svgs[number - 1])  # the same figure: its claims' text size
        record("sphinx latexpdf", title, width_pt=width, height_pt=height,
               claim_text_pt=claims * width / box, smallest_text_pt=shown)  # fmt: skip
        assert claims * width / box >= 9, title
        # Drawn at the size it is printed (LaTeX shrinks nothing), no wider or taller than
        # the text, and every text at least 7 pt.
        assert width <= 468.5 and height <= 648.5 - CAPTION_ROOM, title
        assert shown == pytest.approx(own, abs=0.01), title
        assert shown >= 7, title
        widths.append(width)
    assert max(widths[:count]) == pytest.approx(468, abs=1)  # the widest fills the text


@pytest.mark.skipif(not (shutil.which("latexmk") and shutil.which("pdflatex")), reason="no TeX")
def test_a_tall_map_leaves_room_for_its_captions_on_the_page(tmp_path: Path) -> None:
    """A map taller than the page is split into figures the page's height: each with its
    caption must fit the text, or LaTeX sets it over the page's foot ("Float too large")."""
    project = example(tmp_path, "sphinx-rst")
    steps = [f"  - id: c{n}\n    text: Step {n} of the chain follows from the one before it.\n"
             f"    reasons: [c{n - 1}]\n" for n in range(1, 16)]  # fmt: skip
    chain = "argmap: 1\ntitle: A long chain\npremises:\n  - id: c0\n    text: The first premise.\n"
    (project / "chain.yaml").write_text(chain + "conclusions:\n" + "".join(steps))
    (project / "index.rst").write_text(
        "Chain\n=====\n\n.. argmap:: chain.yaml\n   :caption: A chain of reasons, each a step"
        " further than the one before it, and so on.\n"
    )
    done = sphinx(project, "latexpdf")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    log = (project / "_build" / "latex" / "mapsinsphinx.log").read_text(errors="replace")
    assert "Float too large" not in log
    tex = (project / "_build" / "latex" / "mapsinsphinx.tex").read_text(encoding="utf-8")
    assert tex.count("(figure 1 of ") == 1  # split, as the test means


def test_argmap_source_root_lets_maps_read_sources_outside_the_project(tmp_path: Path) -> None:
    """A map's source text outside the documentation's project is refused (AM117), and the
    message names the setting that allows it in Sphinx: ``argmap_source_root`` in conf.py
    (a folder relative to conf.py), with which the page builds."""
    project = example(tmp_path, "sphinx-rst")
    (tmp_path / "pyproject.toml").unlink()
    (project / "pyproject.toml").touch()  # the project is the docs alone; the source is above
    seed = (tmp_path / "maps" / "europe-central-asia.yaml").read_text(encoding="utf-8")
    seed = seed.replace("path: ../seeds/", "path: ../../seeds/")  # outside the project
    (project / "map.yaml").write_text(seed)
    (project / "index.rst").write_text("Map\n===\n\n.. argmap:: map.yaml\n")
    conf = project / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'argmap_source_root = "../.."\n')
    assert sphinx(project).returncode == 0
    conf.write_text(conf.read_text(encoding="utf-8").replace('"../.."', '"."'))
    done = sphinx(project)
    assert done.returncode == 1
    assert "(see argmap_source_root in conf.py) [AM117]" in done.stderr, done.stderr


def test_a_figure_too_big_for_the_column_is_a_warning_at_its_directive(tmp_path: Path) -> None:
    project = example(tmp_path, "sphinx-rst")
    conf = project / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'argmap_fit = {"html": 200}\n')
    done = sphinx(project)
    assert done.returncode == 0, done.stderr  # drawn all the same
    notes = re.findall(
        r"index\.rst:(\d+): WARNING: argmap: figures? [\d, and]+ of (\d+) (?:is|are) too big for a "
        r"column 200 px",
        done.stderr,
    )
    assert notes, done.stderr
    line = (project / "index.rst").read_text(encoding="utf-8").splitlines()[int(notes[0][0]) - 1]
    assert line.startswith(".. argmap::")


def test_a_screen_width_fit_in_a_printed_output_is_a_warning_at_its_directive(
    tmp_path: Path,
) -> None:
    # ":fit: 720" is a screen's column: in LaTeX its figures would shrink below 7 pt unsaid.
    project = example(tmp_path, "sphinx-rst")
    index = project / "index.rst"
    index.write_text(
        index.read_text(encoding="utf-8").replace(
            "   :name: fig-partnership\n", "   :name: fig-partnership\n   :fit: 720\n"
        )
    )
    latex = sphinx(project, "latex")
    assert latex.returncode == 0, latex.stderr  # drawn all the same
    said = re.findall(
        r"index\.rst:(\d+): WARNING: argmap: fit 720 px is a screen's column", latex.stderr
    )
    assert len(said) == 1, latex.stderr
    paper = sphinx_latex("letterpaper").fit  # the text of a letter page, less caption room
    assert f"give a width on paper (this output's is {paper}) or leave fit out" in latex.stderr
    line = index.read_text(encoding="utf-8").splitlines()[int(said[0]) - 1]
    assert line.startswith(".. argmap::")
    html = sphinx(project)
    assert html.returncode == 0 and "screen's column" not in html.stderr
