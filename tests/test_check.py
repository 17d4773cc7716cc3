"""argmap.check (through argmap.api.check_bytes): consistency findings, codes and places."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.api import check_bytes, check_file
from argmap.model.keys import ID_PATTERN, slugify

from .conftest import SEED_MAP

HEAD = "argmap: 1\ntitle: t\n"


def found(text: str, path: Path | None = None) -> list[tuple[str, str]]:
    name = str(path / "m.yaml") if path else "m.yaml"
    return [(str(d.span), d.code) for d in check_bytes(text.encode(), name).diagnostics]


def test_the_seed_map_is_clean() -> None:
    checked = check_file(SEED_MAP)
    assert checked.diagnostics == ()
    assert checked.ok


def test_a_three_claim_cycle_is_reported_once_with_its_chain() -> None:
    text = HEAD + (
        "premises:\n  - id: p\n    text: P\n"
        "conclusions:\n"
        "  - id: a\n    text: A\n    reasons: [p, c]\n"
        "  - id: b\n    text: B\n    reasons: [a]\n"
        "  - id: c\n    text: C\n    reasons: [b]\n"
    )
    checked = check_bytes(text.encode(), "m.yaml")
    assert [d.code for d in checked.diagnostics] == ["AM105"]
    assert (
        "a → b → c → a" in checked.diagnostics[0].message
        or "c → b → a" in checked.diagnostics[0].message
    )


def test_undercut_by_a_reason_of_the_same_target_is_support_and_attack() -> None:
    text = HEAD + (
        "premises:\n  - id: p\n    text: P\n  - id: q\n    text: Q\n"
        "conclusions:\n  - id: c\n    text: C\n    reasons:\n"
        "      - q\n      - claims: p\n        objections: [q]\n"
    )
    assert found(text) == [("14:22", "AM107")]
    (diagnostic,) = check_bytes(text.encode(), "m.yaml").diagnostics
    assert diagnostic.message == (  # it attacks the step from 'p', not 'c' itself
        "'q' both supports 'c' and undercuts its step from 'p' (listed as a reason at 12:9)"
    )


def test_undercut_references_are_resolved() -> None:
    text = HEAD + (
        "premises:\n  - id: p\n    text: P\n"
        "conclusions:\n  - id: c\n    text: C\n    reasons:\n"
        "      - claims: p\n        objections: [qq]\n"
    )
    assert found(text) == [("11:22", "AM103")]


def test_an_isolated_claim_is_a_warning_not_an_error() -> None:
    text = HEAD + "premises:\n  - id: p\n    text: P\n  - id: q\n    text: Q\n"
    checked = check_bytes(text.encode(), "m.yaml")
    assert [d.code for d in checked.diagnostics] == ["AM201", "AM201"]
    assert checked.ok


def test_a_single_claim_map_is_not_warned_about() -> None:
    assert found(HEAD + "premises:\n  - id: p\n    text: P\n") == []


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=c#d", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,<script>", False),
        ("example.org/no-scheme", False),
        ("https://", False),
        ("https://exa mple.org", False),
        ("http://[::1", False),
    ],
)
def test_url_schemes(url: str, ok: bool) -> None:
    text = HEAD + f"source:\n  path: s.txt\n  url: '{url}'\npremises:\n  - id: p\n    text: P\n"
    codes = [code for _, code in found(text)]
    assert ("AM108" not in codes) == ok


def test_unreadable_sources(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9\n")
    for name in ("folder", "latin1.txt", "absent.txt"):
        text = HEAD + f"source:\n  path: {name}\npremises:\n  - id: p\n    text: P\n"
        assert found(text, tmp_path) == [("4:9", "AM109")]


def test_quotes_are_not_verified_when_the_source_is_unreadable(tmp_path: Path) -> None:
    text = HEAD + (
        "source:\n  path: absent.txt\npremises:\n  - id: p\n    text: P\n    quotes: [not there]\n"
    )
    assert found(text, tmp_path) == [("4:9", "AM109")]


def test_quote_not_found_points_at_the_quote_and_shows_the_closest_passage(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("First line.\nThe cat sat on the mat. Dogs bark.\n")
    text = HEAD + (
        "source:\n  path: s.txt\npremises:\n  - id: p\n    text: P\n"
        "    quotes:\n      - The cat sat on the mat\n      - The cat sat on a mat\n"
    )
    checked = check_bytes(text.encode(), str(tmp_path / "m.yaml"))
    (diagnostic,) = checked.diagnostics
    assert (str(diagnostic.span), diagnostic.code) == ("10:9", "AM110")
    assert 'closest passage (line 2): "The cat sat on the mat."' in diagnostic.message


def test_the_closest_passage_is_shown_in_the_sources_characters_cut_after_a_word(
    tmp_path: Path,
) -> None:
    """What the source says, as it says it (curly quotes, an em dash; a run of spaces as
    one), so that the difference from the quote can be seen; a long one cut at a word."""
    words = " ".join(f"word{n}" for n in range(40))
    (tmp_path / "s.txt").write_text(
        f"Europe\u2019s \u201cstrategy\u201d \u2014 one  of trust.\n{words} and more.\n"
    )
    text = HEAD + (
        "source:\n  path: s.txt\npremises:\n  - id: p\n    text: P\n"
        "    quotes:\n      - Europe's strategy -- one of trust\n"
        f"      - {words.replace('word30', 'wordy')}\n"
    )
    first, second = check_bytes(text.encode(), str(tmp_path / "m.yaml")).diagnostics
    assert first.message.endswith(
        'closest passage (line 1): "Europe\u2019s \u201cstrategy\u201d \u2014 one of trust."; '
        'only punctuation differs: the source has "\u201cstrategy\u201d" where the quote has '
        '"strategy"'
    )
    shown = second.message.split('closest passage (line 2): "')[1].split('"; ')[0]
    assert re.fullmatch(r"word0 word1( word\d+)+\.\.\.", shown)  # whole words, then ...
    assert 140 <= len(shown) <= 162
    assert second.message.endswith('the source has "word30" where the quote has "wordy"')


def test_the_closest_passage_to_part_of_a_sentence_is_that_part_and_names_the_words_that_differ(
    tmp_path: Path,
) -> None:
    """A unit of argument is often half a sentence ("X, but Y"): the passage shown is the
    half the quote lines up with, not the sentence, and the words that differ are named."""
    (tmp_path / "s.txt").write_text(
        "Considering their requirements, some video games are not relevant as sports, but this "
        "issue should be solvable through a clearly structured preselection process.\n"
        "Dog dirt requires my complete, ground-focused attention on my way to work.\n"
    )
    text = HEAD + (
        "source:\n  path: s.txt\npremises:\n  - id: p\n    text: P\n    quotes:\n"
        "      - some video games are not relevant as games\n"
        "      - this issue should be solvable through a clear preselection process\n"
        "      - Dog dirt requires my full, ground-focused attention on my way to work.\n"
        "      - Dog dirt requires my complete attention on my way to work … every day\n"
        "      - Dog dirt requires my complete … attention on my way to home.\n"
    )
    messages = [
        d.message.split("; ", 1)[1]
        for d in check_bytes(text.encode(), str(tmp_path / "m.yaml")).diagnostics
    ]
    assert messages == [
        'closest passage (line 1): "some video games are not relevant as sports"; '
        'the source has "sports" where the quote has "games"',
        'closest passage (line 1): "this issue should be solvable through a clearly structured '
        'preselection process."; the source has "clearly structured" where the quote has "clear"',
        'closest passage (line 2): "Dog dirt requires my complete, ground-focused attention on my '
        'way to work."; the source has "complete" where the quote has "full"',
        # an elision skips words on purpose: the part not found is named, and what differs in
        # it (not the words the elision skips)
        'its part 1 of 2, "Dog dirt requires my complete...", is not: closest passage (line 2): '
        '"Dog dirt requires my complete, ground-focused attention on my way to work."; the '
        'source has "ground-focused" where the quote has nothing',
        'its part 2 of 2, "attention on my way to home.", is not: closest passage (line 2): '
        '"attention on my way to work."; the source has "work" where the quote has "home"',
    ]


def test_a_quote_that_differs_in_punctuation_only_names_the_difference(tmp_path: Path) -> None:
    """The closest passage was shown, but nothing said what differs: a comma is easily missed."""
    (tmp_path / "s.txt").write_text(
        "\u201cConsidering their requirements, some games are not sports.\u201d\n"
        "Dog dirt requires my complete, ground-focused attention on my way to work.\n"
    )
    text = HEAD + (
        "source:\n  path: s.txt\npremises:\n  - id: p\n    text: P\n    quotes:\n"
        "      - Considering their requirements some games are not sports.\n"
        "      - Dog dirt requires my complete, ground-focused attention on my way to work!\n"
        "      - my complete ground-focused attention; on my way\n"
    )
    messages = [
        d.message.split('"; ', 1)[1]
        for d in check_bytes(text.encode(), str(tmp_path / "m.yaml")).diagnostics
    ]
    assert messages == [
        'only punctuation differs: the source has "requirements," where the quote has '
        '"requirements"',
        'only punctuation differs: the source has "work." where the quote has "work!"',
        'only punctuation differs: the source has "complete," where the quote has "complete", '
        '"attention" where the quote has "attention;"',
    ]


def test_a_quote_that_differs_in_a_hyphen_or_a_space_names_the_difference(tmp_path: Path) -> None:
    """A hyphen where the source has a space (or a no-break space) showed the closest passage,
    which looks the same, and said nothing of what differs."""
    (tmp_path / "s.txt").write_text(
        "Поэтому Казахстану следует, во\u00a0первых, ускорить переговоры.\n"
        "The pipeline runs from Baku via Tbilisi-Ceyhan to the sea.\n"
    )
    text = HEAD + (
        "source:\n  path: s.txt\npremises:\n  - id: p\n    text: P\n    quotes:\n"
        "      - во-первых, ускорить переговоры\n"
        "      - runs from Baku via Tbilisi Ceyhan to the sea\n"
    )
    messages = [
        d.message.split('"; ', 1)[1]
        for d in check_bytes(text.encode(), str(tmp_path / "m.yaml")).diagnostics
    ]
    assert messages == [
        'the source has "во первых," where the quote has "во-первых,"',
        'the source has "Tbilisi-Ceyhan" where the quote has "Tbilisi Ceyhan"',
    ]


def test_an_unknown_objection_to_a_step_or_an_objection_is_named_by_what_it_answers() -> None:
    # Every objection was named after the claim at the root of its chain ("objection 'ghost'
    # of 'c'"), though it answers a reason or another objection.
    text = HEAD + (
        "premises:\n  - id: p\n    text: P.\n  - id: x\n    text: X.\n  - id: y\n    text: Y.\n"
        "conclusions:\n  - id: c\n    text: C.\n    reasons:\n"
        "      - claims: [p]\n        objections: [zzz1]\n"
        "    objections:\n      - zzz2\n      - claims: [x]\n        objections:\n"
        "          - claims: [y]\n            objections: [zzz3]\n"
    )
    messages = [d.message for d in check_bytes(text.encode(), "m.yaml").diagnostics]
    assert [m.split(" is no claim")[0] for m in messages if "is no claim" in m] == [
        "objection 'zzz1' to reason 'p' of 'c'",
        "objection 'zzz2' of 'c'",
        "objection 'zzz3' to objection 'y' to objection 'x' of 'c'",
    ]


def test_a_claim_listed_twice_under_a_nested_objection_names_the_objection_it_answers() -> None:
    # "'y' is listed twice in the objections of an objection of 'c'": which one, not said.
    text = HEAD + (
        "premises:\n  - id: p\n    text: P.\n  - id: x\n    text: X.\n  - id: y\n    text: Y.\n"
        "conclusions:\n  - id: c\n    text: C.\n    reasons:\n"
        "      - claims: [p]\n        objections: [x, x]\n"
        "    objections:\n      - claims: [x]\n        objections: [y, y]\n"
    )
    messages = [d.message for d in check_bytes(text.encode(), "m.yaml").diagnostics]
    assert [m.split(" (first at")[0] for m in messages if "listed twice" in m] == [
        "'x' is listed twice in the objections to reason 'p' of 'c'",
        "'y' is listed twice in the objections to objection 'x' of 'c'",
    ]


def test_did_you_mean_for_unknown_ids() -> None:
    text = HEAD + "premises:\n  - id: supplier\n    text: P\n    objections: [suplier]\n"
    checked = check_bytes(text.encode(), "m.yaml")
    assert "did you mean 'supplier'?" in checked.diagnostics[0].message


@pytest.mark.parametrize(
    ("defined", "written", "codes"),
    [
        ("Safety", "safety", [("4:9", "AM101"), ("9:15", "AM103")]),  # the claim's id is wrong
        ("safety", "Safety", [("9:15", "AM103")]),  # the reference's case is wrong
        ("safety", "saftey", [("9:15", "AM103")]),  # a typo AM103 names
        ("safety", "roads", [("4:9", "AM201"), ("9:15", "AM103")]),  # nothing close: both
    ],
)
def test_a_claim_a_misspelt_reference_meant_is_not_called_unconnected(
    defined: str, written: str, codes: list[tuple[str, str]]
) -> None:
    text = HEAD + (
        f"premises:\n  - id: {defined}\n    text: Roads are unsafe.\n"
        f"conclusions:\n  - id: fix\n    text: Fix them.\n    reasons: [{written}]\n"
    )
    assert found(text) == codes


def test_a_recommendation_without_reasons_is_told_so_once() -> None:
    text = HEAD + (
        "premises:\n  - id: a\n    text: A.\n"
        "conclusions:\n  - id: c\n    text: C.\n    reasons: [a]\n"
        "recommendations:\n  - id: r\n    text: R.\n"
    )
    assert found(text) == [("11:5", "AM106")]  # not also AM201: its reasons are what it lacks


def test_claims_joined_into_one_reference_are_not_called_unconnected() -> None:
    text = HEAD + (
        "premises:\n  - id: a\n    text: A.\n  - id: b\n    text: B.\n"
        "conclusions:\n  - id: c\n    text: C.\n    reasons:\n      - a\n        - b\n"
    )
    assert [code for _, code in found(text)] == ["AM103"]


@pytest.mark.parametrize("bad", ["Energy", "energy_interest", "1st", "a--b", "a-", "-a", "é"])
def test_invalid_ids(bad: str) -> None:
    assert not ID_PATTERN.fullmatch(bad)
    assert ID_PATTERN.fullmatch(slugify(bad))


def test_long_ids_are_refused() -> None:
    text = HEAD + f"premises:\n  - id: {'a' * 65}\n    text: P\n"
    assert found(text) == [("4:9", "AM101")]


def test_diagnostics_are_sorted_by_position() -> None:
    text = HEAD + (
        "premises:\n  - id: B\n    text: P\n    objections: [zz]\n  - id: B\n    text: Q\n"
    )
    places = [place for place, _ in found(text)]
    assert places == sorted(places, key=lambda p: tuple(map(int, p.split(":"))))
    assert len(places) == 4


def test_a_quote_that_leaves_words_out_is_told_how_to_mark_it(tmp_path: Path) -> None:
    """A lecturer's students left words out of quotes and were told only which words the source
    has where the quote has nothing; the message now says how a quote skips words."""
    (tmp_path / "s.txt").write_text(
        "Europe must respond to Russia's aggression beyond its usual sphere of influence.\n",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").touch()
    text = (
        "argmap: 1\ntitle: t\nsource: {path: s.txt}\npremises:\n  - id: p\n    text: P\n"
        "    quotes: [Europe must respond beyond its usual sphere of influence]\n"
        "  - id: q\n    text: Q\n    quotes: [Europe must respond to Russia's attack]\n"
        "conclusions:\n  - id: c\n    text: C\n    implicit: true\n    reasons: [p, q]\n"
    )
    skipped, other = [
        d.message for d in check_bytes(text.encode(), str(tmp_path / "m.yaml")).diagnostics
    ]
    assert skipped.endswith(
        'the source has "to Russia\'s aggression" where the quote has nothing; to leave words '
        "out of a quote, write … (or ...) in their place"
    )
    assert "to leave words out" not in other  # words that differ are no words left out
