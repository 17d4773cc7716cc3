"""argmap.analysis.coverage on hard-wrapped text: a line break inside a paragraph is a space,
whatever letter the next line starts with (German capitalises every noun), and a headline is
a short line standing alone, not a wrapped line of prose."""

from __future__ import annotations

import textwrap
import time

from hypothesis import example, given
from hypothesis import strategies as st

from argmap.analysis.coverage import Coverage, coverage
from argmap.analysis.sentences import Source
from argmap.model import ArgumentMap, Claim, Kind, Quote
from argmap.model import Source as MapSource
from argmap.read.prose import NARROWEST, WIDEST
from argmap.read.source import SourceText

PROSE = None  # what coverage says of a sentence of the argument: no furniture
HEADLINE = "no closing punctuation: a headline, caption or link"


def covered(text: str, *quotes: str) -> Coverage:
    claims = tuple(
        Claim(f"c{i}", Kind.PREMISE, "C", quotes=(Quote(q),)) for i, q in enumerate(quotes)
    )
    amap = ArgumentMap("t", claims or (Claim("c", Kind.PREMISE, "C"),), MapSource("s.txt"))
    return coverage(amap, SourceText(text))


def sentences(text: str) -> list[tuple[int, str, str | None]]:
    return [(s.line, s.text, s.furniture) for s in covered(text).sentences]


def test_a_german_op_ed_wrapped_at_78_reads_as_its_sentences() -> None:
    # A fact-checker's German op-ed, hard-wrapped: each line that ended before a capitalised
    # noun ("jede\nRegel Papier.") was cut there, the first half dropped as a headline and
    # the rest counted as a sentence ("Verkehrssektors."); "dem 3. Oktober" and the numbers
    # of a list ("2.", "3.") were sentences of their own.
    text = (
        "Von Dr. Matthias Groß, Verkehrsökonom\n"
        "\n"
        "Beginnen wir mit dem Klimaschutz. Das Umweltbundesamt hat berechnet, dass ein\n"
        "Tempolimit von 130 km/h jährlich rund 1,9 Millionen Tonnen CO₂ einsparen\n"
        "würde. Das klingt viel, entspricht aber nur etwa 1,2 % der Emissionen des\n"
        "Verkehrssektors. Ohne flächendeckende Kontrollen bleibt jede Regel nur\n"
        "Papier.\n"
        "\n"
        "Staus entstehen seltener. Das zeigen Messungen der Bundesanstalt auf der A 7\n"
        "seit dem 3. Oktober 2019 und seit dem 1. Mai auch auf der A 8. Drei Gründe\n"
        "sprechen dafür: 1. Es spart Emissionen. 2. Es rettet Leben. 3. Es kostet fast\n"
        "nichts. So einfach ist das.\n"
    )
    assert sentences(text) == [
        (1, "Von Dr. Matthias Groß, Verkehrsökonom", "page furniture"),  # a byline
        (3, "Beginnen wir mit dem Klimaschutz.", PROSE),
        (
            3,
            "Das Umweltbundesamt hat berechnet, dass ein Tempolimit von 130 km/h jährlich "
            "rund 1,9 Millionen Tonnen CO₂ einsparen würde.",
            PROSE,
        ),
        (
            5,
            "Das klingt viel, entspricht aber nur etwa 1,2 % der Emissionen des Verkehrssektors.",
            PROSE,
        ),
        (6, "Ohne flächendeckende Kontrollen bleibt jede Regel nur Papier.", PROSE),
        (9, "Staus entstehen seltener.", PROSE),
        (
            9,
            "Das zeigen Messungen der Bundesanstalt auf der A 7 seit dem 3. Oktober 2019 und "
            "seit dem 1. Mai auch auf der A 8.",
            PROSE,
        ),
        (10, "Drei Gründe sprechen dafür: 1. Es spart Emissionen.", PROSE),
        (11, "2. Es rettet Leben.", PROSE),
        (11, "3. Es kostet fast nichts.", PROSE),
        (12, "So einfach ist das.", PROSE),
    ]
    found = covered(text)
    assert {s.paragraph for s in found.sentences} == {1, 3, 9}


