"""The HTML that MkDocs, Sphinx and Pandoc make with maps, in Chromium, on a phone (a screen
390 CSS px wide) and on a desktop (1280 px).

On a phone a figure fitted to a column is not shrunk below the width at which its claim text
is 9 px and its other text 7 px: it keeps that width in a box that scrolls sideways (a region
reached with Tab, named by the figure's title), and nothing else of the page gets wider than
the screen. On a desktop, where the column is as wide as the figures were fitted to, every
figure and caption is where it was without the box; printed, figures shrink to the page as
before, and nothing scrolls.

Runs where Debian's ``chromium`` and ``chromium-driver`` are installed, as tests/test_browser.py.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from argmap.api import load, render_figures
from argmap.draw.svg import inline

from .conftest import SEED_MAP
from .docbuild import SEED_TITLE, example, record, run, sphinx
from .docsite import build as mkdocs_build
from .docsite import make_site
from .test_browser import (
    CHROMIUM,
    COLUMN_PAGE,
    DRIVER,
    HEIGHT,
    WIDTH,
    browser,
    screenshot,
    viewport,
)
from .test_embed_browser import MEASURE

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver"
)
__all__ = ["browser"]  # the fixture, shared with tests/test_browser.py

PHONE = 390, 844
SEED_PAGE = (
    "# The seed map\n\n```argmap file=maps/europe-central-asia.yaml{fit}\n```\n\nAs drawn.\n"
)


def _mkdocs(folder: Path, fit: str) -> Path:
    site = make_site(folder, {"index.md": SEED_PAGE.format(fit=f" fit={fit}" if fit else "")})
    done = mkdocs_build(site)
    assert done.returncode == 0, done.stderr
    return site / "site" / "index.html"


def _sphinx(folder: Path, fit: str) -> Path:
    project = example(folder, "sphinx-rst")
    if fit:
        with (project / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write(f'argmap_fit = {{"html": {fit}}}\n')
    done = sphinx(project)
    assert done.returncode == 0, done.stderr
    return project / "_build" / "html" / "index.html"


def _pandoc(folder: Path, fit: str, program: str = "pandoc") -> Path:
    project = example(folder, "pandoc")
    metadata = ["-M", f"argmap-fit={fit}"] if fit else []
    args = [program, "report.md", "--filter", "argmap-pandoc", "-s", *metadata]
    done = run([*args, "-o", "report.html"], project)
    assert done.returncode == 0, done.stderr
    return project / "report.html"


BUILDS = {
    "mkdocs": _mkdocs,
    "sphinx": _sphinx,
    "pandoc": _pandoc,
    "pandoc3": lambda f, fit: _pandoc(f, fit, os.environ.get("ARGMAP_PANDOC3", "")),
}
CASES = [(name, fit) for name in BUILDS for fit in ("", "720")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Each documentation system's page with the seed map (its own column, or ``fit`` 720),
    built once."""
    pages: dict[tuple[str, str], Path] = {}

    def page(name: str, fit: str) -> Path:
        if name == "pandoc3" and not os.environ.get("ARGMAP_PANDOC3"):
            pytest.skip("ARGMAP_PANDOC3 names no Pandoc 3")
        if (name, fit) not in pages:
            folder = tmp_path_factory.mktemp(f"{name}-{fit or 'own'}")
            pages[name, fit] = BUILDS[name](folder, fit)
        return pages[name, fit]

    return page


def opened(driver, page: Path, width: int, height: int) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """The page in a window ``width`` by ``height``, its fonts loaded; each figure's text
    sizes as shown (tests/test_embed_browser.py's MEASURE)."""
    viewport(driver, width, height)
    driver.get(page.as_uri())
    driver.execute_async_script("document.fonts.ready.then(() => arguments[0]())")
    return driver.execute_script(MEASURE, "svg.argmap-map")


