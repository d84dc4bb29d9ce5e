/**
 * "Make the chain async": for indirect findings (`loadConfig()` in async code, where loadConfig → readJson →
 * fs.readFileSync), the blocking call at the end becomes its async twin, every function of the chain becomes `async`
 * (a return type `T` becomes `Promise<T>`) and every call of those functions gets `await`, across files. Planned only
 * when every call is in async code or in another function of the chain; otherwise the refusal names the use that
 * stops it. One implementation for the editor, the ESLint suggestion and `unblock-cli fix --chains`; whether the
 * result type-checks is for the caller to prove (`chain-check.ts`), as it holds the project.
 */
import ts from 'typescript';
import type { BlockingCallDetector } from '../analysis/detect.js';
import { catalogEntryOf, isCallLike, type CallResolver } from '../analysis/resolve.js';
import type { Finding, FixEdit } from '../finding.js';
import { apiLabel } from '../messages.js';
import { functionFacts, isFunctionWithBody, typescriptSyntax, type FunctionNode } from '../syntax/typescript.js';
import { hasOverloads, nameOf, usesOf, type Use } from './chain-references.js';
import { buildFixes, needsParentheses } from './index.js';
import { isPackageEntry } from './chain-entry.js';

export type ChainRefusalReason =
  | 'sync caller'
  | 'callback'
  | 'getter'
  | 'constructor'
  | 'exported'
  | 'overloads'
  | 'this call from a sync method'
  | 'module level'
  | 'no async twin'
  | 'unsupported';

export interface ChainRefusal {
  readonly refused: ChainRefusalReason;
  /** What stops it, naming the place: "`loadConfig` is called by the sync function `main` (cli.ts:12)". */
  readonly message: string;
  readonly file: string;
  readonly line: number;
}

export interface ChainPlan {
  /** "Make `loadConfig` async (3 functions, 5 call sites in 3 files)". */
  readonly title: string;
  readonly functions: readonly string[];
  readonly callSites: number;
  /** File name → its edits. */
  readonly edits: ReadonlyMap<string, readonly FixEdit[]>;
}

/**
 * One plan for the chains of `findings` (indirect findings of `detector`'s program), together: a function made async
 * for one chain changes the calls in the others.
 */
export function planAsyncChain(detector: BlockingCallDetector, findings: readonly Finding[]): ChainPlan | ChainRefusal {
  const chains: Chain[] = [];
  for (const finding of findings) {
    const chain = chainOf(detector.program, finding);
    if ('refused' in chain) return chain;
    chains.push(chain);
  }
  const planned = plan(detector, chains);
  return 'caller' in planned ? planned.refusal : planned;
}

/**
 * Plans for all of `findings`: the chains that share a function are planned together, and so are two chains when a
 * function of one calls a function of the other (`summary → loadConfig` beside `listUsers → readJson`, both reaching
 * `readJson`): each result names the findings it covers.
 */
export function planAsyncChains(detector: BlockingCallDetector, findings: readonly Finding[]): { findings: Finding[]; result: ChainPlan | ChainRefusal }[] {
  const results: { findings: Finding[]; result: ChainPlan | ChainRefusal }[] = [];
  const groups: { findings: Finding[]; chains: Chain[] }[] = [];
  for (const finding of findings) {
    const chain = chainOf(detector.program, finding);
    if ('refused' in chain) results.push({ findings: [finding], result: chain });
    else {
      const joined = groups.filter((group) => group.chains.some((other) => other.functions.some((fn) => chain.functions.includes(fn))));
      const group = { findings: [...joined.flatMap((other) => other.findings), finding], chains: [...joined.flatMap((other) => other.chains), chain] };
      for (const other of joined) groups.splice(groups.indexOf(other), 1);
      groups.push(group);
    }
  }
  const done: { group: (typeof groups)[number]; result: ChainPlan | ChainRefusal }[] = [];
  while (groups.length > 0) {
    const group = groups.shift()!;
    for (;;) {
      const planned = plan(detector, group.chains);
      if (!('caller' in planned)) {
        done.push({ group, result: planned });
        break;
      }
      // A sync caller that another chain makes async: plan both together.
      const owner = (candidate: { chains: Chain[] }) => candidate.chains.some((chain) => chain.functions.includes(planned.caller!));
      const other = groups.find(owner) ?? done.find((entry) => owner(entry.group))?.group;
      if (!planned.caller || !other) {
        done.push({ group, result: planned.refusal });
        break;
      }
      groups.splice(groups.indexOf(other), 1);
      done.splice(done.findIndex((entry) => entry.group === other), 1);
      group.findings.push(...other.findings);
      group.chains.push(...other.chains);
    }
  }
  return [...results, ...done.map(({ group, result }) => ({ findings: group.findings, result }))];
}

