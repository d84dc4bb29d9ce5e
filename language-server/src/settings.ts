/**
 * The editor settings contract (`unblock.*`): what the server reads, written once as schema data — the rule options
 * among them are the core's — from which the VS Code manifest's settings are generated (`npm run docs`). Settings are
 * checked with the core's checker: a malformed part is left out and named, the rest applies.
 */
import {
  allCategories,
  categoryDescriptions,
  contextModeDescriptions,
  contextModes,
  defaultCategories,
  inlineRefs,
  optionDefinitions,
  prune,
  sharedOptionsSchema,
  type Category,
  type JsonSchema,
  type SharedOptions,
} from 'unblock-core';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export type TraceLevel = 'off' | 'messages' | 'verbose';
/** When to analyse: as you type, or only when a document is opened or saved. */
export type RunMode = 'onType' | 'onSave';

export interface UnblockSettings extends SharedOptions {
  readonly enable: boolean;
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

/** A setting as VS Code's manifest declares it: its schema and how the Settings editor presents it. */
export interface EditorSetting extends JsonSchema {
  readonly default?: unknown;
  readonly scope?: 'resource' | 'window' | 'machine';
  readonly markdownDescription?: string;
  readonly enumDescriptions?: readonly string[];
  /** The manifest's key when it is not `unblock.<name>` (the client maps it). */
  readonly manifestKey?: string;
}

const severityNames: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];
const severityDescriptions = ['Report as an error.', 'Report as a warning.', 'Report as information.', 'Show only as a hint (faded dots).'];
const sentence = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}.`;
const specifierFormat = "in typescript-eslint's [TypeOrValueSpecifier](https://typescript-eslint.io/packages/type-utils/type-or-value-specifier) format";

/** `unblock.*`, in the manifest's order. */
export const editorSettings: Readonly<Record<keyof UnblockSettings, EditorSetting>> = {
  enable: { type: 'boolean', default: true, scope: 'resource', description: 'Report blocking calls in JavaScript and TypeScript files.' },
  run: {
    type: 'string',
    enum: ['onType', 'onSave'],
    enumDescriptions: [
      'Analyse as you type (150 ms after you stop).',
      'Analyse when a file is opened or saved; edits keep the last results until the next save.',
    ],
    default: 'onType',
    scope: 'resource',
    description: 'When unblock analyses a file.',
  },
  severity: {
    type: 'string',
    enum: severityNames,
    default: 'error',
    scope: 'resource',
    description:
      "Severity of blocking-call diagnostics (`error`, like `unblock.configs.recommended`). The workspace's ESLint config takes precedence when `#unblock.useEslintConfig#` is on.",
  },
  categorySeverity: {
    type: 'object',
    default: {},
    scope: 'resource',
    markdownDescription:
      'Severity per category of blocking API, overriding `#unblock.severity#` and the ESLint config, e.g. `{ "crypto": "warning", "fs": "off" }`.',
    properties: Object.fromEntries(
      allCategories.map((category) => [
        category,
        {
          type: 'string',
          enum: [...severityNames, 'off'],
          enumDescriptions: [...severityDescriptions, 'Do not report this category.'],
          description: sentence(categoryDescriptions[category]),
        },
      ]),
    ),
    additionalProperties: false,
  },
  categories: {
    type: 'object',
    default: {},
    scope: 'resource',
    markdownDescription: `Switch categories of blocking APIs on or off (the rule's \`categories\` option), e.g. \`{ "console": true, "fs": false }\`. On by default: ${defaultCategories.map((category) => `\`${category}\``).join(', ')}; off by default: ${allCategories
      .filter((category) => !defaultCategories.includes(category))
      .map((category) => `\`${category}\``)
      .join(', ')}.`,
    properties: Object.fromEntries(
      allCategories.map((category) => [
        category,
        { type: 'boolean', default: defaultCategories.includes(category), description: sentence(categoryDescriptions[category]) },
      ]),
    ),
    additionalProperties: false,
  },
  context: {
    type: 'string',
    enum: contextModes,
    enumDescriptions: contextModes.map((mode) => contextModeDescriptions[mode]),
    default: 'async',
    scope: 'resource',
    description: "Where a blocking call is reported (the rule's `context` option).",
  },
  allow: {
    ...(inlineRefs(sharedOptionsSchema.allow, optionDefinitions) as JsonSchema),
    description: undefined,
    default: [],
    scope: 'resource',
    markdownDescription: `APIs never reported, ${specifierFormat}, e.g. \`[{ "from": "package", "package": "node:fs", "name": "existsSync" }]\`.`,
  },
  deny: {
    ...(inlineRefs(sharedOptionsSchema.deny, optionDefinitions) as JsonSchema),
    description: undefined,
    default: [],
    scope: 'resource',
    markdownDescription: `Extra APIs reported as blocking, ${specifierFormat}, e.g. \`[{ "from": "file", "name": "renderPdfSync" }]\`.`,
  },
  useEslintConfig: {
    type: ['boolean', 'null'],
    default: null,
    scope: 'resource',
    markdownDescription:
      "Take the rule's severity and options from the workspace's ESLint config (`eslint.config.*`, loaded with the workspace's own `eslint` package, which runs the config's code). Unset: on in trusted workspaces. Never in untrusted workspaces.",
  },
  maxFileSize: {
    type: 'number',
    default: 2 * 1024 * 1024,
    minimum: 1,
    scope: 'resource',
    description: 'Files larger than this many bytes are not analysed.',
  },
  trace: {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    enumDescriptions: ['No trace.', 'Trace the LSP messages.', 'Trace the LSP messages with their contents, and log every analysis.'],
    default: 'off',
    scope: 'window',
    description: 'Traces the communication between VS Code and the unblock language server in the Unblock output.',
    manifestKey: 'trace.server',
  },
};

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

/**
 * The `unblock` settings section as a client sent it, checked against `editorSettings`: each malformed part (a
 * `deny` entry without `name`, an unknown category) is left out and named in `problems`; unset means the default.
 */
export function normalizeSettings(raw: unknown, problems: string[] = []): UnblockSettings {
  if (raw === undefined || raw === null) return defaultSettings;
  // null is how VS Code sends an unset nullable setting (`unblock.useEslintConfig`).
  const set = typeof raw === 'object' && !Array.isArray(raw) ? Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null)) : raw;
  const schema: JsonSchema = { type: 'object', additionalProperties: false, properties: editorSettings };
  const valid = (prune(schema, set, 'unblock', problems) ?? {}) as Partial<UnblockSettings>;
  return { ...defaultSettings, ...valid, useEslintConfig: valid.useEslintConfig ?? undefined };
}
