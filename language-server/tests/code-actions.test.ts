/** Code actions over LSP: the core's fixes, disable comments, documentation; applied and re-diagnosed. */
import * as path from 'node:path';
import type { CodeAction, Command, Diagnostic } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, copyFixture, editsOf, ensureBuilt, fixturesDir, readText, removeFixture, TestClient, uriOf } from './helpers/client.js';

const rule = 'unblock/no-blocking-call';
const docsUrl = 'https://github.com/unblock-dev/unblock/blob/main/rules-docs/no-blocking-call.md';

let project: string;
let client: TestClient;

beforeAll(async () => {
  await ensureBuilt();
  project = await copyFixture(path.join(fixturesDir, 'project'));
  client = await TestClient.start({ pull: true, workspaceFolder: project, capabilities: { window: { showDocument: { support: true } } } });
}, 120_000);
afterAll(async () => {
  await client?.stop();
  await removeFixture(project);
});

/** Opens (or re-sends) a document and returns its diagnostics. */
const versions = new Map<string, number>();
/** What the tests sent last for each file: the text the server has. */
const sent = new Map<string, string>();
async function show(fileName: string, text: string, languageId = 'typescript'): Promise<Diagnostic[]> {
  sent.set(fileName, text);
  const uri = uriOf(fileName);
  const version = (versions.get(uri) ?? 0) + 1;
  versions.set(uri, version);
  if (version === 1) await client.open(uri, text, languageId);
  else await client.change(uri, version, text);
  return client.pull(uri);
}

async function currentText(fileName: string): Promise<string> {
  return sent.get(fileName) ?? readText(fileName);
}

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function titles(actions: (CodeAction | Command)[]): string[] {
  return actions.map((action) => action.title);
}

function action(actions: (CodeAction | Command)[], title: string): CodeAction {
  const found = actions.find((candidate) => candidate.title === title);
  if (!found || !('kind' in found)) throw new Error(`no code action "${title}" in ${JSON.stringify(titles(actions))}`);
  return found;
}

describe('quick fixes of src/main.ts', () => {
  const fileName = () => path.join(project, 'src', 'main.ts');

  it('lists the fixes, the disable comments and the documentation, without duplicates', async () => {
    const diagnostics = await show(fileName(), await readText(fileName()));
    expect(diagnostics).toHaveLength(2);
    const actions = await client.codeActions(uriOf(fileName()), diagnostics[0]!.range, diagnostics);
    expect(titles(actions)).toEqual([
      'Use the async API `readFile` from `node:fs/promises`',
      `Disable ${rule} for this line`,
      `Disable ${rule} for the entire file`,
      `Show documentation for ${rule}`,
      'Use the async API `promisify(crypto.pbkdf2)`, importing `promisify` from `node:util`',
      'Run `crypto.pbkdf2Sync` in a worker thread',
      `Disable ${rule} for this line`,
    ]);
    expect(actions.filter((candidate) => 'isPreferred' in candidate && candidate.isPreferred).map((candidate) => candidate.title)).toEqual([
      'Use the async API `readFile` from `node:fs/promises`',
      'Use the async API `promisify(crypto.pbkdf2)`, importing `promisify` from `node:util`',
    ]);
    expect(actions.every((candidate) => 'kind' in candidate && candidate.kind === 'quickfix')).toBe(true);
  });

  it('applies "Use the async API": the text is rewritten and re-diagnosing clears that diagnostic', async () => {
    const uri = uriOf(fileName());
    const text = await readText(fileName());
    const diagnostics = await client.pull(uri);
    const readFile = diagnostics.find((diagnostic) => messageOf(diagnostic).startsWith('`fs.readFileSync`'))!;
    const fix = action(await client.codeActions(uri, readFile.range, [readFile]), 'Use the async API `readFile` from `node:fs/promises`');
    const fixed = applyEdits(text, editsOf(fix.edit, uri));
    expect(fixed).toContain("const text = await readFile(path, 'utf8');");
    expect(fixed).toMatch(/import \{ readFile \} from 'node:fs\/promises';/);
    const after = await show(fileName(), fixed);
    expect(after.map((diagnostic) => messageOf(diagnostic).split(' ')[0])).toEqual(['`crypto.pbkdf2Sync`']);
  });

  it('applies "Disable … for this line" with the line\'s indentation', async () => {
    const uri = uriOf(fileName());
    const [pbkdf2] = await client.pull(uri);
    const disable = action(await client.codeActions(uri, pbkdf2!.range, [pbkdf2!]), `Disable ${rule} for this line`);
    const text = applyEdits(await currentText(fileName()), editsOf(disable.edit, uri));
    expect(text).toContain(`  // eslint-disable-next-line ${rule}\n  const key = crypto.pbkdf2Sync(`);
    expect(await show(fileName(), text)).toEqual([]);
  });

  it('re-analyses when the diagnostics come from an older version', async () => {
    const uri = uriOf(fileName());
    const original = await readText(fileName());
    const [first, second] = await show(fileName(), original);
    // The client still holds the diagnostics of this version after an edit at the end of the file.
    await show(fileName(), `${original}\n// edited\n`);
    const actions = await client.codeActions(uri, first!.range, [first!, second!]);
    const fix = action(actions, 'Use the async API `readFile` from `node:fs/promises`');
    expect(applyEdits(`${original}\n// edited\n`, editsOf(fix.edit, uri))).toContain('// edited');
  });
});

