/**
 * Which of the project's own sync functions block, transitively: `loadConfig → readJson → fs.readFileSync`.
 * One summary per function declaration, computed on demand and cached for the life of a program (a new
 * program — after an edit — gets a new cache). Recursion is safe: a function still being summarized counts as
 * non-blocking for its callees, and results that leaned on that are not cached.
 */
import * as ts from 'typescript';
import type { BlockingApi } from './catalog/types.js';
import type { ContextSyntax } from './context.js';
import { hasMarker } from './jsdoc-tags.js';
import { ProjectBodies } from './project-functions.js';
import { calleeName, isCallLike, skipOuter, type CallLike, type CallResolver } from './resolve.js';
import { functionFacts, isAsyncFunction, isFunctionWithBody, type FunctionNode } from './typescript-syntax.js';

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

export interface Summary {
  /** From the summarized function down to the blocking call; empty when it does not block. */
  readonly chain: readonly ChainLink[];
  readonly api: BlockingApi | undefined;
}

export interface SummaryLimits {
  /** How many project functions deep to follow calls (default 8). */
  readonly maxDepth: number;
  /** Functions with more syntax nodes than this are not looked into (default 20,000). */
  readonly maxFunctionSize: number;
}

export const defaultSummaryLimits: SummaryLimits = { maxDepth: 8, maxFunctionSize: 20_000 };

const notBlocking: Summary = { chain: [], api: undefined };

/**
 * Summaries outlive their program: an editor makes a new program per keystroke, but TypeScript reuses the
 * SourceFile objects of unchanged files, so a summary stays valid while every file it was computed from is still
 * the same object in the new program.
 */
const carriedOver = new WeakMap<ts.Node, Map<string, { summary: Summary; files: readonly ts.SourceFile[] }>>();

export class FunctionSummaries {
  private readonly cache = new Map<ts.Node, Summary>();
  /** The source files each summary was computed from: the function's own and those of the functions it follows. */
  private readonly filesOf = new Map<ts.Node, Set<ts.SourceFile>>();
  private readonly inProgress = new Set<ts.Node>();
  private sawCycle = false;
  private readonly bodies: ProjectBodies;

  constructor(
    private readonly program: ts.Program,
    private readonly resolver: CallResolver,
    private readonly syntax: ContextSyntax<ts.Node>,
    /** The direct matcher: what a call blocks on by itself (catalog, `@blocking`, `deny`), or undefined. */
    private readonly directlyBlocking: (call: CallLike) => BlockingApi | undefined,
    private readonly limits: SummaryLimits = defaultSummaryLimits,
    /** What else the answers depend on (the detector's options): summaries are only carried over between equals. */
    private readonly optionsKey = '',
  ) {
    this.bodies = new ProjectBodies(program);
  }

  /** The project function a call invokes, if it is one whose body we can summarize. */
  projectFunctionOf(call: CallLike): FunctionNode | undefined {
    const callee = ts.isTaggedTemplateExpression(call) ? call.tag : call.expression;
    // A property call needs the receiver's type to resolve: first ask whether any project function has that name.
    const node = skipOuter(callee);
    if (!ts.isIdentifier(node)) {
      const name = calleeName(node);
      if (name === undefined || !this.projectFunctionNames().has(name)) return undefined;
    }
    const declarations = this.resolver.symbolOf(callee)?.getDeclarations() ?? [];
    return declarations.length > 0 ? this.bodies.of(declarations) : this.bodies.ofRequired(callee);
  }

  /** Does calling `fn` block, and through which chain? */
  summaryOf(fn: FunctionNode, depth = 0): Summary {
    const cached = this.cache.get(fn);
    if (cached) return cached;
    const earlier = carriedOver.get(fn)?.get(this.optionsKey);
    if (earlier && earlier.files.every((file) => this.program.getSourceFile(file.fileName) === file)) {
      this.cache.set(fn, earlier.summary);
      this.filesOf.set(fn, new Set(earlier.files));
      return earlier.summary;
    }
    if (this.inProgress.has(fn)) {
      this.sawCycle = true;
      return notBlocking;
    }
    if (depth >= this.limits.maxDepth || isAsyncFunction(fn) || isGenerator(fn) || hasMarker(fn, 'nonblocking') || hasMarker(holderOf(fn), 'nonblocking')) {
      return notBlocking;
    }
    this.inProgress.add(fn);
    const cycleBefore = this.sawCycle;
    this.sawCycle = false;
    let summary = notBlocking;
    try {
      summary = this.summarize(fn, depth);
    } finally {
      this.inProgress.delete(fn);
    }
    // Blocking is final; "not blocking" is only final if no unfinished caller was assumed non-blocking on the way.
    if (summary.chain.length > 0 || !this.sawCycle) {
      this.cache.set(fn, summary);
      const byOptions = carriedOver.get(fn) ?? new Map();
      byOptions.set(this.optionsKey, { summary, files: [...(this.filesOf.get(fn) ?? [fn.getSourceFile()])] });
      carriedOver.set(fn, byOptions);
    }
    this.sawCycle = this.sawCycle || cycleBefore;
    return summary;
  }