interface Chain {
  readonly functions: FunctionNode[];
  readonly leaf: ts.CallExpression;
}

function plan(detector: BlockingCallDetector, chains: readonly Chain[]): ChainPlan | { refusal: ChainRefusal; caller: FunctionNode | undefined } {
  const { program, resolver } = detector;
  const checker = program.getTypeChecker();
  const refuse = (refusal: ChainRefusal, caller?: FunctionNode) => ({ refusal, caller });
  const syntax = typescriptSyntax(resolver, checker);
  const functions = new Set(chains.flatMap((chain) => chain.functions));
  const uses = joinSyncCallers(program, resolver, syntax, functions);
  const edits = new Map<string, FixEdit[]>();
  const add = (node: ts.Node, edit: FixEdit) => {
    const file = node.getSourceFile().fileName;
    edits.set(file, [...(edits.get(file) ?? []), edit]);
  };

  for (const fn of functions) {
    const refusal = functionRefusal(fn, checker, program);
    if (refusal) return refuse(refusal);
    add(fn, { range: [asyncPosition(fn), asyncPosition(fn)], text: 'async ' });
    if (fn.type) add(fn, { range: [fn.type.getStart(), fn.type.getEnd()], text: `Promise<${fn.type.getText()}>` });
  }
  for (const chain of chains) {
    const { leaf } = chain;
    const fix = leafFix(detector, resolver, leaf, chain.functions.at(-1)!);
    if ('refused' in fix) return refuse(fix);
    for (const edit of fix.edits) add(leaf, edit);
  }
  let callSites = 0;
  for (const use of uses) {
    const refusal = useRefusal(use, functions, syntax, program);
    const merges = refusal?.refused === 'sync caller' || refusal?.refused === 'this call from a sync method';
    if (refusal) return refuse(refusal, merges && use.kind === 'call' ? (syntax.enclosingFunction(use.call) as FunctionNode) : undefined);
    if (use.kind !== 'call' || ts.isAwaitExpression(use.call.parent)) continue;
    callSites++;
    for (const edit of awaitEdits(use.call)) add(use.call, edit);
  }
  const merged = mergeEdits(edits);
  if ('refused' in merged) return refuse(merged);
  const names = [...functions].map((fn) => nameOf(fn) ?? 'anonymous function');
  const first = names[0]!;
  return {
    title: `Make \`${first}\` async (${plural(functions.size, 'function')}, ${plural(callSites, 'call site')} in ${plural(merged.size, 'file')})`,
    functions: names,
    callSites,
    edits: merged,
  };
}

/**
 * The uses of `functions`, once every plain sync function (a function declaration, or a function held by a
 * variable) that calls one of them has joined them: it blocks through them, so it is part of the chain too
 * (`summary → countAdmins → listUsers` beside `summary → loadConfig`). Methods, getters, constructors and callbacks
 * do not join: their calls stop the rewrite, and the refusal names them.
 */
