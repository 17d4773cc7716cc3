"""Claims standing beside their contradiction partners in fitted figures: the split reckons with
the partner drawn beside them, so a figure comes out of Graphviz as wide as it estimated."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from argmap.draw.fit import budget_for, fit
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref

WORDS = ("energy", "trade", "security", "transport", "water", "education", "health", "finance")


def rivals(reasons: int) -> ArgumentMap:
    """A thesis over ``reasons`` conclusions, each on three premises; the first premise of each
    contradicted by a rival claim of its own, which an objection answers (so the thesis
    stands, and each rival tops a tree of its own)."""
    claims = []
    for n in range(reasons):
        word = WORDS[n % len(WORDS)]
        evidence = []
        for k in range(3):
            text = f"Evidence {k} on {word} from the report's chapter {n}, as the report says."
            claims.append(Claim(f"p{n}-{k}", Kind.PREMISE, text))
            evidence.append(Reason((Ref(f"p{n}-{k}"),)))
        text = f"The {word} case {n} supports the charge."
        claims.append(Claim(f"c{n}", Kind.CONCLUSION, text, reasons=tuple(evidence)))
        claims.append(
            Claim(
                f"no{n}",
                Kind.PREMISE,
                f"A critic doubts the {word} figures {n}.",
                contradicts=(Ref(f"p{n}-0"),),
                objections=(Reason((Ref(f"a{n}"),)),),
            )
        )
        claims.append(Claim(f"a{n}", Kind.PREMISE, f"The critic misread the {word} table {n}."))
    thesis = Claim(
        "thesis",
        Kind.RECOMMENDATION,
        "The city should introduce a congestion charge.",
        reasons=tuple(Reason((Ref(f"c{n}"),)) for n in range(reasons)),
        thesis=True,
    )
    return ArgumentMap("Rivals", (thesis, *claims))


def neighbours(reasons: int) -> ArgumentMap:
    """:func:`rivals` without the rivals: instead every premise has an objection of its own
    (which an objection to it answers, so the premise stands), and the first premise of
    each case contradicts the second of the next case: both in the thesis's tree."""
    amap = rivals(reasons)
    claims = []
    for claim in amap.claims:
        if claim.id.startswith(("no", "a")):
            continue
        if claim.id.startswith("p"):
            n, k = claim.id[1:].split("-")
            other = (Ref(f"p{(int(n) + 1) % reasons}-1"),) if k == "0" else ()
            claim = Claim(claim.id, claim.kind, claim.text, contradicts=other,
                          objections=(Reason((Ref(f"why{n}-{k}"),)),))  # fmt: skip
            why = f"The chapter {n} data of table {k} are old, a critic says."
            claims.append(Claim(f"why{n}-{k}", Kind.PREMISE, why,
                                objections=(Reason((Ref(f"new{n}-{k}"),)),)))  # fmt: skip
            claims.append(Claim(f"new{n}-{k}", Kind.PREMISE, f"Table {k} was updated in May."))
        claims.append(claim)
    return ArgumentMap("Neighbours", tuple(claims))


@pytest.mark.parametrize("built", [rivals, neighbours], ids=["rival-trees", "one-tree"])
def test_a_figure_with_a_contradiction_comes_out_as_wide_as_estimated(
    built: Callable[[int], ArgumentMap],
) -> None:
    """A premise's figure that draws its rival beside it (a reference, "in full in figure 9")
    came out 29-46% wider than the split estimated it: too wide for the column in the first
    round, carved again in the next. Within one tree (one-tree), which of two claims is at
    home first is known only once the figures are numbered: the claim met first, depth first,
    is reckoned to have its partner beside it."""
    fitted = fit(built(6), budget_for(720))
    paired = [d for d in fitted.drawn if d.figure.contradictions]
    assert paired
    for d in paired:
        assert d.width <= d.figure.estimate[0] * 1.05 + 1, (d.figure.number, d.width)
    assert fitted.rounds == 1
