"""``argmap check --fix`` and ``--diff``: a map whose source was revised since it was written
(a publisher's corrected sentence, other punctuation) gets the safe fixes, written in place and
nothing else in the file changed; ``--unsafe-fixes`` adds the ones a person should look at."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.api import check_bytes
from argmap.cli import main

from .conftest import ROOT
from .docs_text import block, section

OLD_SOURCE = (
    "The Union depends on imported energy. Its suppliers are few, and most of them are unstable.\n"
    "Diversifying the routes of supply would make the Union more secure.\n"
    "The new pipeline will carry gas from the Caspian basin to the west.\n"
)
# As the publisher corrected it: punctuation, letter case, and a sentence written anew.
NEW_SOURCE = (
    "The Union depends on imported energy. Its suppliers are few — and most of them are unstable.\n"
    "Diversifying the routes of supply would make the union more secure.\n"
    "Gas will flow west from the Caspian basin through the new pipeline.\n"
)

MAP = """\
# Energy, mapped in March.
argmap: 1
title: Energy
source:
  path: source.txt  # the publisher's text
premises:
  - id: few-suppliers
    text: The Union's suppliers are few and unstable.
    quotes:
      - 'Its suppliers are few, and most of them are unstable.'   # the second sentence
  - id: routes
    text: More routes would make the Union more secure.
    quotes: "Diversifying the routes of supply would make the Union more secure."
  - id: pipeline
    text: A pipeline will bring Caspian gas.
    quotes: The new pipeline will carry gas from the Caspian basin to the west.
conclusions:
  - id: diversify
    text: The Union should diversify its supply.
    implicit: true
    reasons: [few-suppliers, routes, pipeline]
