"""``argmap eval``: maps → which claims stand, are defeated or undecided, and why."""

from __future__ import annotations

import click

from argmap.analysis.evaluate import Status, evaluate
from argmap.analysis.explain import explain
from argmap.cli.maps import Run
from argmap.cli.options import source_root_option
from argmap.cli.output import show, table
from argmap.model import ArgumentMap


@click.command("eval")
@click.argument("files", nargs=-1, required=True, metavar="FILE|DIR...")
@source_root_option
def eval_(files: tuple[str, ...], source_root: str | None) -> None:
    """Say which claims stand, which are defeated and which are undecided, and why.

    Evaluates the argument under grounded semantics: a claim stands when it is a premise or
    a reason for it holds, and every attack on it is defeated; whatever attack cycles leave
    open is undecided. For each claim that does not stand, the chain of claims that defeats
    it; for one that stands, the reasons that fail, if any. A folder (DIR) stands for every
    map under it, as for render: each map's table comes under its path, and a row a map
    ends the run. Diagnostics go to stderr; exit status 1 when a map has errors (it is
    evaluated all the same), 2 when one cannot be read.

    \b
    Example:
      argmap eval maps/europe-central-asia.yaml
      argmap eval maps/                        # every map under maps/, then a row a map
    """
    run = Run(files)
    for item, checked in run.maps(source_root, 5, "evaluated"):
        assert checked.map is not None
        errors = "" if checked.ok else " (has errors)"
        run.rows.append((*_show(checked.map), item.path + errors))
    run.finish(("claims", "stand", "defeated", "undecided", "implicit", "map"))


def _show(amap: ArgumentMap) -> tuple[str, ...]:
    """A map's table of claims and its closing count (stdout); the count's figures."""
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
        f"{len(evaluation)} claim{'' if len(evaluation) == 1 else 's'}: "
        f"{counts[Status.STANDS]} stand, "
        f"{counts[Status.DEFEATED]} defeated, {counts[Status.UNDECIDED]} undecided; "
        f"{implicit} implicit",
        err=False,
    )
    figures = (len(evaluation), counts[Status.STANDS], counts[Status.DEFEATED])
    return tuple(map(str, (*figures, counts[Status.UNDECIDED], implicit)))


__all__ = ["eval_"]
