"""CSV export: one row a claim, for a spreadsheet (a fact-check tracker, a gradebook), read back
here with Python's csv module as a spreadsheet would read it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from argmap.analysis.evaluate import evaluate
from argmap.analysis.explain import explain
from argmap.cli import main
from argmap.convert import export_map
from argmap.formats import spreadsheet
from argmap.formats.written import WRITTEN
from argmap.model import ArgumentMap, Claim, Kind, Objection, Quote, Reason, Ref, Role
from argmap.read.loader import load

from .conftest import SEED_MAP
from .strategies import argument_maps

HEADER = ["id", "kind", "side", "text", "quotes", "supports", "attacks", "status", "why",
          "thesis", "implicit", "label", "url", "note"]  # fmt: skip


def rows(text: str) -> list[dict[str, str]]:
    """The CSV read back as a spreadsheet reads it: the BOM taken off, RFC 4180 quoting."""
    assert text.startswith("\ufeff")
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    header, *body = list(reader)
    assert header == HEADER
    return [dict(zip(header, row, strict=True)) for row in body]


def unguarded(cell: str) -> str:
    """A cell's text as the map has it: the apostrophe the export put before a cell a
    spreadsheet would read as a formula taken off again (as the docs say to)."""
    if cell.startswith("'") and cell.lstrip("'")[:1] in tuple("=+-@\t\r"):
        return cell[1:]
    return cell


def seed() -> ArgumentMap:
    amap, _ = load(SEED_MAP.read_bytes(), str(SEED_MAP))
    assert amap is not None
    return amap


def test_the_seed_map_is_a_row_a_claim_in_the_maps_order_with_evals_status() -> None:
    amap = seed()
    exported = export_map(amap, "csv")
    found = rows(exported.text)
    evaluation = evaluate(amap)
    assert [row["id"] for row in found] == [claim.id for claim in amap.claims]
    for row, claim in zip(found, amap.claims, strict=True):
        assert row["kind"] == claim.kind.value
        assert row["text"] == claim.text
        quotes = row["quotes"].split("\n") if row["quotes"] else []
        assert quotes == [" ".join(quote.text.split()) for quote in claim.quotes]
        assert row["status"] == evaluation.status(claim.id).value
        assert row["why"] == explain(evaluation, claim.id)
        assert row["thesis"] == ("yes" if claim.thesis else "no")
        assert row["implicit"] == ("yes" if claim.implicit else "no")
        assert row["side"] == ""  # not a debate: no claim has a role
        assert row["note"] == (claim.note or "")
    by_id = {row["id"]: row for row in found}
    assert by_id["diverse-alliances"]["supports"] == (
        "partnership-thesis (linked with central-asia-most-interesting)"
    )
    supported = by_id["russian-expansionism"]["supports"]
    assert supported == "need-broader-engagement\nproactive-strategy"
    assert by_id["no-leader-backs-war"]["attacks"] == (
        "the reason avoid-criticising-russia for continued-deference"
    )
    assert by_id["continued-deference"]["status"] == "defeated"
    assert by_id["partnership-thesis"]["thesis"] == "yes"


def test_the_bytes_are_the_same_each_time_rows_end_in_crlf_and_the_losses_are_said() -> None:
    first, second = export_map(seed(), "csv"), export_map(seed(), "csv")
    assert first == second
    assert first.text.startswith("\ufeffid,kind,side,text,")
    assert first.text.count("\r\n") >= len(seed().claims) + 1 and first.text.endswith("\r\n")
    (loss,) = first.losses
    assert loss.startswith("a CSV has a row a claim; left out: ")
    for what in ("the title", "the source", "the map's note", "the language (en)",
                 "relation note"):  # fmt: skip
        assert what in loss, what


TRICKY = (
    'He said "no", then, later,\nhe said "yes"',
    '=HYPERLINK("https://example.org","click")',
    "+1 point",
    "-5% growth",
    "@SUM(A1:A9)",
    "'=already guarded",
    "''+twice",
    "'Tis the season, plainly",
    "tab\tinside, and a comma",
)


def tricky_map() -> ArgumentMap:
    claims = [Claim(f"c{n}", Kind.PREMISE, text, quotes=(Quote(text),))
              for n, text in enumerate(TRICKY)]  # fmt: skip
    top = Claim("top", Kind.CONCLUSION, "=1+1", reasons=(Reason((Ref("c0"), Ref("c1"))),),
                objections=(Objection((Ref("c2"),), objections=(Ref("c3"),)),),
                role=Role.OPPONENT)  # fmt: skip
    return ArgumentMap(title="=cmd|' /C calc'!A0", claims=(*claims, top))


def test_quotes_commas_line_breaks_and_formulas_come_back_as_written() -> None:
    found = rows(export_map(tricky_map(), "csv").text)
    texts = {row["id"]: row["text"] for row in found}
    assert texts["c1"] == "'" + TRICKY[1]  # a spreadsheet shows it as text, runs nothing
    assert texts["top"] == "'=1+1"
    assert texts["c7"] == TRICKY[7]  # an apostrophe before no formula is left alone
    for row in found:
        for cell in row.values():
            assert cell[:1] not in tuple("=+-@\t\r"), cell
    assert [unguarded(texts[f"c{n}"]) for n in range(len(TRICKY))] == list(TRICKY)
    quoted = {row["id"]: unguarded(row["quotes"]) for row in found}
    assert quoted["c0"] == " ".join(TRICKY[0].split())  # one quote a line
    assert quoted["c4"] == TRICKY[4]


def test_a_debates_claims_say_their_side_and_undercuts_say_what_they_attack() -> None:
    found = {row["id"]: row for row in rows(export_map(tricky_map(), "csv").text)}
    assert found["top"]["side"] == "opponent"
    assert found["c0"]["side"] == "proponent"  # no role in a debate: the proponent's
    assert found["c0"]["supports"] == "top (linked with c1)"
    assert found["c2"]["attacks"] == "top"
    assert found["c3"]["attacks"] == "the objection c2 to top"


def test_contradictions_are_attacks_both_ways() -> None:
    amap = ArgumentMap(title="t", claims=(
        Claim("a", Kind.PREMISE, "A", contradicts=(Ref("b"),)), Claim("b", Kind.PREMISE, "B"),
    ))  # fmt: skip
    found = {row["id"]: row["attacks"] for row in rows(export_map(amap, "csv").text)}
    assert found == {"a": "b (contradiction)", "b": "a (contradiction)"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps(extras=True))
def test_any_map_comes_back_claim_by_claim(amap: ArgumentMap) -> None:
    found = rows(export_map(amap, "csv").text)
    assert [(row["id"], row["kind"], unguarded(row["text"])) for row in found] == [
        (claim.id, claim.kind.value, claim.text) for claim in amap.claims
    ]


def test_export_csv_writes_beside_the_map_and_says_so(seed_copy: Path) -> None:
    result = CliRunner().invoke(main, ["export", "csv", str(seed_copy)])
    target = seed_copy.with_suffix(".csv")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"{seed_copy}: note: a CSV has a row a claim; left out: ")
    assert result.stderr.endswith(f"argmap: wrote {target}\n")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,kind,side,")
    assert WRITTEN["csv"].holds(data)
    assert len(rows(data.decode("utf-8"))) == len(seed().claims)


def test_a_spreadsheet_of_ones_own_is_not_taken_for_an_export() -> None:
    assert not WRITTEN["csv"].holds(b"name,grade\r\nAda,A\r\n")
    assert not WRITTEN["csv"].holds(b"\xef\xbb\xbfid,kind\r\n")
    assert WRITTEN["csv"].holds(spreadsheet.HEADER_LINE.encode())


@pytest.mark.parametrize("cell", ["=1", "+1", "-1", "@a", "\tx", "\rx", "'=1", "''-1"])
def test_each_cell_a_spreadsheet_would_run_gets_one_apostrophe(cell: str) -> None:
    assert spreadsheet.guarded(cell) == "'" + cell
    assert unguarded(spreadsheet.guarded(cell)) == cell


@pytest.mark.parametrize("cell", ["", "a", "'a", "1-2", " =1", "'"])
def test_other_cells_are_left_as_they_are(cell: str) -> None:
    assert spreadsheet.guarded(cell) == cell
