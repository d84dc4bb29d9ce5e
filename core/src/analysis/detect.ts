/**
 * The detection core: given a TypeScript program, find blocking calls that run inside async code.
 * Pure data out (`Finding`), so the ESLint rule and the language server report the same things.
 */
import ts from 'typescript';
import { blockingApis, untypedNames } from '../catalog/index.js';
import type { BlockingApi } from '../catalog/types.js';
import type { Finding } from '../finding.js';
import { buildFixes } from '../fixes/index.js';
import { detectorOptions, type CheckOptions, type ContextMode, type DetectorOptions } from '../options.js';
import { specifierNames, type TypeOrValueSpecifier } from '../specifier.js';
import { findAsyncContext, findingContext, mayBeInAsyncContext, type AsyncContext } from './context.js';
import { mayComeFromImport } from './import-origin.js';
import { FunctionSummaries, type Summary, type SummarizedNode } from './summaries.js';
import { blockingTagNames, hasMarker } from './jsdoc-tags.js';
import { deniedAdvice, nodePrefixed, specifierMatches, userApi } from './match.js';
import { packageOfFile, type Origin } from './origin.js';
import {
  argumentsOf,
  CallResolver,
  calleeName,
  calleeOf,
  isCallLike,
  catalogEntryOf,
  skipOuter,
  type CallLike,
} from './resolve.js';
import { isFunctionWithBody, typescriptSyntax } from '../syntax/typescript.js';

/**
 * Names that catalog entries are called by, of the entries that can match in `program`: their category is on and
 * their module is in the program (an origin is a declaration, so `better-sqlite3`'s `get` and `run` cannot match
 * without its types). A property call by any other name cannot reach the catalog.
 */
