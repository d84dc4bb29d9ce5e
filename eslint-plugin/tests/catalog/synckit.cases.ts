import type { CatalogCase } from './types.js';

// Calls of the function made by createSyncFn resolve to `type Syncify<T> = (...args) => …`.
export const invalid: CatalogCase[] = [
  {
    code: `import { createSyncFn } from 'synckit';
const format = createSyncFn<(code: string) => Promise<string>>(require.resolve('./worker'));
export async function run(code: string) {
  return format(code);
}`,
    ids: ['synckit.Syncify'],
  },
  {
    code: `import { createSyncFn, type Syncify } from 'synckit';
export async function run(code: string) {
  const format: Syncify<(code: string) => Promise<string>> = createSyncFn(new URL('worker.js', 'file:///x/'));
  return format(code);
}`,
    ids: ['synckit.Syncify'],
  },
];

export const valid: string[] = [
  `import { createSyncFn } from 'synckit';
export async function setup() {
  return createSyncFn<() => Promise<void>>('./worker.js');
}`,
  `import { runAsWorker } from 'synckit';
import * as fs from 'node:fs';
runAsWorker(async (file: string) => fs.readFileSync(file, 'utf8'));`,
];
