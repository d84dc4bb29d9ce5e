/**
 * The two linters the oxlint tests compare, on the same files: oxlint (the pinned npm package, its CLI, with
 * eslint-plugin-unblock as a JS plugin from `.oxlintrc.json`) and ESLint without type information (typescript-eslint's
 * parser, no project), both loading the built plugin. Each returns the same plain findings, so that a test can compare
 * them file by file: rule, line, column, end and message.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
export const root = path.resolve(import.meta.dirname, '../..');
/** The plugin as npm installs it (the workspace symlink): its built `dist/`. */
export const pluginEntry = require.resolve('eslint-plugin-unblock');
const unblock = require('eslint-plugin-unblock') as ESLint.Plugin;
const oxlintCli = path.join(path.dirname(require.resolve('oxlint/package.json')), 'bin/oxlint');

export interface Finding {
  /** Path relative to the linted folder, with `/`. */
  file: string;
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** oxlint only: the `column` oxlint itself reports. */
  oxlintColumn?: number;
}

/** What both linters are given: the rules (ESLint's form: severity or [severity, options]), settings, globals. */
export interface LintSetup {
  rules: Linter.RulesRecord;
  settings?: Record<string, unknown>;
  /** ESLint `languageOptions.globals`; for oxlint the `env` that declares the same names. */
  globals?: Record<string, 'readonly' | 'writable'>;
  env?: Record<string, boolean>;
}

/** The `.oxlintrc.json` of a setup: only unblock's rules (oxlint's own default rules off). */
export function oxlintrc({ rules, settings, env }: LintSetup, plugin = pluginEntry): Record<string, unknown> {
  return {
    $schema: './node_modules/oxlint/configuration_schema.json',
    categories: { correctness: 'off' },
    jsPlugins: [plugin],
    ...(env && { env }),
    ...(settings && { settings }),
    rules,
  };
}

export interface OxlintRun {
  findings: Finding[];
  stdout: string;
  /** The process's stderr (the plugin's notices). */
  stderr: string;
  status: number | null;
}

/** `oxlint -c <config> -f json <targets>` in `dir`, with `config` written to a temporary file. */
export async function runOxlint(dir: string, config: Record<string, unknown>, targets: string[] = ['.']): Promise<OxlintRun> {
  const configDir = await mkdtemp(path.join(tmpdir(), 'unblock-oxlintrc-'));
  const configFile = path.join(configDir, '.oxlintrc.json');
  await writeFile(configFile, JSON.stringify(config, null, 2));
  try {
    const result = await run(process.execPath, [oxlintCli, '-c', configFile, '-f', 'json', ...targets], dir);
    // Before linting (invalid options, a plugin that fails to load) oxlint prints an error, not JSON.
    const report = parseReport(result.stdout);
    const texts = new Map<string, string>();
    for (const file of new Set(report.diagnostics.map((diagnostic) => diagnostic.filename))) {
      texts.set(file, await readFile(path.resolve(dir, file), 'utf8').catch(() => ''));
    }
    const findings = report.diagnostics.map((diagnostic) => fromOxlint(diagnostic, texts.get(diagnostic.filename)!));
    return { findings: sortFindings(findings), stdout: result.stdout, stderr: result.stderr, status: result.status };
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
}

/** A process's exit status and output (a non-zero status is a result, not an error). */
export function run(command: string, args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function parseReport(stdout: string): { diagnostics: OxlintDiagnostic[] } {
  try {
    return JSON.parse(stdout) as { diagnostics: OxlintDiagnostic[] };
  } catch {
    return { diagnostics: [] };
  }
}

interface OxlintDiagnostic {
  message: string;
  code?: string;
  filename: string;
  labels?: { span: { offset: number; length: number; line: number; column: number } }[];
}

/**
 * oxlint's `unblock(no-blocking-call)` code and span as a finding. The span is a UTF-8 byte offset and length; line
 * and column are computed from it in UTF-16 code units, as ESLint counts (oxlint's own `column` counts bytes: kept
 * as `oxlintColumn`, see differences.ts).
 */
function fromOxlint(diagnostic: OxlintDiagnostic, text: string): Finding {
  const code = /^(.+)\((.+)\)$/.exec(diagnostic.code ?? '');
  const file = diagnostic.filename.split(path.sep).join('/');
  // oxlint's own errors ("Error running JS plugin.") come as diagnostics without a code or span.
  const span = diagnostic.labels?.[0]?.span;
  if (!span) return { file, rule: diagnostic.code ?? '(oxlint)', line: 0, column: 0, endLine: 0, endColumn: 0, message: diagnostic.message };
  const bytes = Buffer.from(text);
  const position = (offset: number) => {
    const lines = bytes.subarray(0, offset).toString('utf8').split('\n');
    return { line: lines.length, column: lines.at(-1)!.length + 1 };
  };
  const start = position(span.offset);
  const end = position(span.offset + span.length);
  return {
    file,
    rule: code ? `${code[1]}/${code[2]}` : (diagnostic.code ?? '(oxlint)'),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message: diagnostic.message,
    oxlintColumn: span.column,
  };
}

/** ESLint on `targets` in `dir`, typescript-eslint's parser without a project: the untyped engine. */
export async function runEslintUntyped(dir: string, { rules, settings, globals }: LintSetup, targets: string[] = ['.']): Promise<Finding[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        languageOptions: { parser: tseslint.parser, ...(globals && { globals }) },
        plugins: { unblock },
        rules,
        ...(settings && { settings }),
      },
    ],
  });
  const results = await eslint.lintFiles(targets);
  const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal).map((message) => `${result.filePath}: ${message.message}`));
  if (fatal.length > 0) throw new Error(`ESLint could not parse:\n${fatal.join('\n')}`);
  return sortFindings(
    results.flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(dir, result.filePath).split(path.sep).join('/'),
        rule: message.ruleId ?? '(none)',
        line: message.line,
        column: message.column,
        endLine: message.endLine ?? message.line,
        endColumn: message.endColumn ?? message.column,
        message: message.message,
      })),
    ),
  );
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/** Findings grouped by file, each as `line:column-endLine:endColumn rule message`: what the tests compare. */
export function byFile(findings: readonly Finding[]): Record<string, string[]> {
  const files: Record<string, string[]> = {};
  for (const finding of findings) {
    (files[finding.file] ??= []).push(`${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.rule} ${finding.message}`);
  }
  return files;
}
