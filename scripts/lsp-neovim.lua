-- Drives `vault lsp` from Neovim's own LSP client (0.7 or later), headless: see
-- scripts/lsp-neovim.sh, which starts Neovim on a record file with this script.
-- It adds two unsaved lines to the buffer (an unknown kind, and a date awaiting
-- its kind), prints the diagnostics Neovim received and the completion list it
-- gets after the date, then quits without writing anything.
local out = function(line) io.stdout:write(line .. "\n") end
local vault = os.getenv("VAULT_BIN") or "vault"
local ready = false
local id = vim.lsp.start_client({
  name = "vault",
  cmd = { vault, "lsp" },
  root_dir = vim.fn.getcwd(),
  on_init = function() ready = true end,
})
vim.lsp.buf_attach_client(0, id)
if not vim.wait(20000, function() return ready end, 50) then
  out("vault lsp did not initialize")
  vim.cmd("cquit 2")
end

local last = vim.api.nvim_buf_line_count(0)
vim.api.nvim_buf_set_lines(0, last, last, false, { "2015-03-01 bogus x=1", "2015-03-01 " })
if not vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50) then
  out("no diagnostics received")
  vim.cmd("cquit 1")
end
out("diagnostics for " .. vim.fn.expand("%:.") .. ":")
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  local message = d.message:gsub("\n", " / ")
  out(string.format("  %d:%d %s [%s] %s", d.lnum + 1, d.col + 1, vim.diagnostic.severity[d.severity], code, message))
end

local params = {
  textDocument = vim.lsp.util.make_text_document_params(),
  position = { line = last + 1, character = #"2015-03-01 " },
}
local responses = vim.lsp.buf_request_sync(0, "textDocument/completion", params, 20000)
local labels = {}
for _, response in pairs(responses or {}) do
  local items = response.result and (response.result.items or response.result) or {}
  for _, item in ipairs(items) do table.insert(labels, item.label) end
end
out("completion after \"2015-03-01 \": " .. table.concat(labels, ", "))
vim.lsp.stop_client(id)
vim.cmd("qall!")
