// Giving up on a call: `inWorker(module, { signal })`. An aborted call rejects at once with an AbortError (as Node.js's
// own APIs: name 'AbortError', code 'ABORT_ERR', `cause` = signal.reason); a queued call is dropped, a running one has
// its worker thread terminated.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtRuntime, type Runtime } from './built-runtime.js';

type Failures = { wait(ms: number): Promise<number>; never(): Promise<never>; tick(shared: SharedArrayBuffer): Promise<never> };

const fixture = join(__dirname, 'fixtures', 'failures.mjs');
let runtime: Runtime;

beforeAll(() => {
  runtime = builtRuntime().runtime;
});

afterAll(() => runtime.closeWorkers());

const abortError = (reason: unknown, exportName = 'never') => ({
  name: 'AbortError',
  code: 'ABORT_ERR',
  message: `unblock: calling '${exportName}' of '${fixture}' on a worker thread was aborted`,
  cause: reason,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inWorker(module, { signal })', () => {
  it('rejects at once when the signal is already aborted', async () => {
    const reason = new Error('shutting down');
    const m = runtime.inWorker<Failures>(fixture, { signal: AbortSignal.abort(reason) });
    const error: unknown = await m.never().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject(abortError(reason));
  });

  it('terminates the worker thread of a running call', async () => {
    const controller = new AbortController();
    const m = runtime.inWorker<Failures>(fixture, { signal: controller.signal });
    const shared = new SharedArrayBuffer(4);
    const ticks = new Int32Array(shared);
    const running = m.tick(shared).catch((e: unknown) => e);
    while (Atomics.load(ticks, 0) === 0) await sleep(5); // running on its thread
    controller.abort();
    const error = await running;
    expect(controller.signal.reason).toBeInstanceOf(DOMException); // abort() without a reason
    expect(error).toMatchObject(abortError(controller.signal.reason, 'tick'));
    await sleep(50);
    const after = Atomics.load(ticks, 0);
    await sleep(100);
    expect(Atomics.load(ticks, 0)).toBe(after); // the thread no longer runs
    await runtime.closeWorkers();
  });

  it('drops a queued call and leaves the running ones alone', async () => {
    const plain = runtime.inWorker<Failures>(fixture);
    const busy = Array.from({ length: availableParallelism() }, (_, i) => plain.wait(300 + i));
    const controller = new AbortController();
    const queued = runtime.inWorker<Failures>(fixture, { signal: controller.signal }).never();
    controller.abort('no longer needed');
    await expect(queued).rejects.toMatchObject(abortError('no longer needed'));
    expect(await Promise.all(busy)).toEqual(busy.map((_, i) => 300 + i));
  });

  it('a signal that is not aborted changes nothing', async () => {
    const m = runtime.inWorker<Failures>(fixture, { signal: new AbortController().signal });
    expect(await m.wait(1)).toBe(1);
  });

  it('anything but an AbortSignal is refused at once', () => {
    const bad = (options: unknown) => () => runtime.inWorker(fixture, options as { signal: AbortSignal });
    expect(bad({ signal: 'soon' })).toThrow(new TypeError('unblock: options.signal must be an AbortSignal, got soon'));
    expect(bad(null)).toThrow(new TypeError('unblock: the options of inWorker must be an object, got null'));
  });
});
