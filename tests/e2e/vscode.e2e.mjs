#!/usr/bin/env node
/**
 * unblock-vscode in a real VS Code: code-server (VS Code 1.100 served to a browser) with the packaged .vsix installed,
 * driven through Debian's headless Chromium by playwright-core. Opens a copy of fixtures/demo-app; prints when the
 * first file's first unblock squiggle and TypeScript's appear, and the steps between (first-squiggle.mjs); checks,
 * from the page: the squiggle on the blocking call, the Problems entry (code and docs link), the hover, the quick fixes
 * (async API; worker thread for a CPU-bound call), applying "Use the async API" (also in a double-quoted file with an
 * fs-extra import: quote-style.mjs), the language status item (while types load, then with types), a server killed
 * mid-session (the client restarts it, diagnostics return), and the extension's logs. Waits on UI state with deadlines;
 * the only fixed waits are the short settles before Ctrl+. (retried when the menu races the editor's own code-action
 * request).
 *
 *   node tests/e2e/vscode.e2e.mjs --vsix vscode-client/unblock-vscode-0.1.0.vsix
 * Needs what tests/e2e/install-vscode.sh installs (under $E2E_HOME, default ~/.cache/unblock-e2e). Prints one PASS/FAIL
 * line per check and `N passed, N failed`; screenshots go to artifacts/e2e/. Env: KEEP_RUN=1 keeps the temporary run
 * folder; E2E_SCREENSHOT_TO=<png> copies the quick-fix screenshot there on success.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chooseAction,
  elapsed,
  exitUnlessPresent,
  freePort,
  gotoLine,
  hoverOver,
  languageStatusWhen,
  listFiles,
  log,
  normalize,
  openFile,
  openQuickFix,
  parentPid,
  position,
  runCommand,
  sandbox,
  serverPids,
  squiggleOn,
  stopGroup,
  tail,
  until,
} from './helpers.mjs';
import { firstSquiggles, packageFloorExtension, writeFirstFile } from './first-squiggle.mjs';
import { vsixFromArguments } from './launch.mjs';
import { fixDoubleQuotedFile, writeDoubleQuotedFile } from './quote-style.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const e2eHome = process.env.E2E_HOME ?? path.join(os.homedir(), '.cache', 'unblock-e2e');
const csVersion = process.env.CS_VERSION ?? '4.100.3';
const codeServer = path.join(e2eHome, `code-server-${csVersion}`, 'node_modules', '.bin', 'code-server');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const artifacts = path.join(root, 'artifacts', 'e2e');
const vsix = vsixFromArguments(root);

let passed = 0;
let failed = 0;
function check(ok, what, detail) {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${what}${detail === undefined ? '' : ` — ${detail}`}`);
  if (ok) passed++;
  else failed++;
  return ok;
}
exitUnlessPresent([
  [codeServer, 'run tests/e2e/install-vscode.sh'],
  [chromiumPath, 'run tests/e2e/install-vscode.sh'],
  [vsix, 'run `npm run package`'],
]);
const { chromium } = createRequire(path.join(e2eHome, 'tools', 'package.json'))('playwright-core');

// A sandboxed code-server (its own HOME/XDG folders, user data, extensions) with a copy of fixtures/demo-app.
const { run, userData, extensions, workspace, env: sandboxEnv } = sandbox(root);
const configSource = fs.readFileSync(path.join(workspace, 'src', 'routes', 'config.ts'), 'utf8');
const authSource = fs.readFileSync(path.join(workspace, 'src', 'routes', 'auth.ts'), 'utf8');
writeFirstFile(workspace, configSource); // before the workbench indexes the folder
writeDoubleQuotedFile(workspace);
const csArgs = ['--config', path.join(run, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];

let codeServerProcess;
let browser;
const failures = [];
try {
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });

  // -------------------------------------------------------------------------------------------------------------
  // Install the .vsix as a user would.
  // -------------------------------------------------------------------------------------------------------------
  let t = Date.now();
  const install = spawnSync(codeServer, [...csArgs, '--install-extension', vsix], { env: sandboxEnv, encoding: 'utf8', timeout: 120_000 });
  const installOutput = `${install.stdout}${install.stderr}`;
  const installed = fs.readdirSync(extensions).find((name) => name.startsWith('unblock-dev.unblock-vscode-'));
  check(
    install.status === 0 && /successfully installed/.test(installOutput) && installed !== undefined,
    `code-server --install-extension ${path.basename(vsix)}`,
    `${installed ?? installOutput.trim().split('\n').pop()} in ${Date.now() - t} ms`,
  );
  // The squiggle floor (a test extension): what the editor takes to draw any extension's squiggle on the first file.
  const floor = spawnSync(codeServer, [...csArgs, '--install-extension', packageFloorExtension(root, run)], { env: sandboxEnv, encoding: 'utf8', timeout: 120_000 });
  if (floor.status !== 0) log(`the squiggle-floor extension did not install: ${floor.stdout}${floor.stderr}`);

  // -------------------------------------------------------------------------------------------------------------
  // Start code-server in its own process group (detached: setsid), so one kill stops it and all it forked.
  // -------------------------------------------------------------------------------------------------------------
  t = Date.now();
  const port = await freePort();
  const serverLog = fs.openSync(path.join(run, 'code-server.log'), 'w');
  codeServerProcess = spawn(
    codeServer,
    [
      ...csArgs,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      workspace,
    ],
    { env: sandboxEnv, detached: true, stdio: ['ignore', serverLog, serverLog] },
  );
  await until('code-server answers /healthz', 60_000, async () => {
    if (codeServerProcess.exitCode !== null) throw new Error(`code-server exited (${codeServerProcess.exitCode}): ${tail(path.join(run, 'code-server.log'))}`);
    const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    return response?.ok === true;
  });
  log(`code-server ${csVersion} (pgid ${codeServerProcess.pid}) up on port ${port} in ${Date.now() - t} ms`);

  // -------------------------------------------------------------------------------------------------------------
  // The browser.
  // -------------------------------------------------------------------------------------------------------------
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    env: sandboxEnv,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const shot = async (name) => {
    const file = path.join(artifacts, name);
    await page.screenshot({ path: file });
    log('screenshot', path.relative(root, file));
    return file;
  };

  t = Date.now();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  log(`workbench ready in ${Date.now() - t} ms`);
  const first = await firstSquiggles(page, workspace, userData, { withFloor: true, withStatus: true }); // prints the times and the steps between
  // The language status while types load, then once they are in (issue: marked as preliminary in the status item).
  const { whileLoading, typed } = first.status;
  const typesIn = first.steps.find(([what]) => what.startsWith('unblock server: first typed answer'))?.[1];
  if (!/unblock: loading types…/.test(whileLoading.text) && typesIn !== undefined && typesIn < whileLoading.ms) {
    console.log(`SKIP language status while types load — the types were in ${Math.round(typesIn)} ms after opening, before the status was read (${whileLoading.ms} ms)`);
  } else {
    check(
      /unblock: loading types…/.test(whileLoading.text) && /1 blocking call found without types so far; quick fixes once types are in/.test(whileLoading.text),
      'language status with the first squiggle: "unblock: loading types…", 1 blocking call found without types so far',
      `${JSON.stringify(whileLoading.text)}, read ${whileLoading.ms} ms after opening`,
    );
  }
  check(
    /unblock: \d+ blocking calls?/.test(typed.text) && !/loading types/.test(typed.text),
    'language status once types are in: the typed findings, no longer loading',
    `${JSON.stringify(typed.text)}, read ${typed.ms} ms after opening`,
  );
  // -------------------------------------------------------------------------------------------------------------
  // config.ts: the squiggle on `fs.readFileSync(CONFIG_PATH, 'utf8')` inside `async function getConfig`.
  // -------------------------------------------------------------------------------------------------------------
  const configMessage = '`fs.readFileSync` blocks the event loop inside async function `getConfig`; use `fs.promises.readFile`.';
  const configCall = position(configSource, /config = JSON\.parse\((fs\.readFileSync)\(CONFIG_PATH/);
  const config = await openFile(page, 'src/routes/config.ts');
  t = Date.now();
  await gotoLine(page, configCall.line, configCall.column);
  const configLine = config.locator('.view-line', { hasText: /config\s=\sJSON\.parse\(fs\.readFileSync\(CONFIG_PATH/ });
  const squiggle = await until('the error squiggle on the blocking call', 90_000, () => squiggleOn(page, config, configLine));
  check(true, `squiggle (.squiggly-error) on line ${configCall.line} of src/routes/config.ts, under \`fs.readFileSync(…)\``, `${Date.now() - t} ms after opening`);
  await shot('01-squiggle.png');

  // The hover over the squiggle: the rule's message.
  const hoverText = await hoverOver(page, squiggle, 'blocks the event loop');
  check(hoverText.includes(configMessage), 'hover shows the message', JSON.stringify(hoverText.slice(0, 200)));
  check(/unblock\s*\(?no-blocking-call\)?/.test(hoverText), 'hover names the source and code: unblock(no-blocking-call)');
  await shot('02-hover.png');
  await page.mouse.move(10, 880);
  await page.keyboard.press('Escape');

  // The Problems panel: message, source and code, the code linked to the rule's page.
  await page.keyboard.press('Control+Shift+M');
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'inside async function `getConfig`' }).first();
  await problem.waitFor({ timeout: 20_000 });
  const problemText = normalize(await problem.innerText());
  check(problemText.includes(configMessage) && problemText.includes('no-blocking-call'), 'Problems panel lists the diagnostic with code no-blocking-call', JSON.stringify(problemText));
  const links = await problem.locator('a').evaluateAll((anchors) => anchors.map((a) => `${a.textContent} ${a.getAttribute('href') ?? ''} ${a.getAttribute('title') ?? ''}`));
  check(
    links.some((link) => link.includes('no-blocking-call') && link.includes('rules-docs/no-blocking-call.md')),
    'the code is a link to the rule documentation',
    JSON.stringify(links),
  );
  await shot('03-problems.png');

  // Ctrl+. on the call: "Use the async API" (and no worker-thread fix: fs.readFileSync is I/O, not CPU).
  await page.keyboard.press('Control+1'); // back to the editor, the Problems panel stays open
  await gotoLine(page, configCall.line, configCall.column + 3);
  const asyncMenu = await openQuickFix(page, config, 'Use the async API');
  const asyncMenuText = asyncMenu ? normalize(await asyncMenu.innerText()) : '';
  check(asyncMenu !== undefined, 'Ctrl+. lists "Use the async API"', JSON.stringify(asyncMenuText));
  check(asyncMenu !== undefined && !/worker thread/i.test(asyncMenuText), 'no worker-thread fix for fs.readFileSync (I/O, not CPU-bound)');
  await shot('04-quickfix-async-api.png');
  // For the README: the editor and the Problems panel, without the explorer.
  const editorArea = await page.locator('.part.editor').boundingBox();
  const quickFixShot = path.join(artifacts, 'readme-screenshot.png');
  if (editorArea) await page.screenshot({ path: quickFixShot, clip: { x: editorArea.x, y: 0, width: editorArea.width, height: 880 } });
  if (!asyncMenu) throw new Error('no quick-fix menu');

  // Apply it: the line becomes `await fs.promises.readFile(…)` and the diagnostic goes away.
  t = Date.now();
  await chooseAction(page, asyncMenu, 'Use the async API');
  const fixedLine = config.locator('.view-line', { hasText: /config\s=\sJSON\.parse\(await\sfs\.promises\.readFile\(/ });
  await fixedLine.waitFor({ timeout: 15_000 });
  const fixedText = normalize(await fixedLine.innerText());
  check(
    fixedText.includes("const config = JSON.parse(await fs.promises.readFile(CONFIG_PATH, 'utf8')) as AppConfig;"),
    'applying "Use the async API" rewrites the line',
    JSON.stringify(fixedText),
  );
  await problem.waitFor({ state: 'detached', timeout: 30_000 });
  await until('the squiggle on the fixed line to clear', 30_000, async () => (await squiggleOn(page, config, fixedLine)) === undefined);
  check(true, 'the diagnostic clears (Problems entry and squiggle gone)', `${Date.now() - t} ms after applying`);
  check(fs.readFileSync(path.join(workspace, 'src', 'routes', 'config.ts'), 'utf8') === configSource, 'the fix stays in the editor buffer (autoSave off)');
  await shot('05-fixed.png');
  await fixDoubleQuotedFile(page, { check, shot }); // double quotes and fs-extra: 09-double-quotes-fixed.png

  // -------------------------------------------------------------------------------------------------------------
  // auth.ts: `crypto.pbkdf2Sync` is CPU-bound: the worker-thread fix is offered.
  // -------------------------------------------------------------------------------------------------------------
  const pbkdf2 = position(authSource, /crypto\.(pbkdf2Sync)\(secret/);
  const auth = await openFile(page, 'src/routes/auth.ts');
  await gotoLine(page, pbkdf2.line, pbkdf2.column);
  const pbkdf2Line = auth.locator('.view-line', { hasText: /crypto\.pbkdf2Sync\(secret/ });
  await until('the squiggle on crypto.pbkdf2Sync', 60_000, () => squiggleOn(page, auth, pbkdf2Line));
  await gotoLine(page, pbkdf2.line, pbkdf2.column + 3);
  const workerMenu = await openQuickFix(page, auth, 'worker thread');
  const workerMenuText = workerMenu ? normalize(await workerMenu.innerText()) : '';
  check(/Run .*pbkdf2Sync.* in a worker thread/.test(workerMenuText), 'Ctrl+. on crypto.pbkdf2Sync lists "Run … in a worker thread"', JSON.stringify(workerMenuText));
  await shot('06-quickfix-worker-thread.png');
  if (!workerMenu) throw new Error('no quick-fix menu');

  // "Show documentation for …": the server's `unblock.showDocumentation` command, run by the extension (which
  // registers it itself) — it opens the rule's page in a new browser tab. No internet: the page is stubbed.
  await page.context().route('https://github.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<h1>no-blocking-call</h1>' }));
  const popup = page.context().waitForEvent('page', { timeout: 20_000 }).catch(() => undefined);
  await chooseAction(page, workerMenu, 'Show documentation for');
  // VS Code asks before it opens a site that is not a trusted domain.
  const openButton = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ }).first();
  if (await openButton.waitFor({ timeout: 5_000 }).then(() => true, () => false)) await openButton.click();
  const docsPage = await popup;
  await docsPage?.waitForURL(/rules-docs\/no-blocking-call\.md/, { timeout: 10_000 }).catch(() => {});
  check(docsPage?.url() === 'https://github.com/unblock-dev/unblock/blob/main/rules-docs/no-blocking-call.md', '"Show documentation" opens the rule page', docsPage?.url());
  await docsPage?.close();
  await page.bringToFront();

  // Unblock: Show Documentation from the command palette (no argument): the page the protocol names by default.
  const palettePopup = page.context().waitForEvent('page', { timeout: 20_000 }).catch(() => undefined);
  await runCommand(page, 'Unblock: Show Documentation');
  if (await openButton.waitFor({ timeout: 5_000 }).then(() => true, () => false)) await openButton.click();
  const paletteDocs = await palettePopup;
  await paletteDocs?.waitForURL(/rules-docs\/no-blocking-call\.md/, { timeout: 10_000 }).catch(() => {});
  check(
    paletteDocs?.url() === 'https://github.com/unblock-dev/unblock/blob/main/rules-docs/no-blocking-call.md',
    'Unblock: Show Documentation (command palette) opens the rule page',
    paletteDocs?.url(),
  );
  await paletteDocs?.close();
  await page.bringToFront();

  // Unblock: Restart Server — a new server starts and reports again.
  t = Date.now();
  const outputLog = () => listFiles(path.join(userData, 'logs')).filter((file) => /Unblock\.log$/.test(file)).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  const starts = () => outputLog().match(/unblock-language-server 0\.1\.0 \(TypeScript/g)?.length ?? 0;
  const startsBefore = starts();
  await runCommand(page, 'Unblock: Restart Server');
  const restarted = await until('a second server start in the Unblock output', 30_000, () => starts() > startsBefore).catch(() => false);
  const reanalysed = restarted && (await until('the squiggle after the restart', 30_000, () => squiggleOn(page, auth, pbkdf2Line)).catch(() => undefined));
  check(Boolean(restarted && reanalysed) && /restarting the language server: restart requested/.test(outputLog()), 'Unblock: Restart Server starts a new server, which reports again', `${Date.now() - t} ms`);

  // The language status item ({} in the status bar): findings and time of the last analysis of auth.ts.
  const statusText = await languageStatusWhen(page, /^(?=.*unblock: \d+ blocking calls?)(?=.*last analysis \d+ ms)/, 20_000);
  check(/unblock: 4 blocking calls/.test(statusText) && /last analysis \d+ ms/.test(statusText), 'language status: 4 blocking calls in auth.ts, last analysis time', JSON.stringify(statusText));
  await shot('07-language-status.png');

  // -------------------------------------------------------------------------------------------------------------
  // Fault: the server is killed (SIGKILL) mid-session. The extension's error handler starts a new one (up to 4
  // restarts in 3 minutes: vscode-client/src/crashes.ts), and diagnostics come back from it.
  // -------------------------------------------------------------------------------------------------------------
  t = Date.now();
  // The bundled server as the extension starts it; only descendants of this code-server count, so nothing else
  // on the machine (another code-server, the smoke test's server) can be hit.
  const serverModule = path.join(extensions, installed, 'dist', 'server.js');
  const serversNow = () => serverPids(serverModule, codeServerProcess.pid);
  const [killedPid, ...extraPids] = serversNow();
  check(killedPid !== undefined && extraPids.length === 0, 'one unblock server process runs under code-server', `pids ${[killedPid, ...extraPids].join(', ')}`);
  if (killedPid === undefined) throw new Error(`no process runs ${serverModule}`);
  // The extension starts the server in the environment that keeps its memory flat (language-server/src/memory.ts).
  const { serverEnvironment } = createRequire(import.meta.url)('unblock-language-server/protocol');
  const serverEnv = new Map(fs.readFileSync(`/proc/${killedPid}/environ`, 'utf8').split('\0').map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
  const expectedEnv = Object.entries(serverEnvironment);
  check(
    expectedEnv.length > 0 && expectedEnv.every(([name, value]) => serverEnv.get(name) === value),
    `the server process runs in the extension's environment (${expectedEnv.map(([name, value]) => `${name}=${value}`).join(' ')})`,
    expectedEnv.map(([name]) => `${name}=${serverEnv.get(name) ?? '(unset)'}`).join(' '),
  );
  // The server dies while the extension host is busy (frozen here with SIGSTOP) and the user types on: the host wakes
  // to a queue of edits for the server while it dies, and writes fail (EPIPE) before it reads that the server's
  // output closed. A client that takes those failures for a broken connection shuts down and never starts a new
  // server. Whether a write lands in that window is a race: up to 3 crashes (of the 4 the budget allows) until one
  // did; each must bring a new server.
  const extensionHost = parentPid(killedPid);
  const failedWrites = () => outputLog().match(/A message to the server was not delivered|connection to server is erroring/g)?.length ?? 0;
  const restartMessages = () => outputLog().match(/Connection to server got closed\. Server will restart\./g)?.length ?? 0;
  const servers = [killedPid];
  let crashes = 0;
  await gotoLine(page, pbkdf2.line, pbkdf2.column);
  await page.keyboard.press('End');
  while (crashes < 3 && (crashes === 0 || failedWrites() === 0) && servers.length === crashes + 1) {
    const dying = servers[crashes];
    const [startsBeforeCrash, restartsBefore] = [starts(), restartMessages()];
    crashes++;
    process.kill(extensionHost, 'SIGSTOP');
    try {
      await page.keyboard.type(' // typed while the server dies, and on, and on, and on', { delay: 10 });
      await new Promise((resolve) => setTimeout(resolve, 500)); // the edits reach the host's socket first
      process.kill(dying, 'SIGKILL');
    } finally {
      process.kill(extensionHost, 'SIGCONT');
    }
    const newPid = await until('a new server process', 30_000, () => {
      const pids = serversNow();
      return !pids.includes(dying) && pids.length === 1 ? pids[0] : undefined;
    }).catch(() => undefined);
    // vscode-languageclient's words for a restart after a close, not the extension's words for one the user asked.
    const restarted = await until('a server start in the Unblock output after the crash', 30_000, () => starts() > startsBeforeCrash)
      .then(() => until('the restart message', 10_000, () => restartMessages() > restartsBefore))
      .catch(() => false);
    if (newPid !== undefined && restarted) servers.push(newPid);
  }
  check(
    servers.length === crashes + 1,
    'server killed (SIGKILL) as edits come in: the client starts a new server process ("Server will restart.")',
    `pids ${servers.join(' → ')}${servers.length === crashes + 1 ? '' : ' → none'} in ${Date.now() - t} ms; ${failedWrites()} writes to a dying server failed`,
  );

  // Diagnostics come back: the open file's squiggle, then edits answered by the new server (the call commented
  // out clears it, uncommented it returns, with its Problems entry). The typed comment goes first.
  await runCommand(page, 'File: Revert File');
  await gotoLine(page, pbkdf2.line, pbkdf2.column);
  const back = await until('the squiggle on crypto.pbkdf2Sync after the crash', 30_000, () => squiggleOn(page, auth, pbkdf2Line)).catch(() => undefined);
  check(back !== undefined, 'after the crash the open file gets its diagnostics again', `${Date.now() - t} ms after the kill`);
  const pbkdf2Problem = page.locator('.markers-panel .monaco-list-row', { hasText: '`crypto.pbkdf2Sync` blocks the event loop' }).first();
  await page.keyboard.press('Control+/');
  const commentedLine = auth.locator('.view-line', { hasText: /\/\/\s*const\skey\s=\scrypto\.pbkdf2Sync\(secret/ });
  await commentedLine.waitFor({ timeout: 10_000 });
  const cleared = await until('the squiggle on the commented-out call to clear', 30_000, async () => (await squiggleOn(page, auth, commentedLine)) === undefined)
    .then(() => pbkdf2Problem.waitFor({ state: 'detached', timeout: 30_000 }))
    .then(() => true, () => false);
  await page.keyboard.press('Control+/');
  const uncommented = auth.locator('.view-line', { hasText: /^\s*const\skey\s=\scrypto\.pbkdf2Sync\(secret/ });
  await uncommented.waitFor({ timeout: 10_000 });
  const returned = await until('the squiggle on the restored call', 30_000, () => squiggleOn(page, auth, uncommented))
    .then(() => pbkdf2Problem.waitFor({ timeout: 30_000 }))
    .then(() => true, () => false);
  check(cleared && returned, 'the new server answers edits: commenting the call out clears its squiggle and Problems entry, restoring it brings them back', `${Date.now() - t} ms after the kill`);
  await shot('08-after-server-crash.png');

  // -------------------------------------------------------------------------------------------------------------
  // The extension's side: the Unblock output and the extension host log.
  // -------------------------------------------------------------------------------------------------------------
  const logs = listFiles(path.join(userData, 'logs'));
  const output = logs.filter((file) => /Unblock\.log$/.test(file)).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  check(
    /unblock-language-server 0\.1\.0 \(TypeScript [\d.]+\): pull diagnostics, trusted workspace/.test(output),
    'Unblock output: the bundled server started (pull diagnostics, trusted workspace)',
    output.split('\n').find((line) => line.includes('unblock-language-server'))?.trim(),
  );
  const hostLog = logs.filter((file) => /exthost\d*\.log$|remoteexthost\.log$/.test(file)).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  // vscode-languageclient logs every server exit as an error. Two are expected, once each: the clean exit of the
  // server stopped by "Unblock: Restart Server" and the SIGKILL of the fault case. So are the writes to the killed
  // server (the edits typed as it died) that failed: an error whose text names EPIPE or the destroyed stream. Any
  // other one is a problem. The fault case kills as many servers as it took crashes.
  const expectedErrors = { 'Server process exited with code 0.': 1, 'Server process exited with signal SIGKILL.': crashes };
  const failedWrite = /write EPIPE|Cannot call write after a stream was destroyed/;
  const clientErrors = [...output.matchAll(/^\[Error - [^\]]*\] (.*)\n((?:(?!\[).*\n?)*)/gm)]
    .filter((match) => !failedWrite.test(match[0]))
    .map((match) => match[1].trim());
  const problems = [
    ...[...`${hostLog}\n${output}`.matchAll(/^.*(already exists|\[error\].*unblock|unblock.*failed).*$/gim)].map((match) => match[0].trim()),
    ...clientErrors.filter((line) => !Object.hasOwn(expectedErrors, line)),
    ...Object.entries(expectedErrors)
      .filter(([line, times]) => clientErrors.filter((error) => error === line).length !== times)
      .map(([line, times]) => `not logged ${times} times: ${line}`),
  ];
  // A JavaScript / TypeScript project (the demo app has a package.json) starts unblock with the workbench: its server
  // loads before a file is opened.
  const activation = /_doActivateExtension unblock-dev\.unblock-vscode, startup: true, activationEvent: '([^']+)'/.exec(hostLog)?.[1];
  check(
    problems.length === 0 && activation?.startsWith('workspaceContains:') === true,
    'extension host log: activated at start-up by the workspace (workspaceContains), no command registered twice, no errors but the expected server exits and failed writes to a killed server',
    problems.slice(0, 3).join(' | ') || activation,
  );

  if (failed === 0 && process.env.E2E_SCREENSHOT_TO) {
    fs.copyFileSync(quickFixShot, process.env.E2E_SCREENSHOT_TO);
    log('copied', path.relative(root, quickFixShot), '→', path.relative(root, process.env.E2E_SCREENSHOT_TO));
  }
} catch (error) {
  failures.push(error);
  check(false, `the test ran to the end`, error instanceof Error ? error.message.split('\n')[0] : String(error));
  if (browser) {
    const pages = browser.contexts().flatMap((context) => context.pages());
    await pages[0]?.screenshot({ path: path.join(artifacts, 'error.png') }).catch(() => {});
  }
} finally {
  await browser?.close().catch(() => {});
  if (codeServerProcess) await stopGroup(codeServerProcess.pid);
  if (failed > 0) {
    // Keep what explains a failure next to the screenshots.
    const keep = path.join(artifacts, 'logs');
    fs.mkdirSync(keep, { recursive: true });
    for (const file of [path.join(run, 'code-server.log'), ...listFiles(path.join(userData, 'logs'))]) {
      if (fs.existsSync(file)) fs.copyFileSync(file, path.join(keep, path.relative(run, file).replace(/[\\/]/g, '__')));
    }
    log('logs kept in', path.relative(root, keep));
  }
  if (process.env.KEEP_RUN) log('run folder kept:', run);
  else fs.rmSync(run, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed (${elapsed()})`);
process.exit(failed === 0 ? 0 : 1);
