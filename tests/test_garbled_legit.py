"""AM210 tells a map garbled by another encoding, and no legitimate word that merely reads as
UTF-8 too when its letters are taken as Windows-1252 bytes ('weiß…' is 'ß' and '…')."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.api import check_file
from argmap.encodings import ungarbled

LEGIT = ["Er weiß…", "Spaß…", "Un café…”", "PERÚ’s", "CAFÉ”", "NÃO", "«IRMÃ»", "Привет",
         "NESTLÉ®", "PERÚ™", "ADIÓS—", "Straße“"]  # fmt: skip


@pytest.mark.parametrize("text", LEGIT)
def test_a_legitimate_word_is_not_garbled(text: str) -> None:
    assert all(ungarbled(text, at) is None for at in range(len(text)))


@pytest.mark.parametrize(
    ("text", "was"),
    [
        ("tÃ©lÃ©phone", "téléphone"),
        ("lâ€™attention", "l’attention"),
        ("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"),
        ("jÄ™zyk", "język"),
        ("Viá»‡t", "Việt"),
        ("greatðŸ˜€", "great😀"),
        # another script's word garbled right after a Latin one (a brand, a name)
        ("iPhoneã\x81®", "iPhoneの"),
        ("iPhoneã‚¢ãƒ—ãƒª", "iPhoneアプリ"),
        ("Appleæ—¥æœ¬", "Apple日本"),
        ("SamsungÐŸÑ€Ð¸Ð²ÐµÑ‚", "SamsungПривет"),
    ],
)
def test_a_garbled_word_is_still_told(text: str, was: str) -> None:
    assert ungarbled(text, 1) == (text, was)


def test_a_map_pasted_garbled_after_a_latin_word_is_told_what_it_was(tmp_path: Path) -> None:
    """'iPhoneã\x81®' (a web page's 'iPhoneの' shown in Windows-1252, pasted): YAML refuses
    the invisible U+0081, and the message says which word is garbled and what it was; a word
    with no such character in it is warned of (AM210)."""
    target = tmp_path / "m.yaml"
    garbled = "iPhoneの使い方".encode().decode("latin-1")
    target.write_text(f"argmap: 1\ntitle: {garbled}\n", encoding="utf-8")
    [found] = check_file(target).diagnostics
    assert (found.code, str(found.span)) == ("AM012", "2:15")
    assert found.message.startswith(
        "character U+0081 is not allowed in a YAML file (control characters are not allowed); "
        "the word there, 'iPhoneã\\x81®ä½¿ã\\x81\\x84æ\\x96¹', is 'iPhoneの使い方' garbled: "
    )
    target.write_text(
        "argmap: 1\ntitle: Mon iPhoneã‚¢ãƒ—ãƒª\npremises:\n  - id: a\n    text: A.\n"
        "    implicit: true\n",
        encoding="utf-8",
    )
    assert [(d.code, d.message.split(":")[0]) for d in check_file(target).diagnostics] == [
        ("AM210", "the title holds 'iPhoneã‚¢ãƒ—ãƒª', which is 'iPhoneアプリ' garbled")
    ]


def test_a_german_map_with_an_ellipsis_is_not_warned_of(tmp_path: Path) -> None:
    target = tmp_path / "m.yaml"
    target.write_text(
        "argmap: 1\ntitle: Wer weiß…\npremises:\n  - id: a\n    text: Es macht Spaß…\n"
        "    implicit: true\n",
        encoding="utf-8",
    )
    assert "AM210" not in [d.code for d in check_file(target).diagnostics]


def test_a_source_path_in_another_case_is_no_safe_fix_among_twins_past_the_names_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'a.txt' and 'A.txt' in a folder of more names than are compared for a slip: 'A.TXT'
    names neither alone, however many names come before them."""
    from argmap import meant

    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "t").mkdir()
    for name in ("a.txt", "A.txt"):
        (tmp_path / "t" / name).write_text(f"{name}\n", encoding="utf-8")
    monkeypatch.setattr(meant, "MOST_NAMES", 1)  # as if thousands of names came first
    assert meant.cased("t/A.TXT", tmp_path, [str(tmp_path)]) is None


