/**
 * A TypeScript ES-module project set up exactly as eslint-plugin/README.md says — its install command (with the
 * packed tarballs for our packages) and its `eslint.config.ts` — linted with the real ESLint CLI, on ESLint 10 and
 * ESLint 9. `tsc` type-checks the config and the configs' types (`defineConfig`, `Linter.Config[]`) with that
 * ESLint's own types; JavaScript files no tsconfig includes are linted without a parsing error; `dist/` is ignored.
 * On ESLint 10 every suggestion is then applied through ESLint's API, the `unblock` runtime tarball installed, and
 * the fixed program type-checks, lints clean and prints what the original printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeBlock, createProject, findings, readmeInstall, usePackedPackages, withTarballs, type Project } from './helpers.js';

const README = 'eslint-plugin/README.md';
const CONFIG = '// eslint.config.ts (the same code works as eslint.config.js or eslint.config.mjs)';
const INSTALL = '# TypeScript, with type information (recommended)';

/** Each step spawns tsc, ESLint with type information or npm: minutes on a busy 2-core machine. */
const STEP_TIMEOUT_MS = 10 * 60_000;

const packed = usePackedPackages();

const files: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'consumer-typescript-esm', private: true, type: 'module' }, null, 2)}\n`,
  'tsconfig.json': `${JSON.stringify(
    {
      compilerOptions: { target: 'es2022', module: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
      include: ['src', 'eslint.config.ts', 'config-types.ts'],
    },
    null,
    2,
  )}\n`,
  'tsconfig.build.json': `${JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: false, outDir: 'dist', rootDir: 'src' }, include: ['src'] }, null, 2)}\n`,
  // The configs' types, beyond the README's use: a Linter.Config[] and the plugin in `plugins`.
  'config-types.ts': `import type { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import unblock from 'eslint-plugin-unblock';

export const list: Linter.Config[] = [
  unblock.configs.recommended,
  unblock.configs.strict,
  { plugins: { unblock }, rules: { 'unblock/no-blocking-call': ['error', { categories: { console: true } }] } },
];
export const defined = defineConfig(unblock.configs.strict, { plugins: { unblock } });
`,
  'src/settings.ts': `import { readFileSync } from 'node:fs';

export function loadSettings(file: string): { label: string } {
  return JSON.parse(readFileSync(file, 'utf8')) as { label: string };
}
`,
  'src/app.ts': `import { readFileSync } from 'node:fs';
import { pbkdf2Sync } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { loadSettings } from './settings.js';

export async function summarize(file: string): Promise<string> {
  const text = readFileSync(file, 'utf8');
  const key = pbkdf2Sync(text, 'salt', 1000, 16, 'sha256').toString('hex');
  const size = gzipSync(text).length;
  const { label } = loadSettings('data/settings.json');
  return \`\${label}: \${key} \${size} \${text.length}\`;
}
`,
  'src/main.ts': `import { summarize } from './app.js';

console.log(await summarize('data/input.txt'));
`,
  'data/input.txt': 'The quick brown fox jumps over the lazy dog.\n'.repeat(50),
  'data/settings.json': '{ "label": "summary" }\n',
  // JavaScript that no tsconfig includes: the untyped mode, no parsing error.
  'scripts/release.js': `import { execSync } from 'node:child_process';

export async function release() {
  return execSync('git describe --tags').toString();
}
`,
  // Build output: ignored by the README's config.
  'dist/old.js': `import { readFileSync } from 'node:fs';
export async function old() { return readFileSync('x'); }
`,
};

/** `file:line:column rule` of the first occurrence of `needle` in `file`. */
function at(project: Project, file: string, needle: string, rule: string): string {
  const text = project.read(file);
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, index).split('\n');
  return `${file}:${before.length}:${before.at(-1)!.length + 1} ${rule}`;
}

/** Applies every suggestion through ESLint's API (preferring "Run … in a worker thread"), one at a time, re-linting after each. */
const APPLY_SUGGESTIONS = `import { readFileSync, writeFileSync } from 'node:fs';
import { ESLint } from 'eslint';

const eslint = new ESLint();
for (const file of process.argv.slice(2)) {
  let text = readFileSync(file, 'utf8');
  for (let step = 0; step < 50; step++) {
    const [result] = await eslint.lintText(text, { filePath: file });
    const fatal = result.messages.find((message) => message.fatal);
    if (fatal) throw new Error(file + ': ' + fatal.message);
    const message = result.messages.find((candidate) => candidate.suggestions?.length);
    if (!message) break;
    const suggestion = message.suggestions.find((candidate) => candidate.desc.startsWith('Run ')) ?? message.suggestions[0];
    const next = text.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + text.slice(suggestion.fix.range[1]);
    if (next === text) throw new Error(file + ': a suggestion that changes nothing: ' + suggestion.desc);
    text = next;
    console.log(file + ':' + message.line + ' ' + suggestion.desc);
  }
  writeFileSync(file, text);
}
`;

