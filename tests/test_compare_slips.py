"""``argmap compare`` of a student's map with the slips students make: a quote a word off, a
wrong source path, a format error, a renamed claim still named as a reason. Each is said, and
costs the student no more than the slip itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.analysis.compare import compare
from argmap.api import check_file
from argmap.model import ArgumentMap
from argmap.read.source import SourceText

from .conftest import run
from .test_compare import ANSWER, SOURCE, STUDENT

#: The student's quotes, each a word off the source (a spelling, a word added, one swapped),
#: and a quote of the student's own, in no passage of the source.
SLIPS = {
    "quotes: Traffic in city centres kills hundreds of people\n":
        "quotes: Traffic in city centers kills hundreds of people\n",
    "quotes: Some argue that shops will lose customers\n":
        "quotes: Some argue that the shops will lose customers\n",
    "quotes: footfall rose after the ban\n": "quotes: footfall rose after a ban\n",
    "    quotes: Cities should ban cars from their centres.\n":
        "    quotes: Cities must ban cars from their centres.\n",
    "    implicit: true\n": "    quotes: Nobody wants to walk to the shops in the rain\n",
}  # fmt: skip


def slipped(text: str = STUDENT) -> str:
    for right, wrong in SLIPS.items():
        assert right in text
        text = text.replace(right, wrong)
    return text


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "answer.yaml").write_text(ANSWER, encoding="utf-8")
    return tmp_path


def test_a_quote_a_word_off_pairs_by_the_passage_check_fix_would_put_in_its_place(
    folder: Path,
) -> None:
    """Claims pair as they did with the quotes right; the quote in no passage pairs nothing;
    how many quotes were not found, and how many stand for their closest passage, is told."""
    (folder / "student.yaml").write_text(slipped(), encoding="utf-8")
    first, second = load(folder / "answer.yaml"), load(folder / "student.yaml")
    result = compare(first, second, SourceText(SOURCE))
    assert [(p.first, p.second, p.by) for p in result.pairs] == [
        ("deaths", "traffic-kills", "quotes"),
        ("pollution", "air", "quotes"),
        ("shops", "customers", "quotes"),
        ("oslo", "oslo-study", "quotes"),
        ("ban", "ban-cars", "quotes"),
    ]
    assert result.theses == ("ban", "ban")
    assert result.quotes is not None
    assert (result.quotes.count, result.quotes.not_found, result.quotes.closest) == (6, 5, 4)
    right = compare(first, load_text(folder, STUDENT), SourceText(SOURCE))
    assert result.links_agreement == right.links_agreement
    assert right.quotes is not None and right.quotes.not_found == 0
    assert compare(first, second, None).quotes is None  # by wording: no quote looked for


def load(path: Path) -> ArgumentMap:
    """A map read with its errors (a quote not found is one)."""
    amap = check_file(path).map
    assert amap is not None
    return amap


def load_text(folder: Path, text: str, name: str = "other.yaml") -> ArgumentMap:
    (folder / name).write_text(text, encoding="utf-8")
    return load(folder / name)


def test_a_quote_far_off_is_left_out_of_the_pairing(folder: Path) -> None:
    """A quote that only a person could tell is the passage meant (half its words another)
    stands for nothing: the claim pairs by its wording, or not at all."""
    far = STUDENT.replace(
        "quotes: Traffic in city centres kills hundreds of people\n",
        "quotes: Road traffic in our city kills many people\n",
    )
    result = compare(load(folder / "answer.yaml"), load_text(folder, far), SourceText(SOURCE))
    assert "traffic-kills" in result.extra and "deaths" in result.missing
    assert result.quotes is not None
    assert (result.quotes.not_found, result.quotes.closest) == (1, 0)


def test_cli_compare_says_how_many_quotes_were_not_found(folder: Path) -> None:
    (folder / "student.yaml").write_text(slipped(), encoding="utf-8")
    answer, student = folder / "answer.yaml", folder / "student.yaml"
    result = run("compare", str(answer), str(student))
    assert result.exit_code == 1  # the quotes not found are errors of the student's map
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        f"claims: 5 of 5 of {answer} are in {student} (100%); 0 missing, 1 extra",
        f"quotes: 5 of 6 of {student} are not in the source: 4 taken for the passage closest "
        "to them (as check --fix mends them), 1 left out",
    ]
    assert "thesis: ban in both" in lines
    as_json = json.loads(
        run("compare", "--output-format", "json", str(answer), str(student)).stdout
    )
    assert as_json[0]["quotes"] == {"count": 6, "not_found": 5, "closest": 4}
    clean = folder / "clean.yaml"
    clean.write_text(STUDENT, encoding="utf-8")
    assert not [line for line in run("compare", str(answer), str(clean)).stdout.splitlines()
                if line.startswith("quotes:")]  # fmt: skip
    again = json.loads(run("compare", "--output-format", "json", str(answer), str(clean)).stdout)
    assert again[0]["quotes"] == {"count": 5, "not_found": 0, "closest": 0}
