/**
 * "Make the chain async" in the editor: a `refactor.rewrite` action on each `no-indirect-blocking-call` diagnostic,
 * the core's chain rewrite (`planAsyncChain`, the same as `unblock-cli fix --chains`) as one WorkspaceEdit across
 * files. Offered when the core plans it and the project has no new type error after it; otherwise shown disabled with
 * the reason where the client shows disabled actions (VS Code's refactor menu), and left out where it does not.
 * Planning is quick; the type check (a program with the edited files) is not, so a client that resolves actions
 * (`codeAction/resolve`) gets the action at once and the edit when it is chosen — or, when the check fails, a message
 * saying why. Outcomes are kept per program: a client asks for actions on every cursor move, and the program changes
 * only with an edit.
 */
import { detectorFor, diagnosticLine, newTypeErrors, planAsyncChain, ruleNames, type ChainPlan, type Finding } from 'unblock-core';
import type * as ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Analyzer, TypedFindings } from './analysis.js';
import type { ClientSupport } from './capabilities.js';
import type { OpenDocuments } from './documents.js';
import { fileNameToUri } from './paths.js';

export const chainActionKind = CodeActionKind.RefactorRewrite;

/** A chain's rewrite as planned (and type-checked, once `checked`), or why it is not offered. */
type Outcome = { readonly plan: ChainPlan; readonly checked: boolean } | { readonly title: string; readonly reason: string };

/** What an action left to `codeAction/resolve` carries. */
interface ChainData {
  readonly unblockChain: { readonly uri: string; readonly version: number; readonly range: Range };
}

const outcomes = new WeakMap<ts.Program, Map<string, Outcome>>();

/** The action for an indirect diagnostic of `typed`'s document (`uri`); undefined when it has no finding there. */
export function chainAction(
  diagnostic: Diagnostic,
  uri: string,
  typed: TypedFindings,
  documents: OpenDocuments,
  client: ClientSupport,
): CodeAction | undefined {
  const finding = diagnostic.code === ruleNames.indirect ? findingAt(typed, diagnostic.range) : undefined;
  if (!finding) return undefined;
  const outcome = outcomeOf(finding, typed, !client.resolveEdits);
  if ('reason' in outcome) {
    if (!client.disabledActions) return undefined;
    return { title: outcome.title, kind: chainActionKind, diagnostics: [diagnostic], disabled: { reason: outcome.reason } };
  }
  const action: CodeAction = { title: outcome.plan.title, kind: chainActionKind, diagnostics: [diagnostic] };
  if (!outcome.checked) return { ...action, data: { unblockChain: { uri, version: typed.version, range: diagnostic.range } } satisfies ChainData };
  return { ...action, edit: workspaceEdit(outcome.plan, typed.program, documents, client) };
}

/**
 * `codeAction/resolve` of a chain action: its edit, once the program type-checks with it; else the action without
 * one, and `warn` says why (the file changed since, or the type error it would bring).
 */
export async function resolveChainAction(
  action: CodeAction,
  analyzer: Analyzer,
  documents: OpenDocuments,
  client: ClientSupport,
  warn: (message: string) => void,
): Promise<CodeAction> {
  const data = chainDataOf(action.data);
  if (!data) return action;
  const typed = await analyzer.typedFindings(data.uri);
  const finding = typed?.version === data.version ? findingAt(typed, data.range) : undefined;
  if (!typed || !finding) {
    warn(`unblock: "${action.title}" was not applied: the file changed since it was offered. Try again.`);
    return action;
  }
  const outcome = outcomeOf(finding, typed, true);
  if ('reason' in outcome) {
    warn(`unblock: "${action.title}" was not applied. ${outcome.reason}`);
    return { ...action, disabled: { reason: outcome.reason } };
  }
  return { ...action, edit: workspaceEdit(outcome.plan, typed.program, documents, client) };
}

function findingAt({ sourceFile, findings }: TypedFindings, range: Range): Finding | undefined {
  const start = sourceFile.getPositionOfLineAndCharacter(range.start.line, range.start.character);
  const end = sourceFile.getPositionOfLineAndCharacter(range.end.line, range.end.character);
  return findings.find((candidate) => candidate.kind === 'indirect' && candidate.range[0] === start && candidate.range[1] === end);
}

/** The outcome kept for this program, planned now if need be, and type-checked now when `check`. */
function outcomeOf(finding: Finding, typed: TypedFindings, check: boolean): Outcome {
  const { program, options } = typed;
  let byFinding = outcomes.get(program);
  if (!byFinding) outcomes.set(program, (byFinding = new Map()));
  const key = `${typed.sourceFile.fileName}:${finding.range.join(':')}:${JSON.stringify(options.indirect)}`;
  let outcome = byFinding.get(key) ?? plan(finding, typed);
  if (check && 'plan' in outcome && !outcome.checked) {
    const added = newTypeErrors(program, outcome.plan.edits);
    outcome = added.length > 0 ? { title: outcome.plan.title, reason: `It would bring a type error: ${diagnosticLine(added[0]!)}` } : { plan: outcome.plan, checked: true };
  }
  byFinding.set(key, outcome);
  return outcome;
}

function plan(finding: Finding, { program, options }: TypedFindings): Outcome {
  const first = finding.chain?.[0]?.label;
  const title = first ? `Make \`${first}\` async` : 'Make the chain async';
  if (!options.indirect) return { title, reason: 'no-indirect-blocking-call is off' };
  const planned = planAsyncChain(detectorFor(program, options.indirect), [finding]);
  if ('refused' in planned) return { title, reason: `It cannot be made async: ${planned.message}` };
  return { plan: planned, checked: false };
}

function chainDataOf(data: unknown): ChainData['unblockChain'] | undefined {
  const chain = (data as Partial<ChainData> | undefined)?.unblockChain;
  return chain && typeof chain.uri === 'string' && typeof chain.version === 'number' && typeof chain.range?.start?.line === 'number' ? chain : undefined;
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
