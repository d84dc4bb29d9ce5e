import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import bcrypt from 'bcrypt';
export async function register(pw: string) {
  const salt = bcrypt.genSaltSync(12);
  return bcrypt.hashSync(pw, salt);
}`,
    ids: ['bcrypt.genSaltSync', 'bcrypt.hashSync'],
  },
  {
    code: `import { compareSync as check } from 'bcrypt';
export const login = async (pw: string, hash: string) => check(pw, hash);`,
    ids: ['bcrypt.compareSync'],
  },
  {
    code: `const bcrypt = require('bcrypt');
exports.login = async (pw, hash) => bcrypt.compareSync(pw, hash);`,
    ids: ['bcrypt.compareSync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import bcrypt from 'bcrypt';
export async function register(pw: string) {
  const hash = await bcrypt.hash(pw, await bcrypt.genSalt(12));
  return bcrypt.compare(pw, hash);
}`,
  `import bcrypt from 'bcrypt';
export async function register(pw: string) {
  bcrypt.hash(pw, 12, (err, hash) => void [err, hash]);
}`,
  `import bcrypt from 'bcrypt';
export function registerSync(pw: string) {
  return bcrypt.hashSync(pw, 12);
}`,
];
