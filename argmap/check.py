"""ArgumentMap (+ its source text) → consistency diagnostics; one small function per check."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from argmap.diagnostics import Diagnostic
from argmap.logic import check_logic
from argmap.model import (
    ArgumentMap,
    Claim,
    Objection,
    Ref,
    Source,
    attackers,
    attacks,
    supports,
)
from argmap.quotes import SourceText

#: A claim id: lowercase letters, digits and single hyphens, starting with a letter. Such an id
#: is a valid XML/SVG id, CSS class fragment, URL fragment and Graphviz node name as it is.
ID_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MAX_ID = 64

Check = Callable[[ArgumentMap, str], Iterator[Diagnostic]]


def slugify(text: str) -> str:
    """The id an analyst probably meant.

    >>> slugify("Energy_Interest 2")
    'energy-interest-2'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    slug = slug.lstrip("0123456789-")
    return slug[:MAX_ID].rstrip("-") or "claim"


def check_ids(amap: ArgumentMap, path: str) -> Iterator[Diagnostic]:
    """AM101 malformed ids, AM102 duplicates (pointing back at the first)."""
    first: dict[str, Claim] = {}
    for claim in amap.claims:
        if len(claim.id) > MAX_ID:
            yield Diagnostic(
                path,
                claim.where("id"),
                "AM101",
                f"claim id is {len(claim.id)} characters; the limit is {MAX_ID}",
            )
        elif not ID_PATTERN.fullmatch(claim.id):
            yield Diagnostic(
                path,
                claim.where("id"),
                "AM101",
                f"invalid claim id '{claim.id}': use lowercase letters, digits and single "
                f"hyphens, starting with a letter (e.g. '{slugify(claim.id)}')",
            )
        if claim.id in first:
            other = first[claim.id]
            yield Diagnostic(
                path,
                claim.where("id"),
                "AM102",
                f"duplicate claim id '{claim.id}' (first defined as a {other.kind.value} "
                f"at {other.where('id')})",
            )
        else:
            first[claim.id] = claim


def _objection_refs(objections: tuple[Ref | Objection, ...]) -> Iterator[Ref]:
    """Every claim named in a list of objections, at any depth (attacks on attacks too)."""
    for item in objections:
        if isinstance(item, Ref):
            yield item
        else:
            yield from item.claims
            yield from _objection_refs(item.objections)


def _references(amap: ArgumentMap) -> Iterator[tuple[Claim, Ref, str]]:
    """Every reference in the map with the claim it belongs to and a word for its role."""
    for claim in amap.claims:
        for reason in claim.reasons:
            for ref in reason.claims:
                yield claim, ref, "reason"
            if reason.objections:
                for ref in _objection_refs(reason.objections):
                    yield claim, ref, "objection"
        if claim.objections:
            for ref in _objection_refs(claim.objections):
                yield claim, ref, "objection"
        for ref in claim.contradicts:
            yield claim, ref, "contradiction"


def _objection_lists(
    objections: tuple[Ref | Objection, ...], what: str
) -> Iterator[tuple[tuple[Ref, ...], str]]:
    """The id lists in a list of objections: its plain ids, and the members and objections of
    each objection written in full."""
    # A one-claim objection is the same attack whether written plainly or in full.
    singles = tuple(item for item in objections if isinstance(item, Ref) or not item.linked)
    yield tuple(attackers(item)[0] for item in singles), what
    for item in objections:
        if isinstance(item, Objection):
            if item.linked:
                yield item.claims, "a linked objection"
            yield from _objection_lists(item.objections, "the objections of an objection")


