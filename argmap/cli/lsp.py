"""``argmap lsp``: the language server, on stdin and stdout, for any editor."""

from __future__ import annotations

import click

from argmap.cli.options import source_root_option


@click.command()
@source_root_option
def lsp(source_root: str | None) -> None:
    """Run the language server: speak LSP on stdin and stdout, for any editor.

    Open a map in the editor and it gets the problems argmap check finds, as you type
    (quotes checked against the source, evaluation warnings included); completion of claim
    ids, keys and quotes (sentences of the source holding the words typed); hover on an id
    (the claim, its quotes, whether it stands and why); go to definition, references,
    highlights and rename of an id; go from a quote to its passage in the source; an
    outline of the claims by kind; quick fixes; and formatting as argmap fmt does. Editors
    start it themselves: point their LSP client at the command 'argmap lsp' for YAML map
    files.

    As argmap check does, it reads a map's source text only inside the map's project, or
    under --source-root DIR. The editor may name that folder in its initialization options
    instead, {"sourceRoot": "DIR"} (relative to the workspace's root), which then takes the
    place of --source-root.

    \b
    Example:
      argmap lsp              # what an editor runs; it then talks LSP over stdio
      argmap lsp --source-root ../corpus   # maps may quote the texts under ../corpus too
    \b
      -- Neovim 0.11 or newer (init.lua), for the YAML files under a maps/ folder:
      vim.lsp.config("argmap", { cmd = { "argmap", "lsp" }, filetypes = { "yaml" },
        root_dir = function(bufnr, on_dir)
          local path = vim.api.nvim_buf_get_name(bufnr)
          if path:match("/maps/.+%.ya?ml$") then on_dir(vim.fs.dirname(path)) end
        end })
      vim.lsp.enable("argmap")
    \b
    Setups that start it for map files only, not for every YAML file, for VS Code, Neovim
    0.7 or newer and Helix: the folder editors/ of argmap's repository, and the section "Your
    editor" of its docs/editing.md.
    """
    from argmap.lsp.server import serve  # pygls and the protocol: for this command only

    serve(source_root)


__all__ = ["lsp"]
