#!/usr/bin/env node
/**
 * The first squiggle in a real VS Code (code-server 4.100.3 + the .vsix, headless Chromium) on any project, for the
 * measurements `npm run bench:lsp` makes without an editor: a fresh code-server opens a copy of the project, and one
 * file — a copy of `--file` with an async function that blocks and a type error added (first-squiggle.mjs) — is
 * opened either at once (`--when cold`: as soon as the explorer shows) or once the window has settled (`--when
 * settled`, the default: the machine quiet, as when a user opens a file after the window has finished starting).
 * Prints when unblock's squiggle and TypeScript's are drawn, and the floor's: a test extension (floor-extension/) that
 * sets an error on one line the moment the file opens, the least time any extension's squiggle takes in this editor;
 * and the steps between (activations, the server's steps). With --next, TypeScript's squiggle in that file is not
 * waited for, and the same is measured on the next file, opened right after (a second marked copy): the editor's
 * first TypeScript file costs its main thread seconds of syntax highlighting, which no squiggle can come before; the
 * next one does not, and the types are still loading.
 *
 *   node tests/e2e/first-squiggle.e2e.mjs --project ../typeorm --file src/index.ts [--when cold] [--next] [--vsix <file>]
 *
 * Without --project: the demo app (its src/routes/config.ts with a type error). The project's node_modules is not
 * copied: the repository's stands in for it (@types/node). One check: the three squiggles are drawn (no timed
 * assertion).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoFirstFile, firstSquiggles, packageFloorExtension, writeMarkedCopy, writeFirstFile } from './first-squiggle.mjs';
import { elapsed, settled } from './helpers.mjs';
import { launchVsCode, vsixFromArguments } from './launch.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const project = argument('--project') && path.resolve(argument('--project'));
const when = argument('--when') ?? 'settled';
const next = process.argv.includes('--next');
if (!['cold', 'settled'].includes(when) || (project && !argument('--file'))) {
  console.error('usage: first-squiggle.e2e.mjs [--project <folder> --file <file in it>] [--when cold|settled] [--next] [--vsix <file>]');
  process.exit(2);
}

let vscode;
let ok = false;
try {
  let file = demoFirstFile;
  let second;
  const floorVsix = packageFloorExtension(root, fs.mkdtempSync(path.join(os.tmpdir(), 'unblock-floor-')));
  vscode = await launchVsCode({
    root,
    vsix: vsixFromArguments(root),
    alsoInstall: [floorVsix],
    project,
    prepare: (workspace) => {
      if (project) file = writeMarkedCopy(workspace, argument('--file'));
      else writeFirstFile(workspace, fs.readFileSync(path.join(workspace, 'src', 'routes', 'config.ts'), 'utf8'));
      second = writeMarkedCopy(workspace, project ? argument('--file') : 'src/routes/config.ts', 'unblock-second-open.ts');
    },
  });
  const { page, workspace, userData } = vscode;
  let label = 'a file opened as soon as the explorer showed';
  if (when === 'settled') {
    const quiet = await settled();
    label = `a file opened once the window had settled (${quiet.settled ? '' : 'not '}quiet after ${quiet.waitedMs} ms)`;
  }
  if (next) {
    // The first file without waiting for TypeScript's squiggle, then the next at once: the editor has highlighted a
    // TypeScript file before (its first costs its main thread seconds), and the types are still loading.
    const first = await firstSquiggles(page, workspace, userData, { label, file, withFloor: true, withTypeScript: false });
    const then = await firstSquiggles(page, workspace, undefined, { label: 'the next file, opened right after', file: second, withFloor: true });
    ok = [first.unblockMs, first.floorMs, then.unblockMs, then.typescriptMs, then.floorMs].every((ms) => ms !== undefined);
  } else {
    const { unblockMs, typescriptMs, floorMs } = await firstSquiggles(page, workspace, userData, { label, file, withFloor: true });
    ok = [unblockMs, typescriptMs, floorMs].every((ms) => ms !== undefined);
  }
  console.log(`${ok ? 'PASS' : 'FAIL'} unblock's squiggle, TypeScript's and the floor's are drawn in ${path.basename(workspace)}`);
} catch (error) {
  console.log(`FAIL the test ran to the end — ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
} finally {
  await vscode?.close();
}
console.log(`${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed (${elapsed()})`);
process.exit(ok ? 0 : 1);
