#!/usr/bin/env node
/**
 * In a real VS Code (code-server 4.100.3 + the .vsix, headless Chromium), first the first squiggle of a file opened
 * once the window has settled (the machine quiet), beside TypeScript's and the squiggle floor's, with the steps
 * between (first-squiggle.mjs); then steady squiggles while typing: in src/routes/config.ts of the demo app, Enter
 * at the end of the flagged line, then 29 characters at 60 ms a key, then undo. The page samples the squiggle on the flagged line — whose text never changes — on every animation
 * frame, from before the first key until 1.5 s after the undo; one frame without it fails the check.
 *
 *   node tests/e2e/steady-squiggles.e2e.mjs --vsix vscode-client/unblock-vscode-0.1.0.vsix
 *
 * Prints PASS/FAIL lines and `N passed, N failed`; screenshots go to artifacts/e2e/ (steady-*.png).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstSquiggles, packageFloorExtension, writeFirstFile } from './first-squiggle.mjs';
import { elapsed, gotoLine, log, openFile, position, settled, squiggleOn, until } from './helpers.mjs';
import { launchVsCode, vsixFromArguments } from './launch.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const artifacts = path.join(root, 'artifacts', 'e2e');
const file = 'src/routes/config.ts';
/** The flagged line's text, as Monaco renders it (spaces may be no-break spaces). */
const flagged = String.raw`config\s=\sJSON\.parse\(fs\.readFileSync\(CONFIG_PATH`;
const typed = 'const n = config.name.length;'; // 29 keys, after an Enter: 30

/** Each check's outcome, printed as it comes: `[passed, what]`. */
const outcomes = [];
const check = (ok, what, detail) => {
  outcomes.push([ok, what]);
  console.log(`${ok ? 'PASS' : 'FAIL'} ${what}${detail === undefined ? '' : ` — ${detail}`}`);
};

/** Runs in the page: samples, on every animation frame, whether the flagged line of `uri` shows an error squiggle. */
function startSampling({ uriSuffix, linePattern }) {
  const pattern = new RegExp(linePattern);
  const state = { frames: 0, without: 0, lineNotRendered: 0, gaps: [], gapStart: undefined, running: true };
  const sample = () => {
    if (!state.running) return;
    const now = performance.now();
    const editor = [...document.querySelectorAll('.editor-instance .monaco-editor')].find((node) => node.getAttribute('data-uri')?.endsWith(uriSuffix));
    const line = editor && [...editor.querySelectorAll('.view-line')].find((node) => pattern.test(node.textContent.replace(/\u00a0/g, ' ')));
    if (!line) state.lineNotRendered++;
    else {
      const box = line.getBoundingClientRect();
      const middle = box.top + box.height / 2;
      const shown = [...editor.querySelectorAll('.squiggly-error')].some((squiggle) => {
        const rect = squiggle.getBoundingClientRect();
        return rect.width > 0 && Math.abs(rect.top + rect.height / 2 - middle) < box.height / 2;
      });
      state.frames++;
      if (!shown) {
        state.without++;
        state.gapStart ??= now;
      } else if (state.gapStart !== undefined) {
        state.gaps.push(Math.round(now - state.gapStart));
        state.gapStart = undefined;
      }
    }
    requestAnimationFrame(sample);
  };
  globalThis.__unblockSteady = state;
  requestAnimationFrame(sample);
}

function stopSampling() {
  const state = globalThis.__unblockSteady;
  state.running = false;
  if (state.gapStart !== undefined) state.gaps.push(Math.round(performance.now() - state.gapStart));
  return { frames: state.frames, without: state.without, lineNotRendered: state.lineNotRendered, gaps: state.gaps };
}

