"""An id renamed where its claim is defined, and left as it was where the claim is named: the
"did you mean" of AM103 and its fix prefer what the rename left, a claim nothing names whose id
holds the old id's words; two ids as good are both suggested, and neither written."""

from __future__ import annotations

from argmap.api import check_map_bytes
from argmap.fix import Applicability, Context, fixes
from argmap.fix.files import fix_bytes
from argmap.read.suggest import Names

HEAD = "argmap: 1\ntitle: t\n"
#: The policy analyst's thesis: 'leverage' renamed 'diplomatic-leverage' where it is defined.
RENAMED = HEAD + (
    "premises:\n  - id: leakage\n    text: L\n  - id: level-playing-field\n    text: F\n"
    "  - id: diplomatic-leverage\n    text: D\n"
    "conclusions:\n  - id: thesis\n    text: T\n    reasons:\n      - leakage\n"
    "      - level-playing-field\n      - leverage\n"
)


def _messages(text: str) -> list[str]:
    return [d.message for d in check_map_bytes(text.encode(), "m.yaml").diagnostics]


def _id_fixes(text: str, name: str) -> list[tuple[str, Applicability, bool]]:
    context = Context(text, "m.yaml", lambda: None)
    offset = text.rindex(f"- {name}\n") + 2 if f"- {name}\n" in text else text.rindex(name)
    return [(fix.title, fix.applicability, fix.preferred)
            for fix in fixes(context, "AM103", offset) if fix.what == "id"]  # fmt: skip


def test_a_renamed_id_suggests_the_claim_the_rename_left() -> None:
    assert _messages(RENAMED) == [
        "reason 'leverage' of 'thesis' is no claim; did you mean 'diplomatic-leverage'?"
    ]
    first, *_ = _id_fixes(RENAMED, "leverage")
    assert first == ("Change to 'diplomatic-leverage'", Applicability.UNSAFE, True)


def test_a_rename_that_shortened_the_id_is_found_too() -> None:
    text = RENAMED.replace("diplomatic-leverage", "leverage").replace(
        "      - leverage\n", "      - diplomatic-leverage\n"
    )
    assert _messages(text) == [
        "reason 'diplomatic-leverage' of 'thesis' is no claim; did you mean 'leverage'?"
    ]


def test_a_claim_named_already_is_not_taken_for_the_renamed_one() -> None:
    """m2-rename: 'leakage' renamed 'carbon-leakage'; 'stops-leakage' holds the word too, but
    the thesis names it beside the old id: it was never renamed."""
    text = HEAD + (
        "premises:\n  - id: stops-leakage\n    text: S\n  - id: carbon-leakage\n    text: C\n"
        "conclusions:\n  - id: thesis\n    text: T\n    reasons:\n"
        "      - [leakage, stops-leakage]\n"
    )
    assert _messages(text) == [
        "reason 'leakage' of 'thesis' is no claim; did you mean 'carbon-leakage'?"
    ]
    fixed = fix_bytes(text.encode(), "m.yaml", unsafe=True)
    assert fixed.new.decode() == text.replace("[leakage,", "[carbon-leakage,")
    assert fix_bytes(text.encode(), "m.yaml").hidden == 1


def test_two_claims_a_rename_may_have_left_are_both_suggested_and_neither_written() -> None:
    text = RENAMED.replace(
        "  - id: leakage\n    text: L\n", "  - id: leverage-abroad\n    text: A\n"
    )
    text = text.replace("      - leakage\n", "").replace("diplomatic-leverage", "trade-leverage")
    assert _messages(text) == [
        "reason 'leverage' of 'thesis' is no claim; did you mean 'trade-leverage' or "
        "'leverage-abroad'?"
    ]
    assert all(a is Applicability.EDITOR and not p for _, a, p in _id_fixes(text, "leverage"))
    fixed = fix_bytes(text.encode(), "m.yaml", unsafe=True)
    assert fixed.new == text.encode() and fixed.hidden == 0


def test_two_ids_alike_are_both_suggested_and_neither_written() -> None:
    assert Names(["energy-1", "energy-2", "supplier"]).meant("energy-3") == [
        "energy-2",
        "energy-1",
    ]
    assert Names(["energy-1", "supplier"]).meant("energy-3") == ["energy-1"]
    # one letter off, and two: not as good (a map of 20,000 claims named both)
    assert Names(["claim-00000", "claim-00010"]).meant("claim-00000x") == ["claim-00000"]
    assert Names(["energy-1"]).meant("costs") == []
