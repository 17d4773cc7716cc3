"""The language server's features as functions of an open map: completion, hover, definition,
references, rename, symbols and quick fixes (argmap.lsp.*). tests/test_lsp_server.py runs them
over stdio."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from lsprotocol import types

from argmap.api import check_bytes
from argmap.lsp import actions, completion, hover, navigation, symbols
from argmap.lsp.diagnostics import diagnostics
from argmap.lsp.document import Document
from argmap.lsp.passages import Source, Sources

from .lsptools import after, apply, at, covered, document

HEAD = "argmap: 1\ntitle: t\n"
SMALL = HEAD + (
    "premises:\n"
    "  - id: supplier\n    text: Central Asia could supply energy.\n"
    "  - id: needs\n    text: Europe needs energy.\n    implicit: true\n"
    "  - id: cost\n    text: It costs too much.\n"
    "  - id: subsidies\n    text: Subsidies pay for it.\n"
    "conclusions:\n"
    "  - id: interest\n    text: Energy is of mutual interest.\n"
    "    reasons:\n      - [supplier, needs]\n"
    "    objections:\n      - claims: cost\n        objections: [subsidies]\n"
)


@pytest.fixture
def seed(seed_copy: Path) -> Document:
    return document(seed_copy.read_text(), seed_copy)


def labels(result: types.CompletionList) -> list[str]:
    return [item.label for item in result.items]


def complete(doc: Document, position: types.Position) -> types.CompletionList:
    return completion.complete(doc, position, Sources())


def typed(tmp_path: Path, text: str) -> tuple[Document, types.Position]:
    """A document whose text is ``text`` without its '|', with the cursor there."""
    doc = document(text.replace("|", ""), tmp_path / "map.yaml")
    return doc, doc.position(text.index("|"))


# ------------------------------------------------------------------------- completion


@pytest.mark.parametrize(
    "where",
    [
        "    reasons:\n      - |\n",
        "    reasons: [|]\n",
        "    reasons:\n      - [supplier, |\n",
        "    reasons:\n      - claims: [|]\n",
        "    objections:\n      - |\n",
        "    objections:\n      - claims: cost\n        objections:\n          - claims: |\n",
        "    contradicts: |\n",
        "    restates: [|]\n",
        "    restates:\n      - claim: |\n",
    ],
)
def test_claim_ids_are_offered_where_a_claim_is_named(tmp_path: Path, where: str) -> None:
    doc, cursor = typed(tmp_path, SMALL + "  - id: new\n    text: New.\n" + where)
    result = complete(doc, cursor)
    ids = [i for i in result.items if i.kind == types.CompletionItemKind.Reference]
    assert [i.label for i in ids] == ["supplier", "needs", "cost", "subsidies", "interest"]
    needs = ids[1]
    assert needs.detail == "Europe needs energy."
    assert needs.label_details.description == "premise, implicit"
    assert ids[4].label_details.description == "conclusion"


def test_a_claim_is_not_offered_as_its_own_reason_and_a_typed_prefix_is_replaced(
    tmp_path: Path,
) -> None:
    doc, cursor = typed(tmp_path, SMALL.replace("[supplier, needs]", "[supplier, ne|eds]"))
    result = complete(doc, cursor)
    assert "interest" not in labels(result)
    [item] = [i for i in result.items if i.label == "needs"]
    assert covered(doc, item.text_edit.range) == "needs"


@pytest.mark.parametrize(
    ("where", "left_out"),
    [
        # an undercut: the claim of the step it attacks (AM107) and the ids listed beside it
        ("    reasons:\n      - claims: supplier\n        objections: [cost, |]\n",
         ["supplier", "cost"]),
        ("    reasons:\n      - needs\n      - claims: supplier\n        objections: [|]\n",
         ["needs", "supplier"]),  # a reason of the claim, undercutting its step: AM107 too
        ("    reasons:\n      - [supplier, |]\n", ["supplier"]),  # a linked reason (AM112)
        ("    reasons:\n      - [ne|, supplier]\n", ["supplier"]),  # typed before it
        ("    reasons:\n      - [cost, needs]\n      - [supplier, |]\n", ["supplier"]),
        ("    reasons:\n      - claims: supplier\n        objections:\n"
         "          - claims: cost\n            objections: [|]\n", []),  # defends the step
    ],
)  # fmt: skip
def test_ids_check_would_refuse_in_a_nested_list_are_left_out(
    tmp_path: Path, where: str, left_out: list[str]
) -> None:
    doc, cursor = typed(tmp_path, SMALL + "  - id: new\n    text: New.\n" + where)
    offered = [i.label for i in complete(doc, cursor).items]
    everyone = ["supplier", "needs", "cost", "subsidies", "interest"]
    assert [i for i in offered if i in everyone] == [i for i in everyone if i not in left_out]
    cut = start = doc.offset(cursor)
    while doc.body[start - 1].isalpha():
        start -= 1  # the start of what is typed
    for claim_id in left_out:  # each one left out, written there, is an error
        written = (doc.body[:start] + claim_id + doc.body[cut:]).encode()
        found = {d.code for d in check_bytes(written, str(doc.path)).diagnostics}
        assert found & {"AM107", "AM112"}, claim_id


@pytest.mark.parametrize(
    "where",
    ["    text: |\n", "    note: an |\n", "  - id: |\n", "    url: |\n", "title: a|\n"],
)
def test_no_ids_are_offered_in_text(tmp_path: Path, where: str) -> None:
    doc, cursor = typed(tmp_path, SMALL + "  - id: new\n    text: New.\n" + where)
    assert not [
        i for i in complete(doc, cursor).items if i.kind == types.CompletionItemKind.Reference
    ]


def test_keys_of_the_place_are_offered_leaving_out_those_written(tmp_path: Path) -> None:
    doc, cursor = typed(tmp_path, SMALL + "  - id: new\n    text: New.\n    re|\n")
    result = complete(doc, cursor)
    assert labels(result) == ["label", "quotes", "note", "url", "objections", "contradicts",
                              "implicit", "thesis", "role", "restates", "aif", "sadface",
                              "reasons"]  # fmt: skip
    item = result.items[-1]
    assert item.text_edit.new_text == "reasons: "
    assert covered(doc, item.text_edit.range) == "re"
    doc, cursor = typed(tmp_path, SMALL.replace("  - id: cost\n", "  - id: cost\n    |\n"))
    assert "reasons" not in labels(complete(doc, cursor))  # a premise has none
    doc, cursor = typed(tmp_path, SMALL.replace("argmap: 1\n", "argmap: 1\nso|\n"))
    assert labels(complete(doc, cursor)) == [
        "lang", "note", "source", "recommendations", "aif", "sadface"
    ]  # fmt: skip
    doc, cursor = typed(
        tmp_path, SMALL.replace("      - claims: cost\n", "      - claims: cost\n        |\n")
    )
    # of an objection (claims, objections taken)
    assert labels(complete(doc, cursor)) == ["question", "note", "aif", "sadface"]


def test_a_new_list_item_under_reasons_offers_ids_and_the_keys_of_a_reason(tmp_path: Path) -> None:
    doc, cursor = typed(tmp_path, SMALL + "  - id: new\n    text: New.\n    reasons:\n      - |\n")
    found = labels(complete(doc, cursor))
    assert found[:5] == ["supplier", "needs", "cost", "subsidies", "interest"]
    assert found[5:] == ["claims", "objections", "note", "scheme", "aif", "sadface"]


def _seed_claim(doc_text: str, claim: str, quotes: str) -> str:
    """The seed map with ``claim``'s first quote replaced by ``quotes`` (the cursor in it)."""
    head = f"  - id: {claim}\n"
    start = doc_text.index(head)
    first = doc_text.index("    quotes:\n      - ", start)
    end = doc_text.index("\n", first + len("    quotes:\n      - "))
    return doc_text[:first] + quotes + doc_text[end:]


