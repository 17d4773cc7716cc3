"""argmap.focus and ``render --focus``: the part of a map around a claim; big maps at full scale."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from argmap.analysis.focus import around, focus
from argmap.api import check_bytes, draw, render_map
from argmap.cli import main
from argmap.diagnostics import UsageError
from argmap.draw.graph import to_dot
from argmap.draw.options import DrawOptions, Fit
from argmap.draw.style import GRAPH_ATTRS
from argmap.model import ArgumentMap, Claim, Kind

# t ← c1 ← [p1 + p2] (linked, undercut by u) ; t ← c2 ← p3 ; x attacks t ; far ← c1 (far is 3 away)
MAP = """\
argmap: 1
title: Focus
premises:
  - {id: p1, text: P1}
  - {id: p2, text: P2}
  - {id: p3, text: P3}
  - {id: u, text: U}
  - {id: x, text: X}
  - {id: deep, text: Deep}
conclusions:
  - id: c1
    text: C1
    reasons:
      - claims: [p1, p2]
        objections: u
  - id: c2
    text: C2
    reasons: [p3]
  - id: mid
    text: Mid
    reasons: [deep]
recommendations:
  - id: t
    text: T
    objections: x
    reasons: [c1, c2]
  - id: far
    text: Far
    reasons: [mid, c1]
