/**
 * `unblock-cli fix --chains` on fixture projects with chains of depth 1 to 4 across files (TypeScript ES modules,
 * JavaScript CommonJS with an ES module using it): afterwards no finding is left, `tsc` is clean, and every case
 * returns what it returned before. The copies live inside this repository, whose own ESLint config ignores them:
 * they are fixed without one (`--no-eslint-config`).
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, counts, runCli, tsc, type CliRun } from './helpers.js';
import { readFile } from 'node:fs/promises';

type Cases = Record<string, () => Promise<unknown>>;

async function sameResults(before: Cases, after: Cases): Promise<void> {
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const [name, run] of Object.entries(before)) expect(await after[name]!(), name).toEqual(await run());
}

describe('TypeScript, ES modules (fixtures/chains/ts-esm)', () => {
  let original: string;
  let fixed: string;
  let run: CliRun;
  beforeAll(async () => {
    original = await copyFixture('chains/ts-esm', 'ts-esm-original');
    fixed = await copyFixture('chains/ts-esm', 'ts-esm-fixed');
    run = await runCli(fixed, ['fix', '--chains', '--no-eslint-config']);
  });

  it('makes every chain async and leaves no finding (exit code 0)', async () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(counts(run.stdout)).toMatchObject({ refused: 0, left: 0 });
    expect(run.stdout).toContain('Make `loadConfig` async');
    // Checked again from scratch: nothing left to do.
    const again = await runCli(fixed, ['fix', '--chains', '--dry-run', '--no-eslint-config']);
    expect(again.code, again.stdout).toBe(0);
    expect(counts(again.stdout)).toEqual({ applied: 0, refused: 0, left: 0 });
  });

  it('rewrites return types, call sites and the blocking calls at the ends', () => {
    const users = readFileSync(path.join(fixed, 'src/deep/users.ts'), 'utf8');
    expect(users).toContain('export async function listUsers(): Promise<User[]>');
    expect(users).toContain('async find(id: number): Promise<User | undefined>');
    expect(users).toContain('(await this.all()).find(');
    expect(users).toContain('await readdir(');
    expect(readFileSync(path.join(fixed, 'src/text.ts'), 'utf8')).toContain('async (name: string): Promise<string | undefined> =>');
    expect(readFileSync(path.join(fixed, 'src/summary.ts'), 'utf8')).toContain('${(await loadConfig()).name}: ${await countAdmins()}');
  });

  it('type-checks and returns the same results', async () => {
    for (const dir of [original, fixed]) {
      const compiled = await tsc(dir);
      expect(compiled.status, compiled.output).toBe(0);
    }
    const load = async (dir: string) => (await import(pathToFileURL(path.join(dir, 'dist/cases.js')).href)) as Cases;
    await sameResults(await load(original), await load(fixed));
  });
});

describe('JavaScript, CommonJS and an ES module (fixtures/chains/js-cjs)', () => {
  let original: string;
  let fixed: string;
  let run: CliRun;
  beforeAll(async () => {
    original = await copyFixture('chains/js-cjs', 'js-cjs-original');
    fixed = await copyFixture('chains/js-cjs', 'js-cjs-fixed');
    run = await runCli(fixed, ['fix', '--chains', '--no-eslint-config']);
  });

  it('makes every chain async through require and module.exports, and leaves no finding', async () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(counts(run.stdout)).toMatchObject({ refused: 0, left: 0 });
    expect(await readFile(path.join(fixed, 'src/lib/report.js'), 'utf8')).toContain('return { hosts: await hostCount(), files: await listData() };');
    expect(await readFile(path.join(fixed, 'src/esm.mjs'), 'utf8')).toContain('(await files.readData(');
    const again = await runCli(fixed, ['fix', '--chains', '--dry-run', '--no-eslint-config']);
    expect(counts(again.stdout)).toEqual({ applied: 0, refused: 0, left: 0 });
  });

  it('type-checks (checkJs) and returns the same results', async () => {
    const checked = await tsc(fixed);
    expect(checked.status, checked.output).toBe(0);
    const load = async (dir: string): Promise<Cases> => {
      const cjs = createRequire(path.join(dir, 'src/'))('./cases.js') as Cases;
      const esm = (await import(pathToFileURL(path.join(dir, 'src/esm.mjs')).href)) as Cases;
      return { ...cjs, ...esm };
    };
    await sameResults(await load(original), await load(fixed));
  });
});
