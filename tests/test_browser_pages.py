"""In headless Chromium: the HTML view opens with the whole map in its pane, and the coverage
page sets its claim tags against the punctuation after them (issue 14, items 8 and 10).

Runs where Debian's ``chromium`` and ``chromium-driver`` are installed, as tests/test_browser.py.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from argmap.analysis.coverage import coverage as cover
from argmap.api import render_map, source_text
from argmap.model import ArgumentMap
from argmap.pages.coverage import page
from argmap.read.source import SourceText

from .conftest import SEED_MAP
from .test_browser import CHROMIUM, DRIVER, HEIGHT, WIDTH, browser, screenshot, seed, viewport

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver"
)
__all__ = ["browser", "seed"]  # the fixtures, shared with tests/test_browser.py

# Where the drawing sits in the map's pane, and how far the pane is scrolled.
PLACE = """
const pane = document.getElementById("argmap-map");
const svg = pane.querySelector("svg");
const p = pane.getBoundingClientRect(), s = svg.getBoundingClientRect();
const outside = [...svg.querySelectorAll("g.claim, #cluster_legend")].filter((g) => {
  const b = g.getBoundingClientRect();
  return b.left < p.left || b.right > p.right || b.top < p.top || b.bottom > p.bottom;
}).map((g) => g.id);
return {left: s.left - p.left, right: p.right - s.right, top: s.top - p.top,
        bottom: p.bottom - s.bottom, width: s.width, height: s.height,
        paneWidth: pane.clientWidth, paneHeight: pane.clientHeight,
        scrollLeft: pane.scrollLeft, scrollTop: pane.scrollTop, outside};
