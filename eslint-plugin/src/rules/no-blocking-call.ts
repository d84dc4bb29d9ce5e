/**
 * `no-blocking-call`: a blocking call inside async code. An adapter: with type information the core's detector,
 * without it import tracking (`untyped/`); each finding is reported at its call (or at the function passed by
 * reference to a sync callback API).
 */
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type { CallLike } from 'unblock-core';
import { messages, sharedOptionsSchema, type SharedOptions } from 'unblock-core/light';
import { findByImportTracking, mayFindByImportTracking } from '../untyped/import-tracking.js';
import { createRule } from '../util/create-rule.js';
import { untypedHostReady } from '../util/host.js';
import { effectiveOptions, optionsSchema, recordDirectOptions } from '../util/options.js';
import { reportFinding, suggestionMessages, type SuggestionMessageIds } from '../util/report.js';
import { typedCore } from '../util/typed-core.js';

export type Options = [SharedOptions];
export type MessageIds = 'blockingCall' | SuggestionMessageIds;

export default createRule<Options, MessageIds>({
  name: 'no-blocking-call',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow blocking calls inside async code',
      recommended: true,
    },
    hasSuggestions: true,
    messages: { blockingCall: messages.blockingCall, ...suggestionMessages },
    schema: optionsSchema(sharedOptionsSchema),
    // No defaults for the shared options: unset, they come from `settings.unblock` (then `options.ts` defaults).
    defaultOptions: [{}],
  },
  defaultOptions: [{}],
  create(context, [own]) {
    const options = effectiveOptions(context, own);
    // Type information when the parser gives it (typescript-eslint with a project); import tracking otherwise.
    const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
    if (!services?.program || !services.esTreeNodeToTSNodeMap) {
      // A file that names no tracked module or global (or, with context `async`, has no async function) has nothing to
      // find: no listener, so no scope analysis (and under oxlint no syntax tree handed to JavaScript) for it.
      if (!mayFindByImportTracking(context.sourceCode.text, options)) return {};
      // Class bodies are gathered on the linter's own walk of the tree (class fields may hold imports), not by another.
      const classBodies: TSESTree.ClassBody[] = [];
      return {
        ClassBody: (node) => void classBodies.push(node),
        'Program:exit'(program) {
          // A host of ESLint plugins without ESLint's scope analysis: said once, nothing reported.
          if (!untypedHostReady(context, program)) return;
          for (const { node, finding } of findByImportTracking(context.sourceCode, program, options, classBodies)) reportFinding(context, node, finding);
        },
      };
    }
    recordDirectOptions(context, options);
    const { argumentsOf, detectorFor } = typedCore();
    const detector = detectorFor(services.program, options);
    const map = services.esTreeNodeToTSNodeMap;
    const check = (node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression): void => {
      const call = map.get(node) as CallLike;
      const finding = detector.checkCall(call);
      if (finding) reportFinding(context, node, finding);
      if (node.type === 'TaggedTemplateExpression') return;
      for (const callback of detector.checkCallbackArguments(call)) {
        // Reported at the function passed: `paths.map(fs.readFileSync)`.
        const index = argumentsOf(call).findIndex((argument) => argument.getStart() === callback.range[0] && argument.getEnd() === callback.range[1]);
        reportFinding(context, node.arguments[index] ?? node, callback);
      }
    };
    return { CallExpression: check, NewExpression: check, TaggedTemplateExpression: check };
  },
});
