"""The readers added for maps in JSON, for files of other formats, and for source paths that
name no file, under arbitrary input: each answers in its documented way (a map, diagnostics
inside the file, an error of argmap's own), never takes a real map for another format, and
never offers a file argmap would not read.

Examples per property: FUZZ_EXAMPLES (300 unless set; campaigns run tens of thousands).
"""

from __future__ import annotations

import json
import os
import random
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from argmap.api import check_bytes, check_file
from argmap.diagnostics import Diagnostic, MapError
from argmap.fmt.formatter import format_json
from argmap.formats import json as json_format
from argmap.formats.base import clean_text
from argmap.formats.sniff import foreign
from argmap.formats.yaml import dump
from argmap.meant import meant
from argmap.project import confine, roots
from argmap.read.loader import load
from argmap.read.yamltree import bad_character

from .conftest import SEED_MAP
from .strategies import argument_maps, faulty_maps

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 300)),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
SEED = load(SEED_MAP.read_bytes(), str(SEED_MAP))[0]
assert SEED is not None
SEED_JSON = json_format.write(SEED).text


def inside(diagnostic: Diagnostic, data: bytes) -> bool:
    """Whether a diagnostic's place is in the file: a line of it (or the one just past its
    end), a column of that line or just past it; lines end as editors end them, in JSON as in
    YAML, for every code (also at a lone '\\r')."""
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    lines = re.split(r"\r\n|\r|\n", text)
    line, column = diagnostic.span.line, diagnostic.span.column
    return (line == len(lines) + 1 and column == 1) or (
        1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1
    )


# ------------------------------------------------------------ a real map is a map


@FUZZ
@given(argument_maps(extras=True), st.sampled_from(["m.yaml", "m.yml", "m.json", "M.JSON"]))
def test_a_real_map_is_never_taken_for_a_file_of_another_format(amap, name: str) -> None:
    yaml_map = name.lower().endswith((".yaml", ".yml"))
    data = (dump(amap) if yaml_map else json_format.write(amap).text).encode()
    assert foreign(data, name) is None
    assert "AM017" not in {d.code for d in check_bytes(data, name).diagnostics}


@FUZZ
@given(faulty_maps())
def test_a_map_with_a_fault_is_told_its_fault_not_another_format(faulty) -> None:
    """A map with an error is where the sniffing starts: it must still be told as a map."""
    assert foreign(faulty.data, "m.yaml") is None
    amap, _ = load(faulty.data, "m.yaml")
    if amap is not None:  # the same map in JSON, its fault carried over where JSON can
        data = json_format.write(amap).text.encode()
        assert foreign(data, "m.json") is None


# -------------------------------------------------------- maps written in JSON


@st.composite
def laid_out(draw: st.DrawFn, document: object) -> str:
    """JSON data as another writer would lay it out: any indent, keys in any order (but in
    data carried for AIF, kept as it is), ASCII or not, a BOM or not."""
    rng = random.Random(draw(st.integers(0, 2**32)))

    def shuffled(value: object) -> object:
        if isinstance(value, dict):
            items = list(value.items())
            rng.shuffle(items)
            return {key: item if key == "aif" else shuffled(item) for key, item in items}
        if isinstance(value, list):
            return [shuffled(item) for item in value]
        return value

    text = json.dumps(
        shuffled(document),
        indent=draw(st.sampled_from([None, 0, 1, 4, "\t"])),
        ensure_ascii=draw(st.booleans()),
        separators=draw(st.sampled_from([None, (",", ":"), (" , ", " : ")])),
    )
    return draw(st.sampled_from(["", "\ufeff"])) + text + draw(st.sampled_from(["", "\n", "\r\n"]))


@FUZZ
@given(argument_maps(extras=True), st.data())
def test_fmt_of_a_json_map_writes_the_same_map_in_canonical_json(amap, data) -> None:
    canonical = json_format.write(amap).text
    written = data.draw(laid_out(json.loads(canonical)))
    assert format_json(written, "m.json") == canonical
    again, problems = load(canonical.encode(), "m.json")
    assert again == amap and not problems


JSON_PIECES = (
    "{", "}", "[", "]", ",", ":", '"', "null", "true", "1", "-0", "1e999", "0.5", '"argmap"',
    '"1"', '"title"', '"premises"', '"conclusions"', '"id"', '"text"', '"reasons"', '"claims"',
    '"objections"', '"source"', '"path"', '"aif"', '"nodes"', '"edges"', "\\u0000", "\\ud800",
    "\\u202e", "\n", "\r", "\t", " ", "\ufeff", "é", "<!--", "<arggraph>",
)  # fmt: skip


