/** A finding of the core as an ESLint report: its rule's message and data, and its fixes as suggestions. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { messageData, messageIds, type Finding, type Fix, type FixEdit } from 'unblock-core/light';

export type SuggestionMessageIds = 'suggestAsyncTwin' | 'suggestWorker' | 'suggestAsyncChain';

export const suggestionMessages: Record<SuggestionMessageIds, string> = {
  suggestAsyncTwin: '{{title}} (adds `await`).',
  suggestWorker: '{{title}} (adds `await`; needs the `unblock` package).',
  suggestAsyncChain: 'Make the chain async: {{functions}} async, `await` at {{callSites}}.',
};

/** "Make the chain async" within the file: the functions it makes async, its call sites, its edits. */
export interface ChainSuggestion {
  readonly functions: readonly string[];
  readonly callSites: number;
  readonly edits: readonly FixEdit[];
}

export function reportFinding<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  node: TSESTree.Node,
  finding: Finding,
  chain?: ChainSuggestion,
): void {
  const suggest: TSESLint.SuggestionReportDescriptor<SuggestionMessageIds>[] = suggestionsOf(finding.fixes);
  if (chain) {
    suggest.push({
      messageId: 'suggestAsyncChain',
      data: { functions: namesOf(chain.functions), callSites: `${chain.callSites} call site${chain.callSites === 1 ? '' : 's'}` },
      fix: (fixer) => chain.edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
    });
  }
  context.report({
    node,
    messageId: messageIds[finding.kind] as MessageIds,
    data: messageData(finding, context.filename),
    suggest: suggest as TSESLint.SuggestionReportDescriptor<MessageIds>[],
  });
}

/** "`loadConfig`, `readJson`"; past three, "`f0`, `f1`, `f2` and 997 more". */
function namesOf(functions: readonly string[]): string {
  const shown = functions.slice(0, 3).map((name) => `\`${name}\``).join(', ');
  return functions.length > 3 ? `${shown} and ${functions.length - 3} more` : shown;
}

/** The core's fixes as ESLint suggestions: every fix adds `await` or a thread, so none is applied by `--fix`. */
function suggestionsOf(fixes: readonly Fix[]): TSESLint.SuggestionReportDescriptor<SuggestionMessageIds>[] {
  return fixes.map((fix) => ({
    messageId: fix.kind === 'worker' ? 'suggestWorker' : 'suggestAsyncTwin',
    data: { title: fix.title },
    fix: (fixer) => fix.edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
  }));
}
