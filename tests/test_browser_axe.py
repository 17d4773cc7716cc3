"""axe-core, the accessibility checker browsers' developer tools use, on the pages argmap writes,
in headless Chromium: the HTML view in each theme (and with --status), the coverage page and
the preview's first page, against WCAG 2.2 A and AA and axe's best practices. None may have a
violation. (axe cannot work out the contrast of SVG text; tests/test_contrast.py computes it.)

Runs where Debian's ``chromium`` and ``chromium-driver`` are installed, as tests/test_browser.py,
and where axe-core is: ``.ci/run`` installs it into ``.cache/axe`` (``npm install --prefix
.cache/axe axe-core@4.14``), or ``ARGMAP_AXE`` names its ``axe.min.js``; else the tests skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import pytest

from argmap.analysis.coverage import coverage
from argmap.api import render_map, source_text
from argmap.model import ArgumentMap
from argmap.pages.coverage import page as coverage_page
from argmap.preview.page import live_page
from argmap.preview.state import Shown
from argmap.read.source import SourceText

from .conftest import ROOT, SEED_MAP
from .test_browser import CHROMIUM, DRIVER, browser, seed

AXE = Path(
    os.environ.get("ARGMAP_AXE")
    or ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
)
pytestmark = [
    pytest.mark.skipif(
        not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver"
    ),
    pytest.mark.skipif(not AXE.is_file(), reason="needs axe-core (npm install axe-core)"),
]
__all__ = ["browser", "seed"]  # the fixtures, shared with tests/test_browser.py

#: WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices (landmarks, one h1...).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]

RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}}).then((found) => done(
  found.violations.map((v) => [v.id, v.nodes.map((n) => n.target.join(" ")).slice(0, 5)])));
"""


def violations(driver, path: Path, *, dark: bool = False) -> list[object]:  # type: ignore[no-untyped-def]
    """What axe-core finds wrong with the page at ``path``: (rule, where) pairs."""
    features = [{"name": "prefers-reduced-motion", "value": "reduce"},
                {"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]  # fmt: skip
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})
    try:
        driver.get(path.as_uri())
        driver.execute_script(AXE.read_text(encoding="utf-8"))
        driver.set_script_timeout(60)
        return driver.execute_async_script(RUN, TAGS)
    finally:
        features[1]["value"] = "light"
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})


#: (theme, --status, the reader's system dark): auto is drawn light and turned dark by CSS.
VIEWS = [("light", False, False), ("dark", False, False), ("print", False, False),
         ("auto", False, True), ("light", True, False)]  # fmt: skip


@pytest.mark.parametrize(("theme", "status", "dark"), VIEWS)
def test_the_html_view_has_no_violation(  # type: ignore[no-untyped-def]
    browser, seed: ArgumentMap, tmp_path: Path, theme: str, status: bool, dark: bool
) -> None:
    """It had two: the main thesis's button and the implicit claim's were named without the
    words drawn over their text (label-content-name-mismatch, WCAG 2.5.3)."""
    path = tmp_path / "view.html"
    text = source_text(seed, SEED_MAP)
    path.write_bytes(render_map(seed, "html", source=text, theme=theme, status=status))
    assert violations(browser, path, dark=dark) == []


@pytest.mark.parametrize("lang", [None, "de"])
def test_the_coverage_page_has_no_violation(  # type: ignore[no-untyped-def]
    browser, seed: ArgumentMap, tmp_path: Path, lang: str | None
) -> None:
    """It had 86: the list of claims was in no landmark (region)."""
    amap = attrs.evolve(seed, lang=lang)
    text = source_text(amap, SEED_MAP)
    assert text is not None
    path = tmp_path / "coverage.html"
    path.write_text(coverage_page(amap, coverage(amap, SourceText(text))), encoding="utf-8")
    assert violations(browser, path) == []


def test_the_previews_first_page_has_no_violation(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The page the preview shows while the map has never checked clean: the diagnostics
    and a line that says so. It had three: no main landmark, no h1, a line in no landmark."""
    shown = Shown(1, 0, ("map.yaml:3:7: error: unknown claim 'x' [AM103]",), True, "A map")
    path = tmp_path / "preview.html"
    path.write_bytes(live_page(None, shown))
    assert violations(browser, path) == []
