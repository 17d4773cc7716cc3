"""ArgumentMap → Argdown (argdown.org) text that the Argdown parser reads to the same structure.

Claims become statements titled by their id, tagged with their kind (``#premise``), with their
other fields (quotes, note, link, ...) as the statement's data. A reason of one claim becomes a
support relation (``+``); a linked or undercut reason, or one with a note, becomes an argument
with a premise-conclusion structure whose conclusion is the claim. An objection of one claim
becomes an attack relation (``-``); a linked one, or one with objections or a note of its own,
becomes an argument that attacks the claim, supported by its claims. Undercuts (``_``) point at
the argument of the step they attack. ``contradicts`` becomes a contradiction (``><``).

Text is written on one line with every character Argdown gives a meaning to escaped, so it
comes out literally; line breaks inside a text become spaces.
"""

from __future__ import annotations

import json
import re

from argmap.formats import Exported
from argmap.formats.jsonfmt import claim_document
from argmap.model import ArgumentMap, Claim, Objection, Reason, Ref

#: Characters the Argdown lexer gives a meaning to (and a few more): escaped with a backslash.
_SPECIAL = re.compile(r"""([\\@#*_\[\],.:;<>/\-(){}=+!?"'`&%$|~^])""")
#: Claim fields carried as the statement's data rather than structure.
STRUCTURE = ("id", "text", "reasons", "objections", "contradicts")


def escape(text: str) -> str:
    r"""Text on one line for an Argdown statement or description, read back literally.

    >>> print(escape("a [b] #c\nd"))
    a \[b\] \#c d
    """
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _data(values: dict[str, object]) -> str:
    items = []
    for key, value in values.items():
        literal = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
        literal = literal.replace("{", "\\u007b").replace("}", "\\u007d")
        items.append(f"{json.dumps(key)}:{literal}")
    return "{" + ",".join(items) + "}"


class _Writer:
    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.blocks: list[list[str]] = []

    def statement(self, claim: Claim) -> None:
        extra = {k: v for k, v in claim_document(claim).items() if k not in STRUCTURE}
        line = f"[{claim.id}]: {escape(claim.text)} #{claim.kind.value}"
        self.blocks.append([line + (f" {_data(extra)}" if extra else "")])

    def reason(self, title: str, reason: Reason, target: str) -> None:
        head = f"<{title}>" + (f": {escape(reason.note)}" if reason.note else "")
        self.blocks.append([head])
        premises = [f"({n}) [{ref.id}]" for n, ref in enumerate(reason.claims, 1)]
        conclusion = f"({len(reason.claims) + 1}) [{target}]"
        self.blocks.append([*premises, "----", conclusion])
        self.undercuts(title, reason.objections)

    def objection(self, title: str, objection: Objection) -> None:
        head = f"<{title}>" + (f": {escape(objection.note)}" if objection.note else "")
        self.blocks.append([head, *(f"  + [{ref.id}]" for ref in objection.claims)])
        self.undercuts(title, objection.objections)

    def attacks(self, title: str, objections: tuple[Ref | Objection, ...], mark: str) -> list[str]:
        """The lines of ``title``'s block that name its attackers (``mark`` is ``-`` for a
        rebuttal, ``_`` for an undercut); an objection written in full gets its own block."""
        lines = []
        for number, item in enumerate(objections, 1):
            if isinstance(item, Ref):
                lines.append(f"  {mark} [{item.id}]")
            else:
                nested = f"{title} objection {number}"
                lines.append(f"  {mark} <{nested}>")
                self.objection(nested, item)
        return lines

    def undercuts(self, title: str, objections: tuple[Ref | Objection, ...]) -> None:
        lines = self.attacks(title, objections, "_")
        if lines:
            self.blocks.append([f"<{title}>", *lines])

    def relations(self, claim: Claim) -> None:
        lines = []
        for number, reason in enumerate(claim.reasons, 1):
            if reason.linked or reason.objections or reason.note:
                self.reason(f"{claim.id} reason {number}", reason, claim.id)
            else:
                lines.append(f"  + [{reason.claims[0].id}]")
        lines += self.attacks(claim.id, claim.objections, "-")
        lines += [f"  >< [{ref.id}]" for ref in claim.contradicts]
        if lines:
            self.blocks.append([f"[{claim.id}]", *lines])


def write(amap: ArgumentMap) -> Exported:
    """The map as Argdown; the losses name what Argdown has no place for."""
    writer = _Writer(amap)
    title = json.dumps(" ".join(amap.title.split()), ensure_ascii=True).replace("=", "\\u003d")
    writer.blocks.append(["===", f"title: {title}", "==="])
    for claim in amap.claims:
        writer.statement(claim)
    for claim in amap.claims:
        writer.relations(claim)
    losses = []
    if amap.note is not None or amap.source is not None:
        what = " and ".join(
            part for part, there in (("note", amap.note), ("source", amap.source)) if there
        )
        losses.append(f"Argdown has no place for the map's {what}; left out")
    multiline = [claim.id for claim in amap.claims if "\n" in claim.text]
    if multiline:
        losses.append(f"line breaks in the text of {len(multiline)} claims become spaces")
    text = "\n\n".join("\n".join(block) for block in writer.blocks) + "\n"
    return Exported(text, tuple(losses))
