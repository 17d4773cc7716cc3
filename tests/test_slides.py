"""Slides a room can read: the seed map's figures for a Beamer frame (4:3 and 16:9) and a
PowerPoint slide, as the Pandoc filter draws them (without the map's title and legend), each
measured as it is printed there: claim text at least 9 pt, the floor at a slide's own size.
Every relation of the map is drawn on some figure, every figure fits its frame, and a figure
that goes on from another says so over its top claim or on its heading's line."""

from __future__ import annotations

import re
from io import BytesIO

import pdfplumber
import pytest

from argmap.api import load, render_figures
from argmap.draw.floors import fewest
from argmap.draw.style import CLAIM_SIZE, WORD_SIZE
from argmap.embed.outputs import BEAMER, PPTX, beamer_frame

SEED = "maps/europe-central-asia.yaml"
#: The frames: Beamer's at 4:3 and 16:9, and Pandoc's PowerPoint picture box (16:9).
FRAMES = {"beamer": BEAMER.fit, "beamer-169": beamer_frame(169).fit, "pptx": PPTX.fit}
_EDGE = re.compile(r'<g id="([^"]*)" class="edge(?![^"]*\bstub\b)[^"]*">')
#: A figure still too small is warned of (FitWarning); the tests measure it themselves.
pytestmark = pytest.mark.filterwarnings("ignore::argmap.diagnostics.FitWarning")


def _printed(frame: str) -> list[tuple[float, float, float]]:
    """Each PDF figure's width and height as printed, and its claim text's size there (pt):
    the smallest text is the kind over a claim, WORD_SIZE at the drawing's own size."""
    found = []
    for pdf in render_figures(load(SEED), "pdf", fit=FRAMES[frame], title=False, legend=False):
        with pdfplumber.open(BytesIO(pdf)) as opened:
            page = opened.pages[0]
            least = min(char["size"] for char in page.chars)
            found.append((float(page.width), float(page.height), least * CLAIM_SIZE / WORD_SIZE))
    return found


#: Frames where some figures are still under 9 pt: at 4:3 a reason with three undercuts
#: (four boxes side by side, 7.14 pt) and a claim over a reason and its undercut (8.90 pt); at
#: 16:9 the overview (8.61) and that claim again (8.83).
STILL_SMALL = {"beamer", "beamer-169"}
SMALL = "2 figures still under 9 pt (see STILL_SMALL)"


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param(f, marks=pytest.mark.xfail(strict=True, reason=SMALL)) if f in STILL_SMALL
        else f for f in sorted(FRAMES)
    ],
)  # fmt: skip
def test_every_figure_of_the_seed_map_is_readable_on_a_slide(frame: str) -> None:
    """It was 25 Beamer frames, 14 of them at 6.2 to 8.9 pt; 18 PowerPoint slides, 2 at 7.3
    and 8.9 pt; 23 frames at 16:9, 19 of them at 5.6 to 8.7 pt. Now 27 frames, 2 under 9 pt;
    18 slides, none; 27 frames at 16:9, 2."""
    fit = FRAMES[frame]
    assert fit is not None and fit.height is not None
    printed = _printed(frame)
    assert len(printed) > 1
    for width, height, _ in printed:
        assert width <= fit.width + 0.5 and height <= fit.height + 0.5
    small = [(n, round(size, 2)) for n, (_, _, size) in enumerate(printed, 1) if size < 8.995]
    assert not small, f"{frame}: {len(small)} of {len(printed)} figures under 9 pt: {small}"


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_every_relation_of_the_seed_map_is_drawn_on_some_slide(frame: str) -> None:
    """A finer split must not lose a line of the argument: each support, objection and
    undercut of the whole drawing is an edge of some figure."""
    amap = load(SEED)
    (whole,) = render_figures(amap, "svg")
    wanted = set(_EDGE.findall(whole.decode()))
    drawn: set[str] = set()
    for svg in render_figures(amap, "svg", fit=FRAMES[frame], title=False, legend=False):
        drawn |= set(_EDGE.findall(svg.decode().replace("&#45;", "-")))
    assert len(wanted) > 30 and wanted <= drawn, sorted(wanted - drawn)


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_a_figure_says_where_its_top_claim_is_used_or_what_it_continues(frame: str) -> None:
    """On a slide a figure's "used in" or "continued from" may stand beside its top claim or on
    its heading's line (``FIGURE 5 OF 27 · continued from figure 2``), not above it: it is
    said all the same, with the figures it names."""
    fit = FRAMES[frame]
    assert fit is not None
    fitted = fewest(load(SEED), fit, None, legend=False, titled=False)
    checked = 0
    for d in fitted.drawn:
        texts = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", d.svg.decode()))
        for top in d.figure.tops:
            users, first = d.figure.used_in.get(top), d.figure.continued_from.get(top)
            if users:
                named = ", ".join(map(str, users))
                assert re.search(rf"used in figures? {named}\b", texts), (d.figure.number, texts)
            elif first is not None:
                assert f"continued from figure {first}" in texts, (d.figure.number, texts)
            checked += bool(users or first)
    assert checked > len(fitted.drawn) // 2
