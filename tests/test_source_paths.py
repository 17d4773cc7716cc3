"""A source path that names no file: the message says which path was meant, when one is near
(written from the project's root or the current folder instead of the map's folder, or with a
slip in the file's name), and never points outside the project or into a hidden file."""

from __future__ import annotations

import difflib
import os
import random
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import check_file
from argmap.cli import main
from argmap.diagnostics import Severity
from argmap.meant import meant

MAP = "argmap: 1\ntitle: T\nsource:\n  path: {path}\npremises:\n  - id: a\n    text: A.\n"


def problem(project: Path, path: str) -> str:
    """The AM109 message of a map in ``project/maps`` whose source path is ``path``."""
    (project / "maps").mkdir(exist_ok=True)
    target = project / "maps" / "m.yaml"
    target.write_text(MAP.format(path=path), encoding="utf-8")
    found = [d for d in check_file(target).diagnostics if d.code == "AM109"]
    assert len(found) == 1, found
    return found[0].message


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "europe-central-asia-partnership.txt").write_text("Text.\n")
    return tmp_path


def test_a_path_written_from_the_projects_root_is_told_relative_to_the_map(
    project: Path,
) -> None:
    message = problem(project, "seeds/europe-central-asia-partnership.txt")
    assert message.endswith(
        "; a source path is relative to the map's folder: did you mean "
        "'../seeds/europe-central-asia-partnership.txt'?"
    )


def test_a_path_written_from_the_current_folder_is_told_relative_to_the_map(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project / "seeds")
    message = problem(project, "europe-central-asia-partnership.txt")
    assert "did you mean '../seeds/europe-central-asia-partnership.txt'?" in message


def test_a_slip_in_the_files_name_is_told_the_name_beside_it(project: Path) -> None:
    message = problem(project, "../seeds/europe-central-asia.txt")
    assert message.endswith("; did you mean '../seeds/europe-central-asia-partnership.txt'?")
    assert "relative to the map's folder" not in message


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "../seed/europe-central-asia-partnership.txt",
            "../seeds/europe-central-asia-partnership.txt",
        ),
        ("../sedes/europe-central-asia.txt", "../seeds/europe-central-asia-partnership.txt"),
    ],
)
def test_a_slip_in_the_folders_name_is_told_the_folder_beside_it(
    project: Path, written: str, said: str
) -> None:
    assert problem(project, written).endswith(f"; did you mean '{said}'?")
    near, long = project / "maps", "n" * 300 + "/seeds"  # a folder's name no system takes
    assert meant(long, near / long, near, [str(project)]) is None
    (project / ".seed").mkdir()  # a hidden folder is never offered
    (project / ".seed" / "europe-central-asia-partnership.txt").write_text("Secret.\n")
    assert problem(project, "../seed/europe-central-asia-partnership.txt").endswith(
        "; did you mean '../seeds/europe-central-asia-partnership.txt'?"
    )


@pytest.mark.parametrize(
    "address",
    ["https://rivertoncourier.example.com/opinion/harbor-street", "HTTP://example.org/op-ed.txt"],
)
def test_a_web_address_as_the_source_path_is_told_to_save_the_text(
    project: Path, address: str
) -> None:
    """A journalist gives the op-ed's address as its path: she was told the file was not found
    where argmap 'looked for maps/https:/rivertoncourier...', and not what to do."""
    message = problem(project, address)
    assert message.startswith(f"source file '{address}' not found (looked for ")
    assert message.endswith(
        "; it is a web address, and argmap reads a source text from a file: save the text "
        "(UTF-8) in the project, write its path here, and the address as the source's url"
    )


def test_nothing_near_nothing_said(project: Path) -> None:
    message = problem(project, "../seeds/budget-speech.txt")
    assert "did you mean" not in message
    assert message.startswith("source file '../seeds/budget-speech.txt' not found")


def test_no_hidden_file_and_nothing_outside_the_project_is_offered(
    project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "seeds" / ".europe-central-asia.txt").write_text("Secret.\n")
    (project / "seeds" / "europe-central-asia-partnership.txt").unlink()
    assert "did you mean" not in problem(project, "../seeds/europe-central-asia.txt")
    outside = tmp_path_factory.mktemp("outside")
    (outside / "speech.txt").write_text("Elsewhere.\n")
    monkeypatch.chdir(outside)
    assert "did you mean" not in problem(project, "speech.txt")


