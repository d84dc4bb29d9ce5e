/**
 * Re-checking only the edited function must give exactly what checking the whole file gives. Every step here runs
 * the way an editor does: a language service whose snapshots carry change ranges, so TypeScript parses
 * incrementally (and reuses, and moves, the old tree's nodes) between the prepared edit and the check.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { Random } from '../../scripts/lib/random.mjs';
import {
  BlockingCallDetector,
  checkedFile,
  checkEditedFile,
  checkFile,
  detectorOptions,
  detectorsFor,
  prepareEdit,
  type CheckedFile,
  type Detectors,
  type Finding,
} from '../src/index.js';

const bothRules = { direct: detectorOptions({}), indirect: detectorOptions({}) };

const folder = path.join(__dirname, '__virtual__').replace(/\\/g, '/');

class Snapshot implements ts.IScriptSnapshot {
  constructor(
    readonly text: string,
    private readonly previous?: Snapshot,
  ) {}
  getText = (start: number, end: number) => this.text.slice(start, end);
  getLength = () => this.text.length;
  getChangeRange(old: ts.IScriptSnapshot): ts.TextChangeRange | undefined {
    if (old !== this.previous) return undefined;
    const [a, b] = [(old as Snapshot).text, this.text];
    let start = 0;
    while (start < Math.min(a.length, b.length) && a[start] === b[start]) start++;
    let suffix = 0;
    while (suffix < Math.min(a.length, b.length) - start && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
    return ts.createTextChangeRange(ts.createTextSpan(start, a.length - suffix - start), b.length - suffix - start);
  }
}

/** An editor session over in-memory files; `edit` then `check` like the language server does. */
class Session {
  private readonly snapshots = new Map<string, { snapshot: Snapshot; version: number }>();
  private readonly service: ts.LanguageService;
  private previous: { file: CheckedFile; detectors: Detectors } | undefined;
  /** How many checks re-checked only the edited function. */
  incremental = 0;

  constructor(
    files: Record<string, string>,
    private readonly main: string,
  ) {
    for (const [name, text] of Object.entries(files)) this.snapshots.set(`${folder}/${name}`, { snapshot: new Snapshot(text), version: 0 });
    this.service = ts.createLanguageService({
      getCompilationSettings: () => ({ strict: true, allowJs: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, types: ['node'], noEmit: true }),
      getScriptFileNames: () => [...this.snapshots.keys()],
      getScriptVersion: (name) => String(this.snapshots.get(name)?.version ?? 0),
      getScriptSnapshot: (name) => this.snapshots.get(name)?.snapshot ?? (ts.sys.fileExists(name) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(name)!) : undefined),
      getCurrentDirectory: () => folder,
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: (name) => this.snapshots.has(name) || ts.sys.fileExists(name),
      readFile: (name) => this.snapshots.get(name)?.snapshot.text ?? ts.sys.readFile(name),
      directoryExists: (name) => name.startsWith(folder) || ts.sys.directoryExists(name),
      getDirectories: (name) => ts.sys.getDirectories(name),
    });
  }

  get text(): string {
    return this.snapshots.get(this.fileName)!.snapshot.text;
  }

  private get fileName(): string {
    return `${folder}/${this.main}`;
  }

  edit(name: string, update: (text: string) => string): void {
    const entry = this.snapshots.get(`${folder}/${name}`)!;
    entry.snapshot = new Snapshot(update(entry.snapshot.text), entry.snapshot);
    entry.version++;
  }

  /** The main file's findings, incrementally where possible; asserts they equal a whole-file check. */
  check(): Finding[] {
    const prepared = this.previous && prepareEdit(this.previous.file, this.previous.detectors, this.text);
    const program = this.service.getProgram()!;
    const sourceFile = program.getSourceFile(this.fileName)!;
    const detectors = detectorsFor(program, bothRules);
    const edited = prepared && checkEditedFile(sourceFile, detectors, prepared);
    if (edited) this.incremental++;
    const fresh = new BlockingCallDetector(program);
    const whole = checkFile(sourceFile, { program, direct: fresh, indirect: fresh });
    expect(normalized(edited ?? whole)).toEqual(normalized(whole));
    this.previous = { file: checkedFile(sourceFile, edited ?? whole, program), detectors };
    return whole;
  }
}

