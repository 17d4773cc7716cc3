"""Messages that name the cause and show the fix, for the mistakes a new user makes (issue 14,
item 6), at the places an editor shows."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from argmap.api import check_bytes, check_map_bytes
from argmap.markdown import MapBlockError

from .test_markdown import convert

HEAD = "argmap: 1\ntitle: T\n"


def found(text: str, path: str = "map.yaml") -> list[tuple[str, str, str]]:
    """(place, code, message) of each diagnostic of a map given as text, as argmap check
    says them."""
    checked = check_map_bytes(text.encode(), path)
    return [(str(d.span), d.code, d.message) for d in checked.diagnostics]


def errors(text: str, path: str = "map.yaml") -> list[tuple[str, str, str]]:
    return [d for d in found(text, path) if d[1] < "AM2"]


def test_a_colon_in_plain_text_says_to_quote_it_and_shows_the_line() -> None:
    text = HEAD + "premises:\n  - id: a\n    text: Context: a colon in plain text\n"
    assert errors(text) == [
        (
            "5:18",
            "AM002",
            "YAML syntax error: ': ' (a colon and a space) inside plain text starts a mapping; "
            'put the text in quotes: text: "Context: a colon in plain text"',
        )
    ]
    quoted = HEAD + 'premises:\n  - id: a\n    text: He said "so": yes\n'
    assert errors(quoted)[0][2].endswith("""put the text in quotes: text: 'He said "so": yes'""")


def test_a_colon_in_a_list_item_says_the_same() -> None:
    text = HEAD + "premises:\n  - id: a\n    text: A\n    quotes:\n      - the source: it says\n"
    assert errors(text) == [
        (
            "7:9",
            "AM010",
            "a quote must be text, not a mapping; ': ' inside plain text makes a mapping: put "
            'the text in quotes: "the source: it says"',
        )
    ]


def test_a_colon_that_is_no_text_is_not_taken_for_one() -> None:
    """Bad indentation also makes 'mapping values are not allowed': no advice to quote."""
    text = HEAD + "premises:\n  - id: a\n     text: x\n"
    [(_, code, message)] = errors(text)
    assert code == "AM002" and "quotes" not in message


PREMISE = HEAD + "premises:\n  - id: a\n"


@pytest.mark.parametrize(
    ("text", "place", "said"),
    [
        (
            PREMISE + "   text: x\n",
            "5:4",
            "'text:' starts in column 4 but 'id:' on line 4 starts"
            " in column 5: the keys of one mapping line up; move it to column 5",
        ),
        (
            PREMISE + "     text: x\n",
            "5:6",
            "'text:' starts in column 6 but 'id:' on line 4"
            " starts in column 5: the keys of one mapping line up; move it to column 5",
        ),
        (
            PREMISE + "    text: x\n   note: y\n",
            "6:4",
            "'note:' starts in column 4 but 'text:'"
            " on line 5 starts in column 5: the keys of one mapping line up; move it to column 5",
        ),
        (
            "argmap: 1\n title: T\n",
            "2:2",
            "'title:' starts in column 2 but 'argmap:' on line 1"
            " starts in column 1: the keys of one mapping line up; move it to column 1",
        ),
        (
            PREMISE + "    text: x\n - id: b\n    text: y\n",
            "6:2",
            "'- id:' starts in column 2"
            " but the item '- id:' on line 4 starts in column 3: the items of one list line up;"
            " move it to column 3",
        ),
    ],
)
def test_a_key_or_item_out_of_line_says_where_it_belongs(text: str, place: str, said: str) -> None:
    assert errors(text) == [(place, "AM002", f"YAML syntax error: {said}")]


def test_a_colon_after_a_key_in_line_is_still_the_colon_hint() -> None:
    text = PREMISE + "    text: x\nconclusions: x: y\n"
    (error,) = errors(text)
    assert error[2].startswith("YAML syntax error: ': ' (a colon and a space) inside plain text")


@pytest.mark.parametrize(
    ("text", "place", "fix"),
    [
        (HEAD + "premises:\n  - id: a\n\ttext: x\n", "5:1",
         "4 spaces line it up with 'id:' on line 4"),
        (HEAD + "premises:\n\t- id: a\n    text: x\n", "4:1",
         "2 spaces put it under 'premises:' on line 3"),
        (HEAD + "\tnote: x\npremises:\n  - id: a\n    text: x\n", "3:1",
         "none line it up with 'title:' on line 2"),
        ("\tnote: x\n", "1:1", ""),
    ],
)  # fmt: skip
def test_a_tab_in_the_indentation_is_named_with_the_spaces_to_write(
    text: str, place: str, fix: str
) -> None:
    """A student indents with the Tab key: how many spaces, from the line above."""
    said = "YAML syntax error: a tab in the indentation; YAML indents with spaces only: replace "
    said += "the tab with spaces" + (f" ({fix})" if fix else "")
    assert errors(text) == [(place, "AM002", said)]


LINKED = HEAD + (
    "premises:\n  - {id: a, text: A}\n  - {id: b, text: B}\n  - {id: x, text: X}\n"
    "conclusions:\n  - id: c\n    text: C\n    reasons:\n      - a, b\n"
    "    objections:\n      - x, b\n    contradicts: a, x\n"
)


def test_ids_written_as_one_say_how_to_write_a_list() -> None:
    assert errors(LINKED) == [
        (
            "11:9",
            "AM103",
            "reason 'a, b' of 'c' is no claim; write [a, b] for one linked reason (they support "
            "only together), or each on a line of its own (- a) for 2 reasons",
        ),
        (
            "13:9",
            "AM103",
            "objection 'x, b' of 'c' is no claim; write [x, b] for 2 objections, or 'claims: "
            "[x, b]' for one linked objection",
        ),
        (
            "14:18",
            "AM103",
            "contradiction 'a, x' of 'c' is no claim; write [a, x] for 2 claims it contradicts",
        ),
    ]


def test_an_id_with_accents_is_told_the_id_without_them() -> None:
    # The id proposed dropped the accented letters: 'énergie-sûre' gave 'nergie-s-re'.
    defined = HEAD + (
        "premises:\n  - id: énergie-sûre\n    text: A.\n"
        "conclusions:\n  - id: c\n    text: C.\n    reasons: [energie-sure]\n"
    )
    assert errors(defined) == [
        (
            "4:9",
            "AM101",
            "invalid claim id 'énergie-sûre': use lowercase letters a-z, digits and single "
            "hyphens, starting with a letter (e.g. 'energie-sure')",
        ),
        (
            "9:15",
            "AM103",
            "reason 'energie-sure' of 'c' is no claim; the claim is defined as "
            "'énergie-sûre', which is no valid id: rename it 'energie-sure' where it is "
            "defined (ids use lowercase letters a-z, digits and hyphens)",
        ),
    ]


def test_a_german_id_is_told_its_umlauts_as_german_writes_them() -> None:
    """A lecturer's 'autoritär' was offered 'autoritar', which is no German; in a map that
    says lang: de, an umlaut is written as German writes it without one."""
    text = "premises:\n  - id: autoritär\n    text: A.\n"
    german = HEAD + "lang: de\n" + text
    assert errors(german)[0][2].endswith("(e.g. 'autoritaer')")
    assert errors(HEAD + text)[0][2].endswith("(e.g. 'autoritar')")  # not said German


def test_a_cyrillic_id_is_told_it_in_latin_letters() -> None:
    """An analyst who wrote ids in Russian was told to use "lowercase letters", which they
    were, and offered 'claim' as the id: now the letters are named (a-z) and the id offered
    is the Russian (or Kazakh) one in Latin letters."""
    defined = HEAD + (
        "premises:\n  - id: зависимость\n    text: A.\n"
        "conclusions:\n  - id: c\n    text: C.\n    reasons: [zavisimost]\n"
        "  - id: қазақстан-экспорт\n    text: D.\n    reasons: [c]\n"
    )
    assert errors(defined) == [
        (
            "4:9",
            "AM101",
            "invalid claim id 'зависимость': use lowercase letters a-z, digits and single "
            "hyphens, starting with a letter (e.g. 'zavisimost')",
        ),
        (
            "9:15",
            "AM103",
            "reason 'zavisimost' of 'c' is no claim; the claim is defined as "
            "'зависимость', which is no valid id: rename it 'zavisimost' where it is "
            "defined (ids use lowercase letters a-z, digits and hyphens)",
        ),
        (
            "10:9",
            "AM101",
            "invalid claim id 'қазақстан-экспорт': use lowercase letters a-z, digits and single "
            "hyphens, starting with a letter (e.g. 'qazaqstan-eksport')",
        ),
    ]


def test_an_id_with_underscores_is_told_to_use_hyphens() -> None:
    defined = HEAD + (
        "premises:\n  - id: garages_costly\n    text: A.\n"
        "conclusions:\n  - id: c\n    text: C.\n    reasons: [garages-costly]\n"
    )
    assert errors(defined) == [
        (
            "4:9",
            "AM101",
            "invalid claim id 'garages_costly': use lowercase letters a-z, digits and single "
            "hyphens, starting with a letter (e.g. 'garages-costly')",
        ),
        (
            "9:15",
            "AM103",
            "reason 'garages-costly' of 'c' is no claim; the claim is defined as "
            "'garages_costly', which is no valid id: rename it 'garages-costly' where it is "
            "defined (ids use lowercase letters a-z, digits and hyphens)",
        ),
    ]
    referred = defined.replace("garages_costly", "X").replace("garages-costly", "garages_costly")
    referred = referred.replace("id: X", "id: garages-costly")
    assert errors(referred) == [
        (
            "9:15",
            "AM103",
            "reason 'garages_costly' of 'c' is no claim; did you mean 'garages-costly'? ids use "
            "lowercase letters a-z, digits and hyphens",
        )
    ]


def test_a_missing_version_shows_the_line_to_add() -> None:
    assert errors("title: T\npremises:\n  - {id: a, text: A}\n") == [
        (
            "1:1",
            "AM011",
            "the map is missing the required key 'argmap'; add the line 'argmap: 1' at the top "
            "of the file",
        )
    ]


def test_a_map_of_a_newer_format_says_to_update_argmap_not_to_change_it() -> None:
    """A colleague's map written for a newer argmap: 'write argmap: 1' and 'did you mean'
    for the keys the newer format added would lead the user to rewrite a map that is right."""
    text = "argmap: 2\ntitle: T\nweights: true\npremises:\n  - {id: a, text: A, kind: value}\n"
    expected = (
        "1:9",
        "AM015",
        "the map is in format version 2, newer than this argmap reads (version 1): update "
        "argmap to read it; its keys are not checked",
    )
    assert errors(text) == [expected]
    assert [(str(d.span), d.code, d.message) for d in check_map_bytes(
        b'{"argmap": 2, "title": "T", "premises": [{"id": "a", "text": "A", "kind": 1}]}',
        "map.json").diagnostics] == [("1:12", *expected[1:])]  # fmt: skip
    assert errors(text.replace("argmap: 2", "argmap: 0"))[0] == (
        "1:9",
        "AM015",
        "unsupported format version '0'; this argmap reads version 1 (write 'argmap: 1')",
    )


def test_a_quote_differing_only_in_case_points_at_the_difference(tmp_path: Path) -> None:
    (tmp_path / "source.txt").write_text(
        "Intro.\nThe most obvious area of Mutual interest is energy.\n", encoding="utf-8"
    )
    text = HEAD + (
        "source: {path: source.txt}\npremises:\n  - id: a\n    text: A\n"
        "    quotes: the most obvious area of mutual interest\n"
        "  - id: b\n    text: B\n    quotes: THE MOST … ENERGY\n"
    )
    assert errors(text, str(tmp_path / "map.yaml")) == [
        (
            "7:13",
            "AM110",
            "quote of 'a' not found in the source; only letter case differs: the source (line 2) "
            'has "The" where the quote has "the", "Mutual" where the quote has "mutual"',
        ),
        (
            "10:13",
            "AM110",
            "quote of 'b' not found in the source; the source has it with other letter case "
            '(line 2): "The most obvious area of Mutual interest is energy"',
        ),
    ]


REWORDED = "Not one of them voted against the UN General Assembly resolution that condemned it."


def test_a_quote_of_a_sentence_the_source_since_reworded_is_shown_the_sentence_now(
    tmp_path: Path,
) -> None:
    """A newspaper corrects an article: a quoted sentence is reworded, its words kept but
    moved about. Fewer than 60% of them stand in the quote's order, so no passage is close;
    the sentence that holds most of them is the one the quote meant, and is shown."""
    (tmp_path / "source.txt").write_text(
        f"The vote.\nSome abstained. {REWORDED} Others did not.\n", encoding="utf-8"
    )
    text = HEAD + (
        "source: {path: source.txt}\npremises:\n  - id: a\n    text: A\n"
        "    quotes: None of them voted against the resolution condemning it at the UN General"
        " Assembly.\n"
        "  - id: b\n    text: B\n    quotes: The trial followed people for two months only.\n"
    )
    assert errors(text, str(tmp_path / "map.yaml")) == [
        (
            "7:13",
            "AM110",
            "quote of 'a' not found in the source; closest passage, reworded (line 2): "
            f'"{REWORDED}"',
        ),
        ("10:13", "AM110", "quote of 'b' not found in the source; no close passage found"),
    ]


def test_a_quote_with_an_elision_names_its_part_not_found(tmp_path: Path) -> None:
    """A quote that skips words across sentences ("A … B"), after the source reworded B: no
    one passage is close to the whole; the part not found is named, with its closest."""
    (tmp_path / "source.txt").write_text(
        f"Central Asian states have remained united.\nSome abstained. {REWORDED}\n"
        "The sky is blue.\n",
        encoding="utf-8",
    )
    text = HEAD + (
        "source: {path: source.txt}\npremises:\n  - id: a\n    text: A\n    quotes:\n"
        "      - Central Asian states have remained united … None of them voted against the"
        " resolution condemning it at the UN General Assembly.\n"
        "      - Central Asian states have remained united … Some abstained … The sky is red.\n"
        "      - The sky is blue … Some abstained.\n"
        "      - Central Asian states … a dream of an entirely different paper\n"
    )
    assert errors(text, str(tmp_path / "map.yaml")) == [
        (
            "8:9",
            "AM110",
            "quote of 'a' not found in the source; its part 2 of 2, \"None of them voted against"
            ' the...", is not: closest passage, reworded (line 2): '
            f'"{REWORDED}"',
        ),
        (
            "9:9",
            "AM110",
            "quote of 'a' not found in the source; its part 3 of 3, \"The sky is red.\", is not: "
            'closest passage (line 3): "The sky is blue."; the source has "blue" where the quote'
            ' has "red"',
        ),
        (
            "10:9",
            "AM110",
            "quote of 'a' not found in the source; its part 2 of 2, \"Some abstained.\", is in "
            "the source (line 2) but not after the part before it",
        ),
        (
            "11:9",
            "AM110",
            "quote of 'a' not found in the source; its part 2 of 2, \"a dream of an entirely"
            ' different paper", is not, and no passage is close to it',
        ),
    ]


def test_a_quote_of_several_sentences_names_the_sentence_not_found(tmp_path: Path) -> None:
    """A quote of two sentences after the source reworded the second: the closest passage
    was the first sentence, 'the source has nothing where the quote has' the second, as if
    it were gone. The sentence not found is named, with its closest passage."""
    (tmp_path / "source.txt").write_text(
        f"Central Asian states have remained united. {REWORDED}\n"
        "The sky is blue. Grass is green.\n",
        encoding="utf-8",
    )
    text = HEAD + (
        "source: {path: source.txt}\npremises:\n  - id: a\n    text: A\n    quotes:\n"
        "      - Central Asian states have remained united. None of them voted against the"
        " resolution condemning it at the UN General Assembly.\n"
        "      - The sky is blue. The grass is green.\n"
        "      - Grass is green. The sky is blue.\n"
        "      - The U.S. sky is blue. Grass is green.\n"
        '      - "The sky is blue. Grass is greener. "\n'
    )
    assert errors(text, str(tmp_path / "map.yaml")) == [
        (
            "8:9",
            "AM110",
            "quote of 'a' not found in the source; its sentence 2 of 2, \"None of them voted"
            ' against the...", is not: closest passage, reworded (line 1): '
            f'"{REWORDED}"',
        ),
        (
            "9:9",
            "AM110",
            "quote of 'a' not found in the source; its sentence 2 of 2, \"The grass is green.\","
            ' is not: closest passage (line 2): "Grass is green."; the source has nothing where'
            ' the quote has "The"',
        ),
        (
            "10:9",
            "AM110",
            "quote of 'a' not found in the source; its sentence 2 of 2, \"The sky is blue.\", is"
            " in the source (line 2) but not right after the sentence before it",
        ),
        (
            "11:9",
            "AM110",
            "quote of 'a' not found in the source; its sentence 1 of 2, \"The U.S. sky is"
            ' blue.", is not: closest passage (line 2): "The sky is blue."; the source has'
            ' nothing where the quote has "U.S"',  # an abbreviation ends no sentence
        ),
        (
            "12:9",
            "AM110",
            "quote of 'a' not found in the source; its sentence 2 of 2, \"Grass is greener.\","
            ' is not: closest passage (line 2): "Grass is green."; the source has "green" where'
            ' the quote has "greener"',
        ),
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows reads backslashes as separators")
def test_a_source_path_written_with_backslashes_is_told_to_use_slashes(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "source.txt").write_text("The sky is blue.\n", encoding="utf-8")
    text = HEAD + "source:\n  path: texts\\source.txt\npremises:\n  - id: a\n    text: A\n"
    ((place, code, message),) = errors(text, str(tmp_path / "map.yaml"))
    assert (place, code) == ("4:9", "AM109")
    assert message.endswith("; write it with '/', which every system reads: 'texts/source.txt'")


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        (
            "article.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
            "source file 'article.pdf' is a PDF; argmap reads plain text: save the article's "
            "text as a UTF-8 .txt file (copy it from the PDF, or run: pdftotext article.pdf) "
            "and name that",
        ),
        (  # the command to copy and run is one word for the file, whatever its name holds
            "my $(touch owned).pdf",
            b"%PDF-1.4\n",
            "source file 'my $(touch owned).pdf' is a PDF; argmap reads plain text: save the "
            "article's text as a UTF-8 .txt file (copy it from the PDF, or run: pdftotext "
            "'my $(touch owned).pdf') and name that",
        ),
        (
            "-f.pdf",
            b"%PDF-1.4\n",
            "source file '-f.pdf' is a PDF; argmap reads plain text: save the article's text "
            "as a UTF-8 .txt file (copy it from the PDF, or run: pdftotext ./-f.pdf) and name "
            "that",
        ),
        (
            "article.docx",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4",
            "source file 'article.docx' is a zipped document (Word's .docx, OpenDocument's "
            ".odt, ...); argmap reads plain text: save the article's text as a UTF-8 .txt file "
            "(Save as: Plain Text, encoding UTF-8) and name that",
        ),
        (
            "latin1.txt",
            b"The caf\xe9 is open.\n",
            "source file 'latin1.txt' is not valid UTF-8 (byte e9 at line 1, column 8): it is "
            "probably in Windows-1252 (Windows' 'ANSI') or Latin-1, in which the word there is "
            "'café'; save it as UTF-8 (Notepad: File > Save as, Encoding: UTF-8; Word: File > "
            "Save as, Plain Text, then Text encoding: Unicode (UTF-8); another editor: its Save "
            "as, encoding UTF-8)",
        ),
    ],
)
def test_a_source_that_is_not_utf8_text_says_how_to_make_it_so(
    tmp_path: Path, name: str, data: bytes, said: str
) -> None:
    # A policy analyst's source often comes as a PDF or a Word file: "not valid UTF-8 (at 2:2)"
    # told them nothing they could act on.
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / name).write_bytes(data)
    text = HEAD + f"source:\n  path: '{name}'\npremises:\n  - id: a\n    text: A\n"
    assert errors(text, str(tmp_path / "map.yaml")) == [("4:9", "AM109", said)]


def test_a_map_that_is_not_utf8_says_to_save_it_so() -> None:
    data = HEAD.encode() + b"note: The caf\xe9 is open.\n"
    ((diagnostic,),) = [check_bytes(data, "map.yaml").diagnostics]
    assert (str(diagnostic.span), diagnostic.code) == ("3:14", "AM001")
    message = diagnostic.message
    assert message.endswith("; save it as UTF-8 (Notepad: File > Save as, Encoding: UTF-8; Word: "
                            "File > Save as, Plain Text, then Text encoding: Unicode (UTF-8); "
                            "another editor: its Save as, encoding UTF-8)")  # fmt: skip


@pytest.mark.parametrize("written", ['""', "''", ""])
def test_an_empty_id_says_it_is_empty_and_proposes_one(written: str) -> None:
    text = HEAD + f"premises:\n  - id: {written}\n    text: Garages cost too much money.\n"
    assert errors(text) == [
        (
            "4:8" if not written else "4:9",
            "AM016",
            "the id of a premise is empty; give it one, such as 'id: garages-cost-too-much'",
        )
    ]


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("where", ["comment", "text"])
def test_unicode_line_separators_do_not_move_later_lines(char: str, where: str) -> None:
    """Editors show U+2028, U+2029 and U+0085 inside a line; YAML would break the line there
    (and end a comment, reading on as a key). Positions count lines as editors do."""
    first = f"# a note{char}source: not a key\n" if where == "comment" else f'note: "a{char}b"\n'
    text = HEAD + first + "premises:\n  - id: a\n    text: A\n    objections: [zz]\n"
    found_here = errors(text)
    if char == "\x85" and where == "text":  # a control character: refused where it stands
        assert found_here == [
            ("3:7", "AM012", "the note of the map contains a control character U+0085 at "
             "character 2")
        ]  # fmt: skip
    else:
        assert found_here == [("7:18", "AM103", "objection 'zz' of 'a' is no claim")]


def _page_diagnostics(body: str, tmp_path: Path) -> set[tuple[str, str, str]]:
    """The diagnostics of a map in a block indented by three in a list item, fence on line 7."""
    page = "# Title\n\nSome text.\n\n1. a list item:\n\n   ```argmap\n"
    page += "".join(f"   {line}\n" for line in body.splitlines()) + "   ```\n"
    with pytest.raises(MapBlockError) as caught:
        convert(page, tmp_path)
    return {(str(d.span), d.code, d.message) for d in caught.value.diagnostics}


def test_positions_inside_messages_of_a_markdown_block_count_from_the_page(
    tmp_path: Path,
) -> None:
    body = HEAD + "premises:\n  - id: a\n    text: A\n    text: again\n"
    # The map's first line is the page's 8th, and its columns are the page's less three.
    assert _page_diagnostics(body, tmp_path) == {
        ("13:8", "AM007", "duplicate key 'text' in a premise (first at 12:8)")
    }
    body = HEAD + "premises:\n  - id: a\n    text: A\n    objections: [b, b]\n"
    body += "  - {id: b, text: B}\n"
    assert ("13:24", "AM112", "'b' is listed twice in objections of 'a' (first at 13:21)") in (
        _page_diagnostics(body, tmp_path)
    )


def test_a_markdown_block_indented_less_than_its_fence_still_places_its_diagnostics(
    tmp_path: Path,
) -> None:
    """A line indented less than the fence: the block is read without its indent, which is
    added back to each column."""
    page = "  ```argmap\n  argmap: 1\n title: T\n  premises:\n    - id: A_b\n      text: x\n  ```\n"
    with pytest.raises(MapBlockError) as caught:
        convert(page, tmp_path)
    assert [(str(d.span), d.code) for d in caught.value.diagnostics] == [("5:11", "AM101")]


def test_a_claim_written_as_its_text_alone_is_shown_as_a_claim() -> None:
    text = HEAD + "premises:\n  - Russia is pursuing an expansionist course\n"
    assert errors(text) == [
        (
            "4:5",
            "AM010",
            "a premise must be a mapping, not text; write it as '- id: russia-is-pursuing-an' "
            "and, under 'id:', 'text: Russia is pursuing an expansionist course'",
        )
    ]


def test_a_claim_in_another_language_is_given_an_id_of_its_letters_without_accents() -> None:
    # 'Énergie chère pour l'Europe' gave the id 'nergie-ch-re-pour'.
    text = HEAD + "premises:\n  - Énergie chère pour l'Europe\n  - id:\n    text: Straße zu\n"
    assert errors(text) == [
        (
            "4:5",
            "AM010",
            "a premise must be a mapping, not text; write it as '- id: "
            "energie-chere-pour-l-europe' and, under 'id:', 'text: Énergie chère pour l'Europe'",
        ),
        ("5:8", "AM016", "the id of a premise is empty; give it one, such as 'id: strasse-zu'"),
    ]


def test_claims_written_as_a_mapping_of_ids_are_shown_as_a_list() -> None:
    # 'premises' must be a list, not a mapping: and nothing said how a list of claims is written.
    text = HEAD + "premises:\n  supplier:\n    text: A\n  constrained:\n    text: B\n"
    assert errors(text) == [
        (
            "4:3",
            "AM010",
            "'premises' must be a list, not a mapping; write each claim as an item of the list, "
            "its id under its '- ': '- id: supplier', and under 'id:', 'text: ...'",
        )
    ]


def test_a_reason_under_a_premise_says_premises_have_none() -> None:
    text = HEAD + "premises:\n  - id: a\n    text: A\n    reason: [b]\n"
    assert errors(text) == [
        (
            "6:5",
            "AM009",
            "unknown key 'reason' in a premise; premises have no reasons: list it under "
            "conclusions instead",
        )
    ]


def test_a_source_written_as_its_path_alone_is_shown_as_a_mapping() -> None:
    text = HEAD + "source: ../seeds/article.txt\n"
    assert errors(text) == [
        (
            "3:9",
            "AM010",
            "source must be a mapping, not text; write it as 'source:' and, under it, "
            "'path: ../seeds/article.txt'",
        )
    ]


def test_a_list_of_sources_says_a_map_quotes_one_text() -> None:
    """A debate coach maps both cases of a debate, each its own article, and lists both
    under source:; a map quotes one text, and the message says how to map both."""
    text = HEAD + "source:\n  - path: ../texts/prop.txt\n  - path: ../texts/opp.txt\n"
    assert errors(text) == [
        (
            "4:3",
            "AM010",
            "source must be a mapping, not a list: a map quotes one source text; to map "
            "several texts together (a debate's two cases), put them in one file, one after "
            "the other, and give its path",
        )
    ]
    # Another key's list is told as before.
    assert errors(HEAD + "source:\n  path: a.txt\n  title: [a, b]\n")[0][2] == (
        "source title must be text, not a list"
    )


def test_a_key_under_a_reason_written_as_its_id_says_to_write_the_reason_in_full() -> None:
    """'- health' and, under it, 'objections: [caz]' (an undercut of that step) was told to
    move 'objections:' left to the column of 'reasons:', which makes it a rebuttal of the
    recommendation, another argument; the reason is to be written in full."""
    text = (
        HEAD + "recommendations:\n  - id: ban\n    text: Ban cars.\n    reasons:\n"
        "      - health\n        objections: [caz]\n"
        "premises:\n  - {id: health, text: H}\n  - {id: caz, text: C}\n"
    )
    assert errors(text) == [
        (
            "8:9",
            "AM002",
            "YAML syntax error: 'objections:' is under '- health' (line 7), a reason written "
            "as its id alone, which takes no keys: write it in full, '- claims: health', and "
            "'objections:' under 'claims:', in column 9",
        )
    ]
    scheme = text.replace(
        "      - health\n        objections: [caz]\n",
        "      - caz\n      - health\n          scheme: Consequences\n",
    )
    assert errors(scheme)[0][:2] == ("9:11", "AM002")
    assert "'- claims: health', and 'scheme:' under 'claims:', in column 9" in errors(scheme)[0][2]
    # A restatement is written in full with claim:; a key no full form has is told as before.
    restated = (
        HEAD + "premises:\n  - id: a\n    text: A\n    restates:\n      - b\n        aif: {}\n"
    )
    assert "'- claim: b', and 'aif:' under 'claim:'" in errors(restated)[0][2]
    other = text.replace("objections: [caz]", "text: [caz]")
    assert "is under '- health'" not in errors(other)[0][2]


def test_a_long_value_is_cut_where_a_message_repeats_it() -> None:
    """As keys and ids are: a message repeats at most 80 characters of what was written."""
    text = (
        "argmap: " + "9" * 5000 + "x\ntitle: T\npremises:\n  - id: a\n    text: A\n"
        "    role: " + "p" * 300 + "\n    implicit: " + "q" * 300 + "\n    " + "k" * 300 + ": 1\n"
        "    " + "k" * 300 + ": 2\n"
    )
    found = errors(text)
    assert len(found) >= 4
    assert all(len(message) < 250 for _, _, message in found), found
    assert "'" + "9" * 79 + "…'" in found[0][2]
    newer = errors("argmap: " + "9" * 5000 + "\n")  # a version too new: only that is said
    assert [message[:40] for _, _, message in newer] == [f"the map is in format version {'9' * 11}"]
    assert len(newer[0][2]) < 250


def test_a_source_beside_the_maps_folder_says_how_to_make_both_one_project(
    tmp_path: Path,
) -> None:
    """The README's layout (maps/ beside seeds/) in a new folder of a user's own, with no
    .git, pyproject.toml or mkdocs.yml: the map's folder is its project, and '../seeds/' is
    outside. The message says why and what marks the folder that holds both."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "op-ed.txt").write_text("The sky is blue.\n", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    text = HEAD + "source:\n  path: ../seeds/op-ed.txt\npremises:\n"
    text += "  - id: a\n    text: A.\n    quotes: The sky is blue.\n"
    [(place, code, message)] = errors(text, str(tmp_path / "maps" / "m.yaml"))
    assert (place, code) == ("4:9", "AM117")
    assert message == (
        f"source '../seeds/op-ed.txt' is outside the map's project ({tmp_path / 'maps'}); "
        "argmap reads source texts only there (see --source-root); the map's folder is its "
        "project as no folder above it holds .git, pyproject.toml or mkdocs.yml: one in "
        f"{tmp_path} (git init, or an empty pyproject.toml) makes that folder the project"
    )
    far = HEAD + "source:\n  path: /etc/hostname\npremises:\n  - id: a\n    text: A.\n"
    [(_, _, message)] = errors(far, str(tmp_path / "maps" / "m.yaml"))
    assert message.endswith("(see --source-root)")  # no folder of the user's holds both
    (tmp_path / "pyproject.toml").touch()
    assert errors(text, str(tmp_path / "maps" / "m.yaml")) == []


