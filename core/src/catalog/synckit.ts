/**
 * `synckit` (ships `lib/index.d.ts` / `index.d.cts`, one bundled file each).
 *
 * `createSyncFn<T>(workerPath)` returns `Syncify<T>`, declared as
 * `export type Syncify<T extends AnyFn> = (...args: Parameters<T>) => Awaited<ReturnType<T>>`.
 * Calling the returned function blocks the thread (`Atomics.wait`) until the worker answers; its
 * signature resolves to the function type inside the type alias → path 'Syncify'. Creating the
 * function does not block, so `createSyncFn` itself is not listed.
 *
 * `startWorkerThread()` also returns a blocking function, but as an anonymous return type inside the
 * function's own declaration, indistinguishable by path from the (non-blocking) creation call: not listed.
 *
 * `runAsWorker(fn)` runs `fn` in the worker: see `offloadApis` in index.ts.
 */
import { definePackage } from './types.js';

export const synckit = definePackage({
  module: 'synckit',
  docs: 'https://github.com/un-ts/synckit#usage',
  verifiedWith: 'synckit@0.12.3',
  entries: [
    {
      path: 'Syncify',
      category: 'sync-bridge',
      advice: 'inside async code, import and await the worker logic directly instead of the synchronous bridge',
    },
  ],
});
