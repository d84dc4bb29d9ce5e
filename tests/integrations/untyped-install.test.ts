/**
 * Untyped use as a user installs it, without TypeScript: the packed plugin and core installed with npm into fresh
 * projects that have only ESLint, or only oxlint, each with the configuration its guide gives (eslint-plugin/README.md's
 * ES-modules `eslint.config.js`, rules-docs/oxlint.md's `.oxlintrc.json`). npm must install no `typescript` (nor any
 * `@typescript-eslint/*` package), and linting a CommonJS file must report its blocking call.
 * ESLint and oxlint come from npm at the versions this repository pins (from npm's cache when it has them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docBlock, root } from './helpers.js';

const require = createRequire(import.meta.url);
const versionOf = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;

/** A CommonJS file whose `execSync` runs inside an async function. */
const BLOCKING_CJS = `const { execSync } = require('node:child_process');

module.exports = async function build() {
  return execSync('tsc -p .');
};
`;
const MESSAGE = '`child_process.execSync` blocks the event loop inside async function `build`';

/** The plugin README's untyped ESLint config for ES modules (no parser, no TypeScript). */
function readmeUntypedConfig(): string {
  const text = readFileSync(path.join(root, 'eslint-plugin', 'README.md'), 'utf8');
  const blocks = [...text.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
  const found = blocks.find((block) => block.startsWith('// eslint.config.js — ES modules'));
  if (!found) throw new Error('eslint-plugin/README.md: no `// eslint.config.js — ES modules` block');
  return found;
}

/** npm's own environment variables from an `npm test` run are not the temporary project's (registry and cache kept). */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !/^npm_config_(registry|cache)$/i.test(key)) continue;
    if (key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', CI: 'true' };
}

function run(command: string, args: string[], cwd: string): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd, env: npmEnv(), encoding: 'utf8', timeout: 300_000 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('untyped use without TypeScript installed', () => {
  let base: string;
  let tarballs: string[];

  /** A fresh project with `files`, and the packed plugin and core plus `packages` installed by npm. */
  function project(name: string, packages: string[], files: Record<string, string>): string {
    const dir = path.join(base, name);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: `tmp-${name}`, private: true, type: 'module' }, null, 2)}\n`);
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
    const install = run('npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs, ...packages], dir);
    if (install.status !== 0) throw new Error(`npm install failed in ${name}:\n${install.output}`);
    return dir;
  }

  /** The packages npm installed that are TypeScript or typescript-eslint. */
  function typescriptPackages(dir: string): string[] {
    const modules = path.join(dir, 'node_modules');
    const scoped = existsSync(path.join(modules, '@typescript-eslint')) ? readdirSync(path.join(modules, '@typescript-eslint')).map((name) => `@typescript-eslint/${name}`) : [];
    return [...(existsSync(path.join(modules, 'typescript')) ? ['typescript'] : []), ...scoped];
  }

  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'unblock-untyped-install-'));
    const packs = path.join(base, 'packs');
    mkdirSync(packs);
    const pack = run('npm', ['pack', '-w', 'core', '-w', 'eslint-plugin', '--pack-destination', packs], root);
    if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.output}`);
    tarballs = readdirSync(packs).map((file) => path.join(packs, file));
  }, 300_000);
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  /** In a project with `packages` and `config`: no TypeScript installed, and `cli` reports BLOCKING_CJS as `rule`. */
  function expectFinding(name: string, packages: string[], config: Record<string, string>, cli: string, rule: string): void {
    const dir = project(name, packages, { ...config, 'build.cjs': BLOCKING_CJS });
    expect(typescriptPackages(dir)).toEqual([]);
    const lint = run(process.execPath, [path.join(dir, 'node_modules', cli), 'build.cjs'], dir);
    expect(lint.status, lint.output).toBe(1);
    expect(lint.output).toContain(MESSAGE);
    expect(lint.output).toContain(rule);
  }

  it('ESLint: installs no TypeScript and reports a blocking require in a .cjs file', () => {
    expectFinding('eslint', [`eslint@${versionOf('eslint')}`], { 'eslint.config.js': readmeUntypedConfig() }, 'eslint/bin/eslint.js', 'unblock/no-blocking-call');
  }, 300_000);

  it('oxlint: installs no TypeScript and reports a blocking require in a .cjs file', () => {
    expectFinding('oxlint', [`oxlint@${versionOf('oxlint')}`], { '.oxlintrc.json': docBlock('oxlint.md', '// .oxlintrc.json') }, 'oxlint/bin/oxlint', 'unblock(no-blocking-call)');
  }, 300_000);
});
