/**
 * `deasync` (types: `@types/deasync@0.1`): `declare function deasync(fn): (...args) => R` merged with
 * `declare namespace deasync { function loopWhile(); function runLoopOnce(); function sleep(); }` and
 * `export = deasync`. The export name is dropped before namespace members ('sleep'), and kept when it
 * is the whole path: the function itself is 'deasync'.
 *
 * What blocks is calling the function that `deasync(fn)` returns (it spins the event loop until the
 * callback fires). That function type is an anonymous return type, which has no path of its own, so
 * the wrapping call `deasync(fn)` is reported instead: using deasync inside async code is the mistake.
 */
import { definePackage } from './types.js';

const DOCS = 'https://github.com/abbr/deasync';
const ADVICE = 'in async code, await the async function (or util.promisify it) instead of deasync';

export const deasync = definePackage({
  module: 'deasync',
  docs: DOCS,
  verifiedWith: '@types/deasync@0.1.5',
  entries: [
    { path: 'deasync', category: 'sync-bridge', advice: ADVICE },
    { path: 'loopWhile', category: 'sync-bridge', advice: ADVICE },
    { path: 'runLoopOnce', category: 'sync-bridge', advice: ADVICE },
    { path: 'sleep', category: 'sync-bridge', advice: 'use await new Promise((r) => setTimeout(r, ms)) (or timers/promises setTimeout)' },
  ],
});
