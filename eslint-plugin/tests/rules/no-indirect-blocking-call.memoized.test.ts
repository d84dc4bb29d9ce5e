/**
 * Memoized helpers: a memoizing wrapper (lodash's `memoize`, `memoizee`, `memoize-one`, …, known by the module it
 * comes from) runs the wrapped function on the first call, so calling the wrapper from async code blocks when the
 * wrapped function does; a choice between the function and its memoized self is that function too.
 */
import rule from '../../src/rules/no-indirect-blocking-call.js';
import { typedRuleTester } from '../util/rule-tester.js';

const indirect = (helper: string, chain: string, remedy = 'make the chain async with `util.promisify(child_process.exec)`') => ({
  messageId: 'indirectBlockingCall' as const,
  data: { api: `${helper}()`, context: 'inside async function `main`', chain, remedy },
});

typedRuleTester().run('no-indirect-blocking-call (memoized helpers)', rule, {
  valid: [
    // a wrapper that is not a known memoizer may never call it
    {
      code: `const { execSync } = require('child_process');
const once = require('./my-once');
const hasGit = once(() => execSync('git --version'));
async function main() { return hasGit(); }`,
      filename: 'script.js',
    },
    // an async memoizer's result is a promise: the wrapped function is not run through it by name
    {
      code: `const { execSync } = require('child_process');
const pMemoize = require('p-memoize');
const hasGit = pMemoize(() => execSync('git --version'));
async function main() { return hasGit(); }`,
      filename: 'script.js',
    },
    // a choice between two different functions
    `import { execSync } from 'node:child_process';
import _ from 'lodash';
function real() { return execSync('git --version'); }
function fake() { return true; }
const hasGit = process.env.CI ? fake : _.memoize(real);
export async function main() { return hasGit(); }`,
  ],
  invalid: [
    {
      name: 'lodash memoize over a function declaration, chosen on a condition',
      code: `import { execSync } from 'node:child_process';
import _ from 'lodash';
function realHasGit() { return execSync('git --version'); }
const hasGit = process.env.NODE_ENV === 'test' ? realHasGit : _.memoize(realHasGit);
export async function main() { return hasGit(); }`,
      errors: [indirect('realHasGit', 'realHasGit → child_process.execSync (file.ts:3)')],
    },
    {
      name: 'memoizee over an arrow, exported as the module',
      code: `const { spawnSync } = require('child_process');
const memoizee = require('memoizee');
const isGlobal = memoizee(() => spawnSync('npm', ['root', '-g']).stdout);
async function main() { return isGlobal(); }`,
      filename: 'script.js',
      errors: [indirect('isGlobal', 'isGlobal → child_process.spawnSync (script.js:3)', 'make `isGlobal` async, or move its blocking work off the event loop')],
    },
  ],
});
