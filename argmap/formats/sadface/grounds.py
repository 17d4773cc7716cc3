"""The map's source text → the SADFace document's one ``text`` resource, and each claim's
quotes → its atom's ``sources``, located where ``argmap check`` finds them.

SADFace grounds an atom in the text analysed by its sources: each a passage (``text``) of a
resource, with its ``offset`` and ``length`` in the resource's ``content`` (characters from
the start, as SADFace's library counts them). The export embeds the source text as that
content: the passages mean nothing without it, and the text is the one file the map already
quotes, read as ``check`` reads it. A quote is located by :class:`argmap.read.source.SourceText`
(the check's own matcher: spaces, quote marks and the form of accents aside, elisions ``...``
spanning what they leave out), so offset and length cover the passage in the text, and the
source's ``text`` is the quote as the analyst wrote it. A quote not found (the check refuses
such a map, the API need not) keeps its ``text`` without offset and length.
"""

from __future__ import annotations

from typing import Any

from argmap.formats.base import some
from argmap.model import Claim, Source
from argmap.read.source import SourceText

#: What of the map's source SADFace's resource metadata holds (its bibliographic data).
ABOUT = ("title", "publisher", "date", "url")


def resource(rid: str, text: str, source: Source | None) -> dict[str, Any]:
    """The document's resource holding the source text, with the source's bibliographic data
    in its core metadata."""
    core = {key: getattr(source, key) for key in ABOUT if getattr(source, key, None)}
    return {"id": rid, "content": text, "type": "text", "metadata": {"core": core}}


class Grounds:
    """Each claim's quotes as atom sources of the resource ``rid`` holding ``text``, and the
    quotes not found in it, by claim id."""

    def __init__(self, rid: str, text: str) -> None:
        self.rid, self.finder = rid, SourceText(text)
        self.unlocated: dict[str, list[str]] = {}

    def sources(self, claim: Claim) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for quote in claim.quotes:
            found = self.finder.find(quote.text)
            passage: dict[str, Any] = {"resource_id": self.rid, "text": quote.text}
            if found is None:
                self.unlocated.setdefault(claim.id, []).append(quote.text)
            else:
                passage.update(offset=found.start, length=found.end - found.start)
            out.append(passage)
        return out

    def losses(self) -> tuple[str, ...]:
        """The quotes not found, in words."""
        if not self.unlocated:
            return ()
        count = sum(map(len, self.unlocated.values()))
        named = some([f"'{i}'" for i in self.unlocated])
        return (f"{count} quote{'s' * (count != 1)} (of {named}) not found in the source: "
                f"{'its atom source has' if count == 1 else 'their atom sources have'} no "
                "offset and length",)  # fmt: skip


__all__ = ["ABOUT", "Grounds", "resource"]
