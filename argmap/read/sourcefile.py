"""A source file's bytes → its text, or what the file is instead and how to make text of it (a
PDF, a Word document, text in another encoding than UTF-8)."""

from __future__ import annotations

import re

from argmap.diagnostics import shell_word
from argmap.encodings import undecodable, wide

#: The first bytes of documents that are not plain text, and what each is.
_DOCUMENTS = (
    (b"%PDF-", "a PDF", "copy it from the PDF, or run: pdftotext {name}"),
    (
        b"PK\x03\x04",
        "a zipped document (Word's .docx, OpenDocument's .odt, ...)",
        "Save as: Plain Text, encoding UTF-8",
    ),
)


#: A line's end written as a lone CR (classic Mac OS; text copied from some PDF viewers).
_LONE_CR = re.compile(r"\r(?!\n)")


def with_line_ends(text: str) -> str:
    """``text`` with each line that ends in a lone CR ending in LF instead, one character for
    one, so that offsets stay: its lines, paragraphs and words broken at a line's end are
    read as an editor shows them, as those of text ending its lines in LF or CR LF."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def text_of(data: bytes, name: str) -> tuple[str | None, str | None]:
    """The text of the source file ``name`` (as the map writes it) holding ``data``, or None
    and why it is none: what the file is, and how to make a UTF-8 text of it.

    >>> text_of(b"%PDF-1.7", "a.pdf")[1].split(";")[0]
    "source file 'a.pdf' is a PDF"
    """
    for magic, what, how in _DOCUMENTS:
        if data.startswith(magic):
            return None, (
                f"source file '{name}' is {what}; argmap reads plain text: save the article's "
                f"text as a UTF-8 .txt file ({how.format(name=shell_word(name))}) and name that"
            )
    said = wide(data)
    if said is not None:
        return None, f"source file '{name}' is {said}"
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return with_line_ends(body.decode("utf-8")), None
    except UnicodeDecodeError as exc:
        return None, f"source file '{name}' is {undecodable(body, exc)[1]}"


__all__ = ["text_of", "with_line_ends"]
