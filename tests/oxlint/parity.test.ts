/**
 * oxlint (the pinned npm package, eslint-plugin-unblock as a JS plugin) and ESLint without type information, run on
 * the same files: the oxlint case files (fixtures/oxlint/cases: .js .cjs .mjs .ts .tsx .mts .cts, ESM and
 * CommonJS), every catalog case file and the demo app. Findings are compared file by file (rule, line, column, end,
 * message); the only accepted differences are those of differences.ts, each with its reason.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFiles } from '../../eslint-plugin/tests/catalog/cases.js';
import { acceptedEslintOnly, engineTracksUndeclaredRequire } from './differences.js';
import { byFile, oxlintrc, root, runEslintUntyped, runOxlint, type Finding, type LintSetup } from './lint.js';

const cases = path.join(root, 'fixtures/oxlint/cases');
const demoApp = path.join(root, 'fixtures/demo-app');
const both: LintSetup['rules'] = { 'unblock/no-blocking-call': 'error', 'unblock/no-indirect-blocking-call': 'error' };
const allCategories = Object.fromEntries(
  ['fs', 'process', 'crypto', 'compression', 'database', 'compile', 'sync-bridge', 'module-loading', 'console'].map((category) => [category, true]),
);
const tracksUndeclaredRequire = engineTracksUndeclaredRequire();

/**
 * Runs both linters on `targets` of `dir` and compares them file by file. Returns both sides and the accepted
 * differences (ESLint-only findings with their reason), so that a test can say more.
 */
async function compare(dir: string, setup: LintSetup, targets = ['.']) {
  const oxlint = await runOxlint(dir, oxlintrc(setup), targets);
  expect(oxlint.stderr).not.toMatch(/Failed to/);
  expect(oxlint.findings.filter((finding) => finding.line === 0)).toEqual([]);
  const eslint = await runEslintUntyped(dir, setup, targets);
  const accepted: { finding: Finding; reason: string }[] = [];
  const expected = eslint.filter((finding) => {
    const inOxlint = oxlint.findings.some((other) => sameFinding(other, finding));
    const reason = inOxlint ? undefined : acceptedEslintOnly(finding, setup, tracksUndeclaredRequire);
    if (reason) accepted.push({ finding, reason });
    return !reason;
  });
  expect(byFile(oxlint.findings)).toEqual(byFile(expected));
  return { oxlint: oxlint.findings, eslint, accepted };
}

const sameFinding = (a: Finding, b: Finding) =>
  a.file === b.file && a.rule === b.rule && a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn && a.message === b.message;

describe('oxlint and ESLint (untyped) on the oxlint case files', () => {
  it('report the same findings, file by file, with the default oxlint config (no `env`)', async () => {
    const { oxlint, accepted } = await compare(cases, { rules: both });
    expect(oxlint.length).toBeGreaterThanOrEqual(25);
    // Every extension is linted and reported by oxlint itself.
    const reported = new Set(oxlint.map((finding) => path.extname(finding.file)));
    expect([...reported].sort()).toEqual(tracksUndeclaredRequire ? ['.cjs', '.cts', '.js', '.mjs', '.mts', '.ts', '.tsx'] : ['.js', '.mjs', '.mts', '.ts', '.tsx']);
    // Before the engine follows an undeclared `require`, the .cjs file is the one accepted difference.
    if (tracksUndeclaredRequire) expect(accepted).toEqual([]);
    else expect(new Set(accepted.map(({ finding }) => finding.file))).toEqual(new Set(['commonjs.cjs']));
  });

  it('report the same findings with CommonJS globals declared on both sides (oxlint `env`, ESLint `globals`)', async () => {
    const { oxlint, accepted } = await compare(cases, {
      rules: both,
      env: { builtin: true, commonjs: true },
      globals: { global: 'readonly', module: 'readonly', require: 'readonly', exports: 'writable' },
    });
    expect(accepted).toEqual([]);
    expect(oxlint.filter((finding) => finding.file === 'commonjs.cjs')).toHaveLength(6);
    expect(oxlint.filter((finding) => finding.file === 'script.js')).toHaveLength(2);
  });

  it('oxlint\'s own `column` counts UTF-8 bytes: the one column difference, on a line with é, ✓ and 🚀', async () => {
    const { findings } = await runOxlint(cases, oxlintrc({ rules: both }), ['esm.mjs']);
    const unicode = findings.find((finding) => finding.message.includes('`unicode`'))!;
    // The call starts at UTF-16 column 70; before it, é is 2 bytes (1 unit), ✓ 3 (1), 🚀 4 (2): 5 more bytes.
    expect([unicode.column, unicode.oxlintColumn]).toEqual([70, 75]);
    const ascii = findings.filter((finding) => finding !== unicode);
    expect(ascii.every((finding) => finding.column === finding.oxlintColumn)).toBe(true);
  });
});

describe('oxlint and ESLint (untyped) on every catalog case file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unblock-oxlint-catalog-'));
    const extension = { 'file.ts': '.ts', 'file.mts': '.mts', 'script.js': '.js' } as const;
    for (const [name, { invalid, valid }] of Object.entries(caseFiles)) {
      mkdirSync(path.join(dir, name));
      const write = (kind: string, index: number, testCase: string | { code: string; filename?: keyof typeof extension }) => {
        const { code, filename = 'file.ts' } = typeof testCase === 'string' ? { code: testCase } : testCase;
        writeFileSync(path.join(dir, name, `${kind}-${index + 1}${extension[filename]}`), code);
      };
      invalid.forEach((testCase, index) => write('invalid', index, testCase));
      valid.forEach((testCase, index) => write('valid', index, testCase));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const categories of [undefined, allCategories]) {
    it(`report the same findings, file by file (${categories ? 'every category' : 'default categories'})`, async () => {
      const rules: LintSetup['rules'] = categories ? { 'unblock/no-blocking-call': ['error', { categories }] } : both;
      const { oxlint } = await compare(dir, { rules });
      expect(oxlint.length).toBeGreaterThanOrEqual(categories ? 60 : 40);
      expect(oxlint.some((finding) => finding.file.startsWith('valid') || /\/valid-/.test(finding.file))).toBe(false);
    });
  }
});

describe('oxlint and ESLint (untyped) on the demo app', () => {
  it('report the same findings in fixtures/demo-app/src', async () => {
    const { oxlint } = await compare(demoApp, { rules: both }, ['src']);
    expect(oxlint.length).toBeGreaterThanOrEqual(5);
  });
});