function joinSyncCallers(program: ts.Program, resolver: CallResolver, syntax: ReturnType<typeof typescriptSyntax>, functions: Set<FunctionNode>): Use[] {
  for (let round = 0; ; round++) {
    const uses = usesOf(program, resolver, functions);
    if (round >= 32) return uses;
    let grew = false;
    for (const use of uses) {
      if (use.kind !== 'call' || use.viaThis) continue;
      const caller = syntax.enclosingFunction(use.call) as FunctionNode | undefined;
      if (!caller || functions.has(caller) || syntax.isAsync(caller) || syntax.callOfArgument(caller) || !nameOf(caller)) continue;
      const plain = ts.isFunctionDeclaration(caller) || ((ts.isArrowFunction(caller) || ts.isFunctionExpression(caller)) && ts.isVariableDeclaration(caller.parent));
      if (!plain) continue;
      functions.add(caller);
      grew = true;
    }
    if (!grew) return uses;
  }
}

/** The functions of a finding's chain, outermost first, and the blocking call at its end. */
function chainOf(program: ts.Program, finding: Finding): Chain | ChainRefusal {
  const links = finding.chain ?? [];
  const functions: FunctionNode[] = [];
  let leaf: ts.CallExpression | undefined;
  for (const [index, link] of links.entries()) {
    const sourceFile = program.getSourceFile(link.file);
    const call = sourceFile && callAt(sourceFile, link.position);
    if (!call) return refusal('unsupported', `the chain could not be followed at ${where(link.file, link.line)}`, link.file, link.line);
    if (index === links.length - 1) {
      if (!ts.isCallExpression(call)) return refusal('unsupported', `\`${link.label}\` is not a plain call (${where(link.file, link.line)})`, link.file, link.line);
      leaf = call;
      break;
    }
    const fn = enclosingFunction(call);
    if (!fn || (functionFacts(fn).name ?? 'anonymous function') !== link.label) {
      return refusal('callback', `the chain goes through a callback in \`${link.label}\` (${where(link.file, link.line)}): \`await\` cannot go there`, link.file, link.line);
    }
    functions.push(fn);
  }
  if (!leaf || functions.length === 0) return refusal('unsupported', 'the finding has no chain', '', 0);
  return { functions, leaf };
}

function functionRefusal(fn: FunctionNode, checker: ts.TypeChecker, program: ts.Program): ChainRefusal | undefined {
  const name = nameOf(fn) ?? 'anonymous function';
  const at = position(fn);
  if (ts.isAccessor(fn)) return refusal('getter', `\`${name}\` is a ${ts.isGetAccessor(fn) ? 'getter' : 'setter'} (${at.where}): it cannot be async`, at.file, at.line);
  if (ts.isConstructorDeclaration(fn)) return refusal('constructor', `the chain goes through a constructor (${at.where}): it cannot be async`, at.file, at.line);
  if (functionFacts(fn).kind === 'generator function') return refusal('unsupported', `\`${name}\` is a generator (${at.where})`, at.file, at.line);
  if (hasOverloads(fn, checker)) return refusal('overloads', `\`${name}\` has overload signatures (${at.where}): each would need rewriting`, at.file, at.line);
  const signature = checker.getSignatureFromDeclaration(fn);
  const returned = signature && checker.getReturnTypeOfSignature(signature);
  if (returned && isThenable(returned, checker)) {
    return refusal('unsupported', `\`${name}\` returns a promise already (${at.where}): \`await\` would change what its callers get`, at.file, at.line);
  }
  if (isExported(fn) && isPackageEntry(fn.getSourceFile(), program)) {
    return refusal('exported', `\`${name}\` is exported by the package's entry point (${at.where}): code outside the project may call it`, at.file, at.line);
  }
  return undefined;
}

