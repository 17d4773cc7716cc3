"""Argdown as its users write it: front matter, includes, the names of their arguments.

What an Argdown user bringing a debate's files to argmap relies on, beyond Argdown's syntax
(``test_argdown_import.py``): that the front matter's source is read as written, that an error
in a file another includes is said in that file, and that arguments keep their titles through
an export and back.
"""

from __future__ import annotations

from pathlib import Path

from argmap.convert import import_file
from argmap.formats import argdown
from argmap.model import Source


def test_a_source_given_as_a_path_is_the_maps_source(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "text.txt").write_text("Uniforms save families money over the year.\n")
    (tmp_path / "debate.argdown").write_text(
        "===\ntitle: Uniforms\nsource: text.txt\n===\n\n"
        '[Savings]: Uniforms save money. {quotes: ["Uniforms save families money"]}\n'
    )
    result = import_file("argdown", tmp_path / "debate.argdown", tmp_path / "debate.yaml")
    assert result.map.source == Source("text.txt")
    quotes = result.map.by_id()["savings"].quotes
    assert [q.text for q in quotes] == ["Uniforms save families money"]
    assert not [n for n in result.notes if "source" in n]
    result = argdown.read("===\nsource: 12\n===\n\n[A]: a. {quotes: [a]}\n", name="t.argdown")
    assert result.map.source is None  # no path: the quotes stay in the note, as it says
