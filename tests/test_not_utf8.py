"""A file that is not UTF-8 (a map, a source text, a JSON file imported, a pyproject.toml) is
told in a user's terms: the byte and its line and column, the encoding it is probably in (with
the word it reads there), and how to save it as UTF-8 in Notepad or Word; never in Python's
words ("'utf-8' codec can't decode byte 0xe9 in position 12: invalid continuation byte")."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.api import check_file
from argmap.convert import import_file
from argmap.encodings import SAVE_AS_UTF8_HOW
from argmap.formats.base import FormatError

HOW = (
    "save it as UTF-8 (Notepad: File > Save as, Encoding: UTF-8; Word: File > Save as, Plain "
    "Text, then Text encoding: Unicode (UTF-8); another editor: its Save as, encoding UTF-8)"
)
ANSI = "it is probably in Windows-1252 (Windows' 'ANSI') or Latin-1, in which the word there is"
PYTHON_WORDS = ("codec", "position", "invalid start byte", "invalid continuation byte")


def test_the_advice_names_notepad_and_word() -> None:
    assert SAVE_AS_UTF8_HOW == HOW


def test_a_map_in_windows_1252_is_told_the_byte_its_place_and_the_word(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_bytes("argmap: 1\ntitle: Le lycée\n".encode("cp1252"))
    [found] = check_file(path).diagnostics
    assert (found.code, str(found.span)) == ("AM001", "2:14")
    assert found.message == (
        f"the file is not valid UTF-8 (byte e9 at line 2, column 14): {ANSI} 'lycée'; {HOW}"
    )


def test_bytes_no_encoding_reads_as_text_are_told_without_python_words(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_bytes(b"argmap: 1\ntitle: \x81\x8d\n")
    [found] = check_file(path).diagnostics
    assert found.message == (
        "the file is not valid UTF-8 (byte 81 at line 2, column 8): it is in another encoding; "
        + HOW
    )


def test_a_file_cut_inside_a_character_is_told_so(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_bytes(b"argmap: 1\ntitle: T\nnote: \xe2\x80")
    [found] = check_file(path).diagnostics
    assert found.message == (
        "the file is not valid UTF-8 (bytes e2 80 at line 3, column 7): it ends inside a "
        f"character, cut short; {HOW}"
    )


def test_a_source_in_windows_1252_is_told_the_word_too(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_bytes(
        "Intro.\nLe téléphone nuit à l’attention.\n".encode("cp1252")
    )
    path = tmp_path / "map.yaml"
    path.write_text(
        "argmap: 1\ntitle: T\nsource:\n  path: article.txt\npremises:\n  - id: a\n    text: A.\n",
        encoding="utf-8",
    )
    [found] = [d for d in check_file(path).diagnostics if d.code == "AM109"]
    assert found.message == (
        "source file 'article.txt' is not valid UTF-8 (byte e9 at line 2, column 5): "
        f"{ANSI} 'téléphone'; {HOW}"
    )


def test_a_json_file_imported_is_not_told_in_python_words(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'{"nodes": [{"nodeID": "1", "text": "Caf\xe9", "type": "I"}],\n "edges": []}')
    with pytest.raises(FormatError) as caught:
        import_file("aif", path)
    assert str(caught.value) == (
        "the file is not valid UTF-8 (byte e9 at line 1, column 40): "
        f"{ANSI} '\"Caf\u00e9\",'; {HOW}"
    )


def test_a_pyproject_not_in_utf8_is_not_told_in_python_words(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.argmap]\n# caf\xe9\n")
    path = tmp_path / "map.yaml"
    path.write_text("argmap: 1\ntitle: T\n", encoding="utf-8")
    [found] = [d for d in check_file(path).diagnostics if d.code == "AM119"]
    assert not any(words in found.message for words in PYTHON_WORDS)
    assert "is not valid UTF-8 (byte e9 at line 2, column 6): " + ANSI in found.message


#: What a file in UTF-16 is told, as argmap's readers tell it, and how to save it: as any
#: other file not in UTF-8 is (Notepad and Word by their menus), not "an editor's Save as".
WIDE = "UTF-16, not UTF-8 (Windows Notepad saves 'Unicode' as UTF-16); " + HOW


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])  # with a BOM, and without
def test_a_map_source_import_or_pyproject_in_utf16_is_told_so_and_how_to_save_it(
    tmp_path: Path, encoding: str
) -> None:
    (tmp_path / "article.txt").write_text("Roads are unsafe.\n", encoding=encoding)
    path = tmp_path / "map.yaml"
    path.write_text(
        "argmap: 1\ntitle: T\nsource:\n  path: article.txt\npremises:\n  - id: a\n    text: A.\n",
        encoding="utf-8",
    )
    [source] = [d for d in check_file(path).diagnostics if d.code == "AM109"]
    assert source.message == f"source file 'article.txt' is {WIDE}"
    path.write_text("argmap: 1\ntitle: T\n", encoding=encoding)
    [found] = check_file(path).diagnostics
    assert (found.code, str(found.span), found.message) == ("AM001", "1:1", f"the file is {WIDE}")
    aif = tmp_path / "a.json"
    aif.write_text('{"nodes": [], "edges": []}', encoding=encoding)
    with pytest.raises(FormatError) as caught:
        import_file("aif", aif)
    assert str(caught.value) == f"the file is {WIDE}"
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nignore = ["AM204"]\n', encoding)
    path.write_text("argmap: 1\ntitle: T\n", encoding="utf-8")
    [settings] = [d for d in check_file(path).diagnostics if d.code == "AM119"]
    assert f"pyproject.toml: is {WIDE} (the map is checked without these settings)" in (
        settings.message
    )
