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
  /**
   * When `fn` is a helper that runs only where it is called — a named function or a variable holding one, every
   * reference to it a direct call (not exported, passed, stored or returned) — those calls; undefined otherwise.
   */
  callsOf(fn: N): readonly N[] | undefined;
  /** Syntax only, no symbols: whether `fn` has the shape of such a helper (what `callsOf` may say yes to). */
  mayBeHelper(fn: N): boolean;
  /**
   * The outermost function or class static block around `node` (or `node` itself): a helper is called only inside
   * the function that declares it, so every context a call can have lies in there.
   */
  outermostScope(node: N): N;
  /** Syntax only: whether `scope` is, or has inside it, an async function. */
  hasAsyncFunction(scope: N): boolean;
}

export interface AsyncContext<N> {
  readonly kind: 'async' | 'function' | 'top-level';
  /** The async function whose synchronous part runs the call (kind 'async'), or the plain function ('function'). */
  readonly fn: N | undefined;
  readonly facts: FunctionDescription | undefined;
  /** Sync callbacks between the call and `fn` (or the innermost helper), innermost first, with the method that runs each. */
  readonly callbacks: readonly { readonly fn: N; readonly method: string | undefined }[];
  /**
   * Helpers the call runs in, innermost first: a sync function that runs only where it is called, called only from
   * async code (`const write = (f) => fs.writeFileSync(f)` called in `async function init`). Each with its calls.
   */
  readonly helpers?: readonly Helper<N>[];
}

export interface Helper<N> {
  readonly fn: N;
  readonly facts: FunctionDescription;
  /** Where it is called from async code (or from the next helper). */
  readonly calls: readonly N[];
}

/**
 * Where `node` runs, if that is somewhere `mode` reports; undefined otherwise. `helpers: false` stops at helpers
 * (the indirect check reports the call of the helper from async code, with the chain, not each call inside it).
 */
export function findAsyncContext<N>(node: N, syntax: ContextSyntax<N>, mode: ContextMode, { helpers = true } = {}): AsyncContext<N> | undefined {
  if (!mayBeInAsyncContext(node, syntax, mode, helpers)) return undefined; // syntax only: spares the type checker
  return contextOf(node, syntax, mode, helpers ? new Set() : undefined);
}

/** `visiting`: the helpers being judged further up, so that recursion (`go` calling `go`) ends; undefined: no helpers. */
function contextOf<N>(node: N, syntax: ContextSyntax<N>, mode: ContextMode, visiting: Set<N> | undefined): AsyncContext<N> | undefined {
  const callbacks: { fn: N; method: string | undefined }[] = [];
  let current = node;
  let innermost: N | undefined;
  for (let depth = 0; depth < 64; depth++) {
    const fn = syntax.enclosingFunction(current);
    if (fn === undefined) {
      if (mode === 'everywhere' && innermost === undefined) return { kind: 'top-level', fn: undefined, facts: undefined, callbacks };
      break;
    }
    // Nothing async around, as no helper either (syntax, cached): no need to ask how a callback is run.
    if (mode === 'async' && !isOrInAsync(fn, syntax, visiting !== undefined)) return undefined;
    innermost ??= fn;
    const facts = syntax.facts(fn);
    const passed = syntax.callOfArgument(fn);
    const timing = passed ? syntax.callbackTiming(passed.call, passed.index) : 'unknown';
    if (timing === 'offload') return undefined;
    if (facts.async) return { kind: 'async', fn, facts, callbacks };
    if (!passed) {
      const helped = visiting && helperContext(fn, facts, syntax, visiting);
      if (helped) return { ...helped, callbacks };
      break;
    }
    if (timing !== 'sync') break;
    callbacks.push({ fn, method: passed.method });
    current = passed.call;
  }
  if (mode !== 'async' && innermost !== undefined) {
    return { kind: 'function', fn: innermost, facts: syntax.facts(innermost), callbacks: [] };
  }
  return undefined;
}

/**
 * A helper runs in async code when every call of it from outside itself does. Its context is its first call's, with
 * the helper in front of that context's own helpers.
 */
