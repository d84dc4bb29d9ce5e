// Type-level tests: checked by `tsc -p runtime/tsconfig.json` (expectTypeOf fails to compile on a mismatch).
// Nothing here runs a worker: the calls sit inside functions that are never invoked.
import { describe, expectTypeOf, it } from 'vitest';
import { inWorker, runInWorker, type WorkerModule } from '../src/index.js';

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
});
