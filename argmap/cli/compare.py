"""``argmap compare``: two maps of one text → the claims they share, and the links and kinds
on which they differ."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import click

from argmap.analysis.compare import ONLY_SECOND, Comparison, Edge, compare
from argmap.api import Checked
from argmap.cli.maps import STDIN, Run, checked_map, stdin_once, why_not
from argmap.cli.maps import named as stdin_named
from argmap.cli.options import (
    not_empty,
    output_format_option,
    source_root_option,
    stdin_filename_option,
)
from argmap.cli.output import EXIT_ERRORS, EXIT_OK, say, short, show, table
from argmap.diagnostics import Severity
from argmap.io import same_file
from argmap.model import ArgumentMap
from argmap.model.blank import is_blank
from argmap.read.source import SourceText
from argmap.results import stamped
from argmap.sources import read_source


@click.command("compare")
@click.argument("first", metavar="FIRST", callback=not_empty)
@click.argument("seconds", nargs=-1, required=True, metavar="SECOND|DIR...", callback=not_empty)
@output_format_option(
    ("text", "json"),
    "json: one JSON array on stdout, an object a SECOND map (first, second, by: quotes or "
    "wording; source: both, first or second, whose source text the quotes were looked for "
    "in, null by wording; quotes: count, not_found, closest, of the second map's, null by "
    "wording; claims: pairs, missing, extra, kinds, found, thesis; links: agree, other, "
    "moved, missing, extra, grouping, broken, agreement; all these null when the map was not "
    "compared; notes: what stderr said of it, or why it was not compared), nothing else.",
)
@source_root_option
@stdin_filename_option
def compare_(
    first: str,
    seconds: tuple[str, ...],
    output_format: str,
    source_root: str | None,
    stdin_filename: str | None,
) -> None:
    """Compare two maps of one text: which claims they share, and where they differ.

    For a teacher, FIRST is the model answer and SECOND a student's map (a folder: every
    student's, as render finds maps); for two annotators, one map each. Claims pair up by
    the passages of the source their quotes share (most of the shorter quote), whatever
    their ids and wording; a quote not in the source stands for the passage check --fix
    would put in its place (a word off), and a line says how many were not found; claims
    left over (implicit ones) pair up by their wording. Then
    each link of the first map (a reason's claim supporting, an objection's attacking, an
    undercut attacking a step) is looked for in the second: the same, with another function
    (supports where the first attacks), attached to another target (a claim's one attack
    aimed at the claim, not at a step), or missing; links only the second draws are extra,
    and a link naming no claim of its map (a claim renamed, not its links) is said as broken.
    Each map's thesis, reasons linked in one map and separate in the other, and claims of
    another kind are said too. Claims only the second map has are marked with a + before
    their id. Several SECOND maps each get their report under their path, then a row a map.

    Both maps must quote the same source text. When one map's source cannot be read (a
    wrong path) or it names none, its quotes are looked for in the other's, and a note says
    so; when both are read and differ (or neither can be), claims pair by wording alone.
    Diagnostics go to stderr; exit status 1 when a map has errors (it is compared all the
    same, unless a format error, AM0xx, leaves no map to compare: its row says which to fix
    first), 2 when one cannot be read. Either map may be - (standard input, read once; its
    source path is relative to the current folder).

    \b
    Example:
      argmap compare answer.yaml students/ana.yaml
      argmap compare answer.yaml students/      # each student's map, then a row each
      argmap compare --output-format json annotator-a.yaml annotator-b.yaml
    """
    stdin_once([first, *seconds], stdin_filename)

    def named(path: str) -> str:  # as --stdin-filename names the map on standard input
        return stdin_filename if path == STDIN and stdin_filename else stdin_named(path)

    quiet = output_format == "json"
    reference = checked_map(first, source_root, stdin_filename)
    assert reference.map is not None  # checked_map exits otherwise
    source = read_source(reference.map, reference.path, source_root)[0]
    header = ("claims", "missing", "extra", "links", "agreement", "map")
    run = Run(seconds, header, quiet=quiet, stdin_name=stdin_filename if first != STDIN else None)
    itself = [item for item in run.found if item.folder is not None and _same(item.path, first)]
    for item in itself:  # the model answer kept in the class's folder: no student's map
        say(f"argmap: {item.path}: the first map itself, not compared with itself")
    run.found = [item for item in run.found if item not in itself]
    run.worst = max(run.worst, EXIT_OK if reference.ok else EXIT_ERRORS)
    found: dict[str, dict[str, object]] = {}
    for item, checked in run.maps(source_root, "compared", _why_not):
        assert checked.map is not None
        other = read_source(checked.map, checked.path, source_root)[0]
        maps = (reference.map, named(first)), (checked.map, named(item.path))
        shared, whose, note = _source((source, other), maps)
        if note is not None:
            say(f"argmap: {note}")
        result = compare(reference.map, checked.map, shared)
        by = "quotes" if shared is not None else "wording"
        if quiet:
            found[item.path] = {**_object(result, by), "source": whose,
                                "notes": [note] if note else []}  # fmt: skip
            continue
        _show(result, reference.map, checked.map, (named(first), named(item.path)))
        run.rows.append(_row(result, item.path + ("" if checked.ok else " (has errors)")))
    if not run.many and not quiet:
        for path, why in run.skipped.items():
            say(f"argmap: {named(path)}: {why}")
    if quiet:
        for path, why in run.skipped.items():
            found[path] = {**dict.fromkeys(("by", "source", "quotes", "claims", "links")),
                           "notes": [why]}  # fmt: skip
        show(json.dumps([stamped("compare", {"first": named(first), "second": named(item.path),
                                             **found[item.path]})
                         for item in run.found]), err=False)  # fmt: skip
    run.finish()


def _why_not(checked: Checked | None, done: str) -> str:
    """Why a map was not compared: it cannot be read, or which of its format errors (those
    that leave the loader no map to compare) to fix first, and where."""
    errors = [] if checked is None else [d for d in checked.diagnostics
                                         if d.severity is Severity.ERROR]  # fmt: skip
    if not errors:
        return why_not(checked, done)
    more = f" and {len(errors) - 1} more" if len(errors) > 1 else ""
    return (f"not {done}: fix its format error{'s' * bool(more)} first: {errors[0].code} at "
            f"{errors[0].span}{more}")  # fmt: skip


def _source(
    texts: tuple[SourceText | None, SourceText | None],
    maps: tuple[tuple[ArgumentMap, str], tuple[ArgumentMap, str]],
) -> tuple[SourceText | None, str | None, str | None]:
    """The text both maps' quotes are looked for in (None: their claims pair by wording),
    whose it is (``both``, the ``first`` map's or the ``second``'s), and a note that says
    why, if not both. When a map's source cannot be read (a wrong path) or it names none,
    the other's source is taken for it, if it quotes; only when both are read and differ do
    claims pair by wording."""
    (first, first_name), (second, second_name) = maps
    if texts[0] is not None and texts[1] is not None:
        if texts[0].text == texts[1].text:
            return texts[0], "both", None
    else:
        for text, whose, (amap, name), other in (
            (texts[0], "first", maps[1], first_name),
            (texts[1], "second", maps[0], second_name),
        ):
            if text is not None and any(claim.quotes for claim in amap.claims):
                why = (
                    f"the source of {name} could not be read"
                    if amap.source is not None
                    else f"{name} names no source"
                )
                return text, whose, f"{why}: its quotes are looked for in the source of {other}"
        if first.source is None and second.source is None:
            return None, None, None
        if texts[0] is None and texts[1] is None:
            return None, None, (f"neither the source of {first_name} nor that of {second_name} "
                                "could be read: their claims pair by wording only")  # fmt: skip
    return None, None, (f"{second_name} and {first_name} do not quote one source text: their "
                        "claims pair by wording only")  # fmt: skip


def _same(path: str, first: str) -> bool:
    """Whether the map file ``path`` is the file ``first`` (never standard input)."""
    return first != STDIN and same_file(Path(path), Path(first))


def _row(result: Comparison, path: str) -> tuple[str, ...]:
    """A second map's row in the summary of several: claims found of the first's, missing and
    extra claims, links agreeing of the first's, the agreement, its path."""
    claims = len(result.pairs) + len(result.missing)
    links = len(result.agree) + len(result.other) + len(result.moved) + len(result.only_first)
    return (f"{len(result.pairs)}/{claims}", str(len(result.missing)), str(len(result.extra)),
            f"{len(result.agree)}/{links}", f"{result.links_agreement:.2f}", path)  # fmt: skip


