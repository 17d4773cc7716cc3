"""ArgumentMap → which claims stand, are defeated or undecided (grounded semantics), and why.

The map is read as a structured argumentation framework of claims, *steps* (one per reason) and
*attacks* (one per objection written in full; a plain objection is its claim itself):

- a step or an attack holds when every claim making it stands and everything attacking it (its
  undercutters) is defeated; it fails when one of its claims is defeated or an undercutter holds;
- a claim stands when it is a premise or some step for it holds, and every attack on it is
  defeated: its objections, and the claims it contradicts (a contradiction is a rebuttal in both
  directions); it is defeated when an attack on it holds or every step for it fails;
- whatever neither rule settles is undecided (attack cycles, self-attack, support cycles).

The statuses are the least fixed point of these rules, i.e. the grounded labelling: the sceptical
one, unique, and computed here in time linear in the size of the map by propagating from what
holds outright, with counters and a worklist (no recursion).
"""

from __future__ import annotations

import enum
import itertools
from array import array
from collections.abc import Iterator, Mapping, Sequence

import attrs

from argmap.model import ArgumentMap, Kind, Objection, Ref


class Status(enum.Enum):
    """A claim's status; the values are the words used in output and as SVG classes.

    For a step or an attack, STANDS reads "holds" and DEFEATED reads "fails".
    """

    STANDS = "stands"
    DEFEATED = "defeated"
    UNDECIDED = "undecided"


_UNDECIDED, _STANDS, _DEFEATED = 0, 1, 2
_STATUS = (Status.UNDECIDED, Status.STANDS, Status.DEFEATED)


def _grouped(keys: Sequence[int], values: Sequence[int], size: int) -> tuple[list[int], list[int]]:
    """``values`` grouped by ``keys`` (each in 0..size-1), keeping their order within a group:
    the items of group k are ``items[starts[k]:starts[k + 1]]``."""
    order = sorted(range(len(keys)), key=keys.__getitem__)  # stable
    counts = [0] * (size + 1)
    for key in keys:
        counts[key + 1] += 1
    return list(itertools.accumulate(counts)), [values[i] for i in order]


def _ints(values: list[int] | None = None, size: int = 0, fill: int = 0) -> array[int]:
    """Machine integers, packed: a big map's walk through them then stays in the CPU's caches
    far better than through a list of pointers to int objects (twice as fast at 100,000)."""
    return array("i", values) if values is not None else array("i", [fill]) * size


def _chains(sources: Sequence[int], size: int) -> tuple[array[int], array[int]]:
    """The edges leaving each node as a chain: ``first[x]`` is the last edge from x (-1 for
    none), ``after[e]`` the one from the same node before e."""
    first = _ints(size=size, fill=-1)
    after = _ints(size=len(sources), fill=-1)
    for e, x in enumerate(sources):
        after[e] = first[x]
        first[x] = e
    return first, after


