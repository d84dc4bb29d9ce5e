/**
 * The unblock rules' severity and options, and the shared `settings.unblock`, from the workspace's own ESLint flat
 * config, so the editor reports what `eslint` would. Loading a config runs the workspace's code: only for trusted
 * workspaces.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { isRecord, unblockRules, type EslintRules } from 'unblock-core';

export { unblockRules, type EslintRuleConfig, type EslintRules } from 'unblock-core';

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
  /** What `files` resolved to, once it did. */
  readonly settled: Map<string, EslintRules | undefined>;
  failed: boolean;
  /** The config was read once (its time is logged then). */
  read: boolean;
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
      void rules.then((settled) => state.settled.set(fileName, settled));
    }
    return rules;
  }

  /**
   * The unblock rules configured for `fileName` if its config has been read (undefined too when there is no usable
   * config); `pending` when it has not: reading it loads the workspace's ESLint and plugins, which takes seconds.
   */
  readRules(fileName: string, folder: string): EslintRules | undefined | 'pending' {
    const state = this.folders.get(folder);
    if (state?.failed) return undefined;
    return state?.settled.has(fileName) ? state.settled.get(fileName) : 'pending';
  }

  /** An ESLint config changed: load it again (and say again if it is broken). */
  invalidate(): void {
    this.folders.clear();
  }

  private folder(folder: string): FolderState {
    let state = this.folders.get(folder);
    if (!state) {
      state = { eslint: this.load(folder), files: new Map(), settled: new Map(), failed: false, read: false };
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
    const started = performance.now();
    const module = (await import(pathToFileURL(eslintPath).href)) as { ESLint?: EslintConstructor; default?: { ESLint?: EslintConstructor } };
    const ESLint = module.ESLint ?? module.default?.ESLint;
    if (!ESLint) throw new Error(`${eslintPath} has no ESLint class (ESLint 9 or later is needed)`);
    this.host.log(`using the ESLint config of ${folder} (${eslintPath}, loaded in ${Math.round(performance.now() - started)} ms)`);
    return new ESLint({ cwd: folder });
  }

  private async calculate(state: FolderState, folder: string, fileName: string): Promise<EslintRules | undefined> {
    try {
      const eslint = await state.eslint;
      if (!eslint) return undefined;
      const started = performance.now();
      const config = await eslint.calculateConfigForFile(fileName);
      if (!state.read) this.host.log(`read the ESLint config of ${folder} in ${Math.round(performance.now() - started)} ms`);
      state.read = true;
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
