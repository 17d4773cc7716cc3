"""Objections written in full: linked attacks and attacks on attacks, read, checked and drawn."""

from __future__ import annotations

import re

from argmap.checks import check
from argmap.draw.graph import to_dot
from argmap.model import Link, Objection, Ref, attacks
from argmap.read.loader import load

HEAD = """argmap: 1
title: t
premises:
  - id: a
    text: A
  - id: b
    text: B
  - id: u
    text: U
  - id: v
    text: V
conclusions:
  - id: c
    text: C
    reasons:
      - claims: v
"""


def read(tail: str):
    amap, diagnostics = load((HEAD + tail).encode(), "m.yaml")
    return amap, [(str(d.span), d.code) for d in diagnostics]


def findings(tail: str, codes: str = "AM1") -> list[tuple[str, str]]:
    """What ``check`` finds, of the codes starting with ``codes`` (errors by default)."""
    amap, diagnostics = read(tail)
    assert amap is not None, diagnostics
    return [(str(d.span), d.code) for d in check(amap, "m.yaml") if d.code.startswith(codes)]


def test_full_form_objections_load() -> None:
    amap, diagnostics = read(
        "        objections:\n"
        "          - claims: [a, b]\n"
        "            objections: [u]\n"
        "    objections:\n"
        "      - a\n"
        "      - claims: b\n"  # one claim and nothing more: the same as a plain id
        "      - claims: [a, b]\n"
        "        objections:\n"
        "          - claims: u\n"
        "            objections: [v]\n"
        "            note: why\n"
    )
    assert diagnostics == []
    assert amap is not None
    claim = amap.by_id()["c"]
    assert claim.reasons[0].objections == (Objection((Ref("a"), Ref("b")), (Ref("u"),)),)
    assert claim.objections == (
        Ref("a"),
        Ref("b"),
        Objection((Ref("a"), Ref("b")), (Objection((Ref("u"),), (Ref("v"),), "why"),)),
    )
    found = [
        (ref.id, attack.root.link is Link.SUPPORT, attack.on is not None and attack.on.attack)
        for ref, attack in attacks(amap)
    ]
    assert found == [
        ("a", True, False), ("b", True, False), ("u", True, True),
        ("a", False, False), ("b", False, False), ("a", False, False), ("b", False, False),
        ("u", False, True), ("v", False, True),
    ]  # fmt: skip
    assert [d for d in check(amap, "m.yaml") if d.code.startswith(("AM1", "AM201"))] == []


def test_shape_errors_in_objections() -> None:
    _, diagnostics = read("    objections:\n      - claim: a\n")
    assert diagnostics == [("18:9", "AM009"), ("18:9", "AM011")]
    _, diagnostics = read("    objections:\n      - claims: a\n        objections: [[u]]\n")
    assert diagnostics == [("19:22", "AM010")]
    _, diagnostics = read("    objections: [[a, b]]\n")  # a linked attack is written in full
    assert diagnostics == [("17:18", "AM010")]


def test_consistency_checks_reach_into_objections() -> None:
    assert findings("    objections:\n      - claims: [a, x]\n") == [("18:21", "AM103")]
    assert findings("    objections:\n      - claims: [a, a]\n") == [("18:21", "AM112")]
    assert findings("    objections:\n      - claims: a\n        objections: [c]\n") == [
        ("19:22", "AM104")
    ]
    # a reason of c attacking c (AM107); undercutting an attack on c is no such clash
    assert findings("    objections:\n      - claims: [a, v]\n") == [("18:21", "AM107")]
    assert findings("    objections:\n      - claims: a\n        objections: [v]\n") == []


def test_connected_through_objections_only() -> None:
    tail = "    objections:\n      - claims: a\n        objections: [u, b]\n"
    assert findings(tail, "AM201") == []


def test_drawn_with_junctions() -> None:
    amap, _ = read("        objections:\n          - claims: [a, b]\n            objections: [u]\n")
    assert amap is not None
    dot = to_dot(amap, legend=False)
    # The linked objection is undercut: a bar, where a and b meet and u lands apart.
    assert re.search(r'"reason--c--1--1" \[label=<.*?> class="objection linked bar"', dot)
    assert 'a -> "reason--c--1--1":s:s [arrowhead=none' in dot
    assert '"reason--c--1--1":s:n -> "reason--c--1":u1:s [arrowhead=tee' in dot
    assert 'u -> "reason--c--1--1":u1:s [arrowhead=tee' in dot
