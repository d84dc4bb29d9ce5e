/**
 * The options each file is checked with: those of the project's own ESLint config (its unblock rules' options over
 * `settings.unblock`, read with the project's `eslint` through `loadESLint` and `calculateConfigForFile`, so the
 * command fixes what `eslint` reports), or the defaults when the project has no ESLint or no config.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { eslintCheckOptions, isRecord, unblockRules, type CheckOptions } from 'unblock-core';
import { UsageError } from './project.js';

interface EslintLike {
  calculateConfigForFile(filePath: string): Promise<unknown>;
  isPathIgnored(filePath: string): Promise<boolean>;
}

type EslintModule = {
  loadESLint?: (options?: { useFlatConfig?: boolean }) => Promise<new (options: { cwd: string }) => EslintLike>;
  ESLint?: new (options: { cwd: string }) => EslintLike;
};

/** Per file: the options to check it with, or `ignored` when the ESLint config ignores it. */
export type FileOptions = CheckOptions | 'ignored';

export interface OptionsSource {
  /** Where the options come from, for the report: `eslint.config.js (eslint 10.15.0)` or `defaults`. */
  readonly description: string;
  /** Problems found in the config's unblock options (left out, as the rules do). */
  readonly problems: string[];
  forFile(fileName: string): Promise<FileOptions>;
}

const defaults: CheckOptions = eslintCheckOptions(undefined, {});

export async function optionsSource(projectDir: string, useEslint: boolean): Promise<OptionsSource> {
  const fromDefaults: OptionsSource = { description: 'defaults (no ESLint config read)', problems: [], forFile: async () => defaults };
  if (!useEslint) return fromDefaults;
  let eslintPath: string;
  try {
    eslintPath = createRequire(path.join(projectDir, 'package.json')).resolve('eslint');
  } catch {
    return { ...fromDefaults, description: 'defaults (the project has no `eslint` package)' };
  }
  const eslint = await loadEslint(eslintPath, projectDir);
  const problems: string[] = [];
  const seen = new Set<string>();
  let withConfig = true;
  return {
    get description() {
      return withConfig ? `the ESLint config of ${projectDir}` : 'defaults (no ESLint config found)';
    },
    problems,
    async forFile(fileName) {
      if (!withConfig) return defaults;
      let config: unknown;
      try {
        if (await eslint.isPathIgnored(fileName)) return 'ignored';
        config = await eslint.calculateConfigForFile(fileName);
      } catch (error) {
        if (isRecord(error) && error.messageTemplate === 'config-file-missing') {
          withConfig = false;
          return defaults;
        }
        throw new UsageError(`the ESLint config of ${projectDir} could not be loaded: ${firstLine(error)}\n(run with --no-eslint-config to use the defaults)`);
      }
      if (!isRecord(config)) return defaults; // no config object matches the file (ESLint would not lint it): defaults
      const rules = unblockRules(config.rules, isRecord(config.settings) ? config.settings.unblock : undefined);
      for (const problem of rules.problems) if (!seen.has(problem) && seen.add(problem)) problems.push(problem);
      return eslintCheckOptions(rules, rules.shared); // a rule the config does not set: its shared settings
    },
  };
}

async function loadEslint(eslintPath: string, cwd: string): Promise<EslintLike> {
  try {
    const module = (await import(pathToFileURL(eslintPath).href)) as EslintModule & { default?: EslintModule };
    const loadESLint = module.loadESLint ?? module.default?.loadESLint;
    const ESLint = loadESLint ? await loadESLint({ useFlatConfig: true }) : (module.ESLint ?? module.default?.ESLint);
    if (!ESLint) throw new Error('it has no ESLint class (ESLint 9 or later is needed)');
    return new ESLint({ cwd });
  } catch (error) {
    throw new UsageError(`the project's eslint (${eslintPath}) could not be loaded: ${firstLine(error)}\n(run with --no-eslint-config to use the defaults)`);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
