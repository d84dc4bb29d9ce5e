import type { CatalogCase } from './types.js';

// `sync`, `glob.sync`, `sync.stream`, … are declared `typeof globSync` etc.: resolving the signature
// lands on the original function first, so they are reported under its id.
export const invalid: CatalogCase[] = [
  {
    code: `import { globSync } from 'glob';
export async function files() {
  return globSync('**/*.ts', { ignore: 'node_modules/**' });
}`,
    ids: ['glob.globSync'],
  },
  {
    code: `import { glob, sync } from 'glob';
export async function files() {
  return [sync('*.ts'), glob.sync('*.js'), glob.globSync('*.md')];
}`,
    ids: ['glob.globSync', 'glob.globSync', 'glob.globSync'],
  },
  {
    code: `import * as g from 'glob';
export async function files() {
  g.globStreamSync('*', {});
  g.streamSync('*', {});
  g.sync.stream('*', {});
  g.stream.sync('*', {});
  g.globIterateSync('*');
  g.iterateSync('*');
  g.sync.iterate('*');
  g.iterate.sync('*');
}`,
    ids: [
      'glob.globStreamSync',
      'glob.globStreamSync',
      'glob.globStreamSync',
      'glob.globStreamSync',
      'glob.globIterateSync',
      'glob.globIterateSync',
      'glob.globIterateSync',
      'glob.globIterateSync',
    ],
  },
  {
    code: `import { Glob } from 'glob';
export async function files() {
  const g = new Glob('**/*', {});
  g.walkSync();
  g.streamSync();
  for (const f of g.iterateSync()) void f;
}`,
    ids: ['glob.Glob#walkSync', 'glob.Glob#streamSync', 'glob.Glob#iterateSync'],
  },
  {
    code: `import { globSync } from 'glob';
export async function files() {
  return globSync('*');
}`,
    ids: ['glob.globSync'],
    filename: 'file.mts',
  },
  {
    code: `const { sync } = require('glob');
exports.files = async () => sync('*');`,
    ids: ['glob.globSync'],
    filename: 'script.js',
  },
];

export const valid: string[] = [
  `import { glob, globIterate, globStream, Glob } from 'glob';
export async function files() {
  const a = await glob('**/*.ts');
  for await (const f of globIterate('*')) void f;
  globStream('*');
  const g = new Glob('*', {});
  await g.walk();
  for await (const f of g) void f;
  return a;
}`,
  `import { hasMagic, escape } from 'glob';
export async function check(p: string) {
  return hasMagic(p) ? escape(p) : p;
}`,
];
