"""Importing the argumentative microtexts: every text, every edge, every quote verified."""

from __future__ import annotations

import collections
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.analysis.evaluate import evaluate
from argmap.api import check_file, render_map
from argmap.convert import import_file
from argmap.formats import microtext
from argmap.formats.base import FormatError
from argmap.formats.yaml import dump
from argmap.model import ArgumentMap, Kind, Objection, Reason, Ref, Role

from .conftest import SHARED

CORPUS = SHARED / "corpora" / "arg-microtexts-en"
TEXTS = sorted(CORPUS.glob("micro_*.xml"))
needs_corpus = pytest.mark.skipif(not TEXTS, reason=f"corpus not found at {CORPUS}")


def edges(amap: ArgumentMap) -> collections.Counter[str]:
    """The corpus' edge types counted back from a map: a reason is one sup (exa when its scheme
    is 'example'), a rebuttal one reb, an attack on a step one und, each further claim of a linked
    reason or objection one add."""
    found: collections.Counter[str] = collections.Counter()

    def attacks(items: tuple[Ref | Objection, ...], kind: str) -> None:
        for item in items:
            found[kind] += 1
            if isinstance(item, Objection):
                found["add"] += len(item.claims) - 1
                attacks(item.objections, "und")

    for claim in amap.claims:
        for reason in claim.reasons:
            found["exa" if reason.scheme == "example" else "sup"] += 1
            found["add"] += len(reason.claims) - 1
            attacks(reason.objections, "und")
        attacks(claim.objections, "reb")
    return found


@needs_corpus
def test_all_microtexts_import_check_clean_and_render(tmp_path: Path) -> None:
    assert len(TEXTS) == 112
    total: collections.Counter[str] = collections.Counter()
    kinds: collections.Counter[str] = collections.Counter()
    roles: collections.Counter[str] = collections.Counter()
    source_roles: collections.Counter[str] = collections.Counter()
    (tmp_path / "maps").mkdir()
    for xml in TEXTS:
        target = tmp_path / "maps" / f"{xml.stem}.yaml"
        imported = import_file("microtext", xml, target)
        # Nothing is left out; only the kinds not given by the corpus are guessed, and said.
        assert all(n.startswith("the kind of ") and "(English cues)" in n
                   for n in imported.notes), xml.name  # fmt: skip
        kinds.update(claim.kind.value for claim in imported.map.claims)
        roles.update(claim.role.value for claim in imported.map.claims if claim.role)
        source_roles.update(a.get("type") for a in ET.parse(xml).getroot().iter("adu"))
        target.write_text(dump(imported.map), encoding="utf-8")
        checked = check_file(target, source_root=xml.parent)  # quotes looked up in the .txt
        assert checked.ok, [str(d) for d in checked.diagnostics]
        # Warnings may remain: the evaluation (AM2xx) judges the argument, not the import.
        assert {d.code for d in checked.diagnostics} <= {"AM202", "AM203"}
        assert checked.map == imported.map
        assert all(claim.quotes for claim in checked.map.claims)
        total += edges(checked.map)
        dot = render_map(checked.map, "dot").decode("utf-8")
        svg = render_map(checked.map, "svg").decode("utf-8")
        for claim in checked.map.claims:
            assert f'id="{claim.id}"' in svg and f"\t{claim.id} [" in dot, (xml.name, claim.id)
    assert total == {"sup": 263, "exa": 9, "reb": 108, "und": 63, "add": 21}
    # Every unit keeps its role: the proponent's and the opponent's, as the corpus has them.
    assert roles == {"proponent": source_roles["pro"], "opponent": source_roles["opp"]}
    assert sum(roles.values()) == sum(kinds.values()) == 576
    # 81 recommendations by wording, and 24 central claims of texts taking a stance
    assert kinds == {"premise": 404, "conclusion": 67, "recommendation": 105}


