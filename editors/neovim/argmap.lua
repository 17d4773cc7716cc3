-- argmap's language server for argument maps, in Neovim 0.7 or newer, without plugins.
-- Put this in init.lua (or a file under ~/.config/nvim/plugin/). Map files are the YAML files
-- under a maps/ folder and those named *.argmap.yaml; change is_map to suit your layout.
local argmap_cmd = { "argmap", "lsp" } -- or { "/path/to/.venv/bin/argmap", "lsp" }
-- Maps read their source texts only inside their project (the folder holding .git); to let
-- them read a shared corpus too: { sourceRoot = "../corpus" } (relative to the project).
local argmap_options = { sourceRoot = nil }

local function is_map(path)
  return path:match("/maps/.+%.ya?ml$") ~= nil or path:match("%.argmap%.ya?ml$") ~= nil
end

local clients = {} -- Neovim 0.7 only: the client started for each root

vim.api.nvim_create_autocmd("FileType", {
  pattern = "yaml",
  group = vim.api.nvim_create_augroup("argmap", { clear = true }),
  callback = function(args)
    local path = vim.api.nvim_buf_get_name(args.buf)
    if not is_map(path) then
      return
    end
    local folder = vim.fn.fnamemodify(path, ":p:h")
    local git = vim.fn.finddir(".git", folder .. ";")
    local root = git ~= "" and vim.fn.fnamemodify(git, ":p:h:h") or folder
    local config = {
      name = "argmap", cmd = argmap_cmd, root_dir = root, init_options = argmap_options,
    }
    if vim.lsp.start then -- Neovim 0.8 or newer: starts a client, or reuses one for the root
      vim.lsp.start(config, { bufnr = args.buf })
      return
    end
    local id = clients[root] -- Neovim 0.7: one client for each root, started by hand
    if id == nil or vim.lsp.get_client_by_id(id) == nil then
      id = vim.lsp.start_client(config)
      clients[root] = id
    end
    if id ~= nil then
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
