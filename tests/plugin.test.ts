/** The published shape: ESM and CJS entry points, configs, and rules/tests/docs kept in step. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

describe('eslint-plugin-unblock', () => {
  it('is importable as ESM and as CJS by Node, with the same plugin object', () => {
    // Plain Node, not the test runner's module graph: this is what users' eslint.config.{js,cjs} do.
    const script = `
      import esm, { rules } from 'eslint-plugin-unblock';
      import { createRequire } from 'node:module';
      const cjs = createRequire(import.meta.url)('eslint-plugin-unblock');
      console.log(JSON.stringify({ keys: Object.keys(esm).sort(), same: esm === cjs, named: rules === cjs.rules, meta: esm.meta }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ keys: ['configs', 'meta', 'rules'], same: true, named: true });
    expect(result.meta).toMatchObject({ name: 'eslint-plugin-unblock', namespace: 'unblock' });
  });

  it('has flat configs recommended and strict that register the plugin', () => {
    const plugin = require('eslint-plugin-unblock');
    for (const name of ['recommended', 'strict']) {
      const config = plugin.configs[name];
      expect(config.plugins.unblock).toBe(plugin);
      expect(Object.keys(config.rules)).toEqual(Object.keys(plugin.rules).map((rule) => `unblock/${rule}`));
    }
    const strictOptions = plugin.configs.strict.rules['unblock/no-blocking-call'][1];
    expect(Object.values(strictOptions.categories).every(Boolean)).toBe(true);
    expect(JSON.parse(JSON.stringify(strictOptions))).toEqual(strictOptions); // serializable for --cache / --concurrency
  });

  it('keeps every rule with its test file and docs page, linked from meta.docs.url', () => {
    const plugin = require('eslint-plugin-unblock');
    for (const [name, rule] of Object.entries<{ meta: { docs: { url: string } } }>(plugin.rules)) {
      expect(existsSync(path.join(root, 'eslint-plugin/src/rules', `${name}.ts`)), `src/rules/${name}.ts`).toBe(true);
      expect(existsSync(path.join(root, 'eslint-plugin/tests/rules', `${name}.test.ts`)), `tests/rules/${name}.test.ts`).toBe(true);
      const page = path.join(root, 'rules-docs', `${name}.md`);
      expect(existsSync(page), `rules-docs/${name}.md`).toBe(true);
      expect(rule.meta.docs.url.endsWith(`rules-docs/${name}.md`)).toBe(true);
      expect(readFileSync(page, 'utf8')).toContain(`# unblock/${name}`);
    }
  });
});