@needs_corpus
def test_the_first_microtext_in_detail(tmp_path: Path) -> None:
    xml = CORPUS / "micro_b001.xml"
    amap = import_file("microtext", xml, tmp_path / "b001.yaml").map
    assert amap.title == "micro_b001: waste separation"
    assert amap.source is not None
    assert (tmp_path / amap.source.path).resolve() == xml.with_suffix(".txt").resolve()
    claims = amap.by_id()
    assert (claims["a5"].note, claims["a5"].role) == (
        "the central claim; a premise, though the text argues for it: it has no reasons (it is "
        "only defended against attacks), and a recommendation or conclusion needs one",
        Role.PROPONENT,
    )
    assert (claims["a1"].note, claims["a1"].role) == (None, Role.OPPONENT)
    assert claims["a1"].kind is Kind.CONCLUSION and claims["a1"].reasons[0].claims == (Ref("a2"),)
    # a1 rebuts a5; a3 and a4 together (add) undercut that rebuttal (und on a reb edge)
    assert claims["a5"].objections == (
        Objection((Ref("a1"),), (Objection((Ref("a3"), Ref("a4"))),)),
    )


@needs_corpus
def test_the_central_claim_is_the_maps_thesis_drawn_on_top(tmp_path: Path) -> None:
    """micro_b001's central claim has no reasons (it is only attacked and defended): it was a
    premise like any other, drawn among them, though the corpus says it is what the text
    argues for; the Kialo import marks its thesis so, the microtext import did not."""
    amap = import_file("microtext", CORPUS / "micro_b001.xml", tmp_path / "b001.yaml").map
    assert [claim.id for claim in amap.claims if claim.thesis] == ["a5"]
    dot = render_map(amap, "dot").decode("utf-8")
    assert "MAIN THESIS · PREMISE" in dot


XML = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="t1" topic_id="a_topic" stance="pro">
  <edu id="e1">We should do it.</edu>
  <edu id="e2">It works.</edu>
  <edu id="e3">For example in Bremen.</edu>
  <edu id="e4">Not quoted anywhere.</edu>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <adu id="a3" type="pro"/>
  <adu id="a4" type="opp"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/>
  <edge id="c2" src="e2" trg="a2" type="seg"/>
  <edge id="c3" src="e3" trg="a3" type="seg"/>
  <edge id="c4" src="e4" trg="a4" type="seg"/>
  <edge id="c5" src="a2" trg="a1" type="sup"/>
  <edge id="c6" src="a3" trg="a2" type="exa"/>
  <edge id="c7" src="a4" trg="c99" type="und"/>
  <edge id="c8" src="a4" trg="c5" type="frob"/>
</arggraph>
"""


def test_kinds_examples_and_what_cannot_be_carried() -> None:
    text = "We should do it. It works. For example in Bremen."
    imported = microtext.read(XML.encode(), text, name="t1.xml", source_path="t1.txt")
    claims = imported.map.by_id()
    assert claims["a1"].kind is Kind.RECOMMENDATION  # has a reason, says "should"
    assert claims["a2"].kind is Kind.CONCLUSION
    assert (claims["a2"].reasons[0].scheme, claims["a2"].reasons[0].note) == ("example", None)
    assert claims["a4"].role is Role.OPPONENT and claims["a1"].role is Role.PROPONENT
    assert claims["a3"].kind is Kind.PREMISE
    assert claims["a4"].quotes == ()
    assert imported.notes == (
        "edge c8 has the unknown type 'frob'; left out",
        "und edge c7 targets 'c99', which is no edge; left out",
        "a segment of unit a4 is not in the text; its quote is left out",
        "the kind of 1 claim with reasons was guessed from wording (English cues): conclusion a2",
    )


def test_not_a_microtext() -> None:
    with pytest.raises(FormatError, match="not XML"):
        microtext.read(b"{}", "", name="x.xml", source_path="x.txt")
    with pytest.raises(FormatError, match="not a microtext graph"):
        microtext.read(b"<html/>", "", name="x.xml", source_path="x.txt")


@pytest.mark.parametrize(
    ("xml", "said"),
    [
        # a traceback: "LookupError: unknown encoding: T"
        (b"<?xml version='1.0' encoding='T'?><arggraph/>", "^not XML: unknown encoding: T$"),
        # a map with no claims, which its check refused (AM113)
        (b"<arggraph id='x'><edu id='e1'>A.</edu></arggraph>",
         "^not a microtext graph: no argumentative units \\(<adu>\\), no claims to import$"),
    ],
)  # fmt: skip
def test_an_unknown_encoding_or_a_graph_without_units_is_refused(xml: bytes, said: str) -> None:
    with pytest.raises(FormatError, match=said):
        microtext.read(xml, "A.", name="x.xml", source_path="x.txt")


GERMAN = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="micro_t01" topic_id="waste_separation" stance="pro">
  <edu id="e1">Die Mülltrennung ist lästig.</edu>
  <edu id="e2">Trotzdem müssen wir weiter trennen,</edu>
  <edu id="e3">denn Deutschland produziert viel zu viel Müll.</edu>
  <edu id="e4">Jede Tonne, die wir wiederverwerten, ist ein Gewinn für die Umwelt.</edu>
  <edu id="e5">Recycling schont die Rohstoffe.</edu>
  <adu id="a1" type="opp"/>
  <adu id="a2" type="pro"/>
  <adu id="a3" type="pro"/>
  <adu id="a4" type="pro"/>
  <adu id="a5" type="pro"/>
  <adu id="a6" type="pro" implicit="true"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/>
  <edge id="c2" src="e2" trg="a2" type="seg"/>
  <edge id="c3" src="e3" trg="a3" type="seg"/>
  <edge id="c4" src="e4" trg="a4" type="seg"/>
  <edge id="c5" src="e5" trg="a5" type="seg"/>
  <edge id="c6" src="a1" trg="a2" type="reb"/>
  <edge id="c7" src="a3" trg="a2" type="sup"/>
  <edge id="c8" src="a4" trg="a2" type="sup"/>
  <edge id="c9" src="a5" trg="a4" type="sup"/>
  <edge id="c10" src="a6" trg="c9" type="add"/>
</arggraph>
"""
GERMAN_TEXT = ("Die Mülltrennung ist lästig. Trotzdem müssen wir weiter trennen, denn Deutschland "
               "produziert viel zu viel Müll. Jede Tonne, die wir wiederverwerten, ist ein Gewinn "
               "für die Umwelt. Recycling schont die Rohstoffe.")  # fmt: skip


