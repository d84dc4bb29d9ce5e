// Lints one evaluated project with the real ESLint API, as its users would, and returns plain findings per setup:
// - untyped: `unblock.configs.recommended` on ESLint's defaults (espree for .js/.mjs/.cjs; typescript-eslint's
//   parser without a project for .ts);
// - typed: the same unblock config with typescript-eslint and a generated tsconfig over the project's files
//   (allowJs, the repository's @types/node, the pinned dependencies installed by sources.mjs), with n/no-sync
//   beside it (default options, and allowAtRootLevel). n/no-sync runs here because on .ts files parsed without a
//   project it throws ("requires type information"); its findings do not depend on types without `ignores`.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import n from 'eslint-plugin-n';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);

const tsFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const jsFiles = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
// The projects' own directive comments name plugins that are not loaded here.
const linterOptions = { linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true } };
// n/no-sync twice in one run: the second copy under another namespace carries `allowAtRootLevel`.
const nRoot = { rules: { 'no-sync': n.rules['no-sync'] } };

function untypedConfig(unblock) {
  return [
    linterOptions,
    unblock.configs.recommended,
    { files: tsFiles, languageOptions: { parser: tseslint.parser } },
  ];
}

function typedConfig(unblock, tsconfig) {
  return [
    linterOptions,
    { files: [...jsFiles, ...tsFiles], languageOptions: { parser: tseslint.parser, parserOptions: { project: tsconfig, tsconfigRootDir: path.dirname(tsconfig) } } },
    unblock.configs.recommended,
    { plugins: { n, 'n-root': nRoot }, rules: { 'n/no-sync': 'error', 'n-root/no-sync': ['error', { allowAtRootLevel: true }] } },
  ];
}

/** A tsconfig next to the extracted package that covers exactly the linted files. */
export function writeTsconfig(root, files) {
  const file = path.join(path.dirname(root), 'tsconfig.eval.json');
  // JavaScript read, not checked; declarations from this repository's @types/node and the installed typeDeps.
  const checking = { allowJs: true, checkJs: false, noEmit: true, skipLibCheck: true, types: ['node'] };
  const modules = { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', esModuleInterop: true };
  const tsconfig = { compilerOptions: { ...checking, ...modules }, files: files.map((relative) => path.join(root, relative)) };
  writeFileSync(file, `${JSON.stringify(tsconfig, null, 2)}\n`);
  return file;
}

function collect(results, root, byRule) {
  const findings = Object.fromEntries(byRule.map(([rule]) => [rule, []]));
  const fatal = [];
  for (const result of results) {
    const file = path.relative(root, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      if (message.fatal) fatal.push(`${file}:${message.line}: ${message.message}`);
      const entry = byRule.find(([rule]) => rule === message.ruleId);
      if (!entry) continue;
      findings[message.ruleId].push({ file, line: message.line, column: message.column, endLine: message.endLine, endColumn: message.endColumn, message: message.message });
    }
  }
  return { findings, fatal };
}

/** The plugin under test: this repository's build, or another build's entry point (`--plugin`). */
export function loadPlugin(entry = 'eslint-plugin-unblock') {
  return require(entry);
}

/**
 * Runs both lint passes over `files` (relative to `root`).
 * @returns {Promise<{ findings: Record<string, Record<string, object[]>>, fatal: string[], ms: Record<string, number> }>}
 */
export async function lintProject(root, files, unblock = loadPlugin()) {
  const ms = {};
  let start = performance.now();
  const untyped = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: untypedConfig(unblock), ignore: false });
  const untypedRun = collect(await untyped.lintFiles(files), root, [['unblock/no-blocking-call'], ['unblock/no-indirect-blocking-call']]);
  ms.untyped = Math.round(performance.now() - start);

  start = performance.now();
  const tsconfig = writeTsconfig(root, files);
  const typed = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: typedConfig(unblock, tsconfig), ignore: false });
  const typedRun = collect(await typed.lintFiles(files), root, [
    ['unblock/no-blocking-call'],
    ['unblock/no-indirect-blocking-call'],
    ['n/no-sync'],
    ['n-root/no-sync'],
  ]);
  ms.typed = Math.round(performance.now() - start);

  const pick = (run, direct, indirect) => ({ direct: run.findings[direct] ?? [], indirect: run.findings[indirect] ?? [] });
  return {
    findings: {
      'unblock-untyped': pick(untypedRun, 'unblock/no-blocking-call', 'unblock/no-indirect-blocking-call'),
      'unblock-typed': pick(typedRun, 'unblock/no-blocking-call', 'unblock/no-indirect-blocking-call'),
      // n/no-sync is one rule for both kinds of site: its findings are matched against each.
      'n/no-sync': pick(typedRun, 'n/no-sync', 'n/no-sync'),
      'n/no-sync (allowAtRootLevel)': pick(typedRun, 'n-root/no-sync', 'n-root/no-sync'),
    },
    fatal: [...untypedRun.fatal.map((line) => `untyped ${line}`), ...typedRun.fatal.map((line) => `typed ${line}`)],
    ms,
  };
}
