"""The argmap command line as a user meets it: exit codes, messages, files written or not."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from argmap import __version__
from argmap.cli import COMMANDS, main
from argmap.cli.maps import from_stdin

from .conftest import ROOT, SEED_MAP, run

GOOD = "argmap: 1\ntitle: t\npremises:\n  - id: p\n    text: P\nconclusions:\n  - id: c\n    text: C\n    reasons: [p]\n"  # noqa: E501
BAD = GOOD.replace("reasons: [p]", "reasons: [q]")
WARNS = GOOD.replace("    text: P\n", "    text: P\n  - id: z\n    text: Z\n")  # AM201


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"argmap, version {__version__}\n"


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)], ids=str)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "argmap " in result.output.split("Example:")[1]


def test_the_list_of_commands_says_what_each_command_says_of_itself() -> None:
    ctx = click.Context(main)
    for name, (_, summary) in COMMANDS.items():
        command = main.get_command(ctx, name)
        assert command is not None
        assert command.get_short_help_str(limit=1000) == summary, name
    listed = run("--help").output.split("Commands:\n")[1]
    rows = re.split(r"\n(?=  \S)", listed.rstrip("\n"))
    assert [row.split()[0] for row in rows] == sorted(COMMANDS)
    # Each said in full (wrapped), not cut at the line's end with '...' as click cuts it.
    for row in rows:
        name, said = row.split(None, 1)
        assert " ".join(said.split()) == COMMANDS[name][1]


def test_render_help_shows_the_readme_recipes_for_a_phone_and_the_html_view() -> None:
    """A journalist reads render --help for her site's phone readers and its HTML view: the
    README's table had them, the help's examples did not (it showed 720 px and 1280x720)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = run("render", "--help").output.split("Example:")[1]
    for recipe in ("--fit 390x844 -f png --no-title -o phone/", "-f html --fit 720 -o view.html"):
        assert f"argmap render MAP {recipe}" in readme
        assert f"argmap render maps/europe-central-asia.yaml {recipe}" in shown


@pytest.mark.parametrize(
    ("typed", "meant"), [("evaluate", "eval"), ("rendr", "render"), ("checks", "check")]
)
def test_a_mistyped_command_is_told_the_command_meant(typed: str, meant: str) -> None:
    result = CliRunner().invoke(main, [typed, "map.yaml"])
    assert result.exit_code == 2
    assert f"Error: No such command '{typed}'; did you mean '{meant}'?" in result.output


def test_a_command_like_none_is_told_as_click_tells_it() -> None:
    result = CliRunner().invoke(main, ["zzz"])
    assert result.exit_code == 2
    assert result.output.endswith("Error: No such command 'zzz'.\n")


def test_check_clean_map_prints_nothing(seed_copy: Path) -> None:
    result = run("check", str(seed_copy))
    assert (result.exit_code, result.output) == (0, "")


def test_check_reports_errors_with_positions_and_a_summary(write_map) -> None:
    path = write_map(BAD)
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.output == (
        f"{path}:4:9: warning: premise 'p' is connected to nothing: no reason, objection or "
        "target [AM201]\n"
        f"{path}:9:15: error: reason 'q' of 'c' is no claim [AM103]\n"
        "argmap: 1 error and 1 warning\n"
    )


def test_check_warnings_only_exit_zero(write_map) -> None:
    path = write_map(GOOD.replace("conclusions:", "  - id: q\n    text: Q\nconclusions:"))
    result = run("check", str(path))
    assert result.exit_code == 0
    assert "[AM201]" in result.output


@pytest.mark.parametrize("command", ["check", "render", "eval"])
def test_a_slip_in_a_maps_file_name_is_told_the_name_beside_it(
    tmp_path: Path, command: str
) -> None:
    """A policy writer types wage.yml for wage.yaml: argmap said only 'no such file'."""
    (tmp_path / "wage.yaml").write_text("argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A\n")
    (tmp_path / "a.yaml").write_text("")
    (tmp_path / "wage.html").write_text("")  # its drawing: the extension tells them apart
    result = run(command, str(tmp_path / "wage.yml"))
    assert result.exit_code == 2
    assert f"argmap: error: {tmp_path / 'wage.yml'}: no such file; did you mean " in result.output
    assert f"did you mean '{tmp_path / 'wage.yaml'}'?\n" in result.output
    # Nothing alike, nothing said: 'gone' is no slip for 'a'.
    result = run(command, str(tmp_path / "gone.yaml"))
    assert f"argmap: error: {tmp_path / 'gone.yaml'}: no such file\n" in result.output