@pytest.mark.parametrize("opening", ['"', "", "'"])
def test_typed_words_in_quotes_offer_the_sentences_that_hold_them(
    seed_copy: Path, opening: str
) -> None:
    text = _seed_claim(seed_copy.read_text(), "make-the-case",
                       f"    quotes:\n      - {opening}europe must make|{opening}")  # fmt: skip
    doc = document(text.replace("|", ""), seed_copy)
    result = complete(doc, doc.position(text.index("|")))
    assert result.is_incomplete
    best = result.items[0]
    assert best.detail == "source line 36"
    assert best.documentation.startswith("Europe must make the case for itself")
    assert covered(doc, best.text_edit.range) == f"{opening}europe must make{opening}"
    fixed = apply(doc, [best.text_edit])
    assert check_bytes(fixed.encode(), str(seed_copy)).diagnostics == ()


def test_quotes_are_offered_from_a_hard_wrapped_source(tmp_path: Path) -> None:
    (tmp_path / "source.txt").write_text(
        "The first sentence is short. The second sentence runs on over\n"
        "the end of its line and goes on, as wrapped text does.\n"
    )
    text = (
        HEAD
        + "source:\n  path: source.txt\npremises:\n  - id: a\n    text: A.\n"
        + ("    quotes:\n      - runs on over the|\n")
    )
    doc, cursor = typed(tmp_path, text)
    [first, *_] = complete(doc, cursor).items
    assert first.text_edit.new_text == (
        '"The second sentence runs on over the end of its line and goes on, as wrapped text does."'
    )
    assert check_bytes(apply(doc, [first.text_edit]).encode(), str(doc.path)).diagnostics == ()


