/**
 * `node:crypto`: key derivation, key/prime generation and the overloads that run on the calling
 * thread when no callback is passed.
 *
 * Considered and left out (sync-only in `crypto.d.ts`, but not heavy enough to report by default):
 * - `diffieHellman()`, `publicEncrypt()`/`privateDecrypt()`, `sign`/`verify` objects, `hash()`:
 *   one asymmetric operation or one digest, well under a millisecond to a few milliseconds.
 * - `createDiffieHellman(primeLength)` generates a prime synchronously and IS heavy, but the same
 *   function is cheap when given a prime; overloads cannot be told apart by a callback, so it is
 *   not listed (precision first).
 * - `randomUUID()`, `getRandomValues()`: small, from a pre-filled entropy cache.
 * - `encapsulate()`/`decapsulate()` (Node 24.7) without a callback: one key-encapsulation operation, like
 *   `publicEncrypt()`.
 *
 * `argon2Sync` (Node 24.7) matches with types from `@types/node@24` on, and by import without.
 */
import { definePackage, type AsyncTwin, type TwinRewrite } from './types.js';

const DOCS = 'https://nodejs.org/api/crypto.html';

const callback = (name: string, rewrite?: TwinRewrite): AsyncTwin => ({
  module: 'node:crypto',
  name,
  style: 'callback',
  label: `crypto.${name}`,
  ...(rewrite && { rewrite }),
});

export const nodeCrypto = definePackage({
  module: 'node:crypto',
  aliases: ['crypto'],
  docs: DOCS,
  verifiedWith: '@types/node@20.19.43 and @types/node@24.19.4',
  entries: [
    { path: 'pbkdf2Sync', category: 'crypto', twin: callback('pbkdf2', 'same'), docs: `${DOCS}#cryptopbkdf2syncpassword-salt-iterations-keylen-digest` },
    { path: 'scryptSync', category: 'crypto', twin: callback('scrypt'), docs: `${DOCS}#cryptoscryptsyncpassword-salt-keylen-options` },
    { path: 'randomFillSync', category: 'crypto', twin: callback('randomFill'), docs: `${DOCS}#cryptorandomfillsyncbuffer-offset-size` },
    { path: 'generateKeyPairSync', category: 'crypto', twin: callback('generateKeyPair'), docs: `${DOCS}#cryptogeneratekeypairsynctype-options` },
    { path: 'generateKeySync', category: 'crypto', twin: callback('generateKey'), docs: `${DOCS}#cryptogeneratekeysynctype-options` },
    { path: 'generatePrimeSync', category: 'crypto', twin: callback('generatePrime'), docs: `${DOCS}#cryptogenerateprimesyncsize-options` },
    { path: 'checkPrimeSync', category: 'crypto', twin: callback('checkPrime'), docs: `${DOCS}#cryptocheckprimesynccandidate-options` },
    { path: 'hkdfSync', category: 'crypto', twin: callback('hkdf', 'same'), docs: `${DOCS}#cryptohkdfsyncdigest-ikm-salt-info-keylen` },
    // A memory-hard password hash: by design it takes tens of milliseconds and megabytes.
    { path: 'argon2Sync', category: 'crypto', twin: callback('argon2', 'same'), docs: `${DOCS}#cryptoargon2syncalgorithm-parameters` },
    // Overloaded: `randomBytes(size)` is synchronous, `randomBytes(size, callback)` uses the thread pool.
    { path: 'randomBytes', category: 'crypto', onlyWithoutCallback: true, twin: callback('randomBytes', 'same'), docs: `${DOCS}#cryptorandombytessize-callback` },
    // Deprecated, undocumented alias of randomBytes with the same two overloads.
    { path: 'pseudoRandomBytes', category: 'crypto', onlyWithoutCallback: true, twin: callback('randomBytes') },
    { path: 'randomInt', category: 'crypto', onlyWithoutCallback: true, twin: callback('randomInt'), docs: `${DOCS}#cryptorandomintmin-max-callback` },
    { path: 'sign', category: 'crypto', onlyWithoutCallback: true, twin: callback('sign'), docs: `${DOCS}#cryptosignalgorithm-data-key-callback` },
    { path: 'verify', category: 'crypto', onlyWithoutCallback: true, twin: callback('verify'), docs: `${DOCS}#cryptoverifyalgorithm-data-key-signature-callback` },
  ],
});
