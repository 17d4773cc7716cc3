"""Diagnostics at the cursor → the quick fixes that mend them, as :mod:`argmap.fix` works them
out for ``argmap check --fix`` too: the id or key that was meant (AM103, AM009), a premise to
write for an unknown id (AM103), ``implicit: true`` or the closest passage of the source as a
quote (AM204), the closest passage in place of a quote that is not in the source (AM110), and
the source path that was meant (AM109); and for a warning, a comment that silences it on its
line (:mod:`argmap.checks.silence`).

Each fix is worked out from the map as it is now (its outline and source), not from a
diagnostic's message; an editor offers every fix, safe or not, for a person to choose.
"""

from __future__ import annotations

from lsprotocol import types

from argmap.checks.silence import silencing
from argmap.diagnostics import span_at
from argmap.fix import Context, Fix, fixes
from argmap.fix.files import fix_bytes
from argmap.lsp.diagnostics import SOURCE
from argmap.lsp.document import Document
from argmap.lsp.passages import Source, Sources
from argmap.read.jsontree import in_json


def _action(document: Document, fix: Fix, problem: types.Diagnostic) -> types.CodeAction:
    changes = [types.TextEdit(document.range(e.start, e.end), e.text) for e in fix.edits]
    return types.CodeAction(
        title=fix.title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[problem],
        is_preferred=fix.preferred or None,
        edit=types.WorkspaceEdit(changes={document.uri: changes}),
    )


def wanted(context: types.CodeActionContext, kind: str) -> bool:
    """Whether the client asks for code actions of ``kind``: when it names kinds, those (and
    their sub-kinds); otherwise every kind, but source actions only when the user asked.
    VS Code asks on its own at every move of the cursor, for its light bulb, which shows no
    source actions; laying out a map of 1,000 claims for each takes a tenth of a second."""
    kind = _value(kind)
    if context.only:
        asked = map(_value, context.only)
        return any(kind == only or kind.startswith(f"{only}.") for only in asked)
    automatic = context.trigger_kind == types.CodeActionTriggerKind.Automatic
    return not (automatic and (kind == "source" or kind.startswith("source.")))


def _value(kind: str) -> str:
    """A kind as the protocol writes it (``source.fixAll``), given as text or as an enum."""
    return str(getattr(kind, "value", kind))


def fix_all(document: Document) -> list[types.CodeAction]:
    """The source action "fix all" (``source.fixAll``, which editors can run at each save):
    the fixes ``argmap check --fix`` makes (:func:`argmap.fix.files.fix_bytes`), as one edit
    from the first character they change to the last; none when there are none."""
    if not document.is_map:
        return []
    data = document.body.encode("utf-8", "surrogatepass")
    fixed = fix_bytes(data, document.path, source_root=document.source_root, count_unsafe=False)
    if not fixed.made:
        return []
    old, new = document.body, fixed.new.decode("utf-8")
    start = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                 min(len(old), len(new)))  # fmt: skip
    end = 0  # characters alike at the end, after start in both
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    change = types.TextEdit(document.range(start, len(old) - end), new[start : len(new) - end])
    return [types.CodeAction(
        title=f"Fix {fixed.said()} (argmap check --fix)",
        kind=types.CodeActionKind.SourceFixAll,
        edit=types.WorkspaceEdit(changes={document.uri: [change]}),
    )]  # fmt: skip


def actions(
    document: Document, problems: list[types.Diagnostic], sources: Sources
) -> list[types.CodeAction]:
    """The fixes for those of ``problems`` (the diagnostics at the cursor, as the client sends
    them) that argmap reported and knows how to fix."""

    def source() -> Source | None:
        read = sources.for_map(document.path, document.outline.source_path)
        return read[1] if read is not None else None

    context = Context(
        document.body, document.path, source, document.outline, source_root=document.source_root
    )
    found: list[types.CodeAction] = []
    for problem in problems:
        if problem.source != SOURCE or not isinstance(problem.code, str):
            continue
        offset = document.offset(problem.range.start)
        found += [_action(document, fix, problem) for fix in fixes(context, problem.code, offset)]
        found += _silence(document, problem, offset)
    return found


def _silence(document: Document, problem: types.Diagnostic, offset: int) -> list[types.CodeAction]:
    """The quick fix that silences the code of ``problem`` (at ``offset``) on its line:
    ``# argmap: ignore[AM202]`` at the line's end, or the code added to the line's comment;
    offered for warnings alone (an error is to be mended: a comment silences one that may
    be, written by hand), not in a JSON map, which has no comments."""
    code = str(problem.code)
    if problem.severity != types.DiagnosticSeverity.Warning:
        return []
    line = span_at(document.body, offset).line
    edit = None if in_json(document.path) else silencing(document.body, line, code)
    if edit is None:
        return []
    start, end, text = edit
    change = types.TextEdit(document.range(start, end), text)
    return [types.CodeAction(
        title=f"Silence {code} on this line (# argmap: ignore[{code}])",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[problem],
        edit=types.WorkspaceEdit(changes={document.uri: [change]}),
    )]  # fmt: skip
