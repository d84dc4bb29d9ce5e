/**
 * Shared set-up of the integration tests: each test gets a throw-away git repository under os.tmpdir() whose
 * node_modules is a symlink to this repository's, so `eslint`, `eslint-plugin-unblock` (a workspace symlink),
 * `typescript-eslint`, husky, lint-staged and lefthook resolve without any network. Config files are taken from the
 * guides in rules-docs/, so the guides are what gets tested.
 *
 * Everything here is synchronous on purpose: the tests spawn processes with spawnSync from synchronous callbacks,
 * which unblock (linting this repository) rightly accepts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const root = path.resolve(import.meta.dirname, '../..');

/** Generous: a type-aware ESLint run on a tiny project takes 2-3 s, a commit with a hook 1-2 s. */
const TIMEOUT_MS = 60_000;

/** `fs.readFileSync` in an async function: reported by unblock/no-blocking-call, with or without type information. */
export const BLOCKING_JS = `import { readFileSync } from 'node:fs';

export async function getConfig() {
  return JSON.parse(readFileSync('config.json', 'utf8'));
}
`;

/** The same function, fixed. */
export const CLEAN_JS = `import { readFile } from 'node:fs/promises';

export async function getConfig() {
  return JSON.parse(await readFile('config.json', 'utf8'));
}
`;

/** The start of the message of BLOCKING_JS's finding. */
export const BLOCKING_MESSAGE = '`fs.readFileSync` blocks the event loop inside async function `getConfig`';

/**
 * The fenced code block of rules-docs/<page> whose first line is exactly `firstLine` (the guides start each file's
 * block with a comment naming the file, e.g. `// eslint.config.js`). Fails unless exactly one block matches.
 */
export function docBlock(page: 'ci.md' | 'pre-commit.md' | 'oxlint.md', firstLine: string): string {
  return codeBlock(path.join('rules-docs', page), firstLine);
}

/** The fenced code block of `file` (relative to the repository) whose first line is exactly `firstLine`. */
export function codeBlock(file: string, firstLine: string): string {
  const text = readFileSync(path.join(root, file), 'utf8');
  const blocks = [...text.matchAll(/^```[\w-]*\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
  const found = blocks.filter((block) => block.split('\n', 1)[0] === firstLine);
  if (found.length !== 1) throw new Error(`${file}: expected one code block starting with "${firstLine}", found ${found.length}`);
  return found[0]!;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr, without colours. */
  output: string;
}

export interface TempRepo {
  /** The temporary folder: holds the repository and the per-test caches and config homes. */
  base: string;
  /** The repository's work tree. */
  dir: string;
  env: NodeJS.ProcessEnv;
  write(file: string, text: string): void;
  run(command: string, args: string[], extraEnv?: NodeJS.ProcessEnv): RunResult;
  /** git, failing the test when git fails. */
  git(...args: string[]): RunResult;
  /** `node <repo>/node_modules/eslint/bin/eslint.js ...args`, as `npx eslint` does. */
  eslint(args: string[], extraEnv?: NodeJS.ProcessEnv): RunResult;
  commitCount(): number;
  /** Stages `file` with `text` and runs `git commit`: whatever the hooks decide. */
  tryCommit(file: string, text: string): { result: RunResult; committed: boolean };
  /** Unstages and deletes a file a rejected commit left staged. */
  discard(file: string): void;
  remove(): void;
}

/** Environment of every spawned process: no colours, CI=true, and nothing inherited that changes how git or the hooks run. */
function isolatedEnv(base: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    // GIT_DIR / GIT_INDEX_FILE (when the tests themselves run from a git hook), HUSKY=0 and LEFTHOOK=0 (hooks
    // disabled), TSESTREE_SINGLE_RUN, NODE_OPTIONS set for the test runner.
    if (/^(GIT_|HUSKY|LEFTHOOK|PRE_COMMIT|TSESTREE_|NODE_OPTIONS$)/.test(key)) delete env[key];
  }
  const globalGitConfig = path.join(base, 'gitconfig');
  writeFileSync(globalGitConfig, '');
  return {
    ...env,
    CI: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    // The machine's own git config (a global core.hooksPath, commit signing) must not apply.
    GIT_CONFIG_GLOBAL: globalGitConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    // Per-test homes of the hook managers: nothing shared between test files running in parallel.
    PRE_COMMIT_HOME: path.join(base, 'pre-commit-cache'),
    XDG_CONFIG_HOME: path.join(base, 'xdg-config'),
    XDG_CACHE_HOME: path.join(base, 'xdg-cache'),
  };
}

export function spawn(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout = TIMEOUT_MS): RunResult {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
  if (result.signal) throw new Error(`${command} ${args.join(' ')} was killed by ${result.signal} (timeout?)\n${output}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output };
}

/**
 * A new git repository (branch main, local user, one commit holding `files` plus package.json and .gitignore) with
 * node_modules linked to this repository's.
 */
export function createRepo(name: string, files: Record<string, string>): TempRepo {
  const base = mkdtempSync(path.join(tmpdir(), `unblock-${name}-`));
  const dir = path.join(base, 'repo');
  mkdirSync(dir);
  const env = isolatedEnv(base);

  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const run = (command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) => spawn(command, args, dir, { ...env, ...extraEnv });
  const git = (...args: string[]) => {
    const result = run('git', args);
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} exited ${result.status}\n${result.output}`);
    return result;
  };
  const commitCount = () => Number(git('rev-list', '--count', 'HEAD').stdout.trim());

  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  write('package.json', `${JSON.stringify({ name: `tmp-${name}`, private: true, type: 'module' }, null, 2)}\n`);
  write('.gitignore', 'node_modules\n.cache/\n');
  for (const [file, text] of Object.entries(files)) write(file, text);
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.name', 'unblock tests');
  git('config', 'user.email', 'tests@unblock.invalid');
  git('add', '--all');
  git('commit', '--quiet', '--no-verify', '--message', 'initial');

  return {
    base,
    dir,
    env,
    write,
    run,
    git,
    eslint: (args, extraEnv) => run(process.execPath, [path.join(dir, 'node_modules/eslint/bin/eslint.js'), ...args], extraEnv),
    commitCount,
    tryCommit(file, text) {
      const before = commitCount();
      write(file, text);
      git('add', file);
      const result = run('git', ['commit', '--message', `add ${file}`]);
      return { result, committed: commitCount() === before + 1 };
    },
    discard(file) {
      git('rm', '--cached', '--quiet', '--force', file);
      rmSync(path.join(dir, file), { force: true });
    },
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}
