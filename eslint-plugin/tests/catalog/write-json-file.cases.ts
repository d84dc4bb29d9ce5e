import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { writeJsonFileSync } from 'write-json-file';
export async function run() { return writeJsonFileSync('x'); }`,
    ids: ['write-json-file.writeJsonFileSync'],
  },
  {
    code: `const writeJsonFile = require('write-json-file');
exports.run = async () => writeJsonFile.sync('x');`,
    ids: ['write-json-file.sync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { writeJsonFile } from 'write-json-file';
export async function run() { return writeJsonFile('x'); }`,
];
