/**
 * What the core reports: plain data, the same for every adapter (the ESLint rules, the language server), with no
 * syntax-tree node in it and no sentence: `messages.ts` words it, each adapter at its edge.
 */
import type { AsyncTwin, BlockingApi } from './catalog/types.js';

export interface FixEdit {
  readonly range: readonly [start: number, end: number];
  readonly text: string;
}

export interface Fix {
  /** An action: "Use the async API `fs.promises.readFile`". */
  readonly title: string;
  readonly kind: 'async-twin' | 'worker';
  /**
   * `suggestion`: changes behaviour (adds `await`, moves work to a thread), so it is applied only on request (an
   * ESLint suggestion, an editor quick fix): every fix today. `safe` would keep behaviour exactly.
   */
  readonly safety: 'safe' | 'suggestion';
  readonly edits: readonly FixEdit[];
}

/** One step of an indirect finding's chain of calls. */
export interface ChainLink {
  /** 'readJson', or the blocking API at the end: 'fs.readFileSync'. */
  readonly label: string;
  readonly file: string;
  /** Offset of the call that leads on (for the last link: the blocking call). */
  readonly position: number;
  /** 1-based line of `position`. */
  readonly line: number;
  /** 0-based character of `position` in its line. */
  readonly character: number;
}

/** `direct`: the call itself blocks (`no-blocking-call`); `indirect`: it calls a project function that does. */
export type FindingKind = 'direct' | 'indirect';

export type FunctionKind = 'function' | 'arrow function' | 'method' | 'constructor' | 'generator function';

/** A function as messages name it: "async function `load`", "arrow function". */
export interface FunctionDescription {
  readonly async: boolean;
  readonly kind: FunctionKind;
  readonly name: string | undefined;
}

/** Where the call runs. */
export interface FindingContext {
  readonly kind: 'async' | 'function' | 'top-level';
  /** The async function whose synchronous part runs the call (kind `async`), or the function around it (`function`). */
  readonly fn?: FunctionDescription & { readonly range: readonly [start: number, end: number] };
  /** The innermost sync callback the call sits in, inside `fn` (or the innermost helper), with the method that runs it (`.map`). */
  readonly callback?: { readonly method: string | undefined };
  /**
   * The helpers the call runs in, innermost first: sync functions that run only where they are called, called only
   * from async code (`const write = (f) => fs.writeFileSync(f)` called in `async function init`).
   */
  readonly helpers?: readonly FunctionDescription[];
  /** With `helpers`: the calls of the outermost helper from async code, so editors can point at them. */
  readonly calledFrom?: readonly (readonly [start: number, end: number])[];
}

export interface Finding {
  readonly kind: FindingKind;
  /** What blocks: a catalog entry, a `@blocking` or `deny`-listed declaration, or (indirect) the project function called. */
  readonly api: BlockingApi;
  readonly range: readonly [start: number, end: number];
  readonly context: FindingContext;
  /** Indirect findings: from the called project function down to the blocking call. */
  readonly chain?: readonly ChainLink[];
  /** Indirect findings: how the project function is reached — called, constructed (`new Helper()`) or passed by reference. */
  readonly reached?: 'call' | 'new' | 'reference';
  /** Indirect findings: the async twin of the blocking call at the chain's end, when it has one. */
  readonly chainTwin?: AsyncTwin;
  readonly fixes: readonly Fix[];
}
