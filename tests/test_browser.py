"""In a real browser: headless Chromium shows the seed map as an image, inline, in a MkDocs site
and as the HTML view, at 1280 px. Screenshots go to tests/artifacts/ for a person to look at.

Runs where Debian's ``chromium`` and ``chromium-driver`` are installed (``.ci/run`` installs
them), and is skipped elsewhere.
"""

from __future__ import annotations

import base64
import math
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from argmap.api import load, render_figures, render_map, source_text
from argmap.draw.svg import inline
from argmap.embed.targets import MKDOCS
from argmap.model import ArgumentMap
from argmap.pages.view import passages
from argmap.read.source import SourceText

from .conftest import ROOT, SEED_MAP
from .docs_text import IMAGE, links, pages
from .docsite import build, make_site
from .test_legibility import MICROTEXT, loaded

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver"
)
ARTIFACTS = Path(__file__).parent / "artifacts"
WIDTH, HEIGHT = 1280, 900

# For every claim drawn in `root` (the first element the selector finds, or the one at the
# index given): scrolled into view, is it inside the viewport's width, not empty, and the
# topmost thing at its centre (so it is visible, not covered)?
CLAIMS_VISIBLE = """
const root = document.querySelectorAll(arguments[0])[arguments[1] || 0];
const width = document.documentElement.clientWidth;
const problems = [], ids = [];
for (const g of root.querySelectorAll("g.claim")) {
  ids.push(g.id);
  g.scrollIntoView({block: "center", inline: "nearest"});
  const box = g.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  if (box.width < 20 || box.height < 10) problems.push(g.id + " is too small");
  if (box.left < 0 || box.right > width) problems.push(g.id + " is outside the width");
  if (!hit || hit.closest("g.claim") !== g) problems.push(g.id + " is not visible");
}
return [ids, problems, width];
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="argmap-chromium-")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--window-size={WIDTH},{HEIGHT}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.set_page_load_timeout(60)
    viewport(driver, WIDTH, HEIGHT)
    # Scrolling at once rather than smoothly, so that positions can be read right away.
    features = [{"name": "prefers-reduced-motion", "value": "reduce"}]
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def viewport(driver, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)


def screenshot(driver, name: str, *, whole: bool = True) -> None:  # type: ignore[no-untyped-def]
    """The page (all of it, or what is in view) as tests/artifacts/NAME.png."""
    shot = {"format": "png", "captureBeyondViewport": whole}
    if whole:
        size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        clip = {"width": math.ceil(size["width"]), "height": math.ceil(size["height"])}
        shot["clip"] = {"x": 0, "y": 0, **clip, "scale": 1}
    data = driver.execute_cdp_cmd("Page.captureScreenshot", shot)["data"]
    (ARTIFACTS / f"{name}.png").write_bytes(base64.b64decode(data))


def requests(driver) -> list[str]:  # type: ignore[no-untyped-def]
    """What the page fetched besides itself: every resource the browser loaded."""
    return driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


# --- embedding ----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Embedding</title>
<style>
body {{ margin: 0 auto; padding: 16px 24px; max-width: 1200px; font-family: sans-serif; }}
img {{ max-width: 100%; height: auto; }}
</style></head><body>
<h2>As an image</h2>
<img id="as-img" src="map.svg" alt="The seed map">
<h2>Inline, light</h2>
<div id="light">{light}</div>
<h2>Inline, dark</h2>
<div id="dark" style="background:#0d1117">{dark}</div>
<h2>Inline, print</h2>
<div id="print">{print}</div>
</body></html>
"""


