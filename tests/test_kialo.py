"""Kialo discussions, as Kialo exports them to text, imported into maps that check clean: a
debate coach's discussion becomes a map with its Pros as reasons and its Cons as objections."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.api import check_bytes
from argmap.cli import main
from argmap.formats import kialo
from argmap.formats.base import FormatError, Imported
from argmap.formats.yaml import dump
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref, Role
from argmap.read.loader import load

from .conftest import SEED_MAP
from .docs_text import block
from .strategies import argument_maps

CARS = """\
Discussion Title: Should all cars in cities be electric?

1. All cars in cities should be electric.
1.1. Pro: Electric cars do not pollute the air of the street \\(see [a study](https://example.org/study)\\).
1.1.1. Con: Their tyres and brakes still raise dust.
1.1.1.1. Con: Electric cars brake with their motors, which raises no dust.
1.1.2. Pro: Exhaust causes asthma in children.
1.2. Con: Electric cars cost more than most families can pay.
1.2.1. Con: Their running costs are lower,
so over ten years they cost less.
1.3. Pro: -> See 1.1.2.
1.4. Pro: Cities would be quieter.
"""


def _read(text: str, name: str = "cars.txt") -> Imported:
    return kialo.read(text.encode("utf-8"), path=name)


def _claim(amap: ArgumentMap, words: str) -> Claim:
    (found,) = [claim for claim in amap.claims if claim.text.startswith(words)]
    return found


def _reasons(claim: Claim) -> list[list[str]]:
    return [[ref.id for ref in reason.claims] for reason in claim.reasons]


def _objections(claim: Claim) -> list[list[str]]:
    return [[o.id] if isinstance(o, Ref) else [r.id for r in o.claims] for o in claim.objections]


def test_pros_are_reasons_cons_objections_and_a_repeat_is_the_same_claim() -> None:
    imported = _read(CARS)
    amap = imported.map
    assert amap.title == "Should all cars in cities be electric?"
    thesis = _claim(amap, "All cars in cities")
    pollute, asthma = _claim(amap, "Electric cars do not"), _claim(amap, "Exhaust causes")
    quieter, cost = _claim(amap, "Cities would"), _claim(amap, "Electric cars cost")
    assert thesis.thesis and thesis.kind is Kind.RECOMMENDATION
    # 1.3 repeats 1.1.2: one claim, a reason both of the thesis and of 1.1
    assert _reasons(thesis) == [[pollute.id], [asthma.id], [quieter.id]]
    assert _reasons(pollute) == [[asthma.id]]
    assert _objections(thesis) == [[cost.id]]
    assert len(amap.claims) == 8
    dust = _claim(amap, "Their tyres")
    assert _objections(pollute) == [[dust.id]]
    assert _objections(dust) == [[_claim(amap, "Electric cars brake").id]]
    assert pollute.kind is Kind.CONCLUSION and quieter.kind is Kind.PREMISE


def test_text_over_lines_links_and_numbers_are_kept() -> None:
    amap = _read(CARS).map
    pollute = _claim(amap, "Electric cars do not")
    assert pollute.text == "Electric cars do not pollute the air of the street (see a study)."
    assert pollute.url == "https://example.org/study"
    assert pollute.note == "Kialo 1.1."
    costs = _claim(amap, "Their running costs")
    assert costs.text == "Their running costs are lower, so over ten years they cost less."


def test_a_link_whose_address_holds_parentheses_is_a_link() -> None:
    # Wikipedia's addresses often do: Kialo writes them as they are, as CommonMark allows
    text = (
        "1. Pluto should be a planet again.\n"
        "1.1. Pro: It is round \\(see [Wikipedia](https://en.wikipedia.org/wiki/Pluto_(dwarf_planet))\\).\n"
    )
    (claim,) = [c for c in _read(text).map.claims if c.text.startswith("It is round")]
    assert claim.text == "It is round (see Wikipedia)."
    assert claim.url == "https://en.wikipedia.org/wiki/Pluto_(dwarf_planet)"


def test_a_line_of_a_claim_starting_with_a_number_goes_on_with_its_text() -> None:
    # Kialo numbers one claim at the top, 1.; a line "2006. ..." or "2. ..." below it is text
    text = (
        "Discussion Title: Is Pluto a planet?\n\n"
        "1. Pluto should be called a planet again.\n"
        "1.1. Con: Being round is not enough: in\n"
        "2006. the IAU said a planet must also clear its orbit.\n"
        "1.2. Con: Two things tell a planet:\n1. it is round,\n2. it clears its orbit.\n"
    )
    imported = _read(text)
    texts = sorted(claim.text for claim in imported.map.claims)
    assert texts == [
        "Being round is not enough: in 2006. the IAU said a planet must also clear its orbit.",
        "Pluto should be called a planet again.",
        "Two things tell a planet: 1. it is round, 2. it clears its orbit.",
    ]
    assert imported.notes == ()


def test_roles_say_who_holds_each_claim() -> None:
    amap = _read(CARS).map
    assert _claim(amap, "All cars").role is Role.PROPONENT
    assert _claim(amap, "Their tyres").role is Role.OPPONENT  # a Con of a Pro
    assert _claim(amap, "Exhaust causes").role is Role.PROPONENT  # in two places, both Pro
    assert _claim(amap, "Electric cars brake").role is Role.PROPONENT  # a Con of a Con
    assert _claim(amap, "Electric cars cost").role is Role.OPPONENT
    assert _claim(amap, "Their running").role is Role.PROPONENT


def test_the_imported_map_checks_clean_and_the_cli_writes_it(tmp_path: Path) -> None:
    (tmp_path / "cars.txt").write_text(CARS, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["import", "kialo", str(tmp_path / "cars.txt")])
    assert result.exit_code == 0, result.output
    written = tmp_path / "cars.yaml"
    assert check_bytes(written.read_bytes(), str(written)).diagnostics == ()
    assert runner.invoke(main, ["check", str(written)]).exit_code == 0


def test_check_given_a_kialo_export_names_the_import(tmp_path: Path) -> None:
    for name, text in (("cars.txt", CARS), ("bare.txt", CARS.split("\n", 2)[2])):
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["check", str(tmp_path / name)])
        assert result.exit_code == 1
        assert "[AM017]" in result.output and "a Kialo discussion" in result.output
        target = tmp_path / name.replace(".txt", ".yaml")
        assert f"argmap import kialo {tmp_path / name} -o {target}" in result.output


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("start", ["", "\ufeff", "\n\n", "\ufeff \n\t\n"])
def test_a_kialo_export_is_recognised_whatever_its_line_ends(start: str, end: str) -> None:
    bare = CARS.split("\n", 2)[2]  # no title: the thesis, then a claim with a stance
    for text in (start + CARS, start + bare):  # blank lines first: the import skips them
        assert _read(text.replace("\n", end)).map.claims
        checked = check_bytes(text.replace("\n", end).encode(), "cars.txt")
        assert [d.code for d in checked.diagnostics] == ["AM017"], checked.diagnostics


def test_several_theses_under_a_question() -> None:
    text = (
        "Discussion Title: What should the city do about traffic?\n\n"
        "1. What should the city do about traffic?\n"
        "1.1. The city should build more bike lanes.\n"
        "1.1.1. Pro: Bike lanes take cars off the road.\n"
        "1.2. The city should charge cars to enter the centre.\n"
        "1.2.1. Con: A charge hurts those who must drive.\n"
    )
    imported = _read(text)
    amap = imported.map
    assert len(amap.claims) == 4  # the question is no claim ...
    assert amap.note is not None and "What should the city do about traffic?" in amap.note
    # ... and the theses answer it side by side: none is the map's thesis, and a note says so
    assert [claim.text for claim in amap.claims if claim.thesis] == []
    assert any("2 theses, side by side" in note for note in imported.notes)
    charge = _claim(amap, "The city should charge")
    assert charge.role is Role.PROPONENT
    assert check_bytes(dump(amap).encode(), "m.yaml").diagnostics == ()


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        (["1.3.1. Pro: Under a number no claim has."], "under a number no claim has"),
        (["1.3. Pro: -> See 1.9."], "repeating (-> See) a claim not in the map"),
        (["1.3. A claim without a stance."], "with no stance (Pro or Con)"),
        (["1.1.2. Pro: -> See 1.1."], "that support or object to themselves"),
        (["1.1. Pro: The same number twice."], "whose number an earlier claim has"),
        (["1.3. Con: -> See 1.1."], "both for and against the same claim"),
    ],
)
def test_what_a_map_cannot_hold_is_left_out_with_a_note(lines: list[str], said: str) -> None:
    text = "1. Thesis should hold.\n1.1. Pro: A reason.\n1.2. Con: An objection.\n"
    imported = _read(text + "\n".join(lines) + "\n")
    assert any(said in note for note in imported.notes), imported.notes
    assert check_bytes(dump(imported.map).encode(), "m.yaml").ok


def test_notes_name_long_numbers_briefly() -> None:
    """A number of 10,000 levels is said in a few words, not in full ten times a note."""
    deep = "1." * 10_000
    text = "1. Thesis should hold.\n1.1. Pro: A reason.\n"
    text += "".join(f"{deep}{k}. Pro: Under a number no claim has.\n" for k in range(12))
    text += f"1.2. Pro: -> See {deep}\n"
    notes = _read(text).notes
    assert any("under a number no claim has, left out (12): 1.1.1." in note for note in notes)
    assert any("repeating (-> See) a claim not in the map" in note for note in notes)
    assert max(len(note) for note in notes) < 1000, [len(note) for note in notes]


def test_a_circle_of_repeats_is_broken_with_a_note() -> None:
    text = "1. A should hold.\n1.1. Pro: B holds.\n1.1.1. Pro: C holds.\n"
    text += "1.1.1.1. Pro: -> See 1.1.\n"
    imported = _read(text)
    assert any("in a circle" in note for note in imported.notes), imported.notes
    assert check_bytes(dump(imported.map).encode(), "m.yaml").ok


def test_lone_carriage_returns_end_lines() -> None:
    amap = _read(CARS.replace("\n", "\r")).map
    assert len(amap.claims) == 8


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"just some words\n1. A thesis.\n", "line 1 is neither its title"),
        (b"Discussion Title: nothing\n\n", "no numbered claims"),
        (b"\xff\xfe1. A\n", "UTF-16, not UTF-8"),
        (b"1. A\x00\n", "NUL"),
        (b"1. -> See 1.\n", "no claims to import"),
    ],
)
def test_other_files_are_refused_saying_why(data: bytes, said: str) -> None:
    with pytest.raises(FormatError, match=said.replace("(", r"\(")):
        kialo.read(data, path="x.txt")


@pytest.mark.parametrize(
    ("markdown", "text", "url"),
    [
        # an escaped "[" opens no link (Kialo shows the brackets and the address as typed)
        ("\\[not a link](https://example.org/a)", "[not a link](https://example.org/a)", None),
        ("a \\\\[link](https://example.org/b)", "a \\link", "https://example.org/b"),
        ("[a [b](https://example.org/c)", "[a b", "https://example.org/c"),
        # an address with a character argmap refuses is no link (the import failed on it)
        ("[a](https://example.org/\u202e) b", "a b", None),
        ("[a](https://example.org/\x01)", "a", None),
        (
            "[a](https://example.org/\ufffe) [b](https://example.org/b)",
            "a b",
            "https://example.org/b",
        ),
    ],
)
def test_markdown_links_are_read_as_kialo_shows_them(
    markdown: str, text: str, url: str | None
) -> None:
    amap = _read(f"1. {markdown}\n").map
    assert [(claim.text, claim.url) for claim in amap.claims] == [(text, url)]


@st.composite
def _discussions(draw: st.DrawFn) -> str:
    """Kialo exports: a tree of claims with stances, repeats and Markdown, some of it bad."""
    words = st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=80)
    numbers: list[str] = ["1."]
    lines = [draw(st.sampled_from(["Discussion Title: " + draw(words), ""])), "1. " + draw(words)]
    for _ in range(draw(st.integers(0, 25))):
        parent = draw(st.sampled_from(numbers))
        number = f"{parent}{draw(st.integers(1, 4))}."
        stance = draw(st.sampled_from(["Pro: ", "Con: ", "", "Pro: "]))
        see = st.sampled_from(numbers).map(lambda n: f"-> See {n}")
        link = st.builds("[{}](https://example.org/{})".format, words, words)
        text = draw(st.one_of(words, see, link))
        lines.append(f"{number} {stance}{text}")
        if draw(st.booleans()):
            lines.append(draw(words))  # a text going on over a line
        numbers.append(number)
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(_discussions())
def test_any_discussion_imports_into_a_map_without_errors(text: str) -> None:
    try:
        imported = kialo.read(text.encode("utf-8"), path="d.txt")
    except FormatError as error:  # refused for what the file is, not for a map built wrong
        assert str(error).startswith(("not a Kialo discussion", "no claims to import")), error
        return
    checked = check_bytes(dump(imported.map).encode("utf-8"), "d.yaml")
    assert checked.ok, (text, [d.message for d in checked.diagnostics])


# --- export ---------------------------------------------------------------------------------


def _structure(amap: ArgumentMap) -> set[tuple[str, str, str]]:
    """Each Pro and Con as (claim text, stance, claim text), ids aside."""
    text = {claim.id: claim.text for claim in amap.claims}
    out = set()
    for claim in amap.claims:
        out |= {(claim.text, "Pro", text[m]) for ms in _reasons(claim) for m in ms}
        out |= {(claim.text, "Con", text[m]) for ms in _objections(claim) for m in ms}
    return out


def test_a_discussion_comes_back_from_its_export() -> None:
    first = _read(CARS).map
    exported = kialo.write(first)
    again = _read(exported.text).map
    assert _structure(again) == _structure(first)
    assert sorted(c.text for c in again.claims) == sorted(c.text for c in first.claims)
    # a claim in two places, once in full; in the discussion's order, so at its own number
    assert "1.3. Pro: -> See 1.1.2." in exported.text and "1.3. Pro: -> See 1.1.2." in CARS
    assert exported.text.startswith(
        "Discussion Title: Should all cars in cities be electric?\n\n1. "
    )


TRAFFIC = """\
Discussion Title: What should the city do about traffic?

1. What should the city do about traffic?
1.1. The city should charge cars to enter the centre.
1.1.1. Con: A charge hurts those who must drive.
1.2. The city should make buses free.
1.2.1. Pro: Free buses take cars off the road.
1.2.1.1. Con: Free buses mostly draw people who walked or cycled.
1.3. The city should build more bike lanes.
1.3.1. Pro: -> See 1.2.1.
"""


def test_a_discussion_with_several_theses_comes_back_with_the_same_theses() -> None:
    # the map has one thesis (the first); the others are still theses of the export, and the
    # claims under them stay under them, however the map's file orders its claims
    first = _read(TRAFFIC).map
    exported = kialo.write(first).text
    assert exported.splitlines()[2:] == TRAFFIC.splitlines()[2:]
    assert _structure(_read(exported).map) == _structure(first)


def test_the_seed_map_exports_saying_what_kialo_cannot_hold(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["export", "kialo", str(SEED_MAP), "-o", str(tmp_path / "s.txt")]
    )
    assert result.exit_code == 0, result.output
    assert "left out: 29 quotes" in result.output and "the kinds" in result.output
    assert "2 linked reasons or objections: each of their claims is a Pro or a Con" in result.output
    assert "4 objections to reasons: each is a Con of the claims it attacks" in result.output
    # claims the thesis does not reach are theses of their own, under the title as a question
    text = (tmp_path / "s.txt").read_text(encoding="utf-8")
    assert text.splitlines()[2] == "1. Europe & Central Asia: a partnership with mutual benefits"
    back = CliRunner().invoke(main, ["import", "kialo", str(tmp_path / "s.txt")])
    assert back.exit_code == 0, back.output
    # claims defeated now that undercuts are Cons (said above); no other finding
    assert set(re.findall(r"\[(AM\d+)\]", back.output)) <= {"AM202", "AM203"}, back.output
    seed, again = (
        check_bytes(path.read_bytes(), str(path)).map for path in (SEED_MAP, tmp_path / "s.yaml")
    )
    assert seed is not None and again is not None
    assert sorted(c.text for c in again.claims) == sorted(
        " ".join(c.text.split()) for c in seed.claims
    )


TRICKY = """\
argmap: 1
title: Tricky texts
recommendations:
  - id: thesis
    text: "Pro: a thesis that starts like a stance should stay one."
    thesis: true
    reasons: [link, repeat, slash]
premises:
  - id: link
    text: "[these words](https://example.org) are no link"
  - id: repeat
    text: "-> See 1. is what this claim says"
  - id: slash
    text: 'a back\\slash, \\( and [brackets]'
"""


def test_text_that_kialo_would_read_otherwise_is_escaped_and_comes_back() -> None:
    amap = check_bytes(TRICKY.encode(), "t.yaml").map
    assert amap is not None
    lines = kialo.write(amap).text.splitlines()
    assert lines[2:] == [
        "1. Pro\\: a thesis that starts like a stance should stay one.",
        "1.1. Pro: \\[these words\\]\\(https://example.org\\) are no link",
        "1.2. Pro: \\-> See 1. is what this claim says",
        "1.3. Pro: a back\\\\slash, \\\\\\( and \\[brackets\\]",
    ]
    again = _read("\n".join(lines)).map
    assert sorted(c.text for c in again.claims) == sorted(c.text for c in amap.claims)
    assert _structure(again) == _structure(amap)


def test_a_map_with_a_dangling_reference_exports_like_the_other_formats() -> None:
    """From Python, a map with errors can be given to any exporter; Kialo's failed with a
    KeyError where the others write what the map holds."""
    text = TRICKY.replace("reasons: [link, repeat, slash]", "reasons: [link, gone]")
    amap, _ = load(text.encode(), "t.yaml")
    assert amap is not None
    lines = kialo.write(amap).text.splitlines()
    # the thesis does not reach 'repeat' and 'slash' now: theses of their own, under the title
    assert lines[2:5] == [
        "1. Tricky texts",
        "1.1. Pro\\: a thesis that starts like a stance should stay one.",
        "1.1.1. Pro: \\[these words\\]\\(https://example.org\\) are no link",
    ]


@pytest.mark.parametrize(
    "title", ["[Cars](https://example.org): yes or no?", "a \\( b \\\\ c", "-> See 1."]
)
def test_a_title_kialo_would_read_otherwise_comes_back(title: str) -> None:
    amap = check_bytes(TRICKY.replace("Tricky texts", json.dumps(title)).encode(), "t.yaml").map
    assert amap is not None and amap.title == title
    assert _read(kialo.write(amap).text).map.title == title


def _chain(depth: int) -> bytes:
    """A map whose thesis has a reason that has a reason ..., ``depth`` claims deep."""
    claims = [{"id": f"c{i}", "text": f"Claim {i} holds.", "reasons": [f"c{i + 1}"]}
              for i in range(depth - 1)]  # fmt: skip
    claims[0]["thesis"] = True
    last = {"id": f"c{depth - 1}", "text": "The last claim holds."}
    return json.dumps({"argmap": "1", "title": "Deep", "conclusions": claims,
                       "premises": [last]}).encode()  # fmt: skip


def test_a_map_too_deep_for_kialos_numbers_is_refused_saying_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each claim's number holds the numbers above it: an outline grows with the square of its
    depth (4,000 claims deep make 16 MB, 50,000 gigabytes). Past what argmap reads back, the
    export is refused in a line, without writing it all first."""
    monkeypatch.setenv("ARGMAP_READ_LIMIT", "64K")
    shallow, deep = check_bytes(_chain(100), "s.json").map, check_bytes(_chain(400), "d.json").map
    assert shallow is not None and deep is not None
    assert _read(kialo.write(shallow).text).map.claims  # 100 deep: 20 KB
    with pytest.raises(FormatError, match=r"over 64 KiB, .* goes \d+ levels deep"):
        kialo.write(deep)  # 400 deep: 320 KB
    (tmp_path / "deep.json").write_bytes(_chain(400))
    result = CliRunner().invoke(main, ["export", "kialo", str(tmp_path / "deep.json")])
    assert result.exit_code == 2 and "levels deep and more" in result.output
    assert not (tmp_path / "deep.kialo.txt").exists()


@settings(max_examples=60, deadline=None)
@given(argument_maps())
def test_any_map_exports_to_a_discussion_that_imports_clean(amap: ArgumentMap) -> None:
    exported = kialo.write(amap)
    imported = kialo.read(exported.text.encode("utf-8"), path="m.txt")
    assert sorted(c.text for c in imported.map.claims) == sorted(
        " ".join(c.text.split()) for c in amap.claims
    )
    checked = check_bytes(dump(imported.map).encode("utf-8"), "m.yaml")
    assert not [d for d in checked.diagnostics if d.severity.value == "error"], checked.diagnostics


def test_the_documented_example_imports_as_the_docs_say() -> None:
    amap = _read(block("From Kialo", "text")).map
    thesis = _claim(amap, "All cars")
    pollute, dust = _claim(amap, "Electric cars do not"), _claim(amap, "Their tyres")
    healthier, cost = _claim(amap, "Cities would"), _claim(amap, "Electric cars cost")
    assert thesis.thesis and pollute.url == "https://example.org/study"
    assert _reasons(thesis) == [[pollute.id], [healthier.id]]
    assert _reasons(healthier) == [[pollute.id]]  # 1.2.1 repeats 1.1
    assert _objections(thesis) == [[cost.id]] and _objections(pollute) == [[dust.id]]
    assert check_bytes(dump(amap).encode(), "m.yaml").ok


def test_bold_and_italics_keep_their_words_and_stars_come_back_as_written() -> None:
    text = "1. Cities should go **electric** *now*.\n1.1. Pro: It costs 5 * 3 \\*units\\*.\n"
    amap = _read(text).map
    assert sorted(claim.text for claim in amap.claims) == [
        "Cities should go electric now.", "It costs 5 * 3 *units*."
    ]  # fmt: skip
    written = check_bytes(TRICKY.replace("stay one.", "stay **one** * 2.").encode(), "t.yaml").map
    assert written is not None
    again = _read(kialo.write(written).text).map
    assert sorted(c.text for c in again.claims) == sorted(c.text for c in written.claims)


def test_a_map_with_nothing_but_its_kinds_to_lose_says_so_in_words() -> None:
    """A map of bare claims was told 'left out:  and the kinds': the list of what else was
    lost was empty, and its 'and' stood alone."""
    amap = ArgumentMap(
        "T",
        (
            Claim("a", Kind.PREMISE, "A."),
            Claim("c", Kind.CONCLUSION, "C.", reasons=(Reason((Ref("a"),)),)),
        ),
    )
    losses = kialo.write(amap).losses
    assert losses == ("Kialo holds claims and their Pros and Cons only; left out: the kinds",)


ORDERED = """\
Discussion Title: Should all cars in cities be electric?

1. All cars in cities should be electric.
1.1. Con: Electric cars cost more than most families can pay.
1.1.1. Con: Prices are falling fast.
1.1.2. Pro: Loans cost families even more.
1.2. Pro: Cities would be healthier.
1.2.1. Con: Dust from tyres harms health too.
1.3. Pro: -> See 1.2.1.
1.4. Pro: Electric cars do not pollute the air of the street.
1.4.1. Pro: Exhaust causes asthma in children.
1.5. Con: Power stations still burn coal.
"""


def test_the_order_of_pros_and_cons_comes_back_from_the_export() -> None:
    """A discussion whose Cons come before its Pros, with a repeat among them: the map keeps
    reasons and objections apart, so the export wrote every Pro before every Con (1.1 was the
    thesis's first Pro, the cost Con moved to 1.3) and a repeat where it fell. Each claim's
    note has its numbers (a repeat's too), and the export puts the lines back in that order."""
    imported = _read(ORDERED)
    dust = _claim(imported.map, "Dust from tyres")
    assert dust.note == "Kialo 1.2.1. (and 1.3.)"
    assert kialo.write(imported.map).text == ORDERED
