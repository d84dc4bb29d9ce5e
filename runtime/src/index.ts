// Run exports of any module on a shared worker-thread pool. The runtime behind unblock's worker-thread autofix:
//   const hash = await inWorker<typeof import('bcryptjs')>(import.meta.resolve('bcryptjs')).hashSync(password, 10);
// This file owns the public API and one call's life on the calling thread: every promise it returns settles.
import { isBuiltin } from 'node:module';
import { availableParallelism } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { decodeThrown } from './errors';
import { cloneFailure, pack, unpack, type Outcome, type Task } from './protocol';
import type { InWorkerOptions, WorkerModule } from './types';

export type { Cloned, InWorkerOptions, WorkerModule } from './types';

/** Idle worker threads are stopped after this long (they never keep the process alive either way). */
const IDLE_TIMEOUT_MS = 10_000;

/** The piscina pool and the tasks it was given that have not settled yet (closeWorkers waits for them). */
interface Pool {
  piscina: Piscina<Task, void>;
  tasks: Set<Promise<void>>;
}

let pool: Pool | undefined;

function getPool(): Pool {
  // Threads start on demand (minThreads 0) and are unref'd by piscina while idle, so the pool never keeps the
  // process alive; after IDLE_TIMEOUT_MS idle threads exit.
  pool ??= {
    piscina: new Piscina<Task, void>({
      filename: join(__dirname, 'worker.js'),
      minThreads: 0,
      maxThreads: availableParallelism(),
      idleTimeout: IDLE_TIMEOUT_MS,
    }),
    tasks: new Set(),
  };
  return pool;
}

/** Run the task; every task is tracked until it settles. */
async function runOnPool(task: Task, signal: AbortSignal | undefined): Promise<void> {
  const { piscina, tasks } = getPool();
  const running = piscina.run(task, { transferList: [task.port], ...(signal && { signal }) });
  tasks.add(running);
  try {
    await running;
  } finally {
    tasks.delete(running);
  }
}

/** Check the specifier on the calling thread and turn it into the string the worker imports. */
function normalizeModule(module: string | URL): string {
  if (module instanceof URL) {
    if (module.protocol === 'file:') return module.href;
    if (module.protocol === 'node:' && isBuiltin(module.href)) return module.href;
  } else if (typeof module === 'string') {
    if (isAbsolute(module)) return module;
    if (module.startsWith('file:')) return new URL(module).href;
    if (isBuiltin(module)) return module;
  }
  throw new TypeError(
    `unblock: module '${String(module)}' must be an absolute file path, a file: URL or a Node.js builtin ` +
      `(resolve it first, e.g. with import.meta.resolve() or require.resolve())`,
  );
}

function normalizeSignal(options: InWorkerOptions | undefined): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`unblock: the options of inWorker must be an object, got ${String(options)}`);
  }
  const { signal } = options;
  // Duck-typed like Node.js's own validation, so a signal from another realm is accepted too.
  if (signal === undefined || (typeof signal === 'object' && signal !== null && 'aborted' in signal)) return signal;
  throw new TypeError(`unblock: options.signal must be an AbortSignal, got ${String(signal)}`);
}

/** Rejection of an aborted call, as Node.js's own APIs reject: name 'AbortError', code 'ABORT_ERR', the reason as cause. */
function abortError(module: string, exportName: string, signal: AbortSignal): Error {
  const error = new Error(`unblock: calling '${exportName}' of '${module}' on a worker thread was aborted`, {
    cause: signal.reason,
  });
  return Object.assign(error, { name: 'AbortError', code: 'ABORT_ERR' });
}

/** The worker thread died under the call (process.exit, out of memory, an uncaught error) or the pool refused it. */
function workerFailure(module: string, exportName: string, error: unknown): Error {
  const reason = error instanceof Error && error.message !== '' ? error.message : 'the worker thread stopped unexpectedly';
  const failure = new Error(`unblock: calling '${exportName}' of '${module}' on a worker thread failed: ${reason}`, {
    cause: error,
  });
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return code === undefined ? failure : Object.assign(failure, { code }); // e.g. ERR_WORKER_OUT_OF_MEMORY
}

async function call(module: string, exportName: string, args: unknown[], signal?: AbortSignal): Promise<unknown> {
  if (signal?.aborted) throw abortError(module, exportName, signal);
  const { port1, port2 } = new MessageChannel();
  try {
    try {
      port1.postMessage(pack(args));
    } catch (error) {
      const why = cloneFailure(error, args, 'the arguments');
      throw new TypeError(
        `unblock: the arguments of '${exportName}' cannot be sent to the worker thread: ${why} (values travel by structured clone)`,
        { cause: error },
      );
    }
    try {
      await runOnPool({ module, exportName, port: port2 }, signal);
    } catch (error) {
      throw signal?.aborted ? abortError(module, exportName, signal) : workerFailure(module, exportName, error);
    }
    // The worker posted the outcome on port2 before its task returned, so it is already queued here.
    let received: { message: unknown } | undefined;
    try {
      received = receiveMessageOnPort(port1);
    } catch (error) {
      const why = cloneFailure(error);
      throw new Error(`unblock: what '${exportName}' returned or threw cannot be copied back from the worker thread: ${why}`, {
        cause: error,
      });
    }
    if (received === undefined) throw new Error(`unblock: the worker thread gave no answer for '${exportName}' of '${module}'`);
    const outcome = received.message as Outcome;
    if (outcome.ok) return unpack(outcome.result)[0];
    throw decodeThrown(outcome.thrown, exportName);
  } finally {
    port1.close();
  }
}

/**
 * Run exports of a module on the shared worker pool. `module` is a resolved file path, a file: URL (string or URL), or a
 * builtin like 'node:crypto'. `options.signal` gives up on the calls made through the returned object.
 */
export function inWorker<M>(module: string | URL, options?: InWorkerOptions): WorkerModule<M> {
  const spec = normalizeModule(module);
  const signal = normalizeSignal(options);
  const functions = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  // Any string property is a function that runs that export; `then` is left out so the object is not a thenable
  // (returning it from an async function or awaiting it must not call a worker).
  const handler: ProxyHandler<object> = {
    get(_target, property) {
      if (typeof property !== 'string' || property === 'then') return undefined;
      let fn = functions.get(property);
      if (fn === undefined) {
        fn = (...args: unknown[]) => call(spec, property, args, signal);
        functions.set(property, fn);
      }
      return fn;
    },
  };
  return new Proxy(Object.create(null) as object, handler) as WorkerModule<M>;
}

/** Same, one call: runInWorker<typeof import('bcryptjs'), 'hashSync'>(spec, 'hashSync', pw, 10) */
export function runInWorker<M, K extends keyof WorkerModule<M>>(
  module: string | URL,
  exportName: K,
  ...args: Parameters<WorkerModule<M>[K]>
): ReturnType<WorkerModule<M>[K]> {
  let spec: string;
  try {
    spec = normalizeModule(module);
  } catch (error) {
    return Promise.reject(error) as ReturnType<WorkerModule<M>[K]>;
  }
  return call(spec, String(exportName), args) as ReturnType<WorkerModule<M>[K]>;
}

/** Close the pool: waits for the calls already made (running or queued) to settle, then stops the threads. A later call creates a new pool. */
export async function closeWorkers(): Promise<void> {
  const closing = pool;
  pool = undefined;
  if (closing === undefined) return;
  await Promise.allSettled(closing.tasks);
  await closing.piscina.close();
}
