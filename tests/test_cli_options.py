"""Options that do not go together (with each other, the format or the files named) are
usage errors in click's one style (``Usage: ...``, ``Error: ...``, exit status 2); ``render``
refuses them before any map is read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import run

#: A map with a warning (AM201: 'l' is connected to nothing), which reading it prints.
WARNED = (
    "argmap: 1\ntitle: t\npremises:\n  - id: l\n    text: L\n  - id: p\n    text: P\n"
    "conclusions:\n  - id: c\n    text: C\n    reasons: [p]\n"
)

CONFLICTS = [
    (["-f", "pdf", "--page", "a4", "--fit", "720"], "give --fit or --page"),
    (["-f", "pdf", "--landscape"], "--landscape goes with --page"),
    (["--page", "a4"], "--page applies to pdf only"),
    (["--dpi", "96"], "a resolution (dpi) applies to png only"),
    (["-f", "png", "--width", "10px"], "a width applies to svg only"),
    (["--fit", "720", "--width", "10cm"], "give --fit or --width"),
    (["-f", "dot", "--id-prefix", "a-"], "an id prefix applies to svg and html only"),
    (["--width", "100vw"], "width '100vw' is not a width argmap takes"),
]


@pytest.mark.parametrize(("args", "said"), CONFLICTS)
def test_render_refuses_conflicting_options_before_reading_a_map(
    write_map, args: list[str], said: str
) -> None:
    # The map was read and its warnings printed, then the options were refused.
    path = write_map(WARNED)
    result = run("render", str(path), *args)
    assert result.exit_code == 2
    assert said in result.output
    assert "AM201" not in result.output and "warning" not in result.output
    assert sorted(p.name for p in path.parent.iterdir()) == ["map.yaml"]


@pytest.mark.parametrize(("args", "said"), CONFLICTS[:2])
def test_render_refuses_conflicting_options_for_a_folder_at_once(
    write_map, args: list[str], said: str
) -> None:
    # Each map of the folder was read and refused in turn, then counted as not drawn.
    path = write_map(WARNED)
    write_map(WARNED, name="other.yaml")
    result = run("render", str(path.parent), *args)
    assert result.exit_code == 2
    assert result.output.count(said) == 1
    assert "AM201" not in result.output and "maps:" not in result.output


def test_render_refuses_conflicting_options_before_looking_for_the_map(tmp_path: Path) -> None:
    result = run("render", str(tmp_path / "nowhere.yaml"), "-f", "pdf", "--landscape")
    assert result.exit_code == 2
    assert "--landscape goes with --page" in result.output
    assert "no such file" not in result.output


def usage_error(result, command: str, said: str) -> bool:
    """Whether ``result`` is click's usage error of ``command``: its usage, then the error."""
    return (
        result.exit_code == 2
        and re.match(rf"Usage: \S+ {command} \[OPTIONS\]", result.output) is not None
        and said in result.output.partition("\n\nError: ")[2]
        and "argmap: error:" not in result.output
    )


@pytest.mark.parametrize(("args", "said"), CONFLICTS)
def test_render_option_conflicts_are_usage_errors(write_map, args: list[str], said: str) -> None:
    # Some said 'argmap: error: ...' (--landscape without --page), others click's usage error
    # (--depth without --focus).
    assert usage_error(run("render", str(write_map(WARNED)), *args), "render", said)


def test_output_options_that_do_not_fit_are_usage_errors(write_map, tmp_path: Path) -> None:
    path = write_map(WARNED)
    other = write_map(WARNED, name="other.yaml")
    (tmp_path / "page.html").write_text("mine")
    cases = [
        (["render", str(path), "-f", "png", "-o", "x.svg"], "names svg but -f says png"),
        (["render", str(path), "-o", "x.jpg"], "-o x.jpg: cannot tell the format"),
        (["render", str(path), str(other), "-o", "x.svg"], "several maps go into a folder"),
        (["render", str(path), "--watch", "-o", "-"], "-o - (stdout) takes one map"),
        (["render", str(path), "--depth", "1"], "give --focus ID too"),
        (["coverage", str(tmp_path), "--html", str(tmp_path / "page.html")], "must name a folder"),
        (["fmt", "--diff", "-"], "- (stdin) is one map alone, without --diff"),
    ]
    for args, said in cases:
        assert usage_error(run(*args), args[0], said), (args, run(*args).output)


@pytest.mark.parametrize("args", [["--html"], ["--html", "view.html"], ["--html=view.html"]])
def test_render_html_as_coverage_writes_it_is_told_the_format(write_map, args) -> None:
    """``coverage --html OUT`` writes its page; ``render --html`` was told only 'No such
    option', with --help, --theme and --title as the options meant."""
    path = write_map(WARNED)
    result = run("render", str(path), *args)
    said = (
        "render has no --html: it draws the HTML view (the map beside its source) with -f html: "
        "argmap render MAP -f html -o view.html"
    )
    assert usage_error(result, "render", said), result.output
    assert sorted(p.name for p in path.parent.iterdir()) == ["map.yaml"]
