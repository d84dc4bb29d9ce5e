/**
 * Which of the project's own sync functions block, transitively: `loadConfig → readJson → fs.readFileSync`.
 * A function blocks when a chain of at most `maxDepth` project functions leads from it to a blocking call; the
 * chain reported is the shortest (the first in source order among equals). That is a fact of the program, not of
 * the order functions are asked about, so it is what is cached: for the life of a program, and carried over to the
 * next one while the files it was computed from are unchanged. The search is breadth-first and iterative (no
 * recursion, whatever `maxDepth` and however deep the call graph); recursion in the program ends where a function
 * is met again.
 */
import ts from 'typescript';
import type { BlockingApi } from '../catalog/types.js';
import type { ChainLink } from '../finding.js';
import { apiLabel } from '../messages.js';
import { defaultSummaryLimits, type SummaryLimits } from '../options.js';
import { functionFacts, holderName, holderOf, isAsyncFunction, isFunctionWithBody } from '../syntax/typescript.js';
import type { ContextSyntax } from './context.js';
import { hasMarker } from './jsdoc-tags.js';
import { importOrigin } from './import-origin.js';
import type { Origin } from './origin.js';
import { argumentFor, parameterCallsOf } from './parameter-calls.js';
import { ProjectBodies, type SummarizedNode } from './project-functions.js';
import { argumentsOf, calleeName, calleeOf, isCallLike, skipOuter, type CallLike, type CallResolver } from './resolve.js';

export type { SummarizedNode };

export interface Summary {
  /** From the summarized function down to the blocking call; empty when it does not block. */
  readonly chain: readonly ChainLink[];
  readonly api: BlockingApi | undefined;
}

const notBlocking: Summary = { chain: [], api: undefined };
const promiseReactions = new Set(['.then', '.catch', '.finally']);

/** What a function's own synchronous part does, in source order (its callees' parts are theirs). */
interface LocalFacts {
  /** Its first blocking call, if it makes one. */
  readonly direct: { readonly call: ts.Node; readonly api: BlockingApi } | undefined;
  /** The project functions and classes it runs, each with the call (or constructor, or `extends`) that runs it first. */
  readonly callees: readonly (readonly [SummarizedNode, ts.Node])[];
}

/** A summary with the source files it was computed from: it holds while they do. */
interface Known {
  readonly summary: Summary;
  readonly files: ReadonlySet<ts.SourceFile>;
}

/** The function is more than `bound` functions away from any blocking call (as the files it was found from are). */
interface Bound {
  readonly bound: number;
  readonly files: ReadonlySet<ts.SourceFile>;
}

/**
 * Summaries outlive their program: an editor makes a new program per keystroke, but TypeScript reuses the
 * SourceFile objects of unchanged files, so a summary stays valid while every file it was computed from is still
 * the same object in the new program.
 */
const carriedOver = new WeakMap<ts.Node, Map<string, Known>>();

export class FunctionSummaries {
  private readonly known = new Map<ts.Node, Known>();
  /** Lower bounds left by searches that found nothing. */
  private readonly bounds = new Map<ts.Node, Bound>();
  private readonly facts = new Map<ts.Node, LocalFacts>();
  private readonly bodies: ProjectBodies;
  private readonly checker: ts.TypeChecker;
  private names: Set<string> | undefined;
  private readonly maxDepth: number;

  constructor(
    private readonly program: ts.Program,
    private readonly resolver: CallResolver,
    private readonly syntax: ContextSyntax<ts.Node>,
    /** The direct matcher: what a call blocks on by itself (catalog, `@blocking`, `deny`), or undefined. */
    private readonly directlyBlocking: (call: CallLike) => BlockingApi | undefined,
    private readonly limits: SummaryLimits = defaultSummaryLimits,
    /** What else the answers depend on (the detector's options): summaries are only carried over between equals. */
    private readonly optionsKey = '',
    /** What an origin found by import tracking blocks on, called as `call` (a module passed as an argument). */
    private readonly blockingOrigin: (origin: Origin, call: CallLike) => BlockingApi | undefined = () => undefined,
  ) {
    this.bodies = new ProjectBodies(program);
    this.checker = program.getTypeChecker();
    this.maxDepth = Math.max(1, Math.floor(limits.maxDepth) || defaultSummaryLimits.maxDepth);
  }

  /** The project function (or, for `new` and `super()`, class) a call invokes, if it has a body to summarize. */
  projectFunctionOf(call: CallLike): SummarizedNode | undefined {
    const callee = calleeOf(call);
    return this.projectFunctionOfValue(callee, ts.isNewExpression(call) || callee.kind === ts.SyntaxKind.SuperKeyword);
  }

