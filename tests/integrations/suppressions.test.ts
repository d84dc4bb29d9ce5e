/**
 * rules-docs/ci.md, "Adopting unblock on a codebase with hundreds of findings": ESLint's bulk suppressions with both
 * rules and type information, run for real with the guide's commands. Existing findings are recorded, `eslint .`
 * passes, a new blocking call fails it, fixed findings make ESLint ask for --prune-suppressions.
 */
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKING_JS, createRepo, docBlock, type TempRepo } from './helpers.js';

/** The `npx eslint …` line of the guide's block that starts with `firstLine`, as arguments. */
function guideCommand(firstLine: string): string[] {
  const command = docBlock('ci.md', firstLine).split('\n')[1] ?? '';
  if (!command.startsWith('npx eslint ')) throw new Error(`rules-docs/ci.md: "${command}" is not an npx eslint command`);
  return command.slice('npx eslint '.length).split(/\s+/);
}

const record = guideCommand('# record every finding of unblock\'s rules (commit eslint-suppressions.json)');
const prune = guideCommand('# after fixing recorded findings: lower the counts in eslint-suppressions.json');

/** Each test runs ESLint with type information a few times: seconds each, more on a busy machine. */
const TIMEOUT_MS = 5 * 60_000;

const CONFIG_TS = `import * as fs from 'node:fs';

export function readJson(path: string): unknown {
  return JSON.parse(fs.readFileSync(path, 'utf8'));
}
`;

const LEGACY_TS = `import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { readJson } from './config.js';

export async function legacyRead(): Promise<string> {
  return readFileSync('a.txt', 'utf8');
}

export async function legacyExec(): Promise<string> {
  return execSync('git rev-parse HEAD').toString();
}

export async function legacyConfig(): Promise<unknown> {
  return readJson('c.json');
}
`;

describe('bulk suppressions (ESLint 9.24+) with both rules', () => {
  let repo: TempRepo;
  const suppressions = () => JSON.parse(readFileSync(path.join(repo.dir, 'eslint-suppressions.json'), 'utf8')) as Record<string, unknown>;
  /** `eslint ...args`, expecting exit code `status`. */
  const lint = (args: string[], status: number) => {
    const result = repo.eslint(args);
    expect(result.status, result.output).toBe(status);
    return result;
  };
  /** eslint-suppressions.json records these counts for src/legacy.ts. */
  const expectRecorded = (counts: Record<string, number>) =>
    expect(suppressions()).toEqual({ 'src/legacy.ts': Object.fromEntries(Object.entries(counts).map(([rule, count]) => [`unblock/${rule}`, { count }])) });

  beforeAll(() => {
    repo = createRepo('suppressions', {
      'eslint.config.js': docBlock('ci.md', '// eslint.config.js — with type information'),
      'tsconfig.json': docBlock('ci.md', '// tsconfig.json'),
      'src/config.ts': CONFIG_TS,
      'src/legacy.ts': LEGACY_TS,
    });
  });
  afterAll(() => repo?.remove());

  it('records the existing findings of both rules; then `eslint .` passes', () => {
    const before = lint(['.'], 1);
    expect(before.stdout).toContain('3 problems (3 errors, 0 warnings)');

    lint(record, 0);
    expectRecorded({ 'no-blocking-call': 2, 'no-indirect-blocking-call': 1 });

    const after = lint(['.'], 0);
    expect(after.output).toBe('');
  }, TIMEOUT_MS);

  it('fails on a new blocking call in a new file, and on one more in a file with recorded findings', () => {
    repo.write('src/new.ts', BLOCKING_JS);
    const newFile = lint(['.'], 1);
    expect(newFile.stdout).toMatch(/src\/new\.ts\n\s+4:21\s+error\s+`fs\.readFileSync` blocks the event loop inside async function `getConfig`/);
    expect(newFile.stdout).not.toContain('legacy.ts');
    expect(newFile.stdout).toContain('1 problem (1 error, 0 warnings)');
    rmSync(path.join(repo.dir, 'src/new.ts'));

    repo.write('src/legacy.ts', `${LEGACY_TS}\nexport async function legacyMore(): Promise<string> {\n  return readFileSync('b.txt', 'utf8');\n}\n`);
    const oneMore = lint(['.'], 1);
    // Every finding of that rule in that file is reported (ESLint cannot tell which one is new); the other rule's
    // recorded finding stays suppressed.
    expect(oneMore.stdout).toContain('3 problems (3 errors, 0 warnings)');
    expect(oneMore.stdout).not.toContain('unblock/no-indirect-blocking-call');
    repo.write('src/legacy.ts', LEGACY_TS);
  }, TIMEOUT_MS);

  it('exits 2 once recorded findings are fixed, until --prune-suppressions lowers the counts', () => {
    repo.write('src/legacy.ts', LEGACY_TS.replace("return readFileSync('a.txt', 'utf8');", "return 'a';"));
    const fixed = lint(['.'], 2);
    expect(fixed.stderr).toContain('There are suppressions left that do not occur anymore.');

    lint(prune, 0);
    expectRecorded({ 'no-blocking-call': 1, 'no-indirect-blocking-call': 1 });
    lint(['.'], 0);
  }, TIMEOUT_MS);

  it('--suppress-rule records only the rules it names', () => {
    rmSync(path.join(repo.dir, 'eslint-suppressions.json'));
    repo.write('src/legacy.ts', LEGACY_TS);
    const indirectOnly = lint(['--suppress-rule', 'unblock/no-indirect-blocking-call', '.'], 1);
    expect(indirectOnly.stdout).toContain('2 problems (2 errors, 0 warnings)');
    expectRecorded({ 'no-indirect-blocking-call': 1 });
  }, TIMEOUT_MS);
});
