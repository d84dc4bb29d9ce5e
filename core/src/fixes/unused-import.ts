/**
 * Import edits beyond adding: a binding whose last use a fix removes is removed with it (its list element, its
 * default or namespace part, or the whole statement), so `noUnusedLocals` and `no-unused-vars` still pass.
 * A statement importing a package (not a Node builtin) becomes a side-effect import: the module still loads.
 */
import ts from 'typescript';
import type { FixEdit } from '../finding.js';
import { nodePrefixed } from '../analysis/match.js';
import type { FileImports, LocalBinding } from './file-imports.js';

/** One `{ … }` list of an import or a require destructuring: elements removed and element texts added. */
export interface ListChange {
  readonly list: ts.NamedImports | ts.ObjectBindingPattern;
  readonly removed: Set<ts.Node>;
  readonly added: string[];
  dropped?: boolean;
}

/** The list rewritten, as written (same separator), or undefined when unchanged or emptied. */
export function listText(change: ListChange): FixEdit | undefined {
  if (change.dropped || (change.removed.size === 0 && change.added.length === 0)) return undefined;
  const elements = change.list.elements as ts.NodeArray<ts.Node>;
  const first = elements[0];
  const last = elements.at(-1);
  if (!first || !last) {
    const at = change.list.getEnd() - 1;
    return { range: [at, at], text: ` ${change.added.join(', ')} ` };
  }
  const second = elements[1];
  const separator = second ? change.list.getSourceFile().text.slice(first.getEnd(), second.getStart()) : ', ';
  const kept = elements.filter((element) => !change.removed.has(element)).map((element) => element.getText());
  return { range: [first.getStart(), last.getEnd()], text: [...kept, ...change.added].join(separator) };
}

/**
 * Edits for the released bindings that are not just list elements. `anchor` is where new import statements
 * go; when it is removed, `replacement` (the new statements) takes its place and `anchorRemoved` says so.
 */
export function bindingRemovalEdits(input: {
  facts: FileImports;
  released: readonly LocalBinding[];
  changes: readonly ListChange[];
  anchor: ts.Statement | undefined;
  replacement: readonly string[];
}): { edits: FixEdit[]; anchorRemoved: boolean } {
  const { facts, released, changes, anchor, replacement } = input;
  const releasedNodes = new Set(released.map((binding) => binding.declaration));
  const emptied = new Set(changes.filter((change) => change.added.length === 0 && change.list.elements.length > 0 && change.list.elements.every((element) => change.removed.has(element))));
  const gone = (node: ts.Node | undefined) => !node || releasedNodes.has(node) || [...emptied].some((change) => change.list === node);
  const edits: FixEdit[] = [];
  const removedStatements = new Set<ts.Statement>();
  const sourceText = facts.sourceFile.text;

  for (const change of emptied) {
    change.dropped = true;
    const clause = change.list.parent;
    if (ts.isImportClause(clause) && clause.name && !gone(clause)) {
      edits.push({ range: [clause.name.getEnd(), change.list.getEnd()], text: '' }); // `import fs, { a }` → `import fs`
    } else {
      removedStatements.add(statementOf(change.list));
    }
  }
  for (const binding of released) {
    const node = binding.declaration;
    if (ts.isImportSpecifier(node) || ts.isBindingElement(node)) continue; // list elements: above
    if (ts.isImportClause(node) && node.namedBindings && !gone(node.namedBindings)) {
      edits.push({ range: [node.name!.getStart(), node.namedBindings.getStart()], text: '' }); // `import fs, { a }` → `import { a }`
    } else if (ts.isNamespaceImport(node) && node.parent.name && !gone(node.parent)) {
      edits.push({ range: [node.parent.name.getEnd(), node.getEnd()], text: '' });
    } else {
      removedStatements.add(binding.statement);
    }
  }

  let anchorRemoved = false;
  for (const statement of removedStatements) {
    const specifier = specifierNode(statement);
    // A package may run code when loaded: keep loading it.
    const keep = specifier && !nodePrefixed(specifier.text).startsWith('node:') ? sideEffectImport(statement, specifier) : undefined;
    const texts = [...(keep ? [keep] : []), ...(statement === anchor ? replacement : [])];
    if (statement === anchor) anchorRemoved = true;
    if (texts.length > 0) {
      edits.push({ range: [statement.getStart(), statement.getEnd()], text: texts.join('\n') });
      continue;
    }
    let end = statement.getEnd();
    if (sourceText.startsWith('\r\n', end)) end += 2;
    else if (sourceText[end] === '\n') end += 1;
    edits.push({ range: [statement.getStart(), end], text: '' });
  }
  return { edits, anchorRemoved: anchorRemoved && replacement.length > 0 };
}

function statementOf(node: ts.Node): ts.Statement {
  let current = node;
  while (!ts.isSourceFile(current.parent)) current = current.parent;
  return current as ts.Statement;
}

function specifierNode(statement: ts.Statement): ts.StringLiteralLike | undefined {
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) return statement.moduleSpecifier;
  if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
    const expression = statement.moduleReference.expression;
    return ts.isStringLiteral(expression) ? expression : undefined;
  }
  if (ts.isVariableStatement(statement)) {
    const initializer = statement.declarationList.declarations[0]?.initializer;
    const argument = initializer && ts.isCallExpression(initializer) ? initializer.arguments[0] : undefined;
    return argument && ts.isStringLiteralLike(argument) ? argument : undefined;
  }
  return undefined;
}

/** `import 'pkg';` / `require('pkg');` with the statement's own quotes and semicolon. */
function sideEffectImport(statement: ts.Statement, specifier: ts.StringLiteralLike): string {
  const semicolon = statement.getText().endsWith(';') ? ';' : '';
  return ts.isVariableStatement(statement) ? `require(${specifier.getText()})${semicolon}` : `import ${specifier.getText()}${semicolon}`;
}