  /** The project function a value names: `readJson`, `helpers.readJson`, `require('./helpers').readJson`. */
  projectFunctionOfValue(value: ts.Expression, constructs = false): SummarizedNode | undefined {
    // A property call needs the receiver's type to resolve: first ask whether any project function has that name.
    const node = skipOuter(value);
    if (!ts.isIdentifier(node) && node.kind !== ts.SyntaxKind.SuperKeyword) {
      const name = calleeName(node);
      if (name === undefined || !this.projectFunctionNames().has(name)) return undefined;
    }
    const declarations = this.resolver.symbolOf(value)?.getDeclarations() ?? [];
    return declarations.length > 0 ? this.bodies.of(declarations, constructs) : this.bodies.ofRequired(value, constructs);
  }

  /** Does calling `fn` (or constructing a class) block, and through which chain? With `call`: that call of it. */
  summaryOf(fn: SummarizedNode, call?: CallLike): Summary {
    const summary = this.knownOf(fn)?.summary ?? (isExcluded(fn) ? notBlocking : this.search(fn));
    const passed = summary.api || !call ? undefined : this.blocksThroughArgument(fn, call);
    return passed ? { chain: [this.link(fn, passed.call), this.apiLink(passed.api, passed.call)], api: passed.api } : summary;
  }

  private knownOf(fn: ts.Node): Known | undefined {
    const known = this.known.get(fn);
    if (known) return known;
    const earlier = carriedOver.get(fn)?.get(this.optionsKey);
    if (!earlier) return undefined;
    for (const file of earlier.files) {
      if (this.program.getSourceFile(file.fileName) !== file) {
        carriedOver.get(fn)?.delete(this.optionsKey); // computed from a file since edited: never valid again
        return undefined;
      }
    }
    this.known.set(fn, earlier);
    return earlier;
  }

  private remember(fn: ts.Node, summary: Summary, files: ReadonlySet<ts.SourceFile>): void {
    if (this.known.has(fn)) return;
    const known = { summary, files };
    this.known.set(fn, known);
    const byOptions = carriedOver.get(fn) ?? new Map<string, Known>();
    byOptions.set(this.optionsKey, known);
    carriedOver.set(fn, byOptions);
  }

  /**
   * Breadth-first from `root`, one level per function of the chain: the first level with a blocking call gives the
   * shortest chain. A function already known to be too far from any blocking call to help is not looked into.
   */
  private search(root: SummarizedNode): Summary {
    const files = new Set<ts.SourceFile>();
    /** How each function was reached: the function that runs it and the call that does. */
    const reached = new Map<SummarizedNode, readonly [SummarizedNode, ts.Node] | undefined>([[root, undefined]]);
    const levels: SummarizedNode[][] = [];
    for (let level = [root], depth = 1; level.length > 0; depth++) {
      levels.push(level);
      for (const fn of level) {
        files.add(fn.getSourceFile());
        const { direct } = this.localFacts(fn);
        if (direct) return this.found(fn, direct, reached, files);
      }
      if (depth >= this.maxDepth) break;
      const next: SummarizedNode[] = [];
      for (const fn of level) {
        for (const [callee, via] of this.localFacts(fn).callees) {
          const passed = this.blocksThroughArgument(callee, via);
          if (passed) return this.found(callee, passed, new Map([...reached, [callee, [fn, via]]]), files.add(callee.getSourceFile()), false);
          if (reached.has(callee)) continue;
          reached.set(callee, [fn, via]);
          files.add(callee.getSourceFile()); // an edit there can make it async, or not
          if (isExcluded(callee)) continue;
          // At depth + 1, a chain through `callee` fits only if it is at most maxDepth - depth functions from a block.
          const bound = this.boundOf(callee);
          if (bound && bound.bound >= this.maxDepth - depth) {
            for (const file of bound.files) files.add(file);
            continue;
          }
          next.push(callee);
        }
      }
      level = next;
    }
    // Nothing within reach: a function met at depth d is more than maxDepth - d + 1 functions from any blocking call.
    levels.forEach((level, index) => {
      for (const fn of level) {
        const bound = this.maxDepth - index;
        if ((this.bounds.get(fn)?.bound ?? 0) < bound) this.bounds.set(fn, { bound, files });
      }
    });
    this.remember(root, notBlocking, files);
    return notBlocking;
  }

  /** What is known of how far `fn` is from a blocking call, as a lower bound. */
  private boundOf(fn: SummarizedNode): Bound | undefined {
    const known = this.knownOf(fn);
    if (!known) return this.bounds.get(fn);
    // A known chain of n functions: exactly n away. None: more than maxDepth.
    return { bound: known.summary.chain.length > 0 ? known.summary.chain.length - 2 : this.maxDepth, files: known.files };
  }

