"""What a file that is not UTF-8 says when read in the encoding it most likely is in:
Windows-1252, which Windows calls 'ANSI' (Notepad's default before 2019); and text garbled by
being read in it, or in Latin-1, and saved again as UTF-8 (``lâ€™attention``)."""

from __future__ import annotations

import unicodedata

#: What became of a file whose words :func:`ungarbled` reads, and what to do.
GARBLED = ("the file was opened in another encoding than UTF-8 (Latin-1 or Windows-1252) and "
           "saved again, which garbles every accented letter and curly quote in it; retype "
           "them, or take a copy saved before")  # fmt: skip


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


def _byte(char: str) -> bytes:
    """The byte Windows-1252 (or, where it has none, Latin-1) reads as ``char``."""
    try:
        return char.encode("cp1252")
    except UnicodeEncodeError:
        return char.encode("latin-1")


def ungarbled(text: str, at: int) -> tuple[str, str] | None:
    """The word of ``text`` holding index ``at`` and what it was, when it is UTF-8 read as
    Windows-1252 or Latin-1 (``lâ\\x80\\x99attention`` for ``l’attention``); else None."""
    start = max(text.rfind(char, 0, at) for char in " \t\n\r") + 1
    ends = [end for char in " \t\n\r" if (end := text.find(char, at)) != -1]
    word = text[start : min(ends, default=len(text))]
    if not 0 < len(word) <= 40:
        return None
    try:
        was = b"".join(_byte(char) for char in word).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    if was == word or not any(ord(char) > 0x7F and not char.isspace() for char in was):
        return None  # 'Â' and a no-break space, for one alone: too slight a sign to tell
    if any(char.isascii() and char.isalpha() for char in was) and not all(map(_latin, was)):
        return None  # 'weiß…' read as 'wei߅': a Latin word going on in another script
    return word, was


def _latin(char: str) -> bool:
    """Whether ``char`` is ASCII, a Latin letter or punctuation and symbols (``é``, ``’``,
    ``€``, an emoji): what a Latin word garbled was (not an N'Ko digit, nor an ideograph)."""
    code = ord(char)
    return (code <= 0x24F or 0x1E00 <= code <= 0x1EFF or 0x2000 <= code <= 0x2BFF
            or 0x1F000 <= code <= 0x1FAFF)  # fmt: skip


__all__ = ["GARBLED", "ansi_word", "ungarbled"]
