"""The example projects of examples/ built as their READMEs say, and what the outputs show:
figure sizes and text sizes in PDF and DOCX (the HTML ones are measured in Chromium)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from argmap.api import check_bytes, load, render_map

from .conftest import ROOT, SEED_MAP

BIN = Path(sys.executable).parent
ARTIFACTS = Path(__file__).parent / "artifacts"
#: How long each build took (name → seconds), for the report.
TIMES: dict[str, float] = {}
#: The two maps of every example, in the order they appear.
ENERGY_TITLE = "Energy from Central Asia"
SEED_TITLE = load(SEED_MAP).title


def example(tmp_path: Path, name: str) -> Path:
    """A copy of ``examples/NAME`` laid out as in the repository (the seed map and its
    source two folders up), so that it builds as it does there; without what a build of it
    there left (examples/build)."""
    outputs = shutil.ignore_patterns("_build", "argmap-figures", "*.html", "*.docx", "*.pdf")
    shutil.copytree(ROOT / "examples" / name, tmp_path / "examples" / name, ignore=outputs)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "maps").mkdir()
    shutil.copy(SEED_MAP, tmp_path / "maps")
    (tmp_path / "pyproject.toml").touch()  # the project holding them all, as the repository
    return tmp_path / "examples" / name


def run(args: list[str], cwd: Path, name: str | None = None) -> subprocess.CompletedProcess[str]:
    """A command as a user runs it in ``cwd``, with this environment's scripts on PATH."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env["NO_COLOR"] = "1"
    started = time.perf_counter()
    done = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, env=env, timeout=600, check=False
    )
    if name:
        TIMES[name] = round(time.perf_counter() - started, 2)
    return done


def sphinx(folder: Path, builder: str = "html", name: str | None = None):  # type: ignore[no-untyped-def]
    """``sphinx-build -M BUILDER . _build`` in ``folder``."""
    return run(["sphinx-build", "-M", builder, ".", "_build"], folder, name)


def record(build: str, title: str, **measured: float) -> None:
    """Keep a measurement in tests/artifacts/embed-measurements.json, for the report."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "embed-measurements.json"
    known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    known[f"{build}: {title}"] = {k: round(v, 2) for k, v in measured.items()}
    known["build seconds"] = {**known.get("build seconds", {}), **TIMES}
    path.write_text(json.dumps(known, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def text_sizes(svg: bytes) -> tuple[float, float, float]:
    """An SVG figure's natural width (pt) and the smallest font sizes (pt) of its claims'
    text (not the bold words over it) and of all its text."""
    root = ET.fromstring(svg)
    width = float(root.get("viewBox", "0 0 0 0").split()[2])
    claims, every = [], []
    for group in root.iter("{http://www.w3.org/2000/svg}g"):
        inside = [t for t in group.iter("{http://www.w3.org/2000/svg}text") if t.get("font-size")]
        every += [float(t.get("font-size", "0")) for t in inside]
        if "claim" in (group.get("class") or "").split():
            claims += [
                float(t.get("font-size", "0")) for t in inside if t.get("font-weight") != "bold"
            ]
    return width, min(claims), min(every)


def energy_svg(fit: str | None = None) -> bytes:
    """The energy map written in examples/pandoc/report.md as SVG, fitted to ``fit`` as the
    examples draw it (in one figure: it is readable so at every width they have)."""
    report = (ROOT / "examples" / "pandoc" / "report.md").read_text(encoding="utf-8")
    body = re.search(r"^```\{\.argmap[^\n]*\n(.*?)^```$", report, re.S | re.M)
    assert body is not None
    path = ROOT / "examples" / "pandoc" / "inline-map.yaml"  # its source, as the filter reads it
    checked = check_bytes(body.group(1).encode(), str(path))
    assert checked.map is not None, checked.diagnostics
    return render_map(checked.map, "svg", fit=fit)


def pdf_figure_text(pdf: Path, figure: Path, caption: str) -> tuple[float, float, float]:
    """One figure in a document's PDF: its own width and smallest text (pt, in the figure's
    PDF), and its smallest text in the document (pt), read from the characters set in the
    figure's fonts, on the page of its ``caption`` (a regular expression), between that
    caption and the one above it, if any (0 when there are none)."""
    import pdfplumber

    def font(name: str) -> str:
        return name.split("+", 1)[-1]

    with pdfplumber.open(figure) as opened:
        fonts = {font(c["fontname"]) for page in opened.pages for c in page.chars}
        width = float(opened.pages[0].width)
        own = min(c["size"] for page in opened.pages for c in page.chars)
    with pdfplumber.open(pdf) as opened:
        for page in opened.pages:
            found = page.search(caption)
            if not found:
                continue
            bottom = found[0]["top"]
            above = [m["bottom"] for m in page.search(r"Fig\.\s*\d+:") if m["bottom"] < bottom]
            top = max(above, default=0)
            shown = [
                c["size"]
                for c in page.chars
                if font(c["fontname"]) in fonts and top < c["top"] < bottom
            ]
            return width, own, min(shown, default=0)
    return width, own, 0


def page_shots(pdf: Path, name: str) -> list[Path]:
    """The PDF's pages as tests/artifacts/NAME-N.png (Poppler's pdftoppm), to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob(f"{name}-*.png"):  # a longer document's, from an earlier run
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(pdf), str(ARTIFACTS / name)], check=True, timeout=120
    )
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


__all__ = [
    "ARTIFACTS",
    "ENERGY_TITLE",
    "SEED_TITLE",
    "TIMES",
    "energy_svg",
    "example",
    "page_shots",
    "pdf_figure_text",
    "record",
    "run",
    "sphinx",
    "text_sizes",
]
