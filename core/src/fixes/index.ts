/**
 * Fixes for a blocking call: "use the async API" (the catalog twin, awaited) and "run in a worker thread"
 * (the `unblock` runtime). Both add `await`, so both are suggestions, never automatic fixes. Each is offered
 * only where the rewrite keeps the return value, the thrown errors and the types.
 */
import ts from 'typescript';
import type { AsyncTwin, BlockingApi } from '../catalog/types.js';
import type { AsyncContext } from '../analysis/context.js';
import type { Fix, FixEdit } from '../finding.js';
import { apiLabel } from '../messages.js';
import { ImportPlanner } from './imports.js';
import { asiSafeEdit } from './asi.js';
import { argumentText, calleeComments } from './comments.js';
import { holdsForType, widerType } from './wider-type.js';
import { CloneableTypes } from './cloneable.js';
import type { Origin } from '../analysis/origin.js';
import { skipOuter, type CallLike, type CallResolver } from '../analysis/resolve.js';
import * as path from 'node:path';

export interface FixInput {
  readonly call: CallLike;
  readonly api: BlockingApi;
  readonly origin: Origin;
  readonly context: AsyncContext<ts.Node>;
  readonly checker: ts.TypeChecker;
  readonly resolver: CallResolver;
  readonly program: ts.Program;
}

export function buildFixes(input: FixInput): Fix[] {
  // Inside a sync helper there is nothing to await: the helper itself has to become async first.
  if (input.context.kind !== 'async' || input.context.helpers?.length || !ts.isCallExpression(input.call) || isInsideParameters(input)) return [];
  if (isInClassSetUp(input) || !reachesModuleItself(input.call.expression, input.checker)) return [];
  return [asyncTwinFix(input), workerFix(input)].filter((fix): fix is Fix => fix !== undefined);
}

/**
 * Both rewrites call the module's own function in place of the callee, so the callee must reach the module itself:
 * `readFileSync(p)`, `fs.readFileSync(p)`, `require('fs').readFileSync(p)`. Through any other object
 * (`this.#fs.readFileSync`, a parameter `m?.readFileSync`) an injected or mocked module would be replaced by the
 * real one, and `?.` would no longer short-circuit.
 */
function reachesModuleItself(callee: ts.Expression, checker: ts.TypeChecker): boolean {
  let node = skipOuter(callee);
  if (ts.isPropertyAccessExpression(node) && (node.name.text === 'call' || node.name.text === 'apply')) node = skipOuter(node.expression);
  if (ts.isIdentifier(node)) return true;
  let root: ts.Expression = node;
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = skipOuter(root.expression);
  if (ts.isCallExpression(root)) return ts.isIdentifier(root.expression) && root.expression.text === 'require';
  if (!ts.isIdentifier(root)) return false;
  const declaration = checker.getSymbolAtLocation(root)?.declarations?.[0];
  if (!declaration) return false;
  if (ts.isNamespaceImport(declaration) || ts.isImportClause(declaration) || ts.isImportEqualsDeclaration(declaration) || ts.isImportSpecifier(declaration)) return true;
  const initializer = ts.isVariableDeclaration(declaration) && declaration.initializer && skipOuter(declaration.initializer);
  return !!initializer && ts.isCallExpression(initializer) && ts.isIdentifier(initializer.expression) && initializer.expression.text === 'require';
}

