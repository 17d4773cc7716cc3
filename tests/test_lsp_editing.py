"""What an editor does to a map between two checks, as functions of an open map: completion
inside quotes the editor closed for the user, diagnostics that cover something visible, and
formatting worked out once per version.
tests/test_lsp_features.py has the features themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lsprotocol import types

from argmap import fmt
from argmap.api import check_bytes
from argmap.lsp import actions, completion, formatting, hover, navigation
from argmap.lsp import document as document_module
from argmap.lsp.diagnostics import diagnostics
from argmap.lsp.document import Document
from argmap.lsp.passages import Sources
from argmap.lsp.positions import Encoding, Lines

from .lsptools import apply, at, covered, document

MAP = (
    "argmap: 1\ntitle: t\n"
    "premises:\n"
    "  - id: supplier\n    text: Central Asia could supply energy.\n    implicit: true\n"
    "  - id: needs\n    text: Europe needs energy.\n    implicit: true\n"
    "conclusions:\n"
    "  - id: interest\n    text: Energy is of mutual interest.\n    implicit: true\n"
    "    reasons:\n"
)


@pytest.mark.parametrize(
    ("where", "done"),
    [
        # The editor closed the quote the user opened: the id goes inside.
        ('      - "sup|"\n', '      - "supplier"\n'),
        ("      - 'sup|'\n", "      - 'supplier'\n"),
        ('      - [needs, "sup|"]\n', '      - [needs, "supplier"]\n'),
        ('      - claims: ["|"]\n', '      - claims: ["supplier"]\n'),
        # No closing quote yet: the completion closes it.
        ('      - "sup|\n', '      - "supplier"\n'),
        ('      - [needs, "sup|]\n', '      - [needs, "supplier"]\n'),
    ],
)
def test_an_id_completed_inside_quotes_keeps_them_balanced(
    tmp_path: Path, where: str, done: str
) -> None:
    text = MAP + where
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    result = completion.complete(doc, doc.position(text.index("|")), Sources())
    [item] = [i for i in result.items if i.label == "supplier"]
    # The client filters the items by the text between the edit's start and the cursor.
    typed = doc.body[doc.offset(item.text_edit.range.start) : text.index("|")]
    assert (item.filter_text or item.label).startswith(typed)
    fixed = apply(doc, [item.text_edit])
    assert fixed == MAP + done
    codes = [d.code for d in check_bytes(fixed.encode(), str(doc.path)).diagnostics]
    assert "AM002" not in codes and "AM103" not in codes  # valid YAML, a known id


def test_a_version_of_a_map_is_laid_out_once_for_formatting_and_its_action(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def counted(text: str, path: str = "<map>") -> str:
        calls.append(text)
        return fmt.format_text(text, path)

    monkeypatch.setattr(document_module, "format_text", counted)
    messy = "title: T\nargmap: 1\npremises:\n- text: A.\n  id: a\n  implicit: true\n"
    doc = document(messy, tmp_path / "map.yaml")
    [edit] = formatting.edits(doc)
    [action] = formatting.action(doc)
    assert action.edit.changes[doc.uri] == [edit]
    assert apply(doc, [edit]) == fmt.format_text(messy)
    assert len(calls) == 1
    changed = doc.changed(messy + "  note: n\n", 2)
    assert formatting.edits(changed) and len(calls) == 2


@pytest.mark.parametrize("indent", ["\t", "\t\t", "  \t"])
def test_a_tab_in_the_indentation_is_marked_where_it_is(tmp_path: Path, indent: str) -> None:
    text = MAP.replace("    text: Europe needs energy.\n", f"{indent}text: Europe needs energy.\n")
    doc = document(text, tmp_path / "map.yaml")
    [found] = diagnostics(doc)
    assert found.code == "AM002" and "tab" in found.message
    assert found.range.start.line == text[: text.index(f"{indent}text: Europe")].count("\n")
    assert covered(doc, found.range).strip(" ") == indent.strip(" ")


def _ids_offered(tmp_path: Path, text: str) -> list[str]:
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    result = completion.complete(doc, doc.position(text.index("|")), Sources())
    return [i.label for i in result.items if i.kind == types.CompletionItemKind.Reference]


@pytest.mark.parametrize(
    "where",
    [
        "      - supplier\n      - |\n",
        "      - supplier\n      - |\n    contradicts: [needs]\n",
        "      - |\n      - supplier\n",
        "    reasons: [supplier, |]\n",
    ],
)
def test_ids_already_in_the_list_are_not_offered_again(tmp_path: Path, where: str) -> None:
    text = MAP.removesuffix("    reasons:\n") + ("" if "reasons:" in where else "    reasons:\n")
    assert _ids_offered(tmp_path, text + where) == ["needs"]


def test_ids_of_other_lists_and_the_one_being_typed_are_offered(tmp_path: Path) -> None:
    # The id under the cursor is being typed over; another linked reason may share an id.
    assert _ids_offered(tmp_path, MAP + "      - supp|lier\n") == ["supplier", "needs"]
    linked = MAP + "      - [supplier, needs]\n      - [|]\n"
    assert _ids_offered(tmp_path, linked) == ["supplier", "needs"]
    contradicts = MAP + "      - supplier\n    contradicts:\n      - |\n"
    assert _ids_offered(tmp_path, contradicts) == ["supplier", "needs"]


def test_inside_a_reason_written_as_a_flow_mapping_no_id_replaces_it(tmp_path: Path) -> None:
    # "- {claims: needs, note: ab|}": an id offered there replaced "{claims: needs, note: ab"
    assert _ids_offered(tmp_path, MAP + "      - {claims: needs, note: ab|}\n") == []
    assert _ids_offered(tmp_path, MAP + "      - {claims: needs, scheme: Exp|}\n") == []


def test_the_uses_of_the_id_under_the_cursor_are_highlighted(tmp_path: Path) -> None:
    text = MAP + "      - [supplier, needs]\n    objections: [supplier]\n"
    doc = document(text, tmp_path / "map.yaml")
    found = navigation.highlights(doc, at(doc, "supplier", 2, 3))  # in the linked reason
    assert [(covered(doc, h.range), h.kind) for h in found] == [
        ("supplier", types.DocumentHighlightKind.Write),  # where it is defined
        ("supplier", types.DocumentHighlightKind.Read),
        ("supplier", types.DocumentHighlightKind.Read),
    ]
    assert [h.range.start.line for h in found] == [3, 14, 15]
    assert navigation.highlights(doc, at(doc, "text", 0, 1)) == []  # a key


@pytest.mark.parametrize(
    ("where", "values"),
    [
        ("    implicit: |\n", ["true", "false"]),
        ("    thesis: t|\n", ["true", "false"]),
        ("    role: op|\n", ["proponent", "opponent"]),
        ("    role:|\n", ["proponent", "opponent"]),  # asked for before the space: one is put
        ("    note: |\n", []),
        ("      - claims: supplier\n        note: |\n", []),
    ],
)
def test_the_values_a_key_allows_are_offered(tmp_path: Path, where: str, values: list) -> None:
    text = MAP + "      - needs\n" + where
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    result = completion.complete(doc, doc.position(text.index("|")), Sources())
    found = [i for i in result.items if i.kind == types.CompletionItemKind.EnumMember]
    assert [i.label for i in found] == values
    for item in found:
        done = apply(doc, [item.text_edit])
        assert f": {item.label}\n" in done and done.count(item.label) == text.count(item.label) + 1


@pytest.mark.parametrize(
    ("needle", "nth", "words"),
    [
        ("implicit", 0, "**implicit** · optional key of a premise\n\ntrue for a claim the text"),
        ("reasons", 0, "**reasons** · optional key of a conclusion\n\nthe reasons for this claim"),
        ("claims", 0, "**claims** · required key of a reason written in full\n\nthe claims of"),
        ("premises", 0, "**premises** · optional key of the map\n\nthe premises"),
    ],
)
def test_hover_on_a_key_says_what_it_is_for(
    tmp_path: Path, needle: str, nth: int, words: str
) -> None:
    doc = document(MAP + "      - claims: supplier\n", tmp_path / "map.yaml")
    shown = hover.hover(doc, at(doc, needle + ":", nth, 1))
    assert shown is not None and covered(doc, shown.range) == needle
    assert shown.contents.value.startswith(words)
    plain = hover.hover(doc, at(doc, needle + ":", nth, 1), markdown=False)
    assert plain.contents.value.startswith(words.replace("**", ""))


def test_no_hover_on_an_unknown_key_nor_on_text(tmp_path: Path) -> None:
    doc = document(
        MAP.replace("    implicit: true\n", "    implicitly: true\n", 1), tmp_path / "m.yaml"
    )
    assert hover.hover(doc, at(doc, "implicitly", 0, 1)) is None
    assert hover.hover(doc, at(doc, "Central Asia could", 0, 1)) is None


def test_completed_keys_say_what_they_are_for(tmp_path: Path) -> None:
    text = MAP.replace("    implicit: true\n", "    imp|\n", 1)
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    result = completion.complete(doc, doc.position(text.index("|")), Sources())
    [item] = [i for i in result.items if i.label == "implicit"]
    assert item.documentation == "true for a claim the text does not state (a reconstruction)"


def test_the_keys_of_a_restatement_written_in_full_are_offered(tmp_path: Path) -> None:
    text = MAP + "      - needs\n    restates:\n      - claim: supplier\n        a|\n"
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    result = completion.complete(doc, doc.position(text.index("|")), Sources())
    assert [(item.label, item.detail) for item in result.items] == [
        ("aif", "optional key of a restatement written in full"),
        ("sadface", "optional key of a restatement written in full"),
    ]


PASSAGE = (
    "Europe must respond with a new, proactive geopolitical strategy — one which goes beyond "
    "its usual sphere of political influence"
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8"])
def test_definition_of_a_quote_is_its_passage_in_the_source(
    seed_copy: Path, encoding: Encoding
) -> None:
    doc = Document(seed_copy.as_uri(), seed_copy.read_text(), 1, encoding)
    [found] = navigation.definition(doc, at(doc, PASSAGE, 0, 70), Sources())
    source = seed_copy.parent.parent / "seeds" / "europe-central-asia-partnership.txt"
    assert found.uri == source.as_uri()
    text = source.read_text(encoding="utf-8")
    start = text.index(PASSAGE)  # after "Russia’s": a column of 3 bytes in UTF-8, 1 in UTF-16
    lines = Lines(text, encoding)
    assert found.range == lines.range(start, start + len(PASSAGE))
    # A quote not in the source, or a map without one, goes nowhere.
    broken = Document(doc.uri, doc.text.replace(PASSAGE, "Not in the source at all"), 2)
    assert navigation.definition(broken, at(broken, "Not in the source", 0, 3), Sources()) == []


def test_a_source_path_holding_a_nul_goes_nowhere(tmp_path: Path) -> None:
    """A half-typed ``source: {path: "e\\0"}`` (an escape for NUL, which no path holds):
    going to a quote's passage, completing a quote and the code actions failed ("embedded null
    byte"); they find no source, as for a path outside the project."""
    text = 'argmap: 1\ntitle: T\nsource: {path: "s\\0.txt"}\n'
    text += "premises: [{id: a, text: A, quotes: [the words]}]\n"
    doc = document(text, tmp_path / "m.yaml")
    sources = Sources()
    assert navigation.definition(doc, at(doc, "the words", 0, 2), sources) == []
    assert completion.complete(doc, at(doc, "the words", 0, 2), sources) is not None
    assert sources.for_map(doc.path, "s\0.txt") is None


