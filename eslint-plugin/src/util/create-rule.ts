import { ESLintUtils } from '@typescript-eslint/utils';

export interface UnblockRuleDocs {
  description: string;
  recommended?: boolean;
  requiresTypeChecking?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<UnblockRuleDocs>(
  (name) => `https://github.com/unblock-dev/unblock/blob/main/rules-docs/${name}.md`,
);
