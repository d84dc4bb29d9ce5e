/**
 * "Make the chain async" over LSP: the refactor on an indirect diagnostic, one WorkspaceEdit across files, applied to
 * the project on disk and proven by the project's own type check and the diagnostics after it; disabled with the
 * reason (or left out, for a client without disabled actions) when the core refuses it or the result would not
 * type-check; for a client that resolves actions, the edit (and the type check) comes with `codeAction/resolve`.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { CodeActionResolveRequest, DidChangeWatchedFilesNotification, FileChangeType, type CodeAction, type Command, type Diagnostic, type FileEvent, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, copyFixture, ensureBuilt, fixturesDir, readText, removeFixture, repoRoot, TestClient, uriOf } from './helpers/client.js';

const execFileAsync = promisify(execFile);
const indirect = 'no-indirect-blocking-call';

let project: string;
let client: TestClient;
let plain: TestClient;
let lazy: TestClient;

const capabilities = {
  textDocument: { codeAction: { dataSupport: true, isPreferredSupport: true, disabledSupport: true } },
  workspace: { workspaceEdit: { documentChanges: true } },
};

beforeAll(async () => {
  await ensureBuilt();
  project = await copyFixture(path.join(fixturesDir, 'chain'));
  [client, plain, lazy] = await Promise.all([
    TestClient.start({ pull: true, workspaceFolder: project, capabilities }),
    // No disabled actions, no documentChanges: refused rewrites are left out, edits come as `changes`.
    TestClient.start({ pull: true, workspaceFolder: project }),
    // Resolves edits (as VS Code does): the type check waits for `codeAction/resolve`.
    TestClient.start({
      pull: true,
      workspaceFolder: project,
      capabilities: { textDocument: { codeAction: { ...capabilities.textDocument.codeAction, resolveSupport: { properties: ['edit'] } } } },
    }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([client?.stop(), plain?.stop(), lazy?.stop()]);
  await removeFixture(project);
});

const file = (name: string) => path.join(project, 'src', name);

async function open(lsp: TestClient, name: string): Promise<Diagnostic[]> {
  await lsp.open(uriOf(file(name)), await readText(file(name)));
  return lsp.pull(uriOf(file(name)));
}

function indirectAt(diagnostics: Diagnostic[], line: number): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === indirect && diagnostic.range.start.line === line - 1);
  if (!found) throw new Error(`no ${indirect} diagnostic on line ${line}: ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line + 1]))}`);
  return found;
}

function refactors(actions: (CodeAction | Command)[]): CodeAction[] {
  return actions.filter((action): action is CodeAction => 'kind' in action && action.kind === 'refactor.rewrite');
}

async function typeCheck(): Promise<{ code: number; output: string }> {
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    const { stdout } = await execFileAsync(process.execPath, [tsc, '-p', project], { cwd: project });
    return { code: 0, output: stdout };
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    return { code, output: stdout };
  }
}

describe('make the chain async', () => {
  it('is one WorkspaceEdit across the files of the chain; applied, the project type-checks and the finding is gone', async () => {
    expect((await typeCheck()).code).toBe(0);
    const diagnostics = await open(client, 'routes.ts');
    const diagnostic = indirectAt(diagnostics, 4);
    // Asked for refactors only: no quick fix comes with it.
    const [action, ...others] = refactors(await client.codeActions(uriOf(file('routes.ts')), diagnostic.range, [diagnostic], ['refactor']));
    expect(others).toEqual([]);
    expect(action).toMatchObject({ title: 'Make `loadConfig` async (2 functions, 4 call sites in 3 files)', kind: 'refactor.rewrite' });
    expect(action!.disabled).toBeUndefined();
    const changes = (action!.edit?.documentChanges ?? []) as TextDocumentEdit[];
    expect(changes.map((change) => path.basename(new URL(change.textDocument.uri).pathname)).sort()).toEqual(['config.ts', 'main.ts', 'routes.ts']);
    // The open document's edits are for its version; the others', for the file on disk.
    expect(Object.fromEntries(changes.map((change) => [path.basename(change.textDocument.uri), change.textDocument.version]))).toEqual({
      'config.ts': null,
      'main.ts': null,
      'routes.ts': 1,
    });

    for (const change of changes) {
      const fileName = new URL(change.textDocument.uri).pathname;
      await writeFile(fileName, applyEdits(await readText(fileName), change.edits as TextEdit[]));
    }
    expect(await readText(file('config.ts'))).toBe(`import * as fs from 'node:fs';

export interface Config {
  name: string;
  features: Record<string, boolean>;
}

export async function loadConfig(path: string): Promise<Config> {
  return JSON.parse(await fs.promises.readFile(path, 'utf8')) as Config;
}

/** A plain sync helper over loadConfig: it joins the chain. */
export async function featuresOf(path: string) {
  return (await loadConfig(path)).features;
}
`);
    expect(await readText(file('routes.ts'))).toBe(`import { featuresOf, loadConfig } from './config.js';

export async function getName(path: string): Promise<string> {
  return (await loadConfig(path)).name;
}

export async function getFeatures(path: string): Promise<string[]> {
  const features = await featuresOf(path);
  return Object.keys(features).filter((key) => features[key]);
}
`);
    expect(await readText(file('main.ts'))).toBe(`import { loadConfig } from './config.js';

