import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `const symlinkOrCopy = require('symlink-or-copy');
exports.link = async (a, b) => symlinkOrCopy.sync(a, b);`,
    ids: ['symlink-or-copy.sync'],
    filename: 'script.js',
  },
  {
    code: `import { sync } from 'symlink-or-copy';
export async function link(a: string, b: string) { sync(a, b); }`,
    ids: ['symlink-or-copy.sync'],
  },
];

export const valid: string[] = [
  `import symlinkOrCopy from 'symlink-or-copy';
export async function check() { return symlinkOrCopy.canSymlink; }`,
];
