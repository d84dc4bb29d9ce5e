// The language-server soak: a small project, a seeded generator of editor edits (blocking calls typed and removed,
// random deletions, syntax breakage, undo, cross-file edits) and the loop that drives a server with them. Shared
// by scripts/bench/lsp-soak.mjs (2,000 edits, RSS) and language-server/tests/soak.test.ts (a shorter slice), both
// driving the shared LSP client (scripts/lib/lsp-client.mjs) through `soakDriver`.
//
// The edits depend on the seed only, never on the server's answers, so a seed and an edit index reproduce a state.

import * as path from 'node:path';
import { Random } from '../lib/random.mjs';
import { CancellationTokenSource, uriOf } from '../lib/lsp-client.mjs';

export const defaultSeed = 0x50a4;
export const defaultEdits = 2000;

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

// ---------------------------------------------------------------------------------------------------------------
// The edit generator
// ---------------------------------------------------------------------------------------------------------------

/** Lines with blocking calls, per file: direct calls, and calls of helpers that block (indirect findings). */
const blockingLines = {
  'src/main.ts': [
    "fs.readFileSync('soak.txt', 'utf8');",
    "fs.writeFileSync('soak.txt', 'x');",
    "crypto.pbkdf2Sync('pw', 'salt', 1000, 32, 'sha256');",
    "loadTemplate('soak');",
    "readJson('soak.json');",
    "JSON.parse(fs.readFileSync('x.json', 'utf8'));",
    "await fs.promises.readFile('soak.txt');",
  ],
  'src/routes.ts': ["existsSync('soak');", "execSync('true');", "statSync('.').size;", "loadTemplate('soak');", 'await Promise.resolve();'],
  'src/helper.ts': ["readFileSync('x', 'utf8');", 'crypto.randomBytes(8);', "crypto.pbkdf2Sync('a', 'b', 1, 1, 'sha1');"],
};

/** What a half-finished edit leaves behind. */
const breakages = [
  '{',
  '}',
  '(',
  ')',
  '[',
  'async ',
  'await ',
  'fs.readFi',
  'readFileS',
  "'unterminated",
  '"oops',
  '`tmpl ${',
  '`',
  '/* open',
  '*/',
  '=> {',
  '<T>(',
  'function (',
  'class {',
  '@',
  '#',
  '\\',
  'import ',
  'export default ',
  ';;',
  '?.',
  '// ',
  'é',
  ' as any',
  'yield ',
  'const = ',
  '\n}\n',
  "\nasync function broken() {\n  fs.readFileSync('x')\n",
  '\n<div>{\n',
];

/** Cross-file edits of helper.ts that change its callers' indirect findings: each toggles between two texts. */
const helperToggles = [
  ['return input.trim().toLowerCase();', "return readFileSync(input, 'utf8');"],
  ['export function digest(', '/** @blocking */\nexport function digest('],
  ['export function loadTemplate(', 'export function loadTemplat('],
  ["readFileSync(`templates/${name}.html`, 'utf8')", '`<p>${name}</p>`'],
];

/**
 * Generates edits of the open files from a seed and keeps their texts and versions, as an editor does. Each
 * `nextEdit()` is one `textDocument/didChange`: `{ index, file, version, changes, kind }`, already applied to `texts`.
 */
export class SoakEditor {
  constructor({ seed = defaultSeed, files = soakProjectFiles(), open = soakOpenFiles } = {}) {
    this.random = new Random(seed);
    this.original = new Map(open.map((file) => [file, files[file]]));
    this.texts = new Map(this.original);
    this.versions = new Map(open.map((file) => [file, 1]));
    /** Per file, the inverse of each edit not undone yet (offsets in the text right after that edit). */
    this.undoStacks = new Map(open.map((file) => [file, []]));
    this.open = open;
    this.helper = open[open.length - 1];
    this.count = 0;
    this.counter = 0;
    /** A snippet being typed, one to three characters per edit: `{ file, offset, rest, typed, stackDepth }`. */
    this.typing = undefined;
  }

  /** True while a snippet is being typed: the next edit continues it. */
  get isTyping() {
    return this.typing !== undefined;
  }

