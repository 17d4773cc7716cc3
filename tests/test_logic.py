"""The keys contradicts, implicit and source ignore, and the checks of argmap.logic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.analysis.summary import theses
from argmap.api import check_bytes
from argmap.read.loader import load

HEAD = "argmap: 1\ntitle: t\n"


def found(text: str, path: Path | None = None) -> list[tuple[str, str]]:
    name = str(path / "m.yaml") if path else "m.yaml"
    return [(str(d.span), d.code) for d in check_bytes(text.encode(), name).diagnostics]


def message(text: str, code: str) -> str:
    (hit,) = [d for d in check_bytes(text.encode(), "m.yaml").diagnostics if d.code == code]
    return hit.message


# --- the format ---------------------------------------------------------------------------


def test_contradicts_implicit_and_ignore_are_read_with_their_places() -> None:
    text = HEAD + (
        "source:\n  path: s.txt\n  ignore: ['Photo: *', Share this]\n"
        "premises:\n"
        "  - id: a\n    text: A\n    implicit: true\n    contradicts: b\n"
        "  - id: b\n    text: B\n    implicit: false\n    contradicts: [a]\n"
    )
    amap, diagnostics = load(text.encode(), "m.yaml")
    assert diagnostics == [] and amap is not None
    a, b = amap.claims
    assert (a.implicit, b.implicit) == (True, False)
    assert [r.id for r in a.contradicts] == ["b"] and [r.id for r in b.contradicts] == ["a"]
    assert str(a.contradicts[0].span) == "10:18"
    assert str(a.where("implicit")) == "9:15"
    assert amap.source is not None and amap.source.ignore == ("Photo: *", "Share this")


@pytest.mark.parametrize("value", ["yes", "True", "1", "'on'", "[true]"])
def test_implicit_is_true_or_false_only(value: str) -> None:
    text = HEAD + f"premises:\n  - id: a\n    text: A\n    implicit: {value}\n"
    assert found(text) == [("6:15", "AM010")]


def test_contradiction_references_are_checked_like_others() -> None:
    text = HEAD + (
        "premises:\n  - id: a\n    text: A\n    contradicts: [aa, a, b, b]\n"
        "  - id: b\n    text: B\n"
    )
    assert found(text) == [("6:19", "AM103"), ("6:23", "AM104"), ("6:29", "AM112")]


def test_a_claim_linked_only_by_a_contradiction_is_connected() -> None:
    text = HEAD + "premises:\n  - id: a\n    text: A\n    contradicts: b\n  - id: b\n    text: B\n"
    assert [code for _, code in found(text)] == ["AM114"]


# --- AM114 and AM107: contradictions -----------------------------------------------------


def test_two_contradicting_claims_that_both_stand_are_an_error() -> None:
    text = HEAD + "premises:\n  - id: a\n    text: A\n  - id: b\n    text: B\n    contradicts: a\n"
    assert found(text) == [("8:18", "AM114")]
    assert "'b' and 'a' contradict each other" in message(text, "AM114")


def test_the_contradiction_message_says_what_to_write_and_that_settles_it() -> None:
    text = HEAD + "premises:\n  - id: a\n    text: A\n  - id: b\n    text: B\n    contradicts: a\n"
    said = message(text, "AM114")
    assert "`objections: [why-not-b]` under 'b', and a premise with the id 'why-not-b'" in said
    settled = text + "    objections: [why-not-b]\n  - id: why-not-b\n    text: Why not B.\n"
    assert found(settled) == []  # as the message says, the contradiction is settled


def test_a_contradiction_settled_by_an_objection_is_fine() -> None:
    text = HEAD + (
        "premises:\n  - id: a\n    text: A\n    objections: [x]\n"
        "  - id: b\n    text: B\n    contradicts: a\n  - id: x\n    text: X\n"
    )
    assert found(text) == []


def test_a_contradiction_declared_on_both_sides_is_reported_once() -> None:
    text = HEAD + (
        "premises:\n  - id: a\n    text: A\n    contradicts: b\n"
        "  - id: b\n    text: B\n    contradicts: a\n"
    )
    assert found(text) == [("6:18", "AM114")]


def test_contradicting_a_claim_one_supports_is_support_and_attack() -> None:
    text = HEAD + (
        "premises:\n  - id: p\n    text: P\n    contradicts: c\n"
        "conclusions:\n  - id: c\n    text: C\n    reasons: [p]\n"
    )
    assert found(text) == [("6:18", "AM107")]


# --- AM202 and AM203: what does not stand -------------------------------------------------


def test_a_defeated_recommendation_is_warned_about_naming_its_defeaters() -> None:
    text = HEAD + (
        "premises:\n  - id: p\n    text: P\n  - id: q\n    text: Q\n    objections: [r]\n"
        "  - id: r\n    text: R\n"
        "recommendations:\n  - id: do\n    text: Do.\n    reasons: [[p, q]]\n"
    )
    assert found(text) == [("12:9", "AM202"), ("14:19", "AM203")]
    assert message(text, "AM202").startswith(
        "recommendation 'do' does not stand: defeated by 'r'; its only reason fails: 'q' is "
        "defeated. 'q' is defeated: rebutted by 'r', which stands"
    )


def test_an_undecided_main_conclusion_is_warned_about() -> None:
    text = HEAD + (
        "premises:\n  - id: p\n    text: P\n    objections: [q]\n"
        "  - id: q\n    text: Q\n    objections: [p]\n"
        "conclusions:\n  - id: c\n    text: C\n    reasons: [p]\n"
    )
    assert found(text) == [("11:9", "AM202")]
    assert "undecided by 'q', 'p'" in message(text, "AM202")


def test_objections_and_intermediate_conclusions_are_not_theses() -> None:
    text = HEAD + (
        "premises:\n  - id: p\n    text: P\n  - id: x\n    text: X\n"
        "conclusions:\n"
        "  - id: mid\n    text: M\n    reasons: [p]\n"
        "  - id: top\n    text: T\n    reasons: [mid]\n"
        "  - id: counter\n    text: K\n    reasons: [x]\n    objections: [p]\n"
        "recommendations:\n  - id: do\n    text: D\n    reasons: [p]\n    objections: [counter]\n"
    )
    amap, _ = load(text.encode(), "m.yaml")
    assert amap is not None
    assert [claim.id for claim in theses(amap)] == ["top", "do"]
    assert found(text) == []  # counter is defeated, and that is the text's point


def test_a_reason_resting_on_a_defeated_claim_is_warned_about() -> None:
    text = HEAD + (
        "premises:\n  - id: p\n    text: P\n    objections: [r]\n  - id: r\n    text: R\n"
        "  - id: s\n    text: S\n"
        "conclusions:\n  - id: c\n    text: C\n    reasons: [p, s]\n"
    )
    assert found(text) == [("14:15", "AM203")]
    assert message(text, "AM203") == (
        "a reason of 'c' rests on 'p', which is defeated: rebutted by 'r', which stands"
    )


def test_a_claim_defeated_through_its_reasons_is_explained_in_a_sentence() -> None:
    text = HEAD + (
        "premises:\n  - id: p\n    text: P\n    objections: [r]\n  - id: r\n    text: R\n"
        "conclusions:\n  - id: q\n    text: Q\n    reasons: [p]\n"
        "  - id: c\n    text: C\n    reasons: [q]\n"
    )
    diagnostics = check_bytes(text.encode(), "m.yaml").diagnostics
    warned = [d.message for d in diagnostics if d.code == "AM203"]
    assert warned == [
        "a reason of 'q' rests on 'p', which is defeated: rebutted by 'r', which stands",
        "a reason of 'c' rests on 'q', which is defeated: its only reason fails: 'p' is defeated",
    ]


def test_evaluation_checks_wait_for_sound_references() -> None:
    text = HEAD + (
        "premises:\n  - id: p\n    text: P\n    objections: [r, nobody]\n  - id: r\n    text: R\n"
        "recommendations:\n  - id: do\n    text: D\n    reasons: [p]\n"
    )
    assert [code for _, code in found(text)] == ["AM103"]


# --- AM115 and AM204: implicit claims and quotes -------------------------------------------


def test_quotes_ground_claims_unless_they_are_implicit(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("The cat sat on the mat.\n", encoding="utf-8")
    text = HEAD + (
        "source:\n  path: s.txt\npremises:\n"
        "  - id: quoted\n    text: Q\n    quotes: The cat sat\n"
        "  - id: reconstructed\n    text: R\n    implicit: true\n"
        "  - id: bare\n    text: B\n"
        "  - id: both\n    text: Both\n    implicit: true\n    quotes: on the mat\n"
        "conclusions:\n  - id: c\n    text: C\n    reasons: [quoted, reconstructed, bare, both]\n"
        "    implicit: true\n"
    )
    assert found(text, tmp_path) == [("12:9", "AM204"), ("16:15", "AM115")]


def test_an_unquoted_objection_of_ones_own_is_told_how_to_keep_it(tmp_path: Path) -> None:
    """A fact-checker maps an op-ed and adds her own objections, which the text does not make:
    AM204 told her to mark them 'implicit: true' (what the text takes for granted, drawn as an
    IMPLICIT PREMISE of the op-ed's). A claim that only attacks is told the way to keep it as
    her own; a claim that supports is told as before."""
    (tmp_path / "s.txt").write_text("The cat sat on the mat. So it is warm.\n", encoding="utf-8")
    text = HEAD + (
        "source:\n  path: s.txt\npremises:\n"
        "  - id: sat\n    text: S\n    quotes: The cat sat on the mat.\n"
        "  - id: mine\n    text: M\n"
        "  - id: helper\n    text: H\n"
        "conclusions:\n  - id: warm\n    text: W\n    quotes: So it is warm.\n"
        "    reasons:\n      - claims: [sat, helper]\n        objections: [mine]\n"
    )
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    told = {d.span.line: d.message for d in check_bytes(text.encode(), str(tmp_path / "m.yaml"))
            .diagnostics if d.code == "AM204"}  # fmt: skip
    assert told == {
        9: "premise 'mine' has no quotes; quote the passage it rests on, or mark it "
        "'implicit: true' if the text takes it for granted; an objection of your own, which "
        "the text does not make, is kept by '# argmap: ignore[AM204]' at the end of this line, "
        "and 'role: opponent' says it is yours: drawn as the analyst's, and what it defeats is "
        "not warned of (AM203)",
        11: "premise 'helper' has no quotes; quote the passage it rests on, or mark it "
        "'implicit: true' if the text does not state it",
    }
    json_map = tmp_path / "m.json"
    json_map.write_text(
        '{"argmap": 1, "title": "t", "source": {"path": "s.txt"}, "premises": ['
        '{"id": "sat", "text": "S", "quotes": "The cat sat on the mat."}, '
        '{"id": "mine", "text": "M"}], "conclusions": [{"id": "warm", "text": "W", '
        '"reasons": [{"claims": "sat", "objections": ["mine"]}], "quotes": "So it is warm."}]}',
        encoding="utf-8",
    )
    checked = check_bytes(json_map.read_bytes(), str(json_map))
    (hit,) = [d for d in checked.diagnostics if d.code == "AM204"]
    assert hit.message.endswith(
        "'\"implicit\": true' if the text takes it for granted; an objection of your own, which "
        'the text does not make, is kept by ignore = ["AM204"] under [tool.argmap] in the '
        'project\'s pyproject.toml (a JSON map has no comments), and \'"role": "opponent"\' '
        "says it is yours: drawn as the analyst's, and what it defeats is not warned of (AM203)"
    )
    # Marked so already: told only how to keep it.
    marked = text.replace(
        "  - id: mine\n    text: M\n", "  - id: mine\n    text: M\n    role: opponent\n"
    )
    (hit,) = [d for d in check_bytes(marked.encode(), str(tmp_path / "m.yaml")).diagnostics
              if d.code == "AM204" and d.span.line == 9]  # fmt: skip
    assert hit.message.endswith("is kept by '# argmap: ignore[AM204]' at the end of this line")


def test_without_a_readable_source_quotes_are_not_asked_for(tmp_path: Path) -> None:
    bare = "premises:\n  - id: p\n    text: P\n"
    assert found(HEAD + bare) == []
    assert found(HEAD + "source:\n  path: absent.txt\n" + bare, tmp_path) == [("4:9", "AM109")]


# --- AM203 and the other side's objections (role: opponent) -------------------------------

#: A fact-check: the op-ed's reasons, and the fact desk's objections (role: opponent).
FACT_CHECK = HEAD + (
    "premises:\n"
    "  - id: footfall\n    text: F\n    objections: [fc-counters]\n"
    "  - id: vacancy\n    text: V\n    objections: [fc-register]\n"
    "  - id: fc-counters\n    text: C\n    role: opponent\n"
    "  - id: fc-register\n    text: R\n    role: opponent\n"
    "conclusions:\n  - id: killing\n    text: K\n    reasons: [footfall, vacancy]\n"
    "recommendations:\n  - id: scrap\n    text: S\n    reasons: [killing]\n"
)


def _sourced(text: str, folder: Path) -> str:
    """``text`` quoting a source, as a fact-check does: the op-ed's claims quote it, the fact
    desk's (no quotes, ``role: opponent``) are the analyst's own."""
    (folder / "s.txt").write_text("F. V. K. S. Q.\n", encoding="utf-8")
    text = text.replace("title: t\n", "title: t\nsource:\n  path: s.txt\n")
    for letter in "FVKSQ":
        text = text.replace(f"    text: {letter}\n", f"    text: {letter}\n    quotes: {letter}.\n")
    keep = r"\1  # argmap: ignore[AM204]\n\2"  # the fact desk's own, kept as AM204 says
    return re.sub(r"(  - id: [\w-]+)\n(    text: [CR]\n)", keep, text)


def codes(text: str, folder: Path) -> list[str]:
    return [code for _, code in found(text, folder)]


def test_reasons_the_analysts_own_objections_defeat_are_her_point_not_a_warning(
    tmp_path: Path,
) -> None:
    # Before: AM203 on footfall, vacancy and killing, on every check and render.
    assert codes(_sourced(FACT_CHECK, tmp_path), tmp_path) == ["AM202"]  # the verdict, once


def test_a_defeat_the_text_makes_itself_is_still_warned_beside_the_analysts(
    tmp_path: Path,
) -> None:
    # The op-ed raises an objection (quoted, no role) and the analyst left out its answer.
    text = FACT_CHECK.replace(
        "  - id: fc-counters", "  - id: critics\n    text: Q\n  - id: fc-counters"
    ).replace("objections: [fc-register]", "objections: [fc-register, critics]")
    assert codes(_sourced(text, tmp_path), tmp_path) == ["AM203", "AM202"]
    hit = [d for d in check_bytes(_sourced(text, tmp_path).encode(), str(tmp_path / "m.yaml"))
           .diagnostics if d.code == "AM203"]  # fmt: skip
    assert hit[0].message.startswith("a reason of 'killing' rests on 'vacancy'")


def test_the_opponents_objections_the_text_states_are_weighed_as_before(tmp_path: Path) -> None:
    """A debate's opposition, or the objections a text raises (a microtext's opponent), quote
    the text: what they defeat is warned of, as before, though they are of ``role:
    opponent``; and so in a map without a source, where no claim is known to be the
    analyst's own. The microtext corpus lost 4 maps' warnings when every claim of the role
    was left out of AM203's weighing."""
    quoted = _sourced(FACT_CHECK.replace("    text: C\n", "    text: Q\n"), tmp_path)
    hits = check_bytes(quoted.encode(), str(tmp_path / "m.yaml")).diagnostics
    # footfall falls to the text's objection: warned; vacancy to the analyst's own: her point
    assert [d.message[:41] for d in hits if d.code == "AM203"] == [
        "a reason of 'killing' rests on 'footfall'"
    ]
    assert [code for _, code in found(FACT_CHECK)] == ["AM203", "AM203", "AM202", "AM203"]