"""


@pytest.fixture
def view(browser, seed: ArgumentMap, tmp_path: Path):  # type: ignore[no-untyped-def]
    viewport(browser, WIDTH, HEIGHT)
    path = tmp_path / "view.html"
    path.write_bytes(render_map(seed, "html", source=source_text(seed, SEED_MAP)))
    browser.get(path.as_uri())
    return browser


def fitted(place: dict[str, object]) -> bool:
    """The whole drawing in the pane, unscrolled, as large as the pane allows (one side
    within a few pixels of the pane's)."""
    inside = all(place[side] >= 0 for side in ("left", "right", "bottom"))  # type: ignore[operator]
    tight = place["width"] >= place["paneWidth"] - 20 or place["bottom"] <= 12  # type: ignore[operator]
    return inside and tight and place["scrollLeft"] == 0 and place["scrollTop"] == 0


def test_the_view_opens_with_the_whole_map_in_its_pane(view) -> None:  # type: ignore[no-untyped-def]
    place = view.execute_script(PLACE)
    screenshot(view, "html-view-opened", whole=False)
    assert place["outside"] == [], "claims or the legend outside the pane"
    assert fitted(place), place
    view.find_element("css selector", "[data-zoom='in']").click()
    view.find_element("css selector", "[data-zoom='fit']").click()
    assert view.execute_script(PLACE) == place  # Fit brings back the opening view


def test_the_view_stays_fitted_as_the_window_changes_until_the_reader_zooms(
    view,  # type: ignore[no-untyped-def]
) -> None:
    viewport(view, 1000, 700)
    view.execute_script("window.dispatchEvent(new Event('resize'))")
    place = view.execute_script(PLACE)
    assert place["outside"] == [] and fitted(place), place
    view.find_element("css selector", "[data-zoom='in']").click()
    zoomed = view.execute_script(PLACE)["width"]
    viewport(view, WIDTH, HEIGHT)
    view.execute_script("window.dispatchEvent(new Event('resize'))")
    assert view.execute_script(PLACE)["width"] == pytest.approx(zoomed, abs=1)


# For each claim tag followed by punctuation: the gap from the tag's box to the mark.
GAPS = """
const gaps = [];
for (const tag of document.querySelectorAll("a.tag")) {
  const next = tag.nextSibling;
  if (!next || next.nodeType !== Node.TEXT_NODE || !/^[,.;:!?]/.test(next.data)) continue;
  const range = document.createRange();
  range.setStart(next, 0);
  range.setEnd(next, 1);
  const gap = range.getBoundingClientRect().left - tag.getBoundingClientRect().right;
  gaps.push([tag.textContent, gap]);
}
return gaps;
"""


def test_coverage_tags_sit_against_the_punctuation_after_them(
    browser, seed: ArgumentMap, tmp_path: Path
) -> None:
    path = tmp_path / "coverage.html"
    found = cover(seed, SourceText(source_text(seed, SEED_MAP) or ""))
    path.write_text(page(seed, found), encoding="utf-8")
    viewport(browser, 900, 700)
    browser.get(path.as_uri())
    gaps = browser.execute_script(GAPS)
    assert ["russian-expansionism", pytest.approx(0, abs=0.5)] in gaps
    assert all(gap <= 0.5 for _, gap in gaps), gaps
    screenshot(browser, "coverage-page", whole=False)


# Every element with text of its own, shown: its colour over the background it is drawn on
# (backgrounds up the tree composited), and WCAG 2's contrast ratio of the two; those below
# 4.5:1 (3:1 for large text) are returned. Text inside a drawing is left to test_legibility.
LOW_CONTRAST = """
const parse = (c) => {
  const m = c.match(/rgba?\\(([^)]+)\\)/);
  if (!m) return null;
  const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p[3] ?? 1];
};
const over = (top, under) =>
  [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
const lum = (c) => {
  const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
};
const low = [];
for (const el of document.querySelectorAll("body *")) {
  if (el.closest("svg")) continue;
  const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.data.trim());
  const style = getComputedStyle(el);
  if (!own.length || style.visibility === "hidden" || !el.getClientRects().length) continue;
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  const back = layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  const ink = over(parse(style.color), back);
  const [hi, lo] = [lum(ink), lum(back)].sort((a, b) => b - a);
  const ratio = (hi + 0.05) / (lo + 0.05), size = parseFloat(style.fontSize);
  const large = size >= 24 || (parseInt(style.fontWeight) >= 700 && size >= 18.66);
  if (ratio < (large ? 3 : 4.5)) low.push([el.className, own[0].data.trim(), +ratio.toFixed(2)]);
}
return low;
"""


def test_every_text_of_the_coverage_page_has_the_contrast_wcag_asks(
    browser, seed: ArgumentMap, tmp_path: Path
) -> None:
    path = tmp_path / "coverage.html"
    found = cover(seed, SourceText(source_text(seed, SEED_MAP) or ""))
    path.write_text(page(seed, found), encoding="utf-8")
    browser.get(path.as_uri())
    assert browser.find_elements("css selector", ".furniture, .why")  # greyed, but readable
    assert browser.execute_script(LOW_CONTRAST) == []


@pytest.mark.parametrize("theme", ["light", "dark", "print"])
def test_every_text_of_the_view_has_the_contrast_wcag_asks(
    browser, seed: ArgumentMap, tmp_path: Path, theme: str
) -> None:
    path = tmp_path / "view.html"
    path.write_bytes(render_map(seed, "html", theme=theme, source=source_text(seed, SEED_MAP)))
    browser.get(path.as_uri())
    browser.find_element("css selector", "mark").click()  # a passage lit, its claim named
    assert browser.execute_script(LOW_CONTRAST) == []


LONG_ID = "a-claim-whose-id-is-as-long-as-argmap-allows-sixty-four-chars-ok"


def test_the_coverage_page_fits_a_phone_without_scrolling_sideways(
    browser, seed: ArgumentMap, tmp_path: Path
) -> None:
    """Its tags (a claim's id, up to 64 characters; why a line is furniture) wrap on a narrow
    screen rather than push the page wider than the screen."""
    assert len(LONG_ID) == 64
    first = seed.claims[0]
    renamed = attrs.evolve(seed, claims=(attrs.evolve(first, id=LONG_ID), *seed.claims[1:]))
    path = tmp_path / "coverage.html"
    found = cover(renamed, SourceText(source_text(seed, SEED_MAP) or ""))
    path.write_text(page(renamed, found), encoding="utf-8")
    viewport(browser, 390, 844)
    try:
        browser.get(path.as_uri())
        assert LONG_ID in browser.page_source
        wide = browser.execute_script(
            "const w = document.documentElement.clientWidth;"
            "return [...document.querySelectorAll('body *')]"
            ".filter((e) => e.getBoundingClientRect().right > w + 0.5).map((e) => e.className);"
        )
        assert wide == []
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        screenshot(browser, "coverage-page-phone", whole=False)
    finally:
        viewport(browser, WIDTH, HEIGHT)
