/** `createRule`: typescript-eslint's RuleCreator with this plugin's docs (each rule's page, from the core). */
import { ESLintUtils } from '@typescript-eslint/utils';
import { ruleDocsUrl } from 'unblock-core';

export interface UnblockRuleDocs {
  description: string;
  recommended?: boolean;
  requiresTypeChecking?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<UnblockRuleDocs>(ruleDocsUrl);
