/**
 * Code as people write it: CommonJS `require` with ESLint's default `sourceType` (a `.js` file parsed as an ES
 * module, where `require` is no declared global), and, with type information, callees the type checker gives no
 * declaration for (`require` in a `.ts` / `.cts` file, a package without types): found by import tracking.
 */
import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-blocking-call.js';
import indirect from '../../src/rules/no-indirect-blocking-call.js';
import { typedRuleTester, untypedRuleTester } from '../util/rule-tester.js';

const blocking = (api: string, context: string, remedy: string) => ({ messageId: 'blockingCall' as const, data: { api, context, remedy } });
const readFileSyncIn = (context: string) => blocking('fs.readFileSync', context, 'use `fs.promises.readFile`');
const twin = (label: string, output: string) => ({ messageId: 'suggestAsyncTwin' as const, data: { title: `Use the async API \`${label}\`` }, output });
const worker = (label: string, output: string) => ({ messageId: 'suggestWorker' as const, data: { title: `Run \`${label}\` in a worker thread` }, output });

// No `globals`, no `sourceType`: the defaults a new user has.
untypedRuleTester().run('no-blocking-call (CommonJS, untyped, default sourceType)', rule, {
  valid: [
    // `require` is a binding of the file: not Node's
    `function require(m) { return { readFileSync: () => m }; } async function f() { return require('fs').readFileSync('x'); }`,
    `async function f(require) { return require('fs').readFileSync('x'); }`,
    // a module the catalog has no blocking API of
    `const path = require('path'); async function f() { return path.join('a', 'b'); }`,
    // not in async code
    `const fs = require('fs'); const config = fs.readFileSync('config.json', 'utf8'); module.exports = config;`,
  ],
  invalid: [
    {
      code: `const fs = require('fs'); async function load() { return fs.readFileSync('x'); }`,
      errors: [readFileSyncIn('inside async function `load`')],
    },
    {
      code: `var fs = require('node:fs'); exports.load = async function load() { return fs.readFileSync('x'); };`,
      errors: [readFileSyncIn('inside async function `load`')],
    },
    {
      code: `const { execSync } = require('child_process'); module.exports = async () => execSync('ls');`,
      errors: [blocking('child_process.execSync', 'inside async arrow function', 'use `util.promisify(child_process.exec)`')],
    },
    {
      code: `async function load() { return require('fs').readFileSync('x'); }`,
      errors: [readFileSyncIn('inside async function `load`')],
    },
    {
      code: `const fs = require('fs'); async function load(p) { return (0, fs.readFileSync)(p); }`,
      errors: [readFileSyncIn('inside async function `load`')],
    },
    {
      code: `const bcrypt = require('bcryptjs'); app.post('/login', async (req) => bcrypt.compareSync(req.body.pw, hash));`,
      errors: [blocking('bcryptjs.compareSync', 'inside async arrow function', 'use `bcryptjs.compare`')],
    },
  ],
});

// With type information, where the type checker has no declaration to follow.
typedRuleTester().run('no-blocking-call (no declaration to follow, typed)', rule, {
  valid: [
    // the checker knows better than import tracking: a declaration that is not the catalog's
    `import * as fs from 'node:fs'; const mine = { readFileSync: (p: string) => p }; export async function f() { return mine.readFileSync('x'); }`,
  ],
  invalid: [
    {
      // `require` in a `.cts` file is typed `any`
      code: `const fs = require('fs'); export async function load() { return fs.readFileSync('x', 'utf8'); }`,
      filename: 'file.cts',
      errors: [
        {
          ...readFileSyncIn('inside async function `load`'),
          suggestions: [
            {
              messageId: 'suggestAsyncTwin' as const,
              data: { title: 'Use the async API `fs.promises.readFile`' },
              output: `const fs = require('fs'); export async function load() { return await fs.promises.readFile('x', 'utf8'); }`,
            },
          ],
        },
      ],
    },
    {
      code: `const { execSync } = require('node:child_process'); export async function run() { execSync('ls'); }`,
      errors: [blocking('child_process.execSync', 'inside async function `run`', 'use `util.promisify(child_process.exec)`')],
    },
    {
      code: `import * as fs from 'node:fs'; export async function load(p: string) { return (0, fs.readFileSync)(p); }`,
      errors: [{ ...readFileSyncIn('inside async function `load`'), suggestions: [
        {
          messageId: 'suggestAsyncTwin' as const,
          data: { title: 'Use the async API `fs.promises.readFile`' },
          output: `import * as fs from 'node:fs'; export async function load(p: string) { return await fs.promises.readFile(p); }`,
        },
      ] }],
    },
  ],
});

