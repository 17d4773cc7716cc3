"""The JSON that ``check``, ``eval`` and ``coverage`` print for programs says what it is: each
object names the command that wrote it (``format``) and the version of its shape
(``version``, an integer, not argmap's version), and every output, of clean maps, maps with
errors, maps without a source and files that cannot be read, is valid against the JSON Schema
argmap ships for it (and prints with ``argmap schema COMMAND``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.results import RESULT_VERSION, result_schema

from .conftest import ROOT, SHARED

COMMANDS = ("check", "eval", "coverage")

WEAK = (
    "argmap: 1\ntitle: t\nrecommendations:\n  - id: go\n    text: Go.\n    implicit: true\n"
    "    thesis: true\n    reasons: [a]\n    objections: [x]\n"
    "premises:\n  - id: a\n    text: A.\n    implicit: true\n"
    "  - id: x\n    text: Not so.\n    implicit: true\n"
)


def _folder(tmp_path: Path) -> Path:
    """A project of maps of every case: clean with a source, a warning and no source, an
    error, no map at all, and a source that cannot be read."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "pyproject.toml").touch()
    maps = tmp_path / "maps"
    maps.mkdir()
    shutil.copy(ROOT / "maps" / "europe-central-asia.yaml", maps / "a-seed.yaml")
    (maps / "b-weak.yaml").write_text(WEAK, encoding="utf-8")
    (maps / "c-error.yaml").write_text(WEAK.replace("reasons: [a]", "reasons: [b]"), "utf-8")
    (maps / "d-empty.yaml").write_text("", encoding="utf-8")
    seed = (ROOT / "maps" / "europe-central-asia.yaml").read_text(encoding="utf-8")
    (maps / "e-lost.yaml").write_text(seed.replace("europe-central-asia-p", "nowhere-p"), "utf-8")
    return maps


def _run(*args: str) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(main, [args[0], "--output-format", "json", *args[1:]])
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_object_names_its_command_and_the_version_of_its_shape(
    command: str, tmp_path: Path
) -> None:
    code, found = _run(command, str(_folder(tmp_path)), str(tmp_path / "missing.yaml"))
    assert code == 2 and found
    assert {(o["format"], o["version"]) for o in found} == {(f"argmap-{command}", 1)}
    assert RESULT_VERSION == 1
    assert all(list(o)[:2] == ["format", "version"] for o in found)  # first, to be seen


@pytest.mark.parametrize("command", COMMANDS)
def test_real_outputs_are_valid_against_the_schema_shipped_for_them(
    command: str, tmp_path: Path
) -> None:
    schema = json.loads(result_schema(command))
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["items"]["properties"]["version"] == {"const": RESULT_VERSION}
    validator = jsonschema.Draft7Validator(schema)
    maps = _folder(tmp_path)
    for args in (
        (str(maps),),
        ("maps/europe-central-asia.yaml",),
        (str(tmp_path / "missing.yaml"),),
    ):
        _, found = _run(command, *args)
        errors = [e.message for e in validator.iter_errors(found)]
        assert errors == [], (args, errors)
    # the schema is exact: a key it does not describe, or a value of another type, is invalid
    _, found = _run(command, str(maps))
    assert not validator.is_valid([{**found[0], "extra": 1}])
    assert not validator.is_valid([{**found[0], "version": 2}])
    assert not validator.is_valid([{**found[0], "path": 3}])


def test_eval_with_preferred_semantics_is_valid_against_its_schema() -> None:
    validator = jsonschema.Draft7Validator(json.loads(result_schema("eval")))
    _, found = _run("eval", "--semantics", "preferred", "maps/europe-central-asia.yaml")
    assert "preferred" in found[0]["claims"][0]  # type: ignore[index]
    assert [e.message for e in validator.iter_errors(found)] == []


def test_argmap_schema_prints_each_outputs_schema() -> None:
    for command in COMMANDS:
        result = CliRunner().invoke(main, ["schema", command])
        assert result.exit_code == 0
        assert result.stdout == result_schema(command)
    plain = CliRunner().invoke(main, ["schema"]).stdout
    assert CliRunner().invoke(main, ["schema", "map"]).stdout == plain
    assert json.loads(plain)["title"] != json.loads(result_schema("check"))["title"]


MICRO = SHARED / "corpora" / "arg-microtexts-en"


@pytest.mark.skipif(not MICRO.is_dir(), reason="the shared corpora are not here")
def test_a_corpus_imported_whole_gives_valid_outputs(tmp_path: Path) -> None:
    """The 112 microtexts, imported: 37 warnings, every map with a source."""
    (tmp_path / "pyproject.toml").touch()
    files = sorted(str(p) for p in MICRO.glob("micro_b00*.xml"))
    args = ["import", "microtext", *files, "-o", f"{tmp_path}/maps/", "--source-root", str(MICRO)]
    imported = CliRunner().invoke(main, args)
    assert imported.exit_code == 0, imported.stderr
    for command in COMMANDS:
        validator = jsonschema.Draft7Validator(json.loads(result_schema(command)))
        _, found = _run(command, "--source-root", str(MICRO), str(tmp_path / "maps"))
        assert [e.message for e in validator.iter_errors(found)] == []


