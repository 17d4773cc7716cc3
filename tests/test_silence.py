"""Silencing codes: ``# argmap: ignore[CODE]`` on a line, ``# argmap: ignore-map[CODE]`` for a
map, ``[tool.argmap] ignore`` in the project's pyproject.toml, ``argmap check --ignore``; and
what is reported when a silencing is wrong or silences nothing (AM209, AM119)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner

from argmap.api import check_bytes, check_file
from argmap.checks.silence import directives, silencing
from argmap.cli import main
from argmap.lsp.document import Document

from .conftest import ENERGY_UNDERCUT

# The op-ed's conclusion is defeated: the point of the analysis (AM202).
DEFEATED = ENERGY_UNDERCUT
ID_LINE = "  - id: energy-interest\n"


def found(text: str, folder: Path, name: str = "m.yaml") -> list[tuple[str, str]]:
    checked = check_bytes(text.encode(), str(folder / name))
    return [(str(d.span), d.code) for d in checked.diagnostics]


def messages(text: str, folder: Path) -> list[str]:
    return [str(d) for d in check_bytes(text.encode(), str(folder / "m.yaml")).diagnostics]


def test_the_defeated_conclusion_is_warned_of_unless_silenced(tmp_path: Path) -> None:
    assert found(DEFEATED, tmp_path) == [("9:9", "AM202")]


def test_a_comment_at_the_end_of_the_line_silences_its_code_there(tmp_path: Path) -> None:
    text = DEFEATED.replace(ID_LINE, "  - id: energy-interest  # argmap: ignore[AM202]\n")
    assert found(text, tmp_path) == []


def test_a_comment_on_a_line_of_its_own_silences_the_next_line(tmp_path: Path) -> None:
    said = "  # the op-ed's conclusion does not stand: the point of this map\n"
    text = DEFEATED.replace(ID_LINE, "  # argmap: ignore[AM202]\n" + said + ID_LINE)
    assert found(text, tmp_path) == []


def test_a_map_wide_comment_silences_the_code_anywhere_in_the_map(tmp_path: Path) -> None:
    text = "# argmap: ignore-map[AM202]\n" + DEFEATED
    assert found(text, tmp_path) == []


def test_a_comment_for_another_code_or_line_silences_nothing_and_says_so(tmp_path: Path) -> None:
    title = "title: Energy from Central Asia"
    text = DEFEATED.replace(title, title + "  # argmap: ignore[AM202]")
    assert found(text, tmp_path) == [("2:34", "AM209"), ("9:9", "AM202")]
    assert messages(text, tmp_path)[0].endswith(
        "warning: '# argmap: ignore[AM202]' silences nothing: there is no AM202 on line 2 [AM209]"
    )
    wide = "# argmap: ignore-map[AM203]\n" + DEFEATED
    assert found(wide, tmp_path) == [("1:1", "AM209"), ("10:9", "AM202")]
    assert "there is no AM203 in the map" in messages(wide, tmp_path)[0]


def test_an_unknown_code_is_reported_with_the_code_meant(tmp_path: Path) -> None:
    text = DEFEATED.replace(ID_LINE, "  - id: energy-interest  # argmap: ignore[AM220]\n")
    assert found(text, tmp_path) == [("9:9", "AM202"), ("9:26", "AM209")]
    assert "unknown code 'AM220'; did you mean AM202?" in messages(text, tmp_path)[1]


def test_errors_that_leave_the_map_unsound_cannot_be_silenced(tmp_path: Path) -> None:
    text = DEFEATED.replace("[constrained]", "[constrainde]  # argmap: ignore[AM103]")
    assert found(text, tmp_path) == [("13:22", "AM103"), ("13:36", "AM209")]
    assert "AM103 cannot be silenced" in messages(text, tmp_path)[1]


def test_a_silenceable_error_lets_the_map_be_drawn(tmp_path: Path) -> None:
    text = DEFEATED.replace(
        "non-Russian energy.\n",
        "non-Russian energy.\n    url: ftp://example.org/op-ed  # argmap: ignore[AM108]\n",
    )
    path = tmp_path / "m.yaml"
    path.write_text("# argmap: ignore-map[AM202]\n" + text, encoding="utf-8")
    assert check_file(path).diagnostics == ()
    result = CliRunner().invoke(main, ["render", str(path)])
    assert result.exit_code == 0, result.output
    assert path.with_suffix(".svg").exists()


def test_text_that_looks_like_a_comment_is_no_comment(tmp_path: Path) -> None:
    text = DEFEATED.replace(
        "title: Energy from Central Asia", "title: 'Energy # argmap: ignore-map[AM202]'"
    )
    assert found(text, tmp_path) == [("9:9", "AM202")]


def test_a_line_in_a_block_text_is_no_comment(tmp_path: Path) -> None:
    text = DEFEATED.replace(
        "    text: Energy is the most obvious area of mutual interest.\n",
        "    text: |\n      Energy is the most obvious\n      # argmap: ignore-map[AM202]\n",
    )
    assert found(text, tmp_path) == [("9:9", "AM202")]


def test_lines_end_as_editors_end_them(tmp_path: Path) -> None:
    text = DEFEATED.replace(ID_LINE, ID_LINE.rstrip() + "  # argmap: ignore[AM202]\n")
    assert found(text.replace("\n", "\r\n"), tmp_path) == []
    assert found(text.replace("\n", "\r"), tmp_path) == []


def test_a_directive_argmap_does_not_know_is_reported_with_the_one_meant(tmp_path: Path) -> None:
    text = DEFEATED.replace(ID_LINE, ID_LINE.rstrip() + "  # argmap: ignore-file[AM202]\n")
    assert found(text, tmp_path) == [("9:9", "AM202"), ("9:26", "AM209")]
    said = "unknown directive 'ignore-file'; did you mean '# argmap: ignore-map[...]'?"
    assert said in messages(text, tmp_path)[1]
    last = DEFEATED + "# argmap: ignore[AM202]\n"
    assert messages(last, tmp_path)[1].endswith("silences nothing: no line follows it [AM209]")


def test_a_comment_naming_no_code_is_reported(tmp_path: Path) -> None:
    text = DEFEATED.replace(ID_LINE, "  - id: energy-interest  # argmap: ignore\n")
    assert found(text, tmp_path) == [("9:9", "AM202"), ("9:26", "AM209")]
    assert "name the codes it silences: '# argmap: ignore[AM202]'" in messages(text, tmp_path)[1]


# --- the project: [tool.argmap] in pyproject.toml -------------------------------------------


def test_the_projects_pyproject_silences_a_code_in_every_map(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nignore = ["AM202"]\n')
    (tmp_path / "docs" / "maps").mkdir(parents=True)
    (tmp_path / "docs" / "mkdocs.yml").write_text("site_name: x\n")
    assert found(DEFEATED, tmp_path / "docs" / "maps") == []


def test_a_pyproject_above_the_repository_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nignore = ["AM202"]\n')
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert found(DEFEATED, tmp_path / "repo") == [("9:9", "AM202")]


def test_a_wrong_project_setting_is_an_error_at_the_top_of_each_map(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.argmap]\nignore = ["AM220"]\n')
    assert found(DEFEATED, tmp_path) == [("1:1", "AM119"), ("9:9", "AM202")]
    said = messages(DEFEATED, tmp_path)[0]
    assert f"{pyproject}: [tool.argmap] ignore: unknown code 'AM220'; did you mean AM202?" in said
    pyproject.write_text('[tool.argmap]\nignore = ["AM102"]\n')
    assert "AM102 cannot be silenced" in messages(DEFEATED, tmp_path)[0]
    pyproject.write_text('[tool.argmap]\nignored = ["AM202"]\n')
    assert "unknown key 'ignored'; did you mean 'ignore'?" in messages(DEFEATED, tmp_path)[0]
    pyproject.write_text('[tool.argmap]\nignore = "AM202"\n')
    assert "ignore must be a list of codes" in messages(DEFEATED, tmp_path)[0]
    pyproject.write_text("[tool.argmap\n")
    assert "is not valid TOML" in messages(DEFEATED, tmp_path)[0]


# --- every front end gives the same result ---------------------------------------------------


def test_check_ignore_silences_a_code_and_refuses_a_wrong_one(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(DEFEATED, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert (result.exit_code, "[AM202]" in result.output) == (0, True)
    result = CliRunner().invoke(main, ["check", "--ignore", "AM202", str(path)])
    assert (result.exit_code, result.output) == (0, "")
    result = CliRunner().invoke(main, ["check", "--ignore", "AM204,AM220", str(path)])
    assert result.exit_code == 2
    assert "unknown code 'AM220'; did you mean AM202?" in result.output
    result = CliRunner().invoke(main, ["check", "--ignore", "AM103", str(path)])
    assert result.exit_code == 2 and "AM103 cannot be silenced" in result.output


def test_json_output_and_the_editor_agree_with_check(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(DEFEATED.replace(ID_LINE, ID_LINE.rstrip() + "  # argmap: ignore[AM202]\n"))
    result = CliRunner().invoke(main, ["check", "--output-format", "json", str(path)])
    assert (result.exit_code, json.loads(result.output)) == (0, [])
    document = Document(path.as_uri(), path.read_text())
    assert document.checked().diagnostics == ()


def convert(page: str, base: Path) -> str:
    extension = "argmap.markdown"
    configs = {extension: {"base_path": str(base)}}
    return markdown.markdown(page, extensions=[extension], extension_configs=configs)


def test_mkdocs_strict_builds_a_page_whose_defeated_conclusion_is_silenced(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    page = "# A defeated step\n\n```argmap\n# argmap: ignore-map[AM202]\n" + DEFEATED + "```\n"
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.argmap"):
        html = convert(page, tmp_path)
    assert "<svg" in html and caplog.records == []
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.argmap"):
        convert(page.replace("# argmap: ignore-map[AM202]\n", ""), tmp_path)
    assert [r.getMessage()[-7:] for r in caplog.records] == ["[AM202]"]


def test_a_document_build_depends_on_the_projects_settings(tmp_path: Path) -> None:
    from argmap.embed import Block, Place, parse, words
    from argmap.embed.blocks import read_block

    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nignore = ["AM202"]\n')
    block = Block(Place("page.md", 3), parse(words(""), None), DEFEATED)
    found = read_block(block, tmp_path, None, "source_root")
    assert found.warnings == ()
    assert str(tmp_path / "pyproject.toml") in found.files  # Sphinx rebuilds the page on it
    # One without settings yet, which may gain them.
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert str(tmp_path / "pyproject.toml") in read_block(block, tmp_path, None, "x").files


def test_the_editor_offers_to_silence_a_code_on_its_line(tmp_path: Path) -> None:
    from argmap.lsp import actions
    from argmap.lsp.diagnostics import diagnostics
    from argmap.lsp.passages import Sources

    path = tmp_path / "m.yaml"
    document = Document(path.as_uri(), DEFEATED)
    [problem] = diagnostics(document)
    offered = [a for a in actions.actions(document, [problem], Sources()) if "Silence" in a.title]
    assert [a.title for a in offered] == ["Silence AM202 on this line (# argmap: ignore[AM202])"]
    [edit] = offered[0].edit.changes[document.uri]
    lines = DEFEATED.splitlines(keepends=True)
    start = sum(map(len, lines[: edit.range.start.line])) + edit.range.start.character
    text = DEFEATED[:start] + edit.new_text + DEFEATED[start:]
    assert ID_LINE.rstrip() + "  # argmap: ignore[AM202]\n" in text
    assert found(text, tmp_path) == []
    # A line that has a comment for another code gets this one added to it.
    commented = DEFEATED.replace(ID_LINE, ID_LINE.rstrip() + "  # argmap: ignore[AM201]\n")
    document = Document(path.as_uri(), commented)
    problems = [d for d in diagnostics(document) if d.code == "AM202"]
    [action] = [a for a in actions.actions(document, problems, Sources()) if "Silence" in a.title]
    assert action.edit.changes[document.uri][0].new_text == ", AM202"
    # An error is to be mended: no comment is offered for it.
    broken = DEFEATED.replace("[constrained]", "[constrainde]")
    document = Document(path.as_uri(), broken)
    problems = diagnostics(document)
    assert [p.code for p in problems] == ["AM103"]
    assert not [a for a in actions.actions(document, problems, Sources()) if "Silence" in a.title]


def test_a_comment_never_reaches_into_the_next_line() -> None:
    """A bare '# argmap: ignore' took the next line's YAML for its codes, and the editor's
    quick fix then wrote the code into that line's list of reasons ('[a, b, AM202]')."""
    text = "conclusions:\n  - id: c\n    reasons: # argmap: ignore\n      [a, b]\n"
    edit = silencing(text, 3, "AM202")
    assert edit is not None
    start, _, written = edit
    assert text[:start].endswith("# argmap: ignore") and written == "[AM202]"
    (note,) = directives("a: 1  # argmap: ignore[AM202\nb: [x]\n")
    assert note.codes == () and note.wrong is not None


