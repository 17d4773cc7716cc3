"""Sphinx with numfig numbers a map's figures among the page's others: the numbers drawn in the
figures (stubs, references, heading) are Sphinx's, and the captions are in the map's language
(a German lecturer's site: ``language = "de"``, a picture before the map)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("sphinx")

from argmap.api import load, render_figures

from .docbuild import example, sphinx
from .test_renumber import SVG, named, texts

PAGE = """\
Sitzung 5
=========

.. figure:: bild.svg
   :name: fig-bild

   Ein Bild vor der Karte.

Die Argumentation zeigt :numref:`fig-karte`, die Fortsetzung :numref:`fig-karte-2`.

.. argmap:: ../../maps/karte.yaml
   :caption: Die Argumentation des Gastbeitrags.
   :name: fig-karte
"""

PICTURE = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20"/></svg>'


def german_site(tmp_path: Path, numfig: bool = True) -> Path:
    project = example(tmp_path, "sphinx-rst")
    seed = tmp_path / "maps" / "europe-central-asia.yaml"
    text = seed.read_text(encoding="utf-8").replace("\nlang: en\n", "\nlang: de\n", 1)
    (tmp_path / "maps" / "karte.yaml").write_text(text, encoding="utf-8")
    conf = project / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace("numfig = True", f"numfig = {numfig}")
        + 'language = "de"\n',
        encoding="utf-8",
    )
    (project / "index.rst").write_text(PAGE, encoding="utf-8")
    (project / "bild.svg").write_text(PICTURE, encoding="utf-8")
    return project


def shown(html: str) -> list[tuple[str, str, bytes]]:
    """(caption number, caption text, SVG) of each of the map's figures, in order."""
    found = re.findall(
        r'<figure class="argmap[^"]*" id="[^"]+">.*?(<svg.*?</svg>).*?'
        r'<figcaption>\s*<p>(?:<span class="caption-number">Abb. (\S+) </span>)?'
        r'<span class="caption-text">([^<]*)</span>',
        html,
        re.S,
    )
    return [(number, caption, svg.encode("utf-8")) for svg, number, caption in found]


def test_the_figures_name_the_numbers_sphinx_gives_them(tmp_path: Path) -> None:
    project = german_site(tmp_path)
    done = sphinx(project, name="sphinx numfig de")
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    html = (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    figures = shown(html)
    own = render_figures(load(tmp_path / "maps" / "karte.yaml"), "svg", fit=643)
    total = len(own)
    assert len(figures) == total > 2
    assert [number for number, _, _ in figures] == [str(n + 1) for n in range(1, total + 1)]
    for k, ((number, caption, svg), drawn) in enumerate(zip(figures, own, strict=True), 1):
        assert caption == f"Die Argumentation des Gastbeitrags (Teil {k} von {total}).", caption
        # each figure named is named by the number Sphinx gave it: argmap's count + 1
        assert named(svg) == [str(int(n) + 1) for n in named(drawn)]
        assert f"ABBILDUNG {number}" in texts(svg)
        title = ET.fromstring(svg).find(f"{SVG}title")
        assert title is not None and title.text is not None
        assert title.text.endswith(f" (Teil {k} von {total})")
    assert any(named(svg) for _, _, svg in figures)
    assert 'href="#fig-karte-2"' in html and "Abb. 3" in html


def test_without_numfig_the_figures_keep_the_maps_count_in_its_words(tmp_path: Path) -> None:
    project = german_site(tmp_path, numfig=False)
    (project / "index.rst").write_text(
        PAGE.replace(":numref:`fig-karte`", "die Karte").replace(
            ", die Fortsetzung :numref:`fig-karte-2`", ""
        ),
        encoding="utf-8",
    )
    done = sphinx(project, name="sphinx no numfig de")
    assert done.returncode == 0, done.stderr
    html = (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    figures = shown(html)
    own = render_figures(load(tmp_path / "maps" / "karte.yaml"), "svg", fit=643)
    total = len(own)
    for k, ((number, caption, svg), drawn) in enumerate(zip(figures, own, strict=True), 1):
        assert number == ""
        assert caption == f"Die Argumentation des Gastbeitrags (Abbildung {k} von {total})."
        assert named(svg) == named(drawn)
        assert f"ABBILDUNG {k} VON {total}" in texts(svg)


def test_a_page_sphinx_numbers_no_figures_of_keeps_the_maps_count(tmp_path: Path) -> None:
    """A page outside the toctree (``:orphan:``) gets no figure numbers from Sphinx: its
    figures count the map's own, and their captions say so, as without numfig."""
    project = german_site(tmp_path)
    (project / "index.rst").write_text("Start\n=====\n\nNichts.\n", encoding="utf-8")
    (project / "extra.rst").write_text(":orphan:\n\n" + PAGE, encoding="utf-8")
    done = sphinx(project, name="sphinx numfig de orphan")
    assert done.returncode == 0, done.stderr
    html = (project / "_build" / "html" / "extra.html").read_text(encoding="utf-8")
    own = render_figures(load(tmp_path / "maps" / "karte.yaml"), "svg", fit=643)
    total = len(own)
    figures = shown(html)
    assert len(figures) == total
    for k, ((number, caption, svg), drawn) in enumerate(zip(figures, own, strict=True), 1):
        assert number == ""
        assert caption == f"Die Argumentation des Gastbeitrags (Abbildung {k} von {total})."
        assert named(svg) == named(drawn)
