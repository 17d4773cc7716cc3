"""The HTML that Sphinx (reStructuredText, MyST), Pandoc and MkDocs make with maps, in Chromium:
the figures in order, each within the text column, and their text readable there (claim text
at least 9 px, all other text 7 px, measured once the font they carry is loaded)."""

from __future__ import annotations

import os
import time

import pytest

from argmap.api import load
from argmap.embed.targets import MKDOCS, PANDOC3_HTML, PANDOC_HTML

from .conftest import ROOT, SEED_MAP
from .docbuild import ENERGY_TITLE, SEED_TITLE, TIMES, example, record, run, sphinx
from .docsite import build as mkdocs_build
from .docsite import make_site
from .test_browser import CHROMIUM, DRIVER, browser, screenshot  # noqa: F401 - the fixture

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver"
)


# For each inline SVG figure, in order: its title, the width its figure gives it in the text
# column and its width as shown (CSS px), the least claim text and the least other text as
# shown (each text's computed size times the SVG's scale on screen), the texts that run past
# the box of their node, and the claims drawn in full.
MEASURE = """
return [...document.querySelectorAll(arguments[0])].map(svg => {
  const figure = svg.closest("figure, div.argmap"), style = getComputedStyle(figure);
  let claim = 1e9, other = 1e9;
  const outside = [];
  for (const t of svg.querySelectorAll("text")) {
    const size = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
    const node = t.closest("g.node");
    const isClaim = node && node.classList.contains("claim")
      && t.getAttribute("font-weight") !== "bold";
    if (isClaim) claim = Math.min(claim, size); else other = Math.min(other, size);
    const shape = node && node.querySelector("polygon, path");
    if (shape) {
      const a = t.getBBox(), b = shape.getBBox();
      if (a.x < b.x - 0.5 || a.x + a.width > b.x + b.width + 0.5) outside.push(node.id);
    }
  }
  return {title: svg.querySelector("title").textContent,
          column: figure.clientWidth - parseFloat(style.paddingLeft)
                  - parseFloat(style.paddingRight),
          shown: svg.getBoundingClientRect().width, claim, other, outside,
          full: [...svg.querySelectorAll("g.node.claim")].map(g => g.id)
                  .filter(id => !id.includes("--"))};
});
"""


def _mkdocs(folder):  # type: ignore[no-untyped-def]
    """A MkDocs site as docs/publishing.md sets one up, with the examples' two maps on its page."""
    page = "# The seed map\n\n```argmap file=maps/europe-central-asia.yaml\n```\n\n"
    energy = (ROOT / "examples" / "pandoc" / "report.md").read_text(encoding="utf-8")
    block = energy.split("```{.argmap", 1)[1].split("\n", 1)[1].split("```", 1)[0]
    block = block.replace("../../seeds/", "seeds/")
    index = folder / "docs" / "index.md"
    index.write_text(page + f'```argmap caption="Energy."\n{block}```\n', encoding="utf-8")
    started = time.perf_counter()
    done = mkdocs_build(folder)
    TIMES["mkdocs html"] = round(time.perf_counter() - started, 2)
    return done


BUILDS = {
    "sphinx-rst": (lambda f: sphinx(f, name="sphinx-rst html"), "_build/html/index.html", 643),
    "sphinx-myst": (lambda f: sphinx(f, name="sphinx-myst html"), "_build/html/index.html", 643),
    "pandoc": (
        lambda f: run(["pandoc", "report.md", "--filter", "argmap-pandoc", "-s",
                       "-o", "report.html"], f, "pandoc html"),
        "report.html",
        PANDOC_HTML.fit.width,  # type: ignore[union-attr]
    ),
    # Pandoc 3 (Quarto's), where ARGMAP_PANDOC3 names one: its template sets no font size.
    "pandoc3": (
        lambda f: run([os.environ.get("ARGMAP_PANDOC3", ""), "report.md", "--filter",
                       "argmap-pandoc", "-s", "-o", "report.html"], f, "pandoc html, Pandoc 3"),
        "report.html",
        PANDOC3_HTML.fit.width,  # type: ignore[union-attr]
    ),
    "mkdocs": (_mkdocs, "site/index.html", MKDOCS.fit.width),  # type: ignore[union-attr]
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_the_figures_show_in_order_readable_in_the_column(browser, tmp_path, name: str) -> None:  # noqa: F811
    if name == "pandoc3" and not os.environ.get("ARGMAP_PANDOC3"):
        pytest.skip("ARGMAP_PANDOC3 names no Pandoc 3")
    kind = "pandoc" if name == "pandoc3" else name
    folder = make_site(tmp_path, {"index.md": ""}) if name == "mkdocs" else example(tmp_path, kind)
    build, page, column = BUILDS[name]
    done = build(folder)
    assert done.returncode == 0, done.stderr
    browser.get((folder / page).as_uri())
    browser.execute_async_script("document.fonts.ready.then(() => arguments[0]())")
    measured = browser.execute_script(MEASURE, ".argmap svg, figure svg")
    titles = [m["title"] for m in measured]
    count = len(titles) - 1
    assert count > 1  # the seed map is too big to read whole in any of these columns
    which = "part" if name.startswith("sphinx") else "figure"  # Sphinx numbers its figures
    titles_wanted = [f"{SEED_TITLE} ({which} {n} of {count})" for n in range(1, count + 1)]
    assert titles == [*titles_wanted, ENERGY_TITLE]
    # The text column the theme gives figures is the one argmap fits them to.
    assert {round(m["column"]) for m in measured} == {round(column)}
    in_full: set[str] = set()
    for number, m in enumerate(measured, 1):
        record(f"{name} html (1280-px window)", f"figure {number}", column_px=m["column"],
               shown_px=m["shown"], claim_text_px=m["claim"],
               smallest_text_px=m["other"])  # fmt: skip
        assert m["shown"] <= m["column"] + 0.5, number  # within the column: never shrunk
        assert m["claim"] >= 9, number
        assert m["other"] >= 7, number
        assert m["outside"] == [], number
        if number <= count:
            in_full |= set(m["full"])
    assert max(m["shown"] for m in measured[:count]) == pytest.approx(column, abs=1)
    assert {claim.id for claim in load(SEED_MAP).claims} <= in_full
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, f"embed-{name}")