def test_a_sentence_the_source_repeats_is_offered_once(tmp_path: Path) -> None:
    """An article repeats its lede under the headline: the editor offers it once, at its
    first line (the quote is the same text wherever it is)."""
    (tmp_path / "source.txt").write_text(
        "Imports depend on Russian pipelines.\n\nToday. Imports depend on Russian pipelines.\n"
    )
    text = HEAD + "source:\n  path: source.txt\npremises:\n  - id: a\n    text: A.\n"
    doc, cursor = typed(tmp_path, text + "    quotes:\n      - russian pipe|\n")
    [item] = complete(doc, cursor).items
    assert (item.label, item.detail) == ("Imports depend on Russian pipelines.", "source line 1")


def test_quotes_need_a_source_and_a_few_typed_characters(seed_copy: Path, tmp_path: Path) -> None:
    text = _seed_claim(seed_copy.read_text(), "make-the-case", "    quotes:\n      - eu|")
    doc = document(text.replace("|", ""), seed_copy)
    assert complete(doc, doc.position(text.index("|"))).items == []
    doc, cursor = typed(
        tmp_path, HEAD + "premises:\n  - id: a\n    text: A.\n    quotes: europe|\n"
    )
    assert complete(doc, cursor).items == []


# ----------------------------------------------------------------------------- hover


def hover_text(doc: Document, needle: str, nth: int = 0, token: str | None = None) -> str:
    """The hover on ``token`` (all of ``needle`` by default) in the ``nth`` ``needle``."""
    token = token or needle
    found = hover.hover(doc, at(doc, needle, nth, needle.index(token) + 1))
    assert found is not None
    assert found.contents.kind == types.MarkupKind.Markdown
    assert covered(doc, found.range) == token
    return found.contents.value


def test_hover_on_a_reference_shows_the_claim_and_why_it_is_defeated(seed: Document) -> None:
    text = hover_text(seed, "continued-deference", 1)  # a use, not the definition
    assert text.startswith("**continued-deference** · conclusion, implicit")
    assert "Central Asian states still defer to Moscow." in text
    assert (
        "**Defeated**: its only reason fails: the step from 'avoid-criticising-russia' is "
        "undercut by 'no-leader-backs-war', 'went-further' and 'tokayev-refusal'" in text
    )


def test_hover_on_a_definition_shows_its_quotes_and_that_it_stands(seed: Document) -> None:
    text = hover_text(seed, "import-energy")
    assert "> In the short-term, we must increase our abilities to import oil and gas" in text
    assert "**Stands**: though a reason fails" in text


def test_hover_says_undecided_and_why(tmp_path: Path) -> None:
    text = SMALL.replace("    implicit: true\n", "    implicit: true\n    contradicts: cost\n")
    doc = document(text, tmp_path / "m.yaml")
    found = hover_text(doc, "[supplier, needs]", token="needs")
    assert "**Undecided**" in found and "'cost'" in found