# What reaches past the screen's right edge, other than what a scroll box holds (and the
# page's own scroll width); and for each scroll box: what it is to the keyboard and to a
# screen reader, and how far it scrolls.
WIDE = """
const width = document.documentElement.clientWidth;
const wide = [...document.querySelectorAll("body *")]
  .filter((e) => !e.closest(".argmap-scroll") && e.getBoundingClientRect().right > width + 0.5)
  .map((e) => e.tagName + "." + e.className);
const boxes = [...document.querySelectorAll(".argmap-scroll")].map((box) => {
  const named = document.getElementById(box.getAttribute("aria-labelledby") || "");
  const r = box.getBoundingClientRect();
  return {tabindex: box.getAttribute("tabindex"), role: box.getAttribute("role"),
          name: named ? named.textContent : null, left: r.left, right: r.right,
          scrolls: box.scrollWidth - box.clientWidth,
          title: box.querySelector("svg > title").textContent};
});
return {wide, boxes, scrollWidth: document.documentElement.scrollWidth, width};
"""


@pytest.mark.parametrize(("name", "fit"), CASES)
def test_on_a_phone_claim_text_stays_readable_in_a_box_that_scrolls(
    browser, built, name: str, fit: str
) -> None:  # type: ignore[no-untyped-def]
    page = built(name, fit)
    try:
        measured = opened(browser, page, *PHONE)
        layout = browser.execute_script(WIDE)
        browser.execute_script("window.scrollTo(0, 0)")
        screenshot(browser, f"phone-{name}-{fit or 'own'}", whole=False)
    finally:
        viewport(browser, WIDTH, HEIGHT)
    seed = [m for m in measured if m["title"].startswith(SEED_TITLE)]
    build = f"{name} html{' fit=' + fit if fit else ''} (390-px phone)"
    for number, m in enumerate(seed, 1):
        sizes = {"claim_text_px": m["claim"], "smallest_text_px": m["other"]}
        record(build, f"figure {number}", shown_px=m["shown"], **sizes)
    assert len(seed) > 1
    for m in measured:
        assert m["claim"] >= 9 - 0.01, (m["title"], m["claim"])
        assert m["other"] >= 7 - 0.01, (m["title"], m["other"])
    # The page itself is no wider than the screen: only the figures' boxes scroll.
    assert layout["wide"] == [] and layout["scrollWidth"] <= layout["width"], layout
    boxes = layout["boxes"]
    assert len(boxes) == len(measured)
    assert any(box["scrolls"] > 0 for box in boxes)  # the seed map's figures are wider
    for box in boxes:
        assert box["tabindex"] == "0" and box["role"] == "region", box
        assert box["name"] == box["title"], box  # named by the figure's own title
        assert box["left"] >= 0 and box["right"] <= layout["width"] + 0.5, box


def test_a_scroll_box_is_reached_and_scrolled_from_the_keyboard(browser, built) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    page = built("mkdocs", "")
    try:
        opened(browser, page, *PHONE)
        browser.execute_script(
            "const box = [...document.querySelectorAll('.argmap-scroll')]"
            "  .find((b) => b.scrollWidth > b.clientWidth);"
            "box.id = 'wide-box'; box.previousElementSibling;"
            "const before = document.createElement('button'); before.id = 'before';"
            "box.parentElement.insertBefore(before, box); before.focus();"
        )
        keys = ActionChains(browser)
        keys.send_keys(Keys.TAB).perform()
        assert browser.execute_script("return document.activeElement.id") == "wide-box"
        ring = browser.execute_script(
            "return getComputedStyle(document.activeElement).outlineStyle"
        )
        assert ring != "none"  # the browser's focus ring shows where the reader is
        # (and the box's fading edges do not hide it: they stop while it has the focus)
        mask = browser.execute_script("return getComputedStyle(document.activeElement).maskImage")
        assert mask == "none"
        # It may open scrolled (to its thesis): the arrow keys move it from there.
        opening = browser.execute_script("return document.activeElement.scrollLeft")
        keys.send_keys(Keys.ARROW_RIGHT).pause(0.2).perform()
        right = browser.execute_script("return document.activeElement.scrollLeft")
        keys.send_keys(Keys.ARROW_LEFT).send_keys(Keys.ARROW_LEFT).pause(0.2).perform()
        left = browser.execute_script("return document.activeElement.scrollLeft")
        assert right > opening and left < right
    finally:
        viewport(browser, WIDTH, HEIGHT)


