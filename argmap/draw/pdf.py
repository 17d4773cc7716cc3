"""Graphviz's one-page PDFs → one PDF: a page per figure (on paper of a given size, each figure
scaled to fit inside the margins and centred), with the map's title and a creation date.

Graphviz draws each figure as a PDF of one page, through cairo, which writes a classic
cross-reference table and no object streams. This module reads just that: the objects, by the
table's offsets; it keeps every object of each figure (fonts, content streams) under new
numbers, drops each one's catalog, page tree and information dictionary, and writes one of
each for the whole document. A page placed on paper gets two small content streams around
its own, ``q s 0 0 s x y cm`` and ``Q``, which scale and move it; nothing of the drawing itself
is rewritten.

The creation date is ``SOURCE_DATE_EPOCH`` (seconds since 1970, as reproducible builds set it)
when that is set, and left out otherwise, so that the same map always gives the same bytes.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence

import attrs

from argmap.diagnostics import UsageError
from argmap.draw.sheets import GAP, Placed, sheets

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF = re.compile(rb"xref\s+0\s+(\d+)\s+")
_HEADER = re.compile(rb"(\d+)\s+0\s+obj\b")
_REF = re.compile(rb"(\d+) 0 R\b")
_LENGTH = re.compile(rb"/Length (\d+)( 0 R)?")
_TRAILER_KEY = re.compile(rb"/(Root|Info) (\d+) 0 R")
_PAGES = re.compile(rb"/Pages (\d+) 0 R")
_KIDS = re.compile(rb"/Kids\s*\[\s*(\d+) 0 R\s*\]")
_MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")


class PdfError(ValueError):
    """A PDF is not one page as Graphviz's cairo writes it."""


@attrs.frozen
class _Object:
    head: bytes  # the dictionary or value, up to "stream" or "endobj"
    stream: bytes | None = None


@attrs.frozen
class _Figure:
    objects: dict[int, _Object]
    page: int
    size: tuple[float, float]


def _read(pdf: bytes) -> _Figure:
    """The objects of a one-page PDF, its page's number and its page's size (points)."""
    end = _STARTXREF.search(pdf[-64:])
    table = _XREF.match(pdf, int(end.group(1))) if end else None
    if table is None:
        raise PdfError("no cross-reference table")
    count, at = int(table.group(1)), table.end()
    offsets = {}
    for number in range(1, count):
        entry = pdf[at + 20 * number : at + 20 * number + 20]
        if entry[17:18] == b"n":
            offsets[number] = int(entry[:10])
    heads: dict[int, tuple[bytes, int | None]] = {}  # number → head, where its stream starts
    for number, offset in offsets.items():
        header = _HEADER.match(pdf, offset)
        if header is None or int(header.group(1)) != number:
            raise PdfError(f"object {number} is not where the table says")
        start = header.end()
        stream, close = pdf.find(b"stream", start), pdf.find(b"endobj", start)
        if -1 < stream < close:
            begin = stream + len(b"stream")
            begin += 2 if pdf[begin : begin + 2] == b"\r\n" else 1
            heads[number] = (pdf[start:stream].strip(), begin)
        else:
            heads[number] = (pdf[start:close].strip(), None)
    objects = {}
    for number, (head, begin) in heads.items():
        if begin is None:
            objects[number] = _Object(head)
            continue
        length = _LENGTH.search(head)
        if length is None:
            raise PdfError(f"stream {number} has no length")
        size = int(heads[int(length[1])][0]) if length.group(2) else int(length[1])
        objects[number] = _Object(head, pdf[begin : begin + size])
    trailer = dict((k, int(v)) for k, v in _TRAILER_KEY.findall(pdf[int(end.group(1)) :]))
    catalog = objects.get(trailer.get(b"Root", 0))
    pages = _PAGES.search(catalog.head) if catalog else None
    kids = _KIDS.search(objects[int(pages.group(1))].head) if pages else None
    if kids is None:
        raise PdfError("not a PDF of one page")
    page = int(kids.group(1))
    box = _MEDIABOX.search(objects[page].head)
    if box is None:
        raise PdfError("the page has no size")
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    dropped = {trailer.get(b"Root"), trailer.get(b"Info"), int(pages.group(1))}
    kept = {n: o for n, o in objects.items() if n not in dropped}
    return _Figure(kept, page, (x1 - x0, y1 - y0))


