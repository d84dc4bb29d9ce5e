/**
 * Where a declaration comes from: the module that declares it and its path inside that module.
 * This is how the catalog is matched — by origin, never by the name used at the call site.
 */
import ts from 'typescript';
import { nodePrefixed, type OriginName } from './match.js';

/** Where a declaration comes from, by name (`OriginName`), and the declaration itself. */
export interface Origin extends OriginName {
  readonly declaration: ts.Declaration;
}

/** The npm package a declaration file belongs to, from its path ('@types/babel__core' → '@babel/core'). */
export function packageOfFile(fileName: string): string | undefined {
  const normalized = fileName.replace(/\\/g, '/');
  const index = normalized.lastIndexOf('/node_modules/');
  if (index === -1) return undefined;
  const [first, second] = normalized.slice(index + '/node_modules/'.length).split('/');
  if (!first) return undefined;
  const name = first.startsWith('@') && second ? `${first}/${second}` : first;
  if (!name.startsWith('@types/')) return name;
  const typed = name.slice('@types/'.length);
  return typed.includes('__') ? `@${typed.replace('__', '/')}` : typed;
}

/** Origins already found, per program (a declaration's module depends on the program: default library or not). */
const origins = new WeakMap<ts.Program, WeakMap<ts.Declaration, Origin | null>>();

/** The origin of a declaration, or undefined when it has no nameable place (object literals, locals). */
export function originOf(declaration: ts.Declaration, program: ts.Program): Origin | undefined {
  let known = origins.get(program);
  if (!known) origins.set(program, (known = new WeakMap()));
  let origin = known.get(declaration);
  if (origin === undefined) known.set(declaration, (origin = findOrigin(declaration, program) ?? null));
  return origin ?? undefined;
}

function findOrigin(declaration: ts.Declaration, program: ts.Program): Origin | undefined {
  let path = '';
  let separator = '.'; // how the part collected so far joins its container: '#' for instance members
  // `const load = () => …`: a function value is named by the declaration that holds it.
  let node: ts.Node =
    (ts.isArrowFunction(declaration) || ts.isFunctionExpression(declaration) || ts.isClassExpression(declaration)) &&
    (ts.isVariableDeclaration(declaration.parent) || ts.isPropertyDeclaration(declaration.parent))
      ? declaration.parent
      : declaration;
  let module: string | undefined;
  for (;;) {
    if (ts.isSourceFile(node)) {
      module = moduleOfSourceFile(node, program);
      break;
    }
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      module = nodePrefixed(node.name.text);
      break;
    }
    if (ts.isModuleDeclaration(node) && node.flags & ts.NodeFlags.GlobalAugmentation) {
      module = 'global';
      break;
    }
    const name = declarationName(node);
    if (name === null) return undefined; // a local: inside a function body or an object literal
    if (name !== undefined) {
      path = path ? name + separator + path : name;
      separator = isInstanceMember(node) ? '#' : '.';
    } else if (path && !isTransparent(node)) {
      return undefined;
    }
    node = node.parent;
  }
  if (!module || !path) return undefined;
  const exported = exportEqualsName(node);
  if (exported && path.length > exported.length && /^[.#]/.test(path.slice(exported.length)) && path.startsWith(exported)) {
    path = path.slice(exported.length + 1);
  }
  return { module, path, declaration };
}

function moduleOfSourceFile(sourceFile: ts.SourceFile, program: ts.Program): string | undefined {
  if (program.isSourceFileDefaultLibrary(sourceFile)) return 'global';
  const pkg = packageOfFile(sourceFile.fileName);
  if (!ts.isExternalModule(sourceFile)) return 'global'; // a script: its top-level declarations are globals
  return pkg ?? `file:${sourceFile.fileName}`;
}

/** Declarations that name what they declare (`function f`, `class C`, `const x`, `m()` in a class or interface). */
const namedDeclarations: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.ModuleDeclaration,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.VariableDeclaration,
]);

/** undefined: a node that carries no name of its own (a block, a variable list); null: a local scope. */
function declarationName(node: ts.Node): string | undefined | null {
  if (namedDeclarations.has(node.kind)) {
    const name = (node as ts.NamedDeclaration).name;
    if (!name) return 'default';
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
    return null; // computed names and binding patterns
  }
  if (ts.isFunctionLike(node) || ts.isBlock(node) || ts.isObjectLiteralExpression(node)) {
    return isTransparent(node) ? undefined : null;
  }
  return undefined;
}

/** Nodes between a named declaration and its container that add nothing to the path. */
const transparentKinds: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.ModuleBlock,
  ts.SyntaxKind.VariableDeclarationList,
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.TypeLiteral,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.ConstructSignature,
  ts.SyntaxKind.CallSignature,
  ts.SyntaxKind.IntersectionType,
  ts.SyntaxKind.ParenthesizedType,
]);

function isTransparent(node: ts.Node): boolean {
  return (
    transparentKinds.has(node.kind) ||
    // `type Syncify<T> = (...args) => R`: a function type is named by its alias (and by nothing else)
    ((ts.isFunctionTypeNode(node) || ts.isConstructorTypeNode(node)) && ts.isTypeAliasDeclaration(node.parent))
  );
}

function isInstanceMember(node: ts.Node): boolean {
  if (!ts.isClassElement(node) && !ts.isTypeElement(node)) return false;
  if (ts.isTypeElement(node)) return !ts.isTypeLiteralNode(node.parent);
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return !modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
}

/** Per source file or ambient module: its `export =` name (null: none). Ambient modules hold hundreds of statements. */
const exportEqualsNames = new WeakMap<ts.Node, string | null>();

/** The identifier of `export = X` in a source file or ambient module, if any. */
function exportEqualsName(boundary: ts.Node): string | undefined {
  let name = exportEqualsNames.get(boundary);
  if (name === undefined) exportEqualsNames.set(boundary, (name = findExportEqualsName(boundary) ?? null));
  return name ?? undefined;
}

function findExportEqualsName(boundary: ts.Node): string | undefined {
  const statements = ts.isSourceFile(boundary)
    ? boundary.statements
    : ts.isModuleDeclaration(boundary) && boundary.body && ts.isModuleBlock(boundary.body)
      ? boundary.body.statements
      : [];
  for (const statement of statements) {
    if (ts.isExportAssignment(statement) && statement.isExportEquals && ts.isIdentifier(statement.expression)) {
      return statement.expression.text;
    }
  }
  return undefined;
}