def test_hover_on_an_unknown_id_suggests_one_and_plain_text_is_given_when_asked(
    tmp_path: Path,
) -> None:
    doc = document(SMALL.replace("[supplier, needs]", "[suplier, needs]"), tmp_path / "m.yaml")
    assert hover_text(doc, "suplier") == (
        "No claim of this map has the id 'suplier'; did you mean 'supplier'?"
    )
    plain = hover.hover(doc, at(doc, "needs]"), markdown=False)
    assert plain.contents.kind == types.MarkupKind.PlainText
    assert plain.contents.value.startswith("needs · premise, implicit\n\nEurope needs energy.")
    assert "Status unknown" in plain.contents.value  # the reference is broken


def test_hover_escapes_markdown_in_text(tmp_path: Path) -> None:
    doc = document(SMALL.replace("It costs too much.", "It *costs* <b>[too]</b> much."),
                   tmp_path / "m.yaml")  # fmt: skip
    assert r"It \*costs\* \<b\>\[too\]\</b\> much." in hover_text(doc, "claims: cost", token="cost")


def test_no_hover_away_from_ids_and_keys(seed: Document) -> None:
    assert hover.hover(seed, at(seed, "Europe should build")) is None
    assert hover.hover(seed, at(seed, "# Why Central Asia", 0, 3)) is None


# ------------------------------------------------------------------------ navigation


def test_definition_of_a_use_and_of_a_definition(seed: Document) -> None:
    [use] = navigation.definition(seed, at(seed, "mutual-benefit-strategy", 1))
    assert covered(seed, use.range) == "mutual-benefit-strategy"
    assert seed.body[seed.offset(use.range.start) - 4 :].startswith("id: ")
    assert navigation.definition(seed, at(seed, "title")) == []


def test_references_list_every_use_in_file_order(seed: Document) -> None:
    found = navigation.references(seed, at(seed, "energy-mutual-interest", 1))
    assert [covered(seed, r.range) for r in found] == ["energy-mutual-interest"] * 4
    assert found == sorted(found, key=lambda r: (r.range.start.line, r.range.start.character))
    uses = navigation.references(seed, at(seed, "energy-mutual-interest"), False)
    assert len(uses) == 3


def test_rename_edits_every_use_once_and_the_map_stays_clean(seed: Document) -> None:
    assert covered(seed, navigation.prepare_rename(seed, at(seed, "not-a-pawn", 1))) == (
        "not-a-pawn"
    )
    edit = navigation.rename(seed, at(seed, "not-a-pawn", 1), "no-pawn")
    [(uri, edits)] = edit.changes.items()
    assert uri == seed.uri
    assert len(edits) == seed.body.count("not-a-pawn")
    text = apply(seed, edits)
    assert "not-a-pawn" not in text and text.count("no-pawn") == len(edits)
    assert check_bytes(text.encode(), seed.path).diagnostics == ()


def test_a_quoted_id_is_renamed_whole(tmp_path: Path) -> None:
    doc = document(SMALL.replace("[supplier, needs]", '["supplier", needs]'), tmp_path / "m.yaml")
    text = apply(doc, navigation.rename(doc, at(doc, "supplier"), "source").changes[doc.uri])
    assert "[source, needs]" in text and "id: source" in text


def test_a_claim_named_by_a_restatement_is_renamed_there_too(tmp_path: Path) -> None:
    text = SMALL + (
        "  - id: again\n    text: Europe needs it.\n    restates: needs\n    reasons: [cost]\n"
        "  - id: once-more\n    text: It needs it.\n    restates:\n"
        '      - claim: needs\n        aif: {nodeID: "7"}\n    reasons: [cost]\n'
    )
    doc = document(text, tmp_path / "m.yaml")
    uses = navigation.references(doc, at(doc, "needs\n        aif"), True)
    assert len(uses) == 4  # its definition, the linked reason, two restatements
    renamed = apply(
        doc, navigation.rename(doc, at(doc, "needs\n    reasons"), "wants").changes[doc.uri]
    )
    assert "restates: wants" in renamed and "- claim: wants" in renamed
    assert check_bytes(renamed.encode(), str(tmp_path / "m.yaml")).ok


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("Bad_Id", "'Bad_Id' is not a valid claim id: use lowercase letters a-z, digits and single "
                   "hyphens, starting with a letter (e.g. 'bad-id')"),
        ("cost", "'cost' is already the id of the premise on line 9"),
        ("a" * 65, "is 65 characters long; the limit is 64"),
    ],
)  # fmt: skip
def test_rename_refuses_an_invalid_or_taken_id(tmp_path: Path, new: str, message: str) -> None:
    doc = document(SMALL, tmp_path / "m.yaml")
    with pytest.raises(
        navigation.RenameRefused, match=message.replace("(", r"\(").replace(")", r"\)")
    ):
        navigation.rename(doc, at(doc, "needs]"), new)


