-- readme-driver.lua: run after a README snippet was loaded as init.lua. Opens each file of
-- DRIVER_FILES (JSON array of absolute paths) the way a user does (:edit), so that filetype
-- detection and the snippet's FileType autocommand run, then waits up to DRIVER_TIMEOUT_MS for
-- the diagnostics of every uwsgi-ini buffer, and writes a JSON report to DRIVER_OUT:
--   { nvim, errors = [...], files = { [path] = { filetype, clients = [names], codes = [codes] } },
--     clients = number of clients running }
-- Errors raised by the snippet (a nil vim.lsp.start, say) are kept, never swallowed.
local report = { nvim = tostring(vim.version()), errors = {}, files = {} }
local function note(msg) report.errors[#report.errors + 1] = msg end

local function clients_of(buf)
  local names = {}
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do names[#names + 1] = c.name end
  return names
end

local ok, err = pcall(function()
  local timeout = tonumber(os.getenv('DRIVER_TIMEOUT_MS') or '15000')
  local bufs = {}
  for _, file in ipairs(vim.fn.json_decode(os.getenv('DRIVER_FILES'))) do
    local opened, msg = pcall(vim.cmd, 'edit ' .. vim.fn.fnameescape(file))
    if not opened then note(file .. ': ' .. tostring(msg)) end
    bufs[file] = vim.fn.bufnr(file)
  end
  for _, msg in ipairs(vim.split(vim.fn.execute('messages'), '\n', { trimempty = true })) do
    if msg:find('E%d+:') or msg:find('Error') then note(msg) end
  end
  for file, buf in pairs(bufs) do
    -- A client shows in buf_get_clients only once it is initialized: wait for the
    -- diagnostics of every buffer the snippet's FileType autocommand was meant for.
    if vim.api.nvim_buf_get_option(buf, 'filetype') == 'uwsgi-ini' then
      vim.wait(timeout, function() return #vim.diagnostic.get(buf) > 0 end, 50)
    end
    local codes = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do codes[#codes + 1] = tostring(d.code) end
    report.files[file] = { filetype = vim.api.nvim_buf_get_option(buf, 'filetype'), clients = clients_of(buf), codes = codes }
  end
  report.clients = #vim.lsp.get_active_clients()
end)
if not ok then note('driver: ' .. tostring(err)) end

local f = assert(io.open(os.getenv('DRIVER_OUT'), 'w'))
f:write(vim.fn.json_encode(report))
f:close()
for _, c in pairs(vim.lsp.get_active_clients()) do c.stop(true) end
vim.cmd('qa!')
