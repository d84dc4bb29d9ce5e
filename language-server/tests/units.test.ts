/** The server's pure parts: directive parsing, disable-comment edits, incremental snapshots, settings. */
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { DisabledRanges, disableFileEdit, disableLineEdit, findDirectives, isJsxChildPosition, mergeColumn, parseDirectiveText } from '../src/directives.js';
import { DocumentSnapshot, OpenDocuments } from '../src/documents.js';
import { unblockRules } from '../src/eslint-config.js';
import { limitHeapGrowth, serverEnvironment, withServerEnvironment } from '../src/memory.js';
import { ProjectService } from '../src/projects/project-service.js';
import { findNearestConfig, withNodeTypes } from '../src/projects/tsconfig.js';
import { detectorOptions } from 'unblock-core';
import { checkOptions } from '../src/configuration.js';
import { PreliminaryAnswers, type PreliminaryHost } from '../src/preliminary.js';
import { defaultSettings, normalizeSettings } from '../src/settings.js';
import { Startup } from '../src/startup.js';
import { applyEdits } from './helpers/client.js';

const rule = 'unblock/no-blocking-call';

function sourceFile(text: string, fileName = '/x/file.tsx'): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function documentOf(text: string): TextDocument {
  return TextDocument.create('file:///x/file.tsx', 'typescriptreact', 1, text);
}

describe('eslint-disable directives', () => {
  it('parses like ESLint: labels, rule lists, quotes, descriptions', () => {
    expect(parseDirectiveText(' eslint-disable-next-line a, "b" -- why, not c ')).toEqual({ kind: 'eslint-disable-next-line', rules: ['a', 'b'] });
    expect(parseDirectiveText(' eslint-disable-next-line -- only a reason')).toEqual({ kind: 'eslint-disable-next-line', rules: [] });
    expect(parseDirectiveText('eslint-disable')).toEqual({ kind: 'eslint-disable', rules: [] });
    expect(parseDirectiveText(' eslint-disabled foo')).toBeUndefined();
    expect(parseDirectiveText(' see eslint-disable')).toBeUndefined();
    expect(parseDirectiveText(' eslint-env node')).toBeUndefined();
  });

  it('finds directives in comments only: not in strings, templates or JSX text', () => {
    const text = [
      "const a = '// eslint-disable-next-line';",
      'const b = `/* eslint-disable */`;',
      'const c = <p>// eslint-disable-line</p>;',
      'f(); // eslint-disable-line x',
      '/* eslint-disable y */',
      'const d = <div>{/* eslint-disable-next-line z */}</div>;',
      '// eslint-enable',
    ].join('\n');
    expect(findDirectives(sourceFile(text)).map((directive) => [directive.kind, directive.rules])).toEqual([
      ['eslint-disable-line', ['x']],
      ['eslint-disable', ['y']],
      ['eslint-disable-next-line', ['z']],
    ]);
  });

  it('answers per rule and position: line, next line, block disable and enable', () => {
    const text = [
      'a(); // eslint-disable-line',
      '// eslint-disable-next-line other/rule',
      'b();',
      `/* eslint-disable ${rule} */`,
      'c();',
      '/* eslint-enable */',
      'd();',
      '/* eslint-disable */',
      `/* eslint-enable ${rule} */`,
      'e();',
    ].join('\n');
    const file = sourceFile(text, '/x/file.ts');
    const ranges = new DisabledRanges(file);
    const at = (call: string) => text.indexOf(`${call}();`);
    expect(['a', 'b', 'c', 'd', 'e'].filter((call) => ranges.isDisabled(rule, at(call)))).toEqual(['a', 'c']);
    // `eslint-enable <rule>` after a plain `eslint-disable` re-enables that rule only.
    expect(['a', 'b', 'c', 'd', 'e'].filter((call) => ranges.isDisabled('other/rule', at(call)))).toEqual(['a', 'b', 'e']);
  });
});

