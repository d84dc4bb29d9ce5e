import { definePackage } from './types.js';

/**
 * `path-exists`: `pathExistsSync(path)` (v5, ESM) and `pathExists.sync(path)` (v4 and earlier,
 * `export = pathExists`, path 'sync') call `fs.accessSync`.
 */
export const pathExists = definePackage({
  module: 'path-exists',
  docs: 'https://github.com/sindresorhus/path-exists#api',
  verifiedWith: 'path-exists@5.0.0',
  entries: [
    { path: 'pathExistsSync', category: 'fs', twin: { module: 'path-exists', name: 'pathExists', style: 'promise' } },
    { path: 'sync', category: 'fs', twin: { module: 'path-exists', name: 'default', style: 'promise', label: 'pathExists()' } },
  ],
});
