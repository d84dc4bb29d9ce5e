/**
 * Trust covers the workspace folders only: in a trusted workspace, a file opened from outside them loads no
 * `eslint`, no ESLint config and no package from its folder (a payload there would write a marker file), while a
 * file inside still gets the workspace's ESLint config.
 */
import { access, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, ensureBuilt, fixturesDir, readText, removeFixture, TestClient, uriOf } from './helpers/client.js';

beforeAll(ensureBuilt, 120_000);

/** The marker files that exist (a payload ran), by name. */
async function written(markers: readonly string[]): Promise<string[]> {
  const found = await Promise.all(markers.map((marker) => access(marker).then(() => path.basename(marker), () => undefined)));
  return found.filter((name) => name !== undefined);
}

const blocking = "import { readFileSync } from 'node:fs';\nexport async function f(p: string) {\n  return readFileSync(p);\n}\n";

describe('a trusted workspace and a file from outside its folders', () => {
  let workspace: string;
  let outside: string;
  let markers: string[];
  let client: TestClient;

  beforeAll(async () => {
    workspace = await copyFixture(path.join(fixturesDir, 'eslint-config'));
    outside = await realpath(await mkdtemp(path.join(os.tmpdir(), 'unblock-outside-')));
    const marker = (name: string) => JSON.stringify(path.join(outside, `${name}.loaded`));
    markers = ['eslint-config', 'eslint-package', 'plugin-package'].map((name) => path.join(outside, `${name}.loaded`));
    // An ESLint config, an `eslint` package and a plugin, each writing a marker file when loaded.
    await writeFile(
      path.join(outside, 'eslint.config.js'),
      `require('node:fs').writeFileSync(${marker('eslint-config')}, 'x');\nrequire('eslint-plugin-payload');\nmodule.exports = [];\n`,
    );
    await writeFile(path.join(outside, 'package.json'), '{ "name": "outside", "type": "commonjs" }\n');
    for (const [name, main] of [
      ['eslint', `require('node:fs').writeFileSync(${marker('eslint-package')}, 'x');\nclass ESLint { constructor() {} async calculateConfigForFile() { require(require('node:path').join(${JSON.stringify(outside)}, 'eslint.config.js')); return { rules: {} }; } }\nmodule.exports = { ESLint };\n`],
      ['eslint-plugin-payload', `require('node:fs').writeFileSync(${marker('plugin-package')}, 'x');\nmodule.exports = {};\n`],
    ] as const) {
      await mkdir(path.join(outside, 'node_modules', name), { recursive: true });
      await writeFile(path.join(outside, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '9.0.0', main: 'index.js' }));
      await writeFile(path.join(outside, 'node_modules', name, 'index.js'), main);
    }
    await writeFile(path.join(outside, 'outside.ts'), blocking);
    client = await TestClient.start({ pull: true, workspaceFolder: workspace, initializationOptions: { trusted: true } });
  });
  afterAll(async () => {
    await client?.stop();
    await removeFixture(workspace);
    await rm(outside, { recursive: true, force: true });
  });

  it('loads nothing from the outside file’s folder when it is opened and edited', async () => {
    const uri = uriOf(path.join(outside, 'outside.ts'));
    await client.open(uri, blocking);
    expect(await client.pull(uri)).toHaveLength(1);
    await client.change(uri, 2, `${blocking}export async function g(p: string) {\n  return readFileSync(p, 'utf8');\n}\n`);
    expect(await client.pull(uri)).toHaveLength(2);
    expect(await written(markers)).toEqual([]);
    expect(client.logs.filter((line) => line.includes(outside) && /ESLint|eslint/.test(line))).toEqual([]);
  });

  it('still reads the workspace’s own ESLint config for a file inside', async () => {
    const fileName = path.join(workspace, 'src', 'app.ts');
    await client.open(uriOf(fileName), await readText(fileName));
    const found = (await client.pull(uriOf(fileName))).map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.severity}`);
    expect(found).toEqual([`6 ${DiagnosticSeverity.Warning}`]);
    expect(await written(markers)).toEqual([]);
  });
});
