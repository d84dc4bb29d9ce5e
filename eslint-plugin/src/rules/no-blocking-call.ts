import { findVariable, ReferenceTracker, type TraceMap } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { argumentsOf, type CallLike } from '../core/resolve.js';
import { blockingApis } from '../core/catalog/index.js';
import type { BlockingApi, Category } from '../core/catalog/types.js';
import { describeContext, findAsyncContext, type ContextMode } from '../core/context.js';
import { apiLabel, remedyText, type Finding } from '../core/finding.js';
import { estreeSyntax } from '../untyped/estree-syntax.js';
import { iterateClassFieldReferences } from '../untyped/class-fields.js';
import { choicesOf, untypedApiOf, type ScopeOf } from '../untyped/import-path.js';
import { buildOffloadTraceMap, buildTraceMaps, iterateUndeclaredRequireReferences, type TrackedApi } from '../untyped/trace-map.js';
import { createRule } from '../util/create-rule.js';
import { suggestionMessages, suggestionsOf, type SuggestionMessageIds } from '../util/suggestions.js';
import { detectorFor, enabledCategories, sharedDefaults, sharedOptionProperties, type SharedOptions } from '../util/options.js';

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
    messages: {
      blockingCall: '`{{api}}` blocks the event loop {{context}}; {{remedy}}.',
      ...suggestionMessages,
    },
    schema: [{ type: 'object', additionalProperties: false, properties: sharedOptionProperties }],
    defaultOptions: [sharedDefaults],
  },
  defaultOptions: [sharedDefaults],
  create(context, [options]) {
    const categories = enabledCategories(options.categories);
    // Type information when the parser gives it (typescript-eslint with a project); import tracking otherwise.
    const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
    if (services?.program && services.esTreeNodeToTSNodeMap) {
      const detector = detectorFor(services.program, options);
      const map = services.esTreeNodeToTSNodeMap;
      const check = (node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression): void => {
        const call = map.get(node) as CallLike;
        const finding = detector.checkCall(call);
        if (finding) report(context, node, finding);
        if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return;
        for (const callback of detector.checkCallbackArguments(call)) {
          const argument = node.arguments.find((arg) => map.get(arg) === findingNode(call, callback));
          report(context, argument ?? node, callback);
        }
      };
      return { CallExpression: check, NewExpression: check, TaggedTemplateExpression: check };
    }
    return {
      'Program:exit'(program) {
        reportByImportTracking(context, program, options.context ?? 'async', new Set(categories));
      },
    };
  },
});

function report(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  node: TSESTree.Node,
  finding: Pick<Finding, 'label' | 'context' | 'remedy'> & Partial<Pick<Finding, 'fixes'>>,
): void {
  context.report({
    node,
    messageId: 'blockingCall',
    data: { api: finding.label, context: finding.context, remedy: finding.remedy },
    suggest: suggestionsOf(finding.fixes ?? []),
  });
}

function findingNode(call: CallLike, finding: Finding): ts.Node | undefined {
  return argumentsOf(call).find((argument) => argument.getStart() === finding.range[0] && argument.getEnd() === finding.range[1]);
}

/** Without type information: track imports, `require` and globals of catalog APIs. */
function reportByImportTracking(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  program: TSESTree.Program,
  mode: ContextMode,
  categories: ReadonlySet<Category | 'user'>,
): void {
  // typescript-eslint's scope types are a superset of ESLint's; eslint-utils is typed against ESLint's.
  const scope = context.sourceCode.getScope(program) as unknown as ConstructorParameters<typeof ReferenceTracker>[0];
  // 'legacy' mode: named imports of CommonJS modules (`import { readFileSync } from 'fs'`) are tracked too.
  const tracker = new ReferenceTracker(scope, { mode: 'legacy' });
  const { modules, globals } = traceMapsFor(categories);
  const offloadCalls = new Set<TSESTree.Node>();
  const offload = offloadTraceMap;
  const cjs = <T>(map: TraceMap<T>) => [...tracker.iterateCjsReferences(map), ...iterateUndeclaredRequireReferences(tracker, scope, map)];
  for (const { node } of [...tracker.iterateEsmReferences(offload), ...cjs(offload)]) {
    offloadCalls.add(node as TSESTree.Node);
  }
  const syntax = estreeSyntax(offloadCalls, context.sourceCode.scopeManager as unknown as Parameters<typeof estreeSyntax>[1]);
  const scopeOf: ScopeOf = (node) => context.sourceCode.getScope(node);
  const references = [
    ...tracker.iterateEsmReferences(modules),
    ...cjs(modules),
    ...tracker.iterateGlobalReferences(globals),
    ...iterateClassFieldReferences(program, context.sourceCode.visitorKeys, tracker, modules, scopeOf),
  ];
  const seen = new Set<TSESTree.Node>();
  for (const { node, info } of references) {
    const call = node as TSESTree.Node;
    if (seen.has(call)) continue;
    seen.add(call);
    if (call.type !== 'CallExpression' && call.type !== 'NewExpression') continue;
    const { api } = info as TrackedApi;
    if (api.onlyWithoutCallback && mayPassCallback(call, context)) continue;
    // `const f = win ? fs.realpathSync : own`: the tracker follows either branch; only report when every one blocks.
    if (call.type === 'CallExpression' && choicesOf(call.callee, scopeOf)?.some((choice) => !untypedApiOf(choice, scopeOf))) continue;
    const found = findAsyncContext<TSESTree.Node>(call, syntax, mode);
    if (!found) continue;
    report(context, call, { label: apiLabel(api), context: describeContext(found), remedy: remedyText(api) });
  }
}

/** Trace maps are derived from the catalog once per set of categories, not per file. */
const traceMaps = new Map<string, ReturnType<typeof buildTraceMaps>>();
const offloadTraceMap = buildOffloadTraceMap();
function traceMapsFor(categories: ReadonlySet<Category | 'user'>): ReturnType<typeof buildTraceMaps> {
  const key = [...categories].sort().join();
  let maps = traceMaps.get(key);
  if (!maps) traceMaps.set(key, (maps = buildTraceMaps(blockingApis.filter((api) => categories.has(api.category)))));
  return maps;
}

/** `randomBytes(16, cb)`: any function-like or unknown identifier argument may be the callback. */
function mayPassCallback(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
): boolean {
  return call.arguments.some((argument) => {
    if (argument.type === 'ArrowFunctionExpression' || argument.type === 'FunctionExpression') return true;
    if (argument.type !== 'Identifier') return false;
    const scope = context.sourceCode.getScope(argument) as unknown as Parameters<typeof findVariable>[0];
    const variable = findVariable(scope, argument.name);
    const definition = variable?.defs[0];
    return !definition || definition.type === 'FunctionName' || definition.type === 'Parameter' || definition.type === 'ImportBinding';
  });
}

export type { BlockingApi };
