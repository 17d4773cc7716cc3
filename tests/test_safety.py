"""What argmap reads, writes and prints when its input is hostile (issue 13), item by item:
the project a map may read from, bounded reads of regular files only, writes that replace
regular files only, one escaped way to the terminal, hints of bounded cost, drawings that
would clash, the cache, and signals. tests/hostile/ holds the same attacks as files, run as a
user would (tests/test_hostile.py); these test the parts one by one.
"""

from __future__ import annotations

import ast
import difflib
import os
import signal
import stat
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.api import check_bytes, check_file, load
from argmap.batch.cache import problem
from argmap.batch.jobs import clashes, scan
from argmap.cli import main
from argmap.convert import import_file
from argmap.diagnostics import UsageError, printable
from argmap.draw.options import DrawOptions
from argmap.io import Unreadable, read_file, read_limit, write_atomic
from argmap.lsp.passages import Sources
from argmap.project import confine, project_of, roots
from argmap.read.passages import Passages
from argmap.read.source import SourceText
from argmap.read.suggest import FEW, Names
from argmap.watch import Session

from .conftest import ROOT, run

MAP = "argmap: 1\ntitle: T\nsource:\n  path: {path}\npremises:\n  - id: a\n    text: A.\n    quotes: {quote}\n"  # noqa: E501
SECRET = "the secret is 8d2f61c0"


def quoted(tmp_path: Path, path: str, quote: str = "The sky is blue.") -> Path:
    target = tmp_path / "project" / "map.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(MAP.format(path=path, quote=quote), encoding="utf-8")
    return target


# --- 1. sources stay in the map's project ---------------------------------------------------


@pytest.mark.parametrize("marker", [".git", "pyproject.toml", "mkdocs.yml"])
def test_the_project_is_the_nearest_folder_above_the_map_with_a_marker(
    tmp_path: Path, marker: str
) -> None:
    (tmp_path / "repo" / "docs" / "maps").mkdir(parents=True)
    (tmp_path / "repo" / marker).touch()
    assert project_of(tmp_path / "repo" / "docs" / "maps" / "m.yaml") == str(tmp_path / "repo")
    assert project_of(tmp_path / "loose" / "m.yaml") == str(tmp_path / "loose")  # none: its own


def test_a_source_outside_the_project_is_am116_and_is_never_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "secret.txt").write_text(SECRET)
    (tmp_path / "project" / ".git").mkdir(parents=True)
    opened: list[str] = []
    real = os.open
    monkeypatch.setattr(
        os, "open", lambda path, *a, **k: opened.append(str(path)) or real(path, *a, **k)
    )
    checked = check_file(quoted(tmp_path, "../secret.txt", "the secret is"))
    (diagnostic,) = checked.diagnostics
    assert (diagnostic.code, str(diagnostic.span)) == ("AM117", "4:9")
    assert "'../secret.txt' is outside the map's project" in diagnostic.message
    assert SECRET not in diagnostic.message
    assert not any(name.endswith("secret.txt") for name in opened)


def test_links_are_resolved_before_the_source_is_confined(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(SECRET)
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "inside.txt").symlink_to(tmp_path / "secret.txt")
    assert check_file(quoted(tmp_path, "inside.txt")).diagnostics[0].code == "AM117"
    assert confine(tmp_path / "project" / "inside.txt", [str(tmp_path / "project")]) is None
    assert confine(tmp_path / "project" / "x" / ".." / "m", [str(tmp_path / "project")])


def test_source_root_widens_the_project_in_the_api(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "source.txt").write_text("The sky is blue.\n")
    path = quoted(tmp_path, "../texts/source.txt")
    assert [d.code for d in check_file(path).diagnostics] == ["AM117"]
    assert check_file(path, source_root=tmp_path / "texts").diagnostics == ()
    amap = load(path, source_root=tmp_path / "texts")
    assert b"The sky is blue." in amap.render("html")  # the page reads it from the root too
    (page,) = amap.figures("html")  # and so do its figures (they read it without the root)
    assert b"The sky is blue." in page
    assert roots(path, tmp_path / "project") == [str(tmp_path / "project")]  # not twice