def test_a_german_date_or_list_number_ends_no_sentence_where_the_line_breaks_either() -> None:
    one_line = (
        "Das zeigen Messungen der Bundesanstalt auf der A 7 seit dem 3. Oktober 2019 und seit "
        "dem 1. Mai auch auf der A 8.\n"
    )
    expected = [one_line.strip()]
    assert [s.text for s in covered(one_line).sentences] == expected
    for width in (46, 62):  # "seit dem 1.\nMai", "seit dem 3.\nOktober"
        wrapped = textwrap.fill(one_line.strip(), width, break_on_hyphens=False) + "\n"
        assert "1.\nMai" in wrapped or "3.\nOktober" in wrapped
        assert [s.text for s in covered(wrapped).sentences] == expected
    listed = "1. Es spart Emissionen. 2. Es rettet Leben. 3. Es kostet fast nichts.\n"
    assert [s.text for s in covered(listed).sentences] == [
        "1. Es spart Emissionen.",
        "2. Es rettet Leben.",
        "3. Es kostet fast nichts.",
    ]
    # A number that ends a sentence still ends it.
    assert [s.text for s in covered("Es waren 3. Dann kam Zug 4. Er war voll.\n").sentences] == [
        "Es waren 3.",
        "Dann kam Zug 4.",
        "Er war voll.",
    ]


def test_a_french_op_ed_keeps_m_dupont_and_dr_lefevre_across_a_line_break() -> None:
    expected = [
        "Commençons par ce que disent ses partisans.",
        "Selon M. Dupont, directeur d’une PME lyonnaise de 120 salariés, « l’absentéisme a "
        "baissé de 30 % en un an ».",
        "Le Dr. Lefèvre, médecin du travail, affirme quant à lui que la fatigue chronique recule.",
    ]
    at_78 = (  # "d’une\nPME", "Le\nDr. Lefèvre"
        "Commençons par ce que disent ses partisans. Selon M. Dupont, directeur d’une\n"
        "PME lyonnaise de 120 salariés, « l’absentéisme a baissé de 30 % en un an ». Le\n"
        "Dr. Lefèvre, médecin du travail, affirme quant à lui que la fatigue chronique\n"
        "recule.\n"
    )
    at_55 = (  # "Selon M.\nDupont", "Le Dr.\nLefèvre"
        "Commençons par ce que disent ses partisans. Selon M.\n"
        "Dupont, directeur d’une PME lyonnaise de 120 salariés,\n"
        "« l’absentéisme a baissé de 30 % en un an ». Le Dr.\n"
        "Lefèvre, médecin du travail, affirme quant à lui que la\n"
        "fatigue chronique recule.\n"
    )
    for text in (at_78, at_55):
        found = covered(text)
        assert [s.text for s in found.sentences] == expected
        assert [s.line for s in found.sentences] == [1, 1, 2 if text is at_78 else 3]
        assert found.furniture == []
    # A line ending in a colon goes on into the next: one sentence, not two.
    colon = (
        "Car la semaine de quatre jours n’est pas une réduction du temps de travail :\n"
        "dans la plupart des expériences, les 35 heures sont comprimées en quatre\n"
        "journées. Le 1er janvier dernier, la Belgique a certes ouvert un droit à la\n"
        "semaine de quatre jours.\n"
    )
    assert [s.text for s in covered(colon).sentences] == [
        "Car la semaine de quatre jours n’est pas une réduction du temps de travail : dans "
        "la plupart des expériences, les 35 heures sont comprimées en quatre journées.",
        "Le 1er janvier dernier, la Belgique a certes ouvert un droit à la semaine de quatre "
        "jours.",
    ]


