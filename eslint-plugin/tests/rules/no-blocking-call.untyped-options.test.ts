/**
 * `allow` and `deny` without type information: matched by where import tracking finds an API (its module and path),
 * like the typed detector matches a declaration's origin. Bare names and `{ from: 'file' }` entries need types.
 */
import rule from '../../src/rules/no-blocking-call.js';
import { untypedRuleTester } from '../util/rule-tester.js';

const denied = (api: string, context = 'inside async function `f`') => ({
  messageId: 'blockingCall' as const,
  data: { api, context, remedy: 'it is listed as blocking in the `deny` option' },
});

untypedRuleTester().run('no-blocking-call (allow and deny, untyped)', rule, {
  valid: [
    {
      code: `import { readFileSync } from 'node:fs'; export async function f() { return readFileSync('x'); }`,
      options: [{ allow: [{ from: 'package', package: 'fs', name: 'readFileSync' }] }],
    },
    {
      code: `const fs = require('fs'); module.exports = async function f() { return fs.readFileSync('x'); };`,
      languageOptions: { globals: { require: 'readonly', module: 'writable' } },
      options: [{ allow: ['readFileSync'] }],
    },
    {
      code: `import { Effect } from 'effect'; export async function f() { return Effect.runSync(Effect.succeed(1)); }`,
      options: [{ deny: [{ from: 'package', package: 'effect', name: 'Effect.runAsync' }] }],
    },
    // A project function: only type information says where a call's declaration is.
    {
      code: `function slowHash(s: string) { return s; } export async function f() { return slowHash('x'); }`,
      options: [{ deny: [{ from: 'file', name: 'slowHash' }] }],
    },
  ],
  invalid: [
    {
      code: `import { readFileSync, statSync } from 'node:fs'; export async function f() { return [readFileSync('x'), statSync('x')]; }`,
      options: [{ allow: [{ from: 'package', package: 'node:fs', name: 'readFileSync' }] }],
      errors: [{ messageId: 'blockingCall', data: { api: 'fs.statSync', context: 'inside async function `f`', remedy: 'use `fs.promises.stat`' } }],
    },
    {
      code: `import { Effect } from 'effect'; export async function f() { return Effect.runSync(Effect.succeed(1)); }`,
      options: [{ deny: [{ from: 'package', package: 'effect', name: 'Effect.runSync' }] }],
      errors: [denied('effect.Effect.runSync')],
    },
    {
      code: `const { execaSync } = require('execa'); module.exports = async function f() { return execaSync('ls'); };`,
      languageOptions: { globals: { require: 'readonly', module: 'writable' } },
      options: [{ categories: { process: false }, deny: [{ from: 'package', package: 'execa', name: 'execaSync' }] }],
      errors: [denied('execa.execaSync')],
    },
    {
      code: `export async function f(text: string) { return JSON.parse(text); }`,
      options: [{ deny: [{ from: 'lib', name: 'JSON.parse' }] }],
      errors: [denied('JSON.parse')],
    },
  ],
});
