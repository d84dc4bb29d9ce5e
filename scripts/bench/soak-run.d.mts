// Types of soak-run.mjs, for the TypeScript tests that import it.
import type { CodeAction, Command, Diagnostic, DocumentDiagnosticReport, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import type { LspClient } from '../lib/lsp-client.mjs';

export function diagnosticKeys(items: readonly Diagnostic[]): string[];
export function compareDiagnostics(
  actual: ReadonlyMap<string, readonly Diagnostic[]>,
  expected: ReadonlyMap<string, readonly Diagnostic[]>,
): { file: string; kind: 'stale' | 'missing'; key: string }[];

export interface SoakDriver {
  open(file: string, text: string, version: number): Promise<void>;
  change(file: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void>;
  /** Rejects with the response error (its `code`) when the server answers with one. */
  pull(file: string, previousResultId: string | undefined, options: { cancel: boolean }): Promise<DocumentDiagnosticReport>;
  codeActions(file: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<(CodeAction | Command)[] | null>;
  /** Whether the server sent `workspace/diagnostic/refresh` since the last call. */
  takeRefresh(): boolean;
  alive(): boolean;
  /** The server's error log lines. */
  loggedErrors(): string[];
}

export interface SoakResult {
  seed: number;
  edits: number;
  kinds: Record<string, number>;
  pulls: number;
  /** Pulls answered "unchanged" (a previous result id was sent). */
  unchanged: number;
  pullMs: number[];
  cancelled: number;
  codeActions: number;
  errors: string[];
  stalePulls: string[];
  checkpoints: { index: number; differences: string[] }[];
  texts: Map<string, string>;
  finalDiagnostics: Map<string, Diagnostic[]>;
}

export function runSoak(options: {
  driver: SoakDriver;
  fresh: (texts: Map<string, string>) => Promise<Map<string, Diagnostic[]>>;
  seed?: number;
  edits?: number;
  checkpointEvery?: number;
  settleAt?: number[];
  settleMs?: number;
  onSettled?: (label: 'warm-up' | 'end', index: number) => Promise<void>;
  onProgress?: (index: number) => void;
}): Promise<SoakResult>;

/** The soak's `driver` over an LSP client of a server whose workspace is `dir`. */
export function soakDriver(client: LspClient, dir: string, options?: { timeoutMs?: number }): SoakDriver;