@pytest.mark.parametrize(
    ("premises", "added"),
    [
        # After the last premise, indented as it is; a blank line and a comment kept after it.
        (
            "premises:\n  - id: p\n    text: P.\n    implicit: true\n\n# the end\n",
            "premises:\n  - id: p\n    text: P.\n    implicit: true\n  - id: newone\n"
            "    text: \n\n# the end\n",
        ),
        (
            "premises:\n    -   {id: p, text: P., implicit: true}\n",
            "premises:\n    -   {id: p, text: P., implicit: true}\n    -   id: newone\n"
            "        text: \n",
        ),
        # Premises kept apart by a blank line: the new one too.
        (
            "premises:\n  - id: p\n    text: P.\n\n  - id: q\n    text: Q.\n",
            "premises:\n  - id: p\n    text: P.\n\n  - id: q\n    text: Q.\n\n  - id: newone\n"
            "    text: \n",
        ),
        # No premises yet: a section of its own at the end.
        ("", "\npremises:\n  - id: newone\n    text: \n"),
    ],
)
def test_an_unknown_id_can_be_added_as_a_premise_to_write(
    tmp_path: Path, premises: str, added: str
) -> None:
    head = (
        "argmap: 1\ntitle: t\nconclusions:\n  - id: c\n    text: C.\n    implicit: true\n"
        "    reasons: [newone]\n"
    )
    doc = document(head + premises, tmp_path / "map.yaml")
    problems = diagnostics(doc)
    fixes = actions.actions(doc, [p for p in problems if p.code == "AM103"], Sources())
    [fix] = [f for f in fixes if f.title == "Add a premise 'newone'"]
    assert not fix.is_preferred
    fixed = apply(doc, fix.edit.changes[doc.uri])
    assert fixed == head + added
    # What is left to do: the new premise's text.
    left = [(d.code, d.span.line) for d in check_bytes(fixed.encode(), str(doc.path)).diagnostics]
    assert left == [("AM016", fixed[: fixed.index("    text: \n")].count("\n") + 1)]


