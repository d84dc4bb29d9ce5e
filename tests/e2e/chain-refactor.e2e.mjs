#!/usr/bin/env node
/**
 * "Make the chain async" in a real VS Code (code-server 4.100.3 + the .vsix, headless Chromium): in the demo app's
 * src/routes/config.ts, on the indirect finding `loadConfig()` in `getFeatures`, the Refactor menu (Ctrl+Shift+R)
 * lists "Make `loadConfig` async (1 function, 2 call sites in 2 files)"; choosing it (VS Code resolves its edit, which
 * the server type-checks then) rewrites both files in one edit.
 * Checks every file it touched against the expected text (on disk, once saved), that no other file changed, that the
 * project type-checks with `tsc`, and that the indirect squiggle clears.
 *
 *   node tests/e2e/chain-refactor.e2e.mjs --vsix vscode-client/unblock-vscode-0.1.0.vsix
 *
 * Prints PASS/FAIL lines and `N passed, N failed`; screenshots go to artifacts/e2e/ (chain-*.png).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseAction, elapsed, gotoLine, listFiles, log, normalize, openFile, position, runCommand, squiggleOn, until } from './helpers.mjs';
import { launchVsCode, vsixFromArguments } from './launch.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const artifacts = path.join(root, 'artifacts', 'e2e');
const title = 'Make `loadConfig` async (1 function, 2 call sites in 2 files)';

/** Each check's outcome, printed as it comes: `[passed, what]`. */
const outcomes = [];
const check = (ok, what, detail) => {
  outcomes.push([ok, what]);
  console.log(`${ok ? 'PASS' : 'FAIL'} ${what}${detail === undefined ? '' : ` — ${detail}`}`);
  return ok;
};

/** The text of `file` after the rewrite: each `[before, after]` replaced once, and each must be there. */
function rewritten(text, replacements) {
  return replacements.reduce((result, [before, after]) => {
    if (!result.includes(before)) throw new Error(`expected text not in the original: ${before}`);
    return result.replace(before, after);
  }, text);
}

/** An unblock squiggle (error or warning) on the rendered line `lineLocator`. */
const anySquiggleOn = (editor, lineLocator) => squiggleOn(vscode.page, editor, lineLocator, '.squiggly-error, .squiggly-warning');

