/**
 * `unblock-cli fix` as a user meets it: each refusal of "make the chain async" with its reason and the place that
 * stops it, an edit that brings a type error put back, `--dry-run` (a diff, nothing written), the options of the
 * project's ESLint config, exit codes, and bad input answered with a message, never a stack trace.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressLine } from '../src/report.js';
import { copyFixture, counts, createProject, fingerprint, runCli } from './helpers.js';
import { readFile } from 'node:fs/promises';

const tsconfig = JSON.stringify({
  compilerOptions: { strict: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', types: ['node'], noEmit: true, skipLibCheck: true },
  include: ['src'],
});

describe('refusals (fixtures/chains/refusals)', async () => {
  const dir = await copyFixture('chains/refusals', 'refusals');
  const before = await fingerprint(dir);
  const run = await runCli(dir, ['fix', '--chains', '--no-eslint-config']);
  const refused = (file: string) => run.stdout.split('\n').filter((line) => line.startsWith(`refused  src/${file}:`));

  it.each([
    ['sync-caller.ts', 'sync caller', '`readA` is called by the sync method `run`, outside the chain (sync-caller.ts:10)'],
    ['callback.ts', 'callback', '`readB` is passed as a value (callback.ts:9)'],
    ['getter.ts', 'getter', '`readC` is called by the getter `text` (getter.ts:10)'],
    ['constructor.ts', 'constructor', '`readD` is called by a constructor (constructor.ts:11)'],
    ['index.ts', 'exported', "`readE` is exported by the package's entry point (index.ts:4)"],
    ['overloads.ts', 'overloads', '`readF` has overload signatures (overloads.ts:6)'],
    ['this-call.ts', 'this call from a sync method', '`this.load()` is called by the sync method `size` (this-call.ts:10)'],
    ['module-level.ts', 'module level', '`readG` is called at module level of a file that cannot `await` there (module-level.ts:8)'],
    ['no-twin.ts', 'no async twin', '`child_process.execSync` has no async twin that behaves the same with these arguments (no-twin.ts:5)'],
  ])('%s: refused (%s), naming the place that stops it', (file, category, reason) => {
    expect(refused(file), run.stdout).toHaveLength(1);
    expect(refused(file)[0]).toContain(`— ${category}: ${reason}`);
  });

  it('puts back an edit that brings a new type error, and says which', () => {
    expect(refused('type-error.ts')).toEqual([expect.stringContaining('Make `load` async')]);
    expect(refused('type-error.ts')[0]).toMatch(/— type error: it would bring a type error: src\/type-error\.ts:\d+:\d+ TS2416 Property 'load' in type 'FileLoader'/);
  });

  it('changes no file, leaves what has no safe rewrite, and exits 1', async () => {
    expect(await fingerprint(dir)).toEqual(before);
    expect(run.stdout).toMatch(/^left {5}src\/no-twin\.ts:13 {2}`child_process\.execSync` .* — no safe rewrite$/m);
    expect(counts(run.stdout)).toEqual({ applied: 0, refused: 10, left: 1 });
    expect(run.code).toBe(1);
  });
});

describe('--dry-run', () => {
  it('prints a unified diff, writes nothing, and exits 1 while rewrites are pending', async () => {
    const dir = await copyFixture('chains/ts-esm', 'dry-run');
    const before = await fingerprint(dir);
    const run = await runCli(dir, ['fix', '--chains', '--dry-run', '--no-eslint-config']);
    expect(await fingerprint(dir)).toEqual(before);
    expect(run.stdout).toContain('--- a/src/config.ts\n+++ b/src/config.ts\n@@');
    expect(run.stdout).toMatch(/^-export function loadConfig\(\): Config \{$/m);
    expect(run.stdout).toMatch(/^\+export async function loadConfig\(\): Promise<Config> \{$/m);
    expect(run.stdout).toMatch(/^would apply {2}src\/cases\.ts:\d+ {2}Make `loadConfig` async/m);
    expect(counts(run.stdout).applied).toBeGreaterThan(0);
    expect(run.code).toBe(1);
  });
});

describe('paths', () => {
  it('fixes only the files under the paths given', async () => {
    const dir = await copyFixture('demo-app', 'paths');
    const before = await fingerprint(dir);
    const run = await runCli(dir, ['fix', '--no-eslint-config', 'src/routes/auth.ts', 'src/routes/report.ts']);
    const after = await fingerprint(dir);
    const changed = Object.keys(before).filter((file) => before[file] !== after[file]).sort();
    expect(changed, run.stdout).toEqual([path.join('src', 'routes', 'auth.ts'), path.join('src', 'routes', 'report.ts')]);
    expect(counts(run.stdout)).toEqual({ applied: 5, refused: 0, left: 0 });
  });

  it('writes the call sites of a chain in files outside the paths', async () => {
    const dir = await copyFixture('chains/ts-esm', 'paths-chain');
    const run = await runCli(dir, ['fix', '--chains', '--no-eslint-config', 'src/cases.ts']);
    expect(run.stdout).toContain('Make `loadConfig` async');
    expect(await readFile(path.join(dir, 'src/json.ts'), 'utf8')).toContain('export async function readJson<T>(name: string): Promise<T> {');
  });
});

describe('progress', () => {
  it('draws a bar on a terminal for more than five files, and nothing otherwise', () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) => ({ isTTY, write: (text: string) => written.push(text) }) as unknown as typeof process.stderr;
    const small = progressLine(stream(true));
    small(1, 5);
    const piped = progressLine(stream(false));
    piped(3, 40);
    expect(written).toEqual([]);
    const bar = progressLine(stream(true));
    bar(10, 40);
    bar.clear();
    expect(written).toEqual(['\r[#####               ] checking 10/40 files', '\r\x1b[K']);
  });
});

describe('options from the project ESLint config', () => {
  const files = {
    'tsconfig.json': tsconfig,
    'package.json': JSON.stringify({ name: 'with-config', private: true, type: 'module' }),
    'src/a.ts': "import { readFileSync, statSync } from 'node:fs';\nexport async function a(): Promise<number> {\n  return readFileSync(import.meta.filename, 'utf8').length + statSync(import.meta.filename).size;\n}\n",
    'src/skipped.ts': "import { readFileSync } from 'node:fs';\nexport async function b(): Promise<string> {\n  return readFileSync(import.meta.filename, 'utf8');\n}\n",
  };

  it('reads settings.unblock (allow) and the ignores of eslint.config.js', async () => {
    const dir = await createProject('eslint-config', {
      ...files,
      'eslint.config.js': "export default [{ ignores: ['src/skipped.ts'] }, { files: ['**/*.ts'], settings: { unblock: { allow: [{ from: 'package', package: 'fs', name: 'statSync' }] } } }];\n",
    });
    const run = await runCli(dir, ['fix']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const fixed = await readFile(path.join(dir, 'src/a.ts'), 'utf8');
    expect(fixed).toContain('await readFile(import.meta.filename');
    expect(fixed).toContain('statSync(import.meta.filename).size'); // allowed by the config: not reported, not rewritten
    expect(await readFile(path.join(dir, 'src/skipped.ts'), 'utf8')).toBe(files['src/skipped.ts']);
    expect(run.stdout).toContain('1 file ignored by the ESLint config');
  });

  it('says so, and exits 2, when the config does not load', async () => {
    const dir = await createProject('eslint-config-broken', { ...files, 'eslint.config.js': "import 'no-such-package-anywhere';\nexport default [];\n" });
    const run = await runCli(dir, ['fix']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^unblock-cli: the ESLint config of .* could not be loaded: .*no-such-package-anywhere/);
    expect(run.stderr).toContain('--no-eslint-config');
    expect(await fingerprint(dir)).toMatchObject({ 'src/a.ts': files['src/a.ts'] });
  });
});