class _Graph:
    """The map compiled to integers. Nodes 0..n-1 are the claims (the first claim of an id;
    references to unknown claims are left out, so a map with errors can still be evaluated),
    then steps and attacks. Edges are flat lists (no list per node: a big map then costs
    neither the memory nor the garbage collector's time): a *member* edge from each claim of
    a step or attack to it (all must stand for it to hold), an *attack* edge from each attacker
    (a claim or an attack) to what it attacks, the last ones (from ``contra``) contradictions,
    both ways. ``first_member[x]``/``next_member[e]`` chain the member edges leaving claim x,
    ``first_attack``/``next_attack`` the attack edges leaving node x. ``support[x]`` is the
    claim a step supports (-1 for other nodes); ``need[x]`` counts what x waits for."""

    def __init__(self, amap: ArgumentMap, contradictions: bool) -> None:
        index: dict[str, int] = {}
        for claim in amap.claims:
            index.setdefault(claim.id, len(index))
        n = len(index)
        self.n = n
        self.index = index
        self.ids = list(index)
        self.premise = [True] * n
        self.support = _ints(size=n, fill=-1)
        self.steps = _ints(size=n)  # how many steps each claim has
        self.need = _ints(size=n)
        self.empty: list[int] = []  # steps and attacks none of whose claims is in the map
        self.member_from = _ints()
        self.member_to = _ints()
        self.attack_from = _ints()
        self.attack_to = _ints()
        # One pass over the claims, the steps' edges inline (most of a map's edges are theirs):
        # with 100,000 claims, every extra pass or call per edge shows.
        get = index.get
        support, need = self.support, self.need
        member_from, member_to = self.member_from, self.member_to
        declared: list[tuple[int, tuple[Ref, ...]]] = []
        # Where an id is duplicated (AM102), the first claim counts.
        unique = amap.claims if n == len(amap.claims) else tuple(amap.by_id().values())
        for c, claim in enumerate(unique):
            if claim.kind is not Kind.PREMISE:
                self.premise[c] = False
                need[c] = 1  # one step that holds
            if claim.objections:
                self._attacks(claim.objections, c)
            if claim.contradicts:
                declared.append((c, claim.contradicts))
            if not claim.reasons:
                continue
            self.steps[c] = len(claim.reasons)
            for reason in claim.reasons:
                step = len(support)
                support.append(c)
                known = 0
                for ref in reason.claims:
                    member = get(ref.id)
                    if member is not None:
                        member_from.append(member)
                        member_to.append(step)
                        known += 1
                need.append(known)
                if not known:
                    self.empty.append(step)
                if reason.objections:
                    self._attacks(reason.objections, step)
        self.contra = len(self.attack_from)  # the attack edges from here on are contradictions
        if contradictions:
            seen: set[tuple[int, int]] = set()
            for a, refs in declared:
                for ref in refs:
                    b = get(ref.id)
                    if b is None or (min(a, b), max(a, b)) in seen:
                        continue
                    seen.add((min(a, b), max(a, b)))
                    self._attack(a, b)
                    if b != a:
                        self._attack(b, a)
        self.size = len(self.support)
        self.first_member, self.next_member = _chains(self.member_from, self.size)
        self.first_attack, self.next_attack = _chains(self.attack_from, self.size)
        self._incoming: tuple[tuple[list[int], list[int]], ...] | None = None
        self._number: list[int] | None = None

    @property
    def number(self) -> list[int]:
        """A step's place among its claim's reasons, from 1 (0 for other nodes)."""
        if self._number is None:
            self._number = [0] * self.size
            count = [0] * self.n
            for x in range(self.n, self.size):
                c = self.support[x]
                if c >= 0:
                    count[c] += 1
                    self._number[x] = count[c]
        return self._number

    def _node(self) -> int:
        self.support.append(-1)
        self.need.append(0)
        return len(self.support) - 1

    def _member(self, claim: int, node: int) -> None:
        self.member_from.append(claim)
        self.member_to.append(node)
        self.need[node] += 1

    def _attack(self, attacker: int, node: int) -> None:
        self.attack_from.append(attacker)
        self.attack_to.append(node)
        self.need[node] += 1

    def _attacks(self, objections: tuple[Ref | Objection, ...], target: int) -> None:
        """Attack edges onto ``target``: from the claim of a plain objection, or from a new
        attack node for one written in full; objections to objections walked with a stack."""
        get = self.index.get
        todo = [(objections, target)]
        while todo:
            items, on = todo.pop()
            for item in items:
                if isinstance(item, Ref):
                    claim = get(item.id)
                    if claim is not None:
                        self._attack(claim, on)
                    continue
                attack = self._node()
                known = [i for i in (get(r.id) for r in item.claims) if i is not None]
                for member in known:
                    self._member(member, attack)
                if not known:
                    self.empty.append(attack)
                self._attack(attack, on)
                if item.objections:
                    todo.append((item.objections, attack))

    def incoming(self) -> tuple[tuple[list[int], list[int]], ...]:
        """For explanations: each node's members, attackers (not counting contradictions),
        contradicting claims and (for a claim) steps, grouped as :func:`_grouped` does, in the
        order of the map."""
        if self._incoming is None:
            steps = [x for x in range(self.n, self.size) if self.support[x] >= 0]
            k = self.contra
            self._incoming = (
                _grouped(self.member_to, self.member_from, self.size),
                _grouped(self.attack_to[:k], self.attack_from[:k], self.size),
                _grouped(self.attack_to[k:], self.attack_from[k:], self.size),
                _grouped([self.support[x] for x in steps], steps, self.size),
            )
        return self._incoming


