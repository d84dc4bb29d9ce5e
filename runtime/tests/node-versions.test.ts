// What changes with the Node.js version, each row of README.md's "Node.js versions" table. Checked on whichever version
// runs the tests, so runs on 20, 22 and 24 keep the table true.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerModule } from '../src/index.js';
import { builtRuntime, type Runtime } from './built-runtime.js';

type Versions = {
  url(): URL;
  timeoutInside(): { error: DOMException };
  file(): File;
  halfFloats(): Float64Array; // Float16Array is not in TypeScript's es2022 lib
};

const fixtures = join(__dirname, 'fixtures');
const major = Number(process.versions.node.split('.')[0]);
const stripsTypes = Boolean((process.features as { typescript?: unknown }).typescript); // not in @types/node 20
let runtime: Runtime;
let versions: WorkerModule<Versions>;

beforeAll(() => {
  runtime = builtRuntime().runtime;
  versions = runtime.inWorker<Versions>(join(fixtures, 'versions.mjs'));
});

afterAll(() => runtime.closeWorkers());

describe(`Node.js ${process.version}`, () => {
  it('a URL: an empty object on 20, refused from 22', async () => {
    if (major === 20) expect(await versions.url()).toEqual({});
    else await expect(versions.url()).rejects.toThrow("unblock: the result of 'url' cannot be sent back from the worker thread");
  });

  it('a DOMException inside a result: an empty object on 20, a DOMException from 22', async () => {
    const { error } = await versions.timeoutInside();
    if (major === 20) expect(error).toEqual({});
    else expect(error).toBeInstanceOf(DOMException);
  });

  it('a File: a Blob without its name before 24, a File from 24', async () => {
    const copy = await versions.file();
    expect(copy).toBeInstanceOf(Blob);
    expect(copy.size).toBe(3);
    expect((copy as Partial<File>).name).toBe(major >= 24 ? 'a.txt' : undefined);
  });

  it('a Float16Array: exists from 24', async () => {
    if (major < 24) await expect(versions.halfFloats()).rejects.toThrow('Float16Array is not defined');
    else expect(Object.prototype.toString.call(await versions.halfFloats())).toBe('[object Float16Array]');
  });

  it('a TypeScript module loads where Node.js strips types (22.18+, 24)', async () => {
    const doubled = runtime.inWorker<typeof import('./fixtures/typed-module.mjs')>(join(fixtures, 'typed-module.mts')).double(21);
    if (stripsTypes) expect(await doubled).toBe(42);
    else await expect(doubled).rejects.toMatchObject({ code: 'ERR_UNKNOWN_FILE_EXTENSION' });
  });

  it('a CommonJS module can require() an ES module (20.19+, 22.12+, 24)', async () => {
    const upper = runtime.inWorker<{ upperViaEsm(name: string): string }>(join(fixtures, 'requires-esm.cjs')).upperViaEsm('ada');
    if (process.features.require_module) expect(await upper).toBe('ADA');
    else await expect(upper).rejects.toMatchObject({ code: 'ERR_REQUIRE_ESM' });
  });
});
