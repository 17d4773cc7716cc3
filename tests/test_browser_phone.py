"""In headless Chromium as a phone (390 x 844 CSS px, a touch screen): the HTML view gives the
map most of the screen, its hint fits and speaks of tapping, and nothing is wider than the
screen; on a desktop (1280 px, a mouse) it is laid out as before, map and article side by side.

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
from .test_browser_pages import PLACE, fitted

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver"
)
__all__ = ["browser", "seed"]  # the fixtures, shared with tests/test_browser.py

PHONE = 390, 844

# The page's parts as laid out: the panes' boxes, the hint's text and whether it is clipped,
# and what (outside the map and the article, which scroll) reaches past the screen's right.
LAYOUT = """
const de = document.documentElement, width = de.clientWidth;
const box = (e) => { const r = e.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height}; };
const status = document.getElementById("argmap-status");
const range = document.createRange();
range.selectNodeContents(status);
const rects = [...range.getClientRects()].filter((r) => r.width);
const lines = new Set(rects.map((r) => Math.round(r.top)));
const wide = [...document.querySelectorAll("body *")]
  .filter((e) => !e.closest("svg") && e.getBoundingClientRect().right > width + 0.5)
  .map((e) => e.tagName + "." + e.className);
return {map: box(document.getElementById("argmap-map")),
        article: box(document.getElementById("argmap-article")),
        hint: status.innerText.trim(), hintLines: lines.size,
        clipped: status.scrollWidth > status.clientWidth + 0.5
                 || status.scrollHeight > status.clientHeight + 0.5,
        wide, scrollWidth: de.scrollWidth, width};
"""


def touch(driver, on: bool) -> None:  # type: ignore[no-untyped-def]
    """A phone's touch screen (no hover, a coarse pointer), or back to no pointer at all."""
    touches = {"enabled": on, "maxTouchPoints": 1}
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", touches)


@pytest.fixture
def opened(browser, seed: ArgumentMap, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    path = tmp_path / "view.html"
    path.write_bytes(render_map(seed, "html", source=source_text(seed, SEED_MAP)))

    def at(width: int, height: int, *, phone: bool) -> dict[str, object]:
        touch(browser, phone)
        viewport(browser, width, height)
        browser.get(path.as_uri())
        return browser.execute_script(LAYOUT)

    try:
        yield at
    finally:
        touch(browser, False)
        viewport(browser, WIDTH, HEIGHT)


def test_on_a_phone_the_map_has_most_of_the_screen_and_the_hint_fits(opened, browser) -> None:  # type: ignore[no-untyped-def]
    width, height = PHONE
    layout = opened(width, height, phone=True)
    screenshot(browser, "html-view-phone", whole=False)
    assert layout["map"]["height"] >= 0.5 * height, layout
    assert layout["article"]["height"] >= 0.15 * height, layout  # the text still shows
    assert layout["article"]["top"] >= layout["map"]["bottom"] - 0.5  # one above the other
    assert layout["hint"].startswith("Tap a claim"), layout["hint"]
    assert "Hover" not in layout["hint"] and not layout["clipped"], layout
    assert layout["wide"] == [] and layout["scrollWidth"] <= width, layout
    place = browser.execute_script(PLACE)
    assert place["outside"] == [] and fitted(place), place  # still opened whole in its pane


def test_in_a_narrow_window_with_a_mouse_the_hint_wraps_rather_than_is_cut(
    opened,
) -> None:  # type: ignore[no-untyped-def]
    layout = opened(*PHONE, phone=False)
    assert layout["hint"].startswith("Hover or focus a claim"), layout["hint"]
    assert layout["hintLines"] >= 2 and not layout["clipped"], layout
    assert layout["map"]["height"] >= 0.5 * PHONE[1], layout


def test_on_a_desktop_map_and_article_sit_side_by_side_under_a_one_line_hint(
    opened, browser
) -> None:  # type: ignore[no-untyped-def]
    layout = opened(WIDTH, HEIGHT, phone=False)
    screenshot(browser, "html-view-desktop", whole=False)
    view, article = layout["map"], layout["article"]
    assert view["top"] == article["top"] and view["bottom"] == article["bottom"] == HEIGHT
    assert article["left"] >= view["right"] - 0.5
    # the map three fifths of the width, the article two (and its padding and border, 49 px)
    assert (view["right"] - view["left"]) == pytest.approx(0.6 * (WIDTH - 49), abs=1)
    assert layout["hint"].startswith("Hover or focus a claim") and layout["hintLines"] == 1
    assert layout["wide"] == [] and layout["scrollWidth"] <= WIDTH