  /**
   * The chain from the root to `last`'s blocking call. Each function on it gets the rest of the chain as its own
   * summary: a shortest chain's tail is the shortest from where it starts, and the first in source order too.
   */
  private found(
    last: SummarizedNode,
    direct: NonNullable<LocalFacts['direct']>,
    reached: ReadonlyMap<SummarizedNode, readonly [SummarizedNode, ts.Node] | undefined>,
    files: ReadonlySet<ts.SourceFile>,
    /** False when `last` blocks only with what its caller passes it: then it keeps no summary of its own. */
    lastBlocksAlone = true,
  ): Summary {
    // Back from `last` to the root: path[i] runs path[i - 1] through vias[i - 1].
    const path: SummarizedNode[] = [last];
    const vias: ts.Node[] = [];
    for (let step = reached.get(last); step; step = reached.get(step[0])) {
      path.push(step[0]);
      vias.push(step[1]);
    }
    path.reverse();
    vias.reverse();
    const chain = [...vias.map((via, index) => this.link(path[index]!, via)), this.link(last, direct.call), this.apiLink(direct.api, direct.call)];
    path.forEach((fn, index) => (lastBlocksAlone || fn !== last) && this.remember(fn, { chain: chain.slice(index), api: direct.api }, files));
    return { chain, api: direct.api };
  }

  /**
   * `processArgs(argv, fs)`: a blocking call `callee` makes in its synchronous part through a parameter, given the
   * module `via` passes for it (the first in source order). Only for a call that passes an argument there.
   */
  private blocksThroughArgument(callee: SummarizedNode, via: ts.Node): LocalFacts['direct'] {
    if (ts.isClassLike(callee) || callee.parameters.length === 0 || !isCallLike(via) || !argumentsOf(via).length || isExcluded(callee)) return undefined;
    for (const { call, index, path } of parameterCallsOf(callee, this.checker)) {
      const argument = argumentFor(via, index);
      const origin = argument && importOrigin(argument, this.checker, path);
      const api = origin && this.blockingOrigin(origin, call);
      if (!api) continue;
      const inner = this.syntax.enclosingFunction(call);
      if (inner === callee || (inner && this.runsDuring(inner, callee))) return { call, api };
    }
    return undefined;
  }

  /** The blocking call and callees of `fn`'s synchronous part: its body, or for a class what `new` runs. */
  private localFacts(fn: SummarizedNode): LocalFacts {
    const cached = this.facts.get(fn);
    if (cached) return cached;
    let size = 0;
    let direct: LocalFacts['direct'];
    const callees = new Map<SummarizedNode, ts.Node>();
    const add = (callee: SummarizedNode | undefined, via: ts.Node): void => {
      if (callee && callee !== fn && !callees.has(callee)) callees.set(callee, via);
    };
    const visit = (node: ts.Node): void => {
      if (direct || ++size > this.limits.maxFunctionSize) return;
      if (node !== fn && isFunctionWithBody(node) && !this.runsDuring(node, fn)) return; // deferred or unknown: not our sync part
      if (isCallLike(node)) {
        const api = this.directlyBlocking(node);
        if (api) {
          direct = { call: node, api };
          return;
        }
        add(this.projectFunctionOf(node), node);
      }
      ts.forEachChild(node, visit);
    };
    if (!ts.isClassLike(fn)) {
      if (fn.body) visit(fn.body); // the body itself: an arrow's expression body is the call `() => fs.readFileSync(p)`
    } else {
      // `new C()`: instance field initializers and the constructor; without one, the base class's construction.
      const constructor = fn.members.find((member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && !!member.body);
      for (const member of fn.members) {
        if (ts.isPropertyDeclaration(member) && member.initializer && !isStatic(member)) visit(member.initializer);
        else if (member === constructor) add(constructor, constructor);
      }
      const base = fn.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      if (base && !constructor) add(this.projectFunctionOfValue(base, true), base);
    }
    const facts = { direct, callees: direct ? [] : [...callees] };
    this.facts.set(fn, facts);
    return facts;
  }

  /**
   * A nested function runs during `outer` when it is a sync callback of a call made in `outer`'s sync part. A promise
   * reaction (`.then`/`.catch`/`.finally`) runs after the call has returned: not during it.
   */
  private runsDuring(inner: ts.Node, outer: ts.Node): boolean {
    for (let fn: ts.Node | undefined = inner; fn && fn !== outer; fn = this.syntax.enclosingFunction(fn)) {
      if (isInvokedOnTheSpot(fn)) continue;
      const passed = this.syntax.callOfArgument(fn);
      if (!passed || promiseReactions.has(passed.method ?? '') || this.syntax.callbackTiming(passed.call, passed.index) !== 'sync') return false;
    }
    return true;
  }

  /** Names of the functions, methods, function-valued variables and classes of the project's own files. */
  private projectFunctionNames(): Set<string> {
    if (this.names) return this.names;
    const names = new Set<string>();
    for (const sourceFile of this.program.getSourceFiles()) {
      if (sourceFile.isDeclarationFile || this.program.isSourceFileFromExternalLibrary(sourceFile)) continue;
      for (const name of functionNamesOf(sourceFile)) names.add(name);
    }
    return (this.names = names);
  }

  private link(fn: SummarizedNode, call: ts.Node): ChainLink {
    return position(chainLabel(fn), call);
  }

  private apiLink(api: BlockingApi, call: ts.Node): ChainLink {
    return position(apiLabel(api, '.'), call);
  }
}

/** Per source file, kept while TypeScript reuses the file between programs (edits elsewhere). */
const functionNamesCache = new WeakMap<ts.SourceFile, readonly string[]>();

/**
 * The new version of a file edited inside `fn` alone: its names are the old version's (outside `fn` nothing
 * changed) and those in `fn` now. A name `fn` no longer has stays: the names only decide what is worth resolving.
 */
export function carryFunctionNames(edited: ts.SourceFile, previous: ts.SourceFile, fn: ts.Node): void {
  const earlier = functionNamesCache.get(previous);
  if (earlier && !functionNamesCache.has(edited)) functionNamesCache.set(edited, [...new Set([...earlier, ...functionNamesOf(fn, false)])]);
}

function functionNamesOf(root: ts.Node, cache = true): readonly string[] {
  const sourceFile = root as ts.SourceFile;
  const cached = cache ? functionNamesCache.get(sourceFile) : undefined;
  if (cached) return cached;
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.initializer) && ts.isIdentifier(node.name)) {
      names.push(node.name.text); // `module.exports = { lock: readLock }`: may name a function under another name
    } else if (ts.isClassLike(node)) {
      const name = node.name ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name : undefined);
      if (name && ts.isIdentifier(name)) names.push(name.text);
    } else if (isFunctionWithBody(node)) {
      const own = ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node) ? node.name : undefined;
      const name = own ? (ts.isIdentifier(own) || ts.isStringLiteral(own) || ts.isPrivateIdentifier(own) ? own.text : undefined) : holderName(holderOf(node), true);
      if (name) names.push(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  if (cache) functionNamesCache.set(sourceFile, names);
  return names;
}

