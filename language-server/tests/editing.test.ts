/** Typing: incremental edits, bursts of changes, and edits of one file that change another file's diagnostics. */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, diagnosticLines, ensureBuilt, fixturesDir, readText, removeFixture, TestClient, uriOf } from './helpers/client.js';

beforeAll(ensureBuilt, 120_000);

const taggedHelper = (text: string) => text.replace('export function hashPassword', '/** @blocking */\nexport function hashPassword');

describe('push mode', () => {
  let project: string;
  let client: TestClient;

  beforeAll(async () => {
    project = await copyFixture(path.join(fixturesDir, 'project'));
    client = await TestClient.start({ workspaceFolder: project });
  });
  afterAll(async () => {
    await client?.stop();
    await removeFixture(project);
  });

  it('applies incremental (range) changes', async () => {
    const uri = uriOf(path.join(project, 'src', 'typing.ts'));
    await client.open(uri, "import { readFileSync } from 'node:fs';\nexport async function f(p: string) {\n  return p;\n}\n");
    expect(await client.waitForPublished(uri, 1)).toEqual([]);
    // `return p;` → `return readFileSync(p);`, typed as two edits in one notification.
    await client.change(uri, 2, [
      { range: { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } }, text: 'readFileSync(' },
      { range: { start: { line: 2, character: 23 }, end: { line: 2, character: 23 } }, text: ')' },
    ]);
    const diagnostics = await client.waitForPublished(uri, 2);
    expect(diagnostics.map((diagnostic) => diagnostic.range)).toEqual([{ start: { line: 2, character: 9 }, end: { line: 2, character: 24 } }]);
    // Delete the call again, keeping `p`: back to nothing.
    await client.change(uri, 3, [
      { range: { start: { line: 2, character: 23 }, end: { line: 2, character: 24 } }, text: '' },
      { range: { start: { line: 2, character: 9 }, end: { line: 2, character: 22 } }, text: '' },
    ]);
    expect(await client.waitForPublished(uri, 3)).toEqual([]);
  });

  it('ends a burst of 50 changes sent without waiting with the diagnostics of the last version', async () => {
    const uri = uriOf(path.join(project, 'src', 'burst.ts'));
    const header = "import { existsSync, readFileSync } from 'node:fs';\nexport async function f(p: string) {\n";
    await client.open(uri, `${header}}\n`);
    await client.waitForPublished(uri, 1);
    const publishedBefore = client.published.length;
    const sends: Promise<void>[] = [];
    let body = '';
    for (let version = 2; version <= 51; version++) {
      // Every third version calls readFileSync, the others existsSync; the last (51) has 17 readFileSync lines.
      body += version % 3 === 0 ? '  readFileSync(p);\n' : '  p.length;\n';
      sends.push(client.change(uri, version, `${header}${body}}\n`));
    }
    await Promise.all(sends);
    const diagnostics = await client.waitForPublished(uri, 51);
    expect(diagnostics).toHaveLength(17);
    expect(diagnosticLines(diagnostics)).toEqual(
      body
        .split('\n')
        .flatMap((line, index) => (line.includes('readFileSync') ? [`${index + 3} no-blocking-call`] : [])),
    );
    // Debounced: far fewer publications than edits.
    expect(client.published.length - publishedBefore).toBeLessThan(10);
  });

  it('ignores a stale version', async () => {
    const uri = uriOf(path.join(project, 'src', 'stale.ts'));
    const blocking = "import { readFileSync } from 'node:fs';\nexport async function f() { readFileSync('x'); }\n";
    await client.open(uri, blocking, 'typescript', 5);
    expect(await client.waitForPublished(uri, 5)).toHaveLength(1);
    await client.change(uri, 4, 'export {};\n');
    await client.change(uri, 6, `${blocking}// six\n`);
    expect(await client.waitForPublished(uri, 6)).toHaveLength(1);
    expect(client.logs.some((line) => line.includes('ignored version 4'))).toBe(true);
    expect(client.published.filter((params) => params.uri === uri).map((params) => params.version)).not.toContain(4);
  });

  it('keeps analysing through syntax errors while typing', async () => {
    const uri = uriOf(path.join(project, 'src', 'broken.ts'));
    await client.open(uri, "import { readFileSync } from 'node:fs';\nexport async function f(p: string) {\n  const text = readFileSync(p, 'utf8'\n  if (\n");
    const diagnostics = await client.waitForPublished(uri, 1);
    expect(diagnosticLines(diagnostics)).toEqual(['3 no-blocking-call']);
  });

  it('resolves an import once the file it names exists: opened in the editor, or created on disk', async () => {
    // Module resolution is cached across edits; a file that appears must still be found.
    const uses = uriOf(path.join(project, 'src', 'uses-later.ts'));
    const importer = (module: string) => `import { slow } from './${module}.js';\nexport async function f() {\n  return slow();\n}\n`;
    const blockingHelper = "import { readFileSync } from 'node:fs';\nexport function slow() {\n  return readFileSync('x');\n}\n";
    await client.open(uses, importer('later'));
    expect(await client.waitForPublished(uses, 1)).toEqual([]);
    await client.open(uriOf(path.join(project, 'src', 'later.ts')), blockingHelper);
    await client.waitForPublishedMatching(uses, 'the call of slow() to be reported once later.ts is open', (diagnostics) => diagnostics.length === 1);

    await client.change(uses, 2, importer('created'));
    await client.waitForPublishedMatching(uses, 'nothing while ./created.js does not exist', (diagnostics) => diagnostics.length === 0);
    const created = path.join(project, 'src', 'created.ts');
    await writeFile(created, blockingHelper);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(created), type: FileChangeType.Created }] });
    const [diagnostic] = await client.waitForPublishedMatching(uses, 'the call of slow() to be reported once created.ts exists', (diagnostics) => diagnostics.length === 1);
    expect(diagnostic?.code).toBe('no-indirect-blocking-call');

    // Outside the config's `include`: the project's files stay the same, only the import's resolution changes.
    await client.change(uses, 3, importer('../outside/made'));
    await client.waitForPublishedMatching(uses, 'nothing while ../outside/made.js does not exist', (diagnostics) => diagnostics.length === 0);
    const made = path.join(project, 'outside', 'made.ts');
    await mkdir(path.dirname(made), { recursive: true });
    await writeFile(made, blockingHelper);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(made), type: FileChangeType.Created }] });
    await client.waitForPublishedMatching(uses, 'the call of slow() to be reported once outside/made.ts exists', (diagnostics) => diagnostics.length === 1);
  });

  it('updates an open file when a file it imports changes (a `@blocking` tag), without restart', async () => {
    const main = path.join(project, 'src', 'main.ts');
    const helper = path.join(project, 'src', 'helper.ts');
    await client.open(uriOf(main), await readText(main));
    await client.open(uriOf(helper), await readText(helper));
    expect(diagnosticLines(await client.waitForPublished(uriOf(main), 1))).toEqual(['6 no-blocking-call', '11 no-blocking-call']);
    await client.change(uriOf(helper), 2, taggedHelper(await readText(helper)));
    const updated = await client.waitForPublishedMatching(uriOf(main), 'main.ts to report hashPassword', (diagnostics) => diagnostics.length === 3);
    expect(updated[2]?.message).toBe('`hashPassword` blocks the event loop inside async function `login`; it is marked `@blocking`; run it in a worker thread.');
    expect(updated[2]?.range.start.line).toBe(11);
    // And back, when the tag goes away again.
    await client.change(uriOf(helper), 3, await readText(helper));
    await client.waitForPublishedMatching(uriOf(main), 'main.ts to drop hashPassword', (diagnostics) => diagnostics.length === 2);
  });

  it('loaded the project once: typing never reloads it', () => {
    expect(client.logs.filter((line) => line.includes('loaded ') && line.endsWith('(4 files)'))).toHaveLength(1);
    expect(client.logs.filter((line) => line.includes('reloading'))).toEqual([]);
  });
});