@pytest.mark.parametrize("command", ["eval", "coverage"])
def test_a_map_without_figures_says_why_in_the_json(command: str, tmp_path: Path) -> None:
    """Nulls alone cannot tell a map without a source (every AIF import) from a file that
    is missing or no map: ``skipped`` says which, as the text's summary row does."""
    maps = _folder(tmp_path)
    _, found = _run(command, str(maps), str(tmp_path / "missing.yaml"))
    why = {Path(str(o["path"])).name: o["skipped"] for o in found}
    assert why["a-seed.yaml"] is None
    assert why["d-empty.yaml"] == {
        "reason": "errors",
        "message": f"not {'evaluated' if command == 'eval' else 'covered'}: it has errors",
    }
    assert why["missing.yaml"] == {
        "reason": "unreadable", "message": f"{tmp_path / 'missing.yaml'}: no such file",
    }  # fmt: skip
    if command == "eval":  # evaluated all the same: the map has no source, or errors
        assert why["b-weak.yaml"] is why["c-error.yaml"] is why["e-lost.yaml"] is None
    else:
        assert why["b-weak.yaml"] == {"reason": "no source", "message": "the map has no source"}
        lost = why["e-lost.yaml"]
        assert isinstance(lost, dict) and lost["reason"] == "failed"
        assert "nowhere-partnership.txt" in lost["message"]
    for o in found:  # figures are null exactly when it says why
        figures = o["claims"] if command == "eval" else o["share"]
        assert (figures is None) == (o["skipped"] is not None), o


def test_a_map_too_hard_for_preferred_semantics_says_so_in_the_json(tmp_path: Path) -> None:
    """A motion with 18 reasons, each contradicted by one of its 18 objections: 2**18
    preferred labellings, past the search's cap."""
    (tmp_path / "pyproject.toml").touch()
    ids = [f"a{i}" for i in range(18)], [f"b{i}" for i in range(18)]
    premises = "".join(
        f"  - id: a{i}\n    text: A{i}.\n    implicit: true\n    contradicts: b{i}\n"
        f"  - id: b{i}\n    text: B{i}.\n    implicit: true\n"
        for i in range(18)
    )
    motion = (
        "conclusions:\n  - id: t\n    text: T.\n    implicit: true\n"
        f"    reasons: [{', '.join(ids[0])}]\n    objections: [{', '.join(ids[1])}]\n"
    )
    text = f"argmap: 1\ntitle: t\npremises:\n{premises}{motion}"
    (tmp_path / "hard.yaml").write_text(text, "utf-8")
    code, found = _run("eval", "--semantics", "preferred", str(tmp_path / "hard.yaml"))
    assert code == 2
    (only,) = found
    assert only["claims"] is None
    assert isinstance(only["skipped"], dict) and only["skipped"]["reason"] == "too hard"
    validator = jsonschema.Draft7Validator(json.loads(result_schema("eval")))
    assert [e.message for e in validator.iter_errors(found)] == []


def test_the_api_builds_the_objects_the_command_line_prints(tmp_path: Path) -> None:
    """A notebook gets from Python, a row a map, exactly what ``--output-format json``
    prints: the same keys, values and order, skipped maps included."""
    from argmap import UsageError, check_file, find_maps, source_text
    from argmap.analysis.coverage import coverage
    from argmap.analysis.evaluate import Status
    from argmap.read.source import SourceText
    from argmap.results import (
        coverage_result,
        diagnostic_result,
        evaluation_result,
        skipped_result,
    )

    maps = _folder(tmp_path)
    checks, evals, covers = [], [], []
    for path in find_maps(str(maps)):
        checked = check_file(path)
        checks += [diagnostic_result(d) for d in checked.diagnostics]
        if checked.map is None:
            message = "not evaluated: it has errors"
            evals.append(skipped_result("eval", path, "errors", message))
            message = "not covered: it has errors"
            covers.append(skipped_result("coverage", path, "errors", message))
            continue
        evals.append(evaluation_result(path, checked.map, only=[Status.DEFEATED]))
        try:
            text = source_text(checked.map, path)
        except UsageError as exc:  # the source cannot be read
            covers.append(skipped_result("coverage", path, "failed", str(exc)))
            continue
        if text is None:
            covers.append(skipped_result("coverage", path, "no source", "the map has no source"))
        else:
            covers.append(coverage_result(path, coverage(checked.map, SourceText(text))))
    assert _run("check", str(maps))[1] == checks
    assert _run("eval", "--only", "defeated", str(maps))[1] == evals
    cli = _run("coverage", str(maps))[1]
    assert [{**o, "skipped": o["skipped"] and o["skipped"]["reason"]} for o in cli] == [
        {**o, "skipped": o["skipped"] and o["skipped"]["reason"]} for o in covers
    ]  # the messages of a source not read are worded by each front end
    with pytest.raises(ValueError, match="no reason 'gone'"):
        skipped_result("eval", "m.yaml", "gone", "")
