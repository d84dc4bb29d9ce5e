// The piscina worker: reads the arguments from the call's port, imports the requested module, calls the named export,
// and posts the outcome back on the port (protocol.ts says why a port per call).
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { encodeThrown } from './errors';
import { cloneFailure, pack, unpack, type Outcome, type Packed, type Task } from './protocol';

/** `import()` target for a specifier already checked by the main thread: absolute path, file: URL, or builtin. */
function importTarget(module: string): string {
  return isAbsolute(module) ? pathToFileURL(module).href : module;
}

type Callable = (...args: unknown[]) => unknown;

function isContainer(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** Methods every object or function inherits are not exports (`toString`, `constructor`, `call`, ...). */
function isInherited(fn: unknown, name: string): boolean {
  const objectProto = Object.prototype as unknown as Record<string, unknown>;
  const functionProto = Function.prototype as unknown as Record<string, unknown>;
  return (name in objectProto && fn === objectProto[name]) || (name in functionProto && fn === functionProto[name]);
}

/**
 * The function and the `this` it expects. CommonJS modules (and `export =` ones) are reached through `default`, i.e.
 * `module.exports`; Node may also expose their properties as named exports, in which case `module.exports` is still
 * preferred as `this`, as if it were called `mod.fn(...)` after a `require`. ES module exports get the namespace.
 */
function findExport(namespace: Record<string, unknown>, name: string): { fn: Callable; self: unknown } | undefined {
  const named = namespace[name];
  const container = namespace['default'];
  if (name !== 'default' && isContainer(container)) {
    const fromDefault = container[name];
    if (typeof fromDefault === 'function' && !isInherited(fromDefault, name) && (named === undefined || named === fromDefault)) {
      return { fn: fromDefault as Callable, self: container };
    }
  }
  if (typeof named === 'function') return { fn: named as Callable, self: namespace };
  return undefined;
}

type Settled = { ok: true; value: unknown } | { ok: false; thrown: unknown };

/** Read the arguments the calling thread posted on the call's port. */
function receiveArguments({ port, exportName }: Task): unknown[] {
  let received: { message: unknown } | undefined;
  try {
    received = receiveMessageOnPort(port);
  } catch (error) {
    // Posted fine but cannot be rebuilt here: nested deeper than this thread's stack allows.
    const why = cloneFailure(error);
    throw new Error(`unblock: the arguments of '${exportName}' cannot be read on the worker thread: ${why}`, { cause: error });
  }
  if (received === undefined) throw new Error(`unblock: the arguments of '${exportName}' never reached the worker thread`);
  return unpack(received.message as Packed);
}

async function settle(task: Task): Promise<Settled> {
  try {
    const args = receiveArguments(task);
    const namespace = (await import(importTarget(task.module))) as Record<string, unknown>;
    const found = findExport(namespace, task.exportName);
    if (found === undefined) {
      throw new Error(`unblock: module '${task.module}' has no function export '${task.exportName}'`);
    }
    return { ok: true, value: await found.fn.apply(found.self, args) };
  } catch (thrown) {
    return { ok: false, thrown };
  }
}

/** Post the outcome on the call's port; what structured clone refuses becomes an error saying where it sits. */
function reply(port: MessagePort, exportName: string, settled: Settled): void {
  try {
    const outcome: Outcome = settled.ok
      ? { ok: true, result: pack([settled.value]) }
      : { ok: false, thrown: encodeThrown(settled.thrown) };
    port.postMessage(outcome);
  } catch (error) {
    const why = settled.ok
      ? `the result of '${exportName}' cannot be sent back from the worker thread: ${cloneFailure(error, settled.value, 'the result')}`
      : `what '${exportName}' threw cannot be sent back from the worker thread: ${cloneFailure(error)}`;
    const failure: Outcome = { ok: false, thrown: encodeThrown(new TypeError(`unblock: ${why} (values travel by structured clone)`)) };
    port.postMessage(failure);
  }
}

export default async function runTask(task: Task): Promise<void> {
  reply(task.port, task.exportName, await settle(task));
}
