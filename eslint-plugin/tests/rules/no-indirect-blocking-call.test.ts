import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-indirect-blocking-call.js';
import { typedRuleTester, untypedRuleTester } from '../util/rule-tester.js';

const FILE = 'file.ts'; // paths in messages are relative to the linted file's folder
const indirect = (api: string, context: string, chain: string, remedy: string) => ({
  messageId: 'indirectBlockingCall' as const,
  data: { api, context, chain, remedy },
});
/** The remedy names the worker thread only when that suggestion is offered (an exported helper of another file). */
const readFileRemedy = (helper?: string) => `make the chain async with \`fs.promises.readFile\`${helper ? `, or run \`${helper}\` in a worker thread` : ''}`;
const newRemedy = 'make the chain async with `fs.promises.readFile`';
/** "Make the chain async" within the linted file: the core's chain rewrite as one suggestion. */
const chainSuggestion = (functions: string, callSites: string, output: string) => ({
  messageId: 'suggestAsyncChain' as const,
  data: { functions, callSites },
  output,
});

const valid: (string | ValidTestCase<Options>)[] = [
  // mutual recursion that never blocks terminates
  `function even(n: number): boolean { return n === 0 ? true : odd(n - 1); }
   function odd(n: number): boolean { return n === 0 ? false : even(n - 1); }
   export async function main() { return even(10); }`,
  // blocking work deferred to a timer or a listener does not block the caller
  `import { readFileSync } from 'node:fs';
   function later() { setTimeout(() => readFileSync('x'), 10); }
   export async function main() { later(); }`,
  // a helper that uses the async twin
  `import { readFile } from 'node:fs/promises';
   function start() { return readFile('x'); }
   export async function main() { return start(); }`,
  // declarations without bodies: only the catalog or @blocking can say (that is the direct rule's job)
  `import { opaque, knownSlow } from './indirect-declarations.js';
   export async function main() { opaque(); knownSlow(); }`,
  // @nonblocking cuts the chain
  `import { loadAll } from './indirect-config.js'; export async function main() { return loadAll(); }`,
  // async helpers report their own blocking calls (direct rule); calling them is fine
  `import { readFileSync } from 'node:fs';
   async function helper() { return readFileSync('x'); }
   export async function main() { return helper(); }`,
  // a direct finding is not reported twice
  `/** @blocking */ function heavy() { return 1; } export async function main() { return heavy(); }`,
  `import { readFileSync } from 'node:fs'; export async function main() { return readFileSync('x'); }`,
  // calls from sync code are not in async code
  `import { loadConfig } from './indirect-config.js'; export function main() { return loadConfig(); }`,
  // an allow entry cuts the chain at the blocking call
  {
    code: `import { loadConfig } from './indirect-config.js'; export async function main() { return loadConfig(); }`,
    options: [{ allow: [{ from: 'package' as const, package: 'fs', name: 'readFileSync' }] }],
  },
  // depth cap: loadConfig → readJson → readFileSync needs 2 levels
  {
    code: `import { loadConfig } from './indirect-config.js'; export async function main() { return loadConfig(); }`,
    options: [{ maxDepth: 1 }],
  },
  // arrow helpers: an async body, work deferred to a timer, @nonblocking
  `import { readFileSync } from 'node:fs';
   const later = () => setTimeout(() => readFileSync('x'), 10);
   const helper = async () => readFileSync('x');
   /** @nonblocking */ const small = () => readFileSync('app.pid');
   export async function main() { later(); small(); return helper(); }`,
  // calling a generator function runs none of its body
  `import { readFileSync } from 'node:fs';
   function* lines() { yield readFileSync('x', 'utf8'); }
   export async function main() { return lines(); }`,
  // mutual recursion through arrows that never blocks terminates
  `const even = (n: number): boolean => (n === 0 ? true : odd(n - 1));
   const odd = (n: number): boolean => (n === 0 ? false : even(n - 1));
   export async function main() { return even(10); }`,
  // classes: a constructor that defers its blocking work, blocking methods that are not called, @nonblocking
  `import { readFileSync } from 'node:fs';
   class Lazy { constructor() { setTimeout(() => readFileSync('x'), 10); } load() { return readFileSync('x'); } }
   /** Reads a pid file of a few bytes. @nonblocking */
   class Pid { pid = readFileSync('app.pid', 'utf8'); }
   class Quiet { constructor(readonly name: string) {} onRead = () => readFileSync('x'); }
   export async function main() { return [new Lazy(), new Pid(), new Quiet('q'), new Map(), new Promise((resolve) => resolve(1))]; }`,
  // a class declared without a body to look into
  `declare class Opaque { constructor(); } export async function main() { return new Opaque(); }`,
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: 'same file, through two helpers',
    code: `import { readFileSync } from 'node:fs';
