"""A real editor: headless Neovim, with a minimal init.lua and no plugins, opens a map with a
broken reference, starts ``argmap lsp`` over stdio and receives the diagnostic at its place;
and Neovim's own incremental changes on a line with non-ASCII text, and a rename it applies;
and the setup argmap ships, editors/neovim/argmap.lua, as the user's init.lua.
Skipped when ``nvim`` is not installed (Debian's ``neovim``; 0.7 or newer)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, SEED_MAP

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


def run_neovim(script: str, path: Path, tmp_path: Path, *, timeout: int) -> dict[str, Any]:
    """Headless Neovim with ``script`` as its init.lua, editing ``path`` with argmap's server;
    what the script wrote to $ARGMAP_NVIM_OUT, as JSON. Nobody's configuration is read."""
    init = tmp_path / "init.lua"
    init.write_text(script)
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
        [NVIM, "--headless", "-n", "-i", "NONE", "--noplugin", "-u", str(init), str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert out.exists(), done.stderr
    return json.loads(out.read_text())


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
    result = run_neovim(INIT, seed_copy, tmp_path, timeout=120)
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


# Typing in Neovim: its own incremental changes (columns in UTF-16, on a line with an em dash
# before the edit), the diagnostic that follows and its clearing, then a rename applied by
# Neovim. What it saw goes to ARGMAP_NVIM_OUT.
TYPING = """
local function run()
  local out = {}
  local buffer = vim.api.nvim_get_current_buf()
  local cmd = vim.fn.json_decode(os.getenv("ARGMAP_LSP_CMD"))
  local client = vim.lsp.start_client({ name = "argmap", cmd = cmd,
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buffer), ":p:h") })
  vim.lsp.buf_attach_client(buffer, client)
  local function wait_for(count)
    return vim.wait(30000, function() return #vim.diagnostic.get(buffer) == count end, 20)
  end
  out.clean = vim.wait(30000, function()
    local c = vim.lsp.get_client_by_id(client)
    return c ~= nil and c.initialized and vim.lsp.buf_is_attached(buffer, client)
  end, 20)
  local row, col
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buffer, 0, -1, false)) do
    local found = line:find("one which goes beyond", 1, true)
    if found and row == nil then row, col = i - 1, found - 1 end
  end
  vim.wait(500, function() return false end, 50) -- the map's first check
  vim.api.nvim_buf_set_text(buffer, row, col, row, col, { "Q" })
  out.broken = wait_for(1)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    local line = vim.api.nvim_buf_get_lines(buffer, d.lnum, d.lnum + 1, false)[1]
    table.insert(out.diagnostics, { lnum = d.lnum, code = (d.user_data or {}).lsp.code,
      covered = line:sub(d.col + 1, d.end_col), line = line })
  end
  vim.api.nvim_buf_set_text(buffer, row, col, row, col + 1, { "" })
  out.fixed = wait_for(0)
  local params = vim.lsp.util.make_position_params()
  params.position = { line = row, character = 0 }
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buffer, 0, -1, false)) do
    local found = line:find("- id: went-further", 1, true)
    if found then params.position = { line = i - 1, character = found + 6 } end
  end
  params.newName = "went-beyond"
  local answers = vim.lsp.buf_request_sync(buffer, "textDocument/rename", params, 30000)
  for _, answer in pairs(answers or {}) do
    if answer.result then vim.lsp.util.apply_workspace_edit(answer.result, "utf-16") end
  end
  out.text = table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), "\\n") .. "\\n"
  out.renamed = wait_for(0)
  local file = io.open(os.getenv("ARGMAP_NVIM_OUT"), "w")
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.lsp.stop_client(client)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
  vim.cmd("qa!")
end
vim.api.nvim_create_autocmd("VimEnter", { callback = run })
"""


def test_typing_in_neovim_is_checked_at_the_editors_places(seed_copy: Path, tmp_path: Path) -> None:
    text = seed_copy.read_text()
    result = run_neovim(TYPING, seed_copy, tmp_path, timeout=180)
    assert result["clean"] and result["broken"] and result["fixed"] and result["renamed"]
    # The quote the edit broke, whole, on the line Neovim has (after an em dash: 3 bytes in
    # Neovim's columns, one UTF-16 unit in the protocol's).
    [found] = result["diagnostics"]
    assert found["code"] == "AM110" and "QOne" not in found["line"]
    assert found["covered"] == found["line"].strip()[2:]
    assert (
        found["covered"].startswith('"Europe must respond') and "— Qone which" in found["covered"]
    )
    assert result["text"] == text.replace("went-further", "went-beyond")


# What Neovim made of editors/neovim/argmap.lua, run as the user's own init.lua: once the
# first map has its diagnostics, a second map of the project is opened; each map's
# diagnostics, and the clients of both, go to ARGMAP_NVIM_OUT.
OBSERVE = """
local function clients_of(buffer)
  local found = {}
  local attached = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buffer })
    or vim.lsp.buf_get_clients(buffer)
  for _, c in pairs(attached) do
    table.insert(found, { id = c.id, name = c.name, root = c.config.root_dir, cmd = c.config.cmd })
  end
  return found
end
local function seen(buffer)
  local ok = vim.wait(30000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(found, { lnum = d.lnum, message = d.message, source = d.source,
      code = d.code or ((d.user_data or {}).lsp or {}).code })
  end
  return { ok = ok, diagnostics = found, clients = clients_of(buffer) }
end
local function run()
  local out = { version = tostring(vim.version().major) .. "." .. tostring(vim.version().minor),
                has_start = vim.lsp.start ~= nil }
  out.first = seen(vim.api.nvim_get_current_buf())
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("ARGMAP_SECOND_MAP")))
  out.second = seen(vim.api.nvim_get_current_buf())
  local file = io.open(os.getenv("ARGMAP_NVIM_OUT"), "w")
  file:write(vim.fn.json_encode(out))
  file:close()
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
  vim.wait(5000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  vim.cmd("qa!")
end
-- nested: the map opened from this callback has its FileType autocommands run, as typed
vim.api.nvim_create_autocmd("VimEnter", { callback = run, nested = true })
"""


def with_shipped_setup(tmp_path: Path, setup: str, first: Path, second: Path) -> dict[str, Any]:
    """Neovim with ``setup`` as $XDG_CONFIG_HOME/nvim/init.lua (where a user puts it) and
    ``argmap`` on the PATH (this Python's), editing ``first`` then ``second``: what OBSERVE
    saw. Nothing went wrong that Neovim printed."""
    config = tmp_path / "config" / "nvim"
    config.mkdir(parents=True)
    (config / "init.lua").write_text(setup, encoding="utf-8")
    observe = tmp_path / "observe.lua"
    observe.write_text(OBSERVE, encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = bin_dir / "argmap"
    program.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m argmap "$@"\n', encoding="utf-8")
    program.chmod(0o755)
    out = tmp_path / "out.json"
    env = {
        "ARGMAP_NVIM_OUT": str(out),
        "ARGMAP_SECOND_MAP": str(second),
        "HOME": str(tmp_path),
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    assert NVIM is not None
    done = subprocess.run(
        [NVIM, "--headless", "-n", "-i", "NONE", "-c", f"luafile {observe}", str(first)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert "Error" not in done.stderr + done.stdout, done.stderr + done.stdout
    return json.loads(out.read_text(encoding="utf-8"))


SHIPPED = ROOT / "editors" / "neovim" / "argmap.lua"


def test_the_shipped_setup_as_init_lua_shows_diagnostics_in_the_installed_neovim(
    seed_copy: Path, tmp_path: Path
) -> None:
    """editors/neovim/argmap.lua, byte for byte, as the user's init.lua: the installed Neovim
    (Debian 12's is 0.7, which has no vim.lsp.start) starts argmap's server for a map and
    shows its diagnostic, and a second map of the project goes to the same server."""
    (tmp_path / ".git").mkdir()  # the project's root, which the setup finds
    text = seed_copy.read_text(encoding="utf-8").replace(
        "      - mutual-benefit-strategy\n", BROKEN, 1
    )
    seed_copy.write_text(text, encoding="utf-8")
    second = seed_copy.with_name("second.yaml")
    second.write_text(text, encoding="utf-8")
    result = with_shipped_setup(tmp_path, SHIPPED.read_text(encoding="utf-8"), seed_copy, second)
    for opened in result["first"], result["second"]:
        assert opened["ok"], result
        [found] = opened["diagnostics"]
        assert (found["code"], found["source"]) == ("AM103", "argmap")
        assert "'mutual-benefit-stratgy'" in found["message"]
        [client] = opened["clients"]
        assert client["name"] == "argmap" and client["cmd"] == ["argmap", "lsp"]
        assert client["root"] == str(tmp_path)
    assert result["first"]["clients"] == result["second"]["clients"]  # one server for both


def test_the_shipped_setup_given_a_source_root_checks_quotes_of_a_corpus(tmp_path: Path) -> None:
    """The shipped setup with its one line for a corpus filled in, as its comment says: a map
    quoting a text in a folder beside its project has its quotes checked (a quote one word
    off, AM110), where it would be refused (AM117) without."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "op-ed.txt").write_text("Grass is green in a wet summer.\n")
    (tmp_path / "project" / ".git").mkdir(parents=True)
    (tmp_path / "project" / "maps").mkdir()
    first = tmp_path / "project" / "maps" / "m.yaml"
    first.write_text(
        "argmap: 1\ntitle: T\nsource:\n  path: ../../corpus/op-ed.txt\npremises:\n"
        "  - id: a\n    text: A.\n    quotes: Grass is green in a dry summer.\n"
    )
    second = first.with_name("n.yaml")
    second.write_text(first.read_text())
    setup = SHIPPED.read_text(encoding="utf-8")
    line = "local argmap_options = { sourceRoot = nil }\n"
    assert line in setup
    result = with_shipped_setup(
        tmp_path, setup.replace(line, line.replace("nil", '"../corpus"')), first, second
    )
    for opened in result["first"], result["second"]:
        assert opened["ok"], result
        assert [d["code"] for d in opened["diagnostics"]] == ["AM110"]
    plain = with_shipped_setup(tmp_path / "plain", setup, first, second)
    assert [d["code"] for d in plain["first"]["diagnostics"]] == ["AM117"]


BROKEN = "      - mutual-benefit-stratgy\n"  # a reason of partnership-thesis, misspelt
