"""The editor setups in editors/ and the pre-commit hooks: each starts or runs what argmap has.

The VS Code extension is tried with Node's test runner (VS Code itself stood in for), the
Neovim snippets in a headless Neovim (the LSP client stood in for, Neovim 0.8's and 0.7's, so
that they work on any Neovim that has one; tests/test_lsp_neovim.py runs the real client),
Helix's languages.toml and the hooks' manifest are read and checked against the command line.
Each is skipped where its tool is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, run
from tests.docs_text import section

EDITORS = ROOT / "editors"
NODE = shutil.which("node")
NVIM = shutil.which("nvim")


@pytest.mark.skipif(NODE is None, reason="needs Node.js")
def test_the_vscode_extension_starts_argmap_lsp_for_map_files() -> None:
    result = subprocess.run(
        [NODE, "--test", "test/"],
        cwd=EDITORS / "vscode",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# pass 5" in result.stdout and "# fail 0" in result.stdout


def test_the_vscode_manifest_names_what_the_extension_needs() -> None:
    manifest = json.loads((EDITORS / "vscode" / "package.json").read_text(encoding="utf-8"))
    assert manifest["main"] == "./extension.js" and (EDITORS / "vscode" / "extension.js").exists()
    assert manifest["engines"]["vscode"].startswith("^1.")
    assert "vscode-languageclient" in manifest["dependencies"]
    assert (EDITORS / "vscode" / "README.md").exists() and (EDITORS / "vscode" / "LICENSE").exists()


# A stand-in for Neovim's LSP client: records each start, then writes them as JSON.
NVIM_PRELUDE = """
_G.started = {}
vim.lsp.start = function(config, opts)
  table.insert(_G.started, {name = config.name, cmd = config.cmd, root = config.root_dir,
                            buf = vim.api.nvim_buf_get_name(opts.bufnr)})
end
"""
NVIM_REPORT = "vim.fn.writefile({vim.fn.json_encode(_G.started)}, 'OUT')"


def _nvim(tmp_path: Path, lua: str, *files: Path) -> object:
    script = tmp_path / "test.lua"
    out = tmp_path / "out.json"
    script.write_text(lua + "\n", encoding="utf-8")
    commands = ["-c", "filetype on", "-c", f"luafile {script}"]
    for file in files:
        commands += ["-c", f"edit {file}"]
    commands += ["-c", "lua " + NVIM_REPORT.replace("OUT", str(out)), "-c", "qa!"]
    assert NVIM is not None
    subprocess.run([NVIM, "--headless", "-u", "NONE", "-i", "NONE", *commands],
                   check=True, timeout=60, capture_output=True)  # fmt: skip
    return json.loads(out.read_text(encoding="utf-8"))


def _project(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "project" / ".git").mkdir(parents=True)
    (tmp_path / "project" / "maps").mkdir()
    the_map = tmp_path / "project" / "maps" / "energy.yaml"
    the_map.write_text("argmap: 1\n", encoding="utf-8")
    other = tmp_path / "project" / "ci.yaml"
    other.write_text("on: push\n", encoding="utf-8")
    return the_map, other


@pytest.mark.skipif(NVIM is None, reason="needs Neovim")
def test_the_neovim_snippet_starts_argmap_lsp_for_map_files_only(tmp_path: Path) -> None:
    the_map, other = _project(tmp_path)
    snippet = (EDITORS / "neovim" / "argmap.lua").read_text(encoding="utf-8")
    started = _nvim(tmp_path, NVIM_PRELUDE + snippet, the_map, other)
    assert started == [
        {"name": "argmap", "cmd": ["argmap", "lsp"], "root": str(tmp_path / "project"),
         "buf": str(the_map)},
    ]  # fmt: skip


# A stand-in for Neovim 0.7's client, which has no vim.lsp.start: records each client started
# and each buffer attached to one.
NVIM_07_PRELUDE = """
_G.started = {}
vim.lsp.start = nil
vim.lsp.start_client = function(config)
  table.insert(_G.started, {name = config.name, cmd = config.cmd, root = config.root_dir})
  return #_G.started
end
vim.lsp.get_client_by_id = function(id) return _G.started[id] end
vim.lsp.buf_attach_client = function(bufnr, id)
  table.insert(_G.started, {client = id, buf = vim.api.nvim_buf_get_name(bufnr)})