@pytest.mark.parametrize(
    ("encoding", "named"),
    [
        ("utf-16", "UTF-16"),  # Notepad's 'Unicode': a BOM, then little-endian
        ("utf-16-le", "UTF-16"),  # no BOM
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
    ],
)
def test_a_map_saved_as_utf16_says_so_and_how_to_save_it(encoding: str, named: str) -> None:
    """A student's map saved by Notepad as 'Unicode' was 'byte ff cannot be decoded', or
    (without a BOM) 'character U+0000 is not allowed': neither says what happened."""
    data = (HEAD + "premises:\n  - id: a\n    text: A.\n").replace("\n", "\r\n").encode(encoding)
    [diagnostic] = check_bytes(data, "map.yaml").diagnostics
    assert (str(diagnostic.span), diagnostic.code) == ("1:1", "AM001")
    assert diagnostic.message == (
        f"the file is {named}, not UTF-8 (Windows Notepad saves 'Unicode' as UTF-16); save it "
        "as UTF-8 (Notepad: File > Save as, Encoding: UTF-8; Word: File > Save as, Plain Text, "
        "then Text encoding: Unicode (UTF-8); another editor: its Save as, encoding UTF-8)"
    )


def test_a_source_saved_as_utf16_says_so(tmp_path: Path) -> None:
    from argmap.read.sourcefile import text_of

    text, why = text_of("The sky is blue.\r\n".encode("utf-16"), "op-ed.txt")
    assert text is None
    assert why == (
        "source file 'op-ed.txt' is UTF-16, not UTF-8 (Windows Notepad saves 'Unicode' as "
        "UTF-16); save it as UTF-8 (Notepad: File > Save as, Encoding: UTF-8; Word: File > Save "
        "as, Plain Text, then Text encoding: Unicode (UTF-8); another editor: its Save as, "
        "encoding UTF-8)"
    )