def test_hidden_files_and_folders_of_the_project_are_not_read(tmp_path: Path) -> None:
    """.git/config holds the token a CI checkout keeps (and remote URLs with passwords), .env
    a project's keys: inside the project, but never a text, so AM117 whatever the way there."""
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / ".git" / "config").write_text(SECRET)
    (project / ".env").write_text(SECRET)
    (project / "plain.txt").symlink_to(project / ".git" / "config")
    for path in ("../project/.git/config", ".env", "plain.txt", "./.git/../.env"):
        (found,) = check_file(quoted(tmp_path, path, quote=SECRET + " and more")).diagnostics
        assert found.code == "AM117" and SECRET not in found.message, path
        assert "hidden" in found.message and "(.git, .env, ...)" in found.message
    folders = [str(project)]
    assert confine(project / ".git" / "config", folders) is None
    assert confine(project / "docs" / "a.txt", folders) == str(project / "docs" / "a.txt")
    # A map in a hidden folder of its own reads what lies beside it there, and nothing else.
    near = project / ".maps"
    assert confine(near / "text.txt", folders, near) == str(near / "text.txt")
    assert confine(near / ".." / ".git" / "config", folders, near) is None
    assert confine(near / ".env", folders, near) is None
    # So does the language server, which offers sentences of the source as quotes, with a
    # source root too (the root's hidden parts stay unread: tests/test_lsp_source_root.py).
    for sources in Sources(), Sources(str(tmp_path)):
        assert sources.locate(str(project / "map.yaml"), ".git/config") is None
        assert sources.locate(str(project / "map.yaml"), "text.txt") == str(project / "text.txt")


MICROTEXT = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="m">
  <edu id="e1"><![CDATA[Taxes should rise.]]></edu>
  <edu id="e2"><![CDATA[Schools need money.]]></edu>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/>
  <edge id="c2" src="e2" trg="a2" type="seg"/>
  <edge id="c3" src="a2" trg="a1" type="sup"/>
</arggraph>
"""


def test_a_microtext_s_text_is_read_inside_its_project_and_refused_outside(
    tmp_path: Path,
) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "m.xml").write_text(MICROTEXT)
    (tmp_path / "corpus" / "m.txt").write_text("Taxes should rise. Schools need money.\n")
    imported = import_file("microtext", tmp_path / "corpus" / "m.xml", tmp_path / "m.yaml")
    quoted = {claim.quotes[0].text for claim in imported.map.claims}
    assert quoted == {"Taxes should rise.", "Schools need money."}
    (tmp_path / "corpus" / "m.txt").unlink()
    (tmp_path / "corpus" / "m.txt").symlink_to(tmp_path / "elsewhere.txt")
    (tmp_path / "elsewhere.txt").write_text(SECRET)
    with pytest.raises(UsageError, match=r"m\.txt: outside the project of") as caught:
        import_file("microtext", tmp_path / "corpus" / "m.xml", tmp_path / "m.yaml")
    assert SECRET not in str(caught.value)


def test_the_markdown_extension_reads_maps_only_from_its_source_root(tmp_path: Path) -> None:
    markdown = pytest.importorskip("markdown")
    from argmap.markdown import MapBlockError

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "m.yaml").write_text(
        "argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A.\n"
    )
    page = "```argmap file=../shared/m.yaml\n```\n"
    base = {"base_path": str(tmp_path / "docs")}
    with pytest.raises(MapBlockError, match="is outside the documentation project"):
        markdown.markdown(
            page, extensions=["argmap.markdown"], extension_configs={"argmap.markdown": base}
        )
    wider = {**base, "source_root": str(tmp_path)}
    html = markdown.markdown(
        page, extensions=["argmap.markdown"], extension_configs={"argmap.markdown": wider}
    )
    assert '<div class="argmap">' in html


# --- 2 and 10. output replaces regular files only; signals clean up -------------------------


def test_write_atomic_refuses_a_fifo_and_leaves_it(tmp_path: Path) -> None:
    fifo = tmp_path / "out.svg"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match=r"it is a FIFO \(named pipe\), and argmap replaces only"):
        write_atomic(fifo, b"x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]  # no temporary file


@pytest.mark.skipif(os.geteuid() != 0, reason="makes a device node: needs root")
def test_write_atomic_refuses_a_device_even_behind_a_link(tmp_path: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    (tmp_path / "out.svg").symlink_to(device)
    for target in (device, tmp_path / "out.svg"):
        with pytest.raises(UsageError, match="it is a character device"):
            write_atomic(target, b"x")
    assert stat.S_ISCHR(device.lstat().st_mode) and (tmp_path / "out.svg").is_symlink()


def test_write_atomic_replaces_a_link_itself_never_what_it_points_to(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.txt").write_text("kept")
    (tmp_path / "map.svg").symlink_to(tmp_path / "elsewhere.txt")
    write_atomic(tmp_path / "map.svg", b"<svg/>")
    assert (tmp_path / "elsewhere.txt").read_text() == "kept"
    assert not (tmp_path / "map.svg").is_symlink()


TERMINATE_IN_FSYNC = """
import os, signal, sys
real, parent = os.fsync, os.getpid()
def fsync(fd):
    if os.getpid() != parent or sys.argv[1] == "self":
        os.kill(os.getpid(), signal.SIGTERM)
    real(fd)
