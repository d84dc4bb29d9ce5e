/**
 * What the command-line tests share: a copy of a fixture project under artifacts/ (inside the repository, so the
 * copy resolves `@types/node`, `typescript` and `eslint` as a project would), `unblock-cli` run on it in-process
 * (`main`, with its output captured), `tsc` on it, and a fingerprint of its files to prove nothing changed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../src/main.js';

export const root = path.resolve(__dirname, '../..');
const work = path.join(root, 'artifacts/cli-tests');
const tscBin = path.join(root, 'node_modules/typescript/bin/tsc');

/** A fresh copy of `fixtures/<fixture>` (without build output) named `name`. */
export function copyFixture(fixture: string, name: string): string {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(root, 'fixtures', fixture), dir, { recursive: true, filter: (source) => !/[\\/](dist|node_modules)$/.test(source) });
  return dir;
}

/** A new project from `files` (a tsconfig.json among them, or not). */
export function createProject(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `unblock-cli ...args` with `dir` as the working folder. */
export async function runCli(dir: string, args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stream = <T>(write: (text: string) => void) => ({ isTTY: false, write: (text: string) => (write(text), true) }) as unknown as T;
  const code = await main(args, dir, stream<typeof process.stdout>((text) => (stdout += text)), stream<typeof process.stderr>((text) => (stderr += text)));
  return { code, stdout, stderr };
}

export function tsc(dir: string, args: string[] = []): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [tscBin, '-p', dir, ...args], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** Every file under `dir` (but build output) with its text: equal fingerprints, nothing changed. */
export function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const entry of readdirSync(current)) {
      const full = path.join(current, entry);
      if (entry === 'dist' || entry === 'node_modules') continue;
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/** The summary's counts: `3 applied …; 1 refused …; 2 left …`. */
export function counts(stdout: string): { applied: number; refused: number; left: number } {
  const summary = stdout.trim().split('\n').at(-1) ?? '';
  const number = (pattern: RegExp) => Number(pattern.exec(summary)?.[1] ?? NaN);
  return { applied: number(/(\d+) (?:applied|would be applied)/), refused: number(/(\d+) refused/), left: number(/(\d+) left/) };
}
