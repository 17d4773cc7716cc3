"""The HTML that Sphinx (reStructuredText, MyST) and Pandoc make with maps, in Chromium: the
figures in order, each as wide as the text column allows, and how large their text shows."""

from __future__ import annotations

import pytest

from .docbuild import ENERGY_TITLE, SEED_TITLE, example, record, run, sphinx
from .test_browser import CHROMIUM, DRIVER, browser, screenshot  # noqa: F401 - the fixture

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver"
)


# For each inline SVG figure: its title, the width its figure gives it in the column, its width as
# shown and as drawn (CSS px), and its smallest claim text and smallest text as shown (px).
MEASURE = """
return [...document.querySelectorAll(arguments[0])].map(svg => {
  const box = svg.viewBox.baseVal, shown = svg.getBoundingClientRect().width;
  const scale = shown / box.width;
  const size = t => parseFloat(getComputedStyle(t).fontSize) * scale;
  const sizes = sel => [...svg.querySelectorAll(sel)].map(size).filter(s => s > 0);
  const figure = svg.closest("figure") || svg.parentElement, style = getComputedStyle(figure);
  return [svg.querySelector("title").textContent,
          figure.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
          shown, box.width * 4 / 3,
          Math.min(...sizes("g.claim text")), Math.min(...sizes("text"))];
});
"""

BUILDS = {
    "sphinx-rst": (lambda f: sphinx(f, name="sphinx-rst html"), "_build/html/index.html"),
    "sphinx-myst": (lambda f: sphinx(f, name="sphinx-myst html"), "_build/html/index.html"),
    "pandoc": (
        lambda f: run(["pandoc", "report.md", "--filter", "argmap-pandoc", "-s",
                       "-o", "report.html"], f, "pandoc html"),
        "report.html",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_the_figures_show_in_order_at_the_column_width(browser, tmp_path, name: str) -> None:  # noqa: F811
    folder = example(tmp_path, name)
    build, page = BUILDS[name]
    done = build(folder)
    assert done.returncode == 0, done.stderr
    browser.get((folder / page).as_uri())
    measured = browser.execute_script(MEASURE, "figure svg")
    assert [m[0] for m in measured] == [SEED_TITLE, ENERGY_TITLE]
    for title, column, shown, natural, claims, smallest in measured:
        record(
            f"{name} html (1280-px window)",
            title,
            column_px=column,
            shown_px=shown,
            natural_px=natural,
            claim_text_px=claims,
            smallest_text_px=smallest,
        )
        assert shown == pytest.approx(min(natural, column), abs=1.5)  # shrunk to fit, no more
        # The examples draw whole maps (no fit=): how large their text shows is recorded, not
        # asserted; figures drawn with fit= are measured in test_browser.py.
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, f"embed-{name}")
