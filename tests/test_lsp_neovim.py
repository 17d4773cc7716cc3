"""A real editor: headless Neovim, with a minimal init.lua and no plugins, opens a map with a
broken reference, starts ``argmap lsp`` over stdio and receives the diagnostic at its place.
Skipped when ``nvim`` is not installed (Debian's ``neovim``; 0.7 or newer)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEED_MAP

NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="Neovim (nvim) is not installed")

# vim.lsp.start_client exists from Neovim 0.5 on (vim.lsp.start only from 0.8; Debian 12 has
# 0.7): the client is started and attached by hand, then the script waits for diagnostics and
# writes what Neovim made of them.
INIT = """
local function run()
  local out = os.getenv("ARGMAP_NVIM_OUT")
  local cmd = vim.fn.json_decode(os.getenv("ARGMAP_LSP_CMD"))
  local buffer = vim.api.nvim_get_current_buf()
  local client = vim.lsp.start_client({
    name = "argmap",
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buffer), ":p:h"),
  })
  vim.lsp.buf_attach_client(buffer, client)
  local ok = vim.wait(30000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(found, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code,
      line = vim.api.nvim_buf_get_lines(buffer, d.lnum, d.lnum + 1, false)[1],
    })
  end
  local file = io.open(out, "w")
  file:write(vim.fn.json_encode({ ok = ok, diagnostics = found }))
  file:close()
  vim.lsp.stop_client(client)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
  vim.cmd("qa!")
end
-- The map named on the command line is loaded after this file runs.
vim.api.nvim_create_autocmd("VimEnter", { callback = run })
"""


def test_neovim_receives_the_diagnostic_at_its_place(seed_copy: Path, tmp_path: Path) -> None:
    text = seed_copy.read_text()
    # A title with an emoji and a U+2028 (a line break for YAML, none for Neovim), and a
    # misspelt reason on a line with more non-ASCII text before it.
    text = text.replace('title: "Europe', 'title: "😀\u2028Europe', 1)
    text = text.replace(
        "      - mutual-benefit-strategy\n      - current-approach-flimsy\n",
        '      - mutual-benefit-strategy\n      - [current-approach-flimsy, "énergie"]\n',
        1,
    )
    seed_copy.write_text(text, encoding="utf-8")
    init = tmp_path / "init.lua"
    init.write_text(INIT)
    out = tmp_path / "out.json"
    env = {
        "ARGMAP_NVIM_OUT": str(out),
        "ARGMAP_LSP_CMD": json.dumps([sys.executable, "-m", "argmap", "lsp"]),
        "HOME": str(tmp_path),  # no user configuration, shada or swap files of anyone's
        "PATH": "/usr/bin:/bin",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    done = subprocess.run(
        [NVIM, "--headless", "-n", "-i", "NONE", "--noplugin", "-u", str(init), str(seed_copy)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.exists(), done.stderr
    result = json.loads(out.read_text())
    assert result["ok"]
    [found] = result["diagnostics"]
    assert found["code"] == "AM103"
    assert found["source"] == "argmap"
    assert found["severity"] == 1  # vim.diagnostic.severity.ERROR
    assert found["message"] == "reason 'énergie' of 'partnership-thesis' is no claim"
    lines = text.split("\n")  # Neovim's lines: U+2028 breaks none
    assert found["lnum"] == next(i for i, line in enumerate(lines) if "énergie" in line)
    # Neovim counts columns in bytes of the line; the range is the quoted scalar.
    line = found["line"].encode("utf-8")
    assert line[found["col"] : found["end_col"]].decode("utf-8") == '"énergie"'
    assert found["end_lnum"] == found["lnum"]
    assert SEED_MAP.read_text() != text  # the repository's map is untouched