/** `readFileSync(p)` → `await readFile(p)`; inside one `.map()` callback, the map is awaited with `Promise.all`. */
function asyncTwinFix(input: FixInput): Fix | undefined {
  const { api, context } = input;
  const call = input.call as ts.CallExpression;
  const twin = api.twin;
  if (!twin?.rewrite || isApplyCall(call) || hasSpread(call)) return undefined;
  if (twin.maxArguments !== undefined && call.arguments.length > twin.maxArguments) return undefined;
  if (!argumentsFit(input, twin)) return undefined;

  const mapCall = context.callbacks.length === 1 ? awaitableMap(input) : undefined;
  if (context.callbacks.length > 0 && !mapCall) return undefined;

  const imports = new ImportPlanner(call.getSourceFile());
  const twinFunction = imports.reference(twin.module, twin.name);
  const invoke = twin.style === 'callback' ? `${imports.reference('node:util', 'promisify')}(${twinFunction})` : twinFunction;
  const callee = `${calleeComments(call)}${invoke}`;
  const args = argumentText(call);
  const awaitKeyword = ts.isAwaitExpression(call.parent) ? '' : 'await '; // `await readFileSync()` needs no second one
  const replacement =
    twin.rewrite === 'exists'
      ? `${awaitKeyword}${callee}(${args}).then(() => true, () => false)`
      : twin.rewrite === 'stdout'
        ? `(await ${callee}(${args})).stdout`
        : `${awaitKeyword}${callee}(${args})`;
  releaseCallee(imports, input, invoke);
  const title = twinTitle(imports, invoke, twinFunction);

  if (!mapCall) {
    const text = twin.rewrite === 'stdout' || !needsParentheses(call) ? replacement : `(${replacement})`;
    return suggestion(title, 'async-twin', [...imports.edits(), asiSafeEdit(call, text)]);
  }
  // `paths.map((p) => readFileSync(p))` → `await Promise.all(paths.map(async (p) => await readFile(p)))`
  const { map, callback } = mapCall;
  const mapStart = map.getStart();
  const inner = [
    { range: [callback.getStart(), callback.getStart()] as const, text: 'async ' },
    { range: [call.getStart(), call.getEnd()] as const, text: needsParentheses(call) ? `(${replacement})` : replacement },
  ];
  const mapText = applyEdits(map.getText(), inner.map((edit) => ({ ...edit, range: [edit.range[0] - mapStart, edit.range[1] - mapStart] as const })));
  const awaited = `await Promise.all(${mapText})`;
  return suggestion(`${title} and await the \`.map()\` with \`Promise.all\``, 'async-twin', [
    ...imports.edits(),
    asiSafeEdit(map, needsParentheses(map) ? `(${awaited})` : awaited),
  ]);
}

/** `bcrypt.hashSync(pw, 10)` → `await inWorker<typeof import('bcryptjs')>(import.meta.resolve('bcryptjs')).hashSync(pw, 10)` */
function workerFix(input: FixInput): Fix | undefined {
  const { api, checker, context } = input;
  // A thread is for CPU-bound work; I/O with an async twin is better served by the twin.
  if (!cpuBound.has(api.category) && api.twin?.rewrite) return undefined;
  if (context.callbacks.length > 0 || api.module === 'global') return undefined;
  if (!/^[A-Za-z_$][\w$]*$/.test(api.path) || isApplyCall(callOf(input)) || hasSpread(callOf(input))) return undefined;
  const callee = callOf(input).expression;
  const signatures = (widerType(callee, checker) ?? checker.getTypeAtLocation(callee)).getCallSignatures();
  if (signatures.length !== 1) return undefined;
  const cloneable = new CloneableTypes(checker);
  if (!callOf(input).arguments.every((argument) => holdsForType(argument, checker, (type) => cloneable.check(type)))) return undefined;
  // The result: the one signature's return type, unless it is generic (then the call's own type).
  const [signature] = signatures;
  const result = signature && !signature.typeParameters?.length ? signature.getReturnType() : checker.getTypeAtLocation(callOf(input));
  if (!cloneable.check(result)) return undefined;

  const sourceFile = input.call.getSourceFile();
  const imports = new ImportPlanner(sourceFile);
  const target = workerTarget(input, imports);
  if (!target) return undefined;
  const inWorker = imports.reference('unblock', 'inWorker');
  // JavaScript has no type arguments: there the call is untyped.
  const typeArguments = isTypeScript(sourceFile) ? `<typeof import(${imports.quote(target.specifier)})>` : '';
  const invoke = `${inWorker}${typeArguments}(${target.location}).${target.exportName}`;
  const replacement = `await ${calleeComments(callOf(input))}${invoke}(${argumentText(input.call)})`;
  releaseCallee(imports, input, invoke);
  return suggestion(`Run \`${apiLabel(api)}\` in a worker thread`, 'worker', [
    ...imports.edits(),
    asiSafeEdit(input.call, needsParentheses(callOf(input)) ? `(${replacement})` : replacement),
  ]);
}

