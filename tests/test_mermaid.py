"""Mermaid export: one node per claim, one link per relation, text escaped, losses named.

The parser test runs Mermaid's own parser when ``ARGMAP_MERMAID`` names a folder whose
``node_modules`` holds ``mermaid@11`` and ``jsdom`` (``npm install --prefix DIR mermaid@11 jsdom``);
otherwise it is skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from argmap.formats import mermaid
from argmap.formats.yaml import dump
from argmap.model import ArgumentMap, Claim, Kind, Objection, Reason, Ref
from argmap.read.loader import load

from .conftest import SEED_MAP
from .strategies import argument_maps

MODULES = os.environ.get("ARGMAP_MERMAID")
SCRIPT = Path(__file__).parent / "node" / "mermaid-parse.mjs"


def seed() -> ArgumentMap:
    amap, _ = load(SEED_MAP.read_bytes(), str(SEED_MAP))
    assert amap is not None
    return amap


def test_claims_nodes_and_links() -> None:
    claims = (
        Claim("a", Kind.PREMISE, 'say "hi" <b> & #1'),
        Claim("b", Kind.PREMISE, "B"),
        Claim("end", Kind.PREMISE, "E"),
        Claim(
            "c",
            Kind.RECOMMENDATION,
            "C",
            reasons=(Reason((Ref("a"), Ref("b")), (Ref("end"),)),),
            objections=(Objection((Ref("b"), Ref("end"))),),
        ),
    )
    text = mermaid.write(ArgumentMap("T", claims)).text
    assert text.startswith('---\ntitle: "T"\n---\nflowchart BT\n')
    assert '  c_a["say #quot;hi#quot; #lt;b#gt; #amp; #35;1"]:::premise\n' in text
    assert '  c_c[["C"]]:::recommendation\n' in text and "c_end[" in text
    links = re.findall(r"^  (\S+) (-->|---|--x|-\.-x|-\.-) (\S+)$", text, re.M)
    assert links == [
        ("c_a", "---", "j1"), ("c_b", "---", "j1"), ("j1", "-->", "c_c"),  # linked reason
        ("c_end", "-.-x", "j1"),  # undercut of its step
        ("c_b", "---", "j2"), ("c_end", "---", "j2"), ("j2", "--x", "c_c"),  # linked objection
    ]  # fmt: skip
    assert "linkStyle 0,1,2 stroke:#4d5560" in text


def test_losses_are_named() -> None:
    losses = mermaid.write(seed()).losses
    assert len(losses) == 1
    assert losses[0].startswith("Mermaid shows claims and the links between them only; left out:")
    assert re.search(r"\d+ quotes, \d+ notes", losses[0]) and "the source" in losses[0]


@pytest.mark.skipif(
    not (MODULES and shutil.which("node")), reason="ARGMAP_MERMAID (mermaid, jsdom) not set"
)
def test_mermaid_parses_the_seed_map_and_generated_maps(tmp_path: Path) -> None:
    maps: list[ArgumentMap] = [seed()]

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(argument_maps(extras=True))
    def draw(amap: ArgumentMap) -> None:
        maps.append(amap)

    draw()
    files = []
    for number, amap in enumerate(maps):
        files.append(tmp_path / f"m{number}.mmd")
        files[-1].write_text(mermaid.write(amap).text, encoding="utf-8")
    assert MODULES is not None
    run = subprocess.run(
        ["node", str(SCRIPT), MODULES, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    failed = [int(line.split(".mmd:")[0].rsplit("m", 1)[1]) for line in run.stdout.splitlines()]
    assert run.returncode == 0, run.stdout + run.stderr + "".join(dump(maps[n]) for n in failed)
