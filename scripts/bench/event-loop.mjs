#!/usr/bin/env node
// The event-loop benchmark: start fixtures/demo-app as it is, with unblock's suggestions applied one by one, and
// fixed whole by the built `unblock-cli fix --chains` (its helpers' chains made async too), drive each with the same
// concurrent load, and print latency, throughput and the server's event-loop delay.
//
// Two clients run at once against each server, as in production: a few "heavy" requests (password hashing,
// key derivation, gzip of a report, a shell-out) and many "light" ones (JSON reads). Blocking calls make the
// light requests wait behind the heavy ones; that wait is what the fixes remove.
import { fork, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { applySuggestions } from '../apply-suggestions.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = path.join(root, 'artifacts/bench');
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const light = { connections: 16, requests: [{ path: '/config' }, { path: '/users/1' }, { path: '/users' }] };
const heavy = {
  connections: 4,
  requests: [
    { path: '/token' },
    { method: 'POST', path: '/login', body: JSON.stringify({ user: 'ada', password: 'secret' }), headers: { 'content-type': 'application/json' } },
    { path: '/report' },
    { path: '/version' },
  ],
};

/** A copy of the demo app, fixed by `fix`: none, `suggestions` (one by one, as in an editor) or `cli` (`unblock-cli fix --chains`). */
function prepare(name, fix) {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(root, 'fixtures/demo-app'), dir, { recursive: true, filter: (source) => !source.includes('/dist') });
  const fixes = fix === 'suggestions' ? applySuggestions({ projectDir: dir, prefer: 'worker' }) : fix === 'cli' ? fixWithCli(dir) : { applied: [], unfixed: [] };
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`${name}: tsc failed\n${build.stdout}${build.stderr}`);
  return { dir, fixes };
}

/** `unblock-cli fix --chains` in `dir`, as a user runs it (the built CLI, the project's own ESLint config); its report lines. */
function fixWithCli(dir) {
  const run = spawnSync(process.execPath, [path.join(root, 'cli/dist/bin.js'), 'fix', '--chains'], { cwd: dir, encoding: 'utf8' });
  const lines = run.stdout.trim().split('\n');
  const summary = lines.at(-1) ?? '';
  // exit 1: findings left or rewrites refused; the bench wants the app fully fixed
  if (run.status !== 0) throw new Error(`unblock-cli fix --chains: exit ${run.status}\n${run.stdout}${run.stderr}`);
  return { applied: lines.filter((line) => line.startsWith('applied')).map((line) => ({ line })), unfixed: [], summary };
}

async function measure({ dir }) {
  const server = fork(path.join(dir, 'dist/server.js'), [], {
    env: { ...process.env, PORT: '0' },
    execArgv: ['--require', path.join(root, 'scripts/bench/loop-delay-probe.cjs')],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`server exited (${code})`)));
      server.stdout.on('data', (chunk) => {
        const match = /listening on (http:\/\/\S+)/.exec(String(chunk));
        if (match) resolve(match[1]);
      });
    });
    // warm-up (JIT, module loading, worker threads), then a fresh loop-delay window for the measured run
    await autocannon({ url, connections: 2, amount: 20, requests: light.requests });
    await autocannon({ url, connections: heavy.connections, amount: heavy.connections * heavy.requests.length * 2, requests: heavy.requests });
    server.send('reset');
    const [lightResult, heavyResult] = await Promise.all([
      autocannon({ url, duration, ...light }),
      autocannon({ url, duration, ...heavy }),
    ]);
    server.send('report');
    const [loop] = await once(server, 'message');
    return { light: summary(lightResult), heavy: summary(heavyResult), loop };
  } finally {
    server.kill('SIGTERM');
  }
}

function summary(result) {
  const errors = result.errors + result.timeouts + result.non2xx;
  return { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, rps: Math.round(result.requests.average), errors };
}

const ratio = (before, after) => (after > 0 ? `${(before / after).toFixed(1)}×` : '∞');

mkdirSync(work, { recursive: true });
console.log(`Preparing fixtures/demo-app: original, with unblock's suggestions applied, and fixed by unblock-cli fix --chains…`);
const original = prepare('demo-original', false);
const fixed = prepare('demo-fixed', 'suggestions');
const cli = prepare('demo-cli-chains', 'cli');
console.log('suggestions, one by one:');
for (const { file, line, title } of fixed.fixes.applied) console.log(`  ${path.relative(fixed.dir, file)}:${line}  ${title}`);
for (const { file, line, message } of fixed.fixes.unfixed) console.log(`  left ${path.relative(fixed.dir, file)}:${line}  ${message}`);
console.log('unblock-cli fix --chains:');
for (const { line } of cli.fixes.applied) console.log(`  ${line}`);
console.log(`  ${cli.fixes.summary}`);
console.log(`Load: ${light.connections} light + ${heavy.connections} heavy connections for ${duration} s each run (node ${process.version}, ${(await import('node:os')).availableParallelism()} CPUs)\n`);

const before = await measure(original);
const after = await measure(fixed);
const chains = await measure(cli);

const pick = {
  'light requests p50 (ms)': (run) => run.light.p50,
  'light requests p99 (ms)': (run) => run.light.p99,
  'light requests/s': (run) => run.light.rps,
  'heavy requests p50 (ms)': (run) => run.heavy.p50,
  'heavy requests p99 (ms)': (run) => run.heavy.p99,
  'heavy requests/s': (run) => run.heavy.rps,
  'event-loop delay p99 (ms)': (run) => run.loop.p99,
  'event-loop delay max (ms)': (run) => run.loop.max,
  'errors (non-2xx, timeouts)': (run) => run.light.errors + run.heavy.errors,
};
const gain = (name, b, a) => (name.includes('/s') ? `${(a / Math.max(b, 1)).toFixed(1)}× more` : name.startsWith('errors') ? '' : ratio(b, a));
const table = [
  '| metric | before | after suggestions | before ÷ after | after `fix --chains` | before ÷ after |',
  '|---|---:|---:|---:|---:|---:|',
  ...Object.entries(pick).map(([name, of]) => {
    const [b, a, c] = [of(before), of(after), of(chains)];
    return `| ${name} | ${b} | ${a} | ${gain(name, b, a)} | ${c} | ${gain(name, b, c)} |`;
  }),
];
console.log(table.join('\n'));
for (const [label, run] of [['suggestions', after], ['fix --chains', chains]]) {
  const lightP99 = before.light.p99 / Math.max(run.light.p99, 1);
  const loopMax = before.loop.max / Math.max(run.loop.max, 0.1);
  console.log(`target (≥10× lower), ${label}: light p99 ${lightP99.toFixed(1)}× ${lightP99 >= 10 ? 'met' : 'NOT met'}; max loop delay ${loopMax.toFixed(1)}× ${loopMax >= 10 ? 'met' : 'NOT met'}`);
}
writeFileSync(
  path.join(work, 'event-loop.json'),
  JSON.stringify({ duration, before, after, chains, fixes: fixed.fixes.applied.length, cliFixes: cli.fixes.applied.length }, null, 2),
);
