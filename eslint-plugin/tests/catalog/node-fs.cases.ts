import type { CatalogCase } from './types.js';

export const invalid: CatalogCase[] = [
  {
    code: `import fs from 'node:fs';
export async function load(p: string) {
  return fs.readFileSync(p, 'utf8');
}`,
    ids: ['node:fs.readFileSync'],
  },
  {
    code: `import * as fs from 'fs';
export async function load(p: string) {
  fs.accessSync(p);
  return fs.statSync(p).size + fs.lstatSync(p).size;
}`,
    ids: ['node:fs.accessSync', 'node:fs.statSync', 'node:fs.lstatSync'],
  },
  {
    code: `import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
export async function save(dir: string, data: string) {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  writeFileSync(dir + '/out.txt', data);
}`,
    ids: ['node:fs.existsSync', 'node:fs.mkdirSync', 'node:fs.writeFileSync'],
  },
  {
    code: `import { readFileSync as rf } from 'fs';
export const load = async (p: string) => rf(p);`,
    ids: ['node:fs.readFileSync'],
  },
  {
    code: `import fs = require('fs');
export async function list(dir: string) {
  return fs.readdirSync(dir);
}`,
    ids: ['node:fs.readdirSync'],
  },
  {
    code: `const fs = require('node:fs');
exports.load = async function load(p) {
  return fs.readFileSync(p);
};`,
    ids: ['node:fs.readFileSync'],
    filename: 'script.js',
  },
  {
    code: `const { unlinkSync, renameSync } = require('fs');
module.exports = async function move(a, b) {
  renameSync(a, b);
  unlinkSync(a);
};`,
    ids: ['node:fs.renameSync', 'node:fs.unlinkSync'],
    filename: 'script.js',
  },
  {
    code: `export async function load(p: string) {
  const fs = await import('node:fs');
  return fs.readFileSync(p);
}`,
    ids: ['node:fs.readFileSync'],
  },
  {
    code: `export async function load(p: string) {
  const { readFileSync } = await import('fs');
  return readFileSync(p);
}`,
    ids: ['node:fs.readFileSync'],
  },
  {
    code: `export async function load(p: string) {
  const fs = process.getBuiltinModule('fs');
  return fs.readFileSync(p);
}`,
    ids: ['node:fs.readFileSync'],
  },
  {
    code: `import * as fs from 'node:fs';
const read = fs.readFileSync;
export async function load(p: string) {
  return read(p);
}`,
    ids: ['node:fs.readFileSync'],
  },
  {
    code: `import * as fs from 'node:fs';
export async function load(p: string) {
  return fs.readFileSync?.(p);
}`,
    ids: ['node:fs.readFileSync'],
  },
  {
    code: `import * as fs from 'node:fs';
export async function load(p: string) {
  return fs['readFileSync'](p);
}`,
    ids: ['node:fs.readFileSync'],
  },
  {
    code: `import * as fs from 'node:fs';
export async function load(p: string) {
  fs.readFileSync.call(fs, p);
  fs.writeFileSync.apply(fs, [p, 'x']);
}`,
    ids: ['node:fs.readFileSync', 'node:fs.writeFileSync'],
  },
  {
    code: `import { realpathSync } from 'node:fs';
export async function resolve(p: string) {
  return [realpathSync(p), realpathSync.native(p)];
}`,
    ids: ['node:fs.realpathSync', 'node:fs.realpathSync.native'],
  },
  {
    code: `import { opendirSync } from 'node:fs';
export async function first(dir: string) {
  const d = opendirSync(dir);
  const entry = d.readSync();
  d.closeSync();
  return entry;
}`,
    ids: ['node:fs.opendirSync', 'node:fs.Dir#readSync', 'node:fs.Dir#closeSync'],
  },
  {
    code: `import * as fs from 'node:fs';
export async function copy(a: string, b: string) {
  fs.copyFileSync(a, b);
  fs.cpSync(a, b, { recursive: true });
  fs.rmSync(a, { recursive: true });
  fs.rmdirSync(a);
}`,
    ids: ['node:fs.copyFileSync', 'node:fs.cpSync', 'node:fs.rmSync', 'node:fs.rmdirSync'],
  },
  {
    code: `import * as fs from 'node:fs';
export async function meta(p: string) {
  fs.chmodSync(p, 0o644);
  fs.chownSync(p, 0, 0);
  fs.lchmodSync(p, 0o644);
  fs.lchownSync(p, 0, 0);
  fs.utimesSync(p, 0, 0);
  fs.lutimesSync(p, 0, 0);
  fs.truncateSync(p);
  fs.statfsSync(p);
}`,
    ids: [
      'node:fs.chmodSync',
      'node:fs.chownSync',
      'node:fs.lchmodSync',
      'node:fs.lchownSync',
      'node:fs.utimesSync',
      'node:fs.lutimesSync',
      'node:fs.truncateSync',
      'node:fs.statfsSync',
    ],
  },
  {
    code: `import * as fs from 'node:fs';
export async function links(a: string, b: string) {
  fs.linkSync(a, b);
  fs.symlinkSync(a, b);
  fs.readlinkSync(b);
  fs.mkdtempSync('/tmp/x-');
  fs.appendFileSync(a, 'x');
}`,
    ids: ['node:fs.linkSync', 'node:fs.symlinkSync', 'node:fs.readlinkSync', 'node:fs.mkdtempSync', 'node:fs.appendFileSync'],
  },
  {
    code: `import * as fs from 'node:fs';
export async function raw(p: string) {
  const fd = fs.openSync(p, 'r+');
  const buf = Buffer.alloc(16);
  fs.readSync(fd, buf);
  fs.writeSync(fd, buf);
  fs.readvSync(fd, [buf]);
  fs.writevSync(fd, [buf]);
  fs.fstatSync(fd);
  fs.fchmodSync(fd, 0o644);
  fs.fchownSync(fd, 0, 0);
  fs.futimesSync(fd, 0, 0);
  fs.ftruncateSync(fd);
  fs.fsyncSync(fd);
  fs.fdatasyncSync(fd);
  fs.closeSync(fd);
}`,
    ids: [
      'node:fs.openSync',
      'node:fs.readSync',
      'node:fs.writeSync',
      'node:fs.readvSync',
      'node:fs.writevSync',
      'node:fs.fstatSync',
      'node:fs.fchmodSync',
      'node:fs.fchownSync',
      'node:fs.futimesSync',
      'node:fs.ftruncateSync',
      'node:fs.fsyncSync',
      'node:fs.fdatasyncSync',
      'node:fs.closeSync',
    ],
  },
  {
    // fs-extra re-exports node:fs: its readFileSync is node:fs.readFileSync.
    code: `import { readFileSync } from 'fs-extra';
export async function load(p: string) {
  return readFileSync(p, 'utf8');
}`,
    ids: ['node:fs.readFileSync'],
  },
  {
    code: `import * as fs from 'node:fs';
export class Loader {
  async load(p: string) {
    return fs.readFileSync(p);
  }
}`,
    ids: ['node:fs.readFileSync'],
  },
  // Node 22 and 24 additions: declared by @types/node@24.
  {
    code: `import * as fs from 'node:fs';
export async function sources(dir: string) {
  return fs.globSync('**/*.ts', { cwd: dir });
}`,
    ids: ['node:fs.globSync'],
    nodeTypes: 24,
  },
  {
    code: `import { mkdtempDisposableSync } from 'node:fs';
export async function scratch() {
  const dir = mkdtempDisposableSync('/tmp/job-');
  dir.remove();
}`,
    ids: ['node:fs.mkdtempDisposableSync', 'node:fs.DisposableTempDir#remove'],
    nodeTypes: 24,
  },
  {
    code: `import { Utf8Stream } from 'node:fs';
const log = new Utf8Stream({ dest: 'app.log' });
export async function handle() {
  log.write('request');
  log.flushSync();
}`,
    ids: ['node:fs.Utf8Stream#flushSync'],
    nodeTypes: 24,
  },
];

