"""What a command may write over: never the map nor its source text; without --force, only a
file that holds what it writes (a drawing over the same kind of drawing, an export over the
same export), so a rerun replaces its own output and nobody's map, text or notes.

Found by a teacher: ``export argdown map.yaml -o texts/map.txt`` replaced her source text, and
``check --diff`` then offered to rewrite her quotes to match it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.batch.pool import render_one
from argmap.draw.options import FORMATS, DrawOptions
from argmap.formats.registry import EXPORTS
from argmap.watch import Session

from .conftest import ROOT, run

QUOTED = (
    "argmap: 1\ntitle: Uniforms\nsource: {path: ../texts/uniforms.txt}\npremises:\n"
    "  - id: p\n    text: P\n    quotes: [uniforms cost money]\nconclusions:\n"
    "  - id: c\n    text: C\n    reasons: [p]\n"
)
OTHER = "argmap: 1\ntitle: other\npremises:\n  - id: q\n    text: Q\n"
TEXT = "Everyone knows uniforms cost money.\n"
PAGE = "an HTML page argmap wrote"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A teacher's folder: maps/uniforms.yaml quoting texts/uniforms.txt, another map, notes."""
    (tmp_path / "pyproject.toml").touch()
    for folder in ("maps", "texts"):
        (tmp_path / folder).mkdir()
    (tmp_path / "maps" / "uniforms.yaml").write_text(QUOTED, encoding="utf-8")
    (tmp_path / "maps" / "other.yaml").write_text(OTHER, encoding="utf-8")
    (tmp_path / "texts" / "uniforms.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "texts" / "notes.txt").write_text("my notes\n", encoding="utf-8")
    return tmp_path


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "command",
    [
        ("export", "argdown", "maps/uniforms.yaml", "-o", "texts/uniforms.txt"),
        ("export", "kialo", "maps/uniforms.yaml", "-o", "texts/uniforms.txt"),
        ("render", "maps/uniforms.yaml", "-f", "svg", "-o", "texts/uniforms.txt"),
        ("coverage", "maps/uniforms.yaml", "--html", "texts/uniforms.txt"),
    ],
)
@pytest.mark.parametrize("force", [False, True])
def test_the_source_text_is_never_written_over(
    project: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...], force: bool
) -> None:
    monkeypatch.chdir(project)
    before = files(project)
    result = run(*command, *(["--force"] if force else []))
    assert result.exit_code == 2, result.output
    option = "--html" if command[0] == "coverage" else "-o"
    assert (
        "argmap: error: texts/uniforms.txt: refusing to overwrite the map's source text "
        f"(its quotes are checked against it); give another {option}"
    ) in result.output
    assert "wrote" not in result.output
    assert files(project) == before