def test_rename_refuses_while_the_yaml_does_not_parse(tmp_path: Path) -> None:
    doc = document(SMALL + "  - id: x\n    text: [unclosed\n", tmp_path / "m.yaml")
    with pytest.raises(navigation.RenameRefused, match="YAML syntax error"):
        navigation.rename(doc, at(doc, "needs]"), "wants")
    assert navigation.prepare_rename(doc, at(doc, "text")) is None


# --------------------------------------------------------------------------- symbols


def test_symbols_are_the_claims_by_kind(seed: Document) -> None:
    found = symbols.symbols(seed)
    assert [(s.name, s.detail) for s in found] == [
        ("recommendations", "6 claims"), ("conclusions", "10 claims"), ("premises", "13 claims"),
    ]  # fmt: skip
    first = found[0].children[0]
    assert first.name == "partnership-thesis"
    assert first.kind == types.SymbolKind.Event
    assert first.detail.startswith("Europe should build a substantive")
    assert covered(seed, first.selection_range) == "partnership-thesis"
    implicit = [c for s in found for c in s.children if c.detail.startswith("implicit · ")]
    assert [c.name for c in implicit] == ["continued-deference"]
    for section in found:
        for child in section.children:
            assert section.range.start <= child.range.start and child.range.end <= section.range.end


def test_a_claim_being_typed_is_in_the_outline(tmp_path: Path) -> None:
    doc = document(SMALL + "  - text: no id yet\n", tmp_path / "m.yaml")
    names = [c.name for c in symbols.symbols(doc)[1].children]
    assert names == ["interest", "(conclusion 2, no id)"]


# ------------------------------------------------------------------------ quick fixes


def fixes(doc: Document, code: str) -> list[types.CodeAction]:
    """The fixes that mend the one diagnostic of ``code`` (not the comment that silences a
    warning, offered after them: tests/test_silence.py)."""
    [problem] = [d for d in diagnostics(doc) if d.code == code]
    found = actions.actions(doc, [problem], Sources())
    return [action for action in found if not action.title.startswith("Silence ")]


def fixed(doc: Document, action: types.CodeAction) -> str:
    return apply(doc, action.edit.changes[doc.uri])


def test_an_unknown_id_is_fixed_to_the_id_meant(seed_copy: Path) -> None:
    text = seed_copy.read_text().replace("      - not-a-pawn\n", "      - not-a-pwn\n", 1)
    doc = document(text, seed_copy)
    first, *_ = fixes(doc, "AM103")
    assert first.title == "Change to 'not-a-pawn'" and first.is_preferred
    assert first.kind == types.CodeActionKind.QuickFix
    assert check_bytes(fixed(doc, first).encode(), str(seed_copy)).diagnostics == ()


def test_an_unknown_key_is_fixed_to_the_key_meant(tmp_path: Path) -> None:
    doc = document(SMALL.replace("    reasons:\n", "    reasosn:\n"), tmp_path / "m.yaml")
    [first] = fixes(doc, "AM009")
    assert first.title == "Change to 'reasons'"
    assert check_bytes(fixed(doc, first).encode(), doc.path).ok


def _unquote(text: str, claim: str) -> str:
    """The seed map with the quotes of ``claim`` taken out."""
    start = text.index(f"  - id: {claim}\n")
    first = text.index("    quotes:\n", start)
    end = first + len("    quotes:\n")
    while text[end:].startswith("      - "):
        end = text.index("\n", end) + 1
    return text[:first] + text[end:]


def test_a_claim_without_quotes_is_marked_implicit_or_quotes_its_closest_passage(
    seed_copy: Path,
) -> None:
    text = _unquote(seed_copy.read_text(), "energy-mutual-interest")
    doc = document(text, seed_copy)
    implicit, quote = fixes(doc, "AM204")
    assert implicit.title == "Mark 'energy-mutual-interest' implicit"
    assert quote.title == "Quote the closest passage (line 38)"
    for action in (implicit, quote):
        assert check_bytes(fixed(doc, action).encode(), str(seed_copy)).diagnostics == ()
    assert '      - "The most obvious area of mutual interest is energy."\n' in fixed(doc, quote)


