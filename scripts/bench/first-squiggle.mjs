#!/usr/bin/env node
// Time to the first squiggle after opening a file in a freshly started server, beside TypeScript's own, in the same
// session: tsserver (node_modules/typescript/lib/tsserver.js, what VS Code runs) opens the file and answers `geterr`
// — the time to its first `semanticDiag` event with an error; unblock-language-server (pull diagnostics with
// refresh, as VS Code) — the time to the first pull answer with an unblock diagnostic (the preliminary pass while
// the program loads), and to the typed answer (pulled again after `workspace/diagnostic/refresh`); and unblock with
// `preliminary: false` (every answer waits for the typed program), for comparison. Each server starts cold, one at a
// time; one untimed tsserver run first warms the disk cache for all of them.
//
// The opened text is the file on disk with two lines added at its end: an async function with a blocking call (what
// unblock finds) and a type error (what TypeScript finds). Projects: the demo app (fixtures/demo-app), and a large
// project when BENCH_LARGE_PROJECT names its folder (one tsconfig.json; BENCH_LARGE_FILE: the file to open, relative
// to it, default the first .ts file under src/). Target: unblock's first squiggle within 1 s of opening, and within
// 1.5× TypeScript's; a second file opened a second after the first answer, while types load, answered within 1 s too
// (the program is built on the server's one thread: a file opened meanwhile waits for it).
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withServerEnvironment } from 'unblock-language-server/protocol';
import { LspClient, uriOf } from '../lib/lsp-client.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const unblockServer = path.join(root, 'language-server', 'dist', 'server.js');
const tsserver = path.join(path.dirname(require.resolve('typescript/package.json')), 'lib', 'tsserver.js');
const targetMs = 1000;
const targetRatio = 1.5;
/** The second file opens this long after the first answer. */
const secondAfterMs = 1000;
const deadlineMs = 300_000;

const appended = [
  '',
  "import { readFileSync as benchReadFileSync } from 'node:fs';",
  "export async function benchBlocking(): Promise<string> { return benchReadFileSync('bench.txt', 'utf8'); }",
  "export const benchTypeError: number = 'not a number';",
  '',
].join('\n');

const now = () => performance.now();

