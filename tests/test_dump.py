"""The YAML writer: what it writes loads back as the same map, and reads as plain YAML too."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats import yaml as writer
from argmap.formats.yaml import dump, quoted, scalar
from argmap.model import ArgumentMap, Claim, Kind, Objection, Reason, Ref
from argmap.read.loader import load

from .conftest import SEED_MAP
from .strategies import allowed_chars, argument_maps, texts

SLOW = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reloaded(amap: ArgumentMap) -> ArgumentMap:
    loaded, diagnostics = load(dump(amap).encode("utf-8"), "dumped.yaml")
    assert diagnostics == []
    assert loaded is not None
    return loaded


def test_seed_map_round_trips_and_reads_like_the_original() -> None:
    amap, _ = load(SEED_MAP.read_bytes(), str(SEED_MAP))
    assert amap is not None
    assert reloaded(amap) == amap
    text = dump(amap)
    assert text.startswith("argmap: 1\ntitle: ")
    assert "\npremises:\n  - id: " in text and "\nrecommendations:\n" in text
    assert dump(amap) == text  # deterministic


@SLOW
@given(argument_maps(extras=True))
def test_generated_maps_round_trip(amap: ArgumentMap) -> None:
    """Maps with every kind of reason and objection (in full too), any text, links, quotes."""
    assert reloaded(amap) == amap


@given(st.text(allowed_chars, max_size=30) | texts(40))
def test_any_text_reads_back_exactly_in_yaml_and_as_a_string(text: str) -> None:
    written = scalar(text)
    assert yaml.safe_load(f"k: {written}\n") == {"k": text}
    if text.strip():
        amap = ArgumentMap("t", (Claim("a", Kind.PREMISE, "x", note=text),))
        assert reloaded(amap).claims[0].note == text


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Energy is the obvious area.", "Energy is the obvious area."),
        ("no", '"no"'),
        ("Null", '"Null"'),
        ("3.10", '"3.10"'),
        ("0o17", '"0o17"'),
        ("2022-09-01", '"2022-09-01"'),
        ("- a list?", '"- a list?"'),
        ("a: b", '"a: b"'),
        ("a #b", '"a #b"'),
        ("tab\there", '"tab\\there"'),
        ("line\u2028separator", '"line\\Lseparator"'),
        ("\ufeffbom", '"\\uFEFFbom"'),
        ("trailing ", '"trailing "'),
    ],
)
def test_plain_only_when_unmistakable(text: str, written: str) -> None:
    assert scalar(text) == written


def test_quoted_escapes_what_yaml_would_not_keep() -> None:
    assert quoted('say "\\x"') == '"say \\"\\\\x\\""'
    assert quoted("\x07\x85\U0001f600") == '"\\a\\N\U0001f600"'


def test_reason_and_objection_forms() -> None:
    claims = (
        Claim("a", Kind.PREMISE, "A"),
        Claim("b", Kind.PREMISE, "B"),
        Claim("u", Kind.PREMISE, "U"),
        Claim(
            "c",
            Kind.CONCLUSION,
            "C",
            reasons=(
                Reason((Ref("a"),)),
                Reason((Ref("a"), Ref("b"))),
                Reason((Ref("b"),), (Ref("u"),), "why"),
            ),
            objections=(Ref("u"), Objection((Ref("a"), Ref("u")), (Ref("b"),))),
        ),
    )
    text = dump(ArgumentMap("t", claims))
    assert (
        "    reasons:\n"
        "      - a\n"
        "      - [a, b]\n"
        "      - claims: b\n"
        "        objections: [u]\n"
        "        note: why\n"
        "    objections:\n"
        "      - u\n"
        "      - claims: [a, u]\n"
        "        objections: [b]\n"
    ) in text
    assert reloaded(ArgumentMap("t", claims)) == ArgumentMap("t", claims)


def _plain_one_by_one(text: str) -> bool:
    """The characters a plain scalar may hold, tried one at a time (the definition the
    writer's fast path for ASCII must agree with)."""
    return all(writer._plain_char(char) for char in text)


#: The characters at the edges of what is plain or printable, and a few of each kind.
_EDGES = ("aZ09 .,;!?()'/%+=$&-\"\\#:\t\n\x00\x1b\x7f\x85\xa0\u2028\u2029\ud7ff\ue000\ufeff"
          "\ufffd\ufffe\U00010000\u00e9\u0301\u2019")  # fmt: skip


@settings(max_examples=2000)
@given(st.text(alphabet=st.sampled_from(_EDGES) | st.characters(), max_size=30))
def test_the_fast_paths_write_what_each_character_would(text: str) -> None:
    assert writer._all_plain(text) == _plain_one_by_one(text)
    assert quoted(text) == writer.escaped(text)


def test_the_fast_paths_agree_with_the_rules_for_every_character() -> None:
    """Both fast paths decide character by character, so every character once is all there
    is to check: surrogates (at the edge of what is written as it is, \\ud7ff and \\ue000), NEL,
    a BOM, and all the rest."""
    every = map(chr, range(0x110000))
    assert [c for c in every if writer.quoted(c) != writer.escaped(c)] == []
    ascii_ = map(chr, range(128))
    assert [
        c for c in ascii_ if writer._PLAIN_ASCII.fullmatch(c) and not writer._plain_char(c)
    ] == []