os.fsync = fsync
from argmap.cli import main
main(sys.argv[2:], prog_name="argmap")
"""


def test_sigterm_while_a_drawing_is_written_removes_the_temporary_file(seed_copy: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", TERMINATE_IN_FSYNC, "self", "render", str(seed_copy)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in seed_copy.parent.iterdir()) == [seed_copy.name]


def test_sigterm_to_the_workers_of_a_folder_removes_their_temporary_files(
    seed_copy: Path,
) -> None:
    for n in range(3):
        (seed_copy.parent / f"copy{n}.yaml").write_bytes(seed_copy.read_bytes())
    done = subprocess.run(
        [sys.executable, "-c", TERMINATE_IN_FSYNC, "workers", "render", str(seed_copy.parent),
         "-j", "2"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.count(": the renderer was stopped") == 4
    assert not [p.name for p in seed_copy.parent.iterdir() if p.suffix in (".svg", ".tmp")]


def test_ctrl_c_exits_with_130(monkeypatch: pytest.MonkeyPatch, seed_copy: Path) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("argmap.cli.maps.check_map_bytes", interrupted)
    result = CliRunner().invoke(main, ["check", str(seed_copy)])
    assert result.exit_code == 130
    assert "Aborted" not in result.output


# --- 3. only regular files, and at most the limit of them -----------------------------------


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "map.yaml")
    started = time.monotonic()
    with pytest.raises(Unreadable, match=r"is a FIFO \(named pipe\), not a map file"):
        read_file(tmp_path / "map.yaml")
    assert time.monotonic() - started < 5


def test_a_file_that_says_it_is_empty_is_still_read_only_to_the_limit() -> None:
    assert os.stat("/proc/self/maps").st_size == 0
    with pytest.raises(Unreadable, match="is larger than argmap reads: the limit is 100 bytes"):
        read_file("/proc/self/maps", limit=100)


@pytest.mark.parametrize(
    ("value", "limit"), [("", 16 * 2**20), ("4096", 4096), ("64M", 64 * 2**20), ("1 GiB", 2**30),
                         ("2k", 2048), ("512KB", 512 * 1024)],
)  # fmt: skip
def test_the_limit_is_16_mib_or_the_environment_s(
    monkeypatch: pytest.MonkeyPatch, value: str, limit: int
) -> None:
    monkeypatch.setenv("ARGMAP_READ_LIMIT", value)
    assert read_limit() == limit


def test_a_folder_skips_what_is_not_a_regular_file_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text("argmap: 1\n")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "zero.yml").symlink_to("/dev/zero")
    (tmp_path / "sub.yaml").mkdir()  # a folder named like a map is searched, as any folder
    (tmp_path / "sub.yaml" / "inner.yaml").write_text("argmap: 1\n")
    found = scan(tmp_path)
    assert [os.path.relpath(p, tmp_path) for p in found.maps] == [
        "good.yaml",
        "sub.yaml/inner.yaml",
    ]
    assert [line.split(": note: ")[1] for line in found.skipped] == [
        "a FIFO (named pipe), not a map file; skipped",
        "a character device, not a map file; skipped",
    ]


def test_watching_a_source_replaced_by_a_link_to_dev_zero(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").touch()
    source = tmp_path / "source.txt"
    source.write_text("The sky is blue.\n")
    path = quoted(tmp_path, "../source.txt")
    said: list[str] = []
    session = Session([str(path)], lambda p: p + ".svg", "svg", DrawOptions(), said.append, "/")
    session.look()
    source.unlink()
    source.symlink_to("/dev/zero")
    started = time.monotonic()
    session.look()
    assert time.monotonic() - started < 10
    assert "is a character device, not a text file [AM109]" in said[-2]


# --- 4. one escaped way to the terminal -----------------------------------------------------

HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}


@settings(max_examples=300)
@given(st.text())
def test_printable_leaves_no_hidden_character_and_changes_nothing_twice(text: str) -> None:
    shown = printable(text)
    assert all(unicodedata.category(c) not in HIDDEN or c in "\u200c\u200d\u00ad" for c in shown)
    assert printable(shown) == shown
    if text.isprintable():
        assert shown == text


def test_every_line_the_command_line_prints_goes_through_show() -> None:
    """cli/output.py's show() is the one place that writes to a terminal."""
    found = []
    for path in sorted((ROOT / "argmap" / "cli").glob("*.py")):
        if path.name == "output.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                if name in {"print", "click.echo", "click.secho", "sys.stdout.write",
                            "sys.stderr.write", "click.get_text_stream"}:  # fmt: skip
                    found.append(f"{path.name}:{node.lineno}: {name}")
    assert found == []