function position(label: string, node: ts.Node): ChainLink {
  const sourceFile = node.getSourceFile();
  const start = node.getStart(sourceFile);
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
  return { label, file: sourceFile.fileName, position: start, line: line + 1, character };
}

/** How a chain names a function: `readJson`, `constructor`, a class by its name; `exports.load = function` as `load`. */
function chainLabel(fn: SummarizedNode): string {
  if (ts.isConstructorDeclaration(fn)) return 'constructor';
  if (ts.isClassLike(fn)) {
    const name = fn.name ?? (ts.isVariableDeclaration(fn.parent) ? fn.parent.name : undefined);
    return name && ts.isIdentifier(name) ? name.text : 'anonymous class';
  }
  const named = functionFacts(fn).name;
  if (named) return named;
  // `const isGlobal = memoize(() => …)`: named by the variable that holds the wrapper
  const wrapper = ts.isCallExpression(fn.parent) ? fn.parent : undefined;
  if (wrapper && ts.isVariableDeclaration(wrapper.parent) && ts.isIdentifier(wrapper.parent.name)) return wrapper.parent.name.text;
  const holder = holderOf(fn);
  const target = holder && ts.isBinaryExpression(holder) ? holder.left : undefined;
  return target && ts.isPropertyAccessExpression(target) && !isModuleExports(target) ? target.name.text : 'anonymous function';
}

function isModuleExports(node: ts.PropertyAccessExpression): boolean {
  return ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports';
}

/**
 * `(() => …)()`, `(function () { … }).call(x)`: a sync function expression called where it is written runs then.
 * Async and generator functions are not: an async one's blocking calls are reported inside it, a generator runs
 * nothing when called.
 */
function isInvokedOnTheSpot(fn: ts.Node): boolean {
  if ((!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) || isExcluded(fn)) return false;
  let value: ts.Node = fn;
  while (ts.isParenthesizedExpression(value.parent)) value = value.parent;
  const parent = value.parent;
  if (ts.isCallExpression(parent)) return parent.expression === value;
  const method = ts.isPropertyAccessExpression(parent) && parent.expression === value ? parent.name.text : undefined;
  return (method === 'call' || method === 'apply') && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
}

/**
 * Never followed: async functions (their blocking calls are reported inside them), generator functions (calling
 * one runs none of its body), and what `@nonblocking` marks.
 */
function isExcluded(fn: SummarizedNode): boolean {
  if (isAsyncFunction(fn) || ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.asteriskToken)) return true;
  return hasMarker(fn, 'nonblocking') || hasMarker(holderOf(fn) ?? fn, 'nonblocking');
}

function isStatic(member: ts.ClassElement): boolean {
  return (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) !== 0;
}
