"""A value a fix writes stays in the style the map wrote the scalar it replaces (plain, single
quotes, a folded block under its header and comment), and always reads back as that value."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.fix import Context, apply
from argmap.fix.files import fix_bytes
from argmap.fix.scalars import rewrite
from argmap.read.syntax import yaml_string

from .test_check_fix import NEW_SOURCE

HEAD = "argmap: 1\ntitle: Energy\nsource:\n  path: source.txt\npremises:\n  - id: few\n"

#: A quote as a person may write it, ``{}`` where its value goes.
WRITTEN = {
    "plain": "    quotes:\n      - {}\n",
    "single": "    quotes:\n      - '{}'\n",
    "double": '    quotes:\n      - "{}"\n',
    "flow": "    quotes: [{}]\n",
    "folded": "    quotes:\n      - >-  # as the source runs\n        {}\n",
    "literal": "    quotes:\n      - |-\n        {}\n",
}
OLD = "Its suppliers are few, and most of them are unstable."
NEW = "Its suppliers are few — and most of them are unstable."


def _rewritten(style: str, old: str, new: str) -> str:
    text = HEAD + WRITTEN[style].format(old) + "    text: Few suppliers.\n"
    context = Context(text, "map.yaml", lambda: None)
    token = next(t for t in context.outline.tokens if t.value == old)
    return apply(text, [rewrite(context, token, new)])


def _quote(text: str) -> object:
    return yaml.safe_load(text)["premises"][0]["quotes"][0]


def test_a_quote_mended_by_check_fix_keeps_its_style(tmp_path: Path) -> None:
    """The analyst's plain quote stays plain and her folded one folded, wrapped, its comment
    kept; nothing else of the file changes."""
    (tmp_path / "source.txt").write_text(NEW_SOURCE.replace("\n", " ") + "\n", "utf-8")
    routes_old = "Diversifying the routes of supply would make the Union more secure."
    routes_new = "Diversifying the routes of supply would make the union more secure."
    for style, old, written in [
        ("plain", OLD, NEW),
        ("single", OLD, NEW),
        ("double", OLD, NEW),
        ("flow", routes_old, routes_new),
        ("folded", OLD, NEW),
    ]:
        text = HEAD + WRITTEN[style].format(old) + "    text: Few suppliers.\n"
        expected = HEAD + WRITTEN[style].format(written) + "    text: Few suppliers.\n"
        fixed = fix_bytes(text.encode(), str(tmp_path / f"{style}.yaml"), unsafe=True)
        assert fixed.new.decode() == expected, style


def test_a_folded_quote_written_over_lines_is_mended_on_one_line_under_its_header() -> None:
    """As ``argmap fmt`` leaves a text: on one line, searchable in the source."""
    text = HEAD + "    quotes:\n      - >-  # as the source runs\n        Its suppliers are few,\n"
    text += "        and most of them are unstable.\n    text: Few suppliers.\n"
    context = Context(text, "map.yaml", lambda: None)
    token = next(t for t in context.outline.tokens if t.value == OLD)
    done = apply(text, [rewrite(context, token, NEW)])
    assert done == HEAD + WRITTEN["folded"].format(NEW) + "    text: Few suppliers.\n"


def test_a_value_a_style_cannot_hold_is_written_in_double_quotes() -> None:
    assert f'quotes: ["{OLD}"]' in _rewritten("flow", "Few.", OLD)  # a comma would end it
    assert '- "no"' in _rewritten("plain", OLD, "no")  # plain: a boolean to YAML 1.1
    assert '- "Yes: he said # so"' in _rewritten("plain", OLD, "Yes: he said # so")
    assert '- "a\\tb"' in _rewritten("single", OLD, "a\tb")
    assert '- "two  spaces"  # as the source runs' in _rewritten("folded", OLD, "two  spaces")


#: What YAML reads otherwise in one style or another: indicators, quotes, breaks, spaces.
_YAML_SPECIAL = st.sampled_from(":#,'\"-?[]{}&*!|>%@` \n\t\r\x85\u2028\ufeff\x7f")
#: Whole values YAML reads as something else than text when plain.
_NOT_TEXT = st.sampled_from(["no", "Yes", "null", "~", "1", "3.10", "0o17", "2022-09", "- a"])


@settings(max_examples=500)
@given(
    style=st.sampled_from(sorted(WRITTEN)),
    value=_NOT_TEXT | st.text(_YAML_SPECIAL | st.characters(codec="utf-8"), max_size=40),
)
def test_whatever_the_value_and_the_style_it_reads_back_as_itself(style: str, value: str) -> None:
    assert _quote(_rewritten(style, "Few suppliers.", value)) == value


def test_every_character_in_double_quotes_reads_back_as_itself() -> None:
    """What a fix writes in double quotes is read back by YAML as the text, whatever its
    characters: DEL and C1 controls, U+FFFE, a BOM (each refused or dropped by libyaml unless
    escaped). Not a lone surrogate, which no map (UTF-8) holds."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    chunks = [every[start : start + 4096] for start in range(0, len(every), 4096)]
    assert [c for c in chunks if yaml.load(yaml_string(c), yaml.CSafeLoader) != c] == []


def test_a_line_separator_is_written_in_double_quotes_whatever_the_style() -> None:
    """U+2028 and U+2029 break a line inside single quotes, and YAML drops the spaces beside
    them (a reviewer found 'a \\u2028b.txt' read back as 'a\\u2028b.txt')."""
    for style in sorted(WRITTEN):
        for value in ("a \u2028b.txt", "x\u2029 y"):
            assert _quote(_rewritten(style, "Few suppliers.", value)) == value, (style, value)
