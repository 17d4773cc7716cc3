-- argmap's language server with nvim-lspconfig, which does not ship a configuration for it:
-- register one, then set it up like any other. Map files are the YAML files under a maps/
-- folder and those named *.argmap.yaml; other YAML files get no argmap server.
local lspconfig = require("lspconfig")
local configs = require("lspconfig.configs")

if not configs.argmap then
  configs.argmap = {
    default_config = {
      cmd = { "argmap", "lsp" },
      filetypes = { "yaml" },
      root_dir = function(fname)
        if fname:match("/maps/.+%.ya?ml$") or fname:match("%.argmap%.ya?ml$") then
          return lspconfig.util.root_pattern(".git")(fname) or vim.fn.fnamemodify(fname, ":p:h")
        end
      end,
      single_file_support = false,
    },
  }
end

-- Maps read their source texts only inside their project; to let them read a shared corpus
-- too: setup({ init_options = { sourceRoot = "../corpus" } }) (relative to the root).
lspconfig.argmap.setup({})
