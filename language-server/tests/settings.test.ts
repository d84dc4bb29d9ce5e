/** The settings the VS Code extension exposes on top of the rule options: `unblock.run` and `unblock.categorySeverity`. */
import * as path from 'node:path';
import { DiagnosticSeverity, DidSaveTextDocumentNotification } from 'vscode-languageserver-protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { normalizeSettings } from '../src/settings.js';
import { copyFixture, ensureBuilt, fixturesDir, readText, removeFixture, TestClient, uriOf } from './helpers/client.js';

beforeAll(ensureBuilt, 120_000);

const oneCall = "import * as fs from 'node:fs';\nexport async function f() {\n  return fs.readFileSync('a');\n}\n";
const twoCalls = "import * as fs from 'node:fs';\nexport async function f() {\n  fs.readFileSync('b');\n  return fs.readFileSync('a');\n}\n";

let project: string | undefined;
let client: TestClient | undefined;
afterEach(async () => {
  await client?.stop();
  if (project) await removeFixture(project);
  client = undefined;
  project = undefined;
});

async function start(settings: Record<string, unknown>, pull = false): Promise<{ client: TestClient; uri: string }> {
  project = await copyFixture(path.join(fixturesDir, 'project'));
  client = await TestClient.start({ workspaceFolder: project, settings, pull });
  return { client, uri: uriOf(path.join(project, 'src', 'settings-probe.ts')) };
}

describe('unblock.run', () => {
  it('onSave (push): analyses on open and on save, not while typing', async () => {
    const { client, uri } = await start({ run: 'onSave' });
    await client.open(uri, oneCall);
    expect(await client.waitForPublished(uri, 1)).toHaveLength(1);
    await client.change(uri, 2, twoCalls);
    // Typing alone publishes nothing: wait well past the 150 ms debounce.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(client.published.filter((params) => params.uri === uri && params.version === 2)).toEqual([]);
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    expect(await client.waitForPublished(uri, 2)).toHaveLength(2);
  });

  it('onSave (pull): an edited document keeps its last diagnostics until it is saved, then the client is asked to pull', async () => {
    const { client, uri } = await start({ run: 'onSave' }, true);
    await client.open(uri, oneCall);
    expect(await client.pull(uri)).toHaveLength(1);
    await client.change(uri, 2, twoCalls);
    expect(await client.pull(uri)).toHaveLength(1);
    const refreshes = client.refreshRequests;
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    await client.waitFor('workspace/diagnostic/refresh after the save', () => (client.refreshRequests > refreshes ? true : undefined));
    expect(await client.pull(uri)).toHaveLength(2);
  });

  it('onType (default): analyses every edit; save notifications are asked for (without text)', async () => {
    const { client, uri } = await start({});
    await client.open(uri, oneCall);
    expect(await client.waitForPublished(uri, 1)).toHaveLength(1);
    await client.change(uri, 2, twoCalls);
    expect(await client.waitForPublished(uri, 2)).toHaveLength(2);
    expect(client.initializeResult.capabilities.textDocumentSync).toMatchObject({ save: { includeText: false } });
  });
});

describe('unblock.categorySeverity', () => {
  it('overrides the severity per category, and `off` hides a category', async () => {
    const { client, uri } = await start({ severity: 'error', categorySeverity: { crypto: 'warning', process: 'off' } });
    await client.open(
      uri,
      [
        "import * as crypto from 'node:crypto';",
        "import * as fs from 'node:fs';",
        "import { execSync } from 'node:child_process';",
        'export async function f() {',
        "  fs.readFileSync('a');",
        "  crypto.pbkdf2Sync('p', 's', 1, 32, 'sha256');",
        "  execSync('ls');",
        '}',
        '',
      ].join('\n'),
    );
    const diagnostics = await client.waitForPublished(uri, 1);
    expect(diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.severity])).toEqual([
      [4, DiagnosticSeverity.Error],
      [5, DiagnosticSeverity.Warning],
    ]);
  });

  it('is validated: unknown categories and severities are dropped', () => {
    const settings = normalizeSettings({ run: 'sometimes', categorySeverity: { fs: 'loud', crypto: 'off', nope: 'error', console: 'hint' } });
    expect(settings.run).toBe('onType');
    expect(settings.categorySeverity).toEqual({ crypto: 'off', console: 'hint' });
    expect(normalizeSettings({ run: 'onSave' }).run).toBe('onSave');
  });
});

describe('settings checked with the rules\' schema', () => {
  it('leaves out a malformed unblock.deny entry, says so once, and keeps analysing every file with the rest', async () => {
    const deny = [{ from: 'package' }, { from: 'package', package: 'x', name: 7 }, { from: 'file', name: 'hashPassword' }];
    const { client } = await start({ deny }, true);
    const main = uriOf(path.join(project!, 'src', 'main.ts'));
    const helper = uriOf(path.join(project!, 'src', 'helper.ts'));
    await client.open(main, await readText(path.join(project!, 'src', 'main.ts')));
    await client.open(helper, await readText(path.join(project!, 'src', 'helper.ts')));
    // The valid entry applies: `hashPassword(…)` in async `login` is reported as denied.
    const found = await client.pull(main);
    expect(found.filter((diagnostic) => String(diagnostic.message).startsWith('`hashPassword`'))).toHaveLength(1);
    expect(await client.pull(helper)).toEqual([]);
    expect(await client.pull(main)).toHaveLength(found.length);
    const said = client.logs.filter((line) => line.includes('ignoring a setting'));
    expect(said).toEqual([
      '[unblock] ignoring a setting: unblock.deny[0]: must have `name` and `package`',
      '[unblock] ignoring a setting: unblock.deny[1].name: must be a string or an array',
    ]);
    expect(client.exitCode).toBeUndefined();
  });
});

describe('workspace/didChangeConfiguration', () => {
  it('with workspace/configuration: the payload is a signal; unchanged settings ask no refresh, changed ones do', async () => {
    const { client, uri } = await start({ severity: 'warning' }, true);
    await client.open(uri, oneCall);
    expect((await client.pull(uri)).map((diagnostic) => diagnostic.severity)).toEqual([DiagnosticSeverity.Warning]);
    // What VS Code sends when the server registers for the section: the raw section (with the editor-only
    // `server` and the client's `trace.server`), settings unchanged.
    await client.notify('workspace/didChangeConfiguration', { settings: { unblock: { severity: 'warning', trace: { server: 'off' }, server: { path: '' } } } });
    expect(await client.pull(uri)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 600)); // well past the 150 ms refresh debounce
    expect(client.refreshRequests).toBe(0);
    expect(client.logs.filter((line) => line.includes('ignoring a setting'))).toEqual([]);

    client.settings = { severity: 'error' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('workspace/diagnostic/refresh after a settings change', () => (client.refreshRequests > 0 ? true : undefined));
    expect((await client.pull(uri)).map((diagnostic) => diagnostic.severity)).toEqual([DiagnosticSeverity.Error]);
  });
});
