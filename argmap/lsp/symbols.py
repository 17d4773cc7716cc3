"""A map → its outline for an editor: the claims, grouped by kind under their sections."""

from __future__ import annotations

from lsprotocol import types

from argmap.lsp.document import Document
from argmap.model import Kind
from argmap.read.outline import Claim

#: The icon each kind of claim gets (the protocol has no kinds for arguments).
SYMBOL_KINDS = {
    Kind.PREMISE: types.SymbolKind.Constant,
    Kind.CONCLUSION: types.SymbolKind.Function,
    Kind.RECOMMENDATION: types.SymbolKind.Event,
}
#: Longest claim text shown beside its id.
DETAIL = 80


def _detail(claim: Claim) -> str:
    text = " ".join((claim.text or "").split())
    if len(text) > DETAIL:
        text = text[: DETAIL - 1].rstrip() + "…"
    return ("implicit · " if claim.implicit else "") + text


def _claim(document: Document, claim: Claim, number: int) -> types.DocumentSymbol:
    name_token = claim.id
    name = name_token.value if name_token is not None and name_token.value.strip() else ""
    start = name_token.start if name_token is not None else claim.start
    end = name_token.end if name_token is not None else claim.start
    return types.DocumentSymbol(
        name=name or f"({claim.kind.value} {number}, no id)",
        detail=_detail(claim),
        kind=SYMBOL_KINDS[claim.kind],
        range=document.range(claim.start, max(claim.end, end)),
        selection_range=document.range(start, end),
    )


def symbols(document: Document) -> list[types.DocumentSymbol]:
    """One symbol per section (premises, conclusions, recommendations) in file order, its
    claims as children."""
    found = document.outline
    result = []
    for section in found.sections:
        claims = [claim for claim in found.claims if section.key.start < claim.start <= section.end]
        children = [_claim(document, claim, n) for n, claim in enumerate(claims, 1)]
        count = f"{len(claims)} claim{'s' * (len(claims) != 1)}"
        result.append(
            types.DocumentSymbol(
                name=section.key.value,
                detail=count,
                kind=types.SymbolKind.Namespace,
                range=document.range(section.key.start, max(section.end, section.key.end)),
                selection_range=document.range(section.key.start, section.key.end),
                children=children,
            )
        )
    return result
