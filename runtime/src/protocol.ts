// What travels between the calling thread and a worker, and how. Shared by index.ts (calling thread) and worker.ts.
// Each call has a MessageChannel of its own: the arguments go one way and the outcome comes back the other, and each
// side reads them with receiveMessageOnPort, which throws where a value cannot be rebuilt (nested too deeply for this
// thread's stack, say). piscina only carries the port, so a value that fails to arrive is an error, never a lost message.
import type { MessagePort } from 'node:worker_threads';
import type { EncodedThrown } from './errors';

/** Where a Buffer sat before structured clone turned it into a plain Uint8Array: `[]` is the value itself, `[key]` is one level down. */
export type BufferPath = [] | [string | number];

/** A list of values (call arguments, or a one-element list holding the result) and where its Buffers were. */
export interface Packed {
  values: unknown[];
  buffers: BufferPath[][];
}

/** One call, as piscina carries it to a worker. The arguments (a Packed) wait on `port`, posted by the calling thread. */
export interface Task {
  module: string;
  exportName: string;
  port: MessagePort;
}

/** The answer, posted by the worker on the call's port. Thrown values are encoded by hand (see errors.ts). */
export type Outcome = { ok: true; result: Packed } | { ok: false; thrown: EncodedThrown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Objects that structured clone copies as plain objects: plain ones and class instances (own enumerable fields only). */
function clonesAsPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]';
}

/** A Uint8Array holding just the Buffer's bytes (pooled Buffers share a larger ArrayBuffer that clone would copy whole). */
function detach(buffer: Buffer): Uint8Array {
  return buffer.byteLength === buffer.buffer.byteLength ? buffer : new Uint8Array(buffer);
}

/**
 * Record where the Buffers are (each value itself, or one level down inside an array, a plain object or a class instance)
 * so the other side can turn the Uint8Arrays that structured clone delivers back into Buffers. Deeper Buffers, and those
 * inside a Map or Set, arrive as Uint8Array.
 */
export function pack(values: unknown[]): Packed {
  const buffers: BufferPath[][] = [];
  const out = values.map((value, index): unknown => {
    const paths: BufferPath[] = [];
    buffers[index] = paths;
    if (Buffer.isBuffer(value)) {
      paths.push([]);
      return detach(value);
    }
    if (Array.isArray(value)) {
      if (!value.some((item) => Buffer.isBuffer(item))) return value;
      return value.map((item: unknown, i) => {
        if (!Buffer.isBuffer(item)) return item;
        paths.push([i]);
        return detach(item);
      });
    }
    if (clonesAsPlainObject(value)) {
      const keys = Object.keys(value).filter((key) => Buffer.isBuffer(value[key]));
      if (keys.length === 0) return value;
      const copy: Record<string, unknown> = { ...value };
      for (const key of keys) {
        paths.push([key]);
        copy[key] = detach(value[key] as Buffer);
      }
      return copy;
    }
    return value;
  });
  return { values: out, buffers };
}

function toBuffer(value: unknown): unknown {
  return value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

/** Undo `pack` on the receiving side (in place: the values are this side's own structured-clone copies). */
export function unpack(packed: Packed): unknown[] {
  return packed.values.map((value, index) => {
    for (const path of packed.buffers[index] ?? []) {
      if (path.length === 0) return toBuffer(value);
      const [key] = path;
      if (Array.isArray(value) && typeof key === 'number') value[key] = toBuffer(value[key]);
      else if (isPlainObject(value) && typeof key === 'string') value[key] = toBuffer(value[key]);
    }
    return value;
  });
}

/**
 * Where structured clone met something it refuses (a function, symbol, WeakMap, ... somewhere inside `value`), or
 * undefined. A walk, no copy; run only after a clone failed, to say where.
 */
export function uncloneable(value: unknown, where = 'the result', seen = new Set<object>()): string | undefined {
  if (typeof value === 'function') return `${where} is a function`;
  if (typeof value === 'symbol') return `${where} is a symbol`;
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return undefined;
  if (value instanceof WeakMap || value instanceof WeakSet || value instanceof WeakRef || value instanceof Promise) {
    return `${where} is a ${Object.prototype.toString.call(value).slice(8, -1)}`;
  }
  seen.add(value);
  if (value instanceof Map) {
    for (const [key, item] of value) {
      const problem = uncloneable(key, `a key of ${where}`, seen) ?? uncloneable(item, `a value of ${where}`, seen);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (value instanceof Set) {
    for (const item of value) {
      const problem = uncloneable(item, `an element of ${where}`, seen);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = uncloneable(value[i], `${where}[${i}]`, seen);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const problem = uncloneable(record[key], `${where}.${key}`, seen);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Why structured clone failed on `value`: where the part it refuses sits (`the result.callback is a function`), or what it said. */
export function cloneFailure(error: unknown, value?: unknown, where?: string): string {
  if (error instanceof RangeError) return `nested too deeply for structured clone (${error.message})`;
  let found: string | undefined;
  try {
    found = where === undefined ? undefined : uncloneable(value, where);
  } catch {
    found = undefined; // a getter that throws: fall back to what the clone said
  }
  return found ?? (error instanceof Error ? error.message : String(error));
}