@st.composite
def mutated_json(draw: st.DrawFn) -> bytes:
    """The seed map in canonical JSON with a few pieces deleted, inserted or repeated."""
    text = SEED_JSON
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["delete", "insert", "repeat"]))
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "insert":
            text = text[:at] + draw(st.sampled_from(JSON_PIECES) | st.text(max_size=3)) + text[at:]
        else:
            text = text[:at] + text[at : at + draw(st.integers(1, 80))] * 3 + text[at:]
    return text.encode("utf-8", "surrogatepass")


ANY_JSON = (
    st.binary(max_size=300)
    | st.lists(st.sampled_from(JSON_PIECES) | st.text(max_size=3), max_size=60).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
    )
    | mutated_json()
)


@FUZZ
@given(ANY_JSON, st.sampled_from(["m.json", "m.JSON", "graph.aif.json"]))
def test_any_bytes_checked_as_a_json_map_are_told_in_place(data: bytes, name: str) -> None:
    checked = check_bytes(data, name)
    assert checked.ok or checked.diagnostics
    for diagnostic in checked.diagnostics:
        assert inside(diagnostic, data), (str(diagnostic), data)


@FUZZ
@given(mutated_json())
def test_fmt_of_a_json_map_never_writes_what_check_then_refuses(data: bytes) -> None:
    """Whatever fmt writes of a .json map loads to the same map and brings no error that the
    map did not have."""
    try:
        formatted = format_json(data.decode("utf-8", "surrogatepass"), "m.json")
    except (MapError, UnicodeDecodeError):
        return
    before, after = load(data, "m.json")[0], load(formatted.encode(), "m.json")[0]
    assert after == before
    assert format_json(formatted, "m.json") == formatted
    errors = {d.code for d in check_bytes(formatted.encode(), "m.json").diagnostics} - {
        d.code for d in check_bytes(data, "m.json").diagnostics
    }
    assert not {code for code in errors if code < "AM200"}


@FUZZ
@given(st.binary(max_size=300) | mutated_json(), st.text(max_size=30))
def test_sniffing_any_file_under_any_name_answers(data: bytes, name: str) -> None:
    """Any bytes under any name (empty, a folder's, '<stdin>', a dash, control characters):
    not another format, or AM017 at the top of the file with a command to run."""
    found = foreign(data, name)
    assert found is None or (found.code, str(found.span)) == ("AM017", "1:1")
    assert found is None or "argmap import " in found.message


# ----------------------------------------------- a source path that names no file

PARTS = st.sampled_from(
    ["seeds", "..", ".", "notes.txt", "notes.tx", "note.txt", "nots.txt", ".env", ".git",
     "config", "out", "link", "hidden-link", "maps", "secret.txt", "", "x\x1b[2J", "n" * 300]
)  # fmt: skip
#: Source paths as written: from some folder, to some folder, a name with or without a slip.
WRITTEN = st.tuples(
    st.sampled_from(["", "../", "../../", "./", "maps/../", "{root}/", "{root}/project/"]),
    st.sampled_from(["", "seeds/", ".private/", ".git/", "maps/", "project/seeds/", "seeds/x/"]),
    st.sampled_from(
        [
            "notes.txt",
            "notes.tx",
            "nots.txt",
            "Notes.txt",
            "note.txt",
            "config",
            "confg",
            ".env",
            ".nv",
            "link",
            "lnk",
            "hidden-link",
            "hiden-link",
            "secret.txt",
            ".notes.tx",
            "x\x1b[2J.txt",
            "n" * 300,
            "notes.txt/",
            "",
        ]
    ),
).map("".join) | st.lists(PARTS, min_size=1, max_size=4).map("/".join)


def _project(root: Path) -> Path:
    """A project (with hidden files, and links out and into a hidden file) beside a secret."""
    project = root / "project"
    for folder in ("maps", "seeds", ".git", ".private"):
        (project / folder).mkdir(parents=True)
    (project / "pyproject.toml").touch()
    (project / "seeds" / "notes.txt").write_text("Notes.\n")
    (project / "seeds" / ".notes.txt").write_text("Hidden.\n")
    (project / ".private" / "notes.txt").write_text("Hidden.\n")
    (project / ".git" / "config").write_text("[secret]\n")
    (project / ".env").write_text("SECRET=1\n")
    (root / "secret.txt").write_text("Outside.\n")
    (root / "notes.txt").write_text("Outside.\n")
    (project / "seeds" / "link").symlink_to(root / "secret.txt")
    (project / "seeds" / "hidden-link").symlink_to(project / ".env")
    return project


