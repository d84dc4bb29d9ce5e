// The soak's project (four TypeScript files with direct and indirect blocking calls, three of them open) and the
// text arithmetic of its edits: LSP positions ↔ offsets, applying a change.

// ---------------------------------------------------------------------------------------------------------------
// The project
// ---------------------------------------------------------------------------------------------------------------

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The soak project's files (path → text). Direct findings (`fs.readFileSync`, `crypto.pbkdf2Sync`,
 * `child_process.execSync`) and indirect ones through helper.ts (open, edited) and store.ts (on disk only).
 * `// soak-anchor` marks lines inside async functions where blocking lines are inserted.
 */
export function soakProjectFiles() {
  return {
    'package.json': json({ name: 'unblock-lsp-soak', private: true, type: 'module' }),
    'tsconfig.json': json({
      compilerOptions: {
        strict: true,
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        types: ['node'],
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['src'],
    }),
    'src/main.ts': [
      "import * as crypto from 'node:crypto';",
      "import * as fs from 'node:fs';",
      "import { digest, formatName, loadTemplate } from './helper.js';",
      "import { readJson } from './store.js';",
      '',
      'export async function loadConfig(path: string): Promise<unknown> {',
      "  const text = fs.readFileSync(path, 'utf8'); // soak-anchor",
      '  return JSON.parse(text);',
      '}',
      '',
      'export async function login(user: string, password: string): Promise<string> {',
      "  const key = crypto.pbkdf2Sync(password, 'salt', 100_000, 64, 'sha512'); // soak-anchor",
      "  return `${formatName(user)}:${digest(key.toString('hex'))}`;",
      '}',
      '',
      'export async function render(name: string): Promise<string> {',
      '  const page = loadTemplate(name); // soak-anchor',
      "  return page.replace('{{name}}', name);",
      '}',
      '',
      'export const handler = async (request: { path: string }) => {',
      '  const data = readJson(request.path); // soak-anchor',
      '  return { status: 200, body: JSON.stringify(data) };',
      '};',
      '',
      '/** Runs once at start-up: not async, nothing to report. */',
      'export function startup(path: string): string {',
      "  return fs.readFileSync(path, 'utf8');",
      '}',
      '',
    ].join('\n'),
    'src/routes.ts': [
      "import { execSync } from 'node:child_process';",
      "import { existsSync, statSync } from 'node:fs';",
      "import { loadTemplate } from './helper.js';",
      '',
      'export class Routes {',
      '  async status(dir: string): Promise<string> {',
      "    if (!existsSync(dir)) return 'missing'; // soak-anchor",
      '    return `${statSync(dir).size} bytes`;',
      '  }',
      '',
      '  async version(): Promise<string> {',
      "    return execSync('git rev-parse HEAD').toString().trim(); // soak-anchor",
      '  }',
      '',
      '  page(name: string): Promise<string> {',
      '    return Promise.resolve().then(async () => loadTemplate(name)); // soak-anchor',
      '  }',
      '}',
      '',
    ].join('\n'),
    'src/helper.ts': [
      "import * as crypto from 'node:crypto';",
      "import { readFileSync } from 'node:fs';",
      '',
      '/** Reads a template from disk: its async callers block. */',
      'export function loadTemplate(name: string): string {',
      "  return readFileSync(`templates/${name}.html`, 'utf8'); // soak-anchor",
      '}',
      '',
      'export function digest(input: string): string {',
      "  return crypto.createHash('sha256').update(input).digest('hex'); // soak-anchor",
      '}',
      '',
      'export function formatName(input: string): string {',
      '  return input.trim().toLowerCase(); // soak-anchor',
      '}',
      '',
    ].join('\n'),
    'src/store.ts': [
      "import { readFileSync } from 'node:fs';",
      '',
      '/** Not open in the editor: read from disk. */',
      'export function readJson(file: string): unknown {',
      "  return JSON.parse(readFileSync(file, 'utf8'));",
      '}',
      '',
    ].join('\n'),
  };
}

/** The files opened in the editor; the last is the helper the others call. */
export const soakOpenFiles = ['src/main.ts', 'src/routes.ts', 'src/helper.ts'];

// ---------------------------------------------------------------------------------------------------------------
// Text: LSP positions (UTF-16 code units, as JavaScript strings) ↔ offsets
// ---------------------------------------------------------------------------------------------------------------

export function positionAt(text, offset) {
  let line = 0;
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline === -1 || newline >= offset) return { line, character: offset - start };
    line++;
    start = newline + 1;
  }
}

export function offsetAt(text, position) {
  let start = 0;
  for (let line = 0; line < position.line; line++) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) return text.length;
    start = newline + 1;
  }
  const end = text.indexOf('\n', start);
  return Math.min(start + position.character, end === -1 ? text.length : end);
}

/** Applies one `TextDocumentContentChangeEvent` (a range change, or the whole text). */
export function applyChange(text, change) {
  if (!change.range) return change.text;
  return text.slice(0, offsetAt(text, change.range.start)) + change.text + text.slice(offsetAt(text, change.range.end));
}
