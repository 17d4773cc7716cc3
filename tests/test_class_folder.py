"""A teacher's folder of students' maps, as Windows laptops hand them in: every map in it is
read, or named in a note; none is passed over in silence."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.api import check_file
from argmap.batch.jobs import scan
from argmap.cli import main
from argmap.encodings import SAVE_AS_UTF8_HOW

MAP = "argmap: 1\ntitle: T\n\npremises:\n  - id: a\n    text: A.\n    implicit: true\n"


def _class(tmp_path: Path, names: list[str]) -> Path:
    (tmp_path / "pyproject.toml").touch()
    folder = tmp_path / "copies"
    folder.mkdir()
    for name in names:
        (folder / name).write_text(MAP, encoding="utf-8")
    return folder


def test_a_map_whose_extension_is_in_capitals_is_read(tmp_path: Path) -> None:
    """Windows keeps `.YAML` as typed and matches `*.yaml` in any case: the same folder must
    give the same maps on every system."""
    folder = _class(tmp_path, ["adam.yaml", "jules.YAML", "ines.Yml"])
    found = scan(folder)
    names = sorted(os.path.basename(p) for p in found.maps)
    assert names == ["adam.yaml", "ines.Yml", "jules.YAML"]
    assert found.skipped == []
    result = CliRunner().invoke(main, ["render", str(folder)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.glob("*.svg")) == ["adam.svg", "ines.svg", "jules.svg"]
    assert "3 maps: 3 drawn" in result.stderr


def test_a_map_saved_with_txt_after_its_name_is_named_in_a_note(tmp_path: Path) -> None:
    folder = _class(tmp_path, ["adam.yaml", "karim.yaml.txt", "lea.YML.TXT", "notes.txt"])
    found = scan(folder)
    assert [os.path.basename(p) for p in found.maps] == ["adam.yaml"]
    assert found.skipped == [
        f"{folder / 'karim.yaml.txt'}: note: a map saved with '.txt' after its name (as "
        "Windows Notepad saves it); rename it 'karim.yaml' to read it; skipped",
        f"{folder / 'lea.YML.TXT'}: note: a map saved with '.TXT' after its name (as "
        "Windows Notepad saves it); rename it 'lea.YML' to read it; skipped",
    ]
    for args in (["check"], ["compare", str(folder / "adam.yaml")]):
        result = CliRunner().invoke(main, [*args, str(folder)])
        assert "rename it 'karim.yaml' to read it" in result.stderr, (args, result.stderr)
        assert "notes.txt" not in result.stderr
    named = CliRunner().invoke(main, ["check", str(folder / "karim.yaml.txt")])
    assert named.exit_code == 0, named.output  # a file named itself is read as a map


QUOTED = (
    "argmap: 1\ntitle: T\nsource:\n  path: {path}\npremises:\n  - id: a\n    text: A.\n"
    "    quotes: [Phones distract pupils]\n"
)


def _student(tmp_path: Path, path: str) -> Path:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "textes").mkdir()
    (tmp_path / "textes" / "article.txt").write_text("Phones distract pupils.\n", encoding="utf-8")
    (tmp_path / "copies").mkdir()
    target = tmp_path / "copies" / "farid.yaml"
    target.write_text(QUOTED.format(path=path), encoding="utf-8")
    return target


@pytest.mark.skipif(sys.platform == "win32", reason="Windows reads backslashes as separators")
@pytest.mark.parametrize("path", ["..\\textes\\article.txt", ".\\..\\textes\\article.txt"])
def test_a_windows_path_up_a_folder_is_no_hidden_file(tmp_path: Path, path: str) -> None:
    """`..\\textes\\article.txt`, as Windows writes it, was told it is a hidden file of the
    project, which argmap never reads (AM117): it names no file here, and is told so, with the
    path every system reads."""
    target = _student(tmp_path, path)
    [found] = check_file(target).diagnostics
    assert found.code == "AM109"
    assert found.message.endswith(
        "; write it with '/', which every system reads: '" + path.replace("\\", "/") + "'"
    )
    assert "hidden" not in found.message


@pytest.mark.skipif(sys.platform == "win32", reason="Windows reads backslashes as separators")
def test_check_fix_writes_a_windows_path_with_slashes(tmp_path: Path) -> None:
    """The path Windows reads, written with '/', is what the map says: a safe fix, made by
    --fix, when it names the source (and not when it names no file)."""
    target = _student(tmp_path, "..\\textes\\article.txt")
    result = CliRunner().invoke(main, ["check", "--fix", str(target)])
    assert result.exit_code == 0, result.output
    assert "  path: ../textes/article.txt\n" in target.read_text(encoding="utf-8")
    assert f'{target}:4:9: source path: "..\\textes\\article.txt" → "../textes/article.txt"' in (
        result.output
    )
    assert not check_file(target).diagnostics
    (tmp_path / "other").mkdir()
    lost = _student(tmp_path / "other", "..\\texts\\article.txt")
    before = lost.read_bytes()
    result = CliRunner().invoke(main, ["check", "--fix", str(lost)])
    assert result.exit_code == 1 and lost.read_bytes() == before


BASE = (
    "argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A.\n    implicit: true\n"
    "  - id: b\n    text: B.\n    implicit: true\n"
)
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("old", "new", "place", "spaces"),
    [
        (
            "    text: B.",
            NBSP * 4 + "text: B.",
            "8:1",
            " (4 spaces line it up with 'id:' on line 7)",
        ),
        (
            "    text: B.",
            "  " + NBSP * 2 + "text: B.",
            "8:3",
            " (4 spaces line it up with 'id:' on line 7)",
        ),
        ("  - id: b", NBSP * 2 + "- id: b", "7:1", ""),
        (
            "    text: B.",
            "\u3000\u3000text: B.",
            "8:1",
            " (4 spaces line it up with 'id:' on line 7)",
        ),
    ],
)
def test_a_no_break_space_in_the_indentation_is_named(
    tmp_path: Path, old: str, new: str, place: str, spaces: str
) -> None:
    """Lines pasted from Word or a web page are indented with no-break spaces, which look like
    spaces: libyaml said 'mapping values are not allowed in this context' at a colon further
    on. It is told as a tab is, where it is."""
    target = tmp_path / "m.yaml"
    target.write_text(BASE.replace(old, new), encoding="utf-8")
    [found] = check_file(target).diagnostics
    name = "a no-break space (U+00A0)" if NBSP in new else "an ideographic space (U+3000)"
    assert (found.code, f"{found.span.line}:{found.span.column}") == ("AM002", place)
    assert found.message == (
        f"YAML syntax error: {name} in the indentation, as text copied from a word processor "
        "or a web page has; YAML indents with plain spaces only: replace it with spaces" + spaces
    )


def test_a_map_saved_in_windows_1252_is_told_so_with_the_word_it_reads(tmp_path: Path) -> None:
    """'byte e9 cannot be decoded (invalid continuation byte)' told a student nothing: the map
    was saved by Notepad as 'ANSI'. Now it says which encoding, the word it spoils, and how to
    save it as UTF-8 in Notepad or Word."""
    target = tmp_path / "chloé.yaml"
    target.write_bytes(BASE.replace("title: T", "title: Le lycée").encode("cp1252"))
    [found] = check_file(target).diagnostics
    assert (found.code, f"{found.span.line}:{found.span.column}") == ("AM001", "2:14")
    assert found.message == (
        "the file is not valid UTF-8 (byte e9 at line 2, column 14): it is probably in "
        "Windows-1252 (Windows' 'ANSI') or Latin-1, in which the word there is 'lycée'; "
        + SAVE_AS_UTF8_HOW
    )


def test_bytes_that_are_no_text_in_windows_1252_either_are_told_so(tmp_path: Path) -> None:
    target = tmp_path / "m.yaml"
    target.write_bytes(b"argmap: 1\ntitle: \x81\x8d\n")
    [found] = check_file(target).diagnostics
    assert found.message == (
        "the file is not valid UTF-8 (byte 81 at line 2, column 8): it is in another encoding; "
        + SAVE_AS_UTF8_HOW
    )


ARTICLE = (
    "Phones at school\n\nBy Claire Martin\n\nA study in London found that pupils' results pro-\n"
    "gress when phones are banned.\n"
)


@pytest.mark.parametrize("ends", ["\n", "\r\n", "\r"])
def test_a_source_with_old_mac_line_ends_reads_as_its_lines(tmp_path: Path, ends: str) -> None:
    """Text copied from a PDF viewer and saved by Notepad may end its lines with a lone CR:
    every passage was 'line 1', the byline ran into the paragraph in coverage, and a word
    broken at a line's end was not read as one, so a quote found in the LF text was not."""
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "article.txt").write_bytes(ARTICLE.replace("\n", ends).encode("utf-8"))
    target = tmp_path / "m.yaml"
    target.write_text(
        "argmap: 1\ntitle: T\nsource:\n  path: article.txt\npremises:\n  - id: a\n    text: A.\n"
        "    quotes:\n      - pupils' results progress when phones are banned\n"
        "      - A study in Paris found\n",
        encoding="utf-8",
    )
    [found] = check_file(target).diagnostics
    assert found.code == "AM110" and "closest passage (line 5)" in found.message, found.message
    result = CliRunner().invoke(main, ["coverage", str(target)])
    assert "By Claire Martin" in result.output
    assert "By Claire Martin A study" not in result.output


