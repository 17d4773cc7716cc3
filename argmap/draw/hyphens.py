"""Where a long word of a map's language may be hyphenated: Liang's algorithm (as TeX does it)
on the patterns of pyphen's dictionaries, the hyphenation dictionaries of LibreOffice.

A word longer than a line is otherwise broken wherever the line ends ("Kraftfahrzeughaftpfli-
chtversicherung"); with the map's ``lang:`` it is broken between syllables ("Kraftfahrzeug-
haftpflichtversicherung"). Only such words are looked up, so a map whose words all fit its
lines never reads a dictionary. Of a dictionary, only its patterns are read, into a table from
each pattern's letters to the pattern: 0.1 s for German's 78,000 patterns, once a process
(pyphen's own reader takes 1.2 s, as it parses every pattern).
"""

from __future__ import annotations

import functools
import re

#: Letters a word keeps unbroken at its start and end (pyphen's and TeX's default for most
#: languages): no "a-" at a line's end, no "-t." at the next's start.
LEFT, RIGHT = 2, 2
_DIGIT = re.compile(r"\d")
_HEX = re.compile(r"\^\^([0-9a-f]{2})")  # a character written in hex in some dictionaries
_SKIPPED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUND", "NOHYPHEN")


@functools.cache
def _patterns(lang: str) -> tuple[dict[str, str], int] | None:
    """The hyphenation patterns of the language ``lang`` (a BCP 47 tag: ``de``, ``de-CH``,
    ``pt-BR``) by their letters (``"abc"`` for ``"a1b2c"``), and the most letters one has;
    None when pyphen has no dictionary of it."""
    import pyphen  # only when a word needs breaking: its import lists 90 dictionaries

    name = pyphen.language_fallback(lang)
    if name is None:
        return None
    raw = pyphen.LANGUAGES[name].read_bytes()
    head, _, body = raw.partition(b"\n")
    encoding = head.decode("ascii", "replace").strip().lower()
    text = body.decode("cp1251" if encoding == "microsoft-cp1251" else encoding, "replace")
    if "^^" in text:
        text = _HEX.sub(lambda found: chr(int(found[1], 16)), text)
    patterns = [line.strip() for line in text.split("\n")]
    letters = _DIGIT.sub("", "\n".join(patterns)).split("\n")
    table = {
        key: pattern
        for key, pattern in zip(letters, patterns, strict=True)
        # Patterns with a change of spelling (Hungarian "ssz/sz=sz,...") are left out: a
        # break there would have to respell the word.
        if pattern and not pattern.startswith(_SKIPPED) and "/" not in pattern
    }
    return table, max(map(len, table), default=0)


@functools.lru_cache(maxsize=4096)  # a word is wrapped to measure its box, then to draw it
def points(word: str, lang: str | None) -> tuple[int, ...]:
    """Where ``word`` (letters only) may be broken with a hyphen in the language ``lang``:
    the offsets of the letters that may start a line.

    >>> points("Kraftfahrzeughaftpflichtversicherung", "de")
    (5, 9, 13, 17, 24, 27, 29, 32)
    >>> points("Kraftfahrzeughaftpflichtversicherung", None)
    ()
    """
    found = _patterns(lang) if lang else None
    lower = word.lower()
    if found is None or len(lower) != len(word):  # "İ" lowers to two characters
        return ()
    patterns, longest = found
    dotted = f".{lower}."
    values = [0] * (len(dotted) + 1)  # values[k]: the odds of a break before dotted[k]
    for start in range(len(dotted)):
        for end in range(start + 1, min(len(dotted), start + longest) + 1):
            pattern = patterns.get(dotted[start:end])
            if pattern is None:
                continue
            at = start
            for char in pattern:
                if char.isdigit():
                    values[at] = max(values[at], int(char))
                else:
                    at += 1
    # A break before word[k] is one before dotted[k + 1].
    return tuple(k for k in range(LEFT, len(word) - RIGHT + 1) if values[k + 1] % 2)


__all__ = ["points"]
