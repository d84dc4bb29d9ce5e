/**
 * The preliminary pass: blocking calls found in one file by import tracking on TypeScript's syntax tree, without
 * the project's program or a type checker of it — what an editor shows while the typed program loads. It parses and
 * binds the one file (no lib, no imports followed) and reports only what the typed check will report too: catalog
 * APIs reached through `import` / `import = require()` (and `require()` in JavaScript, where TypeScript follows it),
 * whose module the typed program will resolve, called from a context that syntax alone decides. Everything less
 * certain is left to the typed pass.
 */
import ts from 'typescript';
import { blockingApis, offloadApis, packages } from '../catalog/index.js';
import type { BlockingApi } from '../catalog/types.js';
import type { Finding } from '../finding.js';
import type { DetectorOptions } from '../options.js';
import { functionsSyntax } from '../syntax/typescript.js';
import { findAsyncContext, findingContext, type CallbackTiming } from './context.js';
import { nodePrefixed, specifierMatches } from './match.js';
import { calleeOf, skipOuter } from './resolve.js';

/** What the preliminary pass needs to know of the project the file will be checked in. */
export interface PreliminaryEnvironment {
  /** Whether the typed program will hold declarations for a package the file imports (Node's built-ins are assumed). */
  resolves(specifier: string): boolean;
  /** `import fs from 'fs'` is the module object (`esModuleInterop` / `allowSyntheticDefaultImports`). */
  readonly syntheticDefaultImports: boolean;
}

export interface PreliminaryResult {
  readonly sourceFile: ts.SourceFile;
  readonly findings: Finding[];
}

/** A value read from a module (or a global) by a property path: `fs.realpathSync.native` → fs, [realpathSync, native]. */
interface Tracked {
  /** The module as written, or undefined for a global. */
  readonly specifier: string | undefined;
  readonly path: readonly string[];
}

