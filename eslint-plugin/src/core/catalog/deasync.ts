import { definePackage } from './types.js';

/**
 * `deasync` (types: `@types/deasync@0.1`): `declare function deasync(fn): (...args) => R` merged with
 * `declare namespace deasync { function loopWhile(); function runLoopOnce(); function sleep(); }` and
 * `export = deasync`, so the export name is dropped: 'loopWhile', 'runLoopOnce', 'sleep'.
 *
 * The empty path '' stands for the `export =` value itself. Calling the function that `deasync(fn)`
 * returns is what blocks (it spins the event loop until the callback fires); that function type is an
 * anonymous return type inside `declare function deasync`, so its call resolves to the same empty path
 * as `deasync(fn)`. Both are reported: wrapping an async function with deasync inside async code is
 * the mistake either way.
 */

const DOCS = 'https://github.com/abbr/deasync';
const ADVICE = 'in async code, await the async function (or util.promisify it) instead of deasync';

export const deasync = definePackage({
  module: 'deasync',
  docs: DOCS,
  verifiedWith: '@types/deasync@0.1.5',
  entries: [
    { path: '', category: 'sync-bridge', advice: ADVICE },
    { path: 'loopWhile', category: 'sync-bridge', advice: ADVICE },
    { path: 'runLoopOnce', category: 'sync-bridge', advice: ADVICE },
    { path: 'sleep', category: 'sync-bridge', advice: 'use await new Promise((r) => setTimeout(r, ms)) (or timers/promises setTimeout)' },
  ],
});
