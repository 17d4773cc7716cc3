"""Where a claim's line may break: not at a space typed before a closing mark or after an
opening one, nor between a number and its unit (argmap.words.glue, used by draw.text.wrap)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.api import load
from argmap.draw.text import wrap

SVG = "{http://www.w3.org/2000/svg}"
#: Marks no line may start with, and marks no line may end with, when typed with a space.
CLOSERS = (":", ";", "!", "?", "»", "›", "”", ")", "%")
OPENERS = ("«", "‹", "„", "(")
#: French and German as a fact-checker types them: ordinary spaces throughout.
FRENCH = (
    "Le ministre a dit : « la mesure coûtera 1 250 000 agents » ; est-ce crédible ?",
    "Quelle surprise ! Les syndicats, les employeurs, etc. refusent : « jamais ».",
    "Le taux est passé de 30 % à 1,2 % ( selon l’Insee ) : ‹ un record › !",
)
GERMAN = (
    "Ein Tempolimit von 130 km/h lohnt sich für die Bundesrepublik Deutschland.",
    "Geschwindigkeitsbegrenzungen senken Unfallfolgekosten um 1 250 000 € (1,2 %).",
    "Nach § 3 Abs. 2 StVO, Nr. 5 der Anlage, steht es auf S. 12 des Berichts.",
)
WIDTHS = range(12, 41)


def typed(lines: list[str], text: str) -> bool:
    """Whether ``lines`` are stretches of ``text`` as typed (no space made a no-break one),
    broken at spaces or after hyphens."""
    rejoined = "".join(line if line.endswith("-") else line + " " for line in lines)
    return rejoined.rstrip(" ") == text and all(line in text for line in lines)


def ends(lines: list[str]) -> list[str]:
    """The lines that start with a closing mark or end with an opening one."""
    return [line for line in lines if line.startswith(CLOSERS) or line.endswith(OPENERS)]


@pytest.mark.parametrize("text", FRENCH)
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(text: str) -> None:
    """French typed with ordinary spaces had a line start with ``: « la mesure``, end with
    ``refusent : «``, or hold a ``?`` alone: the space before such a mark, or after an
    opening one, is one a line may not break at."""
    for width in WIDTHS:
        lines = wrap(text, width, "fr")
        assert ends(lines) == [], (width, lines)
        assert typed(lines, text), (width, lines)  # the writer's spaces, no NBSP put in


@pytest.mark.parametrize(
    ("text", "together"),
    [
        (GERMAN[0], "130 km/h"),
        (GERMAN[1], "1 250 000 €"),
        (GERMAN[1], "(1,2 %)."),
        (GERMAN[2], "§ 3"),
        (GERMAN[2], "Nr. 5"),
        (GERMAN[2], "S. 12"),
        (FRENCH[0], "1 250 000"),
        (FRENCH[2], "30 %"),
        ("Es kostet 5 000 € im Jahr, also 20 € im Monat oder CHF 25 je Woche.", "5 000 €"),
        ("Es kostet 5 000 € im Jahr, also 20 € im Monat oder CHF 25 je Woche.", "CHF 25"),
        ("The plant makes 2 GW, emits 40 g/km and runs at 90 °C all year.", "40 g/km"),
        ("The plant makes 2 GW, emits 40 g/km and runs at 90 °C all year.", "90 °C"),
    ],
)
def test_a_number_stays_with_its_unit_and_its_groups_of_digits(text: str, together: str) -> None:
    """``Tempolimit von 130`` / ``km/h``: a number was parted from its unit, a
    ``1 250 000`` split between its groups of three digits, ``§`` from its number."""
    for width in range(max(12, len(together)), 41):
        lines = wrap(text, width, "de")
        assert any(together in line for line in lines), (width, lines)


def test_words_around_german_quotation_marks_still_break() -> None:
    """German sets »…« and „…“ tight against the quoted words: the spaces outside them are
    ordinary breaks, not glued to the marks as a French « … » is."""
    assert wrap("Ein »Tempolimit« ist keine Bevormundung", 14, "de") == [
        "Ein",
        "»Tempolimit«",
        "ist keine",
        "Bevormundung",
    ]
    assert wrap("Ein „Tempolimit“ ist keine Bevormundung", 14, "de") == [
        "Ein",
        "„Tempolimit“",
        "ist keine",
        "Bevormundung",
    ]


def test_english_wraps_as_before() -> None:
    """The rules only hold a space next to such a mark or between a number and its unit:
    English typed as usual wraps as it did."""
    text = "Central Asia could supply non-Russian energy (gas, oil): 40 percent by 2030!"
    assert wrap(text, 20) == [
        "Central Asia could",
        "supply non-Russian",
        "energy (gas, oil):",
        "40 percent by 2030!",
    ]


def test_typed_no_break_spaces_are_kept_as_typed() -> None:
    """Text typed with no-break spaces of each kind is drawn with them, and the spaces a line
    may not break at with the plain spaces they were typed as."""
    text = "Il a dit\u202f: «\xa0non\xa0» ; 5\u2007000 € ne suffisent pas ?"
    for width in range(10, 41):
        lines = wrap(text, width, "fr")
        assert ends(lines) == [], (width, lines)
        assert typed(lines, text), (width, lines)
    assert wrap(text, 12, "fr") == [
        "Il a dit\u202f:",
        "«\xa0non\xa0» ;",
        "5\u2007000 € ne",
        "suffisent",
        "pas ?",
    ]


def test_a_french_map_is_drawn_without_a_mark_alone_at_a_lines_edge(tmp_path: Path) -> None:
    """The drawing itself: each line of a claim is one SVG text; none starts with a closing
    mark or ends with an opening one, and ``130 km/h`` is one line's."""
    path = tmp_path / "fr.yaml"
    path.write_text(
        "argmap: 1\ntitle: Semaine\nlang: fr\npremises:\n"
        + "".join(f'  - id: p{n}\n    text: "{text}"\n' for n, text in enumerate(FRENCH))
        + f'  - id: v\n    text: "{GERMAN[0]}"\n'
        + "conclusions:\n  - id: c\n    text: Non.\n    reasons: [p0, p1, p2, v]\n",
        encoding="utf-8",
    )
    root = ET.fromstring(load(path).render("svg"))
    lines = [
        "".join(text.itertext())
        for node in root.iter(f"{SVG}g")
        if "node" in (node.get("class") or "").split()
        for text in node.iter(f"{SVG}text")
    ]
    assert any(line.startswith("Le ministre") for line in lines)  # the claims are there
    assert ends(lines) == []
    assert any("130 km/h" in line for line in lines)


def test_held_words_too_long_for_a_narrow_line_break_at_a_held_space_not_inside_a_number() -> None:
    """In a line narrower than ``1 250 000 €`` or ``130 km/h`` the held words must break all
    the same: at one of their spaces (``1 250`` / ``000``), not inside a number or a unit
    (``1 250 00`` / ``0``, ``130 km`` / ``/h``); a word of letters is still hyphenated."""
    assert wrap("um 1 250 000 €", 8, "de") == ["um", "1 250", "000 €"]
    assert wrap("von 130 km/h", 6, "de") == ["von", "130", "km/h"]
    assert wrap("« Kraftfahrzeughaftpflicht »", 12) == ["« Kraftfahr-", "zeughaftpfl-", "icht »"]
