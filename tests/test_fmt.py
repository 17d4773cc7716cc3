"""argmap fmt: the canonical layout, comments kept, meaning unchanged, and the command line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.convert import import_file
from argmap.diagnostics import MapError
from argmap.fmt import format_text
from argmap.fmt.layout import WIDTH
from argmap.formats import json as jsonfmt
from argmap.formats.yaml import dump, quoted
from argmap.model import ArgumentMap
from argmap.model.keys import MAX_TITLE
from argmap.read.loader import load
from tests.conftest import ROOT, SEED_MAP, SHARED, run
from tests.docs_text import block
from tests.strategies import Generated, consistent_maps

PROPERTIES = settings(
    max_examples=int(os.environ.get("FMT_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def fmt(text: str) -> str:
    return format_text(textwrap.dedent(text).lstrip("\n"))


def loaded(text: str) -> ArgumentMap:
    amap, diagnostics = load(text.encode("utf-8"), "map.yaml")
    assert amap is not None, diagnostics
    return amap


# ------------------------------------------------------------------------------ the layout


def test_keys_in_the_order_of_the_key_tables() -> None:
    assert fmt("""
        premises:
        - text: A premise.
          contradicts: b
          'id': a
          implicit: true
        - {id: b, text: B}
        "title": T
        conclusions:
        - reasons: [a]
          text: C
          id: c
        argmap: 1
    """) == textwrap.dedent("""\
        argmap: 1
        title: T

        premises:
          - id: a
            text: A premise.
            implicit: true
            contradicts: b
          - id: b
            text: B

        conclusions:
          - id: c
            text: C
            reasons:
              - a
    """)


def test_short_id_lists_in_flow_style_long_ones_a_line_each() -> None:
    long_ids = [f"objection-number-{i}" for i in range(6)]
    out = format_text(
        "argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A\n"
        "    contradicts:\n      - b\n      - c\n"
        "    objections:\n"
        + "".join(f"      - {i}\n" for i in long_ids)
        + f"  - id: b\n    text: B\n    objections: [{', '.join(long_ids[:2])}]\n"
    )
    assert "    contradicts: [b, c]\n" in out
    assert "    objections:\n      - objection-number-0\n" in out
    assert "    objections: [objection-number-0, objection-number-1]\n" in out
    assert max(len(line) for line in out.splitlines()) <= WIDTH


def test_reasons_one_a_line_a_linked_reason_in_flow_style() -> None:
    out = fmt("""
        argmap: 1
        title: T
        premises:
          - {id: a, text: A}
          - {id: b, text: B}
        conclusions:
          - id: c
            text: C
            reasons: [a, [a, b], {claims: [b], objections: [a], note: N}]
    """)
    assert out.endswith(
        "    reasons:\n      - a\n      - [a, b]\n"
        "      - claims: [b]\n        objections: [a]\n        note: N\n"
    )


LONG_QUOTE = (
    "A very long quote pasted as it is in the source, which is far longer than the width of one "
    "line, and stays on one line."
)


def test_text_is_kept_as_written_only_reindented() -> None:
    out = fmt(f"""
        argmap: 1
        title: 'It''s a title'
        note: >-
            A folded note
            over two lines.

        premises:
        -   id: a
            text: "A double-quoted text
                that runs on"
            quotes:
            -   |
                line one
                  indented
                line two
            -   {LONG_QUOTE}
    """)
    assert out == textwrap.dedent(f"""\
        argmap: 1
        title: 'It''s a title'
        note: >-
          A folded note
          over two lines.

        premises:
          - id: a
            text: "A double-quoted text
              that runs on"
            quotes:
              - |
                line one
                  indented
                line two
              - {LONG_QUOTE}
    """)


def test_a_block_scalar_that_keeps_its_last_lines_is_written_in_double_quotes() -> None:
    out = fmt("argmap: 1\ntitle: T\npremises:\n- id: a\n  text: |+\n    kept\n\n  note: n\n")
    assert '    text: "kept\\n\\n"\n' in out


def test_comments_stay_with_what_they_stand_by() -> None:
    out = fmt("""
        # yaml-language-server: $schema=argmap.schema.json

        title: T   # the title
        argmap: 1
        # the claims
        premises:
          # first claim
          - text: A  # says A
            # the id
            id: a
            contradicts:  # why
              - b
          - id: b
            text: B
            objections: [a,  # a objects
                         c]
          - id: c
            text: >-  # folded
              C
        # closing words
    """)
    assert out == textwrap.dedent("""\
        # yaml-language-server: $schema=argmap.schema.json

        argmap: 1
        title: T   # the title

        # the claims
        premises:
          # first claim
          # the id
          - id: a
            text: A  # says A
            contradicts: [b]  # why
          - id: b
            text: B
            objections:
              - a            # a objects
              - c
          - id: c
            text: >-  # folded
              C
        # closing words
    """)


def test_blank_lines_at_most_one_and_one_before_each_list_of_claims() -> None:
    out = fmt("""
        argmap: 1
        title: T
        premises:


          - id: a
            text: A



          - id: b

            text: B
        conclusions:
          - {id: c, text: C, reasons: [a, b]}
    """)
    assert out == textwrap.dedent("""\
        argmap: 1
        title: T

        premises:
          - id: a
            text: A

          - id: b

            text: B

        conclusions:
          - id: c
            text: C
            reasons:
              - a
              - b
    """)


def test_document_markers_bom_and_crlf_are_kept() -> None:
    text = "\ufeff%YAML 1.1\r\n---\r\ntitle: T\r\nargmap: 1\r\n"
    text += "premises: [{id: a, text: A}]\r\n...\r\n"
    assert format_text(text) == (
        "\ufeff%YAML 1.1\r\n---\r\nargmap: 1\r\ntitle: T\r\n\r\npremises:\r\n"
        "  - id: a\r\n    text: A\r\n...\r\n"
    )


def test_a_map_with_consistency_errors_is_formatted() -> None:
    out = fmt("title: T\nargmap: 1\nconclusions: [{id: c, text: C, reasons: [nowhere]}]\n")
    assert out.startswith("argmap: 1\ntitle: T\n")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("argmap: 1\ntitle: [x\n", [("AM002", 2, 8)]),
        ("argmap: 1\ntitle: T\npremises:\n  - id: a\n    txet: A\n",
         [("AM011", 4, 5), ("AM009", 5, 5)]),
        ("argmap: 1\ntitle: &t T\npremises: [{id: a, text: *t}]\n",
         [("AM005", 2, 8), ("AM005", 3, 26)]),
        ("", [("AM003", 1, 1)]),
    ],
)  # fmt: skip
def test_a_map_that_does_not_load_is_refused_with_its_diagnostics(
    text: str, found: list[tuple[str, int, int]]
) -> None:
    with pytest.raises(MapError) as raised:
        format_text(text, "bad.yaml")
    diagnostics = raised.value.diagnostics
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == found
    assert {d.path for d in diagnostics} == {"bad.yaml"}


def test_the_committed_maps_and_the_documentations_example_are_formatted() -> None:
    for path in sorted((ROOT / "maps").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert format_text(text) == text, f"{path} is not formatted: run argmap fmt maps/"
    example = block("Writing a map", "yaml")
    assert example.startswith("argmap: 1\n")
    assert format_text(example) == example


# ------------------------------------------------------------------------------ properties


def _equal_meaning(before: str, after: str) -> None:
    old, new = loaded(before), loaded(after)
    assert new == old
    assert jsonfmt.write(new).text == jsonfmt.write(old).text


@PROPERTIES
@given(consistent_maps())
def test_formatting_is_idempotent_and_keeps_the_meaning(generated: Generated) -> None:
    text = generated.data.decode("utf-8")
    once = format_text(text)
    assert format_text(once) == once
    _equal_meaning(text.lstrip("\ufeff"), once.lstrip("\ufeff"))
    assert once.startswith("\ufeff") == generated.bom
    assert ("\r\n" in once) == generated.crlf


#: Comment text: any character a comment may hold, with the line breaks only YAML counts
#: (U+2028, U+2029, U+0085), which the loader and the formatter read as part of the line.
_COMMENT_TEXT = st.text(
    st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\ufeff")
    | st.sampled_from("\u2028\u2029\x85"),
    max_size=12,
)


@st.composite
def commented_maps(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A generated map with comments inserted at random lines: alone on a line (at some
    indentation) or after what the line holds. Returns the text and the comments."""
    generated = draw(consistent_maps())
    lines = generated.yaml_text.split("\n")
    comments = []
    for number in range(draw(st.integers(1, 8))):
        comment = f"#c{number}:" + draw(_COMMENT_TEXT).rstrip()
        at = draw(st.integers(0, len(lines) - 1))
        if draw(st.booleans()) or not lines[at].strip() or "#c" in lines[at]:
            lines.insert(at, " " * draw(st.integers(0, 6)) + comment)
        else:
            lines[at] += " " * draw(st.integers(1, 3)) + comment
        comments.append(comment)
    return "\n".join(lines), comments