function helperContext<N>(fn: N, facts: FunctionDescription, syntax: ContextSyntax<N>, visiting: Set<N>): AsyncContext<N> | undefined {
  if (visiting.has(fn) || !syntax.mayBeHelper(fn)) return undefined;
  const calls = syntax.callsOf(fn)?.filter((call) => !isInside(call, fn, syntax));
  if (!calls?.length) return undefined;
  visiting.add(fn);
  try {
    const contexts = calls.map((call) => contextOf(call, syntax, 'async', visiting));
    const [first] = contexts;
    if (!first || !contexts.every((context) => context?.kind === 'async')) return undefined;
    return { ...first, helpers: [{ fn, facts, calls }, ...(first.helpers ?? [])] };
  } finally {
    visiting.delete(fn);
  }
}

function isInside<N>(node: N, fn: N, syntax: ContextSyntax<N>): boolean {
  for (let current = syntax.enclosingFunction(node); current !== undefined; current = syntax.enclosingFunction(current)) {
    if (current === fn) return true;
  }
  return false;
}

/** False only when `findAsyncContext` is sure to say undefined, from syntax alone (mode `async`, no async function or helper around). */
export function mayBeInAsyncContext<N>(node: N, syntax: ContextSyntax<N>, mode: ContextMode, helpers = true): boolean {
  if (mode !== 'async') return true;
  const fn = syntax.enclosingFunction(node);
  return fn !== undefined && isOrInAsync(fn, syntax, helpers);
}

/**
 * Per syntax adapter (one per program or file) and function node: every call in a function asks the same
 * question. Not across programs: an editor's next program may reuse a function node under a new parent.
 */
const asyncAround = new WeakMap<
  object,
  { withHelpers: WeakMap<object, boolean>; without: WeakMap<object, boolean>; scopes: WeakMap<object, boolean> }
>();

function tablesOf<N>(syntax: ContextSyntax<N>) {
  let tables = asyncAround.get(syntax);
  if (!tables) asyncAround.set(syntax, (tables = { withHelpers: new WeakMap(), without: new WeakMap(), scopes: new WeakMap() }));
  return tables;
}

/** Whether `fn` is async or inside an async function; with `helpers`, also whether it may be (or be in) a helper. */
function isOrInAsync<N>(fn: N, syntax: ContextSyntax<N>, helpers: boolean): boolean {
  const tables = tablesOf(syntax);
  const answers = helpers ? tables.withHelpers : tables.without;
  let answer = answers.get(fn as object);
  if (answer === undefined) {
    // A helper may be called from async code anywhere in the function that declares it: only `findAsyncContext` can
    // tell, unless no async function is there at all (a rule's `create`, a plain module function and its helpers).
    const outer = syntax.isAsync(fn) ? undefined : syntax.enclosingFunction(fn);
    answer =
      syntax.isAsync(fn) ||
      (helpers && syntax.mayBeHelper(fn) && asyncInScope(fn, syntax, tables.scopes)) ||
      (outer !== undefined && isOrInAsync(outer, syntax, helpers));
    answers.set(fn as object, answer);
  }
  return answer;
}

/** Whether an async function is in the outermost function around `fn`: where `fn`'s calls, and theirs, all are. */
function asyncInScope<N>(fn: N, syntax: ContextSyntax<N>, scopes: WeakMap<object, boolean>): boolean {
  const scope = syntax.outermostScope(fn);
  let answer = scopes.get(scope as object);
  if (answer === undefined) scopes.set(scope as object, (answer = syntax.hasAsyncFunction(scope)));
  return answer;
}

/** The context as a finding carries it: data only, `range` giving where a node is. */
export function findingContext<N>(context: AsyncContext<N>, range: (node: N) => readonly [number, number]): FindingContext {
  const { fn, facts, helpers } = context;
  const first = context.callbacks[0];
  const outermost = helpers?.at(-1);
  return {
    kind: context.kind,
    ...(fn !== undefined && facts && { fn: { ...facts, range: range(fn) } }),
    ...(first && { callback: { method: first.method } }),
    ...(helpers?.length && { helpers: helpers.map((helper) => helper.facts) }),
    ...(outermost && { calledFrom: outermost.calls.map(range) }),
  };
}