function run(project: Project): string {
  const build = project.tsc(['-p', 'tsconfig.build.json']);
  expect(build.status, build.output).toBe(0);
  const result = project.run(process.execPath, ['dist/main.js'], 60_000);
  expect(result.status, result.output).toBe(0);
  return result.stdout;
}

describe.each([
  { eslint: 10, fixes: true },
  { eslint: 9, fixes: false },
])('TypeScript ESM project, typed, ESLint $eslint', ({ eslint, fixes }) => {
  let project: Project;
  beforeAll(() => {
    project = createProject(`ts-eslint${eslint}`, { ...files, 'eslint.config.ts': codeBlock(README, CONFIG) });
    const { flags, packages } = readmeInstall(README, INSTALL);
    const specs = packages.map((spec) => (spec === 'eslint' ? `eslint@${eslint}` : spec));
    project.install([...flags, ...withTarballs(specs, packed()), '@types/node@20']);
  }, 2 * STEP_TIMEOUT_MS);
  afterAll(() => project?.remove());

  it(`installs ESLint ${eslint}, TypeScript 6.0 and the tarball of eslint-plugin-unblock`, () => {
    const version = (name: string) => (JSON.parse(project.read(`node_modules/${name}/package.json`)) as { version: string }).version;
    expect(version('eslint')).toMatch(new RegExp(`^${eslint}\\.`));
    expect(version('typescript')).toMatch(/^6\.0\./);
    expect(project.read('package.json')).toMatch(/"eslint-plugin-unblock": "file:/);
  });

  it('type-checks eslint.config.ts and the configs as Linter.Config[] and in defineConfig() with tsc', () => {
    const check = project.tsc(['-p', 'tsconfig.json']);
    expect(check.output).toBe('');
    expect(check.status).toBe(0);
  }, STEP_TIMEOUT_MS);

  it('lints: typed findings in TypeScript, untyped in JavaScript outside the tsconfig, no parsing error, exit code 1', () => {
    const result = project.eslint(['.', '--format', 'json']);
    expect(result.status, result.stderr).toBe(1);
    const { keys, fatal } = findings(result, project.dir);
    expect(fatal).toEqual([]);
    expect(keys).toEqual(
      [
        at(project, 'scripts/release.js', "execSync('git", 'unblock/no-blocking-call'),
        at(project, 'src/app.ts', 'readFileSync(file', 'unblock/no-blocking-call'),
        at(project, 'src/app.ts', 'pbkdf2Sync(text', 'unblock/no-blocking-call'),
        at(project, 'src/app.ts', 'gzipSync(text)', 'unblock/no-blocking-call'),
        at(project, 'src/app.ts', "loadSettings('data", 'unblock/no-indirect-blocking-call'),
      ].sort(),
    );
  }, STEP_TIMEOUT_MS);

  // ESLint 10 only: the fixes are the plugin's, not ESLint's; once is enough.
  if (fixes) it('applies every suggestion; with the unblock runtime the fixed code type-checks, lints clean and prints the same', () => {
    const before = run(project);
    expect(before).toMatch(/^summary: [0-9a-f]{32} \d+ 2250\n$/);

    project.install(withTarballs(['unblock'], packed()));
    project.write('apply-suggestions.mjs', APPLY_SUGGESTIONS);
    const apply = project.run(process.execPath, ['apply-suggestions.mjs', 'src/app.ts'], 5 * 60_000);
    expect(apply.status, apply.output).toBe(0);
    expect(apply.stdout.trim().split('\n')).toHaveLength(4);
    expect(project.read('src/app.ts')).toContain("from 'unblock'");

    const check = project.tsc(['-p', 'tsconfig.json']);
    expect(check.output).toBe('');
    const lint = project.eslint(['src']);
    expect(lint.status, lint.output).toBe(0);
    expect(run(project)).toBe(before);
  }, 2 * STEP_TIMEOUT_MS);
});
