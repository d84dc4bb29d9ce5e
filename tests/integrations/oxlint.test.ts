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
    const { result, committed } = repo.tryCommit('src/app.js', BLOCKING_JS);
    expect(result.status, result.output).not.toBe(0);
    expect(committed).toBe(false);
    expect(result.output).toContain(BLOCKING_MESSAGE);
    expect(result.output).toContain('unblock(no-blocking-call)');
    expect(result.output).toContain('husky - pre-commit script failed (code 1)');
    repo.discard('src/app.js');
  });

  it('rejects a CommonJS file that requires a blocking API', () => {
    const { result, committed } = repo.tryCommit('src/build.cjs', BLOCKING_CJS);
    expect(result.status, result.output).not.toBe(0);
    expect(committed).toBe(false);
    expect(result.output).toContain('`child_process.execSync` blocks the event loop inside async function `build`');
    repo.discard('src/build.cjs');
  });

  it('accepts a clean commit', () => {
    const { result, committed } = repo.tryCommit('src/app.js', CLEAN_JS);
    expect(result.status, result.output).toBe(0);
    expect(committed).toBe(true);
    expect(result.output).toContain('oxlint --deny-warnings');
  });
});

describe('oxlint with lefthook', () => {
  let repo: TempRepo;
  const lefthook = () => path.join(repo.dir, 'node_modules/.bin/lefthook');

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
    const { result, committed } = repo.tryCommit('src/app.ts', BLOCKING_JS);
    expect(result.status, result.output).not.toBe(0);
    expect(committed).toBe(false);
    expect(result.output).toContain(BLOCKING_MESSAGE);
    expect(result.output).toContain('unblock(no-blocking-call)');
    repo.discard('src/app.ts');
  });

  it('accepts a clean commit', () => {
    const { result, committed } = repo.tryCommit('src/app.ts', CLEAN_JS);
    expect(result.status, result.output).toBe(0);
    expect(committed).toBe(true);
    expect(result.output).toMatch(/✓ unblock \(/);
  });
});