def test_an_english_text_wrapped_before_a_name_or_after_mr_reads_as_its_sentences() -> None:
    expected = [
        "Road deaths fell by a third after the limit was introduced, according to a report "
        "by the World Bank.",
        "Critics, led by Mr. Jones of the Alliance for Freedom, dispute the figures.",
        "They say the U.S. data tell another story.",
    ]
    at_72 = (  # "the Alliance\nfor Freedom": lower case, as before
        "Road deaths fell by a third after the limit was introduced, according to\n"
        "a report by the World Bank. Critics, led by Mr. Jones of the Alliance\n"
        "for Freedom, dispute the figures. They say the U.S. data tell another\n"
        "story.\n"
    )
    at_60 = (  # "Mr.\nJones"
        "Road deaths fell by a third after the limit was introduced,\n"
        "according to a report by the World Bank. Critics, led by Mr.\n"
        "Jones of the Alliance for Freedom, dispute the figures. They\n"
        "say the U.S. data tell another story.\n"
    )
    short = "The figures come from a report by the\nWorld Bank on road safety. They are clear.\n"
    for text in (at_72, at_60):
        assert [s.text for s in covered(text).sentences] == expected
    assert sentences(short) == [
        (1, "The figures come from a report by the World Bank on road safety.", PROSE),
        (2, "They are clear.", PROSE),
    ]


def test_a_short_line_standing_alone_is_still_a_headline_and_short_lines_are_not_joined() -> None:
    text = (
        "Tempolimit jetzt\n"
        "\n"
        "Kaum ein Thema erhitzt die Gemüter in Deutschland so sehr wie die Frage nach\n"
        "einer allgemeinen Geschwindigkeitsbegrenzung auf Autobahnen.\n"
        "Ein Plädoyer gegen Symbolpolitik\n"
        "Die Befürworter sprechen von einer längst überfälligen Maßnahme, die Gegner\n"
        "von einem Angriff auf die Freiheit.\n"
    )
    assert sentences(text) == [
        (1, "Tempolimit jetzt", HEADLINE),
        (
            3,
            "Kaum ein Thema erhitzt die Gemüter in Deutschland so sehr wie die Frage nach "
            "einer allgemeinen Geschwindigkeitsbegrenzung auf Autobahnen.",
            PROSE,
        ),
        (5, "Ein Plädoyer gegen Symbolpolitik", HEADLINE),
        (
            6,
            "Die Befürworter sprechen von einer längst überfälligen Maßnahme, die Gegner "
            "von einem Angriff auf die Freiheit.",
            PROSE,
        ),
    ]
    # A short last line of a wrapped paragraph is prose, not "a line of fewer than 4 words".
    tail = (
        "Die Freiheit des einen endet dort, wo sie das Leben des anderen gefährdet.\nSo ist es.\n"
    )
    assert sentences(tail)[-1] == (2, "So ist es.", PROSE)


def test_completion_offers_a_wrapped_sentence_whole() -> None:
    # check --fix and quote completion offer coverage's sentences: the whole sentence, on
    # one line, which argmap check finds in the wrapped source.
    text = "Ohne flächendeckende Kontrollen bleibt jede\nRegel Papier. Die Polizei ist müde.\n"
    source = Source(text)
    best = source.matching("Regel Papier")[0].sentence
    assert best.text == "Ohne flächendeckende Kontrollen bleibt jede Regel Papier."
    assert source.searchable.contains(best.text)


_WORDS = st.sampled_from(
    (
        *("die", "der", "Regel", "Papier", "Polizei", "Kontrollen", "bleibt", "jede", "Bahn"),
        *("Ausbau", "Oktober", "Mai", "Dr.", "z.", "B.", "M.", "Dupont", "l’État", "«", "fin"),
        *("»", "3.", "1er", "130", "km/h", "CO₂", "Verkehrssektors", "Staus", "etc.", "and"),
        *("the", "World", "Bank", "Mr.", "Jones"),
    )
)
_SENTENCE = st.builds(
    lambda first, rest, stop: " ".join([first, *rest]) + stop,
    st.sampled_from(["Die", "Ohne", "Das", "Le", "Selon", "They", "Wer"]),
    st.lists(_WORDS, min_size=3, max_size=14),
    st.sampled_from([".", "!", "?", ".“", " ?"]),
)


#: The narrowest fill whose longest line is surely hard-wrapped text's (NARROWEST), its words
#: being at most 16 characters long: narrower runs of lines stand alone, line by line.
_FILL = NARROWEST + 16


