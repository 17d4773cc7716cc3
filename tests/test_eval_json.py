"""argmap eval --output-format json: for a grading script, each map's claims with their status,
kind and whether each is the thesis, one JSON array for every map of a folder; a map that
cannot be evaluated is in it too, with no claims."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main

WEAK = (
    "argmap: 1\ntitle: t\nrecommendations:\n  - id: go\n    text: Go.\n    implicit: true\n"
    "    thesis: true\n    reasons: [a]\n    objections: [x]\n"
    "premises:\n  - id: a\n    text: A.\n    implicit: true\n"
    "  - id: x\n    text: Not so.\n    implicit: true\n"
)


def test_eval_json_gives_every_claims_status_and_the_thesis(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "a-weak.yaml").write_text(WEAK, encoding="utf-8")
    (tmp_path / "b-empty.yaml").write_text("", encoding="utf-8")  # AM003: no map
    result = CliRunner().invoke(main, ["eval", "--output-format", "json", str(tmp_path)])
    assert result.exit_code == 1  # as in text: a map has errors
    found = json.loads(result.stdout)
    assert [m["path"] for m in found] == [
        str(tmp_path / "a-weak.yaml"),
        str(tmp_path / "b-empty.yaml"),
    ]
    claims = {c["id"]: c for c in found[0]["claims"]}
    assert claims["go"] == {
        "id": "go", "kind": "recommendation", "implicit": True, "thesis": True,
        "status": "defeated", "why": "rebutted by 'x', which stands",
    }  # fmt: skip
    assert (claims["a"]["status"], claims["a"]["thesis"]) == ("stands", False)
    assert found[1]["claims"] is None
    assert "[AM003]" in result.stderr


def test_eval_json_of_the_seed_map_says_the_thesis_stands() -> None:
    result = CliRunner().invoke(
        main, ["eval", "--output-format", "json", "maps/europe-central-asia.yaml"]
    )
    assert result.exit_code == 0
    (found,) = json.loads(result.stdout)
    theses = [c for c in found["claims"] if c["thesis"]]
    assert [(c["id"], c["status"]) for c in theses] == [("partnership-thesis", "stands")]
    assert result.stderr == ""


def test_eval_json_with_preferred_semantics_gives_each_claims_verdict(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").touch()
    two = (
        "argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A.\n    implicit: true\n"
        "    contradicts: b\n  - id: b\n    text: B.\n    implicit: true\n"
    )
    (tmp_path / "two.yaml").write_text(two, encoding="utf-8")
    args = [
        "eval",
        "--output-format",
        "json",
        "--semantics",
        "preferred",
        str(tmp_path / "two.yaml"),
    ]
    result = CliRunner().invoke(main, args)
    (found,) = json.loads(result.stdout)
    assert {c["id"]: (c["status"], c["preferred"]) for c in found["claims"]} == {
        "a": ("undecided", "stands in some"),
        "b": ("undecided", "stands in some"),
    }


def test_eval_and_coverage_json_call_standard_input_as_check_does() -> None:
    seed = Path("maps/europe-central-asia.yaml").read_text(encoding="utf-8")
    for command in ("check", "eval", "coverage"):
        result = CliRunner().invoke(main, [command, "--output-format", "json", "-"], input=seed)
        assert {m["path"] for m in json.loads(result.stdout)} == {"<stdin>"}, command
