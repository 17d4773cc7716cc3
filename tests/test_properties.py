"""Property tests: generated maps load as written, check clean, survive faults and render safely.

The maps come from ``tests/strategies.py``. Files go into a fresh temporary folder per example
(``tempfile``, because Hypothesis and function-scoped fixtures do not mix).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap.analysis.summary import thesis
from argmap.api import check_bytes, check_file, render_map
from argmap.diagnostics import CODES, Diagnostic
from argmap.draw.graph import to_dot
from argmap.model import ArgumentMap, Claim, Kind
from argmap.model.composed import composed
from argmap.read.loader import load
from tests.strategies import (
    FAULTS,
    ClaimSpec,
    Generated,
    MapSpec,
    ReasonSpec,
    SourceSpec,
    build_tree,
    consistent_maps,
    emit,
    faulty_maps,
    map_specs,
    texts,
    visible,
)

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"

RENDERING = settings(max_examples=50, deadline=None)
#: Any text includes scripts the drawing's font lacks: it warns of them (tested where the
#: warning is, in tests/test_dot.py and tests/test_fonts.py), and draws them all the same.
ANY_SCRIPT = pytest.mark.filterwarnings("ignore::argmap.diagnostics.FontWarning")
CHECKING = settings(max_examples=100, deadline=None)
FUZZING = settings(max_examples=200, deadline=None)


# ------------------------------------------------------------------------------- helpers


@contextmanager
def map_files(data: bytes, source_text: str, source_path: str = "source.txt") -> Iterator[Path]:
    """The map at ``<tmp>/maps/map.yaml`` and its source at ``source_path`` relative to it,
    in the project ``<tmp>`` (which a source may be anywhere in)."""
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "pyproject.toml").touch()
        path = Path(tmp, "maps", "map.yaml")
        source = path.parent / source_path
        source.parent.mkdir(parents=True, exist_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        source.write_bytes(source_text.encode("utf-8"))
        path.write_bytes(data)
        yield path


def source_path(spec: MapSpec) -> str:
    return spec.source.path if spec.source else "source.txt"


def checked_map(generated: Generated) -> ArgumentMap:
    """Check the generated map's file: it must give no diagnostic at all, and the map written."""
    with map_files(generated.data, generated.source_text, source_path(generated.spec)) as path:
        checked = check_file(path)
    assert [str(d) for d in checked.diagnostics] == []
    assert checked.map == generated.expected
    return checked.map


def parse_svg(svg: bytes) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg"
    for element in root.iter():
        assert element.tag.rpartition("}")[2].lower() not in ("script", "foreignobject")
        assert not any(name.lower().startswith("on") for name in element.attrib)
    return root


def node_group(root: ET.Element, claim_id: str) -> ET.Element:
    groups = [g for g in root.iter(SVG + "g") if g.get("id") == claim_id]
    assert len(groups) == 1, f"{len(groups)} groups with id {claim_id!r}"
    return groups[0]


def texts_of(element: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in element.iter(SVG + "text")]


def compact(text: str) -> str:
    """Text without any white space: what survives wrapping however the lines were broken."""
    return "".join(text.split())


def assert_wrapped(lines: list[str], text: str) -> None:
    """``lines`` show ``text``: the same characters, broken at spaces or inside long words
    (with a hyphen where a word of a script that hyphenates is broken, at a soft hyphen of
    the word if it has one)."""
    position, shown, kept = 0, visible(text), []
    for line in map(visible, lines):  # each line is a stretch of the text, in order
        found = shown.find(line, position)
        if line.endswith("-"):  # a hyphen the break may have added: the nearer match
            bare = shown.find(line[:-1], position)
            if bare >= 0 and (found < 0 or bare < found):
                line, found = line[:-1], bare
        skipped = shown[position:found] if found >= 0 else ""
        assert found >= 0 and not skipped.replace("\xad", "").strip(), (line, shown, position)
        position = found + len(line)
        kept.append(line)
    assert compact("".join(kept)).replace("\xad", "") == compact(text).replace("\xad", "")


def claim_lines(root: ET.Element, claim: Claim, thesis: bool = False) -> list[str]:
    """The lines of a claim's text in its node, after the words that name its kind (and say
    that it is the thesis)."""
    word, *lines = texts_of(node_group(root, claim.id))
    kind = ("IMPLICIT " if claim.implicit else "") + claim.kind.value.upper()
    assert word == (f"MAIN THESIS · {kind}" if thesis else kind)
    return lines


