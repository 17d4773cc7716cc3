"""Text → the text folded for quote look-ups: quote marks, dashes and ligatures as typed,
invisible characters dropped (a soft hyphen, zero-width spaces and joiners, a word joiner, a
byte order mark inside the text), white space as single spaces."""

from __future__ import annotations

import re

# Typographic variants that analysts cannot be expected to reproduce exactly (and Russian
# ё, which its orthography lets writers spell е). A ligature is spelled out in its letters.
# Not German ß for ss: the two tell words apart (Maßen, Massen), so a quote keeps the source's;
# wording.changed_words, by case folding, takes them for letter case, which --fix mends.
_FOLD = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u2033": '"',  # ″
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus
        "\u0451": "\u0435",  # ё: Russian print and keyboards mostly write е for it
        "\u0401": "\u0415",  # Ё
        "\ufb00": "ff",  # ligatures, as text taken from PDFs has them
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",  # ſt
        "\ufb06": "st",
        "\u00ad": None,  # soft hyphen: invisible
        "\u200b": None,  # zero-width space
        "\u200c": None,  # zero-width non-joiner (a web page's, or a Persian word's)
        "\u200d": None,  # zero-width joiner
        "\u2060": None,  # word joiner
        "\ufeff": None,  # zero-width no-break space: a byte order mark inside the text
        "\u200e": None,  # left-to-right mark (Hebrew or Arabic mixed with Latin on a page)
        "\u200f": None,  # right-to-left mark
        "\u061c": None,  # Arabic letter mark
    }
)
_FOLD_PAIRS = tuple((chr(code), to) for code, to in _FOLD.items() if to is not None)
_INVISIBLE = tuple(chr(code) for code, to in _FOLD.items() if to is None)
# ё decomposed (NFD, as some PDFs and macOS write it): е and a combining diaeresis, which
# folding drops as it folds ё to е. Only there: the diaeresis of ë, ü, ... matters.
_YO_MARK = "(?<=[\u0435\u0415])\u0308"
_DROP_INVISIBLE = re.compile(f"[{''.join(_INVISIBLE)}]+|{_YO_MARK}")
_DASH_RUN = re.compile("--+")
# What folding drops, found in the text once its dashes are folded: an invisible character, a
# decomposed ё's diaeresis, and of a run of dashes (with invisible ones among them) all but the
# first, so that "--" typed for a dash matches "—" and the other way.
_DROPPED = re.compile(f"-[-{''.join(_INVISIBLE)}]+|[{''.join(_INVISIBLE)}]+|{_YO_MARK}")
# An elision inside a quote: "…", "...", "[…]" or "[...]" stands for omitted source text.
_ELLIPSIS = re.compile(r"\s*\[?(?:\u2026|\.\.\.)\]?\s*")


# The space French (and Swiss) typography puts inside guillemets, « like this », and before
# ; : ! ? and % (a no-break, narrow no-break or thin space, or a plain one, or none, as each writer
# and keyboard has it) counts as none: in a folded text, white space after a double quote mark
# (" from « » “ ” „, or straight) or a single guillemet, or before one of them or ; : ! ? %, is
# dropped. A quote mark cannot tell opening from closing once folded, so both its sides.
TIGHT_AFTER = '"\u2039\u203a'
TIGHT_BEFORE = TIGHT_AFTER + ";:!?%"
_TIGHT = re.compile(f"(?<=[{TIGHT_AFTER}]) | (?=[{TIGHT_BEFORE}])")


_SPACES = re.compile("  +")  # white space that normalizing shortens, once all of it is spaces
#: White space other than a space (str.isspace), each made a space before runs are looked for.
_OTHER_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)


def normalize(text: str) -> str:
    """The text as quotes are matched: :func:`spaced`, without the space beside a quote mark
    or before ``; : ! ? %`` (:data:`TIGHT_AFTER`, :data:`TIGHT_BEFORE`).

    >>> normalize("the  \u201cEuropean\u201d\\ncommunity \u2014 now")
    'the"European"community - now'
    >>> normalize("il a dit \u00ab\u202foui\u202f\u00bb\u00a0; la r\u00e8gle : non")
    'il a dit"oui"; la r\u00e8gle: non'
    """
    words = spaced(text)
    return _TIGHT.sub("", words) if " " in words else words


def spaced(text: str) -> str:
    """Fold quote marks and dashes to ASCII and runs of white space to one space: the words
    of a text as a message pairs them with the quote's.

    >>> spaced("the  \u201cEuropean\u201d\\ncommunity \u2014 now")
    'the "European" community - now'
    """
    folded = _fold(text)
    # Most quotes are spaced so already: single spaces between words and no other white space
    # (a printable text has none but spaces), and need no splitting into words and joining.
    if (
        folded.isprintable()
        and "  " not in folded
        and not folded.startswith(" ")
        and not folded.endswith(" ")
    ):
        return folded
    return " ".join(folded.split())


