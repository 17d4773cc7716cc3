"""The HTML view of a French and a Russian map in Chromium: its live region says what a chosen
claim is and how many passages it quotes in the map's language (Russian's three forms of a
count too), as the drawing beside; a screenshot of the French page, for a reader to look at."""

from __future__ import annotations

import attrs
import pytest

from argmap.api import load, render_map, source_text
from argmap.model import ArgumentMap
from argmap.words import vocabulary

from .conftest import SEED_MAP
from .test_browser import browser, errors, screenshot  # noqa: F401 (browser: a fixture)

STATUS = 'return document.getElementById("argmap-status").textContent'
FOCUS = "document.querySelector(`[data-claim='${arguments[0]}']`).focus()"

#: The live region after a claim quoting n passages is focused: its kind's word, the count.
SAID = {
    "fr": ({"premise": "PRÉMISSE", "recommendation": "RECOMMANDATION"},
           {0: "(aucune citation)", 1: "(1 passage cité)", 2: "(2 passages cités)"}),
    "ru": ({"premise": "ПОСЫЛКА", "recommendation": "РЕКОМЕНДАЦИЯ"},
           {0: "(нет цитат)", 1: "(1 цитируемый отрывок)", 2: "(2 цитируемых отрывка)"}),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(SAID))
def test_the_live_region_speaks_the_maps_language(browser, tmp_path, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    seed: ArgumentMap = attrs.evolve(load(SEED_MAP), lang=lang)
    path = tmp_path / "view.html"
    path.write_bytes(render_map(seed, "html", source=source_text(seed, SEED_MAP)))
    browser.get_log("browser")
    browser.get(path.as_uri())
    screenshot(browser, f"html-view-{lang}", whole=False)
    kinds, counts = SAID[lang]
    seen = set()
    for claim in seed.claims:
        if claim.kind.value not in kinds:
            continue
        browser.execute_script(FOCUS, claim.id)
        status = browser.execute_script(STATUS)
        said = kinds[claim.kind.value]  # the thesis is said to be the thesis, as drawn
        if claim.id == "partnership-thesis":
            said = vocabulary(lang)("main thesis", kind=said)
        assert status.startswith(said + " "), status
        marks = browser.execute_script(
            "return document.querySelectorAll(`mark[data-claims~='${arguments[0]}']`).length",
            claim.id,
        )
        if marks in counts:
            assert status.endswith(counts[marks]), status
            seen.add(marks)
        assert "quoted" not in status and "no quote" not in status
    assert seen >= {1, 2}, seen
    if lang == "fr":
        browser.execute_script(FOCUS, "partnership-thesis")
        screenshot(browser, "html-view-fr-focus", whole=False)
    assert errors(browser) == []