def test_check_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "absent.yaml"))
    assert result.exit_code == 2
    assert result.output == f"argmap: error: {tmp_path / 'absent.yaml'}: no such file\n"


def test_check_several_files_reports_all(write_map, tmp_path: Path) -> None:
    good = write_map(GOOD, name="good.yaml")
    bad = write_map(BAD, name="bad.yaml")
    result = run("check", str(good), str(bad), str(tmp_path / "absent.yaml"))
    assert result.exit_code == 2
    assert f"{bad}:9:15: error" in result.output
    assert str(good) not in result.output


def stdin(data: bytes, *args: str) -> click.testing.Result:
    return CliRunner().invoke(main, ["check", *args], input=data)


def test_check_reads_a_map_from_standard_input_named_by_stdin_filename(seed_copy: Path) -> None:
    text = seed_copy.read_bytes()
    assert stdin(text, "--stdin-filename", str(seed_copy), "-").output == ""
    changed = text.replace(b'"A partnership with mutual', b'"A partnership of mutual', 1)
    result = stdin(changed, "--stdin-filename", str(seed_copy), "-")
    assert result.exit_code == 1
    assert result.output.startswith(f"{seed_copy}:25:9: error: quote of 'partnership-thesis'")
    assert "[AM110]" in result.output


def test_check_standard_input_is_named_stdin_and_lives_in_the_current_folder(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seed_copy.parent)  # the source is ../seeds/..., as from the map's folder
    assert stdin(seed_copy.read_bytes(), "-").output == ""
    result = stdin(BAD.encode(), "-")
    assert result.exit_code == 1
    assert (
        result.output.splitlines()[1]
        == "<stdin>:9:15: error: reason 'q' of 'c' is no claim [AM103]"
    )


@pytest.mark.parametrize(("where", "code"), [("", "AM117"), ("a/b", "AM109")])
def test_check_standard_input_whose_source_is_not_found_is_told_of_stdin_filename(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: str
) -> None:
    # Piped from the repository's root (git show HEAD:maps/x.yaml | argmap check -), the
    # map's '../seeds/...' is looked for above the root, and AM117 pointed at --source-root;
    # from elsewhere it is not found. Neither said how to place the map.
    root = seed_copy.parent.parent
    (root / where).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(root / where)
    result = stdin(seed_copy.read_bytes(), "-")
    assert result.exit_code == 1
    assert f"[{code}]" in result.output
    assert result.output.endswith(
        "argmap: 1 error\nargmap: <stdin> finds its source text from the current folder; "
        "give --stdin-filename PATH (the map's file) to find it from there\n"
    )
    right = stdin(seed_copy.read_bytes(), "--stdin-filename", str(seed_copy), "-")
    assert (right.exit_code, right.output) == (0, "")


def test_check_standard_input_beside_map_files(write_map) -> None:
    good = write_map(GOOD, name="good.yaml")
    result = stdin(BAD.encode(), str(good), "-")
    assert result.exit_code == 1
    assert result.output.endswith(
        "argmap: 1 error and 1 warning\nargmap: 2 maps: 1 with errors, 1 clean\n"
    )


class Terminal(io.BytesIO):
    def isatty(self) -> bool:
        return True


def test_a_map_typed_at_the_terminal_is_told_how_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert from_stdin("<stdin>", Terminal(b"argmap: 1\n")) == b"argmap: 1\n"
    assert "end it with Ctrl-D" in capsys.readouterr().err
    assert from_stdin("<stdin>", io.BytesIO(b"argmap: 1\n")) == b"argmap: 1\n"
    assert capsys.readouterr().err == ""  # a pipe or a file: nothing said


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["-", "-"], "standard input (-) can be read once"),
        (
            ["--stdin-filename", "m.yaml", "m.yaml"],
            "--stdin-filename names the map read from standard input: add -",
        ),
    ],
)
def test_check_standard_input_usage_errors(args: list[str], said: str) -> None:
    result = stdin(b"", *args)
    assert result.exit_code == 2
    assert f"Error: {said}" in result.output