const untypedPackage = new RuleTester({
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: path.resolve(__dirname, '../../../fixtures/untyped-deps') } },
});

untypedPackage.run('no-blocking-call (a package without types, typed)', rule, {
  valid: [`import bcrypt from 'bcrypt'; export async function f(pw: string) { return bcrypt.hash(pw, 10); }`],
  invalid: [
    {
      code: `import bcrypt from 'bcrypt'; export async function f(pw: string) { return bcrypt.hashSync(pw, 10); }`,
      errors: [{ ...blocking('bcrypt.hashSync', 'inside async function `f`', 'use `bcrypt.hash`'), suggestions: [
        twin('bcrypt.hash', `import bcrypt from 'bcrypt'; export async function f(pw: string) { return await bcrypt.hash(pw, 10); }`),
        // `bcrypt` had no other use: its import becomes a side-effect import (the module still loads here)
        worker('bcrypt.hashSync', `import 'bcrypt';
import { inWorker } from 'unblock'; export async function f(pw: string) { return await inWorker<typeof import('bcrypt')>(require.resolve('bcrypt')).hashSync(pw, 10); }`),
      ] }],
    },
    {
      code: `import { hashSync as hash } from 'bcrypt'; export const f = async (pw: string) => hash(pw, 10);`,
      errors: [{ ...blocking('bcrypt.hashSync', 'inside async arrow function `f`', 'use `bcrypt.hash`'), suggestions: [
        twin('hashAsync` from `bcrypt', `import { hash as hashAsync } from 'bcrypt'; export const f = async (pw: string) => await hashAsync(pw, 10);`),
        worker('bcrypt.hashSync', `import 'bcrypt';
import { inWorker } from 'unblock'; export const f = async (pw: string) => await inWorker<typeof import('bcrypt')>(require.resolve('bcrypt')).hashSync(pw, 10);`),
      ] }],
    },
    {
      code: `import bcrypt = require('bcrypt'); export async function f(pws: string[]) { return pws.map((pw) => bcrypt.hashSync(pw, 10)); }`,
      filename: 'file.cts',
      errors: [{ ...blocking('bcrypt.hashSync', 'inside a `.map()` callback in async function `f`', 'use `bcrypt.hash`'), suggestions: [
        {
          messageId: 'suggestAsyncTwin' as const,
          data: { title: 'Use the async API `bcrypt.hash` and await the `.map()` with `Promise.all`' },
          output: `import bcrypt = require('bcrypt'); export async function f(pws: string[]) { return await Promise.all(pws.map(async (pw) => await bcrypt.hash(pw, 10))); }`,
        },
      ] }],
    },
  ],
});

describe('a CommonJS server linted with the default flat config', () => {
  const server = `const fs = require('fs');
const { execSync } = require('child_process');
const express = require('express');
const app = express();
const template = fs.readFileSync('index.html', 'utf8');
app.get('/', async (req, res) => {
  const config = JSON.parse(fs.readFileSync('config.json', 'utf8'));
  res.send(template + execSync('git rev-parse HEAD', { encoding: 'utf8' }) + config.name);
});
module.exports = app;
`;
  const lint = async (extra: Linter.Config[]) => {
    const plugin = (await import('eslint-plugin-unblock')).default;
    const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as Linter.Config, ...extra] });
    const [result] = await eslint.lintText(server, { filePath: path.join(__dirname, 'server.js') });
    return result!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);
  };

  it('gets the findings a project that set sourceType: commonjs gets', async () => {
    const defaults = await lint([]);
    expect(defaults).toEqual(['7:29 unblock/no-blocking-call', '8:23 unblock/no-blocking-call']);
    expect(await lint([{ languageOptions: { sourceType: 'commonjs' } }])).toEqual(defaults);
  });
});

typedRuleTester().run('no-indirect-blocking-call (no declaration to follow, typed)', indirect, {
  valid: [],
  invalid: [
    {
      code: `const fs = require('fs'); function read() { return fs.readFileSync('x', 'utf8'); } export async function load() { return read(); }`,
      filename: 'file.cts',
      errors: [
        {
          messageId: 'indirectBlockingCall' as const,
          // the chain rewrite stays in this file, so it is offered; the leaf goes through the required module
          suggestions: [{ messageId: 'suggestAsyncChain' as const, output: `const fs = require('fs'); async function read() { return await fs.promises.readFile('x', 'utf8'); } export async function load() { return await read(); }` }],
        },
      ],
    },
  ],
});