def test_a_map_saved_with_txt_beside_its_own_name_is_not_to_be_renamed_over_it(
    tmp_path: Path,
) -> None:
    """'karim.yaml.txt' beside 'karim.yaml': renaming it as told would overwrite the map that
    is read; the note says that a map of that name is read instead."""
    from argmap.batch.jobs import scan

    (tmp_path / "pyproject.toml").touch()
    for name in ("karim.yaml", "karim.yaml.txt", "lea.yaml.txt"):
        (tmp_path / name).write_text("argmap: 1\ntitle: T\n", encoding="utf-8")
    found = scan(tmp_path)
    assert found.skipped == [
        f"{tmp_path / 'karim.yaml.txt'}: note: a map saved with '.txt' after its name (as "
        "Windows Notepad saves it); 'karim.yaml' beside it is read instead; skipped",
        f"{tmp_path / 'lea.yaml.txt'}: note: a map saved with '.txt' after its name (as "
        "Windows Notepad saves it); rename it 'lea.yaml' to read it; skipped",
    ]


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("..\\..\\..\\etc\\passwd", "is outside the map's project"),
        ("..\\.git\\config", "is in the hidden folder '.git' of the map's project"),
    ],
)
def test_a_windows_path_leading_out_of_the_project_is_not_advised_with_slashes(
    tmp_path: Path, path: str, said: str
) -> None:
    """'..\\\\..\\\\..\\\\etc\\\\passwd' was told to be written '../../../etc/passwd', which
    every system reads, as if argmap would then read it: it says that it would not, and why."""
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "maps").mkdir()
    target = tmp_path / "maps" / "m.yaml"
    target.write_text(
        f"argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A.\n    implicit: true\n"
        f"source:\n  path: {path}\n",
        encoding="utf-8",
    )
    [found] = [d for d in check_file(target).diagnostics if d.code == "AM109"]
    slashed = path.replace("\\", "/")
    assert "which every system reads" not in found.message
    assert f"; written with '/', '{slashed}', {said}" in found.message


def test_a_quote_of_a_text_about_mojibake_is_not_garbled(tmp_path: Path) -> None:
    """A source that writes 'Ã©' on purpose (an article about mojibake), quoted as it is: the
    map holds what its source holds, and no editor garbled it."""
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "a.txt").write_text(
        "Old mail showed 'Ã©' where 'é' was meant. It annoyed readers.\n", encoding="utf-8"
    )
    target = tmp_path / "m.yaml"
    target.write_text(
        "argmap: 1\ntitle: T\nsource:\n  path: a.txt\npremises:\n  - id: a\n    text: A.\n"
        "    quotes:\n      - \"Old mail showed 'Ã©' where 'é' was meant.\"\n",
        encoding="utf-8",
    )
    assert [d.code for d in check_file(target).diagnostics if d.code == "AM210"] == []
    target.write_text(  # the same word in the claim's own text: told, as before
        "argmap: 1\ntitle: T\nsource:\n  path: a.txt\npremises:\n  - id: a\n    text: A Ã©.\n"
        "    quotes:\n      - \"Old mail showed 'Ã©' where 'é' was meant.\"\n",
        encoding="utf-8",
    )
    assert [d.code for d in check_file(target).diagnostics if d.code == "AM210"] == ["AM210"]


def test_three_maps_drawn_to_one_file_are_none_drawn() -> None:
    """'a.yaml', 'a.yml' and 'a.YAML' (read since a folder takes '.YAML'): 'none is drawn',
    not 'neither'; two as before."""
    from argmap.batch.jobs import clashes

    three = clashes([("m/a.YAML", "m/a.svg"), ("m/a.yaml", "m/a.svg"), ("m/a.yml", "m/a.svg")])
    assert three["m/a.yml"] == (
        "m/a.yml: would be drawn to m/a.svg, as m/a.YAML and m/a.yaml would; none is drawn "
        "(rename all but one)"
    )
    two = clashes([("m/a.yaml", "m/a.svg"), ("m/a.yml", "m/a.svg")])
    assert two["m/a.yml"].endswith("; neither is drawn (rename one)")


def test_a_windows_path_with_doubled_backslashes_is_written_with_single_slashes(
    tmp_path: Path,
) -> None:
    """'..\\\\\\\\texts\\\\\\\\a.txt' (copied from a JSON or C string), which Windows reads as
    '..\\\\texts\\\\a.txt', was to be written '..//texts//a.txt'; one '/' each now."""
    from argmap.meant import slashed

    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("A.\n", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    near = tmp_path / "maps"
    assert slashed("..\\\\texts\\\\a.txt", near, [str(tmp_path)]) == "../texts/a.txt"
    assert slashed("..\\texts\\a.txt", near, [str(tmp_path)]) == "../texts/a.txt"
