import { definePackage } from './types.js';

/**
 * `find-up`: v6 and later (ESM) export `findUpSync`, `findUpMultipleSync` (v6+), `findDownSync` (v8) and, in v6
 * and v7, `pathExistsSync`; v5 and earlier (`export = findUp` over `declare const findUp: { sync: {…; exists} }`)
 * have `findUp.sync(name)` and `findUp.sync.exists(path)`. All walk or stat the file system synchronously.
 */
const DOCS = 'https://github.com/sindresorhus/find-up';
const twin = (name: string, label?: string) => ({ module: 'find-up', name, style: 'promise' as const, ...(label && { label }) });
const V5 = `${DOCS}/tree/v5.0.0#findupsyncname-options`;

export const findUp = definePackage({
  module: 'find-up',
  docs: `${DOCS}#api`,
  verifiedWith: 'find-up@8.0.0',
  entries: [
    { path: 'findUpSync', category: 'fs', twin: twin('findUp') },
    { path: 'findUpMultipleSync', category: 'fs', twin: twin('findUpMultiple') },
    { path: 'findDownSync', category: 'fs', twin: twin('findDown') },
    { path: 'pathExistsSync', category: 'fs', twin: twin('pathExists') },
    { path: 'sync', category: 'fs', twin: twin('default', 'findUp()'), docs: V5 },
    { path: 'sync.exists', category: 'fs', twin: twin('exists', 'findUp.exists()'), docs: V5 },
  ],
});
