"""``argmap lsp``: the language server, on stdin and stdout, for any editor."""

from __future__ import annotations

import click


@click.command()
def lsp() -> None:
    """Run the language server: speak LSP on stdin and stdout, for any editor.

    Open a map in the editor and it gets the problems argmap check finds, as you type
    (quotes checked against the source, evaluation warnings included); completion of claim
    ids, keys and quotes (sentences of the source holding the words typed); hover on an id
    (the claim, its quotes, whether it stands and why); go to definition, references and
    rename of an id; an outline of the claims by kind; and quick fixes. Editors start it
    themselves: point their LSP client at the command 'argmap lsp' for YAML map files.

    \b
    Example:
      argmap lsp              # what an editor runs; it then talks LSP over stdio
    \b
      -- Neovim 0.8 or newer (init.lua):
      vim.api.nvim_create_autocmd("FileType", { pattern = "yaml", callback = function()
        vim.lsp.start({ name = "argmap", cmd = { "argmap", "lsp" } })
      end })
    \b
      # Helix (languages.toml):
      [language-server.argmap]
      command = "argmap"
      args = ["lsp"]
      [[language]]
      name = "yaml"
      language-servers = ["argmap"]
    """
    from argmap.lsp.server import serve  # pygls and the protocol: for this command only

    serve()


__all__ = ["lsp"]
