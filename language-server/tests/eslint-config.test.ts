/** Rule options from the workspace's own ESLint flat config: trusted workspaces only, broken configs survived. */
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, ensureBuilt, fixturesDir, readText, removeFixture, TestClient, uriOf } from './helpers/client.js';

beforeAll(ensureBuilt, 120_000);

/** `line severity` of each diagnostic of src/app.ts, pulled by a new server started with `options`. */
async function diagnose(folder: string, options: Parameters<typeof TestClient.start>[0], pulls = 1): Promise<{ found: string[]; client: TestClient }> {
  const client = await TestClient.start({ pull: true, workspaceFolder: folder, ...options });
  const fileName = path.join(folder, 'src', 'app.ts');
  const text = await readText(fileName);
  await client.open(uriOf(fileName), text);
  let diagnostics = await client.pull(uriOf(fileName));
  for (let pull = 1; pull < pulls; pull++) {
    await client.change(uriOf(fileName), pull + 1, `${text}// edit ${pull}\n`);
    diagnostics = await client.pull(uriOf(fileName));
  }
  await client.stop();
  return { found: diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.severity}`), client };
}

const { Error: error, Warning: warning } = DiagnosticSeverity;

describe('a workspace with an ESLint config', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await copyFixture(path.join(fixturesDir, 'eslint-config'));
  });
  afterAll(() => removeFixture(folder));

  it('trusted: takes the rule severity and options (crypto off) from eslint.config.mjs', async () => {
    const { found, client } = await diagnose(folder, { initializationOptions: { trusted: true } });
    expect(found).toEqual([`6 ${warning}`]);
    expect(client.logs.some((line) => line.includes('using the ESLint config of'))).toBe(true);
    expect(client.shownMessages).toEqual([]);
  });

  it('untrusted: never loads it (it would run workspace code), uses the settings', async () => {
    const { found, client } = await diagnose(folder, {});
    expect(found).toEqual([`5 ${error}`, `6 ${error}`]);
    expect(client.logs.some((line) => line.includes('ESLint config'))).toBe(false);
  });

  it('trusted, but unblock.useEslintConfig is false: uses the settings', async () => {
    const { found } = await diagnose(folder, { initializationOptions: { trusted: true }, settings: { useEslintConfig: false, severity: 'hint' } });
    expect(found).toEqual([`5 ${DiagnosticSeverity.Hint}`, `6 ${DiagnosticSeverity.Hint}`]);
  });
});

describe('a workspace whose ESLint config throws', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await copyFixture(path.join(fixturesDir, 'broken-eslint-config'));
  });
  afterAll(() => removeFixture(folder));

  it('warns once with window/showMessage and falls back to the settings', async () => {
    const { found, client } = await diagnose(folder, { initializationOptions: { trusted: true } }, 3);
    expect(found).toEqual([`5 ${error}`, `6 ${error}`]);
    expect(client.shownMessages).toHaveLength(1);
    expect(client.shownMessages[0]).toMatchObject({ type: 2 });
    expect(client.shownMessages[0]?.message).toMatch(/the ESLint config of .* could not be loaded \(this ESLint config is broken on purpose\)/);
    expect(client.exitCode).toBe(0);
  });
});
