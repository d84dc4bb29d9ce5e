/**
 * The JSON Schema subset the options contract is written in, and the one checker for it outside ESLint: ESLint
 * validates rule options with these schemas itself; `settings.unblock` and editor settings go through `prune`, which
 * keeps what is valid and names each part it drops.
 */

export type JsonType = 'object' | 'array' | 'string' | 'boolean' | 'integer' | 'number' | 'null';

export interface JsonSchema {
  readonly type?: JsonType | readonly JsonType[];
  readonly description?: string;
  readonly enum?: readonly (string | number | boolean)[];
  /** Matched like `enum`; ESLint prints it when a value does not match, so it lists the choices. */
  readonly pattern?: string;
  readonly minimum?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
  readonly oneOf?: readonly JsonSchema[];
  /** `#/$defs/<name>`: resolved in the `defs` handed to the checker. */
  readonly $ref?: string;
}

export type SchemaDefinitions = Readonly<Record<string, JsonSchema>>;

/** What is wrong with `value` under `schema`, each problem prefixed with where it is (`unblock.deny[0].name`). */
export function schemaProblems(schema: JsonSchema, value: unknown, path: string, defs: SchemaDefinitions = {}): string[] {
  const resolved = resolve(schema, defs);
  if (resolved.oneOf) return oneOfProblems(resolved.oneOf, value, path, defs);
  if (resolved.type && !hasType(value, resolved.type)) return [`${path}: must be ${[resolved.type].flat().map(article).join(' or ')}`];
  if (resolved.enum && !resolved.enum.includes(value as string)) {
    return [`${path}: must be one of ${resolved.enum.map((choice) => `\`${String(choice)}\``).join(', ')}`];
  }
  if (resolved.pattern !== undefined && typeof value === 'string' && !new RegExp(resolved.pattern).test(value)) {
    return [`${path}: must match ${resolved.pattern}`];
  }
  if (resolved.minimum !== undefined && typeof value === 'number' && value < resolved.minimum) return [`${path}: must be at least ${resolved.minimum}`];
  if (Array.isArray(value)) {
    if (resolved.minItems !== undefined && value.length < resolved.minItems) return [`${path}: must have at least ${resolved.minItems} item(s)`];
    if (resolved.uniqueItems && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) return [`${path}: must not repeat an item`];
    const items = resolved.items;
    return items ? value.flatMap((item, index) => schemaProblems(items, item, `${path}[${index}]`, defs)) : [];
  }
  if (isRecord(value)) {
    const missing = (resolved.required ?? []).filter((key) => !(key in value));
    if (missing.length > 0) return [`${path}: must have ${missing.map((key) => `\`${key}\``).join(' and ')}`];
    return Object.entries(value).flatMap(([key, item]) => {
      const property = resolved.properties?.[key];
      if (property) return schemaProblems(property, item, `${path}.${key}`, defs);
      return resolved.additionalProperties === false ? [`${path}.${key}: is not an option`] : [];
    });
  }
  return [];
}

/**
 * `value` with every invalid part left out, and a problem line for each: an object keeps its valid properties, an
 * array its valid items; anything else is kept whole or dropped whole (undefined).
 */
export function prune(schema: JsonSchema, value: unknown, path: string, problems: string[], defs: SchemaDefinitions = {}): unknown {
  const resolved = resolve(schema, defs);
  if (resolved.type === 'object' && resolved.properties && isRecord(value)) {
    const kept: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const property = resolved.properties[key];
      if (!property) {
        if (resolved.additionalProperties === false) problems.push(`${path}.${key}: is not an option`);
        else kept[key] = item;
        continue;
      }
      const pruned = prune(property, item, `${path}.${key}`, problems, defs);
      if (pruned !== undefined) kept[key] = pruned;
    }
    return kept;
  }
  if (resolved.type === 'array' && resolved.items && Array.isArray(value)) {
    const items = resolved.items;
    return value.flatMap((item, index) => {
      const pruned = prune(items, item, `${path}[${index}]`, problems, defs);
      return pruned === undefined ? [] : [pruned];
    });
  }
  const found = schemaProblems(resolved, value, path, defs);
  problems.push(...found);
  return found.length === 0 ? value : undefined;
}

/** `schema` with every `$ref` replaced by its definition: for readers that do not follow references. */
export function inlineRefs(schema: JsonSchema, defs: SchemaDefinitions): JsonSchema {
  return JSON.parse(JSON.stringify(schema), (_key, value: unknown) =>
    isRecord(value) && typeof value.$ref === 'string' ? inlineRefs(resolve(value as JsonSchema, defs), defs) : value,
  ) as JsonSchema;
}

/** A union's problems: none if exactly one branch fits; else those of the branch nearest the value. */
function oneOfProblems(branches: readonly JsonSchema[], value: unknown, path: string, defs: SchemaDefinitions): string[] {
  const results = branches.map((branch) => schemaProblems(branch, value, path, defs));
  if (results.filter((problems) => problems.length === 0).length === 1) return [];
  if (results.every((problems) => problems.length === 0)) return [`${path}: matches more than one form`];
  // The branches of the value's own type, and among those the one whose discriminating enums (`from`) it matches.
  const typed = branches.flatMap((branch, index) => (hasType(value, resolve(branch, defs).type) ? [index] : []));
  if (typed.length === 0) {
    const types = [...new Set(branches.flatMap((branch) => [resolve(branch, defs).type ?? []].flat()))];
    return [`${path}: must be ${types.map(article).join(' or ')}`];
  }
  const nearest = typed.find((index) => discriminantsMatch(resolve(branches[index]!, defs), value, defs)) ?? typed[0]!;
  return results[nearest]!;
}

function discriminantsMatch(schema: JsonSchema, value: unknown, defs: SchemaDefinitions): boolean {
  if (!isRecord(value)) return true;
  return Object.entries(schema.properties ?? {}).every(([key, property]) => {
    const choices = resolve(property, defs).enum;
    return !choices || choices.includes(value[key] as string);
  });
}

function resolve(schema: JsonSchema, defs: SchemaDefinitions): JsonSchema {
  if (schema.$ref === undefined) return schema;
  const name = /^#\/x-definitions\/(.+)$/.exec(schema.$ref)?.[1];
  const found = name === undefined ? undefined : defs[name];
  if (!found) throw new Error(`unknown schema reference ${schema.$ref}`);
  return found;
}

function hasType(value: unknown, type: JsonType | readonly JsonType[] | undefined): boolean {
  if (Array.isArray(type)) return type.some((one: JsonType) => hasType(value, one));
  switch (type) {
    case undefined:
      return true;
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function article(type: JsonType): string {
  if (type === 'null') return 'null';
  return type === 'array' || type === 'integer' || type === 'object' ? `an ${type}` : `a ${type}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
