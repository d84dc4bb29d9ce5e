import { definePackage } from './types.js';

/**
 * `load-json-file`: `loadJsonFileSync(path)` (v7, ESM) and `loadJsonFile.sync(path)` (v6 and earlier,
 * `export = loadJsonFile`, path 'sync') read and parse a JSON file synchronously.
 */
export const loadJsonFile = definePackage({
  module: 'load-json-file',
  docs: 'https://github.com/sindresorhus/load-json-file#api',
  verifiedWith: 'load-json-file@7.0.1',
  entries: [
    { path: 'loadJsonFileSync', category: 'fs', twin: { module: 'load-json-file', name: 'loadJsonFile', style: 'promise' } },
    { path: 'sync', category: 'fs', twin: { module: 'load-json-file', name: 'default', style: 'promise', label: 'loadJsonFile()' } },
  ],
});
