"""The editor's "fix all" (the source action ``source.fixAll``): the fixes ``argmap check --fix``
makes, as one edit of the map as the editor has it."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from argmap.lsp import actions

from .lsptools import apply, document
from .test_check_fix import FIXED, MAP, NEW_SOURCE


def _context(only: list[str] | None, automatic: bool = False) -> types.CodeActionContext:
    trigger = types.CodeActionTriggerKind.Automatic if automatic else None
    return types.CodeActionContext(diagnostics=[], only=only, trigger_kind=trigger)


def test_fix_all_makes_the_safe_fixes_check_fix_makes(tmp_path: Path) -> None:
    (tmp_path / "source.txt").write_text(NEW_SOURCE, encoding="utf-8")
    doc = document(MAP, tmp_path / "map.yaml")
    [action] = actions.fix_all(doc)
    assert action.kind == types.CodeActionKind.SourceFixAll
    assert action.title == "Fix 2 quotes (argmap check --fix)"
    assert apply(doc, action.edit.changes[doc.uri]) == FIXED
    assert actions.fix_all(document(FIXED, tmp_path / "map.yaml")) == []


def test_fix_all_is_offered_when_asked_not_at_every_move_of_the_cursor() -> None:
    kind = types.CodeActionKind.SourceFixAll
    assert actions.wanted(_context([kind]), kind)
    assert actions.wanted(_context(None), kind)
    assert not actions.wanted(_context(None, automatic=True), kind)
    assert not actions.wanted(_context([types.CodeActionKind.QuickFix]), kind)


def test_a_client_asking_for_source_actions_gets_fix_all_too() -> None:
    kind = types.CodeActionKind.SourceFixAll
    assert actions.wanted(_context([types.CodeActionKind.Source]), kind)
    assert actions.wanted(_context(["source"]), "source.fixAll")