describe('quick fixes in a file without semicolons', () => {
  it('starts the rewritten statement with `;` where the line before would be continued, and re-diagnosing finds nothing', async () => {
    const fileName = path.join(project, 'src', 'asi.ts');
    const text = `import * as fs from "node:fs"\nexport async function size(p: string) {\n  const o = {}\n  fs.readFileSync(p).toString()\n  return o\n}\n`;
    const [diagnostic] = await show(fileName, text);
    const uri = uriOf(fileName);
    const fix = action(await client.codeActions(uri, diagnostic!.range, [diagnostic!]), 'Use the async API `fs.promises.readFile`');
    const fixed = applyEdits(text, editsOf(fix.edit, uri));
    expect(fixed).toContain(`  const o = {}\n  ;(await fs.promises.readFile(p)).toString()\n`);
    expect(await show(fileName, fixed)).toEqual([]);
  });
});

describe('disable comments', () => {
  it('merges into an existing eslint-disable-next-line directive on the line above', async () => {
    const fileName = path.join(project, 'src', 'merge.ts');
    const uri = uriOf(fileName);
    const text = [
      "import { readFileSync } from 'node:fs';",
      '',
      'export async function load(path: string) {',
      '    // eslint-disable-next-line no-console -- noisy',
      "    return readFileSync(path, 'utf8');",
      '}',
      '',
    ].join('\n');
    const [diagnostic] = await show(fileName, text);
    const disable = action(await client.codeActions(uri, diagnostic!.range, [diagnostic!]), `Disable ${rule} for this line`);
    const merged = applyEdits(text, editsOf(disable.edit, uri));
    expect(merged.split('\n')[3]).toBe(`    // eslint-disable-next-line no-console, ${rule} -- noisy`);
    expect(merged.split('\n')).toHaveLength(text.split('\n').length);
    expect(await show(fileName, merged)).toEqual([]);
  });

  it('writes {/* … */} between JSX children', async () => {
    const fileName = path.join(project, 'src', 'view.tsx');
    const uri = uriOf(fileName);
    const text = await readText(fileName);
    const [diagnostic] = await show(fileName, text, 'typescriptreact');
    const disable = action(await client.codeActions(uri, diagnostic!.range, [diagnostic!]), `Disable ${rule} for this line`);
    const edited = applyEdits(text, editsOf(disable.edit, uri));
    expect(edited).toContain(`      <h1>Report</h1>\n      {/* eslint-disable-next-line ${rule} */}\n      {readFileSync(path, 'utf8')}`);
    expect(await show(fileName, edited, 'typescriptreact')).toEqual([]);
  });

  it('writes a // comment inside a function in JSX', async () => {
    const fileName = path.join(project, 'src', 'list.tsx');
    const uri = uriOf(fileName);
    const text = [
      "import { readFileSync } from 'node:fs';",
      'declare global { namespace JSX { interface IntrinsicElements { [name: string]: unknown } } }',
      'export async function List({ paths }: { paths: string[] }) {',
      '  return (',
      '    <ul>',
      '      {paths.map((path) => {',
      "        const text = readFileSync(path, 'utf8');",
      '        return <li>{text}</li>;',
      '      })}',
      '    </ul>',
      '  );',
      '}',
      '',
    ].join('\n');
    const [diagnostic] = await show(fileName, text, 'typescriptreact');
    expect(diagnostic?.range.start.line).toBe(6);
    const disable = action(await client.codeActions(uri, diagnostic!.range, [diagnostic!]), `Disable ${rule} for this line`);
    const edited = applyEdits(text, editsOf(disable.edit, uri));
    expect(edited.split('\n')[6]).toBe(`        // eslint-disable-next-line ${rule}`);
    expect(await show(fileName, edited, 'typescriptreact')).toEqual([]);
  });

  it('disables the rule for the entire file, after a shebang', async () => {
    const fileName = path.join(project, 'src', 'cli.ts');
    const uri = uriOf(fileName);
    const text = ['#!/usr/bin/env node', "import { readFileSync } from 'node:fs';", "export async function main() { return readFileSync('x'); }", ''].join('\n');
    const [diagnostic] = await show(fileName, text);
    const disable = action(await client.codeActions(uri, diagnostic!.range, [diagnostic!]), `Disable ${rule} for the entire file`);
    const edited = applyEdits(text, editsOf(disable.edit, uri));
    expect(edited.split('\n').slice(0, 2)).toEqual(['#!/usr/bin/env node', `/* eslint-disable ${rule} */`]);
    expect(await show(fileName, edited)).toEqual([]);
  });
});

