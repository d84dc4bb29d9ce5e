#!/usr/bin/env node
// Soak of unblock-language-server: 2,000 scripted edits with random syntax breakage, over stdio, with pull
// diagnostics, the way an editor sends them.
//
// The project (scripts/bench/soak-project.mjs) is a temporary folder with four TypeScript files: async functions
// calling fs.readFileSync, crypto.pbkdf2Sync, execSync, and helpers that block from another file. Three are open;
// the edits (a seeded generator: blocking lines inserted and removed, random deletions, half-typed calls,
// unbalanced braces, unterminated strings and templates, undo, cross-file edits of the helper file) are sent as
// incremental didChange notifications. Between them: typing without pulls, pulls of the edited file (some racing
// the next edits, some cancelled), pulls of every file, code actions.
//
// Checked: the server never exits and answers no request with an error (nor logs one); a pull with nothing sent
// meanwhile returns diagnostics of the current version, and an "unchanged" answer the diagnostics of a full one; at
// each checkpoint (SOAK_CHECK_EVERY edits, default 200) and at the end, the diagnostics of every open file equal
// those of a FRESH server started on the same texts (written to a new folder and opened): range, code and message.
// Measured: the server's RSS (/proc/<pid>/status) after the warm-up (SOAK_WARMUP edits, default 100) and at the
// end, each after a settle (answers in, every file pulled, a forced GC, 1 s idle), its peak (VmHWM), its JS heap
// after the GC, and the pull latency.
//
// The server runs in the environment the VS Code extension starts it with (language-server/src/memory.ts: a
// fixed glibc mmap threshold). A second soak of the same edits, without the checkpoints, measures the RSS growth of
// a server started without it (SOAK_PLAIN=0 skips it).
//
// SOAK_SEED (default 0x50a4), SOAK_EDITS (default 2000): the edits. SOAK_SERVER: another build's server.js. Exit
// status 1 on a crash, an error, or stale diagnostics; RSS growth over the target is reported, not failed.
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverEnvironment } from 'unblock-language-server/protocol';
import { LspClient } from '../lib/lsp-client.mjs';
import { defaultEdits, defaultSeed, soakOpenFiles, soakProjectFiles } from './soak-edits.mjs';
import { runSoak, soakDriver } from './soak-run.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const serverPath = process.env.SOAK_SERVER ?? path.join(root, 'language-server', 'dist', 'server.js');
const plainRun = process.env.SOAK_PLAIN !== '0';
const seed = Number(process.env.SOAK_SEED ?? defaultSeed);
const edits = Number(process.env.SOAK_EDITS ?? defaultEdits);
const checkpointEvery = Number(process.env.SOAK_CHECK_EVERY ?? 200);
const warmup = Math.min(Number(process.env.SOAK_WARMUP ?? 100), Math.floor(edits / 4));
const settleMs = 1000;
// The settle before an RSS reading forces a full garbage collection in the server (SIGUSR2 → gc()), so the
// readings compare live memory, not how far V8 let garbage pile up (three: V8 shrinks its heap over several).
const gcOnSignal = [
  '--expose-gc',
  `--import=data:text/javascript,process.on('SIGUSR2',()=>{globalThis.gc();globalThis.gc();globalThis.gc();process.stderr.write('soak-memory '+JSON.stringify(process.memoryUsage())+'\\n')})`,
];
const targetGrowth = 20;

// ---------------------------------------------------------------------------------------------------------------
// Projects
// ---------------------------------------------------------------------------------------------------------------

/** A temporary copy of the soak project with `texts` (file → text) over its files; node_modules linked in. */
async function createProject(texts = new Map()) {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'unblock-lsp-soak-')));
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [file, text] of Object.entries({ ...soakProjectFiles(), ...Object.fromEntries(texts) })) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------------------------
// The server, through the shared LSP client
// ---------------------------------------------------------------------------------------------------------------

const capabilities = {
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    codeAction: { dataSupport: true, isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    synchronization: { dynamicRegistration: false },
  },
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
};

