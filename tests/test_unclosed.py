"""A quote opened and never closed (``text: "Europe needs Central Asia``): YAML reads on past the
line, to the next quote of the file or to its end, and libyaml reported the error there
('did not find expected key' a few claims down, or 'found unexpected end of stream'). argmap
says where the quote was opened, whose text it is, and where the closing quote goes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

from .test_hints import VALID, slip, syntax
from .test_messages import errors

NEVER_CLOSED = (
    "{what} opened with {mark} on line {line} is never closed: add a closing {mark} at the end "
    "of the text"
)
OR_PLAIN = ", or write it without quotes"


def told(what: str, mark: str, line: int, plain: bool = True) -> str:
    said = NEVER_CLOSED.format(what=what, mark=mark, line=line)
    return syntax(said + (OR_PLAIN if plain else ""))


@pytest.mark.parametrize("mark", ['"', "'"])
def test_a_text_whose_quote_is_never_closed_is_told_at_its_line(mark: str) -> None:
    """The rest of the file held no quote: libyaml said 'found unexpected end of stream' at
    the file's last line (14), in its own words."""
    text = slip("    text: A\n", f"    text: {mark}Europe needs Central Asia\n")
    assert errors(text) == [("5:37", "AM002", told("the text of claim 'a'", mark, 5))]


@pytest.mark.parametrize("mark", ['"', "'"])
def test_an_open_quote_closed_by_the_next_claims_quote_is_told_where_it_was_opened(
    mark: str,
) -> None:
    """The real case: a later text in quotes closed it, and libyaml told of 'did not find
    expected key while parsing a block mapping started at 4:5' on line 7."""
    text = slip("    text: A\n", f"    text: {mark}Europe needs Central Asia\n")
    text = text.replace("    text: B\n", f"    text: {mark}B is true{mark}\n")
    assert errors(text) == [("5:37", "AM002", told("the text of claim 'a'", mark, 5))]


def test_a_text_over_several_lines_is_told_to_close_on_its_last_line() -> None:
    text = slip("    text: A\n", '    text: "Europe needs\n      Central Asia\n')
    text = text.replace("    text: B\n", '    text: "B"\n')
    assert errors(text) == [("6:19", "AM002", told("the text of claim 'a'", '"', 5))]


def test_a_quote_of_a_claim_and_the_title_are_named_as_such() -> None:
    quote = slip("    text: A\n", '    text: A\n    quotes:\n      - "Europe needs Central Asia\n')
    assert errors(quote) == [("7:35", "AM002", told("a quote of claim 'a'", '"', 7))]
    title = slip("title: T\n", "title: 'Europe and Asia\n")
    assert errors(title) == [("2:24", "AM002", told("the title", "'", 2))]


def test_text_that_needs_its_quotes_is_not_told_to_go_without() -> None:
    """'Note: ...' unquoted would be a mapping; '# 1' a comment."""
    for value in ("Note: Europe needs Asia", "Europe is # 1"):
        text = slip("    text: A\n", f'    text: "{value}\n')
        [(place, code, said)] = errors(text)
        assert (code, said) == ("AM002", told("the text of claim 'a'", '"', 5, plain=False))
        assert place == f"5:{12 + len(value)}"


def test_an_apostrophe_that_ends_a_text_opened_with_one_says_to_use_double_quotes() -> None:
    """The apostrophe in "EU's" ended the text, and argmap took the quote for a quotation at
    the start of the text (to be kept, in double quotes: "'The EU's current...")."""
    text = slip("    text: A\n", "    text: 'The EU's approach is flimsy\n")
    assert errors(text) == [
        (
            "5:11",
            "AM002",
            syntax(
                "the text of claim 'a' opened with ' on line 5 is never closed, and the "
                "apostrophe in 'EU's' would end it: write it in double quotes: "
                'text: "The EU\'s approach is flimsy"'
            ),
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        slip("    text: A\n", '    text: "Europe needs\n      Central Asia"\n'),
        slip("    text: A\n", "    text: 'it''s\n      fine'\n"),
    ],
)
def test_a_text_in_quotes_over_several_lines_is_no_error(text: str) -> None:
    assert errors(text) == []


def test_another_slip_after_a_text_in_quotes_over_lines_is_told_as_before() -> None:
    text = slip("    text: A\n", '    text: "Europe needs\n      Central Asia"\n')
    text = text.replace("  - id: b\n", "  -id: b\n")
    [(place, code, said)] = errors(text)
    assert (place, code) == ("7:3", "AM002") and "'-id:' has no space" in said


def test_argmap_check_and_render_draft_say_it_at_the_line_to_edit(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(slip("    text: A\n", '    text: "Europe needs Central Asia\n'))
    said = told("the text of claim 'a'", '"', 5)
    message = f"{path}:5:37: error: {said} [AM002]"
    for command in (["check"], ["render", "--draft"]):
        result = CliRunner().invoke(main, [*command, str(path)])
        assert result.exit_code == 1
        assert result.stderr.splitlines()[0] == message
        assert "Traceback" not in result.output


def test_the_language_server_shows_it_at_the_line_to_edit(tmp_path: Path) -> None:
    from lsprotocol import types

    from argmap.lsp.diagnostics import diagnostics

    from .lsptools import document

    text = slip("    text: A\n", '    text: "Europe needs Central Asia\n')
    [found] = diagnostics(document(text, tmp_path / "m.yaml"))
    assert (found.code, found.message) == ("AM002", told("the text of claim 'a'", '"', 5))
    assert found.range.start == types.Position(4, 36)


def test_the_valid_map_is_valid() -> None:
    assert errors(VALID) == []


def test_an_item_of_a_list_in_brackets_is_told_to_close_before_its_comma() -> None:
    text = slip("      - a\n      - b\n", '      - ["a, b]\n')
    assert errors(text) == [
        (
            "12:10",
            "AM002",
            syntax(
                'the item opened with " on line 12 is never closed: add a closing " at its '
                "end, before the ',' or the bracket after it"
            ),
        )
    ]


def test_an_id_and_an_item_of_reasons_are_named_as_such() -> None:
    """The id of the claim its line starts is no text of the claim above it."""
    said = errors(slip("  - id: b\n", '  - id: "b\n'))
    assert said == [("6:11", "AM002", told("the id", '"', 6))]
    said = errors(slip("      - a\n", "      - 'a\n"))
    assert said == [("12:11", "AM002", told("an item of 'reasons:' of claim 'c'", "'", 12))]


def test_a_double_quote_inside_a_text_never_closed_says_how_to_write_it_whole() -> None:
    """It was told to write the text as far as its second quote: text: 'He said "no'."""
    text = slip("    text: A\n", '    text: "He said "no" to it\n')
    assert errors(text) == [
        (
            "5:11",
            "AM002",
            syntax(
                "the text of claim 'a' opened with \" on line 5 is never closed, and the '\"' "
                'inside it would end it: write it in single quotes, text: \'He said "no" to '
                "it', or put a backslash before each '\"' inside it and close it: "
                'text: "He said \\"no\\" to it"'
            ),
        )
    ]