def test_the_svg_fits_the_page_as_image_and_inline(
    browser, seed: ArgumentMap, tmp_path: Path
) -> None:
    (tmp_path / "map.svg").write_bytes(render_map(seed, "svg"))
    drawings = {
        theme: inline(render_map(seed, "svg", theme=theme, id_prefix=prefix))
        for theme, prefix in (("light", ""), ("dark", "dark-"), ("print", "print-"))
    }
    (tmp_path / "page.html").write_text(PAGE.format(**drawings), encoding="utf-8")
    browser.get((tmp_path / "page.html").as_uri())
    image = browser.execute_script(
        "const i = document.getElementById('as-img'); const r = i.getBoundingClientRect();"
        "return [i.complete, i.naturalWidth, r.left, r.right, r.width, r.height,"
        " document.documentElement.clientWidth]"
    )
    complete, natural, left, right, width, height, page_width = image
    assert complete and natural > 0, "the image did not load"
    assert page_width == WIDTH
    assert left >= 0 and right <= page_width and width > 1000  # shrunk to the column, no less
    box_width, box_height = natural_size(tmp_path / "map.svg")
    assert height == pytest.approx(width * box_height / box_width, abs=2)  # proportions kept
    for theme in drawings:
        ids, problems, _ = browser.execute_script(CLAIMS_VISIBLE, f"#{theme} svg")
        assert problems == [], theme
        assert len(ids) == len(seed.claims)
        svg_box = browser.execute_script(
            f"return document.querySelector('#{theme} svg').getBoundingClientRect().width"
        )
        assert svg_box == pytest.approx(width, abs=1)  # inline scales as the image does
    assert [r for r in requests(browser) if not r.endswith("/map.svg")] == []
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, "embed-page")


@pytest.mark.parametrize("theme", ["light", "dark", "print"])
def test_each_theme_at_natural_size(browser, seed: ArgumentMap, tmp_path: Path, theme) -> None:
    """Screenshots at the drawing's natural size, to judge legibility (not asserted)."""
    path = tmp_path / f"{theme}.svg"
    path.write_bytes(render_map(seed, "svg", theme=theme))
    width, height = (int(seed_size * 4 / 3) + 2 for seed_size in natural_size(path))
    viewport(browser, width, height)
    try:
        browser.get(path.as_uri())
        drawn = browser.execute_script("return document.querySelectorAll('g.claim').length")
        assert drawn == len(seed.claims)
        screenshot(browser, f"svg-{theme}", whole=False)
    finally:
        viewport(browser, WIDTH, HEIGHT)


def natural_size(path: Path) -> tuple[float, float]:
    import xml.etree.ElementTree as ET

    box = ET.fromstring(path.read_bytes()).get("viewBox").split()
    return float(box[2]), float(box[3])


def test_auto_follows_the_system_and_a_page_can_restyle(
    browser, seed: ArgumentMap, tmp_path: Path
) -> None:
    auto = inline(render_map(seed, "svg", theme="auto"))
    plain = inline(render_map(seed, "svg", id_prefix="own-"))
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
        "#own .claim.premise polygon { fill: rgb(255, 0, 0) }</style></head><body>"
        f"<div id='auto'>{auto}</div><div id='own'>{plain}</div></body></html>"
    )
    (tmp_path / "auto.html").write_text(page, encoding="utf-8")
    fill = "return getComputedStyle(document.querySelector(arguments[0])).fill"
    dark = [{"name": "prefers-color-scheme", "value": "dark"}]
    reduced = [{"name": "prefers-reduced-motion", "value": "reduce"}]
    try:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": dark + reduced})
        browser.get((tmp_path / "auto.html").as_uri())
        assert browser.execute_script(fill, "#auto .claim.premise polygon") == "rgb(12, 45, 72)"
        assert browser.execute_script(fill, "#auto .background") == "rgb(13, 17, 23)"
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": reduced})
        assert browser.execute_script(fill, "#auto .claim.premise polygon") == "rgb(234, 243, 250)"
        # The page's own rule beats the drawing's colours.
        assert browser.execute_script(fill, "#own .claim.premise polygon") == "rgb(255, 0, 0)"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": reduced})


# A site whose reader can switch between light and dark: how its page marks the body as it
# loads (light or dark), and the script its toggle runs to mark it light or dark.
_SITES = {
    "material": (  # Material for MkDocs: a scheme on the body, ``slate`` is dark
        "data-md-color-scheme='slate'",
        "dark",
        "document.body.setAttribute('data-md-color-scheme', "
        "arguments[0] == 'dark' ? 'slate' : 'default')",
    ),
    "quarto": (  # Quarto: a class its script sets on every page, and its toggle switches
        "class='fullcontent quarto-light'",
        "light",
        "document.body.classList.remove('quarto-light', 'quarto-dark');"
        "document.body.classList.add('quarto-' + arguments[0])",
    ),
}


