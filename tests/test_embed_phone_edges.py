"""What a reader sees of a figure's scroll box on a phone (390 CSS px), in the HTML that MkDocs,
Sphinx and Pandoc make: an edge of the box fades out where more of the figure lies beyond it,
and nowhere else (so a figure that fits shows no fade); the overview figure opens with its
thesis whole, in the middle of the box; scrolling stays free (nothing snaps back). On a desktop
(1280 px), where every figure fits its column, the page is what it was without the boxes, to
the pixel (tests/test_embed_phone.py checks where everything is).

Runs where Debian's ``chromium`` and ``chromium-driver`` are installed, as tests/test_browser.py.
"""

from __future__ import annotations

import base64
import io
import statistics
from pathlib import Path

import pytest

from argmap.draw.scroll import FADE, box_rules

from .docsite import build as mkdocs_build
from .docsite import make_site
from .test_browser import CHROMIUM, DRIVER, HEIGHT, WIDTH, browser, screenshot, viewport
from .test_embed_phone import CASES, PHONE, SEED_PAGE, built, opened, without_boxes

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver"
)
image = pytest.importorskip("PIL.Image")
__all__ = ["browser", "built"]  # the fixtures, shared with tests/test_embed_phone.py

# Each scroll box: how far it scrolls and is scrolled, and for the one with the thesis how
# much of the thesis's box is inside it and how far its middle is from the box's.
BOXES = """
return [...document.querySelectorAll(".argmap-scroll")].map((box) => {
  const r = box.getBoundingClientRect(), thesis = box.querySelector("g.thesis");
  let seen = null, off = null;
  if (thesis) {
    const t = thesis.getBoundingClientRect();
    seen = Math.max(0, Math.min(t.right, r.right) - Math.max(t.left, r.left)) / t.width;
    off = (t.left + t.right) / 2 - (r.left + r.right) / 2;
  }
  return {scrolls: box.scrollWidth - box.clientWidth, at: box.scrollLeft, seen, off,
          title: box.querySelector("svg > title").textContent};
});
"""
FRAMES = (
    "requestAnimationFrame(() => requestAnimationFrame(() => arguments[arguments.length - 1]()))"
)


def settled(driver) -> None:  # type: ignore[no-untyped-def]
    """Two frames later: scroll-driven animations follow the scroll position a frame after."""
    driver.execute_async_script(FRAMES)


