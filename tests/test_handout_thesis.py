"""A handout (``render --page``, ``exercise --page``) prints its figures together, so the
thesis is printed in full once: a figure that goes on with the thesis's reasons (its further
page) draws it as a reference, "in full in figure 1", as it draws any claim at home in
another figure. It was drawn in full again, MAIN THESIS and all, often on the same page (a
17-claim map: figures 1 and 4; a worksheet of six claims: figures 1 and 2, one above the
other). Figures for a document or a screen (``--fit``) stand alone and keep it in full."""

from __future__ import annotations

import re

from argmap.api import check_bytes, render_figures, render_map

from .test_exercise import ANSWER
from .test_handout import HANDOUT, lines


def _map():  # type: ignore[no-untyped-def]
    amap = check_bytes(HANDOUT.encode(), "handout.yaml").map
    assert amap is not None
    return amap


def test_the_thesis_is_printed_in_full_once_in_a_handout() -> None:
    found = [line for page in lines(render_map(_map(), "pdf", page="a4")) for line in page]
    figures = [line for line in found if re.fullmatch(r"FIGURE \d+ OF \d+", line)]
    assert len(figures) > 1
    assert sum("MAIN THESIS" in line for line in found) == 1, found
    assert sum(line.startswith("Our school should") for line in found) == 2  # + the ref
    assert any("in full in figure 1" in line for line in found), found
    assert not any("continued from figure 1" in line for line in found), found


def test_figures_for_a_document_keep_the_thesis_of_each_in_full() -> None:
    text = re.sub(r"source:\n  path: source.txt\n|    quotes: .*\n", "", ANSWER)
    amap = check_bytes(text.encode(), "answer.yaml").map
    assert amap is not None
    figures = render_figures(amap, "svg", fit=400)
    assert len(figures) == 2
    assert all(b"MAIN THESIS" in svg for svg in figures)  # each stands alone: as before