  nextEdit() {
    const { random } = this;
    let edit;
    if (this.typing) edit = this.continueTyping();
    else {
      const file = random.weighted({ [this.open[0]]: 45, [this.open[1]]: 30, [this.helper]: 25 });
      const text = this.texts.get(file);
      const depth = this.undoStacks.get(file).length;
      // Keep the file near real code: undo grows likelier with the edits piled up, and a runaway file is reset.
      const kind =
        text.length > 3 * this.original.get(file).length
          ? 'reset'
          : random.weighted({
              'blocking-line': 14,
              'remove-line': 7,
              'delete-range': 8,
              breakage: 14,
              type: 5,
              'helper-toggle': file === this.helper ? 25 : 0,
              'multi-change': 4,
              undo: depth === 0 ? 0 : 4 + Math.min(26, depth * 0.8),
              'undo-burst': depth >= 8 ? 3 : 0,
              reset: 0.3,
            });
      edit = this.make(file, kind);
    }
    this.count++;
    // Versions increase; now and then one is skipped, which LSP allows.
    const version = this.versions.get(edit.file) + (random.chance(0.03) ? 2 : 1);
    this.versions.set(edit.file, version);
    return { index: this.count, version, ...edit };
  }

  make(file, kind) {
    const { random } = this;
    const text = this.texts.get(file);
    switch (kind) {
      case 'blocking-line': {
        const line = this.insertionLine(file);
        const prefix = random.chance(0.4) ? `const soak${++this.counter} = ` : '';
        const indent = random.pick(['  ', '    ', '\t']);
        const at = lineStart(text, line);
        return { file, kind, changes: [this.replace(file, at, at, `${indent}${prefix}${random.pick(blockingLines[file])}\n`)] };
      }
      case 'remove-line': {
        const line = random.int(0, lineCount(text) - 1);
        return { file, kind, changes: [this.replace(file, lineStart(text, line), lineStart(text, line + 1), '')] };
      }
      case 'delete-range': {
        const start = random.int(0, text.length);
        const end = Math.min(text.length, start + (random.chance(0.2) ? random.int(20, 200) : random.int(1, 20)));
        return { file, kind, changes: [this.replace(file, start, end, '')] };
      }
      case 'breakage': {
        const at = random.int(0, text.length);
        return { file, kind, changes: [this.replace(file, at, at, random.pick(breakages))] };
      }
      case 'type': {
        const line = this.insertionLine(file);
        const snippet = `  ${random.pick([...blockingLines[file], ...breakages.filter((item) => item.length > 4)])}\n`;
        // A fifth of the snippets are abandoned half-way (`fs.readFi`): the rest is never typed.
        const abandonAt = random.chance(0.2) ? random.int(1, snippet.length - 1) : snippet.length;
        this.typing = { file, offset: lineStart(text, line), rest: snippet.slice(0, abandonAt), typed: 0, stackDepth: this.undoStacks.get(file).length };
        return this.continueTyping();
      }
      case 'helper-toggle': {
        const toggles = helperToggles.flatMap(([a, b]) => [
          ...(text.includes(b) ? [[b, a]] : []),
          ...(text.includes(a) && !text.includes(b) ? [[a, b]] : []),
        ]);
        if (toggles.length === 0) return this.make(file, 'breakage');
        const [from, to] = random.pick(toggles);
        const start = text.indexOf(from);
        return { file, kind, changes: [this.replace(file, start, start + from.length, to)] };
      }
      case 'multi-change': {
        // Two changes in one notification: each applies to the text the previous one left.
        const first = random.int(0, text.length);
        const changes = [this.replace(file, first, first, random.pick(breakages))];
        const after = this.texts.get(file);
        const second = random.int(0, after.length);
        changes.push(this.replace(file, second, Math.min(after.length, second + random.int(0, 12)), random.pick(['', ';', ' ', '\n'])));
        return { file, kind, changes };
      }
      case 'undo':
      case 'undo-burst': {
        // Editor undo: the inverses, newest first; a burst sends several in one notification.
        const stack = this.undoStacks.get(file);
        const count = kind === 'undo' ? 1 : Math.min(stack.length, random.int(2, 6));
        const changes = [];
        for (let step = 0; step < count; step++) {
          const inverse = stack.pop();
          const current = this.texts.get(file);
          const change = { range: { start: positionAt(current, inverse.start), end: positionAt(current, inverse.end) }, text: inverse.text };
          this.texts.set(file, applyChange(current, change));
          changes.push(change);
        }
        return { file, kind, changes };
      }
      case 'reset': {
        // "Revert file": the whole text in one change without a range.
        this.texts.set(file, this.original.get(file));
        this.undoStacks.set(file, []);
        return { file, kind, changes: [{ text: this.original.get(file) }] };
      }
      default:
        throw new Error(`unknown edit kind ${kind}`);
    }
  }

