/**
 * A plain CommonJS JavaScript project (no "type" in package.json, `require()` everywhere) set up exactly as
 * eslint-plugin/README.md says — its JavaScript install command, with the packed tarballs for our packages, and its
 * CommonJS `eslint.config.js` — linted with the real ESLint CLI on ESLint 10 and ESLint 9: the untyped mode, by
 * import tracking. Then TypeScript 7 installed over it (as `npm install typescript` does today, past the peer
 * ranges): the untyped run loads no TypeScript, so it reports the same findings (a typed run would stop with the
 * plugin's one clear error: eslint-plugin/tests/typescript-support.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeBlock, createProject, findings, readmeInstall, usePackedPackages, withTarballs, type Project } from './helpers.js';

const README = 'eslint-plugin/README.md';
const STEP_TIMEOUT_MS = 10 * 60_000;

const packed = usePackedPackages();

const SERVER = `const fs = require('fs');
const { execSync } = require('node:child_process');
const crypto = require('crypto');

async function handle(name) {
  const body = fs.readFileSync(name, 'utf8');
  const hash = crypto.pbkdf2Sync(body, 'salt', 1000, 16, 'sha256');
  return execSync('echo ' + hash.toString('hex')).toString();
}

// Synchronous start-up code: not reported.
function loadConfig() {
  return JSON.parse(fs.readFileSync('config.json', 'utf8'));
}

module.exports = { handle, loadConfig };
`;

const CLEAN = `const { readFile } = require('fs/promises');

async function handle(name) {
  return readFile(name, 'utf8');
}

module.exports = { handle };
`;

describe.each([{ eslint: 10 }, { eslint: 9 }])('CommonJS JavaScript project, untyped, ESLint $eslint', ({ eslint }) => {
  let project: Project;
  beforeAll(() => {
    project = createProject(`cjs-eslint${eslint}`, {
      'package.json': `${JSON.stringify({ name: 'consumer-commonjs', private: true }, null, 2)}\n`,
      'eslint.config.js': codeBlock(README, '// eslint.config.js — CommonJS'),
      'lib/server.js': SERVER,
      'lib/clean.js': CLEAN,
    });
    const { flags, packages } = readmeInstall(README, '# JavaScript, without type information');
    project.install([...flags, ...withTarballs(packages.map((spec) => (spec === 'eslint' ? `eslint@${eslint}` : spec)), packed())]);
  }, 2 * STEP_TIMEOUT_MS);
  afterAll(() => project?.remove());

  it('reports the blocking calls required with require() inside the async function, exit code 1', () => {
    expect((JSON.parse(project.read('node_modules/eslint/package.json')) as { version: string }).version).toMatch(new RegExp(`^${eslint}\\.`));
    const result = project.eslint(['.', '--format', 'json']);
    const { all, keys, fatal } = findings(result, project.dir);
    expect(fatal).toEqual([]);
    expect(keys).toEqual([
      'lib/server.js:6:16 unblock/no-blocking-call',
      'lib/server.js:7:16 unblock/no-blocking-call',
      'lib/server.js:8:10 unblock/no-blocking-call',
    ]);
    expect(all.map((finding) => finding.message.split(';')[0])).toEqual([
      '`fs.readFileSync` blocks the event loop inside async function `handle`',
      '`crypto.pbkdf2Sync` blocks the event loop inside async function `handle`',
      '`child_process.execSync` blocks the event loop inside async function `handle`',
    ]);
    expect(result.status, result.stderr).toBe(1);
  }, STEP_TIMEOUT_MS);

  it('exits 0 on clean code', () => {
    const result = project.eslint(['lib/clean.js']);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  }, STEP_TIMEOUT_MS);

  if (eslint === 10) it('still reports the same findings, exit code 1, when TypeScript 7 is installed (the untyped run loads no TypeScript)', () => {
    project.install(['--save-dev', '--legacy-peer-deps', 'typescript@7']);
    const result = project.eslint(['.', '--format', 'json']);
    const { keys, fatal } = findings(result, project.dir);
    expect(fatal).toEqual([]);
    expect(keys).toEqual([
      'lib/server.js:6:16 unblock/no-blocking-call',
      'lib/server.js:7:16 unblock/no-blocking-call',
      'lib/server.js:8:10 unblock/no-blocking-call',
    ]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(/TypeError|Cannot read properties/);
  }, 2 * STEP_TIMEOUT_MS);
});
