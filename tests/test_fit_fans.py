"""A thesis with many reasons and objections (a policy report's): fitted to a column too narrow
for its overview (``test_fit_overview``), its fan is spread over pages as full as the column
holds, however many pages its "continued in figures ..." stub lists."""

from __future__ import annotations

import pytest

from argmap.draw.fit import budget_for, fit, measure
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref

WORDS = ("energy", "trade", "security", "transport", "water", "education", "health", "finance")


def fan(reasons: int, objections: int) -> ArgumentMap:
    """A recommendation with ``reasons`` conclusions under it, each on three premises (so each
    tops a figure of its own), and ``objections`` premises attacking it."""
    claims = []
    for n in range(reasons):
        word = WORDS[n % len(WORDS)]
        evidence = []
        for k in range(3):
            text = f"Evidence {k} on {word} from the report's chapter {n}."
            claims.append(Claim(f"p{n}-{k}", Kind.PREMISE, text))
            evidence.append(Reason((Ref(f"p{n}-{k}"),)))
        text = f"The {word} case {n} supports the charge."
        claims.append(Claim(f"c{n}", Kind.CONCLUSION, text, reasons=tuple(evidence)))
    for n in range(objections):
        claims.append(Claim(f"o{n}", Kind.PREMISE, f"Objection {n} to the charge, from a critic."))
    thesis = Claim(
        "thesis",
        Kind.RECOMMENDATION,
        "The city should introduce a congestion charge.",
        reasons=tuple(Reason((Ref(f"c{n}"),)) for n in range(reasons)),
        objections=tuple(Reason((Ref(f"o{n}"),)) for n in range(objections)),
    )
    return ArgumentMap("A fan", (thesis, *claims))


@pytest.mark.parametrize(("reasons", "objections"), [(35, 0), (20, 6)])
def test_the_pages_of_a_wide_fan_are_as_full_as_the_column_holds(
    reasons: int, objections: int
) -> None:
    # The stub of the thesis's first page lists every further page ("continued in figures 6,
    # 11, 16, 21, 26, 31, 36, 41"); measured as if it named one, the first page came out
    # wider than planned, and every page of the thesis was carved again for a narrower column:
    # four reasons a page where five fit, more figures for a reader to follow.
    fitted = fit(fan(reasons, objections), budget_for(500))
    sizes = measure(fitted.shape, fitted.look)
    room = fitted.budget.width - max(sizes.ref.values())[0] - sizes.gap
    pages = [d for d in fitted.drawn if "thesis" in d.figure.full()]
    assert pages[0].figure.rows == ()  # no overview: a column of claims only
    assert len(pages) > 2
    assert all(d.width <= fitted.budget.width + 0.01 for d in fitted.drawn)
    assert [round(d.width) for d in pages[:-1] if d.width < room] == [], room
