import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { describeChain, type Finding } from '../core/finding.js';
import type { CallLike } from '../core/resolve.js';
import { createRule } from '../util/create-rule.js';
import { detectorFor, sharedDefaults, sharedOptionProperties, type SharedOptions } from '../util/options.js';
import { suggestionMessages, suggestionsOf, type SuggestionMessageIds } from '../util/suggestions.js';

export type Options = [SharedOptions & { maxDepth?: number; maxFunctionSize?: number }];
export type MessageIds = 'indirectBlockingCall' | SuggestionMessageIds;

export default createRule<Options, MessageIds>({
  name: 'no-indirect-blocking-call',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow calls in async code to your own sync functions that block',
      recommended: true,
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      indirectBlockingCall: '`{{api}}` blocks the event loop {{context}}: {{chain}}; {{remedy}}.',
      ...suggestionMessages,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...sharedOptionProperties,
          maxDepth: { type: 'integer', minimum: 1, description: 'How many of your functions deep to follow a chain of calls.' },
          maxFunctionSize: {
            type: 'integer',
            minimum: 1,
            description: 'Functions with more syntax nodes than this are not looked into (bounds the cost on generated code).',
          },
        },
      },
    ],
    defaultOptions: [{ ...sharedDefaults, maxDepth: 8, maxFunctionSize: 20_000 }],
  },
  defaultOptions: [{ ...sharedDefaults, maxDepth: 8, maxFunctionSize: 20_000 }],
  create(context, [options]) {
    // Following calls into function bodies needs the type checker; without type information there is nothing to do.
    const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
    if (!services?.program || !services.esTreeNodeToTSNodeMap) return {};
    const { maxDepth, maxFunctionSize, ...shared } = options;
    const detector = detectorFor(services.program, {
      ...shared,
      summaryLimits: { ...(maxDepth && { maxDepth }), ...(maxFunctionSize && { maxFunctionSize }) },
    });
    const map = services.esTreeNodeToTSNodeMap;
    const report = (node: TSESTree.Node, finding: Finding): void => {
      if (!finding.chain) return;
      context.report({
        node,
        messageId: 'indirectBlockingCall',
        data: { api: finding.label, context: finding.context, chain: describeChain(finding.chain, context.filename), remedy: finding.remedy },
        suggest: suggestionsOf(finding.fixes),
      });
    };
    const check = (node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression): void => {
      const call = map.get(node) as CallLike;
      const finding = detector.checkIndirectCall(call);
      if (finding) report(node, finding);
      if (node.type === 'TaggedTemplateExpression') return;
      // `paths.map(readJson)`: a helper passed by reference, reported at the reference
      for (const found of detector.checkIndirectCallbackArguments(call)) {
        const argument = node.arguments.find((candidate) => candidate.range[0] <= found.range[0] && found.range[1] <= candidate.range[1]);
        if (argument) report(argument, found);
      }
    };
    return { CallExpression: check, NewExpression: check, TaggedTemplateExpression: check };
  },
});