let vscode;
try {
  fs.mkdirSync(artifacts, { recursive: true });
  vscode = await launchVsCode({
    root,
    vsix: vsixFromArguments(root),
    alsoInstall: [packageFloorExtension(root, fs.mkdtempSync(path.join(os.tmpdir(), 'unblock-floor-')))],
    prepare: (workspace) => writeFirstFile(workspace, fs.readFileSync(path.join(workspace, file), 'utf8')),
  });
  const { page, workspace, userData } = vscode;
  // First, as a user who opens a file once the window has finished starting: the first squiggle, beside TypeScript's.
  const quiet = await settled();
  const label = `a file opened once the window had settled (${quiet.settled ? '' : 'not '}quiet after ${quiet.waitedMs} ms)`;
  const first = await firstSquiggles(page, workspace, userData, { label, withFloor: true });
  check(
    first.unblockMs !== undefined && first.typescriptMs !== undefined && first.floorMs !== undefined,
    "opened once the window had settled: unblock's squiggle, TypeScript's and the floor's are drawn",
    `unblock ${first.unblockMs} ms, TypeScript ${first.typescriptMs} ms, floor ${first.floorMs} ms after opening`,
  );
  const source = fs.readFileSync(path.join(workspace, file), 'utf8');
  const call = position(source, /config = JSON\.parse\((fs\.readFileSync)\(CONFIG_PATH/);
  const editor = await openFile(page, file);
  await gotoLine(page, call.line, call.column);
  const line = editor.locator('.view-line', { hasText: new RegExp(flagged) });
  await until('the squiggle on the flagged line', 90_000, () => squiggleOn(page, editor, line));
  // Let the first analyses and refreshes settle, then type from the end of the flagged line.
  await page.waitForTimeout(2_000);
  await page.keyboard.press('End');

  await page.evaluate(startSampling, { uriSuffix: file, linePattern: flagged });
  const started = Date.now();
  await page.keyboard.press('Enter');
  for (const [index, key] of [...typed].entries()) {
    await page.keyboard.type(key, { delay: 0 });
    await page.waitForTimeout(60);
    if (index === 15) await page.screenshot({ path: path.join(artifacts, 'steady-01-while-typing.png') });
  }
  const typedLine = editor.locator('.view-line', { hasText: /const\sn\s=\sconfig\.name\.length;/ });
  const typedShown = await typedLine.waitFor({ timeout: 5_000 }).then(() => true, () => false);
  await page.waitForTimeout(1_500);
  await page.screenshot({ path: path.join(artifacts, 'steady-02-after-typing.png') });
  // Undo until the typed line is gone (the editor groups typed characters into a few undo stops).
  for (let undo = 0; undo < 10 && (await typedLine.count()) > 0; undo++) {
    await page.keyboard.press('Control+Z');
    await page.waitForTimeout(120);
  }
  const undone = (await typedLine.count()) === 0;
  await page.waitForTimeout(1_500);
  const result = await page.evaluate(stopSampling);
  await page.screenshot({ path: path.join(artifacts, 'steady-03-after-undo.png') });
  log(`sampled ${result.frames} frames in ${Date.now() - started} ms`);

  check(typedShown && undone, `typed "${typed}" under the flagged line (Enter + ${typed.length} keys at 60 ms), then undid it`);
  check(result.frames > 100 && result.lineNotRendered === 0, 'the flagged line was on screen in every frame sampled', `${result.frames} frames, ${result.lineNotRendered} without the line`);
  check(
    result.without === 0,
    'the squiggle on the flagged line never disappeared while typing, after the last key, or on undo',
    result.without === 0 ? `${result.frames} frames` : `missing in ${result.without} of ${result.frames} frames; gaps (ms): ${result.gaps.join(', ')}`,
  );
} catch (error) {
  check(false, 'the test ran to the end', error instanceof Error ? error.message.split('\n')[0] : String(error));
  await vscode?.page.screenshot({ path: path.join(artifacts, 'steady-error.png') }).catch(() => {});
} finally {
  await vscode?.close();
}
const failures = outcomes.filter(([ok]) => !ok).length;
console.log(`${outcomes.length - failures} passed, ${failures} failed (${elapsed()})`);
process.exit(failures === 0 ? 0 : 1);