/** A server on `dir`; `environment` goes over this process's (a variable set to '' is removed). */
function startServer(dir, environment = serverEnvironment) {
  const env = Object.fromEntries(Object.entries({ ...process.env, ...environment }).filter(([, value]) => value !== ''));
  const client = new LspClient({
    name: 'unblock-language-server',
    server: serverPath,
    nodeArgs: gcOnSignal,
    env,
    configuration: (item) => (item.section === 'unblock' ? {} : null),
  });
  client.dir = dir;
  client.heapReports = [];
  client.child.stderr.on('data', (chunk) => {
    for (const [, report] of chunk.toString().matchAll(/^soak-memory (.*)$/gm)) client.heapReports.push(JSON.parse(report));
  });
  return client;
}

/** Forces a full garbage collection in the server; its heap then (MB), when it says so within 5 s. */
async function collectGarbage(client) {
  const reports = client.heapReports.length;
  client.child.kill('SIGUSR2');
  for (let waited = 0; client.heapReports.length === reports && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  return (client.heapReports[reports]?.heapUsed ?? NaN) / 2 ** 20;
}

/** A fresh server's diagnostics of `texts`, written to a new folder and opened. */
async function freshDiagnostics(texts) {
  const dir = await createProject(texts);
  const client = startServer(dir);
  clients.add(client);
  try {
    await client.initialize({ folder: dir, capabilities });
    const driver = soakDriver(client, dir);
    for (const file of soakOpenFiles) await driver.open(file, texts.get(file), 1);
    const diagnostics = new Map();
    for (const file of soakOpenFiles) diagnostics.set(file, (await driver.pull(file, undefined, { cancel: false })).items);
    return diagnostics;
  } finally {
    await client.stop();
    clients.delete(client);
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------------

const clients = new Set();
process.on('exit', () => {
  for (const client of clients) if (!client.exited) client.child.kill('SIGKILL');
});

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};

/** One soak of the seeded edits with a server started in `environment`; its result, memory readings and exit. */
async function soak(environment, { checkEvery }) {
  const dir = await createProject();
  const soaked = startServer(dir, environment);
  clients.add(soaked);
  const memory = {};
  let exitedWith;
  try {
    soaked.child.on('exit', (code, signal) => (exitedWith = signal ?? code));
    await soaked.initialize({ folder: dir, capabilities });
    const result = await runSoak({
      driver: soakDriver(soaked, dir),
      fresh: freshDiagnostics,
      seed,
      edits,
      checkpointEvery: checkEvery,
      settleAt: [warmup],
      settleMs,
      onSettled: async (label, index) => {
        const heapMb = await collectGarbage(soaked);
        await new Promise((resolve) => setTimeout(resolve, settleMs));
        memory[label] = { ...(await soaked.memory()), heapMb, index };
      },
      onProgress: (index) => {
        if (index % 250 === 0) process.stdout.write(`${index} `);
      },
    });
    console.log('\n');
    await soaked.stop();
    return { result, memory, crashed: exitedWith !== undefined && exitedWith !== 0, exitedWith };
  } finally {
    clients.delete(soaked);
    if (!soaked.exited) soaked.child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}

const environmentText = Object.entries(serverEnvironment).map(([name, value]) => `${name}=${value}`).join(' ');
console.log(`seed ${seed} (0x${seed.toString(16)}), ${edits} edits of ${soakOpenFiles.join(', ')}; fresh-server checkpoints every ${checkpointEvery} edits and at the end`);
console.log(`server environment: ${environmentText} (as the VS Code extension starts it)\n`);
const main = await soak(serverEnvironment, { checkEvery: checkpointEvery });
let plain;
if (plainRun) {
  console.log('the same edits, server started without that environment (checked at the end only):');
  plain = await soak(Object.fromEntries(Object.keys(serverEnvironment).map((name) => [name, ''])), { checkEvery: Infinity });
}

// ---------------------------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------------------------

const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const mb = (value) => (Number.isFinite(value) ? `${value.toFixed(0)} MB` : 'n/a (no /proc)');
const percent = (value) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(1)}%` : 'n/a');
/** RSS and live-heap growth of a soak, from the warm-up reading to the end, in %. */
const growthOf = ({ memory: { 'warm-up': start, end } }) => ({
  start,
  end,
  rss: start && end ? ((end.rssMb - start.rssMb) / start.rssMb) * 100 : NaN,
  heap: start && end ? ((end.heapMb - start.heapMb) / start.heapMb) * 100 : NaN,
});
/** What went wrong in a soak: a crash, errors, stale pulls, mismatches with a fresh server, missing edits. */
const problemsOf = ({ result, crashed, exitedWith }) => [
  ...(crashed ? [`seed ${seed}: the server exited (${exitedWith})`] : []),
  ...result.errors,
  ...result.stalePulls,
  ...result.checkpoints.flatMap((checkpoint) => checkpoint.differences),
  ...(result.edits < edits ? [`seed ${seed}: only ${result.edits} of ${edits} edits were sent`] : []),
];

const { result } = main;
const differences = result.checkpoints.flatMap((checkpoint) => checkpoint.differences);
const final = result.checkpoints.at(-1);
const growth = growthOf(main);
const rows = [
  ['edits (didChange notifications)', `${result.edits} of ${edits}`],
  ['pulls (textDocument/diagnostic) / answered unchanged / cancelled', `${result.pulls} / ${result.unchanged} / ${result.cancelled}`],
  ['code action requests', String(result.codeActions)],
  ['server crashes (exit during the soak)', main.crashed ? `1 (${main.exitedWith})` : '0'],
  ['errors (error responses, logged errors)', String(result.errors.length)],
  ['stale pulls (an old version, or a wrong "unchanged")', String(result.stalePulls.length)],
  [`stale mismatches vs a fresh server: end (all ${result.checkpoints.length} checkpoints)`, `${final?.differences.length ?? 'n/a'} (${differences.length})`],
  [`RSS after warm-up (edit ${growth.start?.index ?? '–'})`, mb(growth.start?.rssMb)],
  [`RSS at the end (edit ${growth.end?.index ?? '–'})`, mb(growth.end?.rssMb)],
  ['RSS peak (VmHWM)', mb(growth.end?.peakMb)],
  ['JS heap used after a forced GC: warm-up → end', `${mb(growth.start?.heapMb)} → ${mb(growth.end?.heapMb)}`],
  ['RSS growth (target < 20%)', percent(growth.rss)],
  [`pull latency p50 / p95 / max (${result.pullMs.length} quiet pulls)`, `${ms(percentile(result.pullMs, 50))} / ${ms(percentile(result.pullMs, 95))} / ${ms(Math.max(...result.pullMs))}`],
];
const plainGrowth = plain && growthOf(plain);
if (plain) {
  rows.push(
    [`without ${environmentText}: RSS warm-up → end (peak)`, `${mb(plainGrowth.start?.rssMb)} → ${mb(plainGrowth.end?.rssMb)} (${mb(plainGrowth.end?.peakMb)})`],
    [`without ${environmentText}: RSS growth`, percent(plainGrowth.rss)],
  );
}
const widths = [Math.max(...rows.map(([label]) => label.length)), Math.max(...rows.map(([, value]) => value.length))];
console.log(`| ${'soak'.padEnd(widths[0])} | ${''.padStart(widths[1])} |`);
console.log(`|${'-'.repeat(widths[0] + 2)}|${'-'.repeat(widths[1] + 1)}:|`);
for (const [label, value] of rows) console.log(`| ${label.padEnd(widths[0])} | ${value.padStart(widths[1])} |`);
console.log(`edit kinds: ${Object.entries(result.kinds).map(([kind, count]) => `${kind} ${count}`).join(', ')}`);

const problems = [...problemsOf(main), ...(plain ? problemsOf(plain).map((problem) => `without ${environmentText}: ${problem}`) : [])];
for (const problem of problems.slice(0, 30)) console.log(`  ${problem}`);
if (problems.length > 30) console.log(`  … and ${problems.length - 30} more`);

const growthMet = !(growth.rss >= targetGrowth);
console.log(`\ntarget: RSS growth from warm-up to the end < ${targetGrowth}%: ${Number.isFinite(growth.rss) ? (growthMet ? 'MET' : 'MISSED') : 'not measured'} (${percent(growth.rss)})`);
console.log(
  `live JS objects (heap after a forced GC) grew ${percent(growth.heap)}.` +
    (plain
      ? ` Without ${environmentText} RSS grew ${percent(plainGrowth.rss)}: glibc then keeps freed memory in its arenas ` +
        '(language-server/src/memory.ts says why).'
      : ''),
);
const failed = problems.length > 0;
console.log(
  `soak: ${failed ? 'FAILED: a crash, errors or stale diagnostics (above)' : 'passed: no crash, no errors, no stale diagnostics'}; ` +
    `reproduce with SOAK_SEED=${seed} SOAK_EDITS=${edits}`,
);
process.exitCode = failed ? 1 : 0;
