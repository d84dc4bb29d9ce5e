/**
 * Options through `.oxlintrc.json`: the rules' own options (`allow`, `deny`, `categories`, `context`) and the shared
 * `settings.unblock`, each giving under oxlint what it gives under ESLint (untyped) on the same file, and what it
 * should; invalid options and settings stop the run with a message naming them. And the one-time notices.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byFile, oxlintrc, runEslintUntyped, runOxlint, type LintSetup } from './lint.js';

const file = `import { readFileSync, statSync } from 'node:fs';
import { Effect } from 'effect';
export async function f() {
  readFileSync('a');
  statSync('b');
  Effect.runSync(Effect.succeed(1));
  console.log('x');
}
export function g() {
  return readFileSync('c');
}
export const top = readFileSync('d');
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'unblock-oxlint-options-'));
  writeFileSync(path.join(dir, 'app.mjs'), file);
  writeFileSync(path.join(dir, 'other.mjs'), `import { execSync } from 'node:child_process';\nexport async function h() { execSync('ls'); }\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `line api` of each finding in app.mjs under oxlint, after checking that ESLint (untyped) finds the same. */
async function found(setup: LintSetup): Promise<string[]> {
  const oxlint = await runOxlint(dir, oxlintrc(setup), ['app.mjs']);
  expect(oxlint.stderr).not.toMatch(/Failed to/);
  expect(oxlint.findings.filter((finding) => finding.line === 0)).toEqual([]);
  expect(byFile(oxlint.findings)).toEqual(byFile(await runEslintUntyped(dir, setup, ['app.mjs'])));
  return oxlint.findings.map((finding) => `${finding.line} ${/^`([^`]+)`/.exec(finding.message)?.[1]}`);
}

const rule = (options: Record<string, unknown>): LintSetup['rules'] => ({ 'unblock/no-blocking-call': ['error', options] });

describe('rule options in .oxlintrc.json', () => {
  it('no options: the default categories, inside async code', async () => {
    expect(await found({ rules: { 'unblock/no-blocking-call': 'error' } })).toEqual(['4 fs.readFileSync', '5 fs.statSync']);
  });

  it('`allow` leaves the listed API out', async () => {
    expect(await found({ rules: rule({ allow: [{ from: 'package', package: 'fs', name: 'readFileSync' }] }) })).toEqual(['5 fs.statSync']);
  });

  it('`deny` adds a package\'s API', async () => {
    expect(await found({ rules: rule({ deny: [{ from: 'package', package: 'effect', name: 'Effect.runSync' }] }) })).toEqual([
      '4 fs.readFileSync',
      '5 fs.statSync',
      '6 effect.Effect.runSync',
    ]);
  });

  it('`categories` switches categories off and on (console where oxlint `env` declares it)', async () => {
    const setup = { rules: rule({ categories: { fs: false, console: true } }), env: { builtin: true, node: true }, globals: { console: 'readonly' as const } };
    expect(await found(setup)).toEqual(['7 console.log']);
  });

  it('`context` widens where calls are reported', async () => {
    expect(await found({ rules: rule({ context: 'function' }) })).toEqual(['4 fs.readFileSync', '5 fs.statSync', '10 fs.readFileSync']);
    expect(await found({ rules: rule({ context: 'everywhere' }) })).toEqual(['4 fs.readFileSync', '5 fs.statSync', '10 fs.readFileSync', '12 fs.readFileSync']);
  });
});

describe('settings.unblock in .oxlintrc.json', () => {
  it('applies to the rule, and the rule\'s own options go on top (context wins, allow lists add up)', async () => {
    const settings = { unblock: { context: 'everywhere', allow: [{ from: 'package', package: 'fs', name: 'statSync' }] } };
    expect(await found({ rules: { 'unblock/no-blocking-call': 'error' }, settings })).toEqual(['4 fs.readFileSync', '10 fs.readFileSync', '12 fs.readFileSync']);
    expect(await found({ rules: rule({ context: 'async', allow: [{ from: 'package', package: 'fs', name: 'readFileSync' }] }), settings })).toEqual([]);
  });
});

describe('bad configuration', () => {
  it('invalid rule options: oxlint checks them against the rule\'s schema and stops, naming the property', async () => {
    const run = await runOxlint(dir, oxlintrc({ rules: rule({ context: 'sometimes', bogus: 1 }) }), ['app.mjs']);
    expect(run.status).not.toBe(0);
    const output = run.stdout + run.stderr;
    expect(output).toContain("Options validation failed for rule 'unblock/no-blocking-call'");
    expect(output).toContain('Unexpected property "bogus"');
    expect(run.findings).toEqual([]);
  });

  it('invalid settings.unblock: every file fails with the problem named, and the run exits non-zero', async () => {
    const run = await runOxlint(dir, oxlintrc({ rules: { 'unblock/no-blocking-call': 'error' }, settings: { unblock: { context: 'sometimes' } } }));
    expect(run.status).not.toBe(0);
    const errors = run.findings.filter((finding) => finding.message.startsWith('Error running JS plugin.'));
    expect(errors.map((error) => error.file).sort()).toEqual(['app.mjs', 'other.mjs']);
    expect(errors.every((error) => error.message.includes('settings.unblock.context: must be one of `async`, `function`, `everywhere`'))).toBe(true);
  });
});

describe('notices under oxlint, once per run', () => {
  it('no-indirect-blocking-call says once that oxlint gives no type information, and reports nothing', async () => {
    const run = await runOxlint(dir, oxlintrc({ rules: { 'unblock/no-indirect-blocking-call': 'error' } }));
    expect(run.findings).toEqual([]);
    expect(run.stderr.match(/unblock\/no-indirect-blocking-call: needs type information, which oxlint does not give/g)).toHaveLength(1);
  });

  it('an `env` without `builtin` is said once (global APIs such as Atomics.wait need the built-ins)', async () => {
    const withoutBuiltins = await runOxlint(dir, oxlintrc({ rules: { 'unblock/no-blocking-call': 'error' }, env: { node: true } }));
    expect(withoutBuiltins.stderr.match(/declares no ECMAScript built-in globals/g)).toHaveLength(1);
    const withBuiltins = await runOxlint(dir, oxlintrc({ rules: { 'unblock/no-blocking-call': 'error' }, env: { builtin: true, node: true } }));
    expect(withBuiltins.stderr).not.toContain('built-in');
  });
});
