"""The slips a new user makes in a map's YAML, each told as what is wrong and how to write it, at
the line and column it is about: a list item or a key out of line, a dash without its space, a
key without its colon, text going on at its key's column, an apostrophe inside single quotes, a
forgotten '- ' before a claim, a file of comments only."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

from .test_messages import errors, found

#: The small valid map each slip is made in (the reasons of 'c' on lines 12 and 13).
VALID = """\
argmap: 1
title: T
premises:
  - id: a
    text: A
  - id: b
    text: B
conclusions:
  - id: c
    text: C
    reasons:
      - a
      - b
"""


def slip(old: str, new: str) -> str:
    """The valid map with one line written otherwise."""
    assert VALID.count(old) == 1
    return VALID.replace(old, new)


def syntax(message: str) -> str:
    return f"YAML syntax error: {message}"


def test_the_valid_map_is_valid() -> None:
    assert found(VALID) == []


def test_an_item_indented_one_column_too_far_joins_the_item_above() -> None:
    text = slip("      - b\n", "       - b\n")
    assert errors(text) == [
        (
            "12:9",
            "AM103",
            "reason 'a - b' of 'c' is no claim; it reads as one item because the '- ' of the "
            "next item, on line 13, is in column 8, not lined up with the '- ' above it (column "
            "7): line them up, each '- ' in column 7",
        )
    ]


def test_ids_joined_by_a_dash_on_one_line_are_told_to_go_on_lines_of_their_own() -> None:
    text = slip("      - a\n      - b\n", "      - a - b\n")
    assert errors(text) == [
        (
            "12:9",
            "AM103",
            "reason 'a - b' of 'c' is no claim; it reads as one item: write each id as an item "
            "on a line of its own ('- a', '- b'), their '- ' lined up",
        )
    ]


def test_an_id_with_a_dash_in_it_is_not_taken_for_joined_items() -> None:
    text = slip("      - b\n", "      - a - z\n")
    assert errors(text)[0][2] == "reason 'a - z' of 'c' is no claim"


def test_a_key_in_the_column_of_its_items_dash_is_told_to_line_up_with_the_keys() -> None:
    assert errors(slip("    text: A\n", "  text: A\n")) == [
        (
            "5:3",
            "AM002",
            syntax(
                "'text:' starts in column 3 but 'id:' on line 4 starts in column 5: the keys of "
                "one mapping line up; move it to column 5"
            ),
        )
    ]


def test_a_claim_whose_dash_was_forgotten_is_told_to_write_it() -> None:
    """'id: b' in the column of the dashes, its keys under it as an item's are: the '- ' was
    forgotten. The hint said to move 'id:' to column 5, and following it gave a second error
    (a duplicate 'id' in the claim above)."""
    assert errors(slip("  - id: b\n", "  id: b  # the second\n")) == [
        (
            "6:3",
            "AM002",
            syntax(
                "'id:' is in the column of the list's dashes, with keys under it as an item has: "
                "a new item of the list starts with '- ': write "
                "'- id: b', its '- ' in column 3 under the dashes of the other items"
            ),
        )
    ]


def test_a_key_indented_too_deep_is_reported_at_the_key_not_at_its_colon() -> None:
    assert errors(slip("    text: A\n", "     text: A\n")) == [
        (
            "5:6",
            "AM002",
            syntax(
                "'text:' starts in column 6 but 'id:' on line 4 starts in column 5: the keys of "
                "one mapping line up; move it to column 5"
            ),
        )
    ]


def test_an_item_indented_one_column_too_little_is_told_where_the_items_are() -> None:
    assert errors(slip("      - b\n", "     - b\n")) == [
        (
            "13:6",
            "AM002",
            syntax(
                "'- b' starts in column 6 but the item '- a' on line 12 starts in column 7: the "
                "items of one list line up; move it to column 7"
            ),
        )
    ]


def test_a_claim_one_column_too_deep_after_a_nested_list_is_told_where_the_claims_are() -> None:
    # The item ends a deeper list (the reasons of 'c', their '- ' in column 7) but is meant
    # for the claims, as the keys under it say: line it up with '- id: c', not with '- b'.
    text = VALID + "   - id: d\n    text: D\n    reasons: [c]\n"
    assert errors(text) == [
        (
            "14:4",
            "AM002",
            syntax(
                "'- id:' starts in column 4 but the item '- id:' on line 9 starts in column 3:"
                " the items of one list line up; move it to column 3"
            ),
        )
    ]


def test_text_going_on_at_its_keys_column_is_told_to_indent_it() -> None:
    text = slip("    text: A\n", "    text: A long text\n    that continues\n")
    assert errors(text) == [
        (
            "6:5",
            "AM002",
            syntax(
                "line 6 goes on with the text of 'text:' on line 5 but starts in the column of "
                "'text:', where YAML looks for the next key: indent it further than 'text:' (to "
                "column 11, under the text), or write the text on one line"
            ),
        )
    ]


@pytest.mark.parametrize(("indent", "column"), [("", 1), ("  ", 3)])
def test_text_going_on_left_of_its_key_is_told_to_indent_it(indent: str, column: int) -> None:
    # Text wrapped by hand at the margin, or under the claim's '- ': libyaml only said it
    # "could not find expected ':'", at the line after.
    text = slip("    text: A\n", f"    text: A long text\n{indent}that continues here\n")
    assert errors(text) == [
        (
            f"6:{column}",
            "AM002",
            syntax(
                f"line 6 goes on with the text of 'text:' on line 5 but starts left of 'text:' "
                f"(in column {column}), where YAML looks for the next key: indent it further "
                "than 'text:' (to column 11, under the text), or write the text on one line"
            ),
        )
    ]


@pytest.mark.parametrize("indent", ["      ", "    "])
def test_a_quote_going_on_under_its_dash_is_told_to_indent_it(indent: str) -> None:
    text = slip(
        "    text: B\n",
        f"    text: B\n    quotes:\n      - This is a long quote\n{indent}that goes on\n",
    )
    where = "in the column of its '- '" if len(indent) == 6 else "left of its '- ' (in column 5)"
    assert errors(text) == [
        (
            f"10:{len(indent) + 1}",
            "AM002",
            syntax(
                f"line 10 goes on with the text of the item '- This is a long quote' on line 9 "
                f"but starts {where}, where YAML looks for the next item: indent it further "
                "than its '- ' (to column 9, under the text), or write the text on one line"
            ),
        )
    ]


def test_a_dash_without_its_space_shows_the_item_written_right() -> None:
    message = syntax(
        "'-id:' has no space after its '-': a list item starts with '- ' (a dash, then a "
        "space); write '- {}'"
    )
    assert errors(slip("  - id: a\n", "  -id: a\n")) == [("4:3", "AM002", message.format("id: a"))]
    assert errors(slip("  - id: b\n", "  -id: b\n")) == [("6:3", "AM002", message.format("id: b"))]


def test_a_key_without_its_colon_is_reported_on_its_own_line() -> None:
    assert errors(slip("title: T\n", "title T\n")) == [
        ("2:1", "AM002", syntax("the key 'title' has no ':' after it; write 'title: T'"))
    ]
    assert errors(slip("premises:\n", "premises\n")) == [
        ("3:1", "AM002", syntax("the key 'premises' has no ':' after it; write 'premises:'"))
    ]


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "    implict\n",
            "'implict' has no ':' after it, as a key needs; did you mean 'implicit:'?",
        ),
        ("    sch\n", "'sch' has no ':' after it, as a key needs (key: value)"),  # no guess
    ],
)
def test_a_word_being_typed_as_a_key_is_reported_where_it_is(line: str, said: str) -> None:
    # libyaml said "could not find expected ':'" on the line after, at the next key.
    text = slip("  - id: b\n    text: B\n", "  - id: b\n    text: B\n    implicit: true\n" + line)
    assert errors(text) == [("9:5", "AM002", syntax(said))]


def test_a_key_without_its_colon_after_a_long_text_may_be_either_slip() -> None:
    text = slip("    text: A\n", "    text: A rests on\n    source of the data\n")
    assert errors(text) == [
        (
            "6:5",
            "AM002",
            syntax(
                "the key 'source' has no ':' after it; write 'source: of the data'; or, if line 6 "
                "goes on with the text of 'text:' on line 5, indent it further than 'text:' (to "
                "column 11, under the text)"
            ),
        )
    ]


@pytest.mark.parametrize(
    ("old", "new", "place", "said"),
    [
        (
            "title: T\n",
            "title: 'Europe's energy'\n",
            "2:15",
            "the apostrophe in 'Europe's energy' ends the text in single quotes; write it in "
            'double quotes, title: "Europe\'s energy", or double each apostrophe: title: '
            "'Europe''s energy'",
        ),
        (
            "    text: A\n",
            "    text: 'He said \"it's\"'\n",
            "5:23",
            "the apostrophe in 'He said \"it's\"' ends the text in single quotes; double each "
            "apostrophe inside it: text: 'He said \"it''s\"'",
        ),
        (
            "      - a\n",
            "      - 'a's'\n",
            "12:11",
            "the apostrophe in 'a's' ends the text in single quotes; write it in double quotes, "
            "- \"a's\", or double each apostrophe: - 'a''s'",
        ),
    ],
)
def test_an_apostrophe_inside_single_quotes_shows_both_ways_to_write_it(
    old: str, new: str, place: str, said: str
) -> None:
    assert errors(slip(old, new)) == [(place, "AM002", syntax(said))]


def test_text_after_a_closing_quote_is_not_taken_for_an_apostrophe() -> None:
    [(_, code, message)] = errors(slip("    text: A\n", "    text: 'it''s' ok\n"))
    assert code == "AM002" and "apostrophe" not in message


@pytest.mark.parametrize(
    ("old", "new", "place", "said"),
    [
        (
            "    text: A\n",
            '    text: "He said "no" to it."\n',
            "5:20",
            "the '\"' in 'He said \"no\" to it.' ends the text in double quotes; write it in "
            "single quotes, text: 'He said \"no\" to it.', or put a backslash before each '\"' "
            'inside it: text: "He said \\"no\\" to it."',
        ),
        (
            "    text: A\n",
            '    text: "Europe\'s "new" deal"\n',
            "5:21",
            "the '\"' in 'Europe's \"new\" deal' ends the text in double quotes; write it in "
            "single quotes, text: 'Europe''s \"new\" deal', or put a backslash before each '\"' "
            'inside it: text: "Europe\'s \\"new\\" deal"',
        ),
        (
            "      - a\n",
            '      - "the "a" one"\n',
            "12:14",
            "the '\"' in 'the \"a\" one' ends the text in double quotes; write it in single "
            "quotes, - 'the \"a\" one', or put a backslash before each '\"' inside it: "
            '- "the \\"a\\" one"',
        ),
    ],
)
def test_a_double_quote_inside_double_quotes_shows_both_ways_to_write_it(
    old: str, new: str, place: str, said: str
) -> None:
    """A policy writer quotes a phrase inside a claim's text; libyaml said only 'did not find
    expected key while parsing a block mapping started at 4:5'."""
    assert errors(slip(old, new)) == [(place, "AM002", syntax(said))]


