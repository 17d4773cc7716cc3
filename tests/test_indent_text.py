"""A key or a list item one column out of line, in a map whose claims have texts over several
lines (``text: >-`` and its lines under it, as most maps have): the lines of text above the
slip kept argmap from telling which levels were open, and libyaml said 'did not find expected
key while parsing a block mapping started at 1:1'. Told now as in a map of one-line texts."""

from __future__ import annotations

import pytest

from .test_hints import syntax
from .test_messages import errors

FOLDED = """\
argmap: 1
title: T
premises:
  - id: a
    text: >-
      A claim that goes on
      over two lines.
    note: A note
      that goes on too.
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
    assert FOLDED.count(old) == 1
    return FOLDED.replace(old, new)


def test_the_map_is_valid() -> None:
    assert errors(FOLDED) == []


@pytest.mark.parametrize(
    ("old", "new", "place", "said"),
    [
        (
            "  - id: b\n",
            "   - id: b\n",
            "10:4",
            "'- id:' starts in column 4 but the item '- id:' on line 4 starts in column 3: the "
            "items of one list line up; move it to column 3",
        ),
        (
            "  - id: b\n",
            " - id: b\n",
            "10:2",
            "'- id:' starts in column 2 but the item '- id:' on line 4 starts in column 3: the "
            "items of one list line up; move it to column 3",
        ),
        (
            "    note: A note\n",
            "     note: A note\n",
            "8:6",
            "'note:' starts in column 6 but 'text:' on line 5 starts in column 5: the keys of "
            "one mapping line up; move it to column 5",
        ),
    ],
)
def test_a_line_out_of_line_under_texts_over_lines_is_told_how_to_indent(
    old: str, new: str, place: str, said: str
) -> None:
    assert errors(slip(old, new)) == [(place, "AM002", syntax(said))]


@pytest.mark.parametrize(
    ("old", "new", "place", "said"),
    [
        (
            "      over two lines.\n",
            "     over two lines.\n",
            "7:6",
            "line 7 goes on with the text of 'text:' on line 5 but starts in column 6, left of "
            "the text's first line (column 7): the lines of a text line up; move it to column 7",
        ),
        (
            "      A claim that goes on\n      over two lines.\n",
            "       A claim that goes on\n      over two\n      lines.\n",
            "6:8",
            "the text of 'text:' on line 5 starts in column 8 on line 6 and goes on in column 7: "
            "the lines of a text line up; move line 6 to column 7",
        ),
    ],
)
def test_a_line_of_a_text_over_lines_out_of_line_is_told_which_to_move(
    old: str, new: str, place: str, said: str
) -> None:
    """libyaml said 'did not find expected key while parsing a block mapping started at 4:5'
    on the line after the text's first."""
    assert errors(slip(old, new)) == [(place, "AM002", syntax(said))]


def test_a_line_of_text_with_a_colon_is_not_taken_for_a_key_out_of_line() -> None:
    """'fact but not this reading:' was told to move as if it were a key of the claim."""
    text = slip("      over two lines.\n", "     over two lines: in part.\n")
    [(place, code, said)] = errors(text)
    assert (place, code) == ("7:6", "AM002") and said.startswith(syntax("line 7 goes on"))