def size(page: bytes) -> tuple[float, float]:
    """The size (points) of a one-page PDF as Graphviz's cairo writes it."""
    return _read(page).size


def _text(value: str) -> bytes:
    """A PDF text string: literal when printable ASCII, else UTF-16BE in hex."""
    if value.isascii() and value.isprintable():
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped})".encode("ascii")
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def creation_date(environ: dict[str, str] | None = None) -> str | None:
    """``SOURCE_DATE_EPOCH`` as a PDF date (``D:YYYYMMDDHHmmSSZ``), None when it is not set.

    >>> creation_date({"SOURCE_DATE_EPOCH": "1700000000"})
    'D:20231114221320Z'
    """
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH must be seconds since 1970, not '{value}'")
    return time.strftime("D:%Y%m%d%H%M%SZ", time.gmtime(int(value)))


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def document(
    pages: Sequence[bytes],
    title: str,
    *,
    paper: tuple[float, float] | None = None,
    margin: float = 0.0,
    scale: float | Sequence[float] = 1.0,
    heads: Sequence[bytes] = (),
    head_scale: float = 1.0,
) -> bytes:
    """The one-page PDFs ``pages`` as one document titled ``title``, each figure printed at
    ``scale`` (one for all, or one each).

    With ``paper`` (width, height in points) the pages are that size and the figures are set
    on them in order, side by side while a row holds them, rows one under another from the
    top while the next one fits (:func:`sheets`); one bigger than the page inside ``margin``
    is scaled down to fit it. ``heads``, one-page PDFs too, head the first page and each
    further one (the last given) at ``head_scale``, at the top left inside the margin.
    Without, each page is its figure's size times its scale (the size a document prints it
    at).
    """
    figures = [_read(page) for page in [*pages, *heads]]
    scales = [scale] * len(pages) if isinstance(scale, (int, float)) else list(scale)
    out: dict[int, bytes] = {}
    placed = []  # each figure's page, under its new number
    number = 4  # 1: catalog, 2: pages, 3: information
    for figure in figures:
        base = number - min(figure.objects)
        renumber = {old: old + base for old in figure.objects}

        def new(match: re.Match[bytes], renumber: dict[int, int] = renumber) -> bytes:
            return b"%d 0 R" % renumber.get(int(match.group(1)), int(match.group(1)))

        for old, obj in figure.objects.items():
            head = _REF.sub(new, obj.head)
            if obj.stream is not None:
                out[renumber[old]] = head + b"\nstream\n" + obj.stream + b"\nendstream"
            else:
                out[renumber[old]] = head
        number = max(renumber.values()) + 1
        placed.append(renumber[figure.page])
    if paper is None:
        kids = [_scaled(out, page, figure.size, scale)
                for page, figure, scale in zip(placed, figures, scales, strict=True)]  # fmt: skip
    else:
        count = len(pages)
        sizes = [figure.size for figure in figures[:count]]
        tops = [(_form(out, placed[count + n], f.size), f.size[1] * head_scale)
                for n, f in enumerate(figures[count:])]  # fmt: skip
        found = sheets(sizes, scales, paper, margin, heads=[high for _, high in tops])
        kids = []
        for number, sheet in enumerate(found):
            head = None
            if tops:
                form, high = tops[min(number, len(tops) - 1)]
                head = (form, head_scale, margin, paper[1] - margin - high)
            kids.append(_sheet(out, placed, sizes, sheet, paper, head))
    out[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    out[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    info = b"<< /Title " + _text(" ".join(title.split())) + b" /Creator (argmap)"
    date = creation_date()
    if date is not None:
        info += b" /CreationDate (" + date.encode("ascii") + b")"
    out[3] = info + b" >>"
    return _write(out)


def _add(out: dict[int, bytes], obj: bytes) -> int:
    """Add ``obj`` to the document under a new number, and return it."""
    number = max(out) + 1
    out[number] = obj
    return number


def _stream(out: dict[int, bytes], text: str) -> int:
    data = text.encode("ascii")
    return _add(out, b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data))


def _contents(head: bytes) -> int:
    contents = re.search(rb"/Contents (\d+) 0 R", head)
    if contents is None:
        raise PdfError("the page has no contents")
    return int(contents[1])


def _place(shrink: float, x: float, y: float) -> str:
    return f"q {_number(shrink)} 0 0 {_number(shrink)} {_number(x)} {_number(y)} cm\n"


def _mediabox(width: float, height: float) -> bytes:
    return f"/MediaBox [ 0 0 {_number(width)} {_number(height)} ]".encode()


def _scaled(out: dict[int, bytes], page: int, size: tuple[float, float], scale: float) -> int:
    """A figure's own page, ``scale`` times its size (the page itself when 1)."""
    head = re.sub(rb"/Parent \d+ 0 R", b"/Parent 2 0 R", out[page])
    if scale != 1.0:
        before, after = _stream(out, _place(scale, 0, 0)), _stream(out, "Q\n")
        inside = _contents(head)
        head = re.sub(
            rb"/Contents \d+ 0 R",
            b"/Contents [%d 0 R %d 0 R %d 0 R]" % (before, inside, after),
            head,
        )
        head = _MEDIABOX.sub(_mediabox(size[0] * scale, size[1] * scale), head, count=1)
    out[page] = head
    return page


def _form(out: dict[int, bytes], page: int, size: tuple[float, float]) -> int:
    """A figure's page made a form (its contents, resources and group), which sheets draw
    where they put it; the page is dropped. Returns the form's number."""
    head = out.pop(page)
    form = b"/Type /XObject /Subtype /Form /BBox [ 0 0 %s %s ] " % (
        _number(size[0]).encode(), _number(size[1]).encode())  # fmt: skip
    for key in (b"Resources", b"Group"):
        value = _entry(head, key)
        if value is not None:
            form += b"/%s %s " % (key, value)
    inside = _contents(head)
    out[inside] = re.sub(rb"^<<\s*", b"<< " + form, out[inside], count=1)
    return inside


def _sheet(
    out: dict[int, bytes],
    pages: list[int],
    sizes: list[tuple[float, float]],
    sheet: list[Placed],
    paper: tuple[float, float],
    head: tuple[int, float, float, float] | None = None,
) -> int:
    """A page of paper holding the figures ``sheet`` places, each figure's page made a form
    (:func:`_form`); and ``head``: a form, its scale and its lower left corner."""
    forms, drawing = [], ""
    for placed in sheet:
        inside = _form(out, pages[placed.index], sizes[placed.index])
        forms.append(b"/Figure%d %d 0 R" % (placed.index + 1, inside))
        drawing += _place(placed.scale, placed.x, placed.y) + f"/Figure{placed.index + 1} Do Q\n"
    if head is not None:
        form, scale, x, y = head
        forms.append(b"/Head %d 0 R" % form)
        drawing = _place(scale, x, y) + "/Head Do Q\n" + drawing
    contents = _stream(out, drawing)
    return _add(out, b"<< /Type /Page /Parent 2 0 R %s /Contents %d 0 R /Group %s "
                     b"/Resources << /XObject << %s >> >> >>"
                     % (_mediabox(*paper), contents, _GROUP, b" ".join(forms)))  # fmt: skip


#: How cairo groups a page's drawing (blended in RGB), for each sheet as for each figure.
_GROUP = b"<< /Type /Group /S /Transparency /I true /CS /DeviceRGB >>"
_BRACKET = re.compile(rb"<<|>>|\[|\]")


def _entry(head: bytes, key: bytes) -> bytes | None:
    """The value of ``/key`` in a dictionary, as written: a reference, a name or number, or a
    dictionary or array (up to its closing bracket)."""
    found = re.search(rb"/" + key + rb"(?![A-Za-z0-9])\s*", head)
    if found is None:
        return None
    at = found.end()
    if not head.startswith((b"<<", b"["), at):
        value = re.match(rb"\d+ \d+ R|/?[^\s/<>\[\]]+", head[at:])
        return value.group() if value else None
    depth = 0
    for token in _BRACKET.finditer(head, at):
        depth += 1 if token.group() in (b"<<", b"[") else -1
        if depth == 0:
            return head[at : token.end()]
    raise PdfError(f"/{key.decode()} is not closed")


def _write(objects: dict[int, bytes]) -> bytes:
    body = bytearray(b"%PDF-1.5\n%\xb5\xed\xae\xfb\n")
    size = max(objects) + 1
    offsets = [0] * size
    for number in range(1, size):
        if number in objects:
            offsets[number] = len(body)
            body += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    start = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in objects:
            body += b"%010d 00000 n \n" % offsets[number]
        else:
            body += b"0000000000 65535 f \n"
    body += b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\n" % size
    body += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(body)


__all__ = ["GAP", "PdfError", "Placed", "creation_date", "document", "sheets", "size"]
