"""Golden files: the seed map's DOT exactly, and the committed seed SVG kept up to date."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from argmap.api import load, render_figures, render_map
from argmap.draw.graph import to_dot

from .conftest import ROOT, SEED_MAP

GOLDEN = Path(__file__).parent / "golden"
SVG = "{http://www.w3.org/2000/svg}"
REDRAW = "argmap render maps/europe-central-asia.yaml --fit 720 -o maps/figures/"


def test_seed_map_dot_matches_golden(update_goldens: bool) -> None:
    golden = GOLDEN / "europe-central-asia.dot"
    dot = to_dot(load(SEED_MAP))
    if update_goldens:
        golden.write_text(dot, encoding="utf-8")
    assert dot == golden.read_text(encoding="utf-8"), "run pytest --update-goldens, review diff"


def content(svg: bytes) -> list[tuple[str, str, tuple[str, ...], str]]:
    """What an SVG says, without where it says it: each group's id, class, texts and tooltip.

    Coordinates depend on the fonts of the machine that laid it out; the content must not.
    """
    root = ET.fromstring(svg)
    found = []
    for group in root.iter(f"{SVG}g"):
        texts = tuple((t.text or "") for t in group.iter(f"{SVG}text"))
        titles = [a.get("{http://www.w3.org/1999/xlink}title", "") for a in group.iter(f"{SVG}a")]
        found.append((group.get("id", ""), group.get("class", ""), texts, "|".join(titles)))
    return sorted(found)


def test_committed_seed_svg_is_up_to_date() -> None:
    committed = ROOT / "maps" / "europe-central-asia.svg"
    fresh = render_map(load(SEED_MAP), "svg")
    assert content(committed.read_bytes()) == content(fresh), (
        "maps/europe-central-asia.svg is stale: argmap render maps/europe-central-asia.yaml"
    )


def test_committed_figures_are_up_to_date() -> None:
    """The README and docs/drawing.md show the seed map as it appears in a 720-px column:
    these figures."""
    folder = ROOT / "maps" / "figures"
    fresh = render_figures(load(SEED_MAP), "svg", fit=720)
    committed = sorted(folder.glob("europe-central-asia*.svg"))
    assert [p.name for p in committed] == [
        f"europe-central-asia-{n}.svg" for n in range(1, len(fresh) + 1)
    ], f"maps/figures/ is stale: {REDRAW}"
    for path, svg in zip(committed, fresh, strict=True):
        assert content(path.read_bytes()) == content(svg), f"{path} is stale: {REDRAW}"
