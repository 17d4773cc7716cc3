"""What a file that is not UTF-8 says when read in the encoding it most likely is in:
Windows-1252, which Windows calls 'ANSI' (Notepad's default before 2019), told in a user's
words with how to save it as UTF-8 (and UTF-16, Notepad's 'Unicode', named, with the same
advice); and text garbled by being read in it, or in Latin-1, and
saved again as UTF-8 (``lâ€™attention``). Below the readers: a map's, a source's, a
``pyproject.toml``'s and an imported file's bytes are told alike."""

from __future__ import annotations

import unicodedata

from argmap.diagnostics import Span, span_at

#: What became of a file whose words :func:`ungarbled` reads, and what to do.
GARBLED = ("the file was opened in another encoding than UTF-8 (Latin-1 or Windows-1252) and "
           "saved again, which garbles every accented letter and curly quote in it; retype "
           "them, or take a copy saved before")  # fmt: skip


#: How to save a file as UTF-8: in Notepad and Word, which a class has, and in any editor.
SAVE_AS_UTF8_HOW = (
    "save it as UTF-8 (Notepad: File > Save as, Encoding: UTF-8; Word: File > Save as, Plain "
    "Text, then Text encoding: Unicode (UTF-8); another editor: its Save as, encoding UTF-8)"
)


#: What a text in UTF-16 or UTF-32 begins with (its byte-order mark), longest first.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
#: Said of a file in UTF-16 or UTF-32, before how to save it as UTF-8.
_WIDE_WHY = "not UTF-8 (Windows Notepad saves 'Unicode' as UTF-16)"


def wide_encoding(data: bytes) -> str | None:
    """``UTF-16`` or ``UTF-32`` when ``data`` is text in one of them (by its byte-order mark,
    or without one, by the zero bytes that pad every character of a Latin text), else None.

    >>> wide_encoding("title: T".encode("utf-16-le")), wide_encoding(b"title: T")
    ('UTF-16', None)
    """
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    head = data[:512]
    if len(head) < 4 or b"\0" not in head:
        return None
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        units = [head[i : i + width] for i in range(0, len(head) - width + 1, width)]
        padded = sum(1 for unit in units if unit.count(0) == width - 1)
        if padded >= 0.9 * len(units):
            return name
    return None


def wide(data: bytes) -> str | None:
    """What a file in UTF-16 or UTF-32 (:func:`wide_encoding`) is, in a user's words, and how
    to save it as UTF-8, as a file in another encoding is told (:func:`undecodable`): ``UTF-16,
    not UTF-8 (Windows Notepad saves 'Unicode' as UTF-16); save it as UTF-8 (Notepad: ...)``;
    None for another file."""
    name = wide_encoding(data)
    return None if name is None else f"{name}, {_WIDE_WHY}; {SAVE_AS_UTF8_HOW}"


def undecodable(data: bytes, exc: UnicodeDecodeError) -> tuple[Span, str]:
    """Where the first byte of ``data`` that is not UTF-8 is (its line:col, as an editor
    counts them), and in a user's words what is wrong and what to do: ``not valid UTF-8 (byte
    e9 at line 2, column 14): it is probably in Windows-1252 ...; save it as UTF-8 (...)``,
    the word that encoding reads there named (:func:`ansi_word`), or that the file ends
    inside a character; not Python's ``invalid continuation byte``."""
    before = data[: exc.start].decode("utf-8", "replace")  # all of it UTF-8
    span = span_at(before, len(before))
    bad = data[exc.start : exc.end]
    at = f"at line {span.line}, column {span.column}"
    place = f"byte{'s' if len(bad) > 1 else ''} {bad.hex(' ')} {at}"
    cut = exc.end == len(data) and exc.reason == "unexpected end of data"
    word = None if cut and len(bad) > 1 else ansi_word(data, exc.start)  # 'â€' is no word
    if word is not None:
        why = ("it is probably in Windows-1252 (Windows' 'ANSI') or Latin-1, in which the word "
               f"there is '{word}'")  # fmt: skip
    elif cut:
        why = "it ends inside a character, cut short"
    else:
        why = "it is in another encoding"
    return span, f"not valid UTF-8 ({place}): {why}; {SAVE_AS_UTF8_HOW}"


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
    if any(char.isascii() and char.isalpha() for char in was) and _ends_a_word(word):
        return None  # 'weiß…' read as 'wei߅': a Latin word going on in another script
    return word, was


#: What ends a Latin word in text (its closing quotes and marks, a dash, a brand's sign): a
#: letter read as UTF-8 with such characters after it makes another script's character
#: ('ß…' '߅', 'É®' 'ɮ') of a word that is what it is; text garbled has others after it too.
_WORD_ENDS = frozenset("…’”“‘»›–—®™©°²³¹ºª")


def _ends_a_word(word: str) -> bool:
    """Whether each character of another script that ``word`` (read as UTF-8, see
    :func:`ungarbled`) makes, one at least, is a letter and characters that end a Latin word
    (:data:`_WORD_ENDS`): ``weiß…``, ``NESTLÉ®``, not ``iPhoneã\x81®`` (``iPhoneの``)."""
    at, made = 0, []
    while at < len(word):
        lead = _byte(word[at])[0]
        size = 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        made.append(word[at : at + size])
        at += size
    others = [part for part in made if not _latin(b"".join(map(_byte, part)).decode("utf-8"))]
    return bool(others) and all(set(part[1:]) <= _WORD_ENDS for part in others)


def _latin(char: str) -> bool:
    """Whether ``char`` is ASCII, a Latin letter or punctuation and symbols (``é``, ``’``,
    ``€``, an emoji): what a Latin word garbled was (not an N'Ko digit, nor an ideograph)."""
    code = ord(char)
    return (code <= 0x24F or 0x1E00 <= code <= 0x1EFF or 0x2000 <= code <= 0x2BFF
            or 0x1F000 <= code <= 0x1FAFF)  # fmt: skip


__all__ = [
    "GARBLED",
    "SAVE_AS_UTF8_HOW",
    "ansi_word",
    "undecodable",
    "ungarbled",
    "wide",
]
