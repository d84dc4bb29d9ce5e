import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { makeDirectorySync } from 'make-dir';
export async function prepare(dir: string) { return makeDirectorySync(dir); }`,
    ids: ['make-dir.makeDirectorySync'],
  },
  {
    code: `const makeDir = require('make-dir');
exports.prepare = async (dir) => makeDir.sync(dir);`,
    ids: ['make-dir.sync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { makeDirectory } from 'make-dir';
export async function prepare(dir: string) { return makeDirectory(dir); }`,
];
