/**
 * Code actions for unblock diagnostics, the way vscode-eslint offers them: the core's fixes, disable comments
 * (for the line, merged into an existing directive; for the file), the rule's documentation and, on indirect
 * findings, "make the chain async" (`chain-action.ts`) — the one place a new editor action goes — and the command
 * that opens the documentation.
 */
import { ruleDocsUrl, ruleNames } from 'unblock-core';
import type * as ts from 'typescript';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type ExecuteCommandParams,
} from 'vscode-languageserver/node';
import type { Analyzer } from './analysis.js';
import type { ClientSupport } from './capabilities.js';
import { chainAction, chainActionKind, resolveChainAction } from './chain-action.js';
import { eslintRuleName, isDiagnosticData, source, type DiagnosticData } from './diagnostics.js';
import { disableFileEdit, disableLineEdit } from './directives.js';
import type { OpenDocuments } from './documents.js';
import { showDocumentationCommand } from './protocol.js';

export interface CodeActionHost {
  readonly documents: OpenDocuments;
  readonly analyzer: Analyzer;
  client(): ClientSupport;
}

/** `textDocument/codeAction`: the actions of the unblock diagnostics in the request. */
export async function codeActions(params: CodeActionParams, { documents, analyzer, client }: CodeActionHost): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string) => only === undefined || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  // Every action is asked for on a diagnostic: each fix adds `await` or a thread, so none is applied unasked.
  const quickFixes = wants(CodeActionKind.QuickFix);
  const refactors = wants(chainActionKind);
  const ours =
    quickFixes || refactors ? params.context.diagnostics.filter((diagnostic) => diagnostic.source === source && diagnostic.code !== 'file-too-large') : [];
  const initial = documents.get(uri);
  if (!initial || ours.length === 0) return [];
  // Diagnostics carry their fixes; analyse again only when they are from an older version (or lost their data).
  const stale = ours.some((diagnostic) => !isDiagnosticData(diagnostic.data) || diagnostic.data.version !== initial.version);
  const fresh = stale ? await analyzer.analyse(uri) : undefined;
  // "Make the chain async" plans with the document's findings in the current program.
  const typed = refactors && ours.some((diagnostic) => diagnostic.code === ruleNames.indirect) ? await analyzer.typedFindings(uri) : undefined;
  const document = documents.get(uri);
  if (!document || (fresh && fresh.version !== document.version)) return [];
  const current = (diagnostic: Diagnostic): DiagnosticData | undefined => {
    if (isDiagnosticData(diagnostic.data) && diagnostic.data.version === document.version) return diagnostic.data;
    const match = fresh?.diagnostics.find((candidate) => candidate.code === diagnostic.code && sameRange(candidate, diagnostic));
    return match && isDiagnosticData(match.data) ? match.data : undefined;
  };
  const actions: CodeAction[] = [];
  const sourceFile = analyzer.sourceFileOf(document);
  const seen = new Set<string>();
  for (const diagnostic of ours) {
    const data = current(diagnostic);
    if (!data) continue;
    if (quickFixes) actions.push(...actionsFor(diagnostic, data, document.document, sourceFile, seen));
    const chain = typed?.version === document.version ? chainAction(diagnostic, uri, typed, documents, client()) : undefined;
    if (chain) actions.push(chain);
  }
  return actions;
}

/** `codeAction/resolve`: the edit of a "make the chain async" action, once it type-checks (`chain-action.ts`). */
export function chainActionResolved(action: CodeAction, { documents, analyzer, client }: CodeActionHost, warn: (message: string) => void): Promise<CodeAction> {
  return resolveChainAction(action, analyzer, documents, client(), warn);
}

/** `workspace/executeCommand` of `unblock.showDocumentation`: the page opens in the client (or its URL is shown). */
export async function showDocumentation(params: ExecuteCommandParams, connection: Connection, canShowDocument: boolean): Promise<null> {
  if (params.command !== showDocumentationCommand) {
    throw new ResponseError(ErrorCodes.InvalidParams, `unknown command: ${params.command}`);
  }
  const url: unknown = params.arguments?.[0];
  if (typeof url !== 'string' || !/^https:\/\//.test(url)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `${showDocumentationCommand} takes the https URL of a page`);
  }
  if (canShowDocument) await connection.window.showDocument({ uri: url, external: true });
  else void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `unblock documentation: ${url}` });
  return null;
}

/** Actions for one diagnostic; `seen` drops the per-line / per-file / docs duplicates across diagnostics. */
export function actionsFor(
  diagnostic: Diagnostic,
  data: DiagnosticData,
  document: TextDocument,
  sourceFile: ts.SourceFile | undefined,
  seen: Set<string>,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const rule = eslintRuleName(data.ruleId);
  let preferred = false;
  for (const fix of data.fixes) {
    const isPreferred: boolean = !preferred && fix.kind === 'async-twin';
    preferred ||= isPreferred;
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred,
      edit: { changes: { [document.uri]: [...fix.edits] } },
    });
  }
  const line = diagnostic.range.start.line;
  const once = (key: string, action: () => CodeAction) => {
    if (seen.has(key)) return;
    seen.add(key);
    actions.push(action());
  };
  once(`line:${line}:${rule}`, () => ({
    title: `Disable ${rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [disableLineEdit(document, line, rule, sourceFile)] } },
  }));
  once(`file:${rule}`, () => ({
    title: `Disable ${rule} for the entire file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [disableFileEdit(document, rule)] } },
  }));
  once(`docs:${rule}`, () => ({
    title: `Show documentation for ${rule}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: `Show documentation for ${rule}`, command: showDocumentationCommand, arguments: [ruleDocsUrl(data.ruleId)] },
  }));
  return actions;
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}