def test_without_roles_every_reason_on_a_defeated_claim_is_warned_as_before() -> None:
    codes = [code for _, code in found(FACT_CHECK.replace("    role: opponent\n", ""))]
    assert codes == ["AM203", "AM203", "AM202", "AM203"]


def test_a_defeat_by_an_unmarked_objection_of_ones_own_says_how_to_mark_it(tmp_path: Path) -> None:
    """The fact desk's objections without the role (their AM204 silenced, as it told her
    before): each reason they bring down is warned of, and says what would mark them hers."""
    (tmp_path / "s.txt").write_text("F. V. K. S.\n", encoding="utf-8")
    own = "    text: C\n    role: opponent\n", "    text: R\n    role: opponent\n"
    text = FACT_CHECK.replace(own[0], "    text: C\n").replace(own[1], "    text: R\n")
    text = text.replace("title: t\n", "title: t\nsource:\n  path: s.txt\n").replace(
        "    text: F\n", "    text: F\n    quotes: F.\n"
    )
    checked = check_bytes(text.encode(), str(tmp_path / "m.yaml")).diagnostics
    told = {str(d.span): d.message for d in checked if d.code == "AM203"}
    assert told == {  # before: each as it is up to 'which stands' or 'is defeated'
        "20:15": "a reason of 'killing' rests on 'footfall', which is defeated: rebutted by "
        "'fc-counters', which stands; if 'fc-counters' is an objection of your own, "
        "'role: opponent' on it says so, and this is not warned of",
        "20:25": "a reason of 'killing' rests on 'vacancy', which is defeated: rebutted by "
        "'fc-register', which stands; if 'fc-register' is an objection of your own, "
        "'role: opponent' on it says so, and this is not warned of",
        "24:15": "a reason of 'scrap' rests on 'killing', which is defeated: none of its reasons "
        "holds: (1) 'footfall' is defeated; (2) 'vacancy' is defeated; if 'fc-counters' and "
        "'fc-register' are objections of your own, 'role: opponent' on them says so, and this "
        "is not warned of",
    }
    # A claim that supports is no objection of one's own: the text's, quotes yet to come.
    text = text.replace("reasons: [footfall, vacancy]", "reasons: [footfall, vacancy, fc-register]")
    checked = check_bytes(text.encode(), str(tmp_path / "m.yaml")).diagnostics
    told = {str(d.span): d.message for d in checked if d.code == "AM203"}
    assert told["20:25"].endswith("rebutted by 'fc-register', which stands")
