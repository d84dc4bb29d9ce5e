/**
 * `createRule`: a rule with this plugin's docs (each rule's page, from the core) and its default options applied — the
 * rule module typescript-eslint's `RuleCreator` makes (`meta.docs.url`, `name`, `defaultOptions`, `create(context,
 * options)`), without loading `@typescript-eslint/utils`, which needs `typescript` installed: the untyped engine runs
 * without it (oxlint). tests/util/create-rule.test.ts checks that both give the same module and options.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import { ruleDocsUrl } from 'unblock-core/light';

export interface UnblockRuleDocs {
  description: string;
  recommended?: boolean;
  requiresTypeChecking?: boolean;
}

export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  meta,
  name,
  create,
  defaultOptions,
}: Readonly<RuleWithMetaAndName<Options, MessageIds, UnblockRuleDocs>>): TSESLint.RuleModule<MessageIds, Options, UnblockRuleDocs> & { name: string } {
  const defaults = (meta.defaultOptions ?? defaultOptions ?? []) as unknown as Options;
  // One options list per rule configuration (ESLint and oxlint hand each file of a configuration the same array): its
  // defaults are applied once. The rules never change their options.
  const applied = new WeakMap<object, Options>();
  const optionsOf = (user: readonly unknown[] | undefined): Options => {
    if (!user) return withDefaults(defaults, user);
    let options = applied.get(user);
    if (!options) applied.set(user, (options = withDefaults(defaults, user)));
    return options;
  };
  return {
    create: (context) => create(context, optionsOf(context.options)),
    defaultOptions: defaultOptions as Options,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    name,
  };
}

/**
 * Each default option with the user's over it. The rules' defaults are one flat object each (no nested objects), so
 * the user's properties replace the defaults' whole, as typescript-eslint's deep merge does for them.
 */
function withDefaults<Options extends readonly unknown[]>(defaults: Options, user: readonly unknown[] | undefined): Options {
  return defaults.map((fallback, index) => {
    const own = user?.[index];
    if (own === undefined) return structuredClone(fallback);
    return isPlainObject(own) && isPlainObject(fallback) ? { ...structuredClone(fallback), ...own } : own;
  }) as unknown as Options;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