describe('disable-comment edits', () => {
  it('merges into a directive on the line above, before its description', () => {
    expect(mergeColumn('  // eslint-disable-next-line a -- why', 'eslint-disable-next-line', rule)).toBe('  // eslint-disable-next-line a'.length);
    expect(mergeColumn('  /* eslint-disable-next-line a, b */', 'eslint-disable-next-line', rule)).toBe('  /* eslint-disable-next-line a, b'.length);
    expect(mergeColumn('  {/* eslint-disable-next-line a */}', 'eslint-disable-next-line', rule)).toBe('  {/* eslint-disable-next-line a'.length);
    // Nothing to merge: disables every rule already, names the rule, is code after all, or is another directive.
    expect(mergeColumn('  // eslint-disable-next-line', 'eslint-disable-next-line', rule)).toBeUndefined();
    expect(mergeColumn(`// eslint-disable-next-line ${rule}`, 'eslint-disable-next-line', rule)).toBeUndefined();
    expect(mergeColumn('  /* eslint-disable-next-line a */ f();', 'eslint-disable-next-line', rule)).toBeUndefined();
    expect(mergeColumn('  // eslint-disable-line a', 'eslint-disable-next-line', rule)).toBeUndefined();
    expect(mergeColumn('/* eslint-disable-next-line a */', 'eslint-disable', rule)).toBeUndefined();
  });

  it('inserts above the line with its indentation, keeping CRLF line ends', () => {
    const text = 'async function f() {\r\n\t\treadFileSync(p);\r\n}\r\n';
    const edit = disableLineEdit(documentOf(text), 1, rule, undefined);
    expect(applyEdits(text, [edit])).toBe(`async function f() {\r\n\t\t// eslint-disable-next-line ${rule}\r\n\t\treadFileSync(p);\r\n}\r\n`);
  });

  it('tells JSX children from JavaScript inside JSX', () => {
    const text = [
      'const a = (', //               0
      '  <ul>', //                    1
      '    {readFileSync(p)}', //     2: child expression
      '    <li>{x}</li>', //          3: child element
      '    text {y}', //              4: JSX text
      '    {items.map((i) => {', //   5
      '      readFileSync(i);', //    6: JavaScript inside {…}
      '    })}', //                   7
      '    <Item', //                 8
      '      value={readFileSync(p)}', // 9: attribute
      '    />', //                   10
      '  </ul>', //                  11
      ');', //                        12
      'readFileSync(p);', //          13
    ].join('\n');
    const file = sourceFile(text);
    const document = documentOf(text);
    const lineStart = (line: number) => document.offsetAt({ line, character: /^\s*/.exec(text.split('\n')[line]!)![0].length });
    expect([1, 2, 3, 4, 6, 9, 13].map((line) => [line, isJsxChildPosition(file, lineStart(line))])).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, true],
      [6, false],
      [9, false],
      [13, false],
    ]);
  });

  it('disables for the file at the top, or after a shebang, or merged into a directive there', () => {
    expect(applyEdits('f();\n', [disableFileEdit(documentOf('f();\n'), rule)])).toBe(`/* eslint-disable ${rule} */\nf();\n`);
    const shebang = '#!/usr/bin/env node\nf();\n';
    expect(applyEdits(shebang, [disableFileEdit(documentOf(shebang), rule)])).toBe(`#!/usr/bin/env node\n/* eslint-disable ${rule} */\nf();\n`);
    const existing = '/* eslint-disable no-console */\nf();\n';
    expect(applyEdits(existing, [disableFileEdit(documentOf(existing), rule)])).toBe(`/* eslint-disable no-console, ${rule} */\nf();\n`);
  });
});