/** tsserver: `open` then `geterr`; ms from sending `open` to the first semanticDiag with an error for the file. */
async function typescriptFirstSquiggle(project, fileName, text) {
  const child = spawn(process.execPath, [tsserver, '--disableAutomaticTypingAcquisition', '--suppressDiagnosticEvents=false'], { stdio: 'pipe', cwd: project });
  let buffer = Buffer.alloc(0);
  let seq = 0;
  const send = (command, args) => child.stdin.write(`${JSON.stringify({ seq: ++seq, type: 'request', command, arguments: args })}\n`);
  const started = now();
  const result = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tsserver: no error squiggle for ${fileName} within ${deadlineMs} ms`)), deadlineMs);
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const header = /Content-Length: (\d+)\r\n\r\n/.exec(buffer.toString('latin1', 0, Math.min(buffer.length, 64)));
        if (!header) break;
        const start = header.index + header[0].length;
        const length = Number(header[1]);
        if (buffer.length < start + length) break;
        const message = JSON.parse(buffer.toString('utf8', start, start + length));
        buffer = buffer.subarray(start + length);
        if (message.type === 'event' && message.event === 'semanticDiag' && message.body.diagnostics.some((d) => d.category === 'error')) {
          clearTimeout(timer);
          resolve(now() - started);
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`tsserver exited (${code})`)));
  });
  send('open', { file: fileName, fileContent: text, scriptKindName: 'TS', projectRootPath: project });
  send('geterr', { files: [fileName], delay: 0 });
  try {
    return await result;
  } finally {
    child.removeAllListeners('exit');
    child.kill();
  }
}

/** unblock: open, pull at once; the first answer with an unblock diagnostic, and the typed answer. */
async function unblockSquiggles(project, fileName, text, preliminary) {
  const client = new LspClient({ name: 'unblock', server: unblockServer, env: withServerEnvironment(process.env) });
  try {
    await client.initialize({
      folder: project,
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
      initializationOptions: { preliminary },
    });
    const uri = uriOf(fileName);
    const started = now();
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const pull = async () => (await client.request('textDocument/diagnostic', { textDocument: { uri } }, { timeoutMs: deadlineMs })).items ?? [];
    let first;
    let items = await pull();
    if (items.length > 0) first = now() - started;
    const typedStatus = () => client.statuses.find((status) => status.uri === uri && status.state === 'ok');
    // A second file, opened a second after the first answer: answered at once too, or only once the program is built?
    let second;
    if (preliminary && !typedStatus()) {
      await new Promise((resolve) => setTimeout(resolve, secondAfterMs));
      const secondUri = uriOf(fileName.replace(/(\.[cm]?tsx?)$/, '-second$1'));
      const secondOpened = now();
      await client.notify('textDocument/didOpen', { textDocument: { uri: secondUri, languageId: 'typescript', version: 1, text } });
      const answer = await client.request('textDocument/diagnostic', { textDocument: { uri: secondUri } }, { timeoutMs: deadlineMs });
      second = { ms: now() - secondOpened, findings: answer.items?.length ?? 0, typed: typedStatus() !== undefined };
    }
    // Pulled again on each refresh until the answer is the typed one (a refresh can come for another reason first:
    // the second file may change what the first one's findings depend on).
    for (let refreshes = 0; !typedStatus(); ) {
      const seen = refreshes;
      refreshes = await client.waitFor('the typed analysis', () => (client.refreshRequests > seen ? client.refreshRequests : undefined), deadlineMs);
      items = await pull();
    }
    const typed = now() - started;
    first ??= items.length > 0 ? typed : undefined;
    return { first, typed, second, preliminaryFindings: client.statuses.find((status) => status.uri === uri && status.state === 'loading-types')?.findings, typedFindings: items.length };
  } finally {
    await client.stop();
  }
}

async function firstTsFile(dir) {
  const files = (await readdir(dir, { recursive: true })).filter((file) => /\.ts$/.test(file) && !/\.d\.ts$/.test(file)).sort();
  if (files.length === 0) throw new Error(`no .ts file under ${dir}`);
  return path.join(dir, files[0]);
}

async function countFiles(dir) {
  const files = await readdir(dir, { recursive: true });
  return files.filter((file) => /\.[cm]?tsx?$/.test(file) && !file.split(path.sep).includes('node_modules')).length;
}

const ms = (value) => (value === undefined ? '—' : `${Math.round(value)} ms`);

async function measure(name, project, fileName) {
  const text = `${await readFile(fileName, 'utf8')}${appended}`;
  const files = await countFiles(project);
  process.stdout.write(`\n${name}: ${project} (${files} TypeScript files), opening ${path.relative(project, fileName)}\n`);
  await typescriptFirstSquiggle(project, fileName, text); // warms the disk cache, untimed
  const typescript = await typescriptFirstSquiggle(project, fileName, text);
  const withPreliminary = await unblockSquiggles(project, fileName, text, true);
  const typedOnly = await unblockSquiggles(project, fileName, text, false);
  const ratio = withPreliminary.first === undefined ? undefined : withPreliminary.first / typescript;
  const rows = [
    ['TypeScript (tsserver): first error squiggle', ms(typescript), ''],
    ['unblock: first squiggle (preliminary pass)', ms(withPreliminary.first), `${withPreliminary.preliminaryFindings ?? 0} findings`],
    ['unblock: typed result', ms(withPreliminary.typed), `${withPreliminary.typedFindings} findings`],
    ['unblock without the preliminary pass: first squiggle', ms(typedOnly.first), `${typedOnly.typedFindings} findings`],
  ];
  const { second } = withPreliminary;
  if (second) {
    const when = second.typed ? 'after the types had loaded' : 'while types load';
    rows.splice(2, 0, [`unblock: a second file, opened ${secondAfterMs / 1000} s after (${when})`, ms(second.ms), `${second.findings} findings`]);
  }
  for (const [label, value, note] of rows) process.stdout.write(`  ${label.padEnd(56)} ${value.padStart(9)}  ${note}\n`);
  const withinTarget = withPreliminary.first !== undefined && withPreliminary.first <= targetMs && ratio <= targetRatio && (second === undefined || second.ms <= targetMs);
  process.stdout.write(
    `  first squiggle / TypeScript's: ${ratio === undefined ? '—' : `${ratio.toFixed(2)}×`} ` +
      `(target ≤ ${targetMs} ms and ≤ ${targetRatio}×: ${withinTarget ? 'met' : 'NOT met'})\n`,
  );
}

await measure('demo app', path.join(root, 'fixtures', 'demo-app'), path.join(root, 'fixtures', 'demo-app', 'src', 'routes', 'config.ts'));
const large = process.env.BENCH_LARGE_PROJECT;
if (large) {
  const dir = path.resolve(large);
  const file = process.env.BENCH_LARGE_FILE ? path.resolve(dir, process.env.BENCH_LARGE_FILE) : await firstTsFile(path.join(dir, 'src'));
  await measure('large project', dir, file);
} else {
  process.stdout.write(
    '\nlarge project: skipped — set BENCH_LARGE_PROJECT to the folder of a TypeScript project of 1,500+ files (one tsconfig.json) ' +
      'and optionally BENCH_LARGE_FILE to the file to open\n',
  );
}
