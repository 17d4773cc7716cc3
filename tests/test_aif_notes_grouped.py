"""Notes of one kind on many nodes are said once, with a count and the first ids: 300 long
I-nodes gave 300 lines of stderr, a graph of 20,000 a line each."""

from __future__ import annotations

import json

from argmap.formats import aif


def graph(count: int, text: str, kind: str = "I") -> bytes:
    nodes = [{"nodeID": str(n), "type": "I", "text": text} for n in range(count)]
    return json.dumps({"nodes": nodes, "edges": []}).encode()


def test_long_texts_are_one_note_with_a_count_and_the_first_ids() -> None:
    notes = aif.read(graph(300, "word " * 160), name="g.json").notes
    long = [n for n in notes if "longer than" in n or "characters long" in n]
    assert long == [
        "300 I-nodes have texts longer than a claim may hold (600 characters; the longest 800): "
        "each claim shows the first words and its note keeps it all: I-nodes 0, 1, 2, 3, 4, 5, "
        "6, 7, 8, 9 and 290 more"
    ]
    one = aif.read(graph(1, "word " * 160), name="g.json").notes
    assert "I-node 0: its text is 800 characters long; the claim shows the first 594 and its " \
        "note keeps it all" in one  # fmt: skip


def test_nodes_without_text_and_cleaned_texts_are_one_note_each() -> None:
    blank = aif.read(graph(12, ""), name="g.json").notes
    assert "12 I-nodes have no text: I-nodes 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 and 2 more" in blank
    cleaned = aif.read(graph(3, "a\x00b"), name="g.json").notes
    assert ("control or invisible direction characters taken out of the texts of 3 I-nodes: "
            "I-nodes 0, 1, 2") in cleaned  # fmt: skip
    assert len(cleaned) == len(set(cleaned))
    nodes = [{"nodeID": "p", "type": "I", "text": "P."}, {"nodeID": "c", "type": "I", "text": "C."}]
    edges = []
    for n in range(4):
        nodes.append({"nodeID": f"r{n}", "type": "RA"})
        nodes.append({"nodeID": f"q{n}", "type": "I", "text": f"Q{n}."})
        edges += [{"fromID": f"q{n}", "toID": f"r{n}"}, {"fromID": f"r{n}", "toID": "c"}]
    notes = aif.read(json.dumps({"nodes": nodes, "edges": edges}).encode(), name="g.json").notes
    said = [n for n in notes if "no text" in n]
    assert said == ["4 RA nodes have no text: RA nodes r0, r1, r2, r3; the export writes "
                    "'Default Inference' (or the scheme a node names) for them, as AIF tools "
                    "expect text on every node"], notes  # fmt: skip
