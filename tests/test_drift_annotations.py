"""argmap check --output-format github, when a source text was revised and a quote no longer
matches it: besides the error on the quote's line in the map (which a pull request that only
changes the source does not show), a notice on the source's line where the closest passage now
is, which is in that pull request's diff. The text and JSON outputs stay as they were."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

SOURCE = "Energy matters.\nEurope needs gas from the region, and soon.\n"
MAP = (
    "argmap: 1\ntitle: T\nsource:\n  path: ../sources/op-ed.txt\n\npremises:\n  - id: a\n"
    "    text: Energy matters.\n    quotes: Energy matters.\n\nrecommendations:\n  - id: r\n"
    "    text: Buy gas.\n    quotes: Europe needs gas from the region\n    reasons:\n      - a\n"
)


@pytest.fixture
def revised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose source text now says 'wants' where the map quotes 'needs'; the current
    folder its top, as in a GitHub Actions job."""
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "maps").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "maps" / "op-ed.yaml").write_text(MAP, encoding="utf-8")
    text = SOURCE.replace("needs", "wants")
    (tmp_path / "sources" / "op-ed.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_quote_left_behind_by_its_source_is_noted_on_the_source_line(revised: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--output-format", "github", "maps/op-ed.yaml"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=maps/op-ed.yaml,line=14,col=13,title=argmap AM110::quote of 'r' not found "
        'in the source; closest passage (line 2): "Europe wants gas from the region"; the source '
        'has "wants" where the quote has "needs"',
        "::notice file=sources/op-ed.txt,line=2,col=1,title=argmap AM110::maps/op-ed.yaml:14:13: "
        "the passage closest to the quote of 'r', which is not found in the source; the source "
        'has "wants" where the quote has "needs"',
    ]


def test_text_and_json_say_it_once_as_before(revised: Path) -> None:
    text = CliRunner().invoke(main, ["check", "maps/op-ed.yaml"])
    assert text.stderr.splitlines() == [
        "maps/op-ed.yaml:14:13: error: quote of 'r' not found in the source; closest passage "
        '(line 2): "Europe wants gas from the region"; the source has "wants" where the quote '
        'has "needs" [AM110]',
        "argmap: 1 error",
    ]
    found = CliRunner().invoke(main, ["check", "--output-format", "json", "maps/op-ed.yaml"])
    (only,) = json.loads(found.stdout)
    assert set(only) == {"format", "version", "path", "line", "column", "severity", "code",
                         "message"}  # fmt: skip


def test_a_quote_with_no_close_passage_gets_no_notice(revised: Path) -> None:
    (revised / "sources" / "op-ed.txt").write_text("Energy matters.\nNothing else.\n", "utf-8")
    result = CliRunner().invoke(main, ["check", "--output-format", "github", "maps/op-ed.yaml"])
    assert result.exit_code == 1
    assert [line.split(" ")[0] for line in result.stdout.splitlines()] == ["::error"]
    assert "no close passage found" in result.stdout


def test_the_notice_is_at_the_passage_in_a_longer_line(revised: Path) -> None:
    """A passage in the middle of a line is noted at its column; a source named from another
    folder is named as the map's path leads to it."""
    moved = "Energy matters. And Europe wants gas from the region, and soon.\n"
    (revised / "sources" / "op-ed.txt").write_text(moved, encoding="utf-8")
    given = ["check", "--output-format", "github", "maps/../maps/op-ed.yaml"]
    result = CliRunner().invoke(main, given)
    notice = result.stdout.splitlines()[1]
    assert notice.startswith("::notice file=sources/op-ed.txt,line=1,col=21,title=argmap AM110::")
