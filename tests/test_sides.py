"""argmap.analysis.sides and ``render --side``: a debate's handout for one side, its case and
the other side's claims that clash with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.analysis.sides import side
from argmap.api import check_bytes, draw, render_map
from argmap.cli import main
from argmap.diagnostics import UsageError
from argmap.draw.options import DrawOptions, Fit

# The proponent: t ← c ← p1 and t ← p2; a1 answers o1; r3 (no role: the proponent's) undercuts
# o3's undercut. The opponent: o1 (from o2) rebuts t; o3 undercuts the step p1 → c; oc ← o4 is
# a case of its own that touches nothing of the proponent's.
MAP = """\
argmap: 1
title: Debate
premises:
  - {id: p1, text: P1, role: proponent}
  - {id: p2, text: P2, role: proponent}
  - {id: a1, text: A1, role: proponent}
  - {id: o2, text: O2, role: opponent}
  - {id: o3, text: O3, role: opponent}
  - {id: r3, text: R3}
  - {id: o4, text: O4, role: opponent}
conclusions:
  - id: c
    text: C
    role: proponent
    reasons:
      - claims: p1
        objections:
          - claims: o3
            objections: r3
  - id: o1
    text: O1
    role: opponent
    reasons: [o2]
    objections: a1
  - id: oc
    text: OC
    role: opponent
    reasons: [o4]
recommendations:
  - id: t
    text: T
    thesis: true
    role: proponent
    reasons: [c, p2]
    objections: o1
