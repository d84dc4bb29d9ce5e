/** A finding of the core as an ESLint report: its rule's message and data, and its fixes as suggestions. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { messageData, messageIds, type Finding, type Fix } from 'unblock-core/light';

export type SuggestionMessageIds = 'suggestAsyncTwin' | 'suggestWorker';

export const suggestionMessages: Record<SuggestionMessageIds, string> = {
  suggestAsyncTwin: '{{title}} (adds `await`).',
  suggestWorker: '{{title}} (adds `await`; needs the `unblock` package).',
};

export function reportFinding<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  node: TSESTree.Node,
  finding: Finding,
): void {
  context.report({
    node,
    messageId: messageIds[finding.kind] as MessageIds,
    data: messageData(finding, context.filename),
    suggest: suggestionsOf(finding.fixes) as TSESLint.SuggestionReportDescriptor<MessageIds>[],
  });
}

/** The core's fixes as ESLint suggestions: every fix adds `await` or a thread, so none is applied by `--fix`. */
function suggestionsOf(fixes: readonly Fix[]): TSESLint.SuggestionReportDescriptor<SuggestionMessageIds>[] {
  return fixes.map((fix) => ({
    messageId: fix.kind === 'worker' ? 'suggestWorker' : 'suggestAsyncTwin',
    data: { title: fix.title },
    fix: (fixer) => fix.edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
  }));
}