def test_a_support_cycle_says_which_reason_closes_it_and_to_remove_one() -> None:
    text = HEAD + "conclusions:\n  - id: a\n    text: A.\n    reasons: [b]\n"
    text += "  - id: b\n    text: B.\n    reasons: [a]\n"
    [(place, code, message)] = [d for d in errors(text) if d[1] == "AM105"]
    assert (place, code) == ("9:15", "AM105")
    assert message == (
        "support cycle: a → b → a: each claim supports the next, so 'a' rests on itself; "
        "remove 'a' from the reasons of 'b', or another step of the cycle"
    )


def test_text_cut_short_by_a_hash_is_a_warning_that_shows_the_fix() -> None:
    """YAML starts a comment at ' #': 'the #1 distraction' silently became 'the'."""
    text = HEAD + "premises:\n  - id: a\n    text: Phones are the #1 distraction in class.\n"
    text += "    quotes:\n      - scrolling in silence #sad   # a comment\n"
    text += "    note: what the text says   # a comment of the analyst's\n"
    assert [d for d in found(text) if d[1] == "AM207"] == [
        (
            "5:11",
            "AM207",
            "the text of 'a' ends at 'the': YAML reads ' #1 distraction in class.' as a comment "
            "(one starts at ' #'); put the text in quotes to keep it: "
            'text: "Phones are the #1 distraction in class."',
        ),
        (
            "7:9",
            "AM207",
            "a quote of 'a' ends at 'silence': YAML reads ' #sad' as a comment (one starts at "
            "' #'); put the text in quotes to keep it: \"scrolling in silence #sad\"",
        ),
    ]
    fixed = HEAD + 'premises:\n  - id: a\n    text: "Phones are the #1 distraction in class."\n'
    assert found(fixed) == []


