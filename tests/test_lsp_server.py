"""argmap lsp end to end: a real LSP client (pytest-lsp) starts ``argmap lsp`` and talks to it
over stdio, as an editor does (with the capabilities VS Code declares)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from argmap.fmt import format_text
from argmap.lsp import formatting, hover
from argmap.lsp.document import Document
from argmap.lsp.server import create_server

from .conftest import run
from .lsptools import apply, at

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"])
WAIT = 20  # seconds: generous, for a machine shared by several test runs


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    )
    yield
    await lsp_client.shutdown_session()
    # Nothing went wrong in the server that it only logged.
    assert not [m for m in lsp_client.log_messages if m.type == types.MessageType.Error]


async def published(client: LanguageClient, uri: str, version: int | None = None) -> list:
    """The next diagnostics published for ``uri`` (for ``version``, when given)."""
    while True:
        params = await asyncio.wait_for(
            client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), WAIT
        )
        if params.uri == uri and (version is None or params.version == version):
            return list(params.diagnostics)


def opened(client: LanguageClient, path: Path, text: str) -> Document:
    """Open ``text`` as the map at ``path``; a Document to find places in it."""
    item = types.TextDocumentItem(path.as_uri(), "yaml", 1, text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    return Document(path.as_uri(), text, 1)


def use_start(doc: Document) -> types.Position:
    return at(doc, "[continued-deference]", shift=1)


def ident(doc: Document) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(doc.uri)


BROKEN = "      - mutual-benefit-stratgy\n"  # a reason of partnership-thesis, misspelt


def broken_seed(seed_copy: Path) -> str:
    return seed_copy.read_text().replace("      - mutual-benefit-strategy\n", BROKEN, 1)


@pytest.mark.asyncio
async def test_diagnostics_as_you_type_on_unsaved_text(
    client: LanguageClient, seed_copy: Path
) -> None:
    text = broken_seed(seed_copy)
    # A title with an emoji and a U+2028 before it: the editor's lines and columns apply.
    text = text.replace('title: "Europe', 'title: "😀\u2028Europe', 1)
    doc = opened(client, seed_copy, text)
    [found] = await published(client, doc.uri, 1)
    assert found.code == "AM103" and found.source == "argmap"
    assert found.message == (
        "reason 'mutual-benefit-stratgy' of 'partnership-thesis' is no claim; did you mean "
        "'mutual-benefit-strategy'?"
    )
    start = at(doc, "mutual-benefit-stratgy")
    assert found.range == types.Range(start, types.Position(start.line, start.character + 22))
    # The user types the missing "e", as an incremental change: the diagnostic goes away.
    typo = at(doc, "stratgy", shift=5)
    change = types.TextDocumentContentChangePartial(range=types.Range(typo, typo), text="e")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=doc.uri), [change]
        )
    )
    assert await published(client, doc.uri, 2) == []
    # The file on disk was never changed.
    assert "stratgy" not in seed_copy.read_text()


@pytest.mark.asyncio
async def test_a_change_to_the_source_on_disk_is_checked_again(
    client: LanguageClient, seed_copy: Path
) -> None:
    doc = opened(client, seed_copy, seed_copy.read_text())
    assert await published(client, doc.uri, 1) == []
    source = seed_copy.parent.parent / "seeds" / "europe-central-asia-partnership.txt"
    source.write_text(source.read_text().replace("mutual benefits", "common benefits"))
    found = await published(client, doc.uri)
    assert [d.code for d in found] == ["AM110"]
    assert "partnership-thesis" in found[0].message


@pytest.mark.asyncio
async def test_completion_of_ids_and_of_quotes(client: LanguageClient, seed_copy: Path) -> None:
    text = seed_copy.read_text()
    text = text.replace(
        "      - mutual-benefit-strategy\n      - current-approach-flimsy\n",
        "      - mutual-benefit-strategy\n      - current-approach-flimsy\n      - ene\n",
        1,
    )
    text = text.replace(
        '      - "Europe must make the case for itself, from a pragmatic perspective, as the most '
        'attractive partner for the region."',
        '      - "pragmatic perspective as the most"',
        1,
    )
    doc = opened(client, seed_copy, text)
    await published(client, doc.uri, 1)
    ids = await client.text_document_completion_async(
        types.CompletionParams(ident(doc), at(doc, "      - ene\n", shift=11))
    )
    by_label = {item.label: item for item in ids.items}
    assert "energy-mutual-interest" in by_label and "partnership-thesis" not in by_label
    item = by_label["energy-mutual-interest"]
    assert item.detail == (
        "Energy is the most obvious area of mutual interest between Europe and Central Asia."
    )
    quotes = await client.text_document_completion_async(
        types.CompletionParams(ident(doc), at(doc, 'as the most"', shift=11))
    )
    first = quotes.items[0]
    assert first.text_edit.new_text == (
        '"Europe must make the case for itself, from a pragmatic perspective, as the most '
        'attractive partner for the region."'
    )
    assert apply(doc, [first.text_edit]) == seed_copy.read_text().replace(
        "      - current-approach-flimsy\n", "      - current-approach-flimsy\n      - ene\n", 1
    )


@pytest.mark.asyncio
async def test_hover_definition_references_highlights_and_symbols(
    client: LanguageClient, seed_copy: Path
) -> None:
    doc = opened(client, seed_copy, seed_copy.read_text())
    await published(client, doc.uri, 1)
    use = at(doc, "continued-deference", 0, 3)
    shown = await client.text_document_hover_async(types.HoverParams(ident(doc), use))
    assert shown.contents.kind == types.MarkupKind.Markdown
    assert "**Defeated**: its only reason fails" in shown.contents.value
    [where] = await client.text_document_definition_async(types.DefinitionParams(ident(doc), use))
    assert where.range.start == at(doc, "id: continued-deference", shift=4)
    quote = at(doc, "The most obvious area of mutual interest", shift=5)
    [passage] = await client.text_document_definition_async(
        types.DefinitionParams(ident(doc), quote)
    )
    assert passage.uri.endswith("/seeds/europe-central-asia-partnership.txt")
    found = await client.text_document_references_async(
        types.ReferenceParams(
            context=types.ReferenceContext(include_declaration=True),
            text_document=ident(doc),
            position=use,
        )
    )
    # Its definition and its one use; the note that names it is no reference.
    assert [f.range.start for f in found] == [
        use_start(doc),
        at(doc, "id: continued-deference", shift=4),
    ]
    marks = await client.text_document_document_highlight_async(
        types.DocumentHighlightParams(ident(doc), use)
    )
    assert [(m.range.start, m.kind) for m in marks] == [
        (use_start(doc), types.DocumentHighlightKind.Read),
        (at(doc, "id: continued-deference", shift=4), types.DocumentHighlightKind.Write),
    ]
    outline = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(ident(doc))
    )
    assert [s.name for s in outline] == ["recommendations", "conclusions", "premises"]
    assert outline[0].children[0].name == "partnership-thesis"


@pytest.mark.asyncio
async def test_rename_and_its_refusal(client: LanguageClient, seed_copy: Path) -> None:
    doc = opened(client, seed_copy, seed_copy.read_text())
    await published(client, doc.uri, 1)
    use = at(doc, "not-a-pawn", 1, 2)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(ident(doc), use)
    )
    assert prepared is not None
    edit = await client.text_document_rename_async(types.RenameParams(ident(doc), use, "pawn"))
    edits = edit.changes[doc.uri]
    assert len(edits) == doc.body.count("not-a-pawn")
    assert "not-a-pawn" not in apply(doc, edits)
    with pytest.raises(
        JsonRpcException, match="'security-benefit' is already the id of the premise"
    ):
        await client.text_document_rename_async(
            types.RenameParams(ident(doc), use, "security-benefit")
        )


@pytest.mark.asyncio
async def test_code_actions_fix_an_unknown_id(client: LanguageClient, seed_copy: Path) -> None:
    doc = opened(client, seed_copy, broken_seed(seed_copy))
    [problem] = await published(client, doc.uri, 1)
    found = await client.text_document_code_action_async(
        types.CodeActionParams(ident(doc), problem.range, types.CodeActionContext([problem]))
    )
    [action] = [a for a in found if a.is_preferred]
    assert action.title == "Change to 'mutual-benefit-strategy'"
    assert apply(doc, action.edit.changes[doc.uri]) == seed_copy.read_text()


MESSY = "title: T\nargmap: 1  # the version\npremises:\n- text: A.\n  id: a\n"


@pytest.mark.asyncio
async def test_format_document_lays_the_map_out_as_argmap_fmt_does(
    client: LanguageClient, tmp_path: Path
) -> None:
    doc = opened(client, tmp_path / "m.yaml", MESSY)
    await published(client, doc.uri, 1)
    options = types.FormattingOptions(tab_size=2, insert_spaces=True)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(ident(doc), options)
    )
    formatted = apply(doc, edits)
    assert formatted == format_text(MESSY)
    assert formatted.startswith("argmap: 1  # the version\ntitle: T\n")
    whole = types.Range(types.Position(0, 0), types.Position(0, 0))
    found = await client.text_document_code_action_async(
        types.CodeActionParams(ident(doc), whole, types.CodeActionContext([]))
    )
    [action] = [a for a in found if a.title == formatting.TITLE]
    assert action.kind == types.CodeActionKind.Source
    assert apply(doc, action.edit.changes[doc.uri]) == formatted
    # A formatted map, or one that does not parse, is left alone.
    for text in (formatted, "argmap: 1\ntitle: [unclosed\n"):
        doc = opened(client, tmp_path / f"other{len(text)}.yaml", text)
        await published(client, doc.uri, 1)
        edits = await client.text_document_formatting_async(
            types.DocumentFormattingParams(ident(doc), options)
        )
        assert not edits


@pytest.mark.asyncio
async def test_formatting_a_map_that_does_not_load_says_why_nothing_changed(
    client: LanguageClient, tmp_path: Path
) -> None:
    """ "Format document" on a map with a YAML or shape error changes nothing, as argmap fmt
    does; the editor is told why, where it would otherwise seem to do nothing at all."""
    options = types.FormattingOptions(tab_size=2, insert_spaces=True)
    for name, text in [("m.yaml", "argmap: 1\ntitle: T\nquote: x\n"), ("other.yaml", "a: 1\n")]:
        doc = opened(client, tmp_path / name, text)
        if name == "m.yaml":
            await published(client, doc.uri, 1)
        edits = await client.text_document_formatting_async(
            types.DocumentFormattingParams(ident(doc), options)
        )
        assert not edits
    [said] = client.messages  # for the map; a YAML file that is no map is left alone
    assert said.type == types.MessageType.Warning
    assert said.message == (
        "argmap: the map was not formatted: it does not load (AM009); mend its errors first"
    )


@pytest.mark.asyncio
async def test_closing_a_map_clears_its_diagnostics(
    client: LanguageClient, seed_copy: Path
) -> None:
    doc = opened(client, seed_copy, broken_seed(seed_copy))
    assert len(await published(client, doc.uri, 1)) == 1
    client.text_document_did_close(types.DidCloseTextDocumentParams(ident(doc)))
    assert await published(client, doc.uri) == []


def test_the_command_has_help_with_an_editor_configuration() -> None:
    result = run("lsp", "--help")
    assert result.exit_code == 0
    assert 'cmd = { "argmap", "lsp" }' in result.output
    assert "Example:" in result.output


@pytest.mark.asyncio
async def test_a_yaml_file_that_is_no_map_is_left_alone(
    client: LanguageClient, tmp_path: Path
) -> None:
    compose = "services:\n  web:\n    image: nginx\n    ports: [80]\n"
    doc = opened(client, tmp_path / "compose.yaml", compose)
    assert await published(client, doc.uri, 1) == []
    offered = await client.text_document_completion_async(
        types.CompletionParams(ident(doc), types.Position(1, 2))
    )
    assert offered is None or not offered.items
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(ident(doc))
    )
    assert not symbols
    # A new, empty file may become a map: the keys of a map are offered.
    empty = opened(client, tmp_path / "new.yaml", "")
    assert await published(client, empty.uri, 1) == []
    offered = await client.text_document_completion_async(
        types.CompletionParams(ident(empty), types.Position(0, 0))
    )
    assert [item.label for item in offered.items][:2] == ["argmap", "title"]


def test_a_feature_that_fails_is_logged_and_answered_empty(
    monkeypatch: pytest.MonkeyPatch, seed_copy: Path
) -> None:
    server = create_server()
    logged: list[types.LogMessageParams] = []
    monkeypatch.setattr(server, "window_log_message", logged.append)

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(hover, "hover", broken)
    doc = Document(seed_copy.as_uri(), seed_copy.read_text())
    server.documents[doc.uri] = doc
    feature = server.protocol.fm.features[types.TEXT_DOCUMENT_HOVER]
    assert feature(types.HoverParams(ident(doc), types.Position(0, 0))) is None
    [message] = logged
    assert message.type == types.MessageType.Error
    assert "argmap: failed on hover" in message.message and "RuntimeError: a bug" in message.message


@pytest_lsp.fixture(config=SERVER)
async def utf8_client(lsp_client: LanguageClient):
    capabilities = client_capabilities("visual-studio-code")
    capabilities.general = types.GeneralClientCapabilities(
        position_encodings=[types.PositionEncodingKind.Utf8]
    )
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_columns_are_in_the_encoding_the_client_asked_for(
    utf8_client: LanguageClient, seed_copy: Path
) -> None:
    text = seed_copy.read_text().replace(
        "      - mutual-benefit-strategy\n", '      - ["énergie", mutual-benefit-strategy]\n', 1
    )
    doc = opened(utf8_client, seed_copy, text)
    [found] = await published(utf8_client, doc.uri, 1)
    line = text.split("\n")[found.range.start.line].encode("utf-8")
    assert line[found.range.start.character : found.range.end.character] == '"énergie"'.encode()
    # A change in UTF-8 columns: the reference is fixed after the multi-byte character.
    start = types.Position(found.range.start.line, found.range.start.character)
    end = types.Position(found.range.end.line, found.range.end.character + 2)  # and ", "
    change = types.TextDocumentContentChangePartial(range=types.Range(start, end), text="")
    utf8_client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=doc.uri), [change]
        )
    )
    assert await published(utf8_client, doc.uri, 2) == []


@pytest.mark.asyncio
async def test_the_format_action_is_offered_when_asked_for_not_on_every_move_of_the_cursor(
    client: LanguageClient, tmp_path: Path
) -> None:
    # VS Code asks for code actions on its own at every move of the cursor (its light bulb,
    # which shows no source actions): formatting a big map for each would hold up typing.
    doc = opened(client, tmp_path / "m.yaml", MESSY)
    await published(client, doc.uri, 1)
    here = types.Range(types.Position(3, 2), types.Position(3, 2))

    async def titles(**context: Any) -> list[str]:
        found = await client.text_document_code_action_async(
            types.CodeActionParams(ident(doc), here, types.CodeActionContext([], **context))
        )
        return [action.title for action in found or []]

    assert await titles(trigger_kind=types.CodeActionTriggerKind.Automatic) == []
    assert await titles(only=[types.CodeActionKind.QuickFix]) == []
    assert await titles(only=[types.CodeActionKind.Source]) == [formatting.TITLE]
    assert await titles(trigger_kind=types.CodeActionTriggerKind.Invoked) == [formatting.TITLE]
    assert await titles() == [formatting.TITLE]  # a client of LSP 3.16 says nothing
