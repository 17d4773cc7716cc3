"""Two wordings of one passage (a quote, and the source's words a fix would put in its place)
→ what differs in what they say: words, numbers, negations, symbols; not typography.

A fix may replace a quote without a person looking only when the two say the same
(:func:`same_words`): the same words in the same order, differing only in quote marks,
dashes, white space and line breaks, the form of an ellipsis (:func:`~argmap.read.folding.
normalize` folds those), letter case, punctuation between words, and a word hyphenated or
not (``e-mail``, ``email``, ``e mail`` are one word), and a percentage written ``%``, ``per
cent`` or ``percent`` (``10%``, ``10 per cent``; ``per cent`` and ``percent`` are one word
anywhere). A word, a number (``80``, ``1,000``,
``-5``), a negation (``can``, ``cannot``; ``isn't``, ``is``), a symbol (``%``, ``€``) or a
question mark (``?`` asks where ``.`` states) that differs is a change of what
the quote says, for a person to read: the claim's own text still says the old thing.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection

from argmap.read.folding import normalize

#: A number (its sign, when nothing is written right before it, and the separators inside it:
#: ``1,000`` is not ``1000``, ``2.5`` not ``25``), a word (``can't`` one word, not ``can``), or a
#: mark.
_TOKEN = re.compile(r"(?:(?<!\w)[-+])?\d+(?:[.,]\d+)*(?!\w)|\w+(?:'\w+)*|[^\w\s]")
#: Marks that say something, though Unicode counts them punctuation (symbols all do: ``€``):
#: a question is no statement (an exclamation mark only stresses one).
_SAYING = frozenset("%\u2030\u2031&@#\u00a7/?\u00bf\u203d")


_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)*")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """The words, numbers and symbols of a text (normalized), lower case, and where each is;
    punctuation left out; ``per cent`` one word, ``percent``, and after a number ``%``."""
    found: list[tuple[str, int, int]] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        punctuation = len(token) == 1 and unicodedata.category(token)[0] == "P"
        if punctuation and token not in _SAYING:
            continue  # a comma, a full stop, a hyphen, a quote mark
        token, start = token.casefold(), match.start()
        if token == "cent" and found and found[-1][0] == "per":
            token, start = "percent", found.pop()[1]
        if token == "percent" and found and _NUMBER.fullmatch(found[-1][0]):
            token = "%"  # 10 per cent, 10 percent: 10%
        found.append((token, start, match.end()))
    return found


def changed_words(source: str, quote: str) -> tuple[tuple[str, str], ...]:
    """The runs of words (numbers, symbols) in which ``source`` says otherwise than ``quote``,
    each as (the source's words, the quote's), as written (normalized); either is empty
    where the other has words it lacks. None for wordings that differ only in typography,
    case, punctuation and hyphenation.

    >>> changed_words("It can't be justified.", "it can be justified")
    (("can't", 'can'),)
    >>> changed_words("A well-known e-mail, sent.", "a well known email sent")
    ()
    """
    ours_text, theirs_text = (unicodedata.normalize("NFC", normalize(t)) for t in (source, quote))
    ours, theirs = _tokens(ours_text), _tokens(theirs_text)
    matcher = difflib.SequenceMatcher(None, [t for t, _, _ in ours], [t for t, _, _ in theirs],
                                      autojunk=False)  # fmt: skip
    changed = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        said = _written(ours_text, ours[i1:i2]), _written(theirs_text, theirs[j1:j2])
        if not _hyphenated(ours[i1:i2], theirs[j1:j2], *said):
            changed.append(said)
    return tuple(changed)


def _written(text: str, tokens: list[tuple[str, int, int]]) -> str:
    return text[tokens[0][1] : tokens[-1][2]] if tokens else ""


def _hyphenated(
    ours: list[tuple[str, int, int]], theirs: list[tuple[str, int, int]], said: str, other: str
) -> bool:
    """Whether two runs are the same word(s) written with a hyphen on one side, and together or
    apart on the other (``e-mail`` and ``email``; not ``a part`` and ``apart``)."""
    if not ours or not theirs or not all(t.isalpha() for t, _, _ in ours + theirs):
        return False
    if "".join(t for t, _, _ in ours) != "".join(t for t, _, _ in theirs):
        return False
    return "-" in said or "-" in other


def same_words(source: str, quote: str) -> bool:
    """Whether ``source`` says what ``quote`` says, in the same words (:func:`changed_words`)."""
    return not changed_words(source, quote)


#: The fewest letters of a word that a slip of one letter (:func:`misspelt`) may be in.
SLIPPED = 4


def misspelt(changed: tuple[tuple[str, str], ...], known: Collection[str]) -> bool:
    """Whether every run of :func:`changed_words` is a word of the quote misspelt by one
    letter (left out, added, changed, or two swapped), not its first, in words of at least
    :data:`SLIPPED` letters, the quote's no word of the source's (``known``, lower case):
    ``anounced`` for ``announced``, ``governmnet`` for ``government``. Not ``from`` for
    ``form`` in a source that writes ``from`` too, nor ``ever`` for ``never`` (a negation's
    first letter), nor ``for`` for ``from`` (a short word, and more than a letter).

    >>> misspelt((("announced", "anounced"), ("cost", "cots")), frozenset())
    True
    >>> misspelt((("form", "from"),), frozenset({"from"})), misspelt((("never", "ever"),), set())
    (False, False)
    """
    return bool(changed) and all(
        _slip(ours.casefold(), theirs.casefold()) and theirs.lower() not in known
        for ours, theirs in changed
    )


def _slip(ours: str, theirs: str) -> bool:
    """Whether two words (case folded) differ by one letter, or two neighbours swapped, not
    the first; each of :data:`SLIPPED` letters or more."""
    if not (ours.isalpha() and theirs.isalpha()) or min(len(ours), len(theirs)) < SLIPPED:
        return False
    if ours == theirs or ours[0] != theirs[0]:
        return False
    if len(ours) == len(theirs):
        at = [k for k, (a, b) in enumerate(zip(ours, theirs, strict=True)) if a != b]
        return len(at) == 1 or (
            len(at) == 2 and at[1] == at[0] + 1 and ours[at[0]] == theirs[at[1]]
            and ours[at[1]] == theirs[at[0]]
        )  # fmt: skip
    short, long = sorted((ours, theirs), key=len)
    if len(long) - len(short) != 1:
        return False
    return any(long[:k] + long[k + 1 :] == short for k in range(1, len(long)))


def told(changed: tuple[tuple[str, str], ...], most: int = 3) -> str:
    """What changed, as a fix says it: ``the source now says "cannot" where the quote says
    "can"``, the first ``most`` runs (and how many more).

    >>> told((("tenth", "quarter"), ("", "not")))
    'the source now says "tenth" where the quote says "quarter", nothing where it says "not"'
    """

    def said(words: str) -> str:
        return f'"{words}"' if words else "nothing"

    parts = [f"{said(ours)} where {'the quote' if n == 0 else 'it'} says {said(theirs)}"
             for n, (ours, theirs) in enumerate(changed[:most])]  # fmt: skip
    more = len(changed) - most
    return "the source now says " + ", ".join(parts) + (f" (and {more} more)" if more > 0 else "")


#: A percentage sign after a number; the words a percentage is written with; a number's end.
_PERCENT_SIGN = re.compile(r"\s*%")
_PERCENT_WORDS = re.compile(r"per\s*cent|percent", re.IGNORECASE)
_NUMBER_END = re.compile(r"\d+(?:[.,]\d+)*$")


def percentage(text: str, spans: list[tuple[int, int]], i: int, j: int) -> str:
    """A percentage that the words ``i`` to ``j`` of ``text`` (at ``spans``) write after the
    number before them, with that number: ``10%`` (no words), ``10 per cent``, ``10 percent``;
    else nothing. So a message tells ``"10%" where the quote has "10 per cent"``.

    >>> text = "rose 2.5 per cent"
    >>> percentage(text, [(0, 4), (5, 6), (7, 8), (9, 12), (13, 17)], 3, 5)
    '2.5 per cent'
    >>> percentage("by 10% now", [(0, 2), (3, 5), (7, 10)], 2, 2)
    '10%'
    """
    first, before = spans[i - 1]
    after = spans[j - 1][1] if j > i else before
    number = _NUMBER_END.search(text, max(0, before - 40), before)
    if number is None or not text[first:before].isdigit():
        return ""
    if j > i:
        if not _PERCENT_WORDS.fullmatch(text, spans[i][0], after):
            return ""
    else:
        sign = _PERCENT_SIGN.match(text, before)
        if sign is None:
            return ""
        after = sign.end()
    return " ".join(text[number.start() : after].split())


__all__ = ["SLIPPED", "changed_words", "misspelt", "percentage", "same_words", "told"]
