"""argmap in Quarto. Quarto runs a filter named in ``filters:`` that is no Lua file as a JSON
filter at a path relative to the document, so ``filters: [argmap-pandoc]`` looks for
``argmap-pandoc`` beside the document, not on the PATH; its way is an extension. ``argmap-pandoc
--quarto-extension`` writes one (``_extensions/argmap/``: ``filters: [argmap]``), a Lua filter
that runs argmap's Pandoc filter with the Python argmap is installed in, and tells it the page
is Quarto's: HTML figures fit Quarto's column, and LaTeX's the text of Quarto's KOMA-Script
class (tests/test_pandoc_pages.py).

The extension's Lua filter is run here by Pandoc itself (``--lua-filter``), as Quarto runs an
extension's; a build with Quarto's own ``quarto render`` runs where ``quarto`` is on the PATH
and is skipped elsewhere (PyPI's ``quarto-cli`` downloads Quarto from GitHub as it installs).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

pytest.importorskip("panflute")

from argmap.api import load, render_figures
from argmap.embed.outputs import choose
from argmap.embed.targets import QUARTO_HTML

from .conftest import SEED_MAP
from .docbuild import example, run
from .test_pandoc import PANDOCS

pytestmark = pytest.mark.skipif(not shutil.which("pandoc"), reason="needs pandoc")

DOCUMENT = """---
title: The op-ed
{meta}---

The argument is in @fig-partnership.

![The op-ed's argument.](../../maps/europe-central-asia.yaml){{.argmap #fig-partnership}}
"""


@pytest.fixture(params=PANDOCS)
def program(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _folder(tmp_path: Path) -> Path:
    """A folder two below the seed map, as examples/pandoc is, with the extension in it."""
    folder = example(tmp_path, "pandoc")
    made = run(["argmap-pandoc", "--quarto-extension"], folder)
    assert made.returncode == 0, made.stderr
    assert "_extensions/argmap" in made.stderr
    return folder


def test_the_extension_is_written_as_quarto_reads_one(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    found = yaml.safe_load((folder / "_extensions/argmap/_extension.yml").read_text("utf-8"))
    assert found["contributes"] == {"filters": ["argmap.lua"]}
    assert found["title"] and found["version"]
    lua = (folder / "_extensions/argmap/argmap.lua").read_text("utf-8")
    assert "run_json_filter" in lua and "argmap.pandoc" in lua
    again = run(["argmap-pandoc", "--quarto-extension"], folder)  # written anew, as it was
    assert again.returncode == 0, again.stderr
    assert (folder / "_extensions/argmap/argmap.lua").read_text("utf-8") == lua


def test_a_folder_that_is_no_folder_is_said(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", "utf-8")
    done = run(["argmap-pandoc", "--quarto-extension", str(tmp_path / "file")], tmp_path)
    assert done.returncode == 2
    assert "argmap-pandoc: " in done.stderr and "Traceback" not in done.stderr


def test_the_extensions_filter_draws_html_for_quartos_column(tmp_path: Path, program: str) -> None:
    folder = _folder(tmp_path)
    (folder / "doc.md").write_text(DOCUMENT.format(meta=""), "utf-8")
    lua = "_extensions/argmap/argmap.lua"
    done = run([program, "doc.md", "-s", "--lua-filter", lua, "-o", "doc.html"], folder)
    assert done.returncode == 0, done.stderr
    page = (folder / "doc.html").read_text("utf-8")
    expected = render_figures(load(SEED_MAP), "svg", fit=QUARTO_HTML.fit)
    assert len(re.findall(r"<svg\b", page)) == len(expected) > 1
    ids = re.findall(r'<figure[^>]*id="(fig-partnership[^"]*)"', page)
    assert ids == ["fig-partnership"] + [f"fig-partnership-{n}" for n in range(2, len(ids) + 1)]
    assert len(ids) == len(expected)


def test_the_extensions_filter_draws_latex_for_quartos_koma_text(
    tmp_path: Path, program: str
) -> None:
    """The metadata Quarto's PDF gives Pandoc: KOMA-Script's article at DIV=11, on letter."""
    meta = (
        "documentclass: scrartcl\nclassoption: [DIV=11, numbers=noendperiod]\npapersize: letter\n"
    )
    folder = _folder(tmp_path)
    (folder / "doc.md").write_text(DOCUMENT.format(meta=meta), "utf-8")
    lua = "_extensions/argmap/argmap.lua"
    done = run([program, "doc.md", "-s", "--lua-filter", lua, "-o", "doc.tex"], folder)
    assert done.returncode == 0, done.stderr
    tex = (folder / "doc.tex").read_text("utf-8")
    koma = choose("latex", yaml.safe_load(meta)).target
    assert str(koma.fit) == "445.09x543.16pt"  # 446.76 by 582.2 TeX pt, less a caption
    expected = render_figures(load(SEED_MAP), "pdf", fit=koma.fit)
    assert len(re.findall(r"argmap-figures/[^}]+\.pdf", tex)) == len(expected)


@pytest.mark.skipif(not shutil.which("quarto"), reason="needs Quarto (quarto on the PATH)")
@pytest.mark.parametrize("output", ["html", "pdf"])
def test_quarto_renders_the_map_as_numbered_figures(tmp_path: Path, output: str) -> None:
    """What a Quarto user does: the extension, ``filters: [argmap]``, ``quarto render``."""
    folder = _folder(tmp_path)
    (folder / "doc.qmd").write_text(DOCUMENT.format(meta="filters:\n  - argmap\n"), "utf-8")
    done = subprocess.run(["quarto", "render", "doc.qmd", "--to", output], cwd=folder,
                          capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (folder / f"doc.{output}").exists()
    if output == "html":
        page = (folder / "doc.html").read_text("utf-8")
        expected = render_figures(load(SEED_MAP), "svg", fit=QUARTO_HTML.fit)
        assert len(re.findall(r"<svg\b", page)) >= len(expected)
        assert 'href="#fig-partnership"' in page  # @fig-partnership, resolved by Quarto
