"""Problems of one code repeated thousands of times (a corpus's 20,000 claims connected to
nothing): the text output shows the first of each code for each map and counts the rest in one
line; ``--max-per-code 0`` shows every one; json and GitHub annotations always give them all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli.options import MAX_PER_CODE

from .conftest import run

HEAD = "argmap: 1\ntitle: t\n"


def isolated(count: int, first: int = 0) -> str:
    """Premises connected to nothing (one AM201 each)."""
    return "".join(f"  - id: p{i}\n    text: P {i}\n" for i in range(first, first + count))


def lines(path: Path, count: int, first: int = 0) -> str:
    """The AM201 lines of ``isolated(count, first)`` written after HEAD and ``premises:``."""
    return "".join(
        f"{path}:{4 + 2 * i}:9: warning: premise 'p{first + i}' is connected to nothing: no "
        "reason, objection or target [AM201]\n"
        for i in range(count)
    )


def more(path: Path, count: int, what: str = "warnings") -> str:
    return (f"argmap: {path}: {count} more {what} not shown: claim connected to nothing "
            "[AM201] (--max-per-code 0 shows them all)\n")  # fmt: skip


def test_the_default_is_twenty_of_a_code_for_each_map() -> None:
    assert MAX_PER_CODE == 20


def test_a_code_past_the_limit_shows_its_first_then_one_line_counting_the_rest(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(HEAD + "premises:\n" + isolated(25), encoding="utf-8")
    result = run("check", str(path))
    assert (result.exit_code, result.output) == (
        0,
        lines(path, 20) + more(path, 5) + "argmap: 25 warnings\n",
    )


def test_up_to_the_limit_nothing_changes(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(HEAD + "premises:\n" + isolated(20), encoding="utf-8")
    result = run("check", str(path))
    assert (result.exit_code, result.output) == (0, lines(path, 20) + "argmap: 20 warnings\n")


def test_max_per_code_0_shows_every_one(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(HEAD + "premises:\n" + isolated(25), encoding="utf-8")
    result = run("check", "--max-per-code", "0", str(path))
    assert (result.exit_code, result.output) == (0, lines(path, 25) + "argmap: 25 warnings\n")


def test_each_code_is_counted_apart_and_the_order_kept(tmp_path: Path) -> None:
    # two unconnected premises (AM201, warnings), then three unknown reasons (AM103, errors)
    conclusions = "".join(
        f"  - id: c{i}\n    text: C {i}\n    reasons:\n      - claims: zz{i}\n" for i in range(3)
    )
    path = tmp_path / "m.yaml"
    path.write_text(HEAD + "premises:\n" + isolated(2) + "conclusions:\n" + conclusions,
                    encoding="utf-8")  # fmt: skip
    result = run("check", "--max-per-code", "1", str(path))
    assert result.exit_code == 1
    assert result.output == (
        lines(path, 1)
        + f"{path}:12:17: error: reason 'zz0' of 'c0' is no claim [AM103]\n"
        + more(path, 1, "warning")
        + f"argmap: {path}: 2 more errors not shown: reference to an unknown claim [AM103] "
        "(--max-per-code 0 shows them all)\n"
        "argmap: 3 errors and 2 warnings\n"
    )


def test_one_more_is_said_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(HEAD + "premises:\n" + isolated(3), encoding="utf-8")
    result = run("check", "--max-per-code", "2", str(path))
    assert result.output == lines(path, 2) + more(path, 1, "warning") + "argmap: 3 warnings\n"


def test_each_map_has_its_own_count(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(HEAD + "premises:\n" + isolated(3), encoding="utf-8")
    b.write_text(HEAD + "premises:\n" + isolated(2), encoding="utf-8")
    result = run("check", "--max-per-code", "2", str(a), str(b))
    assert result.output.startswith(lines(a, 2) + more(a, 1, "warning") + lines(b, 2) +
                                    "argmap: 5 warnings\n")  # fmt: skip


@pytest.mark.parametrize("output_format", ["json", "github"])
def test_machine_outputs_give_every_problem(tmp_path: Path, output_format: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(HEAD + "premises:\n" + isolated(25), encoding="utf-8")
    result = run("check", "--output-format", output_format, str(path))
    assert result.exit_code == 0
    if output_format == "json":
        assert len(json.loads(result.stdout)) == 25
    else:
        assert result.stdout.count("::warning ") == 25
    assert "not shown" not in result.output


def test_the_limit_is_a_number_from_0(tmp_path: Path) -> None:
    result = run("check", "--max-per-code", "-1", str(tmp_path / "m.yaml"))
    assert result.exit_code == 2
    assert "--max-per-code" in result.output


def _graph(tmp_path: Path, count: int) -> Path:
    """An AIF graph of ``count`` I-nodes and no edges: a claim connected to nothing each."""
    nodes = [{"nodeID": str(i), "type": "I", "text": f"Claim {i}."} for i in range(count)]
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"nodes": nodes, "edges": []}), encoding="utf-8")
    return path


def test_import_groups_the_checks_findings_alike(tmp_path: Path) -> None:
    graph, out = _graph(tmp_path, 25), tmp_path / "g.yaml"
    result = run("import", "aif", str(graph), "-o", str(out))
    assert result.exit_code == 0
    said = result.output.splitlines()
    assert sum(line.endswith("[AM201]") for line in said) == 20
    assert said[-2:] == [more(out, 5).rstrip("\n"), "argmap: 25 warnings"]
    again = run("import", "aif", str(graph), "-o", str(out), "--force", "--max-per-code", "0")
    assert sum(line.endswith("[AM201]") for line in again.output.splitlines()) == 25
    assert "not shown" not in again.output