  private summarize(fn: FunctionNode, depth: number): Summary {
    const body = fn.body;
    if (!body) return notBlocking;
    const files = new Set([fn.getSourceFile()]);
    this.filesOf.set(fn, files);
    let size = 0;
    let found: Summary = notBlocking;
    const visit = (node: ts.Node): void => {
      if (found.chain.length > 0 || ++size > this.limits.maxFunctionSize) return;
      if (node !== fn && isFunctionWithBody(node) && !this.runsDuring(node, fn)) return; // deferred or unknown: not our sync part
      if (isCallLike(node)) {
        const api = this.directlyBlocking(node);
        if (api) {
          found = { chain: [this.link(fn, node), this.apiLink(api, node)], api };
          return;
        }
        const callee = this.projectFunctionOf(node);
        if (callee && callee !== fn) {
          const inner = this.summaryOf(callee, depth + 1);
          for (const file of this.filesOf.get(callee) ?? [callee.getSourceFile()]) files.add(file);
          if (inner.chain.length > 0) {
            found = { chain: [this.link(fn, node), ...inner.chain], api: inner.api };
            return;
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(body); // the body itself: an arrow's expression body is the call `const read = () => fs.readFileSync(p)`
    return found;
  }

  /** A nested function runs during `outer` when it is a sync callback of a call made in `outer`'s sync part. */
  private runsDuring(inner: ts.Node, outer: ts.Node): boolean {
    for (let fn: ts.Node | undefined = inner; fn && fn !== outer; fn = this.syntax.enclosingFunction(fn)) {
      const passed = this.syntax.callOfArgument(fn);
      if (!passed || this.syntax.callbackTiming(passed.call, passed.index) !== 'sync') return false;
    }
    return true;
  }

  private names: Set<string> | undefined;

  /** Names of the functions, methods and function-valued variables of the project's own files. */
  private projectFunctionNames(): Set<string> {
    if (this.names) return this.names;
    const names = new Set<string>();
    for (const sourceFile of this.program.getSourceFiles()) {
      if (sourceFile.isDeclarationFile || this.program.isSourceFileFromExternalLibrary(sourceFile)) continue;
      for (const name of functionNamesOf(sourceFile)) names.add(name);
    }
    return (this.names = names);
  }

  private link(fn: FunctionNode, call: ts.Node): ChainLink {
    return position(chainLabel(fn), call);
  }

  private apiLink(api: BlockingApi, call: ts.Node): ChainLink {
    const module = api.module === 'global' || api.module === 'project' ? '' : `${api.module.replace(/^node:/, '')}.`;
    return position(`${module}${api.path.replace(/#/g, '.')}`, call);
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
    if (isFunctionWithBody(node)) {
      const holder = ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node) ? node : node.parent;
      const name =
        holder && (ts.isFunctionDeclaration(holder) || ts.isMethodDeclaration(holder) || ts.isAccessor(holder) ||
          ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder))
          ? holder.name
          : holder && ts.isBinaryExpression(holder) && ts.isPropertyAccessExpression(holder.left)
            ? holder.left.name // `exports.load = function () {}`, `obj.load = () => …`
            : undefined;
      if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name))) names.push(name.text);
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

/** How a chain names a function: `readJson`; `exports.load = function` as `load`. */
function chainLabel(fn: FunctionNode): string {
  const named = /`([^`]+)`/.exec(functionFacts(fn).label)?.[1];
  if (named) return named;
  let holder = fn.parent;
  while (ts.isParenthesizedExpression(holder)) holder = holder.parent;
  const target = ts.isBinaryExpression(holder) ? holder.left : undefined;
  return target && ts.isPropertyAccessExpression(target) && !isModuleExports(target) ? target.name.text : 'anonymous function';
}

function isModuleExports(node: ts.PropertyAccessExpression): boolean {
  return ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports';
}

/** Calling a generator function runs none of its body (until the iterator is read). */
function isGenerator(fn: FunctionNode): boolean {
  return (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && !!fn.asteriskToken;
}

/** The statement or declaration that carries a function's JSDoc (`/** @nonblocking *\/ const f = () => …`). */
function holderOf(fn: ts.Node): ts.Node {
  const parent = fn.parent;
  return ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent) ? parent : fn;
}
