/**
 * Functions a helper runs on the spot: an immediately invoked function (`(() => spawnSync(…))()`) runs during the
 * helper, so its blocking calls block the helper's async caller; one that is only written (not called), or is async,
 * does not. Without type information the rule says nothing.
 */
import rule from '../../src/rules/no-indirect-blocking-call.js';
import { indirectInMain } from '../util/indirect-message.js';
import { typedRuleTester, untypedRuleTester } from '../util/rule-tester.js';

const FILE = 'file.ts';
const spawnRemedy = 'make `isGlobal` async, or move its blocking work off the event loop';

const blockingIife = `const { spawnSync } = require('child_process');
const memoizee = require('memoizee');
const isGlobal = memoizee(() => {
  const root = (() => {
    try { return String(spawnSync('npm', ['root', '-g']).stdout); } catch { return null; }
  })();
  return root !== null;
});
async function main() { return isGlobal(); }`;

typedRuleTester().run('no-indirect-blocking-call (immediately invoked functions)', rule, {
  valid: [
    // a function written but not called here: it runs when someone else calls it
    `import { readFileSync } from 'node:fs';
     function reader() { const read = () => readFileSync('x'); return read; }
     export async function main() { return reader(); }`,
    // an async IIFE: its blocking call is the direct rule's, inside it
    `import { readFileSync } from 'node:fs';
     function start() { void (async () => readFileSync('x'))(); }
     export async function main() { return start(); }`,
    // an IIFE inside a promise reaction runs after the helper has returned
    `import { readFileSync } from 'node:fs';
     function later(p: Promise<void>) { return p.then(() => (() => readFileSync('x'))()); }
     export async function main() { return later(Promise.resolve()); }`,
  ],
  invalid: [
    {
      name: 'an arrow invoked on the spot inside the helper',
      code: `import { readFileSync } from 'node:fs';
function load() { const text = (() => readFileSync('c.json', 'utf8'))(); return JSON.parse(text); }
export async function main() { return load(); }`,
      errors: [indirectInMain('load', `load → fs.readFileSync (${FILE}:2)`, 'fs.promises.readFile')],
    },
    {
      name: 'a function expression invoked on the spot, called through .call',
      code: `import { statSync } from 'node:fs';
function size(f: string) { return (function (this: unknown) { return statSync(f).size; }).call(null); }
export async function main() { return size('a'); }`,
      errors: [indirectInMain('size', `size → fs.statSync (${FILE}:2)`, 'fs.promises.stat')],
    },
    {
      name: 'an IIFE inside a memoized module helper (CommonJS)',
      code: blockingIife,
      filename: 'script.js',
      errors: [
        {
          messageId: 'indirectBlockingCall',
          data: { api: 'isGlobal()', context: 'inside async function `main`', chain: 'isGlobal → child_process.spawnSync (script.js:5)', remedy: spawnRemedy },
        },
      ],
    },
  ],
});

untypedRuleTester().run('no-indirect-blocking-call (immediately invoked functions, untyped)', rule, {
  valid: [blockingIife],
  invalid: [],
});

// A module handed to a helper as an argument: `processArgs(argv, fs)` where processArgs calls `fs.existsSync(…)`.
const passedModule = (call: string) => `const fs = require('graceful-fs');
function processArgs(argv, fs) { return fs.existsSync(argv.config) ? argv.config : undefined; }
exports.process = () => ${call};
exports.run = async () => exports.process();`;

typedRuleTester().run('no-indirect-blocking-call (a module passed as an argument)', rule, {
  valid: [
    // what the caller passes is not a module of the catalog: a stub, another object
    { code: passedModule(`processArgs({}, { existsSync: () => true })`), filename: 'script.js' },
    { code: passedModule(`processArgs({}, require('path'))`), filename: 'script.js' },
    // the helper is not called with the module here; alone it only reads its parameter
    { code: `function probe(fs) { return fs.existsSync('x'); }\nasync function main(fs) { return probe(fs); }`, filename: 'script.js' },
    // the parameter is given another value before it is used
    { code: `const fs = require('fs');\nfunction probe(fs) { fs = { existsSync: () => true }; return fs.existsSync('x'); }\nasync function main() { return probe(fs); }`, filename: 'script.js' },
  ],
  invalid: [
    {
      name: 'the module graceful-fs passed to a helper two calls down',
      code: passedModule(`processArgs({}, fs)`),
      filename: 'script.js',
      errors: [
        {
          messageId: 'indirectBlockingCall',
          data: {
            api: 'process()',
            context: 'inside async arrow function',
            chain: 'process → processArgs → fs.existsSync (script.js:2)',
            remedy: 'make the chain async with `fs.promises.access`',
          },
        },
      ],
    },
    {
      name: 'a namespace import passed to an arrow helper whose parameter is typed any',
      code: `import * as nodeFs from 'node:fs';
const size = (f: string, fs: any) => fs.statSync(f).size;
export async function main() { return size('a', nodeFs); }`,
      errors: [indirectInMain('size', `size → fs.statSync (${FILE}:2)`, 'fs.promises.stat')],
    },
  ],
});

untypedRuleTester().run('no-indirect-blocking-call (a module passed as an argument, untyped)', rule, {
  valid: [passedModule(`processArgs({}, fs)`)],
  invalid: [],
});
