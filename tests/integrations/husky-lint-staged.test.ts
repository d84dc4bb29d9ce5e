/** rules-docs/pre-commit.md, "husky + lint-staged", run for real in a temporary repository. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKING_JS, BLOCKING_MESSAGE, CLEAN_JS, createRepo, docBlock, type TempRepo } from './helpers.js';

describe('husky + lint-staged', () => {
  let repo: TempRepo;

  beforeAll(() => {
    repo = createRepo('husky', {
      'eslint.config.js': docBlock('ci.md', '// eslint.config.js'),
      'lint-staged.config.js': docBlock('pre-commit.md', '// lint-staged.config.js'),
    });
    // `npx husky init`, through the bin (it works offline): writes the prepare script, core.hooksPath and .husky/.
    const init = repo.run(process.execPath, [path.join(repo.dir, 'node_modules/husky/bin.js'), 'init']);
    if (init.status !== 0) throw new Error(`husky init failed:\n${init.output}`);
    repo.write('.husky/pre-commit', docBlock('pre-commit.md', '# .husky/pre-commit'));
    repo.git('add', '--all');
    repo.git('commit', '--quiet', '--no-verify', '--message', 'husky + lint-staged');
  });
  afterAll(() => repo?.remove());

  it('husky init sets core.hooksPath to .husky/_ and adds the prepare script', () => {
    expect(repo.git('config', 'core.hooksPath').stdout.trim()).toBe('.husky/_');
    expect(JSON.parse(readFileSync(path.join(repo.dir, 'package.json'), 'utf8')).scripts).toEqual({ prepare: 'husky' });
  });

  it('rejects a commit that adds a blocking call in an async function', () => {
    const { result, committed } = repo.tryCommit('src/app.js', BLOCKING_JS);
    expect(result.status, result.output).not.toBe(0);
    expect(committed).toBe(false);
    expect(result.output).toContain(BLOCKING_MESSAGE);
    expect(result.output).toContain('unblock/no-blocking-call');
    expect(result.output).toContain('husky - pre-commit script failed (code 1)');
    repo.discard('src/app.js');
  });

  it('accepts a clean commit', () => {
    const { result, committed } = repo.tryCommit('src/app.js', CLEAN_JS);
    expect(result.status, result.output).toBe(0);
    expect(committed).toBe(true);
    expect(result.output).toContain('eslint --max-warnings 0 --no-warn-ignored');
  });
});