let vscode;
try {
  fs.mkdirSync(artifacts, { recursive: true });
  vscode = await launchVsCode({ root, vsix: vsixFromArguments(root) });
  const { page, workspace } = vscode;
  const shot = (name) => page.screenshot({ path: path.join(artifacts, `chain-${name}`) }).catch(() => {});
  const src = path.join(workspace, 'src');
  const originals = new Map(listFiles(src).map((file) => [file, fs.readFileSync(file, 'utf8')]));
  const configFile = path.join(src, 'routes', 'config.ts');
  const serverFile = path.join(src, 'server.ts');
  const expected = new Map([
    [
      configFile,
      rewritten(originals.get(configFile), [
        ['export function loadConfig(): AppConfig {', 'export async function loadConfig(): Promise<AppConfig> {'],
        ["return JSON.parse(fs.readFileSync(CONFIG_PATH, 'utf8')) as AppConfig;\n}", "return JSON.parse(await fs.promises.readFile(CONFIG_PATH, 'utf8')) as AppConfig;\n}"],
        ['sendJson(res, 200, loadConfig().features);', 'sendJson(res, 200, (await loadConfig()).features);'],
      ]),
    ],
    [serverFile, rewritten(originals.get(serverFile), [['const config = loadConfig();', 'const config = await loadConfig();']])],
  ]);
  const before = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', workspace, '--noEmit'], { encoding: 'utf8' });
  check(before.status === 0, 'the demo app type-checks before the refactor', (before.stdout + before.stderr).trim().split('\n')[0]);

  // The indirect finding: `loadConfig()` in getFeatures.
  const call = position(originals.get(configFile), /sendJson\(res, 200, (loadConfig)\(\)\.features\)/);
  const editor = await openFile(page, 'src/routes/config.ts');
  await gotoLine(page, call.line, call.column);
  const callLine = editor.locator('.view-line', { hasText: /sendJson\(res,\s200,\sloadConfig\(\)\.features\)/ });
  await until('the squiggle on loadConfig() in getFeatures', 90_000, () => anySquiggleOn(editor, callLine));
  check(true, 'the indirect finding `loadConfig()` is squiggled', `at ${elapsed()}`);
  await gotoLine(page, call.line, call.column + 2);
  await page.waitForTimeout(1000);

  // The Refactor menu (Ctrl+Shift+R) lists the rewrite with its counts.
  const menu = page.locator('.action-widget', { hasText: 'async (' }).first();
  let shown = false;
  for (let attempt = 1; attempt <= 4 && !shown; attempt++) {
    await page.keyboard.press('Control+Shift+R');
    shown = await menu.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
    if (!shown) {
      log(`refactor menu not shown (try ${attempt}), retrying`);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
  }
  const menuText = shown ? normalize(await menu.innerText()) : '';
  await shot('01-refactor-menu.png');
  if (!check(menuText.includes(title), `Ctrl+Shift+R lists "${title}"`, JSON.stringify(menuText))) throw new Error('no refactor menu');

  // Apply it: one edit across both files; VS Code saves the files a refactoring touched (files.refactoring.autoSave).
  const started = Date.now();
  await chooseAction(page, menu, title);
  const fixedLine = editor.locator('.view-line', { hasText: /sendJson\(res,\s200,\s\(await\sloadConfig\(\)\)\.features\)/ });
  await fixedLine.waitFor({ timeout: 20_000 });
  check(true, 'the call in the open editor becomes `(await loadConfig()).features`', `${Date.now() - started} ms after choosing it`);
  const onDisk = () => [...expected].every(([file, text]) => fs.readFileSync(file, 'utf8') === text);
  let saved = await until('the touched files on disk', 15_000, onDisk).catch(() => false);
  if (!saved) {
    log('touched files not saved by the refactoring: saving them');
    await runCommand(page, 'File: Save All');
    saved = await until('the touched files on disk after Save All', 15_000, onDisk).catch(() => false);
  }
  await shot('02-applied.png');
  for (const [file, text] of expected) {
    const actual = fs.readFileSync(file, 'utf8');
    const firstDifference = [...actual.split('\n')].findIndex((line, index) => line !== text.split('\n')[index]);
    check(actual === text, `${path.relative(workspace, file)} is rewritten as expected`, actual === text ? undefined : `line ${firstDifference + 1}: ${JSON.stringify(actual.split('\n')[firstDifference])}`);
  }
  const others = [...originals].filter(([file]) => !expected.has(file));
  const changed = others.filter(([file, text]) => fs.readFileSync(file, 'utf8') !== text).map(([file]) => path.relative(workspace, file));
  check(changed.length === 0, `no other file changed (${others.length} files)`, changed.join(', ') || undefined);

  const after = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', workspace, '--noEmit'], { encoding: 'utf8' });
  check(after.status === 0, 'the demo app type-checks after the refactor (tsc)', (after.stdout + after.stderr).trim().split('\n').slice(0, 3).join(' | ') || undefined);

  await until('the squiggle on the rewritten call to clear', 60_000, async () => (await anySquiggleOn(editor, fixedLine)) === undefined).then(
    () => check(true, 'the indirect squiggle clears'),
    (error) => check(false, 'the indirect squiggle clears', error.message),
  );
  await shot('03-after.png');
} catch (error) {
  check(false, 'the test ran to the end', error instanceof Error ? error.message.split('\n')[0] : String(error));
  await vscode?.page.screenshot({ path: path.join(artifacts, 'chain-error.png') }).catch(() => {});
} finally {
  await vscode?.close();
}
const failures = outcomes.filter(([ok]) => !ok).length;
console.log(`${outcomes.length - failures} passed, ${failures} failed (${elapsed()})`);
process.exit(failures === 0 ? 0 : 1);
