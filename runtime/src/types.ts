// The types of what a worker call returns: the module's functions made async (WorkerModule), and what structured clone
// makes of their results (Cloned). Type-level only; tests/types.test.ts proves each case.
import type { Blob } from 'node:buffer';
import type { KeyObject, X509Certificate, webcrypto } from 'node:crypto';
import type { BlockList, SocketAddress } from 'node:net';

type AnyFunction = (...args: never[]) => unknown;
type Primitive = string | number | boolean | bigint | null | undefined | void;

/** Copied as themselves, class and all: built-in data types and the Node.js objects that worker threads can clone. */
type KeptAsIs =
  | Date
  | RegExp
  | ArrayBuffer
  | SharedArrayBuffer
  | ArrayBufferView
  | Blob
  | KeyObject
  | webcrypto.CryptoKey
  | X509Certificate
  | BlockList
  | SocketAddress;

/** Structured clone refuses these (so a result holding one rejects); WeakMap, WeakSet and promises included. */
type Refused = symbol | AnyFunction | WeakMap<never, unknown> | WeakSet<never> | PromiseLike<unknown> | URL;

/** How deep a value sits: 0 is the result itself, 1 one level down in an array or object, 2 anything deeper. */
type Level = 0 | 1 | 2;
type Deeper<L extends Level> = L extends 0 ? 1 : 2;

type ClonedAt<T, L extends Level> = unknown extends T
  ? T // any, unknown
  : T extends Primitive
    ? T
    : T extends Buffer
      ? L extends 2
        ? Uint8Array // unblock turns Uint8Arrays back into Buffers only at levels 0 and 1
        : T
      : T extends KeptAsIs
        ? T
        : T extends ReadonlyMap<infer K, infer V>
          ? Map<ClonedAt<K, 2>, ClonedAt<V, 2>>
          : T extends ReadonlySet<infer V>
            ? Set<ClonedAt<V, 2>>
            : T extends Refused // after Map and Set: a Map has every member a WeakMap has
              ? never
              : T extends Error
                ? Error // the message, stack and cause survive; a custom class, name and own properties do not
                : T extends readonly unknown[]
                  ? { -readonly [I in keyof T]: ClonedAt<T[I], Deeper<L>> }
                  : {
                      -readonly [K in keyof T as K extends symbol ? never : T[K] extends AnyFunction ? never : K]: ClonedAt<
                        T[K],
                        Deeper<L>
                      >;
                    };

/**
 * What a value of type T is after structured clone carried it across threads: primitives, Date, RegExp, Map, Set,
 * ArrayBuffer, typed arrays and the like are kept; Buffers stay Buffers at the top and one level down (deeper ones,
 * and those inside a Map or Set, become Uint8Array); errors become plain `Error`s; any other object (a class instance
 * included) becomes a plain object of its own fields: methods are dropped, as are symbol keys. Functions, symbols and
 * promises cannot be copied: `never`.
 *
 * Types cannot tell a getter from a field: a getter declared on a class is typed as kept but arrives missing.
 */
export type Cloned<T> = ClonedAt<T, 0>;

/** The names of M's function exports. */
type FunctionKeys<M> = { [K in keyof M]: M[K] extends AnyFunction ? K : never }[keyof M];

/**
 * The functions exported by module M, each turned into an async function that runs on a worker thread and resolves to
 * the structured clone of its result (`Cloned`). An export named `then` is left out: the object `inWorker` returns must
 * not be a thenable.
 *
 * Deliberately not a homomorphic mapped type (`[K in keyof M as ...]`): those keep each property linked to the original
 * declaration, so a checker-based linter (unblock's own `no-blocking-call`) would see `inWorker(...).hashSync` as
 * bcryptjs's blocking `hashSync` and flag the very code its worker fix generates.
 */
export type WorkerModule<M> = {
  [K in Exclude<Extract<FunctionKeys<M>, keyof M>, 'then'>]: M[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Cloned<Awaited<R>>>
    : never;
};

/** The second argument of `inWorker`. */
export interface InWorkerOptions {
  /**
   * Gives up on the calls made through this object: each rejects with an `AbortError` whose `cause` is `signal.reason`.
   * A call still queued is dropped; a call already running has its worker thread terminated.
   */
  signal?: AbortSignal | undefined;
}