def _propagate(g: _Graph) -> bytearray:
    """The grounded labelling of every node: each edge is followed once from each end."""
    n, size = g.n, g.size
    label = bytearray(size)  # _UNDECIDED
    # need[x]: what x still waits for to hold: members that do not stand yet, attackers not yet
    # defeated, and for a conclusion one step that holds. left[c]: steps of c not yet failed
    # (-1 once c is supported, and always for a premise).
    need = g.need[:]
    left = _ints([-1 if premise else k for premise, k in zip(g.premise, g.steps, strict=True)])
    work: list[int] = [c for c in range(n) if left[c] == 0]
    for x in work:
        label[x] = _DEFEATED  # a conclusion without reasons (AM106)
    for x in g.empty:
        label[x] = _DEFEATED  # a step or attack none of whose claims is known (AM103)
    work += g.empty
    for x in [x for x, waits in enumerate(need) if not waits]:
        if label[x] == _UNDECIDED:
            label[x] = _STANDS
            work.append(x)

    first_member, next_member, member_to = g.first_member, g.next_member, g.member_to
    first_attack, next_attack, attack_to = g.first_attack, g.next_attack, g.attack_to
    support = g.support
    pop, push = work.pop, work.append
    while work:
        x = pop()
        holds = label[x] == _STANDS
        e = first_member[x] if x < n else -1
        while e >= 0:  # the steps and attacks x is a claim of
            y = member_to[e]
            e = next_member[e]
            if label[y] == _UNDECIDED:
                if not holds:
                    label[y] = _DEFEATED
                    push(y)
                else:
                    need[y] -= 1
                    if need[y] == 0:
                        label[y] = _STANDS
                        push(y)
        e = first_attack[x]
        while e >= 0:  # what x attacks
            y = attack_to[e]
            e = next_attack[e]
            if label[y] == _UNDECIDED:
                if holds:
                    label[y] = _DEFEATED
                    push(y)
                else:
                    need[y] -= 1
                    if need[y] == 0:
                        label[y] = _STANDS
                        push(y)
        c = support[x]
        if c >= 0 and label[c] == _UNDECIDED and left[c] >= 0:
            if holds:
                left[c] = -1  # supported: one step that holds is enough
                need[c] -= 1
                if need[c] == 0:
                    label[c] = _STANDS
                    push(c)
            else:
                left[c] -= 1
                if left[c] == 0:
                    label[c] = _DEFEATED
                    push(c)
    return label


# --- why ----------------------------------------------------------------------------------


@attrs.frozen
class Link:
    """A step (a reason for a claim) or an attack, and why it does not simply hold.

    ``claims`` make it (one claim for a plain objection). When it fails, ``blocking`` are its
    claims that are defeated and ``undercuts`` the attacks on it that hold; when it is
    undecided, the undecided ones. ``number`` is a step's place among its claim's reasons.
    """

    claims: tuple[str, ...]
    status: Status
    blocking: tuple[str, ...] = ()
    undercuts: tuple[Link, ...] = ()
    number: int = 0

    def named(self) -> Iterator[str]:
        """Every claim this link names, its undercuts' too."""
        yield from self.claims
        for undercut in self.undercuts:
            yield from undercut.named()


@attrs.frozen
class Why:
    """The direct causes of a claim's status.

    For a defeated claim: the attacks on it that hold and the claims contradicting it that
    stand, and when no reason holds, its failed steps. For an undecided one: the undecided
    attacks and contradictions, and its steps when none stands. For a claim that stands: its
    steps that do not hold, if any (they do not matter, but the analyst may want to know).
    """

    status: Status
    attacks: tuple[Link, ...] = ()
    contradicting: tuple[str, ...] = ()
    steps: tuple[Link, ...] = ()

    def named(self) -> Iterator[str]:
        for attack in self.attacks:
            yield from attack.named()
        yield from self.contradicting
        for step in self.steps:
            yield from step.named()


