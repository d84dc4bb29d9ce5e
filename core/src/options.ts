/**
 * The options contract: every option a user sets — ESLint rule options, ESLint's shared `settings.unblock`, the
 * editor's `unblock.*` settings — written once as JSON Schema data (with descriptions and defaults), with the one
 * normalization and merge they all go through, and their resolved form, what the detector takes. The rules' schemas,
 * the server's settings, the VS Code manifest and the docs tables all come from here.
 */
import { allCategories, categoryDescriptions, defaultCategories, type Category } from './catalog/types.js';
import { isRecord, prune, type JsonSchema, type SchemaDefinitions } from './schema.js';
import { typeOrValueSpecifierSchema, type TypeOrValueSpecifier } from './specifier.js';

/**
 * - `async`: inside async functions and sync callbacks that run during them (default);
 * - `function`: inside any function, like `n/no-sync` with `allowAtRootLevel`;
 * - `everywhere`: module top level too.
 */
export type ContextMode = 'async' | 'function' | 'everywhere';
export const contextModes: readonly ContextMode[] = ['async', 'function', 'everywhere'];
export const contextModeDescriptions: Readonly<Record<ContextMode, string>> = {
  async: 'Inside async functions and the sync callbacks they run.',
  function: 'Inside any function.',
  everywhere: 'Anywhere, module level included.',
};

/** What blocks and where to report it: read by both rules, from their options and from `settings.unblock`. */
export interface SharedOptions {
  readonly categories?: Partial<Record<Category, boolean>>;
  readonly context?: ContextMode;
  readonly allow?: readonly TypeOrValueSpecifier[];
  readonly deny?: readonly TypeOrValueSpecifier[];
}

/** How far the indirect check follows calls into the project's own functions. */
export interface SummaryLimits {
  /** How many project functions a chain may go through. */
  readonly maxDepth: number;
  /** Functions with more syntax nodes than this are not looked into. */
  readonly maxFunctionSize: number;
}

/** `no-indirect-blocking-call`'s options: the shared ones and its limits. */
export interface IndirectOptions extends SharedOptions, Partial<SummaryLimits> {}

export const defaultSummaryLimits: SummaryLimits = { maxDepth: 8, maxFunctionSize: 20_000 };

/** The options in the form the detector takes: categories as the list of those on, nothing left to default. */
export interface DetectorOptions {
  readonly categories: readonly Category[];
  readonly context: ContextMode;
  /** APIs never reported, even if the catalog lists them. */
  readonly allow: readonly TypeOrValueSpecifier[];
  /** Extra APIs to report as blocking (category `user`). */
  readonly deny: readonly TypeOrValueSpecifier[];
  readonly summaryLimits: SummaryLimits;
}

/** What a file is checked for: each rule's resolved options, or undefined when that rule is off. */
export interface CheckOptions {
  /** `no-blocking-call`: blocking calls. */
  readonly direct: DetectorOptions | undefined;
  /** `no-indirect-blocking-call`: calls of project functions that block further down. */
  readonly indirect: DetectorOptions | undefined;
}

/** Definitions the option schemas refer to (`$ref: '#/x-definitions/typeOrValueSpecifier'`). */
export const optionDefinitions: SchemaDefinitions = { typeOrValueSpecifier: typeOrValueSpecifierSchema };

const specifiers = (description: string): JsonSchema => ({
  type: 'array',
  description,
  items: { $ref: '#/x-definitions/typeOrValueSpecifier' },
});

export const sharedOptionsSchema: Readonly<Record<keyof SharedOptions, JsonSchema>> = {
  categories: {
    type: 'object',
    description: `Turn categories of blocking APIs on or off. On by default: ${defaultCategories.join(', ')}.`,
    additionalProperties: false,
    properties: Object.fromEntries(
      allCategories.map((category) => [category, { type: 'boolean', description: `Report ${categoryDescriptions[category]}.` }]),
    ),
  },
  context: {
    type: 'string',
    enum: contextModes,
    pattern: `^(${contextModes.join('|')})$`,
    description:
      'Where to report: `async` (async functions and sync callbacks running during them; the default), `function` (any function), `everywhere` (module level too).',
  },
  allow: specifiers('APIs never to report, as TypeOrValueSpecifiers.'),
  deny: specifiers('Extra APIs to report as blocking, as TypeOrValueSpecifiers.'),
};

export const indirectOptionsSchema: Readonly<Record<keyof IndirectOptions, JsonSchema>> = {
  ...sharedOptionsSchema,
  maxDepth: { type: 'integer', minimum: 1, description: 'How many of your functions deep to follow a chain of calls.' },
  maxFunctionSize: {
    type: 'integer',
    minimum: 1,
    description: 'Functions with more syntax nodes than this are not looked into (bounds the cost on generated code).',
  },
};

/**
 * Options as a user wrote them (in `settings.unblock`, an editor's settings, a config read from disk), checked
 * against `schema`: what is malformed is left out, and `problems` says what, where (`where` names the source).
 */
export function normalizeOptions<K extends keyof IndirectOptions>(
  raw: unknown,
  schema: Readonly<Record<K, JsonSchema>>,
  where: string,
): { options: Pick<IndirectOptions, K>; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { options: {} as Pick<IndirectOptions, K>, problems };
  if (!isRecord(raw)) return { options: {} as Pick<IndirectOptions, K>, problems: [`${where}: must be an object`] };
  const options = prune({ type: 'object', additionalProperties: false, properties: schema }, raw, where, problems, optionDefinitions);
  return { options: options as Pick<IndirectOptions, K>, problems };
}

/**
 * A rule's options over the shared ones (`settings.unblock`): a category switch or `context` given to the rule wins,
 * `allow` and `deny` entries add up, and the rest (the indirect limits) come from the rule alone.
 */
export function mergeOptions<T extends SharedOptions>(shared: SharedOptions, own: T): T {
  const categories = shared.categories || own.categories ? { ...shared.categories, ...own.categories } : undefined;
  const context = own.context ?? shared.context;
  const allow = [...(shared.allow ?? []), ...(own.allow ?? [])];
  const deny = [...(shared.deny ?? []), ...(own.deny ?? [])];
  return { ...own, ...(categories && { categories }), ...(context && { context }), allow, deny };
}

/** The categories a set of switches turns on: each switch given, else `defaultCategories`. */
export function enabledCategories(switches: Partial<Record<Category, boolean>> = {}): Category[] {
  return allCategories.filter((category) => switches[category] ?? defaultCategories.includes(category));
}

/**
 * Options resolved for the detector (same input, same output and key order: it keys the detector caches). Unset
 * options default here: the categories of `defaultCategories`, context `async`, nothing allowed or denied. The shared
 * options declare no defaults to ESLint (`meta.defaultOptions`): ESLint would write them into every rule's options,
 * and `settings.unblock` could never apply.
 */
export function detectorOptions(options: IndirectOptions): DetectorOptions {
  return {
    categories: enabledCategories(options.categories),
    context: options.context ?? 'async',
    allow: options.allow ?? [],
    deny: options.deny ?? [],
    summaryLimits: {
      maxDepth: options.maxDepth ?? defaultSummaryLimits.maxDepth,
      maxFunctionSize: options.maxFunctionSize ?? defaultSummaryLimits.maxFunctionSize,
    },
  };
}
