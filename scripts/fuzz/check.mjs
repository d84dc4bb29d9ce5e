// Linting a generated program with both rules (untyped with espree and @typescript-eslint/parser, typed as a file
// of fixtures/typed) and checking it: no rule throws, and every suggestion leaves a program that still parses.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Random } from '../lib/random.mjs';
import { allCategoriesOn, typedProjectDir } from './programs.mjs';

const require = createRequire(import.meta.url);

/**
 * Which (empty) file of fixtures/typed a program is linted as, with type information: scripts as `script.js`,
 * modules mostly as `file.ts`, some generated ones as `file.mts` (ESM output) or `file.cts` (CommonJS output).
 */
export function typedFilename(program) {
  if (program.sourceType === 'script') return 'script.js';
  if (program.generator !== 'domain') return 'file.ts';
  return new Random(program.seed ^ 0x2545f491).weighted([[6, 'file.ts'], [2, 'file.mts'], [program.language === 'ts' ? 2 : 0, 'file.cts']]);
}

/** The `context` option a generated program is linted with: mostly the default. */
export function contextFor(seed) {
  return new Random(seed ^ 0x68e31da4).weighted([[6, 'async'], [1, 'function'], [1, 'everywhere']]);
}

/**
 * @param {{ plugin: unknown, typedDir?: string }} options `plugin`: eslint-plugin-unblock (the built package, or
 * eslint-plugin/src/index.ts from a test).
 */