def test_a_german_text_its_stance_its_roles_and_an_implicit_unit() -> None:
    """The central claim (a2, no outgoing edge) answers the topic with a stance: a
    recommendation by the corpus's own data. a4 has a reason: its kind is guessed with German
    cues, and the note says so. The opponent's a1 says so in its note; a6 is implicit."""
    imported = microtext.read(GERMAN.encode(), GERMAN_TEXT, name="t01.xml", source_path="t01.txt")
    claims = imported.map.by_id()
    assert claims["a2"].kind is Kind.RECOMMENDATION
    assert (claims["a2"].note, claims["a2"].role) == ("the central claim", Role.PROPONENT)
    assert claims["a4"].kind is Kind.CONCLUSION
    assert (claims["a1"].note, claims["a1"].role) == (None, Role.OPPONENT)
    assert claims["a6"].implicit and claims["a6"].quotes == ()
    assert claims["a4"].reasons == (Reason((Ref("a5"), Ref("a6"))),)
    assert imported.notes == (
        "the kind of 1 claim with reasons was guessed from wording (German cues): conclusion a4",
    )
    assert "A central claim with reasons, the text's answer to its topic, is a recommendation." in (
        imported.map.note or ""
    )


def test_german_cues_make_recommendations_without_a_stance() -> None:
    xml = GERMAN.replace(' stance="pro"', "").replace('trg="a1" type="reb"', 'trg="a5" type="reb"')
    imported = microtext.read(xml.encode(), GERMAN_TEXT, name="t01.xml", source_path="t01.txt")
    assert imported.map.by_id()["a2"].kind is Kind.RECOMMENDATION  # "müssen"
    assert imported.notes[-1] == ("the kind of 2 claims with reasons was guessed from wording "
                                  "(German cues): recommendation a2; conclusion a4")  # fmt: skip


def test_implicit_segments_make_an_implicit_claim(tmp_path: Path) -> None:
    xml = GERMAN.replace('<edu id="e5">', '<edu id="e5" implicit="true">')
    imported = microtext.read(xml.encode(), GERMAN_TEXT.replace(" Recycling schont die "
                              "Rohstoffe.", ""), name="t.xml", source_path="t.txt")  # fmt: skip
    a5 = imported.map.by_id()["a5"]
    assert (a5.implicit, a5.quotes, a5.text) == (True, (), "Recycling schont die Rohstoffe.")
    assert not [n for n in imported.notes if "not in the text" in n]


