import type { CatalogCase } from './types.js';

// What blocks is the wrapper that deasync(fn) returns; it has no path of its own, so the
// deasync(fn) call is reported.
export const invalid: CatalogCase[] = [
  {
    code: `import deasync from 'deasync';
import { readFile } from 'node:fs';
export async function load(p: string) {
  const read = deasync(readFile);
  return read(p);
}`,
    ids: ['deasync.deasync'],
  },
  {
    code: `import deasync = require('deasync');
export async function pause() {
  deasync.sleep(100);
  deasync.runLoopOnce();
  let done = false;
  setTimeout(() => { done = true; }, 10);
  deasync.loopWhile(() => !done);
}`,
    ids: ['deasync.sleep', 'deasync.runLoopOnce', 'deasync.loopWhile'],
  },
  {
    code: `const { sleep } = require('deasync');
exports.pause = async () => sleep(100);`,
    ids: ['deasync.sleep'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { setTimeout as delay } from 'node:timers/promises';
const deasync = { sleep: (ms: number) => ms };
export async function pause() {
  deasync.sleep(100);
  await delay(100);
}`,
];