describe('documents', () => {
  it('hands TypeScript the change range since the snapshot it read, for incremental parsing', () => {
    const documents = new OpenDocuments();
    const document = documents.open('file:///x/a.ts', 'typescript', 1, 'const a = 1;\n');
    const first = document.takeSnapshot();
    expect(documents.change('file:///x/a.ts', 2, [{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 11 } }, text: '42' }])).toBe('applied');
    expect(documents.change('file:///x/a.ts', 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'a;\n' }])).toBe('applied');
    const third = document.takeSnapshot();
    expect(third.text).toBe('const a = 42;\na;\n');
    // Both edits as one: old text [10, 13) ("1;\n") became [10, 17) ("42;\na;\n").
    expect(third.getChangeRange(first)).toEqual({ span: { start: 10, length: 3 }, newLength: 7 });
    // The incremental parse gives the same tree as a fresh one.
    const old = ts.createSourceFile('a.ts', first.text, ts.ScriptTarget.Latest, true);
    const updated = ts.updateSourceFile(old, third.text, third.getChangeRange(first)!);
    expect(updated.statements.map((statement) => statement.getText(updated))).toEqual(['const a = 42;', 'a;']);
    // An unknown older snapshot: no range, a full parse.
    expect(third.getChangeRange(new DocumentSnapshot('other'))).toBeUndefined();
  });

  it('lets go of the versions TypeScript read before: the newest snapshot does not chain them', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const documents = new OpenDocuments();
    const document = documents.open('file:///x/a.ts', 'typescript', 1, 'let a = 0;\n');
    // What TypeScript does per keystroke: read the current snapshot, then the editor sends the next change.
    const readSnapshots: WeakRef<DocumentSnapshot>[] = [];
    for (let version = 2; version <= 6; version++) {
      readSnapshots.push(new WeakRef(document.takeSnapshot()));
      documents.change('file:///x/a.ts', version, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: `a = ${version};\n` }]);
    }
    const newest = document.takeSnapshot();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(readSnapshots.filter((snapshot) => snapshot.deref() !== undefined)).toHaveLength(0);
    expect(newest.text).toBe('let a = 0;\na = 6;\na = 5;\na = 4;\na = 3;\na = 2;\n');
  });

  it('refuses stale versions and changes of documents that are not open', () => {
    const documents = new OpenDocuments();
    documents.open('file:///x/a.ts', 'typescript', 3, 'a');
    expect(documents.change('file:///x/a.ts', 3, [{ text: 'b' }])).toBe('stale');
    expect(documents.change('file:///x/b.ts', 4, [{ text: 'b' }])).toBe('not-open');
    expect(documents.get('file:///x/a.ts')?.text).toBe('a');
  });
});

