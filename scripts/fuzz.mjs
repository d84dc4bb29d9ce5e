#!/usr/bin/env node
// Fuzzes unblock's rules: random programs (eslump, and a generator of our own that writes async code full of
// blocking calls) are linted with both rules, untyped (espree, @typescript-eslint/parser) and typed (as a virtual
// file of fixtures/typed). A rule must never throw, and every suggestion must leave a program that still parses.
// The fuzz tests (tests/fuzz/) run a fixed-seed slice of the same generators; this CLI runs as long as you like.
//
//   node scripts/fuzz.mjs [--iterations 10000] [--seed N] [--start I] [--generator domain|eslump|both] [--no-typed]
//                         [--out artifacts/fuzz-failures] [--minimize] [--max-per-kind 5]
//
// Iteration i of seed N always generates the same programs: `--seed N --start i --iterations 1` replays it.
//
// The CLI lints with the built plugin (`npm run build -w eslint-plugin` first); the tests lint with the sources.
// Each failing program is written to --out (default artifacts/fuzz-failures/) with its seed and the command that
// reproduces it; --minimize also writes a line-minimized program for each new kind of failure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deriveSeed } from './lib/random.mjs';
import { contextFor, createFuzzer } from './fuzz/check.mjs';
import { domainProgram } from './fuzz/domain.mjs';
import { describeFailure, failureSignature, minimize } from './fuzz/failures.mjs';
import { eslumpProgram, spikedProgram } from './fuzz/programs.mjs';

export * from './fuzz/check.mjs';
export { domainProgram } from './fuzz/domain.mjs';
export * from './fuzz/failures.mjs';
export * from './fuzz/programs.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

// ---------------------------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const options = { maxPerKind: 5, iterations: 1000, start: 0, seed: Date.now() >>> 0, generator: 'both', typed: true, out: path.join(root, 'artifacts/fuzz-failures'), minimize: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (flag === '--iterations') options.iterations = Number(value());
    else if (flag === '--seed') options.seed = Number(value()) >>> 0;
    else if (flag === '--start') options.start = Number(value());
    else if (flag === '--generator') options.generator = value();
    else if (flag === '--no-typed') options.typed = false;
    else if (flag === '--out') options.out = path.resolve(value());
    else if (flag === '--minimize') options.minimize = true;
    else if (flag === '--max-per-kind') options.maxPerKind = Number(value());
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(
      'usage: node scripts/fuzz.mjs [--iterations N] [--seed N] [--start I] [--generator domain|eslump|both] [--no-typed] [--out dir] [--minimize] [--max-per-kind 5]',
    );
    return 0;
  }
  const plugin = require('eslint-plugin-unblock');
  const fuzzer = createFuzzer({ plugin });
  const totals = { programs: 0, unparseable: 0, findings: 0, suggestions: 0, failures: 0 };
  const seen = new Map();
  const started = Date.now();
  console.log(`fuzzing ${options.iterations} iterations from seed ${options.seed} (generator: ${options.generator})`);
  for (let i = options.start; i < options.start + options.iterations; i++) {
    const seed = deriveSeed(options.seed, i);
    const programs = [];
    if (options.generator !== 'eslump') programs.push(domainProgram(seed));
    if (options.generator !== 'domain') {
      const eslump = eslumpProgram(seed);
      const spiked = spikedProgram(fuzzer, eslump);
      programs.push(eslump, ...(spiked ? [spiked] : []));
    }
    for (const program of programs) {
      const context = contextFor(seed);
      const modes = program.language === 'ts' ? ['ts'] : ['espree', 'ts'];
      if (options.typed && program.generator !== 'eslump') modes.push('typed');
      totals.programs++;
      for (const mode of modes) {
        const result = fuzzer.check(program, mode, { context });
        if (!result.parsed) totals.unparseable++;
        totals.findings += result.findings;
        totals.suggestions += result.suggestions;
        for (const failure of result.failures) {
          totals.failures++;
          const signature = failureSignature(failure);
          const fresh = !seen.has(signature);
          seen.set(signature, (seen.get(signature) ?? 0) + 1);
          if (seen.get(signature) > options.maxPerKind) continue;
          const minimal = options.minimize && fresh ? minimize(fuzzer, program, mode, failure, { context, filename: result.filename }) : undefined;
          mkdirSync(options.out, { recursive: true });
          const base = path.join(options.out, `${program.generator}-seed${options.seed}-i${i}-${mode}-${result.failures.indexOf(failure) + 1}`);
          const extension = program.language === 'ts' ? '.ts' : '.js';
          writeFileSync(base + extension, program.code);
          const report = [
            `base seed ${options.seed}, iteration ${i}, program seed ${seed} (${program.generator}, ${program.sourceType})`,
            `reproduce: node scripts/fuzz.mjs --seed ${options.seed} --start ${i} --iterations 1 --generator ${program.generator.startsWith('eslump') ? 'eslump' : 'domain'}`,
            describeFailure(failure),
            ...(minimal ? ['--- minimized ---', minimal] : []),
          ].join('\n');
          writeFileSync(`${base}.txt`, report + '\n');
          console.log(`${fresh ? 'NEW ' : ''}${signature}\n  → ${path.relative(process.cwd(), base)}${extension}`);
        }
      }
    }
    if ((i + 1 - options.start) % 100 === 0) {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.log(`${i + 1 - options.start}/${options.iterations} iterations, ${seconds}s: ${JSON.stringify(totals)}`);
    }
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s: ${JSON.stringify(totals)}; ${seen.size} kind(s) of failure`);
  for (const [signature, count] of seen) console.log(`  ${count}× ${signature}`);
  return totals.failures > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main();
}
