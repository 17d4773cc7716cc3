"""An import writes the map's language (``lang:``) when its wording makes it clear, and says it
guessed; a map drawn in that language's words. Unclear, or English (argmap draws in English
without ``lang:``), nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

from argmap.api import render_map
from argmap.convert import import_file
from argmap.formats.kinds import clear_language, detect_language

PORTUGUESE = [
    "O discurso jurídico não busca seu teor em algo prévio.",
    "Sua racionalidade se constitui internamente ao debate, e não fora dele.",
    "Os juízes são também parte do poder com mais força do que os outros.",
    "Essa incoerência não seria apenas a mera constatação da existência do debate.",
]


def _aif(tmp_path: Path, texts: list[str]) -> Path:
    """An AIF graph whose first text is supported by the others."""
    nodes = [{"nodeID": n, "type": "I", "text": t} for n, t in enumerate(texts, 1)]
    nodes.append({"nodeID": 100, "type": "RA", "text": "Default Inference"})
    edges = [{"edgeID": n, "fromID": n, "toID": 100} for n in range(2, len(texts) + 1)]
    edges.append({"edgeID": 99, "fromID": 100, "toID": 1})
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"nodes": nodes, "edges": edges}), encoding="utf-8")
    return path


def test_a_clear_language_is_written_with_a_note_and_drawn_in(tmp_path: Path) -> None:
    """AraucariaDB's nodeset664 is Portuguese: the kinds were guessed with Portuguese cues, but
    the map had no lang: and was drawn in English words."""
    imported = import_file("aif", _aif(tmp_path, PORTUGUESE), tmp_path / "g.yaml")
    assert imported.map.lang == "pt"
    assert imported.notes[-1] == (
        "lang: pt is written, guessed from the wording (16 Portuguese function words, at most "
        "1 of another language): drawings of the map use Portuguese words; change lang: or "
        "delete it if the guess is wrong"
    )
    dot = render_map(imported.map, "dot").decode("utf-8")
    assert "CONCLUSÃO" in dot and "CONCLUSION" not in dot


def test_english_or_an_unclear_language_writes_nothing(tmp_path: Path) -> None:
    english = ["We should act.", "It helps the people of the town, and it is cheap."] * 3
    few = ["Il governo deve cambiare.", "La legge non va."]  # three Italian words: too few
    assert detect_language(few) == "it" and clear_language(few) is None
    for texts in (english, few):
        imported = import_file("aif", _aif(tmp_path, texts), tmp_path / "g.yaml")
        assert imported.map.lang is None
        assert not [note for note in imported.notes if note.startswith("lang:")]


def test_a_map_read_as_a_map_is_not_given_a_language(tmp_path: Path) -> None:
    """argmap's own JSON is a map: its lang, or none, is its author's."""
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"argmap": "1", "title": "t", "premises": [
        {"id": "a", "text": text} for text in PORTUGUESE[:1]]}), encoding="utf-8")  # fmt: skip
    imported = import_file("json", path, tmp_path / "m.yaml")
    assert imported.map.lang is None and imported.notes == ()
