/**
 * CommonJS helpers of a typed program (`allowJs`): `exports.f = function`, `module.exports = { f }`, `utils.f = …`
 * on an object that is then exported, called through `require('./utils').f`, a destructured `require` or a module
 * object — from `.js` / `.cjs` files, which the type checker binds as CommonJS, and from `.ts` files, where
 * `require()` is typed `any`.
 */
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-indirect-blocking-call.js';
import { typedRuleTester } from '../util/rule-tester.js';

const indirect = (helper: string, chain: string) => ({
  messageId: 'indirectBlockingCall' as const,
  data: {
    api: `${helper}()`,
    context: 'inside async function `main`',
    chain,
    remedy: 'make the chain async with `fs.promises.readFile`',
  },
});
const readToken = indirect('readToken', 'readToken → fs.readFileSync (indirect-cjs-exports.js:5)');
const readLock = indirect('readLock', 'readLock → fs.readFileSync (indirect-cjs-exports.js:8)');
const readConfig = indirect('readConfig', 'readConfig → fs.readFileSync (indirect-cjs-object.js:5)');
const readSecret = indirect('readSecret', 'readSecret → fs.readFileSync (indirect-cjs-object.js:8)');
const readBoth = indirect('readBoth', 'readBoth → readConfig → fs.readFileSync (indirect-cjs-object.js:5)');
const readManifest = indirect('readManifest', 'readManifest → fs.readFileSync (indirect-cjs-namespace.js:7)');

/** The same calls from a `.js` file, a `.cjs` file and a `.ts` file. */
function inEveryFileKind(name: string, code: string, errors: InvalidTestCase<MessageIds, Options>['errors']): InvalidTestCase<MessageIds, Options>[] {
  return [
    { name: `${name} (.js)`, code, filename: 'script.js', errors },
    { name: `${name} (.cjs)`, code, filename: 'script.cjs', errors },
    { name: `${name} (.ts)`, code: code.replace('async function main', 'export async function main'), filename: 'file.ts', errors },
  ];
}

typedRuleTester().run('no-indirect-blocking-call (CommonJS helpers)', rule, {
  valid: [
    // @nonblocking, work deferred to a timer, an async helper, a helper that does not block
    `const helpers = require('./indirect-cjs-exports.js');
     async function main() { return [helpers.readPid(), helpers.readLater(), helpers.readAsync()]; }`,
    {
      code: `const { readPid, readLater } = require('./indirect-cjs-exports.js');
             const utils = require('./indirect-cjs-namespace.js');
             export async function main() { return [readPid(), readLater(), utils.size('x')]; }`,
      filename: 'file.ts',
    },
  ].map((test) => (typeof test === 'string' ? { code: test, filename: 'script.js' } : test)),
  invalid: [
    ...inEveryFileKind(
      '`exports.f = function` and `exports.f = () => …`, destructured',
      `const { readToken, readLock } = require('./indirect-cjs-exports.js');
async function main() { return [readToken(), readLock('lock')]; }`,
      [readToken, readLock],
    ),
    ...inEveryFileKind(
      '`exports.f`, through the module object and through `require(…).f`',
      `const helpers = require('./indirect-cjs-exports.js');
async function main() { return [helpers.readToken(), require('./indirect-cjs-exports.js').readLock('lock')]; }`,
      [readToken, readLock],
    ),
    ...inEveryFileKind(
      '`module.exports = { f, g, h() {} }`',
      `const config = require('./indirect-cjs-object.js');
const { readSecret } = require('./indirect-cjs-object.js');
async function main() { return [config.readConfig(), readSecret(), config.readBoth()]; }`,
      [readConfig, readSecret, readBoth],
    ),
    ...inEveryFileKind(
      '`utils.f = function` on an object that is then exported',
      `const utils = require('./indirect-cjs-namespace.js');
async function main() { return utils.readManifest(); }`,
      [readManifest],
    ),
    {
      name: 'a helper of the same file on `exports`',
      code: `const fs = require('node:fs');
exports.readRaw = function () { return fs.readFileSync('raw'); };
exports.readText = () => exports.readRaw().toString();
async function main() { return exports.readText(); }`,
      filename: 'script.js',
      errors: [indirect('readText', 'readText → readRaw → fs.readFileSync (script.js:2)')],
    },
  ],
});
