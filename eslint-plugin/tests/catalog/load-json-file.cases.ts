import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { loadJsonFileSync } from 'load-json-file';
export async function run() { return loadJsonFileSync('x'); }`,
    ids: ['load-json-file.loadJsonFileSync'],
  },
  {
    code: `const loadJsonFile = require('load-json-file');
exports.run = async () => loadJsonFile.sync('x');`,
    ids: ['load-json-file.sync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { loadJsonFile } from 'load-json-file';
export async function run() { return loadJsonFile('x'); }`,
];
