"""argmap lsp end to end: a real LSP client (pytest-lsp) starts ``argmap lsp`` and talks to it
over stdio, as an editor does."""

from __future__ import annotations

import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from .conftest import SEED_MAP


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_smoke(client: LanguageClient) -> None:
    uri = SEED_MAP.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, SEED_MAP.read_text())))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert client.diagnostics[uri] == []
