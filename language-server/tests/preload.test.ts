/**
 * Reading a project ahead of its first program (projects/preload.ts): the program then takes the very source files
 * read ahead (parsed once) — its own, what they import, the default libraries, @types/node — and is the same program as without it — the same files, type errors and findings — on a
 * project whose files are parsed with different options (ES modules, CommonJS, `.mts`, `.cts`, checked JavaScript).
 * The work comes in slices with the event loop's turn between them, and stops when the project is disposed.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOptions } from '../src/configuration.js';
import { OpenDocuments } from '../src/documents.js';
import type { Project } from '../src/projects/project.js';
import { preload } from '../src/projects/preload.js';
import { ProjectService } from '../src/projects/project-service.js';
import { defaultSettings } from '../src/settings.js';
import { repoRoot } from './helpers/client.js';

const generated = 40;
const files: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, allowJs: true, checkJs: true, noEmit: true, types: ['node'] }, include: ['src', 'cjs'] }),
  'package.json': JSON.stringify({ type: 'module' }),
  'cjs/package.json': JSON.stringify({ type: 'commonjs' }),
  'src/a.ts': [
    "import { readFileSync } from 'node:fs';",
    "import { load } from './b.js';",
    "import { f0 } from './gen/f0.js';",
    'export async function main(p: string) {',
    '  readFileSync(p);',
    '  return load(p) + f0();',
    '}',
    "export const wrong: number = 'text';",
  ].join('\n'),
  'src/b.ts': "import * as fs from 'node:fs';\nimport { prefix } from '../lib/extra.js';\nexport function load(p: string): string { return prefix + fs.readFileSync(p, 'utf8'); }\n",
  // Outside `include`: in the program through b.ts's import, which the read-ahead follows too.
  'lib/extra.ts': "export const prefix: string = '>';\n",
  'src/e.mts': "import { execSync } from 'node:child_process';\nexport async function run() { return execSync('ls'); }\n",
  'src/d.js': "import { statSync } from 'node:fs';\n/** @param {string} p */\nexport async function size(p) { return statSync(p).size; }\n/** @type {number} */\nexport const n = 'x';\n",
  'cjs/c.cts': "import fs = require('node:fs');\nexport async function exists(p: string) { return fs.existsSync(p); }\n",
  ...Object.fromEntries(
    Array.from({ length: generated }, (_, index) => [
      `src/gen/f${index}.ts`,
      index + 1 < generated ? `import { f${index + 1} } from './f${index + 1}.js';\nexport function f${index}(): number { return f${index + 1}() + 1; }\n` : `export function f${index}(): number { return 0; }\n`,
    ]),
  ),
};

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'unblock-preload-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), text);
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
});
afterAll(() => rm(folder, { recursive: true, force: true }));

function serviceOf(): ProjectService {
  return new ProjectService({ documents: new OpenDocuments(), log: () => undefined, bundledTypesRoot: undefined, workspaceFolders: () => [folder] });
}

const roots = () => Object.keys(files).filter((name) => /\.[cm]?[jt]s$/.test(name)).map((name) => path.join(folder, name));

/** What a program says of the project's own files: which files, each one's type errors and unblock findings. */
function account(project: Project) {
  const program = project.getProgram();
  const options = checkOptions(undefined, defaultSettings);
  return {
    files: program.getSourceFiles().map((file) => file.fileName).sort(),
    errors: roots().map((fileName) => program.getSemanticDiagnostics(program.getSourceFile(fileName)).map((d) => `${path.basename(fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)),
    findings: roots().map((fileName) =>
      project.check(fileName, program.getSourceFile(fileName)?.text ?? '', options).findings.map((finding) => `${path.basename(fileName)} ${finding.kind} ${finding.api.path} ${finding.range.join('-')}`),
    ),
  };
}

describe('reading a project ahead of its first program', () => {
  it('the program takes the very files read ahead, and is the same program as without reading ahead', async () => {
    const ahead = serviceOf();
    const plain = serviceOf();
    try {
      const project = ahead.projectFor(path.join(folder, 'src', 'a.ts'));
      const read = await project.readAhead(0);
      const program = project.getProgram();
      // The project's files, the one they import from outside `include`, the default libraries and @types/node.
      const fromNodeTypes = program.getSourceFiles().filter((file) => file.fileName.includes('/@types/node/'));
      const libraries = program.getSourceFiles().filter((file) => program.isSourceFileDefaultLibrary(file));
      const expected = [...roots(), path.join(folder, 'lib', 'extra.ts'), ...fromNodeTypes.map((file) => file.fileName), ...libraries.map((file) => file.fileName)];
      expect(fromNodeTypes.length).toBeGreaterThan(10);
      expect(libraries.length).toBeGreaterThan(3);
      for (const fileName of expected) expect(program.getSourceFile(fileName), fileName).toBe(read?.files.get(fileName));
      read?.release();

      const withReading = account(project);
      const without = account(plain.projectFor(path.join(folder, 'src', 'a.ts')));
      expect(withReading).toEqual(without);
      expect(withReading.errors.flat()).toEqual(["a.ts: Type 'string' is not assignable to type 'number'.", "d.js: Type 'string' is not assignable to type 'number'."]);
      expect(withReading.findings.flat().map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
        'a.ts direct readFileSync',
        'a.ts indirect load',
        'e.mts direct execSync',
        'd.js direct statSync',
        'c.cts direct existsSync',
      ]);
    } finally {
      ahead.dispose();
      plain.dispose();
    }
  });

  it('holds nothing in the registry once released, or when a file fails to read', async () => {
    // The registry, counting what is held: acquired and not released.
    const real = ts.createDocumentRegistry(true);
    let held = 0;
    const registry: ts.DocumentRegistry = {
      ...real,
      acquireDocument: (...args) => (held++, real.acquireDocument(...args)),
      releaseDocument: ((...args: unknown[]) => {
        held--;
        (real.releaseDocument as (...all: unknown[]) => void)(...args);
      }) as ts.DocumentRegistry['releaseDocument'],
    };
    const entries = () => held;
    const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, noLib: true };
    let reads = 0;
    const host = {
      ...ts.sys,
      getCurrentDirectory: () => folder,
      getScriptVersion: () => '1',
      getScriptSnapshot: (fileName: string) => {
        if (++reads === 3 && failing) throw new Error('unreadable');
        return ts.ScriptSnapshot.fromString(ts.sys.readFile(fileName) ?? '');
      },
    };
    const input = { rootNames: roots(), options, registry, host, resolutionCache: () => ts.createModuleResolutionCache(folder, (name) => name, options), stopped: () => false };
    let failing = false;
    const read = await preload(input);
    expect(entries()).toBe(read.files.size);
    read.release();
    expect(entries()).toBe(0);
    failing = true;
    reads = 0;
    await expect(preload(input)).rejects.toThrow('unreadable');
    expect(entries()).toBe(0);
  });

  it('gives the event loop its turn between slices, and stops once the project is disposed', async () => {
    const service = serviceOf();
    try {
      const project = service.projectFor(path.join(folder, 'src', 'a.ts'));
      const reading = project.readAhead(0);
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      project.dispose();
      const read = await reading;
      expect(read?.slices).toBeGreaterThan(0);
      expect(read?.files.size).toBeLessThan(roots().length);
      read?.release();
      expect(await project.readAhead(0)).toBeUndefined(); // disposed: nothing to read
    } finally {
      service.dispose();
    }
  });
});
