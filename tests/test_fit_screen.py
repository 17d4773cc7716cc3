"""A screen or a projected slide in CSS px, ``--fit 1280x720``: every figure shown whole on
it, its text readable there (a teacher's projector: the height was refused, 'a height applies
to paper', so figures fitted to 1280 px were taller than the screen)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.api import load, render_figures
from argmap.diagnostics import UsageError

from .conftest import SEED_MAP, run

SCREEN = (1280, 720)


def shown(svg: bytes) -> tuple[float, float, float]:
    """An SVG figure's width and height as shown (CSS px, no wider than it says), and CSS px a
    viewBox unit."""
    width = float(re.search(rb'width="([\d.]+)px"', svg).group(1))  # type: ignore[union-attr]
    box = re.search(rb'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    assert box is not None
    unit = width / float(box.group(1))
    return width, float(box.group(2)) * unit, unit


def test_every_figure_is_shown_whole_on_the_screen_and_readable() -> None:
    svgs = render_figures(load(SEED_MAP), "svg", fit=f"{SCREEN[0]}x{SCREEN[1]}")
    plain = render_figures(load(SEED_MAP), "svg", fit=str(SCREEN[0]))
    assert len(svgs) > 1
    for svg in svgs:
        wide, high, unit = shown(svg)
        assert wide <= SCREEN[0] + 0.5 and high <= SCREEN[1] + 0.5
        assert unit * 12 >= 9 - 0.01  # claim text, in px
    assert max(shown(svg)[1] for svg in plain) > SCREEN[1]  # without the height: too tall


def test_on_the_command_line_too_and_a_figure_too_big_is_said_for_the_screen(
    tmp_path: Path,
) -> None:
    result = run("render", str(SEED_MAP), "--fit", "1280x720", "-o", f"{tmp_path}/")
    assert result.exit_code == 0, result.output
    assert "note:" not in result.output
    # (400x300 said figures too big too, until a short box set a figure's "used in" on its
    # heading's line, or beside its claim: all of them fit it now.)
    small = run("render", str(SEED_MAP), "--fit", "360x240", "-o", f"{tmp_path}/small/")
    assert small.exit_code == 0, small.output
    assert "too big for a screen of 360x240 px" in small.output


def test_the_html_view_takes_no_height() -> None:
    with pytest.raises(UsageError, match="with no height"):
        render_figures(load(SEED_MAP), "html", fit="1280x720")


def test_a_projector_asks_for_larger_text_and_the_figures_are_enlarged_to_it() -> None:
    # A debate coach: 9-px claims on a 1280x720 projector cannot be read from the back of
    # the room, and --min-text-size stopped at 12 ("figures are never enlarged").
    svgs = render_figures(load(SEED_MAP), "svg", fit="1280x720", min_text_size=20, title=False)
    assert len(svgs) > 4
    for svg in svgs:
        wide, high, unit = shown(svg)
        assert unit * 12 >= 20 - 0.01  # claim text, in px
        assert wide <= SCREEN[0] + 0.5 and high <= SCREEN[1] + 0.5