class Evaluation:
    """The status of every claim (and step and attack) of a map, with explanations on demand."""

    def __init__(self, graph: _Graph, labels: bytearray) -> None:
        self._g = graph
        self._labels = labels

    def __len__(self) -> int:
        return self._g.n

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self._g.index

    def status(self, claim_id: str) -> Status:
        return _STATUS[self._labels[self._g.index[claim_id]]]

    @property
    def statuses(self) -> Mapping[str, Status]:
        """Claim id → status, in file order."""
        return {
            cid: _STATUS[label]
            for cid, label in zip(self._g.ids, self._labels[: self._g.n], strict=True)
        }

    def step_status(self, claim_id: str, number: int) -> Status:
        """Status of reason ``number`` (from 1) of a claim: STANDS when the step holds."""
        starts, steps = self._g.incoming()[3]
        c = self._g.index[claim_id]
        return _STATUS[self._labels[steps[starts[c] + number - 1]]]

    def counts(self) -> dict[Status, int]:
        found = dict.fromkeys(Status, 0)
        for label in self._labels[: self._g.n]:
            found[_STATUS[label]] += 1
        return found

    def _link(self, x: int) -> Link:
        g, labels = self._g, self._labels
        own = labels[x]
        if x < g.n:  # a plain objection: the claim itself
            return Link((g.ids[x],), _STATUS[own], () if own == _STANDS else (g.ids[x],))
        (mstarts, members), (astarts, attackers), _, _ = g.incoming()
        mine = members[mstarts[x] : mstarts[x + 1]]
        claims = tuple(g.ids[m] for m in mine)
        if own == _STANDS:
            return Link(claims, Status.STANDS, number=g.number[x])
        against = _STANDS if own == _DEFEATED else _UNDECIDED
        return Link(
            claims,
            _STATUS[own],
            tuple(g.ids[m] for m in mine if labels[m] == own),
            tuple(
                self._link(a)
                for a in attackers[astarts[x] : astarts[x + 1]]
                if labels[a] == against
            ),
            g.number[x],
        )

    def why(self, claim_id: str) -> Why:
        """The direct causes of a claim's status (see :class:`Why`)."""
        g, labels = self._g, self._labels
        _, (astarts, attackers), (cstarts, contra), (sstarts, steps) = g.incoming()
        c = g.index[claim_id]
        own = labels[c]
        mine = steps[sstarts[c] : sstarts[c + 1]]
        failed = [self._link(s) for s in mine if labels[s] != _STANDS]
        if own == _STANDS:
            return Why(Status.STANDS, steps=tuple(failed))
        against = _STANDS if own == _DEFEATED else _UNDECIDED
        unsupported = not g.premise[c] and len(failed) == len(mine)
        if own == _DEFEATED and any(step.status is Status.UNDECIDED for step in failed):
            unsupported = False  # defeated by an attack; its support alone is undecided
        return Why(
            _STATUS[own],
            tuple(
                self._link(a)
                for a in attackers[astarts[c] : astarts[c + 1]]
                if labels[a] == against
            ),
            tuple(g.ids[i] for i in contra[cstarts[c] : cstarts[c + 1]] if labels[i] == against),
            tuple(failed) if unsupported else (),
        )

    def chain(self, claim_id: str, limit: int | None = None) -> list[tuple[str, Why]]:
        """The claim's explanation, then those of the claims it names that do not stand, and
        so on: each claim once, in the order met, at most ``limit`` of them. Empty for a
        claim that stands."""
        if self.status(claim_id) is Status.STANDS:
            return []
        found: list[tuple[str, Why]] = []
        seen = {claim_id}
        todo = [claim_id]
        while todo and (limit is None or len(found) < limit):
            current = todo.pop()
            why = self.why(current)
            found.append((current, why))
            more = [o for o in why.named() if o not in seen and self.status(o) is not Status.STANDS]
            seen.update(more)
            todo.extend(reversed(more))
        return found

    def defeaters(self, claim_id: str, limit: int | None = None) -> list[str]:
        """The claims that keep a claim from standing, at the ends of its chain: for a defeated
        claim the attackers that stand, for an undecided one the undecided attackers (looking
        at most ``limit`` claims down the chain)."""
        found: dict[str, None] = {}
        root = self.status(claim_id)
        wanted = _STANDS if root is Status.DEFEATED else _UNDECIDED
        for _, why in self.chain(claim_id, limit):
            if why.status is not root:  # a defeated reason of an undecided claim: beside the point
                continue
            attacks = [*why.attacks, *(u for step in why.steps for u in step.undercuts)]
            for attack in attacks:
                for other in attack.named():
                    if self._labels[self._g.index[other]] == wanted:
                        found.setdefault(other)
            found.update(dict.fromkeys(why.contradicting))
        return list(found)