# --- 5. hints of bounded cost ---------------------------------------------------------------


@settings(max_examples=200)
@given(
    st.lists(st.text(alphabet="abcdefgh-", min_size=1, max_size=8), min_size=1, max_size=FEW),
    st.text(alphabet="abcdefgh-", max_size=8),
)
def test_did_you_mean_among_few_names_is_difflib_s_answer(names: list[str], word: str) -> None:
    close = difflib.get_close_matches(word, list(dict.fromkeys(names)), n=1, cutoff=0.6)
    assert Names(names).closest(word) == (close[0] if close else None)


NAMES = [f"claim-{n}" if n % 3 else f"premise-{n}-of-{n % 7}" for n in range(5000)]
NAMES_INDEX = Names(NAMES)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, len(NAMES) - 1), st.sampled_from(["x", "", "-"]), st.integers(0, 3))
def test_did_you_mean_finds_a_misspelt_id_among_thousands(
    number: int, extra: str, cut: int
) -> None:
    wanted = NAMES[number]
    word = wanted[: len(wanted) - cut] + extra
    best = max(difflib.SequenceMatcher(None, word, name).ratio() for name in NAMES)
    got = NAMES_INDEX.closest(word)
    assert got is not None
    assert difflib.SequenceMatcher(None, word, got).ratio() == best  # as good as all compared


SENTENCES = [
    "The committee met on Tuesday to discuss the budget.",
    "Several members argued that the roads needed repair before winter.",
    "Others wanted the money spent on the library and its opening hours.",
    "In the end the chair postponed the vote until the next meeting.",
]


@settings(max_examples=100)
@given(st.integers(0, 3), st.integers(0, 5), st.sampled_from(["very", "not", "Paris"]))
def test_the_closest_passage_is_the_sentence_a_quote_misquotes(
    which: int, word: int, replacement: str
) -> None:
    text = "\n".join(SENTENCES * 50)  # each sentence 50 times: the first one is shown
    words = SENTENCES[which].split()
    words[word] = replacement
    passage = Passages(SourceText(text)).closest(" ".join(words))
    assert passage is not None
    assert passage.line == which + 1
    assert passage.text == SENTENCES[which]
    assert passage.similarity >= (len(words) - 2) / len(words)


def test_the_closest_passage_in_a_long_sentence_is_the_part_that_matched() -> None:
    filler = " ".join(f"word{n}" for n in range(3000))
    text = f"Intro.\n{filler} the quick brown fox jumps over the lazy dog {filler}\n"
    passage = Passages(SourceText(text)).closest("the quick brown fox jumped over the lazy dog")
    assert passage is not None
    assert passage.line == 2
    assert passage.text == "the quick brown fox jumps over the lazy dog"  # not the sentence
    assert passage.differences == (("jumps", "jumped"),)


