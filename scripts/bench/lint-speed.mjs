#!/usr/bin/env node
// Lint-speed benchmark on a real codebase: eslint@10.15.0's lib/ (389 files), each setup in fresh processes,
// median of RUNS. Prints wall time, rule time (ESLint stats) and the ratios the targets speak of, then the
// findings curve (lint-curve.mjs). `--curve`: the curve alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCurve } from './lint-curve.mjs';
import { benchOxlint } from './lint-oxlint.mjs';

if (process.argv.includes('--curve')) {
  runCurve();
  process.exit(0);
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const once = fileURLToPath(new URL('./lint-once.mjs', import.meta.url));
const setups = [
  'typed-baseline',
  'typed+no-floating-promises',
  'typed+unblock-direct',
  'typed+unblock-both',
  'untyped-baseline',
  'untyped+n/no-sync',
  'untyped+unblock-direct',
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const measured = {};
for (const setup of setups) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    samples.push(JSON.parse(execFileSync(process.execPath, [once, setup], { encoding: 'utf8' })));
  }
  const rules = Object.keys(samples[0].ruleMs).filter((rule) => rule !== '(parse)');
  measured[setup] = {
    ms: median(samples.map((sample) => sample.ms)),
    ruleMs: Object.fromEntries(rules.map((rule) => [rule, Math.round(median(samples.map((sample) => sample.ruleMs[rule] ?? 0)))])),
    findings: samples[0].findings,
    files: samples[0].files,
  };
  process.stderr.write(`  ${setup}: ${measured[setup].ms} ms\n`);
}

// --concurrency 2 and --cache on the unblock setups (same files, fresh processes).
const once1 = (args) => JSON.parse(execFileSync(process.execPath, [once, ...args], { encoding: 'utf8' }));
const parallel = {};
for (const setup of ['typed+unblock-both', 'untyped+unblock-direct']) {
  parallel[setup] = median(Array.from({ length: runs }, () => once1([setup, '2']).ms));
  process.stderr.write(`  ${setup} --concurrency 2: ${parallel[setup]} ms\n`);
}
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'unblock-bench-cache-'));
const cold = once1(['typed+unblock-both', 'off', path.join(cacheDir, 'cache')]);
const warm = once1(['typed+unblock-both', 'off', path.join(cacheDir, 'cache')]);
rmSync(cacheDir, { recursive: true, force: true });

const wall = (setup) => measured[setup].ms;
const ruleTime = (setup, rule) => measured[setup].ruleMs[rule] ?? 0;
const pct = (part, whole) => `${((part / whole) * 100).toFixed(1)}%`;
console.log(`\neslint@10.15.0 lib/ (${measured['typed-baseline'].files} files), median of ${runs} runs, node ${process.version}\n`);
console.log('| setup | wall (ms) | rule time (ms) | findings |');
console.log('|---|---:|---:|---:|');
for (const setup of setups) {
  const rules = Object.entries(measured[setup].ruleMs).map(([rule, ms]) => `${rule} ${ms}`).join(', ') || '—';
  console.log(`| ${setup} | ${wall(setup)} | ${rules} | ${measured[setup].findings} |`);
}
const baseline = wall('typed-baseline');
const direct = ruleTime('typed+unblock-direct', 'unblock/no-blocking-call');
const floating = ruleTime('typed+no-floating-promises', '@typescript-eslint/no-floating-promises');
const indirect = ruleTime('typed+unblock-both', 'unblock/no-indirect-blocking-call');
const untyped = ruleTime('untyped+unblock-direct', 'unblock/no-blocking-call');
const noSync = ruleTime('untyped+n/no-sync', 'n/no-sync');
console.log(`
- --concurrency 2: typed+unblock-both ${wall('typed+unblock-both')} → ${parallel['typed+unblock-both']} ms (speed-up ${(wall('typed+unblock-both') / parallel['typed+unblock-both']).toFixed(2)}×; on 2 CPUs ESLint itself warns that concurrency may not pay); untyped ${wall('untyped+unblock-direct')} → ${parallel['untyped+unblock-direct']} ms (${(wall('untyped+unblock-direct') / parallel['untyped+unblock-direct']).toFixed(2)}×).
- --cache: typed+unblock-both first run ${cold.ms} ms (${cold.findings} findings), second run ${warm.ms} ms (${warm.findings} findings).`);
console.log(`- unblock/no-blocking-call (typed) adds ${pct(direct, baseline)} to the type-aware baseline (target ≤ 5%); no-floating-promises adds ${pct(floating, baseline)}.
- unblock/no-blocking-call costs ${(direct / floating).toFixed(2)}× no-floating-promises (target ≤ 1×).
- unblock/no-indirect-blocking-call adds ${pct(indirect, wall('typed+unblock-direct'))} over the same run without it (target ≤ 10%).
- untyped: unblock/no-blocking-call ${untyped} ms vs n/no-sync ${noSync} ms of rule time (${(untyped / Math.max(noSync, 1)).toFixed(1)}×); whole runs ${wall('untyped+unblock-direct')} vs ${wall('untyped+n/no-sync')} ms (${(wall('untyped+unblock-direct') / wall('untyped+n/no-sync')).toFixed(2)}×; target ≤ 1.2×).`);

// oxlint + unblock beside oxlint's node/no-sync and ESLint untyped and typed: lint-oxlint.mjs.
benchOxlint(runs);

runCurve();
