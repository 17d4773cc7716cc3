"""What an AIF export cannot hold in AIF itself, in words: all that only argmap's key carries,
which AIF tools (and argmap reading AIF without the key) do not get."""

from __future__ import annotations

from argmap.formats.aif.graph import EXTENSION
from argmap.model import ArgumentMap, Link, relations


def losses(amap: ArgumentMap) -> tuple[str, ...]:
    """What only the ``argmap`` key carries, in words: all that AIF tools (and argmap reading
    AIF without its key) do not get."""
    claims = amap.claims
    links = list(relations(amap))
    counts = {
        "quote": sum(len(claim.quotes) for claim in claims),
        "claim note": sum(claim.note is not None for claim in claims),
        "link": sum(claim.url is not None for claim in claims),
        "role": sum(claim.role is not None for claim in claims),
        "reason note": sum(r.note is not None for r in links if r.link is Link.SUPPORT),
        "objection note": sum(r.note is not None for r in links if r.attack),
        "critical question": sum(len(r.question) for r in links),
        "implicit mark": sum(claim.implicit for claim in claims),
        "thesis mark": sum(claim.thesis for claim in claims),
        "label": sum(claim.label is not None for claim in claims),
    }
    extra = [f"{count} {what}{'s' if count > 1 else ''}" for what, count in counts.items() if count]
    pairs = {frozenset((claim.id, ref.id)) for claim in claims for ref in claim.contradicts}
    if pairs:
        one = len(pairs) == 1
        extra.append(f"{len(pairs)} contradiction{'' if one else 's'} (written as two CA nodes"
                     f"{'' if one else ' each'}, one each way, which other AIF tools read as "
                     "two attacks)")  # fmt: skip
    top = {"the language": amap.lang, "the source": amap.source, "the note": amap.note}
    what = ", ".join(["the title", *(name for name, value in top.items() if value)])
    listed = "".join(f", {item}" for item in extra)
    return (
        f"AIF has no place for {what}, claim ids and kinds{listed}: they are kept under the "
        f"top-level '{EXTENSION}' key, which other AIF tools ignore",
    )


__all__ = ["losses"]
