import { definePackage } from './types.js';

/**
 * `del`: `deleteSync(patterns)` (v7 and later, ESM) and `del.sync(patterns)` (v6 and earlier, `export = del`,
 * path 'sync') glob and delete synchronously.
 */
const DOCS = 'https://github.com/sindresorhus/del';

export const del = definePackage({
  module: 'del',
  docs: `${DOCS}#api`,
  verifiedWith: 'del@9.0.1',
  entries: [
    { path: 'deleteSync', category: 'fs', twin: { module: 'del', name: 'deleteAsync', style: 'promise' } },
    { path: 'sync', category: 'fs', twin: { module: 'del', name: 'default', style: 'promise', label: 'del()' }, docs: `${DOCS}/tree/v6.1.1#delsyncpatterns-options` },
  ],
});
