// Runtime tests. They run against the built package (dist/), because the worker thread loads dist/worker.js:
// beforeAll builds it, so the tests never see a stale worker.
import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// This package is CommonJS, so the test file is too (for tsc): no import.meta, __filename instead.
const require = createRequire(__filename);
const runtimeDir = join(__dirname, '..');
const fixtures = join(runtimeDir, 'tests', 'fixtures');
const esmFixture = join(fixtures, 'user-module.mjs');
const cjsFixture = join(fixtures, 'user-module.cjs');

type Runtime = typeof import('../src/index.js');
type EsmFixture = {
  describe(name: string, tags: string[]): { name: string; tags: string[]; upper: string; isMainThread: boolean; threadId: number };
  fail(message: string): never;
  slowDouble(n: number, ms: number): Promise<number>;
  slowThreadId(ms: number): Promise<number>;
  buffers(text: string): { bytes: Buffer; list: [Uint8Array, number]; plain: Uint8Array };
  bufferList(text: string): [Buffer, number];
  echoKinds(top: Buffer, inArray: Buffer[], inObject: { data: Buffer }): [boolean, boolean, boolean];
  giveFunction(): { callback: () => number };
  useThis(): string;
  notAFunction: number;
  default(n: number): number;
};
type CjsFixture = {
  whereAmI(): { isMainThread: boolean; threadId: number };
  total(values: number[]): { sum: number; count: number };
  label: string;
  withThis(suffix: string): string;
  overQuota(limit: number): never;
};

let runtime: Runtime;

beforeAll(() => {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(runtimeDir, 'tsconfig.build.json')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(runtimeDir, 'scripts', 'write-esm-entry.mjs')], { stdio: 'inherit' });
  runtime = require(join(runtimeDir, 'dist', 'index.js')) as Runtime;
});

afterAll(async () => {
  await runtime.closeWorkers();
});

describe('results equal a direct call', () => {
  // The direct calls run here, outside the async tests (the linter rightly flags blocking calls inside them).
  const bcrypt = require('bcryptjs') as typeof import('bcryptjs');
  const salt = '$2b$04$abcdefghijklmnopqrstuu';
  const zInput = Buffer.from('unblock '.repeat(1000));
  const direct = {
    key: crypto.pbkdf2Sync('pw', 'salt', 1000, 32, 'sha256'),
    gz: zlib.gzipSync(zInput),
    hash: bcrypt.hashSync('correct horse', salt),
  };

  it('node:crypto pbkdf2Sync returns the same Buffer', async () => {
    const viaWorker = await runtime.inWorker<typeof import('node:crypto')>('node:crypto').pbkdf2Sync('pw', 'salt', 1000, 32, 'sha256');
    expect(Buffer.isBuffer(viaWorker)).toBe(true);
    expect(viaWorker.equals(direct.key)).toBe(true);
    expect(viaWorker.length).toBe(32);
  });

  it('node:zlib gzipSync / gunzipSync round-trip', async () => {
    const z = runtime.inWorker<typeof import('node:zlib')>('node:zlib');
    const gz = await z.gzipSync(zInput);
    expect(Buffer.isBuffer(gz)).toBe(true);
    expect(gz.equals(direct.gz)).toBe(true);
    expect(gz.length).toBeLessThan(zInput.length);
    const back = await z.gunzipSync(gz);
    expect(Buffer.isBuffer(back)).toBe(true);
    expect(back.equals(zInput)).toBe(true);
  });

  it('bcryptjs hashSync with a fixed salt and compareSync', async () => {
    const b = runtime.inWorker<typeof import('bcryptjs')>(require.resolve('bcryptjs'));
    const hash = await b.hashSync('correct horse', salt);
    expect(hash).toBe(direct.hash);
    expect(hash.startsWith(salt)).toBe(true);
    expect(await b.compareSync('correct horse', hash)).toBe(true);
    expect(await b.compareSync('wrong horse', hash)).toBe(false);
  });

  it('runInWorker does the same in one call', async () => {
    const hash = await runtime.runInWorker<typeof import('bcryptjs'), 'hashSync'>(
      require.resolve('bcryptjs'),
      'hashSync',
      'pw',
      '$2b$04$abcdefghijklmnopqrstuu',
    );
    expect(hash).toBe('$2b$04$abcdefghijklmnopqrstuuyvPXIbu7xe6/CED2DzX8z6Si09MlzlW');
  });
});

