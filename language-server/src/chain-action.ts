/**
 * "Make the chain async" in the editor: a `refactor.rewrite` action on each `no-indirect-blocking-call` diagnostic,
 * the core's chain rewrite (`planAsyncChain`, the same as `unblock-cli fix --chains`) as one WorkspaceEdit across
 * files. Offered when the core plans it and the project has no new type error after it; otherwise shown disabled with
 * the reason where the client shows disabled actions (VS Code's refactor menu), and left out where it does not. Plans
 * are kept per program: a client asks for actions on every cursor move, and the program changes only with an edit.
 */
import { detectorFor, diagnosticLine, newTypeErrors, planAsyncChain, ruleNames, type ChainPlan, type Finding } from 'unblock-core';
import type * as ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TypedFindings } from './analysis.js';
import type { ClientSupport } from './capabilities.js';
import type { OpenDocuments } from './documents.js';
import { fileNameToUri } from './paths.js';

export const chainActionKind = CodeActionKind.RefactorRewrite;

/** A chain's rewrite as planned and type-checked, or why it is not offered. */
type Outcome = { readonly plan: ChainPlan } | { readonly title: string; readonly reason: string };

const outcomes = new WeakMap<ts.Program, Map<string, Outcome>>();

/** The action for an indirect diagnostic of `typed`'s document; undefined when it has no finding there. */
export function chainAction(
  diagnostic: Diagnostic,
  typed: TypedFindings,
  documents: OpenDocuments,
  client: ClientSupport,
): CodeAction | undefined {
  const { sourceFile } = typed;
  const start = sourceFile.getPositionOfLineAndCharacter(diagnostic.range.start.line, diagnostic.range.start.character);
  const end = sourceFile.getPositionOfLineAndCharacter(diagnostic.range.end.line, diagnostic.range.end.character);
  const finding = typed.findings.find((candidate) => candidate.kind === 'indirect' && candidate.range[0] === start && candidate.range[1] === end);
  if (!finding || diagnostic.code !== ruleNames.indirect) return undefined;
  const outcome = outcomeOf(finding, typed);
  if ('reason' in outcome) {
    if (!client.disabledActions) return undefined;
    return { title: outcome.title, kind: chainActionKind, diagnostics: [diagnostic], disabled: { reason: outcome.reason } };
  }
  return { title: outcome.plan.title, kind: chainActionKind, diagnostics: [diagnostic], edit: workspaceEdit(outcome.plan, typed.program, documents, client) };
}

function outcomeOf(finding: Finding, typed: TypedFindings): Outcome {
  const { program, options } = typed;
  let byFinding = outcomes.get(program);
  if (!byFinding) outcomes.set(program, (byFinding = new Map()));
  const key = `${typed.sourceFile.fileName}:${finding.range.join(':')}:${JSON.stringify(options.indirect)}`;
  let outcome = byFinding.get(key);
  if (!outcome) byFinding.set(key, (outcome = plan(finding, typed)));
  return outcome;
}

function plan(finding: Finding, { program, options }: TypedFindings): Outcome {
  const first = finding.chain?.[0]?.label;
  const title = first ? `Make \`${first}\` async` : 'Make the chain async';
  if (!options.indirect) return { title, reason: 'no-indirect-blocking-call is off' };
  const planned = planAsyncChain(detectorFor(program, options.indirect), [finding]);
  if ('refused' in planned) return { title, reason: `It cannot be made async: ${planned.message}` };
  const added = newTypeErrors(program, planned.edits);
  if (added.length > 0) return { title: planned.title, reason: `It would bring a type error: ${diagnosticLine(added[0]!)}` };
  return { plan: planned };
}

/** The plan's edits, by file: versioned edits of the open documents where the client takes them. */
function workspaceEdit(plan: ChainPlan, program: ts.Program, documents: OpenDocuments, client: ClientSupport): WorkspaceEdit {
  const files = [...plan.edits].map(([fileName, edits]) => {
    const text = program.getSourceFile(fileName)?.text ?? '';
    const positions = TextDocument.create(fileNameToUri(fileName), 'typescript', 0, text);
    const textEdits: TextEdit[] = edits.map((edit) => ({
      range: { start: positions.positionAt(edit.range[0]), end: positions.positionAt(edit.range[1]) },
      newText: edit.text,
    }));
    return { uri: fileNameToUri(fileName), version: documents.byFileName(fileName)?.version ?? null, edits: textEdits };
  });
  if (client.documentChanges) {
    return { documentChanges: files.map(({ uri, version, edits }): TextDocumentEdit => ({ textDocument: { uri, version }, edits })) };
  }
  return { changes: Object.fromEntries(files.map(({ uri, edits }) => [uri, edits])) };
}
