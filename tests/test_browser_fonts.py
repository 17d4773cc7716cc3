"""In a real browser that has only DejaVu fonts (the widest of the common ones): the seed map's
SVG shows its text in the font it carries, inside every box, inline in a 720-px column and as
an ``<img>``. Screenshots go to tests/artifacts/.

Runs where Debian's ``chromium`` and ``chromium-driver`` are installed, and is skipped
elsewhere (as tests/test_browser.py).
"""

from __future__ import annotations

import base64
import io
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.api import load, render_map
from argmap.draw.svg import inline

from .conftest import SEED_MAP
from .fontmaker import machine

webdriver = pytest.importorskip("selenium.webdriver")
image = pytest.importorskip("PIL.Image")
from PIL import ImageChops  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER and DEJAVU.is_dir()),
    reason="needs Debian's chromium, chromium-driver and DejaVu fonts",
)
ARTIFACTS = Path(__file__).parent / "artifacts"
COLUMN = 720

#: For each text of a node or cluster: where it sits in the innermost shape around it (a
#: recommendation has two borders), in the drawing's units; and which faces the page loaded.
MEASURE = """
const svg = document.querySelector("svg");
const rows = [];
for (const g of svg.querySelectorAll("g.node, g.cluster")) {
  const shapes = [...g.querySelectorAll("polygon, path, ellipse")]
      .map(s => s.getBBox()).filter(b => b.width > 0 && b.height > 0);
  if (!shapes.length) continue;
  const box = shapes.reduce((a, b) => (a.width * a.height <= b.width * b.height ? a : b));
  for (const t of g.querySelectorAll("text")) {
    const b = t.getBBox();
    rows.push({id: g.id, text: t.textContent, left: b.x - box.x,
               right: box.x + box.width - (b.x + b.width),
               family: getComputedStyle(t).fontFamily});
  }
}
const faces = [...document.fonts].map(f => [f.family.replace(/"/g, ""), f.weight, f.status]);
return {rows, faces};
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Headless Chromium whose fontconfig knows DejaVu and nothing else."""
    fonts = machine(tmp_path_factory.mktemp("browser"), "dejavu", [DEJAVU], system=False)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="argmap-chromium-")
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--force-device-scale-factor=1", f"--window-size={COLUMN + 40},900",
        f"--user-data-dir={profile}",
    ):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(DRIVER, env=fonts))
    driver.set_page_load_timeout(60)
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def page(body: str) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>body{margin:0}"
        f"main{{width:{COLUMN}px}} main>img,main>svg{{display:block;max-width:100%;height:auto}}"
        f"</style></head><body><main>{body}</main></body></html>"
    )


def shown(driver, html: str, path: Path) -> bytes:  # type: ignore[no-untyped-def]
    """The page loaded, once its fonts and images are; a screenshot of its column."""
    path.write_text(html, encoding="utf-8")
    driver.get(path.as_uri())
    driver.execute_script("return document.fonts.ready")
    driver.execute_script(
        "return Promise.all([...document.images].map(i => i.complete ? 0 :"
        " new Promise(r => { i.onload = i.onerror = r; })))"
    )
    height = driver.execute_script("return document.querySelector('main').offsetHeight")
    driver.set_window_size(COLUMN + 40, height + 200)
    return base64.b64decode(driver.get_screenshot_as_base64())


def differing(a: bytes, b: bytes) -> float:
    """The share of pixels of two screenshots that differ by more than 32 of 255 in grey."""
    first, second = (image.open(io.BytesIO(x)).convert("L") for x in (a, b))
    width, height = min(first.width, second.width), min(first.height, second.height)
    box = (0, 0, width, height)
    difference = ImageChops.difference(first.crop(box), second.crop(box))
    return sum(difference.histogram()[33:]) / (width * height)


@pytest.fixture(scope="module")
def seed_svg() -> bytes:
    return render_map(load(SEED_MAP), "svg")


def without_font(svg: bytes) -> bytes:
    """The same drawing with its font left out: the reader's fonts draw its text."""
    text = svg.decode("utf-8")
    text = re.sub(r"@font-face\{[^}]*\}\n", "", text)
    return text.replace(re.search(r'"argmap-font-[0-9a-f]+",', text).group(), "").encode()