/** The blocking calls of `text` that the typed check of `fileName` will report too, with `options` of the direct rule. */
export function preliminaryCheck(fileName: string, text: string, options: DetectorOptions, environment: PreliminaryEnvironment): PreliminaryResult {
  const kind = scriptKindOf(fileName);
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const checker = bindOnly(sourceFile).getTypeChecker();
  const javascript = kind === ts.ScriptKind.JS || kind === ts.ScriptKind.JSX;
  const tracker = new ImportTracker(checker, javascript, environment.syntheticDefaultImports);
  const categories = new Set<string>(options.categories);
  const resolved = new Map<string, boolean>();
  const resolves = (specifier: string) => {
    if (nodePrefixed(specifier).startsWith('node:')) return true;
    let answer = resolved.get(specifier);
    if (answer === undefined) resolved.set(specifier, (answer = environment.resolves(specifier)));
    return answer;
  };
  const timing: CallbackTiming = mentionsOffloadApi(text) ? 'offload' : 'unknown';
  const syntax = functionsSyntax(() => timing);
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const api = blockingApiOf(node, tracker, resolves);
      if (api && categories.has(api.category) && !isAllowed(api, node, options) && !(api.onlyWithoutCallback && mayPassCallback(node))) {
        const context = findAsyncContext<ts.Node>(node, syntax, options.context);
        // A plain function passed to a call may be a sync callback of async code: only the types can tell.
        const decided = context && (context.kind === 'async' || context.fn === undefined || !syntax.callOfArgument(context.fn));
        if (context && decided) {
          findings.push({
            kind: 'direct',
            api,
            range: [node.getStart(sourceFile), node.getEnd()],
            context: findingContext(context, (fn) => [fn.getStart(sourceFile), fn.getEnd()]),
            fixes: [],
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { sourceFile, findings };
}

/** The catalog entry a call or `new` invokes, when import tracking can name it and the typed program will too. */
function blockingApiOf(call: ts.CallExpression | ts.NewExpression, tracker: ImportTracker, resolves: (specifier: string) => boolean): BlockingApi | undefined {
  const tracked = tracker.track(calleeOf(call), 0);
  if (!tracked || tracked.path.length === 0) return undefined;
  const module = tracked.specifier === undefined ? 'global' : catalogModuleOf(tracked.specifier);
  const found = untypedIndex.get(module)?.get(tracked.path.join('.'));
  if (!found || found.constructs !== ts.isNewExpression(call)) return undefined;
  return tracked.specifier === undefined || resolves(tracked.specifier) ? found.api : undefined;
}

/** Follows a callee back to an import, a `require()` (JavaScript) or a global, through `const` aliases and destructuring. */
class ImportTracker {
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly javascript: boolean,
    private readonly syntheticDefaultImports: boolean,
  ) {}

  track(expression: ts.Expression, depth: number): Tracked | undefined {
    if (depth > 8) return undefined;
    const node = skipOuter(expression);
    if (ts.isIdentifier(node)) return this.binding(node, depth);
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) return member(this.track(node.expression, depth + 1), node.name.text);
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      return member(this.track(node.expression, depth + 1), node.argumentExpression.text);
    }
    const specifier = this.requiredModule(node);
    return specifier === undefined ? undefined : { specifier, path: [] };
  }

  /** What an identifier is bound to: an import, a `const` initialized from a tracked value, or (unbound) a global. */
  private binding(identifier: ts.Identifier, depth: number): Tracked | undefined {
    const declarations = this.checker.getSymbolAtLocation(identifier)?.declarations ?? [];
    // Unbound (JavaScript's `require` is a symbol without declarations): a global.
    if (declarations.length === 0) return identifier.text === 'undefined' ? undefined : { specifier: undefined, path: [identifier.text] };
    if (declarations.length !== 1) return undefined;
    const [declaration] = declarations as [ts.Declaration];
    if (ts.isImportSpecifier(declaration)) {
      if (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly) return undefined;
      const imported = declaration.propertyName ?? declaration.name;
      const specifier = moduleSpecifierOf(declaration.parent.parent.parent);
      if (specifier === undefined || !ts.isIdentifier(imported) || imported.text === 'default') return undefined;
      return { specifier, path: [imported.text] };
    }
    if (ts.isImportClause(declaration)) {
      const specifier = moduleSpecifierOf(declaration.parent);
      return specifier !== undefined && !declaration.isTypeOnly && this.syntheticDefaultImports ? { specifier, path: [] } : undefined;
    }
    if (ts.isNamespaceImport(declaration)) {
      const specifier = moduleSpecifierOf(declaration.parent.parent);
      return specifier !== undefined && !declaration.parent.isTypeOnly ? { specifier, path: [] } : undefined;
    }
    if (ts.isImportEqualsDeclaration(declaration)) {
      const reference = declaration.moduleReference;
      return !declaration.isTypeOnly && ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)
        ? { specifier: reference.expression.text, path: [] }
        : undefined;
    }
    if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) {
      if (!declaration.initializer || declaration.type || !this.followsVariable(declaration)) return undefined;
      return this.track(declaration.initializer, depth + 1);
    }
    if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent) && !declaration.dotDotDotToken) {
      const holder = declaration.parent.parent;
      const key = declaration.propertyName ?? declaration.name;
      if (!ts.isVariableDeclaration(holder) || !holder.initializer || holder.type || !this.followsVariable(holder)) return undefined;
      if (!ts.isIdentifier(key) && !ts.isStringLiteral(key)) return undefined;
      return member(this.track(holder.initializer, depth + 1), key.text);
    }
    return undefined;
  }

  /** `const` aliases are followed with types too; `var` / `let` only when they hold a `require()` in JavaScript. */
  private followsVariable(declaration: ts.VariableDeclaration): boolean {
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || !ts.isVariableStatement(list.parent)) return false;
    if (list.flags & ts.NodeFlags.Const) return true;
    return this.requiredModule(skipOuter(declaration.initializer!)) !== undefined;
  }

  /** `require('fs')` in JavaScript (TypeScript types it as `any` in a .ts file), with the global `require`. */
  private requiredModule(node: ts.Node): string | undefined {
    if (!this.javascript || !ts.isCallExpression(node) || node.arguments.length !== 1) return undefined;
    const [argument] = node.arguments as unknown as [ts.Expression];
    const callee = node.expression;
    if (!ts.isIdentifier(callee) || callee.text !== 'require' || this.checker.getSymbolAtLocation(callee)?.declarations?.length) return undefined;
    return ts.isStringLiteralLike(argument) ? argument.text : undefined;
  }
}

function member(tracked: Tracked | undefined, name: string): Tracked | undefined {
  return tracked && { specifier: tracked.specifier, path: [...tracked.path, name] };
}

function moduleSpecifierOf(declaration: ts.ImportDeclaration | ts.JSDocImportTag): string | undefined {
  return ts.isImportDeclaration(declaration) && ts.isStringLiteral(declaration.moduleSpecifier) ? declaration.moduleSpecifier.text : undefined;
}

/**
 * An async function passed to an offload API (`runAsWorker`) runs on a worker thread. Whether a call is one, the
 * types say (a parameter may be typed as one); without them, a file that names no offload API has none.
 */
function mentionsOffloadApi(text: string): boolean {
  return offloadApis.some((api) => text.includes(api.module) || text.includes(api.path.split('.').at(-1)!));
}