function useRefusal(use: Use, functions: ReadonlySet<FunctionNode>, syntax: ReturnType<typeof typescriptSyntax>, program: ts.Program): ChainRefusal | undefined {
  const name = nameOf(use.fn) ?? 'anonymous function';
  const node = use.kind === 'call' ? use.call : use.node;
  const at = position(node);
  switch (use.kind) {
    case 'new':
      return refusal('constructor', `\`${name}\` is called with \`new\` (${at.where})`, at.file, at.line);
    case 'type':
      return refusal('unsupported', `\`${name}\`'s type is used (${at.where}): it would change`, at.file, at.line);
    case 'unknown receiver':
      return refusal('unsupported', `\`${node.getText()}\` may be \`${name}\`: its object's type is unknown (${at.where})`, at.file, at.line);
    case 'value':
      return refusal('callback', `\`${name}\` is passed as a value (${at.where}): its caller would get a promise`, at.file, at.line);
    case 'export':
      return isPackageEntry(node.getSourceFile(), program)
        ? refusal('exported', `\`${name}\` is exported by the package's entry point (${at.where}): code outside the project may call it`, at.file, at.line)
        : undefined;
    case 'call': {
      const caller = syntax.enclosingFunction(use.call) as FunctionNode | undefined;
      if (!caller) {
        return topLevelAwaitAllowed(use.call, program)
          ? undefined
          : refusal('module level', `\`${name}\` is called at module level of a file that cannot \`await\` there (${at.where})`, at.file, at.line);
      }
      if (caller.parameters.some((parameter) => parameter.pos <= use.call.pos && use.call.end <= parameter.end)) {
        return refusal('unsupported', `\`${name}\` is called in a parameter's default value (${at.where})`, at.file, at.line);
      }
      if (functions.has(caller) || syntax.isAsync(caller)) return undefined;
      const callerName = nameOf(caller);
      const label = `${functionFacts(caller).kind}${callerName ? ` \`${callerName}\`` : ''}`;
      if (ts.isAccessor(caller)) {
        return refusal('getter', `\`${name}\` is called by the ${ts.isGetAccessor(caller) ? 'getter' : 'setter'} \`${callerName}\` (${at.where})`, at.file, at.line);
      }
      if (ts.isConstructorDeclaration(caller)) return refusal('constructor', `\`${name}\` is called by a constructor (${at.where})`, at.file, at.line);
      if (use.viaThis) return refusal('this call from a sync method', `\`this.${name}()\` is called by the sync ${label} (${at.where})`, at.file, at.line);
      const passed = syntax.callOfArgument(caller);
      if (passed) return refusal('callback', `\`${name}\` is called in a callback${passed.method ? ` of \`${passed.method}\`` : ''} (${at.where})`, at.file, at.line);
      return refusal('sync caller', `\`${name}\` is called by the sync ${label}, outside the chain (${at.where})`, at.file, at.line);
    }
  }
  return undefined;
}

/** The blocking call at the end, as its async twin (the twin fix the direct rule offers, as if already async). */
function leafFix(detector: BlockingCallDetector, resolver: CallResolver, leaf: ts.CallExpression, fn: FunctionNode): { edits: readonly FixEdit[] } | ChainRefusal {
  const at = position(leaf);
  const found = catalogEntryOf(resolver.originsOfCall(leaf));
  const label = found ? apiLabel(found.api) : leaf.expression.getText();
  if (enclosingFunction(leaf) !== fn) return refusal('callback', `\`${label}\` runs inside a callback (${at.where}): \`await\` cannot go there`, at.file, at.line);
  if (!found?.api.twin) return refusal('no async twin', `\`${label}\` has no async twin (${at.where}): run it in a worker thread instead`, at.file, at.line);
  const facts = { ...functionFacts(fn), async: true };
  const fixes = buildFixes({
    call: leaf,
    api: found.api,
    origin: found.origin,
    context: { kind: 'async', fn, facts, callbacks: [] },
    checker: detector.program.getTypeChecker(),
    resolver,
    program: detector.program,
  });
  const twin = fixes.find((fix) => fix.kind === 'async-twin');
  return twin ?? refusal('no async twin', `\`${label}\` has no async twin that behaves the same with these arguments (${at.where})`, at.file, at.line);
}

/** `f()` → `await f()`; `f().x` → `(await f()).x` (after a line without `;`, `;(await f()).x`). */
function awaitEdits(call: ts.CallExpression): FixEdit[] {
  const start = call.getStart();
  if (!needsParentheses(call)) return [{ range: [start, start], text: 'await ' }];
  const statement = ts.findAncestor(call, (node) => ts.isStatement(node) || ts.isFunctionLike(node));
  const guard = statement && ts.isExpressionStatement(statement) && statement.getStart() === start && !previousEndsStatement(statement) ? ';' : '';
  return [
    { range: [start, start], text: `${guard}(await ` },
    { range: [call.getEnd(), call.getEnd()], text: ')' },
  ];
}