def test_silencing_an_empty_line_edits_no_other_line() -> None:
    """Asked to silence a code on an empty line, the fix wrote on the line above."""
    assert silencing("a: b\n\nc: d\n", 2, "AM202") is None
    assert silencing("a: b\n\nc: d\n", 3, "AM202") == (10, 10, "  # argmap: ignore[AM202]")


def test_a_comment_cannot_silence_am209_and_says_where_it_can_be(tmp_path: Path) -> None:
    """'# argmap: ignore-map[AM209]' was told it silences nothing as 'there is no AM209',
    beside AM209 warnings: the comments are what AM209 judges; the project or --ignore
    silences it."""
    text = "# argmap: ignore-map[AM209]\n" + DEFEATED.replace(
        ID_LINE, "  - id: energy-interest  # argmap: ignore[AM203]\n"
    )
    said = [m for m in messages(text, tmp_path) if "[AM209]" in m]
    assert any("AM209 is silenced by the project's settings or --ignore, not by a comment" in m
               for m in said)  # fmt: skip


def test_a_text_whose_escape_names_no_character_is_no_crash_of_the_editors_quick_fix() -> None:
    """A map being typed in the editor ('\\U00110000', past Unicode's last character) while a
    warning of the map as it was is still shown: its quick fix to silence it raised
    Python's ValueError ('chr() arg not in range(0x110000)') from PyYAML's scanner, and the
    editor's request failed. The text does not scan: no comment is read, no fix offered."""
    text = 'argmap: 1\ntitle: "x \\U00110000"  # argmap: ignore[AM201]\npremises: []\n'
    assert list(directives(text)) == []
    assert silencing(text, 2, "AM202") is None
