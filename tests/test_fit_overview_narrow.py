"""A thesis whose objections are each undercut, fitted to a narrow printed column (16 cm, as a
Word report's): the overview still shows every reason and objection of the thesis, each
objection as an attack; its objections are in full together in one figure, not one figure
each under the thesis again; and a column a fraction of a point wider splits the same way."""

from __future__ import annotations

import re

from argmap.draw.fit import budget_for, fit
from argmap.model import ArgumentMap
from argmap.read.loader import load

#: A policy analyst's op-ed (shortened: no source, no quotes): a thesis of three lines of
#: reasons and four objections, each undercut by the author's answer.
OPED = """\
argmap: 1
title: A border carbon tax is the fair way to finish the climate job
lang: en

premises:
  - id: leakage-moves-production
    text: With carbon at ~80 EUR/t, production can move to countries where emitting is free.
  - id: jrc-study
    text: >-
      The JRC estimates up to a quarter of industry's emission cuts since
      2013 were offset by imports.
  - id: border-charge-equalises
    text: A border adjustment charges importers the same carbon price European plants pay.
  - id: workers-carry-cost
    text: European steelworkers carry the cost of decarbonisation; their competitors do not.
  - id: free-allowances-blunt
    text: Free allowances blunt the incentive the carbon price should create.
  - id: partners-accelerate
    text: Turkey, Brazil and India have accelerated work on carbon markets since the announcement.
  - id: deduction-incentive
    text: Carbon prices paid at home are deducted at the EU border.
  - id: wto-objection
    text: The tax is disguised protectionism and breaks WTO rules.
    role: opponent
  - id: article-xx
    text: >-
      A measure treating like products alike and crediting foreign carbon
      prices can be justified under GATT Article XX.
  - id: mozambique
    text: Mozambique's aluminium exports go overwhelmingly to Europe.
  - id: revenue-recycling
    text: >-
      Returning a share of revenue to least developed countries makes the
      measure a transfer, not a tariff.
  - id: admin-burden
    text: The administrative burden of reporting embedded emissions will be crushing.
    role: opponent
  - id: default-values
    text: Published default values let small importers comply without tracing every supplier.
  - id: wait-for-club
    text: Europe should wait for a global carbon club instead of acting alone.
    role: opponent
  - id: club-needs-reason
    text: A club of the willing will not form without a reason to join, and waiting has not worked.

conclusions:
  - id: poor-countries-hurt
    text: >-
      The mechanism hurts the poorest exporting countries, which contributed
      least to climate change.
    role: opponent
    reasons:
      - claims: mozambique
        scheme: Example
  - id: leakage
    text: Without a border adjustment, emission cuts leak abroad instead of being made.
    reasons:
      - claims: [leakage-moves-production]
        scheme: Cause to Effect
      - claims: jrc-study
        scheme: Expert Opinion
  - id: stops-leakage
    text: A border adjustment removes the payoff from relocating production.
    reasons:
      - border-charge-equalises
  - id: level-playing-field
    text: >-
      A border adjustment lets Europe phase out free allowances without
      losing its industrial base.
    reasons:
      - [workers-carry-cost, free-allowances-blunt]
  - id: leverage
    text: The border charge gives partners a strong reason to price carbon themselves.
    reasons:
      - deduction-incentive
      - claims: partners-accelerate
        scheme: Example

recommendations:
  - id: thesis
    text: The EU should introduce a full carbon border adjustment by 2027, without free allowances.
    thesis: true
    reasons:
      - [leakage, stops-leakage]
      - level-playing-field
      - leverage
    objections:
      - claims: wto-objection
        objections: [article-xx]
      - claims: poor-countries-hurt
        objections: [revenue-recycling]
      - claims: admin-burden
        objections: [default-values]
      - claims: wait-for-club
        objections: [club-needs-reason]
  - id: return-revenue
    text: Return part of the revenue to the poorest countries.
    reasons:
      - [revenue-recycling, poor-countries-hurt]
"""

#: 16 cm in points, a Word page's text column.
SIXTEEN_CM = 16 / 2.54 * 72


def oped() -> ArgumentMap:
    amap, diagnostics = load(OPED.encode(), "oped.yaml")
    assert amap is not None, diagnostics
    return amap


OBJECTIONS = ("wto-objection", "poor-countries-hurt", "admin-burden", "wait-for-club")
REASONS = ("leakage", "stops-leakage", "level-playing-field", "leverage")


def test_the_overview_of_a_narrow_column_shows_every_objection_as_an_attack() -> None:
    # At 16 cm the first figure showed two reasons and one grey "continued in" stub, drawn
    # with a dashed line like a support: its reader saw no attack on the thesis.
    fitted = fit(oped(), budget_for(SIXTEEN_CM))
    first = fitted.drawn[0].figure
    shown = {s.claim: s for s in first.shown}
    assert set(REASONS + OBJECTIONS) <= set(shown)
    assert first.more == {}  # each says where it goes on, not one stub for all
    svg = fitted.drawn[0].svg.decode().replace("&#45;", "-")
    for name in OBJECTIONS:
        where = shown[name].where
        assert where is not None and where > 1
        drawn = rf'<g id="attack--{name}--(attack--)?thesis[-0-9]*" class="edge attack'
        edge = re.search(drawn, svg)
        assert edge is not None, name  # drawn as an attack on the thesis
    assert fitted.drawn[0].width <= fitted.budget.width + 0.01
    if "article-xx" not in shown:  # drawn without the answers: nor is their line in the legend
        assert 'class="edge undercut' not in svg
        assert "undercuts an attack" not in svg


def test_single_claim_objections_of_the_thesis_share_one_figure() -> None:
    # Figures 8 to 11 each drew the thesis again over one objection and its answer.
    fitted = fit(oped(), budget_for(SIXTEEN_CM))
    homes = {
        name: d.figure.number
        for d in fitted.drawn
        for name in d.figure.full()
        if name in OBJECTIONS
    }
    assert set(homes) == set(OBJECTIONS)
    alone = {homes[name] for name in OBJECTIONS if name != "poor-countries-hurt"}
    assert len(alone) == 1  # each a premise with its answer: together, in rows
    figure = fitted.drawn[alone.pop() - 1].figure
    assert {"article-xx", "default-values", "club-needs-reason"} <= set(figure.full())
    assert len(figure.rows) > 1
    again = [d for d in fitted.drawn[1:] if "thesis" in d.figure.full()]
    assert len(again) < len(OBJECTIONS)  # it was one for each objection, and one more
    assert all(d.height <= d.width * 297 / 210 for d in again)  # none taller than a page


def test_a_column_a_fraction_wider_splits_the_same() -> None:
    # 453 points made 9 figures, 453.54 (16 cm) 12: one page drawn a point too wide
    # squeezed every page of the thesis, each reason then on a page of its own.
    narrow = fit(oped(), budget_for(453.0))
    wide = fit(oped(), budget_for(SIXTEEN_CM))
    assert len(wide.drawn) <= len(narrow.drawn)
    assert [d.figure.full() for d in wide.drawn] == [d.figure.full() for d in narrow.drawn]