  continueTyping() {
    const typing = this.typing;
    const chunk = typing.rest.slice(typing.typed, typing.typed + this.random.pick([1, 1, 1, 2, 3]));
    const at = typing.offset + typing.typed;
    typing.typed += chunk.length;
    const change = this.replace(typing.file, at, at, chunk);
    if (typing.typed >= typing.rest.length) {
      this.typing = undefined;
      // The typed snippet is undone as one unit, as editors group typing.
      const stack = this.undoStacks.get(typing.file);
      stack.length = typing.stackDepth;
      stack.push({ start: typing.offset, end: typing.offset + typing.typed, text: '' });
    }
    return { file: typing.file, kind: 'type', changes: [change] };
  }

  /** A range change from offsets of the file's current text; applies it and records its inverse for undo. */
  replace(file, start, end, newText) {
    const text = this.texts.get(file);
    const change = { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: newText };
    this.texts.set(file, applyChange(text, change));
    this.undoStacks.get(file).push({ start, end: start + newText.length, text: text.slice(start, end) });
    return change;
  }

  /** Where a blocking line goes: after a `// soak-anchor` line mostly (inside an async function), else anywhere. */
  insertionLine(file) {
    const lines = this.texts.get(file).split('\n');
    const anchors = lines.flatMap((line, index) => (line.includes('// soak-anchor') ? [index + 1] : []));
    return anchors.length > 0 && this.random.chance(0.7) ? this.random.pick(anchors) : this.random.int(0, lines.length - 1);
  }
}

function lineCount(text) {
  return text.split('\n').length;
}

/** The offset where `line` starts (the text's end past its last line). */
function lineStart(text, line) {
  let start = 0;
  for (let index = 0; index < line; index++) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) return text.length;
    start = newline + 1;
  }
  return start;
}

// ---------------------------------------------------------------------------------------------------------------
// Diagnostics comparison
// ---------------------------------------------------------------------------------------------------------------

/** What must match between two servers: range, code and message (sorted: equal positions have no fixed order). */
export function diagnosticKeys(items) {
  const at = (position) => `${position.line + 1}:${position.character + 1}`;
  return items.map((item) => `${at(item.range.start)}-${at(item.range.end)} ${String(item.code)} ${item.message}`).sort();
}

/** Per file, the diagnostics only `actual` has (stale) and only `expected` has (missing). */
export function compareDiagnostics(actual, expected) {
  const differences = [];
  for (const [file, items] of expected) {
    const want = diagnosticKeys(items);
    const got = diagnosticKeys(actual.get(file) ?? []);
    const stale = got.filter((key) => !want.includes(key));
    const missing = want.filter((key) => !got.includes(key));
    for (const key of stale) differences.push({ file, kind: 'stale', key });
    for (const key of missing) differences.push({ file, kind: 'missing', key });
  }
  return differences;
}

// ---------------------------------------------------------------------------------------------------------------
// The soak loop
// ---------------------------------------------------------------------------------------------------------------

const cancelledCodes = new Set([-32800, -32802]); // RequestCancelled, ServerCancelled
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

/**
 * Drives a server with `edits` generated edits of the open files of the soak project (already on disk, opened
 * here). After an edit: keep typing, pull the edited file (sometimes with edits racing the pull, sometimes
 * cancelled), pull every open file (also when the server asked for a refresh), or ask for code actions.
 *
 * `driver`: `open(file, text, version)`, `change(file, version, changes)`, `pull(file, previousResultId, { cancel })`
 * → a DocumentDiagnosticReport (rejects with the response error), `codeActions(file, range, diagnostics, only)`,
 * `takeRefresh()` (a refresh was asked for since the last call), `alive()`, `loggedErrors()` (error log lines).
 * `fresh(texts)`: a new server's diagnostics of these texts (Map file → Diagnostic[]), the reference at each
 * checkpoint (every `checkpointEvery` edits and after the last). `settleAt`: edit indexes after which (and after
 * the last edit) the loop settles (pending answers in, every file pulled, `settleMs` idle) and calls
 * `onSettled(label, index)`, for memory readings.
 */
