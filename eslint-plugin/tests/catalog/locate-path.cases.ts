import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { locatePathSync } from 'locate-path';
export async function run() { return locatePathSync('x'); }`,
    ids: ['locate-path.locatePathSync'],
  },
  {
    code: `const locatePath = require('locate-path');
exports.run = async () => locatePath.sync('x');`,
    ids: ['locate-path.sync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { locatePath } from 'locate-path';
export async function run() { return locatePath('x'); }`,
];
