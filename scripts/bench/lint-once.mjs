// One timed ESLint run over eslint@10's lib/ (389 files) in a fresh process, with the rules of one setup.
// Prints JSON: wall time, findings, and per-rule time from ESLint's `stats`. Used by lint-speed.mjs.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import n from 'eslint-plugin-n';
import tseslint from 'typescript-eslint';
import unblock from 'eslint-plugin-unblock';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const eslintRoot = path.dirname(require.resolve('eslint/package.json'));
const [setup, concurrency = 'off'] = process.argv.slice(2);

const typed = {
  parser: tseslint.parser,
  parserOptions: { project: path.join(root, 'fixtures/real-codebase/tsconfig.json') },
};
const setups = {
  'typed-baseline': { languageOptions: typed, rules: {} },
  'typed+no-floating-promises': { languageOptions: typed, rules: { '@typescript-eslint/no-floating-promises': 'error' } },
  'typed+unblock-direct': { languageOptions: typed, rules: { 'unblock/no-blocking-call': 'error' } },
  'typed+unblock-both': { languageOptions: typed, rules: { 'unblock/no-blocking-call': 'error', 'unblock/no-indirect-blocking-call': 'error' } },
  'untyped-baseline': { languageOptions: { sourceType: 'commonjs' }, rules: {} },
  'untyped+n/no-sync': { languageOptions: { sourceType: 'commonjs' }, rules: { 'n/no-sync': 'error' } },
  'untyped+unblock-direct': { languageOptions: { sourceType: 'commonjs' }, rules: { 'unblock/no-blocking-call': 'error' } },
};
const chosen = setups[setup];
if (!chosen) throw new Error(`unknown setup ${setup}; one of ${Object.keys(setups).join(', ')}`);

const eslint = new ESLint({
  cwd: eslintRoot,
  overrideConfigFile: true,
  ignore: false,
  stats: true,
  concurrency: concurrency === 'off' ? 'off' : Number(concurrency),
  overrideConfig: [
    { linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true } },
    {
      files: ['lib/**/*.js'],
      plugins: { unblock, n, '@typescript-eslint': tseslint.plugin },
      languageOptions: chosen.languageOptions,
      rules: chosen.rules,
    },
  ],
});
const start = performance.now();
const results = await eslint.lintFiles(['lib/**/*.js']);
const ms = performance.now() - start;
const ruleMs = {};
for (const result of results) {
  for (const pass of result.stats?.times?.passes ?? []) {
    for (const [rule, { total }] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + total;
    ruleMs['(parse)'] = (ruleMs['(parse)'] ?? 0) + (pass.parse?.total ?? 0);
  }
}
const findings = results.reduce((count, result) => count + result.messages.filter((message) => message.ruleId).length, 0);
console.log(JSON.stringify({ setup, files: results.length, ms: Math.round(ms), findings, ruleMs }));
