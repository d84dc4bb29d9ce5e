/**
 * unblock-cli as a user gets it: `npm pack` of the command line and of the core it depends on, installed with
 * TypeScript from the registry into a new project outside this repository, and the installed `unblock-cli` bin run
 * there: it makes a chain async across files, the project still compiles, and the program prints what it printed.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const npmCache = process.env.UNBLOCK_TEST_NPM_CACHE ?? path.join(tmpdir(), 'unblock-test-npm-cache');

/** A command's exit code and output (a non-zero exit is a result here, not an error). */
async function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_cache: npmCache, npm_config_audit: 'false', npm_config_fund: 'false', NO_COLOR: '1' };
  for (const key of Object.keys(env)) if (/^(npm_(?!config_(cache|audit|fund))|VITEST|NODE_OPTIONS$)/i.test(key)) delete env[key];
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'consumer-app', private: true, type: 'module', scripts: { build: 'tsc -p .' } }, null, 2),
  'tsconfig.json': JSON.stringify({
    compilerOptions: { strict: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', outDir: 'dist', rootDir: 'src', types: ['node'] },
    include: ['src'],
  }),
  'settings.json': '{ "greeting": "hello", "times": 2 }\n',
  'src/settings.ts': [
    "import { readFileSync } from 'node:fs';",
    '',
    'export interface Settings { greeting: string; times: number }',
    '',
    'export function readSettings(): Settings {',
    "  return JSON.parse(readFileSync(new URL('../settings.json', import.meta.url), 'utf8')) as Settings;",
    '}',
    '',
  ].join('\n'),
  'src/app.ts': [
    "import { readSettings } from './settings.js';",
    '',
    'function greeting(): string {',
    '  const settings = readSettings();',
    '  return Array(settings.times).fill(settings.greeting).join(" ");',
    '}',
    '',
    'async function main(): Promise<void> {',
    '  console.log(greeting());',
    '}',
    '',
    'await main();',
    '',
  ].join('\n'),
};

describe('unblock-cli installed from its tarball', () => {
  let packs: string;
  let project: string;
  beforeAll(async () => {
    const build = await run('npm', ['run', 'build', '-w', 'core', '-w', 'cli'], root);
    expect(build.code, build.stderr).toBe(0);
    packs = await mkdtemp(path.join(tmpdir(), 'unblock-cli-packs-'));
    const tarballs: string[] = [];
    for (const dir of ['core', 'cli']) {
      const packed = await run('npm', ['pack', '--json', '--pack-destination', packs], path.join(root, dir));
      expect(packed.code, packed.stderr).toBe(0);
      tarballs.push(path.join(packs, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename));
    }
    project = await mkdtemp(path.join(tmpdir(), 'unblock-consumer-cli-'));
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(project, file)), { recursive: true });
      await writeFile(path.join(project, file), text);
    }
    const install = await run('npm', ['install', '--prefer-offline', '--save-dev', 'typescript@6.0.3', '@types/node@20.19.43', ...tarballs], project);
    expect(install.code, install.stderr).toBe(0);
  }, 600_000);
  afterAll(async () => {
    await Promise.all([packs, project].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('fixes the chain across files with the real bin; the project compiles and prints the same', async () => {
    const bin = path.join(project, 'node_modules/.bin/unblock-cli');
    const tsc = path.join(project, 'node_modules/typescript/bin/tsc');
    expect((await run(process.execPath, [tsc, '-p', '.'], project)).code).toBe(0);
    const before = await run(process.execPath, ['dist/app.js'], project);
    expect(before).toMatchObject({ code: 0, stdout: 'hello hello\n' });

    const dry = await run(bin, ['fix', '--chains', '--dry-run'], project);
    expect(dry.code, dry.stdout + dry.stderr).toBe(1);
    expect(dry.stdout).toContain('+export async function readSettings(): Promise<Settings> {');
    expect(await readFile(path.join(project, 'src/settings.ts'), 'utf8')).toBe(files['src/settings.ts']);

    const fixed = await run(bin, ['fix', '--chains'], project);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/^applied {2}src\/app\.ts:9 {2}Make `greeting` async \(2 functions, 2 call sites in 2 files\)$/m);
    expect(fixed.stdout.trim().split('\n').at(-1)).toBe('1 applied in 2 files; 0 refused; 0 left; type errors: 0 before, 0 after');
    expect(await readFile(path.join(project, 'src/app.ts'), 'utf8')).toContain('console.log(await greeting());');

    expect((await run(process.execPath, [tsc, '-p', '.'], project)).code).toBe(0);
    expect(await run(process.execPath, ['dist/app.js'], project)).toEqual(before);
  }, 300_000);

  it('answers bad input with a message and exit code 2', async () => {
    const bin = path.join(project, 'node_modules/.bin/unblock-cli');
    const unknown = await run(bin, ['fix', '--frobnicate'], project);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^unblock-cli: Unknown option '--frobnicate'/);
    const outside = await run(bin, ['fix'], tmpdir());
    expect([outside.code, outside.stderr]).toEqual([2, expect.stringContaining('no tsconfig.json in')]);
    expect((await run(bin, ['--version'], project)).stdout.trim()).toBe('0.1.0');
  });
});