@given(st.lists(_SENTENCE, min_size=2, max_size=8), st.integers(min_value=_FILL, max_value=WIDEST))
# Found by it: a list number after a stop, at a line's end; a stop before no word; a wrapped
# first line ending a sentence of three words (no headline).
@example(["Die die die die.", "Die die die die die die die die die 3. 3. Verkehrssektors."], _FILL)
@example(["Die die die die.", "Die die die die die die die 3. «."], _FILL)
@example(["Die Verkehrssektors 3. Regel.", "Die die die die."], _FILL)
def test_rewrapping_a_paragraph_at_any_width_gives_the_same_sentences(
    paragraph: list[str], width: int
) -> None:
    one_line = " ".join(paragraph)
    wrapped = textwrap.fill(one_line, width, break_on_hyphens=False, break_long_words=False)
    again = [(s.text, s.furniture) for s in covered(wrapped + "\n").sentences]
    assert again == [(s.text, s.furniture) for s in covered(one_line + "\n").sentences]


def test_coverage_of_a_long_wrapped_text_stays_linear() -> None:
    # A sentence of many abbreviations is looked at word by word, not from its start again
    # at each stop: four times the text takes about four times as long, not sixteen.
    line = "Laut Dr. Groß und Prof. Lefèvre, vgl. Abs. 3 und Nr. 5 bei z. B. der Regel Papier\n"

    def seconds(lines: int) -> float:
        text = line * lines + "Ende.\n"
        began = time.perf_counter()
        covered(text)
        return time.perf_counter() - began

    seconds(500)  # warm up
    small, large = min(seconds(2000) for _ in range(3)), min(seconds(8000) for _ in range(3))
    assert large < 8 * small + 0.05


def test_a_short_line_after_a_page_paragraph_copied_on_one_line_stands_alone() -> None:
    # A page copied one paragraph a line, without blank lines: a short line after the longest
    # is no wrapped paragraph's end.
    text = (
        "The much-touted speech by the Chancellor last week in Prague, and his vision for an "
        "expanded, informal political community, reflected this imperative.\n"
        "It rained.\n"
    )
    assert sentences(text)[-1] == (2, "It rained.", "a line of fewer than 4 words")
    # Nor does a paragraph in lower case after one ending in a stop.
    lower = "Europe’s “strategy” — one of trust.\n" + " ".join(["word"] * 40) + " and more.\n"
    assert [s.line for s in covered(lower).sentences] == [1, 2]
    # Nor does an item of a list after a line as long as it.
    listed = (
        "Die Gründe sind folgende, wie der Bericht auf Seite drei ausführlich darlegt.\n"
        "- Es spart Emissionen.\n"
        "- Es rettet Leben.\n"
    )
    assert [s.line for s in covered(listed).sentences] == [1, 2, 3]


def test_a_superscript_before_a_stop_is_read_not_a_crash() -> None:
    """``10².`` and a footnote's ``³.``, as text copied from a PDF has them: str.isdigit takes
    them, int() does not."""
    text = "The area grew to 10². The next sentence is here. It shows it ³. Then 3. Oktober.\n"
    assert [s.text for s in covered(text).sentences] == [
        "The area grew to 10².", "The next sentence is here.", "It shows it ³.",
        "Then 3. Oktober.",
    ]  # fmt: skip


def test_a_page_copied_one_paragraph_a_line_keeps_its_paragraphs() -> None:
    """Lines longer than any hard wrap are paragraphs, even when one ends without a stop."""
    first = "Europe has spent the past decade building ties with partners near and far, " * 2
    second = "Kazakhstan is the largest economy of the region and the most open to investment. " * 2
    found = covered(f"{first.strip()}\n{second.strip()}\n").sentences
    assert [s.line for s in found] == [1, 2, 2]


def test_short_lines_are_no_hard_wrapped_text() -> None:
    """A headline over two lines, a byline, a list without bullets: each line stands alone."""
    text = (
        "Europe and Central Asia\nA partnership with mutual benefits for both\nBy John Smith\n\n"
        "The three priorities are\nEnergy supply and transit routes\n"
        "Transport corridors and logistics\nWater management in the region\n"
    )
    assert [s.line for s in covered(text).sentences] == [1, 2, 3, 5, 6, 7, 8]
