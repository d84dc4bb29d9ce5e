#!/usr/bin/env node
/**
 * The .vsix is self-contained: unpack it into a temp folder, start its dist/server.js over stdio from there and
 * analyse a file of a project that has no node_modules at all (so TypeScript's libs and `@types/node` must come
 * from the bundle). Prints PASS/FAIL lines; exit code 1 on failure.
 *
 *   node tests/e2e/server-bundle.smoke.mjs vscode-client/unblock-vscode-0.1.0.vsix
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, uriOf } from '../../scripts/lib/lsp-client.mjs';

const vsix = process.argv[2];
if (!vsix || !fs.existsSync(vsix)) {
  console.error('usage: server-bundle.smoke.mjs <path to .vsix>');
  process.exit(2);
}
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'unblock-vsix-smoke-'));
let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
  if (!ok) failed++;
};

const unpacked = path.join(temp, 'vsix');
execFileSync('unzip', ['-q', vsix, '-d', unpacked]);
const server = path.join(unpacked, 'extension', 'dist', 'server.js');
check(fs.existsSync(server), 'the .vsix holds extension/dist/server.js');

const project = path.join(temp, 'project');
fs.mkdirSync(project);
const file = path.join(project, 'load.ts');
fs.writeFileSync(file, "import * as fs from 'node:fs';\nexport async function load() {\n  return fs.readFileSync('x.json', 'utf8');\n}\n");
const uri = uriOf(file);

// The shared LSP client, on the unpacked bundle's server, run from the temp folder (nothing to resolve around it).
const client = new LspClient({ name: 'the bundled server', server, cwd: temp });
try {
  const result = await client.initialize({ folder: project, initializationOptions: { trusted: false } });
  check(result?.serverInfo?.name === 'unblock-language-server', `initialize answers (${result?.serverInfo?.name} ${result?.serverInfo?.version})`);
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: fs.readFileSync(file, 'utf8') } });
  // The typed answer (the first may come from the preliminary pass): every analysis sends a status, then publishes.
  const ofFile = (list) => list.filter((params) => params.uri === uri);
  const typed = () => ofFile(client.statuses).some((status) => status.state === 'ok') && ofFile(client.published).length === ofFile(client.statuses).length;
  const diagnostics = await client.waitFor('the typed diagnostics of load.ts', () => (typed() ? ofFile(client.published).at(-1).diagnostics : undefined), 30_000);
  const message = diagnostics[0]?.message ?? '';
  check(
    diagnostics.length === 1 && message === '`fs.readFileSync` blocks the event loop inside async function `load`; use `fs.promises.readFile`.',
    `the bundled server reports fs.readFileSync with no node_modules around (${JSON.stringify(message)})`,
  );
  check(
    client.logs.some((line) => line.includes("using the language server's bundled @types/node")),
    'it used its bundled @types/node',
  );
} catch (error) {
  check(false, `the bundled server answered: ${error instanceof Error ? error.message : String(error)}`);
  console.error(client.logs.join('\n'));
} finally {
  await client.stop();
  fs.rmSync(temp, { recursive: true, force: true });
}
console.log(`bundle smoke: ${failed === 0 ? 'ok' : `${failed} failed`}`);
process.exit(failed === 0 ? 0 : 1);
