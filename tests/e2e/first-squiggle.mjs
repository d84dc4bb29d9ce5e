/**
 * The first file opened in a fresh VS Code: when unblock's first squiggle appears, and when TypeScript's own (a type
 * error in the same file), both timed from the same moment and printed; no timed assertion. The file is a copy of
 * the demo app's config.ts with a type error added after its imports, opened before anything else and closed after.
 */
import * as fs from 'node:fs';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';
import { log, openFile, runCommand, squiggleOn, until } from './helpers.mjs';

const relativePath = 'src/routes/first-open.ts';

/** Writes the file into the workspace (before the workbench opens: quick open finds it). */
export function writeFirstFile(workspace, configSource) {
  const text = configSource.replace("const CONFIG_PATH = join(DATA_DIR, 'config.json');", "const CONFIG_PATH = join(DATA_DIR, 'config.json');\nexport const firstOpenTypeError: number = 'not a number';");
  fs.writeFileSync(path.join(workspace, relativePath), text);
}

/** Prints and returns `{ unblockMs, typescriptMs }`, from asking the editor to open the file; undefined: none in 120 s. */
export async function firstSquiggles(page, workspace) {
  const started = Date.now();
  const editor = await openFile(page, relativePath);
  const blockingLine = editor.locator('.view-line', { hasText: /config\s=\sJSON\.parse\(fs\.readFileSync\(CONFIG_PATH/ });
  const typeErrorLine = editor.locator('.view-line', { hasText: /firstOpenTypeError:\snumber/ });
  const when = (what, line) =>
    until(what, 120_000, () => squiggleOn(page, editor, line)).then(
      () => Date.now() - started,
      (error) => log(`no ${what}: ${error.message}`),
    );
  const [unblockMs, typescriptMs] = await Promise.all([when('unblock squiggle', blockingLine), when('TypeScript squiggle', typeErrorLine)]);
  const ratio = unblockMs !== undefined && typescriptMs ? ` (${(unblockMs / typescriptMs).toFixed(2)}× TypeScript's)` : '';
  console.log(`FIRST SQUIGGLE of the first file opened (${relativePath}): unblock ${unblockMs ?? '—'} ms${ratio}, TypeScript ${typescriptMs ?? '—'} ms after opening`);
  await runCommand(page, 'View: Close Editor');
  await rm(path.join(workspace, relativePath));
  return { unblockMs, typescriptMs };
}
