import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `const resolve = require('resolve');
exports.locate = async (id) => resolve.sync(id, { basedir: process.cwd() });`,
    ids: ['resolve.sync'],
    filename: 'script.js',
  },
  {
    code: `import resolve from 'resolve';
export async function locate(id: string) { return resolve.sync(id); }`,
    ids: ['resolve.sync'],
  },
];

export const valid: string[] = [
  `import resolve from 'resolve';
export async function locate(id: string) { resolve(id, () => {}); }`,
];
