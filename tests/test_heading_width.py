"""A small map's long title wraps to the width of its claims instead of widening the drawing.

A title was wrapped at 60 characters whatever the map: a map of two claims 300 points wide
under a 120-character title came out 500 points wide, and shrunk in a column by as much. It is
now set again in lines as wide as the claims, as the legend and a worksheet's note already
were (:mod:`argmap.draw.heading`), but in lines of no fewer than
:data:`~argmap.draw.heading.TITLE_LEAST` characters.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from argmap.api import load, render_figures, render_map
from argmap.draw.heading import TITLE_LEAST
from argmap.draw.layout import viewbox

LONG = (
    "Why the municipal council should reconsider its decision to close the public library "
    "branch on the east side of town"
)
SHORT = "The library"
MAP = """\
argmap: 1
title: "{title}"
premises:
  - {{id: p, text: The east side branch is used every day by pupils of three schools.}}
conclusions:
  - {{id: c, text: The council should keep the east side branch of the library open., reasons: [p]}}
"""
TINY = """\
argmap: 1
title: "{title}"
premises:
  - {{id: p, text: Used daily.}}
conclusions:
  - {{id: c, text: Keep it., reasons: [p]}}
"""


def _map(tmp_path: Path, template: str, title: str) -> object:
    path = tmp_path / f"{len(title)}-{len(template)}.yaml"
    path.write_text(template.format(title=title), encoding="utf-8")
    return load(path)


def _width(svg: bytes) -> float:
    return viewbox(svg)[0]


def test_a_long_title_is_no_wider_than_a_small_maps_claims(tmp_path: Path) -> None:
    short = _width(render_map(_map(tmp_path, MAP, SHORT), "svg"))
    long = render_map(_map(tmp_path, MAP, LONG), "svg")
    assert _width(long) <= short + 12
    assert long.count(b"Why the municipal") == 2  # the title, wrapped, and its <title>


@pytest.mark.parametrize("fit", ["720", "1280x720"])
def test_a_small_maps_figure_is_no_wider_for_its_long_title(tmp_path: Path, fit: str) -> None:
    (short,) = render_figures(_map(tmp_path, MAP, SHORT), "svg", fit=fit)
    (long,) = render_figures(_map(tmp_path, MAP, LONG), "svg", fit=fit)
    assert _width(long) <= _width(short) + 12


def test_a_title_is_not_wrapped_narrower_than_its_least_measure(tmp_path: Path) -> None:
    svg = render_map(_map(tmp_path, TINY, LONG), "svg").decode("utf-8")
    lines = [line for line in svg.split("\n") if 'font-size="16.00"' in line and "<text" in line]
    assert lines, "the title's lines"
    shown = [line.split(">", 1)[1].rsplit("<", 1)[0] for line in lines]
    assert " ".join(shown) == LONG
    # Wrapped at no fewer characters: no line could have taken the next one's first word.
    for line, after in itertools.pairwise(shown):
        assert len(line) + 1 + len(after.split()[0]) > TITLE_LEAST, (line, after)