def check_references(amap: ArgumentMap, path: str) -> Iterator[Diagnostic]:
    """AM103 unknown ids (with a suggestion), AM104 a claim that refers to itself."""
    ids = [claim.id for claim in amap.claims]
    known = set(ids)
    for claim, ref, role in _references(amap):
        if ref.id not in known:
            import difflib  # only to suggest: loaded when a reference is wrong

            close = difflib.get_close_matches(ref.id, ids, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            yield Diagnostic(
                path, ref.span, "AM103", f"{role} '{ref.id}' of '{claim.id}' is no claim{hint}"
            )
        elif ref.id == claim.id:
            yield Diagnostic(
                path, ref.span, "AM104", f"'{claim.id}' lists itself as its own {role}"
            )


def check_repeats(amap: ArgumentMap, path: str) -> Iterator[Diagnostic]:
    """AM112: the same id twice in one list (a linked reason, objections, single-claim reasons)."""
    for claim in amap.claims:
        if not claim.reasons and not claim.objections and len(claim.contradicts) < 2:
            continue  # no list of two or more: most premises
        reasons = claim.reasons
        lists = [(tuple(r.claims[0] for r in reasons if not r.linked), "reasons")]
        lists += [(r.claims, "a linked reason") for r in reasons if r.linked]
        if claim.objections:
            lists += _objection_lists(claim.objections, "objections")
        lists.append((claim.contradicts, "contradicts"))
        for reason in reasons:
            if reason.objections:
                lists += _objection_lists(reason.objections, "the objections of a reason")
        for refs, what in lists:
            if len(refs) < 2 or len({ref.id for ref in refs}) == len(refs):
                continue  # nothing repeated: the common case, found without the loop below
            seen: dict[str, Ref] = {}
            for ref in refs:
                if ref.id in seen:
                    yield Diagnostic(
                        path,
                        ref.span,
                        "AM112",
                        f"'{ref.id}' is listed twice in {what} of '{claim.id}' "
                        f"(first at {seen[ref.id].span})",
                    )
                else:
                    seen[ref.id] = ref


def check_reasons(amap: ArgumentMap, path: str) -> Iterator[Diagnostic]:
    """AM106: a conclusion or recommendation must have at least one reason."""
    for claim in amap.claims:
        if claim.kind.takes_reasons and not claim.reasons:
            yield Diagnostic(
                path,
                claim.where("reasons"),
                "AM106",
                f"{claim.kind.value} '{claim.id}' has no reasons; give at least one, "
                "or make it a premise",
            )


def check_cycles(amap: ArgumentMap, path: str) -> Iterator[Diagnostic]:
    """AM105: a claim that supports itself through a chain of reasons (one report per cycle)."""
    # Edges target → member, in file order, so a cycle is reported from the earliest claim.
    edges: dict[str, list[Ref]] = {claim.id: [] for claim in amap.claims}
    for support in supports(amap):
        if support.member.id in edges and support.member.id != support.target.id:
            edges[support.target.id].append(support.member)
    # A claim that rests on nothing (a premise, most claims of a map) is on no cycle: the search
    # neither starts from one nor steps onto one.
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start, members in edges.items():
        if not members or state.get(start):
            continue
        # Iterative depth-first search keeping the path, so deep maps cannot hit recursion limits.
        path_ids: list[str] = [start]
        iters = [iter(edges[start])]
        state[start] = 1
        while iters:
            ref = next(iters[-1], None)
            if ref is None:
                state[path_ids.pop()] = 2
                iters.pop()
                continue
            if state.get(ref.id) == 1:
                cycle = [*path_ids[path_ids.index(ref.id) :], ref.id]
                chain = " → ".join(reversed(cycle))
                yield Diagnostic(path, ref.span, "AM105", f"support cycle: {chain}")
            elif not state.get(ref.id) and edges[ref.id]:
                state[ref.id] = 1
                path_ids.append(ref.id)
                iters.append(iter(edges[ref.id]))


def check_support_and_attack(amap: ArgumentMap, path: str) -> Iterator[Diagnostic]:
    """AM107: a claim that is both a reason for a target and an objection to it (or its steps)."""
    supporting: dict[tuple[str, str], Ref] = {}
    for support in supports(amap):
        supporting.setdefault((support.member.id, support.target.id), support.member)
    for attack in attacks(amap):
        if attack.on is not None:  # an attack on an attack: neither the target nor its steps
            continue
        key = (attack.attacker.id, attack.target.id)
        if key in supporting and attack.attacker.id != attack.target.id:
            yield Diagnostic(
                path,
                attack.attacker.span,
                "AM107",
                f"'{attack.attacker.id}' both supports and attacks '{attack.target.id}' "
                f"(listed as a reason at {supporting[key].span})",
            )


def check_connected(amap: ArgumentMap, path: str) -> Iterator[Diagnostic]:
    """AM201 (warning): a claim that supports, attacks and is supported or attacked by nothing."""
    if len(amap.claims) < 2:
        return
    # The claims on either side of a reference: the relations, flattened once per map, hold
    # every reference in reasons and objections, and contradictions the rest.
    linked = {support.member.id for support in supports(amap)}
    linked.update([support.target.id for support in supports(amap)])
    for attack in attacks(amap):
        linked.update((attack.attacker.id, attack.target.id))
    for claim in amap.claims:
        if claim.contradicts:
            linked.add(claim.id)
            linked.update([ref.id for ref in claim.contradicts])
    for claim in amap.claims:
        if claim.id not in linked:
            yield Diagnostic(
                path,
                claim.where("id"),
                "AM201",
                f"{claim.kind.value} '{claim.id}' is connected to nothing: no reason, objection "
                "or target",
            )


def _bad_url(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"'{url}' is not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        return f"URL '{url}' has {scheme}; only http: and https: links are allowed"
    if not parts.netloc or any(c.isspace() for c in url):
        return f"'{url}' is not a valid web address"
    return None


def check_urls(amap: ArgumentMap, path: str) -> Iterator[Diagnostic]:
    """AM108: urls of the source and of claims must be http(s) links."""
    places: list[Source | Claim] = [amap.source] if amap.source is not None else []
    places.extend(claim for claim in amap.claims if claim.url is not None)
    for place in places:
        problem = _bad_url(place.url) if place.url is not None else None
        if problem:
            yield Diagnostic(path, place.where("url"), "AM108", problem)


def check_has_claims(amap: ArgumentMap, path: str) -> Iterator[Diagnostic]:
    """AM113: a map without claims is almost certainly a mistake (a misspelt section)."""
    if not amap.claims:
        yield Diagnostic(
            path, amap.where(), "AM113", "the map has no claims: add premises, conclusions or "
            "recommendations"
        )  # fmt: skip


def check_quotes(amap: ArgumentMap, path: str, source: SourceText | None) -> Iterator[Diagnostic]:
    """AM111 quotes with no source to check them against; AM110 quotes not in the source."""
    for claim in amap.claims:
        if not claim.quotes:
            continue
        if amap.source is None:
            yield Diagnostic(
                path,
                claim.where("quotes"),
                "AM111",
                f"'{claim.id}' has quotes but the map has no source to check them against; "
                "add 'source: {path: ...}'",
            )
            continue
        if source is None:  # the source could not be read: reported as AM109 by the caller
            continue
        for quote in claim.quotes:
            if source.contains(quote.text):
                continue
            message = f"quote of '{claim.id}' not found in the source"
            passage = source.closest(quote.text)
            if passage is not None and passage.similarity >= 0.5:
                shown = passage.text if len(passage.text) <= 160 else passage.text[:157] + "..."
                message += f'; closest passage (line {passage.line}): "{shown}"'
            yield Diagnostic(path, quote.span, "AM110", message)


CHECKS: tuple[Check, ...] = (
    check_has_claims,
    check_ids,
    check_references,
    check_repeats,
    check_reasons,
    check_cycles,
    check_support_and_attack,
    check_urls,
    check_connected,
)


def check(amap: ArgumentMap, path: str, source: SourceText | None = None) -> list[Diagnostic]:
    """All consistency findings for a loaded map, sorted by position.

    ``source`` is the map's source text, read by the caller; without it quotes are not verified
    (the caller reports why the source is missing).
    """
    found: list[Diagnostic] = []
    for run in CHECKS:
        found.extend(run(amap, path))
    found.extend(check_quotes(amap, path, source))
    found.extend(check_logic(amap, path, source, found))  # evaluation: argmap.logic
    return sorted(found)
