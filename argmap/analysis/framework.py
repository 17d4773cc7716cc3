"""ArgumentMap → the argumentation framework it states, compiled to integers for the evaluation.

Claims, *steps* (one per reason) and *attacks* (one per objection written in full; a plain
objection is its claim itself) become numbered nodes; what makes a step or an attack (its
claims), what attacks what, and the declared contradictions become flat arrays of edges.
Claims that restate each other are one statement: the first of them (in file order) stands for
all, taking the reasons, the attacks and the contradictions of each.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Sequence

from argmap.model import ArgumentMap, Kind, Link, Ref, Relation, equivalents, walk
from argmap.read.suggest import did_you_mean


def _grouped(keys: Sequence[int], values: Sequence[int], size: int) -> tuple[list[int], list[int]]:
    """``values`` grouped by ``keys`` (each in 0..size-1), keeping their order within a group:
    the items of group k are ``items[starts[k]:starts[k + 1]]``."""
    order = sorted(range(len(keys)), key=keys.__getitem__)  # stable
    counts = [0] * (size + 1)
    for key in keys:
        counts[key + 1] += 1
    return list(itertools.accumulate(counts)), [values[i] for i in order]


def ints(values: list[int] | None = None, size: int = 0, fill: int = 0) -> array[int]:
    """Machine integers, packed: a big map's walk through them then stays in the CPU's caches
    far better than through a list of pointers to int objects."""
    return array("i", values) if values is not None else array("i", [fill]) * size


def _chains(sources: Sequence[int], size: int) -> tuple[array[int], array[int]]:
    """The edges leaving each node as a chain: ``first[x]`` is the last edge from x (-1 for
    none), ``after[e]`` the one from the same node before e."""
    first = ints(size=size, fill=-1)
    after = ints(size=len(sources), fill=-1)
    for e, x in enumerate(sources):
        after[e] = first[x]
        first[x] = e
    return first, after


class Graph:
    """The map compiled to integers. Nodes 0..n-1 are the claims (the first claim of an id;
    references to unknown claims are left out, so a map with errors can still be evaluated),
    then steps and attacks. Edges are flat lists (no list per node: a big map then costs
    neither the memory nor the garbage collector's time): a *member* edge from each claim of
    a step or attack to it (all must stand for it to hold), an *attack* edge from each attacker
    (a claim or an attack) to what it attacks, the last ones (from ``contra``) contradictions,
    both ways. ``first_member[x]``/``next_member[e]`` chain the member edges leaving claim x,
    ``first_attack``/``next_attack`` the attack edges leaving node x. ``same[c]`` is the claim
    that stands for claim c's statement (c itself unless it restates or is restated: then the
    first claim of its statement, which all its relations go to). ``support[x]`` is the claim
    a step supports (its statement's; -1 for other nodes), ``owner[x]`` the claim it is written
    under; ``need[x]`` counts what x waits for."""

    def __init__(self, amap: ArgumentMap, contradictions: bool) -> None:
        index: dict[str, int] = {}
        for claim in amap.claims:
            index.setdefault(claim.id, len(index))
        n = len(index)
        self.n = n
        self.index = index
        self.ids = list(index)
        self.premise = [True] * n
        self.same = list(range(n))  # a list: reading it makes no int objects
        restating = any(claim.restates for claim in amap.claims)
        if restating:
            for claim_id, first in equivalents(amap).items():
                self.same[index[claim_id]] = index[first]
        self.support = ints(size=n, fill=-1)
        # Without restatements a claim is its own statement: the arrays below are the same.
        self.owner = ints(size=n, fill=-1) if restating else self.support
        self.steps = ints(size=n)  # how many steps each claim has
        self.need = ints(size=n)
        self.empty: list[int] = []  # steps and attacks none of whose claims is in the map
        self.member_from = ints()
        # the claim as written (member_from: its statement's)
        self.member_shown = ints() if restating else self.member_from
        self.member_to = ints()
        self.attack_from = ints()
        self.attack_shown = ints() if restating else self.attack_from
        self.attack_to = ints()
        # One pass over every relation of the map, in file order (the one walker). Where an id is
        # duplicated (AM102), the first claim counts.
        same = self.same
        get = index.get

        node_of: dict[Relation, int] = {}  # a step or an objection in full → its node
        declared: list[tuple[int, Ref]] = []
        unique = amap.claims if n == len(amap.claims) else tuple(amap.by_id().values())
        for c, claim in enumerate(unique):
            if claim.kind is not Kind.PREMISE:
                self.premise[c] = False
                self.need[c] = 1  # one step that holds
            self.steps[c] = len(claim.reasons)
            statement = same[c]
            for relation in walk(claim):
                link = relation.link
                if link is Link.CONTRADICT:
                    declared.append((c, relation.claims[0]))
                    continue
                if link is Link.RESTATE:
                    continue  # already one statement
                on = statement if relation.on is None else node_of[relation.on]
                if relation.attack and relation.plain:  # a plain objection: its claim
                    attacker = get(relation.claims[0].id)
                    if attacker is not None:
                        self._attack(same[attacker] if restating else attacker, on)
                        if restating:
                            self.attack_shown.append(attacker)
                    continue
                support = link is Link.SUPPORT
                node = self._node(statement if support else -1)
                if restating:
                    self.owner.append(c if support else -1)
                node_of[relation] = node
                known = [i for i in (get(ref.id) for ref in relation.claims) if i is not None]
                for member in known:
                    self._member(same[member] if restating else member, node)
                    if restating:
                        self.member_shown.append(member)
                if not known:
                    self.empty.append(node)
                if relation.attack:
                    self._attack(node, on)
                    if restating:
                        self.attack_shown.append(node)
        self.together: dict[int, list[int]] = {}  # first claim → the claims of its statement
        if restating:
            self._statements()
        self.contra = len(self.attack_from)  # the attack edges from here on are contradictions
        if contradictions:
            seen: set[tuple[int, int]] = set()
            for a, ref in declared:
                b = get(ref.id)
                if b is None or (min(a, b), max(a, b)) in seen:
                    continue
                seen.add((min(a, b), max(a, b)))
                self._attack(same[a], same[b])
                if b != a:
                    self._attack(same[b], same[a])
                if restating:
                    self.attack_shown.extend((a, b) if b != a else (a,))
        self.size = len(self.support)
        self.first_member, self.next_member = _chains(self.member_from, self.size)
        self.first_attack, self.next_attack = _chains(self.attack_from, self.size)
        self._incoming: tuple[tuple[list[int], list[int]], ...] | None = None
        self._number: list[int] | None = None

    def at(self, claim_id: str) -> int:
        """The node of the claim ``claim_id``; a KeyError that names it, and the id probably
        meant, when the map has no such claim."""
        node = self.index.get(claim_id)
        if node is None:
            meant = did_you_mean(claim_id, self.ids)
            raise KeyError(f"no claim of the map has the id '{claim_id}'{meant}")
        return node

    def _statements(self) -> None:
        """Each statement of several claims as one: its first claim is a premise when any of
        them is, and otherwise needs one step of any of them that holds. The others wait for
        nothing and are given its status in the end."""
        n, same = self.n, self.same
        for c in range(n):
            if same[c] != c:
                self.together.setdefault(same[c], [same[c]]).append(c)
        for first, members in self.together.items():
            premise = any(self.premise[c] for c in members)
            for c in members:
                if c != first:
                    self.steps[first] += self.steps[c]
                    self.steps[c] = 0
                    self.need[c] = 0
                    self.premise[c] = True
            if premise and not self.premise[first]:
                self.premise[first] = True
                self.need[first] -= 1

    @property
    def number(self) -> list[int]:
        """A step's place among its claim's reasons, from 1 (0 for other nodes)."""
        if self._number is None:
            self._number = [0] * self.size
            count = [0] * self.n
            for x in range(self.n, self.size):
                c = self.owner[x]
                if c >= 0:
                    count[c] += 1
                    self._number[x] = count[c]
        return self._number

    def _node(self, support: int = -1) -> int:
        """A new step (of the statement ``support``) or attack node."""
        self.support.append(support)
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

    def spread(self, labels: bytearray) -> None:
        """Give every claim of a statement of several claims its first claim's label, in
        place: one statement, one status."""
        for first, members in self.together.items():
            for c in members:
                labels[c] = labels[first]

    def incoming(self) -> tuple[tuple[list[int], list[int]], ...]:
        """For explanations: each node's members, attackers (not counting contradictions),
        contradicting claims (each claim as written, not its statement's first) and (for a
        claim) steps, grouped as :func:`_grouped` does, in the order of the map."""
        if self._incoming is None:
            steps = [x for x in range(self.n, self.size) if self.owner[x] >= 0]
            k = self.contra
            self._incoming = (
                _grouped(self.member_to, self.member_shown, self.size),
                _grouped(self.attack_to[:k], self.attack_shown[:k], self.size),
                _grouped(self.attack_to[k:], self.attack_shown[k:], self.size),
                _grouped([self.owner[x] for x in steps], steps, self.size),
            )
        return self._incoming


__all__ = ["Graph", "ints"]