export async function runSoak({
  driver,
  fresh,
  seed = defaultSeed,
  edits = defaultEdits,
  checkpointEvery = Infinity,
  settleAt = [],
  settleMs = 0,
  onSettled = async () => {},
  onProgress = () => {},
}) {
  const editor = new SoakEditor({ seed });
  const schedule = new Random(seed ^ 0x5c4ed);
  // Choices that depend on the server's answers (which diagnostic to ask code actions for) use their own
  // generator, so they never shift the edits.
  const answers = new Random(seed ^ 0xa115);
  const result = {
    seed,
    edits: 0,
    kinds: {},
    pulls: 0,
    unchanged: 0,
    pullMs: [],
    cancelled: 0,
    codeActions: 0,
    errors: [],
    stalePulls: [],
    checkpoints: [],
    texts: editor.texts,
    finalDiagnostics: new Map(),
  };
  /** The client's view per file: the last report's result id and items. */
  const views = new Map();
  let racing = [];
  let raceEdits = 0;
  let index = 0;

  const pull = async (file, { quiet = true, cancel = false } = {}) => {
    const previous = views.get(file);
    const started = now();
    result.pulls++;
    try {
      const report = await driver.pull(file, previous?.resultId, { cancel });
      if (report?.kind === 'unchanged' && previous && report.resultId === previous.resultId) {
        views.set(file, previous);
        result.unchanged++;
        if (quiet && !cancel) {
          // "Unchanged" keeps what the client shows: check it against a full report of the same version.
          const full = await driver.pull(file, undefined, { cancel: false });
          const [kept, current] = [diagnosticKeys(previous.items), diagnosticKeys(full.items ?? [])];
          if (kept.join('\n') !== current.join('\n')) {
            result.stalePulls.push(
              `seed ${seed}, edit ${index}: ${file}: answered "unchanged" (result ${previous.resultId}), but a full pull differs: ` +
                `kept [${kept.filter((key) => !current.includes(key)).join('; ')}], missing [${current.filter((key) => !kept.includes(key)).join('; ')}]`,
            );
          }
          views.set(file, { resultId: full.resultId, items: full.items ?? [] });
        }
      } else if (report?.kind === 'full' && Array.isArray(report.items)) {
        views.set(file, { resultId: report.resultId, items: report.items });
      } else {
        result.errors.push(`seed ${seed}, edit ${index}: ${file}: unexpected diagnostic report ${JSON.stringify(report)?.slice(0, 200)}`);
        return;
      }
      if (!quiet || cancel) return;
      if (index > 0) result.pullMs.push(now() - started); // not the first pulls, which load the project
      // Nothing was sent while this pull ran: its findings are for the current version.
      const version = editor.versions.get(file);
      const old = views.get(file).items.filter((item) => typeof item.data?.version === 'number' && item.data.version !== version);
      if (old.length > 0) {
        result.stalePulls.push(`seed ${seed}, edit ${index}: ${file}: a pull at version ${version} returned ${old.length} diagnostics of version ${old[0].data.version}`);
      }
    } catch (error) {
      if (cancelledCodes.has(error?.code)) result.cancelled++;
      else result.errors.push(`seed ${seed}, edit ${index}: textDocument/diagnostic of ${file} failed: ${error?.message ?? error}`);
    }
  };
  const awaitRacing = async () => {
    await Promise.all(racing);
    racing = [];
  };
  const pullAll = async () => {
    await awaitRacing();
    driver.takeRefresh();
    for (const file of soakOpenFiles) await pull(file);
    return new Map(soakOpenFiles.map((file) => [file, views.get(file)?.items ?? []]));
  };
  const codeActions = async (file) => {
    const text = editor.texts.get(file);
    const items = views.get(file)?.items ?? [];
    const diagnostic = items.length > 0 ? answers.pick(items) : undefined;
    const at = positionAt(text, answers.int(0, text.length));
    const range = diagnostic?.range ?? { start: at, end: at };
    const only = answers.chance(0.2) ? ['source.fixAll.unblock'] : undefined;
    result.codeActions++;
    try {
      const actions = await driver.codeActions(file, range, diagnostic ? [diagnostic] : [], only);
      if (actions !== null && !Array.isArray(actions)) throw new Error(`not an array: ${JSON.stringify(actions).slice(0, 200)}`);
      // The actions are for the current text (nothing was sent meanwhile): their edits must lie inside it.
      const lines = text.split('\n');
      const inside = (position) => position.line < lines.length && position.character <= lines[position.line].length;
      for (const action of actions ?? []) {
        for (const edit of Object.values(action.edit?.changes ?? {}).flat()) {
          if (!inside(edit.range.start) || !inside(edit.range.end)) {
            result.errors.push(`seed ${seed}, edit ${index}: ${file}: code action "${action.title}" edits outside the text: ${JSON.stringify(edit.range)}`);
          }
        }
      }
    } catch (error) {
      result.errors.push(`seed ${seed}, edit ${index}: textDocument/codeAction of ${file} failed: ${error?.message ?? error}`);
    }
  };
  const checkpoint = async () => {
    const actual = await pullAll();
    const expected = await fresh(new Map(editor.texts));
    const differences = compareDiagnostics(actual, expected).map(
      (difference) =>
        `seed ${seed}, after edit ${index}: ${difference.file}: ` +
        `${difference.kind === 'stale' ? 'only the soaked server reports' : 'only a fresh server reports'} ${difference.key}`,
    );
    result.checkpoints.push({ index, differences });
    return actual;
  };
  const settle = async (label) => {
    await pullAll();
    await sleep(settleMs);
    await onSettled(label, index);
  };

  for (const file of soakOpenFiles) await driver.open(file, editor.texts.get(file), editor.versions.get(file));
  await pullAll();

  for (index = 1; index <= edits; index++) {
    if (!driver.alive()) {
      result.errors.push(`seed ${seed}: the server exited before edit ${index}`);
      break;
    }
    const edit = editor.nextEdit();
    result.kinds[edit.kind] = (result.kinds[edit.kind] ?? 0) + 1;
    await driver.change(edit.file, edit.version, edit.changes);
    result.edits = index;
    onProgress(index);

    if (raceEdits > 0 && --raceEdits === 0) await awaitRacing();
    if (raceEdits === 0) {
      // What the editor does now: mostly nothing while typing, a pull after most other edits.
      const next = schedule.weighted(
        editor.isTyping
          ? { type: 75, pull: 20, race: 5 }
          : { type: 25, pull: 45, 'pull-all': 10, race: 8, cancel: 4, 'code-action': 8 },
      );
      if (next === 'pull' || next === 'code-action') {
        if (driver.takeRefresh()) await pullAll();
        else await pull(edit.file);
        if (next === 'code-action') await codeActions(edit.file);
      } else if (next === 'pull-all') {
        await pullAll();
      } else if (next === 'race') {
        // The pull is answered while the next edits arrive.
        racing.push(pull(edit.file, { quiet: false }));
        raceEdits = schedule.int(1, 3);
      } else if (next === 'cancel') {
        await pull(edit.file, { cancel: true });
      }
    }
    if (index % checkpointEvery === 0 && index < edits) await checkpoint();
    if (settleAt.includes(index) && index < edits) await settle('warm-up');
  }
  index = result.edits;
  await settle('end');
  result.finalDiagnostics = await checkpoint();
  result.errors.push(...driver.loggedErrors().map((line) => `seed ${seed}: the server logged an error: ${line}`));
  if (!driver.alive()) result.errors.push(`seed ${seed}: the server exited during the soak`);
  return result;
}