def test_import_of_json_says_not_xml(tmp_path: Path) -> None:
    """The .txt is looked for only once the file is known to be a microtext."""
    source = tmp_path / "nodeset1.json"
    source.write_text('{"nodes": [], "edges": []}')
    said = r"^not XML: not well-formed \(invalid token\) at line 1, column 1$"  # the "{"
    with pytest.raises(FormatError, match=said):
        import_file("microtext", source)


def test_segments_of_no_unit_are_named_and_an_unknown_unit_type_noted() -> None:
    """A segment that no unit is made of is not argumentative: the map leaves it out (the text
    keeps it) and a note names it. A unit type other than pro or opp gives no role."""
    xml = GERMAN.replace('<edge id="c1" src="e1" trg="a1" type="seg"/>', "").replace(
        '<adu id="a1" type="opp"/>', '<adu id="a1" type="neutral"/>')  # fmt: skip
    imported = microtext.read(xml.encode(), GERMAN_TEXT, name="t.xml", source_path="t.txt")
    assert "segments not argumentative (in no unit; the text keeps them, the map does not): e1" in (
        imported.notes
    )
    a1 = imported.map.by_id()["a1"]
    assert (a1.role, a1.note) == (None, "unit type 'neutral'")


def test_the_opponent_is_drawn_in_its_own_outline() -> None:
    imported = microtext.read(GERMAN.encode(), GERMAN_TEXT, name="t.xml", source_path="t.txt")
    dot = render_map(imported.map, "dot").decode("utf-8")
    opponent = next(line for line in dot.splitlines() if line.startswith("\ta1 ["))
    proponent = next(line for line in dot.splitlines() if line.startswith("\ta2 ["))
    assert 'class="claim premise opponent"' in opponent and "penwidth=2.6" in opponent
    # The proponent's central claim is the map's thesis: its heavier outline in its own colour.
    assert 'class="claim recommendation proponent thesis"' in proponent
    assert 'color="#b12300"' not in proponent
    assert "<B>OPPONENT</B>" in dot  # the legend


def test_a_document_type_is_refused_before_its_entities_expand(tmp_path: Path) -> None:
    words = "A " * 1_000_000  # 2 MB, used 80 times: 160 M characters if expanded
    xml = (f'<?xml version="1.0"?>\n<!DOCTYPE arggraph [<!ENTITY a "{words}">]>\n'
           f'<arggraph id="x"><edu id="e1">{"&a;" * 80}</edu></arggraph>\n')  # fmt: skip
    with pytest.raises(FormatError, match=r"^a document type declaration \(<!DOCTYPE \.\.\.>\) "
                       "at line 2 is not allowed: its entities could expand without bound, and a "
                       "microtext has none$"):  # fmt: skip
        microtext.parse(xml.encode())
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "m.xml").write_text('<!DOCTYPE arggraph SYSTEM "arggraph.dtd"><arggraph/>')
    (tmp_path / "m.txt").write_text("text\n")
    with pytest.raises(FormatError, match="document type declaration"):
        import_file("microtext", tmp_path / "m.xml")


def test_a_chain_of_undercuts_of_a_missing_edge_is_left_out_round_by_round() -> None:
    """Each round leaves out the undercuts of those left out the round before, in the file's
    order (found from them, not by going through every edge again each round)."""
    edges = [("c5", "c99"), ("c6", "c5"), ("c7", "c6"), ("c8", "c5"), ("c9", "c8")]
    xml = (
        "<?xml version='1.0' encoding='UTF-8'?>\n<arggraph id='t'>"
        "<edu id='e1'><![CDATA[A b.]]></edu><adu id='a1' type='pro'/>"
        "<edge id='c1' src='e1' trg='a1' type='seg'/>"
        + "".join(f"<edge id='{e}' src='a1' trg='{t}' type='und'/>" for e, t in edges)
        + "</arggraph>\n"
    )
    imported = microtext.read(xml.encode(), "A b.", name="t.xml", source_path="t.txt")
    left_out = [note.split()[2] for note in imported.notes if note.startswith("und edge")]
    assert left_out == ["c5", "c6", "c8", "c7", "c9"]