def test_no_premise_is_offered_for_an_id_that_cannot_be_one(tmp_path: Path) -> None:
    text = MAP + "      - Not_An-id\n"
    doc = document(text, tmp_path / "map.yaml")
    problems = [p for p in diagnostics(doc) if p.code == "AM103"]
    assert problems
    assert not [f for f in actions.actions(doc, problems, Sources()) if "Add" in f.title]


@pytest.mark.parametrize(
    "where",
    [
        "      - needs  # see |\n",
        "      # a comment |\n",
        "    reasons: [needs]  # and |\n",
        "      - needs # x, |\n",
        "      - [needs, # |\n",
        '      - "needs" # "a" |\n',
    ],
)
def test_nothing_is_offered_in_a_comment(tmp_path: Path, where: str) -> None:
    # A space is a trigger character: typing a comment must not offer ids at every word.
    text = MAP + where
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    assert completion.complete(doc, doc.position(text.index("|")), Sources()).items == []


@pytest.mark.parametrize(
    ("where", "label"),
    [
        ("      - sup|  # a comment after\n", "supplier"),
        ('      - "a#b", sup|\n', "supplier"),
        ("    note: see #3 and\n    imp|\n", "implicit"),
    ],
)
def test_a_hash_that_starts_no_comment_leaves_completion_alone(
    tmp_path: Path, where: str, label: str
) -> None:
    text = MAP.replace("    implicit: true\n    reasons:\n", "    reasons:\n") + where
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    found = completion.complete(doc, doc.position(text.index("|")), Sources()).items
    assert label in [item.label for item in found]


