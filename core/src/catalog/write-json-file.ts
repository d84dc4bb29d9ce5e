import { definePackage } from './types.js';

/**
 * `write-json-file`: `writeJsonFileSync(path, data)` (v5 and later, ESM) and `writeJsonFile.sync(path, data)`
 * (v4 and earlier, `export = writeJsonFile`, path 'sync') create the directory and write the file synchronously.
 */
export const writeJsonFile = definePackage({
  module: 'write-json-file',
  docs: 'https://github.com/sindresorhus/write-json-file#api',
  verifiedWith: 'write-json-file@7.0.0',
  entries: [
    { path: 'writeJsonFileSync', category: 'fs', twin: { module: 'write-json-file', name: 'writeJsonFile', style: 'promise' } },
    { path: 'sync', category: 'fs', twin: { module: 'write-json-file', name: 'default', style: 'promise', label: 'writeJsonFile()' } },
  ],
});
