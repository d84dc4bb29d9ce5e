import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `const which = require('which');
exports.find = async () => which.sync('git', { nothrow: true });`,
    ids: ['which.sync'],
    filename: 'script.js',
  },
  {
    code: `import which from 'which';
export async function find() { return which.sync('git'); }`,
    ids: ['which.sync'],
  },
];

export const valid: string[] = [
  `import which from 'which';
export async function find() { return which('git'); }`,
];