@pytest.mark.parametrize(
    "where",
    [
        "    text: Europe must\n      answer |\n    implicit: true\n",
        "    text: Europe must\n      answer the |\n",
        '    text: "Europe must\n      answer |"\n',
        "    text: >-\n      Europe must\n      answer |\n",
    ],
)
def test_nothing_is_offered_in_a_text_written_over_several_lines(
    tmp_path: Path, where: str
) -> None:
    text = "argmap: 1\ntitle: t\npremises:\n  - id: a\n" + where
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    assert completion.complete(doc, doc.position(text.index("|")), Sources()).items == []


CHAIN = (
    "argmap: 1\ntitle: t\n"
    "premises:\n"
    "  - id: supplier\n    text: S.\n    implicit: true\n"
    "  - id: needs\n    text: N.\n    implicit: true\n"
    "  - id: cost\n    text: C.\n    implicit: true\n"
    "recommendations:\n"
    "  - id: top\n    text: T.\n    implicit: true\n    reasons: [middle]\n"
    "conclusions:\n"
    "  - id: middle\n    text: M.\n    implicit: true\n    reasons: [low]\n"
    "  - id: low\n    text: L.\n    implicit: true\n"
)


@pytest.mark.parametrize(
    ("links", "offered"),
    [
        # As a reason of 'low': not 'middle' nor 'top', which it supports (a support cycle,
        # AM105), nor 'cost', its objection (AM107), nor 'supplier', listed; in a linked
        # reason, not 'needs', listed in it (AM112).
        ("    reasons: [supplier, |]\n    objections: [cost]\n", ["needs"]),
        (
            "    reasons:\n      - supplier\n      - [needs, |]\n    objections: [cost]\n",
            ["supplier"],
        ),
        # An answer to its objection defends it: it may be a reason too.
        (
            "    objections:\n      - claims: cost\n        objections: [needs]\n"
            "    reasons: [|]\n",
            ["supplier", "needs"],
        ),
        # As an objection to 'low': not 'supplier', its reason (AM107).
        ("    reasons: [supplier]\n    objections: [cost, |]\n", ["needs", "top", "middle"]),
        # An objection to an objection defends 'low': its reason may.
        (
            "    reasons: [supplier]\n    objections:\n      - claims: cost\n"
            "        objections: [|]\n",
            ["supplier", "needs", "cost", "top", "middle"],
        ),
    ],
)
def test_ids_that_would_make_the_map_wrong_are_not_offered(
    tmp_path: Path, links: str, offered: list[str]
) -> None:
    assert _ids_offered(tmp_path, CHAIN + links) == offered


def test_a_json_map_open_in_an_editor_is_formatted_as_json(tmp_path: Path) -> None:
    """A .json map the server is given (its JSON starting '"argmap":' at a line's start, which
    marks a map) was laid out as YAML by "format document", as fmt once wrote YAML into
    .json files; it is laid out as fmt lays it out now, in canonical JSON."""
    text = '{\n"argmap": "1", "title": "T",\n"premises": [{"id": "a", "text": "A."}]}\n'
    doc = document(text, tmp_path / "m.json")
    assert doc.is_map
    [edit] = formatting.edits(doc)
    assert edit.new_text == fmt.formatter.format_json(text, "m.json")
    assert json.loads(edit.new_text)["premises"] == [{"id": "a", "text": "A."}]
