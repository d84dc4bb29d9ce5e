/**
 * Open documents: the editor's text, served to TypeScript from memory. Each version is a script snapshot that
 * knows the edits since the version TypeScript last read, so TypeScript re-parses incrementally.
 */
import * as ts from 'typescript';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { fileKey, uriToFileName } from './paths.js';

/** Edits kept per snapshot before giving up on incremental parsing (TypeScript then parses the file afresh). */
const maxPendingChanges = 1000;

export class DocumentSnapshot implements ts.IScriptSnapshot {
  /**
   * The snapshot `changes` start from: the one TypeScript read last, when known. Held weakly: TypeScript keeps it
   * as long as it may ask for the change range from it (its source file holds it), and a strong reference would
   * chain every version ever read to the newest one.
   */
  private readonly base: WeakRef<DocumentSnapshot> | undefined;

  constructor(
    readonly text: string,
    base: DocumentSnapshot | undefined = undefined,
    private readonly changes: readonly ts.TextChangeRange[] = [],
  ) {
    this.base = base && new WeakRef(base);
  }

  getText(start: number, end: number): string {
    return this.text.substring(start, end);
  }

  getLength(): number {
    return this.text.length;
  }

  getChangeRange(oldSnapshot: ts.IScriptSnapshot): ts.TextChangeRange | undefined {
    if (oldSnapshot === this) return ts.unchangedTextChangeRange;
    if (this.changes.length === 0 || oldSnapshot !== this.base?.deref()) return undefined;
    return ts.collapseTextChangeRangesAcrossMultipleVersions(this.changes);
  }

  /** The next version. Only the newest snapshot stays referenced from here, not every keystroke's text. */
  next(text: string, changes: readonly ts.TextChangeRange[], baseIsThis: boolean): DocumentSnapshot {
    const base = baseIsThis ? this : this.base?.deref();
    const all = baseIsThis ? changes : [...this.changes, ...changes];
    return all.length > maxPendingChanges || !base ? new DocumentSnapshot(text) : new DocumentSnapshot(text, base, all);
  }
}

export class OpenDocument {
  private snapshotRead = false;
  private currentSnapshot: DocumentSnapshot;
  private reparses = 0;

  constructor(
    readonly uri: string,
    /** Undefined for documents that are not files (`untitled:`): they are not analysed. */
    readonly fileName: string | undefined,
    readonly languageId: string,
    private textDocument: TextDocument,
  ) {
    this.currentSnapshot = new DocumentSnapshot(textDocument.getText());
  }

  get version(): number {
    return this.textDocument.version;
  }

  get text(): string {
    return this.currentSnapshot.text;
  }

  /** The LSP document, for offset ↔ position conversion of this version. */
  get document(): TextDocument {
    return this.textDocument;
  }

  /** Bumped when TypeScript must parse this text afresh: part of the script version it sees. */
  get parseGeneration(): number {
    return this.reparses;
  }

  /**
   * TypeScript's incremental parser made a tree its binder rejects (it happens, rarely, on broken code): hand
   * out the same text without its edits, as a new script version, so the next program parses it from scratch.
   */
  parseAfresh(): void {
    this.currentSnapshot = new DocumentSnapshot(this.currentSnapshot.text);
    this.snapshotRead = false;
    this.reparses++;
  }

  /** What the TypeScript host hands out; the next version's edits are counted from it. */
  takeSnapshot(): DocumentSnapshot {
    this.snapshotRead = true;
    return this.currentSnapshot;
  }

  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const ranges: ts.TextChangeRange[] = [];
    let document = this.textDocument;
    for (const change of changes) {
      const oldLength = document.getText().length;
      if ('range' in change) {
        const start = document.offsetAt(change.range.start);
        const end = document.offsetAt(change.range.end);
        ranges.push(ts.createTextChangeRange(ts.createTextSpan(start, end - start), change.text.length));
      } else {
        ranges.push(ts.createTextChangeRange(ts.createTextSpan(0, oldLength), change.text.length));
      }
      document = TextDocument.update(document, [change], version);
    }
    this.textDocument = document;
    this.currentSnapshot = this.currentSnapshot.next(document.getText(), ranges, this.snapshotRead);
    this.snapshotRead = false;
  }
}

export type ChangeOutcome = 'applied' | 'not-open' | 'stale';

export class OpenDocuments {
  private readonly byUri = new Map<string, OpenDocument>();
  private readonly byFile = new Map<string, OpenDocument>();
  /** Bumped on every open, change and close: the projects' version for TypeScript. */
  private version = 0;

  get changeCount(): number {
    return this.version;
  }

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    this.close(uri);
    const fileName = uriToFileName(uri);
    const document = new OpenDocument(uri, fileName, languageId, TextDocument.create(uri, languageId, version, text));
    this.byUri.set(uri, document);
    if (fileName !== undefined) this.byFile.set(fileKey(fileName), document);
    this.version++;
    return document;
  }

  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): ChangeOutcome {
    const document = this.byUri.get(uri);
    if (!document) return 'not-open';
    if (version <= document.version) return 'stale';
    document.applyChanges(changes, version);
    this.version++;
    return 'applied';
  }

  close(uri: string): OpenDocument | undefined {
    const document = this.byUri.get(uri);
    if (!document) return undefined;
    this.byUri.delete(uri);
    if (document.fileName !== undefined) this.byFile.delete(fileKey(document.fileName));
    this.version++;
    return document;
  }

  get(uri: string): OpenDocument | undefined {
    return this.byUri.get(uri);
  }

  byFileName(fileName: string): OpenDocument | undefined {
    return this.byFile.get(fileKey(fileName));
  }

  all(): OpenDocument[] {
    return [...this.byUri.values()];
  }

  /** Something on disk changed: make every project look at its files again. */
  touch(): void {
    this.version++;
  }
}