"""


def checked(text: str = MAP):
    found = check_bytes(text.encode(), "debate.yaml")
    assert found.ok, found.diagnostics
    return found.map


def ids(amap) -> list[str]:
    return [claim.id for claim in amap.claims]


def drawn_ids(dot: str) -> list[str]:
    return re.findall(r'^\t"?([a-z0-9-]+)"? \[label=<', dot, re.M)


def test_the_proponents_handout_is_its_case_and_the_attacks_on_it() -> None:
    """Every claim of the side (r3, without a role, is the proponent's), and of the other side
    only those that attack it (o1, o3): o2, o4 and oc, the opponent's own case, are left out."""
    part = side(checked(), "proponent")
    assert ids(part) == ["p1", "p2", "a1", "o3", "r3", "c", "o1", "t"]
    assert part.title == "Debate (the proponent's side, and the opponent's claims it clashes with)"
    assert part.outside == {"o1": (1, 0)}  # o1 has its reason o2 outside the handout


def test_the_opponents_handout_shows_what_it_attacks_and_what_answers_it() -> None:
    """What the opponent attacks (t; the step p1 → c, so p1 and c) and what attacks it (a1,
    r3) are drawn, the proponent's case beyond them (p2) is not."""
    part = side(checked(), "opponent")
    assert ids(part) == ["p1", "a1", "o2", "o3", "r3", "o4", "c", "o1", "oc", "t"]
    assert part.title == "Debate (the opponent's side, and the proponent's claims it clashes with)"
    assert part.outside == {"t": (1, 0)}
    by_id = {claim.id: claim for claim in part.claims}
    assert by_id["t"].thesis  # the motion the opponent attacks stays on top
    (step,) = by_id["c"].reasons
    assert [ref.id for ref in step.objections[0].objections] == ["r3"]


def test_a_contradiction_is_a_clash_either_way() -> None:
    """o1 contradicts p2 (o1 is defeated, so the contradiction is settled): p2 is in the
    opponent's handout, whichever of the two declares it."""
    assert "p2" not in ids(side(checked(), "opponent"))
    on_o1 = MAP.replace("    reasons: [o2]\n", "    reasons: [o2]\n    contradicts: p2\n")
    on_p2 = MAP.replace("{id: p2, text: P2, role: proponent}",
                        "{id: p2, text: P2, role: proponent, contradicts: o1}")  # fmt: skip
    for text in (on_o1, on_p2):
        assert "p2" in ids(side(checked(text), "opponent"))


def test_a_map_without_roles_has_no_sides() -> None:
    text = re.sub(r",? ?role: \w+\n?", lambda m: "\n" if m.group().endswith("\n") else "", MAP)
    text = re.sub(r"\n    \n", "\n", text)
    amap = checked(text)
    assert all(claim.role is None for claim in amap.claims)
    with pytest.raises(UsageError) as raised:
        side(amap, "opponent")
    assert str(raised.value) == (
        "cannot draw the opponent's side: no claim of the map has a role; give the claims of "
        "each side role: proponent or role: opponent (a claim without one is the proponent's)"
    )


def test_a_side_without_claims_is_refused() -> None:
    amap = checked(MAP.replace("role: opponent", "role: proponent"))
    with pytest.raises(UsageError, match="no claim of the map has role: opponent"):
        side(amap, "opponent")


def test_an_unknown_side_is_refused_naming_both() -> None:
    with pytest.raises(UsageError, match="a side is proponent or opponent, not 'oponent'"):
        side(checked(), "oponent")
    with pytest.raises(UsageError) as refused:
        side(checked(), "Government")
    assert str(refused.value) == (
        "a side is proponent or opponent, not 'Government'; a debate's government is the "
        "proponent (the side for the map's thesis)"
    )


def test_draw_takes_a_side_and_refuses_it_with_a_focus() -> None:
    amap = checked()
    for fit in (None, Fit.parse("720")):
        (dot,) = draw(amap, "debate.yaml", "dot", DrawOptions(side="opponent", fit=fit))
        assert "p2" not in drawn_ids(dot.decode()) and "oc" in drawn_ids(dot.decode())
    (svg,) = draw(amap, "debate.yaml", "svg", DrawOptions(side="proponent"))
    assert "1 reason outside this part" in svg.decode()
    with pytest.raises(UsageError, match="give one of side and focus"):
        draw(amap, "debate.yaml", "svg", DrawOptions(side="proponent", focus="t"))


def test_status_with_a_side_shows_the_whole_maps_verdicts() -> None:
    """Without r3, o3's undercut defeats c; t stands all the same on p2, which the opponent's
    handout leaves out. Drawn alone, that handout would show t defeated; it shows the whole
    map's verdict."""
    amap = checked(MAP.replace("\n            objections: r3", ""))
    options = DrawOptions(side="opponent", status=True)
    (dot,) = draw(amap, "debate.yaml", "dot", options)
    assert re.search(r'class="claim conclusion proponent defeated" .*id=c ', dot.decode())
    assert re.search(r'class="claim recommendation proponent stands thesis" .*id=t ', dot.decode())
    alone = render_map(side(amap, "opponent"), "dot", status=True).decode()
    assert re.search(r'class="claim recommendation proponent defeated thesis" .*id=t ', alone)


def test_a_side_keeps_the_batch_records_of_other_drawings() -> None:
    assert "side" not in DrawOptions().key()
    assert DrawOptions(side="opponent").key()["side"] == "opponent"


def write(tmp_path: Path, text: str = MAP) -> Path:
    path = tmp_path / "debate.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_render_side_on_the_command_line(tmp_path: Path) -> None:
    path = write(tmp_path)
    runner = CliRunner()
    for given, expected, left_out in (
        ("opponent", "opponent", "p2"),
        ("Proponent", "proponent", "oc"),
    ):
        result = runner.invoke(main, ["render", str(path), "--side", given, "-o", "-", "-f", "dot"])
        assert result.exit_code == 0, result.output
        drawn = [name for name in drawn_ids(result.stdout) if "--" not in name]  # no junctions
        assert sorted(drawn) == sorted(ids(side(checked(), expected)))
        assert left_out not in drawn


def test_render_side_refuses_an_unknown_side_and_a_focus(tmp_path: Path) -> None:
    path = write(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["render", str(path), "--side", "opposition"])
    assert result.exit_code == 2
    assert (
        "Invalid value for '--side': 'opposition' is not one of 'proponent', 'opponent'; a "
        "debate's opposition is the opponent (the side against the map's thesis): --side "
        "opponent\n"
    ) in result.output
    result = runner.invoke(main, ["render", str(path), "--side", "judge"])
    assert "'judge' is not one of 'proponent', 'opponent'.\n" in result.output
    result = runner.invoke(main, ["render", str(path), "--side", "opponent", "--focus", "t"])
    assert result.exit_code == 2
    assert "--side and --focus each draw a part of the map; give one of them" in result.output
    assert not path.with_suffix(".svg").exists()


def test_render_side_of_a_map_without_roles_says_how_to_add_them(tmp_path: Path) -> None:
    path = write(tmp_path, "argmap: 1\ntitle: T\npremises:\n  - {id: a, text: A}\n")
    result = CliRunner().invoke(main, ["render", str(path), "--side", "proponent"])
    assert result.exit_code == 2
    assert result.output == (
        f"argmap: error: {path}: cannot draw the proponent's side: no claim of the map has a "
        "role; give the claims of each side role: proponent or role: opponent (a claim without "
        "one is the proponent's)\n"
    )
    assert not path.with_suffix(".svg").exists()


def test_a_markdown_block_draws_a_side(tmp_path: Path) -> None:
    """``side=`` on an argmap block, as every drawing option, reaches the drawing: the
    opponent's handout has no p2, and an unknown side stops the build naming both."""
    markdown = pytest.importorskip("markdown")
    from argmap.markdown import MapBlockError

    write(tmp_path)
    config = {"argmap.markdown": {"base_path": str(tmp_path)}}

    def convert(options: str) -> str:
        page = f"```argmap file=debate.yaml fit=none {options}\n```"
        return markdown.markdown(page, extensions=["argmap.markdown"], extension_configs=config)

    assert 'id="p2"' in convert("") and 'id="p2"' not in convert("side=opponent")
    assert 'id="oc"' in convert("side=opponent")
    with pytest.raises(MapBlockError, match="a side is proponent or opponent, not 'opposition'"):
        convert("side=opposition")


def test_a_side_is_handed_out_on_printed_pages(tmp_path: Path) -> None:
    """--side with --page a4: one PDF of the side's handout."""
    path = write(tmp_path)
    out = tmp_path / "opposition.pdf"
    result = CliRunner().invoke(
        main, ["render", str(path), "--side", "opponent", "--page", "a4", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF") and b"opponent's side" in out.read_bytes()


def test_a_folder_drawn_for_a_side_names_the_map_without_roles(tmp_path: Path) -> None:
    write(tmp_path)
    plain = tmp_path / "plain.yaml"
    plain.write_text("argmap: 1\ntitle: T\npremises:\n  - {id: a, text: A}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["render", str(tmp_path), "--side", "opponent", "-o", str(out)]
    )
    assert result.exit_code == 2
    assert f"argmap: error: {plain}: cannot draw the opponent's side: no claim" in result.output
    assert sorted(path.name for path in out.iterdir() if path.suffix == ".svg") == ["debate.svg"]


def test_a_side_is_named_in_any_case_in_python_and_markdown_too() -> None:
    """The command line takes --side Opponent; DrawOptions (Python, a Markdown block's
    side=) takes it as well, as the same side."""
    assert DrawOptions(side="Opponent") == DrawOptions(side="opponent")
    assert DrawOptions(side="PROPONENT").side == "proponent"
