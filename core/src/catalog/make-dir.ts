import { definePackage } from './types.js';

/**
 * `make-dir`: `makeDirectorySync(path)` (v4 and later, ESM) and `makeDir.sync(path)` (v3 and earlier,
 * `export = makeDir`, so the path is 'sync') create the directory and its parents synchronously.
 */
const TWIN = { module: 'node:fs/promises', name: 'mkdir', style: 'promise', label: 'fs.promises.mkdir(path, { recursive: true })' } as const;

export const makeDir = definePackage({
  module: 'make-dir',
  docs: 'https://github.com/sindresorhus/make-dir#api',
  verifiedWith: 'make-dir@5.1.0',
  entries: [
    { path: 'makeDirectorySync', category: 'fs', twin: TWIN },
    { path: 'sync', category: 'fs', twin: TWIN, docs: 'https://github.com/sindresorhus/make-dir/tree/v3.1.0#makedirsyncpath-options' },
  ],
});
