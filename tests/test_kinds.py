"""argmap.formats.kinds: the note an import makes of the kinds it guessed from wording."""

from __future__ import annotations

from argmap.formats.kinds import Guesses


def _note(recommendations: int, conclusions: int) -> str | None:
    texts = [f"We should act {i}." for i in range(recommendations)]
    texts += [f"It is so {i}." for i in range(conclusions)]
    guesses = Guesses(texts)
    for i, text in enumerate(texts):
        guesses.kind(f"c{i}", text, has_reasons=True)
    return guesses.note()


def test_the_note_names_every_claim_of_a_map_of_article_size() -> None:
    assert _note(2, 20) == (
        "the kind of 22 claims with reasons was guessed from wording (English cues): "
        "recommendations c0, c1; conclusions " + ", ".join(f"c{i}" for i in range(2, 22))
    )


def test_the_note_names_twenty_claims_of_a_kind_and_counts_the_rest() -> None:
    # a corpus joined into one graph: 30,000 ids made one line of 300 KB on the terminal
    assert _note(3, 5000) == (
        "the kind of 5003 claims with reasons was guessed from wording (English cues): "
        "recommendations c0, c1, c2; conclusions "
        + ", ".join(f"c{i}" for i in range(3, 23))
        + " and 4980 more"
    )
