/**
 * Resolve what a call invokes — by declaration, through imports, `require`, aliases and re-exports —
 * and whether that is a blocking API: from the catalog, or from the user's `deny` / `allow` lists.
 */
import ts from 'typescript';
import { findBlockingApi, offloadApis } from '../catalog/index.js';
import type { BlockingApi } from '../catalog/types.js';
import { isPackageSyncCallback, isSyncCallbackApi, isUntypedSyncCallback, syncCallbackNames } from '../catalog/callback-apis.js';
import type { CallbackTiming } from './context.js';
import { importedValue, importOrigin } from './import-origin.js';
import { originOf, type Origin } from './origin.js';

/** Everything that invokes a function: calls, `new`, and tagged templates (execa's `` $.sync`cmd` ``). */
export type CallLike = ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression;

export function isCallLike(node: ts.Node): node is CallLike {
  return ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node);
}

/** The invoked expression: the callee, or the tag of a tagged template. */
export function calleeOf(call: CallLike): ts.Expression {
  return ts.isTaggedTemplateExpression(call) ? call.tag : call.expression;
}

/** Arguments that can be functions (a tagged template has none). */
export function argumentsOf(call: CallLike): readonly ts.Expression[] {
  return ts.isTaggedTemplateExpression(call) ? [] : (call.arguments ?? []);
}

export interface Resolved {
  readonly api: BlockingApi;
  readonly origin: Origin;
}