def _graph(units: str, edges: str) -> bytes:
    """A microtext of three segments, e1 to e3, one unit each, with these units and edges."""
    edus = "".join(f'<edu id="e{n}">{t}</edu>' for n, t in enumerate(["A.", "B.", "C."], 1))
    segs = "".join(f'<edge id="s{n}" src="e{n}" trg="a{n}" type="seg"/>' for n in (1, 2, 3))
    return f'<arggraph id="t">{edus}{units}{segs}{edges}</arggraph>'.encode()


def test_undercuts_that_reach_no_support_or_rebuttal_are_named_and_left_out() -> None:
    """An undercut of itself, or undercuts attacking each other in a cycle, attack nothing
    the map holds: a note names them (they were lost without a word)."""
    units = '<adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="opp"/>'
    support = '<edge id="c1" src="a2" trg="a1" type="sup"/>'
    cases = {
        '<edge id="c2" src="a3" trg="c2" type="und"/>': "und edge c2 undercuts itself",
        '<edge id="c2" src="a3" trg="c3" type="und"/><edge id="c3" src="a2" trg="c2" type="und"/>':
            "und edges c2, c3 undercut one another in a cycle",
    }  # fmt: skip
    for edges, said in cases.items():
        imported = microtext.read(_graph(units, support + edges), "A. B. C.", name="t.xml",
                                  source_path="t.txt")  # fmt: skip
        assert f"{said}, reaching no support or rebuttal; left out" in imported.notes
        assert [r for c in imported.map.claims for r in c.reasons] == [Reason((Ref("a2"),))]


def test_a_unit_of_empty_segments_is_a_claim_without_quotes_and_a_note() -> None:
    """An empty segment quotes nothing (an empty quote would refuse the whole import)."""
    xml = _graph(
        '<adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="pro"/>',
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="a1" type="sup"/>',
    ).replace(b'<edu id="e2">B.</edu>', b'<edu id="e2"><![CDATA[ ]]></edu>')
    imported = microtext.read(xml, "A. C.", name="t.xml", source_path="t.txt")
    a2 = imported.map.by_id()["a2"]
    assert (a2.text, a2.quotes) == ("(unit a2 has no text)", ())
    assert "unit a2 has no text: its segments are empty" in imported.notes


def test_a_segment_with_accents_stored_otherwise_than_in_the_text_keeps_its_quote() -> None:
    # The XML writes é as e and an accent (NFD), the text as one character (NFC): same words.
    units = '<adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="opp"/>'
    support = (
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="a1" type="reb"/>'
    )
    xml = _graph(units, support).replace(b"B.", unicodedata.normalize("NFD", "Café.").encode())
    imported = microtext.read(xml, "A. Café. C.", name="t.xml", source_path="t.txt")
    assert not [note for note in imported.notes if "not in the text" in note]
    assert [len(c.quotes) for c in imported.map.claims] == [1, 1, 1]


#: Annotation errors a corpus file can hold, each one edge that a map cannot hold as it stands
#: (the check would refuse the whole import), and the note that names it.
ANNOTATION_ERRORS = {
    "a unit supporting itself": (
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="a3" type="sup"/>',
        "sup edge c2: unit a3 cannot support itself; left out",
    ),
    "a unit attacking itself": (
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="a3" type="reb"/>',
        "reb edge c2: unit a3 cannot attack itself; left out",
    ),
    "a support cycle": (
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="a2" type="sup"/>'
        '<edge id="c3" src="a2" trg="a3" type="sup"/>',
        "sup edge c3 closes a support cycle (units a2 → a3 → a2); left out",
    ),
    "a unit supporting and attacking one claim": (
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a2" trg="a1" type="reb"/>'
        '<edge id="c3" src="a3" trg="a1" type="reb"/>',
        "reb edge c2: unit a2 both supports and attacks a1; the attack is left out",
    ),
    "a unit undercutting its own support": (
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a2" trg="c1" type="und"/>'
        '<edge id="c3" src="a3" trg="a1" type="reb"/>',
        "und edge c2: unit a2 both supports a1 and undercuts a step of it; the undercut is "
        "left out",
    ),
    "a support given twice": (
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a2" trg="a1" type="sup"/>'
        '<edge id="c3" src="a3" trg="a1" type="reb"/>',
        "sup edge c2 repeats edge c1 (a2 → a1); left out",
    ),
    "a claim added to a step of itself": (
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="a1" type="reb"/>'
        '<edge id="c3" src="a1" trg="c2" type="add"/>',
        "add edge c3 adds unit a1 to an attack on a1 itself; left out",
    ),
}