def test_text_after_a_closing_double_quote_is_not_taken_for_a_quote_inside() -> None:
    [(_, code, message)] = errors(slip("    text: A\n", '    text: "it" is "ok"\n'))
    assert code == "AM002" and "ends the text in double quotes" not in message


def test_a_forgotten_dash_before_a_claim_says_a_new_item_starts_with_one() -> None:
    assert errors(slip("  - id: b\n", "    id: b\n")) == [
        (
            "6:5",
            "AM007",
            "duplicate key 'id' in a premise (first at 4:5); a new item of the list starts with "
            "'- ': write '- id: b', its '- ' in column 3 under the dashes of the other items",
        ),
        ("7:5", "AM007", "duplicate key 'text' in a premise (first at 5:5)"),
    ]


def test_a_second_id_in_braces_says_no_more_than_that() -> None:
    text = "argmap: 1\ntitle: T\npremises:\n  - {id: a, text: A, id: b}\n"
    assert errors(text) == [("4:22", "AM007", "duplicate key 'id' in a premise (first at 4:6)")]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("# a map to come\n\n  # its claims\n", "it holds only comments"),
        ("", "it is empty"),
        ("\n  \n", "it is empty"),
    ],
)
def test_a_file_without_a_map_says_whether_it_holds_comments(text: str, said: str) -> None:
    assert found(text) == [("1:1", "AM003", f"the file holds no map ({said})")]


def test_argmap_check_prints_the_hint_at_its_place(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(slip("  - id: a\n", "  -id: a\n"))
    result = CliRunner().invoke(main, ["check", str(tmp_path / "case.yaml")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'case.yaml'}:4:3: error: YAML syntax error: '-id:' has no space" in (
        result.output
    )


@pytest.mark.parametrize("stray", ["\r", "\r\n"])
def test_a_line_ended_by_a_carriage_return_alone_moves_no_hint(stray: str) -> None:
    """A line ended by a lone CR (pasted from an old Mac file; YAML and editors end a line
    there) above a slip: the hints counted lines at '\\n' only and libyaml at each break, so
    text wrapped at its key's column lost its hint, and a list item out of line was told
    about the wrong lines, and ids joined by an item indented too far were shown from the
    wrong line. Now told as in a file of '\\n' lines, at the same place."""
    wrapped = slip("    text: C\n", "    text: C is a claim\n    that goes on\n")
    out_of_line = slip("  - id: b\n", "   - id: b\n")
    joined = slip("      - b\n", "       - b\n")
    for text in (wrapped, out_of_line, joined):
        assert errors(text.replace("argmap: 1\n", f"argmap: 1{stray}", 1)) == errors(text)