// Module level of an ES module: top-level await.
export const startup = await loadConfig('config.json');
`);
    expect(await typeCheck()).toEqual({ code: 0, output: '' });

    // The editor applies the edit: the open document changes, the others change on disk.
    await client.change(uriOf(file('routes.ts')), 2, await readText(file('routes.ts')));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: ['config.ts', 'main.ts'].map((name): FileEvent => ({ uri: uriOf(file(name)), type: FileChangeType.Changed })),
    });
    expect(await client.pull(uriOf(file('routes.ts')))).toEqual([]);
  });

  it('is disabled with the reason when the result would not type-check (a method that implements an interface)', async () => {
    const diagnostic = indirectAt(await open(client, 'store.ts'), 17);
    const [action] = refactors(await client.codeActions(uriOf(file('store.ts')), diagnostic.range, [diagnostic]));
    expect(action).toMatchObject({ title: 'Make `read` async (1 function, 1 call site in 1 file)', kind: 'refactor.rewrite' });
    expect(action!.edit).toBeUndefined();
    expect(action!.disabled?.reason).toMatch(/^It would bring a type error: store\.ts:\d+:\d+ TS2416 Property 'read' in type 'FileStore' is not assignable/);
  });

  it('is disabled with the core\'s reason when a sync caller outside the chain stops it', async () => {
    const diagnostic = indirectAt(await open(client, 'legacy.ts'), 15);
    const [action] = refactors(await client.codeActions(uriOf(file('legacy.ts')), diagnostic.range, [diagnostic]));
    expect(action).toMatchObject({
      title: 'Make `readToken` async',
      disabled: { reason: 'It cannot be made async: `readToken` is called by the sync method `token`, outside the chain (legacy.ts:10)' },
    });
    expect(action!.edit).toBeUndefined();
  });

  it('is left out for a client that does not show disabled actions, and comes as `changes` where it applies', async () => {
    const legacy = indirectAt(await open(plain, 'legacy.ts'), 15);
    const actions = await plain.codeActions(uriOf(file('legacy.ts')), legacy.range, [legacy]);
    expect(refactors(actions)).toEqual([]);
    expect(actions.length).toBeGreaterThan(0); // the quick fixes are still there
    const store = indirectAt(await open(plain, 'store.ts'), 17);
    expect(refactors(await plain.codeActions(uriOf(file('store.ts')), store.range, [store]))).toEqual([]);

    const uri = uriOf(file('cache.ts'));
    const cache = indirectAt(await open(plain, 'cache.ts'), 8);
    const [action] = refactors(await plain.codeActions(uri, cache.range, [cache]));
    expect(action!.title).toBe('Make `readCache` async (1 function, 1 call site in 1 file)');
    expect(Object.keys(action!.edit?.changes ?? {})).toEqual([uri]);
    const fixed = applyEdits(await readText(file('cache.ts')), action!.edit!.changes![uri]!);
    expect(fixed).toBe(`import * as fs from 'node:fs';

async function readCache(): Promise<string> {
  return await fs.promises.readFile('cache.txt', 'utf8');
}

export async function cached(): Promise<string> {
  return await readCache();
}
`);
    await writeFile(file('cache.ts'), fixed);
    expect(await typeCheck()).toEqual({ code: 0, output: '' });
    await plain.change(uri, 2, fixed);
    expect(await plain.pull(uri)).toEqual([]);
  });

  it('is not offered when only quick fixes are asked for', async () => {
    const diagnostic = indirectAt(await open(plain, 'legacy.ts'), 15);
    const actions = await plain.codeActions(uriOf(file('legacy.ts')), diagnostic.range, [diagnostic], ['quickfix']);
    expect(actions.every((action) => 'kind' in action && action.kind === 'quickfix')).toBe(true);
  });

  it('comes without its edit to a client that resolves actions: resolved, it has the edit, or a message saying why not', async () => {
    expect(lazy.initializeResult.capabilities.codeActionProvider).toMatchObject({ resolveProvider: true });
    const uri = uriOf(file('lazy.ts'));
    const diagnostic = indirectAt(await open(lazy, 'lazy.ts'), 8);
    const [action] = refactors(await lazy.codeActions(uri, diagnostic.range, [diagnostic]));
    expect(action).toMatchObject({ title: 'Make `readLazy` async (1 function, 1 call site in 1 file)', data: { unblockChain: { uri, version: 1 } } });
    expect(action!.edit).toBeUndefined();
    expect(action!.disabled).toBeUndefined();
    const resolved = await lazy.connection.sendRequest(CodeActionResolveRequest.type, action!);
    const fixed = applyEdits(await readText(file('lazy.ts')), resolved.edit!.changes![uri]!);
    expect(fixed).toContain('async function readLazy(): Promise<string> {\n  return await fs.promises.readFile(');
    expect(fixed).toContain('  return await readLazy();');

    // The type check fails at resolve: no edit, and the user is told why.
    const store = indirectAt(await open(lazy, 'store.ts'), 17);
    const [offered] = refactors(await lazy.codeActions(uriOf(file('store.ts')), store.range, [store]));
    expect(offered).toMatchObject({ title: 'Make `read` async (1 function, 1 call site in 1 file)' });
    expect(offered!.disabled).toBeUndefined();
    const refused = await lazy.connection.sendRequest(CodeActionResolveRequest.type, offered!);
    expect(refused.edit).toBeUndefined();
    const message = await lazy.waitFor('the warning', () => lazy.shownMessages.find((shown) => shown.message.includes('was not applied')));
    expect(message.message).toMatch(/^unblock: "Make `read` async \(1 function, 1 call site in 1 file\)" was not applied\. It would bring a type error: store\.ts:\d+:\d+ TS2416 /);

    // Asked again for the same program, the failed check is known: the action comes disabled.
    const [again] = refactors(await lazy.codeActions(uriOf(file('store.ts')), store.range, [store]));
    expect(again!.disabled?.reason).toMatch(/^It would bring a type error/);
  });
});
