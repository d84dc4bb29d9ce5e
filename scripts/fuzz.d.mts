// Types of fuzz.mjs, for the TypeScript tests that import it.
export type Mode = 'espree' | 'ts' | 'typed';
export type ContextMode = 'async' | 'function' | 'everywhere';

export interface FuzzProgram {
  code: string;
  sourceType: 'script' | 'module';
  language: 'js' | 'ts';
  seed: number;
  generator: 'eslump' | 'eslump-spiked' | 'domain' | 'corpus' | 'corpus-spiked';
  flavor?: 'ts' | 'esm' | 'cjs';
}

export interface FuzzFailure {
  kind: 'crash' | 'bad-suggestion';
  mode: Mode;
  filename: string;
  context: ContextMode;
  code: string;
  seed?: number;
  /** Where the program came from (a corpus file), when it has a name. */
  source?: string;
  /** The stack for a crash; the parse error for a bad suggestion. */
  error: string;
  rule?: string;
  message?: string;
  suggestion?: string;
  output?: string;
}

export interface CheckResult {
  mode: Mode;
  filename: string;
  /** False when the parser of the mode rejects the program (nothing was linted). */
  parsed: boolean;
  findings: number;
  suggestions: number;
  failures: FuzzFailure[];
}

export interface CheckOptions {
  filename?: string;
  context?: ContextMode;
}

export interface Fuzzer {
  check(program: Pick<FuzzProgram, 'code' | 'sourceType' | 'language'> & { seed?: number; name?: string }, mode: Mode, options?: CheckOptions): CheckResult;
  /** The parse error of `code` with the parser of `mode`, or undefined when it parses. */
  parses(code: string, mode: Mode, sourceType: 'script' | 'module', filename: string): string | undefined;
  /** The parse error of `code` with its TypeScript erased, by espree, or undefined when it parses. */
  strictParseError(code: string, program: Pick<FuzzProgram, 'sourceType' | 'language'>): string | undefined;
}

export const typedProjectDir: string;
export const allCategoriesOn: Record<string, boolean>;
export function eslumpProgram(seed: number): FuzzProgram;
export function spikedPrograms(program: FuzzProgram): FuzzProgram[];
export function spikedProgram(fuzzer: Fuzzer, program: FuzzProgram): FuzzProgram | undefined;
export function domainProgram(seed: number, options?: { flavor?: 'ts' | 'esm' | 'cjs' }): FuzzProgram;
export function createFuzzer(options: { plugin: unknown; typedDir?: string }): Fuzzer;
export function describeFailure(failure: FuzzFailure): string;
export function failureSignature(failure: FuzzFailure): string;
export function summarizeFailures(failures: FuzzFailure[], options?: { examples?: number }): string;
export function minimize(
  fuzzer: Fuzzer,
  program: Pick<FuzzProgram, 'code' | 'sourceType' | 'language'>,
  mode: Mode,
  failure: FuzzFailure,
  options?: CheckOptions,
): string;
export function typedFilename(program: Pick<FuzzProgram, 'sourceType' | 'language' | 'seed' | 'generator'>): string;
export function contextFor(seed: number): ContextMode;
