/**
 * While a project's types load: the first answer comes from the preliminary pass (import tracking, no types, no
 * fixes, status `loading-types`), then the typed answer replaces it whole (a typed-only finding appears, fixes
 * come), pushed, or pulled again after `workspace/diagnostic/refresh`; the same after a tsconfig.json change
 * reloads the project. The first answer does not wait for the workspace's ESLint config (loading it takes seconds),
 * and never loads it in an untrusted workspace.
 */
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { DiagnosticSeverity, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, diagnosticLines, ensureBuilt, fixturesDir, readText, removeFixture, TestClient, uriOf } from './helpers/client.js';

beforeAll(ensureBuilt, 120_000);

/** A direct finding on line 4 (import tracking sees it), an indirect one on line 5 (only the types do). */
const code = `import { readFileSync } from 'node:fs';
import { load } from './load.js';
export async function f(p: string) {
  readFileSync(p);
  return load(p);
}
`;
const helper = `import { readFileSync } from 'node:fs';\nexport function load(p: string) { return readFileSync(p, 'utf8'); }\n`;

const fixes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => (diagnostic.data as { fixes: unknown[] }).fixes.length);

describe('preliminary answers while types load', () => {
  let project: string;
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.stop();
    await removeFixture(project);
  });

  async function start(pull: boolean): Promise<{ client: TestClient; uri: string }> {
    project = await copyFixture(path.join(fixturesDir, 'project'));
    await writeFile(path.join(project, 'src', 'load.ts'), helper);
    client = await TestClient.start({ workspaceFolder: project, pull, initializationOptions: { preliminary: true } });
    return { client, uri: uriOf(path.join(project, 'src', 'first.ts')) };
  }

  it('push: the import-tracking findings first, without fixes; then the typed ones, with their fixes and the indirect finding', async () => {
    const { client, uri } = await start(false);
    await client.open(uri, code);
    const first = await client.waitForPublished(uri, 1);
    expect(diagnosticLines(first)).toEqual(['4 no-blocking-call']);
    expect(fixes(first)).toEqual([0]);
    expect(client.statuses.find((status) => status.uri === uri)).toMatchObject({ state: 'loading-types', findings: 1 });
    const typed = await client.waitForPublishedMatching(uri, 'the typed diagnostics', (diagnostics) => diagnostics.length === 2);
    expect(diagnosticLines(typed)).toEqual(['4 no-blocking-call', '5 no-indirect-blocking-call']);
    expect(fixes(typed)[0]).toBeGreaterThan(0);
    expect(client.statuses.filter((status) => status.uri === uri).at(-1)).toMatchObject({ state: 'ok', findings: 2 });
  });

  it('pull: the first pull answers without types, a refresh request follows, the next pull has the typed findings', async () => {
    const { client, uri } = await start(true);
    await client.open(uri, code);
    expect(diagnosticLines(await client.pull(uri))).toEqual(['4 no-blocking-call']);
    await client.waitFor('workspace/diagnostic/refresh', () => (client.refreshRequests > 0 ? true : undefined));
    expect(diagnosticLines(await client.pull(uri))).toEqual(['4 no-blocking-call', '5 no-indirect-blocking-call']);
  });

  it('after a tsconfig.json change reloads the project: preliminary again, then typed', async () => {
    const { client, uri } = await start(false);
    await client.open(uri, code);
    await client.waitForPublishedMatching(uri, 'the typed diagnostics', (diagnostics) => diagnostics.length === 2);
    const before = client.statuses.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(project, 'tsconfig.json')), type: FileChangeType.Changed }] });
    await client.waitFor('a loading-types status', () => client.statuses.slice(before).find((status) => status.uri === uri && status.state === 'loading-types'));
    await client.waitFor('the typed status', () => client.statuses.slice(before).find((status) => status.uri === uri && status.state === 'ok'));
    expect(diagnosticLines(await client.waitForPublishedMatching(uri, 'typed', (diagnostics) => diagnostics.length === 2))).toEqual([
      '4 no-blocking-call',
      '5 no-indirect-blocking-call',
    ]);
  });
});

