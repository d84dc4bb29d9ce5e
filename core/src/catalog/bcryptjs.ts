/**
 * `bcryptjs@3` (pure JS, ships its own types). The declarations live in `types.d.ts` (ESM entry,
 * re-exported by `index.d.ts`) and in the identical `umd/types.d.ts` (CommonJS entry,
 * `umd/index.d.ts` does `export = bcrypt` of `import * as bcrypt from "./types.js"`); the declaring
 * file has no `export =`, so paths are the plain function names either way.
 * The async forms yield to the event loop between rounds; the `*Sync` forms do not.
 */
import { definePackage } from './types.js';

const DOCS = 'https://github.com/dcodeIO/bcrypt.js#usage---sync';

export const bcryptjs = definePackage({
  module: 'bcryptjs',
  docs: DOCS,
  verifiedWith: 'bcryptjs@3.0.3',
  entries: [
    { path: 'hashSync', category: 'crypto', twin: { module: 'bcryptjs', name: 'hash', style: 'promise', rewrite: 'same' } },
    { path: 'compareSync', category: 'crypto', twin: { module: 'bcryptjs', name: 'compare', style: 'promise', rewrite: 'same' } },
    { path: 'genSaltSync', category: 'crypto', twin: { module: 'bcryptjs', name: 'genSalt', style: 'promise', rewrite: 'same' } },
  ],
});
