-- Loaded (--cmd, before init.lua) under the README's Neovim 0.8+ snippet only when the Neovim
-- here is older than 0.8: Debian 12 ships 0.7.2 and no newer Neovim can be installed on the
-- test machines. It supplies the two things 0.8 adds that the snippet relies on, as 0.8
-- documents them: filetype.lua on by default, and vim.lsp.start(config) = reuse the running
-- client with the same name and root_dir or start one, then attach the current buffer.
-- What this cannot show is 0.8's own vim.lsp.start at work; the rest of the snippet runs as is.
vim.g.do_filetype_lua = 1
local started = {}
vim.lsp.start = function(config, opts)
  local bufnr = (opts and opts.bufnr) or vim.api.nvim_get_current_buf()
  -- 0.7's get_active_clients() lists initialized clients only; get_client_by_id also finds the
  -- ones still starting, which 0.8 reuses too.
  for _, id in ipairs(started) do
    local client = vim.lsp.get_client_by_id(id)
    if client and client.name == config.name and client.config.root_dir == config.root_dir then
      vim.lsp.buf_attach_client(bufnr, id)
      return id
    end
  end
  local id = vim.lsp.start_client(config)
  if id then
    started[#started + 1] = id
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end
