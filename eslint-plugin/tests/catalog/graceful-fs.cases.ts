import type { CatalogCase } from './types.js';

// graceful-fs re-exports node:fs: its sync functions are node:fs's.
export const invalid: CatalogCase[] = [
  {
    code: `import fs from 'graceful-fs';
export async function read(p: string) {
  fs.statSync(p);
  return fs.readFileSync(p, 'utf8');
}`,
    ids: ['node:fs.statSync', 'node:fs.readFileSync'],
  },
  {
    code: `const fs = require('graceful-fs');
exports.write = async (p) => fs.writeFileSync(p, 'x');`,
    ids: ['node:fs.writeFileSync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import fs from 'graceful-fs';
export async function read(p: string) {
  fs.readFile(p, () => {});
  return fs.promises.readFile(p, 'utf8');
}`,
];
