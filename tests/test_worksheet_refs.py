"""A blank of a worksheet drawn in full in one figure, and in another as a reference to it
("in full in figure 2"), was a second empty box to write in, as big as the first: the
student had two boxes for one claim. A reference to a blank is drawn compact, as any
reference is ("…", and where the blank is), and the blank's box is drawn once."""

from __future__ import annotations

import re

from argmap.analysis.exercise import worksheet
from argmap.api import load, render_figures

from .conftest import SEED_MAP

BLANKS = ["ca-energy-supplier", "russian-infrastructure"]
#: A line of a blank's room to write in: no-break spaces (draw.blank), many in a row.
ROOM = re.compile(b"(?:\xc2\xa0){40,}")


def _nodes(svg: bytes) -> dict[str, bytes]:
    """Each claim node of a figure, by its element id."""
    found = re.finditer(rb'<g id="([a-z-]+)" class="node claim[^"]*"(.*?)</g>\n</g>', svg, re.S)
    return {m.group(1).decode(): m.group(2) for m in found}


def test_a_blank_has_one_box_to_write_in_its_references_are_compact() -> None:
    sheet = worksheet(load(SEED_MAP), BLANKS)
    nodes = [_nodes(svg) for svg in render_figures(sheet, "svg", fit=720)]
    for blank in BLANKS:
        full = [n[blank] for n in nodes if blank in n]
        refs = [n[f"ref--{blank}"] for n in nodes if f"ref--{blank}" in n]
        assert len(full) == 1 and ROOM.search(full[0])
        assert all(not ROOM.search(ref) and b"in full in figure" in ref for ref in refs)
    assert any(f"ref--{BLANKS[0]}" in n for n in nodes)  # the case this is about
