"""argmap check --strict: warnings fail the run too (exit status 1), as yamllint's --strict, so
that CI can hold maps to no warnings; the output is the same as without it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

#: A map whose only problem is a warning: 'x' objects to 'a' and stands, so 'c' does not (AM202,
#: AM203).
WEAK = (
    "argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A.\n    objections: [x]\n"
    "  - id: x\n    text: Not A.\nconclusions:\n  - id: c\n    text: C.\n    reasons: [a]\n"
)

#: A map without problems.
CLEAN = (
    "argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A.\n"
    "conclusions:\n  - id: c\n    text: C.\n    reasons: [a]\n"
)

#: A map with an error: reason 'b' is no claim (AM103).
BROKEN = (
    "argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A.\n"
    "conclusions:\n  - id: c\n    text: C.\n    reasons: [a, b]\n"
)


def _write(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return str(tmp_path / name)


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_warnings_fail_with_strict_and_the_output_stays_the_same(
    tmp_path: Path, output_format: str
) -> None:
    weak = _write(tmp_path, "weak.yaml", WEAK)
    given = ["check", "--output-format", output_format, weak]
    lenient = CliRunner().invoke(main, given)
    strict = CliRunner().invoke(main, [*given, "--strict"])
    assert (lenient.exit_code, strict.exit_code) == (0, 1)
    assert (strict.stdout, strict.stderr) == (lenient.stdout, lenient.stderr)
    assert "[AM203]" in strict.stderr or "AM203" in strict.stdout


def test_strict_passes_a_clean_map_and_keeps_errors_and_unreadable_files_apart(
    tmp_path: Path,
) -> None:
    clean = CliRunner().invoke(main, ["check", "--strict", "maps/europe-central-asia.yaml"])
    assert (clean.exit_code, clean.stderr) == (0, "")
    broken = _write(tmp_path, "broken.yaml", BROKEN)
    assert CliRunner().invoke(main, ["check", "--strict", broken]).exit_code == 1
    missing = CliRunner().invoke(main, ["check", "--strict", str(tmp_path / "gone.yaml")])
    assert missing.exit_code == 2
    usage = CliRunner().invoke(main, ["check", "--strict", "--unsafe-fixes", broken])
    assert usage.exit_code == 2


def test_strict_counts_only_the_warnings_left_after_silencing(tmp_path: Path) -> None:
    weak = _write(tmp_path, "weak.yaml", WEAK)
    silenced = CliRunner().invoke(main, ["check", "--strict", "--ignore", "AM202,AM203", weak])
    assert (silenced.exit_code, silenced.stderr) == (0, "")
    commented = _write(tmp_path, "commented.yaml", "# argmap: ignore-map[AM202,AM203]\n" + WEAK)
    assert CliRunner().invoke(main, ["check", "--strict", commented]).exit_code == 0


def test_strict_fails_a_folder_of_maps_when_one_has_a_warning(tmp_path: Path) -> None:
    _write(tmp_path, "weak.yaml", WEAK)
    _write(tmp_path, "clean.yaml", CLEAN)
    assert CliRunner().invoke(main, ["check", str(tmp_path / "clean.yaml")]).stderr == ""
    result = CliRunner().invoke(
        main, ["check", "--strict", "--output-format", "json", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert {d["severity"] for d in json.loads(result.stdout)} == {"warning"}


def test_strict_fails_a_folder_without_maps(tmp_path: Path) -> None:
    """A workflow pointed at a folder its maps have left passes without --strict, with a note
    (a warning on GitHub); with --strict that warning fails it as the others do."""
    (tmp_path / "empty").mkdir()
    folder = str(tmp_path / "empty")
    lenient = CliRunner().invoke(main, ["check", folder])
    strict = CliRunner().invoke(main, ["check", "--strict", folder])
    assert (lenient.exit_code, strict.exit_code) == (0, 1)
    assert (
        strict.stderr == lenient.stderr == f"argmap: {folder}: no maps under it (*.yaml, *.yml)\n"
    )


def test_the_help_says_what_strict_does_and_the_exit_statuses() -> None:
    shown = " ".join(CliRunner().invoke(main, ["check", "--help"]).stdout.split())
    assert "--strict" in shown
    assert (
        "Exit status: 0 clean or warnings only, 1 errors (or, with --strict, warnings), 2 a file "
        "could not be read or the options do not fit." in shown
    )