function normalized(findings: readonly Finding[]): unknown[] {
  return [...findings].sort((a, b) => a.range[0] - b.range[0] || a.kind.localeCompare(b.kind)).map((finding) => JSON.parse(JSON.stringify(finding)));
}

const helpers = `import * as fs from 'node:fs';
export function readConfig(file: string): string {
  return fs.readFileSync(file, 'utf8');
}
export function pure(value: number): number {
  return value * 2;
}
`;

const main = `import * as fs from 'node:fs';
import * as crypto from 'node:crypto';
import { pure, readConfig } from './helpers.js';

function pick() {
  return fs;
}

function helper(path: string) {
  const size = pure(1);
  return size;
}

export async function load(path: string) {
  const started = Date.now();
  const text = fs.readFileSync(path, 'utf8');
  return { text, ms: Date.now() - started };
}

export async function hash(password: string) {
  const config = readConfig('config.json');
  const items = [1, 2, 3].map((item) => {
    const value = item + 1;
    return value;
  });
  return crypto.pbkdf2Sync(password, config, 1000, 32, 'sha256').toString('hex') + helper(password) + items.length;
}

export async function later(path: string) {
  return pick().existsSync(path);
}
`;

const insertAfter = (marker: string, line: string) => (text: string) => text.replace(marker, `${marker}\n${line}`);

