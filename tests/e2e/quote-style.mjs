/**
 * The async-API quick fixes in a file of another style than the demo app's: double quotes, and an
 * `import fs from "fs-extra"` already there. Applied in the editor, "Use the async API" on `readFileSync` reaches
 * `fs.promises` through the fs-extra import (and drops the `readFileSync` import it no longer needs), and on
 * `gzipSync` adds `import { promisify } from "node:util"` in double quotes; the result is checked line by line in the
 * editor, its squiggles gone, and screenshotted (09-double-quotes-fixed.png).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chooseAction, gotoLine, log, normalize, openFile, openQuickFix, position, squiggleOn, until } from './helpers.mjs';

const relativePath = 'src/routes/notes.ts';

const source = `import fs from "fs-extra";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const NOTES_DIR = join(process.cwd(), "data", "notes");

export async function readNote(name: string): Promise<string> {
  await fs.ensureDir(NOTES_DIR);
  return readFileSync(join(NOTES_DIR, \`\${name}.md\`), "utf8");
}

export async function packNote(name: string): Promise<Buffer> {
  const text = await fs.readFile(join(NOTES_DIR, \`\${name}.md\`), "utf8");
  return gzipSync(text);
}
`;

/** The file both fixes make of `source`. */
const expected = `import fs from "fs-extra";
import { gzip } from "node:zlib";
import { join } from "node:path";
import { promisify } from "node:util";

const NOTES_DIR = join(process.cwd(), "data", "notes");

export async function readNote(name: string): Promise<string> {
  await fs.ensureDir(NOTES_DIR);
  return await fs.promises.readFile(join(NOTES_DIR, \`\${name}.md\`), "utf8");
}

export async function packNote(name: string): Promise<Buffer> {
  const text = await fs.readFile(join(NOTES_DIR, \`\${name}.md\`), "utf8");
  return await promisify(gzip)(text);
}
`;

/** Writes the file into the workspace (before the workbench opens: quick open finds it). */
export function writeDoubleQuotedFile(workspace) {
  fs.writeFileSync(path.join(workspace, relativePath), source);
}

/** The editor's text, from its rendered lines (the file fits on the screen). */
async function editorText(editor) {
  const lines = await editor.locator('.view-line').evaluateAll((elements) => elements.map((element) => [parseFloat(element.style.top), element.textContent]));
  // The last line rendered is the empty one after the file's final newline.
  return lines
    .sort((a, b) => a[0] - b[0])
    .map(([, text]) => text.replace(/\u00a0/g, ' '))
    .join('\n');
}

/** Applies "Use the async API" on the call `pattern` captures (its line found in the editor's current text). */
async function applyAsyncFix(page, editor, pattern, lineText) {
  const call = position(await editorText(editor), pattern);
  await gotoLine(page, call.line, call.column);
  const line = editor.locator('.view-line', { hasText: lineText });
  await until(`the squiggle on line ${call.line} of ${relativePath}`, 60_000, () => squiggleOn(page, editor, line));
  await gotoLine(page, call.line, call.column + 3);
  const menu = await openQuickFix(page, editor, 'Use the async API');
  if (!menu) throw new Error(`no "Use the async API" on line ${call.line} of ${relativePath}`);
  const title = normalize(await menu.locator('.monaco-list-row', { hasText: 'Use the async API' }).first().innerText());
  await chooseAction(page, menu, 'Use the async API');
  return title;
}

/** Opens the file, applies both fixes, checks and screenshots the result. */
export async function fixDoubleQuotedFile(page, { check, shot }) {
  const editor = await openFile(page, relativePath);
  const readTitle = await applyAsyncFix(page, editor, /return (readFileSync)\(join/, /return\sreadFileSync\(join/);
  await editor.locator('.view-line', { hasText: /return\sawait\sfs\.promises\.readFile\(/ }).waitFor({ timeout: 15_000 });
  const gzipTitle = await applyAsyncFix(page, editor, /return (gzipSync)\(text\)/, /return\sgzipSync\(text\)/);
  const fixedLine = editor.locator('.view-line', { hasText: /return\sawait\spromisify\(gzip\)\(text\)/ });
  await fixedLine.waitFor({ timeout: 15_000 });
  const cleared = await until('the squiggles of notes.ts to clear', 30_000, async () => !(await editor.locator('.squiggly-error').count()))
    .then(() => true, () => false);
  const text = await editorText(editor);
  log(`${relativePath} after both fixes:\n${text}`);
  check(
    readTitle.includes('`fs.promises.readFile`') && text.includes('return await fs.promises.readFile(join(NOTES_DIR, `${name}.md`), "utf8");') && !text.includes('readFileSync'),
    `double-quoted ${relativePath}: "Use the async API" on readFileSync goes through the existing \`import fs from "fs-extra"\` (fs.promises) and drops the readFileSync import`,
    JSON.stringify(readTitle),
  );
  check(
    text.includes('import { promisify } from "node:util";') && text.includes('import { gzip } from "node:zlib";') && !text.includes("'"),
    `double-quoted ${relativePath}: "Use the async API" on gzipSync adds \`import { promisify } from "node:util";\` in the file's double quotes`,
    JSON.stringify(gzipTitle),
  );
  check(text === expected, `double-quoted ${relativePath}: the editor holds exactly the expected file`, text === expected ? undefined : JSON.stringify(text));
  check(cleared, `double-quoted ${relativePath}: no squiggle left after both fixes`);
  await shot('09-double-quotes-fixed.png');
}