@pytest.mark.parametrize("site", sorted(_SITES))
def test_auto_follows_a_sites_colour_mode_and_its_toggle(
    browser, seed: ArgumentMap, tmp_path: Path, site: str
) -> None:
    """On a Material for MkDocs or a Quarto page, auto follows the page's light or dark mode, as
    the reader's toggle sets it on the body, whatever the system prefers; elsewhere the
    system. On Quarto it followed the system: on a light Quarto page, a reader whose system
    prefers dark got dark figures in light text."""
    body, first, toggle = _SITES[site]
    auto = inline(render_map(seed, "svg", theme="auto"))
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head>"
        f"<body {body}><div id='auto'>{auto}</div></body></html>"
    )
    (tmp_path / "site.html").write_text(page, encoding="utf-8")
    fill = "return getComputedStyle(document.querySelector(arguments[0])).fill"
    premise = "#auto .claim.premise polygon"
    looks = {  # a premise's fill, and the background's
        "light": ("rgb(234, 243, 250)", "rgb(255, 255, 255)"),
        "dark": ("rgb(12, 45, 72)", "rgb(13, 17, 23)"),
    }
    other = "light" if first == "dark" else "dark"
    reduced = [{"name": "prefers-reduced-motion", "value": "reduce"}]
    try:
        for system in ("light", "dark"):
            features = [{"name": "prefers-color-scheme", "value": system}, *reduced]
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})
            browser.get((tmp_path / "site.html").as_uri())
            for step, mode in enumerate((first, other, first)):  # as loaded, then toggled
                if step:
                    browser.execute_script(toggle, mode)
                assert browser.execute_script(fill, premise) == looks[mode][0]
                assert browser.execute_script(fill, "#auto .background") == looks[mode][1]
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": reduced})


# --- MkDocs -------------------------------------------------------------------------------


def test_a_mkdocs_site_shows_the_map_inline(browser, seed: ArgumentMap, tmp_path: Path) -> None:
    """The MkDocs site of docs/publishing.md: the seed map as the figures readable in the
    theme's column (tests/test_embed_browser.py measures their text), every claim in them
    visible."""
    page = "# The seed map\n\n```argmap file=maps/europe-central-asia.yaml\n```\n\nAs drawn.\n"
    site = make_site(tmp_path, {"index.md": page})
    done = build(site)
    assert done.returncode == 0, done.stderr
    browser.get((site / "site" / "index.html").as_uri())
    browser.execute_async_script("document.fonts.ready.then(() => arguments[0]())")
    count = browser.execute_script("return document.querySelectorAll('.argmap svg').length")
    assert count == len(render_figures(seed, "svg", fit=MKDOCS.fit)) > 1
    drawn: list[str] = []
    for index in range(count):
        ids, problems, width = browser.execute_script(CLAIMS_VISIBLE, ".argmap svg", index)
        assert width == WIDTH
        assert problems == [], index
        drawn += ids
    assert {c.id for c in seed.claims} <= {name for name in drawn if "--" not in name}
    assert [r for r in requests(browser) if not r.startswith("file://")] == []
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, "mkdocs-page")


# --- the HTML view ------------------------------------------------------------------------


def merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


LIT = """
const article = document.getElementById("argmap-article").getBoundingClientRect();
const lit = [...document.querySelectorAll("mark.is-lit")];
const first = lit.length ? lit[0].getBoundingClientRect() : null;
return {
  focused: document.activeElement.dataset.claim || null,
  ranges: lit.map(m => [+m.dataset.start, +m.dataset.end]),
  firstInView: first ? first.top >= article.top && first.bottom <= article.bottom : null,
  claimsLit: [...document.querySelectorAll("g.claim.is-lit")].map(g => g.dataset.claim),
  status: document.getElementById("argmap-status").textContent,
};
"""


