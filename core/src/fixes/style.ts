/**
 * The code style new text follows: quote and semicolons. A project's Prettier settings (`singleQuote`, `semi`) or
 * EditorConfig `quote_type` win; else the file's own imports and statements decide. Config files are read as data
 * (JSON / YAML / INI text handed to pure functions), never loaded as code: `.prettierrc.js` and friends are ignored.
 */
import * as path from 'node:path';
import ts from 'typescript';

export interface CodeStyle {
  readonly quote: "'" | '"';
  readonly semicolons: boolean;
}

export interface StyleSettings {
  readonly quote?: "'" | '"';
  readonly semicolons?: boolean;
}

/** A string literal in the style: `'node:fs'` or `"node:fs"`. */
export function quoted(text: string, style: CodeStyle): string {
  const q = style.quote;
  return q + text.replace(/\\/g, '\\\\').replaceAll(q, `\\${q}`) + q;
}

/** Prettier's `singleQuote` / `semi` from a `.prettierrc` (JSON or YAML), `.prettierrc.json` or `package.json#prettier`. */
export function prettierSettings(text: string, fileName: string): StyleSettings | undefined {
  const base = path.basename(fileName);
  let options: Record<string, unknown> | undefined;
  if (base === 'package.json' || base.endsWith('.json') || /^\s*\{/.test(text)) {
    try {
      const parsed: unknown = JSON.parse(text);
      const section = base === 'package.json' ? (parsed as { prettier?: unknown } | null)?.prettier : parsed;
      options = section && typeof section === 'object' ? (section as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  } else {
    // YAML: top-level `key: value` lines are all these two settings need.
    options = {};
    for (const match of text.matchAll(/^(singleQuote|semi)\s*:\s*(true|false)\s*(?:#.*)?$/gm)) options[match[1]!] = match[2] === 'true';
  }
  if (!options) return undefined;
  return {
    ...(typeof options.singleQuote === 'boolean' && { quote: options.singleQuote ? "'" : '"' }),
    ...(typeof options.semi === 'boolean' && { semicolons: options.semi }),
  };
}

/** EditorConfig's `quote_type` (read by Prettier too) for `fileName`, from one `.editorconfig` in `dir`. */
export function editorconfigSettings(text: string, dir: string, fileName: string): { settings: StyleSettings; root: boolean } {
  const relative = path.relative(dir, fileName).split(path.sep).join('/');
  let root = false;
  let applies = false;
  let quote: StyleSettings['quote'];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s[#;].*$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.*)\]$/.exec(line);
    if (section) {
      applies = globMatches(section[1]!, relative);
      continue;
    }
    const [key, value] = line.split('=').map((part) => part.trim().toLowerCase());
    if (!applies && key === 'root') root = value === 'true';
    if (applies && key === 'quote_type' && (value === 'single' || value === 'double')) quote = value === 'single' ? "'" : '"';
  }
  return { settings: quote ? { quote } : {}, root };
}

/** EditorConfig globs: `*`, `**`, `?`, `{a,b}`; a glob without `/` matches the file name at any depth. */
function globMatches(glob: string, relative: string): boolean {
  const source = glob
    .replace(/[.+^$()|\\]/g, '\\$&')
    .replace(/\*\*/g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '.*')
    .replace(/\?/g, '[^/]')
    .replace(/\{([^}]*)\}/g, (_, alternatives: string) => `(?:${alternatives.split(',').join('|')})`);
  const anchored = glob.includes('/') ? `^${source.replace(/^\//, '')}$` : `(?:^|/)${source}$`;
  return new RegExp(anchored).test(relative);
}

const prettierFiles = ['.prettierrc', '.prettierrc.json', '.prettierrc.yaml', '.prettierrc.yml', 'package.json'];

/** The project's settings for `fileName`: the nearest Prettier config wins over EditorConfig, as in Prettier. */
export function projectStyleSettings(fileName: string, readFile: (file: string) => string | undefined = ts.sys.readFile): StyleSettings {
  let prettier: StyleSettings | undefined;
  let editorconfig: StyleSettings = {};
  let editorconfigDone = false;
  for (let dir = path.dirname(fileName); ; dir = path.dirname(dir)) {
    for (const name of prettier ? [] : prettierFiles) {
      const text = readFile(path.join(dir, name));
      if (text === undefined) continue;
      if (name === 'package.json' && !/"prettier"\s*:/.test(text)) continue;
      prettier = prettierSettings(text, name) ?? {};
      break;
    }
    if (!editorconfigDone) {
      const text = readFile(path.join(dir, '.editorconfig'));
      if (text !== undefined) {
        const found = editorconfigSettings(text, dir, fileName);
        editorconfig = { ...found.settings, ...editorconfig }; // nearer files win
        editorconfigDone = found.root;
      }
    }
    if ((prettier && editorconfigDone) || path.dirname(dir) === dir || path.basename(dir) === 'node_modules') break;
  }
  return { ...editorconfig, ...prettier };
}

/** The file's own style: the quote of its import specifiers (else of its strings) and whether statements end with `;`. */
export function fileStyle(sourceFile: ts.SourceFile, settings: StyleSettings = {}): CodeStyle {
  let single = 0;
  let double = 0;
  let importSingle = 0;
  let importDouble = 0;
  let withSemicolon = 0;
  let without = 0;
  const text = sourceFile.text;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && !ts.isJsxAttribute(node.parent)) {
      const isSpecifier = ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent) || ts.isExternalModuleReference(node.parent) ||
        (ts.isCallExpression(node.parent) && ts.isIdentifier(node.parent.expression) && node.parent.expression.text === 'require');
      const quote = text[node.getStart(sourceFile)];
      if (quote === "'" && isSpecifier) importSingle++;
      else if (quote === "'") single++;
      else if (quote === '"' && isSpecifier) importDouble++;
      else if (quote === '"') double++;
    }
    if (endsWithOptionalSemicolon(node)) {
      if (text[node.end - 1] === ';') withSemicolon++;
      else without++;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const fromImports = importSingle + importDouble > 0;
  const fileQuote = (fromImports ? importDouble > importSingle : double > single) ? '"' : "'";
  return { quote: settings.quote ?? fileQuote, semicolons: settings.semicolons ?? (without === 0 || withSemicolon >= without) };
}

function endsWithOptionalSemicolon(node: ts.Node): boolean {
  return (
    ts.isExpressionStatement(node) || ts.isVariableStatement(node) || ts.isReturnStatement(node) || ts.isImportDeclaration(node) ||
    ts.isImportEqualsDeclaration(node) || ts.isThrowStatement(node) || ts.isExportAssignment(node) ||
    (ts.isExportDeclaration(node) && !!node.moduleSpecifier)
  );
}
