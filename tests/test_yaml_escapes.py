"""A Windows path in double quotes ("C:\\texts\\article.txt"): YAML reads each backslash as the
start of an escape ('\\t' a tab, '\\a' a bell, '\\x' a character's code), so the path names no
file, holds a control character, or does not parse. The message names that cause and says how to
write the path: with '/', or in single quotes, which keep each backslash."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from argmap.api import check_file
from argmap.cli import main
from argmap.diagnostics import printable

MAP = (
    "argmap: 1\ntitle: T\nsource:\n  path: {path}\npremises:\n"
    "  - id: a\n    text: A.\n    quotes: Phones distract\n"
)


def _diagnostics(tmp_path: Path, path: str, name: str = "map.yaml") -> list[tuple[str, str, str]]:
    (tmp_path / "texts").mkdir(exist_ok=True)
    (tmp_path / "texts" / "article.txt").write_text("Phones distract pupils.\n", "utf-8")
    target = tmp_path / name
    target.write_text(MAP.format(path=path), encoding="utf-8")
    return [(str(d.span), d.code, d.message) for d in check_file(target).diagnostics]


@pytest.mark.parametrize(
    ("written", "read", "single", "slashed"),
    [
        ('"texts\\notes.txt"', "'\\n' as a new line", "'texts\\notes.txt'", '"texts/notes.txt"'),
        ('"C:\\texts\\new.txt"', "'\\t' as a tab, '\\n' as a new line",
         "'C:\\texts\\new.txt'", '"C:/texts/new.txt"'),
    ],
)  # fmt: skip
def test_an_escape_that_makes_white_space_is_told_with_the_path_as_meant(
    tmp_path: Path, written: str, read: str, single: str, slashed: str
) -> None:
    [(span, code, message)] = _diagnostics(tmp_path, written)
    assert (span, code) == ("4:9", "AM109")
    assert message.endswith(
        f"; in double quotes a backslash starts an escape, and YAML read {read}: write the "
        f"path with '/', {slashed}, or in single quotes, which keep each backslash: {single}"
    )


@pytest.mark.parametrize(
    ("written", "read", "char"),
    [
        ('"texts\\article.txt"', "'\\a' as a bell (U+0007)", "U+0007"),
        ('"texts\\bilan.txt"', "'\\b' as a backspace (U+0008)", "U+0008"),
        ('"texts\\essay.txt"', "'\\e' as an escape (U+001B)", "U+001B"),
        ('"texts\\0.txt"', "'\\0' as a NUL (U+0000)", "U+0000"),
        ('"texts\\rapport.txt"', "'\\r' as a carriage return", "U+000D"),
    ],
)
def test_an_escape_that_makes_a_control_character_is_told_so(
    tmp_path: Path, written: str, read: str, char: str
) -> None:
    [(span, code, message)] = _diagnostics(tmp_path, written)
    assert (span, code) == ("4:9", "AM012")
    assert message.startswith(f"source path contains a control character {char} at character 6")
    single = written.replace('"', "'")
    assert message.endswith(
        f"; in double quotes a backslash starts an escape, and YAML read {read}: write the "
        f"path with '/', {written.replace(chr(92), '/')}, or in single quotes, which keep each "
        f"backslash: {single}"
    )


def test_the_path_meant_named_with_slashes_is_the_file(tmp_path: Path) -> None:
    [(_, code, message)] = _diagnostics(tmp_path, '"texts\\article.txt"')
    assert code == "AM012" and "'/', \"texts/article.txt\"," in message


def test_in_json_each_backslash_is_doubled(tmp_path: Path) -> None:
    (tmp_path / "map.json").write_text(
        '{"argmap": 1, "title": "T", "source": {"path": "texts\\notes.txt"},\n'
        ' "premises": [{"id": "a", "text": "A."}]}\n',
        encoding="utf-8",
    )
    [found] = check_file(tmp_path / "map.json").diagnostics
    assert found.code == "AM109"
    assert found.message.endswith(
        "; in double quotes a backslash starts an escape, and JSON read '\\n' as a new line: "
        "write the path with '/', \"texts/notes.txt\", or each backslash twice: "
        '"texts\\\\notes.txt"'
    )


@pytest.mark.parametrize(
    ("written", "column", "escape", "why"),
    [
        ('"texts\\quote.txt"', 15, "\\q", "is none YAML knows"),
        ('"C:\\Users\\ana\\a.txt"', 12, "\\U", "wants a character's code in hex digits after it"),
        ('"texts\\xavier.txt"', 15, "\\x", "wants a character's code in hex digits after it"),
        ('"texts\\users.txt"', 15, "\\u", "wants a character's code in hex digits after it"),
    ],
)
def test_an_escape_yaml_cannot_read_is_told_plainly(
    tmp_path: Path, written: str, column: int, escape: str, why: str
) -> None:
    [(span, code, message)] = _diagnostics(tmp_path, written)
    meant = written.strip('"')
    assert (span, code) == (f"4:{column}", "AM002")
    assert message == (
        f"YAML syntax error: in double quotes a backslash starts an escape ('\\n' a new line, "
        f"'\\t' a tab), and '{escape}' {why}; write the path with '/', "
        f'path: "{meant.replace(chr(92), "/")}", or in single quotes, which keep each '
        f"backslash: path: '{meant}'"
    )


def test_text_with_a_backslash_is_told_to_take_single_quotes(tmp_path: Path) -> None:
    target = tmp_path / "map.yaml"
    target.write_text(
        'argmap: 1\ntitle: "Files in C:\\Users are kept"\npremises:\n  - id: a\n    text: A.\n',
        encoding="utf-8",
    )
    [found] = check_file(target).diagnostics
    assert found.code == "AM002"
    assert found.message.endswith(
        "and '\\U' wants a character's code in hex digits after it; write the text in single "
        "quotes, which keep each backslash: title: 'Files in C:\\Users are kept'"
    )


def test_a_doubled_backslash_and_single_quotes_read_as_before(tmp_path: Path) -> None:
    assert _diagnostics(tmp_path, "'texts\\article.txt'") == _diagnostics(
        tmp_path, '"texts\\\\article.txt"'
    )
    assert _diagnostics(tmp_path, '"texts/article.txt"') == []


@pytest.mark.parametrize(
    ("path", "column", "escape", "why"),
    [
        ("texts\\article.txt", 54, "\\a", "is none JSON knows"),
        ("C:\\users\\a.txt", 51, "\\u", "wants a character's code in four hex digits after it"),
    ],
)
def test_an_escape_json_cannot_read_is_told_plainly(
    tmp_path: Path, path: str, column: int, escape: str, why: str
) -> None:
    target = tmp_path / "map.json"
    target.write_text(
        f'{{"argmap": 1, "title": "T", "source": {{"path": "{path}"}},\n'
        ' "premises": [{"id": "a", "text": "A."}]}\n',
        encoding="utf-8",
    )
    [found] = check_file(target).diagnostics
    assert (str(found.span), found.code) == (f"1:{column}", "AM002")
    assert found.message == (
        "JSON syntax error: in a JSON string a backslash starts an escape ('\\n' a new line, "
        f"'\\t' a tab), and '{escape}' {why}; write a path with '/', or each backslash twice "
        "('\\\\')"
    )


@pytest.mark.parametrize(
    ("written", "span", "single"),
    [
        (  # the escape on a line after the opening quote's
            '    text: "The notes in the folder\n      C:\\Users\\ana\\notes.txt hold it, '
            'said the\n      analyst."\n',
            "6:9",  # at the backslash
            "text: 'The notes in the folder C:\\Users\\ana\\notes.txt hold it, said the analyst.'",
        ),
        (  # on the opening quote's line, the text going on below
            '    text: "Kept in C:\\Users\\ana, as\n      the analyst said"\n',
            "5:22",
            "text: 'Kept in C:\\Users\\ana, as the analyst said'",
        ),
        (  # in a list item, a doubled backslash, an apostrophe and an escaped quote
            "    text: A\n    quotes:\n"
            '      - "It\'s in \\"D:\\\\data\\"\n        and C:\\xfiles"\n',
            "8:15",
            "- 'It''s in \"D:\\data\" and C:\\xfiles'",
        ),
        (  # a line that ends in a backslash written twice (a folder): one line all the same
            '    text: "Saved under C:\\\\data\\\\\n      and C:\\Users"\n',
            "6:13",
            "text: 'Saved under C:\\data\\ and C:\\Users'",
        ),
    ],
)
def test_an_escape_yaml_cannot_read_in_text_over_several_lines_is_told_too(
    tmp_path: Path, written: str, span: str, single: str
) -> None:
    """The hint needed the double-quoted text on one line; over several it said only
    'did not find expected hexdecimal number while parsing a quoted scalar started at ...'."""
    target = tmp_path / "map.yaml"
    target.write_text(
        "argmap: 1\ntitle: T\npremises:\n  - id: a\n" + written + "  - id: b\n    text: B\n",
        encoding="utf-8",
    )
    [found] = check_file(target).diagnostics
    assert (str(found.span), found.code) == (span, "AM002")
    assert found.message.startswith(
        "YAML syntax error: in double quotes a backslash starts an escape ('\\n' a new line, "
        "'\\t' a tab), and "
    )
    assert found.message.endswith(
        "; write the text in single quotes, which keep each backslash: " + single
    )


@pytest.mark.parametrize(
    "written",
    [
        '    text: "The notes in\n\n      C:\\Users hold it"\n',  # an empty line: a line break kept
        '    text: "The notes in\n      C:\\Users hold it\n',  # never closed
    ],
)
def test_text_over_lines_that_one_line_cannot_show_is_told_in_yaml_words(
    tmp_path: Path, written: str
) -> None:
    target = tmp_path / "map.yaml"
    target.write_text("argmap: 1\ntitle: T\npremises:\n  - id: a\n" + written, encoding="utf-8")
    [found] = check_file(target).diagnostics
    assert (str(found.span), found.code) == ("7:11" if "\n\n" in written else "6:11", "AM002")
    assert found.message == (
        "YAML syntax error: did not find expected hexdecimal number while parsing a quoted "
        "scalar started at 5:11"
    )


@pytest.mark.parametrize(
    ("name", "written", "fixed"),
    [
        ("map.yaml", '"texts\\article.txt"', '"texts/article.txt"'),  # '\a': a bell, AM012
        ("map.yaml", '"texts\\new.txt"', '"texts/new.txt"'),  # '\n': a new line, AM109
        ("map.json", '"texts\\table.txt"', '"texts/table.txt"'),  # '\t': a tab, AM109
    ],
)
def test_check_fix_writes_a_path_an_escape_broke_with_slashes_when_it_names_the_file(
    tmp_path: Path, name: str, written: str, fixed: str
) -> None:
    """What the person typed, each backslash a backslash, is the path Windows reads: written
    with '/' it names the source, so --fix makes it (safe, as for ..\\texts without quotes)."""
    (tmp_path / "texts").mkdir()
    for file in ("article.txt", "new.txt", "table.txt"):
        (tmp_path / "texts" / file).write_text("Phones distract pupils.\n", "utf-8")
    target = tmp_path / name
    if name.endswith(".json"):
        text = (
            '{"argmap": 1, "title": "T", "source": {"path": %s},\n'
            ' "premises": [{"id": "a", "text": "A.", "quotes": ["Phones distract"]}]}\n'
        )
    else:
        text = MAP.replace("{path}", "%s")
    target.write_text(text % written, encoding="utf-8")
    assert check_file(target).diagnostics  # as it was: told, not read
    result = CliRunner().invoke(main, ["check", "--fix", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == text % fixed
    column = 9 if name.endswith(".yaml") else 48
    assert f"{target}:{4 if column == 9 else 1}:{column}: source path: {written} → {fixed}" in (
        result.output
    )
    assert not check_file(target).diagnostics


def test_a_path_an_escape_broke_is_left_when_written_with_slashes_it_names_no_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "map.yaml"
    target.write_text(MAP.format(path='"texts\\article.txt"'), encoding="utf-8")
    before = target.read_bytes()
    for options in (["--fix"], ["--fix", "--unsafe-fixes"]):
        result = CliRunner().invoke(main, ["check", *options, str(target)])
        assert result.exit_code == 1 and target.read_bytes() == before


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ('"C:\\qdir\tx and \\t"', '"C:\\\\qdir\\tx and \\\\t"'),  # a tab, then a backslash-t
        ('"C:\\qdir\u202ex"', '"C:\\\\qdir\\u202ex"'),  # a bidi override, shown as its code
    ],
)
def test_a_text_with_a_character_a_message_shows_as_an_escape_is_told_in_double_quotes(
    tmp_path: Path, value: str, shown: str
) -> None:
    """A message shows a tab as '\\t' (:func:`argmap.diagnostics.printable`), and in the single
    quotes it suggested that reads as a backslash and a 't': in the suggestion
    'C:\\qdir\\tx and \\t' one could not tell the tab from the backslash-t. Such a text is told
    in double quotes, each backslash twice, where '\\t' is a tab: as shown, it reads as meant."""
    target = tmp_path / "map.yaml"
    target.write_text(
        f"argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: {value}\n    implicit: true\n",
        encoding="utf-8",
    )
    [found] = check_file(target).diagnostics
    assert found.code == "AM002"
    said = printable(found.message)  # as the terminal shows it
    told = said.rsplit(": text: ", 1)[1]
    assert told == shown
    assert yaml.safe_load(f"text: {told}") == {"text": value[1:-1]}  # each backslash as written
    assert "write each backslash twice, which double quotes read as one" in said


@pytest.mark.parametrize(
    ("written", "column", "told"),
    [
        (
            '"Smile \\ud83d\\ude00 now"',
            18,
            "'\\ud83d\\ude00' is one character written as its two halves in UTF-16 (a surrogate "
            "pair, as JSON and JavaScript write it), which YAML cannot read: write its code "
            "whole, '\\U0001F600', or the character itself, 😀",
        ),
        (
            '"Smile \\uD83D\\uDE00"',
            18,
            "'\\uD83D\\uDE00' is one character written as its two halves in UTF-16 (a surrogate "
            "pair, as JSON and JavaScript write it), which YAML cannot read: write its code "
            "whole, '\\U0001F600', or the character itself, 😀",
        ),
        (
            '"Smile \\ud83d now"',
            18,
            "'\\ud83d' is half of a character in UTF-16 (a surrogate), which YAML cannot read "
            "alone: write the character's code whole, '\\U' and eight hex digits ('\\U0001F600' "
            "for 😀), or the character itself",
        ),
        (
            '"after \\ude00"',
            18,
            "'\\ude00' is half of a character in UTF-16 (a surrogate), which YAML cannot read "
            "alone: write the character's code whole, '\\U' and eight hex digits ('\\U0001F600' "
            "for 😀), or the character itself",
        ),
    ],
)
def test_a_character_written_as_a_surrogate_pair_is_told_how_yaml_writes_it(
    tmp_path: Path, written: str, column: int, told: str
) -> None:
    """libyaml said only 'found invalid Unicode character escape code while parsing a quoted
    scalar' of the JSON way to write 😀, "\\ud83d\\ude00"."""
    target = tmp_path / "map.yaml"
    target.write_text(
        f"argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: {written}\n    implicit: true\n",
        encoding="utf-8",
    )
    [found] = check_file(target).diagnostics
    assert (str(found.span), found.code) == (f"5:{column}", "AM002")  # at the backslash
    assert found.message == f"YAML syntax error: {told}"
    if "whole, '\\U0001F600'" in told:  # what it says to write reads as the character meant
        fixed = written.replace(written[7:19], "\\U0001F600")
        assert yaml.safe_load(f"text: {fixed}")["text"] == f"Smile 😀{written[19:-1]}"


def test_an_escape_beyond_unicode_keeps_libyaml_s_words(tmp_path: Path) -> None:
    target = tmp_path / "map.yaml"
    target.write_text(
        'argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: "x \\U00110000"\n', "utf-8"
    )
    [found] = check_file(target).diagnostics
    assert found.message.startswith("YAML syntax error: found invalid Unicode character escape")
