/** rules-docs/ci.md, run for real: the ESLint CLI on a temporary repository, as a CI job runs it. */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOCKING_JS, BLOCKING_MESSAGE, CLEAN_JS, createRepo, docBlock, type TempRepo } from './helpers.js';

const untypedConfig = docBlock('ci.md', '// eslint.config.js');
const warnConfig = docBlock('ci.md', '// eslint.config.js — findings as warnings');
const typedConfig = docBlock('ci.md', '// eslint.config.js — with type information');
const tsconfig = docBlock('ci.md', '// tsconfig.json');

const repos: TempRepo[] = [];
function repo(name: string, files: Record<string, string>): TempRepo {
  const created = createRepo(name, files);
  repos.push(created);
  return created;
}
afterEach(() => {
  for (const created of repos.splice(0)) created.remove();
});

describe('exit codes of `eslint .`', () => {
  it('exits 1 and names the rule for a blocking call in an async function', () => {
    const ci = repo('ci-exit1', { 'eslint.config.js': untypedConfig, 'src/app.js': BLOCKING_JS });
    const result = ci.eslint(['.']);
    expect(result.status, result.output).toBe(1);
    expect(result.stdout).toContain(BLOCKING_MESSAGE);
    expect(result.stdout).toMatch(/src\/app\.js\n\s+4:21\s+error\s+.*unblock\/no-blocking-call/);
    expect(result.stdout).toContain('1 problem (1 error, 0 warnings)');
  });

  it('exits 0 on clean code', () => {
    const ci = repo('ci-exit0', { 'eslint.config.js': untypedConfig, 'src/app.js': CLEAN_JS });
    const result = ci.eslint(['.']);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toBe('');
  });

  it('exits 2 with the error on stderr when the config is broken', () => {
    const ci = repo('ci-exit2', { 'eslint.config.js': untypedConfig, 'src/app.js': BLOCKING_JS });

    // A syntax error: ESLint does not name the file (the guide says so), `node --check` does.
    ci.write('eslint.config.js', untypedConfig.replace('export default [unblock.configs.recommended];', 'export default [unblock.configs.recommended;'));
    const syntax = ci.eslint(['.']);
    expect(syntax.status, syntax.output).toBe(2);
    expect(syntax.stdout).toBe('');
    expect(syntax.stderr).toContain('Oops! Something went wrong! :(');
    expect(syntax.stderr).toMatch(/SyntaxError: /);
    const check = ci.run(process.execPath, ['--check', 'eslint.config.js']);
    expect(check.status).not.toBe(0);
    expect(check.stderr).toContain(`${path.join(ci.dir, 'eslint.config.js')}:4`);

    // Invalid rule options: the plugin's schema names the property and the accepted ones.
    ci.write('eslint.config.js', `${untypedConfig.replace('];', ", { rules: { 'unblock/no-blocking-call': ['error', { nope: 1 }] } }];")}`);
    const options = ci.eslint(['.']);
    expect(options.status, options.output).toBe(2);
    expect(options.stderr).toContain('Key "unblock/no-blocking-call"');
    expect(options.stderr).toContain('Unexpected property "nope". Expected properties: "categories", "context", "allow", "deny".');

    // An unknown rule.
    ci.write('eslint.config.js', `${untypedConfig.replace('];', ", { rules: { 'unblock/no-such-rule': 'error' } }];")}`);
    const unknown = ci.eslint(['.']);
    expect(unknown.status, unknown.output).toBe(2);
    expect(unknown.stderr).toContain('Could not find "no-such-rule" in plugin "unblock"');
  });

  it('exits 0 on a "warn" finding, and 1 with --max-warnings 0', () => {
    const ci = repo('ci-warn', { 'eslint.config.js': warnConfig, 'src/app.js': BLOCKING_JS });
    const lenient = ci.eslint(['.']);
    expect(lenient.status, lenient.output).toBe(0);
    expect(lenient.stdout).toMatch(/4:21\s+warning\s+.*unblock\/no-blocking-call/);

    const strict = ci.eslint(['--max-warnings', '0', '.']);
    expect(strict.status, strict.output).toBe(1);
    expect(strict.stdout).toContain('1 problem (0 errors, 1 warning)');
    expect(strict.stderr).toContain('ESLint found too many warnings (maximum: 0).');
  });
});

