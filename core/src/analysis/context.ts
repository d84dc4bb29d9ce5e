/**
 * Is a call running synchronously inside async code? The one place that answers it, for any syntax tree:
 * adapters (`typescript-syntax.ts`, and the ESTree one in the rules) supply the tree facts.
 */

/**
 * - `async`: inside async functions and sync callbacks that run during them (default);
 * - `function`: inside any function, like `n/no-sync` with `allowAtRootLevel`;
 * - `everywhere`: module top level too.
 */
export type ContextMode = 'async' | 'function' | 'everywhere';
export const contextModes: readonly ContextMode[] = ['async', 'function', 'everywhere'];

/** How a call treats a function passed to it. */
export type CallbackTiming =
  /** runs it before the call returns (`Array#map`) or on the same loop turn chain (`Promise#then`) */
  | 'sync'
  /** runs it on another thread (`synckit.runAsWorker`): blocking there is fine */
  | 'offload'
  /** timers, listeners, unknown callers: we cannot say it runs inside the async code */
  | 'unknown';

export interface FunctionFacts {
  readonly async: boolean;
  /** How messages name it: "async function `load`", "async arrow function". */
  readonly label: string;
}

/** "async function `load`", "arrow function": how both syntax adapters name a function. */
export function functionLabel(async: boolean, kind: string, name: string | undefined): string {
  return `${async ? 'async ' : ''}${kind}${name ? ` \`${name}\`` : ''}`;
}

export interface ContextSyntax<N> {
  /** The innermost function around `node`; undefined at module level (class static blocks count as module level). */
  enclosingFunction(node: N): N | undefined;
  facts(fn: N): FunctionFacts;
  /** `facts(fn).async`, without building the label. */
  isAsync(fn: N): boolean;
  /** When `fn` is passed directly to a call or `new`: the call and the argument position. */
  callOfArgument(fn: N): { readonly call: N; readonly index: number; readonly method: string | undefined } | undefined;
  callbackTiming(call: N, index: number): CallbackTiming;
}

export interface AsyncContext<N> {
  readonly kind: 'async' | 'function' | 'top-level';
  /** The async function whose synchronous part runs the call (kind 'async'), or the plain function ('function'). */
  readonly fn: N | undefined;
  readonly fnLabel: string | undefined;
  /** Sync callbacks between the call and `fn`, innermost first, with the method that runs each. */
  readonly callbacks: readonly { readonly fn: N; readonly method: string | undefined }[];
}

/** Where `node` runs, if that is somewhere `mode` reports; undefined otherwise. */
export function findAsyncContext<N>(node: N, syntax: ContextSyntax<N>, mode: ContextMode): AsyncContext<N> | undefined {
  if (mode === 'async' && !hasAsyncAncestor(node, syntax)) return undefined; // syntax only: spares the type checker
  const callbacks: { fn: N; method: string | undefined }[] = [];
  let current = node;
  let innermost: N | undefined;
  for (let depth = 0; depth < 64; depth++) {
    const fn = syntax.enclosingFunction(current);
    if (fn === undefined) {
      if (mode === 'everywhere' && innermost === undefined) return { kind: 'top-level', fn: undefined, fnLabel: undefined, callbacks };
      break;
    }
    innermost ??= fn;
    const facts = syntax.facts(fn);
    const passed = syntax.callOfArgument(fn);
    const timing = passed ? syntax.callbackTiming(passed.call, passed.index) : 'unknown';
    if (timing === 'offload') return undefined;
    if (facts.async) return { kind: 'async', fn, fnLabel: facts.label, callbacks };
    if (!passed || timing !== 'sync') break;
    callbacks.push({ fn, method: passed.method });
    current = passed.call;
  }
  if (mode !== 'async' && innermost !== undefined) {
    return { kind: 'function', fn: innermost, fnLabel: syntax.facts(innermost).label, callbacks: [] };
  }
  return undefined;
}

/** False only when `findAsyncContext` is sure to say undefined, from syntax alone (mode `async`, no async function around). */
export function mayBeInAsyncContext<N>(node: N, syntax: ContextSyntax<N>, mode: ContextMode): boolean {
  return mode !== 'async' || hasAsyncAncestor(node, syntax);
}

function hasAsyncAncestor<N>(node: N, syntax: ContextSyntax<N>): boolean {
  const fn = syntax.enclosingFunction(node);
  return fn !== undefined && isOrInAsync(fn, syntax);
}

/**
 * Per syntax adapter (one per program or file) and function node: every call in a function asks the same
 * question. Not across programs: an editor's next program may reuse a function node under a new parent.
 */
const asyncAround = new WeakMap<object, WeakMap<object, boolean>>();

function isOrInAsync<N>(fn: N, syntax: ContextSyntax<N>): boolean {
  let answers = asyncAround.get(syntax);
  if (!answers) asyncAround.set(syntax, (answers = new WeakMap()));
  let answer = answers.get(fn as object);
  if (answer === undefined) {
    const outer = syntax.isAsync(fn) ? undefined : syntax.enclosingFunction(fn);
    answer = syntax.isAsync(fn) || (outer !== undefined && isOrInAsync(outer, syntax));
    answers.set(fn as object, answer);
  }
  return answer;
}

/** "inside async function `load`", "inside a `.map()` callback in async function `load`". */
export function describeContext(context: AsyncContext<unknown>): string {
  if (context.kind === 'top-level') return 'at module level';
  const where = context.kind === 'async' ? context.fnLabel : context.fnLabel?.replace(/^async /, '');
  const first = context.callbacks[0];
  if (!first) return `inside ${where}`;
  const runner = first.method ? `a \`${first.method}()\` callback` : 'a callback';
  return `inside ${runner} in ${where}`;
}
