/**
 * What an ESLint flat config says about unblock, as data: the severity and options of this plugin's rules and the
 * shared `settings.unblock`, checked like every other source of options, and the options each rule checks with.
 * Plain data in and out (a config ESLint already computed): loading a config is the caller's (the language server,
 * the `unblock-cli` command line), since it runs the project's code.
 */
import { pluginNamespace, ruleNames } from './messages.js';
import { detectorOptions, indirectOptionsSchema, mergeOptions, normalizeOptions, sharedOptionsSchema } from './options.js';
import type { CheckOptions, IndirectOptions, SharedOptions } from './options.js';
import type { FindingKind } from './finding.js';
import { isRecord } from './schema.js';

export interface EslintRuleConfig {
  /** 0 off, 1 warn, 2 error. */
  readonly severity: 0 | 1 | 2;
  readonly options: IndirectOptions;
}

/** What a file's ESLint config says about unblock. */
export interface EslintRules {
  /** `unblock/no-blocking-call` → its configuration, for the rules of this plugin the config sets. */
  readonly rules: ReadonlyMap<string, EslintRuleConfig>;
  /** `settings.unblock`: the options both rules share. */
  readonly shared: SharedOptions;
  /** What was malformed in them, and left out. */
  readonly problems: readonly string[];
}

/** The rule's name in ESLint configs and disable comments: `unblock/no-blocking-call`. */
export function eslintRuleName(rule: string): string {
  return `${pluginNamespace}/${rule}`;
}

/**
 * `{ 'unblock/no-blocking-call': [2, { … }] }` → severity and options, for this plugin's rules only; and the shared
 * `settings.unblock`, checked like the editor's settings (ESLint checks rule options, not settings).
 */
export function unblockRules(rules: unknown, settings?: unknown): EslintRules {
  const result = new Map<string, EslintRuleConfig>();
  const problems: string[] = [];
  const shared = normalizeOptions(settings, sharedOptionsSchema, 'settings.unblock');
  problems.push(...shared.problems);
  for (const [name, entry] of Object.entries(isRecord(rules) ? rules : {})) {
    if (!name.startsWith(`${pluginNamespace}/`)) continue;
    const [level, raw] = Array.isArray(entry) ? entry : [entry];
    const severity = severityOf(level);
    if (severity === undefined) continue;
    const options = normalizeOptions(raw, indirectOptionsSchema, `${name} options`);
    problems.push(...options.problems);
    result.set(name, { severity, options: options.options });
  }
  return { rules: result, shared: shared.options, problems };
}

/**
 * What each rule checks for: a rule the ESLint config sets takes its options there, over the config's shared
 * `settings.unblock` (a rule it turns off is not checked); otherwise `fallback` (the editor's settings, or none).
 */
export function eslintCheckOptions(eslint: EslintRules | undefined, fallback: IndirectOptions): CheckOptions {
  const forRule = (kind: FindingKind) => {
    const configured = eslint?.rules.get(eslintRuleName(ruleNames[kind]));
    if (configured?.severity === 0) return undefined;
    return detectorOptions(configured && eslint ? mergeOptions(eslint.shared, configured.options) : fallback);
  };
  return { direct: forRule('direct'), indirect: forRule('indirect') };
}

function severityOf(level: unknown): 0 | 1 | 2 | undefined {
  switch (level) {
    case 0:
    case 'off':
      return 0;
    case 1:
    case 'warn':
      return 1;
    case 2:
    case 'error':
      return 2;
    default:
      return undefined;
  }
}
