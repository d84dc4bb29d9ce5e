#!/usr/bin/env node
// The event-loop benchmark: start fixtures/demo-app as it is and with unblock's suggestions applied, drive
// each with the same concurrent load, and print latency, throughput and the server's event-loop delay.
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

function prepare(name, fix) {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(root, 'fixtures/demo-app'), dir, { recursive: true, filter: (source) => !source.includes('/dist') });
  const fixes = fix ? applySuggestions({ projectDir: dir, prefer: 'worker' }) : { applied: [], unfixed: [] };
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`${name}: tsc failed\n${build.stdout}${build.stderr}`);
  return { dir, fixes };
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
console.log(`Preparing fixtures/demo-app: original and with unblock's suggestions applied…`);
const original = prepare('demo-original', false);
const fixed = prepare('demo-fixed', true);
for (const { file, line, title } of fixed.fixes.applied) console.log(`  ${path.relative(fixed.dir, file)}:${line}  ${title}`);
console.log(`Load: ${light.connections} light + ${heavy.connections} heavy connections for ${duration} s each run (node ${process.version}, ${(await import('node:os')).availableParallelism()} CPUs)\n`);

const before = await measure(original);
const after = await measure(fixed);

const rows = [
  ['light requests p50 (ms)', before.light.p50, after.light.p50],
  ['light requests p99 (ms)', before.light.p99, after.light.p99],
  ['light requests/s', before.light.rps, after.light.rps],
  ['heavy requests p50 (ms)', before.heavy.p50, after.heavy.p50],
  ['heavy requests p99 (ms)', before.heavy.p99, after.heavy.p99],
  ['heavy requests/s', before.heavy.rps, after.heavy.rps],
  ['event-loop delay p99 (ms)', before.loop.p99, after.loop.p99],
  ['event-loop delay max (ms)', before.loop.max, after.loop.max],
  ['errors (non-2xx, timeouts)', before.light.errors + before.heavy.errors, after.light.errors + after.heavy.errors],
];
const table = [
  '| metric | before | after fixes | before ÷ after |',
  '|---|---:|---:|---:|',
  ...rows.map(([name, b, a]) => `| ${name} | ${b} | ${a} | ${name.includes('/s') ? `${(a / Math.max(b, 1)).toFixed(1)}× more` : name.startsWith('errors') ? '' : ratio(b, a)} |`),
];
console.log(table.join('\n'));
const lightP99 = before.light.p99 / Math.max(after.light.p99, 1);
const loopMax = before.loop.max / Math.max(after.loop.max, 0.1);
console.log(`\ntarget (≥10× lower): light p99 ${lightP99.toFixed(1)}× ${lightP99 >= 10 ? 'met' : 'NOT met'}; max loop delay ${loopMax.toFixed(1)}× ${loopMax >= 10 ? 'met' : 'NOT met'}`);
writeFileSync(path.join(work, 'event-loop.json'), JSON.stringify({ duration, before, after, fixes: fixed.fixes.applied.length }, null, 2));