@pytest.mark.parametrize(
    "command",
    [
        ("export", "json", "maps/uniforms.yaml", "-o", "maps/uniforms.yaml"),
        ("render", "maps/uniforms.yaml", "-f", "dot", "-o", "maps/uniforms.yaml"),
    ],
)
def test_the_map_itself_is_never_written_over(
    project: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    monkeypatch.chdir(project)
    before = files(project)
    result = run(*command, "--force")
    assert result.exit_code == 2, result.output
    assert "maps/uniforms.yaml: refusing to overwrite the map itself; give another -o" in (
        result.output
    )
    assert files(project) == before


@pytest.mark.parametrize(
    ("command", "target", "kind"),
    [
        (("export", "json", "maps/uniforms.yaml"), "maps/other.yaml", "a map in argmap's JSON"),
        (("export", "argdown", "maps/uniforms.yaml"), "texts/notes.txt", "Argdown argmap wrote"),
        (("export", "kialo", "maps/uniforms.yaml"), "texts/notes.txt", "a Kialo discussion"),
        (("export", "mermaid", "maps/uniforms.yaml"), "texts/notes.md", "a Mermaid flowchart"),
        (("export", "aif", "maps/uniforms.yaml"), "texts/data.json", "an AIF graph"),
        (("render", "maps/uniforms.yaml", "-f", "svg"), "texts/notes.txt", "an SVG drawing"),
        (("render", "maps/uniforms.yaml", "-f", "png"), "maps/other.yaml", "a PNG image"),
        (("render", "maps/uniforms.yaml", "-f", "html"), "texts/page.html", PAGE),
        (
            ("render", "maps/uniforms.yaml", "-f", "dot"),
            "texts/graph.dot",
            "a DOT graph argmap wrote",
        ),
        (("coverage", "maps/uniforms.yaml"), "texts/page.html", PAGE),
    ],
)
def test_a_file_of_another_kind_is_overwritten_only_with_force(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
    target: str,
    kind: str,
) -> None:
    monkeypatch.chdir(project)
    # Notes that open with a diagram of their own; a page with a legend of its own.
    (project / "texts" / "notes.md").write_text(
        "```mermaid\nflowchart LR\n  A --> B\n```\n\n# Notes\n\nMine.\n", encoding="utf-8"
    )
    (project / "texts" / "page.html").write_text(
        '<!DOCTYPE html>\n<html><body>My class page<ul class="legend"><li>red: late</li></ul>'
        "</body></html>\n",
        encoding="utf-8",
    )
    (project / "texts" / "data.json").write_text('{"marks": [1, 2]}\n', encoding="utf-8")
    (project / "texts" / "graph.dot").write_text("digraph mine { a -> b }\n", encoding="utf-8")
    out = "--html" if command[0] == "coverage" else "-o"
    before = files(project)
    result = run(*command, out, target)
    assert result.exit_code == 2, result.output
    assert (
        f"argmap: error: {target}: exists and is not {kind}; argmap overwrites only a file "
        f"of the kind it writes: give --force to overwrite it, or another {out}"
    ) in result.output
    assert files(project) == before
    result = run(*command, out, target, "--force")
    assert result.exit_code == 0, result.output
    assert f"argmap: wrote {target}" in result.output
    assert (project / target).read_bytes() != before[target]


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_again_overwrites_its_own_drawing(
    project: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(project)
    target = project / "out" / f"map.{fmt}"
    for _ in range(2):
        result = run("render", "maps/uniforms.yaml", "-o", str(target))
        assert result.exit_code == 0, result.output
    drawn = target.read_bytes()
    (project / "maps" / "uniforms.yaml").write_text(QUOTED.replace("text: C", "text: D"))
    result = run("render", "maps/uniforms.yaml", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes() != drawn


@pytest.mark.parametrize(
    ("fmt", "name"),
    [(fmt, "map" + exporter.extension) for fmt, exporter in EXPORTS.items()]
    + [("mermaid", "README-map.md"), ("kialo", "discussion.txt"), ("aif", "graph.json")],
)
def test_export_again_overwrites_its_own_export(
    project: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, name: str
) -> None:
    monkeypatch.chdir(project)
    target = project / "out" / name
    result = run("export", fmt, "maps/uniforms.yaml", "-o", str(target))
    assert result.exit_code == 0, result.output
    exported = target.read_bytes()
    (project / "maps" / "uniforms.yaml").write_text(QUOTED.replace("text: C", "text: D"))
    result = run("export", fmt, "maps/uniforms.yaml", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes() != exported


def test_export_json_over_another_map_s_json_export_is_a_rerun(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JSON a map was exported to is argmap's JSON, whichever map it came from."""
    monkeypatch.chdir(project)
    assert run("export", "json", "maps/other.yaml", "-o", "out.json").exit_code == 0
    result = run("export", "json", "maps/uniforms.yaml", "-o", "out.json")
    assert result.exit_code == 0, result.output
    assert '"title": "Uniforms"' in (project / "out.json").read_text()


def test_the_default_export_does_not_replace_the_argdown_a_map_was_imported_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """import argdown debate.argdown -> debate.yaml; export argdown debate.yaml would write
    debate.argdown, the hand-written original."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "tests" / "argdown" / "relations.argdown", "debate.argdown")
    before = Path("debate.argdown").read_bytes()
    assert run("import", "argdown", "debate.argdown", "-o", "debate.yaml").exit_code == 0
    result = run("export", "argdown", "debate.yaml")
    assert result.exit_code == 2, result.output
    assert "debate.argdown: exists and is not Argdown argmap wrote" in result.output
    assert Path("debate.argdown").read_bytes() == before
    assert run("export", "argdown", "debate.yaml", "-o", "again.argdown").exit_code == 0
    assert run("export", "argdown", "debate.yaml", "-o", "again.argdown").exit_code == 0


def test_coverage_again_overwrites_its_page_and_a_drawing_s_page(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    for command in (
        ("coverage", "maps/uniforms.yaml", "--html", "page.html"),
        ("coverage", "maps/uniforms.yaml", "--html", "page.html"),
        ("render", "maps/uniforms.yaml", "-o", "page.html"),
        ("coverage", "maps/uniforms.yaml", "--html", "page.html"),
    ):
        result = run(*command)
        assert result.exit_code == 0, result.output


def test_figures_are_all_checked_before_any_is_written(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--fit writes NAME-1.svg ... NAME-N.svg: one of them someone's file, none is written."""
    out = seed_copy.parent / "out"
    out.mkdir()
    (out / "europe-central-asia-2.svg").write_text("my notes\n", encoding="utf-8")
    result = run("render", str(seed_copy), "--fit", "720", "-o", f"{out}/")
    assert result.exit_code == 2, result.output
    assert f"{out / 'europe-central-asia-2.svg'}: exists and is not an SVG drawing" in (
        result.output
    )
    assert [p.name for p in out.iterdir()] == ["europe-central-asia-2.svg"]
    result = run("render", str(seed_copy), "--fit", "720", "-o", f"{out}/", "--force")
    assert result.exit_code == 0, result.output
    figures = sorted(out.glob("*.svg"))
    assert len(figures) > 2
    result = run("render", str(seed_copy), "--fit", "720", "-o", f"{out}/")
    assert result.exit_code == 0, result.output


def test_a_printed_pdf_is_rendered_again(seed_copy: Path) -> None:
    target = seed_copy.parent / "print.pdf"
    for _ in range(2):
        result = run("render", str(seed_copy), "--page", "a4", "-o", str(target))
        assert result.exit_code == 0, result.output


def test_a_folder_leaves_someone_s_file_and_draws_the_rest(project: Path) -> None:
    maps, out = project / "maps", project / "out"
    out.mkdir()
    (out / "other.svg").write_text("my notes\n", encoding="utf-8")
    result = run("render", str(maps), "-o", f"{out}/")
    assert result.exit_code == 2, result.output
    assert f"{out / 'other.svg'}: exists and is not an SVG drawing" in result.output
    assert (out / "other.svg").read_text() == "my notes\n"
    assert (out / "uniforms.svg").read_bytes().startswith(b"<?xml")
    result = run("render", str(maps), "-o", f"{out}/", "--force")
    assert result.exit_code == 0, result.output
    assert (out / "other.svg").read_bytes().startswith(b"<?xml")
    (maps / "other.yaml").write_text(OTHER.replace("text: Q", "text: R"), encoding="utf-8")
    result = run("render", str(maps), "-o", f"{out}/")  # drawn again, over its own drawing
    assert result.exit_code == 0, result.output
    assert b">R<" in (out / "other.svg").read_bytes()


def test_a_folder_never_draws_over_a_map_s_source_text(project: Path) -> None:
    """A source text named like the map's drawing: refused, also with --force."""
    (project / "maps" / "uniforms.yaml").write_text(
        QUOTED.replace("../texts/uniforms.txt", "uniforms.svg"), encoding="utf-8"
    )
    (project / "maps" / "uniforms.svg").write_text(TEXT, encoding="utf-8")
    for force in ([], ["--force"]):
        result = run("render", str(project / "maps"), *force)
        assert result.exit_code == 2, result.output
        assert "refusing to overwrite the map's source text" in result.output
        assert (project / "maps" / "uniforms.svg").read_text() == TEXT


def test_render_one_and_watch_leave_someone_s_file(project: Path) -> None:
    path, target = project / "maps" / "other.yaml", project / "maps" / "other.svg"
    target.write_text("my notes\n", encoding="utf-8")
    outcome = render_one(str(path), str(target), "svg", DrawOptions())
    assert not outcome.wrote
    assert "exists and is not an SVG drawing" in str(outcome.problem)
    said: list[str] = []
    session = Session([str(path)], lambda p: str(target), "svg", DrawOptions(), said.append)
    session.look()
    assert target.read_text() == "my notes\n"
    assert any("exists and is not an SVG drawing" in line for line in said), said
    assert session.status == 2
    forced = Session(
        [str(path)], lambda p: str(target), "svg", DrawOptions(), said.append, force=True
    )
    forced.look()
    assert forced.status == 0
    assert target.read_bytes().startswith(b"<?xml")


def test_force_is_in_the_help_of_each_command_that_writes() -> None:
    for command in ("render", "export", "coverage"):
        result = run(command, "--help")
        assert "--force" in result.output, command