export class CallResolver {
  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker = program.getTypeChecker(),
  ) {}

  /**
   * Origins of what `call` invokes, from the callee (or the function behind `.call` / `.apply`). Resolving the
   * call's own signature is avoided: it would type-check every argument, callbacks included.
   */
  originsOfCall(call: CallLike): Origin[] {
    return this.originsOfValue(applyTarget(call) ?? calleeOf(call));
  }

  /**
   * Origins of a function value (`fs.readFileSync`, `paths.map(fs.readFileSync)`): the declarations of its symbol,
   * followed through imports and aliases; for a variable, parameter or property, also the declarations of the
   * call and construct signatures of its type (`const db = new Database()` → the `DatabaseConstructor`).
   */
  originsOfValue(expression: ts.Expression): Origin[] {
    const origins: Origin[] = [];
    const { symbol, imported } = this.resolveSymbol(expression);
    const declarations = symbol?.getDeclarations() ?? [];
    const typedValue = declarations.some(
      (declaration) => !ts.isFunctionLike(declaration) && !ts.isClassLike(declaration) && !ts.isModuleDeclaration(declaration),
    );
    // A value typed `typeof readFileSync` is named by the original declaration first (fs-extra's aliases).
    if (typedValue || declarations.length === 0) {
      // A module's member (`export const statSync: StatSyncFn`) by its declared type, without narrowing at this
      // reference (see `memberOfImport`); the type at the reference when the declared one cannot be called.
      const declared = imported && symbol ? this.checker.getTypeOfSymbol(symbol) : undefined;
      const type = declared && isCallable(declared) ? declared : this.checker.getTypeAtLocation(expression);
      for (const signature of [...type.getCallSignatures(), ...type.getConstructSignatures()]) {
        const declaration = signature.getDeclaration() as ts.Declaration | undefined;
        if (declaration) push(origins, originOf(declaration, this.program));
      }
    }
    for (const declaration of declarations) push(origins, originOf(declaration, this.program));
    // No declaration to follow (`any` from an untyped package or `require` in a `.ts` file): import tracking.
    if (origins.length === 0) push(origins, importOrigin(expression, this.checker));
    return origins;
  }


  /** The symbol an expression names, seen through imports, `const x = y` aliases and destructuring. */
  symbolOf(expression: ts.Expression): ts.Symbol | undefined {
    return this.resolveSymbol(expression).symbol;
  }

  /** `imported`: the expression is a member of an import, resolved through the module's symbol. */
  private resolveSymbol(expression: ts.Expression): { symbol: ts.Symbol | undefined; imported: boolean } {
    let node: ts.Node = skipOuter(expression);
    const imported = this.memberOfImport(node);
    if (ts.isPropertyAccessExpression(node)) node = node.name;
    else if (ts.isElementAccessExpression(node)) node = node.argumentExpression;
    let symbol = imported === undefined ? this.checker.getSymbolAtLocation(node) : (imported ?? undefined);
    for (let hops = 0; symbol && hops < 8; hops++) {
      if (symbol.flags & ts.SymbolFlags.Alias) {
        symbol = this.checker.getAliasedSymbol(symbol);
        continue;
      }
      const declaration = symbol.valueDeclaration;
      if (declaration && ts.isBindingElement(declaration)) {
        const propertyName = declaration.propertyName ?? declaration.name;
        if (!ts.isIdentifier(propertyName) && !ts.isStringLiteral(propertyName)) break;
        const parentType = this.checker.getTypeAtLocation(declaration.parent);
        symbol = parentType.getProperty(propertyName.text);
        continue;
      }
      if (
        declaration &&
        (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) &&
        declaration.initializer &&
        !declaration.type &&
        isUnchanging(declaration) &&
        isEntityLike(skipOuter(declaration.initializer))
      ) {
        const initializer = skipOuter(declaration.initializer);
        symbol = this.symbolOf(initializer as ts.Expression);
        continue;
      }
      break;
    }
    return { symbol, imported: !!imported };
  }

  /**
   * `fs.statSync` where `fs` is an import (or a `require` in JavaScript, which TypeScript binds alike): the member of
   * what the binding aliases, by its symbol. Asking for the symbol at the property name would type the receiver with
   * control-flow narrowing, which walks back over every statement before it in the function: N² for N such calls.
   * An import is never reassigned, so its declared type is the one narrowing would start from. Undefined: not such a
   * reference, or nothing found this way (the checker is asked as usual); null: an untyped import, nothing to find.
   */
  private memberOfImport(node: ts.Node): ts.Symbol | null | undefined {
    const name = ts.isPropertyAccessExpression(node)
      ? ts.isIdentifier(node.name) ? node.name.text : undefined
      : ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : undefined;
    const object = name !== undefined && skipOuter((node as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
    if (!object || !ts.isIdentifier(object)) return undefined;
    const binding = this.checker.getSymbolAtLocation(object);
    if (!binding || !(binding.flags & ts.SymbolFlags.Alias)) return undefined;
    const target = this.checker.getAliasedSymbol(binding);
    const member = target.flags & ts.SymbolFlags.Module ? this.checker.tryGetMemberInModuleExports(name, target) : undefined;
    if (member) return member;
    const type = this.checker.getTypeOfSymbol(target);
    if (type.flags & ts.TypeFlags.Any) return null;
    return type.getProperty(name) ?? this.checker.getPropertyOfType(this.checker.getApparentType(type), name);
  }

  /** True when the resolved overload takes a callback: `crypto.randomBytes(16, cb)` does not block. */
  takesCallback(call: CallLike): boolean {
    if (!applyTarget(call)) {
      const declaration = this.checker.getResolvedSignature(call)?.getDeclaration() as ts.SignatureDeclaration | undefined;
      if (declaration && 'parameters' in declaration) {
        return declaration.parameters.some((parameter) => parameter.type && isFunctionTypeNode(parameter.type));
      }
    }
    return argumentsOf(call).some((argument) => {
      const node = skipOuter(argument);
      if (ts.isFunctionExpression(node) || ts.isArrowFunction(node)) return true;
      return this.checker.getTypeAtLocation(node).getCallSignatures().length > 0;
    });
  }

  /**
   * Cheap filter before resolving signatures: only calls by a name of a sync-callback API (`map`, `then`,
   * `new Promise`) or of an offload API (also through an imported alias) can run a callback in a known way.
   */
  mayRunCallbacks(call: CallLike): boolean {
    const callee = skipOuter(calleeOf(call));
    const name = ts.isNewExpression(call) && ts.isIdentifier(callee) ? callee.text : calleeName(callee);
    if (name === undefined) return false;
    if (syncCallbackNames.has(name === 'Promise' ? 'PromiseConstructor' : name) || offloadNames.has(name)) return true;
    // `new BbPromise(executor)`: a constructor whose module says it runs the executor (import tracking, after syntax)
    if (ts.isNewExpression(call) && this.packageCallbackTiming(call, 0)) return true;
    return ts.isIdentifier(callee) && offloadNames.has(this.symbolOf(callee)?.getName() ?? '');
  }

  /**
   * How a call treats the function passed at `index` (context needs this). The callee's own symbol says it
   * without resolving the call's signature, which would type-check the callback too; `new Promise` needs the
   * construct signature.
   */
  callbackTiming(call: CallLike, index: number): CallbackTiming {
    if (!this.mayRunCallbacks(call)) return 'unknown';
    let origins = this.originsOfValue(calleeOf(call));
    if (ts.isNewExpression(call)) {
      const declaration = this.checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined;
      const origin = declaration && originOf(declaration, this.program);
      origins = origin ? [origin] : origins;
    }
    for (const origin of origins) {
      if (isSyncCallbackApi(origin.module, origin.path, index)) return 'sync';
      if (offloadApis.some((api) => api.module === origin.module && api.path === origin.path && api.argument === index)) {
        return 'offload';
      }
    }
    if (this.packageCallbackTiming(call, index)) return 'sync';
    // Nothing declared (`items.map(…)` on a value typed `any` in JavaScript): the method's name, as without types.
    const callee = skipOuter(calleeOf(call));
    if (ts.isPropertyAccessExpression(callee) && !this.symbolOf(callee)?.getDeclarations()?.length) {
      return isUntypedSyncCallback(`.${callee.name.text}`, index) ? 'sync' : 'unknown';
    }
    return 'unknown';
  }


  /** `new Bluebird(executor)` with bluebird imported or required: a package API that runs argument `index` before returning. */
  private packageCallbackTiming(call: CallLike, index: number): boolean {
    if (ts.isTaggedTemplateExpression(call)) return false;
    const callee = skipOuter(call.expression);
    if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee)) return false;
    const imported = importedValue(callee, this.checker);
    return !!imported && isPackageSyncCallback(imported.specifier, imported.path, index, ts.isNewExpression(call));
  }
}