describe('options the guides rely on', () => {
  it('--no-warn-ignored keeps an explicitly passed ignored file from failing --max-warnings 0 (the hook command)', () => {
    const ci = repo('ci-ignored', {
      'eslint.config.js': untypedConfig.replace('[unblock.configs.recommended]', "[{ ignores: ['generated/'] }, unblock.configs.recommended]"),
      'generated/app.js': BLOCKING_JS,
      'src/app.js': CLEAN_JS,
    });
    const warned = ci.eslint(['--max-warnings', '0', 'generated/app.js', 'src/app.js']);
    expect(warned.status, warned.output).toBe(1);
    expect(warned.stdout).toContain('File ignored because of a matching ignore pattern');

    const quiet = ci.eslint(['--max-warnings', '0', '--no-warn-ignored', 'generated/app.js', 'src/app.js']);
    expect(quiet.status, quiet.output).toBe(0);
  });

  it('reports in every thread with --concurrency 2, and from the cache on a second --cache run', () => {
    const ci = repo('ci-threads', { 'eslint.config.js': untypedConfig, 'src/a.js': BLOCKING_JS, 'src/b.js': BLOCKING_JS });
    const threaded = ci.eslint(['--concurrency', '2', '.']);
    expect(threaded.status, threaded.output).toBe(1);
    expect(threaded.stdout).toContain('src/a.js');
    expect(threaded.stdout).toContain('src/b.js');
    expect(threaded.stdout).toContain('2 problems (2 errors, 0 warnings)');

    const cacheArgs = ['--cache', '--cache-location', '.cache/eslint/', '--cache-strategy', 'content', '.'];
    const first = ci.eslint(cacheArgs);
    expect(first.status, first.output).toBe(1);
    expect(readdirSync(path.join(ci.dir, '.cache/eslint'))).toHaveLength(1);
    const second = ci.eslint(cacheArgs);
    expect(second.status, second.output).toBe(1);
    expect(second.stdout).toBe(first.stdout);
  });
});

it('writes SARIF with the rule id and the location of each finding', () => {
  const ci = repo('ci-sarif', { 'eslint.config.js': untypedConfig, 'src/app.js': BLOCKING_JS });
  const result = ci.eslint(['-f', '@microsoft/eslint-formatter-sarif', '-o', 'out.sarif', '.']);
  expect(result.status, result.output).toBe(1);
  expect(result.stdout).toBe(''); // with -o nothing goes to the log

  const sarif = JSON.parse(readFileSync(path.join(ci.dir, 'out.sarif'), 'utf8'));
  expect(sarif.version).toBe('2.1.0');
  const [run] = sarif.runs;
  expect(run.results).toHaveLength(1);
  const [finding] = run.results;
  expect(finding).toMatchObject({ ruleId: 'unblock/no-blocking-call', level: 'error' });
  expect(finding.message.text).toContain(BLOCKING_MESSAGE);
  const location = finding.locations[0].physicalLocation;
  expect(location.artifactLocation.uri).toMatch(/^file:\/\/\/.*\/src\/app\.js$/);
  expect(location.region).toMatchObject({ startLine: 4, startColumn: 21 });
  const rule = run.tool.driver.rules.find((entry: { id: string }) => entry.id === 'unblock/no-blocking-call');
  expect(rule.helpUri).toMatch(/rules-docs\/no-blocking-call\.md$/);
});

