import { definePackage } from './types.js';

/**
 * `resolve@1` (CommonJS; types: `@types/resolve`, where `resolve.sync` is declared `typeof resolveSync`, so a
 * typed call carries both names and 'sync' is found): `resolve.sync(id)` walks node_modules with `fs.*Sync` calls
 * (`statSync`, `readFileSync` of each package.json). `resolve(id, opts, cb)` is the callback twin.
 */
export const resolve = definePackage({
  module: 'resolve',
  docs: 'https://github.com/browserify/resolve#resolvesyncid-opts',
  verifiedWith: 'resolve@1.22.14',
  entries: [{ path: 'sync', category: 'fs', twin: { module: 'resolve', name: 'default', style: 'callback', label: 'resolve(id, opts, callback)' } }],
});