@settings(FUZZ, max_examples=max(FUZZ.max_examples // 3, 50))
@given(WRITTEN, st.sampled_from(["project", "project/seeds", "project/.private", "."]))
def test_the_path_meant_is_only_ever_a_file_argmap_reads(written: str, cwd: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(os.path.realpath(folder))
        project = _project(root)
        written = written.replace("{root}", str(root))
        near = project / "maps"
        before = os.getcwd()
        os.chdir(root / cwd)
        try:
            path = meant(written, near / written, near, roots(near / "m.yaml", None))
        finally:
            os.chdir(before)
        if path is None:
            return
        event("a path meant")
        real = confine(near / path, [str(project)], near=near)
        assert real is not None and os.path.isfile(real), (written, path)
        assert Path(real).read_text() == "Notes.\n", (written, path)
        (near / "m.yaml").write_text(
            f"argmap: 1\ntitle: T\nsource:\n  path: {json.dumps(path)}\npremises:\n"
            "  - id: a\n    text: A.\n    implicit: true\n"
        )
        codes = [d.code for d in check_file(near / "m.yaml").diagnostics]
        assert codes == [], (written, path, codes)


@pytest.mark.parametrize("written", ["x\x00/y.txt", "../seeds\x00/notes.txt", "\x00"])
def test_a_path_with_a_nul_is_meant_as_nothing(tmp_path: Path, written: str) -> None:
    project = _project(tmp_path)
    near = project / "maps"
    assert meant(written, near / written, near, [str(project)]) is None


# ------------------------------------------------ text wrapped by hand, claims keyed by id

WORDS = st.sampled_from(
    ["Europe", "needs", "allies", "énergie", "chère", "a:b", "'q'", '"d"', "#c", "- x", "k: v",
     "[a]", "{b}", "&x", "*y", "|", ">", "%", "`", "\t", "\u2028", "\x85", "\r"]
)  # fmt: skip
PHRASE = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)


@st.composite
def wrapped_maps(draw: st.DrawFn) -> bytes:
    """Maps whose claims' text, notes and quotes go on over lines at any column (left of
    their key, under the '- ', at the margin), some with claims keyed by their ids, lines
    ended by LF, CR LF or CR alone."""
    out = ["argmap: 1", "title: " + draw(PHRASE)]
    for section in draw(st.lists(st.sampled_from(["premises", "conclusions"]), min_size=1)):
        out.append(f"{section}:")
        if draw(st.booleans()):
            out += [f"  {draw(st.sampled_from(['supplier', 'énergie', 'a b']))}:", "    text: x"]
        for _ in range(draw(st.integers(1, 3))):
            indent = " " * draw(st.sampled_from([0, 2, 4]))
            out.append(f"{indent}- id: {draw(st.sampled_from(['a', 'b', 'énergie-sûre']))}")
            key = draw(st.sampled_from(["text", "note", "label", "quotes"]))
            if key == "quotes":
                out += [f"{indent}  quotes:", f"{indent}  - {draw(PHRASE)}"]
            else:
                out.append(f"{indent}  {key}: {draw(PHRASE)}")
            for _ in range(draw(st.integers(0, 2))):
                column = " " * draw(st.integers(0, len(indent) + 8))
                out.append(column + draw(st.sampled_from(["", "- ", "-"])) + draw(PHRASE))
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return (end.join(out) + end).encode("utf-8")


@FUZZ
@given(wrapped_maps())
def test_text_wrapped_by_hand_is_told_in_place(data: bytes) -> None:
    checked = check_bytes(data, "m.yaml")
    assert checked.ok or checked.diagnostics
    for diagnostic in checked.diagnostics:
        assert inside(diagnostic, data), (str(diagnostic), data)


# ------------------------------------------------------------ text cleaned for imports


@FUZZ
@given(
    st.text(
        st.sampled_from(
            "ab \t\n\r\x0b\x0c\x85\x00\x01\x1b\x7f\u202e\u2066\ud800\ufffe\uffff\u2028é"
        )
    )
)
def test_an_imported_text_loses_exactly_the_characters_argmap_refuses(text: str) -> None:
    """Each refused character out (a space for those that break lines), all else kept."""
    expected = "".join(
        (" " if char in "\r\x0b\x0c\x85" else "") if bad_character(char) else char for char in text
    )
    assert clean_text(text) == (expected, expected != text)
    assert bad_character(clean_text(text)[0]) is None