describe('documentation, and quick fixes only', () => {
  it('offers the documentation as the unblock.showDocumentation command, which opens it with window/showDocument', async () => {
    const fileName = path.join(project, 'src', 'docs.ts');
    const uri = uriOf(fileName);
    const [diagnostic] = await show(fileName, "import { readFileSync } from 'node:fs';\nexport async function f() { readFileSync('x'); }\n");
    const docs = action(await client.codeActions(uri, diagnostic!.range, [diagnostic!]), `Show documentation for ${rule}`);
    expect(docs.command).toEqual({ title: `Show documentation for ${rule}`, command: 'unblock.showDocumentation', arguments: [docsUrl] });
    expect(client.initializeResult.capabilities.executeCommandProvider?.commands).toEqual(['unblock.showDocumentation']);
    expect(await client.executeCommand('unblock.showDocumentation', [docsUrl])).toBeNull();
    await client.waitFor('window/showDocument', () => client.shownDocuments[0]);
    expect(client.shownDocuments).toEqual([{ uri: docsUrl, external: true }]);
  });

  it('answers an unknown command with an error', async () => {
    await expect(client.executeCommand('unblock.nope', [])).rejects.toThrow(/unknown command/);
  });

  it('offers quick fixes and the chain refactor only: every fix adds `await` or a thread, so none is applied on save or in bulk', async () => {
    const fileName = path.join(project, 'src', 'main.ts');
    const uri = uriOf(fileName);
    const diagnostics = await show(fileName, await readText(fileName));
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(client.initializeResult.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'refactor.rewrite'], resolveProvider: false });
    const quick = await client.codeActions(uri, diagnostics[0]!.range, diagnostics, ['quickfix']);
    expect(quick.length).toBeGreaterThan(0);
    expect(quick.every((candidate) => 'kind' in candidate && candidate.kind === 'quickfix')).toBe(true);
    expect(await client.codeActions(uri, diagnostics[0]!.range, diagnostics, ['source'])).toEqual([]);
    expect(await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.unblock'])).toEqual([]);
  });
});
