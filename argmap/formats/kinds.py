"""An imported claim's text → its kind, where the source format has none."""

from __future__ import annotations

import re

from argmap.model import Kind

#: Wording that makes a claim with reasons a recommendation rather than a conclusion: it says
#: what should (or must not) be done. A heuristic, used only where the source has no kinds.
RECOMMENDATION_WORDING = re.compile(
    r"\b(should|shouldn['’]?t|ought(n['’]?t)? to|must|mustn['’]?t|need(s)? to|"
    r"(have|has) to|had better|let['’]?s|let us|it is (high )?time)\b",
    re.IGNORECASE,
)


def kind_of(text: str, *, has_reasons: bool) -> Kind:
    """The kind of an imported claim: a premise without reasons; with reasons, a
    recommendation when its wording says what should be done, else a conclusion.

    >>> kind_of("We should ban it.", has_reasons=True).value
    'recommendation'
    >>> kind_of("We should ban it.", has_reasons=False).value
    'premise'
    >>> kind_of("It is banned.", has_reasons=True).value
    'conclusion'
    """
    if not has_reasons:
        return Kind.PREMISE
    return Kind.RECOMMENDATION if RECOMMENDATION_WORDING.search(text) else Kind.CONCLUSION


__all__ = ["RECOMMENDATION_WORDING", "kind_of"]
