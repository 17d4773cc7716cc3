"""argmap.fix: which fixes are safe, that a fix never makes a map worse, that the editor and
``argmap check --fix`` write the same, and (a property) that fixing keeps every byte but the
quote's, keeps the map loading, and is done in one go."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from argmap.api import check_map_bytes
from argmap.fix import Applicability, Context, fixes
from argmap.fix.files import fix_bytes
from argmap.lsp import actions
from argmap.lsp.diagnostics import diagnostics
from argmap.lsp.passages import Source, Sources

from .lsptools import apply, document
from .strategies import Str, render_scalar, texts
from .test_check_fix import FIXED, MAP, NEW_SOURCE

HEAD = "argmap: 1\ntitle: t\n"


def _quote_fixes(tmp_path: Path, source: str, quote: str) -> list[Applicability]:
    (tmp_path / "s.txt").write_text(source, encoding="utf-8")
    text = HEAD + "source: {path: s.txt}\npremises:\n  - id: a\n    text: A\n"
    text += f"    quotes: {quote}\n"
    path = tmp_path / "m.yaml"
    [found] = check_map_bytes(text.encode(), str(path)).diagnostics
    assert found.code == "AM110"
    context = Context(text, str(path), lambda: Source(source))
    offset = text.index(quote)
    return [fix.applicability for fix in fixes(context, "AM110", offset)]


def _quote_fix(tmp_path: Path, source: str, quote: str) -> tuple[Applicability, str]:
    (tmp_path / "s.txt").write_text(source, encoding="utf-8")
    text = HEAD + "source: {path: s.txt}\npremises:\n  - id: a\n    text: A\n"
    text += f"    quotes: {quote}\n"
    context = Context(text, str(tmp_path / "m.yaml"), lambda: Source(source))
    [fix] = fixes(context, "AM110", text.index(quote))
    return fix.applicability, fix.title


def test_a_quote_differing_only_in_typography_case_or_punctuation_is_safe_to_mend(
    tmp_path: Path,
) -> None:
    source = "Intro.\nThe sky over the wide northern plains is blue -- all summer long!\n"
    quote = "The Sky over the wide, northern plains is blue all summer long."
    assert _quote_fixes(tmp_path, source, quote) == [Applicability.SAFE]
    hyphen = "Intro.\nThe sky over the north-western plains is blue all summer long.\n"
    quote = "The sky over the northwestern plains is blue all summer long"
    assert _quote_fixes(tmp_path, hyphen, quote) == [Applicability.SAFE]


def test_a_quote_of_half_a_sentence_with_its_full_stop_is_safe_to_mend(tmp_path: Path) -> None:
    source = "Intro.\nThe sky over the wide northern plains is blue all summer long.\n"
    quote = "The sky over the wide northern plains is blue all summer."
    assert _quote_fixes(tmp_path, source, quote) == [Applicability.SAFE]


def test_a_word_changed_since_is_left_to_a_person(tmp_path: Path) -> None:
    """A word the source changed was mended by --fix alone, as a word or two changed were
    safe: a publisher's correction may reverse what a claim rests on, and the claim's text
    still says the old thing."""
    source = "Intro.\nThe sky over the wide northern plains is blue all summer long.\n"
    quote = "The sky over the wide northern plains is blue all winter long."
    applicability, title = _quote_fix(tmp_path, source, quote)
    assert applicability is Applicability.UNSAFE
    assert title.endswith(': the source now says "summer" where the quote says "winter"')


@pytest.mark.parametrize(
    ("written", "quoted", "said"),
    [
        ("cannot be justified", "can be justified", '"cannot" where the quote says "can"'),
        ("costs around 90 euros", "costs around 80 euros", '"90" where the quote says "80"'),
        ("up to a tenth of the cuts", "up to a quarter of the cuts",
         '"tenth" where the quote says "quarter"'),
        ("isn't ever justified", "is ever justified", "\"isn't\" where the quote says \"is\""),
        ("rose 5% since", "rose 5 since", '"%" where the quote says nothing'),
    ],
)  # fmt: skip
def test_a_negation_a_number_or_a_quantifier_changed_is_left_to_a_person_and_named(
    tmp_path: Path, written: str, quoted: str, said: str
) -> None:
    """The policy analyst's map: --fix alone wrote "cannot be justified" over "can be
    justified", "a tenth" over "a quarter", "90 euros" over "80 euros", and the map then
    checked clean."""
    source = f"Intro.\nTrade lawyers broadly agree that a measure {written} under Article XX.\n"
    quote = f"Trade lawyers broadly agree that a measure {quoted} under Article XX."
    applicability, title = _quote_fix(tmp_path, source, quote)
    assert applicability is Applicability.UNSAFE
    assert title == f"Replace the quote by the closest passage (line 2): the source now says {said}"


def test_a_negation_moved_is_left_to_a_person(tmp_path: Path) -> None:
    source = "Intro.\nEmissions that move abroad have been cut; they have not been exported.\n"
    quote = "Emissions that move abroad have not been cut; they have been exported."
    applicability, title = _quote_fix(tmp_path, source, quote)
    assert applicability is Applicability.UNSAFE
    assert title.endswith(
        ': the source now says nothing where the quote says "not", "not" where it says nothing'
    )


def test_a_quote_two_passages_could_have_meant_is_left_to_a_person(tmp_path: Path) -> None:
    source = (
        "The sky over the wide northern plains is blue all summer long.\n"
        "The sky over the wide northern plains is grey all summer long.\n"
    )
    quote = "The sky over the wide northern plains is green all summer long."
    assert _quote_fixes(tmp_path, source, quote) == [Applicability.UNSAFE]
    one = source.replace("grey all summer long", "dark in winter")  # 9 of 12 words: near too
    assert _quote_fixes(tmp_path, one, quote) == [Applicability.UNSAFE]
    far = source.replace("The sky over the wide northern plains is grey", "Rain falls")
    assert _quote_fixes(tmp_path, far, quote) == [Applicability.UNSAFE]  # "blue" for "green"
    # The same words but for punctuation: whichever passage it meant, the same words replace it.
    assert _quote_fixes(tmp_path, source, quote.replace("green", "blue,")) == [Applicability.SAFE]


def test_a_short_quote_or_one_with_many_words_changed_is_left_to_a_person(tmp_path: Path) -> None:
    source = "Intro.\nThe sky over the wide northern plains is blue all summer long.\n"
    assert _quote_fixes(tmp_path, source, "The sky is blue.") == [Applicability.UNSAFE]
    many = "The sky over the vast southern plains is blue all winter long."
    assert _quote_fixes(tmp_path, source, many) == [Applicability.UNSAFE]


def test_an_id_fix_that_would_make_a_claim_its_own_reason_is_not_made(tmp_path: Path) -> None:
    text = HEAD + (
        "premises:\n  - id: p\n    text: P\nconclusions:\n  - id: energy\n    text: E\n"
        "    reasons: [p, energi]\n"
    )
    fixed = fix_bytes(text.encode(), str(tmp_path / "m.yaml"))
    assert fixed.new == text.encode() and fixed.made == ()
    assert [d.code for d in fixed.checked.diagnostics] == ["AM103"]


def test_the_editor_offers_the_same_edits_that_check_fix_makes(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    (tmp_path / "source.txt").write_text(NEW_SOURCE, encoding="utf-8")
    doc = document(MAP, path)
    problems = [d for d in diagnostics(doc) if d.code == "AM110"]
    found = actions.actions(doc, problems, Sources())
    assert len(found) == 3
    edits = [e for a in found[:2] for e in a.edit.changes[doc.uri]]
    assert apply(doc, edits) == FIXED == fix_bytes(MAP.encode(), str(path)).new.decode()


_WORDS = st.lists(st.from_regex(r"[A-Za-z]{3,9}", fullmatch=True), min_size=6, max_size=14)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=_WORDS,
    how=st.sampled_from(["drop", "swap", "mark"]),
    where=st.integers(0, 20),
    extra=texts(12, newlines=False),
    style=st.sampled_from(["plain", "single", "double"]),
)
def test_fixing_keeps_the_rest_keeps_the_map_loading_and_is_done_in_one_go(
    words: list[str], how: str, where: int, extra: str, style: str
) -> None:
    sentence = " ".join(words) + "."
    i = where % len(words)
    changed = list(words)
    if how == "drop":
        del changed[i]
    elif how == "swap":
        changed[i] = extra
    else:
        changed[i] += extra
    quote = " ".join(changed) + "."
    rendered = render_scalar(Str(quote, style), "value")
    before = HEAD + "source: {path: s.txt}  # the text\npremises:\n  - id: a\n    text: A\n"
    after = "  # its sentence\n# the end\n"
    text = before + f"    quotes: {rendered}" + after
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "s.txt").write_text(f"Intro here.\n{sentence}\nAnd more.\n", "utf-8")
        path = str(Path(folder) / "m.yaml")
        checked = check_map_bytes(text.encode(), path)
        assume(checked.map is not None)
        fixed = fix_bytes(text.encode(), path)
        again = fix_bytes(fixed.new, path)
    new = fixed.new.decode()
    assert new.startswith(before + "    quotes: ") and new.endswith(after)
    assert fixed.checked.map is not None
    assert again.new == fixed.new and again.made == ()
    if fixed.made:
        assert "AM110" not in [d.code for d in fixed.checked.diagnostics]


_IDS = st.lists(st.from_regex(r"[a-z]{2,6}(-[a-z]{2,6})?", fullmatch=True), min_size=2,
                max_size=5, unique=True)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ids=_IDS, data=st.data())
def test_the_fixes_said_to_be_offered_are_the_unsafe_fixes_made_with_unsafe_fixes(
    ids: list[str], data: st.DataObject
) -> None:
    """`check --diff` said "1 more fix offered with --unsafe-fixes" of a fix that
    --unsafe-fixes then did not make (it made the map worse): the count is now what it makes."""
    slips = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3))
    forms = [lambda i: i[:-1] + "x", lambda i: i + "s", lambda i: "x" + i]
    written = []
    for i in slips:  # slipped, and maybe listed as it is beside its slip
        written += [i] * data.draw(st.booleans()) + [data.draw(st.sampled_from(forms))(i)]
    written = list(dict.fromkeys(written))
    linked = data.draw(st.booleans())
    premises = "".join(f"  - id: {i}\n    text: {i}\n" for i in ids)
    reasons = f"[[{', '.join(written)}]]" if linked else f"[{', '.join(written)}]"
    text = HEAD + f"premises:\n{premises}conclusions:\n  - id: c\n    text: C\n"
    text += f"    reasons: {reasons}\n"
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "m.yaml")
        assume(check_map_bytes(text.encode(), path).map is not None)
        safe = fix_bytes(text.encode(), path)
        unsafe = fix_bytes(text.encode(), path, unsafe=True)
    made = sum(fix.applicability is Applicability.UNSAFE for fix in unsafe.made)
    assert safe.hidden == made
    assert (safe.hidden == 0) == (unsafe.new == safe.new)