def _edge(edge: Edge) -> dict[str, str]:
    return {"claim": edge.source, "function": edge.function, "target": str(edge.target)}


def _object(result: Comparison, by: str) -> dict[str, object]:
    return {
        "by": by,
        "quotes": None if result.quotes is None else attrs.asdict(result.quotes),
        "claims": {
            "pairs": [
                {"first": p.first, "second": p.second, "by": p.by, "score": p.score}
                for p in result.pairs
            ],
            "missing": list(result.missing),
            "extra": list(result.extra),
            "kinds": [{"claim": claim, "first": a, "second": b} for claim, a, b in result.kinds],
            "found": round(result.claims_found, 4),
            "thesis": {"first": result.theses[0], "second": result.theses[1]},
        },
        "links": {
            "agree": [_edge(e) for e in result.agree],
            "other": [{"first": _edge(a), "second": _edge(b)} for a, b in result.other],
            "moved": [{"first": _edge(a), "second": _edge(b)} for a, b in result.moved],
            "missing": [_edge(e) for e in result.only_first],
            "extra": [_edge(e) for e in result.only_second],
            "grouping": [
                {"claim": claim, "first": [list(g) for g in a], "second": [list(g) for g in b]}
                for claim, a, b in result.grouping
            ],
            "broken": [attrs.asdict(b) for b in result.broken],
            "agreement": round(result.links_agreement, 4),
        },
    }


