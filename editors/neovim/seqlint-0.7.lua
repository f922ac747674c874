-- seqlint as the language server of Python buffers, for Neovim 0.7 (no vim.lsp.start yet).
-- Put it in your init.lua, or load it with `nvim -u seqlint-0.7.lua train.py`.
local seqlint = vim.lsp.start_client({
  name = "seqlint",
  cmd = vim.g.seqlint_cmd or { "seqlint", "server" },
  root_dir = vim.fn.getcwd(),
  init_options = { inlayHints = true },
})

vim.api.nvim_create_autocmd("FileType", {
  pattern = "python",
  callback = function(args)
    vim.lsp.buf_attach_client(args.buf, seqlint)
  end,
})
