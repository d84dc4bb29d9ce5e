// The fuzzers' inputs besides the domain generator: the typed fixture programs are linted in, and random programs
// from eslump (JavaScript from shift-fuzzer), spiked with blocking calls so the rules have something to report.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Random } from '../lib/random.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');

export const typedProjectDir = path.join(root, 'fixtures/typed');

/** `strict`: every category on. */
export const allCategoriesOn = {
  fs: true,
  process: true,
  crypto: true,
  compression: true,
  database: true,
  compile: true,
  'sync-bridge': true,
  'module-loading': true,
  console: true,
};

// ---------------------------------------------------------------------------------------------------------------
// eslump: random JavaScript from shift-fuzzer

/**
 * A random program from eslump. eslump draws from `Math.random`, so it is swapped for a seeded PRNG while the
 * program is generated: the same seed gives the same program.
 */
export function eslumpProgram(seed) {
  const { generateRandomJS } = require('eslump');
  const random = new Random(seed);
  const sourceType = random.chance(0.5) ? 'module' : 'script';
  const options = { sourceType, maxDepth: random.int(2, 7), comments: random.chance(0.3), whitespace: random.chance(0.3) };
  const original = Math.random;
  Math.random = random.next;
  try {
    return { code: generateRandomJS(options), sourceType, language: 'js', seed, generator: 'eslump' };
  } finally {
    Math.random = original;
  }
}

const notCallable = new Set(
  (
    'if for while switch catch function with return typeof await yield async super import class new delete void ' +
    'in of instanceof do else try finally throw case default var let const this get set static constructor'
  ).split(' '),
);

/**
 * A program (eslump's, or a test262 file) "spiked" with blocking calls: some calls `name(` become
 * `fs.readFileSync(` (and friends), so odd shapes (async arrows in default parameters, generators, classes,
 * labels) surround catalog calls. The first variant also runs the whole program inside an async function (where
 * suggestions are offered); the others replace fewer calls. Many candidates do not parse (a method named `a(`
 * becomes `fs.readFileSync(`, `await` is an identifier in scripts); callers skip those.
 */
export function spikedPrograms(program) {
  const random = new Random(program.seed ^ 0x5bd1e995);
  const header =
    program.sourceType === 'module'
      ? "import fs from 'fs'; import * as cp from 'node:child_process'; import zlib from 'node:zlib';\n"
      : "var fs = require('fs'), cp = require('child_process'), zlib = require('zlib');\n";
  const targets = ['fs.readFileSync', 'fs.existsSync', 'cp.execSync', 'fs["statSync"]', 'fs.readFileSync?.', 'fs.readFileSync.call', 'zlib.gzipSync'];
  const spike = (probability) =>
    program.code.replace(/(?<![\w$.#]|function\s*\*?\s*|\bnew\s+|\bget\s+|\bset\s+)\b([A-Za-z_$][\w$]*)(\s*)\(/g, (match, name, space) =>
      notCallable.has(name) || !random.chance(probability) ? match : `${random.pick(targets)}${space}(`,
    );
  const variants = [`${header}async function spiked() {\n${spike(0.5)}\n}\n`, header + spike(0.5), header + spike(0.25), header + spike(0.1)];
  return variants.map((code) => ({ ...program, generator: `${program.generator}-spiked`, code }));
}

/** The first spiked variant of `program` that espree parses, if any. */
export function spikedProgram(fuzzer, program) {
  return spikedPrograms(program).find((variant) => !fuzzer.parses(variant.code, 'espree', variant.sourceType, path.join(typedProjectDir, 'spiked.js')));
}