def test_a_claim_written_in_flow_style_is_marked_implicit_inside_its_braces(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("Something else entirely.\n")
    text = HEAD + "source: {path: s.txt}\npremises:\n  - {id: a, text: Anything}\n"
    doc = document(text, tmp_path / "m.yaml")
    [implicit] = fixes(doc, "AM204")
    assert "{id: a, text: Anything, implicit: true}" in fixed(doc, implicit)


def test_a_quote_not_in_the_source_is_replaced_by_the_closest_passage(seed_copy: Path) -> None:
    text = seed_copy.read_text().replace("our abilities to import oil", "our ability to import oil")
    doc = document(text, seed_copy)
    [action] = fixes(doc, "AM110")
    assert action.title.startswith("Replace the quote by the closest passage (line ")
    assert check_bytes(fixed(doc, action).encode(), str(seed_copy)).diagnostics == ()


@pytest.mark.parametrize(
    "written", ["seeds/europe-central-asia-partnership.txt", "../seeds/europe-central-asia.txt"]
)
def test_a_source_path_naming_no_file_is_fixed_to_the_path_meant(
    seed_copy: Path, written: str
) -> None:
    right = "../seeds/europe-central-asia-partnership.txt"
    doc = document(seed_copy.read_text().replace(f"path: {right}", f"path: {written}"), seed_copy)
    [action] = fixes(doc, "AM109")
    assert action.title == f"Change to '{right}'" and action.is_preferred
    assert check_bytes(fixed(doc, action).encode(), str(seed_copy)).diagnostics == ()


@pytest.mark.parametrize(
    "now",
    ['"../seeds\\0/europe-central-asia.txt"', '"../\\0"', "../.git/config", "/etc/passwd",
     "../seeds/europe-central-asia-partnership.txt"],
)  # fmt: skip
def test_a_source_fix_asked_after_the_path_changed_offers_nothing_wrong(
    seed_copy: Path, now: str
) -> None:
    """An editor sends the diagnostics it has, of an older text: the AM109 of a path since
    written otherwise (with a NUL, which ended the request in a ValueError, or naming a hidden
    or outside file, or the right one) gets no fix to a file argmap would not read."""
    right = "../seeds/europe-central-asia-partnership.txt"
    text = seed_copy.read_text()
    old = document(text.replace(f"path: {right}", "path: ../seeds/europe-central-asia.txt"),
                   seed_copy)  # fmt: skip
    [stale] = [d for d in diagnostics(old) if d.code == "AM109"]
    doc = document(text.replace(f"path: {right}", f"path: {now}"), seed_copy, version=2)
    found = actions.actions(doc, [stale], Sources())
    assert [a.title for a in found] in ([], [f"Change to '{right}'"])


def test_a_source_fix_is_only_ever_to_the_source_path(seed_copy: Path) -> None:
    """A stale AM109 that now starts on another value (the path moved a line down, a date
    written where it was) changes nothing: it offered to change the date to a file's name."""
    right = "../seeds/europe-central-asia-partnership.txt"
    text = seed_copy.read_text()
    old = document(text.replace(f"  path: {right}", "  path: europe-central-asia.yml"), seed_copy)
    [stale] = [d for d in diagnostics(old) if d.code == "AM109"]
    moved = f"  date: europe-central-asia.yml\n  path: {right}"
    doc = document(text.replace(f"  path: {right}", moved), seed_copy, version=2)
    assert actions.actions(doc, [stale], Sources()) == []


def test_a_quote_of_a_sentence_since_reworded_is_replaced_by_the_sentence(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text(
        "Intro.\nNot one of them voted against the UN General Assembly resolution that condemned"
        " the invasion.\n"
    )
    text = HEAD + (
        "source: {path: s.txt}\npremises:\n  - id: a\n    text: A\n    quotes: None of them"
        " voted against the resolution condemning the invasion at the UN General Assembly.\n"
    )
    doc = document(text, tmp_path / "m.yaml")
    [action] = fixes(doc, "AM110")
    assert action.title == "Replace the quote by the closest passage, reworded (line 2)"
    assert check_bytes(fixed(doc, action).encode(), str(tmp_path / "m.yaml")).diagnostics == ()


LONG = "The sky over the wide northern plains is blue all summer long."


@pytest.mark.parametrize(
    ("quote", "title", "now"),
    [
        (f"{LONG} Grass is green and lusher.", "its sentence 2",
         f"{LONG} Grass is green and lush."),
        ("The sky over … green and lusher.", "its part 2", "The sky over … green and lush."),
    ],
)  # fmt: skip
def test_a_quote_of_several_parts_has_only_the_part_not_found_replaced(
    tmp_path: Path, quote: str, title: str, now: str
) -> None:
    """The fix replaced a quote of two sentences by the closest passage to the whole, the
    first sentence: the map checked clean, its quote cut in half. Now it replaces the part
    that `argmap check` names, and only when the quote is then found."""
    (tmp_path / "s.txt").write_text(f"Intro.\n{LONG} Grass is green and lush.\n")
    text = (
        HEAD + f"source: {{path: s.txt}}\npremises:\n  - id: a\n    text: A\n    quotes: {quote}\n"
    )
    doc = document(text, tmp_path / "m.yaml")
    [action] = fixes(doc, "AM110")
    assert action.title == (
        f"Replace {title} by the closest passage (line 2): "
        'the source now says "lush" where the quote says "lusher"'
    )
    assert f"    quotes: {now}\n" in fixed(doc, action)  # plain, as it was written
    assert check_bytes(fixed(doc, action).encode(), str(tmp_path / "m.yaml")).diagnostics == ()


def test_a_quote_of_half_a_sentence_is_replaced_by_that_half_not_the_sentence(
    tmp_path: Path,
) -> None:
    # "X, but Y": two units of argument in one sentence. The fix must not swallow the other
    # claim's words.
    (tmp_path / "s.txt").write_text(
        "Considering their requirements, some video games are not relevant as sports, but this "
        "issue should be solvable through a clearly structured preselection process.\n"
    )
    text = HEAD + (
        "source: {path: s.txt}\npremises:\n  - id: a\n    text: A\n"
        "    quotes: some video games are not relevant as games\n"
    )
    doc = document(text, tmp_path / "m.yaml")
    [action] = fixes(doc, "AM110")
    assert action.title == (
        "Replace the quote by the closest passage (line 1): "
        'the source now says "sports" where the quote says "games"'
    )
    assert "    quotes: some video games are not relevant as sports\n" in fixed(doc, action)


def test_a_source_outside_the_project_is_told_with_the_servers_own_settings(
    tmp_path: Path,
) -> None:
    """argmap check says '(see --source-root)'; the editor is told what it reads, how to give
    the server a source root (tests/test_lsp_source_root.py), and how to make the project
    hold the source."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "op-ed.txt").write_text("The sky is blue.\n", encoding="utf-8")
    only = (
        "argmap reads source texts only there (give the language server a source root: its "
        'initialization option "sourceRoot", or argmap lsp --source-root DIR)'
    )
    for path, said in [
        ("/etc/hostname", only),
        ("../seeds/op-ed.txt", f"{only}; the map's folder is"),
    ]:
        text = HEAD + f"source:\n  path: {path}\npremises:\n  - id: a\n    text: A.\n"
        doc = document(text, tmp_path / "maps" / "map.yaml")
        [found] = [d for d in diagnostics(doc) if d.code == "AM117"]
        assert said in found.message and "(see --source-root)" not in found.message


def test_fixes_are_only_for_argmaps_own_diagnostics(seed: Document) -> None:
    other = types.Diagnostic(types.Range(at(seed, "title"), after(seed, "title")), "x",
                             code="AM103", source="yaml")  # fmt: skip
    assert actions.actions(seed, [other], Sources()) == []


def test_typed_accents_find_sentences_whose_source_stores_them_apart() -> None:
    # The source as some PDFs and macOS store it (é as e and an accent); the analyst types é.
    text = unicodedata.normalize("NFD", "Le café ferme à Noël. Le marché reste ouvert.\n")
    source = Source(text)
    found = source.matching("le marché reste")
    assert [r.sentence.text for r in found] == [
        unicodedata.normalize("NFD", "Le marché reste ouvert.")
    ]
    assert found[0].score > 1  # found as the phrase typed, not only by some of its words
    closest = source.closest("Le café ferme à Noël")
    assert closest is not None and closest.sentence.line == 1