def test_check_standard_input_larger_than_the_limit_is_refused(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_READ_LIMIT", "1K")
    result = stdin(seed_copy.read_bytes(), "-")
    assert result.exit_code == 2
    assert result.output == (
        "argmap: error: <stdin>: is larger than argmap reads: the limit is 1 KiB (set "
        "ARGMAP_READ_LIMIT to change it)\n"
    )


def test_render_writes_svg_beside_the_map(seed_copy: Path) -> None:
    result = run("render", str(seed_copy))
    assert result.exit_code == 0, result.output
    svg = seed_copy.with_suffix(".svg")
    assert svg.read_bytes().startswith(b"<?xml")
    assert result.output == f"argmap: wrote {svg}\n"
    assert sorted(p.name for p in seed_copy.parent.iterdir()) == [
        "europe-central-asia.svg",
        "europe-central-asia.yaml",
    ]


def test_render_twice_gives_identical_bytes(seed_copy: Path, tmp_path: Path) -> None:
    for fmt in ("svg", "png", "pdf", "dot"):
        first, second = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
        assert run("render", str(seed_copy), "-o", str(first)).exit_code == 0
        assert run("render", str(seed_copy), "-o", str(second)).exit_code == 0
        assert first.read_bytes() == second.read_bytes(), fmt


@pytest.mark.parametrize(
    ("args", "name", "magic"),
    [
        (["-f", "png"], "europe-central-asia.png", b"\x89PNG"),
        (["-f", "pdf"], "europe-central-asia.pdf", b"%PDF"),
        (["-f", "dot"], "europe-central-asia.dot", b"digraph"),
    ],
)
def test_render_formats(seed_copy: Path, args: list[str], name: str, magic: bytes) -> None:
    assert run("render", str(seed_copy), *args).exit_code == 0
    assert (seed_copy.parent / name).read_bytes().startswith(magic)


def test_render_format_follows_the_output_extension(seed_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "drawing.png"
    assert run("render", str(seed_copy), "-o", str(out)).exit_code == 0
    assert out.read_bytes().startswith(b"\x89PNG")


def test_render_to_stdout(seed_copy: Path) -> None:
    result = CliRunner().invoke(main, ["render", str(seed_copy), "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"<?xml")
    assert result.stderr_bytes == b""
    assert not seed_copy.with_suffix(".svg").exists()


def test_render_several_maps_into_a_folder(seed_copy: Path, write_map, tmp_path: Path) -> None:
    other = write_map(GOOD, name="small.yaml")
    out = tmp_path / "out"
    out.mkdir()
    result = run("render", str(seed_copy), str(other), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["europe-central-asia.svg", "small.svg"]


def test_one_bad_map_does_not_stop_the_others(write_map, tmp_path: Path) -> None:
    bad = write_map(BAD, name="bad.yaml")
    good = write_map(GOOD, name="good.yaml")
    result = run("render", str(bad), str(good))
    assert result.exit_code == 1
    assert good.with_suffix(".svg").exists()
    assert not bad.with_suffix(".svg").exists()
    # Beside 'wrote good.svg', nothing said that bad.yaml was not drawn (a folder's run counts
    # it among those 'not drawn'); now a line says so, after its diagnostics.
    lines = result.output.splitlines()
    said = lines.index(f"argmap: {bad} not drawn: it has errors")
    assert lines[said - 1].endswith("[AM103]")
    assert lines[said + 1] == f"argmap: wrote {good.with_suffix('.svg')}"


def test_a_map_with_errors_leaves_the_old_drawing_untouched(write_map) -> None:
    path = write_map(BAD)
    old = path.with_suffix(".svg")
    old.write_bytes(b"previous drawing")
    result = run("render", str(path))
    assert result.exit_code == 1
    assert "[AM103]" in result.output
    assert old.read_bytes() == b"previous drawing"


def test_render_refuses_to_overwrite_the_map(write_map) -> None:
    path = write_map(GOOD, name="map.svg")
    result = run("render", str(path))
    assert result.exit_code == 2
    assert "refusing to overwrite the map itself" in result.output
    assert path.read_text() == GOOD


def test_render_into_a_folder_that_cannot_be_made_is_an_error(write_map, tmp_path: Path) -> None:
    path = write_map(GOOD)
    (tmp_path / "no").write_text("a file")
    result = run("render", str(path), "-o", str(tmp_path / "no" / "such" / "out.svg"))
    assert result.exit_code == 2
    assert result.output.startswith(f"argmap: error: cannot create folder {tmp_path / 'no'}")
    assert "Traceback" not in result.output


def test_stdout_takes_one_map_only(write_map) -> None:
    a = write_map(GOOD, name="a.yaml")
    b = write_map(GOOD, name="b.yaml")
    result = run("render", str(a), str(b), "-o", "-")
    assert result.exit_code == 2
    assert "takes one map" in result.output


def test_nasty_text_comes_out_literally_and_safely(write_map) -> None:
    nasty = 'A "quoted" <script>x</script> & C:\\path\\ \\N ends with \\'
    text = GOOD.replace("text: P", "text: '" + nasty.replace("'", "''") + "'")
    path = write_map(text)
    result = run("render", str(path), "-o", "-")
    assert result.exit_code == 0
    import xml.etree.ElementTree as ET

    root = ET.fromstring(result.stdout_bytes)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    shown = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert " ".join(nasty.split()) in " ".join(shown.split())


# --- the console script ----------------------------------------------------------------------


def console(*args: str) -> subprocess.CompletedProcess[bytes]:
    """``argmap ARGS`` in a process of its own, as a shell runs it: stdout and stderr pipes."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as users run it
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], capture_output=True, timeout=120, env=env
    )


def test_the_console_script_is_the_click_command() -> None:
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["argmap"] == "argmap.cli:main"
    assert console("--version").stdout == f"argmap, version {__version__}\n".encode()


def test_the_console_script_exits_with_the_status_and_all_of_the_output(
    write_map, tmp_path: Path
) -> None:
    good, bad = write_map(GOOD, name="good.yaml"), write_map(BAD, name="bad.yaml")
    done = console("check", str(good))
    assert (done.returncode, done.stderr) == (0, b"")
    done = console("check", str(bad))
    assert done.returncode == 1
    assert done.stderr.decode() == run("check", str(bad)).stderr
    assert "[AM103]" in done.stderr.decode()
    assert console("check", str(tmp_path / "missing.yaml")).returncode == 2
    assert console("render", "--no-such-option").returncode == 2
    # A whole drawing on a pipe (block-buffered): every byte is flushed before the exit.
    done = console("render", str(SEED_MAP), "-o", "-")
    assert done.returncode == 0, done.stderr
    assert run("render", str(SEED_MAP), "-o", "-").stdout_bytes == done.stdout
    # A batch in parallel: its worker processes are gone, its drawings whole.
    folder = tmp_path / "folder"
    folder.mkdir()
    for name in "abc":
        (folder / f"{name}.yaml").write_text(GOOD, encoding="utf-8")
    done = console("render", str(folder), "-j", "2")
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().endswith("argmap: 3 maps: 3 drawn, 0 up to date, 0 not drawn\n")
    assert all((folder / f"{name}.svg").read_bytes().endswith(b"</svg>\n") for name in "abc")
    # Nothing changed: the cache answers, with the same report a first run gives.
    again = console("render", str(folder))
    assert again.returncode == 0
    assert again.stderr.decode().endswith("argmap: 3 maps: 0 drawn, 3 up to date, 0 not drawn\n")


def test_one_map_that_runs_out_of_memory_says_so_in_words(
    write_map, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.cli import render as render_module

    def draw(*args: object, **notes: object) -> bytes:
        raise MemoryError

    monkeypatch.setattr(render_module, "draw", draw)
    path = write_map(GOOD)
    result = run("render", str(path))
    assert (result.exit_code, result.output) == (
        2,
        f"argmap: error: {path}: ran out of memory while checking or drawing it; draw a part of "
        "it with --focus ID, or draw it where more memory is free\n",
    )


OUTPUTS = ("-o", "--output", "--html")  # options naming a file written, not read


def _help_examples() -> list[str]:
    """The example lines of every command's --help that a user can paste as they are in a
    clone: those naming no file of the user's own (only under maps/ and seeds/), running
    nothing forever and piping nothing."""
    import shlex

    lines = []
    for name in COMMANDS:
        shown = run(name, "--help").output.split("Example:")[1].split("\nOptions:")[0]
        for line in shown.splitlines():
            line = line.split("#")[0].strip()
            long_running = any(word in line for word in ("--watch", " lsp", " preview", "--open"))
            if not line.startswith("argmap ") or long_running or set("<>|") & set(line):
                continue
            words = shlex.split(line)[1:]
            read = [w for i, w in enumerate(words) if not i or words[i - 1] not in OUTPUTS]
            files = [
                w
                for w in read
                if w.endswith((".yaml", ".yml", ".xml", ".json", ".argdown", ".txt", "/"))
            ]  # (a folder read, such as a corpus/, ends with a slash)
            if all(w.startswith(("maps/", "seeds/")) for w in files):
                lines.append(line)
    return lines


@pytest.mark.parametrize("line", _help_examples())
def test_a_help_example_naming_the_repositorys_files_runs(
    line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pasted into a clone, each example does what it says (exit status 0): none names a
    map, claim or option that is not there."""
    import glob
    import shlex
    import shutil

    for folder in ("maps", "seeds"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "pyproject.toml").touch()
    monkeypatch.chdir(tmp_path)
    words = shlex.split(line)[1:]
    args = [found for w in words for found in (sorted(glob.glob(w)) if "*" in w else [w])]
    result = run(*args)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", ["check", "eval", "coverage"])
def test_the_help_of_commands_that_read_standard_input_says_so(command: str) -> None:
    # eval - and coverage - read a map from standard input, but their help did not say so.
    shown = " ".join(run(command, "--help").output.split())
    assert f"argmap {command} [OPTIONS] FILE|DIR|-..." in shown.replace("main", "argmap")
    assert "A - reads a map from standard input" in shown


@pytest.mark.parametrize("command", ["eval", "coverage"])
def test_eval_and_coverage_read_a_map_from_standard_input(
    command: str, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seed_copy.parent)  # its source is found from the current folder
    result = CliRunner().invoke(main, [command, "-"], input=seed_copy.read_bytes())
    assert result.exit_code == 0, result.output
    assert run(command, str(seed_copy)).output == result.output


@pytest.mark.parametrize("command", ["eval", "coverage"])
def test_standard_input_is_read_once(command: str) -> None:
    # eval - - read it twice, the second time empty: 'the file holds no map'.
    result = CliRunner().invoke(main, [command, "-", "-"], input=GOOD)
    assert result.exit_code == 2
    assert "Error: standard input (-) can be read once" in result.output


def test_render_says_it_needs_a_map_file_for_standard_input() -> None:
    # It said 'argmap: error: -: no such file'.
    result = CliRunner().invoke(main, ["render", "-", "-o", "-"], input=GOOD)
    assert result.exit_code == 2
    assert result.output.endswith(
        "Error: render draws map files, not - (standard input): a drawing goes beside its "
        "map, and its source is found from there; save the map to a file (argmap check - "
        "checks one on standard input)\n"
    )


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["render", "MAP", "-f", "PNG"], ".png"),  # as -o X.PNG is taken, so is -f PNG
        (["render", "MAP", "-f", "Svg", "--theme", "Dark"], ".svg"),
        (["export", "JSON", "MAP"], ".json"),
    ],
)
def test_format_and_theme_names_are_taken_in_any_case(
    seed_copy: Path, args: list[str], written: str
) -> None:
    result = CliRunner().invoke(main, [str(seed_copy) if a == "MAP" else a for a in args])
    assert result.exit_code == 0, result.output
    assert seed_copy.with_suffix(written).is_file()


def test_figures_are_written_all_or_none_when_a_folder_is_in_the_way(tmp_path: Path) -> None:
    # Found in review: figures 1 and 2 were written, then the third, a folder, stopped it.
    (tmp_path / "out" / "europe-central-asia-3.svg").mkdir(parents=True)
    result = run("render", str(SEED_MAP), "--fit", "720", "-o", f"{tmp_path / 'out'}/")
    assert result.exit_code == 2
    assert "europe-central-asia-3.svg is a folder, where a figure goes: nothing written" in (
        result.output
    )
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["europe-central-asia-3.svg"]
