/**
 * Conformance: every valid program of test262-parser-tests (`pass/` and `pass-explicit/`, ~4000 small files of
 * every syntax the language has) through both rules with every category on: untyped with espree and with
 * @typescript-eslint/parser, and typed (a slice) as a virtual file of fixtures/typed. No rule may throw, and every
 * suggestion must leave a program that still parses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index.js';
import {
  createFuzzer,
  summarizeFailures,
  spikedProgram,
  typedProjectDir,
  type ContextMode,
  type FuzzFailure,
  type FuzzProgram,
  type Mode,
} from '../../scripts/fuzz.mjs';

const require = createRequire(import.meta.url);
const corpusRoot = path.dirname(require.resolve('test262-parser-tests/package.json'));

interface CorpusFile extends FuzzProgram {
  name: string;
}

/** Loaded up front, synchronously: `pass/x.js` and its `pass-explicit/x.js` twin; `*.module.js` are modules. */
const corpus: CorpusFile[] = ['pass', 'pass-explicit'].flatMap((folder) =>
  readdirSync(path.join(corpusRoot, folder))
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file, index) => ({
      name: `${folder}/${file}`,
      code: readFileSync(path.join(corpusRoot, folder, file), 'utf8'),
      sourceType: file.endsWith('.module.js') ? ('module' as const) : ('script' as const),
      language: 'js' as const,
      seed: index,
      generator: 'corpus' as const,
    })),
);

/** Typed linting updates the TypeScript program per file: a slice spread over `pass/`. */
const TYPED_SLICE = 300;

const typedFilename = (file: CorpusFile) => path.join(typedProjectDir, file.sourceType === 'script' ? 'script.js' : 'file.ts');
const untypedFilename = () => path.join(typedProjectDir, 'corpus.js');

/** Every `step`-th file, at most `count`. */
const sliceOf = (files: CorpusFile[], count: number) => {
  const step = Math.max(1, Math.floor(files.length / count));
  return files.filter((_, index) => index % step === 0).slice(0, count);
};

const fuzzer = createFuzzer({ plugin });

interface Outcome {
  linted: number;
  skipped: number;
  findings: number;
  suggestions: number;
  failures: FuzzFailure[];
}

function lintAll(
  label: string,
  files: CorpusFile[],
  mode: Mode,
  filenameOf: (file: CorpusFile) => string,
  contextOf: (file: CorpusFile) => ContextMode = () => 'async',
): Outcome {
  const outcome: Outcome = { linted: 0, skipped: 0, findings: 0, suggestions: 0, failures: [] };
  for (const file of files) {
    const result = fuzzer.check(file, mode, { filename: filenameOf(file), context: contextOf(file) });
    if (result.parsed) outcome.linted++;
    else outcome.skipped++;
    outcome.findings += result.findings;
    outcome.suggestions += result.suggestions;
    outcome.failures.push(...result.failures);
  }
  console.log(
    `${label} ${mode}: ${outcome.linted} files linted, ${outcome.skipped} rejected by the parser, ` +
      `${outcome.findings} findings, ${outcome.suggestions} suggestions`,
  );
  return outcome;
}

/** Every failure at once (file names by kind of bug, an example of each), so one run tells every bug. */
const report = (failures: FuzzFailure[]) => summarizeFailures(failures);

describe('test262-parser-tests corpus through both rules (all categories on)', () => {
  it('has the corpus', () => {
    expect(corpus.length).toBeGreaterThan(3000);
    expect(corpus.some((file) => file.sourceType === 'module')).toBe(true);
  });

  it('untyped, espree: no rule throws', () => {
    const outcome = lintAll('test262', corpus, 'espree', untypedFilename);
    expect(outcome.linted).toBeGreaterThan(1500);
    expect(outcome.failures.length, report(outcome.failures)).toBe(0);
  }, 120_000);

  it('untyped, @typescript-eslint/parser: no rule throws', () => {
    const outcome = lintAll('test262', corpus, 'ts', untypedFilename);
    expect(outcome.linted).toBeGreaterThan(1500);
    expect(outcome.failures.length, report(outcome.failures)).toBe(0);
  }, 120_000);

  it(`typed, ${TYPED_SLICE} files as virtual script.js / file.ts of fixtures/typed: no rule throws, suggestions parse`, () => {
    const slice = sliceOf(
      corpus.filter((file) => file.name.startsWith('pass/')),
      TYPED_SLICE,
    );
    const outcome = lintAll('test262', slice, 'typed', typedFilename);
    expect(outcome.linted).toBeGreaterThan(TYPED_SLICE / 2);
    expect(outcome.failures.length, report(outcome.failures)).toBe(0);
  }, 180_000);

  // The corpus has no blocking calls: spiked, some of its calls become `fs.readFileSync(…)`, `cp.execSync(…)`…
  // (with an import or require of them), so every syntax of the language surrounds catalog calls.
  describe('spiked with blocking calls', () => {
    const spiked: CorpusFile[] = corpus
      .filter((file) => file.name.startsWith('pass/'))
      .flatMap((file) => {
        const variant = spikedProgram(fuzzer, file);
        return variant ? [{ ...variant, name: `${file.name} (spiked)` }] : [];
      });
    // Module level too: the corpus is mostly top-level code.
    const contextOf = (file: CorpusFile): ContextMode => (file.seed % 2 ? 'everywhere' : 'async');

    it('untyped, espree and @typescript-eslint/parser: no rule throws', () => {
      const espree = lintAll('test262 spiked', spiked, 'espree', untypedFilename, contextOf);
      const typescript = lintAll('test262 spiked', spiked, 'ts', untypedFilename, contextOf);
      expect(espree.linted).toBeGreaterThan(1000);
      expect(espree.findings).toBeGreaterThan(0);
      expect(typescript.findings).toBeGreaterThan(0);
      const failures = [...espree.failures, ...typescript.failures];
      expect(failures.length, report(failures)).toBe(0);
    }, 120_000);

    it(`typed, ${TYPED_SLICE} files with blocking calls: no rule throws, suggestions parse`, () => {
      // Most test262 files make no call at all: the slice is taken from those that got a blocking call.
      const withCalls = spiked.filter((file) => /\b(fs|cp|zlib)[.[]/.test(file.code.slice(file.code.indexOf('\n'))));
      const outcome = lintAll('test262 spiked', sliceOf(withCalls, TYPED_SLICE), 'typed', typedFilename, contextOf);
      expect(outcome.findings).toBeGreaterThan(0);
      expect(outcome.suggestions).toBeGreaterThan(0);
      expect(outcome.failures.length, report(outcome.failures)).toBe(0);
    }, 180_000);
  });
});
