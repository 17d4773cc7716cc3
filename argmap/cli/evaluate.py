"""``argmap eval``: maps → which claims stand, are defeated or undecided, and why."""

from __future__ import annotations

import json

import click

from argmap.analysis.evaluate import Status, evaluate
from argmap.analysis.preferred import TooHard, Verdict, preferred
from argmap.analysis.sides import NO_ROLES, debated, side_of
from argmap.cli.maps import Run, named
from argmap.cli.options import (
    SideType,
    not_empty,
    output_format_option,
    source_root_option,
    stdin_filename_option,
)
from argmap.cli.output import EXIT_USAGE, error, show, table
from argmap.model import ArgumentMap, Role
from argmap.results import evaluation_result, skipped_result, verdict_word, why


@click.command("eval")
@click.argument("files", nargs=-1, required=True, metavar="FILE|DIR|-...", callback=not_empty)
@click.option(
    "--semantics",
    type=click.Choice(["grounded", "preferred"]),
    default="grounded",
    show_default=True,
    help="preferred: also say, for each claim grounded leaves undecided, whether it stands "
    "in every preferred labelling, in some, or in none.",
)
@click.option(
    "--only",
    type=click.Choice([status.value for status in Status]),
    multiple=True,
    help="List only the claims of this (grounded) status; give it twice for two. The "
    "closing count still counts every claim.",
)
@click.option("--side", type=SideType(), help="List only the claims of one side of a debate "
              "(role: proponent or opponent; a claim without one is the proponent's): which "
              "of them stand after the other side's rebuttals. The closing count still counts "
              "every claim.")  # fmt: skip
@output_format_option(
    ("text", "json"),
    "json: one JSON array on stdout, an object a map (path, and its claims: id, kind, "
    "implicit, thesis, status, why; null when the map was not evaluated), nothing else.",
)
@source_root_option
@stdin_filename_option
def eval_(
    files: tuple[str, ...],
    semantics: str,
    only: tuple[str, ...],
    side: str | None,
    output_format: str,
    source_root: str | None,
    stdin_filename: str | None,
) -> None:
    """Say which claims stand, which are defeated and which are undecided, and why.

    Evaluates the argument under grounded semantics: a claim stands when it is a premise or
    a reason for it holds, and every attack on it is defeated; whatever attack cycles leave
    open is undecided. For each claim that does not stand, the chain of claims that defeats
    it; for one that stands, the reasons that fail, if any. A folder (DIR) stands for every
    map under it, as for render: each map's table comes under its path, and a row a map
    ends the run. A - reads a map from standard input (its source found from the current
    folder, as for a map there). Diagnostics go to stderr; exit status 1 when a map has
    errors (it is evaluated all the same), 2 when one cannot be read. The table of a debate's
    map (claims with role:) says whose each claim is, in a side column (proponent or
    opponent), but with --side, which lists one side's claims; its JSON gives each claim's
    side, with --side too.

    With --semantics preferred, a column says for each claim the grounded reading leaves
    undecided what the preferred labellings (the credulous readings that accept as much as
    they can) do with it: it stands in every one, in some, is defeated in every one (as when
    two claims that attack each other both attack it), is undecided in every one, or never
    stands; its why ends with where it does so (e.g. "stands where 'b' is defeated"). The
    search is capped; a map past the cap is not evaluated (exit status 2).

    \b
    Example:
      argmap eval maps/europe-central-asia.yaml
      argmap eval maps/                        # every map under maps/, then a row a map
      argmap eval --semantics preferred maps/europe-central-asia.yaml
      argmap eval --only defeated --only undecided maps/   # what fails, and what is open
      argmap eval --side opponent debate.yaml  # which of the opponent's claims stand
      git show HEAD:maps/europe-central-asia.yaml | argmap eval -
      argmap eval --output-format json maps/   # for a script: whether each thesis stands
    """
    quiet = output_format == "json"
    shown = {Status(value) for value in only} or set(Status)
    role = None if side is None else Role(side)
    run = Run(files, ("claims", "stand", "defeated", "undecided", "implicit", "map"), quiet=quiet,
              stdin_name=stdin_filename)  # fmt: skip
    results: dict[str, dict[str, object]] = {}
    for item, checked in run.maps(source_root, "evaluated"):
        assert checked.map is not None
        errors = "" if checked.ok else " (has errors)"
        try:
            if quiet:
                results[item.path] = evaluation_result(
                    named(item.path), checked.map, semantics=semantics, only=shown, side=role
                )
                continue
            run.rows.append((*_show(checked.map, semantics, shown, role), item.path + errors))
        except TooHard as exc:  # nothing printed yet for this map; the others go on
            error(f"{item.path}: {exc}; `argmap eval` without --semantics evaluates it")
            run.skip(item.path, "too hard", str(exc))
            run.worst = EXIT_USAGE
            run.rows.append(("-",) * 5 + (f"{item.path} (not evaluated: too hard)",))
    if quiet:
        found = [results.get(item.path) or skipped_result("eval", named(item.path),
                                                          **run.not_done[item.path])
                 for item in run.found]  # fmt: skip
        show(json.dumps(found), err=False)
    run.finish()


