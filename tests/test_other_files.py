"""Maps written in JSON, and files in the formats argmap imports, given to the commands that
read maps (check, render, fmt): read as what they are, never as YAML they are not."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.api import check_bytes
from argmap.cli import main
from argmap.convert import export_map
from argmap.diagnostics import Diagnostic
from argmap.formats.sniff import sniff
from argmap.read.loader import load as load_bytes

from .conftest import SEED_MAP, run

AIF_GRAPH = {
    "nodes": [
        {"nodeID": "1", "text": "Roads are unsafe at night.", "type": "I"},
        {"nodeID": "2", "text": "Walk home early.", "type": "I"},
        {"nodeID": "3", "text": "Default Inference", "type": "RA"},
    ],
    "edges": [
        {"edgeID": "1", "fromID": "1", "toID": "3"},
        {"edgeID": "2", "fromID": "3", "toID": "2"},
    ],
}

ARGDOWN = "# Night walks\n\n[walk]: Walk home early.\n  + <unsafe>: Roads are unsafe.\n"
MICROTEXT_XML = (
    '<?xml version="1.0"?>\n<arggraph id="b001"><edu id="e1">Roads are unsafe.</edu></arggraph>\n'
)


@pytest.mark.parametrize("command", ["check", "render"])
@pytest.mark.parametrize(
    ("name", "content", "format_"),
    [
        ("graph.json", json.dumps(AIF_GRAPH), "aif"),
        ("graph.aif.json", json.dumps(AIF_GRAPH), "aif"),
        ("debate.argdown", ARGDOWN, "argdown"),
        ("b001.xml", MICROTEXT_XML, "microtext"),
    ],
)  # fmt: skip
def test_a_file_of_a_format_argmap_imports_is_named_with_the_import_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, name: str, content: str,
    format_: str,
) -> None:  # fmt: skip
    """A user who gives check or render an AIF graph, an Argdown file or a microtext is told
    what the file is and how to import it, in one error, not the missing keys of a map or
    YAML's syntax."""
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(content, encoding="utf-8")
    result = run(command, name)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(errors) == 1, result.output
    assert errors[0].startswith(f"{name}:1:1: error: ")
    assert f"argmap import {format_} {name} -o " in errors[0]
    assert "YAML" not in result.output and "missing the required key" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written


def test_a_json_map_is_checked_as_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """argmap's own JSON (``export json``) checks and renders as the YAML map does; its syntax
    errors are JSON's, and it may nest as deep as JSON maps may (objections 5 deep)."""
    monkeypatch.chdir(tmp_path)
    chain = "\n".join(
        f"  - id: o{i}\n    text: O{i}.\n    objections: [o{i + 1}]" for i in range(6)
    )
    Path("m.yaml").write_text(
        "argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A.\n    objections:\n"
        "      - claims: [o0]\n        objections:\n          - claims: [o1]\n"
        "            objections: [{claims: [o2], objections: [o3]}]\n"
        f"{chain}\n  - id: o6\n    text: O6.\n",
        encoding="utf-8",
    )
    assert run("check", "m.yaml").exit_code == 0
    assert run("export", "json", "m.yaml", "-o", "m.json").exit_code == 0
    checked = run("check", "m.json")
    assert (checked.exit_code, checked.output) == (0, "")
    assert run("render", "m.json", "-o", "m.svg").exit_code == 0
    assert Path("m.svg").read_bytes().startswith(b"<?xml") or b"<svg" in Path("m.svg").read_bytes()
    Path("bad.json").write_text('{"argmap": "1", "title": "T",\n "premises": [1,, 2]}\n')
    bad = run("check", "bad.json")
    assert bad.exit_code == 1
    assert bad.output.startswith("bad.json:2:") and "JSON syntax error" in bad.output
    assert "YAML" not in bad.output


#: Where an editor (and the Language Server Protocol) ends a line.
EDITOR_BREAK = re.compile(r"\r\n|\r|\n")
#: One map with a slip (a key 'colour' a premise has not), as YAML and as JSON, a line a list.
SLIPPED = {
    "m.yaml": ["argmap: 1", "title: T", "premises:", "  - id: a", "    text: A.",
               "    colour: red"],
    "m.json": ['{"argmap": "1",', ' "title": "T",', ' "premises": [', '  {"id": "a",',
               '   "text": "A.",', '   "colour": "red"}]}'],
}  # fmt: skip


