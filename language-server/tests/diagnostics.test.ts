/** Diagnostics over LSP: push (publishDiagnostics) and pull (textDocument/diagnostic), from the built server. */
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyFixture,
  diagnosticLines,
  ensureBuilt,
  expectedMarkers,
  fixturesDir,
  readText,
  removeFixture,
  repoRoot,
  summarize,
  TestClient,
  uriOf,
} from './helpers/client.js';

const docsUrl = 'https://github.com/unblock-dev/unblock/blob/main/rules-docs/no-blocking-call.md';

beforeAll(ensureBuilt, 120_000);

describe('push diagnostics (client without textDocument.diagnostic)', () => {
  let demoApp: string;
  let client: TestClient;

  beforeAll(async () => {
    demoApp = await copyFixture(path.join(repoRoot, 'fixtures', 'demo-app'));
    client = await TestClient.start({ workspaceFolder: demoApp });
  });
  afterAll(async () => {
    await client?.stop();
    await removeFixture(demoApp);
  });

  it('declares push mode: no diagnosticProvider', () => {
    expect(client.initializeResult.capabilities.diagnosticProvider).toBeUndefined();
    expect(client.initializeResult.serverInfo?.name).toBe('unblock-language-server');
  });

  it('reports every line of fixtures/demo-app marked `// expect:` and nothing else', async () => {
    const files = (await readdir(path.join(demoApp, 'src'), { recursive: true })).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const texts = new Map<string, string>();
    for (const file of files) {
      const fileName = path.join(demoApp, 'src', file);
      texts.set(file, await readText(fileName));
      await client.open(uriOf(fileName), texts.get(file)!);
    }
    let total = 0;
    for (const file of files) {
      const diagnostics = await client.waitForPublished(uriOf(path.join(demoApp, 'src', file)), 1);
      expect({ file, lines: diagnosticLines(diagnostics) }).toEqual({ file, lines: expectedMarkers(texts.get(file)!) });
      total += diagnostics.length;
    }
    expect(total).toBeGreaterThanOrEqual(10);
  });

  it('shows the chain of an indirect finding in its message and as related information', async () => {
    const fileName = path.join(demoApp, 'src', 'routes', 'config.ts');
    const diagnostics = await client.waitForPublished(uriOf(fileName), 1);
    const indirect = diagnostics.find((diagnostic) => diagnostic.code === 'no-indirect-blocking-call');
    expect(indirect?.message).toBe(
      '`loadConfig()` blocks the event loop inside async function `getFeatures`: loadConfig → fs.readFileSync (config.ts:21); ' +
        // No worker thread: `loadConfig` is not exported from another file, so that suggestion is not offered.
        'make the chain async with `fs.promises.readFile`.',
    );
    expect(indirect?.codeDescription?.href).toMatch(/rules-docs\/no-indirect-blocking-call\.md$/);
    const chain = indirect!.relatedInformation!.slice(1).map(({ location, message }) => ({ uri: location.uri, line: location.range.start.line, message }));
    expect(chain).toEqual([
      { uri: uriOf(fileName), line: 20, message: '`loadConfig` calls `fs.readFileSync`' },
      { uri: uriOf(fileName), line: 20, message: '`fs.readFileSync` blocks here' },
    ]);
  });

  it('fills every field: source, code, docs link, severity, message, related async function, fixes', async () => {
    const uri = uriOf(path.join(demoApp, 'src', 'routes', 'config.ts'));
    const [diagnostic] = await client.waitForPublished(uri, 1);
    expect(diagnostic).toMatchObject({
      source: 'unblock',
      code: 'no-blocking-call',
      codeDescription: { href: docsUrl },
      severity: DiagnosticSeverity.Error,
      message: '`fs.readFileSync` blocks the event loop inside async function `getConfig`; use `fs.promises.readFile`.',
      relatedInformation: [{ location: { uri }, message: 'the async function that runs it' }],
      data: { uri, version: 1, ruleId: 'no-blocking-call' },
    });
    const related = diagnostic!.relatedInformation![0]!.location.range;
    expect(related.start.line).toBeLessThan(diagnostic!.range.start.line);
    expect(related.end.line).toBeGreaterThan(diagnostic!.range.start.line);
    const data = diagnostic!.data as { fixes: { title: string; kind: string; edits: unknown[] }[] };
    expect(data.fixes.map((fix) => fix.title)).toEqual(['Use the async API `fs.promises.readFile`']);
    expect(data.fixes[0]!.edits.length).toBeGreaterThan(0);
  });

  it('sends unblock/status after each analysis', async () => {
    const uri = uriOf(path.join(demoApp, 'src', 'routes', 'auth.ts'));
    const status = await client.waitFor('a status of auth.ts', () => client.statuses.find((candidate) => candidate.uri === uri));
    expect(status).toMatchObject({ state: 'ok', findings: 4 });
    expect(status.lastAnalysisMs).toBeGreaterThanOrEqual(0);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = uriOf(path.join(demoApp, 'src', 'routes', 'report.ts'));
    await client.waitForPublished(uri, 1);
    await client.close(uri);
    await client.waitForPublishedMatching(uri, 'empty diagnostics after didClose', (diagnostics) => diagnostics.length === 0);
  });
});

