/**
 * Is a call running synchronously inside async code? The one place that answers it, for any syntax tree:
 * adapters (`syntax/typescript.ts`, and the ESTree one in the ESLint plugin) supply the tree facts.
 */
import type { FindingContext, FunctionDescription } from '../finding.js';
import type { ContextMode } from '../options.js';

/** How a call treats a function passed to it. */
export type CallbackTiming =
  /** runs it before the call returns (`Array#map`) or on the same loop turn chain (`Promise#then`) */
  | 'sync'
  /** runs it on another thread (`synckit.runAsWorker`): blocking there is fine */
  | 'offload'
  /** timers, listeners, unknown callers: we cannot say it runs inside the async code */
  | 'unknown';

export interface ContextSyntax<N> {
  /** The innermost function around `node`; undefined at module level (class static blocks count as module level). */
  enclosingFunction(node: N): N | undefined;
  facts(fn: N): FunctionDescription;
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
  readonly facts: FunctionDescription | undefined;
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
      if (mode === 'everywhere' && innermost === undefined) return { kind: 'top-level', fn: undefined, facts: undefined, callbacks };
      break;
    }
    innermost ??= fn;
    const facts = syntax.facts(fn);
    const passed = syntax.callOfArgument(fn);
    const timing = passed ? syntax.callbackTiming(passed.call, passed.index) : 'unknown';
    if (timing === 'offload') return undefined;
    if (facts.async) return { kind: 'async', fn, facts, callbacks };
    if (!passed || timing !== 'sync') break;
    callbacks.push({ fn, method: passed.method });
    current = passed.call;
  }
  if (mode !== 'async' && innermost !== undefined) {
    return { kind: 'function', fn: innermost, facts: syntax.facts(innermost), callbacks: [] };
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

/** The context as a finding carries it: data only, `range` giving where a node is. */
export function findingContext<N>(context: AsyncContext<N>, range: (node: N) => readonly [number, number]): FindingContext {
  const { fn, facts } = context;
  const first = context.callbacks[0];
  return {
    kind: context.kind,
    ...(fn !== undefined && facts && { fn: { ...facts, range: range(fn) } }),
    ...(first && { callback: { method: first.method } }),
  };
}