/** `allow` entries are matched by name: any entry that could name the API keeps the call for the typed pass. */
function isAllowed(api: BlockingApi, call: ts.Node, options: DetectorOptions): boolean {
  const origin = { module: api.module, path: api.path, declaration: call as ts.Declaration };
  const names = options.allow.flatMap((specifier) => (typeof specifier === 'string' ? [specifier] : [specifier.name].flat()));
  return names.some((name) => specifierMatches(name, origin));
}

/** `randomBytes(16, cb)`: only the overload without a callback blocks; the types pick it unless the call is plain. */
function mayPassCallback(call: ts.CallExpression | ts.NewExpression): boolean {
  const args = call.arguments ?? [];
  if (args.some((argument) => ts.isFunctionLike(skipOuter(argument)))) return true;
  const last = args.at(-1);
  return args.length > 1 && last !== undefined && !ts.isLiteralExpression(skipOuter(last)) && !isLiteralValue(skipOuter(last));
}

function isLiteralValue(node: ts.Expression): boolean {
  return (
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword ||
    ts.isObjectLiteralExpression(node) ||
    ts.isArrayLiteralExpression(node) ||
    ts.isPrefixUnaryExpression(node)
  );
}

/**
 * The environment of a file checked with `options` (its project's compiler options): a package counts when module
 * resolution finds declarations for it, as the typed program will (a package without types gives no declaration).
 */
export function preliminaryEnvironment(fileName: string, options: ts.CompilerOptions, host: ts.ModuleResolutionHost = ts.sys): PreliminaryEnvironment {
  return {
    resolves(specifier) {
      const resolved = ts.resolveModuleName(specifier, fileName, options, host).resolvedModule;
      return resolved !== undefined && (typedExtensions.has(resolved.extension) || (!resolved.isExternalLibraryImport && !!options.allowJs));
    },
    // TypeScript 6 allows them unless told not to.
    syntheticDefaultImports: options.allowSyntheticDefaultImports !== false,
  };
}

/** The extensions of a resolved module that give the program declarations (TypeScript sources and `.d.ts`). */
export const typedExtensions: ReadonlySet<string> = new Set([ts.Extension.Dts, ts.Extension.Dmts, ts.Extension.Dcts, ts.Extension.Ts, ts.Extension.Tsx, ts.Extension.Mts, ts.Extension.Cts]);

/** Parse and bind one file: symbols for its own declarations and imports, nothing else read. */
function bindOnly(sourceFile: ts.SourceFile): ts.Program {
  const options: ts.CompilerOptions = { noLib: true, noResolve: true, allowJs: true, types: [], noEmit: true };
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === sourceFile.fileName ? sourceFile : undefined),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => name === sourceFile.fileName,
    readFile: () => undefined,
  };
  return ts.createProgram({ rootNames: [sourceFile.fileName], options, host });
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  const extension = /\.[cm]?[jt]sx?$/i.exec(fileName)?.[0].toLowerCase() ?? '.ts';
  if (extension.endsWith('x')) return extension.includes('j') ? ts.ScriptKind.JSX : ts.ScriptKind.TSX;
  return extension.includes('j') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/** The catalog module a specifier names ('fs' → 'node:fs', 'fs-extra/esm' → 'fs-extra'). */
function catalogModuleOf(specifier: string): string {
  const prefixed = nodePrefixed(specifier);
  return aliasOf.get(specifier) ?? aliasOf.get(prefixed) ?? prefixed;
}

const aliasOf = new Map<string, string>(packages.flatMap((pkg) => (pkg.aliases ?? []).map((alias): [string, string] => [alias, pkg.module])));

/**
 * Catalog module → untyped path ('readFileSync', 'console.log') → entry, with the entries each module re-exports.
 * Instance members (`Dir#readSync`) need types unless the entry says how they are reached.
 */
const untypedIndex = new Map<string, Map<string, { api: BlockingApi; constructs: boolean }>>();
for (const pkg of packages) {
  const index = new Map<string, { api: BlockingApi; constructs: boolean }>();
  const modules = new Set([...(pkg.reexports ?? []), pkg.module]);
  for (const api of blockingApis.filter((candidate) => modules.has(candidate.module))) {
    const path = api.untyped ?? api.path;
    if (path.includes('#')) continue;
    // A class blocks when constructed (`new DatabaseSync()`), anything else when called.
    index.set(path, { api, constructs: /^[A-Z]/.test(path.split('.').at(-1)!) && api.path === path });
  }
  untypedIndex.set(pkg.module, index);
}
