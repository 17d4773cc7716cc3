"""A folder given to check, render, fmt or questions holds other YAML beside its maps (a
``mkdocs.yml``, a Jekyll ``_config.yml``, a workflow): each is skipped with one note, not read
as a map with errors; a map that lacks ``argmap:`` but has claims is still a map."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from argmap.batch.jobs import scan
from argmap.cli import main

MAP = "argmap: 1\ntitle: T\n\npremises:\n  - id: a\n    text: A.\n    implicit: true\n"
OTHERS = {
    "mkdocs.yml": "site_name: My site\nnav:\n  - index.md\ntheme:\n  name: material\n",
    "_config.yml": "title: My blog\nauthor: Me\n",  # 'title' alone is no map's mark
    "ci.yaml": "name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
}


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").touch()
    for name, text in OTHERS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    return tmp_path


def test_other_yaml_is_skipped_with_a_note_and_maps_are_kept(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    kept = {
        "no-mark.yaml": MAP.replace("argmap: 1\n", ""),  # its check says what it lacks
        "bom.yaml": "\ufeff" + MAP,
        "quoted.yaml": MAP.replace("argmap: 1", '"argmap": 1'),
        "flow.yaml": "{argmap: 1, title: T, premises: [{id: a, text: A., implicit: true}]}\n",
        "empty.yaml": "",
        "crlf.yaml": MAP.replace("\n", "\r\n"),
    }
    for name, text in kept.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    found = scan(folder)
    assert sorted(os.path.basename(p) for p in found.maps) == sorted([*kept, "map.yaml"])
    assert [line.split(": note: ")[0] for line in found.skipped] == [
        str(folder / name) for name in sorted(OTHERS)
    ]
    assert all(line.endswith("none of its top-level keys is argmap, premises, conclusions or "
                              "recommendations); skipped") for line in found.skipped)  # fmt: skip


def test_check_render_and_fmt_of_a_folder_pass_over_other_yaml(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    before = {name: (folder / name).read_bytes() for name in OTHERS}
    for args in (["check"], ["render"], ["fmt", "--check"], ["fmt"], ["questions"]):
        result = CliRunner().invoke(main, [*args, str(folder)])
        assert result.exit_code == 0, (args, result.output)
        assert result.stderr.count("YAML that is no map") == len(OTHERS), args
    assert {name: (folder / name).read_bytes() for name in OTHERS} == before
    assert sorted(p.name for p in folder.glob("*.svg")) == ["map.svg"]


def test_other_yaml_named_itself_is_still_read_as_a_map(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = CliRunner().invoke(main, ["check", str(folder / "mkdocs.yml")])
    assert result.exit_code == 1
    assert "[AM009]" in result.stderr or "[AM011]" in result.stderr


def test_a_students_slip_is_a_map_with_errors_not_other_yaml(tmp_path: Path) -> None:
    """A map whose keys are capitalised or singular, or that is no YAML at all, is checked
    (and fails) in a folder run, rather than skipped as some other YAML: a CI job over
    submissions must not pass a map it never read."""
    folder = _folder(tmp_path)
    slips = {
        "capital.yaml": "Argmap: 1\nTitle: T\nPremises:\n  - id: a\n    text: A.\n",
        "singular.yaml": "title: T\npremise:\n  - id: a\n    text: A.\n",
        "notes.yaml": "Thesis: Europe should partner with Central Asia.\n* reason: energy\n",
    }
    for name, text in slips.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert sorted(os.path.basename(p) for p in scan(folder).maps) == sorted([*slips, "map.yaml"])
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    assert all(f"{name}:" in result.stderr for name in slips)
