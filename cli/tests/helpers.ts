/**
 * What the command-line tests share: a copy of a fixture project under artifacts/ (inside the repository, so the
 * copy resolves `@types/node`, `typescript` and `eslint` as a project would), `unblock-cli` run on it in-process
 * (`main`, with its output captured), `tsc` on it, and a fingerprint of its files to prove nothing changed.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { main } from '../src/main.js';

export const root = path.resolve(__dirname, '../..');
const work = path.join(root, 'artifacts/cli-tests');
const tscBin = path.join(root, 'node_modules/typescript/bin/tsc');

/** A fresh copy of `fixtures/<fixture>` (without build output) named `name`. */
export async function copyFixture(fixture: string, name: string): Promise<string> {
  const dir = path.join(work, name);
  await rm(dir, { recursive: true, force: true });
  await cp(path.join(root, 'fixtures', fixture), dir, { recursive: true, filter: (source) => !/[\\/](dist|node_modules)$/.test(source) });
  return dir;
}

/** A new project from `files` (a tsconfig.json among them, or not). */
export async function createProject(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(work, name);
  await rm(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
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

export async function tsc(dir: string, args: string[] = []): Promise<{ status: number | null; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tscBin, '-p', dir, ...args], { encoding: 'utf8' });
    return { status: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: failed.code ?? null, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** Every file under `dir` (but build output) with its text: equal fingerprints, nothing changed. */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (entry.isFile() && !relative.split(path.sep).some((part) => part === 'dist' || part === 'node_modules')) {
      files[relative] = await readFile(path.join(dir, relative), 'utf8');
    }
  }
  return files;
}

/** The summary's counts: `3 applied …; 1 refused …; 2 left …`. */
export function counts(stdout: string): { applied: number; refused: number; left: number } {
  const summary = stdout.trim().split('\n').at(-1) ?? '';
  const number = (pattern: RegExp) => Number(pattern.exec(summary)?.[1] ?? NaN);
  return { applied: number(/(\d+) (?:applied|would be applied)/), refused: number(/(\d+) refused/), left: number(/(\d+) left/) };
}