describe('pull diagnostics (client with textDocument.diagnostic)', () => {
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

  it('declares a diagnosticProvider with inter-file dependencies', () => {
    expect(client.initializeResult.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true, workspaceDiagnostics: false });
  });

  it('answers textDocument/diagnostic and publishes nothing', async () => {
    const fileName = path.join(project, 'src', 'main.ts');
    const uri = uriOf(fileName);
    await client.open(uri, await readText(fileName));
    const diagnostics = await client.pull(uri);
    expect(summarize(diagnostics)).toMatchInlineSnapshot(`
      [
        "6:16-6:42 no-blocking-call \`fs.readFileSync\` blocks the event loop inside async function \`loadConfig\`; use \`fs.promises.readFile\`.",
        "11:15-11:75 no-blocking-call \`crypto.pbkdf2Sync\` blocks the event loop inside async function \`login\`; use \`util.promisify(crypto.pbkdf2)\`.",
      ]
    `);
    expect(diagnosticLines(diagnostics)).toEqual(expectedMarkers(await readText(fileName)));
    expect(client.published).toEqual([]);
  });

  it('honours eslint-disable comments for the rule: line, next-line, block, rule lists', async () => {
    const fileName = path.join(project, 'src', 'disabled.ts');
    const uri = uriOf(fileName);
    const text = await readText(fileName);
    await client.open(uri, text);
    const diagnostics = await client.pull(uri);
    expect(diagnosticLines(diagnostics)).toEqual(expectedMarkers(text));
  });

  it('reports in .tsx files', async () => {
    const fileName = path.join(project, 'src', 'view.tsx');
    const uri = uriOf(fileName);
    await client.open(uri, await readText(fileName), 'typescriptreact');
    expect(summarize(await client.pull(uri))).toEqual([
      '15:8-15:34 no-blocking-call `fs.readFileSync` blocks the event loop inside async function `Page`; use `fs.promises.readFile`.',
    ]);
  });

  it('returns an empty report for documents that are not open', async () => {
    expect(await client.pull(uriOf(path.join(project, 'src', 'helper.ts')))).toEqual([]);
  });
});

describe('settings (workspace/configuration section "unblock")', () => {
  let project: string;
  let client: TestClient;

  beforeAll(async () => {
    project = await copyFixture(path.join(fixturesDir, 'project'));
    client = await TestClient.start({ pull: true, workspaceFolder: project, settings: { severity: 'warning', categories: { crypto: false } } });
  });
  afterAll(async () => {
    await client?.stop();
    await removeFixture(project);
  });

  it('takes severity and categories from the settings', async () => {
    const fileName = path.join(project, 'src', 'main.ts');
    const uri = uriOf(fileName);
    await client.open(uri, await readText(fileName));
    const diagnostics = await client.pull(uri);
    expect(diagnostics.map((diagnostic) => [diagnostic.range.start.line + 1, diagnostic.severity])).toEqual([[6, DiagnosticSeverity.Warning]]);
  });

  it('reports nothing and says "disabled" when enable is false, after didChangeConfiguration', async () => {
    client.settings = { enable: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = uriOf(path.join(project, 'src', 'main.ts'));
    expect(await client.pull(uri)).toEqual([]);
    await client.waitFor('a "disabled" status', () => client.statuses.find((status) => status.uri === uri && status.state === 'disabled'));
  });
});