const configTs = `import * as fs from 'node:fs';

export function readJson(path: string): unknown {
  return JSON.parse(fs.readFileSync(path, 'utf8'));
}
`;
const appTs = `import { readJson } from './config.js';

export async function getConfig(): Promise<unknown> {
  return readJson('config.json');
}
`;
/** A project function marked @blocking, and an async caller in another file (unblock/no-blocking-call). */
const pdfTs = `/** Renders a PDF on the CPU. @blocking */
export function renderPdf(text: string): string {
  return text.toUpperCase();
}
`;
const invoiceTs = `import { renderPdf } from './pdf.js';

export async function invoice(): Promise<string> {
  return renderPdf('invoice');
}
`;
const harmlessConfigTs = configTs.replace("fs.readFileSync(path, 'utf8')", 'path');
const untaggedPdfTs = pdfTs.replace(' @blocking', '');
const INDIRECT = /src\/app\.ts\n\s+4:10\s+error\s+`readJson\(\)` blocks the event loop inside async function `getConfig`: readJson → fs\.readFileSync \(config\.ts:4\).*unblock\/no-indirect-blocking-call/;
const TAGGED = /src\/invoice\.ts\n\s+4:10\s+error\s+`renderPdf` blocks the event loop inside async function `invoice`; it is marked `@blocking`.*unblock\/no-blocking-call/;

it('lints with type information (projectService): indirect calls and calls of @blocking project functions are found', () => {
  const ci = repo('ci-typed', { 'eslint.config.js': typedConfig, 'tsconfig.json': tsconfig, 'src/config.ts': configTs, 'src/app.ts': appTs, 'src/pdf.ts': pdfTs, 'src/invoice.ts': invoiceTs });
  const typed = ci.eslint(['.']);
  expect(typed.status, typed.output).toBe(1);
  expect(typed.stdout).toMatch(INDIRECT);
  expect(typed.stdout).toMatch(TAGGED);
  expect(typed.stdout).toContain('2 problems (2 errors, 0 warnings)');
}, 5 * 60_000);

// rules-docs/ci.md, "Caching": the cache is per file, type information is not. Measured with both strategies, in both
// directions, for both rules: a change in one file that changes a finding in another is not seen by a cached run.
describe.each(['content', 'metadata'])('--cache --cache-strategy %s with type information', (strategy) => {
  const cacheArgs = ['--cache', '--cache-location', '.cache/eslint/', '--cache-strategy', strategy, '.'];

  it('keeps a stale finding when the helper stops blocking, and misses a new one when it starts', () => {
    const ci = repo(`ci-cache-${strategy}`, { 'eslint.config.js': typedConfig, 'tsconfig.json': tsconfig, 'src/config.ts': configTs, 'src/app.ts': appTs, 'src/pdf.ts': pdfTs, 'src/invoice.ts': invoiceTs });
    const first = ci.eslint(cacheArgs);
    expect(first.status, first.output).toBe(1);
    expect(first.stdout).toContain('2 problems (2 errors, 0 warnings)');
    expect(existsSync(path.join(ci.dir, '.cache/eslint'))).toBe(true);

    // The helpers stop blocking; app.ts and invoice.ts are unchanged: their cached findings come back, stale.
    ci.write('src/config.ts', harmlessConfigTs);
    ci.write('src/pdf.ts', untaggedPdfTs);
    const stale = ci.eslint(cacheArgs);
    expect(stale.status, 'a cached run keeps the old findings, as rules-docs/ci.md says').toBe(1);
    expect(stale.stdout).toMatch(INDIRECT);
    expect(stale.stdout).toMatch(TAGGED);
    expect(ci.eslint(['.']).status).toBe(0); // without the cache: nothing to report

    // From an empty cache the callers are cached clean; then the helpers block again: the cached run misses both.
    rmSync(path.join(ci.dir, '.cache'), { recursive: true });
    expect(ci.eslint(cacheArgs).status).toBe(0);
    ci.write('src/config.ts', configTs);
    ci.write('src/pdf.ts', pdfTs);
    const missed = ci.eslint(cacheArgs);
    expect(missed.status, 'a cached run misses the new findings, as rules-docs/ci.md says').toBe(0);
    const full = ci.eslint(['.']);
    expect(full.status, full.output).toBe(1);
    expect(full.stdout).toContain('2 problems (2 errors, 0 warnings)');
  }, 10 * 60_000);
});