def _extra(text: str) -> str:
    """An extra claim's text as the table shows it; a blank of a worksheet (``___``) is told
    as one, left as the worksheet gave it."""
    return "a blank, not filled in" if is_blank(text) else short(text, 60)


def _reasons(groups: tuple[tuple[str, ...], ...]) -> str:
    return " ".join(f"[{', '.join(group)}]" for group in groups)


def _show(
    result: Comparison, first: ArgumentMap, second: ArgumentMap, paths: tuple[str, str]
) -> None:
    """The comparison as people read it, on stdout: a row a claim, then the links that
    differ."""
    texts = [{c.id: c.text for c in amap.claims} for amap in (first, second)]
    shared, total = len(result.pairs), len(result.pairs) + len(result.missing)
    show(f"claims: {shared} of {total} of {paths[0]} are in {paths[1]} "
         f"({result.claims_found:.0%}); {len(result.missing)} missing, "
         f"{len(result.extra)} extra", err=False)  # fmt: skip
    quoted = result.quotes
    if quoted is not None and quoted.not_found:
        show(f"quotes: {quoted.not_found} of {quoted.count} of {paths[1]} are not in the source: "
             f"{quoted.closest} taken for the passage closest to them (as check --fix mends "
             f"them), {quoted.not_found - quoted.closest} left out", err=False)  # fmt: skip
    rows = [(p.first, p.second, f"{p.by} {p.score:.0%}") for p in result.pairs]
    rows += [(claim, "-", f"missing: {short(texts[0][claim], 60)}") for claim in result.missing]
    rows += [("-", f"+{claim}", f"extra: {_extra(texts[1][claim])}") for claim in result.extra]
    table(("first", "second", "paired by"), rows)
    first_thesis, second_thesis = result.theses
    if first_thesis == second_thesis:
        show(f"thesis: {first_thesis or 'none'} in both", err=False)
    else:
        own = (f" (the second map's own claim {first_thesis}, which pairs with none of the "
               "first's)" if second_thesis == f"{ONLY_SECOND}{first_thesis}" else "")  # fmt: skip
        show(f"thesis: {first_thesis or 'none'} in the first, {second_thesis or 'none'} in the "
             f"second{own}", err=False)  # fmt: skip
    for claim, a, b in result.kinds:
        show(f"kind: {claim} is a {a} in the first, a {b} in the second", err=False)
    show(f"links: {len(result.agree)} agree, {len(result.other)} with another function, "
         f"{len(result.moved)} to another target, {len(result.only_first)} missing, "
         f"{len(result.only_second)} extra (agreement {result.links_agreement:.2f})",
         err=False)  # fmt: skip
    lines = [("other", f"{a}; in the second it {b.function}s") for a, b in result.other]
    lines += [("moved", f"{a}; in the second it {b.function}s {b.target}")
              for a, b in result.moved]  # fmt: skip
    lines += [("missing", str(edge)) for edge in result.only_first]
    lines += [("extra", str(edge)) for edge in result.only_second]
    lines += [("broken", str(broken)) for broken in result.broken]
    lines += [("grouping", f"{claim}: reasons {_reasons(a)} in the first, {_reasons(b)} in "
               "the second") for claim, a, b in result.grouping]  # fmt: skip
    for what, line in lines:
        show(f"  {what:<9} {line}", err=False)