@PROPERTIES
@given(commented_maps())
def test_every_comment_is_kept(commented: tuple[str, list[str]]) -> None:
    text, comments = commented
    amap, diagnostics = load(text.encode("utf-8"), "map.yaml")
    if amap is None:  # a comment after a document marker or a directive the parser refuses
        assert {d.code for d in diagnostics} <= {"AM002"}
        return
    once = format_text(text)
    for comment in comments:
        assert sum(line.strip().endswith(comment) for line in once.split("\n")) == 1, comment
    assert format_text(once) == once
    _equal_meaning(text, once)


# ------------------------------------------------------------------------------ the command


def test_fmt_check_lists_the_maps_that_would_change_and_writes_nothing(tmp_path: Path) -> None:
    good = tmp_path / "maps" / "good.yaml"
    good.parent.mkdir()
    good.write_text("argmap: 1\ntitle: T\n\npremises:\n  - id: a\n    text: A\n")
    messy = tmp_path / "maps" / "sub" / "messy.yml"
    messy.parent.mkdir()
    messy.write_text("title: T\nargmap: 1\npremises: [{id: a, text: A}]\n")
    before = messy.read_bytes()
    result = run("fmt", "--check", str(tmp_path / "maps"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"argmap: would reformat {messy}\nargmap: 1 map would be reformatted, 1 already formatted\n"
    )
    assert messy.read_bytes() == before


def test_fmt_rewrites_changed_maps_atomically_keeping_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("title: T\nargmap: 1\npremises: [{id: a, text: A}]\n")
    os.chmod(path, 0o640)
    result = run("fmt", str(path))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"argmap: reformatted {path}\nargmap: 1 map reformatted\n"
    assert path.read_text() == "argmap: 1\ntitle: T\n\npremises:\n  - id: a\n    text: A\n"
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["map.yaml"]  # no temporary file left
    again = run("fmt", str(path))
    assert (again.exit_code, again.stderr) == (0, "argmap: 1 map already formatted\n")


def test_fmt_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("argmap: 1\ntitle: T\npremises: [{id: a, text: A}]\n")
    result = run("fmt", "--diff", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"--- a/{str(path)[1:]}\n+++ b/{str(path)[1:]}\n@@ -1,3 +1,6 @@\n argmap: 1\n title: T\n"
        "-premises: [{id: a, text: A}]\n+\n+premises:\n+  - id: a\n+    text: A\n"
    )
    assert path.read_text() == "argmap: 1\ntitle: T\npremises: [{id: a, text: A}]\n"


def test_fmt_leaves_a_broken_map_as_it_is_and_reports_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\ntitle: T\npremises:\n  - id: a\n    txet: A\n")
    result = run("fmt", str(bad), str(tmp_path / "missing.yaml"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{bad}:4:5: error: a premise is missing the required key 'text' [AM011]",
        f"{bad}:5:5: error: unknown key 'txet' in a premise; did you mean 'text'? [AM009]",
        f"argmap: {bad} left as it was: it has errors",
        f"argmap: error: {tmp_path / 'missing.yaml'}: no such file",
        "argmap: 2 maps not formatted",
    ]
    assert bad.read_text().endswith("txet: A\n")
    only_bad = run("fmt", str(bad))
    assert only_bad.exit_code == 1


def test_fmt_help_has_an_example() -> None:
    result = run("fmt", "--help")
    assert result.exit_code == 0
    assert "Example:\n    argmap fmt maps/" in result.output


def test_seed_map_formats_to_itself_through_the_command(tmp_path: Path) -> None:
    copy = tmp_path / "map.yaml"
    copy.write_bytes(SEED_MAP.read_bytes())
    result = run("fmt", "--check", str(copy))
    assert (result.exit_code, result.stderr) == (0, "argmap: 1 map already formatted\n")


def test_a_layout_that_would_change_the_map_is_refused_and_the_file_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.fmt import formatter

    path = tmp_path / "map.yaml"
    path.write_text("title: T\nargmap: 1\npremises: [{id: a, text: A}]\n")
    monkeypatch.setattr(formatter, "lay_out", lambda doc: "argmap: 1\ntitle: U\n"
                        "premises:\n  - id: a\n    text: A\n")  # fmt: skip
    result = run("fmt", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"argmap: error: {path}: argmap fmt would change what this map means; it was left as "
        "it was. Please report this bug with the map."
    )
    assert path.read_text() == "title: T\nargmap: 1\npremises: [{id: a, text: A}]\n"


def test_fmt_stdin_writes_the_formatted_map_on_stdout() -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    messy = "title: T\nargmap: 1\npremises: [{id: a, text: A}]\n"
    result = CliRunner().invoke(main, ["fmt", "-"], input=messy)
    assert (result.exit_code, result.stdout) == (0, format_text(messy))
    broken = CliRunner().invoke(main, ["fmt", "-"], input="argmap: 1\ntitle: [\n")
    assert (broken.exit_code, broken.stdout) == (1, "")
    assert broken.stderr.startswith("<stdin>:3:1: error: YAML syntax error")
    check = CliRunner().invoke(main, ["fmt", "--check", "-"], input=messy)
    assert (check.exit_code, check.stdout) == (1, "")


def test_fmt_stdin_named_as_a_json_map_is_laid_out_as_json() -> None:
    """An editor formats a .json map's buffer through stdin, naming its file as Prettier's
    --stdin-filepath and Ruff's --stdin-filename do: it was read as YAML (any JSON is YAML)
    and came back as YAML, which the .json file cannot be."""
    from click.testing import CliRunner

    from argmap.cli import main
    from argmap.fmt.formatter import format_json

    messy = '{"title": "T", "argmap": "1", "premises": [{"text": "A", "id": "a"}]}'
    named = ["fmt", "--stdin-filename", "maps/m.json", "-"]
    result = CliRunner().invoke(main, named, input=messy)
    assert (result.exit_code, result.stdout) == (0, format_json(messy, "m.json"))
    assert result.stdout.startswith('{\n  "argmap": "1",')
    broken = CliRunner().invoke(main, named, input='{"argmap": "1",\n "title": [}\n')
    assert (broken.exit_code, broken.stdout) == (1, "")
    assert broken.stderr.startswith("maps/m.json:2:12: error: JSON syntax error")
    yaml = CliRunner().invoke(main, ["fmt", "--stdin-filename", "m.yaml", "-"], input=messy)
    assert (yaml.exit_code, yaml.stdout) == (0, format_text(messy))
    alone = CliRunner().invoke(main, ["fmt", "--stdin-filename", "m.json", "m.json"])
    assert alone.exit_code == 2 and "add -" in alone.stderr


def test_fmt_stdin_larger_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    monkeypatch.setenv("ARGMAP_READ_LIMIT", "100")
    result = CliRunner().invoke(main, ["fmt", "-"], input="argmap: 1\ntitle: T\n" * 10)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "argmap: error: <stdin>: is larger than argmap reads: the limit is 100 bytes (set "
        "ARGMAP_READ_LIMIT to change it)\n"
    )


_WORDS = st.lists(st.sampled_from(["energy", "Europe", "a", "it's", "“quoted”", "x: y", "#3",
                                   "-", "é", "…", "[1]", "{b}", "'s", '"q"']),
                  min_size=1, max_size=14)  # fmt: skip


@st.composite
def texts_in_many_styles(draw: st.DrawFn, indent: int) -> str:
    """A text written plain, quoted or as a block scalar, over one line or several, with
    continuation lines deeper than its key at column ``indent``: how people write long texts
    by hand."""
    ends = st.sampled_from(["", "", "  ", "\t"])  # white space at a line's end, content or not
    lines = [" ".join(draw(_WORDS)) + draw(ends) for _ in range(draw(st.integers(1, 3)))]
    style = draw(st.sampled_from([">-", "|", "|-", ">", "double", "single", "plain"]))
    pad = " " * (indent + draw(st.integers(1, 4)))
    if style in (">-", "|", "|-", ">"):
        blank = "\n" if draw(st.booleans()) and len(lines) > 1 else ""
        comment = "  # about it" if draw(st.booleans()) else ""
        return style + comment + "\n" + (f"\n{blank}").join(pad + line for line in lines)
    if style == "double":
        body = [line.replace("\\", "\\\\").replace('"', '\\"') for line in lines]
        escapes = st.sampled_from(["", "\\ ", "\\"])  # an escaped space or line break
        body = [line + draw(escapes) for line in body[:-1]] + body[-1:]
        return '"' + ("\n" + pad).join(body) + '"'
    if style == "single":
        return "'" + ("\n" + pad).join(line.replace("'", "''") for line in lines) + "'"
    lines = [line.rstrip() for line in lines]
    plain = [line for line in lines if line[0].isalpha() and ": " not in line and " #" not in line
             and not line.endswith(":")]  # fmt: skip
    return ("\n" + pad).join(plain or ["text"])


@st.composite
def hand_written_maps(draw: st.DrawFn) -> str:
    """Maps written as people write them: texts in every style, any indentation, comments."""
    step = draw(st.sampled_from([2, 3, 4]))
    dash = draw(st.sampled_from(["", " " * step]))  # list items under their key, or not
    key = len(dash) + 2  # the column of a claim's keys
    claims = []
    for i in range(draw(st.integers(1, 4))):
        text = draw(texts_in_many_styles(key))
        note = draw(texts_in_many_styles(key)) if draw(st.booleans()) else None
        comment = f"  # claim {i}" if draw(st.booleans()) else ""
        lines = [f"{dash}- id: c{i}{comment}", f"{dash}  text: {text}"]
        if note is not None:
            lines.insert(draw(st.integers(1, 2)), f"{dash}  note: {note}")
        if draw(st.booleans()):
            lines.insert(0, f"{' ' * draw(st.integers(0, 4))}# before claim {i}")
        claims.append("\n".join(lines))
    # a title as long as one allows (AM014): the written form is never shorter than the text
    title = draw(texts_in_many_styles(0).filter(lambda written: len(written) <= MAX_TITLE))
    separator = "\n" * draw(st.integers(1, 3))
    return f"title: {title}\nargmap: 1\npremises:\n" + separator.join(claims) + "\n# the end\n"


@PROPERTIES
@given(hand_written_maps())
def test_texts_written_in_any_style_keep_their_meaning(text: str) -> None:
    once = format_text(text)  # raises LayoutError if the map's meaning changed
    assert format_text(once) == once
    _equal_meaning(text, once)
    comment = re.compile(r"^ *(# before claim \d+|# the end)$", re.MULTILINE)
    assert comment.findall(once) == comment.findall(text)
    for trailing in ("# about it", "# claim "):
        assert once.count(trailing) == text.count(trailing)


def test_white_space_that_is_content_stays_at_the_end_of_its_line() -> None:
    text = (
        'argmap: 1\ntitle: "an escaped space at the end\\ \n   and more"\npremises:\n'
        "- id: a\n  text: |\n     kept trailing spaces   \n     line\n"
        "  note: plain with spaces   \n     that go   \n"
    )
    out = format_text(text)
    assert '\ntitle: "an escaped space at the end\\ \n  and more"\n' in out
    assert "\n    text: |\n      kept trailing spaces   \n      line\n" in out
    assert "\n    note: plain with spaces\n      that go\n" in out
    assert loaded(out) == loaded(text)


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_a_break_only_yaml_counts_is_a_character_of_its_line_as_the_loader_reads_it(
    char: str,
) -> None:
    """U+2028, U+2029 and U+0085 end a line for YAML, not for an editor nor for the loader:
    in a comment, a plain text or a block (as the loader reads them) each is kept as written
    (fmt stopped with a traceback: 'could not find expected ':'')."""
    text = f"argmap: 1\ntitle: T # a{char}b\npremises:\n  - id: a\n    text: A\n"
    if char != "\x85":  # a control character: refused in a text (AM012), kept in a comment
        text += f"  - id: b\n    text: |\n      B\n      B{char}C\n"
        text += f"  - id: c\n    text: plain{char}text\n"
    out = format_text(text)
    assert out.count(char) == text.count(char)
    assert loaded(out) == loaded(text)
    assert format_text(out) == out


def test_a_lone_carriage_return_ends_a_line_as_yaml_reads_it() -> None:
    """YAML ends a line at a CR alone, as at a LF: a flow mapping holding one in a plain
    value (``{path: a<CR>b}``, read 'a b') was laid out in block style with the value's second
    line at the margin, and fmt refused the map as a bug of its own (LayoutError)."""
    text = "argmap: 1\ntitle: t\nsource: {path: a\rb}\npremises:\r  - id: a\r    text: |\r      A\r"
    out = format_text(text)
    assert "\r" not in out
    assert loaded(out) == loaded(text)
    assert loaded(out).source.path == "a b"  # type: ignore[union-attr]
    assert format_text(out) == out


CORPORA = SHARED / "corpora"
IMPORTED = [("microtext", path) for path in sorted(CORPORA.glob("arg-microtexts-en/micro_*.xml"))]
IMPORTED += [("aif", path) for path in sorted(CORPORA.glob("araucaria-aif/nodeset*.json"))]


@pytest.mark.skipif(not IMPORTED, reason=f"corpora not found at {CORPORA}")
def test_maps_imported_from_the_corpora_format_without_change_of_meaning() -> None:
    reformatted = 0
    for fmt_name, path in IMPORTED:
        text = dump(import_file(fmt_name, path).map)
        once = format_text(text, str(path))  # raises LayoutError if the meaning changed
        assert format_text(once) == once, path
        reformatted += once != text  # only id lists too long for one line
    assert reformatted < len(IMPORTED) / 4


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs GNU patch")
def test_fmt_diff_of_a_map_named_from_the_root_applies_with_patch_from_there(
    tmp_path: Path,
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("argmap: 1\ntitle: T\npremises: [{id: a, text: A}]\n")
    diff = run("fmt", "--diff", str(path)).stdout
    assert diff.startswith(f"--- a/{path.relative_to(path.anchor).as_posix()}\n")  # not a//tmp
    subprocess.run(["patch", "-s", "-p1", "-d", path.anchor], input=diff, text=True, check=True)
    assert run("fmt", "--check", str(path)).exit_code == 0  # the diff made it formatted


#: Keys of carried data as other tools write them: words with '_', and keys YAML would read
#: as something else, or not at all, unquoted.
CARRIED_KEYS = ["analyst_name", "_private", "no", "null", "a: b", "#x", "", "- y", "1_000", "été"]


def test_carried_data_is_written_as_fmt_lays_it_out_whatever_its_keys() -> None:
    """A map imported from SADFace (``analyst_name``) was written ``"analyst_name":`` and
    ``argmap fmt`` rewrote it ``analyst_name:``: an import failed ``fmt --check`` at once;
    and fmt wrote any key plain, so ``"a: b"`` made it refuse the map as its own bug."""
    data = {key: n for n, key in enumerate(CARRIED_KEYS)}
    text = dump(loaded("argmap: 1\ntitle: T\npremises: [{id: a, text: A, implicit: true}]\n"))
    text += "aif:\n" + "".join(f"  {quoted(k)}: {n}\n" for k, n in data.items())
    assert loaded(text).aif is not None and loaded(text).aif.value == data  # type: ignore[union-attr]
    written = dump(loaded(text))
    assert '"analyst_name"' not in written and "\n  analyst_name: 0\n" in written
    assert "\n  _private: 1\n" in written
    assert format_text(written) == written  # fmt changes nothing dump wrote
    assert loaded(format_text(text)).aif.value == data  # type: ignore[union-attr]
