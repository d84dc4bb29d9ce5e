// Type-level tests: checked by `tsc -p runtime/tsconfig.json` (expectTypeOf fails to compile on a mismatch).
// Nothing here runs a worker: the calls sit inside functions that are never invoked.
import { describe, expectTypeOf, it } from 'vitest';
import type { KeyObject } from 'node:crypto';
import type { Stats } from 'node:fs';
import { inWorker, runInWorker, type Cloned, type WorkerModule } from '../src/index.js';

describe('types', () => {
  it('node:crypto', () => {
    const pbkdf2 = () => inWorker<typeof import('node:crypto')>('node:crypto').pbkdf2Sync('a', 'b', 1, 32, 'sha256');
    expectTypeOf(pbkdf2).returns.toEqualTypeOf<Promise<Buffer<ArrayBuffer>>>();
    expectTypeOf(pbkdf2).returns.toExtend<Promise<Buffer>>();
    expectTypeOf(pbkdf2).returns.not.toEqualTypeOf<Buffer<ArrayBuffer>>();

    const wrong = () =>
      // @ts-expect-error iterations must be a number
      inWorker<typeof import('node:crypto')>('node:crypto').pbkdf2Sync('a', 'b', '1', 32, 'sha256');
    const missing = () =>
      // @ts-expect-error not an export of node:crypto
      inWorker<typeof import('node:crypto')>('node:crypto').pbkdf2SyncNope('a');
    expectTypeOf(wrong).toBeFunction();
    expectTypeOf(missing).toBeFunction();
  });

  it('bcryptjs (export = namespace)', () => {
    type Bcrypt = WorkerModule<typeof import('bcryptjs')>;
    expectTypeOf<ReturnType<Bcrypt['hashSync']>>().toEqualTypeOf<Promise<string>>();
    expectTypeOf<Parameters<Bcrypt['hashSync']>>().toEqualTypeOf<[password: string, salt?: string | number]>();
    expectTypeOf<ReturnType<Bcrypt['genSaltSync']>>().toEqualTypeOf<Promise<string>>();

    const hash = () => inWorker<typeof import('bcryptjs')>('/x/bcryptjs.js').hashSync('pw', 10);
    expectTypeOf(hash).returns.toEqualTypeOf<Promise<string>>();
    const once = () => runInWorker<typeof import('bcryptjs'), 'hashSync'>('/x/bcryptjs.js', 'hashSync', 'pw', 10);
    expectTypeOf(once).returns.toEqualTypeOf<Promise<string>>();
    // @ts-expect-error salt must be a string or number
    const bad = () => runInWorker<typeof import('bcryptjs'), 'hashSync'>('/x/bcryptjs.js', 'hashSync', 'pw', true);
    expectTypeOf(bad).toBeFunction();
  });

  it('only functions are exposed', () => {
    type M = WorkerModule<{ f(a: number): string; g(): Promise<number>; value: number; then(): void }>;
    expectTypeOf<keyof M>().toEqualTypeOf<'f' | 'g'>(); // not `value`, and not `then` (the proxy is no thenable)
    expectTypeOf<M['f']>().toEqualTypeOf<(a: number) => Promise<string>>();
    expectTypeOf<M['g']>().toEqualTypeOf<() => Promise<number>>(); // async functions are not wrapped twice
  });

  it('results are typed as what structured clone returns', () => {
    class Point {
      constructor(
        public x: number,
        public y: number,
      ) {}
      norm(): number {
        return Math.hypot(this.x, this.y);
      }
    }
    // A class instance arrives as a plain object of its fields: methods are gone, and the type says so.
    expectTypeOf<ReturnType<WorkerModule<{ origin(): Point }>['origin']>>().toEqualTypeOf<Promise<{ x: number; y: number }>>();
    expectTypeOf<Cloned<Point>>().toEqualTypeOf<{ x: number; y: number }>();
    expectTypeOf<Cloned<Stats>>().toHaveProperty('size').toEqualTypeOf<number>();
    expectTypeOf<Cloned<Stats>>().not.toHaveProperty('isFile');
    type Zlib = WorkerModule<typeof import('node:zlib')>;
    expectTypeOf<ReturnType<Zlib['gzipSync']>>().toEqualTypeOf<Promise<Buffer<ArrayBuffer>>>();
    // Kept as they are: primitives, Date, RegExp, typed arrays, ArrayBuffer, Map and Set (contents cloned), KeyObject.
    expectTypeOf<Cloned<string | 1n | null | undefined>>().toEqualTypeOf<string | 1n | null | undefined>();
    expectTypeOf<Cloned<Date>>().toEqualTypeOf<Date>();
    expectTypeOf<Cloned<RegExp>>().toEqualTypeOf<RegExp>();
    expectTypeOf<Cloned<Float64Array>>().toEqualTypeOf<Float64Array>();
    expectTypeOf<Cloned<ArrayBuffer>>().toEqualTypeOf<ArrayBuffer>();
    expectTypeOf<Cloned<Map<string, Point>>>().toEqualTypeOf<Map<string, { x: number; y: number }>>();
    expectTypeOf<Cloned<ReadonlySet<Date>>>().toEqualTypeOf<Set<Date>>();
    expectTypeOf<Cloned<{ publicKey: KeyObject }>>().toEqualTypeOf<{ publicKey: KeyObject }>();
    // Arrays and tuples keep their shape (mutable copies); symbol keys and function properties are dropped.
    expectTypeOf<Cloned<readonly [string, Point]>>().toEqualTypeOf<[string, { x: number; y: number }]>();
    expectTypeOf<Cloned<{ id: number; [Symbol.iterator]: () => void; onDone: () => void; label?: string }>>().toEqualTypeOf<{
      id: number;
      label?: string;
    }>();
    // Errors come back as plain Errors; what cannot be cloned at all is `never`.
    expectTypeOf<Cloned<{ failure: TypeError }>>().toEqualTypeOf<{ failure: Error }>();
    expectTypeOf<Cloned<() => void>>().toBeNever();
    expectTypeOf<Cloned<Promise<number>>>().toBeNever();
    expectTypeOf<Cloned<symbol>>().toBeNever();
    // Buffers are Buffers at the top and one level down; deeper, or inside a Map, Uint8Arrays.
    expectTypeOf<Cloned<Buffer>>().toEqualTypeOf<Buffer>();
    expectTypeOf<Cloned<{ data: Buffer; list: Buffer[]; nested: { data: Buffer } }>>().toEqualTypeOf<{
      data: Buffer;
      list: Uint8Array[];
      nested: { data: Uint8Array };
    }>();
    expectTypeOf<Cloned<[Buffer, Map<string, Buffer>]>>().toEqualTypeOf<[Buffer, Map<string, Uint8Array>]>();
    expectTypeOf<Cloned<unknown>>().toBeUnknown();
    expectTypeOf<Cloned<any>>().toBeAny(); // eslint-disable-line @typescript-eslint/no-explicit-any
  });

  it('inWorker takes an optional { signal }', () => {
    const signal = new AbortController().signal;
    const withSignal = () => inWorker<typeof import('bcryptjs')>('/x/bcryptjs.js', { signal }).hashSync('pw', 10);
    expectTypeOf(withSignal).returns.toEqualTypeOf<Promise<string>>();
    // @ts-expect-error signal must be an AbortSignal
    const notASignal = () => inWorker<typeof import('bcryptjs')>('/x/bcryptjs.js', { signal: 'soon' });
    // @ts-expect-error no such option
    const unknownOption = () => inWorker<typeof import('bcryptjs')>('/x/bcryptjs.js', { timeout: 10 });
    expectTypeOf(notASignal).toBeFunction();
    expectTypeOf(unknownOption).toBeFunction();
  });
});
