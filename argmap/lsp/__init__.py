"""The language server (``argmap lsp``): an editor's view of a map, from its text as typed.

One module a job: :mod:`~argmap.lsp.server` wires the protocol (pygls) to the features and
:mod:`~argmap.lsp.session` keeps the open maps and publishes their diagnostics;
:mod:`~argmap.lsp.positions` and :mod:`~argmap.lsp.document` hold a map's text and convert
places; the outline (:mod:`argmap.read.outline`, which ``argmap check --fix`` reads too) finds
the claims and references in it, :mod:`~argmap.lsp.cursor` says where a cursor is,
:mod:`~argmap.lsp.passages` keeps the source texts read; then one module per feature:
:mod:`~argmap.lsp.diagnostics`, :mod:`~argmap.lsp.completion`, :mod:`~argmap.lsp.hover`,
:mod:`~argmap.lsp.navigation` (definition, references, rename), :mod:`~argmap.lsp.symbols` and
:mod:`~argmap.lsp.actions` (the fixes of :mod:`argmap.fix`, as quick fixes and "fix all").
"""