"""
FIXED = MAP.replace(
    "'Its suppliers are few, and most of them are unstable.'",
    "'Its suppliers are few — and most of them are unstable.'",  # in the quotes it was in
).replace(
    '"Diversifying the routes of supply would make the Union more secure."',
    '"Diversifying the routes of supply would make the union more secure."',
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def revised(tmp_path: Path) -> Path:
    """A map checked clean against its source, and the source since revised."""
    path = tmp_path / "map.yaml"
    path.write_text(MAP, encoding="utf-8")
    (tmp_path / "source.txt").write_text(OLD_SOURCE, encoding="utf-8")
    assert check_bytes(MAP.encode(), str(path)).diagnostics == ()
    (tmp_path / "source.txt").write_text(NEW_SOURCE, encoding="utf-8")
    return path


def test_fix_replaces_the_quotes_the_source_now_words_otherwise_and_nothing_else(
    revised: Path,
) -> None:
    code, out, err = run("check", "--fix", str(revised))
    assert revised.read_text(encoding="utf-8") == FIXED
    assert out == ""
    assert err == (
        f"argmap: fixed 2 quotes in {revised}\n"
        f'  {revised}:10:9: quote: "… are few, and …" → "… are few — and …"\n'
        f'  {revised}:13:13: quote: "… the Union more …" → "… the union more …"\n'
        f"{revised}:16:13: error: quote of 'pipeline' not found in the source; closest "
        'passage, reworded (line 3): "Gas will flow west from the Caspian basin through the new '
        'pipeline." [AM110]\n'
        "argmap: 1 error\n"
        "argmap: 1 more fix offered with --unsafe-fixes\n"
    )
    assert code == 1


def test_a_second_fix_changes_nothing(revised: Path) -> None:
    first = run("check", "--fix", str(revised))
    after = revised.read_bytes()
    second = run("check", "--fix", str(revised))
    assert revised.read_bytes() == after
    assert second[2] == "".join(
        line
        for line in first[2].splitlines(keepends=True)
        if not line.startswith(("argmap: fixed ", "  "))
    )
    assert second[0] == first[0] == 1


def test_unsafe_fixes_take_the_reworded_sentence_too(revised: Path) -> None:
    code, _, err = run("check", "--fix", "--unsafe-fixes", str(revised))
    assert err.startswith(f"argmap: fixed 3 quotes in {revised}\n")
    assert err.endswith(
        f'  {revised}:16:13: quote: "The new pipeline will carry gas from the Caspian basin to…"'
        ' → "Gas will flow west from the Caspian basin through the new…"\n'
    )
    assert code == 0
    assert revised.read_text(encoding="utf-8") == FIXED.replace(
        "quotes: The new pipeline will carry gas from the Caspian basin to the west.",
        "quotes: Gas will flow west from the Caspian basin through the new pipeline.",
    )


def test_diff_prints_the_fixes_and_writes_nothing(revised: Path) -> None:
    before = revised.read_bytes()
    code, out, err = run("check", "--diff", str(revised))
    assert revised.read_bytes() == before
    assert out == (
        f"--- a/{str(revised)[1:]}\n+++ b/{str(revised)[1:]}\n@@ -7,10 +7,10 @@\n"
        "   - id: few-suppliers\n"
        "     text: The Union's suppliers are few and unstable.\n"
        "     quotes:\n"
        "-      - 'Its suppliers are few, and most of them are unstable.'   # the second sentence\n"
        "+      - 'Its suppliers are few — and most of them are unstable.'"
        "   # the second sentence\n"
        "   - id: routes\n"
        "     text: More routes would make the Union more secure.\n"
        '-    quotes: "Diversifying the routes of supply would make the Union more secure."\n'
        '+    quotes: "Diversifying the routes of supply would make the union more secure."\n'
        "   - id: pipeline\n"
        "     text: A pipeline will bring Caspian gas.\n"
        "     quotes: The new pipeline will carry gas from the Caspian basin to the west.\n"
    )
    # what the file holds, as it is: its three stale quotes (two of which --fix would mend)
    assert err.startswith(f"argmap: would fix 2 quotes in {revised}\n{revised}:10:9: error: ")
    assert err.count(": error: ") == 3 and "argmap: 3 errors\n" in err
    assert code == 1


def test_fix_keeps_every_other_byte_crlf_and_a_bom(revised: Path) -> None:
    data = b"\xef\xbb\xbf" + MAP.replace("\n", "\r\n").encode()
    revised.write_bytes(data)
    run("check", "--fix", str(revised))
    assert revised.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()


def test_a_clean_map_is_not_written(revised: Path) -> None:
    revised.write_text(FIXED, encoding="utf-8")
    (revised.parent / "source.txt").write_text(
        NEW_SOURCE.replace(
            "Gas will flow west from the Caspian basin through the new pipeline.",
            "The new pipeline will carry gas from the Caspian basin to the west.",
        ),
        encoding="utf-8",
    )
    stamp = revised.stat().st_mtime_ns
    assert run("check", "--fix", str(revised)) == (0, "", "")
    assert revised.stat().st_mtime_ns == stamp


def test_an_unknown_id_with_one_close_match_is_fixed_and_with_two_is_left(
    tmp_path: Path,
) -> None:
    path = tmp_path / "map.yaml"
    text = (
        "argmap: 1\ntitle: t\npremises:\n  - id: supplier\n    text: S\n"
        "  - id: energy-1\n    text: E1\n  - id: energy-2\n    text: E2\n"
        "conclusions:\n  - id: c\n    text: C\n    reasons: [suplier, energy-3]  # two slips\n"
    )
    path.write_text(text, encoding="utf-8")
    code, _, err = run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == text.replace("[suplier,", "[supplier,")
    assert err.startswith(f"argmap: fixed 1 id in {path}\n")
    assert (
        "reason 'energy-3' of 'c' is no claim; did you mean 'energy-2' or 'energy-1'? [AM103]"
        in err
    )
    assert code == 1
    code, _, err = run("check", "--fix", "--unsafe-fixes", str(path))  # two as near: no guess
    assert path.read_text(encoding="utf-8").endswith("reasons: [supplier, energy-3]  # two slips\n")
    assert "fixed" not in err and code == 1


def test_a_json_map_is_fixed_as_json(tmp_path: Path) -> None:
    (tmp_path / "source.txt").write_text(NEW_SOURCE, encoding="utf-8")
    amap = {
        "argmap": 1, "title": "Energy", "source": {"path": "source.txt"},
        "premises": [{"id": "routes", "text": "R", "quotes": [
            "Diversifying the routes of supply would make the Union more secure."]}],
        "conclusions": [{"id": "c", "text": "C", "implicit": True, "reasons": ["routes"]}],
    }  # fmt: skip
    path = tmp_path / "map.json"
    text = json.dumps(amap, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    code, _, err = run("check", "--fix", str(path))
    fixed = '"… the Union more …" → "… the union more …"'
    assert (code, err) == (0, f"argmap: fixed 1 quote in {path}\n  {path}:12:9: quote: {fixed}\n")
    assert path.read_text(encoding="utf-8") == text.replace("the Union more", "the union more")


def test_fix_takes_a_folder_and_says_what_it_fixed_in_each_map(revised: Path) -> None:
    other = revised.parent / "sub" / "other.yaml"
    other.parent.mkdir()
    (other.parent / "source.txt").write_text(NEW_SOURCE, encoding="utf-8")
    other.write_text(MAP.replace("  - id: pipeline\n", "  - id: pipe\n").replace(
        "routes, pipeline]", "routes, pipe]"), encoding="utf-8")  # fmt: skip
    code, _, err = run("check", "--fix", str(revised.parent))
    said = [line for line in err.splitlines()
            if not line.lstrip().startswith(str(revised.parent))]  # fmt: skip
    assert said == [
        f"argmap: fixed 2 quotes in {revised}",
        f"argmap: fixed 2 quotes in {other}",
        "argmap: 2 errors",
        f"argmap: {revised}: 1 error",
        f"argmap: {other}: 1 error",
        "argmap: 2 maps: 2 with errors",
        "argmap: 2 more fixes offered with --unsafe-fixes",
    ]
    assert code == 1


def test_fix_does_not_take_standard_input_nor_unsafe_fixes_alone(revised: Path) -> None:
    code, _, err = run("check", "--fix", "-")
    assert code == 2 and "--fix and --diff work on map files, not - (standard input)" in err
    code, _, err = run("check", "--unsafe-fixes", str(revised))
    assert code == 2 and "--unsafe-fixes goes with --fix or --diff" in err


def test_the_readme_fix_example_is_what_fix_says_of_the_map_checked_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's "Checking a map" shows `check --fix` mending the two slips its check
    names (in its second text block); the map is then the one written above, byte for byte:
    the quote mended is written plain, as it was."""
    written = block("Writing a map", "yaml")
    shown = re.findall(r"^```text\n(.*?)^```$", section("Checking a map"), re.S | re.M)[1]
    slipped = written.replace("[supplier, europe-needs-energy]", "[suplier, europe-needs-energy]")
    slipped = slipped.replace("In the short-term, we", "In the short term, we")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "energy.yaml").write_text(slipped, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("check", "--fix", "maps/energy.yaml") == (0, "", shown)
    assert (tmp_path / "maps" / "energy.yaml").read_text(encoding="utf-8") == written


def test_a_map_that_is_not_utf8_is_left_as_it_is(revised: Path) -> None:
    data = MAP.encode("utf-16")
    revised.write_bytes(data)
    code, _, err = run("check", "--fix", str(revised))
    assert revised.read_bytes() == data
    assert "[AM001]" in err and "fixed" not in err
    assert code == 1


def test_diff_prints_on_stdout_alone(revised: Path) -> None:
    code, _, err = run("check", "--diff", "--output-format", "json", str(revised))
    assert code == 2
    assert "--diff prints on stdout: not with --output-format json, github or sarif" in err


def test_a_map_that_cannot_be_written_is_said_and_left(revised: Path) -> None:
    revised.chmod(0o444)
    code, _, err = run("check", "--fix", str(revised))
    assert revised.read_text(encoding="utf-8") == MAP
    assert err.startswith(f"argmap: error: cannot write {revised}: it is read-only")
    assert code == 2


def test_an_unknown_key_with_one_close_match_is_fixed(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    text = (
        "argmap: 1\ntitle: t\npremises:\n  - id: p\n    text: P\n    implicit: true\n"
        "conclusions:\n  - id: c\n    text: C\n    implicit: true\n    reasosn: [p]\n"
    )
    path.write_text(text, encoding="utf-8")
    said = f'argmap: fixed 1 key in {path}\n  {path}:11:5: key: "reasosn" → "reasons"\n'
    assert run("check", "--fix", str(path)) == (0, "", said)
    assert path.read_text(encoding="utf-8") == text.replace("reasosn:", "reasons:")


def test_the_commonest_key_slips_are_fixed_though_another_key_is_somewhat_alike(
    tmp_path: Path,
) -> None:
    """``qoutes`` and ``quote`` were left to a person because ``note`` is 60% alike too: a key
    far closer than any other is the one meant; ``note`` for ``quote`` leads by too little."""
    (tmp_path / "s.txt").write_text("Germany produces way too much rubbish.\n", encoding="utf-8")
    path = tmp_path / "map.yaml"
    text = (
        "argmap: 1\ntitle: t\nsource: {path: s.txt}\npremises:\n  - id: p\n    text: P\n"
        "    qoutes: [Germany produces way too much rubbish]\n"
        "  - id: q\n    text: Q\n    quote: Germany produces way too much rubbish\n"
        "conclusions:\n  - id: c\n    text: C\n    implicit: true\n    reasons: [p, q]\n"
    )
    path.write_text(text, encoding="utf-8")
    said = (f'argmap: fixed 2 keys in {path}\n  {path}:7:5: key: "qoutes" → "quotes"\n'
            f'  {path}:10:5: key: "quote" → "quotes"\n')  # fmt: skip
    assert run("check", "--fix", str(path)) == (0, "", said)
    fixed = text.replace("qoutes:", "quotes:").replace("quote:", "quotes:")
    assert path.read_text(encoding="utf-8") == fixed


def test_diff_reports_the_map_as_it_is_on_disk(revised: Path) -> None:
    """--diff writes nothing, so what it reports is the file as it stands: it reported the
    fixed text it never wrote (exit 0, errors at the fixed text's lines), and a CI step of
    `argmap check --diff maps/` passed a map that still had its errors."""
    old, new = NEW_SOURCE.splitlines()[2], OLD_SOURCE.splitlines()[2]
    text = MAP.replace(new, old)
    revised.write_text(text, encoding="utf-8")
    code, out, err = run("check", "--diff", str(revised))
    assert out and revised.read_text(encoding="utf-8") == text
    assert code == 1
    errors = re.findall(rf"{re.escape(str(revised))}:(\d+):\d+: error", err)
    assert errors == ["10", "13"]  # the two quotes, where they are in the file


def test_a_fix_that_adds_an_error_of_a_code_the_map_has_is_not_made(tmp_path: Path) -> None:
    """An id changed to the claim's own (AM104) was written when the map already had an AM104
    and a quote fixed in the same round made the total smaller."""
    (tmp_path / "source.txt").write_text(NEW_SOURCE, encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(
        "argmap: 1\ntitle: Energy\nsource:\n  path: source.txt\npremises:\n  - id: routes\n"
        '    text: More routes.\n    quotes: ["Diversifying the routes of supply would make'
        ' the Union more secure."]\nconclusions:\n  - id: energy\n    text: E\n'
        "    implicit: true\n    reasons: [routes, energi]\n  - id: other\n    text: O\n"
        "    implicit: true\n    reasons: [other]\n",
        encoding="utf-8",
    )
    run("check", "--fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "the union more secure." in fixed  # the quote is fixed
    assert "reasons: [routes, energi]" in fixed  # and the id that would point at itself is not


def test_a_block_quote_stays_a_block_under_its_header_and_comment(tmp_path: Path) -> None:
    (tmp_path / "source.txt").write_text(NEW_SOURCE, encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(
        "argmap: 1\ntitle: Energy\nsource:\n  path: source.txt\npremises:\n  - id: routes\n"
        "    text: More routes.\n    quotes:\n      - >-  # from the 2019 edition\n"
        "        Diversifying the routes of supply\n        would make the Union more secure.\n"
        "      # a comment after\n",
        encoding="utf-8",
    )
    code, _, _ = run("check", "--fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert code == 0
    assert (
        "      - >-  # from the 2019 edition\n"
        "        Diversifying the routes of supply would make the union more secure.\n"
        "      # a comment after\n" in fixed
    )


def test_diff_splits_lines_only_where_the_file_does(tmp_path: Path) -> None:
    """A text holding U+2028 (or U+0085, a form feed) is one line of the file; the diff cut it
    in two, with a wrong hunk header, and `git apply` refused it."""
    (tmp_path / "source.txt").write_text(NEW_SOURCE, encoding="utf-8")
    path = tmp_path / "map.yaml"
    text = ("argmap: 1\ntitle: t \u2028 x\nsource: {path: source.txt}  # a \u2028 b \x85 c\n"
            "premises:\n  - id: p\n    text: P \u2028 q\n    quotes: [\"Diversifying the routes of "
            "supply would make the Union more secure.\"]\nconclusions:\n"
            "  - {id: c, text: C, implicit: true, reasons: [p]}\n")  # fmt: skip
    path.write_text(text, encoding="utf-8")
    _, out, _ = run("check", "--diff", str(path))
    assert "\\ No newline" not in out
    assert "@@ -4,6 +4,6 @@" in out  # the file's lines 4 to 9, the text's own counted as one


def test_each_fix_is_listed_with_the_words_it_changed(tmp_path: Path) -> None:
    """A lecturer's quote of a PDF's text was cut to half a word by a safe fix, and she was
    told only 'fixed 1 quote': each fix is now listed, where, and the words it changed with
    a word around them (a word changed, as here a tense, is an unsafe fix)."""
    (tmp_path / "s.txt").write_text(
        "Viele Organisationen warnen seit Jahren vor genau diesem Fehler.\n", encoding="utf-8"
    )
    path = tmp_path / "map.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nsource: {path: s.txt}\npremises:\n  - id: p\n    text: P\n"
        "    quotes: [Viele Organisationen warnten seit Jahren vor genau diesem Fehler.]\n"
        "conclusions:\n  - id: c\n    text: C\n    implicit: true\n    reasons: [p]\n",
        encoding="utf-8",
    )
    code, _, err = run("check", "--fix", "--unsafe-fixes", str(path))
    assert "warnen seit" in path.read_text(encoding="utf-8")
    assert err.splitlines() == [
        f"argmap: fixed 1 quote in {path}",
        f'  {path}:7:14: quote: "… Organisationen warnten seit …" → '
        '"… Organisationen warnen seit …"',
    ]
    assert code == 0


def test_a_quote_the_source_now_negates_is_not_mended_by_fix_alone(tmp_path: Path) -> None:
    """A policy analyst's source said "cannot" where her quote said "can"; `check --fix`
    wrote "cannot" in (a word or two changed was safe), the map then checked clean, and the
    claim's own text still said "can"."""
    (tmp_path / "source.txt").write_text(
        "Trade lawyers broadly agree that such a measure cannot be justified under Article XX.\n",
        encoding="utf-8",
    )
    path = tmp_path / "map.yaml"
    text = (
        "argmap: 1\ntitle: t\nsource: {path: source.txt}\npremises:\n  - id: p\n"
        "    text: It can be justified.\n    quotes:\n      - such a measure can be justified\n"
        "conclusions:\n  - id: c\n    text: C\n    implicit: true\n    reasons: [p]\n"
    )
    path.write_text(text, encoding="utf-8")
    code, out, err = run("check", "--diff", str(path))
    assert (code, out) == (1, "")
    assert err.endswith(
        '; the source has "cannot" where the quote has "can" [AM110]\n'
        "argmap: 1 error\nargmap: 1 more fix offered with --unsafe-fixes\n"
    )
    code, _, err = run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == text and code == 1
    code, _, err = run("check", "--fix", "--unsafe-fixes", str(path))
    assert err == (
        f"argmap: fixed 1 quote in {path}\n"
        f'  {path}:8:9: quote: "… measure can be …" → "… measure cannot be …"\n'
    )
    assert path.read_text(encoding="utf-8") == text.replace("measure can", "measure cannot")
    assert code == 0


def test_the_fixes_said_to_be_offered_are_those_unsafe_fixes_makes(tmp_path: Path) -> None:
    """`check --diff` said "1 more fix offered with --unsafe-fixes" of a reference the only
    id near which is listed beside it: `--unsafe-fixes` then made nothing (the fix would list
    that id twice, AM112, and is not made), and printed nothing."""
    path = tmp_path / "map.yaml"
    text = (
        "argmap: 1\ntitle: t\npremises:\n  - id: stops-leakage\n    text: S\n"
        "  - id: moves\n    text: M\nconclusions:\n  - id: c\n    text: C\n"
        "    reasons:\n      - [leakage, stops-leakage]\n      - moves\n"
    )
    path.write_text(text, encoding="utf-8")
    code, out, err = run("check", "--diff", "--unsafe-fixes", str(path))
    assert (code, out) == (1, "") and "would fix" not in err
    code, out, err = run("check", "--diff", str(path))
    assert (code, out) == (1, "")
    assert "offered with --unsafe-fixes" not in err
