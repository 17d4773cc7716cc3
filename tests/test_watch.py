"""``argmap render --watch``: drawings follow saves; bad saves and deletions do not stop it.

Most tests play edits between the looks of a watch session (what the watcher does each time
the system reports a change), so they wait on no clock; the last ones watch for real.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main
from argmap.draw.options import DrawOptions
from argmap.watch import Session, Watcher, stamp, watch
from tests.conftest import ctrl_c_stops

GOOD = "argmap: 1\ntitle: t\npremises:\n  - id: p\n    text: P\nconclusions:\n  - id: c\n    text: C\n    reasons: [p]\n"  # noqa: E501
QUOTED = (
    GOOD.replace("title: t\n", "title: t\nsource: {path: source.txt}\n")
    .replace("    text: P\n", "    text: P\n    quotes: [the sky is blue]\n")
    .replace("    text: C\n", "    text: C\n    quotes: [Today]\n")
)
OPTIONS = DrawOptions()
_clock = [1_700_000_000_000_000_000]


def save(path: Path, text: str) -> None:
    """Write ``text`` with a modification time later than any before (file systems' clocks
    are coarse: two quick saves of the same size could otherwise look unchanged)."""
    path.write_text(text, encoding="utf-8")
    _clock[0] += 1_000_000_000
    os.utime(path, ns=(_clock[0], _clock[0]))


def beside(path: str) -> str:
    return str(Path(path).with_suffix(".svg"))


def timeless(lines: list[str]) -> list[str]:
    return [re.sub(r" \(\d+ ms\)$", " (T ms)", line) for line in lines]


def play(paths: list[Path], edits: list[Callable[[], object]]) -> tuple[int, list[str]]:
    """Watch ``paths``: a first look, then an edit and a look for each edit."""
    said: list[str] = []
    session = Session([str(p) for p in paths], beside, "svg", OPTIONS, said.append)
    session.look()
    for edit in edits:
        edit()
        session.look()
    return session.status, timeless(said)


def test_a_save_is_drawn_again_a_bad_save_keeps_the_last_drawing(tmp_path: Path) -> None:
    path, svg = tmp_path / "map.yaml", tmp_path / "map.svg"
    save(path, GOOD)
    drawings: list[bytes] = []
    status, said = play(
        [path],
        [
            lambda: (drawings.append(svg.read_bytes()), save(path, GOOD.replace("C\n", "Q\n"))),
            lambda: (drawings.append(svg.read_bytes()), save(path, "argmap: 1\ntitle: [oops\n")),
            lambda: (drawings.append(svg.read_bytes()), save(path, GOOD.replace("[p]", "[x]"))),
            lambda: drawings.append(svg.read_bytes()),  # nothing changed: nothing drawn
        ],
    )
    assert said[:2] == [f"argmap: wrote {svg} (T ms)", f"argmap: wrote {svg} (T ms)"]
    assert said[2].startswith(f"{path}:2:8: error: YAML syntax error")
    assert said[3] == f"argmap: {path} has errors; kept its last drawing"
    assert said[4].endswith("[AM201]")
    assert said[5:] == [
        f"{path}:9:15: error: reason 'x' of 'c' is no claim [AM103]",
        f"argmap: {path} has errors; kept its last drawing",
    ]
    assert drawings[0] != drawings[1] == drawings[2] == drawings[3] == svg.read_bytes()
    assert b">Q</text>" in drawings[1]
    assert status == 1


def test_a_deleted_map_is_waited_for_and_drawn_when_it_returns(tmp_path: Path) -> None:
    path, svg = tmp_path / "map.yaml", tmp_path / "map.svg"
    save(path, GOOD)
    status, said = play([path], [path.unlink, lambda: None, lambda: save(path, GOOD)])
    assert said == [
        f"argmap: wrote {svg} (T ms)",
        f"argmap: {path} was deleted; its drawing is kept, waiting for it to return",
        f"argmap: wrote {svg} (T ms)",
    ]
    assert status == 0


def test_a_map_missing_at_the_start_is_drawn_when_it_appears(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    status, said = play([path], [lambda: None, lambda: save(path, GOOD)])
    assert said == [
        f"argmap: {path} does not exist yet; waiting for it",
        f"argmap: wrote {tmp_path / 'map.svg'} (T ms)",
    ]
    assert status == 0
    (tmp_path / "empty").mkdir()
    status, said = play([tmp_path / "empty"], [])
    assert said == ["argmap: no maps to watch yet; waiting"]


def test_an_edit_of_the_source_text_draws_its_maps_again(tmp_path: Path) -> None:
    path, source = tmp_path / "map.yaml", tmp_path / "source.txt"
    save(source, "Today the sky is blue.\n")
    save(path, QUOTED)
    status, said = play(
        [path],
        [
            lambda: save(source, "Today, the sky is grey.\n"),  # the quote is gone: AM110
            lambda: save(source, "Today the sky is blue, again.\n"),
        ],
    )
    assert said[0] == said[-1] == f"argmap: wrote {tmp_path / 'map.svg'} (T ms)"
    assert "[AM110]" in said[1]
    assert len(said) == 4
    assert status == 0


def test_a_folder_is_watched_for_new_edited_and_deleted_maps(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    save(a, GOOD)
    save(b, GOOD)
    status, said = play(
        [tmp_path],
        [
            lambda: save(tmp_path / "c.yml", GOOD),
            lambda: save(a, GOOD.replace("C\n", "Q\n")),
            b.unlink,
        ],
    )
    assert said == [
        f"argmap: wrote {tmp_path / 'a.svg'} (T ms)",  # the first round draws all, in parallel
        f"argmap: wrote {tmp_path / 'b.svg'} (T ms)",
        f"argmap: wrote {tmp_path / 'c.svg'} (T ms)",
        f"argmap: wrote {tmp_path / 'a.svg'} (T ms)",
        f"argmap: {b} was deleted; its drawing is kept, waiting for it to return",
    ]
    assert status == 0


def test_the_watcher_sees_a_file_replaced_by_rename(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    save(path, GOOD)
    watcher = Watcher([str(path)], beside)
    assert watcher.changed() == ([str(path)], [])
    assert watcher.changed() == ([], [])
    before = stamp(str(path))
    fresh = tmp_path / "fresh.yaml"
    fresh.write_text(GOOD, encoding="utf-8")
    assert before is not None
    os.utime(fresh, ns=(before[1], before[1]))  # same size and time: only the inode differs
    os.replace(fresh, path)
    assert watcher.changed() == ([str(path)], [])


def wait_for(said: list[str], count: int, seconds: float = 20) -> None:
    """Wait until ``said`` holds ``count`` lines."""
    deadline = time.monotonic() + seconds
    while len(said) < count:
        assert time.monotonic() < deadline, said
        time.sleep(0.01)


def test_watching_for_real_draws_each_save_until_stopped(tmp_path: Path) -> None:
    path, svg = tmp_path / "map.yaml", tmp_path / "map.svg"
    save(path, GOOD)
    said: list[str] = []
    stop = threading.Event()
    done: list[int] = []

    def watching() -> None:
        done.append(watch([str(path)], beside, "svg", OPTIONS, echo=said.append, stop=stop))

    thread = threading.Thread(target=watching)
    thread.start()
    try:
        wait_for(said, 1)
        time.sleep(0.2)  # the watcher is set up
        save(path, GOOD.replace("C\n", "Q\n"))
        wait_for(said, 2)
        save(path, GOOD.replace("[p]", "[x]"))
        wait_for(said, 5)
    finally:
        stop.set()
        thread.join(10)
    assert timeless(said) == [
        f"argmap: wrote {svg} (T ms)",
        f"argmap: wrote {svg} (T ms)",
        f"{path}:4:9: warning: premise 'p' is connected to nothing: no reason, objection or "
        "target [AM201]",
        f"{path}:9:15: error: reason 'x' of 'c' is no claim [AM103]",
        f"argmap: {path} has errors; kept its last drawing",
    ]
    assert b">Q</text>" in svg.read_bytes()
    assert done == [1]


def test_watch_on_the_command_line_stops_at_ctrl_c(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    save(path, GOOD)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "argmap", "render", str(path), "--watch"],
        stderr=subprocess.PIPE, text=True, env=env, preexec_fn=ctrl_c_stops,
    )  # fmt: skip
    assert process.stderr is not None
    try:
        lines = [process.stderr.readline()]
        time.sleep(0.3)
        save(path, GOOD.replace("C\n", "Q\n"))
        lines.append(process.stderr.readline())
        process.send_signal(signal.SIGINT)
        _, rest = process.communicate(timeout=20)
    finally:
        process.kill()  # a watch that missed its Ctrl-C is not left running
    wrote = rf"argmap: wrote {re.escape(str(tmp_path / 'map.svg'))} \(\d+ ms\)\n"
    assert all(re.fullmatch(wrote, line) for line in lines), lines
    assert rest == "argmap: stopped watching\n"
    assert process.returncode == 130  # as shells count an end by Ctrl-C
    result = CliRunner().invoke(main, ["render", str(path), "--watch", "-o", "-"])
    assert result.exit_code == 2


def test_a_watched_map_fitted_to_a_column_is_drawn_again_as_its_figures(seed_copy: Path) -> None:
    """``render --watch --fit 720``: each save writes every figure; a save that needs fewer
    figures says which files the earlier drawing left."""
    said: list[str] = []
    session = Session([str(seed_copy)], beside, "svg", DrawOptions(fit=720), said.append)
    session.look()
    figures = sorted(seed_copy.parent.glob("europe-central-asia-*.svg"))
    assert len(figures) > 1
    assert timeless(said) == [f"argmap: wrote {p}" for p in figures[:-1]] + [
        f"argmap: wrote {figures[-1]} (T ms)"
    ]
    said.clear()
    save(seed_copy, GOOD)  # a map of two claims: one figure
    session.look()
    whole = seed_copy.with_suffix(".svg")
    assert timeless(said) == [f"argmap: wrote {whole} (T ms)"] + [
        f"argmap: note: {p} is left from an earlier drawing of this map" for p in figures
    ]
    assert session.status == 0
