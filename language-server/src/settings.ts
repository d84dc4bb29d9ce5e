/** The `unblock` settings section, validated: anything malformed falls back to its default. */
import {
  allCategories,
  contextModes,
  defaultCategories,
  type Category,
  type ContextMode,
  type DetectorOptions,
  type TypeOrValueSpecifier,
} from 'unblock-core';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export type TraceLevel = 'off' | 'messages' | 'verbose';
/** When to analyse: as you type, or only when a document is opened or saved. */
export type RunMode = 'onType' | 'onSave';

export interface UnblockSettings {
  readonly enable: boolean;
  readonly categories: Partial<Record<Category, boolean>>;
  readonly context: ContextMode;
  readonly allow: readonly TypeOrValueSpecifier[];
  readonly deny: readonly TypeOrValueSpecifier[];
  readonly severity: SeverityName;
  /** Per category, a severity that replaces `severity` (or the ESLint config's), or `off` to hide its findings. */
  readonly categorySeverity: Partial<Record<Category, SeverityName | 'off'>>;
  readonly run: RunMode;
  readonly trace: TraceLevel;
  /** Read the rule options from the workspace's ESLint config; undefined: yes in trusted workspaces. */
  readonly useEslintConfig: boolean | undefined;
  /** Files larger than this many bytes are not analysed. */
  readonly maxFileSize: number;
}

export const defaultSettings: UnblockSettings = {
  enable: true,
  categories: {},
  context: 'async',
  allow: [],
  deny: [],
  // `unblock.configs.recommended` reports errors; the editor matches it.
  severity: 'error',
  categorySeverity: {},
  run: 'onType',
  trace: 'off',
  useEslintConfig: undefined,
  maxFileSize: 2 * 1024 * 1024,
};

const severities: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];
const categorySeverities: readonly (SeverityName | 'off')[] = [...severities, 'off'];
const traceLevels: readonly TraceLevel[] = ['off', 'messages', 'verbose'];
const runModes: readonly RunMode[] = ['onType', 'onSave'];

export function normalizeSettings(raw: unknown): UnblockSettings {
  if (!isRecord(raw)) return defaultSettings;
  const categories: Partial<Record<Category, boolean>> = {};
  if (isRecord(raw.categories)) {
    for (const category of allCategories) {
      const value = raw.categories[category];
      if (typeof value === 'boolean') categories[category] = value;
    }
  }
  const categorySeverity: Partial<Record<Category, SeverityName | 'off'>> = {};
  if (isRecord(raw.categorySeverity)) {
    for (const category of allCategories) {
      const value = oneOf(raw.categorySeverity[category], categorySeverities);
      if (value !== undefined) categorySeverity[category] = value;
    }
  }
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : defaultSettings.enable,
    categories,
    context: oneOf(raw.context, contextModes) ?? defaultSettings.context,
    allow: specifiers(raw.allow),
    deny: specifiers(raw.deny),
    severity: oneOf(raw.severity, severities) ?? defaultSettings.severity,
    categorySeverity,
    run: oneOf(raw.run, runModes) ?? defaultSettings.run,
    trace: oneOf(raw.trace, traceLevels) ?? defaultSettings.trace,
    useEslintConfig: typeof raw.useEslintConfig === 'boolean' ? raw.useEslintConfig : undefined,
    maxFileSize:
      typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0
        ? raw.maxFileSize
        : defaultSettings.maxFileSize,
  };
}

/** The options of the ESLint rule (`categories` as switches), as the detector takes them. */
export interface RuleOptions {
  readonly categories?: Partial<Record<Category, boolean>>;
  readonly context?: ContextMode;
  readonly allow?: readonly TypeOrValueSpecifier[];
  readonly deny?: readonly TypeOrValueSpecifier[];
}

/** Same defaults as the rule: missing categories fall back to `defaultCategories`. */
export function detectorOptions(options: RuleOptions): DetectorOptions {
  const switches = options.categories ?? {};
  return {
    categories: allCategories.filter((category) => switches[category] ?? defaultCategories.includes(category)),
    context: options.context ?? 'async',
    allow: options.allow ?? [],
    deny: options.deny ?? [],
  };
}

/** Rule options as written in an ESLint config, checked as far as the detector relies on them. */
export function normalizeRuleOptions(raw: unknown): RuleOptions {
  if (!isRecord(raw)) return {};
  const settings = normalizeSettings({ categories: raw.categories, context: raw.context, allow: raw.allow, deny: raw.deny });
  return { categories: settings.categories, context: settings.context, allow: settings.allow, deny: settings.deny };
}

function specifiers(value: unknown): TypeOrValueSpecifier[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is TypeOrValueSpecifier => typeof item === 'string' || (isRecord(item) && typeof item.from === 'string'));
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
