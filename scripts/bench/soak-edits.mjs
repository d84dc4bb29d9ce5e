// The language-server soak's edits: a seeded generator of editor edits of the soak project (blocking calls typed and
// removed, random deletions, syntax breakage, undo, cross-file edits). The edits depend on the seed only, never on
// the server's answers, so a seed and an edit index reproduce a state. The loop that sends them is soak-run.mjs.
import { Random } from '../lib/random.mjs';
import { applyChange, positionAt, soakOpenFiles, soakProjectFiles } from './soak-project.mjs';

export { applyChange, offsetAt, positionAt, soakOpenFiles, soakProjectFiles } from './soak-project.mjs';

export const defaultSeed = 0x50a4;
export const defaultEdits = 2000;

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
