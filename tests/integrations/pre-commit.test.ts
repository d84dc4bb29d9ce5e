/**
 * rules-docs/pre-commit.md, "pre-commit (the framework)", run for real in a temporary repository, and this
 * repository's .pre-commit-hooks.yaml validated. Needs the `pre-commit` command (Debian package `pre-commit`, which
 * .ci/run installs): without it the tests are skipped, with the reason printed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKING_JS, BLOCKING_MESSAGE, CLEAN_JS, createRepo, docBlock, root, type TempRepo } from './helpers.js';

const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8', timeout: 60_000 });
const hasPreCommit = probe.status === 0;
/** Shown by the run's SKIPPED summary (tests/reporters/skipped-summary.ts). */
const skipReason =
  'the `pre-commit` command is not on PATH ' +
  `(${probe.error?.message ?? probe.stderr.trim()}); install it with \`apt-get install -y pre-commit\` (Debian package pre-commit)`;

const localConfig = docBlock('pre-commit.md', '# .pre-commit-config.yaml');
const remoteConfig = docBlock('pre-commit.md', '# .pre-commit-config.yaml — hook from the unblock repository');

describe('pre-commit framework', () => {
  let repo: TempRepo;

  beforeAll(() => {
    if (!hasPreCommit) return;
    repo = createRepo('pre-commit', {
      'eslint.config.js': docBlock('ci.md', '// eslint.config.js'),
      '.pre-commit-config.yaml': localConfig,
      'remote/.pre-commit-config.yaml': remoteConfig,
      'broken/.pre-commit-hooks.yaml': readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8').replace('types_or: [javascript, jsx, ts, tsx]', 'types_or: [typescript]'),
    });
    const install = repo.run('pre-commit', ['install']);
    if (install.status !== 0) throw new Error(`pre-commit install failed:\n${install.output}`);
  });
  afterAll(() => repo?.remove());

  it("validates this repository's .pre-commit-hooks.yaml (and rejects a broken copy)", (context) => {
    context.skip(!hasPreCommit, skipReason);
    const manifest = readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8');
    expect(manifest).toMatch(/^- id: unblock$/m);
    expect(manifest).toMatch(/^ {2}language: node$/m);
    expect(manifest).toMatch(/^ {2}entry: eslint$/m);
    const valid = repo.run('pre-commit', ['validate-manifest', path.join(root, '.pre-commit-hooks.yaml')]);
    expect(valid.status, valid.output).toBe(0);

    const broken = repo.run('pre-commit', ['validate-manifest', 'broken/.pre-commit-hooks.yaml']);
    expect(broken.status).not.toBe(0);
    expect(broken.output).toContain("Type tag 'typescript' is not recognized");
  });

  it("validates the guide's consumer configs, local and remote", (context) => {
    context.skip(!hasPreCommit, skipReason);
    for (const config of ['.pre-commit-config.yaml', 'remote/.pre-commit-config.yaml']) {
      const result = repo.run('pre-commit', ['validate-config', config]);
      expect(result.status, `${config}\n${result.output}`).toBe(0);
    }
  });

  it('rejects a commit that adds a blocking call in an async function (repo: local hook)', (context) => {
    context.skip(!hasPreCommit, skipReason);
    const { result, committed } = repo.tryCommit('src/app.js', BLOCKING_JS);
    expect(result.status, result.output).not.toBe(0);
    expect(committed).toBe(false);
    expect(result.output).toMatch(/unblock \(ESLint\)\.+Failed/);
    expect(result.output).toContain(BLOCKING_MESSAGE);
    expect(result.output).toContain('unblock/no-blocking-call');
    repo.discard('src/app.js');
  });

  it('accepts a clean commit', (context) => {
    context.skip(!hasPreCommit, skipReason);
    const { result, committed } = repo.tryCommit('src/app.js', CLEAN_JS);
    expect(result.status, result.output).toBe(0);
    expect(committed).toBe(true);
    expect(result.output).toMatch(/unblock \(ESLint\)\.+Passed/);
  });
});