export function createFuzzer({ plugin, typedDir = typedProjectDir }) {
  const { Linter } = require('eslint');
  const tsParser = require('@typescript-eslint/parser');
  const ts = require('typescript');
  const linter = new Linter({ cwd: typedDir });
  const files = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts'];
  const rulesFor = (context) => ({
    'unblock/no-blocking-call': ['error', { categories: allCategoriesOn, context }],
    'unblock/no-indirect-blocking-call': ['error', { categories: allCategoriesOn, context }],
  });
  // Node's globals, as a Node project's config declares them: without `require`, import tracking (untyped) has no
  // CommonJS to follow.
  const globals = { require: 'readonly', module: 'writable', exports: 'writable', process: 'readonly', Buffer: 'readonly', console: 'readonly' };
  const languageOptions = (mode, sourceType) => {
    if (mode === 'espree') return { ecmaVersion: 'latest', sourceType, globals };
    const parserOptions =
      mode === 'typed' ? { project: './tsconfig.json', tsconfigRootDir: typedDir, disallowAutomaticSingleRunInference: true } : {};
    return { ecmaVersion: 'latest', sourceType, globals, parser: tsParser, parserOptions };
  };
  const defaultFilename = (mode, program) =>
    mode === 'typed'
      ? path.join(typedDir, typedFilename(program))
      : path.join(typedDir, program.language === 'ts' ? 'untyped-virtual.ts' : 'untyped-virtual.js');

  /** Does `code` parse with the parser of `mode` (the typed parser re-parses without a project)? */
  function parses(code, mode, sourceType, filename) {
    const reparseMode = mode === 'typed' ? 'ts' : mode;
    const config = { files, languageOptions: languageOptions(reparseMode, sourceType) };
    const fatal = linter.verify(code, config, { filename }).find((message) => message.fatal);
    return fatal ? `${fatal.line}:${fatal.column} ${fatal.message}` : undefined;
  }

  /**
   * A stricter check than the parser of the mode: the program, its TypeScript erased, parses with espree (as a
   * module for TypeScript, which may use `import`). typescript-estree accepts `await` outside async functions and
   * class fields; espree does not.
   */
  function strictParseError(code, program) {
    let js = code;
    let sourceType = program.sourceType;
    if (program.language === 'ts') {
      const out = ts.transpileModule(code, {
        reportDiagnostics: true,
        compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.Preserve, verbatimModuleSyntax: false },
      });
      if (out.diagnostics?.length) return `TypeScript: ${ts.flattenDiagnosticMessageText(out.diagnostics[0].messageText, '\n')}`;
      js = out.outputText;
      sourceType = 'module';
    }
    const fatal = linter
      .verify(js, { files, languageOptions: languageOptions('espree', sourceType) }, { filename: path.join(typedDir, 'strict.js') })
      .find((message) => message.fatal);
    return fatal ? `espree ${fatal.line}:${fatal.column} ${fatal.message}` : undefined;
  }

  /**
   * How many TypeScript-only nodes (type arguments, annotations, `as`) typescript-estree finds in `code` read as
   * TypeScript. A suggestion must not add any to a JavaScript file: espree (and TypeScript's own JavaScript mode)
   * read `f<typeof import('x')>(y)` as two comparisons, so the result parses, but means something else.
   */
  function typescriptNodes(code) {
    let count = 0;
    const visit = (node) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node.type !== 'string') return;
      if (node.type.startsWith('TS')) count++;
      for (const [key, value] of Object.entries(node)) if (key !== 'parent' && value && typeof value === 'object') visit(value);
    };
    try {
      visit(tsParser.parse(code, { filePath: 'probe.ts', range: false, loc: false, comment: false, tokens: false }));
    } catch {
      return -1;
    }
    return count;
  }

  /** typescript-estree's tree of `code` (as the file `filename` would be read), or its parse error. */
  function estree(code, filename, sourceType) {
    try {
      return { ast: tsParser.parse(code, { filePath: filename, sourceType, range: false, loc: false, comment: false, tokens: false }) };
    } catch (error) {
      return { error: `${error.lineNumber ?? '?'}:${error.column ?? '?'} Parsing error: ${error.message}` };
    }
  }

  /**
   * How many statements there are inside functions and blocks (not at the top level, where suggestions add
   * imports). A suggestion rewrites one expression, so this must not change: when it does, the rewrite joined two
   * statements, as `(await x).y` does at the start of a line after one without a semicolon (`a = 1\n(await …)`).
   */
  function nestedStatements(ast) {
    let count = 0;
    const visit = (node, topLevel) => {
      if (Array.isArray(node)) return node.forEach((child) => visit(child, topLevel));
      if (!node || typeof node.type !== 'string') return;
      if (!topLevel && /Statement$|Declaration$/.test(node.type)) count++;
      for (const [key, value] of Object.entries(node)) {
        if (key !== 'parent' && value && typeof value === 'object') visit(value, node.type === 'Program' && key === 'body');
      }
    };
    visit(ast, false);
    return count;
  }

  /**
   * Lints `program` in `mode` ('espree' | 'ts' | 'typed'), applies every suggestion and re-parses the result.
   * @returns {{ mode, filename, parsed: boolean, findings: number, suggestions: number, failures: object[] }}
   */
  function check(program, mode, { filename = defaultFilename(mode, program), context = 'async' } = {}) {
    const config = [{ files, languageOptions: languageOptions(mode, program.sourceType), plugins: { unblock: plugin }, rules: rulesFor(context) }];
    const result = { mode, filename, parsed: true, findings: 0, suggestions: 0, failures: [] };
    const about = { mode, filename, context, code: program.code, seed: program.seed, ...(program.name && { source: program.name }) };
    let messages;
    try {
      messages = linter.verify(program.code, config, { filename });
    } catch (error) {
      result.failures.push({ kind: 'crash', ...about, error: error?.stack ?? String(error) });
      return result;
    }
    if (messages.some((message) => message.fatal)) {
      result.parsed = false;
      return result;
    }
    // TypeScript syntax is fine in a virtual .ts/.mts/.cts file, even when the program was written as JavaScript.
    const strictAs = { sourceType: program.sourceType, language: /\.[cm]?tsx?$/.test(filename) ? 'ts' : program.language };
    let strictBefore; // computed once, when there is a suggestion to compare with
    const javascriptFile = /\.[cm]?jsx?$/.test(filename);
    let typescriptBefore;
    let statementsBefore;
    /** Why the program after a suggestion is broken, or undefined. */
    const verifySuggestion = (output) => {
      // 1. It parses with the parser of the mode (typescript-estree for typed and untyped-ts modes).
      const after = mode === 'espree' ? undefined : estree(output, filename, program.sourceType);
      const parseError = mode === 'espree' ? parses(output, mode, program.sourceType, filename) : after.error;
      if (parseError) return parseError;
      // 2. Erased of types, it parses with espree, which knows where `await` may go.
      if (strictHolds()) {
        const strictError = strictParseError(output, strictAs);
        if (strictError) return strictError;
      }
      // 3. A JavaScript file gets no TypeScript syntax.
      typescriptBefore ??= javascriptFile ? typescriptNodes(program.code) : -1;
      if (typescriptBefore >= 0 && typescriptNodes(output) > typescriptBefore) {
        return 'TypeScript syntax added to a JavaScript file (espree reads `f<T>(x)` as comparisons)';
      }
      // 4. No statements joined or split.
      const before = (statementsBefore ??= estree(program.code, filename, program.sourceType)).ast;
      const afterAst = after?.ast ?? estree(output, filename, program.sourceType).ast;
      if (before && afterAst && nestedStatements(before) !== nestedStatements(afterAst)) {
        return `${nestedStatements(before)} statements inside functions before, ${nestedStatements(afterAst)} after: the rewrite joined or split statements (ASI)`;
      }
      return undefined;
    };
    const strictHolds = () => (strictBefore ??= { error: strictParseError(program.code, strictAs) }).error === undefined;
    for (const message of messages) {
      if (!message.ruleId?.startsWith('unblock/')) continue;
      result.findings++;
      for (const suggestion of message.suggestions ?? []) {
        result.suggestions++;
        const { range, text } = suggestion.fix;
        const output = program.code.slice(0, range[0]) + text + program.code.slice(range[1]);
        const error = verifySuggestion(output);
        if (error) {
          result.failures.push({
            kind: 'bad-suggestion',
            ...about,
            error,
            rule: message.ruleId,
            message: message.message,
            suggestion: suggestion.desc,
            output,
          });
        }
      }
    }
    return result;
  }

  return { check, parses, strictParseError };
}