describe('re-checking the edited function', () => {
  it('moves the findings around an edit inside an async function and re-checks that function alone', () => {
    const session = new Session({ 'main.ts': main, 'helpers.ts': helpers }, 'main.ts');
    const before = session.check();
    session.edit('main.ts', insertAfter('  const started = Date.now();', '  const extra = started + 1;\n  const more = extra * 2;'));
    const after = session.check();
    expect(session.incremental).toBe(1);
    expect(after.length).toBe(before.length);
    // Everything after the edit moved by its length, chains included.
    const pbkdf2 = after.find((finding) => finding.api.id === 'node:crypto.pbkdf2Sync')!;
    expect(session.text.slice(...pbkdf2.range)).toMatch(/^crypto\.pbkdf2Sync\(/);
  });

  it('finds a blocking call typed into an async function, and drops it when removed', () => {
    const session = new Session({ 'main.ts': main, 'helpers.ts': helpers }, 'main.ts');
    const count = session.check().length;
    session.edit('main.ts', insertAfter('  const started = Date.now();', "  fs.writeFileSync(path, 'x');"));
    expect(session.check().length).toBe(count + 1);
    session.edit('main.ts', (text) => text.replace("  fs.writeFileSync(path, 'x');\n", ''));
    expect(session.check().length).toBe(count);
    expect(session.incremental).toBe(2);
  });

  it('checks the whole file when a sync helper starts to block (its callers change)', () => {
    const session = new Session({ 'main.ts': main, 'helpers.ts': helpers }, 'main.ts');
    const count = session.check().length;
    session.edit('main.ts', insertAfter('  const size = pure(1);', "  fs.readFileSync('x');"));
    const after = session.check();
    expect(session.incremental).toBe(0);
    expect(after.length).toBe(count + 1);
    expect(after.some((finding) => finding.kind === 'indirect' && finding.chain?.[0]?.label === 'helper')).toBe(true);
  });

  it('checks the whole file when an edit changes what a function returns (types flow out of it)', () => {
    const session = new Session({ 'main.ts': main, 'helpers.ts': helpers }, 'main.ts');
    expect(session.check().some((finding) => finding.api.id === 'node:fs.existsSync')).toBe(true);
    session.edit('main.ts', (text) => text.replace('  return fs;\n', '  return { existsSync: (path: string) => path.length > 0 };\n'));
    expect(session.check().some((finding) => finding.api.id === 'node:fs.existsSync')).toBe(false);
    expect(session.incremental).toBe(0);
  });

  it('checks the whole file when a helper starts to call a module it is passed (its callers that pass one change)', () => {
    const js = `const fs = require('node:fs');
function probe(file, io) {
  const size = file.length;
  return size;
}
async function main() {
  return probe('x', fs);
}
module.exports = { main };
`;
    const session = new Session({ 'probe.js': js }, 'probe.js');
    expect(session.check()).toEqual([]);
    session.edit('probe.js', insertAfter('  const size = file.length;', '  io.existsSync(file);'));
    expect(session.check().map((finding) => finding.chain?.map((link) => link.label).join(' → '))).toEqual(['probe → fs.existsSync']);
    expect(session.incremental).toBe(0);
  });

  it('re-checks a sync callback and the async function around it', () => {
    const session = new Session({ 'main.ts': main, 'helpers.ts': helpers }, 'main.ts');
    const count = session.check().length;
    session.edit('main.ts', insertAfter('    const value = item + 1;', "    fs.statSync('x');"));
    expect(session.check().length).toBe(count + 1);
    expect(session.incremental).toBe(1);
  });

  it('checks the whole file for edits outside function bodies and for `this.x =` in JavaScript', () => {
    const session = new Session({ 'main.ts': main, 'helpers.ts': helpers }, 'main.ts');
    session.check();
    session.edit('main.ts', insertAfter("import { pure, readConfig } from './helpers.js';", 'const top = 1;'));
    session.check();
    expect(session.incremental).toBe(0);

    const js = `const fs = require('node:fs');
class Store {
  constructor() {
    this.io = { readFileSync: () => '' };
  }
  async load() {
    return this.io.readFileSync('x');
  }
}
module.exports = { Store };
`;
    const jsSession = new Session({ 'store.js': js }, 'store.js');
    expect(jsSession.check()).toEqual([]);
    jsSession.edit('store.js', (text) => text.replace("{ readFileSync: () => '' }", 'fs'));
    expect(jsSession.check().map((finding) => finding.api.id)).toEqual(['node:fs.readFileSync']);
    expect(jsSession.incremental).toBe(0);
  });

  it('agrees with whole-file checks over 300 random edits inside function bodies (fixed seed)', () => {
    const session = new Session({ 'main.ts': main, 'helpers.ts': helpers }, 'main.ts');
    session.check();
    const seeded = new Random(12345);
    const random = (n: number) => seeded.int(0, n - 1);
    const statements = [
      "fs.readFileSync('a');",
      'const n = pure(2);',
      "readConfig('b');",
      "helper('c');",
      "crypto.randomBytes(8);",
      "void fs.promises.readFile('d');",
      "[1].forEach(() => fs.existsSync('e'));",
      'const s = `${',
      '}',
      "const q = 'unterminated",
      'return;',
    ];
    const anchors = ['  const started = Date.now();', '  const size = pure(1);', '    const value = item + 1;', "  const config = readConfig('config.json');"];
    for (let step = 0; step < 300; step++) {
      const inserted = session.text.match(/^ *\/\*e\*\/.*$/gm) ?? [];
      if (inserted.length > 0 && random(3) === 0) {
        const line = inserted[random(inserted.length)]!;
        session.edit('main.ts', (text) => text.replace(`${line}\n`, ''));
      } else {
        session.edit('main.ts', insertAfter(anchors[random(anchors.length)]!, `  /*e*/ ${statements[random(statements.length)]!}`));
      }
      session.check();
    }
    // Most edits stay local; the differential assertion ran on every one of them.
    expect(session.incremental).toBeGreaterThan(100);
    // 300 programs and twice as many checks: minutes on a busy machine, not the default minute.
  }, 600_000);
});
