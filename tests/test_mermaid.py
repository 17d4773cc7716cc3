"""Mermaid export: one node per claim, one link per relation, text escaped, losses named.

The parser tests run Mermaid's own parser when ``ARGMAP_MERMAID`` names a folder whose
``node_modules`` holds ``mermaid@11`` and ``jsdom`` (``npm install --prefix DIR mermaid@11 jsdom``);
otherwise they are skipped. Mermaid reads each export as a reader's browser would: it must
parse, set no configuration, and show every claim's text exactly.
"""

from __future__ import annotations

import json
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
SCRIPT = Path(__file__).parent / "node" / "mermaid-read.mjs"
needs_mermaid = pytest.mark.skipif(
    not (MODULES and shutil.which("node")), reason="ARGMAP_MERMAID (mermaid, jsdom) not set"
)
#: Claim texts that try to reach past their label: directives that would change the theme or
#: the security level, comments, statements (a click callback), and Mermaid's own quirks.
HOSTILE = (
    "%%{init: {'theme': 'dark', 'securityLevel': 'loose'}}%%",
    "%%{initialize: {'theme': 'forest'}}%% and after",
    "%% a comment",
    'x"] ; click c_a call alert(1) ; %%',
    'end\nclick c_a href "javascript:alert(1)"',
    "style c_a fill:#f00; classDef premise fill:#000;",
    "#quot; &amp; #35; <b>not bold</b> `code` :::premise",
    "a\u2028b\u2029c\x85d",
)


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
    assert "linkStyle 0,1,2 stroke:#272a2a" in text


def test_losses_are_named() -> None:
    losses = mermaid.write(seed()).losses
    assert len(losses) == 1
    assert losses[0].startswith("Mermaid shows claims and the links between them only; left out:")
    assert re.search(r"\d+ quotes, \d+ notes", losses[0]) and "the source" in losses[0]


def test_a_thesis_mark_and_short_labels_are_named_as_left_out_and_one_is_one() -> None:
    # Mermaid draws every claim alike and in full: what the analyst marked as the thesis and
    # the short labels are not in the flowchart, and the export says so.
    amap, _ = load(
        b"argmap: 1\ntitle: T\npremises:\n  - id: p\n    text: P.\n    label: p\n"
        b"    note: N.\nconclusions:\n  - id: c\n    text: C.\n    thesis: true\n"
        b"    reasons: [p]\n",
        "t.yaml",
    )
    assert amap is not None
    assert mermaid.write(amap).losses == (
        "Mermaid shows claims and the links between them only; left out: 1 note, 1 label and "
        "the thesis mark",
    )


def test_line_breaks_in_a_claims_text_are_said_to_become_spaces() -> None:
    amap, _ = load(
        b"argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: |-\n      One.\n      Two.\n"
        b"  - id: b\n    text: B.\n    contradicts: a\n",
        "t.yaml",
    )
    assert amap is not None
    assert mermaid.write(amap).losses == (
        "Mermaid shows claims and the links between them only; left out: the line breaks in the "
        "text of 1 claim (they become spaces)",
    )


def read_with_mermaid(maps: list[ArgumentMap], folder: Path) -> list[dict[str, object]]:
    """What Mermaid reads in each map's export (see tests/node/mermaid-read.mjs)."""
    files = []
    for number, amap in enumerate(maps):
        files.append(folder / f"m{number}.mmd")
        files[-1].write_text(mermaid.write(amap).text, encoding="utf-8")
    assert MODULES is not None
    run = subprocess.run(
        ["node", str(SCRIPT), MODULES, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    read = json.loads(run.stdout)
    return [read[str(file)] for file in files]


def assert_read_as_written(maps: list[ArgumentMap], folder: Path) -> None:
    for amap, read in zip(maps, read_with_mermaid(maps, folder), strict=True):
        assert "error" not in read, (read, dump(amap))
        assert read["config"] == {}, dump(amap)  # nothing in a map configures the diagram
        shown = {mermaid.node_id(claim.id): " ".join(claim.text.split()) for claim in amap.claims}
        labels = read["labels"]
        assert isinstance(labels, dict)
        assert {key: labels[key] for key in shown} == shown, dump(amap)


@needs_mermaid
def test_mermaid_parses_the_seed_map_and_generated_maps(tmp_path: Path) -> None:
    maps: list[ArgumentMap] = [seed()]

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(argument_maps(extras=True))
    def draw(amap: ArgumentMap) -> None:
        maps.append(amap)

    draw()
    assert_read_as_written(maps, tmp_path)


def test_claim_text_cannot_write_a_percent_sign_or_leave_its_label() -> None:
    claims = tuple(Claim(f"c{n}", Kind.PREMISE, text) for n, text in enumerate(HOSTILE))
    amap = ArgumentMap("%%{init: {'theme': 'dark'}}%% title", claims)
    text = mermaid.write(amap).text
    assert "%" not in text
    body = text.split("flowchart BT\n", 1)[1]
    assert all(line.startswith("  ") for line in body.splitlines())  # nothing starts a line
    assert not re.search(r"^\s*click", body, re.M)


@needs_mermaid
def test_mermaid_reads_hostile_claim_text_as_text(tmp_path: Path) -> None:
    claims = tuple(Claim(f"c{n}", Kind.PREMISE, text) for n, text in enumerate(HOSTILE))
    maps = [
        ArgumentMap("%%{init: {'theme': 'dark'}}%% title", claims),
        ArgumentMap("T", (Claim("a", Kind.PREMISE, "%%{init: {'theme':'forest'}}%%"),)),
    ]
    assert_read_as_written(maps, tmp_path)
    (read,) = read_with_mermaid(maps[1:], tmp_path / "..")
    assert read["clicks"] == 0