end
"""


@pytest.mark.skipif(NVIM is None, reason="needs Neovim")
def test_the_neovim_snippet_starts_one_client_for_each_project_without_vim_lsp_start(
    tmp_path: Path,
) -> None:
    the_map, other = _project(tmp_path)
    second = the_map.with_name("water.yaml")
    second.write_text("argmap: 1\n", encoding="utf-8")
    snippet = (EDITORS / "neovim" / "argmap.lua").read_text(encoding="utf-8")
    started = _nvim(tmp_path, NVIM_07_PRELUDE + snippet, the_map, other, second)
    assert started == [
        {"name": "argmap", "cmd": ["argmap", "lsp"], "root": str(tmp_path / "project")},
        {"client": 1, "buf": str(the_map)},
        {"client": 1, "buf": str(second)},
    ]


# Stand-ins for nvim-lspconfig's modules: enough to register and set up a server.
LSPCONFIG_STUB = """
package.preload["lspconfig.configs"] = function() return {} end
package.preload["lspconfig"] = function()
  local configs = require("lspconfig.configs")
  return setmetatable({
    util = {root_pattern = function(marker) return function(fname)
      local found = vim.fn.finddir(marker, vim.fn.fnamemodify(fname, ":p:h") .. ";")
      return found ~= "" and vim.fn.fnamemodify(found, ":p:h:h") or nil
    end end},
  }, {__index = function(_, name) return {setup = function(opts)
    local config = configs[name].default_config
    for _, path in ipairs(_G.paths) do
      local root = config.root_dir(path) or vim.NIL
      table.insert(_G.started, {name = name, cmd = config.cmd, root = root, buf = path})
    end
  end} end})
end
_G.started = {}
"""


@pytest.mark.skipif(NVIM is None, reason="needs Neovim")
def test_the_lspconfig_snippet_registers_argmap_for_map_files_only(tmp_path: Path) -> None:
    the_map, other = _project(tmp_path)
    snippet = (EDITORS / "neovim" / "lspconfig.lua").read_text(encoding="utf-8")
    paths = f"_G.paths = {{'{the_map}', '{other}'}}\n"
    started = _nvim(tmp_path, LSPCONFIG_STUB + paths + snippet)
    assert started == [
        {"name": "argmap", "cmd": ["argmap", "lsp"], "root": str(tmp_path / "project"),
         "buf": str(the_map)},
        {"name": "argmap", "cmd": ["argmap", "lsp"], "root": None, "buf": str(other)},
    ]  # fmt: skip


def test_helix_runs_argmap_lsp_and_formats_with_argmap_fmt_stdin() -> None:
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((EDITORS / "helix" / "languages.toml").read_text(encoding="utf-8"))
    assert config["language-server"]["argmap"] == {"command": "argmap", "args": ["lsp"]}
    (language,) = config["language"]
    assert language["name"] == "argmap" and language["grammar"] == "yaml"
    assert language["language-servers"][0] == "argmap"
    formatter = language["formatter"]
    assert [formatter["command"], *formatter["args"]] == ["argmap", "fmt", "-"]
    assert {"glob": "maps/*.yaml"} in language["file-types"]


def test_the_pre_commit_hooks_run_argmap_check_and_fmt_check(tmp_path: Path) -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    hooks = {hook["id"]: hook for hook in yaml.safe_load(text)}
    assert hooks["argmap-check"]["entry"] == "argmap check"
    assert (hooks["argmap-fmt"]["entry"], hooks["argmap-fmt"]["args"]) == (
        "argmap fmt",
        ["--check"],
    )
    # argmap-check checks folders, whichever file changed (a source text too): its args name them
    assert (hooks["argmap-check"]["pass_filenames"], hooks["argmap-check"]["args"]) == (
        False,
        ["."],
    )
    for hook in hooks.values():
        assert hook["language"] == "python"
        # pre-commit runs ENTRY ARGS FILE... (ENTRY ARGS without pass_filenames)
        messy = tmp_path / f"{hook['id']}.yaml"
        messy.write_text("title: T\nargmap: 1\npremises: [{id: a, text: A}]\n")
        files = [str(messy)] if hook.get("pass_filenames", True) else []
        args = [str(tmp_path) if arg == "." else arg for arg in hook.get("args", [])]
        command = [*hook["entry"].split()[1:], *args, *files]
        assert run(*command).exit_code == (1 if hook["id"] == "argmap-fmt" else 0)
    clientlib = pytest.importorskip("pre_commit.clientlib")
    loaded = clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert [hook["id"] for hook in loaded] == ["argmap-check", "argmap-fmt"]


@pytest.mark.parametrize(
    "setup", ["neovim/argmap.lua", "neovim/lspconfig.lua", "helix/languages.toml"]
)
def test_the_docs_show_the_setups_as_they_are(setup: str) -> None:
    assert (EDITORS / setup).read_text(encoding="utf-8") in section("Your editor")
