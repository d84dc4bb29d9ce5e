/** Rule options from the workspace's own ESLint flat config: trusted workspaces only, broken configs survived. */
import { writeFile } from 'node:fs/promises';
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

describe('a workspace with both rules and settings.unblock in its ESLint config', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await copyFixture(path.join(fixturesDir, 'eslint-config'));
    // The indirect rule's own options reach the editor (`maxDepth`), and so does the shared `deny` list; a malformed
    // entry of it is left out (ESLint does not check settings) and said once.
    await writeFile(
      path.join(folder, 'eslint.config.mjs'),
      `import unblock from 'eslint-plugin-unblock';
export default [{
  files: ['**/*.ts'],
  plugins: { unblock },
  settings: { unblock: { deny: ['renderReport', { from: 'package' }] } },
  rules: { 'unblock/no-blocking-call': 'warn', 'unblock/no-indirect-blocking-call': ['error', { maxDepth: 1 }] },
}];
`,
    );
    await writeFile(
      path.join(folder, 'src', 'app.ts'),
      `import { readFileSync } from 'node:fs';
function readJson(file: string): unknown { return JSON.parse(readFileSync(file, 'utf8')); }
function loadConfig(): unknown { return readJson('config.json'); }
function readPid(): string { return readFileSync('app.pid', 'utf8'); }
function renderReport(): string { return 'report'; }
export async function handler(): Promise<unknown> {
  const config = loadConfig();
  const pid = readPid();
  return [config, pid, renderReport()];
}
`,
    );
  });
  afterAll(() => removeFixture(folder));

  it('trusted: each rule with its own options over the shared ones', async () => {
    const { found, client } = await diagnose(folder, { initializationOptions: { trusted: true } });
    // loadConfig → readJson → readFileSync is two levels deep: past maxDepth 1. readPid is one. renderReport is denied.
    expect(found).toEqual([`8 ${error}`, `9 ${warning}`]);
    expect(client.logs.filter((line) => line.includes('ignoring'))).toEqual([
      expect.stringMatching(/the ESLint config of .*app\.ts: ignoring settings\.unblock\.deny\[1\]: must have `name` and `package`$/),
    ]);
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