function catalogNames(program: ts.Program, checker: ts.TypeChecker, categories: ReadonlySet<string>): Set<string> {
  const modules = modulesOf(program, checker);
  return new Set(blockingApis.filter((api) => categories.has(api.category) && modules.has(api.module)).map((api) => api.path.split(/[.#]/).pop()!));
}

/** The modules declarations can come from: packages with files in the program, ambient modules, globals. */
function modulesOf(program: ts.Program, checker: ts.TypeChecker): Set<string> {
  const modules = new Set(['global']);
  for (const sourceFile of program.getSourceFiles()) {
    const pkg = packageOfFile(sourceFile.fileName);
    if (pkg) modules.add(pkg);
  }
  for (const ambient of checker.getAmbientModules()) modules.add(nodePrefixed(ambient.name.replace(/^"|"$/g, '')));
  return modules;
}

export class BlockingCallDetector {
  readonly resolver: CallResolver;
  private readonly checker: ts.TypeChecker;
  private readonly categories: ReadonlySet<string>;
  private readonly mode: ContextMode;
  private readonly allow: readonly TypeOrValueSpecifier[];
  private readonly deny: readonly TypeOrValueSpecifier[];
  private readonly names: ReadonlySet<string>;
  private readonly syntax;
  private readonly summaries: FunctionSummaries;

  constructor(
    readonly program: ts.Program,
    options: DetectorOptions = detectorOptions({}),
  ) {
    this.checker = program.getTypeChecker();
    this.resolver = new CallResolver(program, this.checker);
    this.syntax = typescriptSyntax(this.resolver, this.checker);
    this.categories = new Set(options.categories);
    this.mode = options.context;
    this.allow = options.allow;
    this.deny = options.deny;
    this.summaries = new FunctionSummaries(
      program,
      this.resolver,
      this.syntax,
      (call) => (this.mayBeBlocking(calleeOf(call)) ? this.blockingMatch(call)?.api : undefined),
      options.summaryLimits,
      JSON.stringify(options),
      (origin, call) => {
        const match = this.match([origin]);
        return match && !(match.api.onlyWithoutCallback && this.resolver.takesCallback(call)) ? match.api : undefined;
      },
    );
    this.names = new Set([
      ...catalogNames(program, this.checker, this.categories),
      ...this.deny.flatMap(specifierNames),
      ...blockingTagNames(program),
      'call',
      'apply',
    ]);
  }

  /** A finding for `call` itself, when it invokes a blocking API inside async code. */
  checkCall(call: CallLike): Finding | undefined {
    const found = this.directMatch(call);
    return found && this.finding(call, found.match, found.context, call);
  }

  /** Whether `checkCall` reports `call`, without building the finding. */
  reportsCall(call: CallLike): boolean {
    return this.directMatch(call) !== undefined;
  }

  private directMatch(call: CallLike): { match: { api: BlockingApi; origin: Origin }; context: AsyncContext<ts.Node> } | undefined {
    // Cheapest test first: a property name is a set lookup; then async code around (syntax); then an identifier's
    // symbol; last the full context, which may resolve the calls that run enclosing callbacks (`items.map(…)`).
    const callee = skipOuter(calleeOf(call));
    if (!ts.isIdentifier(callee) && !this.mayBeBlocking(callee)) return undefined;
    if (!mayBeInAsyncContext(call, this.syntax, this.mode) || (ts.isIdentifier(callee) && !this.mayBeBlocking(callee))) return undefined;
    const context = findAsyncContext<ts.Node>(call, this.syntax, this.mode);
    if (!context) return undefined;
    const match = this.blockingMatch(call);
    return match && { match, context };
  }

  /**
   * A finding for a call, inside async code, of a project function that blocks through its own sync calls:
   * `loadConfig()` where loadConfig → readJson → fs.readFileSync; `new Helper()` whose construction blocks. Calls
   * that `direct` reports (the direct check, with its own options) are left to it: no call is reported twice.
   */
  checkIndirectCall(call: CallLike, direct: BlockingCallDetector = this): Finding | undefined {
    // Context first: it is mostly syntax, while finding the called function needs the type checker. A call inside a
    // helper is left to the call of the helper itself from async code, which reports the whole chain.
    const context = findAsyncContext<ts.Node>(call, this.syntax, this.mode, { helpers: false });
    if (!context) return undefined;
    const fn = this.summaries.projectFunctionOf(call);
    if (!fn || (direct === this ? this.blocksByItself(call) : direct.reportsCall(call))) return undefined;
    return this.indirectFinding(call, fn, context, call);
  }

  /**
   * Project functions that block, passed by reference to sync callbacks in async code: `paths.map(readJson)`. A
   * reference `direct` reports as blocking by itself is left to it.
   */
  checkIndirectCallbackArguments(call: CallLike, direct: BlockingCallDetector = this): Finding[] {
    return this.callbackReferences(call, (value) => this.summaries.projectFunctionOfValue(value)).flatMap(({ value, context, accepted: fn }) => {
      if (direct.blocksAsReference(value)) return [];
      const finding = this.indirectFinding(value, fn, context);
      return finding ? [finding] : [];
    });
  }

  /** `call`: set when `node` is the call of the helper (not a reference to it), which fixes can rewrite. */
  private indirectFinding(node: ts.Expression, fn: SummarizedNode, context: AsyncContext<ts.Node>, call?: CallLike): Finding | undefined {
    const summary = this.summaries.summaryOf(fn, call);
    const [first] = summary.chain;
    if (!first || !summary.api) return undefined;
    const constructs = call !== undefined && ts.isNewExpression(call);
    const origin = (call ? this.resolver.originsOfCall(call) : this.resolver.originsOfValue(node)).find((candidate) => candidate.module.startsWith('file:'));
    const helper: BlockingApi = {
      module: 'project',
      path: origin?.path ?? first.label,
      id: `project.${origin?.path ?? first.label}`,
      category: summary.api.category,
      docs: summary.api.docs,
      ...(origin && { file: origin.module.slice('file:'.length) }),
    };
    const base = this.finding(node, { api: helper, origin: origin ?? { module: 'project', path: first.label, declaration: fn } }, context, origin && call);
    return { ...base, kind: 'indirect', chain: summary.chain, reached: !call ? 'reference' : constructs ? 'new' : 'call', ...(summary.api.twin && { chainTwin: summary.api.twin }) };
  }

  /** Whether `call` blocks by itself: what `reportsCall` says once the context is known to hold. */
  private blocksByItself(call: CallLike): boolean {
    return this.mayBeBlocking(calleeOf(call)) && this.blockingMatch(call) !== undefined;
  }

  /** Whether `value`, a function passed by reference, blocks by itself (what `checkCallbackArguments` reports). */
  private blocksAsReference(value: ts.Expression): boolean {
    return this.mayBeBlocking(value) && this.match(this.resolver.originsOfValue(value)) !== undefined;
  }

  /** What `call` blocks on by itself (catalog, `@blocking`, `deny`), whatever its context. */
  private blockingMatch(call: CallLike): { api: BlockingApi; origin: Origin } | undefined {
    const match = this.match(this.resolver.originsOfCall(call));
    if (!match || (match.api.onlyWithoutCallback && this.resolver.takesCallback(call))) return undefined;
    return match;
  }

  /** Findings for blocking functions passed by reference to sync callbacks: `paths.map(fs.readFileSync)`. */
  checkCallbackArguments(call: CallLike): Finding[] {
    return this.callbackReferences(call, (value) => this.mayBeBlocking(value) || undefined).flatMap(({ value, context }) => {
      const match = this.match(this.resolver.originsOfValue(value));
      return match && !match.api.onlyWithoutCallback ? [this.finding(value, match, context)] : [];
    });
  }

  /**
   * Functions passed by reference (`fs.readFileSync`, `readJson`) to a call that runs them synchronously inside async
   * code, with the context each runs in. `accepts`: the caller's cheap look at the value, before callback timing.
   */
  private callbackReferences<T>(
    call: CallLike,
    accepts: (value: ts.Expression) => T | undefined,
  ): { value: ts.Expression; context: AsyncContext<ts.Node>; accepted: T }[] {
    const found: { value: ts.Expression; context: AsyncContext<ts.Node>; accepted: T }[] = [];
    // Syntax first: a function passed by reference, in async code; then the caller's look, then symbols.
    const passesReference = argumentsOf(call).some((argument) => !isFunctionWithBody(skipOuter(argument)) && isReference(skipOuter(argument)));
    if (!passesReference || !mayBeInAsyncContext(call, this.syntax, this.mode) || !this.resolver.mayRunCallbacks(call)) return found;
    argumentsOf(call).forEach((argument, index) => {
      const value = skipOuter(argument);
      const accepted = isFunctionWithBody(value) || !isReference(value) ? undefined : accepts(value);
      if (accepted === undefined || this.resolver.callbackTiming(call, index) !== 'sync') return;
      const outer = findAsyncContext<ts.Node>(call, this.syntax, this.mode);
      if (!outer) return;
      const callee = skipOuter(calleeOf(call));
      const method = ts.isPropertyAccessExpression(callee) ? `.${callee.name.text}` : undefined;
      found.push({ value, context: { ...outer, callbacks: [{ fn: value, method }, ...outer.callbacks] }, accepted });
    });
    return found;
  }

  /** Whether calling `fn` blocks, and through which chain (what the indirect check reports callers of `fn` with). */
  summaryOf(fn: SummarizedNode): Summary {
    return this.summaries.summaryOf(fn);
  }

  /**
   * Cheap filter before asking the type checker for signatures: a property call must use a name of the catalog
   * (or of the user's lists); an identifier is looked up (imports and `const` aliases followed, no type work).
   */
  private mayBeBlocking(callee: ts.Expression): boolean {
    const node = skipOuter(callee);
    if (ts.isIdentifier(node)) {
      const symbol = this.resolver.symbolOf(node);
      const declaration = symbol?.valueDeclaration;
      // Nothing declared (an import of a package without types): only import tracking can tell.
      if (!symbol || !declaration) return mayComeFromImport(node, this.checker);
      // A variable gets its call signatures from its type (`const db = new Database()`, `createSyncFn()`): resolve.
      if (!ts.isFunctionLike(declaration) && !ts.isClassLike(declaration) && !isFunctionValued(declaration)) return true;
      const declared = ts.getNameOfDeclaration(declaration);
      return this.names.has(symbol.getName()) || (!!declared && ts.isIdentifier(declared) && this.names.has(declared.text));
    }
    // `this.#read()`: a private field may hold a blocking function under any name.
    if (ts.isPropertyAccessExpression(node) && ts.isPrivateIdentifier(node.name)) return true;
    const name = calleeName(node);
    return name === undefined ? ts.isElementAccessExpression(node) : this.names.has(name) || untypedNames.has(name);
  }

  private match(origins: readonly Origin[]): { api: BlockingApi; origin: Origin } | undefined {
    if (origins.some((origin) => this.allow.some((specifier) => specifierMatches(specifier, origin)))) return undefined;
    if (origins.some((origin) => hasMarker(origin.declaration, 'nonblocking'))) return undefined;
    const fromCatalog = catalogEntryOf(origins);
    if (fromCatalog && this.categories.has(fromCatalog.api.category)) return fromCatalog;
    const tagged = origins.find((origin) => hasMarker(origin.declaration, 'blocking'));
    if (tagged) return { api: userApi(tagged, 'it is marked `@blocking`; run it in a worker thread'), origin: tagged };
    const denied = origins.find((origin) => this.deny.some((specifier) => specifierMatches(specifier, origin)));
    if (denied) return { api: userApi(denied, deniedAdvice), origin: denied };
    return undefined;
  }

  /** `call` is set when the finding is the call itself (not a function passed by reference): it can be fixed. */
  private finding(
    node: ts.Node,
    match: { api: BlockingApi; origin: Origin },
    context: AsyncContext<ts.Node>,
    call?: CallLike,
  ): Finding {
    const sourceFile = node.getSourceFile();
    return {
      kind: 'direct',
      api: match.api,
      range: [node.getStart(sourceFile), node.getEnd()],
      context: findingContext(context, (fn) => [fn.getStart(sourceFile), fn.getEnd()]),
      fixes: call
        ? buildFixes({ call, api: match.api, origin: match.origin, context, checker: this.checker, resolver: this.resolver, program: this.program })
        : [],
    };
  }
}

/** `const f = () => …` / `function () {}` values: named functions of the project, judged by name. */
function isFunctionValued(declaration: ts.Declaration): boolean {
  return (
    ts.isVariableDeclaration(declaration) &&
    !!declaration.initializer &&
    (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))
  );
}

/** What can name a function: `read`, `fs.readFileSync`, `fs['readFileSync']`. */
function isReference(node: ts.Node): boolean {
  return ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node);
}

/** A blocking API known from the user (`deny`, `@blocking`) rather than the catalog. */
/** The detectors a file is checked with, per rule (the same one when the rules' options agree); either may be off. */
export interface Detectors {
  readonly program: ts.Program;
  readonly direct: BlockingCallDetector | undefined;
  readonly indirect: BlockingCallDetector | undefined;
}

export function detectorsFor(program: ts.Program, options: CheckOptions): Detectors {
  return {
    program,
    direct: options.direct && detectorFor(program, options.direct),
    indirect: options.indirect && detectorFor(program, options.indirect),
  };
}

/**
 * Every finding of both rules in a file: what the language server and tests use. The indirect check leaves the calls
 * the direct one reports to it (or, with the direct rule off, those it would report with its own options).
 * `within`: only the calls inside that node (their context still comes from the whole file), for re-checking one
 * edited function.
 */
export function checkFile(sourceFile: ts.SourceFile, { direct, indirect }: Detectors, within: ts.Node = sourceFile): Finding[] {
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (isCallLike(node)) {
      const finding = direct?.checkCall(node) ?? indirect?.checkIndirectCall(node, direct ?? indirect);
      if (finding) findings.push(finding);
      if (direct) findings.push(...direct.checkCallbackArguments(node));
      if (indirect) findings.push(...indirect.checkIndirectCallbackArguments(node, direct ?? indirect));
    }
    ts.forEachChild(node, visit);
  };
  visit(within);
  return findings;
}

/** One detector per program and options: type-checker answers and function summaries are shared by its users. */
const detectors = new WeakMap<ts.Program, Map<string, BlockingCallDetector>>();

export function detectorFor(program: ts.Program, options: DetectorOptions): BlockingCallDetector {
  const key = JSON.stringify(options);
  let byOptions = detectors.get(program);
  if (!byOptions) detectors.set(program, (byOptions = new Map()));
  let detector = byOptions.get(key);
  if (!detector) byOptions.set(key, (detector = new BlockingCallDetector(program, options)));
  return detector;
}