def _show(
    amap: ArgumentMap, semantics: str, shown: set[Status], role: Role | None = None
) -> tuple[str, ...]:
    """A map's table of the claims whose status is ``shown`` (of ``role``'s side, when given)
    and its closing count of them all (stdout); the count's figures. Raises TooHard, before
    printing anything, when the preferred labellings are too many to find."""
    evaluation = evaluate(amap)
    verdicts = preferred(amap) if semantics == "preferred" else None
    claims = amap.by_id().values()
    sides = role is None and debated(claims)
    rows = [
        (
            claim.id,
            claim.kind.value + (", implicit" if claim.implicit else ""),
            *((side_of(claim).value,) if sides else ()),
            evaluation.status(claim.id).value,
            *(() if verdicts is None else (verdict_word(verdicts.verdicts.get(claim.id)),)),
            why(evaluation, verdicts, claim.id),
        )
        for claim in claims
        if evaluation.status(claim.id) in shown and role in (None, side_of(claim))
    ]
    columns = ("preferred",) if verdicts is not None else ()
    if rows:
        table(("claim", "kind", *(("side",) if sides else ()), "status", *columns, "why"), rows)
    else:
        statuses = " or ".join(sorted(status.value for status in shown))
        if role is None:
            show(f"no claim is {statuses}", err=False)
        elif shown == set(Status):
            show(f"no claim is the {role.value}'s", err=False)
        else:
            show(f"no claim of the {role.value}'s is {statuses}", err=False)
    counts = evaluation.counts()
    implicit = sum(claim.implicit for claim in claims)
    show(
        f"{len(evaluation)} claim{'' if len(evaluation) == 1 else 's'}: "
        f"{counts[Status.STANDS]} stand, "
        f"{counts[Status.DEFEATED]} defeated, {counts[Status.UNDECIDED]} undecided; "
        f"{implicit} implicit",
        err=False,
    )
    if verdicts is not None:
        show(_tally(verdicts.count, list(verdicts.verdicts.values())), err=False)
    if role is not None and all(claim.role is None for claim in claims):
        show(f"  {NO_ROLES}", err=False)
    figures = (len(evaluation), counts[Status.STANDS], counts[Status.DEFEATED])
    return tuple(map(str, (*figures, counts[Status.UNDECIDED], implicit)))


def _tally(count: int, verdicts: list[Verdict]) -> str:
    """The closing line of the preferred reading, e.g. ``2 preferred labellings; of the 3
    undecided claims: ...``."""
    many = f"{count}" if count < 10**12 else f"about 10^{len(str(count)) - 1}"
    head = f"{many} preferred labelling{'' if count == 1 else 's'}"
    if not verdicts:
        return f"{head}; no claim is undecided"
    n = {v: sum(x is v for x in verdicts) for v in Verdict}
    return (
        f"{head}; of the {len(verdicts)} undecided claim{'' if len(verdicts) == 1 else 's'}: "
        f"{n[Verdict.SCEPTICAL]} stand in every one, {n[Verdict.CREDULOUS]} in some, "
        f"{n[Verdict.DEFEATED]} defeated in every one, {n[Verdict.UNDECIDED]} undecided in "
        f"every one, {n[Verdict.NEVER]} never stand"
    )


__all__ = ["eval_"]
