/**
 * Findings of the core → LSP diagnostics: worded by the core's messages, at the severity the settings or the ESLint
 * config give, carrying their fixes so code actions need no second analysis.
 */
import { eslintRuleName, formatMessage, ruleDocsUrl, ruleNames, type Finding, type Fix } from 'unblock-core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { EslintRules } from 'unblock-core';
import { fileNameToUri, uriToFileName } from './paths.js';
import type { SeverityName, UnblockSettings } from './settings.js';

export const source = 'unblock';

export { eslintRuleName } from 'unblock-core';

export interface LspFix {
  readonly title: string;
  readonly kind: Fix['kind'];
  readonly safety: Fix['safety'];
  readonly edits: readonly TextEdit[];
}

/** What `Diagnostic.data` holds. */
export interface DiagnosticData {
  readonly uri: string;
  /** The document version the fixes' edits apply to. */
  readonly version: number;
  /** The rule the finding is reported under: `no-blocking-call`. */
  readonly ruleId: string;
  readonly fixes: readonly LspFix[];
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<DiagnosticData>;
  return typeof data.uri === 'string' && typeof data.version === 'number' && typeof data.ruleId === 'string' && Array.isArray(data.fixes);
}

export const severities: Readonly<Record<SeverityName, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The severity to report `finding` with: `unblock.categorySeverity` for its category, else the workspace's ESLint
 * config, else `unblock.severity`. Undefined when the ESLint config turns its rule off or the category is `off`.
 */
export function severityOf(finding: Finding, eslint: EslintRules | undefined, settings: UnblockSettings): DiagnosticSeverity | undefined {
  const configured = eslint?.rules.get(eslintRuleName(ruleNames[finding.kind]));
  if (configured?.severity === 0) return undefined;
  // `user`: APIs from `unblock.deny` and `@blocking` tags, which no category switch covers either.
  const category = finding.api.category;
  const override = category === 'user' ? undefined : settings.categorySeverity[category];
  if (override !== undefined) return override === 'off' ? undefined : severities[override];
  if (!configured) return severities[settings.severity];
  return configured.severity === 1 ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
}

export function rangeOf(document: TextDocument, range: readonly [start: number, end: number]): Range {
  return { start: document.positionAt(range[0]), end: document.positionAt(range[1]) };
}

export function toDiagnostic(finding: Finding, document: TextDocument, severity: DiagnosticSeverity): Diagnostic {
  const rule = ruleNames[finding.kind];
  const data: DiagnosticData = {
    uri: document.uri,
    version: document.version,
    ruleId: rule,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      kind: fix.kind,
      safety: fix.safety,
      edits: fix.edits.map((edit) => ({ range: rangeOf(document, edit.range), newText: edit.text })),
    })),
  };
  const diagnostic: Diagnostic = {
    range: rangeOf(document, finding.range),
    severity,
    source,
    code: rule,
    codeDescription: { href: ruleDocsUrl(rule) },
    message: formatMessage(finding, uriToFileName(document.uri) ?? ''),
    data,
  };
  const runner = finding.context.fn;
  if (runner) {
    const message = finding.context.kind === 'async' ? 'the async function that runs it' : 'the function that runs it';
    diagnostic.relatedInformation = [{ location: { uri: document.uri, range: rangeOf(document, runner.range) }, message }];
  }
  // A call in a local helper: where async code calls the helper.
  for (const call of finding.context.calledFrom ?? []) {
    (diagnostic.relatedInformation ??= []).push({ location: { uri: document.uri, range: rangeOf(document, call) }, message: 'called here from async code' });
  }
  // Indirect findings: each step of the chain, down to the blocking call.
  finding.chain?.forEach((link, index, chain) => {
    const position = { line: link.line - 1, character: link.character };
    const next = chain[index + 1];
    (diagnostic.relatedInformation ??= []).push({
      location: { uri: fileNameToUri(link.file), range: { start: position, end: position } },
      message: next ? `\`${link.label}\` calls \`${next.label}\`` : `\`${link.label}\` blocks here`,
    });
  });
  return diagnostic;
}

/** The one diagnostic of a file too large to analyse, saying so. */
export function skippedDiagnostic(bytes: number, limit: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source,
    code: 'file-too-large',
    message: `unblock did not analyse this file: it is ${megabytes(bytes)}, over the ${megabytes(limit)} limit (setting unblock.maxFileSize).`,
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}