/** Where the worker loads the function from: a builtin, a package resolved from here, or a project module. */
function workerTarget(
  input: FixInput,
  imports: ImportPlanner,
): { specifier: string; location: string; exportName: string } | undefined {
  const { api, origin, program } = input;
  const sourceFile = input.call.getSourceFile();
  const esm = imports.isEsm && isEsmOutput(sourceFile, program);
  if (api.module === 'project') {
    // An exported function of another project file; its module is loaded (top-level code included) in the worker.
    if (!api.file || api.file === sourceFile.fileName || !isExported(origin.declaration)) return undefined;
    let specifier = path.posix.relative(path.posix.dirname(sourceFile.fileName), api.file).replace(/\.([cm]?)tsx?$/, '.$1js');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    const exportName = hasModifier(origin.declaration, ts.SyntaxKind.DefaultKeyword) ? 'default' : api.path;
    const quoted = imports.quote(specifier);
    return { specifier, exportName, location: esm ? `new URL(${quoted}, import.meta.url)` : `require.resolve(${quoted})` };
  }
  const specifier = imports.specifierFor(api.module);
  const quoted = imports.quote(specifier);
  if (api.module.startsWith('node:')) return { specifier, exportName: api.path, location: quoted };
  return { specifier, exportName: api.path, location: esm ? `import.meta.resolve(${quoted})` : `require.resolve(${quoted})` };
}

function isTypeScript(sourceFile: ts.SourceFile): boolean {
  return /\.[cm]?tsx?$/.test(sourceFile.fileName);
}

function isExported(declaration: ts.Declaration): boolean {
  return hasModifier(declaration, ts.SyntaxKind.ExportKeyword);
}

function hasModifier(declaration: ts.Declaration, kind: ts.SyntaxKind): boolean {
  const node = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);
}

const callOf = (input: FixInput) => input.call as ts.CallExpression;