describe('user modules', () => {
  it('an ES module (file path, file: URL string, URL object) returns a plain object', async () => {
    const expected = { name: 'ada', tags: ['x', 'y'], upper: 'ADA', isMainThread: false };
    for (const spec of [esmFixture, pathToFileURL(esmFixture).href, pathToFileURL(esmFixture)]) {
      const result = await runtime.inWorker<EsmFixture>(spec).describe('ada', ['x', 'y']);
      expect(result).toMatchObject(expected);
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    }
  });

  it('a CommonJS module, called with `this` = module.exports', async () => {
    const m = runtime.inWorker<CjsFixture>(cjsFixture);
    expect(await m.total([1, 2, 3])).toEqual({ sum: 6, count: 3 });
    expect(await m.withThis('x')).toBe('cjs-x');
  });

  it('an ES module export is called with `this` = the module namespace', async () => {
    expect(await runtime.inWorker<EsmFixture>(esmFixture).useThis()).toBe('function');
  });

  it('an ES module default export is reachable as `default`', async () => {
    expect(await runtime.inWorker<EsmFixture>(esmFixture).default(41)).toBe(42);
  });

  it('the work runs on another thread', async () => {
    const esm = await runtime.inWorker<EsmFixture>(esmFixture).describe('a', []);
    const cjs = await runtime.inWorker<CjsFixture>(cjsFixture).whereAmI();
    for (const where of [esm, cjs]) {
      expect(where.isMainThread).toBe(false);
      expect(where.threadId).toBeGreaterThan(0);
    }
  });
});

describe('errors', () => {
  it('a thrown custom error keeps message, name, code and the worker stack', async () => {
    const error: unknown = await runtime.inWorker<EsmFixture>(esmFixture).fail('bad input').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ValidationError', message: 'bad input', code: 'E_VALIDATION' });
    const stack = (error as Error).stack ?? '';
    expect(stack).toContain('ValidationError: bad input');
    expect(stack).toContain('user-module.mjs');
  });

  it('a CommonJS custom error too', async () => {
    await expect(runtime.inWorker<CjsFixture>(cjsFixture).overQuota(3)).rejects.toMatchObject({
      name: 'QuotaError',
      message: 'over quota (3)',
      code: 'E_QUOTA',
    });
  });

  it('a builtin error keeps its class, name and code', async () => {
    const c = runtime.inWorker<typeof import('node:crypto')>('node:crypto');
    const error: unknown = await c.pbkdf2Sync('a', 'b', -1, 32, 'sha256').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ name: 'RangeError', code: 'ERR_OUT_OF_RANGE' });
  });

  it('an unknown export rejects with a clear message', async () => {
    const m = runtime.inWorker<Record<string, (...args: unknown[]) => unknown>>(esmFixture);
    await expect(m['nope']!()).rejects.toThrow(`unblock: module '${esmFixture}' has no function export 'nope'`);
    await expect(m['notAFunction']!()).rejects.toThrow(`unblock: module '${esmFixture}' has no function export 'notAFunction'`);
    const cjs = runtime.inWorker<Record<string, () => unknown>>(cjsFixture);
    for (const inherited of ['toString', 'hasOwnProperty', 'constructor']) {
      await expect(cjs[inherited]!()).rejects.toThrow(`unblock: module '${cjsFixture}' has no function export '${inherited}'`);
    }
    await expect(runtime.runInWorker<Record<string, () => void>, 'missing'>('node:zlib', 'missing')).rejects.toThrow(
      "unblock: module 'node:zlib' has no function export 'missing'",
    );
  });

  it('an unresolved specifier is refused', () => {
    expect(() => runtime.inWorker('bcryptjs')).toThrow(/must be an absolute file path, a file: URL or a Node.js builtin/);
    expect(() => runtime.inWorker('./tests/fixtures/user-module.mjs')).toThrow(TypeError);
  });

  it('values that structured clone cannot copy give clear errors', async () => {
    await expect(runtime.inWorker<EsmFixture>(esmFixture).giveFunction()).rejects.toThrow(
      "unblock: the result of 'giveFunction' cannot be sent back from the worker thread: the result.callback is a function",
    );
    const m = runtime.inWorker<{ describe(name: () => void): unknown }>(esmFixture);
    await expect(m.describe(() => undefined)).rejects.toThrow(
      "unblock: the arguments of 'describe' cannot be sent to the worker thread: the arguments[0] is a function",
    );
    // The pool still works afterwards.
    expect(await runtime.inWorker<CjsFixture>(cjsFixture).total([4])).toEqual({ sum: 4, count: 1 });
  });
});

