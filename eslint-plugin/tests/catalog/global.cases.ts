import type { CatalogCase } from './types.js';

// 'console' and 'module-loading' are opt-in categories: these cases assume every category is enabled.
export const invalid: CatalogCase[] = [
  {
    code: `export async function wait(shared: SharedArrayBuffer) {
  Atomics.wait(new Int32Array(shared), 0, 0);
}`,
    ids: ['global.Atomics#wait'],
  },
  {
    code: `export async function load(name: string) {
  return require(name);
}`,
    ids: ['global.require'],
  },
  {
    code: `exports.load = async (name) => require(name);`,
    ids: ['global.require'],
    filename: 'script.js',
  },
  {
    code: `export async function report(rows: object[]) {
  console.log('rows', rows.length);
  console.info('info');
  console.warn('warn');
  console.error('error');
  console.debug('debug');
  console.trace('trace');
  console.dir(rows);
  console.dirxml(rows);
  console.table(rows);
  console.timeLog('t');
  console.timeEnd('t');
}`,
    ids: [
      'global.Console#log',
      'global.Console#info',
      'global.Console#warn',
      'global.Console#error',
      'global.Console#debug',
      'global.Console#trace',
      'global.Console#dir',
      'global.Console#dirxml',
      'global.Console#table',
      'global.Console#timeLog',
      'global.Console#timeEnd',
    ],
  },
  {
    code: `const log = console.log;
export const handler = async () => {
  log('hi');
  globalThis.console.error('x');
};`,
    ids: ['global.Console#log', 'global.Console#error'],
  },
  {
    code: `import { Console } from 'node:console';
const logger = new Console(process.stdout);
export async function report() {
  logger.log('x');
}`,
    ids: ['global.Console#log'],
  },
];

export const valid: string[] = [
  `import { Effect } from 'effect';
export async function run() {
  return Effect.runSync(Effect.succeed(1));
}`,
  `export async function notify(shared: SharedArrayBuffer) {
  Atomics.notify(new Int32Array(shared), 0);
  Atomics.load(new Int32Array(shared), 0);
}`,
  `import { createRequire } from 'node:module';
const req = createRequire(__filename);
const pkg = require('./package.json');
export async function version() {
  return [pkg, req.resolve.paths('x')];
}`,
  `const logger = { log: (msg: string) => msg, error: (msg: string) => msg };
export async function report() {
  logger.log('x');
  logger.error('y');
}`,
  `export function report() {
  console.log('sync code may log');
}`,
  `export async function load(name: string) {
  return import(name);
}`,
];
