import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { deleteSync } from 'del';
export async function clean() { return deleteSync(['dist/**']); }`,
    ids: ['del.deleteSync'],
  },
  {
    code: `const del = require('del');
exports.clean = async () => del.sync(['dist/**']);`,
    ids: ['del.sync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { deleteAsync } from 'del';
export async function clean() { return deleteAsync(['dist/**']); }`,
];
