/**
 * Callbacks of methods the type checker gives no declaration for (a receiver typed `any`, as most values of a
 * JavaScript file are): `.map`, `.find`, `.then` … are matched by name, as the rules do without type information,
 * so the typed rules see the same sync callbacks as the untyped ones.
 */
import indirect from '../../src/rules/no-indirect-blocking-call.js';
import rule from '../../src/rules/no-blocking-call.js';
import { typedRuleTester } from '../util/rule-tester.js';

const blocking = (api: string, context: string, remedy: string) => ({ messageId: 'blockingCall' as const, data: { api, context, remedy } });

typedRuleTester().run('no-blocking-call (callbacks of any-typed receivers)', rule, {
  valid: [
    // an unknown method: its callback may run later
    { code: `const fs = require('fs'); async function f(items) { items.register((x) => fs.readFileSync(x)); }`, filename: 'script.js' },
    // a method the project declares, under an array method's name: its own timing, not the name's
    { code: `const fs = require('fs'); const list = { map(cb) { setTimeout(() => cb('x')); } }; async function f() { list.map((p) => fs.readFileSync(p)); }`, filename: 'script.js' },
    // not in async code
    { code: `const fs = require('fs'); function f(items) { return items.map((x) => fs.readFileSync(x)); }`, filename: 'script.js' },
  ],
  invalid: [
    {
      code: `const fs = require('fs'); async function f(items) { return items.map((x) => fs.readFileSync(x)); }`,
      filename: 'script.js',
      errors: [blocking('fs.readFileSync', 'inside a `.map()` callback in async function `f`', 'use `fs.promises.readFile`')],
    },
    {
      code: `const fs = require('fs'); async function f(task) { await task.run().then(() => fs.unlinkSync('x')); }`,
      filename: 'script.js',
      errors: [blocking('fs.unlinkSync', 'inside a `.then()` callback in async function `f`', 'use `fs.promises.unlink`')],
    },
  ],
});

typedRuleTester().run('no-indirect-blocking-call (callbacks of any-typed receivers in helpers)', indirect, {
  valid: [],
  invalid: [
    {
      code: `const fs = require('fs');
function findLockfile(config) { return config.lockfiles.find((f) => fs.existsSync(f)); }
async function main(config) { return findLockfile(config); }`,
      filename: 'script.js',
      errors: [
        {
          messageId: 'indirectBlockingCall',
          data: {
            api: 'findLockfile()',
            context: 'inside async function `main`',
            chain: 'findLockfile → fs.existsSync (script.js:2)',
            remedy: 'make the chain async with `fs.promises.access`',
          },
        },
      ],
    },
  ],
});
