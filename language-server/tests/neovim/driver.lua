-- Drives unblock-language-server from a real Neovim (0.7+), headless:
--
--   nvim --headless --clean -u NONE -i NONE -n -c 'luafile driver.lua'
--
-- Environment: UNBLOCK_SERVER_CMD (JSON array: the server command), UNBLOCK_ROOT (the workspace folder),
-- UNBLOCK_FILE (the file to open), UNBLOCK_RESULT (where to write the JSON results), UNBLOCK_DEADLINE_MS (per wait).
-- It opens the file, waits for the server's diagnostics, asks for code actions at the `no-blocking-call` one,
-- applies "Use the async API …" with Neovim's own WorkspaceEdit code and waits for the diagnostic to go away.
-- Every wait has a deadline; the results (or the error) go to UNBLOCK_RESULT and Neovim exits (status 1 on error).
-- Only APIs Neovim 0.7 has: vim.lsp.start_client + vim.lsp.buf_attach_client (vim.lsp.start is 0.8+).

local deadline = tonumber(os.getenv('UNBLOCK_DEADLINE_MS') or '') or 15000
local result = { steps = {}, nvimVersion = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) }

local function step(name)
  table.insert(result.steps, name)
end

local function write_result()
  local file = assert(io.open(assert(os.getenv('UNBLOCK_RESULT'), 'UNBLOCK_RESULT is not set'), 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

-- vim.wait with a deadline that fails with a description instead of returning false.
local function wait_for(description, predicate)
  local ok = vim.wait(deadline, predicate, 20)
  if not ok then
    error(string.format('timed out after %d ms waiting for %s', deadline, description), 0)
  end
end

-- The raw publishDiagnostics notifications (with each diagnostic's `data`), recorded before Neovim's own handler.
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  table.insert(published, params)
  return default_publish(err, params, ctx, config)
end

local server_log = {}
local function record_log(_, params)
  if params and params.message then
    table.insert(server_log, params.message)
    if #server_log > 30 then table.remove(server_log, 1) end
  end
end

local function no_blocking_call(diagnostics)
  for _, diagnostic in ipairs(diagnostics) do
    if diagnostic.code == 'no-blocking-call' then return diagnostic end
  end
  return nil
end

local function run()
  local cmd = vim.fn.json_decode((assert(os.getenv('UNBLOCK_SERVER_CMD'), 'UNBLOCK_SERVER_CMD is not set')))
  local root = assert(os.getenv('UNBLOCK_ROOT'), 'UNBLOCK_ROOT is not set')
  local file = assert(os.getenv('UNBLOCK_FILE'), 'UNBLOCK_FILE is not set')

  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'unblock',
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'fixture' } },
    settings = { unblock = {} },
    get_language_id = function() return 'typescript' end,
    handlers = { ['window/logMessage'] = record_log },
    on_init = function(_, initialize_result) result.serverInfo = initialize_result.serverInfo end,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client returned nil', 0) end
  step('started')

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'typescript'
  if not vim.lsp.buf_attach_client(bufnr, client_id) then error('vim.lsp.buf_attach_client failed', 0) end
  local client = vim.lsp.get_client_by_id(client_id)
  wait_for('the server to initialize', function() return exited ~= nil or (client.initialized == true) end)
  if exited then error('the server exited: ' .. vim.inspect(exited), 0) end
  step('attached')

  -- 1. Diagnostics, as Neovim's diagnostic framework holds them: the typed ones, which carry fixes (while the
  -- project's types load, the first ones come from the preliminary pass, without fixes).
  wait_for('diagnostics with fixes of ' .. file, function()
    for index = #published, 1, -1 do
      if vim.uri_to_bufnr(published[index].uri) == bufnr then
        local diagnostic = no_blocking_call(published[index].diagnostics)
        return diagnostic ~= nil and diagnostic.data ~= nil and #diagnostic.data.fixes > 0 and no_blocking_call(vim.diagnostic.get(bufnr)) ~= nil
      end
    end
    return false
  end)
  local shown = no_blocking_call(vim.diagnostic.get(bufnr))
  result.diagnostic = {
    source = shown.source,
    code = shown.code,
    message = shown.message,
    line = shown.lnum,
    col = shown.col,
    lineText = vim.api.nvim_buf_get_lines(bufnr, shown.lnum, shown.lnum + 1, false)[1],
  }
  result.codesBefore = vim.tbl_map(function(d) return d.code end, vim.diagnostic.get(bufnr))
  step('diagnostics')

  -- 2. Code actions at that diagnostic, with the LSP diagnostic (and its `data`) in the context.
  local lsp_diagnostic = nil
  for index = #published, 1, -1 do
    if vim.uri_to_bufnr(published[index].uri) == bufnr then
      lsp_diagnostic = no_blocking_call(published[index].diagnostics)
      break
    end
  end
  if not lsp_diagnostic then error('no no-blocking-call diagnostic among the published ones', 0) end
  local responses, request_error = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic } },
  }, deadline)
  if not responses then error('textDocument/codeAction failed: ' .. tostring(request_error), 0) end
  local response = responses[client_id]
  if not response then error('no code action response from the unblock client', 0) end
  if response.error then error('textDocument/codeAction error: ' .. vim.inspect(response.error), 0) end
  local actions = response.result or {}
  result.actionTitles = vim.tbl_map(function(action) return action.title end, actions)
  local fix = nil
  for _, action in ipairs(actions) do
    if type(action.title) == 'string' and vim.startswith(action.title, 'Use the async API') then
      fix = action
      break
    end
  end
  if not fix then error('no "Use the async API" action among ' .. vim.inspect(result.actionTitles), 0) end
  if not fix.edit then error('the action has no edit: ' .. vim.inspect(fix), 0) end
  result.fixTitle = fix.title
  result.fixIsPreferred = fix.isPreferred == true
  step('code actions')

  -- 3. Apply it with Neovim's WorkspaceEdit code; the buffer change goes to the server as didChange.
  local publications_before = #published
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  result.editedLine = vim.api.nvim_buf_get_lines(bufnr, shown.lnum, shown.lnum + 1, false)[1]
  result.bufferText = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  step('applied')

  -- 4. The diagnostic goes away: a publication after the edit without `no-blocking-call`.
  wait_for('the no-blocking-call diagnostic to disappear', function()
    return #published > publications_before and no_blocking_call(vim.diagnostic.get(bufnr)) == nil
  end)
  result.codesAfter = vim.tbl_map(function(d) return d.code end, vim.diagnostic.get(bufnr))
  result.cleared = true
  step('cleared')

  -- 5. Shut the server down.
  vim.lsp.stop_client(client_id)
  wait_for('the server to exit', function() return exited ~= nil end)
  result.exit = exited
  step('stopped')
end

local ok, err = pcall(run)
if not ok then
  result.error = tostring(err)
  result.serverLog = server_log
end
local written, write_error = pcall(write_result)
if not written then
  io.stderr:write('could not write the results: ' .. tostring(write_error) .. '\n')
end
vim.cmd((ok and written) and 'qall!' or 'cquit! 1')
