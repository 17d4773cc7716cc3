"""ArgumentMap → CSV for a spreadsheet (a newsroom's fact-check tracker, a class's gradebook):
one row a claim, in the map's order, under a header row of :data:`COLUMNS`.

- ``id``, ``kind``; ``side``: in a debate (a map in which some claim has a ``role``), whose
  the claim is, ``proponent`` for a claim without a role, as ``argmap eval`` says; else empty;
- ``text``; ``quotes``: one quote a line, its line breaks and runs of spaces made one space;
- ``supports``: a line for each reason the claim is in, the claim it supports, with the
  other claims of a linked reason: ``thesis (linked with b)``; ``attacks``: likewise a line
  for each objection, the claim it rebuts, or the move it undercuts (``the reason b for
  thesis``, ``the objection c to thesis``), and each claim it contradicts or is contradicted
  by (``d (contradiction)``);
- ``status`` (``stands``, ``defeated``, ``undecided``) and ``why``: grounded semantics, as
  ``argmap eval`` says them;
- ``thesis``, ``implicit``: ``yes`` or ``no``; ``label``, ``url``, ``note``: as written, or empty.

RFC 4180: commas, double quotes and line breaks inside a cell are quoted, rows end in CRLF;
UTF-8 with a byte order mark, without which Excel reads the file in the computer's code page
(``é`` as ``Ã©``). A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return, after any apostrophes, is one a spreadsheet would run as a formula (CSV injection): it
gets one apostrophe before it, as OWASP recommends, so that it is shown as text; a program
reading the CSV takes that apostrophe off such a cell to get the map's text back.
"""

from __future__ import annotations

import csv
import io

from argmap.analysis.evaluate import evaluate
from argmap.analysis.explain import explain
from argmap.analysis.sides import debated, side_of
from argmap.diagnostics import joined
from argmap.formats.base import Exported, counted, held
from argmap.formats.written import CSV_COLUMNS, CSV_HEADER
from argmap.model import ArgumentMap, Link, Relation, relations

COLUMNS = CSV_COLUMNS
HEADER_LINE = CSV_HEADER
#: What a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA = frozenset("=+-@\t\r")


def guarded(cell: str) -> str:
    """A cell no spreadsheet runs as a formula: one apostrophe before a cell that begins with
    a character of :data:`FORMULA`, or with apostrophes and then one (so that taking one
    apostrophe off such a cell always gives the text back).

    >>> guarded("=1+1"), guarded("'=1"), guarded("'Tis"), guarded("1-2")
    ("'=1+1", "''=1", "'Tis", '1-2')
    """
    return "'" + cell if cell.lstrip("'")[:1] in FORMULA else cell


def _move(relation: Relation) -> str:
    """A reason or objection in words, as an undercut's target: ``the reason a + b for c``."""
    makers = " + ".join(ref.id for ref in relation.claims)
    if relation.link is Link.SUPPORT:
        return f"the reason {makers} for {relation.target.id}"
    return f"the objection {makers} to {_aimed(relation)}"


def _aimed(relation: Relation) -> str:
    """What an attack is against: the claim it rebuts, the move it undercuts."""
    return relation.target.id if relation.on is None else _move(relation.on)


def _links(amap: ArgumentMap) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Each claim's supports and attacks cells, as lines, in the map's order."""
    supports: dict[str, list[str]] = {claim.id: [] for claim in amap.claims}
    attacks: dict[str, list[str]] = {claim.id: [] for claim in amap.claims}
    for relation in relations(amap):
        if relation.link is Link.CONTRADICT:
            one, other = relation.target.id, relation.claims[0].id
            attacks[one].append(f"{other} (contradiction)")
            attacks[other].append(f"{one} (contradiction)")
            continue
        if relation.link is Link.RESTATE:
            continue
        cells = supports if relation.link is Link.SUPPORT else attacks
        aimed = relation.target.id if relation.link is Link.SUPPORT else _aimed(relation)
        for ref in relation.claims:
            others = [other.id for other in relation.claims if other.id != ref.id]
            linked = f" (linked with {', '.join(others)})" if others else ""
            cells[ref.id].append(aimed + linked)
    return supports, attacks


def write(amap: ArgumentMap) -> Exported:
    """The map as CSV, a row a claim; the losses name what has no column."""
    evaluation = evaluate(amap)
    supports, attacks = _links(amap)
    debate = debated(amap.claims)
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for claim in amap.claims:
        row = (
            claim.id,
            claim.kind.value,
            side_of(claim).value if debate else "",
            claim.text,
            "\n".join(" ".join(quote.text.split()) for quote in claim.quotes),
            "\n".join(dict.fromkeys(supports[claim.id])),
            "\n".join(dict.fromkeys(attacks[claim.id])),
            evaluation.status(claim.id).value,
            explain(evaluation, claim.id),
            "yes" if claim.thesis else "no",
            "yes" if claim.implicit else "no",
            claim.label or "",
            claim.url or "",
            claim.note or "",
        )
        writer.writerow([guarded(cell) for cell in row])
    return Exported("\ufeff" + out.getvalue(), _losses(amap))


def _losses(amap: ArgumentMap) -> tuple[str, ...]:
    left = ["the title"]
    left += [f"the language ({amap.lang})"] if amap.lang else []
    left += ["the source"] if amap.source else []
    left += ["the map's note"] if amap.note else []
    left += counted(held(amap), "relation note", "scheme", "critical question", "restatement")
    carried = any(item.aif is not None or item.sadface is not None
                  for item in (*amap.claims, *relations(amap)))  # fmt: skip
    carried = carried or amap.aif is not None or amap.sadface is not None
    left += ["the AIF and SADFace data the map carries"] if carried else []
    spaced = sum(quote.text != " ".join(quote.text.split())
                 for claim in amap.claims for quote in claim.quotes)  # fmt: skip
    if spaced:
        quotes = "1 quote" if spaced == 1 else f"{spaced} quotes"
        left.append(f"the line breaks and runs of spaces in {quotes} (they become one space)")
    return (f"a CSV has a row a claim; left out: {joined(left)}",)


__all__ = ["COLUMNS", "FORMULA", "HEADER_LINE", "guarded", "write"]
