/** The suggestions of `no-blocking-call`, with their full output, for ESM and CommonJS files. */
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-blocking-call.js';
import { typedRuleTester } from '../util/rule-tester.js';

type Case = InvalidTestCase<MessageIds, Options>;
type Suggestion = { messageId: MessageIds; data: { title: string }; output: string };
const twin = (title: string, output: string): Suggestion => ({ messageId: 'suggestAsyncTwin', data: { title }, output });
const worker = (title: string, output: string): Suggestion => ({ messageId: 'suggestWorker', data: { title }, output });
const finding = (...suggestions: Suggestion[]) => ({ messageId: 'blockingCall' as const, suggestions });

const cases: Case[] = [
  {
    name: 'fs namespace import: reuses fs.promises, parenthesizes before a member access',
    code: `import * as fs from 'node:fs';
export async function load(p: string) { return fs.readFileSync(p, 'utf8').trim(); }`,
    errors: [
      finding(
        twin('Use the async API `fs.promises.readFile`', `import * as fs from 'node:fs';
export async function load(p: string) { return (await fs.promises.readFile(p, 'utf8')).trim(); }`),
      ),
    ],
  },
  {
    name: 'named import: adds a node:fs/promises import after the last import, and removes the import it no longer uses',
    code: `import { readFileSync } from 'node:fs';
import * as path from 'node:path';
export async function load(dir: string) { return JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8')); }`,
    errors: [
      finding(
        twin('Use the async API `readFile` from `node:fs/promises`', `import * as path from 'node:path';
import { readFile } from 'node:fs/promises';
export async function load(dir: string) { return JSON.parse(await readFile(path.join(dir, 'a.json'), 'utf8')); }`),
      ),
    ],
  },
  {
    name: 'bare specifiers stay bare; an existing fs/promises import is extended',
    code: `import { writeFileSync } from 'fs';
import { readFile } from 'fs/promises';
export async function copy(a: string, b: string) { writeFileSync(b, await readFile(a)); }`,
    errors: [
      finding(
        twin('Use the async API `writeFile` from `fs/promises`', `import { readFile, writeFile } from 'fs/promises';
export async function copy(a: string, b: string) { await writeFile(b, await readFile(a)); }`),
      ),
    ],
  },
  {
    name: 'existsSync keeps its boolean',
    code: `import { existsSync } from 'node:fs';
export async function has(p: string) { return !existsSync(p); }`,
    errors: [
      finding(
        twin('Use the async API `access` from `node:fs/promises`', `import { access } from 'node:fs/promises';
export async function has(p: string) { return !await access(p).then(() => true, () => false); }`),
      ),
    ],
  },
  {
    name: 'a name already taken gets a fresh one',
    code: `import { readFileSync } from 'node:fs';
const readFile = 1;
export async function load(p: string) { return readFileSync(p, 'utf8') + readFile; }`,
    errors: [
      finding(
        twin('Use the async API `readFileAsync` from `node:fs/promises`', `import { readFile as readFileAsync } from 'node:fs/promises';
const readFile = 1;
export async function load(p: string) { return await readFileAsync(p, 'utf8') + readFile; }`),
      ),
    ],
  },
  {
    name: 'crypto callback twin through promisify, and a worker thread (which leaves the builtin\'s import unused: removed)',
    code: `import crypto from 'node:crypto';
export async function derive(secret: string) { return crypto.pbkdf2Sync(secret, 'salt', 1000, 32, 'sha256'); }`,
    errors: [
      finding(
        twin('Use the async API `promisify(crypto.pbkdf2)`, importing `promisify` from `node:util`', `import crypto from 'node:crypto';
import { promisify } from 'node:util';
export async function derive(secret: string) { return await promisify(crypto.pbkdf2)(secret, 'salt', 1000, 32, 'sha256'); }`),
        worker('Run `crypto.pbkdf2Sync` in a worker thread', `import { inWorker } from 'unblock';
export async function derive(secret: string) { return await inWorker<typeof import('node:crypto')>('node:crypto').pbkdf2Sync(secret, 'salt', 1000, 32, 'sha256'); }`),
      ),
    ],
  },
  {
    name: 'bcryptjs in an ES module: the twin, and a worker resolved with import.meta.resolve (the package still loads)',
    filename: 'file.mts',
    code: `import bcrypt from 'bcryptjs';
export async function hash(password: string) { return bcrypt.hashSync(password, 10); }`,
    errors: [
      finding(
        twin('Use the async API `bcrypt.hash`', `import bcrypt from 'bcryptjs';
export async function hash(password: string) { return await bcrypt.hash(password, 10); }`),
        worker('Run `bcryptjs.hashSync` in a worker thread', `import 'bcryptjs';
import { inWorker } from 'unblock';
export async function hash(password: string) { return await inWorker<typeof import('bcryptjs')>(import.meta.resolve('bcryptjs')).hashSync(password, 10); }`),
      ),
    ],
  },
  {
    name: 'bcryptjs in a CommonJS TypeScript file: the worker is resolved with require.resolve',
    code: `import bcrypt = require('bcryptjs');
export async function check(password: string, hash: string) { return bcrypt.compareSync(password, hash); }`,
    errors: [
      finding(
        twin('Use the async API `bcrypt.compare`', `import bcrypt = require('bcryptjs');
export async function check(password: string, hash: string) { return await bcrypt.compare(password, hash); }`),
        worker('Run `bcryptjs.compareSync` in a worker thread', `import 'bcryptjs';
import { inWorker } from 'unblock';
export async function check(password: string, hash: string) { return await inWorker<typeof import('bcryptjs')>(require.resolve('bcryptjs')).compareSync(password, hash); }`),
      ),
    ],
  },
  {
    name: 'CommonJS JavaScript: require style, and a worker call without type arguments',
    filename: 'script.js',
    code: `const zlib = require('node:zlib');
/** @param {string} text */
exports.pack = async function pack(text) { return zlib.gzipSync(text); };`,
    errors: [
      finding(
        twin('Use the async API `promisify(zlib.gzip)`, importing `promisify` from `node:util`', `const zlib = require('node:zlib');
const { promisify } = require('node:util');
/** @param {string} text */
exports.pack = async function pack(text) { return await promisify(zlib.gzip)(text); };`),
        worker('Run `zlib.gzipSync` in a worker thread', `const { inWorker } = require('unblock');
/** @param {string} text */
exports.pack = async function pack(text) { return await inWorker('node:zlib').gzipSync(text); };`),
      ),
    ],
  },
  {
    name: 'execSync with a string encoding returns stdout of the awaited exec',
    code: `import { execSync as run } from 'node:child_process';
export async function version() { return run('git --version', { encoding: 'utf8' }).trim(); }`,
    errors: [
      finding(
        twin('Use the async API `promisify(exec)` from `node:child_process`, importing `promisify` from `node:util`', `import { exec } from 'node:child_process';
import { promisify } from 'node:util';
export async function version() { return (await promisify(exec)('git --version', { encoding: 'utf8' })).stdout.trim(); }`),
      ),
    ],
  },
  {
    name: 'inside an array .map() callback: Promise.all',
    code: `import { readFileSync } from 'node:fs';
export async function all(paths: string[]) { return paths.map((p) => readFileSync(p, 'utf8')).join(''); }`,
    errors: [
      finding(
        twin('Use the async API `readFile` from `node:fs/promises` and await the `.map()` with `Promise.all`', `import { readFile } from 'node:fs/promises';
export async function all(paths: string[]) { return (await Promise.all(paths.map(async (p) => await readFile(p, 'utf8')))).join(''); }`),
      ),
    ],
  },
  {
    name: 'a project function marked @blocking: a worker thread loads its module',
    code: `import { slowChecksum } from './blocking-helpers.js';
export async function check(text: string) { return slowChecksum(text, 100); }`,
    errors: [
      finding(
        worker('Run `slowChecksum` in a worker thread', `import './blocking-helpers.js';
import { inWorker } from 'unblock';
export async function check(text: string) { return await inWorker<typeof import('./blocking-helpers.js')>(require.resolve('./blocking-helpers.js')).slowChecksum(text, 100); }`),
      ),
    ],
  },
  {
    name: 'a worker returns Buffers at the top level and one level down as Buffers: offered',
    code: `import { digests } from './blocking-helpers.js';
export async function f(texts: string[]) { return digests(texts); }`,
    errors: [
      finding(
        worker('Run `digests` in a worker thread', `import './blocking-helpers.js';
import { inWorker } from 'unblock';
export async function f(texts: string[]) { return await inWorker<typeof import('./blocking-helpers.js')>(require.resolve('./blocking-helpers.js')).digests(texts); }`),
      ),
    ],
  },
  // No worker where a Buffer would come back as a Uint8Array (two levels down, in a Map), nor for Buffer arguments that deep.
  ...[
    `import { nestedDigest } from './blocking-helpers.js'; export async function f() { return nestedDigest('x'); }`,
    `import { digestMap } from './blocking-helpers.js'; export async function f() { return digestMap(['x']); }`,
    `import { checkDigest } from './blocking-helpers.js'; export async function f(o: { inner: { digest: Buffer } }) { return checkDigest(o); }`,
  ].map((code) => ({ code, name: `no worker: ${code.slice(code.indexOf('export'))}`, errors: [finding()] })),
  // No suggestion where the rewrite would change the result or cannot be awaited.
  ...[
    `import { execSync } from 'node:child_process'; export async function f() { return execSync('ls'); }`, // Buffer vs string
    `import { readFileSync } from 'node:fs'; export async function f(fd: number) { return readFileSync(fd); }`, // fd
    `import { statSync } from 'node:fs'; export async function f(p: string) { return statSync(p, { throwIfNoEntry: false }); }`,
    `import { readFileSync } from 'node:fs'; export async function f(ps: string[]) { ps.forEach((p) => readFileSync(p)); }`,
    `import { readFileSync } from 'node:fs'; export async function f(x = readFileSync('a')) { return x; }`,
    `import { readFileSync } from 'node:fs'; export async function f(p: string) { return readFileSync.call(null, p); }`,
    `import { spawnSync } from 'node:child_process'; export async function f() { return spawnSync('ls'); }`,
  ].map((code) => ({ code, name: `no suggestion: ${code.slice(code.indexOf('export'))}`, errors: [finding()] })),
];

typedRuleTester().run('no-blocking-call (suggestions)', rule, { valid: [], invalid: cases });
