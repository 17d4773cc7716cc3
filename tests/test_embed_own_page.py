"""A page written by hand (a news site's article) with figures put in as docs/drawing.md says,
in Chromium: in the column the figures were fitted to (680 px) they are shown as fitted; on a
phone (390 px) their claim text stays at least 9 px, in a box that scrolls sideways, and the
page is no wider than the screen. An ``<img>`` of the same figure is shrunk with the column.

Runs where Debian's ``chromium`` and ``chromium-driver`` are installed, as tests/test_browser.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.api import load, render_figures
from argmap.draw.svg import inline

from .conftest import ROOT, SEED_MAP
from .test_browser import CHROMIUM, DRIVER, HEIGHT, WIDTH, browser, viewport
from .test_embed_browser import MEASURE

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver"
)
__all__ = ["browser"]  # the fixture, shared with tests/test_browser.py

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fact check</title>
<style>body {{ margin: 0 auto; padding: 0 12px; max-width: 680px; font: 17px/1.5 serif; }}</style>
</head><body><h1>Fact check</h1><p>What the op-ed argues, and what it leaves out.</p>
{figures}
</body></html>
"""


def documented() -> str:
    """The HTML block of docs/drawing.md that puts a figure inline in one's own page."""
    text = (ROOT / "docs" / "drawing.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```html\n(.*?)```", text, re.S)
    (block,) = [b for b in blocks if "argmap-scroll" in b]
    return block


def as_documented(svg: bytes) -> str:
    """A figure as the block says: its file from ``<svg`` on in the box, the box named by the
    id of the ``<svg`` tag followed by ``-title``."""
    markup = inline(svg)
    (svg_id,) = re.findall(r'<svg\b[^>]*?\sid="([^"]+)"', markup)[:1]
    block = documented().replace("SVG-ID", svg_id)
    return re.sub(r"^<svg .*$", lambda _: markup, block, count=1, flags=re.M)


def shown(driver, page: Path, width: int) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    viewport(driver, width, 844)
    driver.get(page.as_uri())
    driver.execute_async_script("document.fonts.ready.then(() => arguments[0]())")
    sizes = driver.execute_script(MEASURE, "svg.argmap-map")
    wide = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return [dict(m, wide=wide) for m in sizes]


def test_figures_put_in_ones_own_page_as_the_docs_say_stay_readable_on_a_phone(
    browser, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    figures = render_figures(load(SEED_MAP), "svg", fit=680)
    page = tmp_path / "article.html"
    body = "\n".join(as_documented(svg) for svg in figures)
    page.write_text(ARTICLE.format(figures=body), encoding="utf-8")
    plain = tmp_path / "plain.html"
    plain.write_text(
        ARTICLE.format(figures="\n".join(f"<figure>{inline(svg)}</figure>" for svg in figures)),
        encoding="utf-8",
    )
    try:
        phone = shown(browser, page, 390)
        column = shown(browser, page, 704)  # a 680-px column and the page's margins
        column_plain = shown(browser, plain, 704)
        shrunk = shown(browser, plain, 390)
    finally:
        viewport(browser, WIDTH, HEIGHT)
    assert len(phone) == len(figures) > 1
    for m in phone:
        assert m["claim"] >= 9 - 0.01 and m["other"] >= 7 - 0.01, m
        assert m["wide"] == 0, m  # only the boxes scroll, not the page
    # In the column the figures were fitted to, the box changes nothing.
    assert [(m["shown"], m["claim"]) for m in column] == [
        (m["shown"], m["claim"]) for m in column_plain
    ]
    # Without the box, on the phone, the same figures shrink below readable.
    assert min(m["claim"] for m in shrunk) < 7
