"""A map with errors → what ``render --draft`` draws of it: the map (the claims that read
well, without links a drawing must not carry) and what the drawing says of its errors."""

from __future__ import annotations

import attrs

from argmap.analysis.draft import Draft, draft
from argmap.checking import Checked
from argmap.checks.urls import problem
from argmap.model import ArgumentMap
from argmap.read.loader import load_partial


def drafted(data: bytes, checked: Checked) -> tuple[ArgumentMap, Draft] | None:
    """A map with errors, read from ``data`` and ``checked``, as a draft to draw: the map
    (without links a drawing must not carry, :func:`drawable`) and what
    the drawing says of its errors. A file whose shape is wrong gives the map of the claims
    that read well (:func:`~argmap.read.loader.load_partial`); None when it gives no claim to
    draw (not YAML, no map, a format argmap imports, no claim that reads)."""
    amap, left_out, dropped = checked.map, 0, {}
    if amap is None:
        if any(d.code == "AM017" for d in checked.diagnostics):
            return None
        amap, left_out, dropped = load_partial(data, checked.path)
    if amap is None or not amap.claims:
        return None
    return drawable(amap), draft(amap, checked.diagnostics, left_out, dropped)


def drawable(amap: ArgumentMap) -> ArgumentMap:
    """A map with errors without what its drawing must not carry even as a draft: links
    that are not http or https (AM108: a ``javascript:`` url would be a live link)."""
    claims = tuple(
        attrs.evolve(claim, url=None) if claim.url is not None and problem(claim.url) else claim
        for claim in amap.claims
    )
    source = amap.source
    if source is not None and source.url is not None and problem(source.url):
        source = attrs.evolve(source, url=None)
    return attrs.evolve(amap, claims=claims, source=source)


__all__ = ["drafted", "drawable"]