def fades(driver, index: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """How far the box ``index``'s left and right edges let what is behind it through: the
    median over the middle half of its height of how red the pixels 2 px inside each edge
    come out when what is behind the box is red (255 where the edge shows all of it, about 0
    where the figure's own background, white or dark, is drawn there)."""
    driver.execute_script(
        "const box = document.querySelectorAll('.argmap-scroll')[arguments[0]];"
        "box.scrollIntoView({block: 'center', inline: 'nearest'});"
        "box.parentElement.style.background = 'rgb(255, 0, 0)';",
        index,
    )
    settled(driver)
    rect = driver.execute_script(  # where it is in the page, as a screenshot's clip takes it
        "const r = document.querySelectorAll('.argmap-scroll')[arguments[0]]"
        "  .getBoundingClientRect();"
        "return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height];",
        index,
    )
    clip = dict(zip(("x", "y", "width", "height"), rect, strict=True)) | {"scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": clip})
    driver.execute_script(
        "document.querySelectorAll('.argmap-scroll')[arguments[0]]"
        ".parentElement.style.background = '';",
        index,
    )
    png = image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB")
    rows = range(png.height // 4, 3 * png.height // 4)

    def red(x: int) -> float:
        return statistics.median(
            r - (g + b) / 2 for r, g, b in (png.getpixel((x, y)) for y in rows)
        )

    return red(2), red(png.width - 3)


FADED, CLEAR = 150, 40  # an edge that fades is far redder than one that does not


def scroll_to(driver, index: int, left: float) -> None:  # type: ignore[no-untyped-def]
    driver.execute_script(
        "document.querySelectorAll('.argmap-scroll')[arguments[0]].scrollLeft = arguments[1]",
        index,
        left,
    )
    settled(driver)


def _dark(folder: Path, fit: str) -> Path:
    """A MkDocs page with the seed map drawn in the dark theme."""
    page = SEED_PAGE.format(fit=f" fit={fit} theme=dark")
    site = make_site(folder, {"index.md": page})
    done = mkdocs_build(site)
    assert done.returncode == 0, done.stderr
    return site / "site" / "index.html"


@pytest.mark.parametrize(("name", "fit"), CASES)
def test_on_a_phone_an_edge_fades_where_more_of_the_figure_lies_beyond_it(
    browser, built, name: str, fit: str
) -> None:  # type: ignore[no-untyped-def]
    page = built(name, fit)
    try:
        opened(browser, page, *PHONE)
        settled(browser)
        screenshot(browser, f"phone-edges-{name}-{fit or 'own'}", whole=False)  # as it opens
        boxes = browser.execute_script(BOXES)
        start = [fades(browser, i) for i in range(len(boxes))]
        ends = []
        for i, box in enumerate(boxes):
            scroll_to(browser, i, box["scrolls"])
            end = fades(browser, i)
            scroll_to(browser, i, 0)
            ends.append((end, fades(browser, i)))
    finally:
        viewport(browser, WIDTH, HEIGHT)
    assert any(box["scrolls"] > 0 for box in boxes)
    for box, (left, right), ((end_left, end_right), (home_left, home_right)) in zip(
        boxes, start, ends, strict=True
    ):
        if box["scrolls"] == 0:  # a figure that fits: no fade anywhere
            assert max(left, right, end_left, end_right) < CLEAR, (box, start, ends)
            continue
        # At the far right only the left edge fades, at the far left only the right one.
        assert end_right < CLEAR and home_left < CLEAR, (box, ends)
        if box["scrolls"] < FADE:  # the fade is no wider than what lies beyond the edge
            continue
        assert end_left > FADED and home_right > FADED, (box, ends)
        if box["seen"] is not None:  # the thesis's figure opens on it: more on both sides
            assert left > FADED and right > FADED, (box, left, right)
        else:
            assert box["at"] == 0 and left < CLEAR and right > FADED, (box, left, right)


@pytest.mark.parametrize(("name", "fit"), CASES)
def test_on_a_phone_the_overview_figure_opens_with_its_thesis_in_the_middle(
    browser, built, name: str, fit: str
) -> None:  # type: ignore[no-untyped-def]
    page = built(name, fit)
    try:
        opened(browser, page, *PHONE)
        boxes = browser.execute_script(BOXES)
        page_at = browser.execute_script("return window.scrollY")
    finally:
        viewport(browser, WIDTH, HEIGHT)
    overviews = [box for box in boxes if box["seen"] is not None]  # a figure per map has it
    assert any(box["scrolls"] > 0 for box in overviews)  # the seed map's is wider than a phone
    for box in overviews:
        assert box["seen"] == 1, box  # the thesis is seen whole,
        if box["scrolls"] == 0 or abs(box["off"]) <= 2:  # in the middle of the box (the box
            continue  # scrolls by whole px), or the figure fits and nothing moves,
        # or as near it as the box scrolls: at the end the thesis lies towards.
        assert (box["at"], box["off"] > 0) in ((0, False), (box["scrolls"], True)), box
    assert page_at == 0  # opening the boxes there did not scroll the page
    for box in boxes:  # the other figures open at their left edge, as before
        assert box["at"] == 0 or box in overviews, box


@pytest.mark.parametrize("middle", [0.2, 0.5, 0.62, 0.8])
def test_the_box_opens_on_the_thesis_wherever_it_lies_in_the_drawing(
    browser, tmp_path: Path, middle: float
) -> None:  # type: ignore[no-untyped-def]
    """The rules put the thesis (here a mark at ``middle`` of a 900-px drawing) in the middle of
    a 300-px box, wherever its layout puts it (a figure whose thesis sat 6 px off its centre
    opened 6 px off where only the drawing was centred), and one more than half a box from
    the drawing's centre half a box nearer the middle than the drawing's centre is."""
    page = tmp_path / "thesis.html"
    mark = f'<rect x="{middle * 900 - 5}" width="10" height="10"/>'
    page.write_text(
        f"<!doctype html><html><head><style>{box_rules('#m', 900, middle)}</style></head>"
        '<body style="margin:0"><div class="argmap-scroll" style="overflow-x:auto;width:300px">'
        f'<svg id="m" width="900" height="40" style="display:block">{mark}</svg>'
        "</div></body></html>",
        encoding="utf-8",
    )
    try:
        opened(browser, page, *PHONE)
        at = browser.execute_script("return document.querySelector('.argmap-scroll').scrollLeft")
    finally:
        viewport(browser, WIDTH, HEIGHT)
    thesis = middle * 900
    if abs(thesis - 450) < 150:
        assert at == pytest.approx(thesis - 150, abs=1)
    else:  # the box's middle moves by at most half the box
        assert abs(at + 150 - thesis) == pytest.approx(abs(thesis - 450) - 149, abs=1)


def test_scrolling_stays_free_nothing_snaps_back(browser, built) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains

    page = built("mkdocs", "720")
    try:
        opened(browser, page, *PHONE)
        boxes = browser.execute_script(BOXES)
        overview = [box["seen"] is not None for box in boxes].index(True)
        # Far along, short of its end by more than the 10 px the page widens by below.
        far = min(150, boxes[overview]["scrolls"] - 20)
        assert far > 37
        at = []
        for left in (0, 37, far):
            scroll_to(browser, overview, left)
            ActionChains(browser).pause(0.4).perform()  # longer than a snap would take
            settled(browser)
            at.append(browser.execute_script(BOXES)[overview]["at"])
        # The page laid out again (a phone turned, a font loaded): the box stays where it was.
        viewport(browser, PHONE[0] + 10, PHONE[1])
        settled(browser)
        viewport(browser, *PHONE)
        settled(browser)
        at.append(browser.execute_script(BOXES)[overview]["at"])
    finally:
        viewport(browser, WIDTH, HEIGHT)
    assert at == [0, 37, far, far]


def test_in_the_dark_theme_the_edge_fades_into_the_page_too(browser, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _dark(tmp_path, "720")
    try:
        opened(browser, page, *PHONE)
        # For a person to look at: the figures on a page as dark as they are, as they open.
        browser.execute_script("document.body.style.background = '#0d1117'")
        settled(browser)
        screenshot(browser, "phone-edges-mkdocs-dark", whole=False)
        boxes = browser.execute_script(BOXES)
        first = [box["scrolls"] > 0 for box in boxes].index(True)
        shown = [fades(browser, first)]
        for left in (0, boxes[first]["scrolls"]):
            scroll_to(browser, first, left)
            shown.append(fades(browser, first))
    finally:
        viewport(browser, WIDTH, HEIGHT)
    (left, right), (home_left, home_right), (end_left, end_right) = shown
    assert left > FADED and right > FADED, shown  # it opens on its thesis
    assert home_left < CLEAR and home_right > FADED, shown
    assert end_left > FADED and end_right < CLEAR, shown


@pytest.mark.parametrize("name", ["mkdocs", "sphinx", "pandoc"])
def test_on_a_desktop_the_page_is_what_it_was_without_the_boxes_to_the_pixel(
    browser, built, name: str
) -> None:  # type: ignore[no-untyped-def]
    page = built(name, "")
    shots = []
    for shown in (page, without_boxes(page)):
        opened(browser, shown, WIDTH, HEIGHT)
        settled(browser)
        data = browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
        shots.append(image.open(io.BytesIO(base64.b64decode(data))).convert("RGB"))
    assert shots[0].tobytes() == shots[1].tobytes()
