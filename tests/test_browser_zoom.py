"""In headless Chromium, zoomed as a reader with low vision zooms: the HTML view at 200 % and
400 % of a 1280 x 800 and a 1280 x 1024 screen (640 x 400 and 320 x 256 CSS px, WCAG 2.2's
1.4.4 and 1.4.10) still shows its source text in lines that can be read, without scrolling
sideways; only the map, a diagram, scrolls both ways in its own pane.

Runs where Debian's ``chromium`` and ``chromium-driver`` are installed, as tests/test_browser.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.api import render_map, source_text
from argmap.model import ArgumentMap

from .conftest import SEED_MAP
from .test_browser import CHROMIUM, DRIVER, HEIGHT, WIDTH, browser, screenshot, seed, viewport
from .test_browser_phone import LAYOUT

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver"
)
__all__ = ["browser", "seed"]  # the fixtures, shared with tests/test_browser.py

# With the article scrolled into view (as far as the page goes), how many CSS px of it are on
# the screen, and how many of the map's pane.
SHOWN = """
const article = document.getElementById("argmap-article");
const pane = document.getElementById("argmap-map");
const seen = (e) => { const r = e.getBoundingClientRect();
  return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)); };
article.querySelector("p:nth-of-type(3)").scrollIntoView({block: "start"});
const text = seen(article);
pane.scrollIntoView({block: "start"});
return {text, map: seen(pane)};
"""


@pytest.fixture
def zoomed(browser, seed: ArgumentMap, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    path = tmp_path / "view.html"
    path.write_bytes(render_map(seed, "html", source=source_text(seed, SEED_MAP)))

    def at(width: int, height: int) -> dict[str, object]:
        viewport(browser, width, height)
        browser.get(path.as_uri())
        return {**browser.execute_script(LAYOUT), **browser.execute_script(SHOWN)}

    try:
        yield at
    finally:
        viewport(browser, WIDTH, HEIGHT)


@pytest.mark.parametrize("size", [(640, 400), (320, 256)], ids=["200%", "400%"])
def test_zoomed_in_the_source_text_fills_the_screen_and_nothing_scrolls_sideways(
    zoomed, browser, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    width, height = size
    layout = zoomed(width, height)
    screenshot(browser, f"html-view-zoom-{width}", whole=False)
    # the text can be brought to fill the screen (it had a pane of 75 and 24 px: two lines
    # and none), and so can the map
    assert layout["text"] >= 0.8 * height, layout
    assert layout["map"] >= 0.8 * height, layout
    assert layout["wide"] == [] and layout["scrollWidth"] <= width, layout