def test_inline_in_a_column_the_text_is_in_its_font_and_inside_its_boxes(
    browser, seed_svg: bytes, tmp_path: Path
) -> None:
    shot = shown(browser, page(inline(seed_svg)), tmp_path / "inline.html")
    (ARTIFACTS / "font-inline-720.png").write_bytes(shot)
    measured = browser.execute_script(MEASURE)
    family = re.search(rb'font-family:"(argmap-font-[0-9a-f]+)"', seed_svg).group(1).decode()
    assert sorted(measured["faces"]) == [[family, "400", "loaded"], [family, "700", "loaded"]]
    rows = measured["rows"]
    assert len(rows) > 100
    assert {r["family"].split(",")[0] for r in rows} == {family}, rows[0]["family"]
    outside = [(r["id"], r["text"]) for r in rows if r["left"] < 0 or r["right"] < 0]
    assert outside == []
    # Graphviz leaves each node a margin of 0.14 in (10 pt) beside its text; in the same
    # font the browser's text keeps most of it.
    assert min(r["right"] for r in rows) > 3


def test_without_its_font_the_same_drawing_would_overflow(
    browser, seed_svg: bytes, tmp_path: Path
) -> None:
    """The check above can fail: in DejaVu, which the reader's browser falls back to here,
    the text is wider than Graphviz measured it and runs out of boxes."""
    shown(browser, page(inline(without_font(seed_svg))), tmp_path / "bare.html")
    rows = browser.execute_script(MEASURE)["rows"]
    assert [r for r in rows if r["left"] < 0 or r["right"] < 0] != []


def test_as_an_image_the_text_is_drawn_as_inline(browser, seed_svg: bytes, tmp_path: Path) -> None:
    """An ``<img>`` cannot be inspected, but its pixels can: the drawing as an image looks as
    it does inline (where its font is seen to load), and not as it would without its font."""
    source = "data:image/svg+xml;base64," + base64.b64encode(seed_svg).decode()
    as_image = shown(browser, page(f'<img src="{source}" alt="">'), tmp_path / "img.html")
    (ARTIFACTS / "font-img-720.png").write_bytes(as_image)
    inline_shot = shown(browser, page(inline(seed_svg)), tmp_path / "inline.html")
    bare = base64.b64encode(without_font(seed_svg)).decode()
    unfonted = shown(
        browser, page(f'<img src="data:image/svg+xml;base64,{bare}" alt="">'), tmp_path / "b.html"
    )
    same = differing(as_image, inline_shot)
    other = differing(unfonted, inline_shot)
    assert same < 0.02
    assert other > 3 * same


#: A map whose legend names a reason's scheme and then the linked reason's dot.
SCHEMED = """\
argmap: 1
title: Ban cars from the centre
recommendations:
  - id: ban
    text: Ban private cars from the centre.
    reasons:
      - claims: [no2, deaths]
        scheme: Cause to Effect
      - claims: oslo
        scheme: Example
        objections: [{claims: small, question: 3}]
      - {claims: injuries, scheme: Consequences}
      - {claims: paris, scheme: Example}
      - {claims: space, scheme: Values}
premises:
  - {id: no2, text: Traffic makes most of the nitrogen dioxide.}
  - {id: deaths, text: 1 in 12 deaths is linked to air pollution.}
  - {id: oslo, text: Oslo removed central parking and shops gained.}
  - {id: injuries, text: 214 pedestrians were seriously injured last year.}
  - {id: paris, text: Paris turned a motorway into a promenade.}
  - {id: space, text: Parking takes the space of trees and cafés.}
  - {id: small, text: Oslo is smaller than our city.}
"""

LEGEND = """
const texts = [...document.querySelectorAll("svg text")];
const at = words => texts.find(t => t.textContent.includes(words)).getBBox();
const label = at("the label by its line"), dot = texts.find(t => t.textContent === "•");
return [label.x + label.width, dot.getBBox().x, label.y, dot.getBBox().y];
"""


def test_the_legends_long_words_leave_room_for_the_next_entry(browser, tmp_path: Path) -> None:
    """A browser sets text up to 3 % wider than Graphviz measures it (Graphviz puts each glyph
    on a whole pixel): the legend's 'a reason's scheme, an objection's critical question: the
    label by its line' ran 8 pt out of its cell, under the linked reason's dot that follows it
    ('line•')."""
    from argmap.api import check_bytes

    svg = render_map(check_bytes(SCHEMED.encode(), "m.yaml").map, "svg")
    shown(browser, page(inline(svg)), tmp_path / "legend.html")
    label_ends, dot_starts, label_top, dot_top = browser.execute_script(LEGEND)
    assert abs(label_top - dot_top) < 5  # one row: the dot comes right after the words
    assert dot_starts - label_ends >= 1, (label_ends, dot_starts)
