"""A real MkDocs project set up as the documentation says ("Markdown and MkDocs"), for the
Markdown and browser tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, SEED_MAP
from .docs_text import block


def make_site(folder: Path, pages: dict[str, str]) -> Path:
    """A MkDocs project in ``folder``: the documentation's ``mkdocs.yml`` (without syntax
    highlighting from the web, so a browser loads nothing from outside), the seed map and its
    source under ``docs/``, and ``pages`` (name → Markdown)."""
    config = block("Markdown and MkDocs", "yaml")
    config += "theme:\n  name: mkdocs\n  highlightjs: false\n"
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = folder / "docs"
    (docs / "maps").mkdir(parents=True)
    shutil.copytree(ROOT / "seeds", docs / "seeds")
    shutil.copy(SEED_MAP, docs / "maps")
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    return folder


def build(folder: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` in ``folder``, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", "site"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=300,
        check=False,
    )