function readJson(p: string) { return JSON.parse(readFileSync(p, 'utf8')); }
function loadConfig() { return readJson('c.json'); }
export async function main() { return loadConfig(); }`,
    errors: [
      {
        ...indirect('loadConfig()', 'inside async function `main`', `loadConfig → readJson → fs.readFileSync (${FILE}:2)`, readFileRemedy()),
        suggestions: [
          chainSuggestion(
            '`loadConfig`, `readJson`',
            '2 call sites',
            `import { readFile } from 'node:fs/promises';
async function readJson(p: string) { return JSON.parse(await readFile(p, 'utf8')); }
async function loadConfig() { return await readJson('c.json'); }
export async function main() { return await loadConfig(); }`,
          ),
        ],
      },
    ],
  },
  {
    name: 'no chain suggestion when a sync method outside the chain calls it',
    code: `import { readFileSync } from 'node:fs';
function readToken() { return readFileSync('t', 'utf8'); }
export class Session { token() { return readToken(); } }
export async function main() { return readToken(); }`,
    errors: [{ ...indirect('readToken()', 'inside async function `main`', `readToken → fs.readFileSync (${FILE}:2)`, readFileRemedy()), suggestions: [] }],
  },
  {
    name: 'another file, with a worker-thread suggestion for the exported helper',
    code: `import { loadConfig } from './indirect-config.js';
export async function main() { return loadConfig(); }`,
    errors: [
      {
        ...indirect('loadConfig()', 'inside async function `main`', 'loadConfig → readJson → fs.readFileSync (indirect-config.ts:4)', readFileRemedy('loadConfig')),
        suggestions: [
          {
            messageId: 'suggestWorker',
            data: { title: 'Run `loadConfig` in a worker thread' },
            output: `import './indirect-config.js';
import { inWorker } from 'unblock';
export async function main() { return await inWorker<typeof import('./indirect-config.js')>(require.resolve('./indirect-config.js')).loadConfig(); }`,
          },
        ],
      },
    ],
  },
  {
    name: 'a method called through this',
    code: `import { execSync } from 'node:child_process';
export class Git {
  private version() { return execSync('git --version', { encoding: 'utf8' }); }
  async info() { return this.version(); }
}`,
    errors: [
      {
        ...indirect('version()', 'inside async method `info`', `version → child_process.execSync (${FILE}:3)`, 'make the chain async with `util.promisify(child_process.exec)`'),
        suggestions: [
          chainSuggestion(
            '`version`',
            '1 call site',
            `import { exec } from 'node:child_process';
import { promisify } from 'node:util';
export class Git {
  private async version() { return (await promisify(exec)('git --version', { encoding: 'utf8' })).stdout; }
  async info() { return await this.version(); }
}`,
          ),
        ],
      },
    ],
  },
  {
    name: 'mutual recursion where one member blocks',
    code: `import { readFileSync } from 'node:fs';
function ping(n: number): number { return n > 0 ? pong(n - 1) : 0; }
function pong(n: number): number { readFileSync('x'); return ping(n); }
export async function main() { return ping(3); }`,
    errors: [
      {
        ...indirect('ping()', 'inside async function `main`', `ping → pong → fs.readFileSync (${FILE}:3)`, readFileRemedy()),
        suggestions: [
          chainSuggestion(
            '`ping`, `pong`',
            '3 call sites',
            `import { readFile } from 'node:fs/promises';
async function ping(n: number): Promise<number> { return n > 0 ? await pong(n - 1) : 0; }
async function pong(n: number): Promise<number> { await readFile('x'); return await ping(n); }
export async function main() { return await ping(3); }`,
          ),
        ],
      },
    ],
  },
  {
    name: 'overloads: the implementation is looked into',
    code: `import { readFileSync } from 'node:fs';
function read(p: string): string;
function read(p: string, raw: true): Buffer;
function read(p: string, raw?: true) { return raw ? readFileSync(p) : readFileSync(p, 'utf8'); }
export async function main() { return read('x'); }`,
    errors: [indirect('read()', 'inside async function `main`', `read → fs.readFileSync (${FILE}:4)`, readFileRemedy())],
  },
  {
    name: 'a sync callback inside the helper runs during it',
    code: `import { readFileSync } from 'node:fs';
const readAll = (paths: string[]) => paths.map((p) => readFileSync(p, 'utf8'));
export const main = async () => readAll(['a', 'b']);`,
    errors: [indirect('readAll()', 'inside async arrow function `main`', `readAll → fs.readFileSync (${FILE}:2)`, readFileRemedy())],
  },
  {
    name: 'an arrow helper with an expression body',
    code: `import { readFileSync } from 'node:fs';
const read = (p: string) => readFileSync(p, 'utf8');
export async function main() { return read('x'); }`,
    errors: [
      {
        ...indirect('read()', 'inside async function `main`', `read → fs.readFileSync (${FILE}:2)`, readFileRemedy()),
        suggestions: [
          chainSuggestion(
            '`read`',
            '1 call site',
            `import { readFile } from 'node:fs/promises';
const read = async (p: string) => await readFile(p, 'utf8');
export async function main() { return await read('x'); }`,
          ),
        ],
      },
    ],
  },
  {
    name: 'mutual recursion through arrows with expression bodies',
    code: `import { readFileSync } from 'node:fs';
