"""The package's shape: layers that import only downwards, no import circle, modules of at most
400 lines, imports at the top (but Graphviz's), no process tricks, and every dependency used.

Read from the source with ``ast``, as ``python3 ../shared/tools/house.py argmap`` reads it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "argmap"
MAX_LINES = 400

#: Each part of the package and its layer: a module may import only from its own layer or below.
LAYERS = {
    "argmap.diagnostics": 0,
    "argmap.io": 0,
    "argmap.project": 0,
    "argmap.meant": 0,  # the file a path naming none probably meant
    "argmap.encodings": 0,  # what a file not in UTF-8 says, and text garbled by another
    "argmap.settings": 0,  # a project's [tool.argmap]
    "argmap.words": 0,  # argmap's own words in every language it speaks, for every layer
    "argmap.model": 1,
    "argmap.read": 2,
    "argmap.analysis": 3,
    "argmap.checks": 4,
    "argmap.draw": 5,
    "argmap.pages": 6,
    "argmap.formats": 7,
    "argmap.schema": 7,
    "argmap.api": 8,
    "argmap.checking": 8,  # map files → map and diagnostics, for every front end
    "argmap.convert": 8,
    "argmap.analysed": 8,  # where an import writes the text analysed, never over another
    "argmap.drafts": 8,  # what a draft draws of a map with errors
    "argmap.sources": 8,  # a map's source text, as the API reads it
    "argmap.results": 8,  # check's, eval's and coverage's results as their JSON holds them
    "argmap": 9,  # the package's face: the API's names
    "argmap.embed": 9,  # what the document integrations share
    "argmap.markdown": 10,
    "argmap.sphinx": 10,
    "argmap.pandoc": 10,
    "argmap.batch": 9,
    "argmap.watch": 10,
    "argmap.lsp": 10,
    "argmap.fmt": 9,
    "argmap.fix": 9,  # check --fix and the editor's quick fixes, below both
    "argmap.preview": 10,
    "argmap.cli": 11,
    "argmap.__main__": 12,
}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def layer(module: str) -> int:
    part = max((p for p in LAYERS if module == p or module.startswith(p + ".")), key=len)
    return LAYERS[part]


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of the package that a module imports (``from a import b`` counts b when b
    is a module, else a)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in known else node.module)
    return {name for name in found if name in known}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, known) - {name} for name, path in known.items()}


def test_every_module_is_in_a_layer() -> None:
    for name in modules():
        assert layer(name) >= 0, name


def test_layers_import_only_downwards() -> None:
    upwards = [
        f"{name} (layer {layer(name)}) imports {other} (layer {layer(other)})"
        for name, others in graph().items()
        for other in sorted(others)
        if layer(other) > layer(name)
    ]
    assert upwards == []


def test_there_is_no_import_circle() -> None:
    edges = graph()
    circles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for other in sorted(edges[name]):
            if state.get(other) == 1:
                circles.append([*path[path.index(other) :], other])
            elif not state.get(other):
                visit(other, [*path, other])
        state[name] = 2

    for name in sorted(edges):
        if not state.get(name):
            visit(name, [name])
    assert circles == []


def test_no_module_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


#: What loads where it is used rather than with its module: parts that most commands never
#: need, loaded by the one function that needs them (bench/README.md says what each costs).
LOADED_WHEN_USED = {
    # Graphviz's C libraries: drawing only, never --help or check.
    "pygraphviz",
    # The drawing stack, by the API's drawing functions: checking a map never draws it.
    "argmap.draw.engine",
    "argmap.draw.figures",
    "argmap.draw.graph",
    "argmap.draw.style",
    "argmap.draw.svg",
    "argmap.pages.view",
    "argmap.draw.glyphs",  # the API's merging of font warnings, after a drawing loaded it
    # uharfbuzz's Python API: only where its library does not export HarfBuzz's C API (its
    # import takes 6 ms of a drawing's 150).
    "uharfbuzz",
    # The process pool: several maps drawn at once.
    "concurrent.futures.process",
    "multiprocessing",
    # Folders and watching, by the render command: one map drawn never needs them.
    "argmap.batch.jobs",
    "argmap.batch.pool",
    "argmap.watch",
    # The system's file notifications: render --watch only.
    "watchfiles",
    # The language server (pygls and the protocol's types), by its command when it runs:
    # `argmap lsp --help` does not load them.
    "argmap.lsp.server",
    # The fixer (the map's outline, the source's ranked sentences), by check --fix and --diff:
    # a plain check does not load it (tests/test_startup.py).
    "argmap.fix.files",
    # Hyphenation dictionaries, by a word too long for its line in a map with a lang: (its
    # import lists some 90 dictionaries: 55 ms, where most maps never break a word).
    "pyphen",
    # Pillow, by a PNG drawn at a multiple of 96 dpi and reduced (argmap.draw.supersample).
    "PIL",
}


def test_imports_are_at_the_top_but_what_loads_when_used() -> None:
    inside = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                for sub in ast.walk(node):
                    if isinstance(sub, (ast.Import, ast.ImportFrom)):
                        names = (
                            [a.name for a in sub.names]
                            if isinstance(sub, ast.Import)
                            else [sub.module or ""]
                        )
                        if not set(names) <= LOADED_WHEN_USED:
                            inside.append(f"{path.relative_to(ROOT)}:{sub.lineno}")
    assert sorted(set(inside)) == []


@pytest.mark.parametrize(
    "trick",
    ["os._exit", "threading._shutdown", "atexit._run_exitfuncs", "gc.disable", "gc.enable",
     "gc.freeze", "sys.modules.get("],
)  # fmt: skip
def test_no_process_tricks(trick: str) -> None:
    found = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if trick in path.read_text(encoding="utf-8")
    ]
    assert found == []


#: Distribution names whose import name differs.
IMPORT_NAMES = {"PyYAML": "yaml", "pillow": "PIL"}


def test_every_runtime_dependency_is_imported_by_the_package() -> None:
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {
        IMPORT_NAMES.get(name, name.lower())
        for name in (
            re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0] for dep in project["dependencies"]
        )
    }
    imported: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
    assert wanted - imported == set()