@pytest.mark.parametrize(
    ("value", "fix"),
    [
        ('"Phones" pull attention away.', """text: '"Phones" pull attention away.'"""),
        ("'Smart' phones are not smart.", """text: "'Smart' phones are not smart.\""""),
    ],
)
def test_text_that_starts_with_a_quotation_says_to_quote_the_whole_text(
    value: str, fix: str
) -> None:
    """A claim that begins with a quoted word: YAML reads the quoted word as the whole value
    and then finds more ('did not find expected key while parsing a block mapping')."""
    text = HEAD + f"premises:\n  - id: a\n    text: {value}\n"
    [(place, code, message)] = errors(text)
    assert (place, code) == ("5:11", "AM002")
    first = value[: value.index(value[0], 1) + 1]
    assert message == (
        f"YAML syntax error: the text {first} ends at its closing quote, and more follows; "
        f"put the whole text in quotes: {fix}"
    )


def test_an_id_item_without_the_space_after_its_dash_says_to_add_it() -> None:
    """'-b' under '- a' is read as more of the text 'a' (YAML: 'could not find expected
    ':' while scanning a simple key')."""
    text = HEAD + "premises:\n  - id: a\n    text: A.\n  - id: b\n    text: B.\n"
    text += "conclusions:\n  - id: c\n    text: C.\n    reasons:\n      - a\n      -b\n"
    text += "  - id: d\n    text: D.\n    reasons: [c]\n"
    assert errors(text) == [
        (
            "13:7",
            "AM002",
            "YAML syntax error: '-b' has no space after its '-': a list item starts with '- ' "
            "(a dash, then a space); write '- b'",
        )
    ]