describe('settings and configs', () => {
  it('normalizes settings, dropping what is malformed', () => {
    expect(normalizeSettings(undefined)).toEqual(defaultSettings);
    expect(normalizeSettings({ severity: 'fatal', context: 'function', categories: { fs: false, nope: true, crypto: 'yes' }, allow: ['x', 3, { from: 'lib', name: 'y' }] })).toMatchObject({
      severity: 'error',
      context: 'function',
      categories: { fs: false },
      allow: ['x', { from: 'lib', name: 'y' }],
    });
    expect(detectorOptions({ categories: { fs: false, console: true } }).categories).toEqual([
      'process',
      'crypto',
      'compression',
      'database',
      'compile',
      'sync-bridge',
      'console',
    ]);
  });

  it('reads the unblock rules of a calculated ESLint config', () => {
    const { rules, shared, problems } = unblockRules(
      { 'unblock/no-blocking-call': [1, { context: 'everywhere' }], 'no-console': [2], 'unblock/other': 'off' },
      { deny: ['renderPdfSync', { from: 'package' }] },
    );
    expect([...rules]).toEqual([
      ['unblock/no-blocking-call', { severity: 1, options: { context: 'everywhere' } }],
      ['unblock/other', { severity: 0, options: {} }],
    ]);
    // `settings.unblock`, checked like the editor's settings: the entry without `name` is left out, and said.
    expect(shared).toEqual({ deny: ['renderPdfSync'] });
    expect(problems).toEqual(['settings.unblock.deny[1]: must have `name` and `package`']);
  });

  it('finds the nearest of tsconfig.json and jsconfig.json', () => {
    const files = new Set(['/r/tsconfig.json', '/r/app/jsconfig.json']);
    const exists = (file: string) => files.has(file.replace(/\\/g, '/'));
    expect(findNearestConfig('/r/app/src/a.js', exists)).toBe('/r/app/jsconfig.json');
    expect(findNearestConfig('/r/lib/a.ts', exists)).toBe('/r/tsconfig.json');
    expect(findNearestConfig('/elsewhere/a.ts', exists)).toBeUndefined();
  });

  it('adds the bundled @types/node next to the types a project already has', () => {
    const options = withNodeTypes({ types: ['jest'], typeRoots: ['/p/types'] }, '/server/node_modules/@types', '/p');
    expect(options).toMatchObject({ types: ['jest', 'node'], typeRoots: ['/p/types', '/server/node_modules/@types'] });
  });

  it('reloads a project only when its config really changed (sub-millisecond mtimes included)', async () => {
    const folder = (await mkdtemp(path.join(os.tmpdir(), 'unblock-stamps-'))).replace(/\\/g, '/');
    try {
      const config = `${folder}/tsconfig.json`;
      await writeFile(config, '{ "compilerOptions": { "noEmit": true }, "files": ["a.ts"] }');
      // A modification time that rounds up: 1_700_000_000_644.9595 ms.
      await utimes(config, 1_700_000_000.6449595, 1_700_000_000.6449595);
      const documents = new OpenDocuments();
      documents.open(`file://${folder}/a.ts`, 'typescript', 1, 'export {};');
      const logs: string[] = [];
      const service = new ProjectService({ documents, log: (message) => logs.push(message), bundledTypesRoot: undefined, workspaceFolders: () => [] });
      const project = service.projectFor(`${folder}/a.ts`);
      expect(project.configFile).toBe(config);
      expect(await service.reloadIfStale(`${folder}/a.ts`)).toBe(false);
      await utimes(config, 1_700_000_100, 1_700_000_100);
      expect(await service.reloadIfStale(`${folder}/a.ts`)).toBe(true);
      expect(service.projectFor(`${folder}/a.ts`)).not.toBe(project);
      await rm(config);
      expect(await service.reloadIfStale(`${folder}/a.ts`)).toBe(true);
      expect(service.projectFor(`${folder}/a.ts`).configFile).toBeUndefined();
      expect(logs.filter((line) => line.includes('reloading'))).toHaveLength(2);
      service.dispose();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('memory settings', () => {
  it('adds the server environment and keeps a value the user set', () => {
    expect(Object.keys(serverEnvironment)).toContain('MALLOC_MMAP_THRESHOLD_');
    expect(withServerEnvironment({ PATH: '/bin' })).toEqual({ ...serverEnvironment, PATH: '/bin' });
    expect(withServerEnvironment({ MALLOC_MMAP_THRESHOLD_: '65536' }).MALLOC_MMAP_THRESHOLD_).toBe('65536');
  });

  it("limits V8's heap growth unless the flag was given to Node", () => {
    const set: string[] = [];
    expect(limitHeapGrowth(['--inspect'], (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual(['--heap-growing-percent=100']);
    expect(limitHeapGrowth(['--heap-growing-percent=50'], (flags) => set.push(flags))).toBe(false);
    expect(limitHeapGrowth(['--heap_growing_percent=300'], (flags) => set.push(flags))).toBe(false);
    expect(set).toHaveLength(1);
  });
});

describe('warming up the preliminary pass', () => {
  const answers = () => new PreliminaryAnswers({} as PreliminaryHost);

  it("runs the whole pass on its samples (found as in a real file) and reads the first folder's tsconfig.json", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'unblock-warm-up-'));
    try {
      await writeFile(path.join(folder, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }');
      expect(answers().warmUp(checkOptions(undefined, defaultSettings), [folder])).toEqual({ findings: 3, configFile: path.join(folder, 'tsconfig.json') });
      // readFileSync and execSync in the method, readFileSync in the JavaScript sample; not existsSync in the `.map()`
      // callback (only types can tell when a callback runs).
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('does nothing when the preliminary pass is off, or no-blocking-call is', () => {
    const off = answers();
    off.enabled = false;
    expect(off.warmUp(checkOptions(undefined, defaultSettings), [])).toEqual({ findings: 0, configFile: undefined });
    expect(answers().warmUp({ ...checkOptions(undefined, defaultSettings), direct: undefined }, [])).toEqual({ findings: 0, configFile: undefined });
  });
});

describe('the first-answer log', () => {
  it('says when the first answer went out, and after preliminary answers when the first typed one did', () => {
    const lines: string[] = [];
    const startup = new Startup((line) => lines.push(line));
    startup.mark('didOpen');
    expect(startup.answered('file:///p/a.ts', 1, true)).toBe(true);
    expect(startup.answered('file:///p/b.ts', 2, true)).toBe(false);
    expect(startup.answered('file:///p/a.ts', 2, false)).toBe(false);
    startup.answered('file:///p/b.ts', 2, false);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^first answer: a\.ts, 1 diagnostic \(preliminary, types loading\), \+\d+ ms after the process started at \S+ \(loaded \+\d+, didOpen \+\d+; \d+ ms of CPU time\)$/);
    expect(lines[1]).toMatch(/^first typed answer: a\.ts, 2 diagnostics, \+\d+ ms after the process started$/);
  });

  it('says it once when the first answer is typed already', () => {
    const lines: string[] = [];
    const startup = new Startup((line) => lines.push(line));
    startup.answered('file:///p/a.ts', 0, false);
    startup.answered('file:///p/a.ts', 0, false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^first answer: a\.ts, 0 diagnostics, /);
  });
});