const offloadNames = new Set(offloadApis.map((api) => api.path.split('.').pop()!));

/** The catalog entry among `origins`, if any. */
export function catalogEntryOf(origins: readonly Origin[]): Resolved | undefined {
  for (const origin of origins) {
    const api = findBlockingApi(origin.module, origin.path);
    if (api) return { api, origin };
  }
  return undefined;
}

/** `f.call(thisArg, …)` / `f.apply(thisArg, args)`: the function really invoked. */
export function applyTarget(call: CallLike): ts.Expression | undefined {
  if (!ts.isCallExpression(call)) return undefined;
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.name.text;
  return name === 'call' || name === 'apply' ? callee.expression : undefined;
}

/** The name a call is made by (`readFileSync` in `fs?.['readFileSync']()`), for cheap filtering. */
export function calleeName(expression: ts.Expression): string | undefined {
  const node = skipOuter(expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    return node.argumentExpression.text;
  }
  return undefined;
}

/** The expression whose value `node` is: inside parentheses, type assertions and `(0, fs.readFileSync)`. */
export function skipOuter(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.CommaToken) {
      current = current.right;
    } else {
      return current;
    }
  }
}

function isEntityLike(node: ts.Node): boolean {
  return (
    ts.isIdentifier(node) ||
    (ts.isPropertyAccessExpression(node) && isEntityLike(node.expression)) ||
    (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && isEntityLike(node.expression))
  );
}

/** `const x = y`, and a `#private` or `readonly` field initialized to a value (`#read = fs.readFileSync`). */
function isUnchanging(declaration: ts.VariableDeclaration | ts.PropertyDeclaration): boolean {
  if (ts.isPropertyDeclaration(declaration)) {
    return ts.isPrivateIdentifier(declaration.name) || (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Readonly) !== 0;
  }
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

function isCallable(type: ts.Type): boolean {
  return type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0;
}

function isFunctionTypeNode(type: ts.TypeNode): boolean {
  if (ts.isFunctionTypeNode(type)) return true;
  if (ts.isParenthesizedTypeNode(type)) return isFunctionTypeNode(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.some(isFunctionTypeNode);
  return false;
}

function push(origins: Origin[], origin: Origin | undefined): void {
  if (origin && !origins.some((known) => known.module === origin.module && known.path === origin.path)) origins.push(origin);
}
