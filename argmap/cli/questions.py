"""``argmap questions``: the critical questions a map's reasons leave open, by their schemes."""

from __future__ import annotations

import json
from collections.abc import Mapping

import click

from argmap.analysis.questions import Asked, Questions, questions
from argmap.analysis.schemes import SCHEMES
from argmap.analysis.sides import NO_ROLES
from argmap.cli.maps import Run, named
from argmap.cli.options import (
    SideType,
    not_empty,
    output_format_option,
    source_root_option,
    stdin_filename_option,
)
from argmap.cli.output import EXIT_OK, show
from argmap.model import Claim, Role
from argmap.results import questions_result, skipped_result


@click.command("questions")
@click.argument("files", nargs=-1, metavar="FILE|DIR|-...", callback=not_empty)
@click.option("--schemes", is_flag=True, help="List the schemes argmap knows and their questions.")
@click.option(
    "--open", "open_only", is_flag=True, help="Only the questions no objection raises yet."
)
@click.option("--side", type=SideType(), help="Only the reasons of one side of a debate "
              "(for the claims with that role; one without a role is the proponent's): the "
              "questions the other side asks to prepare its rebuttals.")  # fmt: skip
@output_format_option(
    ("text", "json"),
    "text for people; json: each map's reasons, schemes, questions and the objections that "
    "raise them, as one JSON array on stdout (argmap schema questions gives its shape).",
)
@source_root_option
@stdin_filename_option
def questions_(
    files: tuple[str, ...],
    schemes: bool,
    open_only: bool,
    side: str | None,
    output_format: str,
    source_root: str | None,
    stdin_filename: str | None,
) -> None:
    """Ask the critical questions of each reason's argumentation scheme.

    For each reason that names its scheme (scheme: Expert Opinion), the questions a reader may
    raise against a step of that form (Walton's critical questions: is the expert an expert in
    this field? do other experts agree? ...), under the objections the map already raises
    against the step and against each of the reason's claims, and the reason's note. An
    objection that says which question it raises (question: 4) marks it raised; --open leaves
    those out. A reason answers a question when the map raises it as an objection, or says in
    its note why it does not arise. A scheme is known under any spelling of its name
    (ExpertOpinion, Argument from Expert Opinion, Appeal to Authority); one argmap does not
    know is named. A folder (DIR) stands for every map under it, and a - reads a map from
    standard input. Exit status 1 when a map has errors (its questions are asked all the
    same), 2 when one cannot be read.

    \b
    Example:
      argmap questions maps/europe-central-asia.yaml
      argmap questions --open maps/vaccine.yaml   # only those no objection raises yet
      argmap questions --side opponent debate.yaml # the opponent's case: what to rebut
      argmap questions maps/                      # every map under maps/, then a row a map
      argmap questions --schemes                  # the schemes and their questions
      argmap questions --output-format json maps/ # for a script: a corpus's open questions
    """
    quiet = output_format == "json"
    if schemes and quiet:
        raise click.UsageError(
            "--schemes lists the schemes for people: not with --output-format json"
        )
    if schemes:
        _catalogue()
        if not files:
            raise SystemExit(EXIT_OK)
    elif not files:
        raise click.UsageError("give a map (FILE, DIR or -), or --schemes")
    run = Run(
        files,
        ("schemes", "questions", "raised", "no scheme", "map"),
        quiet=quiet,
        stdin_name=stdin_filename,
    )
    results: dict[str, dict[str, object]] = {}
    for item, checked in run.maps(source_root, "read"):
        assert checked.map is not None
        found = questions(checked.map, None if side is None else Role(side))
        if quiet:
            results[item.path] = questions_result(named(item.path), found, open_only=open_only)
            continue
        claims = checked.map.by_id()
        for asked in found.asked:
            _show(item.path, asked, claims, open_only)
        _summary(found, len(found.asked), found.without)
        if side is not None and all(claim.role is None for claim in checked.map.claims):
            show(f"  {NO_ROLES}", err=False)
        run.rows.append((str(len(found.asked)), str(found.count), str(found.raised),
                         str(found.without), item.path))  # fmt: skip
    if quiet:
        found_all = [results.get(item.path) or skipped_result("questions", named(item.path),
                                                              **run.not_done[item.path])
                     for item in run.found]  # fmt: skip
        show(json.dumps(found_all), err=False)
    run.finish()


def _summary(found: Questions, schemed: int, without: int) -> None:
    def many(count: int, what: str) -> str:
        return f"{count} {what}{'' if count == 1 else 's'}"

    line = f"{many(schemed, 'reason')} with a scheme"
    if schemed:
        line += (f" ({found.known} known, asking {many(found.count, 'question')}, "
                 f"{found.raised} raised; {schemed - found.known} unknown)")  # fmt: skip
    show(f"{line}; {without} without", err=False)
    if without and not found.known:
        show("  a reason written in full (claims: ...) may name its scheme (scheme: Example); "
             "argmap questions --schemes lists those argmap knows", err=False)  # fmt: skip


def _text(text: str) -> str:
    return " ".join(text.split())


def _show(path: str, asked: Asked, claims: Mapping[str, Claim], open_only: bool) -> None:
    relation = asked.relation
    span = relation.written.span
    members = " + ".join(ref.id for ref in relation.claims)
    where = f"{path}:{span.line}:{span.column}: " if span.line else f"{path}: "
    if asked.scheme is None:
        show(
            f"{where}reason of '{relation.target.id}' ({members}): '{asked.name}' is no scheme "
            "argmap knows (argmap questions --schemes lists them)",
            err=False,
        )
        return
    show(f"{where}reason of '{relation.target.id}' ({members}), {asked.scheme.name}:", err=False)
    show(f"  claim: {_text(relation.target.text)}", err=False)
    for ref in relation.claims:
        text = claims[ref.id].text if ref.id in claims else "(no such claim)"
        show(f"  reason: {_text(text)}", err=False)
    against = [f"to the step, {', '.join(asked.against_step) or 'none'}"]
    against += [f"to {claim}, {', '.join(by) or 'none'}" for claim, by in asked.against_claims]
    show(f"  objections in the map: {'; '.join(against)}", err=False)
    if relation.note is not None:  # where the map may say why a question does not arise
        show(f"  note: {_text(relation.note)}", err=False)
    for number, question in enumerate(asked.scheme.questions, 1):
        by = asked.raised_by(number)
        if not by:
            show(f"  {number}. {question}", err=False)
        elif not open_only:
            show(f"  {number}. {question} (raised by {', '.join(by)})", err=False)


def _catalogue() -> None:
    for number, scheme in enumerate(SCHEMES):
        if number:
            show(err=False)
        also = f" (also: {', '.join(scheme.aliases)})" if scheme.aliases else ""
        show(f"{scheme.name}{also}", err=False)
        for index, question in enumerate(scheme.questions, 1):
            show(f"  {index}. {question}", err=False)


__all__ = ["questions_"]
