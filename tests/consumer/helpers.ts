/**
 * Shared set-up of the consumer tests: what a user does with the published packages, outside this repository.
 * Every workspace package that is not private is packed with `npm pack` (so a new package is picked up without
 * edits); each test project lives under os.tmpdir() and installs the tarballs, and whatever else the README's
 * install command names, from the npm registry. One npm cache, kept between runs under os.tmpdir(), serves all of
 * them (`--prefer-offline`: a second run needs no network).
 *
 * Synchronous on purpose, like tests/integrations/helpers.ts: processes are spawned with spawnSync from synchronous
 * callbacks.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll } from 'vitest';
import * as path from 'node:path';
import { codeBlock, root, spawn, type RunResult } from '../integrations/helpers.js';

export { codeBlock, root, spawn, type RunResult };

/** npm's cache for the consumer projects: shared by the tests, kept between runs. */
export const npmCache = process.env.UNBLOCK_TEST_NPM_CACHE ?? path.join(tmpdir(), 'unblock-test-npm-cache');

/** Installs from the registry take the longest: generous, so that a cold cache on a slow network still passes. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * The environment of a user's shell: none of what `npm test` and vitest add (npm_* variables and npm's
 * node_modules/.bin on PATH, CI, git's and the hook managers' variables), no colours.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|INIT_CWD$|CI$|GIT_|HUSKY|LEFTHOOK|PRE_COMMIT|TSESTREE_|NODE_OPTIONS$|NODE_ENV$|VITEST|TINYPOOL)/i.test(key)) env[key] = value;
  }
  env.PATH = (env.PATH ?? '')
    .split(path.delimiter)
    .filter((entry) => !entry.includes(`node_modules${path.sep}.bin`))
    .join(path.delimiter);
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', ...extra };
}

export interface PackedPackage {
  name: string;
  version: string;
  /** The workspace folder, relative to the repository. */
  dir: string;
  tarball: string;
  /** The tarball's files, as `npm pack` lists them. */
  files: string[];
  manifest: Record<string, unknown> & { dependencies?: Record<string, string> };
}

/** The workspace folders of the root package.json that hold a package that is not private. */
export function publishedWorkspaces(): { dir: string; manifest: PackedPackage['manifest'] }[] {
  const { workspaces } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  return workspaces.flatMap((dir) => {
    if (dir.includes('*')) throw new Error(`workspace pattern "${dir}": list the folder itself`);
    const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as PackedPackage['manifest'];
    return manifest.private ? [] : [{ dir, manifest }];
  });
}

/** `npm pack` of every published workspace package into `dest`. */
export function packAll(dest: string): PackedPackage[] {
  mkdirSync(dest, { recursive: true });
  return publishedWorkspaces().map(({ dir, manifest }) => {
    const result = spawn('npm', ['pack', '--json', '--pack-destination', dest], path.join(root, dir), userEnv(), INSTALL_TIMEOUT_MS);
    if (result.status !== 0) throw new Error(`npm pack in ${dir} failed:\n${result.output}`);
    const [info] = JSON.parse(result.stdout) as { name: string; version: string; filename: string; files: { path: string }[] }[];
    return { name: info!.name, version: info!.version, dir, tarball: path.join(dest, info!.filename), files: info!.files.map((file) => file.path).sort(), manifest };
  });
}

/**
 * Packs every published package in the calling test file's beforeAll, into a temporary folder removed in its
 * afterAll; returns a getter of the packed packages.
 */
export function usePackedPackages(): () => PackedPackage[] {
  const dest = mkdtempSync(path.join(tmpdir(), 'unblock-packs-'));
  let packs: PackedPackage[] | undefined;
  beforeAll(() => {
    packs = packAll(dest);
  }, INSTALL_TIMEOUT_MS);
  afterAll(() => rmSync(dest, { recursive: true, force: true }));
  return () => {
    if (!packs) throw new Error('the packages are packed in beforeAll');
    return packs;
  };
}

/**
 * The install specs for `names` (package names, or `name@range` of other packages): each of our packages becomes
 * its tarball, together with the tarballs of our packages it depends on, so that nothing of ours comes from the
 * registry.
 */
export function withTarballs(specs: string[], packs: PackedPackage[]): string[] {
  const byName = new Map(packs.map((pack) => [pack.name, pack]));
  const ours = new Set<string>();
  const add = (name: string): void => {
    const pack = byName.get(name);
    if (!pack || ours.has(name)) return;
    ours.add(name);
    for (const dependency of Object.keys(pack.manifest.dependencies ?? {})) add(dependency);
  };
  const others = specs.filter((spec) => {
    if (!byName.has(spec)) return true;
    add(spec);
    return false;
  });
  return [...others, ...[...ours].map((name) => byName.get(name)!.tarball)];
}

/** The words after `npm install` in the README's install block that starts with `firstLine`. */
export function readmeInstall(readme: string, firstLine: string): { flags: string[]; packages: string[] } {
  const command = codeBlock(readme, firstLine).split('\n')[1] ?? '';
  const words = command.trim().split(/\s+/);
  if (words[0] !== 'npm' || words[1] !== 'install') throw new Error(`${readme}: "${command}" is not an npm install command`);
  const rest = words.slice(2);
  return { flags: rest.filter((word) => word.startsWith('-')), packages: rest.filter((word) => !word.startsWith('-')) };
}

export interface Project {
  dir: string;
  write(file: string, text: string): void;
  read(file: string): string;
  run(command: string, args: string[], timeout?: number): RunResult;
  /** `npm install --prefer-offline ...args` with the shared cache; fails the test when npm fails. */
  install(args: string[]): RunResult;
  /** `node node_modules/eslint/bin/eslint.js ...args`, as `npx eslint` runs it. */
  eslint(args: string[]): RunResult;
  /** `node node_modules/typescript/bin/tsc ...args`. */
  tsc(args: string[]): RunResult;
  remove(): void;
}

/** A new folder under os.tmpdir() holding `files` (a package.json among them). */
export function createProject(name: string, files: Record<string, string>): Project {
  const dir = mkdtempSync(path.join(tmpdir(), `unblock-consumer-${name}-`));
  const env = userEnv({ npm_config_cache: npmCache });
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  const run = (command: string, args: string[], timeout?: number) => spawn(command, args, dir, env, timeout);
  return {
    dir,
    write,
    read: (file) => readFileSync(path.join(dir, file), 'utf8'),
    run,
    install(args) {
      const result = run('npm', ['install', '--prefer-offline', ...args], INSTALL_TIMEOUT_MS);
      if (result.status !== 0) throw new Error(`npm install ${args.join(' ')} failed in ${dir}:\n${result.output}`);
      return result;
    },
    eslint: (args) => run(process.execPath, [path.join(dir, 'node_modules/eslint/bin/eslint.js'), ...args], 5 * 60_000),
    tsc: (args) => run(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), ...args], 5 * 60_000),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Finding {
  file: string;
  line: number;
  column: number;
  ruleId: string | null;
  message: string;
  fatal?: boolean;
}

/** The findings of `eslint --format json` output, `file:line:column rule` sorted, and the fatal (parsing) errors. */
export function findings(result: RunResult, dir: string): { all: Finding[]; keys: string[]; fatal: Finding[] } {
  const reports = JSON.parse(result.stdout) as { filePath: string; messages: Omit<Finding, 'file'>[] }[];
  const all = reports.flatMap((report) =>
    report.messages.map((message) => ({ ...message, file: path.relative(dir, report.filePath).split(path.sep).join('/') })),
  );
  return {
    all,
    keys: all.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`).sort(),
    fatal: all.filter((finding) => finding.fatal),
  };
}
