"""Start-up stays light: ``argmap --help`` and ``argmap check`` never load the rendering stack,
and ``argmap render DIR`` with every drawing up to date loads neither YAML nor the checking
pipeline nor Graphviz: it needs the cache file and the files' stats, no more.

Graphviz (pygraphviz's C libraries, the graphviz package) takes longer to load than checking
a typical map; only drawing needs it. Run in a fresh interpreter, as a user's shell would.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap import batch

from .conftest import ROOT, SEED_MAP

#: Modules that belong to drawing: Graphviz and the parts of argmap that use it.
RENDERING = ("pygraphviz", "graphviz", "argmap.dot", "argmap.render", "argmap.svg", "argmap.batch")
#: What reading and checking a map takes: YAML, attrs, the model and the checks.
CHECKING = (
    "yaml", "attr", "attrs", "argmap.api", "argmap.yamlnodes", "argmap.loader", "argmap.model",
    "argmap.check", "argmap.diagnostics", "argmap.quotes", "argmap.evaluate", "argmap.logic",
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
        ["--help"],
        ["--version"],
        ["check", "--help"],
        ["render", "--help"],
        ["check", str(SEED_MAP)],
    ],
    ids=["help", "version", "check-help", "render-help", "check"],
)
def test_the_rendering_stack_is_not_loaded(args: list[str]) -> None:
    code, loaded = loaded_by(*args)
    assert code == 0
    assert loaded == []


def test_the_probe_sees_rendering_when_it_happens(tmp_path: Path) -> None:
    code, loaded = loaded_by("render", str(SEED_MAP), "-o", str(tmp_path / "seed.dot"))
    assert code == 0
    assert "argmap.dot" in loaded  # (dot only: no Graphviz needed to write DOT)
    assert not any(name.startswith("pygraphviz") for name in loaded)
    code, loaded = loaded_by("render", str(SEED_MAP), "-o", str(tmp_path / "seed.svg"))
    assert {"pygraphviz", "argmap.render"} <= set(loaded)


def test_checking_loads_no_rendering_and_the_probe_sees_checking() -> None:
    code, loaded = loaded_by("check", str(SEED_MAP), watched=CHECKING)
    assert code == 0
    assert {"yaml", "argmap.api", "argmap.model"} <= set(loaded)
    code, loaded = loaded_by("--help", watched=CHECKING)
    assert (code, loaded) == (0, [])


def settle(*folders: Path) -> None:
    """Wait until every file under the folders has settled (see argmap.batch): its stat can
    then be trusted, and a run that finds the drawings up to date reads none of them."""
    files = [path for folder in folders for path in folder.rglob("*") if path.is_file()]
    coarse = any(path.stat().st_mtime_ns % 1_000_000_000 == 0 for path in files)
    time.sleep((batch.COARSE_WINDOW if coarse else batch.FINE_WINDOW) / 1e9 + 0.05)


def test_a_batch_with_every_drawing_up_to_date_loads_no_yaml_checks_or_graphviz(
    tmp_path: Path,
) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "maps", tmp_path / "maps", ignore=shutil.ignore_patterns("*.svg", ".*"))
    maps = tmp_path / "maps"
    settle(maps, tmp_path / "seeds")
    code, _ = loaded_by("render", str(maps))
    assert code == 0
    settle(maps)
    code, _ = loaded_by("render", str(maps))  # hashes the new drawings; records their stats
    assert code == 0
    code, loaded = loaded_by("render", str(maps), watched=(*RENDERING, *CHECKING, "hashlib"))
    assert code == 0
    assert loaded == ["argmap.batch"]  # and no file hashed: hashlib is not loaded


def test_import_argmap_loads_its_names_on_first_use() -> None:
    probe = """
import sys
import argmap
before = sorted(m for m in sys.modules if m.startswith("argmap"))
import argmap.loader  # a submodule: importing it must not change argmap's names
print(before, argmap.load.__module__, argmap.ArgumentMap.__module__, argmap.Span.__name__)
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["['argmap']", "argmap.api", "argmap.model", "Span"]
