/**
 * rules-docs/pre-commit.md, "oxlint" (lint-staged with husky, and lefthook), run for real in temporary repositories
 * with the `.oxlintrc.json` of rules-docs/oxlint.md: oxlint loads eslint-plugin-unblock by its package name.
 */
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKING_JS, BLOCKING_MESSAGE, CLEAN_JS, createRepo, docBlock, type TempRepo } from './helpers.js';

/** A CommonJS file with `require('fs')`: found through the guide's `env` (`node`), before any engine change. */
const BLOCKING_CJS = `const { execSync } = require('node:child_process');

module.exports = async function build() {
  return execSync('tsc -p .');
};
`;

const oxlintrc = () => docBlock('oxlint.md', '// .oxlintrc.json');

/** Commits `file`: the hook must reject it (no commit made) with each of `shown` in its output; then it is dropped. */
function expectRejected(repo: TempRepo, file: string, text: string, shown: string[]): void {
  const { result, committed } = repo.tryCommit(file, text);
  expect(result.status, result.output).not.toBe(0);
  expect(committed).toBe(false);
  for (const part of shown) expect(result.output).toContain(part);
  repo.discard(file);
}

/** Commits `file`: the hook must let it through, its output matching `shown`. */
function expectAccepted(repo: TempRepo, file: string, text: string, shown: string | RegExp): void {
  const { result, committed } = repo.tryCommit(file, text);
  expect(result.status, result.output).toBe(0);
  expect(committed).toBe(true);
  expect(result.output).toMatch(shown);
}

describe('oxlint with husky + lint-staged', () => {
  let repo: TempRepo;

  beforeAll(() => {
    repo = createRepo('oxlint-lint-staged', {
      '.oxlintrc.json': oxlintrc(),
      'lint-staged.config.js': docBlock('pre-commit.md', '// lint-staged.config.js — oxlint'),
    });
    const init = repo.run(process.execPath, [path.join(repo.dir, 'node_modules/husky/bin.js'), 'init']);
    if (init.status !== 0) throw new Error(`husky init failed:\n${init.output}`);
    repo.write('.husky/pre-commit', docBlock('pre-commit.md', '# .husky/pre-commit'));
    repo.git('add', '--all');
    repo.git('commit', '--quiet', '--no-verify', '--message', 'husky + lint-staged + oxlint');
  });
  afterAll(() => repo?.remove());

  it('rejects a commit that adds a blocking call in an async function', () => {
    expectRejected(repo, 'src/app.js', BLOCKING_JS, [BLOCKING_MESSAGE, 'unblock(no-blocking-call)', 'husky - pre-commit script failed (code 1)']);
  });

  it('rejects a CommonJS file that requires a blocking API', () => {
    expectRejected(repo, 'src/build.cjs', BLOCKING_CJS, ['`child_process.execSync` blocks the event loop inside async function `build`']);
  });

  it('accepts a clean commit', () => {
    expectAccepted(repo, 'src/app.js', CLEAN_JS, /oxlint --deny-warnings/);
  });
});

describe('oxlint with lefthook', () => {
  let repo: TempRepo;
  // The platform binary itself: lefthook's npm wrapper (node_modules/.bin/lefthook) is not linked when install
  // scripts are denied, as this repository does (see lefthook.test.ts).
  const lefthook = () => path.join(repo.dir, 'node_modules', `lefthook-${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`, 'bin', 'lefthook');

  beforeAll(() => {
    repo = createRepo('oxlint-lefthook', {
      '.oxlintrc.json': oxlintrc(),
      'lefthook.yml': docBlock('pre-commit.md', '# lefthook.yml — oxlint'),
    });
    const install = repo.run(lefthook(), ['install']);
    if (install.status !== 0) throw new Error(`lefthook install failed:\n${install.output}`);
  });
  afterAll(() => repo?.remove());

  it('rejects a commit that adds a blocking call in an async function', () => {
    expectRejected(repo, 'src/app.ts', BLOCKING_JS, [BLOCKING_MESSAGE, 'unblock(no-blocking-call)']);
  });

  it('accepts a clean commit', () => {
    expectAccepted(repo, 'src/app.ts', CLEAN_JS, /✓ unblock \(/);
  });
});
