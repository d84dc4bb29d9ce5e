import { definePackage } from './types.js';

/**
 * `isbinaryfile@6` (ships `lib/index.d.ts`; the same two exports since v4): `isBinaryFileSync(file)` opens
 * and reads the start of the file synchronously when given a path; `isBinaryFile` is its promise twin.
 */
export const isbinaryfile = definePackage({
  module: 'isbinaryfile',
  docs: 'https://github.com/gjtorikian/isBinaryFile#usage',
  verifiedWith: 'isbinaryfile@6.0.0',
  entries: [{ path: 'isBinaryFileSync', category: 'fs', twin: { module: 'isbinaryfile', name: 'isBinaryFile', style: 'promise' } }],
});
