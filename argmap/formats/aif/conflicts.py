"""Contradictions in AIF: argmap writes claims that cannot both be true as two CA-nodes, one
each way (as AIF and OVA draw such a conflict), and marks them in its key, which makes them a
claim's ``contradicts`` again; without the key such a pair is two objections, said in a note."""

from __future__ import annotations

from argmap.formats.aif.graph import MAX_LISTED, Graph
from argmap.formats.aif.steps import Steps, build, order, tidy, tidy_restatements

#: The key of a step of the ``argmap`` extension that marks a CA-node of a contradiction.
CONTRADICTION = "contradiction"


def steps_of(graph: Graph, notes: list[str], contradictions: frozenset[str]) -> Steps:
    """The graph's steps, tidied, but the CA-nodes of ``contradictions`` (argmap's key makes
    them the claims' ``contradicts``)."""
    found = build(graph, notes)
    for steps in found.rebuttals.values():
        steps[:] = [step for step in steps if step.node not in contradictions]
    tidy(found.reasons, notes)
    tidy_restatements(found, notes)
    return found


def contradiction_nodes(extension: object) -> frozenset[str]:
    """The CA-nodes argmap's key marks as those of a contradiction."""
    steps = extension.get("steps") if isinstance(extension, dict) else None
    return frozenset(node for node, entry in (steps.items() if isinstance(steps, dict) else ())
                     if isinstance(entry, dict) and entry.get(CONTRADICTION) is True)  # fmt: skip


def mutual(graph: Graph, notes: list[str]) -> None:
    """One note on the pairs of CA-nodes by which two I-nodes attack each other, as AIF draws
    claims that cannot both be true (and argmap's export a contradiction): two objections."""
    plain: dict[tuple[str, str], str] = {}  # (attacker, target) → the CA-node, of one each
    for node in sorted(graph.of_type("CA"), key=lambda n: order(n.id)):
        attackers, targets = graph.linked(node.id, "in", "I"), graph.outgoing[node.id]
        if len(attackers) == 1 and len(targets) == 1 and graph.nodes[targets[0]].type == "I":
            plain.setdefault((attackers[0], targets[0]), node.id)
    pairs = [(node, plain[(b, a)], a, b) for (a, b), node in plain.items()
             if (b, a) in plain and order(node) < order(plain[(b, a)])]  # fmt: skip
    if pairs:
        listed = "; ".join(f"CA nodes {n} and {m} (nodes {a} and {b})"
                           for n, m, a, b in pairs[:MAX_LISTED])  # fmt: skip
        more = f" and {len(pairs) - MAX_LISTED} more" if len(pairs) > MAX_LISTED else ""
        one = len(pairs) == 1
        notes.append(f"{len(pairs)} pair{'' if one else 's'} of I-nodes attack each other, as AIF "
                     "draws claims that cannot both be true (and argmap a contradiction): "
                     f"{listed}{more}; read as two objections, one to each (a map's "
                     "'contradicts' comes back where argmap's key is kept)")  # fmt: skip


__all__ = ["CONTRADICTION", "contradiction_nodes", "mutual", "steps_of"]