export const valid: (string | CatalogCase)[] = [
  `import { readFile } from 'node:fs/promises';
export async function load(p: string) {
  return readFile(p, 'utf8');
}`,
  `import * as fs from 'node:fs';
export async function load(p: string) {
  return fs.promises.readFile(p);
}`,
  `import * as fs from 'node:fs';
export async function load(p: string) {
  fs.readFile(p, (err, data) => void [err, data]);
}`,
  `import * as fs from 'node:fs';
export function loadSync(p: string) {
  return fs.readFileSync(p);
}`,
  `import * as fs from 'node:fs';
const config = fs.readFileSync('config.json', 'utf8');
export async function get() {
  return config;
}`,
  `const store = { readFileSync: (p: string) => p };
export async function load(p: string) {
  return store.readFileSync(p);
}`,
  `class Cache {
  readFileSync(p: string) { return p; }
}
export async function load(c: Cache, p: string) {
  return c.readFileSync(p);
}`,
  `import { fs } from 'memfs';
export async function load(p: string) {
  return fs.readFileSync(p);
}`,
  `import { vol } from 'memfs';
export async function load(p: string) {
  vol.writeFileSync(p, 'x');
  return vol.readFileSync(p);
}`,
  `import * as fs from 'node:fs';
export async function load(p: string) {
  const d = await fs.promises.opendir(p);
  await d.read();
  await d.close();
}`,
  {
    // `await using` disposes asynchronously; flush(callback) and fs.promises.glob do not block.
    code: `import { Utf8Stream } from 'node:fs';
import { glob, mkdtempDisposable } from 'node:fs/promises';
const log = new Utf8Stream({ dest: 'app.log' });
export async function handle() {
  await using dir = await mkdtempDisposable('/tmp/job-');
  for await (const file of glob('*.ts', { cwd: dir.path })) log.write(file);
  await new Promise((resolve) => log.flush(resolve));
}`,
    ids: [],
    nodeTypes: 24,
  },
];
