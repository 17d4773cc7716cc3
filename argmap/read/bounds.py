"""A quote's part found in a source text → whether it stands on the text's word boundaries:
a quote is of whole words, so ``The first reason is heal`` is not found in "The first reason
is health", nor ``raffic is`` in "Traffic is" (each passed ``check``, and ``coverage`` counted
the word as quoted).

A part that begins with a letter or digit must not begin inside a word of the text, and one
that ends with one must not end inside a word. Scripts written without spaces between words
(Chinese, Japanese, Thai, ...) have no such boundaries to stand on, and are not held to them.
"""

from __future__ import annotations

#: Code points of scripts written without spaces between words: Thai, Lao, Tibetan, Myanmar,
#: Khmer, and from the CJK radicals on (Chinese, Japanese, Korean and what follows).
_UNSPACED = ((0x0E00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x2E80, 0x10FFFF))


def wordy(char: str) -> bool:
    """Whether ``char`` is part of a word of a script that puts spaces between its words.

    >>> wordy("h"), wordy("é"), wordy("7"), wordy(" "), wordy("-"), wordy("中")
    (True, True, True, False, False, False)
    """
    if not char.isalnum():
        return False
    point = ord(char)
    return not any(low <= point <= high for low, high in _UNSPACED)


def bounded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a part found there) begins and ends on word boundaries:
    it begins with no letter or digit that goes on a word of the text before it, and ends
    with none that a word of the text goes on after.

    >>> text = "The first reason is health."
    >>> bounded(text, 0, 24), bounded(text, 0, 26), bounded(text, 4, 9), bounded(text, 5, 9)
    (False, True, True, False)
    """
    if start < end and start > 0 and wordy(text[start]) and wordy(text[start - 1]):
        return False
    return not (start < end < len(text) and wordy(text[end - 1]) and wordy(text[end]))


def find_bounded(text: str, part: str, start: int, end: int | None = None) -> int:
    """The first index from ``start`` on (before ``end``) where ``part`` is in ``text`` on
    word boundaries (:func:`bounded`), or -1.

    >>> find_bounded("heal health heal.", "heal", 0), find_bounded("health", "heal", 0)
    (0, -1)
    """
    stop = len(text) if end is None else end
    index = text.find(part, start, stop)
    while index >= 0 and not bounded(text, index, index + len(part)):
        index = text.find(part, index + 1, stop)
    return index


__all__ = ["bounded", "find_bounded", "wordy"]