describe('exit codes and bad input', () => {
  const noStack = (run: { stderr: string }) => expect(run.stderr).not.toMatch(/^\s+at /m);

  it('0 when everything is fixed, 1 when findings are left', async () => {
    const dir = await createProject('exit-codes', {
      'tsconfig.json': tsconfig,
      'package.json': JSON.stringify({ name: 'exit-codes', private: true, type: 'module' }),
      'src/a.ts': "import { readFileSync } from 'node:fs';\nexport async function a(): Promise<string> {\n  return readFileSync(import.meta.filename, 'utf8');\n}\n",
    });
    expect((await runCli(dir, ['fix', '--no-eslint-config'])).code).toBe(0);
    const left = await createProject('exit-codes-left', {
      'tsconfig.json': tsconfig,
      'package.json': JSON.stringify({ name: 'exit-codes-left', private: true, type: 'module' }),
      'src/a.ts': "import { execSync } from 'node:child_process';\nexport async function a(): Promise<number> {\n  return execSync('true').length;\n}\n",
    });
    const run = await runCli(left, ['fix', '--no-eslint-config']);
    expect(run.code).toBe(1);
    expect(counts(run.stdout)).toEqual({ applied: 0, refused: 0, left: 1 });
  });

  it('2 for an unknown flag or command, with the usage', async () => {
    for (const args of [['fix', '--frobnicate'], ['repair'], []]) {
      const run = await runCli(path.resolve('.'), args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage: unblock-cli fix');
      noStack(run);
    }
  });

  it('2 without a tsconfig.json, for a path that does not exist, and for syntax errors (nothing written)', async () => {
    const empty = await createProject('no-tsconfig', { 'README.md': 'nothing here\n' });
    const noConfig = await runCli(empty, ['fix', '--project', 'tsconfig.json']);
    expect(noConfig.code).toBe(2);
    expect(noConfig.stderr).toContain('--project tsconfig.json: no such file or folder');
    const broken = await createProject('syntax-error', {
      'tsconfig.json': tsconfig,
      'package.json': JSON.stringify({ name: 'syntax-error', private: true, type: 'module' }),
      'src/a.ts': "import { readFileSync } from 'node:fs';\nexport async function a() {\n  return readFileSync('x', 'utf8');\n}\n",
      'src/b.ts': 'export const b = (;\n',
    });
    const before = await fingerprint(broken);
    const syntax = await runCli(broken, ['fix', '--no-eslint-config']);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/syntax errors; fix them first:\nsrc\/b\.ts:1:19 TS1109 Expression expected\./);
    expect(await fingerprint(broken)).toEqual(before);
    const missing = await runCli(broken, ['fix', 'src/nowhere']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('src/nowhere: no such file or folder');
    for (const run of [noConfig, syntax, missing]) noStack(run);
  });
});
