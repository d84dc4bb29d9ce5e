// How the typed rule's time grows with the number of findings in one file: one async function with N blocking
// calls (each offering suggestions), N = 1k … 16k, linted in a fresh process each. Prints the rule time and its
// ratio to N = 1k; linear cost keeps the ratio near N / 1k. Imported by lint-speed.mjs; run alone with
//   node scripts/bench/lint-curve.mjs [N …] [--assignments]        (or `npm run bench:lint -- --curve`)
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const curveSizes = [1000, 2000, 4000, 8000, 16000];

/**
 * The file: imports used the ways the fixes reuse them (named, namespace), N calls in one async function, each a
 * statement of its own (assignments between them would add TypeScript's flow analysis, which walks back over
 * every earlier assignment for each reference: a cost of the type checker, measured apart with --assignments).
 */
export function curveSource(n, assignments = process.argv.includes('--assignments')) {
  const calls = Array.from({ length: n }, (_, i) => {
    const call = i % 2 ? `readFileSync(p + ${i}, 'utf8')` : `fs.statSync(p + ${i})`;
    return assignments ? `  total += ${call}.length;` : `  ${call};`;
  });
  const body = assignments ? `  let total = 0;\n${calls.join('\n')}\n  return total;` : calls.join('\n');
  return `import * as fs from 'node:fs';\nimport { readFileSync } from 'node:fs';\n\nexport async function many(p: string) {\n${body}\n}\n`;
}

/** One lint of a generated file in this process: the rule time (ESLint stats) and the number of findings. */
async function lintOnce(n) {
  const { ESLint } = await import('eslint');
  const dir = path.join(root, 'artifacts/bench-curve', String(n));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', skipLibCheck: true, noEmit: true, types: ['node'] } }),
  );
  await writeFile(path.join(dir, 'many.ts'), curveSource(n));
  await writeFile(
    path.join(dir, 'eslint.config.mjs'),
    `import tseslint from 'typescript-eslint';
import unblock from 'eslint-plugin-unblock';
export default [{
  files: ['**/*.ts'],
  plugins: { unblock },
  languageOptions: { parser: tseslint.parser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: ${JSON.stringify(dir)} } },
  rules: { 'unblock/no-blocking-call': 'error' },
}];
`,
  );
  const eslint = new ESLint({ cwd: dir, stats: true, overrideConfigFile: path.join(dir, 'eslint.config.mjs') });
  const [result] = await eslint.lintFiles(['many.ts']);
  let ruleMs = 0;
  for (const pass of result.stats?.times?.passes ?? []) ruleMs += pass.rules?.['unblock/no-blocking-call']?.total ?? 0;
  const suggestions = result.messages.reduce((count, message) => count + (message.suggestions?.length ?? 0), 0);
  await rm(dir, { recursive: true, force: true });
  return { n, ruleMs: Math.round(ruleMs), findings: result.messages.length, suggestions };
}

/** Runs each size in a fresh process; prints a table and returns the rows. */
export function runCurve(sizes = curveSizes) {
  const self = fileURLToPath(import.meta.url);
  const rows = sizes.map((n) => {
    const flags = process.argv.includes('--assignments') ? ['--assignments'] : [];
    const row = JSON.parse(execFileSync(process.execPath, [self, '--one', String(n), ...flags], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    process.stderr.write(`  curve N=${n}: ${row.ruleMs} ms\n`);
    return row;
  });
  const base = rows[0];
  console.log(`\nOne async function with N blocking calls (typed, unblock/no-blocking-call with its suggestions), node ${process.version}\n`);
  console.log(`| N | findings | suggestions | rule time (ms) | ratio to N=${base.n} | N ratio |`);
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.n} | ${row.findings} | ${row.suggestions} | ${row.ruleMs} | ${(row.ruleMs / Math.max(base.ruleMs, 1)).toFixed(2)}× | ${(row.n / base.n).toFixed(0)}× |`,
    );
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2).filter((arg) => arg !== '--assignments');
  if (args[0] === '--one') {
    console.log(JSON.stringify(await lintOnce(Number(args[1]))));
  } else {
    runCurve(args.length ? args.map(Number) : curveSizes);
  }
}
