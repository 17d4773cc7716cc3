"""Text → the text folded for quote look-ups: quote marks, dashes and ligatures as typed,
invisible characters dropped, white space as single spaces."""

from __future__ import annotations

import re

# Typographic variants that analysts cannot be expected to reproduce exactly (and Russian
# ё, which its orthography lets writers spell е). A ligature is spelled out in its letters.
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


def normalize(text: str) -> str:
    """Fold quote marks and dashes to ASCII and runs of white space to one space.

    >>> normalize("the  \u201cEuropean\u201d\\ncommunity \u2014 now")
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
