"""The text analysed that an import writes beside its map (a SADFace document's resource) never
takes the place of another text: not a text another map quotes, nor the user's, not even with
--force, which replaces only the import's own (the source of the map it replaces, and of no
other map). The text goes under a free name instead, and the map quotes it there."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from argmap.convert import import_file
from argmap.read.loader import load

from .conftest import run
from .test_sadface import bikes

ANALYSED = "The city should build bike lanes."
ARTICLE = "Bike lanes cost the city little. The city should build bike lanes on Main Street.\n"
#: A map of the user's own, quoting ``article.txt`` beside it.
MINE = """\
argmap: 1
title: Mine
source:
  path: article.txt
premises:
  - id: cheap
    text: Bike lanes are cheap.
    quotes: [Bike lanes cost the city little]
recommendations:
  - id: build
    text: Build them.
    quotes: [The city should build bike lanes on Main Street]
    reasons: [cheap]
"""


def analysis(tmp_path: Path, text: str = ANALYSED) -> Path:
    """A SADFace document whose resource, ``text``, its first atom quotes."""
    doc: dict[str, Any] = bikes()
    doc["resources"][0]["content"] = text
    path = tmp_path / "bikes.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def source_of(path: Path) -> str:
    amap = load(path.read_bytes(), str(path))[0]
    assert amap is not None and amap.source is not None
    return amap.source.path


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose ``maps`` holds the user's article and a map quoting it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "maps" / "mine.yaml").write_text(MINE, encoding="utf-8")
    assert run("check", "maps/mine.yaml").output == ""
    return tmp_path / "maps"


@pytest.mark.parametrize("force", [["--force"], []])
def test_the_text_analysed_never_replaces_a_text_another_map_quotes(
    maps: Path, tmp_path: Path, force: list[str]
) -> None:
    """Found by a user: 'import sadface bikes.json -o maps/article.yaml --force' wrote the
    text analysed over maps/article.txt, the article maps/mine.yaml quotes: the article was
    lost and mine.yaml's quotes no longer found. (Without --force the import was refused.)"""
    analysis(tmp_path)
    result = run("import", "sadface", "bikes.json", "-o", "maps/article.yaml", *force)
    assert result.exit_code == 0, result.output
    assert (maps / "article.txt").read_text(encoding="utf-8") == ARTICLE
    assert (maps / "article-2.txt").read_text(encoding="utf-8") == ANALYSED
    assert source_of(maps / "article.yaml") == "article-2.txt"
    assert (
        "bikes.json: note: resource r1 (the text analysed) is the map's source, article-2.txt "
        "beside the map; "
    ) in result.output
    assert (
        "bikes.json: note: maps/article.txt holds another text: the text analysed is written "
        "beside it as article-2.txt, the map's source (article.txt is left as it is)\n"
        "argmap: wrote maps/article-2.txt\nargmap: wrote maps/article.yaml\n"
    ) in result.output
    assert run("check", "maps/mine.yaml").output == ""
    assert run("check", "maps/article.yaml").exit_code == 0


def test_force_replaces_the_text_of_the_map_it_replaces(maps: Path, tmp_path: Path) -> None:
    """Importing again, the document's text changed: its own text is replaced, no new name."""
    analysis(tmp_path)
    assert run("import", "sadface", "bikes.json", "-o", "maps/lanes.yaml").exit_code == 0
    assert (maps / "lanes.txt").read_text(encoding="utf-8") == ANALYSED
    analysis(tmp_path, "Now: The city should build bike lanes.")
    result = run("import", "sadface", "bikes.json", "-o", "maps/lanes.yaml", "--force")
    assert result.exit_code == 0, result.output
    assert "argmap: wrote maps/lanes.txt\n" in result.output
    assert "another text" not in result.output
    assert (maps / "lanes.txt").read_text(
        encoding="utf-8"
    ) == "Now: The city should build bike lanes."
    assert not (maps / "lanes-2.txt").exists()
    assert source_of(maps / "lanes.yaml") == "lanes.txt"


def test_force_keeps_the_text_of_the_map_it_replaces_when_another_map_quotes_it(
    maps: Path, tmp_path: Path
) -> None:
    analysis(tmp_path)
    assert run("import", "sadface", "bikes.json", "-o", "maps/lanes.yaml").exit_code == 0
    (maps / "theirs.yaml").write_text(
        MINE.replace("article.txt", "lanes.txt")
        .replace("[Bike lanes cost the city little]", "[The city should build]")
        .replace("[The city should build bike lanes on Main Street]", "[bike lanes]"),
        encoding="utf-8",
    )
    assert run("check", "maps/theirs.yaml").output == ""
    analysis(tmp_path, "Now: The city should build bike lanes.")
    result = run("import", "sadface", "bikes.json", "-o", "maps/lanes.yaml", "--force")
    assert result.exit_code == 0, result.output
    assert (
        "bikes.json: note: maps/lanes.txt holds another text, the source of maps/theirs.yaml "
        "too: the text analysed is written beside it as lanes-2.txt, the map's source "
        "(lanes.txt is left as it is)\n"
    ) in result.output
    assert (maps / "lanes.txt").read_text(encoding="utf-8") == ANALYSED
    assert source_of(maps / "lanes.yaml") == "lanes-2.txt"
    assert run("check", "maps/theirs.yaml").output == ""
    # again: lanes-2.txt is now the map's own, and no other map's: replaced in its place
    analysis(tmp_path, "Later: The city should build bike lanes.")
    again = run("import", "sadface", "bikes.json", "-o", "maps/lanes.yaml", "--force")
    assert again.exit_code == 0, again.output
    assert (maps / "lanes-2.txt").read_text(encoding="utf-8") == (
        "Later: The city should build bike lanes."
    )
    assert not (maps / "lanes-3.txt").exists()
    assert source_of(maps / "lanes.yaml") == "lanes-2.txt"


def test_a_file_holding_the_same_text_is_the_source_as_it_is(maps: Path, tmp_path: Path) -> None:
    """The same text, even read-only, is quoted where it is: nothing written, nothing moved;
    the first free name passes over names holding other texts."""
    analysis(tmp_path)
    (maps / "lanes.txt").write_text(ANALYSED, encoding="utf-8")
    os.chmod(maps / "lanes.txt", 0o444)
    result = run("import", "sadface", "bikes.json", "-o", "maps/lanes.yaml")
    assert result.exit_code == 0, result.output
    assert "wrote maps/lanes.txt" not in result.output
    assert source_of(maps / "lanes.yaml") == "lanes.txt"
    (maps / "article-2.txt").write_text("Another.", encoding="utf-8")
    result = run("import", "sadface", "bikes.json", "-o", "maps/article.yaml")
    assert result.exit_code == 0, result.output
    assert source_of(maps / "article.yaml") == "article-3.txt"
    assert (maps / "article-2.txt").read_text(encoding="utf-8") == "Another."
    assert (maps / "article.txt").read_text(encoding="utf-8") == ARTICLE


def test_the_api_names_the_text_where_it_may_be_written(maps: Path, tmp_path: Path) -> None:
    """import_file names the source where the caller may write source_text: a free name
    beside ``output`` when a file of the name holds another text."""
    analysis(tmp_path)
    imported = import_file("sadface", "bikes.json", "maps/article.yaml")
    assert imported.map.source is not None and imported.map.source.path == "article-2.txt"
    assert imported.source_text == ANALYSED
    assert any("maps/article.txt holds another text" in note for note in imported.notes)
