// Helpers of the VS Code end-to-end test: waits with deadlines, the editor's UI driven through playwright-core
// (opening files, going to a line, squiggles, hovers, the quick-fix menu, the command palette), and the processes
// around it (a free port, stopping code-server's process group, finding the extension's server process).
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const started = Date.now();
export const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
export const log = (...parts) => console.log(`[e2e ${elapsed()}]`, ...parts);
/** Polls `condition` until it returns a truthy value; throws with `what` after `ms`. */
export async function until(what, ms, condition) {
  const deadline = Date.now() + ms;
  let lastError;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
    } catch (error) {
      lastError = error;
      if (/exited/.test(String(error))) throw error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${lastError ? ` (${String(lastError).split('\n')[0]})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Waits until the machine is quiet — at least `idle` of all CPU time idle over one second, as a user who opens a file
 * once the window has finished starting — or `ms` have passed. Returns the ms waited and whether it settled.
 */
export async function settled({ idle = 0.8, ms = 60_000 } = {}) {
  const cpu = async () => {
    const [, ...fields] = (await fs.promises.readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).map(Number);
    return { total: fields.reduce((sum, value) => sum + value, 0), idle: fields[3] + (fields[4] ?? 0) };
  };
  const start = Date.now();
  for (let before = await cpu(); Date.now() - start < ms; ) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await cpu();
    const share = (after.idle - before.idle) / Math.max(1, after.total - before.total);
    if (share >= idle) return { waitedMs: Date.now() - start, settled: true };
    before = after;
  }
  return { waitedMs: Date.now() - start, settled: false };
}

/** 1-based line and column of the first capture group of `pattern` in `text`. */
export function position(text, pattern) {
  const match = pattern.exec(text);
  if (!match?.[1]) throw new Error(`${pattern} is not in the file`);
  const offset = match.index + match[0].indexOf(match[1]);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

export function normalize(text) {
  return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * What unblock's language status item (in the `{}` of the status bar) says of the active editor: the text of the
 * hover that shows it, '' when it does not show. The mouse leaves first, so the hover is opened afresh.
 */
async function languageStatusText(page) {
  await page.mouse.move(10, 880);
  await page.locator('[id="status.languageStatus"]').hover({ timeout: 5_000 });
  const hover = page.locator('.monaco-hover:visible, .context-view .hover-language-status', { hasText: 'unblock' }).first();
  return normalize(await hover.innerText({ timeout: 3_000 }).catch(() => ''));
}

/**
 * The language status text once it matches `pattern`, read again (a hover that did not open in time too) until it
 * does or `ms` have passed: then the last text read.
 */
export async function languageStatusWhen(page, pattern, ms) {
  let text = '';
  await until(`the language status to match ${pattern}`, ms, async () => {
    text = await languageStatusText(page);
    return pattern.test(text);
  }).catch(() => {});
  return text;
}

/** Quick open (Ctrl+P) `relativePath`; `onEnter` is called as Enter, which opens it, is pressed. The editor. */
export async function openFile(page, relativePath, { onEnter } = {}) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(relativePath);
  // The file search runs in the extension host, which is busy while extensions start: on a loaded machine, seconds.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relativePath) }).first().waitFor({ timeout: 60_000 });
  onEnter?.();
  await page.keyboard.press('Enter');
  const editor = page.locator(`.editor-instance .monaco-editor[data-uri$="${relativePath}"]`).first();
  await editor.locator('.view-lines').waitFor({ state: 'visible', timeout: 30_000 });
  log('opened', relativePath);
  return editor;
}

/** Ctrl+G line:column — also scrolls the line into view (Monaco renders only the visible lines). */
export async function gotoLine(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`); // the go-to-line mode of the quick input is its `:` prefix
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The box of a squiggle (`selector`: an error squiggle by default) on the rendered line `lineLocator`, or undefined. */
export async function squiggleOn(page, editor, lineLocator, selector = '.squiggly-error') {
  const line = await lineLocator.first().boundingBox().catch(() => null);
  if (!line) return undefined;
  for (const squiggle of await editor.locator(selector).all()) {
    const box = await squiggle.boundingBox().catch(() => null);
    if (box && box.width > 0 && Math.abs(box.y + box.height / 2 - (line.y + line.height / 2)) < line.height / 2) return box;
  }
  return undefined;
}

/** Moves the mouse onto `box` until a hover containing `text` shows; its text. */
export async function hoverOver(page, box, text) {
  const hover = page.locator('.monaco-hover:visible', { hasText: text }).first();
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    await page.mouse.move(box.x + Math.min(60, box.width / 2), box.y + box.height / 2, { steps: 4 });
    if (await hover.waitFor({ timeout: 6_000 }).then(() => true, () => false)) return normalize(await hover.innerText());
    log(`hover not shown (try ${attempt}), retrying`);
  }
  return '';
}

