/**
 * README's first set-up command on a fresh clone: `npm ci` must leave the clone as it was — `git status` unchanged,
 * no git hook installed (a dependency's install script once ran `lefthook install`) — and print no EBADENGINE
 * warning on the Node.js this runs on. With the npm on PATH (npm 11 here) and with npm 10 (Node 22's), which still
 * runs dependencies' install scripts without asking. CI is unset, as on a developer's machine.
 *
 * The clone is of this repository's HEAD, with the uncommitted changes of the work tree copied over; npm's own
 * cache (the one this repository's `npm ci` filled) makes the install offline-fast.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, spawn, userEnv, type RunResult } from './helpers.js';

const base = mkdtempSync(path.join(tmpdir(), 'unblock-clean-install-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const INSTALL_TIMEOUT_MS = 15 * 60_000;
const env = userEnv();

function git(cwd: string, ...args: string[]): RunResult {
  const result = spawn('git', args, cwd, env);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} exited ${result.status}\n${result.output}`);
  return result;
}

/** A clone of this repository as its work tree is now. */
function freshClone(name: string): string {
  const clone = path.join(base, name);
  git(base, 'clone', '--quiet', '--no-hardlinks', root, clone);
  const lines = (...args: string[]) => git(root, ...args).stdout.split('\n').filter(Boolean);
  for (const file of [...lines('ls-files', '--modified'), ...lines('ls-files', '--others', '--exclude-standard')]) {
    if (!existsSync(path.join(root, file))) continue;
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    copyFileSync(path.join(root, file), path.join(clone, file));
  }
  for (const file of lines('ls-files', '--deleted')) rmSync(path.join(clone, file), { force: true });
  return clone;
}

/** npm 10, the npm that Node.js 22 bundles, installed once under os.tmpdir() and kept. */
function npm10(): string {
  const prefix = path.join(tmpdir(), 'unblock-test-npm10');
  const cli = path.join(prefix, 'node_modules/npm/bin/npm-cli.js');
  if (!existsSync(cli)) {
    const install = spawn('npm', ['install', '--prefer-offline', '--no-save', '--prefix', prefix, 'npm@10'], tmpdir(), env, INSTALL_TIMEOUT_MS);
    if (install.status !== 0) throw new Error(`installing npm 10 failed:\n${install.output}`);
  }
  return cli;
}

describe.each([
  { label: 'the npm on PATH', npm: (): [string, string[]] => ['npm', []] },
  { label: 'npm 10', npm: (): [string, string[]] => [process.execPath, [npm10()]] },
])('npm ci on a fresh clone, with $label', ({ label, npm }) => {
  it('leaves git status and .git/hooks as they were and prints no EBADENGINE warning', () => {
    const [command, prefix] = npm();
    const version = spawn(command, [...prefix, '--version'], base, env).stdout.trim();
    if (label === 'npm 10') expect(version).toMatch(/^10\./);

    const clone = freshClone(label.replace(/\W+/g, '-'));
    const statusBefore = git(clone, 'status', '--porcelain').stdout;
    const hooksBefore = readdirSync(path.join(clone, '.git/hooks')).sort();
    expect(hooksBefore.every((hook) => hook.endsWith('.sample'))).toBe(true);

    const install = spawn(command, [...prefix, 'ci', '--prefer-offline'], clone, env, INSTALL_TIMEOUT_MS);
    expect(install.status, install.output).toBe(0);

    expect(git(clone, 'status', '--porcelain').stdout, `npm ${version} changed the clone`).toBe(statusBefore);
    expect(readdirSync(path.join(clone, '.git/hooks')).sort(), `npm ${version} installed a git hook`).toEqual(hooksBefore);
    expect(spawn('git', ['config', '--get', 'core.hooksPath'], clone, env).stdout).toBe('');
    expect(install.output.split('\n').filter((line) => line.includes('EBADENGINE')), `npm ${version} on Node.js ${process.version}`).toEqual([]);
    rmSync(clone, { recursive: true, force: true });
  }, INSTALL_TIMEOUT_MS * 2);
});