# --- 6. two maps drawn to one file ----------------------------------------------------------


def test_maps_drawn_to_one_file_are_named_and_the_same_map_twice_is_not() -> None:
    found = clashes([("m/a.yaml", "m/a.svg"), ("m/a.yml", "m/a.svg"), ("m/b.yaml", "m/b.svg"),
                     ("m/b.yaml", "m/./b.svg")])  # fmt: skip
    assert found == {
        "m/a.yaml": "m/a.yaml: would be drawn to m/a.svg, as m/a.yml would; neither is drawn "
        "(rename one)",
        "m/a.yml": "m/a.yml: would be drawn to m/a.svg, as m/a.yaml would; neither is drawn "
        "(rename one)",
    }


def test_watching_a_folder_with_maps_that_clash_draws_neither(tmp_path: Path) -> None:
    for name in ("a.yaml", "a.yml", "b.yaml"):
        (tmp_path / name).write_text("argmap: 1\ntitle: T\npremises:\n  - id: p\n    text: P\n")
    said: list[str] = []
    session = Session([str(tmp_path)], lambda p: os.path.splitext(p)[0] + ".svg", "svg",
                      DrawOptions(), said.append)  # fmt: skip
    session.look()
    assert sum("neither is drawn" in line for line in said) == 2
    assert not (tmp_path / "a.svg").exists() and (tmp_path / "b.svg").exists()
    assert session.status == 2


# --- 9. the cache is validated --------------------------------------------------------------

RECORD = {"sha256": "0" * 64, "stat": [1, 2, 3, 4]}
ENTRY = {"path": "m.yaml", "map": RECORD, "source": "s.txt", "source_file": RECORD,
         "drawings": [{"sha256": "f" * 64, "stat": None}], "lines": [":1:1: warning: w [AM201]"],
         "errors": 0, "warnings": 1}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({}, None),
        ({"source": None, "source_file": None}, None),
        ({"source": None}, "is not one argmap writes"),
        ({"errors": -1}, "is not one argmap writes"),
        ({"errors": True}, "is not one argmap writes"),
        ({"lines": [1]}, "is not one argmap writes"),
        ({"map": {"sha256": "../../etc/passwd", "stat": None}}, "is not one argmap writes"),
        ({"map": {"sha256": "0" * 64, "stat": [1, 2, 3]}}, "is not one argmap writes"),
        ({"drawings": []}, "is not one argmap writes"),
        ({"drawings": {"sha256": "f" * 64, "stat": None}}, "is not one argmap writes"),
        ({"drawings": [RECORD, {"sha256": "../x", "stat": None}]}, "is not one argmap writes"),
        ({"drawings": [RECORD, RECORD]}, None),
        ({"extra": 1}, "does not have the keys of one"),
    ],
)
def test_a_cache_entry_has_the_shape_argmap_writes(
    change: dict[str, object], why: str | None
) -> None:
    found = problem({"m.svg": {**ENTRY, **change}})
    assert found is None if why is None else why in (found or "")


@pytest.mark.parametrize(
    "key", ["../x.svg", "/etc/x.svg", "a/../../x.svg", "C:x.svg", "a\\..\\x", ""]
)
def test_a_cache_entry_is_a_drawing_inside_its_folder(key: str) -> None:
    assert "is not a path inside the folder" in (problem({key: ENTRY}) or "")


def test_a_map_checked_from_bytes_reads_no_source_outside(tmp_path: Path) -> None:
    data = MAP.format(path="/etc/hostname", quote="x").encode()
    assert [d.code for d in check_bytes(data, str(tmp_path / "m.yaml")).diagnostics] == ["AM117"]


def test_a_fifo_named_on_the_command_line_says_how_to_pipe_a_map_in(tmp_path: Path) -> None:
    """``argmap compare <(git show HEAD:m.yaml) m.yaml``: the shell's process substitution is
    a FIFO, refused as every FIFO is (none is ever waited on); the refusal says what works."""
    os.mkfifo(tmp_path / "map.yaml")
    result = run("check", str(tmp_path / "map.yaml"))
    assert result.exit_code == 2
    assert "is a FIFO (named pipe), not a map file" in result.stderr
    assert "to read a map from a pipe, name it - and pipe it in" in result.stderr
