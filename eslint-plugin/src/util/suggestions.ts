import type { TSESLint } from '@typescript-eslint/utils';
import type { Fix } from 'unblock-core';

export type SuggestionMessageIds = 'suggestAsyncTwin' | 'suggestWorker';

export const suggestionMessages: Record<SuggestionMessageIds, string> = {
  suggestAsyncTwin: '{{title}} (adds `await`).',
  suggestWorker: '{{title}} (adds `await`; needs the `unblock` package).',
};

/** The core's fixes as ESLint suggestions (all of them add `await`, so none is an automatic fix). */
export function suggestionsOf(fixes: readonly Fix[]): TSESLint.SuggestionReportDescriptor<SuggestionMessageIds>[] {
  return fixes.map((fix) => ({
    messageId: fix.kind === 'worker' ? 'suggestWorker' : 'suggestAsyncTwin',
    data: { title: fix.title },
    fix: (fixer) => fix.edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
  }));
}