def graph_label(root: ET.Element) -> tuple[list[str], list[str]]:
    """The lines of the title (bold, the largest text) and of the source line under it (and
    the legend's words)."""
    graph = node_group(root, f"{root.get('id')}-graph")  # the graph: named after the root
    title, about = [], []
    for text in graph.findall(SVG + "text"):
        line = "".join(text.itertext())
        if text.get("font-weight") == "bold":
            if text.get("font-size") == "16.00":
                title.append(line)
        else:
            about.append(line)
    return title, about


def tooltip(root: ET.Element, claim_id: str) -> str:
    anchors = node_group(root, claim_id).iter(SVG + "a")
    return "\n".join(a.get(XLINK_TITLE, "") for a in anchors)


def svg_of(amap: ArgumentMap) -> ET.Element:
    """The map's SVG, parsed; its ids unique and its title the map's."""
    root = parse_svg(render_map(amap, "svg"))
    ids = [element.get("id") for element in root.iter() if element.get("id") is not None]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    title = root.find(SVG + "title")
    assert title is not None and title.text == visible(composed(amap.title))  # drawn in NFC
    return root


# -------------------------------------------------------- (a) consistent maps check clean


@CHECKING
@given(consistent_maps())
def test_consistent_map_checks_clean_and_loads_as_written(generated: Generated) -> None:
    checked_map(generated)


@ANY_SCRIPT
@RENDERING
@given(consistent_maps())
def test_consistent_map_renders_every_claim_text(generated: Generated) -> None:
    amap = checked_map(generated)
    root = svg_of(amap)
    claims = [g for g in root.iter(SVG + "g") if "claim" in (g.get("class") or "").split()]
    assert sorted(g.get("id") for g in claims) == sorted(c.id for c in amap.claims)
    top = thesis(amap)
    for claim in amap.claims:
        shown = claim_lines(root, claim, top is not None and claim.id == top.id)
        assert_wrapped(shown, composed(claim.text))  # drawn in NFC (the map as it was written)


# ---------------------------------------------------- (b) one fault, exactly one diagnostic


@pytest.mark.parametrize("kind", sorted(FAULTS))
def test_one_injected_fault_gives_exactly_its_diagnostic(kind: str) -> None:
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
    @given(faulty_maps(kind))
    def one_fault(faulty) -> None:  # type: ignore[no-untyped-def]
        with map_files(faulty.data, faulty.source_text, faulty.source_path) as path:
            checked = check_file(path)
        found = [(d.code, (d.span.line, d.span.column)) for d in checked.diagnostics]
        assert found == [(faulty.code, faulty.span)], [str(d) for d in checked.diagnostics]

    one_fault()


# ------------------------------------------- (c) any text reaches the SVG literally and safely

EVIL = 'A "quoted" <script>x</script> & C:\\path\\ \\N ends with \\'
FIELDS = ("title", "claim text", "quote", "claim note", "source title", "source publisher")


def minimal_spec() -> MapSpec:
    return MapSpec(
        title="A map",
        claims=[
            ClaimSpec("premise", Kind.PREMISE, "A premise.", implicit=True),
            ClaimSpec(
                "thesis",
                Kind.CONCLUSION,
                "A thesis.",
                reasons=[ReasonSpec(["premise"])],
                implicit=True,
            ),
        ],
        source=SourceSpec("source.txt"),
        note=None,
        source_text="The text the map is about.",
    )


def place(spec: MapSpec, field: str, text: str) -> ClaimSpec:
    """Put ``text`` into ``field`` of ``spec`` (the first claim's, for claim fields)."""
    claim = spec.claims[0]
    if field == "title":
        spec.title = text
    elif field == "claim text":
        claim.text = text
    elif field == "quote":
        spec.source_text += "\n" + text + "\n"
        claim.quotes = [text]
        claim.implicit = None  # quoted, so not implicit (AM115)
    elif field == "claim note":
        claim.note = text
    else:
        assert spec.source is not None
        setattr(spec.source, field.split()[1], text)
    return claim


