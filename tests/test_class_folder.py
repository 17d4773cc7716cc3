"""A teacher's folder of students' maps, as Windows laptops hand them in: every map in it is
read, or named in a note; none is passed over in silence."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from argmap.batch.jobs import scan
from argmap.cli import main

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
