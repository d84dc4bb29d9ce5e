/**
 * `bcrypt` (native; types: `@types/bcrypt@6`). The async forms run on the libuv thread pool; the
 * `*Sync` forms hash on the calling thread (tens to hundreds of milliseconds per call at cost 10+).
 */
import { definePackage } from './types.js';

const DOCS = 'https://github.com/kelektiv/node.bcrypt.js#api';

export const bcrypt = definePackage({
  module: 'bcrypt',
  docs: DOCS,
  verifiedWith: '@types/bcrypt@6.0.0',
  entries: [
    { path: 'hashSync', category: 'crypto', twin: { module: 'bcrypt', name: 'hash', style: 'promise', rewrite: 'same' } },
    { path: 'compareSync', category: 'crypto', twin: { module: 'bcrypt', name: 'compare', style: 'promise', rewrite: 'same' } },
    { path: 'genSaltSync', category: 'crypto', twin: { module: 'bcrypt', name: 'genSalt', style: 'promise', rewrite: 'same' } },
  ],
});
