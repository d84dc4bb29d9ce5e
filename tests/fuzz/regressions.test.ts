/**
 * Minimized programs on which the fuzzers found a crash or a bad suggestion, kept as cases of their own (each
 * fails alone, with its program and output, until the plugin is fixed). Checked as the fuzzers check: typed, as
 * a virtual file of fixtures/typed, every suggestion applied and the result re-parsed (typescript-estree, then
 * espree on the type-erased output; in a .js file no TypeScript syntax may appear).
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index.js';
import { createFuzzer, summarizeFailures, typedProjectDir } from '../../scripts/fuzz.mjs';

const fuzzer = createFuzzer({ plugin });

interface Case {
  name: string;
  file: 'file.ts' | 'script.js';
  code: string;
}

const cases: Case[] = [
  {
    // A class field initializer is its own function scope: `await` is not allowed there, even inside an async
    // function (and the field does not run during the async function's synchronous part either).
    name: 'blocking call in a class field initializer inside an async function',
    file: 'file.ts',
    code: `import { readFileSync } from 'node:fs';
async function f() {
  class A {
    x = readFileSync('a.txt', 'utf8');
  }
}
`,
  },
  {
    // The computed key of an async method is evaluated where the class is defined, not in the method.
    name: 'blocking call in the computed key of an async method',
    file: 'script.js',
    code: `const { gzipSync } = require('zlib');
class A {
  async [gzipSync('x')]() {}
}
`,
  },
  {
    // `.map()` callback made async: `await` is not allowed in its parameter defaults.
    name: 'blocking call in a parameter default of a .map() callback',
    file: 'file.ts',
    code: `import { readFileSync } from 'node:fs';
async function f(items: string[]) {
  items.map((item, index = readFileSync('a.txt', 'utf8')) => index);
}
`,
  },
  {
    // "Run in a worker thread" writes `inWorker<typeof import('zlib')>(…)`: in JavaScript that parses as
    // `(inWorker < typeof import('zlib')) > ('zlib').gzipSync('x')`.
    name: 'worker suggestion in a JavaScript file',
    file: 'script.js',
    code: `const { gzipSync } = require('zlib');
async function f() {
  return gzipSync('x');
}
`,
  },
  {
    // The replacement starts with `(`: after a line without a semicolon it continues that line,
    // `const a = 1\n(await readFile(…)).length` calls `1(…)`. It parses, but it is one statement less.
    name: 'parenthesized replacement at the start of a line, semicolon-free style',
    file: 'file.ts',
    code: `import { readFileSync } from 'node:fs';
async function f() {
  const a = 1
  readFileSync('x', 'utf8').length
}
`,
  },
  {
    // `class A extends await x {}` is a syntax error: a heritage clause takes a left-hand-side expression.
    name: 'blocking call as the heritage clause of a class',
    file: 'file.ts',
    code: `import { scryptSync } from 'node:crypto';
export async function f() {
  class A extends scryptSync('a', 'b', 8) {}
}
`,
  },
  {
    // TypeScript emits an enum as a function call; `await` in a member initializer ends up outside async code.
    name: 'blocking call in an enum member initializer inside an async function',
    file: 'file.ts',
    code: `import { readFileSync } from 'node:fs';
export async function f() {
  enum E { A = readFileSync('x', 'utf8').length }
  return E.A;
}
`,
  },
];

describe('fuzz findings, minimized', () => {
  it.each(cases)('$name ($file)', ({ file, code }) => {
    const program = { code, sourceType: file.endsWith('.js') ? ('script' as const) : ('module' as const), language: file.endsWith('.ts') ? ('ts' as const) : ('js' as const) };
    const result = fuzzer.check(program, 'typed', { filename: path.join(typedProjectDir, file) });
    expect(result.parsed).toBe(true);
    expect(result.failures.length, summarizeFailures(result.failures)).toBe(0);
  });
});