def shown_at(text: str, diagnostic: Diagnostic) -> str:
    """What an editor shows from a diagnostic's place to the end of that line."""
    line = EDITOR_BREAK.split(text)[diagnostic.span.line - 1]
    return line[diagnostic.span.column - 1 :]


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
@pytest.mark.parametrize(
    ("name", "slip", "fault", "code", "token"),
    [
        ("m.yaml", "", "", "AM009", "colour"),
        ("m.json", "", "", "AM009", '"colour"'),
        ("m.json", '"red"}', '"red",}', "AM002", ",}"),  # a trailing comma
        ("m.json", '"red"}', '"red" "blue"}', "AM002", '"blue"'),  # a comma missing
        ("m.json", '"A."', '"A\\ud800"', "AM012", '"A\\ud800"'),  # half a surrogate pair
    ],
)
def test_a_map_is_told_at_the_line_an_editor_shows_whatever_its_line_ends(
    name: str, slip: str, fault: str, code: str, token: str, end: str
) -> None:
    """Lines end at CR LF, LF or a lone CR (an old Mac file), in a JSON map as in a YAML one
    and as editors count them: a JSON map's places were counted at LF alone, so a file of CR
    line ends was told all on its line 1."""
    text = end.join(SLIPPED[name]).replace(slip, fault, 1) + end
    [diagnostic] = check_bytes(text.encode(), name).diagnostics
    assert diagnostic.code == code
    assert shown_at(text, diagnostic).startswith(token), (str(diagnostic), token)


@pytest.mark.parametrize(("name", "content"), [
    ("graph.json", json.dumps(AIF_GRAPH)), ("debate.argdown", ARGDOWN), ("b001.xml", MICROTEXT_XML),
])  # fmt: skip
def test_fmt_leaves_a_file_of_another_format_as_it_is_and_names_the_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(content, encoding="utf-8")
    result = run("fmt", name)
    assert result.exit_code == 1
    assert "[AM017]" in result.output and "YAML" not in result.output
    assert Path(name).read_text(encoding="utf-8") == content