def test_a_map_saved_again_after_opening_it_in_latin_1_is_told_so(tmp_path: Path) -> None:
    """A UTF-8 map opened as Latin-1 and saved again holds 'lâ\\x80\\x99attention' for
    'l’attention': told only 'character U+0080 is not allowed', the student could not see why."""
    target = tmp_path / "will.yaml"
    text = BASE.replace("title: T", "title: Le téléphone nuit à l’attention")
    target.write_text(text.encode("utf-8").decode("latin-1"), encoding="utf-8")
    [found] = check_file(target).diagnostics
    assert (found.code, f"{found.span.line}:{found.span.column}") == ("AM012", "2:33")
    assert found.message == (
        "character U+0080 is not allowed in a YAML file (control characters are not allowed); "
        "the word there, 'lâ\\x80\\x99attention', is 'l’attention' garbled: the file was opened "
        "in another encoding than UTF-8 (Latin-1 or Windows-1252) and saved again, which "
        "garbles every accented letter and curly quote in it; retype them, or take a copy "
        "saved before"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="Windows reads backslashes as separators")
def test_a_windows_path_that_names_no_file_either_is_told_the_file_meant(tmp_path: Path) -> None:
    """'..\\Textes\\Article.txt' (a folder's and a file's case slipped) was told to be written
    '../Textes/Article.txt', which names no file either; the file meant is named now, and
    --unsafe-fixes writes it."""
    target = _student(tmp_path, "..\\Textes\\Article.txt")
    [found] = check_file(target).diagnostics
    assert found.message.endswith(
        "; write it with '/', which every system reads: '../Textes/Article.txt'; no file is "
        "there either: did you mean '../textes/article.txt'?"
    ), found.message
    result = CliRunner().invoke(main, ["check", "--fix", "--unsafe-fixes", str(target)])
    assert result.exit_code == 0, result.output
    assert "  path: ../textes/article.txt\n" in target.read_text(encoding="utf-8")


