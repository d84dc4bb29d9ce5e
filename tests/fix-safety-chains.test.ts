/**
 * Fix safety of "Make the chain async" as an ESLint suggestion: on a project whose chains stay within one file, every
 * chain suggestion is applied (re-linting after each, as in an editor; a twin where a chain uncovers a direct call),
 * then the code type-checks with `tsc`, no finding is left, and every export returns what the original returns.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { applySuggestions } from '../scripts/apply-suggestions.mjs';

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, 'artifacts/fix-safety-chains');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const fixture = path.join(root, 'fixtures/chains/single-file');

function prepare(name: string, chains: boolean) {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(fixture, dir, { recursive: true, filter: (source) => !source.includes('/dist') });
  const result = chains ? applySuggestions({ projectDir: dir, prefer: 'chain' }) : { applied: [], unfixed: [] };
  const compile = spawnSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  return { dir, ...result, tscOutput: compile.stdout + compile.stderr, tscStatus: compile.status };
}

type Cases = Record<string, () => Promise<unknown>>;
const load = async (dir: string) => (await import(pathToFileURL(path.join(dir, 'dist', 'cases.js')).href)) as Cases;

describe('fixture chains/single-file, "Make the chain async" suggestions', () => {
  let original: ReturnType<typeof prepare>;
  let fixed: ReturnType<typeof prepare>;
  beforeAll(() => {
    original = prepare('original', false);
    fixed = prepare('fixed', true);
  }, 120_000);

  it('applies a chain suggestion for each chain (and the twin it uncovers), leaves no finding, and the result type-checks with tsc', () => {
    expect(original.tscStatus, original.tscOutput).toBe(0);
    expect(fixed.unfixed).toEqual([]);
    expect(fixed.applied.map(({ title }) => title)).toEqual([
      // summary and userNames call readJson's chain: they join it; userNames' own readdirSync is then in async code
      'Make the chain async: `loadConfig`, `readJson`, `userNames` and 1 more async, `await` at 6 call sites.',
      'Use the async API `readdir` from `node:fs/promises` (adds `await`).',
      'Make the chain async: `countLines` async, `await` at 1 call site.',
      'Make the chain async: `even`, `odd` async, `await` at 4 call sites.',
      'Make the chain async: `version` async, `await` at 1 call site.',
    ]);
    expect(fixed.tscStatus, fixed.tscOutput).toBe(0);
  });

  it('every export returns what the original returns', async () => {
    const before = await load(original.dir);
    const after = await load(fixed.dir);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [name, fn] of Object.entries(before)) expect(await after[name]!(), name).toEqual(await fn());
    // The rewrite really happened: no sync file read or exec is left.
    const source = await readFile(path.join(fixed.dir, 'src/cases.ts'), 'utf8');
    expect(source).not.toMatch(/readFileSync|readdirSync|execSync/);
  });
});