/**
 * Ctrl+. until the quick-fix menu lists `text`. Waits for the light bulb (the editor's own code-action request is
 * done) and lets the editor settle first: a Ctrl+. racing that request can answer "No code actions available".
 */
export async function openQuickFix(page, editor, text) {
  const menu = page.locator('.action-widget', { hasText: text }).first();
  await editor.locator('[class*="codicon-gutter-lightbulb"], [class*="codicon-lightbulb"]').first().waitFor({ state: 'visible', timeout: 15_000 }).catch(() => {});
  await page.waitForTimeout(1000);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.keyboard.press('Control+.');
    if (await menu.waitFor({ state: 'visible', timeout: 8_000 }).then(() => true, () => false)) return menu;
    log(`quick-fix menu with "${text}" not shown (try ${attempt}), retrying`);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
  }
  return undefined;
}

/** Moves the quick-fix menu's focus (arrow keys) to the item containing `text` and runs it (Enter). */
export async function chooseAction(page, menu, text) {
  const rows = menu.locator('.monaco-list-row');
  for (let step = 0; step < 20; step++) {
    const focused = normalize((await menu.locator('.monaco-list-row.focused').first().innerText({ timeout: 2_000 }).catch(() => '')) ?? '');
    if (focused.includes(text)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no item "${text}" in the quick-fix menu: ${JSON.stringify(normalize(await rows.allInnerTexts().then((texts) => texts.join(' | '))))}`);
}

/** Runs a command from the command palette (F1), by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** SIGTERM to the whole process group, SIGKILL to what is left after 5 s. */
export async function stopGroup(pgid) {
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(-pgid, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) process.kill(-pgid, 'SIGKILL');
  log(`code-server process group ${pgid} stopped`);
}

export function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

export function tail(file) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').slice(-5).join(' | ') : '';
}

/** A process's state letter and parent, from /proc. */
function stat(pid) {
  const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state, ppid: Number(ppid) };
}

/** The process that started `pid` (for a language server: the extension host). */
export const parentPid = (pid) => stat(pid).ppid;

/**
 * Live processes that run `module` (an argument equal to it, as `node <module> --stdio` has) and descend from
 * `ancestor`: the unblock server of this code-server, found in /proc.
 */
export function serverPids(module, ancestor) {
  const descends = (pid) => {
    for (let current = pid, depth = 0; current > 1 && depth < 64; depth++) {
      if (current === ancestor) return true;
      current = stat(current).ppid;
    }
    return false;
  };
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(module)) continue;
      const pid = Number(entry);
      if (stat(pid).state !== 'Z' && descends(pid)) pids.push(pid);
    } catch {
      // exited while being read
    }
  }
  return pids;
}

/**
 * A sandboxed code-server's folders under a new temp run folder: its own HOME and XDG folders, user data (with the
 * settings the test needs), extensions, and a copy of `project` (default fixtures/demo-app) whose node_modules is
 * the repository's.
 */
export function sandbox(root, project = path.join(root, 'fixtures', 'demo-app')) {
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'unblock-e2e-'));
  const home = path.join(run, 'home');
  const userData = path.join(run, 'data');
  const extensions = path.join(run, 'extensions');
  const workspace = path.join(run, 'ws', path.basename(project));
  for (const dir of [path.join(home, '.run'), path.join(userData, 'User'), extensions, workspace]) fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(path.join(home, '.run'), 0o700);
  const sandboxEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_RUNTIME_DIR: path.join(home, '.run'),
  };
  // files.autoSave: VS Code for the web saves after a delay by default; the fix must stay in the buffer.
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'files.autoSave': 'off',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'typescript.disableAutomaticTypeAcquisition': true,
        'typescript.surveys.enabled': false,
        'git.enabled': false,
        'editor.hover.delay': 200,
        'workbench.editor.enablePreview': false,
      },
      null,
      2,
    ),
  );
  // The project (the demo app by default), copied; its node_modules is the repository's (@types/node, bcryptjs,
  // eslint).
  fs.cpSync(project, workspace, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|dist|\.git)$/.test(source),
  });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(workspace, 'node_modules'), 'dir');
  return { run, home, userData, extensions, workspace, env: sandboxEnv };
}

/** Exits with status 2, saying what to run, when one of the `[file, hint]` tools is missing. */
export function exitUnlessPresent(tools) {
  for (const [file, hint] of tools) {
    if (fs.existsSync(file)) continue;
    console.error(`${file} is missing: ${hint}`);
    process.exit(2);
  }
}