@pytest.mark.parametrize("case", ANNOTATION_ERRORS)
def test_annotation_errors_are_left_out_with_a_note_and_the_map_checks(
    case: str, tmp_path: Path
) -> None:
    """An edge the map cannot hold is left out and named, as the AIF and Argdown importers do,
    and the rest of the text imports as a map that passes its check (before, the import wrote
    a map that its check refused: exit 1)."""
    edges, note = ANNOTATION_ERRORS[case]
    units = '<adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="opp"/>'
    imported = microtext.read(_graph(units, edges), "A. B. C.", name="t.xml", source_path="t.txt")
    assert note in imported.notes
    (tmp_path / "t.txt").write_text("A. B. C.", encoding="utf-8")
    (tmp_path / "t.yaml").write_text(dump(imported.map), encoding="utf-8")
    checked = check_file(tmp_path / "t.yaml")
    assert checked.ok, [str(d) for d in checked.diagnostics]
    # What is not in error is kept: a2 supports a1 in every case.
    assert Reason((Ref("a2"),)) in imported.map.by_id()["a1"].reasons


def test_undercuts_of_a_left_out_edge_go_to_the_edge_it_repeats() -> None:
    """A repeated support is one reason; what undercut the repeat undercuts that reason."""
    units = '<adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="opp"/>'
    edges = ('<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a2" trg="a1" '
             'type="sup"/><edge id="c3" src="a3" trg="c2" type="und"/>')  # fmt: skip
    imported = microtext.read(_graph(units, edges), "A. B. C.", name="t.xml", source_path="t.txt")
    assert imported.map.by_id()["a1"].reasons == (Reason((Ref("a2"),), objections=(Ref("a3"),)),)
    assert "sup edge c2 repeats edge c1 (a2 → a1); left out" in imported.notes


def test_a_graph_with_text_argmap_cannot_hold_imports_without_it() -> None:
    """Ids, topic, stance and segments with a bidirectional control, or a unit longer than a
    claim may be: the import failed ('the title contains a bidirectional control character',
    'the text of premise 'a1' is 700 characters long')."""
    units = '<adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="opp"/>'
    edges = (
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="a1" type="reb"/>'
    )
    root = '<arggraph id="t\u202e" topic_id="x\u2066" stance="p\u202e">'
    xml = (
        _graph(units, edges)
        .replace(b'<arggraph id="t">', root.encode())
        .replace(b">A.<", ">A\u202e holds.<".encode())
        .replace(b">B.<", (">" + "Long. " * 120 + "<").encode())
    )  # fmt: skip
    imported = microtext.read(xml, "A holds. C.", name="t.xml", source_path="t.txt")
    claims = imported.map.by_id()
    assert imported.map.title == "t: x"
    assert claims["a1"].text == "A holds." and claims["a1"].quotes == ()
    assert claims["a2"].text.startswith("Long. Long.") and len(claims["a2"].text) <= 600


@needs_corpus
def test_a_central_claim_without_reasons_is_the_thesis_and_stands_when_the_text_defends_it(
    tmp_path: Path,
) -> None:
    """Every text's central claim is its map's thesis. The 7 without reasons are premises:
    the text argues for them only by answering the attacks on them, and as premises the
    evaluation follows that defence (6 stand; b012's annotation leaves one attack
    unanswered), where a conclusion or recommendation without reasons is defeated whatever the
    text says."""

    theses, bare = 0, {}
    for xml in TEXTS:
        amap = import_file("microtext", xml, tmp_path / f"{xml.stem}.yaml").map
        (thesis,) = [claim for claim in amap.claims if claim.thesis]
        theses += 1
        if not thesis.reasons:
            assert thesis.kind is Kind.PREMISE and thesis.objections, xml.name
            bare[xml.stem] = evaluate(amap).status(thesis.id).value
    assert theses == 112
    assert bare == {"micro_b001": "stands", "micro_b003": "stands", "micro_b008": "stands",
                    "micro_b011": "stands", "micro_b012": "defeated", "micro_b016": "stands",
                    "micro_d12": "stands"}  # fmt: skip
