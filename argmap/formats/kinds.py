"""Claim text → its kind when a format has none: the wording's cues, in the text's language.

A claim without reasons is a premise. A claim with reasons is a recommendation when its
wording says what should (or must not) be done, else a conclusion. The cues are a table per
language (ISO 639-1 codes; add a language by adding a row to :data:`RECOMMENDATION_CUES` and
:data:`FUNCTION_WORDS`); the language of a map is told from the function words of all its
texts together, which is cheap and, for a paragraph or more, reliable. When it cannot be told,
the cues of every language apply. :class:`Guesses` keeps which kinds were guessed, for a note.
When the language is clearer still, and not English, :func:`written_language` is the ``lang``
an import writes, so that the map is drawn in that language's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from argmap.model import Kind

#: Per language, wording that makes a claim with reasons a recommendation (any case).
RECOMMENDATION_CUES: dict[str, str] = {
    "en": r"\b(?:should|shouldn['’]?t|ought(?:n['’]?t)? to|must|mustn['’]?t|needs? to|"
    r"(?:have|has) to|had better|let['’]?s|let us|it is (?:high )?time)\b",
    # sollen, müssen, nicht dürfen, "es ist Zeit", "lasst uns", and the gerundive of
    # "ist abzulehnen", "sind zu verbieten".
    "de": r"\b(?:soll(?:st|t|en|te|test|ten|tet)?|mu(?:ss|ß)t?|mü(?:ss|ß)(?:en|t|te|test|ten|tet)|"
    r"(?:darf|darfst|dürfen|dürft|dürfte|dürften)\b[^.!?;]*?\b(?:nicht|kein\w*)|"
    r"es ist (?:höchste |an der )?zeit|lass(?:t|en sie)? uns|"
    r"(?:ist|sind|wäre|wären)\s+(?:\w+\s+){0,4}?(?:zu\s+\w{3,}en|\w+zu\w{2,}en))\b",
    # dovere, bisognare, occorrere, "è ora di".
    "it": r"\b(?:dev(?:e|i|o|ono)|dovr(?:ebbe|ebbero|emmo|este|ei|ai|à|anno)|dobbiamo|dovete|"
    r"bisogna|occorre|(?:è|e`) (?:ora|tempo) di)\b",
    # следует, должен, нужно, надо, необходимо, нельзя, пора, давайте.
    "ru": r"\b(?:следует|долж(?:ен|на|но|ны)|нужно|надо|необходимо|нельзя|пора|давайте)\b",
    # devoir, il faut, "il est temps de".
    "fr": r"\b(?:doi(?:s|t|vent)|devr(?:ait|aient|ions|iez|a|ont)|devons|devez|"
    r"il (?:faut|faudrait|faudra)|il est (?:grand )?temps de)\b",
    # deber, hay que, tener que, "es hora de".
    "es": r"\b(?:deb(?:e|en|emos|ería|erían|eríamos|erá|erán)|hay que|habría que|"
    r"(?:tiene|tienen|tenemos) que|es (?:hora|momento) de)\b",
    # dever, "é preciso", "é necessário", ter de / ter que, "há que".
    "pt": r"\b(?:dev(?:e|em|emos|eria|eriam|eríamos)|é (?:preciso|necessário)|"
    r"(?:tem|têm|temos) (?:de|que)|há que)\b",
}
_FUNCTION_WORDS = {
    "en": "the and of to is are be it that this with for not we they you would there their "
    "have has been which from by than because he she his her will or on as at",
    "de": "der die das und oder nicht ist sind ein eine einen zu mit für auf den dem des es sie "
    "wir auch sich werden wird wenn dass noch nur kein keine",
    "it": "il lo la gli le di che è non per una del della dei delle con sono questo anche nel "
    "nella ma se come più perché essere",
    "ru": "и в не на что с как это по но из у за от для же то так мы они он она бы или если "
    "только его их уже",
    # The French, Spanish and Portuguese rows leave out words another row has or another of
    # these languages uses often (la, le, il, de, des, del, que, una, en, es, as, e, o, da,
    # ou; no, para, por, como, este, esta, ser, porque): such a word would count for the
    # wrong language.
    "fr": "les et du qui est sont pour pas ne dans ce cette nous ils sur avec plus mais ou au "
    "aux être parce déjà",
    "es": "el los las y son su más pero al hay muy también",
    "pt": "os do dos das em um ao seu sua não são também com mais mas pelo pela na nos",
}
#: Per language, frequent words that are rare in the others: how a text's language is told.
FUNCTION_WORDS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
LANGUAGE_NAMES = {
    "en": "English", "de": "German", "it": "Italian", "ru": "Russian", "fr": "French",
    "es": "Spanish", "pt": "Portuguese",
}  # fmt: skip
_CUES = {lang: re.compile(cues, re.IGNORECASE) for lang, cues in RECOMMENDATION_CUES.items()}
_ANY = re.compile("|".join(f"(?:{cues})" for cues in RECOMMENDATION_CUES.values()), re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(texts: Iterable[str]) -> str | None:
    """The language of ``texts`` taken together, or None when it cannot be told: fewer than
    three function words, or no language with at least twice the function words of any other.

    >>> detect_language(["Wir sollten den Müll trennen, weil es der Umwelt hilft."])
    'de'
    >>> detect_language(["We should separate the waste because it helps the environment."])
    'en'
    >>> detect_language(["Ja."]) is None
    True
    """
    (best, language), (second, _) = scores(texts)[:2]
    return language if best >= 3 and best >= 2 * second else None


def scores(texts: Iterable[str]) -> list[tuple[int, str]]:
    """How many function words of each language ``texts`` hold, most first."""
    words = _WORD.findall(" ".join(texts).lower())
    return sorted(((sum(w in vocabulary for w in words), lang)
                   for lang, vocabulary in FUNCTION_WORDS.items()), reverse=True)  # fmt: skip


#: How clear a language must be for an import to write it as the map's ``lang`` (its drawings
#: then use that language's words, where a wrong guess is worse than none): this many of its
#: function words at least, and this many times as many as of any other language. Stricter than
#: for the kinds' cues; in AraucariaDB's 661 graphs, it leaves 14 English ones and one Italian
#: one of three function words unsaid.
CLEAR_WORDS, CLEAR_RATIO = 5, 4


def clear_language(texts: Iterable[str]) -> str | None:
    """The language of ``texts`` when it is clear enough to draw a map in its words, else None.

    >>> clear_language(["Wir trennen den Müll, weil es der Umwelt hilft und nicht schadet."])
    'de'
    >>> clear_language(["Wir sollten den Müll trennen."]) is None
    True
    """
    (best, language), (second, _) = scores(texts)[:2]
    return language if best >= CLEAR_WORDS and best >= CLEAR_RATIO * second else None


def written_language(texts: Iterable[str]) -> tuple[str, str] | None:
    """The ``lang`` an import writes for a map of ``texts``, and the note that says it was
    guessed and how to change it; None when the language is not clear, or is English (argmap
    draws a map without ``lang`` in English: writing it would change nothing but the file)."""
    texts = list(texts)
    language = clear_language(texts)
    if language is None or language == "en":
        return None
    (best, _), (second, _) = scores(texts)[:2]
    name = LANGUAGE_NAMES.get(language, language)
    return language, (
        f"lang: {language} is written, guessed from the wording ({best} {name} function words, "
        f"at most {second} of another language): drawings of the map use {name} words; change "
        "lang: or delete it if the guess is wrong"
    )


def kind_of(text: str, *, has_reasons: bool, language: str | None = "en") -> Kind:
    """The kind of an imported claim: a premise without reasons; with reasons, a
    recommendation when its wording says what should be done (in ``language``, or in any
    language for None), else a conclusion.

    >>> kind_of("We should ban it.", has_reasons=True).value
    'recommendation'
    >>> kind_of("Wir sollten es verbieten.", has_reasons=True, language="de").value
    'recommendation'
    >>> kind_of("Das ist abzulehnen.", has_reasons=True, language="de").value
    'recommendation'
    >>> kind_of("We should ban it.", has_reasons=False).value
    'premise'
    >>> kind_of("It is banned.", has_reasons=True).value
    'conclusion'
    """
    if not has_reasons:
        return Kind.PREMISE
    cues = _CUES.get(language, _ANY) if language is not None else _ANY
    return Kind.RECOMMENDATION if cues.search(text) else Kind.CONCLUSION


#: How many claims of a kind the note names; the rest are counted (a corpus joined into one
#: graph has thousands: one line of hundreds of KB on the terminal).
NAMED = 20


class Guesses:
    """Kinds guessed from wording in one map, in the language of all its texts, for a note."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.language = detect_language(texts)
        self.guessed: dict[str, Kind] = {}

    def kind(self, claim_id: str, text: str, *, has_reasons: bool) -> Kind:
        """The kind of a claim from its wording; a claim with reasons is remembered as guessed."""
        kind = kind_of(text, has_reasons=has_reasons, language=self.language)
        if has_reasons:
            self.guessed[claim_id] = kind
        return kind

    def note(self) -> str | None:
        """One line naming the claims whose kind was guessed (the first NAMED of a kind, and
        a count of the rest), or None."""
        if not self.guessed:
            return None
        if self.language:
            language = f"{LANGUAGE_NAMES.get(self.language, self.language)} cues"
        else:
            language = "the cues of every language, as its language could not be told"
        parts = []
        for kind in (Kind.RECOMMENDATION, Kind.CONCLUSION):
            ids = [claim for claim, guessed in self.guessed.items() if guessed is kind]
            if ids:
                named = ", ".join(ids[:NAMED])
                more = f" and {len(ids) - NAMED} more" if len(ids) > NAMED else ""
                parts.append(f"{kind.section if len(ids) > 1 else kind.value} {named}{more}")
        count = len(self.guessed)
        return (f"the kind of {count} claim{'s' if count > 1 else ''} with reasons was guessed "
                f"from wording ({language}): {'; '.join(parts)}")  # fmt: skip
