"""Argdown as its users write it: front matter, includes, the names of their arguments.

What an Argdown user bringing a debate's files to argmap relies on, beyond Argdown's syntax
(``test_argdown_import.py``): that the front matter's source is read as written, that an error
in a file another includes is said in that file, and that arguments keep their titles through
an export and back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.convert import import_file
from argmap.formats import argdown
from argmap.formats.base import FormatError
from argmap.model import Kind, Source

from .test_argdown import needs_cli, parse


def test_a_source_given_as_a_path_is_the_maps_source(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "text.txt").write_text("Uniforms save families money over the year.\n")
    (tmp_path / "debate.argdown").write_text(
        "===\ntitle: Uniforms\nsource: text.txt\n===\n\n"
        '[Savings]: Uniforms save money. {quotes: ["Uniforms save families money"]}\n'
    )
    result = import_file("argdown", tmp_path / "debate.argdown", tmp_path / "debate.yaml")
    assert result.map.source == Source("text.txt")
    quotes = result.map.by_id()["savings"].quotes
    assert [q.text for q in quotes] == ["Uniforms save families money"]
    assert not [n for n in result.notes if "source" in n]
    result = argdown.read("===\nsource: 12\n===\n\n[A]: a. {quotes: [a]}\n", name="t.argdown")
    assert result.map.source is None  # no path: the quotes stay in the note, as it says


def test_an_error_in_an_included_file_is_said_at_its_line_in_that_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "part.argdown").write_text("[A]: a.\n\n[B]: b.\n  + [C]: c.\n [D] oops\n")
    (tmp_path / "main.argdown").write_text("[X]: x.\n\n@include(part.argdown)\n\n[Y]: y.\n")
    main, part = tmp_path / "main.argdown", tmp_path / "part.argdown"
    with pytest.raises(FormatError) as caught:
        import_file("argdown", main)
    assert str(caught.value) == (
        f"not Argdown: line 5:2 of {part} (which {main} includes at line 3): expected the end "
        "of the indented relations, found [ref] '[D]'"
    )
    # after the include, a line of the including file is its own line, not the text's
    main.write_text("[X]: x.\n\n@include(part.argdown)\n\n[Y]: y.\n  + [Z]: z.\n [W]\n")
    part.write_text("[A]: a.\n")
    with pytest.raises(FormatError) as caught:
        import_file("argdown", main)
    assert str(caught.value).startswith("not Argdown: line 7:2: expected")


def test_an_error_after_a_file_included_again_is_said_at_its_own_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "part.argdown").write_text("[A]: a.\n\n[B]: b.\n")
    main = tmp_path / "main.argdown"
    main.write_text("[X]: x.\n\n@include(part.argdown)\n\n@include(part.argdown)\n\n+ [Y]\n")
    with pytest.raises(FormatError) as caught:
        import_file("argdown", main)
    assert str(caught.value).startswith("not Argdown: line 7:1: expected")


def test_front_matter_that_is_not_yaml_is_said_at_its_line_and_column() -> None:
    with pytest.raises(FormatError) as caught:
        argdown.read("===\ntitle: Uniforms\nauthor: Club: Thursday\n===\n\n[A]: a.\n", name="t")
    assert str(caught.value) == (
        "not Argdown: line 3:13: the front matter is not YAML (mapping values are not allowed here)"
    )


def test_front_matter_between_dashes_is_refused_with_the_fences_argdown_reads() -> None:
    with pytest.raises(FormatError) as caught:
        argdown.read("---\ntitle: Nuclear power\n---\n\n[A]: a.\n", name="t")
    assert str(caught.value) == (
        "not Argdown: line 1:1: expected a statement, an argument, a heading or a list, found "
        "inference start '--'; Argdown's front matter goes between lines of ===, not ---"
    )


ARGUMENTS = """\
<Bullying argument>: Uniforms protect poorer children.

(1) [Singled out]: Children are singled out for their clothes.
(2) [Bullying hurts]: Being singled out leads to bullying.
----
(3) [Less bullying]: School uniforms reduce bullying.