const ping = (n: number): number => pong(n);
const pong = (n: number): number => (n > 0 ? ping(n - 1) : readFileSync('x').length);
export async function main() { return ping(3); }`,
    errors: [
      {
        ...indirect('ping()', 'inside async function `main`', `ping → pong → fs.readFileSync (${FILE}:3)`, readFileRemedy()),
        suggestions: [
          chainSuggestion(
            '`ping`, `pong`',
            '3 call sites',
            `import { readFile } from 'node:fs/promises';
const ping = async (n: number): Promise<number> => await pong(n);
const pong = async (n: number): Promise<number> => (n > 0 ? await ping(n - 1) : (await readFile('x')).length);
export async function main() { return await ping(3); }`,
          ),
        ],
      },
    ],
  },
  {
    name: 'a helper called inside a sync callback of async code',
    code: `import { readFileSync } from 'node:fs';
function readOne(p: string) { return readFileSync(p, 'utf8'); }
export async function f(items: string[]) { return items.map((x) => readOne(x)); }`,
    errors: [indirect('readOne()', 'inside a `.map()` callback in async function `f`', `readOne → fs.readFileSync (${FILE}:2)`, readFileRemedy())],
  },
  {
    name: 'a helper passed by reference to a sync callback of async code',
    code: `import { readFileSync } from 'node:fs';
const readOne = (p: string) => { return readFileSync(p, 'utf8'); };
export async function f(items: string[]) { items.forEach(console.log); setTimeout(readOne, 10, 'later'); return items.map(readOne); }`,
    errors: [indirect('readOne', 'inside a `.map()` callback in async function `f`', `readOne → fs.readFileSync (${FILE}:2)`, readFileRemedy())],
  },
  {
    name: 'new: a constructor that blocks',
    code: `import { readFileSync } from 'node:fs';
class Helper {
  text: string;
  constructor() { this.text = readFileSync('x', 'utf8'); }
}
export async function main() { return new Helper(); }`,
    errors: [indirect('new Helper()', 'inside async function `main`', `Helper → constructor → fs.readFileSync (${FILE}:4)`, newRemedy)],
  },
  {
    name: 'new: a field initializer that blocks',
    code: `import { readFileSync } from 'node:fs';
class Cache {
  data = readFileSync('cache.json', 'utf8');
}
export const main = async () => new Cache();`,
    errors: [indirect('new Cache()', 'inside async arrow function `main`', `Cache → fs.readFileSync (${FILE}:3)`, newRemedy)],
  },
  {
    name: 'new: a base class constructor, through super() and without a constructor of its own',
    code: `import { readFileSync } from 'node:fs';
class Base {
  constructor() { readFileSync('x'); }
}
class Derived extends Base {
  constructor() { super(); }
}
class Plain extends Base {}
export async function main() { return [new Derived(), new Plain()]; }`,
    errors: [
      indirect('new Derived()', 'inside async function `main`', `Derived → constructor → Base → constructor → fs.readFileSync (${FILE}:3)`, newRemedy),
      indirect('new Plain()', 'inside async function `main`', `Plain → Base → constructor → fs.readFileSync (${FILE}:3)`, newRemedy),
    ],
  },
  {
    name: 'default-exported and re-exported helpers',
    code: `import pack from './indirect-default.js';
import { load } from './indirect-reexport.js';
export async function main() { return [pack('x'), load()]; }`,
    errors: [
      {
        ...indirect('pack()', 'inside async function `main`', 'pack → zlib.gzipSync (indirect-default.ts:4)', 'make the chain async with `util.promisify(zlib.gzip)`, or run `pack` in a worker thread'),
        suggestions: [
          {
            messageId: 'suggestWorker',
            data: { title: 'Run `pack` in a worker thread' },
            // `pack` had no other use: its import becomes a side-effect import (the module still loads here)
            output: `import './indirect-default.js';
import { load } from './indirect-reexport.js';
import { inWorker } from 'unblock';
export async function main() { return [await inWorker<typeof import('./indirect-default.js')>(require.resolve('./indirect-default.js')).default('x'), load()]; }`,
          },
        ],
      },
      {
        ...indirect('loadConfig()', 'inside async function `main`', 'loadConfig → readJson → fs.readFileSync (indirect-config.ts:4)', readFileRemedy('loadConfig')),
        suggestions: [
          {
            messageId: 'suggestWorker',
            data: { title: 'Run `loadConfig` in a worker thread' },
            output: `import pack from './indirect-default.js';
import './indirect-reexport.js';
import { inWorker } from 'unblock';
export async function main() { return [pack('x'), await inWorker<typeof import('./indirect-config.js')>(require.resolve('./indirect-config.js')).loadConfig()]; }`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('no-indirect-blocking-call', rule, { valid, invalid });

// Without type information the rule cannot look into function bodies, and says nothing.
untypedRuleTester().run('no-indirect-blocking-call (untyped)', rule, {
  valid: [invalid[0]!.code],
  invalid: [],
});