"""


@pytest.fixture
def amap():
    checked = check_bytes(MAP.encode(), "focus.yaml")
    assert checked.ok, checked.diagnostics
    return checked.map


def ids(amap) -> list[str]:
    return [claim.id for claim in amap.claims]


def test_around_counts_steps_both_ways(amap) -> None:
    assert around(amap, "t", 1) == {"t": 0, "c1": 1, "c2": 1, "x": 1}
    assert around(amap, "t", 2) == {
        **{"t": 0, "c1": 1, "c2": 1, "x": 1},
        **{"p1": 2, "p2": 2, "u": 2, "p3": 2, "far": 2},
    }
    assert around(amap, "deep", 0) == {"deep": 0}


def test_focus_keeps_file_order_and_says_what_part_it_is(amap) -> None:
    part = focus(amap, "c1", 1)
    assert ids(part) == ["p1", "p2", "u", "c1", "t", "far"]
    assert part.title == "Focus (around “C1”, 1 step)"
    assert focus(amap, "c1").title == "Focus (around “C1”, 2 steps)"


def test_a_part_is_titled_by_its_centres_label_or_first_words_not_its_id() -> None:
    # A teacher's handout read "(around 'full-ban', 1 step)": an id is for the map's author.
    long = Claim("ban", Kind.CONCLUSION, "Schools should ban phones in every classroom from "
                 "the first bell to the last, breaks included.")  # fmt: skip
    short = attrs.evolve(long, id="short", label="Ban phones at school")
    amap = ArgumentMap("Phones", (long, short))
    assert focus(amap, "ban", 0).title == (
        "Phones (around “Schools should ban phones in every classroom from…”, 0 steps)"
    )
    assert focus(amap, "short", 0).title == "Phones (around “Ban phones at school”, 0 steps)"


def test_a_linked_reason_is_shown_whole_or_not_at_all(amap) -> None:
    # p1 is one step from c1; p2 too, so the linked reason is whole at depth 1 around c1 ...
    by_id = {claim.id: claim for claim in focus(amap, "c1", 1).claims}
    assert [ref.id for ref in by_id["c1"].reasons[0].claims] == ["p1", "p2"]
    # ... but around p1 at depth 1, p2 (two steps away) is missing: c1 is drawn without it.
    by_id = {claim.id: claim for claim in focus(amap, "p1", 1).claims}
    assert set(by_id) == {"p1", "c1"}
    assert by_id["c1"].reasons == ()


def test_undercuts_and_rebuttals_outside_the_part_are_dropped(amap) -> None:
    by_id = {claim.id: claim for claim in focus(amap, "t", 1).claims}
    assert [r.claims[0].id for r in by_id["t"].reasons] == ["c1", "c2"]
    assert by_id["c1"].reasons == ()  # p1, p2 are two steps from t
    assert [ref.id for ref in by_id["t"].objections] == ["x"]
    far = {claim.id: claim for claim in focus(amap, "far", 1).claims}
    assert [r.claims[0].id for r in far["far"].reasons] == ["mid", "c1"]
    assert "t" not in far


def test_an_unknown_claim_is_a_usage_error_with_a_suggestion(amap) -> None:
    with pytest.raises(UsageError, match="no such claim; did you mean 'c1'"):
        focus(amap, "c11")
    with pytest.raises(UsageError, match="0 or more"):
        focus(amap, "c1", -1)


def test_the_focused_part_draws(amap) -> None:
    dot = render_map(focus(amap, "c2", 1), "dot").decode()
    assert re.findall(r'^\t"?([a-z0-9-]+)"? \[label=<', dot, re.M) == ["p3", "c2", "t"]


def test_render_focus_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(MAP, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        main, ["render", str(path), "--focus", "c2", "--depth", "1", "-o", "-", "-f", "dot"]
    )
    assert result.exit_code == 0, result.output
    assert re.findall(r'^\t"?([a-z0-9-]+)"? \[label=<', result.stdout, re.M) == ["p3", "c2", "t"]
    result = runner.invoke(main, ["render", str(path), "--focus", "nope"])
    assert result.exit_code == 2
    assert "cannot focus on 'nope'" in result.output
    assert not path.with_suffix(".svg").exists()


def test_depth_without_focus_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(MAP, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(path), "--depth", "1"])
    assert result.exit_code == 2
    assert "--depth counts steps from the claim --focus names; give --focus ID too" in (
        result.output
    )
    assert not path.with_suffix(".svg").exists()
    checked = check_bytes(MAP.encode(), str(path))
    assert checked.map is not None
    with pytest.raises(UsageError, match="give a focus too"):
        draw(checked.map, str(path), "svg", DrawOptions(depth=1))


def big_map(claims: int) -> str:
    """A map of about ``claims`` claims: a tree of conclusions over pairs of premises."""
    lines = ["argmap: 1", "title: Big", "premises:"]
    conclusions = claims // 3
    lines += [
        f"  - {{id: p{n}, text: Premise number {n} of a long map.}}" for n in range(2 * conclusions)
    ]
    lines.append("conclusions:")
    for n in range(conclusions):
        reasons = [f"[p{2 * n}, p{2 * n + 1}]"] + ([f"c{n // 4}"] if n >= 4 and n % 4 else [])
        lines += [f"  - id: c{n}", f"    text: Conclusion {n} of the map.", "    reasons:"]
        lines += [f"      - {reason}" for reason in reasons]
    return "\n".join(lines) + "\n"


def test_a_big_map_is_drawn_at_full_scale() -> None:
    """No page size shrinks it: Graphviz draws at scale 1 and the SVG keeps that size."""
    checked = check_bytes(big_map(150).encode(), "big.yaml")
    assert checked.ok, checked.diagnostics[:3]
    assert not {"size", "ratio", "page", "viewport"} & set(GRAPH_ATTRS)
    assert not re.search(r"^\t(graph \[.*\b)?(size|ratio|page)=", to_dot(checked.map), re.M)
    svg = render_map(checked.map, "svg").decode()
    assert 'transform="scale(1 1) ' in svg
    root = re.search(r"<svg [^>]*>", svg).group()  # type: ignore[union-attr]
    width = float(re.search(r' width="([\d.]+)pt"', root).group(1))  # type: ignore[union-attr]
    box = re.search(r' viewBox="0 0 ([\d.]+) ', root).group(1)  # type: ignore[union-attr]
    assert width == float(box) > 2000  # 1 point per unit, and wide: nothing was shrunk


def test_big_maps_keep_their_legend_in_the_heading() -> None:
    """A legend drawn as a part of the graph made Graphviz's layout of a 1,000-claim map three
    times slower; in the graph's label (the heading) it is no node and costs the layout
    nothing, so big maps keep it."""
    big = check_bytes(big_map(450).encode(), "big.yaml").map
    assert big is not None
    dot = render_map(big, "dot").decode()
    assert "cluster" not in dot
    heading = re.search(r"label=<(.*?)>\s", dot, re.S)
    assert heading is not None and "supports" in heading.group(1)


def test_status_with_focus_shows_the_whole_maps_verdicts(amap) -> None:
    """x attacks t unanswered, so t is defeated; around c2 at depth 1 (p3, c2, t) x is not
    drawn, yet t is drawn defeated, saying by what, as in the whole map."""
    options = DrawOptions(status=True, focus="c2", depth=1)
    (dot,) = draw(amap, "focus.yaml", "dot", options)
    text = dot.decode()
    assert re.findall(r'^\t"?([a-z0-9-]+)"? \[label=<', text, re.M) == ["p3", "c2", "t"]
    assert 'class="claim recommendation defeated' in text
    # t's other reason (c1) and its objection (x) are outside the part, and x defeats it
    assert "1 reason and 1 objection outside this part; because of x" in text
    # the same part drawn on its own would have t stand: its only attacker is left out
    (alone,) = draw(focus(amap, "c2", 1), "focus.yaml", "dot", DrawOptions(status=True))
    assert 'class="claim recommendation defeated' not in alone.decode()
    assert "because of" not in alone.decode()


def test_render_status_with_focus_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(MAP, encoding="utf-8")
    runner = CliRunner()
    args = ["render", str(path), "--focus", "c2", "--depth", "1", "--status"]
    result = runner.invoke(main, [*args, "-o", "-", "-f", "svg"])
    assert result.exit_code == 0, result.output
    assert 'class="node claim recommendation defeated' in result.stdout
    assert "1 reason and 1 objection outside this part; because of x" in result.stdout
    result = runner.invoke(main, [*args, "-o", "-", "-f", "html"])
    assert result.exit_code == 0, result.output
    assert "1 reason and 1 objection outside this part; because of x" in result.stdout
    result = runner.invoke(main, ["render", str(tmp_path), *args[2:], "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output  # a folder: the batch drawing
    drawn = (tmp_path / "out" / "map.svg").read_text()
    assert "1 reason and 1 objection outside this part; because of x" in drawn


def test_a_claim_names_at_most_three_claims_outside_the_part() -> None:
    """Five unanswered objections defeat t; t alone (depth 0) names three and counts the
    rest, in a whole drawing and in fitted figures alike."""
    objections = [f"x{n}" for n in range(1, 6)]
    text = "argmap: 1\ntitle: Five\npremises:\n"
    text += "".join(f"  - {{id: {x}, text: {x.upper()}}}\n" for x in objections)
    text += "  - {id: p, text: P}\nconclusions:\n  - id: t\n    text: T\n    reasons: [p]\n"
    text += f"    objections: [{', '.join(objections)}]\n"
    checked = check_bytes(text.encode(), "five.yaml")
    assert checked.ok and checked.map is not None, checked.diagnostics
    note = "; because of x1, x2, x3 and 2 more"
    for fit in (None, Fit.parse("720")):
        options = DrawOptions(status=True, focus="t", depth=0, fit=fit)
        (drawn,) = draw(checked.map, "five.yaml", "svg", options)
        assert "1 reason and 5 objections outside this part" + note in drawn.decode()
    # around p, t and p are drawn but not the objections: t is defeated from outside
    (dot,) = draw(checked.map, "five.yaml", "dot", DrawOptions(status=True, focus="p", depth=1))
    assert "5 objections outside this part" + note in dot.decode()


# t (the one claim nothing builds on: the thesis, unmarked) ← c ← m ← p
CHAIN = """\
argmap: 1
title: Chain
premises:
  - {id: p, text: P}
