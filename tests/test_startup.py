"""Start-up stays light where a user waits on it: ``argmap --help`` and ``argmap check`` never
load the drawing stack (Graphviz's libraries, which take longer to load than checking a typical
map, the DOT builder, the SVG and the pages); only drawing needs it. Run in a fresh interpreter,
as a user's shell would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import COMMANDS

from .conftest import SEED_MAP

#: The drawing stack, which only drawing needs.
RENDERING = (
    "pygraphviz", "graphviz", "argmap.draw.engine", "argmap.draw.graph", "argmap.draw.svg",
    "argmap.pages.view",
)  # fmt: skip

PROBE = """
import json, sys
from argmap.cli import main
try:
    main(sys.argv[2:], prog_name="argmap")
except SystemExit as exit:
    code = exit.code
watched = tuple(sys.argv[1].split(","))
inside = tuple(name + "." for name in watched)
loaded = sorted(m for m in sys.modules if m in watched or m.startswith(inside))
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def loaded_by(*args: str, watched: tuple[str, ...] = RENDERING) -> tuple[int, list[str]]:
    """Run the CLI in a fresh interpreter; its exit code and which of the ``watched``
    modules (and their submodules) it loaded."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, ",".join(watched), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], report["loaded"]


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["check", "--help"],
        ["render", "--help"],
        ["check", str(SEED_MAP)],
    ],
    ids=["version", "check-help", "render-help", "check"],
)
def test_the_rendering_stack_is_not_loaded(args: list[str]) -> None:
    code, loaded = loaded_by(*args)
    assert code == 0
    assert loaded == []


def test_the_list_of_commands_loads_no_command() -> None:
    """``argmap --help`` lists every command with what it does without loading any of them
    (the language server's, the preview's server and the importers took 100 ms to load)."""
    commands = tuple(where.split(":")[0] for where, _ in COMMANDS.values())
    code, loaded = loaded_by("--help", watched=(*RENDERING, *commands))
    assert code == 0
    assert loaded == []


def test_the_probe_sees_rendering_when_it_happens(tmp_path: Path) -> None:
    code, loaded = loaded_by("render", str(SEED_MAP), "-o", str(tmp_path / "seed.dot"))
    assert code == 0
    assert "argmap.draw.graph" in loaded
    assert "pygraphviz" not in loaded  # no Graphviz needed to write DOT
    code, loaded = loaded_by("render", str(SEED_MAP), "-o", str(tmp_path / "seed.svg"))
    assert {"pygraphviz", "argmap.draw.svg"} <= set(loaded)


def test_check_loads_the_fixer_only_to_fix(tmp_path: Path) -> None:
    """The fixer (the map's outline, the source's ranked sentences) took a fifth of a plain
    ``argmap check``'s time to load, for maps it then did not fix."""
    code, loaded = loaded_by("check", str(SEED_MAP), watched=("argmap.fix",))
    assert code == 0 and loaded == []
    code, loaded = loaded_by("check", "--diff", str(SEED_MAP), watched=("argmap.fix",))
    assert code == 0 and "argmap.fix.files" in loaded


def test_drawing_loads_no_format_of_import_or_export(tmp_path: Path) -> None:
    """Drawing a map needs to know only whether it may write over a file; the format table
    that told it (formats.registry) loaded every reader and writer, 55 ms of a 0.2-s render."""
    names = ("registry", "aif", "argdown", "kialo", "sadface", "microtext")
    readers = tuple(f"argmap.formats.{name}" for name in names)
    code, loaded = loaded_by("render", str(SEED_MAP), "-o", str(tmp_path / "s.svg"),
                             watched=readers)  # fmt: skip
    assert code == 0
    assert loaded == []
