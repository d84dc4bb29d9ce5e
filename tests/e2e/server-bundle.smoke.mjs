#!/usr/bin/env node
/**
 * The .vsix is self-contained: unpack it into a temp folder, start its dist/server.js over stdio from there and
 * analyse a file of a project that has no node_modules at all (so TypeScript's libs and `@types/node` must come
 * from the bundle). Prints PASS/FAIL lines; exit code 1 on failure.
 *
 *   node tests/e2e/server-bundle.smoke.mjs vscode-client/unblock-vscode-0.1.0.vsix
 */
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

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
const uri = pathToFileURL(file).href;

const child = spawn(process.execPath, [server, '--stdio'], { cwd: temp, stdio: ['pipe', 'pipe', 'pipe'] });
const logs = [];
let buffer = Buffer.alloc(0);
const waiting = [];
child.stdout.on('data', (data) => {
  buffer = Buffer.concat([buffer, data]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
    buffer = buffer.subarray(headerEnd + 4 + length);
    if (message.method === 'window/logMessage') logs.push(message.params.message);
    for (const waiter of [...waiting]) {
      if (waiter.match(message)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  }
});
const send = (message) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
};
const next = (match, ms = 30_000) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching message within ${ms} ms`)), ms);
    waiting.push({ match, resolve: (message) => (clearTimeout(timer), resolve(message)) });
  });

try {
  const initialized = next((message) => message.id === 1);
  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(project).href, capabilities: {}, initializationOptions: { trusted: false } } });
  const result = (await initialized).result;
  check(result?.serverInfo?.name === 'unblock-language-server', `initialize answers (${result?.serverInfo?.name} ${result?.serverInfo?.version})`);
  send({ method: 'initialized', params: {} });
  const published = next((message) => message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri);
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'typescript', version: 1, text: fs.readFileSync(file, 'utf8') } } });
  const diagnostics = (await published).params.diagnostics;
  const message = diagnostics[0]?.message ?? '';
  check(
    diagnostics.length === 1 && message === '`fs.readFileSync` blocks the event loop inside async function `load`; use `fs.promises.readFile`.',
    `the bundled server reports fs.readFileSync with no node_modules around (${JSON.stringify(message)})`,
  );
  check(
    logs.some((line) => line.includes("using the language server's bundled @types/node")),
    'it used its bundled @types/node',
  );
  const shutdown = next((message) => message.id === 2);
  send({ id: 2, method: 'shutdown' });
  await shutdown;
  send({ method: 'exit' });
} catch (error) {
  check(false, `the bundled server answered: ${error instanceof Error ? error.message : String(error)}`);
  console.error(logs.join('\n'));
} finally {
  child.kill();
  fs.rmSync(temp, { recursive: true, force: true });
}
console.log(`bundle smoke: ${failed === 0 ? 'ok' : `${failed} failed`}`);
process.exit(failed === 0 ? 0 : 1);
