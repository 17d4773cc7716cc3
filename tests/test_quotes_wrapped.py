"""argmap check's closest passage in a hard-wrapped source: the sentence as argmap coverage
reads it, across line breaks, not the part of it on one line."""

from __future__ import annotations

from argmap.read.passages import Passages
from argmap.read.source import SourceText

#: Two paragraphs of a German op-ed as a fact-checker got it, wrapped at 78 characters.
OP_ED = (
    "Hinzu kommt die Durchsetzung. Ohne flächendeckende Kontrollen bleibt jede\n"
    "Regel Papier. Die Polizei ist schon heute überlastet; wer das Tempolimit will,\n"
    "muss auch in Personal und Technik investieren, etwa in Abschnittskontrollen\n"
    "nach österreichischem Vorbild.\n"
    "\n"
    "Ein weiteres Argument verdient mehr Aufmerksamkeit: der Verkehrsfluss. Wenn\n"
    "alle ungefähr gleich schnell fahren, sinkt die Zahl der Überholvorgänge und\n"
    "der abrupten Bremsmanöver. Staus entstehen seltener, die Kapazität der Strecke\n"
    "steigt. Das zeigen Messungen der Bundesanstalt für Straßenwesen auf der A 7\n"
    "seit dem 3. Oktober 2019.\n"
)


def test_a_misquote_of_a_sentence_wrapped_before_a_noun_finds_the_whole_sentence() -> None:
    # It found no close passage at all: the sentence was cut at "jede" / "Regel Papier."
    passages = Passages(SourceText(OP_ED))
    found = passages.meant("Ohne flächendeckende Kontrolle bleibt jede Regel Papier.")
    assert found is not None and not found.reworded
    assert (found.line, found.text) == (
        1, "Ohne flächendeckende Kontrollen bleibt jede Regel Papier."
    )  # fmt: skip
    assert found.differences == (("Kontrollen", "Kontrolle"),)


def test_a_misquote_of_a_date_split_over_two_lines_names_only_what_differs() -> None:
    # It named the line's part ("... auf der A 7") and told the source had "A 7" where the
    # quote had "A7 seit dem 3. Oktober 2019".
    passages = Passages(SourceText(OP_ED))
    quote = (
        "Das zeigen Messungen der Bundesanstalt für Straßenwesen auf der A7 seit dem "
        "3. Oktober 2019."
    )
    found = passages.meant(quote)
    assert found is not None and found.line == 9
    assert found.text == (
        "Das zeigen Messungen der Bundesanstalt für Straßenwesen auf der A 7 seit dem "
        "3. Oktober 2019."
    )
    assert found.differences == (("A 7", "A7"),)
