/**
 * `no-indirect-blocking-call`: a call, inside async code, of your own sync function that blocks further down. An
 * adapter over the core's detector (type information needed); calls `no-blocking-call` reports in the same file are
 * left to it, so no call is reported twice. Suggests the core's "make the chain async" when the whole rewrite stays
 * in the file being linted.
 */
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type { CallLike, Finding } from 'unblock-core';
import { defaultSummaryLimits, indirectOptionsSchema, messages, type IndirectOptions } from 'unblock-core/light';
import { createRule } from '../util/create-rule.js';
import { noticeNoTypes } from '../util/host.js';
import { directOptionsOf, effectiveOptions, optionsSchema } from '../util/options.js';
import { reportFinding, suggestionMessages, type ChainSuggestion, type SuggestionMessageIds } from '../util/report.js';
import { typedCore } from '../util/typed-core.js';

export type Options = [IndirectOptions];
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
    messages: { indirectBlockingCall: messages.indirectBlockingCall, ...suggestionMessages },
    schema: optionsSchema(indirectOptionsSchema),
    // Only the limits have defaults here: the shared options come from `settings.unblock` when unset.
    defaultOptions: [{ ...defaultSummaryLimits }],
  },
  defaultOptions: [{ ...defaultSummaryLimits }],
  create(context, [own]) {
    // Following calls into function bodies needs the type checker; without type information there is nothing to do.
    const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
    if (!services?.program || !services.esTreeNodeToTSNodeMap) {
      // Under ESLint, a config without type information; under oxlint, never any: said once there.
      noticeNoTypes(context, 'unblock/no-indirect-blocking-call');
      return {};
    }
    const program = services.program;
    const { detectorFor, planAsyncChain } = typedCore();
    const detector = detectorFor(program, effectiveOptions(context, own));
    const map = services.esTreeNodeToTSNodeMap;
    let direct: typeof detector | undefined;
    // `no-blocking-call` with its own options when it is on for this file, else this rule's options.
    const directDetector = (): typeof detector => {
      const directOptions = directOptionsOf(context);
      return (direct ??= directOptions ? detectorFor(program, directOptions) : detector);
    };
    // "Make the chain async", when every function of the chain is in this file (the cheap test) and so is every edit.
    const chainIn = (finding: Finding, fileName: string): ChainSuggestion | undefined => {
      if (!finding.chain?.every((link) => link.file === fileName)) return undefined;
      const plan = planAsyncChain(detector, [finding]);
      if ('refused' in plan || plan.edits.size !== 1) return undefined;
      const edits = plan.edits.get(fileName);
      return edits && { functions: plan.functions, callSites: plan.callSites, edits };
    };
    const check = (node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression): void => {
      const call = map.get(node) as CallLike;
      const finding = detector.checkIndirectCall(call, directDetector());
      if (finding) reportFinding(context, node, finding, finding.reached === 'call' ? chainIn(finding, call.getSourceFile().fileName) : undefined);
      if (node.type === 'TaggedTemplateExpression') return;
      // `paths.map(readJson)`: a helper passed by reference, reported at the reference
      for (const found of detector.checkIndirectCallbackArguments(call, directDetector())) {
        const argument = node.arguments.find((candidate) => candidate.range[0] <= found.range[0] && found.range[1] <= candidate.range[1]);
        if (argument) reportFinding(context, argument, found);
      }
    };
    return { CallExpression: check, NewExpression: check, TaggedTemplateExpression: check };
  },
});