def evaluate(amap: ArgumentMap, *, contradictions: bool = True) -> Evaluation:
    """Every claim's status under grounded semantics.

    Args:
        amap: The map; it need not be clean (duplicates: the first claim counts; unknown
            references are left out).
        contradictions: Whether declared contradictions act (as mutual rebuttals). Without
            them, the result says what the map's reasons and objections alone establish.
    """
    graph = _Graph(amap, contradictions)
    return Evaluation(graph, _propagate(graph))


# --- in words -----------------------------------------------------------------------------


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _names(ids: tuple[str, ...] | list[str]) -> str:
    return _join([f"'{i}'" for i in ids])


def _which(count: int, status: Status) -> str:
    if status is Status.STANDS:
        return "which stands" if count == 1 else "which stand"
    return "which is undecided" if count == 1 else "which are undecided"


def _attackers(links: tuple[Link, ...]) -> str:
    """Attacks by name: ``'a'``, ``'b' + 'c'`` for claims that attack only jointly."""
    return _join([" + ".join(f"'{c}'" for c in link.claims) for link in links])


def _link_failure(link: Link) -> str:
    """Why a step or attack does not hold, e.g. ``'m' is defeated``."""
    parts = []
    if link.blocking:
        verb = "is" if len(link.blocking) == 1 else "are"
        parts.append(f"{_names(link.blocking)} {verb} {link.status.value}")
    if link.undercuts:
        made = " + ".join(f"'{c}'" for c in link.claims)
        status = Status.STANDS if link.status is Status.DEFEATED else Status.UNDECIDED
        words = "the step from" if link.number else "the attack by"
        parts.append(
            f"{words} {made} is undercut by {_attackers(link.undercuts)}, "
            + _which(len(link.undercuts), status)
            + "".join(f" ({_link_failure(u)})" for u in link.undercuts if u.undercuts)
        )
    return " and ".join(parts) or "it names no claim of the map"


def describe(why: Why) -> str:
    """One claim's direct causes in words, e.g. ``rebutted by 'a', which stands``."""
    parts = []
    if why.attacks:
        status = Status.STANDS if why.status is Status.DEFEATED else Status.UNDECIDED
        text = f"rebutted by {_attackers(why.attacks)}, {_which(len(why.attacks), status)}"
        details = [_link_failure(a) for a in why.attacks if a.undercuts or len(a.blocking) > 1]
        parts.append(text + "".join(f" ({d})" for d in details if d))
    if why.contradicting:
        status = Status.STANDS if why.status is Status.DEFEATED else Status.UNDECIDED
        parts.append(
            f"contradicted by {_names(why.contradicting)}, "
            + _which(len(why.contradicting), status)
        )
    if why.steps:
        steps = [_link_failure(step) for step in why.steps]
        if why.status is Status.STANDS:
            head = "though a reason fails" if len(steps) == 1 else "though some reasons fail"
        elif len(steps) == 1:
            failed = why.steps[0].status is Status.DEFEATED
            head = "its only reason fails" if failed else "its only reason is undecided"
        elif why.status is Status.DEFEATED:
            head = "none of its reasons holds"
        else:
            head = "none of its reasons stands"
        if len(steps) == 1:
            parts.append(f"{head}: {steps[0]}")
        else:
            parts.append(f"{head}: " + "; ".join(f"({i}) {s}" for i, s in enumerate(steps, 1)))
    if not parts and why.status is Status.DEFEATED:
        parts.append("it has no reasons")
    return "; ".join(parts)


#: Claims explained along a chain, at most: enough for a reader, and explaining every claim
#: of a big map stays linear in its size.
CHAIN_LIMIT = 12


def explain(evaluation: Evaluation, claim_id: str, limit: int = CHAIN_LIMIT) -> str:
    """The chain that keeps a claim from standing, in words: its causes, then theirs.

    Each claim along the chain is explained once, at most ``limit`` of them (then ``…``).
    For a claim that stands: its failing reasons, if any.
    """
    chain = evaluation.chain(claim_id, limit + 1)
    if not chain:
        return describe(evaluation.why(claim_id))
    sentences = [describe(chain[0][1])]
    sentences += [
        f"'{other}' is {why.status.value}: {describe(why)}" for other, why in chain[1:limit]
    ]
    return ". ".join(sentences) + (". …" if len(chain) > limit else "")
