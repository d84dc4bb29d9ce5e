import { definePackage } from './types.js';

/**
 * `which` (CommonJS; types: `@types/which`, `export = which` with `which.sync`): `which.sync(cmd)` stats every
 * PATH entry synchronously. `which(cmd)` returns a promise since v2.
 */
export const which = definePackage({
  module: 'which',
  docs: 'https://github.com/npm/node-which#usage',
  verifiedWith: 'which@7.0.0',
  entries: [{ path: 'sync', category: 'fs', twin: { module: 'which', name: 'default', style: 'promise', label: 'which()' } }],
});
