// The oxlint section of the lint-speed benchmark: on the same real codebase (eslint@10.15.0's lib/), whole processes
// as a pre-commit hook runs them, median of RUNS each: oxlint + unblock (JS plugin), oxlint's native `node/no-sync`,
// oxlint + a JS plugin whose one rule does nothing (the plugin host's own cost), ESLint untyped + unblock and ESLint
// typed + unblock. Prints wall time and findings for each, and the ratio oxlint + unblock / oxlint node/no-sync
// (target ≤ 2×) with its two parts. Called by lint-speed.mjs; runs alone too.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const eslintRoot = path.dirname(require.resolve('eslint/package.json'));
const oxlintCli = path.join(path.dirname(require.resolve('oxlint/package.json')), 'bin/oxlint');
const oxlintVersion = require('oxlint/package.json').version;
// The files ESLint's `lib/**/*.js` matches, named one by one: oxlint skips a folder inside node_modules.
const files = readdirSync(path.join(eslintRoot, 'lib'), { recursive: true })
  .filter((file) => file.endsWith('.js'))
  .map((file) => path.join('lib', file))
  .sort();
const once = fileURLToPath(new URL('./lint-once.mjs', import.meta.url));

// eslint's lib/ is CommonJS: `env.node` declares `require` as ESLint's `sourceType: 'commonjs'` does; `builtin`
// keeps the ECMAScript globals. oxlint's own default rules are off, so each run is the named rule alone.
const oxlintConfigs = {
  'oxlint + unblock': {
    categories: { correctness: 'off' },
    env: { builtin: true, node: true },
    jsPlugins: ['eslint-plugin-unblock'],
    rules: { 'unblock/no-blocking-call': 'error' },
  },
  'oxlint node/no-sync': {
    categories: { correctness: 'off' },
    env: { builtin: true, node: true },
    plugins: ['node'],
    rules: { 'node/no-sync': 'error' },
  },
  'oxlint + empty JS plugin': {
    categories: { correctness: 'off' },
    env: { builtin: true, node: true },
    jsPlugins: [fileURLToPath(new URL('./oxlint-empty-plugin.cjs', import.meta.url))],
    rules: { 'empty/nothing': 'error' },
  },
};
const eslintSetups = { 'ESLint untyped + unblock': 'untyped+unblock-direct', 'ESLint typed + unblock': 'typed+unblock-direct' };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One oxlint process over lib/ with `config` (written next to this repository's node_modules, so `jsPlugins` resolves). */
function oxlintOnce(name, config) {
  const configDir = path.join(root, 'artifacts/bench-configs');
  mkdirSync(configDir, { recursive: true });
  const configFile = path.join(configDir, `${name.replace(/[^\w]+/g, '-')}.oxlintrc.json`);
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const start = performance.now();
  const result = spawnSync(process.execPath, [oxlintCli, '-c', configFile, '-f', 'json', ...files], {
    cwd: eslintRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (result.error) throw result.error;
  const report = JSON.parse(result.stdout);
  const errors = report.diagnostics.filter((diagnostic) => !diagnostic.code);
  if (errors.length > 0) throw new Error(`${name}: ${errors[0].message}`);
  return { ms: Math.round(ms), findings: report.diagnostics.length, files: report.number_of_files };
}

/** One ESLint process (lint-once.mjs) over lib/, timed from outside: process start, config and plugin load included. */
function eslintOnce(setup) {
  const start = performance.now();
  const output = JSON.parse(execFileSync(process.execPath, [once, setup], { encoding: 'utf8' }));
  return { ms: Math.round(performance.now() - start), findings: output.findings, files: output.files, lintMs: output.ms };
}

/** Measures the four setups (`runs` each, median) and prints their table and the ratio. */
export function benchOxlint(runs) {
  const measured = {};
  const setups = [
    ...Object.entries(oxlintConfigs).map(([name, config]) => [name, () => oxlintOnce(name, config)]),
    ...Object.entries(eslintSetups).map(([name, setup]) => [name, () => eslintOnce(setup)]),
  ];
  for (const [name, measure] of setups) {
    const samples = Array.from({ length: runs }, measure);
    measured[name] = { ...samples[0], ms: median(samples.map((sample) => sample.ms)) };
    process.stderr.write(`  ${name}: ${measured[name].ms} ms\n`);
  }
  const native = measured['oxlint node/no-sync'].ms;
  const ratio = measured['oxlint + unblock'].ms / native;
  const host = measured['oxlint + empty JS plugin'].ms / native;
  console.log(`\noxlint ${oxlintVersion} and ESLint on the same files (${measured['oxlint + unblock'].files} files), whole processes, median of ${runs} runs\n`);
  console.log('| setup | wall (ms) | findings |');
  console.log('|---|---:|---:|');
  for (const [name] of setups) console.log(`| ${name} | ${measured[name].ms} | ${measured[name].findings} |`);
  console.log(`
- oxlint + unblock / oxlint node/no-sync: ${ratio.toFixed(2)}× (target ≤ 2×): the plugin host alone (an empty JS plugin) ${host.toFixed(2)}×, unblock on top of it ${(ratio - host).toFixed(2)}× (${measured['oxlint + unblock'].ms - measured['oxlint + empty JS plugin'].ms} ms).
- oxlint + unblock vs ESLint untyped + unblock: ${(measured['ESLint untyped + unblock'].ms / measured['oxlint + unblock'].ms).toFixed(1)}× faster, ${measured['oxlint + unblock'].findings === measured['ESLint untyped + unblock'].findings ? 'the same' : 'different'} finding count; vs ESLint typed + unblock: ${(measured['ESLint typed + unblock'].ms / measured['oxlint + unblock'].ms).toFixed(1)}× faster.
- node/no-sync reports every \`*Sync\` call anywhere (${measured['oxlint node/no-sync'].findings}); unblock only those inside async code.`);
  return measured;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) benchOxlint(Number(process.env.BENCH_RUNS ?? 3));
