import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { pathExistsSync } from 'path-exists';
export async function run() { return pathExistsSync('x'); }`,
    ids: ['path-exists.pathExistsSync'],
  },
  {
    code: `const pathExists = require('path-exists');
exports.run = async () => pathExists.sync('x');`,
    ids: ['path-exists.sync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { pathExists } from 'path-exists';
export async function run() { return pathExists('x'); }`,
];