# Where every figure's drawing and caption is, and how tall the page is.
BOXES = """
const box = (e) => { const r = e.getBoundingClientRect();
  return [r.left, r.top, r.width, r.height].map((v) => Math.round(v * 100) / 100); };
return {svgs: [...document.querySelectorAll("svg.argmap-map")].map(box),
        captions: [...document.querySelectorAll("figcaption")].map(box),
        height: document.documentElement.scrollHeight,
        scrolls: [...document.querySelectorAll(".argmap-scroll")]
                   .map((b) => b.scrollWidth - b.clientWidth)};
"""
_BOX = re.compile(r'<div class="argmap-scroll"[^>]*>\n(<svg.*?</svg>)\n</div>', re.S)


def without_boxes(page: Path) -> Path:
    """The same page with each figure's drawing straight in its figure, as before boxes."""
    text = page.read_text(encoding="utf-8")
    assert _BOX.search(text), "no scroll box in the page"
    plain = page.with_name("plain-" + page.name)
    plain.write_text(_BOX.sub(r"\1", text), encoding="utf-8")
    return plain


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_on_a_desktop_every_figure_is_where_it_was_without_the_box(
    browser, built, name: str
) -> None:  # type: ignore[no-untyped-def]
    page = built(name, "")
    opened(browser, page, WIDTH, HEIGHT)
    now = browser.execute_script(BOXES)
    screenshot(browser, f"desktop-{name}", whole=False)
    opened(browser, without_boxes(page), WIDTH, HEIGHT)
    before = browser.execute_script(BOXES)
    assert now["scrolls"] and set(now["scrolls"]) == {0}  # nothing scrolls at its column
    assert (now["svgs"], now["captions"], now["height"]) == (
        before["svgs"], before["captions"], before["height"],
    )  # fmt: skip


def test_in_a_720_px_column_figures_fitted_to_it_are_drawn_as_before(browser, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from argmap.draw.svg import scroll_box

    figures = render_figures(load(SEED_MAP), "svg", fit=720)
    pages = {}
    for kind, show in (("boxed", scroll_box), ("plain", inline)):
        body = "".join(f"<figure>\n{show(svg)}\n</figure>" for svg in figures)
        pages[kind] = tmp_path / f"{kind}.html"
        pages[kind].write_text(COLUMN_PAGE.format(column=720, figures=body), encoding="utf-8")
    shown = {}
    for kind, page in pages.items():
        measured = opened(browser, page, WIDTH, HEIGHT)
        shown[kind] = (browser.execute_script(BOXES), measured)
    boxed, plain = shown["boxed"], shown["plain"]
    assert set(boxed[0]["scrolls"]) == {0} and plain[0]["scrolls"] == []
    assert boxed[0]["svgs"] == plain[0]["svgs"] and boxed[0]["height"] == plain[0]["height"]
    assert [(m["claim"], m["other"]) for m in boxed[1]] == [
        (m["claim"], m["other"]) for m in plain[1]
    ]
    assert min(m["claim"] for m in boxed[1]) >= 9


def test_printed_the_figures_shrink_to_the_page_and_nothing_scrolls(browser, built) -> None:  # type: ignore[no-untyped-def]
    page = built("mkdocs", "")
    reduced = [{"name": "prefers-reduced-motion", "value": "reduce"}]
    try:
        browser.execute_cdp_cmd(
            "Emulation.setEmulatedMedia", {"media": "print", "features": reduced}
        )
        opened(browser, page, *PHONE)
        shown = browser.execute_script(BOXES)
        widths = browser.execute_script(
            "return [...document.querySelectorAll('.argmap-scroll')].map((b) => b.clientWidth)"
        )
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": reduced})
        viewport(browser, WIDTH, HEIGHT)
    assert shown["scrolls"] and set(shown["scrolls"]) == {0}
    assert all(svg[2] <= width + 0.5 for svg, width in zip(shown["svgs"], widths, strict=True))
