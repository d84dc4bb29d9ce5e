import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import tmp from 'tmp';
export async function scratch() {
  return [tmp.fileSync(), tmp.dirSync({ unsafeCleanup: true }), tmp.tmpNameSync()];
}`,
    ids: ['tmp.fileSync', 'tmp.dirSync', 'tmp.tmpNameSync'],
  },
  {
    code: `const { fileSync } = require('tmp');
exports.scratch = async () => fileSync().name;`,
    ids: ['tmp.fileSync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import tmp from 'tmp';
export async function scratch() {
  tmp.setGracefulCleanup();
  tmp.file((err: unknown, name: string) => void name);
}`,
];
