"""A key written without the space after its colon (``text:Europe needs Asia``, ``- id:a``):
YAML reads the line as one plain text, not a key and its value, and libyaml said so a line
later in its own words ('could not find expected ':' while scanning a simple key', 'mapping
values are not allowed in this context'). argmap says which key lacks its space, on its line."""

from __future__ import annotations

import pytest

from .test_hints import slip, syntax
from .test_messages import errors


@pytest.mark.parametrize(
    ("old", "new", "place", "written"),
    [
        ("    text: A\n", "    text:Europe needs Asia\n", "5:10", "text: Europe needs Asia"),
        ("  - id: b\n", "  - id:b\n", "6:8", "id: b"),
        ("title: T\n", 'title:"T and U"\n', "2:7", 'title: "T and U"'),
    ],
)
def test_a_key_without_the_space_after_its_colon_is_told_at_its_line(
    old: str, new: str, place: str, written: str
) -> None:
    key = written.split(":")[0]
    said = f"'{key}:' has no space after its ':', so YAML reads the line as text; write '{written}'"
    assert errors(slip(old, new)) == [(place, "AM002", syntax(said))]


def test_a_colon_inside_a_word_of_text_is_not_taken_for_a_key() -> None:
    """'ratio:3' in a text that is fine as YAML: no error at all."""
    assert errors(slip("    text: A\n", "    text: a ratio:3 of claims\n")) == []