function previousEndsStatement(statement: ts.Statement): boolean {
  const list = (statement.parent as { statements?: ts.NodeArray<ts.Statement> }).statements;
  const previous = list?.[list.indexOf(statement) - 1];
  return !previous || /[;}]$/.test(previous.getText());
}

/** Edits of one file, in order; identical ones once, insertions at one place joined; overlapping ones refused. */
function mergeEdits(edits: Map<string, FixEdit[]>): Map<string, FixEdit[]> | ChainRefusal {
  const merged = new Map<string, FixEdit[]>();
  for (const [file, list] of edits) {
    const sorted: FixEdit[] = [];
    for (const edit of [...list].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
      const last = sorted.at(-1);
      if (last && last.range[0] === edit.range[0] && last.range[1] === edit.range[1]) {
        if (last.text === edit.text) continue;
        if (edit.range[0] === edit.range[1]) {
          sorted[sorted.length - 1] = { range: last.range, text: last.text + edit.text };
          continue;
        }
      }
      if (last && edit.range[0] < last.range[1]) return refusal('unsupported', `two rewrites overlap in ${file}`, file, 0);
      sorted.push(edit);
    }
    merged.set(file, sorted);
  }
  return merged;
}

function asyncPosition(fn: FunctionNode): number {
  if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) {
    return fn.getChildren().find((child) => child.kind === ts.SyntaxKind.FunctionKeyword)?.getStart() ?? fn.getStart();
  }
  if (ts.isMethodDeclaration(fn)) return fn.name.getStart();
  return fn.getStart();
}

function isExported(fn: FunctionNode): boolean {
  const node = ts.isVariableDeclaration(fn.parent) ? fn.parent.parent.parent : fn;
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

/** Module-level code of an ES module compiled for a target with top-level `await` (not in a class body). */
function topLevelAwaitAllowed(node: ts.Node, program: ts.Program): boolean {
  if (ts.findAncestor(node.parent, (ancestor) => ts.isFunctionLike(ancestor) || ts.isClassLike(ancestor))) return false;
  const sourceFile = node.getSourceFile();
  const options = program.getCompilerOptions();
  const module = options.module ?? ts.ModuleKind.CommonJS;
  const esm =
    module === ts.ModuleKind.ES2022 || module === ts.ModuleKind.ESNext || module === ts.ModuleKind.System
      ? true
      : module >= ts.ModuleKind.Node16 && sourceFile.impliedNodeFormat === ts.ModuleKind.ESNext;
  return esm && ts.isExternalModule(sourceFile) && (options.target ?? ts.ScriptTarget.ES5) >= ts.ScriptTarget.ES2017;
}

function isThenable(type: ts.Type, checker: ts.TypeChecker): boolean {
  if (type.isUnion()) return type.types.some((part) => isThenable(part, checker));
  return !!checker.getPropertyOfType(type, 'then');
}

function enclosingFunction(node: ts.Node): FunctionNode | undefined {
  return ts.findAncestor(node.parent, isFunctionWithBody) as FunctionNode | undefined;
}

function callAt(sourceFile: ts.SourceFile, offset: number): ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression | undefined {
  let found: ReturnType<typeof callAt>;
  const visit = (node: ts.Node): void => {
    if (node.getStart(sourceFile) > offset || node.getEnd() <= offset) return;
    if (isCallLike(node) && node.getStart(sourceFile) === offset) found = node;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function position(node: ts.Node): { file: string; line: number; where: string } {
  const sourceFile = node.getSourceFile();
  const line = sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  return { file: sourceFile.fileName, line, where: where(sourceFile.fileName, line) };
}

function where(file: string, line: number): string {
  return `${file.split(/[\\/]/).pop()}:${line}`;
}

function refusal(refused: ChainRefusalReason, message: string, file: string, line: number): ChainRefusal {
  return { refused, message, file, line };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
