"""argmap preview in headless Chromium: a save with an error shows the diagnostic under the last
good drawing, a fix shows the new drawing; how long each takes from the save.

Runs ``argmap preview`` as a user does (a process, stopped with Ctrl-C) where Debian's
``chromium`` and ``chromium-driver`` are installed, and is skipped elsewhere. The latencies go
to ``tests/artifacts/preview-latency.json`` (``PREVIEW_ROUNDS`` saves of each kind, 3 by
default); screenshots beside them.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.api import check_file
from tests.conftest import ctrl_c_stops

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver"
)
ARTIFACTS = Path(__file__).parent / "artifacts"
ROUNDS = int(os.environ.get("PREVIEW_ROUNDS", "3"))
BROKEN = ("      - mutual-benefit-strategy\n", "      - mutual-benefit-strateg\n")
TEXT = "Energy is the most obvious area of mutual interest between Europe and Central Asia."

# Notes when the panel of diagnostics is shown, by the page's own clock (epoch ms).
WATCH_PANEL = """
window.panelShownAt = null;
const panel = document.getElementById("argmap-preview");
new MutationObserver(() => {
  if (!panel.hidden && panel.querySelector("li")) window.panelShownAt = Date.now();
}).observe(panel, {attributes: true, childList: true, subtree: true});
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
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)  # fmt: skip
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def preview(seed_copy: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``argmap preview`` of the seed map, running; its URL."""
    command = [sys.executable, "-m", "argmap", "preview", str(seed_copy)]
    with subprocess.Popen(
        command, stderr=subprocess.PIPE, text=True, preexec_fn=ctrl_c_stops
    ) as process:
        assert process.stderr is not None
        try:
            found = re.search(r"at (http://127\.0\.0\.1:\d+/)", process.stderr.readline())
            assert found, "argmap preview did not say where it listens"
            yield found.group(1), process
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=10) == 130
        finally:
            process.kill()


def save(path: Path, text: str) -> float:
    """Save as editors do (a new file renamed into place); the time of the save (epoch ms)."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
    return time.time() * 1000


def screenshot(driver, name: str) -> None:  # type: ignore[no-untyped-def]
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
    (ARTIFACTS / f"{name}.png").write_bytes(base64.b64decode(data))


def drawn(driver, text: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the drawing shows ``text`` (its lines as Graphviz broke them)."""
    svg = driver.execute_script("return document.querySelector('#argmap-map svg').textContent")
    return "".join(text.split()) in "".join(svg.split())


def test_a_save_with_an_error_shows_it_and_a_fix_shows_the_new_drawing(
    browser, preview, seed_copy: Path
) -> None:  # type: ignore[no-untyped-def]
    url, _ = preview
    good = seed_copy.read_text(encoding="utf-8")
    browser.get(url)
    wait = WebDriverWait(browser, 10, poll_frequency=0.01)
    wait.until(lambda d: d.execute_script("return !!document.querySelector('g.claim')"))
    claims = browser.execute_script("return document.querySelectorAll('g.claim').length")
    latencies: dict[str, list[float]] = {"error shown": [], "new drawing shown": []}
    for round_ in range(ROUNDS):
        # A save with an error: the diagnostics appear under the last good drawing.
        browser.execute_script(WATCH_PANEL)
        saved = save(seed_copy, good.replace(*BROKEN))
        wait.until(lambda d: d.execute_script("return window.panelShownAt"))
        latencies["error shown"].append(
            browser.execute_script("return window.panelShownAt") - saved
        )
        expected = [str(d) for d in check_file(seed_copy).diagnostics]
        items = browser.find_elements("css selector", "#argmap-preview li")
        assert [item.text for item in items] == expected
        assert any(line.endswith("is no claim; did you mean 'mutual-benefit-strategy'? [AM103]")
                   for line in expected)  # fmt: skip
        summary = browser.find_element("css selector", "#argmap-preview summary").text
        assert summary == "The map has errors: showing the last good drawing"
        assert (
            browser.execute_script("return document.querySelectorAll('g.claim').length") == claims
        )
        if round_ == 0:
            screenshot(browser, "preview-error")
        # The fix: the page shows the new drawing, and no panel.
        new_text = TEXT.replace("Central Asia", f"Central Asia ({round_ + 1})")
        fixed = good.replace(TEXT, new_text)
        assert fixed != good
        saved = save(seed_copy, fixed)
        wait.until(lambda d, t=new_text: drawn(d, t))
        loaded = browser.execute_script("return performance.timing.domContentLoadedEventEnd")
        latencies["new drawing shown"].append(loaded - saved)
        assert browser.find_element("css selector", "#argmap-preview").get_attribute("hidden")
        if round_ == 0:
            screenshot(browser, "preview-fixed")
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert all(name.startswith(url) for name in resources), resources  # nothing from outside
    report = {
        kind: {"rounds": len(values), "median_ms": round(statistics.median(values)),
               "max_ms": round(max(values))}
        for kind, values in latencies.items()
    }  # fmt: skip
    (ARTIFACTS / "preview-latency.json").write_text(json.dumps(report, indent=2) + "\n")
    print("preview latency:", report)
    # Within a second even on a busy machine; docs/editing.md's times are measured, not asserted.
    assert all(max(values) < 1000 for values in latencies.values()), report


def test_the_panel_speaks_the_maps_language_when_the_script_redraws_it(
    browser, preview, seed_copy: Path
) -> None:  # type: ignore[no-untyped-def]
    """The script says the summary anew as diagnostics come: in the words the page gave it,
    the map's language's (it said "The map has errors" over a German map's view)."""
    url, _ = preview
    german = seed_copy.read_text(encoding="utf-8").replace("\nlang: en\n", "\nlang: de\n")
    assert "\nlang: de\n" in german
    browser.get(url)
    wait = WebDriverWait(browser, 10, poll_frequency=0.01)
    wait.until(lambda d: d.execute_script("return !!document.querySelector('g.claim')"))
    save(seed_copy, german)  # a new drawing: the page reloads, in German
    wait.until(lambda d: d.execute_script("return document.documentElement.lang") == "de")
    browser.execute_script(WATCH_PANEL)
    save(seed_copy, german.replace(*BROKEN))
    wait.until(lambda d: d.execute_script("return window.panelShownAt"))
    summary = browser.find_element("css selector", "#argmap-preview summary").text
    assert summary == "Die Karte hat Fehler: Zu sehen ist die letzte fehlerfreie Zeichnung"
    listed = browser.find_element("css selector", "#argmap-preview ul")
    assert listed.get_attribute("lang") == "en"  # argmap's diagnostics, in English