def test_the_path_meant_is_right_when_the_map_is_named_through_a_link(
    project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A project reached through a link (a checkout linked into a home folder, deeper or
    shallower than it lies): the path offered was counted from the link's place, such as
    '../../../deep/er/proj/seeds/...', which names no file from the map's real folder; it is
    counted from the map's folder, and once written the source is found."""
    elsewhere = tmp_path_factory.mktemp("home") / "a" / "b"
    elsewhere.mkdir(parents=True)
    (elsewhere / "link").symlink_to(project, target_is_directory=True)
    monkeypatch.chdir(elsewhere)
    problem(project, "seeds/europe-central-asia-partnership.txt")
    target = Path("link", "maps", "m.yaml")
    [found] = [d for d in check_file(target).diagnostics if d.code == "AM109"]
    assert found.message.endswith("did you mean '../seeds/europe-central-asia-partnership.txt'?"), (
        found.message
    )
    target.write_text(MAP.format(path="../seeds/europe-central-asia-partnership.txt"))
    assert [d.code for d in check_file(target).diagnostics if d.code < "AM200"] == []


def test_a_current_folder_since_removed_is_no_place_to_look(
    project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """argmap run from a folder removed since (a shell left in a deleted build folder, an
    editor's server in a renamed workspace) ended in FileNotFoundError from getcwd when a
    source was missing; the path meant is still looked for from the project's root."""
    gone = tmp_path_factory.mktemp("gone")
    monkeypatch.chdir(gone)
    gone.rmdir()
    message = problem(project, "seeds/europe-central-asia-partnership.txt")
    assert message.endswith("did you mean '../seeds/europe-central-asia-partnership.txt'?")


def test_a_folder_outside_the_project_is_never_listed(
    project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path meant is looked for among the names of the missing file's folder only when
    that folder is one argmap reads (the editor asks with paths of older texts, unchecked)."""
    outside = tmp_path_factory.mktemp("outside")
    (outside / "speech.txt").write_text("Elsewhere.\n")
    listed: list[str] = []
    scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path: listed.append(str(path)) or scandir(path))
    near = project / "maps"
    near.mkdir()
    folders = [str(project.resolve())]
    assert meant(str(outside / "speach.txt"), outside / "speach.txt", near, folders) is None
    assert meant("../seeds/.hidden/x.txt", project / "seeds/.hidden/x.txt", near, folders) is None
    assert listed == []


def test_a_slip_among_many_alike_long_names_is_told_comparing_few_in_full(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder of 1,000 files whose long names differ in a few letters (exports, scans): each
    name was compared in full with the missing one (difflib's ratio, 1.5 s in all, asked again
    at each request of the language server); now only the few that share most runs of letters
    with it are, and the name meant is still found."""
    seeds = project / "seeds"
    rng = random.Random(3)
    letters = string.ascii_letters + string.digits + "-_"
    base = [rng.choice(letters) for _ in range(236)]
    names = []
    for _ in range(1000):
        name = list(base)
        for _ in range(10):
            name[rng.randrange(len(name))] = rng.choice(letters)
        names.append("".join(name) + ".txt")
    for name in names:
        (seeds / name).touch()
    wanted = names[617]
    compared: list[str] = []
    ratio = difflib.SequenceMatcher.ratio
    monkeypatch.setattr(
        difflib.SequenceMatcher, "ratio", lambda self: compared.append(self.b) or ratio(self)
    )
    message = problem(project, "../seeds/" + wanted[:100] + wanted[101:])
    assert message.endswith(f"; did you mean '../seeds/{wanted}'?")
    assert 1 <= len(set(compared)) <= 20  # names compared in full (each twice, by difflib)


QUOTED = (
    "argmap: 1\ntitle: T\nsource:\n  path: {path}\npremises:\n  - id: a\n    text: A.\n"
    "    quotes: [Germany produces too much rubbish]\n"
)


def quoted_problem(project: Path, path: str, code: str = "AM109") -> str:
    """The message of a map in ``project/maps`` quoting the waste text, its source ``path``."""
    (project / "maps").mkdir(exist_ok=True)
    target = project / "maps" / "m.yaml"
    target.write_text(QUOTED.format(path=path), encoding="utf-8")
    found = [d for d in check_file(target).diagnostics if d.code == code]
    assert len(found) == 1, found
    return found[0].message


@pytest.fixture
def corpus(project: Path) -> Path:
    """A folder of texts beside maps/: the waste text (micro_b001) among others like it."""
    (project / "texts").mkdir()
    (project / "texts" / "micro_b001.txt").write_text("Germany produces too much rubbish.\n")
    (project / "texts" / "micro_b001.xml").write_text("<edu>Germany produces too much rubbish")
    (project / "texts" / "micro_b010.txt").write_text("Pets should be allowed in flats.\n")
    return project


def test_of_names_alike_the_one_holding_the_maps_quotes_is_meant(corpus: Path) -> None:
    """'micro_b01.txt' is most like micro_b010.txt by name; micro_b001.txt holds the quotes."""
    assert quoted_problem(corpus, "../texts/micro_b01.txt").endswith(
        "; did you mean '../texts/micro_b001.txt'?"
    )


def test_a_name_without_its_extension_means_the_text_not_the_annotation(corpus: Path) -> None:
    assert quoted_problem(corpus, "../texts/micro_b001").endswith(
        "; did you mean '../texts/micro_b001.txt'?"
    )


def test_a_bare_name_is_found_in_another_folder_of_the_project(corpus: Path) -> None:
    assert quoted_problem(corpus, "micro_b001.txt").endswith(
        "; did you mean '../texts/micro_b001.txt'?"
    )


def test_one_dot_dot_too_many_is_told_the_file_in_the_project(corpus: Path) -> None:
    """Outside the project, as argmap says (and reads nothing there); the file meant is in it."""
    said = quoted_problem(corpus, "../../texts/micro_b001.txt", "AM117")
    assert "is outside the map's project" in said
    assert said.endswith("; did you mean '../texts/micro_b001.txt'?")


def test_the_fix_offered_is_the_path_the_check_names(corpus: Path) -> None:
    """``check --fix --unsafe-fixes`` writes the file that holds the quotes, as the message
    says; it wrote the name most alike (micro_b010.txt, another text)."""
    target = corpus / "maps" / "m.yaml"
    target.parent.mkdir()
    target.write_text(QUOTED.format(path="../texts/micro_b01.txt"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", "--unsafe-fixes", str(target)])
    assert result.exit_code == 0, result.output
    assert "path: ../texts/micro_b001.txt\n" in target.read_text(encoding="utf-8")


def test_the_fix_looks_in_the_source_root_too(tmp_path: Path) -> None:
    """A map whose texts are in a shared folder given with --source-root: the fix of a slip
    in the file's name finds it there (it looked in the map's project only)."""
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / ".git").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "waste.txt").write_text("Germany produces too much rubbish.\n")
    target = tmp_path / "project" / "m.yaml"
    target.write_text(QUOTED.format(path="../shared/wast.txt"), encoding="utf-8")
    root = str(tmp_path / "shared")
    result = CliRunner().invoke(
        main, ["check", "--fix", "--unsafe-fixes", "--source-root", root, str(target)]
    )
    assert result.exit_code == 0, result.output
    assert "path: ../shared/waste.txt\n" in target.read_text(encoding="utf-8")


def test_the_search_for_a_bare_name_follows_no_link_out_of_the_project(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder of the project that is a link to one outside it is not listed (nothing there
    was ever opened, but its names were read)."""
    outside = tmp_path_factory.mktemp("outside")
    (outside / "micro_b001.txt").write_text("Germany produces too much rubbish.\n")
    (corpus / "elsewhere").symlink_to(outside, target_is_directory=True)
    listed: list[str] = []
    scandir = os.scandir

    def watched(path):  # type: ignore[no-untyped-def]
        listed.append(os.path.realpath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", watched)
    said = quoted_problem(corpus, "micro_b001.txt")
    assert said.endswith("; did you mean '../texts/micro_b001.txt'?")
    assert listed and not [path for path in listed if path.startswith(str(outside))]


def test_a_source_path_is_fixed_with_the_quote_its_text_then_shows_a_slip_in(
    tmp_path: Path,
) -> None:
    """A student's map one folder deeper than the teacher's, its source path one '..' short
    and a quote with a slip ('a screens'): the path was not fixed, as its text then missed
    that quote, though the quote's own fix was offered (unsafe: a word changed); with
    --unsafe-fixes both are made now, and the map checks clean."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "waste.txt").write_text(
        "Germany produces too much rubbish. Recycling is not enough.\n", encoding="utf-8"
    )
    target = tmp_path / "class" / "students" / "m.yaml"
    target.parent.mkdir(parents=True)
    slipped = QUOTED.format(path="../seeds/waste.txt").replace("much rubbish", "many rubbish")
    target.write_text(slipped + "  - id: b\n    text: B.\n    quotes: [Recycling is not enough]\n",
                      encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(main, ["check", "--fix", "--unsafe-fixes", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "path: ../../seeds/waste.txt\n" in text and "too much rubbish" in text
    # Each fix is listed where it was made in the map as it was, with the words it changed
    # (the quote's was listed 3 columns late, '…s many rubbish', after the longer path).
    assert f'{target}:4:9: source path: "../seeds/waste.txt" → "../../seeds/waste.txt"' in (
        result.output
    )
    assert f'{target}:8:14: quote: "… too many rubbish" → "… too much rubbish."' in (result.output)
    assert not [d for d in check_file(target).diagnostics if d.severity is Severity.ERROR]


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "waste.txt").write_text("Germany produces too much rubbish.\n")
    (tmp_path / "texts" / "budget.txt").write_text("Other.\n")
    return tmp_path


@pytest.mark.parametrize(
    "written",
    ["../texts/WAST.TXT", "../TEXTS/WAST.TXT", "../Texts/WASTE.txt", "../texts/WASTE.TXT"],
)
def test_a_path_in_another_case_with_a_slip_is_told_the_file_meant(
    texts: Path, written: str
) -> None:
    """'../TEXTS/WAST.TXT', typed in capitals with a letter left out: the wrong case alone or
    the slip alone were told the file, both together nothing (names compared as written)."""
    target = texts / "maps" / "m.yaml"
    target.parent.mkdir()
    target.write_text(QUOTED.format(path=written), encoding="utf-8")
    [found] = [d for d in check_file(target).diagnostics if d.code == "AM109"]
    assert found.message.endswith("; did you mean '../texts/waste.txt'?")
    result = CliRunner().invoke(main, ["check", "--fix", str(target)])
    if "WASTE" in written:  # the same name in another case: what Windows reads, a safe fix
        assert result.exit_code == 0, result.output
        assert "path: ../texts/waste.txt\n" in target.read_text(encoding="utf-8")
        return
    assert result.exit_code == 1  # a guess: only with --unsafe-fixes
    assert f"path: {written}\n" in target.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", "--unsafe-fixes", str(target)])
    assert result.exit_code == 0, result.output
    assert "path: ../texts/waste.txt\n" in target.read_text(encoding="utf-8")


def test_a_slip_in_lower_case_is_told_a_file_named_in_capitals(texts: Path) -> None:
    (texts / "texts" / "waste.txt").rename(texts / "texts" / "WASTE.TXT")
    target = texts / "maps" / "m.yaml"
    target.parent.mkdir()
    target.write_text(QUOTED.format(path="../texts/wast.txt"), encoding="utf-8")
    [found] = [d for d in check_file(target).diagnostics if d.code == "AM109"]
    assert found.message.endswith("; did you mean '../texts/WASTE.TXT'?")


def test_two_files_alike_in_all_but_case_are_no_guess_for_a_slip(texts: Path) -> None:
    """'WAST.TXT' between 'waste.txt' and 'Waste.txt', both holding the quotes: which one?
    Nothing is offered, rather than one of them at random."""
    (texts / "texts" / "Waste.txt").write_text("Germany produces too much rubbish.\n")
    target = texts / "maps" / "m.yaml"
    target.parent.mkdir()
    target.write_text(QUOTED.format(path="../texts/WAST.TXT"), encoding="utf-8")
    [found] = [d for d in check_file(target).diagnostics if d.code == "AM109"]
    assert "did you mean" not in found.message
