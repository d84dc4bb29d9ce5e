import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import bcrypt from 'bcryptjs';
export async function register(pw: string) {
  return bcrypt.hashSync(pw, bcrypt.genSaltSync(10));
}`,
    ids: ['bcryptjs.hashSync', 'bcryptjs.genSaltSync'],
  },
  {
    code: `import * as bcrypt from 'bcryptjs';
export async function login(pw: string, hash: string) {
  return bcrypt.compareSync(pw, hash);
}`,
    ids: ['bcryptjs.compareSync'],
  },
  {
    code: `import { hashSync } from 'bcryptjs';
export async function register(pw: string) {
  return hashSync(pw, 10);
}`,
    ids: ['bcryptjs.hashSync'],
    filename: 'file.mts',
  },
  {
    code: `const { compareSync } = require('bcryptjs');
exports.login = async (pw, hash) => compareSync(pw, hash);`,
    ids: ['bcryptjs.compareSync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import bcrypt from 'bcryptjs';
export async function register(pw: string) {
  const hash = await bcrypt.hash(pw, await bcrypt.genSalt(10));
  return bcrypt.compare(pw, hash);
}`,
  `import bcrypt from 'bcryptjs';
export async function register(pw: string) {
  bcrypt.hash(pw, 10, (err, hash) => void [err, hash]);
  return [bcrypt.getRounds('x'), bcrypt.truncates(pw)];
}`,
];
