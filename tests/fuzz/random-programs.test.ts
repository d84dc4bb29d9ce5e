/**
 * Random programs through both rules: eslump's (shift-fuzzer) random JavaScript, the same spiked with blocking
 * calls, and programs of our own generator (async code full of blocking calls in every import and call style).
 * No rule may throw, and every suggestion must leave a program that parses. Seeds are fixed: the test is
 * deterministic; `node scripts/fuzz.mjs --iterations N --seed S` runs the same fuzzers for longer.
 */
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index.js';
import {
  contextFor,
  createFuzzer,
  summarizeFailures,
  domainProgram,
  eslumpProgram,
  spikedProgram,
  type CheckResult,
  type FuzzFailure,
  type FuzzProgram,
  type Mode,
} from '../../scripts/fuzz.mjs';
import { deriveSeed } from '../../scripts/lib/random.mjs';

const ESLUMP_PROGRAMS = 300;
const DOMAIN_PROGRAMS = 500;
const ESLUMP_SEED = 262_2024;
const DOMAIN_SEED = 8_080_2024;

const fuzzer = createFuzzer({ plugin });

interface Tally {
  programs: number;
  unparseable: Record<Mode, number>;
  findings: Record<Mode, number>;
  suggestions: Record<Mode, number>;
  failures: FuzzFailure[];
}

const newTally = (): Tally => ({
  programs: 0,
  unparseable: { espree: 0, ts: 0, typed: 0 },
  findings: { espree: 0, ts: 0, typed: 0 },
  suggestions: { espree: 0, ts: 0, typed: 0 },
  failures: [],
});

function add(tally: Tally, result: CheckResult): void {
  if (!result.parsed) tally.unparseable[result.mode]++;
  tally.findings[result.mode] += result.findings;
  tally.suggestions[result.mode] += result.suggestions;
  tally.failures.push(...result.failures);
}

function run(tally: Tally, program: FuzzProgram, modes: Mode[]): void {
  tally.programs++;
  const context = contextFor(program.seed);
  for (const mode of modes) add(tally, fuzzer.check(program, mode, { context }));
}

/** Every failure at once (seeds by kind of bug, an example of each), so one run tells every bug. */
const report = (failures: FuzzFailure[]) => summarizeFailures(failures);

describe('random programs through both rules', () => {
  it(`${ESLUMP_PROGRAMS} eslump programs: untyped, espree and typescript-eslint; spiked with blocking calls, also typed`, () => {
    const tally = newTally();
    let spiked = 0;
    for (let i = 0; i < ESLUMP_PROGRAMS; i++) {
      const program = eslumpProgram(deriveSeed(ESLUMP_SEED, i));
      run(tally, program, ['espree', 'ts']);
      // The first spiked variant espree accepts: eslump's odd shapes around catalog calls.
      const variant = spikedProgram(fuzzer, program);
      if (variant) {
        spiked++;
        run(tally, variant, ['espree', 'ts', 'typed']);
      }
    }
    console.log(
      `eslump: ${tally.programs} programs (${spiked} spiked); unparseable ${JSON.stringify(tally.unparseable)}; ` +
        `findings ${JSON.stringify(tally.findings)}; suggestions ${JSON.stringify(tally.suggestions)}`,
    );
    expect(tally.findings.espree + tally.findings.ts).toBeGreaterThan(0);
    expect(tally.failures.length, report(tally.failures)).toBe(0);
  }, 120_000);

  it(`${DOMAIN_PROGRAMS} generated async programs: untyped and typed (fixtures/typed), suggestions parse`, () => {
    const tally = newTally();
    let strictViolations = 0;
    for (let i = 0; i < DOMAIN_PROGRAMS; i++) {
      const program = domainProgram(deriveSeed(DOMAIN_SEED, i));
      // The generator writes valid code: also by espree's stricter reading (which suggestions are checked against).
      if (fuzzer.strictParseError(program.code, program)) strictViolations++;
      run(tally, program, program.language === 'ts' ? ['ts', 'typed'] : ['espree', 'ts', 'typed']);
    }
    console.log(
      `domain: ${tally.programs} programs; findings ${JSON.stringify(tally.findings)}; ` +
        `suggestions ${JSON.stringify(tally.suggestions)}; unparseable ${JSON.stringify(tally.unparseable)}`,
    );
    expect(strictViolations).toBe(0);
    expect(Object.values(tally.unparseable).reduce((sum, n) => sum + n, 0)).toBe(0);
    expect(tally.findings.espree).toBeGreaterThan(0);
    expect(tally.findings.ts).toBeGreaterThan(0);
    expect(tally.findings.typed).toBeGreaterThan(0);
    expect(tally.suggestions.typed).toBeGreaterThan(0);
    expect(tally.failures.length, report(tally.failures)).toBe(0);
  }, 240_000);
});
