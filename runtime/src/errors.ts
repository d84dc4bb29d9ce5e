// How a thrown value crosses from the worker back to the caller: encoded by hand in the worker (encodeThrown) and
// rebuilt on the calling thread (decodeThrown). Structured clone alone would drop a custom error's name and own
// properties; here the name, message, stack, `code`, other own properties that can be copied, `cause` and
// `AggregateError.errors` all survive, and the rebuilt error is an instance of the nearest built-in class.
// Encoding never throws: every read of the thrown value is guarded (getters, proxies and toString may throw).
import { inspect, types } from 'node:util';

const BUILTINS = {
  Error,
  AggregateError,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
} as const;
type Builtin = keyof typeof BUILTINS | 'DOMException';

/** Causes, aggregated errors and error-valued properties are kept this many levels deep. */
const MAX_NESTING = 32;

export interface EncodedError {
  kind: 'error';
  /** The nearest built-in class, rebuilt on the calling thread so `instanceof TypeError` and the like still hold. */
  base: Builtin;
  name: string;
  message: string;
  stack: string | undefined;
  /** Own enumerable properties (and `code`, however defined) whose values can be copied. */
  props: Record<string, EncodedThrown>;
  cause?: EncodedThrown;
  errors?: EncodedThrown[];
}

export type EncodedThrown =
  | EncodedError
  /** A value structured clone can copy: rethrown as is, as a direct call would. */
  | { kind: 'value'; value: unknown }
  /** A value it cannot copy (a function, an object holding one, a symbol): described instead. */
  | { kind: 'uncopyable'; description: string };

export function isError(value: unknown): value is Error {
  return types.isNativeError(value) || value instanceof Error;
}

function read(target: object, key: string): unknown {
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** `util.inspect` never calls `toString`; a throwing custom inspect hook falls back to the bare tag. */
export function describe(value: unknown): string {
  try {
    return inspect(value, { depth: 2, breakLength: Infinity });
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : describe(value);
}

function copyable(value: unknown): boolean {
  if (typeof value === 'function' || typeof value === 'symbol') return false;
  if (typeof value !== 'object' || value === null) return true;
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

function baseOf(error: Error): Builtin {
  if (typeof DOMException === 'function' && error instanceof DOMException) return 'DOMException';
  for (const name of Object.keys(BUILTINS) as (keyof typeof BUILTINS)[]) {
    if (name !== 'Error' && error instanceof BUILTINS[name]) return name;
  }
  return 'Error';
}

function encode(value: unknown, depth: number, seen: Set<object>): EncodedThrown | undefined {
  if (isError(value)) return depth >= MAX_NESTING || seen.has(value) ? undefined : encodeError(value, depth, seen);
  return copyable(value) ? { kind: 'value', value } : { kind: 'uncopyable', description: describe(value) };
}

function encodeError(error: Error, depth: number, seen: Set<object>): EncodedError {
  seen.add(error);
  const base = baseOf(error);
  const stack = read(error, 'stack');
  const encoded: EncodedError = {
    kind: 'error',
    base,
    name: text(read(error, 'name') ?? 'Error'),
    message: text(read(error, 'message') ?? ''),
    stack: typeof stack === 'string' ? stack : undefined,
    props: {},
  };
  let keys: string[] = [];
  try {
    keys = Object.keys(error);
  } catch {
    keys = [];
  }
  if (!keys.includes('code')) keys.push('code'); // `code` may be a getter or non-enumerable (DOMException, some libraries)
  for (const key of keys) {
    if (key === 'name' || key === 'message' || key === 'stack' || key === 'cause') continue;
    if (key === 'errors' && base === 'AggregateError') continue;
    const value = read(error, key);
    if (value === undefined && !Object.hasOwn(error, key)) continue;
    const prop = encode(value, depth + 1, seen);
    if (prop !== undefined && prop.kind !== 'uncopyable') encoded.props[key] = prop;
  }
  if (Object.hasOwn(error, 'cause')) {
    const cause = encode(read(error, 'cause'), depth + 1, seen);
    if (cause !== undefined) encoded.cause = cause;
  }
  const errors = base === 'AggregateError' ? read(error, 'errors') : undefined;
  if (Array.isArray(errors)) {
    encoded.errors = errors.flatMap((item: unknown) => encode(item, depth + 1, seen) ?? []);
  }
  seen.delete(error); // only ancestors count as cycles: the same error twice side by side is encoded twice
  return encoded;
}

/** In the worker: what the function threw, as data that structured clone copies without loss. */
export function encodeThrown(value: unknown): EncodedThrown {
  try {
    const encoded = encode(value, 0, new Set());
    if (encoded !== undefined) return encoded;
  } catch {
    // a proxy whose traps throw: describe it instead
  }
  return { kind: 'uncopyable', description: describe(value) };
}

function define(target: object, key: string, value: unknown, enumerable: boolean): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable, configurable: true });
}

function decodeError(encoded: EncodedError): Error {
  const error =
    encoded.base === 'DOMException'
      ? new DOMException(encoded.message, encoded.name)
      : encoded.base === 'AggregateError'
        ? new AggregateError((encoded.errors ?? []).map((item) => decodeThrown(item)), encoded.message)
        : new BUILTINS[encoded.base](encoded.message);
  if (error.name !== encoded.name) define(error, 'name', encoded.name, false);
  if (encoded.stack !== undefined) define(error, 'stack', encoded.stack, false); // the worker's stack, not this one
  if (encoded.cause !== undefined) define(error, 'cause', decodeThrown(encoded.cause), false);
  for (const [key, value] of Object.entries(encoded.props)) {
    const decoded = decodeThrown(value);
    if (read(error, key) !== decoded) define(error, key, decoded, true);
  }
  return error;
}

/**
 * On the calling thread: the value to reject with. `exportName` names the function for a value that could not be copied
 * (given for what the function threw itself, not for a cause inside it).
 */
export function decodeThrown(encoded: EncodedThrown, exportName?: string): unknown {
  if (encoded.kind === 'value') return encoded.value;
  if (encoded.kind === 'error') return decodeError(encoded);
  const what = exportName === undefined ? 'this value' : `'${exportName}' threw a value that`;
  return new Error(`unblock: ${what} cannot be copied back from the worker thread: ${encoded.description}`);
}