describe('the first answer and the settings', () => {
  let project: string;
  afterEach(() => removeFixture(project));

  it("takes its workspace folder's settings, asked at start, without waiting for the document's own; the typed answer takes the document's", async () => {
    project = await copyFixture(path.join(fixturesDir, 'project'));
    await writeFile(path.join(project, 'src', 'load.ts'), helper);
    const uri = uriOf(path.join(project, 'src', 'first.ts'));
    // The document's own settings are held until the first answer is in: an answer that waited for them never comes.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const asked: string[] = [];
    const client = await TestClient.start({
      pull: true,
      workspaceFolder: project,
      initializationOptions: { preliminary: true },
      settingsOf: (scopeUri) => {
        asked.push(scopeUri === uri ? 'document' : scopeUri === uriOf(project) ? 'folder' : String(scopeUri));
        return scopeUri === uri ? held.then(() => ({ severity: 'error' })) : { severity: 'warning' };
      },
    });
    try {
      await client.open(uri, code);
      const first = await client.pull(uri);
      expect(first.map((diagnostic) => [diagnostic.range.start.line + 1, diagnostic.severity])).toEqual([[4, DiagnosticSeverity.Warning]]);
      expect(asked).toEqual(['folder', 'document']);
      release();
      await client.waitFor('workspace/diagnostic/refresh', () => (client.refreshRequests > 0 ? true : undefined));
      const typed = await client.pull(uri);
      expect(typed.map((diagnostic) => [diagnostic.range.start.line + 1, diagnostic.severity])).toEqual([
        [4, DiagnosticSeverity.Error],
        [5, DiagnosticSeverity.Error],
      ]);
    } finally {
      release();
      await client.stop();
    }
  });
});

describe('preliminary answers in a workspace with an ESLint config', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await copyFixture(path.join(fixturesDir, 'eslint-config'));
  });
  afterAll(() => removeFixture(folder));

  /** `line severity` of the first pull of src/app.ts and of the typed one; the server's log when the first came. */
  async function answers(trusted: boolean): Promise<{ first: string[]; typed: string[]; logsAtFirst: string[]; logs: string[] }> {
    const client = await TestClient.start({ pull: true, workspaceFolder: folder, initializationOptions: { preliminary: true, trusted } });
    try {
      const uri = uriOf(path.join(folder, 'src', 'app.ts'));
      await client.open(uri, await readText(path.join(folder, 'src', 'app.ts')));
      const lines = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.severity}`);
      const first = lines(await client.pull(uri));
      const logsAtFirst = [...client.logs];
      await client.waitFor('workspace/diagnostic/refresh', () => (client.refreshRequests > 0 ? true : undefined));
      return { first, typed: lines(await client.pull(uri)), logsAtFirst, logs: client.logs };
    } finally {
      await client.stop();
    }
  }
  const { Error: error, Warning: warning } = DiagnosticSeverity;

  it('trusted: the first answer takes the settings without loading the config; the typed answer follows the config', async () => {
    const { first, typed, logsAtFirst, logs } = await answers(true);
    expect(first).toEqual([`5 ${error}`, `6 ${error}`]);
    expect(logsAtFirst.filter((line) => line.includes('ESLint config'))).toEqual([]);
    expect(typed).toEqual([`6 ${warning}`]); // crypto off, warnings: eslint.config.mjs
    expect(logs.some((line) => line.includes('using the ESLint config of'))).toBe(true);
  });

  it('untrusted: neither answer loads the config', async () => {
    const { first, typed, logs } = await answers(false);
    expect(first).toEqual([`5 ${error}`, `6 ${error}`]);
    expect(typed).toEqual([`5 ${error}`, `6 ${error}`]);
    expect(logs.filter((line) => line.includes('ESLint config'))).toEqual([]);
  });
});