conclusions:
  - {id: m, text: M, reasons: [p]}
  - {id: c, text: C, reasons: [m]}
recommendations:
  - {id: t, text: T, reasons: [c]}
"""


@pytest.mark.parametrize(
    ("text", "center", "thesis"),
    [
        (CHAIN, "m", None),  # the part's top is no thesis of the map: not called one
        (CHAIN, "c", "t"),  # the map's thesis, unmarked, in the part: still drawn as it
        (Path("maps/europe-central-asia.yaml").read_text(encoding="utf-8"),
         "continued-deference", None),
        (Path("maps/europe-central-asia.yaml").read_text(encoding="utf-8"),
         "diverse-alliances", "partnership-thesis"),
    ],
)  # fmt: skip
def test_only_the_maps_own_thesis_is_drawn_as_the_main_thesis(text, center, thesis) -> None:
    # A focused part around a claim far from the thesis called its own top "MAIN THESIS",
    # which a reader of the published figure took for the article's thesis.
    checked = check_bytes(text.encode(), "maps/part.yaml")
    assert checked.ok, checked.diagnostics
    dot = render_map(focus(checked.map, center, 1), "dot").decode()
    marked = re.findall(r'^\t"?([a-z0-9-]+)"? \[label=<.*MAIN THESIS', dot, re.M)
    assert marked == ([thesis] if thesis else [])


def test_a_part_counts_what_each_claim_has_outside_it(amap) -> None:
    """Around c2 at depth 1, t's other reason (c1) and its objection (x) are left out, and c2
    keeps all it has: the part counts what it leaves out of each claim."""
    part = focus(amap, "c2", 1)
    assert part.outside == {"t": (1, 1)} and not part.whole and amap.whole
    assert focus(amap, "c1", 1).outside == {"t": (1, 1), "far": (1, 0)}  # u, on c1's step, is in


def test_a_claim_drawn_in_a_part_says_what_it_has_outside_it(amap) -> None:
    # A claim whose reasons were left out of a focused figure looked unsupported: the thesis
    # of a part around one of its linked reasons' claims floated with no line to it at all.
    for fit in (None, Fit.parse("720")):
        options = DrawOptions(focus="c2", depth=1, fit=fit)
        (drawn,) = draw(amap, "focus.yaml", "svg", options)
        assert drawn.decode().count("outside this part") == 1
        assert "1 reason and 1 objection outside this part" in drawn.decode()
    (whole,) = draw(amap, "focus.yaml", "svg", DrawOptions())
    assert "outside this part" not in whole.decode()


def test_render_map_draws_a_part_with_the_whole_maps_verdicts(amap) -> None:
    """The Python API's one-drawing call takes the evaluation as render_figures does: a
    notebook user drawing a part with ``status=True`` sees t defeated, as the whole map has it."""
    from argmap.analysis.evaluate import evaluate

    part = focus(amap, "c2", 1)
    shown = evaluate(amap).within(claim.id for claim in part.claims)
    dot = render_map(part, "dot", status=True, evaluation=shown).decode()
    assert 'class="claim recommendation defeated' in dot
    alone = render_map(part, "dot", status=True).decode()
    assert 'class="claim recommendation defeated' not in alone