describe('Buffers', () => {
  it('come back as Buffers at the top level and one level down; deeper ones and other Uint8Arrays stay Uint8Arrays', async () => {
    const m = runtime.inWorker<EsmFixture>(esmFixture);
    const result = await m.buffers('hi');
    expect(Buffer.isBuffer(result.bytes)).toBe(true);
    expect(result.bytes.toString()).toBe('hi');
    expect(result.plain).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(result.plain)).toBe(false);
    // Two levels down: documented as not restored.
    expect(result.list[0]).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(result.list[0])).toBe(false);
    expect(result.list[1]).toBe(1);

    const list = await m.bufferList('yo');
    expect(Buffer.isBuffer(list[0])).toBe(true);
    expect(list[0].toString()).toBe('yo');
    expect(list[1]).toBe(1);
  });

  it('arrive in the worker as Buffers, pooled slices included', async () => {
    const small = Buffer.from('pooled'); // a view on Buffer's shared pool
    const kinds = await runtime.inWorker<EsmFixture>(esmFixture).echoKinds(small, [small], { data: small });
    expect(kinds).toEqual([true, true, true]);
  });
});

describe('the proxy', () => {
  it('is not a thenable', async () => {
    const m = runtime.inWorker<EsmFixture>(esmFixture);
    expect('then' in m).toBe(false);
    expect((m as unknown as { then?: unknown }).then).toBeUndefined();
    expect(await Promise.resolve(m)).toBe(m);
  });

  it('gives the same function for the same export', () => {
    const m = runtime.inWorker<EsmFixture>(esmFixture);
    expect(m.describe).toBe(m.describe);
    expect(typeof m.describe).toBe('function');
  });
});

describe('the pool', () => {
  it('runs many concurrent calls', async () => {
    const m = runtime.inWorker<EsmFixture>(esmFixture);
    const inputs = Array.from({ length: 40 }, (_, i) => i);
    const results = await Promise.all(inputs.map((i) => m.slowDouble(i, 5)));
    expect(results).toEqual(inputs.map((i) => i * 2));
  });

  it('spreads concurrent calls over several threads', async () => {
    const m = runtime.inWorker<EsmFixture>(esmFixture);
    const ids = await Promise.all(Array.from({ length: 8 }, () => m.slowThreadId(100)));
    expect(ids.every((id) => id > 0)).toBe(true);
    expect(new Set(ids).size).toBe(Math.min(availableParallelism(), 8));
  });

  it('closeWorkers waits for running tasks, and a later call starts a new pool', async () => {
    const m = runtime.inWorker<EsmFixture>(esmFixture);
    const before = await m.slowThreadId(0);
    const running = m.slowDouble(21, 200);
    await runtime.closeWorkers();
    expect(await running).toBe(42);
    const after = await m.slowThreadId(0);
    expect(after).toBeGreaterThan(0);
    expect(after).not.toBe(before); // a fresh thread from a fresh pool
    await runtime.closeWorkers();
    await runtime.closeWorkers(); // closing twice is harmless
    expect(await m.slowDouble(1, 0)).toBe(2);
  });
});

describe('the process', () => {
  // A script that awaits one call and does nothing else must exit by itself: idle workers never keep it alive.
  function runScript(script: string): { stdout: string; ms: number } {
    const started = Date.now();
    const child = spawnSync(process.execPath, [join(fixtures, script)], {
      cwd: runtimeDir,
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(child.error).toBeUndefined(); // ETIMEDOUT when the process hangs
    expect(child.signal).toBeNull();
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    return { stdout: child.stdout.trim(), ms: Date.now() - started };
  }

  for (const script of ['exit-after-one-call.cjs', 'exit-after-one-call.mjs']) {
    it(`exits on its own after one call (${script})`, () => {
      const { stdout, ms } = runScript(script);
      expect(ms).toBeLessThan(5_000);
      if (script.endsWith('.cjs')) {
        const key = crypto.pbkdf2Sync('password', 'salt', 1000, 16, 'sha256').toString('hex');
        expect(stdout).toBe(`cjs true ${key}`);
      } else {
        const bcrypt = require('bcryptjs') as typeof import('bcryptjs');
        expect(stdout).toBe(`esm ${bcrypt.hashSync('password', '$2b$04$abcdefghijklmnopqrstuu')}`);
      }
    });
  }

  it('stays alive while a call is still running on a worker', () => {
    expect(runScript('exit-after-slow-call.cjs').stdout).toBe('slow 8 true');
  });
});