def test_a_map_garbled_in_windows_1252_is_warned_of_once(tmp_path: Path) -> None:
    """A UTF-8 map opened as Windows-1252 and saved again as UTF-8 holds 'tÃ©lÃ©phone' for
    'téléphone': it loaded, and each of its quotes was 'not found; no close passage found'.
    One warning (AM210) now says what happened, at the first garbled text, and how many."""
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "article.txt").write_text("Le téléphone nuit à l’attention.\n", "utf-8")
    text = (
        "argmap: 1\ntitle: Le portable\nsource:\n  path: article.txt\npremises:\n"
        "  - id: a\n    text: Le téléphone nuit.\n    quotes: [Le téléphone nuit à l’attention]\n"
        "  - id: b\n    text: Une idée reçue.\n    implicit: true\n"
    )
    target = tmp_path / "m.yaml"
    target.write_text(text.encode("utf-8").decode("cp1252"), encoding="utf-8")
    garbled = [d for d in check_file(target).diagnostics if d.code == "AM210"]
    assert [(d.span.line, d.span.column, d.severity.value) for d in garbled] == [(7, 11, "warning")]
    assert garbled[0].message == (
        "the text of 'a' holds 'tÃ©lÃ©phone', which is 'téléphone' garbled (and 2 more of the "
        "map's texts are): the file was opened in another encoding than UTF-8 (Latin-1 or "
        "Windows-1252) and saved again, which garbles every accented letter and curly quote "
        "in it; retype them, or take a copy saved before"
    )
    target.write_text(text, encoding="utf-8")  # French, as it should be: nothing to say
    assert [d.code for d in check_file(target).diagnostics] == ["AM201", "AM201"]


def test_check_fix_writes_a_source_path_in_the_case_of_the_files(tmp_path: Path) -> None:
    """'../Textes/Article.txt' names the source on Windows and macOS, which match names in any
    case, and nothing on Linux: --fix writes it as the files are named, when one file alone
    matches it so (and a Windows path's '\\\\' as '/' with it)."""
    for number, path in enumerate(("../Textes/Article.TXT", "..\\TEXTES\\article.txt")):
        target = _student(tmp_path / str(number), path)
        result = CliRunner().invoke(main, ["check", "--fix", str(target)])
        assert result.exit_code == 0, result.output
        assert "  path: ../textes/article.txt\n" in target.read_text(encoding="utf-8")
    twins = _student(tmp_path / "twins", "../Textes/Article.txt")
    (twins.parent.parent / "textes" / "ARTICLE.txt").write_text("Phones.\n", encoding="utf-8")
    before = twins.read_bytes()
    result = CliRunner().invoke(main, ["check", "--fix", str(twins)])
    assert result.exit_code == 1 and twins.read_bytes() == before  # which one? a person says


def test_check_fix_writes_a_source_path_in_the_unicode_form_of_its_file(tmp_path: Path) -> None:
    """'Élise.txt' typed on Windows (é one character, NFC) and the file unzipped from a Mac
    (é as e and an accent, NFD) are one name to macOS and two to Linux: --fix writes the
    name as the folder holds it."""
    (tmp_path / "pyproject.toml").touch()
    folder = tmp_path / "Élise".replace("É", "E\u0301")
    folder.mkdir()
    (folder / "article.txt").write_text("Phones distract pupils.\n", encoding="utf-8")
    target = tmp_path / "m.yaml"
    target.write_text(QUOTED.format(path="Élise/article.txt"), encoding="utf-8")
    [found] = check_file(target).diagnostics
    assert found.message.endswith(  # 'did you mean' a name that looks the same said nothing
        "; did you mean 'E\u0301lise/article.txt'? (the same letters, its accents stored "
        "otherwise, as macOS stores them: check --fix writes them as the folder has them)"
    )
    result = CliRunner().invoke(main, ["check", "--fix", str(target)])
    assert result.exit_code == 0, result.output
    assert "path: E\u0301lise/article.txt\n" in target.read_text(encoding="utf-8")