def test_a_list_in_brackets_left_open_says_to_close_it() -> None:
    text = HEAD + "premises:\n  - id: a\n    text: A.\n    objections: [b, c\n"
    text += "  - id: b\n    text: B.\n  - id: c\n    text: C.\n"
    assert errors(text) == [
        (
            "6:22",
            "AM002",
            "YAML syntax error: the list that '[' opens at 6:17 is not closed on its line; "
            "end it with ']': objections: [b, c]",
        )
    ]


def test_text_that_begins_with_a_bracket_says_to_quote_it() -> None:
    text = HEAD + "premises:\n  - id: a\n    text: [Sic] the claim\n"
    assert errors(text) == [
        (
            "5:11",
            "AM002",
            "YAML syntax error: '[' at the start of text opens a list in YAML; put the text in "
            'quotes: text: "[Sic] the claim"',
        )
    ]


def test_claims_apart_from_the_marked_thesis_are_a_warning_naming_them() -> None:
    """A handout's objection and its answer, never attached to the thesis: each claim is
    linked to another, so AM201 says nothing, and the drawing shows them apart."""
    text = HEAD + "premises:\n  - id: a\n    text: A.\n  - id: b\n    text: B.\n"
    text += "    objections: [c]\n  - id: c\n    text: C.\n"
    text += "recommendations:\n  - id: r\n    text: R.\n    thesis: true\n    reasons: [a]\n"
    assert [d for d in found(text) if d[1] == "AM208"] == [
        (
            "6:9",
            "AM208",
            "'b' and 'c' are linked to each other but not to the thesis 'r': attach them to "
            "the argument (as a reason or an objection of a claim that leads to 'r'), or they "
            "are drawn apart from it",
        )
    ]
    attached = text.replace("    reasons: [a]\n", "    reasons: [a]\n    objections: [b]\n")
    assert [d for d in found(attached) if d[1] == "AM208"] == []
    unmarked = text.replace("    thesis: true\n", "")  # several parts, as a corpus has
    assert [d for d in found(unmarked) if d[1] == "AM208"] == []


def test_an_empty_list_says_what_to_write_or_to_leave_it_out() -> None:
    body = "premises:\n  - id: p\n    text: P.\nconclusions:\n  - id: c\n    text: C.\n"
    objections = HEAD + body + "    reasons: [p]\n    objections: []\n"
    assert errors(objections) == [
        ("10:17", "AM016", "objections is an empty list: write at least one item in it, or "
         "leave 'objections' out"),
    ]  # fmt: skip
    claims = HEAD + body + "    reasons:\n      - claims: []\n"
    assert errors(claims) == [
        ("10:17", "AM016", "'claims' of a reason is an empty list: name at least one "
         "claim in it"),
    ]  # fmt: skip
    question = (
        HEAD + body + "    reasons:\n      - claims: p\n        objections:\n"
        "          - claims: p\n            question: []\n"
    )
    assert errors(question) == [
        ("13:23", "AM016", "'question' of an objection is an empty list: write at least one "
         "item in it, or leave 'question' out"),
    ]  # fmt: skip
    linked = HEAD + body + "    reasons: [[]]\n"
    assert errors(linked) == [
        ("9:15", "AM016", "a linked reason is an empty list: name its claims in it, or leave "
         "it out"),
    ]  # fmt: skip
