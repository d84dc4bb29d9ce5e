/**
 * The unblock rules' severity and options, and the shared `settings.unblock`, from the workspace's own ESLint flat
 * config, so the editor reports what `eslint` would. Loading a config runs the workspace's code: only for trusted
 * workspaces.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { indirectOptionsSchema, isRecord, normalizeOptions, pluginNamespace, sharedOptionsSchema, type IndirectOptions, type SharedOptions } from 'unblock-core';

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

interface EslintLike {
  calculateConfigForFile(filePath: string): Promise<unknown>;
}

type EslintConstructor = new (options: { cwd: string }) => EslintLike;

export interface EslintConfigHost {
  log(message: string): void;
  /** A config that fails to load: said once per folder, until the config changes. */
  warn(message: string): void;
}

interface FolderState {
  readonly eslint: Promise<EslintLike | undefined>;
  readonly files: Map<string, Promise<EslintRules | undefined>>;
  failed: boolean;
}

export class EslintConfigs {
  private readonly folders = new Map<string, FolderState>();

  constructor(private readonly host: EslintConfigHost) {}

  /** The unblock rules configured for `fileName`; undefined when there is no usable config (use the settings). */
  rulesFor(fileName: string, folder: string): Promise<EslintRules | undefined> {
    const state = this.folder(folder);
    if (state.failed) return Promise.resolve(undefined);
    let rules = state.files.get(fileName);
    if (!rules) {
      rules = this.calculate(state, folder, fileName);
      state.files.set(fileName, rules);
    }
    return rules;
  }

  /** An ESLint config changed: load it again (and say again if it is broken). */
  invalidate(): void {
    this.folders.clear();
  }

  private folder(folder: string): FolderState {
    let state = this.folders.get(folder);
    if (!state) {
      state = { eslint: this.load(folder), files: new Map(), failed: false };
      this.folders.set(folder, state);
    }
    return state;
  }

  private async load(folder: string): Promise<EslintLike | undefined> {
    let eslintPath: string;
    try {
      eslintPath = createRequire(path.join(folder, 'package.json')).resolve('eslint');
    } catch {
      this.host.log(`no \`eslint\` package in ${folder}: using the unblock settings`);
      return undefined;
    }
    const module = (await import(pathToFileURL(eslintPath).href)) as { ESLint?: EslintConstructor; default?: { ESLint?: EslintConstructor } };
    const ESLint = module.ESLint ?? module.default?.ESLint;
    if (!ESLint) throw new Error(`${eslintPath} has no ESLint class (ESLint 9 or later is needed)`);
    this.host.log(`using the ESLint config of ${folder} (${eslintPath})`);
    return new ESLint({ cwd: folder });
  }

  private async calculate(state: FolderState, folder: string, fileName: string): Promise<EslintRules | undefined> {
    try {
      const eslint = await state.eslint;
      if (!eslint) return undefined;
      const config = await eslint.calculateConfigForFile(fileName);
      return isRecord(config) ? unblockRules(config.rules, isRecord(config.settings) ? config.settings.unblock : undefined) : undefined;
    } catch (error) {
      if (isRecord(error) && error.messageTemplate === 'config-file-missing') {
        this.host.log(`no ESLint config for ${fileName}: using the unblock settings`);
        return undefined;
      }
      if (!state.failed) {
        state.failed = true;
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        this.host.warn(`unblock: the ESLint config of ${folder} could not be loaded (${message}). Using the unblock.* settings instead.`);
      }
      return undefined;
    }
  }
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