<Safety>

(1) [Night crime]: Most youth crime happens at night.
(2) [Off street]: A curfew keeps teenagers off the street.
--
Modus ponens {uses: [1, 2]}
--
(3) [Safer]: A curfew makes teenagers safer.
(4) [Duty]: The city must protect minors.
----
(5) [Curfew]: The city should introduce a curfew.
"""


def test_arguments_keep_their_titles_through_an_export_and_back() -> None:
    amap = argdown.read(ARGUMENTS, name="t.argdown").map
    text = argdown.write(amap).text
    assert "\n<Bullying argument>: Uniforms protect poorer children. {" in text
    assert "\n<less-bullying reason 1>" not in text and "\n  + <Bullying argument>\n" in text
    # one title, two steps: Argdown reconstructs an argument once, so the second is named anew
    assert "\n<Safety> {" in text and "\n<curfew reason 1>" in text
    assert argdown.read(text, name="t.argdown").map == amap


def test_a_kind_tag_that_does_not_fit_the_claim_is_said() -> None:
    result = argdown.read(
        "[Democracy]: Democracy needs informed voters. #premise\n"
        "  + [Media]: Public media inform voters. #conclusion\n",
        name="t.argdown",
    )
    assert result.map.by_id()["democracy"].kind is Kind.CONCLUSION
    assert result.map.by_id()["media"].kind is Kind.PREMISE
    assert (
        "claims whose kind tag does not fit them (a premise has no reasons; a conclusion or "
        "recommendation has some), their kind decided as if untagged (2): democracy (#premise), "
        "media (#conclusion)"
    ) in result.notes


def test_an_undercut_under_a_statement_aimed_at_an_inference_elsewhere_is_said() -> None:
    result = argdown.read(
        "<No effect>\n\n(1) [Study]: A study found no effect.\n----\n(2) [None]: No effect.\n\n"
        "[Cost]: Uniforms cost more.\n  <- [Savings]: Uniforms save money.\n\n"
        "[Savings]\n  <_ [Second hand]: Second-hand sales make them cheap.\n",
        name="t.argdown",
    )
    assert result.map.by_id()["none"].reasons[0].objections  # as Argdown aims it
    assert (
        "line 11: the undercut written under [Savings] is aimed at the last inference read "
        "before it, that of <No effect> (line 4), as Argdown aims it"
    ) in result.notes
    # under the conclusion of that inference, or in its structure, it is what was meant
    plain = argdown.read(
        "<A>\n\n(1) [P]: p.\n----\n(2) [C]: c.\n  _ [U]: u.\n\n[C]\n  _ [V]: v.\n", name="t"
    )
    assert not [n for n in plain.notes if "undercut" in n]


def test_data_named_almost_as_a_field_is_said_with_the_field_meant() -> None:
    result = argdown.read(
        '[Supplier]: One supplier. {quote: "it must be bought", URL: "https://e.org"}\n',
        name="t.argdown",
    )
    assert result.map.by_id()["supplier"].quotes == ()
    assert (
        "claim 'supplier': data 'quote' and 'URL' are kept in its note; did you mean 'quotes' "
        "and 'url'?"
    ) in result.notes


def test_a_statement_tagged_implicit_is_an_implicit_claim() -> None:
    result = argdown.read(
        "===\nsource: text.txt\n===\n\n"
        "[Less bullying]: Uniforms reduce bullying.\n"
        "  + [Hurts]: Being singled out leads to bullying. #implicit #gap\n"
        '  + [Quoted]: Children are singled out. #implicit {quotes: ["singled out"]}\n',
        name="t.argdown",
    )
    hurts, quoted = result.map.by_id()["hurts"], result.map.by_id()["quoted"]
    assert hurts.implicit and hurts.note == "tags: #gap"
    # a claim that quotes the text is not implicit: the tag stays a tag
    assert not quoted.implicit and quoted.note == "tags: #implicit"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[A]: a.\n  + [B]: b.\n\n  - [C]: c.\n",
            "not Argdown: line 4:1: expected a statement, an argument, a heading or a list, "
            "found the relation '-' after an empty line; an empty line ends the relations "
            "above it: remove it to go on with them",
        ),
        (
            "<A>: a.\n\n(1) p.\n(2) q.\n---\n(3) c.\n",
            "not Argdown: line 6:1: expected the end of the inference --, found control "
            "character '('; the inference begun on line 5 ends with a line --, or, without "
            "rules, is one line ----",
        ),
        (
            "<A>: a.\n\n(1) p.\n(2) q.\n--\n(3) c.\n",
            "not Argdown: line 7:1: expected the end of the inference --, found the end of the "
            "file; the inference begun on line 5 ends with a line --, or, without rules, is one "
            "line ----",
        ),
        (
            "[A]: a.\n    + [B]: b.\n  - [C]: c.\n",
            "not Argdown: line 3:1: expected an empty line before a new block, found the "
            "relation '-' indented 2 spaces, in line with nothing above it (the relations "
            "under a statement line up, and those under a relation are indented further)",
        ),
        (  # a relation opening a level is not said to be in line with nothing
            "<A>\n\n(1) [P]: p.\n--\nrule\n--\n  + [X]: x.\n(2) [C]: c.\n",
            "not Argdown: line 7:1: expected an undercut _ of the inference, found the relation "
            "'+' (a relation is indented under the statement or argument it relates to)",
        ),
    ],
)
def test_common_slips_in_relations_and_inferences_say_the_fix(text: str, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        argdown.read(text, name="t.argdown")
    assert str(caught.value) == message


def test_inference_rules_come_back_between_their_lines_after_an_export() -> None:
    amap = argdown.read(ARGUMENTS, name="t.argdown").map
    text = argdown.write(amap).text
    assert "\n<Safety> {" in text
    assert "\n(2) [off-street]\n--\nModus ponens\n--\n(3) [safer]" in text
    assert argdown.read(text, name="t.argdown").map == amap


@needs_cli
def test_the_argdown_cli_reads_the_titles_and_rules_back(tmp_path: Path) -> None:
    amap = argdown.read(ARGUMENTS, name="t.argdown").map
    model = parse({"t": amap}, tmp_path)["t"]
    assert sorted(model["arguments"]) == ["Bullying argument", "Safety", "curfew reason 1"]
    safety = model["arguments"]["Safety"]["pcs"]
    assert [s.get("inference", {}).get("inferenceRules") for s in safety] == [
        None,
        None,
        ["Modus ponens"],
    ]


def test_a_described_argument_keeps_its_title_on_its_main_conclusion() -> None:
    amap = argdown.read(
        "<Safety>: A curfew keeps teenagers safe.\n\n(1) [P]: p.\n--\nModus ponens\n--\n"
        "(2) [Safer]: Safer.\n(3) [Duty]: Duty.\n----\n(4) [Curfew]: Curfew.\n",
        name="t.argdown",
    ).map
    text = argdown.write(amap).text
    assert "\n<Safety>: A curfew keeps teenagers safe. {" in text
    assert "\n<safer reason 1>: \\<Safety> {" in text  # the rules stay the inference's
    assert "\n(1) [p]\n--\nModus ponens\n--\n(2) [safer]\n" in text
    assert argdown.read(text, name="t.argdown").map == amap


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('===\ntitle: "Uniforms \\U00110000"\n===\n\n[A]: a.\n', "line 2:"),
        ('[A]: a. {note: "x \\U00110000"}\n', "line 1:"),
    ],
)
def test_an_escape_past_unicodes_last_character_is_said_not_a_traceback(
    text: str, said: str
) -> None:
    """'\\U00110000' in the front matter or a statement's data: import argdown showed
    Python's traceback, ending 'ValueError: chr() arg not in range(0x110000)'."""
    with pytest.raises(FormatError) as caught:
        argdown.read(text, name="t")
    assert str(caught.value).startswith(f"not Argdown: {said}"), caught.value
    assert "is not YAML (an escape '\\U00110000' past U+10FFFF, the last character)" in str(
        caught.value
    )
