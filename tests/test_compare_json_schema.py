"""argmap compare --output-format json says what it is, as check's, eval's, coverage's and
questions' JSON do (format argmap-compare, version 1, first), and every output, of maps that
agree, differ, break a link, cannot be read or have format errors, is valid against the JSON
Schema argmap ships for it (argmap schema compare): an agreement study reads one shape."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from argmap.cli import main
from argmap.results import RESULT_VERSION, result_schema

from .conftest import ROOT


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "pyproject.toml").touch()
    maps = tmp_path / "maps"
    maps.mkdir()
    answer = maps / "answer.yaml"
    shutil.copy(ROOT / "maps" / "europe-central-asia.yaml", answer)
    seed = answer.read_text(encoding="utf-8")
    students = tmp_path / "students"
    students.mkdir()
    (students / "a-same.yaml").write_text(seed, encoding="utf-8")
    broken = seed.replace("- ca-energy-supplier", "- ca-energy-suplier", 1)
    assert broken != seed
    (students / "b-broken.yaml").write_text(broken, encoding="utf-8")
    (students / "c-format.yaml").write_text(seed.replace("quotes:", "qoutes:", 1), "utf-8")
    (students / "d-empty.yaml").write_text("", encoding="utf-8")
    lone = "argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: Europe needs energy.\n"
    (students / "e-lone.yaml").write_text(lone, encoding="utf-8")
    return answer, students


def test_compare_json_names_itself_and_is_valid_against_its_schema(tmp_path: Path) -> None:
    answer, students = _folder(tmp_path)
    result = CliRunner().invoke(
        main, ["compare", "--output-format", "json", str(answer), str(students)]
    )
    found = json.loads(result.stdout)
    assert len(found) == 5
    assert {(o["format"], o["version"]) for o in found} == {("argmap-compare", RESULT_VERSION)}
    assert all(list(o)[:4] == ["format", "version", "first", "second"] for o in found)
    schema = json.loads(result_schema("compare"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    assert [e.message for e in validator.iter_errors(found)] == []
    assert found[1]["links"]["broken"]  # the cases the schema is tried on
    assert found[2]["claims"] is None and found[3]["claims"] is None
    assert not validator.is_valid([{**found[0], "extra": 1}])
    assert not validator.is_valid([{**found[0], "version": 2}])
    assert CliRunner().invoke(main, ["schema", "compare"]).stdout == result_schema("compare")
