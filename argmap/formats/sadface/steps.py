"""A SADFace document's scheme nodes → the reasons, objections and restatements of each atom,
tidied as the AIF import tidies them, so that the map made of them checks clean.

A support scheme gives a reason to each atom it points to, made of the atoms pointing to it; a
conflict an objection, a rebuttal of an atom or an undercut of the support or conflict it
points to; a rephrase makes each atom it points to restate each atom pointing to it. What
would not check clean is left out with a note naming the nodes (a scheme without premise or
conclusion, a claim supporting itself, the reason that closes a support cycle, ...). Nodes are
taken in the order of the file, so a map exported by argmap comes back in its own order.
"""

from __future__ import annotations

import re

from argmap.formats.aif.steps import Step, Steps, tidy, tidy_restatements, unreached
from argmap.formats.sadface.document import ATOM, CONFLICT, REPHRASE, SUPPORT, Document

#: AIF's words in the notes of the tidying shared with the AIF import → SADFace's.
_AIF_WORDS = re.compile(r"\b(RA|CA|MA) node(s?)\b|\bI-node\b")
_SADFACE = {"RA": "support", "CA": "conflict", "MA": "rephrase"}


def in_sadface_words(note: str) -> str:
    """A note of the shared tidying in SADFace's words.

    >>> in_sadface_words("RA node 7 closes a support cycle; CA nodes 8, 9 attack only ...")
    'support scheme 7 closes a support cycle; conflict schemes 8, 9 attack only ...'
    """
    return _AIF_WORDS.sub(lambda m: f"{_SADFACE[m[1]]} scheme{m[2]}" if m[1] else "atom", note)


def build(doc: Document, notes: list[str]) -> Steps:
    """Reasons, rebuttals and restatements of every atom, undercuts attached, tidied."""
    atoms = [node.id for node in doc.of_role(ATOM)]
    found = Steps({a: [] for a in atoms}, {a: [] for a in atoms}, {a: [] for a in atoms})
    steps: dict[str, list[Step]] = {}  # support or conflict node → its steps
    shared: list[str] = []  # notes in AIF's words
    for node in doc.of_role(SUPPORT):
        premises, conclusions = doc.linked(node.id, "in", ATOM), doc.linked(node.id, "out", ATOM)
        if not premises or not conclusions:
            missing = "premise" if not premises else "conclusion"
            notes.append(f"support scheme {node.id} has no {missing}; left out")
            continue
        if len(conclusions) > 1:
            notes.append(f"support scheme {node.id} has {len(conclusions)} conclusions; one "
                         "reason each")  # fmt: skip
        steps[node.id] = []
        for conclusion in conclusions:
            step = Step(node.id, list(premises), None, node.scheme)
            steps[node.id].append(step)
            found.reasons[conclusion].append(step)
    for node in doc.of_role(REPHRASE):
        sources, targets = doc.linked(node.id, "in", ATOM), doc.linked(node.id, "out", ATOM)
        if not sources or not targets:
            missing = "atom it rephrases" if not sources else "atom rephrasing it"
            notes.append(f"rephrase scheme {node.id} has no {missing}; left out")
            continue
        for target in targets:
            found.restates[target] += [Step(node.id, [source]) for source in sources]
    conflicts = doc.of_role(CONFLICT)
    for node in conflicts:
        steps[node.id] = [Step(node.id, doc.linked(node.id, "in", ATOM))]
    for node in conflicts:
        step = steps[node.id][0]
        targets = doc.linked(node.id, "out", ATOM, SUPPORT, CONFLICT)
        if not step.members or not targets:
            missing = "attacking atom" if not step.members else "target"
            notes.append(f"conflict scheme {node.id} has no {missing}; left out")
            del steps[node.id]
            continue
        for number, target in enumerate(targets):
            copy = step if number == 0 else Step(node.id, step.members, None, None, step.undercuts)
            if doc.nodes[target].role == ATOM:
                found.rebuttals[target].append(copy)
            elif target in steps and target != node.id:
                for attacked in steps[target]:
                    attacked.undercuts.append(copy)
            else:
                notes.append(f"conflict scheme {node.id} attacks scheme {target}, which is left "
                             "out or itself; that attack is left out")  # fmt: skip
    unreached(found, [node.id for node in conflicts if node.id in steps], shared)
    tidy(found.reasons, shared)
    tidy_restatements(found, shared)
    notes.extend(in_sadface_words(note) for note in shared)
    return found


__all__ = ["build", "in_sadface_words"]
