"""What a file that is not UTF-8 says when read in the encoding it most likely is in:
Windows-1252, which Windows calls 'ANSI' (Notepad's default before 2019)."""

from __future__ import annotations

import unicodedata


def ansi_word(data: bytes, at: int) -> str | None:
    """The word holding the byte at ``at`` as Windows-1252 reads it (``lycée``), when that
    reading gives it letters and punctuation text has; None for bytes that are no such text
    in it either (or a word too long to quote)."""
    start = max(data.rfind(byte, 0, at) for byte in (b" ", b"\n", b"\r", b"\t"))
    ends = [end for byte in (b" ", b"\n", b"\r", b"\t") if (end := data.find(byte, at)) != -1]
    raw = data[start + 1 : min(ends, default=len(data))]
    try:
        word = raw.decode("cp1252")
    except UnicodeDecodeError:  # bytes Windows-1252 leaves undefined (81, 8d, ...)
        return None
    if not 0 < len(word) <= 40 or not all(c.isprintable() for c in word):
        return None
    return word if unicodedata.category(data[at : at + 1].decode("cp1252"))[0] in "LPS" else None


__all__ = ["ansi_word"]
