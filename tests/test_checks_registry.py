"""The checks as a registry: every code has one definition, every check documents a map that
fails it and one that passes, and those examples do what they say."""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import pytest

from argmap import checks
from argmap.api import check_file
from argmap.checks import CHECKS, Check
from argmap.diagnostics import CODES

#: Codes that come from reading the file or its source, not from a check of the model.
READING = {code for code in CODES if code.startswith("AM0")} | {"AM109", "AM117"}
#: Codes about silencing codes: the project's settings, and comments that silence nothing.
SILENCING = {"AM119", "AM209"}
SOURCE = "The sky is blue. Water is wet. Cats sleep a lot.\n"


def example(check: Check, which: str) -> str:
    """The YAML under ``Fails::`` or ``Passes::`` in a check's docstring, dedented."""
    found = re.search(rf"{which}::\n\n((?:\s*\n| {{4}}.*\n)+)", check.doc + "\n")
    assert found, f"{check.name}: no '{which}::' example in its docstring"
    return textwrap.dedent(found.group(1))


def codes_of(text: str, tmp_path: Path) -> set[str]:
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "example.yaml"
    path.write_text("argmap: 1\ntitle: Example\n" + text, encoding="utf-8")
    return {d.code for d in check_file(path).diagnostics}


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.name)
def test_a_check_fails_its_failing_example(check: Check, tmp_path: Path) -> None:
    assert set(check.codes) & codes_of(example(check, "Fails"), tmp_path)


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.name)
def test_a_check_passes_its_passing_example(check: Check, tmp_path: Path) -> None:
    found = codes_of(example(check, "Passes"), tmp_path)
    assert not set(check.codes) & found, found
    assert not {code for code in found if code in READING}, found  # the example is well formed


def test_every_code_is_read_or_checked_and_every_check_reports_a_known_code() -> None:
    checked = {code for check in CHECKS for code in check.codes}
    assert checked <= set(CODES)
    assert set(CODES) == checked | READING | SILENCING


def test_every_module_with_checks_is_run() -> None:
    """A check registers itself (``@check``); the runner runs those of the modules it
    imports. A new module of checks the runner did not import would never run."""
    folder = Path(checks.__file__).parent
    defining = {path.stem for path in folder.glob("*.py") if "\n@check(" in path.read_text("utf-8")}
    tree = ast.parse((folder / "runner.py").read_text("utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "argmap.checks"
        for alias in node.names
    }
    assert defining <= imported, defining - imported
    assert {check.run.__module__.rsplit(".", 1)[1] for check in CHECKS} == defining