/** The title says what the edit does: the expression it calls, and the imports it adds. */
function twinTitle(imports: ImportPlanner, invoke: string, twinFunction: string): string {
  const added = imports.addedImports();
  const twinImport = added.find(({ name }) => name === twinFunction);
  const others = added.filter((entry) => entry !== twinImport).map(({ name, specifier }) => `\`${name}\` from \`${specifier}\``);
  return `Use the async API \`${invoke}\`${twinImport ? ` from \`${twinImport.specifier}\`` : ''}${others.length ? `, importing ${others.join(' and ')}` : ''}`;
}

/** The rewrite drops the callee (`readFileSync(…)`, `crypto.pbkdf2Sync(…)`): its import may lose its last use. */
function releaseCallee(imports: ImportPlanner, input: FixInput, newCallee: string): void {
  let root: ts.Expression = skipOuter(callOf(input).expression);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = skipOuter(root.expression);
  if (ts.isIdentifier(root)) imports.release(root, input.checker, newCallee.replace(/'[^']*'|"[^"]*"/g, "''"));
}

const cpuBound = new Set<BlockingApi['category']>(['crypto', 'compression', 'compile', 'database', 'user']);

function suggestion(title: string, kind: Fix['kind'], edits: FixEdit[]): Fix {
  return { title, kind, safety: 'suggestion', edits };
}

/** The `.map()` call to await when the blocking call sits directly in an array `.map()` callback. */
function awaitableMap(input: FixInput): { map: ts.CallExpression; callback: ts.ArrowFunction | ts.FunctionExpression } | undefined {
  const callback = input.context.callbacks[0]?.fn;
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return undefined;
  if (callback.type || callback.asteriskToken || isAsync(callback)) return undefined;
  const map = callback.parent;
  if (!ts.isCallExpression(map) || map.arguments[0] !== callback) return undefined;
  // `await` may not go into the callback's parameters (`(p, x = readFileSync(p)) => …`)
  if (!(callback.body.pos <= input.call.pos && input.call.end <= callback.body.end)) return undefined;
  const isArrayMap = input.resolver
    .originsOfCall(map)
    .some((origin) => origin.module === 'global' && (origin.path === 'Array#map' || origin.path === 'ReadonlyArray#map'));
  return isArrayMap ? { map, callback } : undefined;
}

/**
 * Arguments for which the twin differs: a file descriptor where `fs.promises` wants a path or FileHandle;
 * `execSync` options without a string encoding (the sync result is then a Buffer, the twin's a string), or
 * with `input` / `stdio`, which `exec` does not take.
 */
function argumentsFit(input: FixInput, twin: AsyncTwin): boolean {
  const { checker } = input;
  const args = (input.call as ts.CallExpression).arguments;
  if (twin.rewrite === 'stdout') {
    const options = args.at(-1);
    const optionsType = options && checker.getTypeAtLocation(options);
    const encoding = optionsType?.getProperty('encoding');
    if (!options || !optionsType || !encoding) return false;
    // `input` and `stdio` exist only for the sync forms.
    if (optionsType.getProperty('input') || optionsType.getProperty('stdio')) return false;
    const type = checker.getTypeOfSymbolAtLocation(encoding, options);
    const values = type.isUnion() ? type.types : [type];
    return values.every((value) => value.isStringLiteral() && value.value !== 'buffer');
  }
  if (twin.module !== 'node:fs/promises') return true;
  const first = args[0];
  return !first || holdsForType(first, checker, (type) => !isNumberLike(type));
}

function isNumberLike(type: ts.Type): boolean {
  return type.isUnion() ? type.types.some(isNumberLike) : (type.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.Any)) !== 0;
}

function isInsideParameters({ call, context }: FixInput): boolean {
  const fn = context.fn;
  if (!fn || !ts.isFunctionLike(fn)) return false;
  return fn.parameters.some((parameter) => parameter.pos <= call.pos && call.end <= parameter.end);
}

/** `await` may not go into a class static block or a field initializer, even inside an async function. */
function isInClassSetUp({ call, context }: FixInput): boolean {
  for (let node: ts.Node = call; node !== context.fn && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isClassStaticBlockDeclaration(node) || ts.isPropertyDeclaration(node)) return true;
  }
  return false;
}

function isApplyCall(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) && (callee.name.text === 'call' || callee.name.text === 'apply');
}

function hasSpread(call: ts.CallExpression): boolean {
  return call.arguments.some(ts.isSpreadElement);
}

function isAsync(fn: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
}

/** `await x` must be parenthesized where the call is a callee, an object of member access, and the like. */
export function needsParentheses(node: ts.Expression): boolean {
  const parent = node.parent;
  return (
    ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node) ||
    ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node) ||
    (ts.isTaggedTemplateExpression(parent) && parent.tag === node) ||
    ts.isNonNullExpression(parent) ||
    ts.isExpressionWithTypeArguments(parent) || // `class A extends (await f())`
    (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken && parent.left === node)
  );
}

function applyEdits(text: string, edits: readonly FixEdit[]): string {
  return [...edits]
    .sort((a, b) => b.range[0] - a.range[0])
    .reduce((result, edit) => result.slice(0, edit.range[0]) + edit.text + result.slice(edit.range[1]), text);
}

/** Whether emitted JavaScript for this file is ESM (so `import.meta` exists). */
function isEsmOutput(sourceFile: ts.SourceFile, program: ts.Program): boolean {
  const format = sourceFile.impliedNodeFormat;
  if (format !== undefined) return format === ts.ModuleKind.ESNext;
  const module = program.getCompilerOptions().module;
  return module !== undefined && module >= ts.ModuleKind.ES2015 && module <= ts.ModuleKind.ESNext;
}
