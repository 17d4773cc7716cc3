"""``argmap eval``: a map → which claims stand, are defeated or undecided, and why."""

from __future__ import annotations

import sys

import click

from argmap.analysis.evaluate import Status, evaluate
from argmap.analysis.explain import explain
from argmap.cli.options import source_root_option
from argmap.cli.output import EXIT_ERRORS, EXIT_OK, checked_map, show, table


@click.command("eval")
@click.argument("file", metavar="FILE")
@source_root_option
def eval_(file: str, source_root: str | None) -> None:
    """Say which claims stand, which are defeated and which are undecided, and why.

    Evaluates the argument under grounded semantics: a claim stands when it is a premise or
    a reason for it holds, and every attack on it is defeated; whatever attack cycles leave
    open is undecided. For each claim that does not stand, the chain of claims that defeats
    it; for one that stands, the reasons that fail, if any. Diagnostics go to stderr; exit
    status 1 when the map has errors (it is evaluated all the same), 2 when it is unreadable.

    \b
    Example:
      argmap eval maps/europe-central-asia.yaml
    """
    checked = checked_map(file, source_root)
    amap = checked.map
    assert amap is not None
    evaluation = evaluate(amap)
    claims = amap.by_id().values()
    rows = [
        (
            claim.id,
            claim.kind.value + (", implicit" if claim.implicit else ""),
            evaluation.status(claim.id).value,
            explain(evaluation, claim.id),
        )
        for claim in claims
    ]
    table(("claim", "kind", "status", "why"), rows)
    counts = evaluation.counts()
    implicit = sum(claim.implicit for claim in claims)
    show(
        f"{len(evaluation)} claims: {counts[Status.STANDS]} stand, "
        f"{counts[Status.DEFEATED]} defeated, {counts[Status.UNDECIDED]} undecided; "
        f"{implicit} implicit",
        err=False,
    )
    sys.exit(EXIT_OK if checked.ok else EXIT_ERRORS)


__all__ = ["eval_"]
