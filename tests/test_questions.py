"""argmap questions: the critical questions of each reason's argumentation scheme, under the
objections the map already raises; schemes known under any spelling, the corpus's included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.analysis.questions import questions
from argmap.analysis.schemes import SCHEMES, key, scheme_of
from argmap.api import check_bytes
from argmap.cli import main
from argmap.lsp import completion, hover
from argmap.lsp.passages import Sources

from .conftest import SHARED
from .docs_text import section
from .lsptools import apply, document

ARAUCARIA = SHARED / "corpora" / "araucaria-aif"


def _docs_example() -> tuple[str, str]:
    """The map and the output the docs show for it."""
    text = section("Critical questions")
    shown_map = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    shown_output = text.split("```text\n", 1)[1].split("```", 1)[0]
    return shown_map, shown_output


@pytest.mark.parametrize(
    "spelling",
    ["ExpertOpinion", "Expert Opinion", "expert opinion", "Argument from Expert Opinion",
     "argument-from-expert-opinion", "EXPERT_OPINION"],
)  # fmt: skip
def test_a_scheme_is_known_under_any_spelling(spelling: str) -> None:
    found = scheme_of(spelling)
    assert found is not None and found.name == "Expert Opinion"


@pytest.mark.parametrize(
    ("spelling", "name"),
    [("Appeal to Expert Opinion", "Expert Opinion"), ("Appeal to Authority", "Expert Opinion"),
     ("Argument from Authority", "Expert Opinion"), ("appeal to fear", "Fear Appeal"),
     ("Appeal to Popularity", "Popular Opinion"), ("Argument from an Exceptional Case",
     "Exceptional Case"), ("Argument from the Consequences", "Consequences"),
     ("Argument from a Rule", "Established Rule")],
)  # fmt: skip
def test_a_scheme_is_known_by_the_names_textbooks_give_it(spelling: str, name: str) -> None:
    # "Appeal to ..." as critical-thinking textbooks say, and Walton's names with their article
    found = scheme_of(spelling)
    assert found is not None and found.name == name


@pytest.mark.parametrize(
    ("spelling", "name", "asks"),
    [("Ad Hominem", "Ad Hominem", "bear on the question"),
     ("Slippery Slope", "Slippery Slope", "weakest"),
     ("Inference to the Best Explanation", "Best Explanation", "other explanations"),
     ("Abduction", "Best Explanation", "other explanations"),
     ("Argument from Bias", "Bias", "What shows that"),
     ("Correlation to Cause", "Correlation to Cause", "the other way round")],
)  # fmt: skip
def test_the_schemes_a_critical_thinking_class_meets_first_ask_their_questions(
    spelling: str, name: str, asks: str
) -> None:
    # personal attacks, slippery slopes, inferences to the best explanation, and whether a
    # correlation runs the other way: the first schemes a class is taught to question
    found = scheme_of(spelling)
    assert found is not None and found.name == name
    assert any(asks in question for question in found.questions), found.questions
    assert f"argmap knows {len(SCHEMES)} schemes" in " ".join(section("Critical questions").split())


def test_unknown_schemes_are_none_and_names_starting_like_a_prefix_are_kept() -> None:
    assert scheme_of("Gut feeling") is None
    assert key("Tobacco") == "tobacco" and key("Bystander") == "bystander"  # no "to", "by" cut


def test_every_name_and_alias_leads_to_one_scheme_only() -> None:
    names = [key(name) for scheme in SCHEMES for name in (scheme.name, *scheme.aliases)]
    assert len(names) == len(set(names))
    for scheme in SCHEMES:
        assert len(scheme.questions) >= 2
        assert all(question.endswith("?") for question in scheme.questions)


def test_the_docs_example_prints_what_the_docs_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown_map, shown_output = _docs_example()
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "vaccine.yaml").write_text(shown_map, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["questions", "maps/vaccine.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout == shown_output


def test_objections_to_the_step_and_to_each_claim_are_found() -> None:
    amap = check_bytes(_docs_example()[0].encode(), "m.yaml").map
    assert amap is not None
    found = questions(amap)
    expert, example, gut = found.asked
    assert (expert.against_step, expert.against_claims) == (("paid",), (("doctor", ()),))
    assert example.against_claims == (("trial", ("small",)), ("big", ()))
    assert gut.scheme is None and gut.name == "Gut feeling"
    assert (found.count, found.without) == (12, 0)


def test_questions_come_in_the_order_of_the_file(tmp_path: Path) -> None:
    # a worksheet follows the map as written: here the recommendation comes before the
    # conclusion, and its reasons are asked first
    text = (
        "argmap: 1\ntitle: Homework\n"
        "recommendations:\n  - id: drop\n    text: Schools should drop homework.\n"
        "    reasons:\n      - claims: hattie\n        scheme: Expert Opinion\n"
        "conclusions:\n  - id: no-gain\n    text: Homework brings no gain.\n"
        "    reasons:\n      - claims: finland\n        scheme: Analogy\n"
        "premises:\n  - id: hattie\n    text: Hattie found no effect.\n"
        "  - id: finland\n    text: Finland gives little homework.\n"
    )
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["questions", str(tmp_path / "m.yaml")])
    heads = [line.split(": ", 1)[1] for line in result.stdout.splitlines() if "reason of" in line]
    assert heads == [
        "reason of 'drop' (hattie), Expert Opinion:",
        "reason of 'no-gain' (finland), Analogy:",
    ]


def test_a_reasons_note_is_shown_with_its_questions(tmp_path: Path) -> None:
    # the help says a note may answer a question (why it does not arise): the worksheet shows it
    text = _docs_example()[0].replace(
        "        scheme: Example\n",
        "        scheme: Example\n        note: The trial is typical, with people of all ages.\n",
    )
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["questions", str(tmp_path / "m.yaml")])
    lines = result.stdout.splitlines()
    at = lines.index("  objections in the map: to the step, none; to trial, small; to big, none")
    assert lines[at + 1] == "  note: The trial is typical, with people of all ages."
    assert lines[at + 2].startswith("  1. Is the example true")


def test_a_map_without_schemes_is_told_how_to_name_one(seed_copy: Path) -> None:
    result = CliRunner().invoke(main, ["questions", str(seed_copy)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "0 reasons with a scheme; 27 without"
    assert "may name its scheme (scheme: Example)" in result.stdout


def test_the_catalogue_lists_every_scheme_and_no_map_is_a_usage_error() -> None:
    listed = CliRunner().invoke(main, ["questions", "--schemes"])
    assert listed.exit_code == 0
    assert all(f"\n{scheme.name}" in "\n" + listed.stdout for scheme in SCHEMES)
    alone = CliRunner().invoke(main, ["questions"])
    assert alone.exit_code == 2 and "give a map (FILE, DIR or -), or --schemes" in alone.output


def test_a_map_with_errors_is_asked_all_the_same_with_status_1(tmp_path: Path) -> None:
    broken = _docs_example()[0].replace("claims: friends", "claims: frends")
    (tmp_path / "m.yaml").write_text(broken, encoding="utf-8")
    result = CliRunner().invoke(main, ["questions", str(tmp_path / "m.yaml")])
    assert result.exit_code == 1
    assert "[AM103]" in result.stderr and "Expert Opinion:" in result.stdout


@pytest.mark.skipif(not ARAUCARIA.is_dir(), reason="AraucariaDB is not in ../shared/corpora")
def test_every_scheme_the_corpus_names_is_known_and_asked(tmp_path: Path) -> None:
    named = {}
    for path in sorted(ARAUCARIA.glob("*.json")):
        for node in json.loads(path.read_text(encoding="utf-8")).get("nodes", []):
            if node.get("type") == "RA" and node.get("scheme"):
                named.setdefault(node["scheme"], path)
    assert len(named) > 10
    assert [name for name in named if scheme_of(name) is None] == []
    # an imported graph keeps its schemes, and its questions are asked
    source = named["ExpertOpinion"]
    runner = CliRunner()
    imported = runner.invoke(main, ["import", "aif", str(source), "-o", str(tmp_path / "m.yaml")])
    assert imported.exit_code == 0, imported.output
    result = runner.invoke(main, ["questions", str(tmp_path / "m.yaml")])
    assert result.exit_code == 0 and ", Expert Opinion:\n" in result.stdout


# --- in the editor ----------------------------------------------------------------------------

EDITED = (
    "argmap: 1\ntitle: t\n"
    "premises:\n  - id: doctor\n    text: Dr Smith says it is safe.\n"
    "conclusions:\n  - id: safe\n    text: It is safe.\n    reasons:\n"
    "      - claims: doctor\n"
)


@pytest.mark.parametrize(
    ("line", "done"),
    [
        ("        scheme: Exp|\n", "        scheme: Expert Opinion\n"),
        ("        scheme: |\n", "        scheme: Expert Opinion\n"),
        ("        scheme:|\n", "        scheme: Expert Opinion\n"),  # the space is put in
        (
            "        scheme: Exp|ert  # who says so\n",
            "        scheme: Expert Opinion  # who says so\n",
        ),
    ],
)
def test_a_reasons_scheme_is_completed_with_its_questions(
    tmp_path: Path, line: str, done: str
) -> None:
    text = EDITED + line
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    result = completion.complete(doc, doc.position(text.index("|")), Sources())
    [item] = [i for i in result.items if i.label == "Expert Opinion"]
    typed = line.split("scheme:")[1].split("|")[0].strip()
    assert {i.label for i in result.items} >= {s.name for s in SCHEMES if s.name.startswith(typed)}
    assert "2. Field: is the person cited an expert in the field" in str(item.documentation)
    assert apply(doc, [item.text_edit]) == EDITED + done


@pytest.mark.parametrize(
    ("typed", "offered"),
    [("Argument from Ex", {"Expert Opinion", "Example", "Exceptional Case"}),
     ("Appeal to Au", {"Expert Opinion"}), ("authori", {"Expert Opinion"}),
     ("Inference to the Best", {"Best Explanation"})],
)  # fmt: skip
def test_a_scheme_typed_as_textbooks_name_it_is_completed(
    tmp_path: Path, typed: str, offered: set[str]
) -> None:
    # the editor filters what it is offered by what was typed, against each item's filter text
    text = EDITED + f"        scheme: {typed}|\n"
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    result = completion.complete(doc, doc.position(text.index("|")), Sources())
    shown = {
        item.label
        for item in result.items
        if (item.filter_text or item.label).lower().startswith(typed.lower())
    }
    assert shown == offered
    [item] = [i for i in result.items if i.label == sorted(offered)[-1]]
    assert apply(doc, [item.text_edit]) == EDITED + f"        scheme: {item.label}\n"


def test_the_docs_of_the_language_server_and_of_the_questions_say_what_the_editor_does() -> None:
    # the editor's side was documented nowhere: a reader of either page learns of it
    server = " ".join(section("The language server").split())
    assert "a reason's `scheme`" in server and "(evaluation.md#critical-questions)" in server
    asked = " ".join(section("Critical questions").split())
    assert "(editing.md#the-language-server)" in asked


@pytest.mark.parametrize(
    ("line", "label", "done"),
    [
        (
            "      - {claims: doctor, scheme: Exp|}\n",
            "Expert Opinion",
            "      - {claims: doctor, scheme: Expert Opinion}\n",
        ),
        (
            "      - {scheme: |, claims: doctor}\n",
            "Expert Opinion",
            "      - {scheme: Expert Opinion, claims: doctor}\n",
        ),
        ("      - {claims: do|}\n", "doctor", "      - {claims: doctor}\n"),
        (  # quotes hold commas, colons and braces; an apostrophe in a word opens no quote
            "      - {note: 'a, b: {c''s', claims: doctor, note: it's, scheme: Exp|}\n",
            "Expert Opinion",
            "      - {note: 'a, b: {c''s', claims: doctor, note: it's, scheme: Expert Opinion}\n",
        ),
        (
            "      - {claims: [do|], scheme: Example}\n",
            "doctor",
            "      - {claims: [doctor], scheme: Example}\n",
        ),
    ],
)
def test_a_reason_in_flow_style_is_completed_inside_its_braces(
    tmp_path: Path, line: str, label: str, done: str
) -> None:
    base = EDITED.rsplit("      - claims: doctor\n", 1)[0]
    text = base + line
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    result = completion.complete(doc, doc.position(text.index("|")), Sources())
    assert [apply(doc, [i.text_edit]) for i in result.items if i.label == label] == [base + done]
    assert "doctor" not in {i.label for i in result.items} or label == "doctor"


def test_nothing_is_offered_for_a_key_being_typed_in_braces(tmp_path: Path) -> None:
    text = EDITED.rsplit("      - claims: doctor\n", 1)[0] + "      - {claims: doctor, sch|}\n"
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    result = completion.complete(doc, doc.position(text.index("|")), Sources())
    # an id there replaced the whole of "{claims: doctor, sch" (the reason gone)
    assert [i.label for i in result.items] == []


@pytest.mark.parametrize("end", ["\r\n", "\r"])
@pytest.mark.parametrize(
    ("line", "label", "done"),
    [
        ("        scheme: Exp|\n", "Expert Opinion", "        scheme: Expert Opinion\n"),
        ("      - claims: do|\n", "doctor", "      - claims: doctor\n"),
    ],
)
def test_completion_works_whatever_the_line_ends(
    tmp_path: Path, end: str, line: str, label: str, done: str
) -> None:
    base = EDITED if "scheme" in line else EDITED.rsplit("      - claims: doctor\n", 1)[0]
    text = (base + line).replace("\n", end)
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    result = completion.complete(doc, doc.position(text.index("|")), Sources())
    [item] = [i for i in result.items if i.label == label]
    assert apply(doc, [item.text_edit]) == (base + done).replace("\n", end)


def test_a_schemes_questions_show_on_hover_and_a_claims_text_offers_no_schemes(
    tmp_path: Path,
) -> None:
    text = EDITED + "        scheme: ExpertOpinion\n"
    doc = document(text, tmp_path / "map.yaml")
    shown = hover.hover(doc, doc.position(text.index("ExpertOpinion") + 3))
    assert shown is not None
    assert "**Expert Opinion** · its critical questions" in shown.contents.value
    assert "6. Backup evidence" in shown.contents.value
    unknown = document(EDITED + "        scheme: Gut feeling\n", tmp_path / "other.yaml")
    assert hover.hover(unknown, unknown.position(len(unknown.body) - 4)) is None
    # a claim's text is no place for a scheme
    text = EDITED.replace("text: It is safe.", "text: It is |safe.")
    doc = document(text.replace("|", ""), tmp_path / "third.yaml")
    result = completion.complete(doc, doc.position(text.index("|")), Sources())
    assert not [i for i in result.items if i.label == "Expert Opinion"]


DEBATE = """\
argmap: 1
title: Ban cars from the centre
recommendations:
  - id: ban
    text: Ban private cars from the centre.
    reasons:
      - claims: health
        scheme: Consequences
  - id: reject
    text: Reject the ban.
    role: opponent
    reasons:
      - claims: poorest
        scheme: Negative Consequences
      - claims: adeyemi
        scheme: Position to Know
      - hamley
