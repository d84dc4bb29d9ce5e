import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-blocking-call.js';
import { typedRuleTester, untypedRuleTester } from '../util/rule-tester.js';

const error = (api: string, context: string, remedy: string) => ({
  messageId: 'blockingCall' as const,
  data: { api, context, remedy },
});
const readFileSyncIn = (context: string) => error('fs.readFileSync', context, 'use `fs.promises.readFile`');

/** The "use the async API" suggestion for `readFileSync` imported by name (full outputs: no-blocking-call.fixes.test.ts). */
const withReadFileSuggestion = (code: string, title = 'Use the async API `readFile` from `node:fs/promises`') => ({
  messageId: 'suggestAsyncTwin' as const,
  data: { title },
  // The call is the import's only use: the new import takes its place.
  output: code
    .replace(`import { readFileSync } from 'node:fs';`, `import { readFile } from 'node:fs/promises';`)
    .replace(/(await )?readFileSync\(/, 'await readFile('),
});

const contextCases = {
  valid: [
    // module level, including top-level await
    `import { readFileSync } from 'node:fs'; const template = readFileSync('t.html', 'utf8'); export default template;`,
    `import { readFileSync } from 'node:fs'; await Promise.resolve(); export const x = readFileSync('x');`,
    // plain sync functions and generators
    `import { readFileSync } from 'node:fs'; export function load() { return readFileSync('x'); }`,
    `import { readFileSync } from 'node:fs'; export function* lines() { yield readFileSync('x'); }`,
    // deferred to timers, listeners, unknown callers
    `import { readFileSync } from 'node:fs'; export async function f() { setTimeout(() => readFileSync('x'), 10); }`,
    `import { readFileSync } from 'node:fs'; import { EventEmitter } from 'node:events';
     export async function f(e: EventEmitter) { e.on('x', () => readFileSync('x')); }`,
    `import { readFileSync } from 'node:fs'; declare function later(cb: () => void): void;
     export async function f() { later(() => readFileSync('x')); }`,
    // a sync function declared inside async code but not called there
    `import { readFileSync } from 'node:fs'; export async function f() { const read = () => readFileSync('x'); return read; }`,
    // callbacks handed to an offload API run on a worker thread
    `import { readFileSync } from 'node:fs'; import { runAsWorker } from 'synckit';
     runAsWorker(async (file: string) => readFileSync(file, 'utf8'));`,
    // the async twins
    `import { readFile } from 'node:fs/promises'; export async function f() { return readFile('x'); }`,
    `import * as fs from 'node:fs'; export async function f() { return fs.promises.readFile('x'); }`,
    `import crypto from 'node:crypto'; export async function f() { crypto.randomBytes(16, () => {}); }`,
    // .map on a user type that only looks like an array
    `import { readFileSync } from 'node:fs';
     const list = { map(cb: (s: string) => unknown) { setTimeout(() => cb('x')); } };
     export async function f() { list.map((p) => readFileSync(p)); }`,
    // look-alikes: user objects, shadowed names
    `const fs = { readFileSync(p: string) { return p; } }; export async function f() { return fs.readFileSync('x'); }`,
    `export async function f(fs: { readFileSync(p: string): string }) { return fs.readFileSync('x'); }`,
    `import * as fs from 'node:fs'; export async function f() { const fs = { existsSync: (p: string) => !!p }; return fs.existsSync('x'); }`,
    `import { fs, vol } from 'memfs'; export async function f() { vol.readFileSync('/x'); return fs.readFileSync('/x'); }`,
    `import { Effect } from 'effect'; export async function f() { return Effect.runSync(Effect.succeed(1)); }`,
  ],
  invalid: [
    {
      code: `import { readFileSync } from 'node:fs'; export async function load() { return readFileSync('x'); }`,
      errors: [{ ...readFileSyncIn('inside async function `load`'), suggestions: [withReadFileSuggestion(`import { readFileSync } from 'node:fs'; export async function load() { return readFileSync('x'); }`)] }],
    },
    {
      code: `import { readFileSync } from 'node:fs'; export const load = async () => readFileSync('x');`,
      errors: [{ ...readFileSyncIn('inside async arrow function `load`'), suggestions: [withReadFileSuggestion(`import { readFileSync } from 'node:fs'; export const load = async () => readFileSync('x');`)] }],
    },
    {
      code: `import { readFileSync } from 'node:fs'; export class Repo { async get() { return readFileSync('x'); } }`,
      errors: [{ ...readFileSyncIn('inside async method `get`'), suggestions: [withReadFileSuggestion(`import { readFileSync } from 'node:fs'; export class Repo { async get() { return readFileSync('x'); } }`)] }],
    },
    {
      code: `import { readFileSync } from 'node:fs'; export async function* lines() { yield readFileSync('x'); }`,
      errors: [{ ...readFileSyncIn('inside async generator function `lines`'), suggestions: [withReadFileSuggestion(`import { readFileSync } from 'node:fs'; export async function* lines() { yield readFileSync('x'); }`)] }],
    },
    {
      code: `import { readFileSync } from 'node:fs'; export async function load() { return await readFileSync('x'); }`,
      errors: [{ ...readFileSyncIn('inside async function `load`'), suggestions: [withReadFileSuggestion(`import { readFileSync } from 'node:fs'; export async function load() { return await readFileSync('x'); }`)] }],
    },
    {
      code: `import { readFileSync } from 'node:fs'; export async function all(paths: string[]) { return paths.map((p) => readFileSync(p)); }`,
      errors: [
        {
          ...readFileSyncIn('inside a `.map()` callback in async function `all`'),
          suggestions: [
            {
              messageId: 'suggestAsyncTwin',
              data: { title: 'Use the async API `readFile` from `node:fs/promises` and await the `.map()` with `Promise.all`' },
              output: `import { readFile } from 'node:fs/promises'; export async function all(paths: string[]) { return await Promise.all(paths.map(async (p) => await readFile(p))); }`,
            },
          ],
        },
      ],
    },
    {
      code: `import { readFileSync } from 'node:fs';
        export async function all(paths: readonly string[], seen: Set<string>, sizes: Map<string, number>, bytes: Uint8Array) {
          paths.forEach((p) => readFileSync(p));
          seen.forEach((p) => readFileSync(p));
          sizes.forEach((_, p) => readFileSync(p));
          bytes.map((b) => readFileSync(String(b)).length);
          return Array.from(paths, (p) => readFileSync(p));
        }`,
      errors: [
        readFileSyncIn('inside a `.forEach()` callback in async function `all`'),
        readFileSyncIn('inside a `.forEach()` callback in async function `all`'),
        readFileSyncIn('inside a `.forEach()` callback in async function `all`'),
        readFileSyncIn('inside a `.map()` callback in async function `all`'),
        readFileSyncIn('inside a `Array.from()` callback in async function `all`'),
      ],
    },
    {
      code: `import { readFileSync } from 'node:fs';
        export async function f(p: Promise<string>) {
          await new Promise<Buffer>((resolve) => resolve(readFileSync('x')));
          await p.then((file) => readFileSync(file)).catch(() => readFileSync('y')).finally(() => readFileSync('z'));
        }`,
      errors: [
        readFileSyncIn('inside a `new Promise()` callback in async function `f`'),
        readFileSyncIn('inside a `.then()` callback in async function `f`'),
        readFileSyncIn('inside a `.catch()` callback in async function `f`'),
        readFileSyncIn('inside a `.finally()` callback in async function `f`'),
      ],
    },
    {
      code: `import * as fs from 'node:fs'; export async function all(paths: string[]) { return paths.map(fs.readFileSync); }`,
      errors: [readFileSyncIn('inside a `.map()` callback in async function `all`')],
    },
    {
      code: `import { readFileSync } from 'node:fs';
        export async function nested(groups: string[][]) { return groups.map((g) => g.filter((p) => readFileSync(p).length > 0)); }`,
      errors: [readFileSyncIn('inside a `.filter()` callback in async function `nested`')],
    },
    {
      code: `export async function wait(buffer: Int32Array) { Atomics.wait(buffer, 0, 0); }`,
      errors: [error('Atomics.wait', 'inside async function `wait`', 'use Atomics.waitAsync() and await its `value`')],
    },
  ] satisfies InvalidTestCase<MessageIds, Options>[],
};

const markerCases = {
  valid: [
    `import { quickChecksum } from './blocking-helpers.js'; export async function f() { return quickChecksum('x'); }`,
    // @nonblocking wins over a `deny` entry that would match it
    {
      code: `/** Only ever sees tiny inputs. @nonblocking */ function parseSmall(s: string) { return s; }
        export async function f() { return parseSmall('x'); }`,
      options: [{ deny: [{ from: 'file', name: 'parseSmall' }] }],
    },
  ] satisfies (string | ValidTestCase<Options>)[],
  invalid: [
    {
      code: `/** @blocking */ function renderPdf(html: string) { return html; }
        export async function f() { return renderPdf('<p>'); }`,
      errors: [error('renderPdf', 'inside async function `f`', 'it is marked `@blocking`; run it in a worker thread')],
    },
    {
      code: `import * as helpers from './blocking-helpers.js';
        export async function f() { return helpers.slowChecksum('x', 10); }`,
      errors: [{ ...error('slowChecksum', 'inside async function `f`', 'it is marked `@blocking`; run it in a worker thread'), suggestions: [
        { messageId: 'suggestWorker' as const, data: { title: 'Run `slowChecksum` in a worker thread' }, output: `import './blocking-helpers.js';
import { inWorker } from 'unblock';
        export async function f() { return await inWorker<typeof import('./blocking-helpers.js')>(require.resolve('./blocking-helpers.js')).slowChecksum('x', 10); }` },
      ] }],
    },
  ] satisfies InvalidTestCase<MessageIds, Options>[],
};

const optionCases = {
  valid: [
    {
      code: `import { readFileSync } from 'node:fs'; export async function f() { return readFileSync('x'); }`,
      options: [{ categories: { fs: false } }],
    },
    {
      code: `import { readFileSync } from 'node:fs'; export async function f() { return readFileSync('x'); }`,
      options: [{ allow: [{ from: 'package', package: 'fs', name: 'readFileSync' }] }],
    },
    {
      code: `export async function f() { console.log('x'); }`,
      options: [{}],
    },
    {
      code: `import { readFileSync } from 'node:fs'; export function f() { return readFileSync('x'); }`,
      options: [{ context: 'async' }],
    },
  ] satisfies { code: string; options: Options }[],
  invalid: [
    {
      code: `import { readFileSync } from 'node:fs'; export function load() { return readFileSync('x'); }`,
      options: [{ context: 'function' }],
      errors: [readFileSyncIn('inside function `load`')],
    },
    {
      code: `import { readFileSync } from 'node:fs'; export const x = readFileSync('x');`,
      options: [{ context: 'everywhere' }],
      errors: [readFileSyncIn('at module level')],
    },
    {
      code: `export async function f() { console.log('x'); }`,
      options: [{ categories: { console: true } }],
      errors: [{ messageId: 'blockingCall' }],
    },
    {
      code: `function slowHash(s: string) { return s; } export async function f() { return slowHash('x'); }`,
      options: [{ deny: [{ from: 'file', name: 'slowHash' }] }],
      errors: [{ messageId: 'blockingCall' }],
    },
    {
      code: `import { Effect } from 'effect'; export async function f() { return Effect.runSync(Effect.succeed(1)); }`,
      options: [{ deny: [{ from: 'package', package: 'effect', name: 'runSync' }] }],
      errors: [{ messageId: 'blockingCall' }],
    },
  ] satisfies InvalidTestCase<MessageIds, Options>[],
};

typedRuleTester().run('no-blocking-call (context, typed)', rule, {
  valid: contextCases.valid,
  invalid: contextCases.invalid,
});

typedRuleTester().run('no-blocking-call (options, typed)', rule, optionCases);

typedRuleTester().run('no-blocking-call (@blocking and @nonblocking, typed)', rule, markerCases);

// The same context rules hold without type information, through import tracking.
untypedRuleTester().run('no-blocking-call (context, untyped)', rule, {
  valid: [
    ...contextCases.valid.filter((code) => !code.includes('list.map')), // needs types to see `list` is no array
    `const fs = require('memfs'); async function f() { fs.readFileSync('x'); }`,
  ],
  invalid: [
    {
      code: `import { readFileSync } from 'node:fs'; export async function load() { return readFileSync('x'); }`,
      errors: [readFileSyncIn('inside async function `load`')], // suggestions need type information
    },
    {
      code: `const { readFileSync: read } = require('fs'); module.exports = async function load() { return read('x'); };`,
      languageOptions: { globals: { require: 'readonly', module: 'writable' } },
      errors: [readFileSyncIn('inside async function `load`')],
    },
    {
      code: `const fs = require('node:fs'); async function all(paths) { return paths.map((p) => fs.readFileSync(p)); }`,
      languageOptions: { globals: { require: 'readonly', module: 'writable' } },
      errors: [readFileSyncIn('inside a `.map()` callback in async function `all`')],
    },
    {
      code: `import crypto from 'node:crypto'; export async function id() { return crypto.randomBytes(16); }`,
      errors: [error('crypto.randomBytes', 'inside async function `id`', 'use `util.promisify(crypto.randomBytes)`')],
    },
    {
      // Node 22 and 24 APIs, found by their import whatever @types/node the project has (or none).
      code: `import { globSync } from 'node:fs'; import * as zlib from 'zlib'; import { argon2Sync } from 'node:crypto';
       import { stripTypeScriptTypes } from 'node:module';
       export async function build(p, o) { globSync(p); zlib.zstdCompressSync(p); argon2Sync('argon2id', o); stripTypeScriptTypes(p); }`,
      errors: [
        error('fs.globSync', 'inside async function `build`', 'use `fs.promises.glob`'),
        error('zlib.zstdCompressSync', 'inside async function `build`', 'use `util.promisify(zlib.zstdCompress)`'),
        error('crypto.argon2Sync', 'inside async function `build`', 'use `util.promisify(crypto.argon2)`'),
        error('module.stripTypeScriptTypes', 'inside async function `build`', 'strip the types ahead of time (a build step), or in a worker thread'),
      ],
    },
  ],
});