@ANY_SCRIPT
@RENDERING
@given(
    spec=st.none() | map_specs(source=True, max_claims=3),
    field=st.sampled_from(FIELDS),
    text=texts(200),
)
@example(spec=None, field="title", text=EVIL)
@example(spec=None, field="claim text", text=EVIL)
@example(spec=None, field="quote", text=EVIL)
@example(spec=None, field="claim note", text=EVIL)
@example(spec=None, field="source title", text=EVIL)
@example(spec=None, field="claim text", text="x\\")
@example(spec=None, field="title", text="\\")
@example(spec=None, field="source title", text="0\xad0")
def test_any_text_appears_literally_in_the_svg(spec: MapSpec | None, field: str, text: str) -> None:
    if spec is None:
        spec = minimal_spec()
    if field == "title":
        text = text[:200]
    if field == "quote" and not any(c.isalnum() for c in text):
        text += " quote"  # a quote of nothing but punctuation and spaces is matched as elided
    claim = place(spec, field, text)
    built = build_tree(None, spec)
    generated = Generated(spec, built, emit(built.root), bom=False)
    amap = checked_map(generated)
    dot = to_dot(amap)
    root = svg_of(amap)
    text = composed(text)  # drawn in NFC (the map as it was written)
    if field == "title":
        title, _ = graph_label(root)
        assert_wrapped(title, text)
    elif field == "claim text":
        top = thesis(amap)
        on_top = top is not None and top.id == claim.id
        assert_wrapped(claim_lines(root, amap.by_id()[claim.id], on_top), text)
    elif field in ("quote", "claim note"):
        assert visible(text) in visible(tooltip(root, claim.id))
    else:
        _, about = graph_label(root)
        # A soft hyphen is shown as a hyphen where the line breaks at it, else kept (unseen).
        shown = "[-\xad]?".join(re.escape(part) for part in compact(text).split("\xad"))
        assert re.search(shown, compact("".join(about))), (text, about)
    assert dot == to_dot(amap)


# ---------------------------------------------------------------- (d) output is deterministic


@ANY_SCRIPT
@settings(max_examples=3, deadline=None)
@given(consistent_maps())
def test_the_drawing_does_not_depend_on_the_process(generated: Generated) -> None:
    """Another interpreter, with its own string hashing, writes the same DOT and SVG."""
    amap, _ = load(generated.data, "map.yaml")
    assert amap is not None
    script = (
        "import sys; from argmap.read.loader import load; from argmap.api import render_map; "
        "amap = load(sys.stdin.buffer.read(), 'map.yaml')[0]; "
        "sys.stdout.buffer.write(render_map(amap, 'dot') + b'\\0' + render_map(amap, 'svg'))"
    )
    here = render_map(amap, "dot") + b"\0" + render_map(amap, "svg")
    assert here.startswith(to_dot(composed(amap)).encode("utf-8"))  # drawn in NFC
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script], input=generated.data, capture_output=True, env=env
        )
        assert done.returncode == 0, done.stderr.decode()
        assert done.stdout == here


@ANY_SCRIPT
@settings(max_examples=3, deadline=None)
@given(consistent_maps(max_claims=4))
def test_png_and_pdf_are_deterministic(generated: Generated) -> None:
    amap, _ = load(generated.data, "map.yaml")
    assert amap is not None
    for fmt in ("png", "pdf"):
        assert render_map(amap, fmt) == render_map(amap, fmt)


# --------------------------------------------------- (e) the loader never raises, whatever it reads

YAMLISH = st.text(
    st.sampled_from(list("&*!|>%@-:?[]{},#'\" \t\n\r") + list("abcxyz019") + ["\u00e9", "\u202e"]),
    max_size=200,
)


def yaml_documents() -> st.SearchStrategy[str]:
    """Random YAML documents, half of them shaped with argmap's keys and claim ids."""
    keys = st.sampled_from(
        ["argmap", "title", "note", "source", "path", "url", "premises", "conclusions",
         "recommendations", "id", "text", "quotes", "objections", "reasons", "claims", "<<"]
    )  # fmt: skip
    leaves = st.one_of(
        st.sampled_from(
            ["1", "a", "b", "c", "no", "", " ", "source.txt", "http://x.org", "ftp://x"]
        ),
        st.text(max_size=20),
    )
    trees = st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(keys | st.text(max_size=8), children, max_size=5)
        ),
        max_leaves=30,
    )

    def dump(tree: object, flow: bool | None, width: int) -> str:
        return yaml.safe_dump(
            tree, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=width
        )

    return st.builds(dump, trees, st.sampled_from([None, False, True]), st.integers(20, 200))


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


POOL = ["a", "b", "c", "no", "Bad_Id"]  # a few ids, so that references often hit


