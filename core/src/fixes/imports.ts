/**
 * Reach an export of a module from a file, in the file's own module style: reuse what the file already
 * imports (`import * as fs`, `const { readFile } = require('fs/promises')`, `import { promises } from 'fs'`,
 * fs-extra's `fse.promises`), else add an import the way the file writes them (`import` or `require`, with or
 * without the `node:` prefix, its quotes and semicolons). A binding whose last use a fix removes goes with it.
 * One planner per fix, over the file's facts read once (`FileImports`).
 */
import ts from 'typescript';
import type { FixEdit } from '../finding.js';
import { FileImports, type LocalBinding } from './file-imports.js';
import { quoted } from './style.js';
import { bindingRemovalEdits, listText, type ListChange } from './unused-import.js';

export class ImportPlanner {
  readonly facts: FileImports;
  private readonly added = new Map<string, Map<string, string>>();
  private readonly freshNames = new Set<string>();
  private readonly released: LocalBinding[] = [];

  constructor(sourceFile: ts.SourceFile) {
    this.facts = FileImports.of(sourceFile);
  }

  get isEsm(): boolean {
    return this.facts.isEsm;
  }

  /** An expression for `module`'s export `name`, adding an import if the file has none to reuse. */
  reference(module: string, name: string): string {
    const bindings = this.facts.modules.get(module);
    const named = bindings?.named.get(name) ?? this.added.get(module)?.get(name);
    if (named) return named;
    if (bindings?.namespace) return `${bindings.namespace}.${name}`;
    const promises = module === 'node:fs/promises' ? this.fsPromises() : undefined;
    if (promises) return `${promises}.${name}`;
    const local = this.freeName(name);
    const added = this.added.get(module) ?? new Map<string, string>();
    added.set(name, local);
    this.added.set(module, added);
    return local;
  }

  /** The imports `reference()` added, as `[local name, specifier]`: what a fix's title names. */
  addedImports(): { name: string; specifier: string }[] {
    return [...this.added].flatMap(([module, names]) => [...names.values()].map((name) => ({ name, specifier: this.specifierFor(module) })));
  }

  /** The specifier the file uses for `module`, else the one an added import would use. */
  specifierFor(module: string): string {
    const existing = this.facts.modules.get(module)?.specifier;
    if (existing) return existing;
    return module.startsWith('node:') && !this.facts.nodePrefix ? module.slice('node:'.length) : module;
  }

  /** A string literal in the file's quotes. */
  quote(text: string): string {
    return quoted(text, this.facts.style);
  }

  /**
   * The fix removes one use of `identifier` (and keeps none in `newText`): when that was the last use of an
   * import binding, the binding goes too. Uses are counted as words of the whole text, so a mention in a
   * string, a comment, a type or a re-export keeps the binding.
   */
  release(identifier: ts.Identifier, checker: ts.TypeChecker, newText: string): void {
    const binding = this.facts.locals.get(identifier.text);
    if (!binding || new RegExp(`(?<![.\\p{ID_Continue}$])${escape(identifier.text)}(?![\\p{ID_Continue}$])`, 'u').test(newText)) return;
    if (!checker.getSymbolAtLocation(identifier)?.declarations?.includes(binding.declaration as ts.Declaration)) return;
    if (ts.isVariableStatement(binding.statement) && binding.statement.declarationList.declarations.length !== 1) return;
    const inStatement = countWord(binding.statement.getText(), identifier.text);
    if (this.facts.occurrences(identifier.text) - inStatement === 1) this.released.push(binding);
  }

  /** Edits that add the imports `reference()` asked for and remove the released bindings. */
  edits(): FixEdit[] {
    const style = this.facts.style;
    const semicolon = style.semicolons ? ';' : '';
    const changes = new Map<ts.Node, ListChange>();
    const change = (list: ts.NamedImports | ts.ObjectBindingPattern) => {
      let found = changes.get(list);
      if (!found) changes.set(list, (found = { list, removed: new Set(), added: [] }));
      return found;
    };
    const statements: string[] = [];
    for (const [module, names] of this.added) {
      const existing = this.facts.modules.get(module);
      const list = existing?.list;
      const esmList = list ? ts.isNamedImports(list) : this.isEsm;
      const texts = [...names].map(([name, local]) => (name === local ? name : esmList ? `${name} as ${local}` : `${name}: ${local}`));
      if (list) {
        change(list).added.push(...texts);
        continue;
      }
      const specifier = this.quote(this.specifierFor(module));
      statements.push(
        this.isEsm ? `import { ${texts.join(', ')} } from ${specifier}${semicolon}` : `const { ${texts.join(', ')} } = require(${specifier})${semicolon}`,
      );
    }
    const listed = new Set<ts.Node>();
    for (const binding of this.released) {
      const list = binding.declaration.parent;
      if (ts.isNamedImports(list) || ts.isObjectBindingPattern(list)) {
        change(list).removed.add(binding.declaration);
        listed.add(binding.declaration);
      }
    }
    const anchor = this.facts.lastImport ?? lastDirective(this.facts.sourceFile);
    const { edits, anchorRemoved } = bindingRemovalEdits({
      facts: this.facts,
      released: this.released,
      changes: [...changes.values()],
      anchor,
      replacement: statements,
    });
    for (const list of changes.values()) {
      const text = listText(list);
      if (text !== undefined) edits.push(text);
    }
    if (statements.length === 0 || anchorRemoved) return edits;
    if (anchor) {
      edits.push({ range: [anchor.getEnd(), anchor.getEnd()], text: `\n${statements.join('\n')}` });
    } else {
      const sourceFile = this.facts.sourceFile;
      const first = sourceFile.statements[0];
      const start = first?.getStart() ?? sourceFile.getEnd();
      // Without semicolons, a first statement that starts with `(`, `[` or `` ` `` would continue a `require`.
      const guard = !style.semicolons && !this.isEsm && first && /^[[(`]/.test(first.getText()) ? ';' : '';
      edits.push({ range: [start, start], text: `${statements.join('\n')}${guard}\n${start === sourceFile.getEnd() ? '' : '\n'}` });
    }
    return edits;
  }

  /** `fs.promises` reached through an existing import: `import * as fs from 'fs'`, `import { promises } from 'fs'`, fs-extra. */
  private fsPromises(): string | undefined {
    const fs = this.facts.modules.get('node:fs');
    if (fs?.namespace) return `${fs.namespace}.promises`;
    if (fs?.named.get('promises')) return fs.named.get('promises');
    const fsExtra = this.facts.modules.get('fs-extra')?.namespace; // fs-extra re-exports `promises` (the same object)
    return fsExtra ? `${fsExtra}.promises` : undefined;
  }

  private freeName(name: string): string {
    let candidate = name;
    for (let n = 2; this.facts.hasIdentifier(candidate) || this.freshNames.has(candidate); n++) candidate = `${name}Async${n === 2 ? '' : n}`;
    this.freshNames.add(candidate);
    return candidate;
  }
}

function escape(text: string): string {
  return text.replace(/[$]/g, '\\$');
}

function countWord(text: string, word: string): number {
  return [...text.matchAll(new RegExp(`(?<![\\p{ID_Continue}$])${escape(word)}(?![\\p{ID_Continue}$])`, 'gu'))].length;
}

/** `'use strict'` and other prologue directives: new imports go after them. */
function lastDirective(sourceFile: ts.SourceFile): ts.Statement | undefined {
  let last: ts.Statement | undefined;
  for (const statement of sourceFile.statements) {
    if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) last = statement;
    else break;
  }
  return last;
}
