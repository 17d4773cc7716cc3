"""The documentation tells the truth: its example map checks clean, its code table matches the
code, and every link between the README and the pages of docs/ leads to a page and a heading."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import click
import pytest

from argmap.api import check_file
from argmap.cli import main
from argmap.diagnostics import CODES

from .conftest import ROOT
from .docs_text import broken_links, links, pages, section


def test_the_format_example_checks_clean(tmp_path: Path) -> None:
    example = re.search(r"```yaml\n(.*?)```", section("Writing a map"), re.S)
    assert example is not None
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "maps").mkdir()
    (tmp_path / "pyproject.toml").touch()  # a project holding both, as the repository is
    path = tmp_path / "maps" / "example.yaml"
    path.write_text(example.group(1), encoding="utf-8")
    checked = check_file(path)
    assert checked.diagnostics == ()
    assert checked.map is not None
    assert {c.kind.value for c in checked.map.claims} == {"premise", "conclusion", "recommendation"}


def test_the_code_table_lists_every_code_as_the_code_does() -> None:
    table = section("Checks and their codes")
    rows = re.findall(r"^\| (AM\d{3}) \| (\w+) \| (.+) \|$", table, re.M)
    assert {code: (severity, meaning) for code, severity, meaning in rows} == {
        code: (severity.value, meaning) for code, (severity, meaning) in CODES.items()
    }


def test_the_code_for_a_file_to_import_names_every_format_it_is_given_for() -> None:
    # check and render give AM017 for an AIF graph, Argdown, a microtext, a Kialo discussion
    # and a SADFace document
    meaning = CODES["AM017"][1]
    names = ("AIF", "Argdown", "microtext", "Kialo", "SADFace")
    assert all(name in meaning for name in names), meaning


def test_where_a_scheme_is_written_the_docs_send_to_its_critical_questions() -> None:
    # a reader who names a scheme learns that argmap questions asks its questions, and where
    target = "(docs/evaluation.md#critical-questions)"
    assert target in section("Writing a map") and "argmap questions" in section("Writing a map")
    assert target.replace("docs/", "") in section("The map format")


def test_quick_start_is_two_commands_that_render_the_seed_map_and_run_the_tests() -> None:
    """In the README itself, where .ci/run finds the two commands and types them."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", quick_start, re.S)
    assert block is not None
    commands = block.group(1).strip().splitlines()
    assert len(commands) == 2
    assert "argmap render maps/europe-central-asia.yaml" in commands[0]
    assert "pytest" in commands[1]


def test_every_link_leads_to_a_file_and_heading() -> None:
    """Links within a page, between the README and docs/ (file and #heading, as GitHub makes
    anchors) and to the repository's files."""
    assert sum(len(links(text)) for text in pages().values()) > 20
    assert broken_links() == []


def test_a_link_to_a_missing_page_or_heading_is_found(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "a.svg").touch()
    (tmp_path / "README.md").write_text(
        "# Tool\n\n## Start here\n\n[ok](#start-here) [ok](docs/guide.md#the-parts)\n"
        "![ok](maps/a.svg) [ok](https://example.org/x.md#nothing) [ok](docs/guide.md)\n"
        "[gone](docs/gone.md) [gone](docs/guide.md#nowhere) [gone](#start)\n"
        "```sh\n[in code](docs/gone.md)\n```\n`[inline](docs/gone.md)`\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "guide.md").write_text(
        "# Guide\n\n## The parts\n\n## The parts\n\n[ok](../README.md#start-here)\n"
        "[ok](#the-parts-1) [ok](../maps/a.svg) [on two\nlines](#the-parts)\n"
        "[gone](maps/a.svg) [gone](../README.md#guide) [gone](../../elsewhere.md)\n",
        encoding="utf-8",
    )
    assert broken_links(tmp_path) == [
        "README.md: docs/gone.md (no such file)",
        "README.md: docs/guide.md#nowhere (no such heading)",
        "README.md: #start (no such heading)",
        "docs/guide.md: maps/a.svg (no such file)",
        "docs/guide.md: ../README.md#guide (no such heading)",
        "docs/guide.md: ../../elsewhere.md (outside the repository)",
    ]


def test_a_section_is_found_by_its_heading_in_whichever_page_holds_it(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_text("# Tool\n\n## Start\n\nstart\n", encoding="utf-8")
    (tmp_path / "docs" / "guide.md").write_text(
        "# Guide\n\n## Parts\n\nparts\n\n```toml\n# not a heading\n```\n\n### Keys\n\nkeys\n"
        "\n## Next\n\nnext\n",
        encoding="utf-8",
    )
    assert section("Start", tmp_path) == "\nstart\n"
    assert (
        section("Parts", tmp_path)
        == "\nparts\n\n```toml\n# not a heading\n```\n\n### Keys\n\nkeys\n\n"
    )
    assert section("Keys", tmp_path) == "\nkeys\n\n"


def test_the_readme_is_a_front_page_linking_every_page_of_docs() -> None:
    """A new user reads the README in a few minutes and finds every page of docs/ in its list
    "Documentation", each with a line on what it holds."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 400
    listed = re.findall(r"^- \[[^\]]+\]\((docs/[^)#]+\.md)\): \S", section("Documentation"), re.M)
    docs = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md"))
    assert len(docs) >= 8
    assert sorted(listed) == docs


def test_each_page_of_docs_opens_with_its_title_what_it_holds_and_the_way_back() -> None:
    for page, text in pages().items():
        if page.parts[0] != "docs":
            continue
        title, blank, what, *_ = text.splitlines()
        assert title.startswith("# ") and blank == "", page
        assert what and not what.startswith(("#", "[", "-", "`")), page
        assert "](../README.md" in "\n".join(text.splitlines()[2:5]), page


def _summary_of(command: str) -> str:
    """The lines of the command summary at the head of docs/cli.md that are about ``command``:
    its line, the option lines under it, and the options several commands share, at the end,
    when their list of commands names it."""
    summary = re.search(r"^```text\n(argmap check .*?)^```$", section("Command line"), re.S | re.M)
    assert summary is not None
    lines, own, now = summary.group(1).splitlines(), [], ""
    for line in lines:
        if line.startswith("argmap "):
            now = line.split()[1]
        shared = re.match(r"  \[--[\w-]+[^]]*\]\s+\(([\w, ]+)\)", line)
        if shared is not None:
            now = ""
            if command in shared.group(1).split(", "):
                own.append(line)
        elif now == command:
            own.append(line)
    return "\n".join(own)


@pytest.mark.parametrize("name", sorted(main.list_commands(click.Context(main))))
def test_the_command_summary_names_every_option_of_every_command(name: str) -> None:
    command = main.get_command(click.Context(main), name)
    assert command is not None
    summary = _summary_of(name)
    assert summary, f"docs/cli.md's summary has no line for argmap {name}"
    for param in command.params:
        names = [*param.opts, *param.secondary_opts]
        if isinstance(param, click.Option) and "--help" not in names:
            assert any(re.search(rf"{re.escape(n)}\b", summary) for n in names), (name, names)