@st.composite
def shaped_documents(draw: st.DrawFn) -> str:
    """Random maps with argmap's shape: right keys, random ids, lists and full forms, so that
    most load and the checks, the evaluation and the drawing meet every oddity of structure
    (unknown ids, cycles, self-references, duplicates, contradictions, deep objections)."""
    ref = st.sampled_from(POOL)
    refs = ref | st.lists(ref, max_size=3)

    def objection(depth: int) -> st.SearchStrategy[object]:
        optional = {"note": st.just("n")}
        if depth < 3:
            optional["objections"] = st.lists(objection(depth + 1), max_size=2)
        return ref | st.fixed_dictionaries({"claims": refs}, optional=optional)

    optional = {"objections": st.lists(objection(0), max_size=2), "note": st.just("n")}
    reason = (
        ref | st.lists(ref, max_size=3) | st.fixed_dictionaries({"claims": refs}, optional=optional)
    )
    claim = st.fixed_dictionaries(
        {"id": ref, "text": st.sampled_from(["T", "a b", "x" * 40])},
        optional={
            "objections": st.lists(objection(0), max_size=3) | objection(0),
            "reasons": st.lists(reason, max_size=3) | reason,
            "contradicts": refs,
            "implicit": st.sampled_from(["true", "false", "yes"]),
            "quotes": st.sampled_from(["a b", "zzz", ["a", "c"]]),
            "url": st.sampled_from(["http://x.org/\\N", "ftp://x"]),
        },
    )
    document = st.fixed_dictionaries(
        {"argmap": st.just("1"), "title": st.sampled_from(["T", "<&>"])},
        optional={
            "source": st.fixed_dictionaries({"path": st.sampled_from(["source.txt", "gone.txt"])}),
            "premises": st.lists(claim, max_size=4),
            "conclusions": st.lists(claim, max_size=3),
            "recommendations": st.lists(claim, max_size=2),
        },
    )
    flow = draw(st.sampled_from([None, False, True]))
    return yaml.dump(draw(document), Dumper=_NoAliases, allow_unicode=True, sort_keys=False,
                     default_flow_style=flow)  # fmt: skip


def assert_diagnostics_in_range(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic], data: bytes,
                                path: str) -> None:  # fmt: skip
    lines = len(data.decode("utf-8", "replace").splitlines())
    for diagnostic in diagnostics:
        assert diagnostic.code in CODES
        assert diagnostic.path == path
        assert 1 <= diagnostic.span.line <= lines + 1, (str(diagnostic), lines)
        assert diagnostic.span.column >= 1, str(diagnostic)
    assert list(diagnostics) == sorted(diagnostics)


def never_raises(data: bytes) -> None:
    amap, diagnostics = load(data, "fuzz.yaml")
    assert (amap is None) == bool(diagnostics)
    assert_diagnostics_in_range(diagnostics, data, "fuzz.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "source.txt").write_text("a b c", encoding="utf-8")
        path = os.path.join(tmp, "fuzz.yaml")
        checked = check_bytes(data, path)
    assert_diagnostics_in_range(checked.diagnostics, data, path)


@FUZZING
@given(st.binary(max_size=500))
def test_loader_survives_random_bytes(data: bytes) -> None:
    never_raises(data)


@FUZZING
@given(YAMLISH)
def test_loader_survives_yamlish_text(text: str) -> None:
    never_raises(text.encode("utf-8"))


@FUZZING
@given(yaml_documents())
def test_loader_survives_random_yaml_documents(text: str) -> None:
    never_raises(text.encode("utf-8"))


@FUZZING
@given(shaped_documents())
def test_checks_survive_maps_of_any_structure(text: str) -> None:
    never_raises(text.encode("utf-8"))


# ------------------------------------- (f) a map that loads can be drawn, whatever its errors


@settings(max_examples=40, deadline=None)
@given(shaped_documents())
def test_any_map_that_loads_renders(text: str) -> None:
    """The drawing leaves out what check reports (unknown ids, a duplicate's second claim) and
    must not fail on the rest: cycles, self-references, contradictions, deep objections."""
    amap, _ = load(text.encode("utf-8"), "map.yaml")
    if amap is None:
        return
    root = parse_svg(render_map(amap, "svg"))
    drawn = [g.get("id") for g in root.iter(SVG + "g") if "claim" in (g.get("class") or "").split()]
    assert sorted(drawn) == sorted(amap.by_id())  # each once (in reading order, part by part)


# ---------------------------------------------------------------- found by the properties


def test_an_attack_listed_twice_is_reported_once_as_a_repeat(tmp_path: Path) -> None:
    """'b' rebuts 'a' twice: as a plain objection and as one written in full (with a note).
    It is the same attack, so it is reported as listed twice (it would otherwise be drawn as
    two edges with the same SVG id)."""
    path = tmp_path / "map.yaml"
    path.write_text(
        "argmap: 1\n"
        "title: The same rebuttal twice\n"
        "premises:\n"
        "  - id: a\n"
        "    text: A.\n"
        "    objections:\n"
        "      - b\n"
        "      - claims: b\n"
        "        note: the same attack, with a reason given\n"
        "  - id: b\n"
        "    text: B.\n",
        encoding="utf-8",
    )
    checked = check_file(path)
    assert [(str(d.span), d.code) for d in checked.diagnostics] == [("8:17", "AM112")]
