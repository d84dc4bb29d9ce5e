import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { pbkdf2Sync, scryptSync } from 'node:crypto';
export async function derive(pw: string, salt: string) {
  return [pbkdf2Sync(pw, salt, 100_000, 64, 'sha512'), scryptSync(pw, salt, 64)];
}`,
    ids: ['node:crypto.pbkdf2Sync', 'node:crypto.scryptSync'],
  },
  {
    code: `import * as crypto from 'crypto';
export async function token() {
  return crypto.randomBytes(32).toString('hex');
}`,
    ids: ['node:crypto.randomBytes'],
  },
  {
    code: `import crypto from 'node:crypto';
export async function keys() {
  crypto.generateKeyPairSync('ed25519');
  crypto.generateKeySync('hmac', { length: 256 });
  const prime = crypto.generatePrimeSync(128);
  crypto.checkPrimeSync(prime);
  crypto.randomFillSync(new Uint8Array(16));
  crypto.hkdfSync('sha256', 'key', 'salt', 'info', 64);
}`,
    ids: [
      'node:crypto.generateKeyPairSync',
      'node:crypto.generateKeySync',
      'node:crypto.generatePrimeSync',
      'node:crypto.checkPrimeSync',
      'node:crypto.randomFillSync',
      'node:crypto.hkdfSync',
    ],
  },
  {
    code: `import { randomInt, sign, verify, generateKeyPairSync } from 'node:crypto';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
export async function roundTrip(data: Buffer) {
  const n = randomInt(10);
  const signature = sign(null, data, privateKey);
  return verify(null, data, publicKey, signature) && n;
}`,
    ids: ['node:crypto.randomInt', 'node:crypto.sign', 'node:crypto.verify'],
  },
  {
    code: `import { pseudoRandomBytes } from 'node:crypto';
export async function legacy() {
  return pseudoRandomBytes(8);
}`,
    ids: ['node:crypto.pseudoRandomBytes'],
  },
  {
    code: `const { scryptSync: scrypt } = require('crypto');
exports.derive = async (pw, salt) => scrypt(pw, salt, 64);`,
    ids: ['node:crypto.scryptSync'],
    filename: 'script.js',
  },
  {
    code: `export async function derive(pw: string) {
  const crypto = await import('node:crypto');
  return crypto.pbkdf2Sync.call(null, pw, 'salt', 1000, 32, 'sha256');
}`,
    ids: ['node:crypto.pbkdf2Sync'],
  },
  {
    code: `import { argon2Sync } from 'node:crypto';
export async function hashPassword(password: string) {
  return argon2Sync('argon2id', { message: password, nonce: Buffer.alloc(16), parallelism: 4, tagLength: 64, memory: 65536, passes: 3 });
}`,
    ids: ['node:crypto.argon2Sync'],
    nodeTypes: 24,
  },
];

export const valid: (string | CatalogCase)[] = [
  `import { randomBytes, randomInt, pbkdf2, scrypt } from 'node:crypto';
export async function withCallbacks() {
  randomBytes(32, (err, buf) => void [err, buf]);
  randomInt(10, (err, n) => void [err, n]);
  pbkdf2('pw', 'salt', 1000, 32, 'sha256', () => {});
  scrypt('pw', 'salt', 64, () => {});
}`,
  `import { sign, verify, generateKeyPairSync } from 'node:crypto';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
export async function withCallbacks(data: Buffer) {
  sign(null, data, privateKey, (err, sig) => {
    verify(null, data, publicKey, sig, () => void err);
  });
}`,
  `import { promisify } from 'node:util';
import { scrypt, randomUUID, createHash } from 'node:crypto';
export async function derive(pw: string) {
  const key = await promisify(scrypt)(pw, 'salt', 64);
  return [key, randomUUID(), createHash('sha256').update(pw).digest('hex')];
}`,
  `export async function webCrypto(data: ArrayBuffer) {
  return crypto.subtle.digest('SHA-256', data);
}`,
  {
    code: `import { argon2 } from 'node:crypto';
import { promisify } from 'node:util';
export async function hashPassword(password: string) {
  return promisify(argon2)('argon2id', { message: password, nonce: Buffer.alloc(16), parallelism: 4, tagLength: 64, memory: 65536, passes: 3 });
}`,
    ids: [],
    nodeTypes: 24,
  },
];
