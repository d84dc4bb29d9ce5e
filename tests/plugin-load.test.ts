/**
 * What loading the built plugin loads, in a plain Node process (not the test runner's module graph): the plugin and
 * its untyped engine (ESLint without type information, as oxlint runs it) load neither `typescript` nor any
 * `@typescript-eslint/*` package nor the core's typed analysis; the typed engine is loaded the first time a rule runs
 * with type information, and then finds what it found before.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Run in a child process from the repository root: prints, as JSON, what was loaded after each step. */
const script = String.raw`
const path = require('node:path');
const { Linter } = require('eslint');
const heavy = (file) => /[\\/]node_modules[\\/](typescript|@typescript-eslint[\\/][^\\/]+)[\\/]/.exec(file)?.[1];
const loaded = () => {
  const files = Object.keys(require.cache);
  return {
    packages: [...new Set(files.map(heavy).filter(Boolean))].sort(),
    typedCore: files.some((file) => /(?:[\\/]|unblock-)core[\\/]dist[\\/]analysis[\\/]detect\.js$/.test(file)),
  };
};
const rules = { 'unblock/no-blocking-call': 'error', 'unblock/no-indirect-blocking-call': 'error' };
const messages = (result) => result.map((message) => message.ruleId + ' ' + message.line + ':' + message.column);

(async () => {
  const plugin = require('eslint-plugin-unblock');
  const esm = (await import('eslint-plugin-unblock')).default;
  const afterLoad = loaded();

  const linter = new Linter({ configType: 'flat' });
  const cjs = linter.verify(
    "const { execSync } = require('node:child_process');\nmodule.exports = async function build() {\n  return execSync('tsc');\n};\n",
    [{ files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, plugins: { unblock: plugin }, rules }],
    'build.cjs',
  );
  const mjs = linter.verify(
    "import { readFileSync } from 'node:fs';\nexport async function load() {\n  return readFileSync('a.json', 'utf8');\n}\n",
    [{ files: ['**/*.mjs'], plugins: { unblock: esm }, rules }],
    'load.mjs',
  );
  const afterUntyped = loaded();

  const tseslint = require('typescript-eslint');
  const dir = path.resolve('fixtures/typed');
  const typed = new Linter({ configType: 'flat', cwd: dir }).verify(
    "import { readFileSync } from 'node:fs';\nfunction read(p: string) { return readFileSync(p, 'utf8'); }\nexport async function load() {\n  return read('a.json') + readFileSync('b.json', 'utf8');\n}\n",
    [{
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: dir, disallowAutomaticSingleRunInference: true } },
      plugins: { unblock: plugin },
      rules,
    }],
    path.join(dir, 'file.ts'),
  );
  const afterTyped = loaded();
  console.log(JSON.stringify({ afterLoad, afterUntyped, afterTyped, cjs: messages(cjs), mjs: messages(mjs), typed: messages(typed) }));
})();
`;

describe('loading eslint-plugin-unblock', () => {
  it('loads no TypeScript for the untyped engine, and the typed engine on first use', () => {
    const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);

    // Loading the plugin (CommonJS and ESM entries), then linting CommonJS and ESM without types: nothing heavy.
    expect(result.afterLoad).toEqual({ packages: [], typedCore: false });
    expect(result.cjs).toEqual(['unblock/no-blocking-call 3:10']);
    expect(result.mjs).toEqual(['unblock/no-blocking-call 3:10']);
    expect(result.afterUntyped).toEqual({ packages: [], typedCore: false });

    // With type information: the typed engine is loaded and finds the direct and the indirect call.
    expect(result.afterTyped.typedCore).toBe(true);
    expect(result.afterTyped.packages).toContain('typescript');
    expect(result.typed).toEqual(['unblock/no-indirect-blocking-call 4:10', 'unblock/no-blocking-call 4:27']);
  });
});