describe('pull mode', () => {
  let project: string;
  let client: TestClient;

  beforeAll(async () => {
    project = await copyFixture(path.join(fixturesDir, 'project'));
    client = await TestClient.start({ pull: true, workspaceFolder: project });
  });
  afterAll(async () => {
    await client?.stop();
    await removeFixture(project);
  });

  it('answers the last version after a burst of changes', async () => {
    const uri = uriOf(path.join(project, 'src', 'burst.ts'));
    await client.open(uri, 'export {};\n');
    const sends: Promise<void>[] = [];
    for (let version = 2; version <= 51; version++) {
      const calls = "  readFileSync('x');\n".repeat(version % 7);
      sends.push(client.change(uri, version, `import { readFileSync } from 'node:fs';\nexport async function f() {\n${calls}}\n`));
    }
    await Promise.all(sends);
    expect(await client.pull(uri)).toHaveLength(51 % 7);
  });

  it('asks the client to pull again (workspace/diagnostic/refresh) when another file of the project changes', async () => {
    const main = path.join(project, 'src', 'main.ts');
    const helper = path.join(project, 'src', 'helper.ts');
    await client.open(uriOf(main), await readText(main));
    await client.open(uriOf(helper), await readText(helper));
    expect(await client.pull(uriOf(main))).toHaveLength(2);
    expect(await client.pull(uriOf(helper))).toHaveLength(0);
    const refreshes = client.refreshRequests;
    await client.change(uriOf(helper), 2, taggedHelper(await readText(helper)));
    await client.waitFor('workspace/diagnostic/refresh', () => (client.refreshRequests > refreshes ? true : undefined));
    expect(await client.pull(uriOf(main))).toHaveLength(3);
  });
});
