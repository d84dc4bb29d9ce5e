/**
 * Promise libraries, known by the module their values come from: bluebird's constructor runs its executor before it
 * returns, as `new Promise` does, so blocking calls in it block the async function around; and bluebird's
 * `promisifyAll(fs)` returns the object it is given, so `fs.readFileSync` read from its result is still the
 * blocking one. With types (the package untyped: import tracking in the typed path) and without.
 */
import rule from '../../src/rules/no-blocking-call.js';
import indirectRule from '../../src/rules/no-indirect-blocking-call.js';
import { indirectInMain } from '../util/indirect-message.js';
import { typedRuleTester, untypedRuleTester } from '../util/rule-tester.js';

const blocking = (api: string, context: string, remedy: string) => ({ messageId: 'blockingCall' as const, data: { api, context, remedy } });
const appendIn = (context: string) => blocking('fs.appendFileSync', context, 'use `fs.promises.appendFile`');
const unlinkIn = (context: string) => blocking('fs.unlinkSync', context, 'use `fs.promises.unlink`');

const valid = [
  // a constructor of another module: its callback's timing is unknown
  `const Later = require('./later');
   async function f() { return new Later(() => require('fs').appendFileSync('log', 'x')); }`,
  // bluebird's executor inside a plain function: no async code around
  `const BbPromise = require('bluebird'); const fs = require('fs');
   function f() { return new BbPromise((resolve) => resolve(fs.appendFileSync('log', 'x'))); }`,
  // another library's promisifyAll may return a new object: what its properties are is unknown
  `const fs = require('./my-promisify').promisifyAll(require('fs'));
   async function f() { return fs.unlinkSync('x'); }`,
  // the promisified twin does not block
  `const BbPromise = require('bluebird'); const fs = BbPromise.promisifyAll(require('fs'));
   async function f() { return fs.unlinkAsync('x'); }`,
];

const invalid = [
  {
    code: `const BbPromise = require('bluebird'); const fs = require('fs');
async function append(file, text) {
  return new BbPromise((resolve, reject) => {
    try { fs.appendFileSync(file, text); } catch (e) { reject(e); }
    resolve();
  });
}`,
    filename: 'script.js',
    errors: [appendIn('inside a `new BbPromise()` callback in async function `append`')],
  },
  {
    code: `import Bluebird from 'bluebird'; import { appendFileSync } from 'fs';
export async function append(file, text) { return new Bluebird((resolve) => resolve(appendFileSync(file, text))); }`,
    filename: 'script.js',
    errors: [appendIn('inside a `new Bluebird()` callback in async function `append`')],
  },
  {
    code: `const BbPromise = require('bluebird'); const fs = BbPromise.promisifyAll(require('fs'));
async function clean(file) { await fs.readFileAsync(file); fs.unlinkSync(file); }`,
    filename: 'script.js',
    errors: [unlinkIn('inside async function `clean`')],
  },
  {
    code: `const { promisifyAll } = require('bluebird'); const nodeFs = require('fs'); const fs = promisifyAll(nodeFs);
async function clean(file) { return fs.readFileAsync(file).then(() => fs.unlinkSync(file)); }`,
    filename: 'script.js',
    errors: [unlinkIn('inside a `.then()` callback in async function `clean`')],
  },
];

/** Without suggestions: the untyped engine offers none, and the typed ones are tested elsewhere. */
const bare = invalid.map(({ code, filename, errors }) => ({ code, filename, errors }));

typedRuleTester().run('no-blocking-call (promise libraries, typed)', rule, {
  valid: valid.map((code) => ({ code, filename: 'script.js' })),
  invalid: bare,
});

untypedRuleTester().run('no-blocking-call (promise libraries, untyped)', rule, { valid, invalid: bare });

typedRuleTester().run('no-indirect-blocking-call (a helper called in a bluebird executor)', indirectRule, {
  valid: [
    {
      code: `const BbPromise = require('bluebird'); const fs = require('fs');
function write(file) { fs.writeFileSync(file, ''); }
function later() { return new BbPromise((resolve) => setTimeout(() => resolve(write('x')), 10)); }
async function main() { return later(); }`,
      filename: 'script.js',
    },
  ],
  invalid: [
    {
      code: `const BbPromise = require('bluebird'); const fs = require('fs');
class Utils {
  writeFileSync(file) { fs.writeFileSync(file, ''); }
  async writeFile(file) { return new BbPromise((resolve) => { this.writeFileSync(file); resolve(); }); }
}
module.exports = Utils;`,
      filename: 'script.js',
      errors: [
        {
          messageId: 'indirectBlockingCall' as const,
          data: {
            api: 'writeFileSync()',
            context: 'inside a `new BbPromise()` callback in async method `writeFile`',
            chain: 'writeFileSync → fs.writeFileSync (script.js:3)',
            remedy: 'make the chain async with `fs.promises.writeFile`',
          },
        },
      ],
    },
    {
      code: `const Bluebird = require('bluebird'); const fs = require('fs');
function size(f) { return fs.statSync(f).size; }
async function main() { return new Bluebird((resolve) => resolve(size('a'))); }`,
      filename: 'script.js',
      errors: [{ ...indirectInMain('size', 'size → fs.statSync (script.js:2)', 'fs.promises.stat'), data: { ...indirectInMain('size', 'size → fs.statSync (script.js:2)', 'fs.promises.stat').data, context: 'inside a `new Bluebird()` callback in async function `main`' } }],
    },
  ],
});
