"""What Chromium exposes of a map's lines to a screen reader: not Graphviz's names for them.

A page that shows the SVG inline (a newsroom's article) or the SVG opened alone: every name in
the accessibility tree that Graphviz's ``<title>`` of an edge gave (``a->b``) was read out as
it stood. Runs where Debian's ``chromium`` and ``chromium-driver`` are installed.
"""

from __future__ import annotations

from pathlib import Path

from argmap.api import load, render_map
from argmap.draw.svg import inline

from .conftest import SEED_MAP
from .test_browser import browser, pytestmark  # noqa: F401 (the fixture, the skip)


def names(driver) -> list[str]:  # type: ignore[no-untyped-def]
    tree = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    return [n.get("name", {}).get("value", "") for n in tree if not n.get("ignored")]


def test_no_line_is_named_by_graphviz(browser, tmp_path: Path) -> None:  # noqa: F811
    svg = render_map(load(SEED_MAP), "svg")
    alone = tmp_path / "map.svg"
    alone.write_bytes(svg)
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>'
        f"</head><body><p>The article.</p>{inline(svg)}</body></html>",
        encoding="utf-8",
    )
    for path in (alone, page):
        browser.get(path.as_uri())
        read = names(browser)
        assert any("Central Asia" in name for name in read), path.name  # the map is read
        assert [name for name in read if "->" in name] == [], path.name
        assert [name for name in read if name.startswith("reason--")] == [], path.name
