"""Restatements, roles and schemes in the map format: read, checked, evaluated, walked, drawn
and written back."""

from __future__ import annotations

import re

from argmap.analysis.evaluate import Status, evaluate
from argmap.analysis.explain import explain
from argmap.analysis.focus import focus
from argmap.api import render_map
from argmap.checks import check
from argmap.formats import mermaid
from argmap.formats.json import document, from_document
from argmap.formats.yaml import dump
from argmap.model import (
    ArgumentMap,
    Carried,
    Link,
    Ref,
    Restatement,
    Role,
    equivalents,
    prune,
    relations,
)
from argmap.read.loader import load

HEAD = "argmap: 1\ntitle: T\n"


def read(text: str) -> ArgumentMap:
    amap, problems = load((HEAD + text).encode(), "t.yaml")
    assert problems == [] and amap is not None, problems
    return amap


def codes(text: str) -> list[tuple[str, str]]:
    """The (line:col, code) of every error the loader or the checks report."""
    amap, problems = load((HEAD + text).encode(), "t.yaml")
    found = problems if amap is None else check(amap, "t.yaml")
    return [(str(d.span), d.code) for d in found if d.code < "AM200"]


RESTATED = """premises:
  - id: a
    text: A.
  - id: b
    text: A, said again.
    restates: a
  - id: c
    text: A, once more.
    restates:
      - claim: b
        aif: {nodeID: "57", timestamp: "2016-10-09 21:00:00"}
"""


def test_restates_reads_an_id_a_list_or_a_restatement_with_carried_data() -> None:
    claims = read(RESTATED).by_id()
    assert claims["b"].restates == (Ref("a"),)
    (written,) = claims["c"].restates
    assert written == Restatement(
        Ref("b"), Carried.of({"nodeID": "57", "timestamp": "2016-10-09 21:00:00"})
    )
    assert equivalents(read(RESTATED)) == {"a": "a", "b": "a", "c": "a"}
    # walked as one more kind of relation, after contradictions, so every consumer sees it
    found = [(r.link, r.target.id, r.claims[0].id) for r in relations(read(RESTATED))]
    assert found == [(Link.RESTATE, "b", "a"), (Link.RESTATE, "c", "b")]


def test_restatements_come_back_from_yaml_and_json_as_written() -> None:
    amap = read(RESTATED)
    assert load(dump(amap).encode(), "t.yaml")[0] == amap
    data = document(amap)
    assert data["premises"][1]["restates"] == [{"claim": "a"}]  # one spelling in JSON
    assert data["premises"][2]["restates"][0]["aif"]["nodeID"] == "57"
    assert from_document(data, "t.json")[0] == amap
    assert "    restates: [a]\n" in dump(amap)


def test_references_of_restatements_are_checked() -> None:
    assert codes("premises:\n  - id: a\n    text: A.\n    restates: [ghost]\n") == [
        ("6:16", "AM103")
    ]
    assert codes("premises:\n  - id: a\n    text: A.\n    restates: a\n") == [("6:15", "AM104")]
    assert codes("premises:\n  - id: a\n    text: A.\n  - id: b\n    text: B.\n"
                 "    restates: [a, a]\n") == [("8:19", "AM112")]  # fmt: skip
    assert codes("premises:\n  - id: a\n    text: A.\n    restates:\n      - note: x\n") == [
        ("7:9", "AM009"),
        ("7:9", "AM011"),
    ]


def test_a_statement_cannot_contradict_or_attack_itself_through_restatements() -> None:
    base = "premises:\n  - id: a\n    text: A.\n  - id: b\n    text: B.\n    restates: a\n"
    assert codes(base + "  - id: c\n    text: C.\n    restates: b\n    contradicts: a\n") == [
        ("12:18", "AM116")
    ]
    assert codes(base + "    objections: [a]\n") == [("9:18", "AM116")]
    # a claim that contradicts a restatement of another claim is no problem
    assert codes(base + "  - id: c\n    text: C.\n    contradicts: b\n    objections: [d]\n"
                 "  - id: d\n    text: D.\n") == []  # fmt: skip


EVALUATED = """premises:
  - id: a
    text: A.
    objections: [x]
  - id: x
    text: X.
  - id: y
    text: Y.
conclusions:
  - id: b
    text: A, said again as a conclusion.
    restates: a
    reasons: [y]
  - id: c
    text: C.
    reasons: [b]
"""


def test_a_restatement_stands_or_falls_with_what_it_restates() -> None:
    amap = read(EVALUATED)
    evaluation = evaluate(amap)
    # x defeats a; b says the same as a, so b falls too, though its own reason holds
    assert evaluation.status("a") is Status.DEFEATED
    assert evaluation.status("b") is Status.DEFEATED
    assert evaluation.status("c") is Status.DEFEATED
    assert explain(evaluation, "b") == (
        "it is one statement with 'a' through restatements; rebutted by 'x', which stands"
    )
    # without the attack, a premise makes its restatement stand, whatever the reasons
    calm = read(EVALUATED.replace("    objections: [x]\n", ""))
    assert evaluate(calm).statuses == dict.fromkeys("axybc", Status.STANDS)
    # a conclusion restated by another gets the other's reasons
    both = read(
        "premises:\n  - id: p\n    text: P.\nconclusions:\n  - id: c\n    text: C.\n"
        "    reasons: [p]\n  - id: d\n    text: C again.\n    restates: c\n    reasons: []\n"
    )
    assert evaluate(both).status("d") is Status.STANDS


