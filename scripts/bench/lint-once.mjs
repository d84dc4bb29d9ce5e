// One timed ESLint run over eslint@10's lib/ (389 files) in a fresh process, with the rules of one setup.
// Prints JSON: wall time, findings, and per-rule time from ESLint's `stats`. Used by lint-speed.mjs.
//   node lint-once.mjs <setup> [concurrency: off | N] [cache location]
// The config is written as a module (not passed as objects) so that --concurrency can load it in its workers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const eslintRoot = path.dirname(require.resolve('eslint/package.json'));
const [setup, concurrency = 'off', cacheLocation] = process.argv.slice(2);

const typed = `{ parser: tseslint.parser, parserOptions: { project: ${JSON.stringify(path.join(root, 'fixtures/real-codebase/tsconfig.json'))} } }`;
const untyped = `{ sourceType: 'commonjs' }`;
const setups = {
  'typed-baseline': [typed, {}],
  'typed+no-floating-promises': [typed, { '@typescript-eslint/no-floating-promises': 'error' }],
  'typed+unblock-direct': [typed, { 'unblock/no-blocking-call': 'error' }],
  'typed+unblock-both': [typed, { 'unblock/no-blocking-call': 'error', 'unblock/no-indirect-blocking-call': 'error' }],
  'untyped-baseline': [untyped, {}],
  'untyped+n/no-sync': [untyped, { 'n/no-sync': 'error' }],
  'untyped+unblock-direct': [untyped, { 'unblock/no-blocking-call': 'error' }],
};
const chosen = setups[setup];
if (!chosen) throw new Error(`unknown setup ${setup}; one of ${Object.keys(setups).join(', ')}`);

const configDir = path.join(root, 'artifacts/bench-configs');
mkdirSync(configDir, { recursive: true });
const configFile = path.join(configDir, `${setup.replace(/[^\w+-]/g, '_')}.mjs`);
writeFileSync(
  configFile,
  `import n from 'eslint-plugin-n';
import tseslint from 'typescript-eslint';
import unblock from 'eslint-plugin-unblock';
export default [
  { linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true } },
  {
    files: ['lib/**/*.js'],
    plugins: { unblock, n, '@typescript-eslint': tseslint.plugin },
    languageOptions: ${chosen[0]},
    rules: ${JSON.stringify(chosen[1])},
  },
];
`,
);

const eslint = new ESLint({
  cwd: eslintRoot,
  overrideConfigFile: configFile,
  ignore: false,
  stats: true,
  concurrency: concurrency === 'off' ? 'off' : Number(concurrency),
  ...(cacheLocation && { cache: true, cacheLocation }),
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
console.log(JSON.stringify({ setup, concurrency, cached: Boolean(cacheLocation), files: results.length, ms: Math.round(ms), findings, ruleMs }));
