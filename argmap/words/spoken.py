"""The tags a drawing writes in capitals (``MAIN THESIS · PREMISE``) as a sentence writes them:
what a claim's button is called in the HTML view, for the screen reader and the line under
the title."""

from __future__ import annotations

import re

from argmap.words import Words

#: The words of the drawn tags that a language writes with a capital wherever they stand:
#: German's nouns (the others are adjectives and participles: ``implizite``, ``widerlegt``).
CAPITALISED = {
    "de": frozenset(
        {"hauptthese", "prämisse", "schlussfolgerung", "empfehlung", "opponent", "einwand",
         "analysten"}
    ),
}  # fmt: skip
_WORD = re.compile(r"\w+")


def spoken(tag: str, words: Words) -> str:
    """``tag``, drawn in capitals, in lower case, but for the words ``words``' language
    writes with a capital.

    >>> spoken("MAIN THESIS · IMPLICIT PREMISE, DEFEATED", Words())
    'main thesis · implicit premise, defeated'
    >>> spoken("HAUPTTHESE · IMPLIZITE PRÄMISSE, WIDERLEGT", Words("de"))
    'Hauptthese · implizite Prämisse, widerlegt'
    """
    nouns = CAPITALISED.get(words.lang, frozenset())
    return _WORD.sub(lambda w: w[0].capitalize() if w[0] in nouns else w[0], tag.lower())


__all__ = ["CAPITALISED", "spoken"]
