/**
 * The differences between oxlint's findings and ESLint's untyped findings on the same files, each with its reason
 * (rules-docs/oxlint.md, "Differences from ESLint" says the same): the comparison tests accept these and nothing else.
 */
import { Linter, type ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import type { Finding, LintSetup } from './lint.js';
import { pluginEntry } from './lint.js';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * oxlint's JSON `column` counts UTF-8 bytes; ESLint's counts UTF-16 code units. The span (offset and length) is the
 * same node, so the tests compare the start computed from the span and check this one difference on its own.
 */
export const columnInBytes = 'oxlint reports `column` in UTF-8 bytes (ESLint: UTF-16 code units); the span is the same';

/**
 * `require('fs')` in a `.cjs` file: ESLint declares `require`, `module` and `exports` for CommonJS files
 * (`sourceType: 'commonjs'`), oxlint declares no CommonJS globals unless `env` says so (`"node": true` or
 * `"commonjs": true`). An engine that follows only a declared `require` then finds nothing under oxlint; one that
 * also follows a `require` no file binding declares (Node's CommonJS `require`) finds the same under both.
 */
export const undeclaredRequire =
  'in a .cjs file ESLint declares `require`, oxlint (without `env.node` / `env.commonjs`) does not, and this engine follows only a declared `require`';

/** Whether the built engine follows `require()` where `require` is not declared (an ES module `.js` file in ESLint). */
export function engineTracksUndeclaredRequire(): boolean {
  const unblock = require(pluginEntry) as ESLint.Plugin;
  const messages = new Linter({ configType: 'flat' }).verify(
    `const fs = require('fs');\nexport async function f() { return fs.readFileSync('x'); }\n`,
    [{ files: ['**/*.js'], languageOptions: { parser: tseslint.parser }, plugins: { unblock }, rules: { 'unblock/no-blocking-call': 'error' } }],
    'probe.js',
  );
  return messages.some((message) => message.ruleId === 'unblock/no-blocking-call');
}

/** Does `setup` declare `require` for oxlint (its `env`)? */
function oxlintDeclaresRequire(setup: LintSetup): boolean {
  return Boolean(setup.env?.node || setup.env?.commonjs);
}

/**
 * The reason ESLint reports `finding` and oxlint does not, when it is an accepted one; undefined otherwise (then the
 * test fails).
 */
export function acceptedEslintOnly(finding: Finding, setup: LintSetup, tracksUndeclaredRequire: boolean): string | undefined {
  if (finding.file.endsWith('.cjs') && !oxlintDeclaresRequire(setup) && !tracksUndeclaredRequire) return undeclaredRequire;
  return undefined;
}
