"""A half-typed map never breaks the language server: random edits (deletions, YAML
punctuation, truncations) of the seed map, then every feature at random places, as functions
(Hypothesis) and, fewer of them, over stdio."""

from __future__ import annotations

import asyncio
import random
import sys
from pathlib import Path

import pytest
import pytest_lsp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from argmap.lsp import actions, completion, hover, navigation, symbols
from argmap.lsp.diagnostics import diagnostics
from argmap.lsp.document import Document
from argmap.lsp.passages import Sources
from argmap.lsp.positions import Lines

from .conftest import SEED_MAP
from .lsptools import document

SEED = SEED_MAP.read_text()
PIECES = [
    ":", ": ", "- ", "-", "[", "]", "{", "}", ",", '"', "'", "#", "&a ", "*a", "!", "|", ">-",
    "? ", "%", "@", "`", "\n", "\n  ", "\n    - ", "    ", "\t", "---\n", "...", "<<: ",
    "reasons: [", "objections:\n      - claims: ", "quotes:\n      - \"", "id: ", "😀", "\u2028",
    "\x85", "\r", "\x00", "\ud800", "\ufeff",
]  # fmt: skip


@st.composite
def edited(draw: st.DrawFn) -> str:
    """The seed map after a few random edits."""
    text = SEED
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["delete", "insert", "insert", "truncate"]))
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 80)) :]
        elif kind == "insert":
            piece = draw(st.sampled_from(PIECES) | st.text(max_size=6))
            text = text[:at] + piece + text[at:]
        else:
            text = text[:at]
    return text


def _valid(doc: Document, where: types.Range) -> None:
    lines = len(doc.lines.starts)
    for position in (where.start, where.end):
        assert 0 <= position.line < lines and position.character >= 0
    assert (where.start.line, where.start.character) <= (where.end.line, where.end.character)
    assert doc.position(doc.offset(where.start)) == where.start


@settings(
    max_examples=int(__import__("os").environ.get("LSP_EXAMPLES", 150)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=edited(), data=st.data())
def test_every_feature_answers_on_a_half_typed_map(
    seed_copy: Path, text: str, data: st.DataObject
) -> None:
    doc = document(text, seed_copy)
    sources = Sources()
    found = diagnostics(doc)
    for problem in found:
        _valid(doc, problem.range)
    for action in actions.actions(doc, found, sources):
        for edit in action.edit.changes[doc.uri]:
            _valid(doc, edit.range)
    for symbol in symbols.symbols(doc):
        _valid(doc, symbol.range)
        for child in symbol.children:
            _valid(doc, child.range)
            _valid(doc, child.selection_range)
    for _ in range(4):
        position = doc.position(data.draw(st.integers(0, len(doc.body))))
        for item in completion.complete(doc, position, sources).items:
            _valid(doc, item.text_edit.range)
        shown = hover.hover(doc, position)
        if shown is not None:
            _valid(doc, shown.range)
        for place in navigation.definition(doc, position, sources):
            if place.uri == doc.uri:  # (else a passage of the source)
                _valid(doc, place.range)
        for place in navigation.references(doc, position):
            _valid(doc, place.range)
        for mark in navigation.highlights(doc, position):
            _valid(doc, mark.range)
        if navigation.prepare_rename(doc, position) is not None:
            try:
                edit = navigation.rename(doc, position, "renamed")
            except navigation.RenameRefused:
                continue
            for change in edit.changes[doc.uri]:
                _valid(doc, change.range)


SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"])


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("neovim"))
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_the_server_keeps_answering_while_a_map_is_mangled(
    client: LanguageClient, seed_copy: Path
) -> None:
    rng = random.Random(15)
    uri = seed_copy.as_uri()
    text = SEED
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, text))
    )
    ident = types.TextDocumentIdentifier(uri)
    for version in range(2, 42):
        lines = Lines(text)
        start = rng.randrange(len(text) + 1)
        end = min(len(text), start + rng.choice([0, 0, 1, 5, 40]))
        piece = rng.choice(PIECES[:-3])  # what an editor can hold (no NUL or lone surrogate)
        change = types.TextDocumentContentChangePartial(
            range=types.Range(lines.position(start), lines.position(end)), text=piece
        )
        text = text[:start] + piece + text[end:]
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri), [change]
            )
        )
        position = Lines(text).position(rng.randrange(len(text) + 1))
        answers = await asyncio.wait_for(
            asyncio.gather(
                client.text_document_completion_async(types.CompletionParams(ident, position)),
                client.text_document_hover_async(types.HoverParams(ident, position)),
                client.text_document_definition_async(types.DefinitionParams(ident, position)),
                client.text_document_document_symbol_async(types.DocumentSymbolParams(ident)),
            ),
            20,
        )
        assert answers[0] is not None and answers[3] is not None
    # The server's copy of the text is the client's: the diagnostics of the final text (after
    # an empty change, so that they are published after this point) are those of the text the
    # client has, at the same places.
    nothing = types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)), text=""
    )
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=42, uri=uri), [nothing]
        )
    )
    expected = [(d.code, d.range, d.message) for d in diagnostics(Document(uri, text, 42))]
    while True:
        params = await asyncio.wait_for(
            client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 20
        )
        if params.version == 42:
            break
    assert [(d.code, d.range, d.message) for d in params.diagnostics] == expected
    assert not [m for m in client.log_messages if m.type == types.MessageType.Error]
