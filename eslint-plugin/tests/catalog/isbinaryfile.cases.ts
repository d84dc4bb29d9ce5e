import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import { isBinaryFileSync } from 'isbinaryfile';
export async function check(files: string[]) {
  for (const f of files) if (isBinaryFileSync(f)) return f;
}`,
    ids: ['isbinaryfile.isBinaryFileSync'],
  },
  {
    code: `const { isBinaryFileSync } = require('isbinaryfile');
exports.check = async (f) => isBinaryFileSync(f);`,
    ids: ['isbinaryfile.isBinaryFileSync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { isBinaryFile } from 'isbinaryfile';
export async function check(f: string) { return isBinaryFile(f); }`,
];
