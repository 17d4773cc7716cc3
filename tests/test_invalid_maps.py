"""Every file in tests/invalid/ is a small map with one kind of problem.

Each declares what argmap must report in comment lines ``# expect: LINE:COL CODE``; the test
asserts exactly those diagnostics (code and position, not wording), then runs the CLI on it as a
user would: the right exit status, compiler-style messages, no traceback, no drawing written.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.api import check_file
from argmap.cli import main
from argmap.diagnostics import CODES, Severity

INVALID = Path(__file__).parent / "invalid"
EXPECT = re.compile(rb"^# expect: (\d+):(\d+) (AM\d{3})$", re.M)
CASES = sorted(INVALID.glob("*.yaml"))


def expectations(path: Path) -> set[tuple[int, int, str]]:
    found = {
        (int(line), int(col), code.decode())
        for line, col, code in EXPECT.findall(path.read_bytes())
    }
    assert found, f"{path.name} declares no '# expect: LINE:COL CODE'"
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_reports_exactly_the_expected_diagnostics(case: Path) -> None:
    checked = check_file(case)
    got = {(d.span.line, d.span.column, d.code) for d in checked.diagnostics}
    assert got == expectations(case)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_cli_render_reports_and_writes_nothing(case: Path, tmp_path: Path) -> None:
    # Copy beside the seeds folder layout so relative source paths resolve the same way.
    folder = tmp_path / "tests" / "invalid"
    folder.mkdir(parents=True)
    (tmp_path / "pyproject.toml").touch()  # the project, as in the repository
    shutil.copytree(INVALID.parent.parent / "seeds", tmp_path / "seeds")
    target = folder / case.name
    shutil.copy(case, target)
    result = CliRunner().invoke(main, ["render", str(target)])
    errors = {code for _, _, code in expectations(case) if CODES[code][0] is Severity.ERROR}
    output = target.with_suffix(".svg")
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for line, column, code in expectations(case):
        assert f"{target}:{line}:{column}: " in result.output and f"[{code}]" in result.output
    if errors:
        assert result.exit_code == 1
        assert not output.exists()
    else:
        assert result.exit_code == 0
        assert output.exists()


def test_every_code_has_a_case() -> None:
    covered = {code for case in CASES for _, _, code in expectations(case)}
    # AM109 for an unreadable (not missing) source and AM001 for an empty file are unit-tested;
    # AM017 (a file of another format, never a .yaml) in test_cli_formats; AM119 (wrong
    # settings in a project's pyproject.toml) in test_silence.
    assert set(CODES) - covered == {"AM017", "AM119"}