def space(folded: str) -> tuple[str, list[int], list[int]]:
    """A folded text (:func:`_fold`) spaced as :func:`normalize` spaces a quote, and where the
    two shift against each other: from offset ``marks[k]`` of the spaced text on, an offset of
    the folded one is the spaced one + ``shifts[k]``. Runs of white space become one space,
    none beside a quote mark or before ; : ! ? % (and none at the start, one at the end if any).

    Built for long texts: every step is a C scan of the whole text (str.find for a mark, of
    a few characters, is several times faster than a regular expression), or a step per run of
    spaces to change."""
    spaced = folded.replace("\n", " ")
    if not spaced.isprintable():  # white space other than spaces: each character a space
        for char in _OTHER_SPACE:
            if char in spaced:
                spaced = spaced.replace(char, " ")
    lead = len(spaced) - len(spaced.lstrip(" "))
    # Each run of spaces to shorten or drop: its start, end and whether one space stays. The
    # same run found twice sorts first as dropped.
    runs = [(*run.span(), True) for run in _SPACES.finditer(spaced, lead)]
    tight = _beside_marks(spaced, lead)
    if tight:
        runs = sorted(runs + tight)
    marks, shifts = ([0], [lead]) if lead else ([], [])
    pieces: list[str] = []  # the text between runs of spaces, and what each becomes
    shift = done = lead
    for start, end, kept in runs:
        if start < done:
            continue  # a run found again
        marks.append(start - shift + kept)
        shift += end - start - kept
        shifts.append(shift)
        pieces += (spaced[done:start], " " if kept else "")
        done = end
    pieces.append(spaced[done:])
    return "".join(pieces), marks, shifts


def _beside_marks(spaced: str, lead: int) -> list[tuple[int, int, bool]]:
    """The runs of spaces after ``lead`` in ``spaced`` before a mark of :data:`TIGHT_BEFORE`
    or after one of :data:`TIGHT_AFTER`, as (start, end, False)."""
    runs = []
    for mark in TIGHT_BEFORE:
        if mark not in spaced:
            continue
        at = spaced.find(" " + mark, lead)
        while at >= 0:
            start = at
            while start > lead and spaced[start - 1] == " ":
                start -= 1
            runs.append((start, at + 1, False))
            at = spaced.find(" " + mark, at + 2)
        if mark in TIGHT_AFTER:
            at = spaced.find(mark + " ", lead)
            while at >= 0:
                end = at + 2
                while spaced[end : end + 1] == " ":
                    end += 1
                runs.append((at + 1, end, False))
                at = spaced.find(mark + " ", end)
    return runs


def _fold(text: str) -> str:
    """Quote marks and dashes folded to ASCII, ligatures spelled out, invisible characters
    dropped, a run of dashes ("--", "——") made one."""
    return _drop(_swap(text))


def _swap(text: str) -> str:
    """Quote marks and dashes folded to ASCII, a character for a character, and ligatures
    spelled out (a character for two or three)."""
    if not text.isascii():  # all that swapping changes lies outside ASCII
        for char, replacement in _FOLD_PAIRS:  # a C scan each: faster than str.translate
            if char in text:
                text = text.replace(char, replacement)
    return text


def _drop(swapped: str) -> str:
    """Of a text :func:`_swap` folded, invisible characters dropped and runs of dashes made
    one (what :data:`_DROPPED` finds)."""
    if not swapped.isascii() and any(char in swapped for char in (*_INVISIBLE, "\u0308")):
        swapped = _DROP_INVISIBLE.sub("", swapped)
    return _DASH_RUN.sub("-", swapped) if "--" in swapped else swapped


def _parts(quote: str) -> list[str]:
    """The normalized parts of a quote between its elisions, empty ones left out."""
    if "\u2026" not in quote and "..." not in quote:  # no elision: one part
        part = normalize(quote)
        return [part] if part else []
    return [part for part in map(normalize, _ELLIPSIS.split(quote)) if part]


def elided_spans(quote: str) -> list[tuple[int, int]]:
    """Where the parts of a quote between its elisions are in it, empty ones left out.

    >>> elided_spans("The sky … is blue [...] today")
    [(0, 7), (10, 17), (24, 29)]
    """
    spans, at = [], 0
    for elision in [*_ELLIPSIS.finditer(quote), None]:
        end = len(quote) if elision is None else elision.start()
        if normalize(quote[at:end]):
            spans.append((at, end))
        at = end if elision is None else elision.end()
    return spans


#: What a ligature is spelled out as (its letters), by the ligature.
LIGATURES = {char: to for char, to in _FOLD_PAIRS if len(to) > 1}