premises:
  - id: health
    text: Health would improve.
  - id: poorest
    text: A ban hits the poorest.
    role: opponent
  - id: adeyemi
    text: A community worker says the car is a single mother's only way to work.
    role: opponent
  - id: hamley
    text: Shops closed on Hamley Street.
    role: opponent
    objections: [exempt]
  - id: exempt
    text: The ban has exemptions.
"""


def test_side_asks_the_questions_of_one_sides_case(tmp_path: Path) -> None:
    """A debate coach preparing the proposition's rebuttals asks the opposition's reasons,
    and only those: --side opponent; the last line counts that side's reasons."""
    path = tmp_path / "debate.yaml"
    path.write_text(DEBATE, encoding="utf-8")
    result = CliRunner().invoke(main, ["questions", str(path), "--side", "Opponent"])
    assert result.exit_code == 0, result.output
    heads = [line.split(": ", 1)[1] for line in result.stdout.splitlines() if "reason of" in line]
    assert heads == [
        "reason of 'reject' (poorest), Consequences:",
        "reason of 'reject' (adeyemi), Position to Know:",
    ]
    assert result.stdout.splitlines()[-1] == (
        "2 reasons with a scheme (2 known, asking 6 questions, 0 raised; 0 unknown); 1 without"
    )
    mine = CliRunner().invoke(
        main, ["questions", str(path), "--side", "proponent", "--output-format", "json"]
    )
    (found,) = json.loads(mine.stdout)
    assert [reason["target"] for reason in found["reasons"]] == ["ban"]
    assert found["without"] == 0
    refused = CliRunner().invoke(main, ["questions", str(path), "--side", "opposition"])
    assert refused.exit_code == 2
    assert "a debate's opposition is the opponent" in refused.output


def test_side_of_a_map_without_roles_says_how_to_give_them(tmp_path: Path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text(DEBATE.replace("    role: opponent\n", ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["questions", str(path), "--side", "opponent"])
    assert result.stdout.splitlines()[-2:] == [
        "0 reasons with a scheme; 0 without",
        "  no claim of the map has a role, so all are the proponent's: give the claims of each "
        "side role: proponent or role: opponent",
    ]