def test_fmt_lays_out_a_json_map_as_canonical_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fmt of argmap's JSON writes JSON (as export json writes it), never YAML into a .json
    file; a map already canonical is left alone."""
    monkeypatch.chdir(tmp_path)
    Path("m.yaml").write_text(
        "argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A.\nconclusions:\n"
        "  - id: c\n    text: C.\n    reasons: [a]\n",
        encoding="utf-8",
    )
    assert run("export", "json", "m.yaml", "-o", "canonical.json").exit_code == 0
    canonical = Path("canonical.json").read_bytes()
    data = json.loads(canonical)
    Path("m.json").write_text(json.dumps(data, indent=None, sort_keys=True), encoding="utf-8")
    result = run("fmt", "m.json")
    assert (result.exit_code, result.output) == (
        0, "argmap: reformatted m.json\nargmap: 1 map reformatted\n")  # fmt: skip
    assert Path("m.json").read_bytes() == canonical
    again = run("fmt", "--check", "m.json")
    assert (again.exit_code, again.output) == (0, "argmap: 1 map already formatted\n")
    assert run("check", "m.json").exit_code == 0


@pytest.mark.parametrize("fmt", ["aif", "sadface"])
def test_a_graph_argmap_exported_is_told_to_be_imported_too(fmt: str) -> None:
    """argmap's own AIF keeps the map's ids under a top-level 'argmap' mapping: it is still
    AIF, not a map with five unknown keys (a map's 'argmap' is its version)."""
    text = export_map(load_bytes(SEED_MAP.read_bytes(), str(SEED_MAP))[0], fmt).text
    [only] = check_bytes(text.encode(), "seed.json").diagnostics
    assert only.code == "AM017"
    assert f"argmap import {fmt} seed.json -o seed.yaml" in only.message
    assert sniff(b'{"argmap": "1", "nodes": [], "edges": []}', "m.json") is None


@pytest.mark.parametrize(("head", "format_"), [
    (b'<arggraph id="a"/>', "microtext"),
    (b'\xef\xbb\xbf \n<?xml version="1.0"?>\n<!-- a -->\n<!---->\t<arggraph>', "microtext"),
    (b"<!-- a --> <!-- b -->\n<arggraph\n id='x'>", "microtext"),
    (b"<!-- unclosed <arggraph>", None),
    (b"<!-->--><arggraph>", "microtext"),
    (b"<arggraphs>", None),
    (b"x<arggraph>", None),
    (b"<!---->" * 600 + b"x", None),
])  # fmt: skip
def test_a_microtext_is_told_by_its_arggraph_after_any_comments(
    head: bytes, format_: str | None
) -> None:
    assert sniff(head, "f.yaml") == format_


def test_the_import_command_named_for_a_file_whose_name_starts_with_a_dash_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command AM017 names is one to copy and run: for a file named '-graph.json' it was
    'argmap import aif -graph.json -o -graph.yaml', which argmap refused ("No such option
    '-g'")."""
    monkeypatch.chdir(tmp_path)
    Path("-graph.json").write_text(json.dumps(AIF_GRAPH), encoding="utf-8")
    checked = run("check", "--", "-graph.json")
    assert checked.exit_code == 1
    command = checked.output.split("import it into one: ")[1].split(" [AM017]")[0]
    assert command == "argmap import aif ./-graph.json -o ./-graph.yaml"
    assert run(*shlex.split(command)[1:]).exit_code == 0
    assert run("check", "--", "-graph.yaml").exit_code == 0


@pytest.mark.parametrize("name", [None, "/", ".", ""])
def test_a_graph_on_stdin_named_no_file_is_told_to_be_imported_from_its_file(
    name: str | None,
) -> None:
    """An AIF graph piped to check, with no file name or one naming no file (a folder), is
    told what it is and how to import it, where --stdin-filename / ended in a traceback."""
    named = [] if name is None else ["--stdin-filename", name]
    result = CliRunner().invoke(main, ["check", *named, "-"], input=json.dumps(AIF_GRAPH))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    [error] = [line for line in result.output.splitlines() if ": error: " in line]
    assert error.endswith(
        "this is an AIF graph, not an argmap map; import it into one from its file: "
        "argmap import aif FILE -o map.yaml [AM017]"
    ), error


_HEAD = '{"argmap": "1", "title": "T", '
_AB = '{"id": "a", "text": "A."}, {"id": "b", "text": "B."}'


def _reasons(item: str) -> str:
    """Premises a and b, and a conclusion whose one reason is ``item``."""
    return (
        f'"premises": [{_AB}], "conclusions": [{{"id": "c", "text": "C.", "reasons": [{item}]}}]}}'
    )


@pytest.mark.parametrize(
    ("written", "told", "yaml"),
    [
        ('"premises": ["Russia is expanding"]}',
         '{"id": "russia-is-expanding", "text": "Russia is expanding"}', "'- id:"),
        ('"premises": {"supplier": {"text": "S."}}}',
         '[{"id": "supplier", "text": "..."}]', "'- id:"),
        ('"premises": [{"id": "", "text": "Russia is expanding now"}]}',
         '\'"id": "russia-is-expanding-now"\'', "'id:"),
        ('"source": "speech.txt", "premises": [{"id": "a", "text": "A."}]}',
         '\'"source": {"path": "speech.txt"}\'', "'source:'"),
        ('"premises": [{"id": "a", "text": "A.", "quotes": ["q"]}]}',
         '\'"source": {"path": "..."}\'', "'source:"),
        ('"source": {"path": "s.txt"}, "premises": [{"id": "a", "text": "A.", '
         '"quotes": ["The sky is blue."], "implicit": true}]}', '\'"implicit": true\'',
         "'implicit:"),
        ('"source": {"path": "s.txt"}, "premises": [{"id": "a", "text": "A."}]}',
         '\'"implicit": true\'', "'implicit:"),
        (_reasons('"a, b"'),
         'write ["a", "b"] for one linked reason', "(- a)"),
        (f'"premises": [{_AB}, {{"id": "d", "text": "D.", "objections": ["a, b"]}}]}}',
         'or {"claims": ["a", "b"]} for one linked objection', "'claims:"),
        (_reasons('"a - b"'),
         'write each id as an item of its own ("a", "b")', "'- a'"),
    ],
)  # fmt: skip
def test_the_hints_for_a_json_map_are_written_in_json(
    tmp_path: Path, written: str, told: str, yaml: str
) -> None:
    """What a hint shows to write is JSON in a .json map (it was YAML: '- id: supplier')."""
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "s.txt").write_text("The sky is blue.\n", encoding="utf-8")
    text = _HEAD + written
    assert json.loads(text)
    [diagnostic] = check_bytes(text.encode(), str(tmp_path / "m.json")).diagnostics
    assert told in diagnostic.message and yaml not in diagnostic.message, diagnostic.message


def test_the_version_hint_of_a_json_map_is_written_in_json() -> None:
    text = '{"argmap": "1.0", "title": "T", "premises": [{"id": "a", "text": "A."}]}'
    [diagnostic] = check_bytes(text.encode(), "m.json").diagnostics
    assert diagnostic.message.endswith('(write \'"argmap": "1"\')')