def test_focus_and_prune_follow_restatements() -> None:
    amap = read(EVALUATED)
    assert {c.id for c in focus(amap, "a", 1).claims} == {"a", "x", "b"}
    b = amap.by_id()["b"]
    assert prune(b, lambda r: r.link is not Link.RESTATE).restates == ()
    assert prune(b, lambda r: True) == b


def test_a_restatement_is_drawn_as_a_double_line_once_a_pair() -> None:
    amap = read(RESTATED.replace("    restates: a\n", "    restates: [a, c]\n"))
    dot = render_map(amap, "dot").decode("utf-8")
    lines = [line for line in dot.splitlines() if "class=restatement" in line]
    assert [line.split(" [")[0].strip() for line in lines] == ["b -> a", "b -> c"]
    assert all('color="#272a2a:white:#272a2a"' in line and "dir=none" in line
               and "constraint=false" in line for line in lines)  # fmt: skip
    assert ">restates</FONT>" in dot  # the legend
    svg = render_map(amap, "svg").decode("utf-8")
    assert 'id="restatement--b--a"' in svg and 'class="edge restatement"' in svg


def test_roles_are_read_checked_and_drawn() -> None:
    amap = read("premises:\n  - id: a\n    text: A.\n    role: opponent\n"
                "  - id: b\n    text: B.\n    role: proponent\n    objections: [a]\n")  # fmt: skip
    assert [c.role for c in amap.claims] == [Role.OPPONENT, Role.PROPONENT]
    assert codes("premises:\n  - id: a\n    text: A.\n    role: judge\n") == [("6:11", "AM010")]
    # A slip in the word is told the word meant, as an id is.
    _, problems = load(
        (HEAD + "premises:\n  - id: a\n    text: A.\n    role: oppo\n").encode(), "t.yaml"
    )
    assert [d.message for d in problems if d.code == "AM010"] == [
        "'role' must be proponent or opponent, not 'oppo'; did you mean 'opponent'?"
    ]
    dot = render_map(amap, "dot").decode("utf-8")
    (a,) = [line for line in dot.splitlines() if line.startswith("\ta [")]
    assert 'class="claim premise opponent"' in a and 'color="#b12300"' in a
    assert "<B>OPPONENT</B>" in dot  # the legend
    assert "classDef opponent" in mermaid.write(amap).text


def test_a_debates_name_for_a_side_is_told_the_role_it_is() -> None:
    """A debate coach writes the sides as the debate names them (role: opposition); the
    message says which role that is, and how to write it, in YAML and in JSON."""

    def message(value: str, json: bool = False) -> str:
        if json:
            text = '{"argmap": 1, "title": "T", "premises": [{"id": "a", "text": "A.", '
            text += f'"role": "{value}"}}]}}'
            _, problems = load(text.encode(), "t.json")
        else:
            text = HEAD + f"premises:\n  - id: a\n    text: A.\n    role: {value}\n"
            _, problems = load(text.encode(), "t.yaml")
        (found,) = [d.message for d in problems if d.code == "AM010"]
        return found

    assert message("opposition") == (
        "'role' must be proponent or opponent, not 'opposition'; a debate's opposition is "
        "the opponent (the side against the map's thesis): write 'role: opponent'"
    )
    assert message("Proposition") == (
        "'role' must be proponent or opponent, not 'Proposition'; a debate's proposition is "
        "the proponent (the side for the map's thesis): write 'role: proponent'"
    )
    for word, role in [("government", "proponent"), ("affirmative", "proponent"),
                       ("negative", "opponent"), ("con", "opponent")]:  # fmt: skip
        assert message(word).endswith(f"write 'role: {role}'"), word
    assert message("opposition", json=True).endswith("""write '"role": "opponent"'""")
    # A slip is still told the word meant, and a word of no side nothing more.
    assert message("oppo").endswith("; did you mean 'opponent'?")
    assert message("judge") == "'role' must be proponent or opponent, not 'judge'"


def test_a_scheme_is_drawn_as_its_reasons_label() -> None:
    amap = read(
        "premises:\n  - id: a\n    text: A.\n  - id: b\n    text: B.\nconclusions:\n"
        "  - id: c\n    text: C.\n    reasons:\n      - claims: a\n        scheme: Example\n"
        "      - claims: [a, b]\n        scheme: Expert <opinion>\n"
    )
    reasons = amap.by_id()["c"].reasons
    assert [r.scheme for r in reasons] == ["Example", "Expert <opinion>"]
    dot = render_map(amap, "dot").decode("utf-8")
    assert re.search(r"a -> c \[label=<<TABLE [^>]*><TR><TD>Example</TD>", dot)
    assert "<TD>Expert &lt;opinion&gt;</TD>" in dot  # on the linked reason's last edge
    assert "scheme: the label by its line" in dot  # the legend says what it is
    assert '-->|"Example"| c_c' in mermaid.write(amap).text
    assert codes("conclusions:\n  - id: c\n    text: C.\n    reasons:\n      - claims: c\n"
                 f"        scheme: {'x' * 101}\n") == [("8:17", "AM014")]  # fmt: skip
