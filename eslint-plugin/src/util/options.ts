/**
 * The rules' options: a rule's own options over the shared `settings.unblock` (checked against the same schema as
 * the rule options), resolved for the detector; and which calls `no-blocking-call` reports in the file being linted,
 * so that `no-indirect-blocking-call` never reports one of them again.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import {
  detectorOptions,
  mergeOptions,
  normalizeOptions,
  optionDefinitions,
  sharedOptionsSchema,
  type DetectorOptions,
  type IndirectOptions,
  type JsonSchema,
  type SharedOptions,
} from 'unblock-core/light';

/**
 * A rule's `meta.schema`: one options object with `properties`. The specifier's schema is a definition both
 * `allow` and `deny` refer to, so the generated docs list the options, not the specifier's inner fields.
 */
export function optionsSchema(properties: Readonly<Record<string, JsonSchema>>): JSONSchema4 {
  return {
    type: 'array',
    items: [{ type: 'object', additionalProperties: false, properties }],
    minItems: 0,
    maxItems: 1,
    'x-definitions': optionDefinitions,
  } as JSONSchema4;
}

/**
 * `settings.unblock` of a config, checked once per settings object (ESLint hands each file the same one; oxlint parses
 * the settings anew for each file, so no `settings.unblock`, the usual case, is one object checked once).
 */
const sharedByConfig = new WeakMap<object, SharedOptions>();
let noSharedSettings: SharedOptions | undefined;

function sharedSettings(settings: Readonly<Record<string, unknown>>): SharedOptions {
  if (settings.unblock === undefined) return (noSharedSettings ??= checkedSharedSettings(undefined));
  let options = sharedByConfig.get(settings);
  if (!options) sharedByConfig.set(settings, (options = checkedSharedSettings(settings.unblock)));
  return options;
}

function checkedSharedSettings(unblock: unknown): SharedOptions {
  const { options, problems } = normalizeOptions(unblock, sharedOptionsSchema, 'settings.unblock');
  // Like invalid rule options, an invalid shared setting stops the lint run with a message saying what is wrong.
  if (problems.length > 0) throw new Error(`unblock: invalid ESLint settings:\n\t${problems.join('\n\t')}`);
  return options;
}

/** Resolved options per shared settings and rule options object: the same two objects give the same result object. */
const resolved = new WeakMap<SharedOptions, WeakMap<object, DetectorOptions>>();

/** A rule's options (as ESLint validated them) over `settings.unblock`, resolved for the detector. */
export function effectiveOptions(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, own: IndirectOptions): DetectorOptions {
  const shared = sharedSettings(context.settings);
  let byOwn = resolved.get(shared);
  if (!byOwn) resolved.set(shared, (byOwn = new WeakMap()));
  let options = byOwn.get(own);
  if (!options) byOwn.set(own, (options = detectorOptions(mergeOptions(shared, own))));
  return options;
}

/**
 * `no-blocking-call`'s options for the file being linted, under the SourceCode object every rule of a file shares.
 * ESLint creates every rule's listeners before it walks the file, so the other rule finds them on its first call.
 */
const directOptions = new WeakMap<object, DetectorOptions>();

export function recordDirectOptions(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, options: DetectorOptions): void {
  directOptions.set(context.sourceCode, options);
}

/** What `no-blocking-call` reports with in this file; undefined when it is off for the file. */
export function directOptionsOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): DetectorOptions | undefined {
  return directOptions.get(context.sourceCode);
}