/** The soak's `driver` over an LSP client (scripts/lib/lsp-client.mjs) of a server whose workspace is `dir`. */
export function soakDriver(client, dir, { timeoutMs = 60_000 } = {}) {
  const uri = (file) => uriOf(path.join(dir, file));
  let refreshes = client.refreshRequests;
  return {
    open: (file, text, version) => client.notify('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'typescript', version, text } }),
    change: (file, version, contentChanges) => client.notify('textDocument/didChange', { textDocument: { uri: uri(file), version }, contentChanges }),
    pull: (file, previousResultId, { cancel }) => {
      const source = new CancellationTokenSource();
      const params = { textDocument: { uri: uri(file) }, ...(previousResultId && { previousResultId }) };
      const answer = client.request('textDocument/diagnostic', params, { timeoutMs, token: source.token, what: `textDocument/diagnostic of ${file}` });
      if (cancel) setImmediate(() => source.cancel());
      return answer;
    },
    codeActions: (file, range, diagnostics, only) =>
      client.request('textDocument/codeAction', { textDocument: { uri: uri(file) }, range, context: { diagnostics, ...(only && { only }) } }, { timeoutMs }),
    takeRefresh: () => {
      const asked = client.refreshRequests > refreshes;
      refreshes = client.refreshRequests;
      return asked;
    },
    alive: () => !client.exited,
    loggedErrors: () => client.errorLogs,
  };
}
