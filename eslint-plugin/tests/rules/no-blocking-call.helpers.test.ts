/**
 * Code that runs synchronously inside async code without being written in it — helpers that run only where async
 * code calls them (`const write = (f) => fs.writeFileSync(f)` then `write(f)` in `async function init`), class
 * static blocks and static fields, which run where the class is defined — and blocking APIs reached through class
 * fields (`this.#fs.readFileSync`) and aliases chosen at run time. The same with and without types.
 */
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-blocking-call.js';
import { typedRuleTester, untypedRuleTester } from '../util/rule-tester.js';

const blocking = (api: string, context: string, remedy: string) => ({ messageId: 'blockingCall' as const, data: { api, context, remedy } });
const writeFileSync = (context: string) => blocking('fs.writeFileSync', context, 'use `fs.promises.writeFile`');
const readFileSync = (context: string) => blocking('fs.readFileSync', context, 'use `fs.promises.readFile`');

const cases = {
  valid: [
    // only handed to a timer: it runs later, not inside `init`
    `import * as fs from 'node:fs'; export async function init() { const write = () => fs.writeFileSync('x', ''); setTimeout(write, 10); }`,
    // module-level functions are the indirect rule's: it reports `loadConfig()` in `get`, with the chain
    `import * as fs from 'node:fs';
     function readJson(p: string) { return JSON.parse(fs.readFileSync(p, 'utf8')); }
     function loadConfig() { return readJson('config.json'); }
     export async function get() { return loadConfig(); }`,
    // called from async code and from sync code: not only async code runs it
    `import * as fs from 'node:fs'; function save() { fs.writeFileSync('x', ''); } export async function a() { save(); } export function b() { save(); }`,
    // exported: any importer may call it (the indirect rule reports its calls from async code)
    `import * as fs from 'node:fs'; export function save() { fs.writeFileSync('x', ''); } export async function a() { save(); }`,
    // handed out: stored, returned or passed along
    `import * as fs from 'node:fs'; export async function init() { const write = () => fs.writeFileSync('x', ''); return { write }; }`,
    `import * as fs from 'node:fs'; export async function init(run: (f: () => void) => void) { const write = () => fs.writeFileSync('x', ''); run(write); write(); }`,
    `import * as fs from 'node:fs'; function save() { fs.writeFileSync('x', ''); } module.exports = { save }; export async function a() { save(); }`,
    // never called
    `import * as fs from 'node:fs'; export async function init() { function save() { fs.writeFileSync('x', ''); } }`,
    // a class defined at module level: its static block runs at start-up
    `import * as fs from 'node:fs'; export class Config { static text = ''; static { Config.text = fs.readFileSync('c', 'utf8'); } }`,
    // an instance field runs when an instance is made, not where the class is defined
    `import * as fs from 'node:fs'; export async function f() { class A { text = fs.readFileSync('c', 'utf8'); } return A; }`,
    // an alias that is a blocking API on one branch only
    `import * as fs from 'node:fs'; const own = (p: string) => p; const realpath = process.platform === 'win32' ? fs.realpathSync : own;
     export async function f(p: string) { return realpath(p); }`,
    `import * as fs from 'node:fs'; let realpath = process.env.X ? fs.realpathSync : (p: string) => p; export async function f(p: string) { return realpath(p); }`,
  ],
  invalid: [
    {
      code: `import * as fs from 'node:fs';
        export async function init(files: string[]) {
          const write = (f: string) => fs.writeFileSync(f, '');
          for (const f of files) write(f);
        }`,
      errors: [writeFileSync('inside arrow function `write`, called from async function `init`')],
    },
    {
      code: `import * as fs from 'node:fs';
        export function walk() {
          function save(p: string) { fs.writeFileSync(p, ''); }
          async function visit(p: string) { save(p); }
          return visit;
        }`,
      errors: [writeFileSync('inside function `save`, called from async function `visit`')],
    },
    {
      // recursive, called right after its definition
      code: `import * as fs from 'node:fs';
        export async function scan(root: string) {
          const go = (dir: string): void => { for (const entry of fs.readdirSync(dir)) go(dir + '/' + entry); };
          go(root);
        }`,
      errors: [blocking('fs.readdirSync', 'inside arrow function `go`, called from async function `scan`', 'use `fs.promises.readdir`')],
    },
    {
      // helpers, one calling the other, only ever called from async code
      code: `import * as fs from 'node:fs';
        export async function get() {
          function readJson(p: string) { return JSON.parse(fs.readFileSync(p, 'utf8')); }
          function loadConfig() { return readJson('config.json'); }
          return loadConfig();
        }`,
      errors: [readFileSync('inside function `readJson`, called from async function `get` (through `loadConfig`)')],
    },
    {
      // called from a sync callback that runs during the async function
      code: `import * as fs from 'node:fs';
        export async function init(files: string[]) {
          const write = (f: string) => fs.writeFileSync(f, '');
          files.forEach((f) => write(f));
        }`,
      errors: [writeFileSync('inside arrow function `write`, called from async function `init`')],
    },
    {
      code: `import * as fs from 'node:fs';
        export async function all(paths: string[]) {
          function sizes() { return paths.map((p) => fs.readFileSync(p).length); }
          return sizes();
        }`,
      errors: [readFileSync('inside a `.map()` callback in function `sizes`, called from async function `all`')],
    },
    {
      // a class defined inside async code: its static block and static fields run there
      code: `import * as fs from 'node:fs';
        export async function f() {
          class A { static x = ''; static { A.x = fs.readFileSync('x', 'utf8'); } }
          class B { static y = fs.readFileSync('y', 'utf8'); }
          return A.x + B.y;
        }`,
      errors: [readFileSync('inside async function `f`'), readFileSync('inside async function `f`')],
    },
    {
      // a class field holding the module, or one of its functions
      code: `import * as fs from 'node:fs';
        export class Store {
          #fs = fs;
          #read = fs.readFileSync;
          async load() { return this.#fs.readFileSync('a') + this.#read('b'); }
        }`,
      errors: [readFileSync('inside async method `load`'), readFileSync('inside async method `load`')],
    },
  ] satisfies InvalidTestCase<MessageIds, Options>[],
};

// An alias that is a blocking API on every branch. With types it is named by the branch TypeScript's union keeps.
const alias = `import * as fs from 'node:fs';
        let realpath = process.platform === 'win32' ? fs.realpathSync : fs.realpathSync.native;
        export async function f(p: string) { return realpath(p); }`;

typedRuleTester().run('no-blocking-call (helpers and class set-up, typed)', rule, {
  valid: cases.valid,
  invalid: [
    ...cases.invalid,
    {
      // through an object that is not the module itself, either rewrite would replace it (and lose `?.`): no suggestion
      code: `import type * as fs from 'node:fs'; export async function f(m?: typeof fs) { return m?.readFileSync('x'); }`,
      errors: [readFileSync('inside async function `f`')],
    },
    {
      code: alias,
      errors: [{
        ...blocking('fs.realpathSync.native', 'inside async function `f`', 'use `fs.promises.realpath`'),
        suggestions: [{
          messageId: 'suggestAsyncTwin' as const,
          data: { title: 'Use the async API `fs.promises.realpath`' },
          output: alias.replace('return realpath(p)', 'return await fs.promises.realpath(p)'),
        }],
      }],
    },
  ],
});
untypedRuleTester().run('no-blocking-call (helpers and class set-up, untyped)', rule, {
  valid: cases.valid,
  invalid: [...cases.invalid, { code: alias, errors: [blocking('fs.realpathSync', 'inside async function `f`', 'use `fs.promises.realpath`')] }],
});
