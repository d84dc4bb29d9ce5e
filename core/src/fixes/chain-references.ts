/**
 * Where the functions of a chain are used, across the project's files: each use is a call site that can take
 * `await`, an export (fine unless the package exports it to other code), or a use that stops the rewrite (passed as
 * a callback, `new`, a type query) — found by where the value comes from, never by its name alone: a name is only
 * the cheap filter before the type checker.
 */
import ts from 'typescript';
import type { CallResolver } from '../analysis/resolve.js';
import { functionHeldBy, type FunctionNode } from '../syntax/typescript.js';

export type Use =
  | { readonly kind: 'call'; readonly fn: FunctionNode; readonly call: ts.CallExpression; readonly viaThis: boolean }
  | { readonly kind: 'export'; readonly fn: FunctionNode; readonly node: ts.Node }
  | { readonly kind: 'value' | 'new' | 'type'; readonly fn: FunctionNode; readonly node: ts.Node }
  /** `x.load()` where `x`'s type is unknown (`any`): it may call a method or export of the chain. */
  | { readonly kind: 'unknown receiver'; readonly fn: FunctionNode; readonly node: ts.Node };

/** Every use of `functions` in the project's own files. */
export function usesOf(program: ts.Program, resolver: CallResolver, functions: ReadonlySet<FunctionNode>): Use[] {
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((file) => !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file));
  const names = new Set([...functions].map((fn) => nameOf(fn)).filter((name): name is string => !!name));
  // The cheap filter first: a file whose text names none of them holds no use (and no alias) of them.
  const naming = (file: ts.SourceFile) => [...names].some((name) => file.text.includes(name));
  // Local names of imports and destructured requires of those names (`import { load as l }`).
  for (const file of files) if (naming(file)) collectAliases(file, names);
  const uses: Use[] = [];
  for (const file of files.filter(naming)) {
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && names.has(node.text) && !isDeclarationName(node)) {
        const fn = functionOf(node, resolver, checker, functions);
        if (fn) uses.push(classify(node, fn));
        else {
          const same = unknownReceiver(node, checker, functions);
          if (same) uses.push({ kind: 'unknown receiver', fn: same, node: node.parent });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

function classify(identifier: ts.Identifier, fn: FunctionNode): Use {
  let expression: ts.Node = identifier;
  if (ts.isPropertyAccessExpression(identifier.parent) && identifier.parent.name === identifier) expression = identifier.parent;
  while (ts.isParenthesizedExpression(expression.parent) || ts.isNonNullExpression(expression.parent)) expression = expression.parent;
  const parent = expression.parent;
  if (ts.isCallExpression(parent) && parent.expression === expression) {
    const callee = ts.isPropertyAccessExpression(expression) ? expression.expression : undefined;
    return { kind: 'call', fn, call: parent, viaThis: callee?.kind === ts.SyntaxKind.ThisKeyword };
  }
  if (ts.isNewExpression(parent) && parent.expression === expression) return { kind: 'new', fn, node: parent };
  if (ts.isTypeQueryNode(parent) || ts.isTypeQueryNode(identifier.parent) || ts.isQualifiedName(identifier.parent)) {
    return { kind: 'type', fn, node: identifier };
  }
  return isExport(expression) ? { kind: 'export', fn, node: expression } : { kind: 'value', fn, node: expression };
}

/** `export { f }`, `export default f`, `module.exports = { f }`, `exports.f = f`, `module.exports.f = f`. */
function isExport(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isExportSpecifier(parent) || ts.isExportAssignment(parent)) return true;
  if (ts.isShorthandPropertyAssignment(parent) || (ts.isPropertyAssignment(parent) && parent.initializer === node)) {
    const object = parent.parent;
    return ts.isObjectLiteralExpression(object) && ts.isBinaryExpression(object.parent) && isExportsTarget(object.parent.left);
  }
  if (!ts.isBinaryExpression(parent) || parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  // `exports.f = f`: the value exported, and the export's own name
  return (parent.right === node && isExportsTarget(parent.left)) || (parent.left === node && isExportsTarget(node as ts.Expression));
}

function isExportsTarget(node: ts.Expression): boolean {
  const text = node.getText();
  return text === 'module.exports' || /^(module\.)?exports\.[\w$]+$/.test(text);
}

/** The chain function an identifier refers to: by its symbol (imports and aliases followed), else by its type. */
function functionOf(node: ts.Identifier, resolver: CallResolver, checker: ts.TypeChecker, functions: ReadonlySet<FunctionNode>): FunctionNode | undefined {
  const expression = ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? node.parent : node;
  const symbol = resolver.symbolOf(expression);
  for (let declaration of symbol?.getDeclarations() ?? []) {
    if (ts.isShorthandPropertyAssignment(declaration)) declaration = checker.getShorthandAssignmentValueSymbol(declaration)?.valueDeclaration ?? declaration;
    const fn = functionHeldBy(declaration);
    if (fn && functions.has(fn)) return fn;
  }
  // A CommonJS export read back through `require` (`const { f } = require('./a')`): its type's signature.
  for (const signature of checker.getTypeAtLocation(expression).getCallSignatures()) {
    const declaration = signature.getDeclaration() as ts.Declaration | undefined;
    if (declaration && functions.has(declaration as FunctionNode)) return declaration as FunctionNode;
  }
  return undefined;
}

/** `x.name` where `x` is typed `any`, and `name` names a function of the chain. */
function unknownReceiver(node: ts.Identifier, checker: ts.TypeChecker, functions: ReadonlySet<FunctionNode>): FunctionNode | undefined {
  const access = node.parent;
  if (!ts.isPropertyAccessExpression(access) || access.name !== node) return undefined;
  if (!(checker.getTypeAtLocation(access.expression).flags & ts.TypeFlags.Any)) return undefined;
  return [...functions].find((fn) => nameOf(fn) === node.text);
}

function collectAliases(file: ts.SourceFile, names: Set<string>): void {
  const visit = (node: ts.Node): void => {
    if ((ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) && node.propertyName && names.has(node.propertyName.text)) names.add(node.name.text);
    if (ts.isBindingElement(node) && node.propertyName && ts.isIdentifier(node.propertyName) && names.has(node.propertyName.text) && ts.isIdentifier(node.name)) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

/** The identifier names a declaration, an import or a destructuring binding (not a use). */
function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isImportEqualsDeclaration(parent)) return true;
  if (ts.isExportSpecifier(parent)) return node !== (parent.propertyName ?? parent.name);
  if (ts.isBindingElement(parent) || (ts.isPropertyAssignment(parent) && parent.name === node)) return true;
  return declarationKinds.has(parent.kind) && (parent as ts.NamedDeclaration).name === node;
}

const declarationKinds: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.FunctionExpression, ts.SyntaxKind.MethodDeclaration, ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.VariableDeclaration, ts.SyntaxKind.PropertyDeclaration, ts.SyntaxKind.PropertySignature, ts.SyntaxKind.Parameter,
  ts.SyntaxKind.GetAccessor, ts.SyntaxKind.SetAccessor, ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.ClassExpression,
  ts.SyntaxKind.InterfaceDeclaration, ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.EnumDeclaration, ts.SyntaxKind.ModuleDeclaration,
]);

export function nameOf(fn: FunctionNode): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn) || ts.isAccessor(fn)) && fn.name && ts.isIdentifier(fn.name)) {
    return fn.name.text;
  }
  const holder = fn.parent;
  if ((ts.isVariableDeclaration(holder) || ts.isPropertyDeclaration(holder) || ts.isPropertyAssignment(holder)) && ts.isIdentifier(holder.name)) {
    return holder.name.text;
  }
  return undefined;
}

/** Whether `fn` (a function held by `declaration`) has overload signatures. */
export function hasOverloads(fn: FunctionNode, checker: ts.TypeChecker): boolean {
  const name = ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) ? fn.name : undefined;
  const symbol = name && checker.getSymbolAtLocation(name);
  return (symbol?.getDeclarations() ?? []).filter((declaration) => ts.isFunctionLike(declaration)).length > 1;
}

export { functionHeldBy };
