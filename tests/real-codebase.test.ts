/**
 * The rule on a real codebase from npm at a pinned version: ESLint's own `lib/` (eslint@10.15.0, 400+ files).
 * It must never throw, with or without type information. Counts are printed for the record.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const unblock = require('eslint-plugin-unblock') as typeof import('eslint-plugin-unblock');
const eslintRoot = path.dirname(require.resolve('eslint/package.json'));
const pinned = '10.15.0';

async function lint(typed: boolean) {
  const eslint = new ESLint({
    cwd: eslintRoot,
    overrideConfigFile: true,
    ignore: false,
    overrideConfig: [
      // The codebase's own directives name plugins that are not loaded here.
      { linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true } },
      {
        files: ['lib/**/*.js'],
        languageOptions: typed
          ? {
              parser: tseslint.parser,
              // fixtures/real-codebase/tsconfig.json includes node_modules/eslint/lib with allowJs
              parserOptions: { project: path.resolve(import.meta.dirname, '../fixtures/real-codebase/tsconfig.json') },
            }
          : { sourceType: 'commonjs' },
      },
      // The direct rule with every category; the indirect one with the default categories (strict would follow
      // every console.log helper, which is right but drowns the signal in a CLI).
      { ...(unblock.configs.strict as Linter.Config), files: ['lib/**/*.js'] },
      { files: ['lib/**/*.js'], rules: { 'unblock/no-indirect-blocking-call': ['error', {}] } },
    ],
  });
  return eslint.lintFiles(['lib/**/*.js']);
}

describe(`real codebase: eslint@${pinned} lib/`, () => {
  it('is the pinned version with at least 300 files', () => {
    expect(JSON.parse(readFileSync(path.join(eslintRoot, 'package.json'), 'utf8')).version).toBe(pinned);
  });

  for (const typed of [false, true]) {
    it(`lints every file without a crash (${typed ? 'typed' : 'untyped'})`, async () => {
      const results = await lint(typed);
      expect(results.length).toBeGreaterThanOrEqual(300);
      const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal));
      expect(fatal).toEqual([]);
      const findings = results.flatMap((result) =>
        result.messages.filter((message) => message.ruleId?.startsWith('unblock/')).map((message) => `${path.relative(eslintRoot, result.filePath)}:${message.line} ${message.message}`),
      );
      console.log(`[${typed ? 'typed' : 'untyped'}] ${results.length} files, ${findings.length} findings\n${findings.join('\n')}`);
      // Hand-checked: each is a blocking call in the synchronous part of an async method (see the snapshot).
      expect(findings).toMatchSnapshot();
    }, 600_000);
  }
});
