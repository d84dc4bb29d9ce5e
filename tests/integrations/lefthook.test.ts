/** rules-docs/pre-commit.md, "lefthook", run for real in a temporary repository. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKING_JS, BLOCKING_MESSAGE, CLEAN_JS, createRepo, docBlock, type TempRepo } from './helpers.js';

describe('lefthook', () => {
  let repo: TempRepo;
  // The binary of this platform's package, which the `lefthook` npm package would bring as an optional dependency.
  // This repository depends on the platform packages directly: the wrapper's postinstall would run
  // `lefthook install` in every clone that runs `npm ci` (npm 10 runs dependencies' install scripts).
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const lefthook = () => path.join(repo.dir, 'node_modules', `lefthook-${platform}-${process.arch}`, 'bin', 'lefthook');

  beforeAll(() => {
    repo = createRepo('lefthook', {
      'eslint.config.js': docBlock('ci.md', '// eslint.config.js'),
      'lefthook.yml': docBlock('pre-commit.md', '# lefthook.yml'),
    });
    const install = repo.run(lefthook(), ['install']);
    if (install.status !== 0) throw new Error(`lefthook install failed:\n${install.output}`);
  });
  afterAll(() => repo?.remove());

  it('validates the guide\'s lefthook.yml and installs .git/hooks/pre-commit', () => {
    const validate = repo.run(lefthook(), ['validate']);
    expect(validate.status, validate.output).toBe(0);
    expect(readFileSync(path.join(repo.dir, '.git/hooks/pre-commit'), 'utf8')).toContain('lefthook');
  });

  it('rejects a commit that adds a blocking call in an async function', () => {
    const { result, committed } = repo.tryCommit('src/app.js', BLOCKING_JS);
    expect(result.status, result.output).not.toBe(0);
    expect(committed).toBe(false);
    expect(result.output).toContain(BLOCKING_MESSAGE);
    expect(result.output).toContain('unblock/no-blocking-call');
    repo.discard('src/app.js');
  });

  it('accepts a clean commit', () => {
    const { result, committed } = repo.tryCommit('src/app.js', CLEAN_JS);
    expect(result.status, result.output).toBe(0);
    expect(committed).toBe(true);
    expect(result.output).toMatch(/✓ unblock \(/);
  });

  it('skips the job when no staged file matches the glob', () => {
    const { result, committed } = repo.tryCommit('notes.md', 'readFileSync in an async function, in prose\n');
    expect(result.status, result.output).toBe(0);
    expect(committed).toBe(true);
    expect(result.output).toContain('unblock (skip) no files for inspection');
    expect(result.output).not.toMatch(/✓ unblock \(/);
  });
});
