"""Arbitrary bytes into the loader and every importer: each either reads them or says, in its
documented way, why not. No other exception, no hang.

Hypothesis draws raw bytes, and bytes made of the pieces of each format (YAML punctuation and
keys, JSON tokens and AIF's names, XML tags and microtext's elements) so that the inputs get
past the first parser and into argmap's own code.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.api import check_bytes
from argmap.diagnostics import MapError
from argmap.formats import aif, microtext
from argmap.formats import json as json_format
from argmap.formats.base import FormatError, Ids
from argmap.formats.yaml import dump
from argmap.model.keys import ID_PATTERN, KEYS, MAX_ID
from argmap.read.loader import load

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


def pieces(*parts: str) -> st.SearchStrategy[bytes]:
    """Bytes made of ``parts`` and a few arbitrary characters, joined."""
    words = st.sampled_from(parts) | st.text(max_size=3)
    return st.lists(words, max_size=60).map(lambda found: "".join(found).encode("utf-8", "replace"))


KEY_NAMES = sorted({key for keys in KEYS.values() for key in keys})
YAML = pieces(
    *KEY_NAMES, ": ", "\n", "  ", "- ", "[", "]", "{", "}", ", ", "&a ", "*a", "!!str ", "<<: ",
    "---\n", "...\n", "'", '"', "#", "|\n", ">\n", "? ", "argmap: 1\n", "title: T\n", "a", "b",
    "id: a\n", "text: A\n", "reasons: [a]\n", "premises:\n", "conclusions:\n", "\t", "\x1b",
    "\u202e", "\ufeff", "\x00",
)  # fmt: skip
JSON = pieces(
    "{", "}", "[", "]", ",", ":", '"', "null", "true", "1", "-1e999", '"nodes"', '"edges"',
    '"nodeID"', '"type"', '"text"', '"I"', '"RA"', '"CA"', '"MA"', '"L"', '"edgeID"',
    '"fromID"', '"toID"', '"argmap"', '"claims"', '"1"', '"2"', '"3"', "\\u0000", "\\ud800",
)  # fmt: skip
XML = pieces(
    "<arggraph>", "</arggraph>", "<edu id='e1'>", "</edu>", "<adu id='a1' type='pro'/>",
    "<adu id='a2' type='opp'/>", "<edge id='c1' src='e1' trg='a1' type='seg'/>",
    "<edge id='c2' src='a1' trg='a2' type='sup'/>", "<edge id='c3' src='a2' trg='c2' type='und'/>",
    "<edge id='c4' src='a1' trg='c3' type='add'/>", "type='reb'", "<!ENTITY x 'y'>", "&x;",
    "<![CDATA[", "]]>", "<?xml version='1.0'?>", "\x1b",
)  # fmt: skip


@FUZZ
@given(st.binary(max_size=400) | YAML)
def test_the_loader_reads_any_bytes_or_says_why_not(data: bytes) -> None:
    amap, diagnostics = load(data, "fuzz.yaml")
    assert amap is not None or diagnostics


@FUZZ
@given(st.binary(max_size=400) | YAML)
def test_checking_any_bytes_gives_diagnostics(data: bytes) -> None:
    checked = check_bytes(data, "fuzz.yaml")  # a source it names is outside: AM117, not read
    assert checked.ok or checked.diagnostics


@FUZZ
@given(st.binary(max_size=400) | JSON)
def test_importing_json_reads_any_bytes_or_raises_map_error(data: bytes) -> None:
    try:
        imported = json_format.read(data, path="fuzz.json")
    except MapError as exc:
        assert exc.diagnostics
    else:
        assert imported.map.claims


@FUZZ
@given(st.binary(max_size=400) | JSON)
def test_importing_aif_reads_any_bytes_or_raises_format_error(data: bytes) -> None:
    try:
        imported = aif.read(data, name="fuzz.json")
    except FormatError as exc:
        assert str(exc)
    else:
        assert imported.map.claims


NODE = st.fixed_dictionaries(
    {
        "nodeID": st.sampled_from(["1", "2", "3", "4", "\x1b", ""]) | st.integers(0, 4),
        "type": st.sampled_from(["I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "?"]),
        "text": st.text(max_size=8),
    }
)
EDGE = st.fixed_dictionaries(
    {
        "edgeID": st.text(max_size=2),
        "fromID": st.sampled_from(["1", "2", "3", "4"]) | st.integers(0, 4),
        "toID": st.sampled_from(["1", "2", "3", "4"]) | st.integers(0, 4),
    }
)


@FUZZ
@given(st.lists(NODE, max_size=8), st.lists(EDGE, max_size=12))
def test_importing_any_aif_graph_gives_a_map_that_checks_or_a_format_error(
    nodes: list[dict[str, object]], edges: list[dict[str, object]]
) -> None:
    data = json.dumps({"nodes": nodes, "edges": edges}).encode()
    try:
        imported = aif.read(data, name="fuzz.json")
    except FormatError:
        return
    checked = check_bytes(dump(imported.map).encode("utf-8"), "fuzz.yaml")
    assert checked.ok, [str(d) for d in checked.diagnostics]


@FUZZ
@given(st.binary(max_size=400) | XML, st.text(max_size=40))
def test_importing_microtext_reads_any_bytes_or_raises_format_error(data: bytes, text: str) -> None:
    try:
        imported = microtext.read(data, text, name="fuzz.xml", source_path="fuzz.txt")
    except FormatError as exc:
        assert str(exc)
    else:
        assert imported.map.title


MICRO_EDGE = st.tuples(
    st.sampled_from(["a1", "a2", "a3", "a4"]),
    st.sampled_from(["a1", "a2", "a3", "a4", "c0", "c1", "c2", "c3", "c4", "c5", "x"]),
    st.sampled_from(["sup", "exa", "reb", "und", "add"]),
)


@FUZZ
@given(st.lists(MICRO_EDGE, max_size=10))
def test_importing_any_microtext_graph_gives_a_map_that_checks(
    edges: list[tuple[str, str, str]],
) -> None:
    """Whatever its annotators drew between four units (self-supports, cycles, repeats, a unit
    for and against one claim, undercuts of anything), a microtext imports as a map that passes
    its check: what the map cannot hold is left out with a note, never a map the check refuses."""
    units = "".join(f'<adu id="a{n}" type="{"pro" if n < 4 else "opp"}"/>' for n in range(1, 5))
    segments = "".join(f'<edu id="e{n}">{t}.</edu><edge id="s{n}" src="e{n}" trg="a{n}" '
                       'type="seg"/>' for n, t in enumerate("ABCD", 1))  # fmt: skip
    drawn = "".join(f'<edge id="c{n}" src="{src}" trg="{trg}" type="{kind}"/>'
                    for n, (src, trg, kind) in enumerate(edges))  # fmt: skip
    xml = f'<arggraph id="f">{segments}{units}{drawn}</arggraph>'.encode()
    imported = microtext.read(xml, "A. B. C. D.", name="f.xml", source_path="f.txt")
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "f.txt").write_text("A. B. C. D.", encoding="utf-8")
        checked = check_bytes(dump(imported.map).encode("utf-8"), str(Path(folder, "f.yaml")))
    assert checked.ok, ([str(d) for d in checked.diagnostics], imported.notes)


@FUZZ
@given(st.lists(st.text(alphabet="ab-1!", max_size=70) | st.sampled_from(["a" * 57 + "-b" * 4]),
                max_size=30))  # fmt: skip
def test_every_id_an_import_gives_is_an_id_and_given_once(bases: list[str]) -> None:
    """Whatever the texts and node ids an importer makes ids of (cut at any place, hyphens
    where the cut falls), each id it gives is an id, at most 64 characters, and not given
    before; and it gives them without end (one once never came)."""
    ids = Ids()
    given = [ids.unique(base) for base in bases]
    assert len(set(given)) == len(given)
    assert all(ID_PATTERN.fullmatch(i) and len(i) <= MAX_ID for i in given), given


#: An RA-, CA- or MA-node, its text (a placeholder or a note of its own), the I-node into it
#: and the node it points to.
AIF_STEP = st.tuples(
    st.sampled_from(["RA", "CA", "CA", "MA"]),
    st.sampled_from(["Default Conflict", "Default Inference", "a note"]),
    st.sampled_from(["1", "2", "3"]),
    st.sampled_from(["1", "2", "3", "10", "11", "12", "13", "14"]),
)
AIF_NODE = st.sampled_from(["1", "2", "3", "10", "11", "12", "13", "14"])


@FUZZ
@given(
    st.lists(AIF_STEP, min_size=5, max_size=5), st.lists(st.tuples(AIF_NODE, AIF_NODE), max_size=6)
)
def test_importing_any_aif_argument_among_three_claims_gives_a_map_that_checks(
    steps: list[tuple[str, str, str, str]], edges: list[tuple[str, str]]
) -> None:
    """Whatever five RA-, CA- and MA-nodes, some with a text of their own (a note), do among
    three I-nodes and one another (repeats, cycles, attacks on attacks), the map imported
    passes its check: two CA-nodes of one attacker and target, one with a note, once gave
    the attacker twice in one list (AM112)."""
    nodes = [{"nodeID": str(n), "type": "I", "text": f"Claim {n}."} for n in (1, 2, 3)]
    nodes += [{"nodeID": str(n), "type": kind, "text": text}
              for n, (kind, text, _, _) in enumerate(steps, 10)]  # fmt: skip
    edges += [(start, str(n)) for n, (_, _, start, _) in enumerate(steps, 10)]
    edges += [(str(n), end) for n, (_, _, _, end) in enumerate(steps, 10)]
    drawn = [{"edgeID": str(n), "fromID": a, "toID": b} for n, (a, b) in enumerate(edges)]
    imported = aif.read(json.dumps({"nodes": nodes, "edges": drawn}).encode(), name="g.json")
    checked = check_bytes(dump(imported.map).encode("utf-8"), "g.yaml")
    errors = [str(d) for d in checked.diagnostics if d.code < "AM200"]
    assert checked.map is not None and not errors, (errors, imported.notes)