@pytest.fixture
def view(browser, seed: ArgumentMap, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "view.html"
    path.write_bytes(render_map(seed, "html", source=source_text(seed, SEED_MAP)))
    browser.get_log("browser")  # what earlier pages said
    browser.get(path.as_uri())
    return browser


def errors(driver) -> list[str]:  # type: ignore[no-untyped-def]
    """What the page's scripts (or the CSP) complained of on the console."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_the_html_view_lights_each_claims_passages_on_focus(view, seed: ArgumentMap) -> None:
    screenshot(view, "html-view", whole=False)
    assert requests(view) == []
    assert errors(view) == []
    source = SourceText(source_text(seed, SEED_MAP) or "")
    expected: dict[str, list[tuple[int, int]]] = {}
    for p in passages(seed, source):
        expected.setdefault(p.claim, []).append((p.start, p.end))
    for claim in seed.claims:
        view.execute_script(
            "document.querySelector(`[data-claim='${arguments[0]}']`).focus()", claim.id
        )
        state = view.execute_script(LIT)
        assert state["focused"] == claim.id
        assert state["claimsLit"] == [claim.id]
        assert merged([tuple(r) for r in state["ranges"]]) == merged(expected.get(claim.id, []))
        assert " ".join(claim.text.split()) in state["status"]
        if claim.quotes:
            assert state["firstInView"], f"{claim.id}: its first passage was not scrolled to"
    view.execute_script("document.querySelector(\"[data-claim='partnership-thesis']\").focus()")
    screenshot(view, "html-view-focus", whole=False)
    assert errors(view) == []


# The article selected whole, as a reader copying it would; the first line's number, as the
# stylesheet draws it, and where, against the article pane and the line's paragraph.
COPIED = """
const article = document.getElementById("argmap-article");
const range = document.createRange();
range.selectNodeContents(article);
const selection = window.getSelection();
selection.removeAllRanges();
selection.addRange(range);
const copied = selection.toString();
selection.removeAllRanges();
const first = article.querySelector(".ln");
const box = first.getBoundingClientRect(), pane = article.getBoundingClientRect();
const text = first.parentElement.getBoundingClientRect();
return {
  copied: copied,
  drawn: getComputedStyle(first, "::before").content,
  hidden: first.getAttribute("aria-hidden"),
  inPane: box.width > 0 && box.left >= pane.left && box.right <= text.left,
  level: Math.abs(box.top - text.top) < 4,
};
"""


def test_the_html_view_numbers_the_lines_and_copies_the_text_alone(view) -> None:  # type: ignore[no-untyped-def]
    state = view.execute_script(COPIED)
    assert state["drawn"] == '"1"' and state["hidden"] == "true"
    assert state["inPane"] and state["level"]
    source = source_text(load(SEED_MAP), SEED_MAP) or ""
    assert " ".join(state["copied"].split()) == " ".join(source.split())
    screenshot(view, "html-view-lines", whole=False)


def test_the_html_view_works_from_the_keyboard(view) -> None:  # type: ignore[no-untyped-def]
    keys = ActionChains(view)
    for _ in range(4):  # three zoom buttons, then the first claim: the thesis
        keys.send_keys(Keys.TAB)
    keys.perform()
    state = view.execute_script(LIT)
    assert state["focused"] == "partnership-thesis" and state["ranges"]
    ring = view.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert ring == "solid"
    # Enter goes on to the claim's next passage.
    thesis = view.find_element("css selector", "[data-claim='partnership-thesis']")
    view.execute_script("arguments[0].focus()", thesis)
    current = "return document.querySelector('mark.is-current').dataset.start"
    before = view.execute_script(current)
    thesis.send_keys(Keys.ENTER)
    after = view.execute_script(current)
    assert before != after
    thesis.send_keys(Keys.ESCAPE)
    assert view.execute_script(LIT)["ranges"] == []


def test_clicking_a_passage_lights_its_claim(view) -> None:  # type: ignore[no-untyped-def]
    mark = view.find_element("css selector", "mark[data-claims~='ca-energy-supplier']")
    view.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    state = view.execute_script(LIT)
    assert state["focused"] in mark.get_attribute("data-claims").split()
    assert state["focused"] in state["claimsLit"]
    claim_box = view.execute_script(
        "const r = document.activeElement.getBoundingClientRect();"
        "const m = document.getElementById('argmap-map').getBoundingClientRect();"
        "return r.left >= m.left && r.right <= m.right && r.top >= m.top && r.bottom <= m.bottom"
    )
    assert claim_box, "the claim was not scrolled into view"


def test_hovering_lights_claims_and_passages(view) -> None:  # type: ignore[no-untyped-def]
    claim = view.find_element("css selector", "[data-claim='ca-energy-supplier']")
    view.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", claim)
    ActionChains(view).move_to_element(claim).pause(0.4).perform()
    state = view.execute_script(LIT)
    assert state["claimsLit"] == ["ca-energy-supplier"] and state["ranges"]
    assert state["firstInView"]
    mark = view.find_element("css selector", "mark[data-claims~='not-a-pawn']")
    view.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    ActionChains(view).move_to_element(mark).perform()
    assert "not-a-pawn" in view.execute_script(LIT)["claimsLit"]


def test_the_html_view_of_a_map_without_source_zooms(
    browser, seed: ArgumentMap, tmp_path: Path
) -> None:
    path = tmp_path / "alone.html"
    path.write_bytes(render_map(seed, "html"))
    browser.get(path.as_uri())
    width = "return document.querySelector('#argmap-map svg').getBoundingClientRect().width"
    before = browser.execute_script(width)
    browser.find_element("css selector", "[data-zoom='in']").click()
    assert browser.execute_script(width) == pytest.approx(before * 1.25, abs=2)
    browser.find_element("css selector", "[data-zoom='fit']").click()
    pane = browser.execute_script("return document.getElementById('argmap-map').clientWidth")
    assert browser.execute_script(width) <= pane
    browser.execute_script("document.querySelector(\"[data-claim='not-a-pawn']\").focus()")
    status = browser.execute_script("return document.getElementById('argmap-status').textContent")
    assert status == (
        "PREMISE Central Asia must not be treated as a mere pawn in the geopolitical ambitions "
        "of any European or Western alliance."
    )


def test_the_html_view_in_dark(browser, seed: ArgumentMap, tmp_path: Path) -> None:
    path = tmp_path / "dark.html"
    path.write_bytes(render_map(seed, "html", source=source_text(seed, SEED_MAP), theme="dark"))
    browser.get(path.as_uri())
    background = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(13, 17, 23)"
    browser.execute_script("document.querySelector(\"[data-claim='import-energy']\").focus()")
    screenshot(browser, "html-view-dark", whole=False)


# --- figures that fit a column (render --fit) -----------------------------------------------

COLUMN_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>A report column</title>
<style>
body {{ margin: 16px; font: 15px/1.5 sans-serif; }}
.column {{ width: {column}px; }}
figure {{ margin: 0 0 24px 0; }}
</style></head><body><div class="column">
<p>A report column {column} px wide, the figures inline, as a document shows them.</p>
{figures}
</div></body></html>
"""

# Per figure: the least claim text and the least other text as shown (the computed font size
# times the SVG's scale on screen), the figure's width on screen, and the texts that run past
# the box of their node.
MEASURE = """
return [...document.querySelectorAll('figure svg')].map(svg => {
  let claim = 1e9, other = 1e9;
  const outside = [];
  for (const t of svg.querySelectorAll('text')) {
    const size = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
    const node = t.closest('g.node');
    const isClaim = node && node.classList.contains('claim')
      && t.getAttribute('font-weight') !== 'bold';
    if (isClaim) claim = Math.min(claim, size); else other = Math.min(other, size);
    const shape = node && node.querySelector('polygon, path');
    if (shape) {
      const a = t.getBBox(), b = shape.getBBox();
      if (a.x < b.x - 0.5 || a.x + a.width > b.x + b.width + 0.5)
        outside.push(node.id + ': ' + t.textContent);
    }
  }
  return {claim, other, width: svg.getBoundingClientRect().width, outside,
          full: [...svg.querySelectorAll('g.node.claim:not(.reference)')].map(g => g.id)};
});
"""


@pytest.mark.parametrize("column", [720, 1280])
def test_fitted_figures_are_readable_in_a_column(
    browser, seed: ArgumentMap, tmp_path: Path, column: int
) -> None:
    figures = render_figures(seed, "svg", fit=column)
    body = "".join(f"<figure>{inline(svg)}</figure>" for svg in figures)
    path = tmp_path / f"column-{column}.html"
    path.write_text(COLUMN_PAGE.format(column=column, figures=body), encoding="utf-8")
    browser.get(path.as_uri())
    browser.execute_async_script("document.fonts.ready.then(() => arguments[0]())")
    shown = browser.execute_script(MEASURE)
    assert len(shown) == len(figures) >= 1
    for figure in shown:
        assert figure["width"] <= column + 0.5
        assert figure["claim"] >= 9
        assert figure["other"] >= 7
        assert figure["outside"] == []
    in_full = {name for figure in shown for name in figure["full"]}
    assert {claim.id for claim in seed.claims} <= in_full  # every claim in full somewhere
    screenshot(browser, f"seed-fit-{column}")


def test_german_figures_are_readable_in_a_column(
    browser, seed: ArgumentMap, tmp_path: Path
) -> None:
    """A map with lang: de, its figures drawn with German words (wider stubs, longer tags),
    shown in a 720-px column: as readable as English ones, every text inside its box."""
    figures = render_figures(attrs.evolve(seed, lang="de"), "svg", fit=720)
    body = "".join(f"<figure>{inline(svg)}</figure>" for svg in figures)
    path = tmp_path / "column-de.html"
    path.write_text(COLUMN_PAGE.format(column=720, figures=body), encoding="utf-8")
    browser.get(path.as_uri())
    browser.execute_async_script("document.fonts.ready.then(() => arguments[0]())")
    shown = browser.execute_script(MEASURE)
    assert len(shown) == len(figures) > 1
    for figure in shown:
        assert figure["width"] <= 720.5
        assert figure["claim"] >= 9 and figure["other"] >= 7
        assert figure["outside"] == []
    assert "weiter in Abbildung 2" in browser.find_element("tag name", "body").text
    screenshot(browser, "seed-fit-720-de")


def test_the_html_view_opens_with_the_whole_map_in_its_pane(
    browser, seed: ArgumentMap, tmp_path: Path
) -> None:
    path = tmp_path / "whole.html"
    path.write_bytes(render_map(seed, "html", source=source_text(seed, SEED_MAP)))
    browser.get(path.as_uri())
    inside = (
        "const m = document.getElementById('argmap-map').getBoundingClientRect();"
        "const s = document.querySelector('#argmap-map svg').getBoundingClientRect();"
        "return [s.left >= m.left - 1, s.right <= m.right + 1, s.top >= m.top - 1,"
        " s.bottom <= m.bottom + 1, s.width]"
    )
    *fits, _width = browser.execute_script(inside)
    assert fits == [True, True, True, True]
    screenshot(browser, "html-view-whole", whole=False)
    # With --fit 720, as a 720-px column shows the map's figures: claim text (12 points of the
    # viewBox) at least 9 px, the map wider than the column when it must be (it scrolls).
    path.write_bytes(render_map(seed, "html", source=source_text(seed, SEED_MAP), fit=720))
    browser.get(path.as_uri())
    natural, points = browser.execute_script(
        "const svg = document.querySelector('#argmap-map svg');"
        "return [svg.width.baseVal.value, svg.viewBox.baseVal.width]"
    )
    shown = browser.execute_script(inside)[-1]
    assert natural > 720 * 16 / 9  # the seed map: too wide to be read whole in 720 px
    assert shown * 12 / points == pytest.approx(9, abs=0.05)
    path.write_bytes(render_map(loaded(MICROTEXT), "html", fit=720))  # a small map: as it is
    browser.get(path.as_uri())
    natural = browser.execute_script(
        "return document.querySelector('#argmap-map svg').width.baseVal.value"
    )
    assert browser.execute_script(inside)[-1] == pytest.approx(min(natural, 720), abs=2)


def test_the_docs_images_are_readable_in_a_github_column(browser, tmp_path: Path) -> None:
    """GitHub shows the images of a README or another Markdown page at most as wide as its
    column (about 830 px): each image of the seed map that the README and the pages of docs/
    show keeps claim text (12 points in its viewBox) 9 px high."""
    images = {
        (ROOT / page).parent.joinpath(target).resolve().relative_to(ROOT).as_posix()
        for page, text in pages().items()
        for target in links(text, IMAGE)
    }
    assert "maps/figures/europe-central-asia-1.svg" in images  # the README's
    assert all(image.startswith("maps/figures/") for image in images), images
    tags = "".join(f'<p><img src="{(ROOT / image).as_uri()}"></p>' for image in images)
    page = tmp_path / "readme.html"
    page.write_text(
        "<!DOCTYPE html><html><body style='margin:0'><article style='width:830px'>"
        f"<style>img {{ max-width: 100%; }}</style>{tags}</article></body></html>",
        encoding="utf-8",
    )
    browser.get(page.as_uri())
    browser.execute_script("return Promise.all([...document.images].map(i => i.decode()))")
    shown = browser.execute_script(
        "return [...document.images].map(i => [i.src, i.getBoundingClientRect().width])"
    )
    for src, width in shown:
        svg = Path(src.removeprefix("file://")).read_text(encoding="utf-8")
        box = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))  # type: ignore[union-attr]
        assert 12 * width / box >= 9, src
